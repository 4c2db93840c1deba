/**
 * Numbers, amounts, shares and dates as people read them: Danish by default
 * (1.700.000 kr., 9,3 dage, 61,9 %, 23.01.2017), English on request
 * (1,700,000 DKK, 9.3 days, 61.9%, 23 Jan 2017). The one formatter every
 * package uses (the staff list's counts, the business case, the report, the
 * CLI). Written out by hand rather than through `Intl`, so the text is the
 * same whatever ICU data or time zone the machine has.
 *
 * Where outputs differ on purpose, an option says so instead of a second
 * formatter: the report writes the minus sign U+2212 (`minus: "\u2212"`) and
 * rounds a number's exact binary value as `toFixed` does (`rounding: "exact"`);
 * plain text, the business case and CSV files write the ASCII hyphen and round
 * the number as it is written (`rounding: "shortest"`, as `Intl.NumberFormat`
 * and Excel do). Only ASCII spaces are written: "61,9 %", never U+00A0.
 */
import { isIsoDate, type IsoDate } from "./dates.ts";

/** The language of a text: Danish or English. */
export type Lang = "da" | "en";

const SEPARATORS: Record<Lang, { thousands: string; decimal: string }> = {
  da: { thousands: ".", decimal: "," },
  en: { thousands: ",", decimal: "." },
};

/** The en dash, printed for a missing number or date unless `missing` says otherwise. */
export const EN_DASH = "\u2013";

/** The minus sign U+2212 (reads better than a hyphen in tables; the report uses it). */
export const MINUS_SIGN = "\u2212";

export interface NumberFormatOptions {
  /** Digits after the decimal separator (0-20). Default: 0 */
  decimals?: number;
  /** The sign before a negative number: the ASCII hyphen-minus or the minus sign U+2212. A number that rounds to zero has no sign ("0,0", never "-0,0"). Default: "-" */
  minus?: "-" | typeof MINUS_SIGN;
  /** Write "+" before a positive number that does not round to zero ("+3,7"). Default: false */
  signed?: boolean;
  /** The text for null, undefined, NaN and the infinities. Default: "\u2013" (en dash) */
  missing?: string;
  /**
   * How a number is rounded to `decimals`, half away from zero either way:
   * "shortest" rounds the shortest decimal that reads back as the same number
   * (1.005 -> "1,01", as `Intl.NumberFormat` and Excel show it); "exact" rounds
   * the number's exact binary value (1.005 is 1.00499999999999989... -> "1,00",
   * as `Number.prototype.toFixed`). Default: "shortest"
   */
  rounding?: "shortest" | "exact";
}

/**
 * The digits of |value| rounded half away from zero to `decimals` places, in
 * the form `toFixed` writes ("1234.50"), from the shortest decimal form of
 * the number (`toExponential()` without an argument gives exactly that).
 */
function shortestFixed(magnitude: number, decimals: number): string {
  const [mantissa, exponentText] = magnitude.toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  // The decimal point sits after `pointAt` digits of `digits` (may be <= 0 or past the end).
  const pointAt = Number(exponentText) + 1;
  const kept = pointAt + decimals;
  if (kept < 0) return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
  let wholeDigits = digits.length > kept ? digits.slice(0, kept) : digits.padEnd(kept, "0");
  if (digits.length > kept && digits.charCodeAt(kept) >= 53 /* "5" */) {
    // Round up: add one in the last kept place, carrying leftwards.
    const places = wholeDigits.split("");
    let at = places.length - 1;
    while (at >= 0 && places[at] === "9") places[at--] = "0";
    if (at >= 0) places[at] = String(Number(places[at]) + 1);
    else places.unshift("1");
    wholeDigits = places.join("");
  }
  // Now `wholeDigits` holds the rounded number times 10^decimals.
  const padded = wholeDigits.padStart(decimals + 1, "0");
  const integer = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, "");
  return decimals === 0 ? integer : `${integer}.${padded.slice(padded.length - decimals)}`;
}

/**
 * A number with thousands grouping and a fixed number of decimals, Danish
 * (1.700.000,5) or English (1,700,000.5). Missing and non-finite values print
 * as `missing`.
 *
 * @example formatNumber(1700000, "da") // "1.700.000"
 * @example formatNumber(-9.25, "en", { decimals: 1, minus: "\u2212", rounding: "exact" }) // "−9.3"
 * @example formatNumber(1.005, "da", { decimals: 2 }) // "1,01" (rounding "exact": "1,00")
 */
export function formatNumber(value: number | null | undefined, lang: Lang, options: NumberFormatOptions = {}): string {
  const { decimals = 0, minus = "-", signed = false, missing = EN_DASH, rounding = "shortest" } = options;
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  const magnitude = Math.abs(value);
  const fixed = rounding === "exact" || magnitude >= 1e21 ? magnitude.toFixed(decimals) : shortestFixed(magnitude, decimals);
  const [whole, fraction] = fixed.split(".") as [string, string | undefined];
  const { thousands, decimal } = SEPARATORS[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const zero = !/[1-9]/.test(fixed);
  const sign = zero ? "" : value < 0 ? minus : signed ? "+" : "";
  return `${sign}${grouped}${fraction === undefined ? "" : decimal + fraction}`;
}

/**
 * A whole count with thousands grouping: 1627021 -> "1.627.021" / "1,627,021".
 *
 * @example formatCount(147911) // "147.911"
 */
export function formatCount(value: number, lang: Lang = "da"): string {
  return formatNumber(value, lang);
}

/**
 * An amount in kroner, whole kroner unless `decimals` says otherwise:
 * "1.700.000 kr." / "1,700,000 DKK". Missing values print as `missing` alone.
 *
 * @example formatKroner(1700000, "da") // "1.700.000 kr."
 * @example formatKroner(-2500000, "en") // "-2,500,000 DKK"
 */
export function formatKroner(value: number | null | undefined, lang: Lang, options: NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return options.missing ?? EN_DASH;
  const text = formatNumber(value, lang, options);
  return lang === "da" ? `${text} kr.` : `${text} DKK`;
}

/**
 * An amount in millions of kroner, one decimal unless `decimals` says
 * otherwise: "1,7 mio. kr." / "DKK 1.7m".
 *
 * @example formatMillionKroner(-2230000, "da") // "-2,2 mio. kr."
 */
export function formatMillionKroner(value: number | null | undefined, lang: Lang, options: NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return options.missing ?? EN_DASH;
  const text = formatNumber(value / 1e6, lang, { decimals: 1, ...options });
  return lang === "da" ? `${text} mio. kr.` : `DKK ${text}m`;
}

/**
 * A share from 0 to 1 as a percentage, one decimal unless `decimals` says
 * otherwise: 0.634 -> "63,4 %" (Danish, with an ASCII space) / "63.4%".
 *
 * @example formatPercent(0.619, "da") // "61,9 %"
 * @example formatPercent(0.5, "en", { decimals: 0 }) // "50%"
 */
export function formatPercent(share: number | null | undefined, lang: Lang, options: NumberFormatOptions = {}): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return options.missing ?? EN_DASH;
  const text = formatNumber(share * 100, lang, { decimals: 1, ...options });
  return lang === "da" ? `${text} %` : `${text}%`;
}

/**
 * A number of days, one decimal unless `decimals` says otherwise, with the
 * unit in the singular when the number reads as one: "9,3 dage", "1,0 dag" /
 * "9.3 days", "1.0 day".
 *
 * @example formatDays(9.34, "da") // "9,3 dage"
 * @example formatDays(1, "en", { decimals: 2 }) // "1.00 day"
 */
export function formatDays(value: number | null | undefined, lang: Lang, options: NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return options.missing ?? EN_DASH;
  const text = formatNumber(value, lang, { decimals: 1, ...options });
  const one = /^\+?1([.,]0*)?$/.test(text);
  return lang === "da" ? `${text} ${one ? "dag" : "dage"}` : `${text} ${one ? "day" : "days"}`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const MONTHS_DA_LONG = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
export const MONTHS_EN_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * An ISO date ("2017-01-23", or the date part of a timestamp "2017-01-23T..."),
 * as 23.01.2017 / 23 Jan 2017, read from the text alone (no time zone can
 * move it). Null and undefined print as `missing` (default: en dash); any
 * other text that does not start with a date is returned unchanged.
 *
 * @example formatDate("2017-01-23", "da") // "23.01.2017"
 * @example formatDate("2017-01-23T23:30:00Z", "en") // "23 Jan 2017"
 */
export function formatDate(iso: string | null | undefined, lang: Lang, options: { missing?: string } = {}): string {
  if (iso === null || iso === undefined) return options.missing ?? EN_DASH;
  const match = DATE_PREFIX.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return lang === "da" ? `${day}.${month}.${year}` : `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/**
 * The Danish form of a calendar date, "23.01.2017" (`formatDate(date, "da")`).
 *
 * @example formatDanishDate("2017-01-23") // "23.01.2017"
 */
export function formatDanishDate(date: IsoDate): string {
  return formatDate(date, "da");
}

/**
 * A month ("2017-03") as "marts 2017" / "March 2017"; any other text unchanged.
 *
 * @example formatMonth("2017-03", "da") // "marts 2017"
 */
export function formatMonth(isoMonth: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!match || !isIsoDate(`${isoMonth}-01`)) return isoMonth;
  const names = lang === "da" ? MONTHS_DA_LONG : MONTHS_EN_LONG;
  return `${names[Number(match[2]) - 1]} ${match[1]}`;
}
