/**
 * Calendar dates as plain ISO strings ("2017-01-23") and whole-day arithmetic.
 *
 * Every date in jobtrial is a calendar date without a time of day. We compute
 * with day numbers (whole days since 1970-01-01, by calendar arithmetic, never
 * through a `Date` in a time zone), so no daylight-saving change can shift a
 * day; durations are therefore whole days and ties are exact. The Danish and
 * English forms of a date are in danish-format.ts.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD". */
export type IsoDate = string;

/** True for a valid Gregorian calendar date in ISO form, leap days included. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True when year-month-day names a real calendar day (proleptic Gregorian). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/**
 * Day number of a calendar date: days since 1970-01-01 (negative before).
 * Throws on a text that is not a valid ISO date: a bug, callers validate.
 *
 * Arithmetic only, no `Date` object (the simulator calls this in its inner
 * loops): Howard Hinnant's days_from_civil, proleptic Gregorian calendar
 * (http://howardhinnant.github.io/date_algorithms.html). With the year
 * starting on 1 March, the leap day is the year's last day:
 *   dayOfYear = floor((153 * (month + 9 mod 12) + 2) / 5) + day - 1
 *   dayNumber = 146097 * era + 365 * yearOfEra + floor(yearOfEra / 4)
 *               - floor(yearOfEra / 100) + dayOfYear - 719468
 * where an era is 400 years (146,097 days) and 719,468 is the day number of
 * 0000-03-01.
 *
 * @example toDayNumber("2017-01-23") // 17189
 */
export function toDayNumber(date: IsoDate): number {
  // Digit by digit rather than by regular expression: this runs for every simulated citizen.
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || !isValidYmd(year, month, day)) {
    throw new Error(`internal: not an ISO date: ${JSON.stringify(date)}`);
  }
  return dayNumberOf(year, month, day);
}

/** The number written by `count` decimal digits of `text` from `at`; NaN when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** `toDayNumber` of a valid year, month (1-12) and day, trusted. */
function dayNumberOf(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The ISO date of a day number (days since 1970-01-01), for years 0-9999.
 * Howard Hinnant's civil_from_days, the inverse of `toDayNumber`, with no
 * `Date` object.
 *
 * @example fromDayNumber(17189) // "2017-01-23"
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** `date` plus `days` whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday, Monday = 1 ... Sunday = 7 (day number 0, 1970-01-01, was a Thursday). */
export function isoWeekday(date: IsoDate): number {
  return weekdayOf(toDayNumber(date));
}

function weekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** An ISO week such as "2017-W03". */
export type IsoWeek = string;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO 8601 week containing `date` ("2017-01-01" is in "2016-W52"). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const dayNumber = toDayNumber(date);
  // The Thursday of the same week decides the week-based year.
  const thursday = dayNumber - weekdayOf(dayNumber) + 4;
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOf(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Number of ISO weeks (52 or 53) in an ISO week-based year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`) === `${year}-W53` ? 53 : 52;
}

/** True for a well-formed, existing ISO week ("2020-W53" exists, "2017-W53" does not). */
export function isIsoWeek(value: string): boolean {
  const match = ISO_WEEK.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

/** The Monday that starts an ISO week. */
export function isoWeekStart(week: IsoWeek): IsoDate {
  const match = ISO_WEEK.exec(week);
  if (!match || !isIsoWeek(week)) throw new Error(`internal: not an ISO week: ${JSON.stringify(week)}`);
  const year = Number(match[1]);
  const jan4 = `${year}-01-04`;
  const week1Monday = toDayNumber(jan4) - (isoWeekday(jan4) - 1);
  return fromDayNumber(week1Monday + (Number(match[2]) - 1) * 7);
}

/** The Sunday that ends an ISO week. */
export function isoWeekEnd(week: IsoWeek): IsoDate {
  return addDays(isoWeekStart(week), 6);
}
