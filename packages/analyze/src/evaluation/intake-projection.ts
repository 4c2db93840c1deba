/**
 * Intake after the as-of date, projected with the seasonal pattern of the weeks already
 * seen (issue 14, item 6): unemployment has a strong season (a winter peak), so the last
 * 13 weeks times 52 overstates a year's intake when the as-of date falls in winter.
 *
 * Rule, decided once: the weeks seen are the complete ISO weeks from the first week
 * after the earliest entry's week (or that week itself when the earliest entry is its
 * Monday) to the last week that ends before the as-of date. A future week's intake is the
 * mean intake of the weeks seen whose Monday lies within 17 days, by day of the year, of
 * the future week's Monday (the same calendar week ± 2 weeks, in every year seen); a week
 * of the year not yet seen gets the mean of all weeks seen. No trend: the level is that
 * of the weeks seen. With no complete week seen, the intake so far per week. Intake ends
 * after the last entry day (`intakeEndDay`).
 */
import { mean } from "simple-statistics";
import { fromDayNumber, isoWeekday, toDayNumber } from "@jobtrial/core";

/** The assumption in words, for results.precision.intakeAssumption. */
export const INTAKE_ASSUMPTION =
  "Intake after the as-of date is projected per arm week by week as the mean intake of the same weeks of the year (± 2 weeks) already seen in complete ISO weeks; a week of the year not yet seen gets the mean of all weeks seen. There is no trend: the level is that of the weeks seen. Intake ends at the end of intake (intake.firstUnemploymentDayTo, else the end of the project period).";

/** Days either side of a week's Monday, by day of the year, that count as the same season. */
const SEASON_WINDOW_DAYS = 17;
const DAYS_PER_YEAR = 365.25;

export interface IntakeProjection {
  /** Projected entrants on the days from the as-of date through `day` (a day number), at most through the end of intake; 0 before the as-of date. */
  cumulativeThrough(day: number): number;
  /** Projected intake of the week starting on a Monday (day number). */
  weekly(monday: number): number;
}

function dayOfYear(day: number): number {
  const date = fromDayNumber(day);
  return day - toDayNumber(`${date.slice(0, 4)}-01-01`);
}

/** Circular distance of two days of the year. */
function seasonDistance(a: number, b: number): number {
  const distance = Math.abs(a - b) % DAYS_PER_YEAR;
  return Math.min(distance, DAYS_PER_YEAR - distance);
}

/** Monday (day number) of the ISO week of a day number. */
function mondayOf(day: number): number {
  return day - (isoWeekday(fromDayNumber(day)) - 1);
}

/**
 * The seasonal intake projection of one arm from the entry days (day numbers) seen before
 * the as-of date.
 *
 * @example
 * // 10 a week through the first half of 2017, 30 a week in the second half; as of 2018-01-01:
 * // a week in July 2018 is projected at 30, a week in March 2018 at 10.
 * seasonalIntake(entries, toDayNumber("2018-01-01"), toDayNumber("2018-12-31")).weekly(toDayNumber("2018-07-02")) // 30
 */
export function seasonalIntake(entries: readonly number[], asOfDay: number, intakeEndDay: number): IntakeProjection {
  const seen: { monday: number; count: number }[] = [];
  if (entries.length > 0) {
    const earliest = Math.min(...entries);
    const firstMonday = mondayOf(earliest) === earliest ? earliest : mondayOf(earliest) + 7;
    const counts = new Map<number, number>();
    for (const entry of entries) if (entry < asOfDay) counts.set(mondayOf(entry), (counts.get(mondayOf(entry)) ?? 0) + 1);
    for (let monday = firstMonday; monday + 6 < asOfDay; monday += 7) seen.push({ monday, count: counts.get(monday) ?? 0 });
  }
  const overall =
    seen.length > 0
      ? mean(seen.map((week) => week.count))
      : entries.length === 0
        ? 0
        : entries.length / Math.max(1, (asOfDay - Math.min(...entries)) / 7);
  const cache = new Map<number, number>();
  const weekly = (monday: number): number => {
    const known = cache.get(monday);
    if (known !== undefined) return known;
    const season = dayOfYear(monday);
    const same = seen.filter((week) => seasonDistance(dayOfYear(week.monday), season) <= SEASON_WINDOW_DAYS);
    const value = same.length > 0 ? mean(same.map((week) => week.count)) : overall;
    cache.set(monday, value);
    return value;
  };
  // Daily projected intake from the as-of date to the end of intake, cumulated.
  const cumulative: number[] = [];
  let total = 0;
  for (let day = asOfDay; day <= intakeEndDay; day++) {
    total += weekly(mondayOf(day)) / 7;
    cumulative.push(total);
  }
  return {
    weekly,
    cumulativeThrough(day: number) {
      if (day < asOfDay || cumulative.length === 0) return 0;
      return cumulative[Math.min(day, intakeEndDay) - asOfDay]!;
    },
  };
}
