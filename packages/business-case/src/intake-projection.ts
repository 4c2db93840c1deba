/**
 * Intake projection: how many intervention participants enter in each programme year.
 * Given on the command line, or observed in results.json and annualized over the intake
 * window, or (for years not observed) the mean of the observed years, or what the
 * project's expectation implies; each year's figure carries its source
 * (packages/business-case/docs/business-case.md, "The part of results.json it reads").
 */
import { addDays, daysBetween, isoWeekEnd, isoWeekStart, type IsoDate, type IsoWeek } from "@jobtrial/core";
import { yearLength } from "./calendar-placement.ts";
import type { BusinessCaseResultsInput } from "./results-input.ts";

/** Intervention entries per year as observed in results.json. */
export interface ObservedIntake {
  /** Entries per year, annualized over the intake window when it is known. */
  byYear: Map<number, number>;
  /** Where the figures come from, as printed. */
  note: string;
  /** Years whose count was suppressed (a small cell) and read as 0. */
  suppressed: number[];
}

/** Participants per programme year and the source of each. */
export interface IntakeResolution {
  intake: Map<number, number>;
  sources: Map<number, string>;
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
 * Intervention entries per year from the results, annualized over the intake window when it
 * is known: count x days in the year / days of the year inside the window. A year outside
 * the window is left out; a suppressed (null) count is read as 0 and listed.
 *
 * @example
 * // 315 entries from 1 January to 28 February 2018 (59 days)
 * observedIntake(results).byYear.get(2018) // 315 x 365 / 59 = 1,948.7
 */
export function observedIntake(results: BusinessCaseResultsInput): ObservedIntake {
  const byYear = new Map<number, number>();
  const suppressed: number[] = [];
  const window = intakeWindow(results);
  for (const entry of results.intake.byYear) {
    if (entry.intervention === null) suppressed.push(entry.year);
    const count = entry.intervention ?? 0;
    if (window) {
      const yearStart = `${entry.year}-01-01`;
      const yearEnd = `${entry.year}-12-31`;
      const start = window.from > yearStart ? window.from : yearStart;
      const end = window.to < yearEnd ? window.to : yearEnd;
      if (end < start) continue;
      const covered = daysBetween(start as IsoDate, end as IsoDate) + 1;
      byYear.set(entry.year, (count * yearLength(entry.year)) / covered);
    } else {
      byYear.set(entry.year, count);
    }
  }
  const note = window
    ? `registret (results.json), indsatsgruppen, omregnet til helår ud fra indtag ${window.from} til ${window.to}`
    : "registret (results.json), indsatsgruppen, optalt pr. år (intet indtagsvindue i results.json, ikke omregnet til helår)";
  return { byYear, note, suppressed };
}

/**
 * Participants for each of `years`, first rule that applies: `given` (--participants-per-year);
 * the year observed in results; the mean of the observed years; `implied` (the intake the
 * project's expectation implies).
 *
 * @example resolveIntake([2017, 2018, 2019], undefined, { byYear: new Map([[2017, 1000], [2018, 2000]]), ... }, 1300).intake.get(2019) // 1500
 */
export function resolveIntake(years: number[], given: number | undefined, observed: ObservedIntake | undefined, implied: number): IntakeResolution {
  const intake = new Map<number, number>();
  const sources = new Map<number, string>();
  const observedValues = observed ? [...observed.byYear.values()] : [];
  const observedMean = observedValues.length > 0 ? observedValues.reduce((sum, value) => sum + value, 0) / observedValues.length : undefined;
  for (const year of years) {
    if (given !== undefined) {
      intake.set(year, given);
      sources.set(year, "angivet (--participants-per-year)");
    } else if (observed && observed.byYear.has(year)) {
      intake.set(year, observed.byYear.get(year)!);
      sources.set(year, observed.note);
    } else if (observed && observedMean !== undefined) {
      intake.set(year, observedMean);
      sources.set(year, "gennemsnit af de observerede år i registret (året er ikke observeret)");
    } else {
      intake.set(year, implied);
      sources.set(year, "implicit i projektets forventning (konfigurationens expectations)");
    }
  }
  return { intake, sources };
}
