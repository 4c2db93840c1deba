/**
 * Intake projection: how many intervention participants enter in each programme year.
 * Given on the command line; or observed in results.json: a whole year as counted, a year
 * seen only in part projected with the seasonal pattern of the same weeks in the whole
 * years (never the first weeks scaled up to 52); or, for a year not observed, the mean of
 * the years that are; or what the project's expectation implies. Each year's figure
 * carries its source (packages/business-case/docs/business-case.md, "Intake").
 */
import { addDays, daysBetween, isIsoWeek, isoWeekEnd, isoWeekOf, isoWeekStart, type IsoDate, type IsoWeek, type Lang } from "@jobtrial/core";
import { yearLength } from "./calendar-placement.ts";
import { businessCaseTexts, type BusinessCaseTexts } from "./messages.ts";
import type { BusinessCaseResultsInput } from "./results-input.ts";
import { sum } from "simple-statistics";

/** One ISO week of a year's intake in the intervention arm: counted in the register, or projected. */
export interface IntakeWeek {
  week: string;
  kind: "observed" | "projected";
  participants: number;
}

/** A year's intervention intake from results.json: counted whole, or projected from the weeks seen. */
export interface YearIntake {
  year: number;
  /** Participants entering in the whole year. */
  value: number;
  /** Standard error of a projection (Poisson counts, delta method); null for a year counted whole (taken as known). */
  se: number | null;
  method: "observed" | "seasonal";
  /** Participants counted in the register in the weeks seen. */
  observed: number;
  /** Participants projected for the weeks not yet seen (value - observed); 0 for a year counted whole. */
  projected: number;
  /** ISO weeks counted; empty without weekly counts. */
  observedWeeks: string[];
  /** ISO weeks projected; empty for a year counted whole. */
  projectedWeeks: string[];
  /** The whole years whose weekly pattern the projection uses. */
  referenceYears: number[];
  /** Week by week, counted and projected; empty without weekly counts. */
  weeks: IntakeWeek[];
  /** Where the figure comes from, as printed. */
  source: string;
}

/** Intervention entries per year as observed (or projected) from results.json. */
export interface ObservedIntake {
  /** Participants per whole year, counted or projected (the value of each entry of `years`). */
  byYear: Map<number, number>;
  years: Map<number, YearIntake>;
  /** Years seen only in part that could not be projected, and why (as printed, in the result's language). */
  notProjected: { year: number; reason: string }[];
  /** How the figures were read, as printed. */
  note: string;
  /** Years or ISO weeks whose count was suppressed (a small cell) and read as 0. */
  suppressed: string[];
}

/** How a year's participants were found. */
export type IntakeMethod = "given" | "observed" | "seasonal" | "mean" | "implied";

/** Participants per programme year, the source of each, how it was found and its SE (null: taken as known). */
export interface IntakeResolution {
  intake: Map<number, number>;
  sources: Map<number, string>;
  methods: Map<number, IntakeMethod>;
  se: Map<number, number | null>;
}

/**
 * The intake window the counts cover: intake.from/to, else the Monday of the first week of
 * byWeek to the day before asOf (or the last week's Sunday). Undefined when neither end is
 * known or the window is empty.
 *
 * @example intakeWindow({ asOf: "2018-03-01", intake: { byWeek: [{ week: "2017-W01" }, { week: "2018-W09" }], byYear } }) // { from: "2017-01-02", to: "2018-02-28" }
 */
export function intakeWindow(results: BusinessCaseResultsInput): { from: string; to: string } | undefined {
  const weeks = results.intake.byWeek ?? [];
  const from = results.intake.from ?? (weeks.length > 0 ? isoWeekStart(weeks[0]!.week as IsoWeek) : undefined);
  let to = results.intake.to;
  if (to === undefined && weeks.length > 0) to = isoWeekEnd(weeks[weeks.length - 1]!.week as IsoWeek);
  if (to === undefined && results.asOf !== undefined) to = addDays(results.asOf as IsoDate, -1);
  else if (to !== undefined && results.asOf !== undefined && results.intake.to === undefined && results.asOf <= to) to = addDays(results.asOf as IsoDate, -1);
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

/**
 * The ISO weeks of ISO week-year `year`: 52, or 53 in a long year.
 *
 * @example isoWeeksOfYear(2017).length // 52; isoWeeksOfYear(2020).length // 53
 */
export function isoWeeksOfYear(year: number): string[] {
  const count = isIsoWeek(`${year}-W53`) ? 53 : 52;
  return Array.from({ length: count }, (_, index) => `${year}-W${String(index + 1).padStart(2, "0")}`);
}

/** The week number of an ISO week ("2018-W09" -> 9). */
function weekNumber(week: string): number {
  return Number(week.slice(6));
}

/**
 * Seasonal projection of a year seen in part: N = O x B / A, where O is the intervention
 * entries counted in the weeks seen, A the entries (both arms) in the same week numbers of the
 * reference years (the whole years) and B all their entries. Taking O, A and B - A as
 * independent Poisson counts, the delta method gives
 *
 *   Var(N) = (B / A)^2 O + N^2 (1 / A - 1 / B).
 *
 * Week w not seen is projected as N x (reference entries in week w) / B; the projected weeks
 * sum to N - O. A week 53 that no reference year has is projected as 0.
 *
 * @example
 * // reference 2017: 10 a week in weeks 1-26, 30 a week in weeks 27-52 (B = 1,040); 2018: 6 in weeks 1-2 (A = 20)
 * seasonalProjection(6, 20, 1040) // { value: 312, se: sqrt(52^2 x 6 + 312^2 x (1/20 - 1/1040)) = 144.91 }
 */
export function seasonalProjection(observed: number, referenceSeen: number, referenceTotal: number): { value: number; se: number } {
  const value = (observed * referenceTotal) / referenceSeen;
  const scale = referenceTotal / referenceSeen;
  const variance = scale * scale * observed + value * value * (1 / referenceSeen - 1 / referenceTotal);
  return { value, se: Math.sqrt(variance) };
}

/**
 * Intervention entries per year from results.json.
 *
 * With weekly counts (intake.byWeek with control and intervention) and a window, a year is an
 * ISO week-year: a year whose every week lies inside the window is counted whole; a year with
 * only some weeks inside is projected with the seasonal pattern of the whole years
 * (`seasonalProjection`), and is not projected when there is no whole year or the whole years
 * had no entries in those weeks. A week counts as seen when it lies wholly inside the window.
 *
 * Without weekly counts, byYear's calendar years: a year the window covers to within a week
 * is annualized (count x days in the year / days covered); a year covered less is not
 * projected (there is no pattern to project it with); without a window the counts stand.
 * A suppressed (null) count is read as 0 and listed.
 *
 * @example
 * // bundled data as of 2018-03-01: 1,305 intervention entries in the 52 weeks of 2017 (2,582 in both arms,
 * // 498 of them in weeks 1-8); 249 in 2018-W01..W08
 * observedIntake(results).years.get(2018) // { method: "seasonal", observed: 249, value: 249 x 2582 / 498 = 1,291, se: 96.93, ... }
 */
export function observedIntake(results: BusinessCaseResultsInput, lang: Lang = "da"): ObservedIntake {
  const window = intakeWindow(results);
  const weekly = results.intake.byWeek;
  const hasWeeklyCounts = weekly !== undefined && weekly.length > 0 && weekly.every((entry) => entry.intervention !== undefined && entry.control !== undefined);
  const texts = businessCaseTexts(lang);
  return window && hasWeeklyCounts ? weeklyIntake(weekly, window, texts) : yearlyIntake(results, window, texts);
}

type WeekCounts = NonNullable<BusinessCaseResultsInput["intake"]["byWeek"]>;

function weeklyIntake(weekly: WeekCounts, window: { from: string; to: string }, texts: BusinessCaseTexts): ObservedIntake {
  const counts = new Map(weekly.map((entry) => [entry.week, entry]));
  const suppressed = new Set<string>();
  const intervention = (week: string) => {
    const entry = counts.get(week);
    if (entry?.intervention === null) suppressed.add(week);
    return entry?.intervention ?? 0;
  };
  const bothArms = (week: string) => {
    const entry = counts.get(week);
    if (entry && (entry.intervention === null || entry.control === null)) suppressed.add(week);
    return (entry?.control ?? 0) + (entry?.intervention ?? 0);
  };
  const firstYear = Number(isoWeekOf(window.from as IsoDate).slice(0, 4));
  const lastYear = Number(isoWeekOf(window.to as IsoDate).slice(0, 4));
  const whole: { year: number; weeks: string[] }[] = [];
  const partial: { year: number; seen: string[]; unseen: string[] }[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const weeks = isoWeeksOfYear(year);
    const seen = weeks.filter((week) => isoWeekStart(week) >= window.from && isoWeekEnd(week) <= window.to);
    if (seen.length === 0) continue;
    if (seen.length === weeks.length) whole.push({ year, weeks });
    else partial.push({ year, seen, unseen: weeks.filter((week) => !seen.includes(week)) });
  }
  // Sums of citizens counted (whole numbers) by simple-statistics' `sum`; its compensated sum
  // equals the plain one for whole numbers. Sums of fractional values (projections, prices) stay
  // plain loops elsewhere: the compensation changes their last digit, and business-case.json is
  // kept the same to the digit across versions (as survival's `meanAndVariance` says).
  const years = new Map<number, YearIntake>();
  for (const { year, weeks } of whole) {
    const value = sum(weeks.map(intervention));
    years.set(year, {
      year,
      value,
      se: null,
      method: "observed",
      observed: value,
      projected: 0,
      observedWeeks: weeks,
      projectedWeeks: [],
      referenceYears: [],
      weeks: weeks.map((week) => ({ week, kind: "observed", participants: intervention(week) })),
      source: texts.sourceYearCounted(weeks.length, year),
    });
  }
  const notProjected: ObservedIntake["notProjected"] = [];
  const referenceYears = whole.map((entry) => entry.year);
  // entries of both arms in each week number, summed over the whole years
  const referenceByWeek = new Map<number, number>();
  for (const { weeks } of whole) for (const week of weeks) referenceByWeek.set(weekNumber(week), (referenceByWeek.get(weekNumber(week)) ?? 0) + bothArms(week));
  const referenceTotal = sum([...referenceByWeek.values()]);
  for (const { year, seen, unseen } of partial) {
    if (referenceYears.length === 0) {
      notProjected.push({ year, reason: texts.reasonNoWholeYear });
      continue;
    }
    const referenceSeen = sum(seen.map((week) => referenceByWeek.get(weekNumber(week)) ?? 0));
    if (!(referenceSeen > 0) || !(referenceTotal > 0)) {
      notProjected.push({ year, reason: texts.reasonNoReferenceIntake(referenceYears) });
      continue;
    }
    const observed = sum(seen.map(intervention));
    const { value, se } = seasonalProjection(observed, referenceSeen, referenceTotal);
    const weeks: IntakeWeek[] = [
      ...seen.map((week) => ({ week, kind: "observed" as const, participants: intervention(week) })),
      ...unseen.map((week) => ({ week, kind: "projected" as const, participants: (value * (referenceByWeek.get(weekNumber(week)) ?? 0)) / referenceTotal })),
    ].sort((a, b) => (a.week < b.week ? -1 : 1));
    years.set(year, {
      year,
      value,
      se,
      method: "seasonal",
      observed,
      projected: value - observed,
      observedWeeks: seen,
      projectedWeeks: unseen,
      referenceYears,
      weeks,
      source: texts.sourceYearProjected(
        observed,
        [weekNumber(seen[0]!), weekNumber(seen[seen.length - 1]!)],
        year,
        value - observed,
        [weekNumber(unseen[0]!), weekNumber(unseen[unseen.length - 1]!)],
        referenceYears,
      ),
    });
  }
  return {
    byYear: new Map([...years].map(([year, entry]) => [year, entry.value])),
    years,
    notProjected,
    note: texts.intakeNoteWeekly(window.from, window.to),
    suppressed: [...suppressed].sort(),
  };
}

function yearlyIntake(results: BusinessCaseResultsInput, window: { from: string; to: string } | undefined, texts: BusinessCaseTexts): ObservedIntake {
  const years = new Map<number, YearIntake>();
  const notProjected: ObservedIntake["notProjected"] = [];
  const suppressed: string[] = [];
  const note = window ? texts.intakeNoteAnnualized(window.from, window.to) : texts.intakeNoteCounted;
  for (const entry of results.intake.byYear) {
    if (entry.intervention === null) suppressed.push(String(entry.year));
    const count = entry.intervention ?? 0;
    let value = count;
    if (window) {
      const yearStart = `${entry.year}-01-01`;
      const yearEnd = `${entry.year}-12-31`;
      const start = window.from > yearStart ? window.from : yearStart;
      const end = window.to < yearEnd ? window.to : yearEnd;
      if (end < start) continue;
      const covered = daysBetween(start as IsoDate, end as IsoDate) + 1;
      // a year covered to within a week (ISO weeks start on Mondays) is annualized; less is not counted up from its first weeks
      if (covered < yearLength(entry.year) - 6) {
        notProjected.push({ year: entry.year, reason: texts.reasonNoWeeklyCounts(covered) });
        continue;
      }
      value = (count * yearLength(entry.year)) / covered;
    }
    years.set(entry.year, { year: entry.year, value, se: null, method: "observed", observed: count, projected: 0, observedWeeks: [], projectedWeeks: [], referenceYears: [], weeks: [], source: note });
  }
  return { byYear: new Map([...years].map(([year, entry]) => [year, entry.value])), years, notProjected, note, suppressed };
}

/**
 * Participants for each of `years`, first rule that applies: `given` (--participants-per-year);
 * the year counted or projected from results; the mean of those years; `implied` (the intake
 * the project's expectation implies). Only a projection has a standard error; every other
 * figure is taken as known.
 *
 * @example
 * // observed: 2017 counted 1,000, 2018 projected 2,000; 2019 not observed
 * resolveIntake([2017, 2018, 2019], undefined, observed, 1300).intake.get(2019) // 1500 (the mean)
 */
export function resolveIntake(years: number[], given: number | undefined, observed: ObservedIntake | undefined, implied: number, lang: Lang = "da"): IntakeResolution {
  const texts = businessCaseTexts(lang);
  const resolution: IntakeResolution = { intake: new Map(), sources: new Map(), methods: new Map(), se: new Map() };
  const set = (year: number, value: number, method: IntakeMethod, source: string, se: number | null = null) => {
    resolution.intake.set(year, value);
    resolution.methods.set(year, method);
    resolution.sources.set(year, source);
    resolution.se.set(year, se);
  };
  const observedValues = observed ? [...observed.byYear.values()] : [];
  const observedMean = observedValues.length > 0 ? observedValues.reduce((sum, value) => sum + value, 0) / observedValues.length : undefined;
  for (const year of years) {
    const seen = observed?.years.get(year);
    if (given !== undefined) {
      set(year, given, "given", texts.sourceGivenParticipants);
    } else if (seen) {
      set(year, seen.value, seen.method, seen.source, seen.se);
    } else if (observed && observedMean !== undefined) {
      const partly = observed.notProjected.find((entry) => entry.year === year);
      const why = partly ? texts.whyPartlyNotProjected(year, partly.reason) : texts.whyYearNotObserved;
      set(year, observedMean, "mean", texts.sourceMean([...observed.byYear.keys()], why));
    } else {
      set(year, implied, "implied", texts.sourceImplied);
    }
  }
  return resolution;
}
