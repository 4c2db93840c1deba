/**
 * The hand-worked panel of the path tests: three citizens with a return to A-dagpenge, a
 * move to sickness benefit and 30 prior weeks on support (benefit-paths.test.ts works their
 * paths, expenditure.test.ts their prices).
 */
import { isoWeekOf } from "@jobtrial/core";
import type { CohortMember } from "../../src/evaluation/model.ts";
import type { BenefitWeek } from "../../src/evaluation/read-inputs.ts";

export function member(pseudonym: string, arm: "control" | "intervention", firstUnemploymentDay: string): CohortMember {
  return {
    pseudonym,
    arm,
    intakeWeek: isoWeekOf(firstUnemploymentDay),
    firstUnemploymentDay,
    ageAtEntry: 40,
    sex: "female",
    industryGroup: "Handel og service",
    bornFirstJanuary: false,
    bornFirstOfMonth: false,
    replacementNumber: false,
    voided: false,
    covariates: {},
  };
}

/** Rows for weeks `from`..`to` of one year with one code. */
export function weeks(pseudonym: string, year: number, from: number, to: number, code: string): BenefitWeek[] {
  const rows: BenefitWeek[] = [];
  for (let week = from; week <= to; week++) rows.push({ pseudonym, week: `${year}-W${String(week).padStart(2, "0")}`, code });
  return rows;
}

/**
 * The three citizens of the issue, as of Monday 6 February 2017 (2017-W06):
 * - p1 (control), Wednesday 4 January (2017-W01, 5 days in the entry week): A-dagpenge
 *   W01-W02, no code W03 (a job), back on A-dagpenge W04-W05: days 0-11 adp, 12-18 job,
 *   19-32 adp; 33 days followed; one return.
 * - p2 (intervention), Monday 2 January: A-dagpenge W01-W02, sickness benefit W03-W05:
 *   days 0-13 adp, 14-34 sickness; 35 days.
 * - p3 (intervention), Monday 9 January (W02): 20 weeks of cash benefit (2016-W16 to W35)
 *   and 10 of sickness benefit (2016-W41 to W50) before, 3 weeks without support, then
 *   A-dagpenge W02-W05: 30 prior support weeks, so the entry week is support week 31.
 */
export const ASOF = "2017-02-06";
export const COHORT = [member("p2", "intervention", "2017-01-02"), member("p1", "control", "2017-01-04"), member("p3", "intervention", "2017-01-09")];
export const PANEL: BenefitWeek[] = [
  // rows unsorted on purpose
  ...weeks("p3", 2017, 2, 5, "111"),
  ...weeks("p1", 2017, 4, 5, "111"),
  ...weeks("p2", 2017, 3, 5, "890"),
  ...weeks("p1", 2017, 1, 2, "111"),
  ...weeks("p3", 2016, 16, 35, "130"),
  ...weeks("p2", 2017, 1, 2, "111"),
  ...weeks("p3", 2016, 41, 50, "890"),
  // after the as-of date: not read
  ...weeks("p1", 2017, 6, 8, "890"),
];

