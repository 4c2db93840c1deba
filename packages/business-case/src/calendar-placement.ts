/**
 * Calendar placement: in which calendar years the spell days of a year's entries fall.
 * results.json carries no entry dates, so the entries of year Y are taken as spread evenly
 * over its L_Y days; spell day k of an entry on day d of Y falls on calendar day d + k
 * (packages/business-case/docs/business-case.md, "Calendar placement").
 */

/**
 * Days in a Gregorian calendar year (leap years: divisible by 4, not by 100 unless by 400).
 *
 * @example yearLength(2016) // 366; yearLength(2017) // 365; yearLength(1900) // 365
 */
export function yearLength(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * Days from 1 January of `from` to 1 January of `to`; negative when `to` is before `from`.
 *
 * @example daysBetweenYears(2016, 2018) // 731 (366 + 365); daysBetweenYears(2018, 2017) // -365
 */
export function daysBetweenYears(from: number, to: number): number {
  let days = 0;
  for (let year = from; year < to; year++) days += yearLength(year);
  for (let year = to; year < from; year++) days -= yearLength(year);
  return days;
}

/**
 * Calendar fraction f_{Y,Z}(k): the share of the entries of `entryYear` (Y, uniform over its
 * L_Y days) whose spell day `day` (k) falls in calendar year `year` (Z):
 *
 *   f_{Y,Z}(k) = |{d in [0, L_Y): d + k in Z}| / L_Y
 *             = max(0, min(L_Y, end - k) - max(0, start - k)) / L_Y,
 *
 * with Z = [start, end) counted in days from 1 January of Y. Summed over Z it is 1.
 *
 * @example
 * calendarFraction(2017, 2017, 100) // 265 / 365: entries on days 0-264 keep day 100 in 2017
 * calendarFraction(2017, 2018, 100) // 100 / 365: entries on days 265-364 reach 2018
 */
export function calendarFraction(entryYear: number, year: number, day: number): number {
  const start = daysBetweenYears(entryYear, year);
  const end = start + yearLength(year);
  const length = yearLength(entryYear);
  return Math.max(0, Math.min(length, end - day) - Math.max(0, start - day)) / length;
}

/**
 * The calendar years in which spell days 0 .. horizon - 1 of entries in `entryYear` can
 * fall: the entry year and every following year until the last entry's last day (day
 * L_Y - 1 + horizon - 1 after 1 January of Y) is reached.
 *
 * @example yearsReached(2017, 364) // [2017, 2018]; yearsReached(2017, 1) // [2017]
 */
export function yearsReached(entryYear: number, horizon: number): number[] {
  const years = [entryYear];
  let reached = yearLength(entryYear);
  while (reached < horizon - 1 + yearLength(entryYear)) {
    const next = years[years.length - 1]! + 1;
    years.push(next);
    reached += yearLength(next);
  }
  return years;
}
