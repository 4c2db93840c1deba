/**
 * The seam between counting and everything after it. Both paths count the same things:
 *
 * - the counting window: from the first week of data to the last complete week up to the
 *   as-of date (`countingWindow`);
 * - per indicator, its counted rows (`MeasureCounts`: per week a numerator and, for
 *   shares, a denominator; per month of ending the status counts) over that window, and
 *   the distinct persons behind the period's weeks so far (for stocks and stock shares:
 *   the `persons` figure the small-cell rule looks at).
 *
 * The memory path counts them from the panel in `measures.ts`. The engine path (DuckDB
 * through @jobtrial/engine's `runDuckDbIndicatorCounts`, or the same SQL elsewhere)
 * answers `planIndicatorCounts`'s requests, and `countsFromAnswer` turns each answer into
 * the same `MeasureCounts`. Every measure moves to the engine: each depends on the panel
 * only through counts per week (or per ended spell), and the one per-person figure, the
 * persons behind a period, is a COUNT(DISTINCT) over the period's weeks.
 */
import { fromDayNumber, isoWeekOf, toDayNumber, type IsoDate } from "@jobtrial/core";
import type { Indicator, IndicatorSpec, Measure, Population } from "./definition.ts";
import { mondaysBetween, statusPoints, type MeasureCounts } from "./measures.ts";
import { mondayOf } from "./read-data.ts";

/** The weeks counted, by their Mondays (day numbers); with no data, an empty window (first after last). */
export interface CountingWindow {
  firstMonday: number;
  lastMonday: number;
  /** The as-of date of the results: the one given, or the Sunday of the last week counted. */
  asOf: IsoDate;
}

/** The weeks from the first Monday of the data to the last complete week up to the as-of date. */
export function countingWindow(extent: { firstMonday: number; lastMonday: number } | null, asOf?: IsoDate): CountingWindow {
  const asOfMonday = asOf === undefined ? null : mondayOf(isoWeekOf(asOf));
  // The last complete week: the as-of date's week when it is its Sunday, else the week before.
  const lastComplete = asOfMonday === null ? null : toDayNumber(asOf!) === asOfMonday + 6 ? asOfMonday : asOfMonday - 7;
  const lastMonday = extent === null ? lastComplete : lastComplete === null ? extent.lastMonday : Math.min(extent.lastMonday, lastComplete);
  const firstMonday = extent?.firstMonday ?? lastMonday;
  const resultAsOf = asOf ?? (lastMonday === null ? "1970-01-01" : fromDayNumber(lastMonday + 6));
  if (firstMonday === null || lastMonday === null || firstMonday > lastMonday) return { firstMonday: 0, lastMonday: -7, asOf: resultAsOf };
  return { firstMonday, lastMonday, asOf: resultAsOf };
}

/** An indicator's counted rows and the distinct persons behind its period so far (null where the measure does not use them). */
export interface IndicatorCounts extends MeasureCounts {
  periodPersons: number | null;
}

/** The Mondays of the weeks of a period: the weeks whose Thursday lies in it (ISO's rule for a week's year). */
export function periodMondays(period: { from: IsoDate; to: IsoDate }): number[] {
  const fromMonday = mondayOf(isoWeekOf(period.from));
  const first = toDayNumber(period.from) <= fromMonday + 3 ? fromMonday : fromMonday + 7;
  const toMonday = mondayOf(isoWeekOf(period.to));
  const last = toDayNumber(period.to) >= toMonday + 3 ? toMonday : toMonday - 7;
  return mondaysBetween(first, last);
}

/**
 * The weeks of an indicator's period counted so far (its weeks within the window), for
 * the measures whose period figure counts distinct persons; null for the others (events
 * per week count events, the status after end counts spells) and when no week is counted.
 */
export function periodPersonsRange(indicator: Indicator, window: CountingWindow): { population: Population; firstMonday: number; lastMonday: number } | null {
  const measure = indicator.measure;
  if (measure.kind === "weeklyEvents" || measure.kind === "statusAfterEnd") return null;
  const mondays = periodMondays(indicator.period).filter((monday) => monday >= window.firstMonday && monday <= window.lastMonday);
  if (mondays.length === 0) return null;
  return { population: measure.population, firstMonday: mondays[0]!, lastMonday: mondays.at(-1)! };
}

/** What an engine is asked to count for one indicator (the shape @jobtrial/engine's `IndicatorCountRequest` takes). */
export interface IndicatorCountRequest {
  measure: Measure;
  firstMonday: number;
  lastMonday: number;
  persons: { population: Population; firstMonday: number; lastMonday: number }[];
}

/** The requests for every indicator of `spec`, in its order: nothing to count in an empty window. */
export function planIndicatorCounts(spec: IndicatorSpec, window: CountingWindow): IndicatorCountRequest[] {
  if (window.firstMonday > window.lastMonday) return [];
  return spec.indicators.map((indicator) => {
    const range = periodPersonsRange(indicator, window);
    return { measure: indicator.measure, firstMonday: window.firstMonday, lastMonday: window.lastMonday, persons: range === null ? [] : [range] };
  });
}

/** An engine's answer to one request (the shape @jobtrial/engine's `IndicatorCountAnswer` has). */
export interface IndicatorCountAnswer {
  /** Weekly measures: the weeks with a count; a week of the window without a row counts 0. */
  weeks: readonly { monday: number; numerator: number; denominator: number | null }[];
  /** The status after end: ended spells by the Sunday of their last week (day number) and status. */
  ended: readonly { endDay: number; status: string; count: number }[];
  /** The persons of each of the request's `persons` ranges, in order. */
  persons: readonly number[];
}

/**
 * An engine's answer as the counted rows `measures.ts` gives in memory: every week of
 * the window (0 where the engine had no row; a share's stock 0 too), or the months of
 * ending in order with their status counts.
 */
export function countsFromAnswer(indicator: Indicator, window: CountingWindow, answer: IndicatorCountAnswer): IndicatorCounts {
  const measure = indicator.measure;
  const periodPersons = periodPersonsRange(indicator, window) === null ? null : (answer.persons[0] ?? 0);
  if (measure.kind === "statusAfterEnd") {
    const byMonth = new Map<string, Record<string, number>>();
    for (const spell of answer.ended) {
      const month = fromDayNumber(spell.endDay).slice(0, 7);
      const counts = byMonth.get(month) ?? {};
      counts[spell.status] = (counts[spell.status] ?? 0) + spell.count;
      byMonth.set(month, counts);
    }
    return { ...statusPoints(byMonth, measure.successStatuses), periodPersons };
  }
  const share = measure.kind === "stockShare" || measure.kind === "eventShare";
  const byMonday = new Map(answer.weeks.map((week) => [week.monday, week]));
  const points = mondaysBetween(window.firstMonday, window.lastMonday).map((monday) => {
    const week = byMonday.get(monday);
    return { label: isoWeekOf(fromDayNumber(monday)), start: fromDayNumber(monday), numerator: week?.numerator ?? 0, denominator: share ? (week?.denominator ?? 0) : null };
  });
  return { points, statusCounts: null, periodPersons };
}
