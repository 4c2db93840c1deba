/**
 * Calendar dates as plain ISO strings ("2017-01-23") and whole-day arithmetic.
 *
 * Every date in jobtrial is a calendar date without a time of day. We compute
 * with UTC midnights so no local time zone or daylight-saving change can shift
 * a day; durations are therefore whole days and ties are exact.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

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

/** Days since 1970-01-01 for an ISO date (throws on an invalid date: a bug, callers validate). */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new Error(`internal: not an ISO date: ${JSON.stringify(date)}`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** `date` plus `days` whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: IsoDate): number {
  const weekday = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** An ISO week such as "2017-W03". */
export type IsoWeek = string;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO 8601 week containing `date` ("2017-01-01" is in "2016-W52"). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const dayNumber = toDayNumber(date);
  // The Thursday of the same week decides the week-based year.
  const thursday = dayNumber - isoWeekday(date) + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
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

/** Danish date form "23.01.2017". */
export function formatDanishDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
