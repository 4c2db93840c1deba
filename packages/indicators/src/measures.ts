/**
 * The measures, as STAR's jobindsats.dk defines them (../shared/domain.md §5), computed
 * from the panel into counted rows: per week (or, for the status after an ended spell,
 * per month of ending) a numerator and, for shares, a denominator. Everything after them
 * (period values, intervals, baselines, projections) works on the counted rows only, so
 * the engine path can deliver the same rows from SQL instead of this file.
 *
 * - Full-time persons: for each person the weeks in the population within the period
 *   divided by the weeks of the period, summed (26 of 52 weeks = 0.5). The same number as
 *   the average stock over the period's weeks; both paths are kept and tested to agree.
 * - Average stock: the mean over the period's weeks of the persons in the population.
 * - Share of a stock in a state: full-time persons in the state among full-time persons
 *   in the population (63 of 362 full-time persons = 17.4 %).
 * - Share of a stock with an event within the last weeks (a complete, up-to-date CV).
 * - Events per week from an event log.
 * - Status k months after an ended spell: the panel's codes in the week holding the day
 *   k calendar months after the spell's last day (a Sunday).
 */
import { fromDayNumber, isoWeekOf, toDayNumber, type IsoDate } from "@jobtrial/core";
import type { Measure } from "./definition.ts";
import { codeSet, membership, type Membership } from "./population.ts";
import type { IndicatorData } from "./read-data.ts";

/** One counted row: a week ("2020-W05") or a month of ending ("2020-03"). */
export interface CountedPoint {
  label: string;
  /** Its first day. */
  start: IsoDate;
  numerator: number;
  /** For shares: the stock (or the ended spells) the numerator is a part of; null otherwise. */
  denominator: number | null;
}

/** Ended spells by status, for one month of ending. */
export interface StatusCounts {
  month: string;
  counts: Record<string, number>;
}

export interface MeasureCounts {
  points: CountedPoint[];
  /** The status after an ended spell: counts by status and month of ending. */
  statusCounts: StatusCounts[] | null;
}

/** The Mondays from `first` to `last`, both included. */
export function mondaysBetween(first: number, last: number): number[] {
  const mondays: number[] = [];
  for (let monday = first; monday <= last; monday += 7) mondays.push(monday);
  return mondays;
}

function weekPoint(monday: number, numerator: number, denominator: number | null): CountedPoint {
  return { label: isoWeekOf(fromDayNumber(monday)), start: fromDayNumber(monday), numerator, denominator };
}

/** Persons in the population each week. */
function stockByWeek(data: IndicatorData, inPopulation: Membership, mondays: readonly number[]): number[] {
  return mondays.map((monday) => {
    let stock = 0;
    for (const pseudonym of data.panel.keys()) if (inPopulation(pseudonym, monday)) stock++;
    return stock;
  });
}

/**
 * Full-time persons over `mondays` (the period's weeks): per person, the weeks in the
 * population divided by the number of weeks, summed; and the persons with any week.
 *
 * @example fullTimePersons(panel of one person on the benefit 26 of 52 weeks, ...) // { fullTimePersons: 0.5, persons: 1 }
 */
export function fullTimePersons(data: IndicatorData, inPopulation: Membership, mondays: readonly number[]): { fullTimePersons: number; persons: number } {
  let total = 0;
  let persons = 0;
  for (const pseudonym of data.panel.keys()) {
    let weeksIn = 0;
    for (const monday of mondays) if (inPopulation(pseudonym, monday)) weeksIn++;
    if (weeksIn > 0) persons++;
    total += mondays.length === 0 ? 0 : weeksIn / mondays.length;
  }
  return { fullTimePersons: total, persons };
}

/** The first day `months` calendar months after `date`, the day of the month kept or the month's last day when it has fewer days. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Ended spells in the population and each one's status `months` after its last day.
 * A spell ends with its last week in the population before `weeksWithout` weeks in a row
 * outside it; a spell whose gap is not complete by the last week, or whose status day
 * lies after it, is not counted yet. The status is the first status whose codes the week
 * of the status day holds; a week without codes is the status with no codes; any other
 * week is "other".
 */
export function endedSpellStatuses(
  data: IndicatorData,
  measure: Extract<Measure, { kind: "statusAfterEnd" }>,
  lastMonday: number,
): { end: IsoDate; status: string }[] {
  const inPopulation = membership(data, measure.population);
  const statusCodes = measure.statuses.map((status) => ({ name: status.name, codes: codeSet(status.codes) }));
  const noCodeStatus = measure.statuses.find((status) => status.codes.length === 0)?.name ?? "other";
  const statusOf = (codes: readonly string[] | undefined): string => {
    if (codes === undefined || codes.length === 0) return noCodeStatus;
    return statusCodes.find((status) => codes.some((code) => status.codes.has(code)))?.name ?? "other";
  };
  const ended: { end: IsoDate; status: string }[] = [];
  for (const [pseudonym, weeks] of data.panel) {
    const inWeeks = [...weeks.keys()].filter((monday) => monday <= lastMonday && inPopulation(pseudonym, monday)).sort((a, b) => a - b);
    for (let index = 0; index < inWeeks.length; index++) {
      const last = inWeeks[index]!;
      const next = inWeeks[index + 1];
      const gapWeeks = next === undefined ? (lastMonday - last) / 7 : (next - last) / 7 - 1;
      if (gapWeeks < measure.weeksWithout) continue;
      const end = fromDayNumber(last + 6);
      const statusDay = addMonths(end, measure.months);
      const statusMonday = toDayNumber(statusDay) - ((toDayNumber(statusDay) - last) % 7);
      if (statusMonday > lastMonday) continue;
      ended.push({ end, status: statusOf(weeks.get(statusMonday)) });
    }
  }
  return ended;
}

/**
 * The counted rows of a measure from the first week of data to `lastMonday` (the last
 * complete week up to the as-of date).
 */
export function countMeasure(data: IndicatorData, measure: Measure, firstMonday: number, lastMonday: number): MeasureCounts {
  const mondays = mondaysBetween(firstMonday, lastMonday);
  switch (measure.kind) {
    case "fullTimePersons":
    case "averageStock": {
      const stock = stockByWeek(data, membership(data, measure.population), mondays);
      return { points: mondays.map((monday, index) => weekPoint(monday, stock[index]!, null)), statusCounts: null };
    }
    case "stockShare": {
      const inPopulation = membership(data, measure.population);
      const inState = membership(data, { codes: measure.stateCodes });
      const points = mondays.map((monday) => {
        let stock = 0;
        let state = 0;
        for (const pseudonym of data.panel.keys()) {
          if (!inPopulation(pseudonym, monday)) continue;
          stock++;
          if (inState(pseudonym, monday)) state++;
        }
        return weekPoint(monday, state, stock);
      });
      return { points, statusCounts: null };
    }
    case "eventShare": {
      const inPopulation = membership(data, measure.population);
      const kinds = codeSet(measure.events);
      const eventWeeks = new Map<string, number[]>();
      for (const event of data.events) if (kinds.has(event.kind)) eventWeeks.set(event.pseudonym, [...(eventWeeks.get(event.pseudonym) ?? []), event.monday]);
      const windowDays = measure.withinWeeks * 7;
      const points = mondays.map((monday) => {
        let stock = 0;
        let withEvent = 0;
        for (const pseudonym of data.panel.keys()) {
          if (!inPopulation(pseudonym, monday)) continue;
          stock++;
          if ((eventWeeks.get(pseudonym) ?? []).some((eventMonday) => eventMonday <= monday && eventMonday > monday - windowDays)) withEvent++;
        }
        return weekPoint(monday, withEvent, stock);
      });
      return { points, statusCounts: null };
    }
    case "weeklyEvents": {
      const kinds = codeSet(measure.events);
      const inPopulation = measure.population === undefined ? null : membership(data, measure.population);
      const perWeek = new Map<number, number>();
      for (const event of data.events) {
        if (!kinds.has(event.kind) || (inPopulation !== null && !inPopulation(event.pseudonym, event.monday))) continue;
        perWeek.set(event.monday, (perWeek.get(event.monday) ?? 0) + 1);
      }
      return { points: mondays.map((monday) => weekPoint(monday, perWeek.get(monday) ?? 0, null)), statusCounts: null };
    }
    case "statusAfterEnd": {
      const byMonth = new Map<string, Record<string, number>>();
      for (const spell of endedSpellStatuses(data, measure, lastMonday)) {
        const month = spell.end.slice(0, 7);
        const counts = byMonth.get(month) ?? {};
        counts[spell.status] = (counts[spell.status] ?? 0) + 1;
        byMonth.set(month, counts);
      }
      return statusPoints(byMonth, measure.successStatuses);
    }
  }
}

/**
 * The status after end's counted rows from its ended spells counted by month of ending
 * ("2020-03") and status: per month in order, the spells ending then (denominator) and
 * those in a success status (numerator).
 */
export function statusPoints(byMonth: ReadonlyMap<string, Record<string, number>>, successStatuses: readonly string[]): MeasureCounts {
  const success = new Set(successStatuses);
  const months = [...byMonth.keys()].sort();
  const statusCounts = months.map((month) => ({ month, counts: byMonth.get(month)! }));
  const points = statusCounts.map(({ month, counts }) => {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const successes = Object.entries(counts).reduce((sum, [status, count]) => sum + (success.has(status) ? count : 0), 0);
    return { label: month, start: `${month}-01`, numerator: successes, denominator: total };
  });
  return { points, statusCounts };
}
