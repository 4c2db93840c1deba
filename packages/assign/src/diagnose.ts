/**
 * Rule diagnostics: is the allocation what the birthdate rule and the
 * calendar predict? A day-of-month rule does not split 50/50: days 1-15 are
 * 180 of 365 days (49.3 %). The expected share here is the calendar share of
 * each citizen's birth year, averaged over the citizens, and the observed
 * share is tested against it with an exact binomial test, cumulatively and
 * per week. Heaping: the shares born on the 1st of a month and on 1 January
 * in each arm are tested against the calendar's (1 January is the default
 * birth date of immigrants with unknown birth dates; the rule sends all of
 * them to the same arm).
 *
 * The binomial test comes from @jobtrial/survival, loaded when a diagnosis
 * runs: `jobtrial assign`, which loads this package too, never pays for
 * loading the estimators (about 0.2 s of its start, bench/README.md).
 */
import type { AssignmentRule } from "@jobtrial/core";
import { daysInMonth, isLeapYear, type IsoWeek } from "@jobtrial/core";
import { voidedBatchSeqs, type Register } from "./register.ts";
import { armForBirthDate, ARMS, type Arm } from "./rule.ts";

export interface AllocationRow {
  birthDate: string;
  arm: Arm;
  week: IsoWeek;
}

export interface ShareTest {
  /** Citizens counted. */
  n: number;
  /** Citizens with the property (intervention, born on the 1st, ...). */
  count: number;
  /** count / n; null when n = 0. */
  share: number | null;
  expectedShare: number;
  /** Exact two-sided binomial test against expectedShare. */
  pValue: number;
}

export interface AllocationDiagnostics {
  /** Active assignments counted. */
  n: number;
  /** Intervention share of a common (365-day) year under the rule. */
  calendarShare: number;
  /** Intervention share cumulatively, against the share expected from the citizens' birth years. */
  cumulative: ShareTest;
  /** The same per week, in week order. */
  weeks: (ShareTest & { week: IsoWeek })[];
  /** Share born on the 1st of a month, per arm. */
  bornFirstOfMonth: Record<Arm, ShareTest>;
  /** Share born on 1 January, per arm. */
  bornFirstOfJanuary: Record<Arm, ShareTest>;
  /** Assignments whose arm is not the rule's arm for their birth date (the rule was changed). */
  armMismatches: number;
  /** Warnings with an English `message` and the same in Danish (`messageDa`), for staff output. */
  warnings: { code: "share_off" | "week_share_off" | "heaping_first_of_month" | "heaping_first_of_january" | "arm_mismatch"; message: string; messageDa: string }[];
}

export interface DiagnoseOptions {
  /** Significance level for warnings; per-week tests use alpha / number of weeks (Bonferroni). Default: 0.01 */
  alpha?: number;
}

interface YearCalendar {
  intervention: number;
  days: number;
  /** Days that are the 1st of a month / 1 January, per arm. */
  first: Record<Arm, number>;
  january1: Record<Arm, number>;
  armDays: Record<Arm, number>;
}

function yearCalendar(rule: AssignmentRule, year: number): YearCalendar {
  const calendar: YearCalendar = {
    intervention: 0,
    days: isLeapYear(year) ? 366 : 365,
    first: { intervention: 0, control: 0 },
    january1: { intervention: 0, control: 0 },
    armDays: { intervention: 0, control: 0 },
  };
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const arm = armForBirthDate(rule, `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      calendar.armDays[arm]++;
      if (arm === "intervention") calendar.intervention++;
      if (day === 1) calendar.first[arm]++;
      if (day === 1 && month === 1) calendar.january1[arm]++;
    }
  }
  return calendar;
}

/** An exact two-sided binomial test's p-value (survival's `binomialTestTwoSided`). */
type BinomialTest = (count: number, n: number, expectedShare: number) => number;

function shareTest(binomialTest: BinomialTest, count: number, n: number, expectedShare: number): ShareTest {
  return { n, count, share: n === 0 ? null : count / n, expectedShare, pValue: binomialTest(count, n, expectedShare) };
}

function percent(value: number | null): string {
  return value === null ? "-" : `${(value * 100).toFixed(1)} %`;
}

/** Danish number form: decimal comma (13,7 %; p = 7,9e-23). */
function danish(text: string): string {
  return text.replace(/(\d)\.(\d)/g, "$1,$2");
}

const ARM_DA: Record<Arm, string> = { intervention: "indsats", control: "kontrol" };

/** Diagnoses an allocation. Empty input gives n = 0, p-values of 1 and no warnings. */
export async function diagnoseAllocation(rows: readonly AllocationRow[], rule: AssignmentRule, options: DiagnoseOptions = {}): Promise<AllocationDiagnostics> {
  const { binomialTestTwoSided } = await import("@jobtrial/survival");
  const alpha = options.alpha ?? 0.01;
  const calendars = new Map<number, YearCalendar>();
  const calendarFor = (year: number): YearCalendar => {
    let calendar = calendars.get(year);
    if (!calendar) calendars.set(year, (calendar = yearCalendar(rule, year)));
    return calendar;
  };
  let expectedSum = 0;
  let intervention = 0;
  let armMismatches = 0;
  const weeks = new Map<string, { n: number; count: number; expectedSum: number }>();
  const byArm: Record<Arm, { n: number; first: number; january1: number; expectedFirst: number; expectedJanuary1: number }> = {
    intervention: { n: 0, first: 0, january1: 0, expectedFirst: 0, expectedJanuary1: 0 },
    control: { n: 0, first: 0, january1: 0, expectedFirst: 0, expectedJanuary1: 0 },
  };
  for (const row of rows) {
    const calendar = calendarFor(Number(row.birthDate.slice(0, 4)));
    const expected = calendar.intervention / calendar.days;
    expectedSum += expected;
    const isIntervention = row.arm === "intervention";
    if (isIntervention) intervention++;
    if (armForBirthDate(rule, row.birthDate) !== row.arm) armMismatches++;
    let week = weeks.get(row.week);
    if (!week) weeks.set(row.week, (week = { n: 0, count: 0, expectedSum: 0 }));
    week.n++;
    week.expectedSum += expected;
    if (isIntervention) week.count++;
    const arm = byArm[row.arm];
    arm.n++;
    const day = row.birthDate.slice(8, 10);
    if (day === "01") arm.first++;
    if (day === "01" && row.birthDate.slice(5, 7) === "01") arm.january1++;
    const armDays = calendar.armDays[row.arm];
    arm.expectedFirst += armDays === 0 ? 0 : calendar.first[row.arm] / armDays;
    arm.expectedJanuary1 += armDays === 0 ? 0 : calendar.january1[row.arm] / armDays;
  }
  const n = rows.length;
  const common = yearCalendar(rule, 2017);
  const cumulative = shareTest(binomialTestTwoSided, intervention, n, n === 0 ? common.intervention / common.days : expectedSum / n);
  const weekTests = [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, entry]) => ({ week, ...shareTest(binomialTestTwoSided, entry.count, entry.n, entry.expectedSum / entry.n) }));
  const bornFirstOfMonth = {} as Record<Arm, ShareTest>;
  const bornFirstOfJanuary = {} as Record<Arm, ShareTest>;
  for (const arm of ARMS) {
    const entry = byArm[arm];
    bornFirstOfMonth[arm] = shareTest(binomialTestTwoSided, entry.first, entry.n, entry.n === 0 ? 0 : entry.expectedFirst / entry.n);
    bornFirstOfJanuary[arm] = shareTest(binomialTestTwoSided, entry.january1, entry.n, entry.n === 0 ? 0 : entry.expectedJanuary1 / entry.n);
  }
  const warnings: AllocationDiagnostics["warnings"] = [];
  if (n > 0 && cumulative.pValue < alpha) {
    warnings.push({
      code: "share_off",
      message: `the intervention share ${percent(cumulative.share)} differs from the ${percent(cumulative.expectedShare)} the rule and the calendar predict (exact binomial test p = ${cumulative.pValue.toPrecision(2)}); check that every eligible citizen is in the intake and that the rule was applied as configured`,
      messageDa: danish(`andelen i indsats ${percent(cumulative.share)} afviger fra de ${percent(cumulative.expectedShare)}, som reglen og kalenderen giver (eksakt binomialtest p = ${cumulative.pValue.toPrecision(2)}); kontrollér, at alle berettigede borgere er med i indtaget, og at reglen er brugt som konfigureret`),
    });
  }
  const weekAlpha = alpha / Math.max(1, weekTests.length);
  for (const week of weekTests) {
    if (week.pValue < weekAlpha) {
      warnings.push({
        code: "week_share_off",
        message: `week ${week.week}: intervention share ${percent(week.share)} of ${week.n} against ${percent(week.expectedShare)} expected (p = ${week.pValue.toPrecision(2)}, below ${weekAlpha.toPrecision(2)} after correction for ${weekTests.length} weeks); check that week's intake`,
        messageDa: danish(`uge ${week.week}: andel i indsats ${percent(week.share)} af ${week.n} mod forventet ${percent(week.expectedShare)} (p = ${week.pValue.toPrecision(2)}, under ${weekAlpha.toPrecision(2)} efter korrektion for ${weekTests.length} uger); kontrollér ugens indtag`),
      });
    }
  }
  for (const arm of ARMS) {
    const first = bornFirstOfMonth[arm];
    if (first.n > 0 && first.share !== null && first.share > first.expectedShare && first.pValue < alpha) {
      warnings.push({
        code: "heaping_first_of_month",
        message: `${arm}: ${percent(first.share)} born on the 1st of a month against ${percent(first.expectedShare)} expected (p = ${first.pValue.toPrecision(2)}); birth dates heap on the 1st (often immigrants with unknown birth dates), so show balance by origin and by "born on the 1st"`,
        messageDa: danish(`${ARM_DA[arm]}: ${percent(first.share)} født den 1. i måneden mod forventet ${percent(first.expectedShare)} (p = ${first.pValue.toPrecision(2)}); fødselsdatoer hober sig op den 1. (ofte indvandrere uden kendt fødselsdato), så vis balancen efter herkomst og efter "født den 1."`),
      });
    }
    const january = bornFirstOfJanuary[arm];
    if (january.n > 0 && january.share !== null && january.share > january.expectedShare && january.pValue < alpha) {
      warnings.push({
        code: "heaping_first_of_january",
        message: `${arm}: ${percent(january.share)} born on 1 January against ${percent(january.expectedShare)} expected (p = ${january.pValue.toPrecision(2)}); 1 January is the registered birth date of many immigrants with unknown birth dates, so show balance by origin and consider a sensitivity analysis without them`,
        messageDa: danish(`${ARM_DA[arm]}: ${percent(january.share)} født 1. januar mod forventet ${percent(january.expectedShare)} (p = ${january.pValue.toPrecision(2)}); 1. januar er den registrerede fødselsdato for mange indvandrere uden kendt fødselsdato, så vis balancen efter herkomst og overvej en følsomhedsanalyse uden dem`),
      });
    }
  }
  if (armMismatches > 0) {
    warnings.push({
      code: "arm_mismatch",
      message: `${armMismatches} assignments are not in the arm the configured rule gives their birth date; the rule in the configuration was changed after they were assigned`,
      messageDa: `${armMismatches} tildelinger er ikke i den gruppe, som den konfigurerede regel giver deres fødselsdato; reglen i konfigurationen er ændret, efter de blev tildelt`,
    });
  }
  return { n, calendarShare: common.intervention / common.days, cumulative, weeks: weekTests, bornFirstOfMonth, bornFirstOfJanuary, armMismatches, warnings };
}

/** The active (not voided) assignments of a register, for `diagnoseAllocation`. */
export function registerAllocationRows(register: Register): AllocationRow[] {
  const voided = voidedBatchSeqs(register);
  const rows = register.db.prepare("SELECT batch_seq, birth_date, arm, week FROM assignments ORDER BY seq").all() as { batch_seq: number; birth_date: string; arm: Arm; week: string }[];
  return rows.filter((row) => !voided.has(row.batch_seq)).map((row) => ({ birthDate: row.birth_date, arm: row.arm, week: row.week }));
}
