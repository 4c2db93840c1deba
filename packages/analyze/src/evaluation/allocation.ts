/**
 * Intake counts and the allocation against the rule's expected share.
 *
 * Expected share: the rule's calendar share of each citizen's birth year,
 * averaged over the citizens (days 1-15 are 180 of 365 days, 49.3 %, not
 * 50 %). The cohort carries no birth date, so the birth year is taken as the
 * year of the first unemployment day minus the age at entry (an error of one
 * year does not matter: the share differs between leap and common years by
 * 0.1 percentage point); a citizen without an age gets the common-year share. The observed share is
 * tested with an exact two-sided binomial test, cumulatively and per week.
 *
 * Heaping: the share born on the 1st of a month and on 1 January in each arm
 * against the calendar's share of such days among the arm's birth days; a
 * share far above it (all registered-1-January immigrants land in the arm of
 * day 1) is flagged.
 */
import { armForBirthDate, expectedInterventionShareForYear } from "@jobtrial/assign";
import { daysInMonth, type AssignmentRule } from "@jobtrial/core";
import { binomialTestTwoSided } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import { armCountsBy } from "./arm-counts.ts";
import type { CohortMember } from "./model.ts";
import { cell, isSmall, suppressGroup } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;
const REFERENCE_COMMON_YEAR = 2001;
const REFERENCE_LEAP_YEAR = 2000;

function birthYearOf(member: CohortMember): number {
  return member.ageAtEntry === null ? REFERENCE_COMMON_YEAR : Number(member.firstUnemploymentDay.slice(0, 4)) - Math.round(member.ageAtEntry);
}

/** Share of an arm's birth days that are the 1st of a month / 1 January (common and leap years weighted 3:1). */
function calendarHeaping(rule: AssignmentRule): Record<(typeof ARMS)[number], { firstOfMonth: number; january1: number }> {
  const totals = { control: { days: 0, first: 0, january1: 0 }, intervention: { days: 0, first: 0, january1: 0 } };
  for (const [year, weight] of [[REFERENCE_COMMON_YEAR, 3], [REFERENCE_LEAP_YEAR, 1]] as const) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= daysInMonth(year, month); day++) {
        const arm = armForBirthDate(rule, `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
        totals[arm].days += weight;
        if (day === 1) totals[arm].first += weight;
        if (day === 1 && month === 1) totals[arm].january1 += weight;
      }
    }
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    control: { firstOfMonth: share(totals.control.first, totals.control.days), january1: share(totals.control.january1, totals.control.days) },
    intervention: { firstOfMonth: share(totals.intervention.first, totals.intervention.days), january1: share(totals.intervention.january1, totals.intervention.days) },
  };
}

export function intakeCounts(members: readonly CohortMember[], minCellSize: number): Results["intake"] {
  const active = members.filter((member) => !member.voided);
  const weeks = armCountsBy(active, (member) => member.intakeWeek);
  const weekKeys = [...weeks.keys()].sort();
  const years = [...new Set(weekKeys.map((week) => Number(week.slice(0, 4))))].sort((a, b) => a - b);
  const byWeek: Results["intake"]["byWeek"] = weekKeys.map((week) => ({ week, control: 0, intervention: 0 }));
  // Complementary suppression of the weeks within each year (the year totals are published).
  for (const year of years) {
    const indices = weekKeys.map((week, index) => (Number(week.slice(0, 4)) === year ? index : -1)).filter((index) => index >= 0);
    for (const arm of ARMS) {
      const suppressed = suppressGroup(indices.map((index) => weeks.get(weekKeys[index]!)![arm]), minCellSize);
      indices.forEach((index, position) => (byWeek[index]![arm] = suppressed[position]!));
    }
  }
  const byYearKey = armCountsBy(active, (member) => member.intakeWeek.slice(0, 4));
  const yearCounts = years.map((year) => byYearKey.get(String(year))!);
  const byYear: Results["intake"]["byYear"] = years.map((year) => ({ year, control: 0, intervention: 0 }));
  for (const arm of ARMS) {
    const suppressed = suppressGroup(yearCounts.map((counts) => counts[arm]), minCellSize);
    years.forEach((_, index) => (byYear[index]![arm] = suppressed[index]!));
  }
  return { byWeek, byYear };
}

export function allocationMeasures(members: readonly CohortMember[], rule: AssignmentRule, minCellSize: number): Results["allocation"] {
  const active = members.filter((member) => !member.voided);
  const shareCache = new Map<number, number>();
  const expectedFor = (member: CohortMember) => {
    const year = birthYearOf(member);
    let share = shareCache.get(year);
    if (share === undefined) {
      share = expectedInterventionShareForYear(rule, year);
      shareCache.set(year, share);
    }
    return share;
  };
  const n = active.length;
  const intervention = active.filter((member) => member.arm === "intervention").length;
  const expectedShare = n === 0 ? expectedInterventionShareForYear(rule, REFERENCE_COMMON_YEAR) : active.reduce((sum, member) => sum + expectedFor(member), 0) / n;
  const warnings: string[] = [];
  const alerts: NonNullable<Results["allocation"]["alerts"]> = [];
  const binomialP = binomialTestTwoSided(intervention, n, expectedShare);
  if (n > 0 && binomialP < 0.01) {
    alerts.push({ code: "share-differs", observed: intervention / n, expected: expectedShare, p: binomialP });
    warnings.push(`the intervention share ${(intervention / n * 100).toFixed(1)} % differs from the rule's expected ${(expectedShare * 100).toFixed(1)} % (exact binomial p = ${binomialP.toPrecision(2)}); check for birthdates entered wrongly or citizens moved between arms`);
  }

  const weeks = [...new Set(active.map((member) => member.intakeWeek))].sort();
  const byWeek = weeks.map((week) => {
    const inWeek = active.filter((member) => member.intakeWeek === week);
    const weekIntervention = inWeek.filter((member) => member.arm === "intervention").length;
    const weekExpected = inWeek.reduce((sum, member) => sum + expectedFor(member), 0) / inWeek.length;
    // A week row is shown only when both arms' counts are shown (n - intervention would reveal control).
    const shown = !isSmall(weekIntervention, minCellSize) && !isSmall(inWeek.length - weekIntervention, minCellSize);
    return {
      week,
      n: shown ? inWeek.length : null,
      intervention: shown ? weekIntervention : null,
      share: shown ? weekIntervention / inWeek.length : null,
      expectedShare: weekExpected,
      binomialP: shown ? binomialTestTwoSided(weekIntervention, inWeek.length, weekExpected) : null,
    };
  });

  const calendar = calendarHeaping(rule);
  const heapingArm = (arm: (typeof ARMS)[number], flag: (member: CohortMember) => boolean | null, expected: number) => {
    const inArm = active.filter((member) => member.arm === arm);
    const known = inArm.filter((member) => flag(member) !== null);
    if (known.length === 0) return { n: null, share: null, expectedShare: expected };
    const count = known.filter((member) => flag(member) === true).length;
    return { n: cell(count, minCellSize), share: isSmall(count, minCellSize) ? null : count / known.length, expectedShare: expected, raw: count / known.length };
  };
  const heaping = {
    bornFirstOfMonth: {
      control: heapingArm("control", (member) => member.bornFirstOfMonth, calendar.control.firstOfMonth),
      intervention: heapingArm("intervention", (member) => member.bornFirstOfMonth, calendar.intervention.firstOfMonth),
    },
    bornFirstJanuary: {
      control: heapingArm("control", (member) => member.bornFirstJanuary, calendar.control.january1),
      intervention: heapingArm("intervention", (member) => member.bornFirstJanuary, calendar.intervention.january1),
    },
  };
  for (const arm of ARMS) {
    for (const [label, code, entry] of [
      ["the 1st of a month", "heaping-first-of-month", heaping.bornFirstOfMonth[arm]],
      ["1 January", "heaping-january-1", heaping.bornFirstJanuary[arm]],
    ] as const) {
      const raw = "raw" in entry ? entry.raw : undefined;
      if (raw !== undefined && raw > 2 * entry.expectedShare + 0.002) {
        alerts.push({ code, arm, observed: raw, expected: entry.expectedShare });
        warnings.push(
          `heaping: ${(raw * 100).toFixed(1)} % of the ${arm} arm are registered as born on ${label} against ${(entry.expectedShare * 100).toFixed(1)} % from the calendar; the rule sends all of them to one arm (see balance and the subgroup without them)`,
        );
      }
    }
  }
  const strip = (entry: { n: number | null; share: number | null; expectedShare: number }) => ({ n: entry.n, share: entry.share, expectedShare: entry.expectedShare });
  const replacement = (arm: (typeof ARMS)[number]) => {
    const known = active.filter((member) => member.arm === arm && member.replacementNumber !== null);
    return known.length === 0 ? null : cell(known.filter((member) => member.replacementNumber).length, minCellSize);
  };
  return {
    expectedShare,
    observedShare: n === 0 ? 0 : intervention / n,
    n,
    intervention,
    binomialP,
    byWeek,
    heaping: {
      bornFirstOfMonth: { control: strip(heaping.bornFirstOfMonth.control), intervention: strip(heaping.bornFirstOfMonth.intervention) },
      bornFirstJanuary: { control: strip(heaping.bornFirstJanuary.control), intervention: strip(heaping.bornFirstJanuary.intervention) },
      replacementNumbers: { control: replacement("control"), intervention: replacement("intervention") },
    },
    warnings,
    alerts,
  };
}
