/**
 * Numbers, amounts and dates as the report shows them: Danish by default
 * (1.700.000 kr., 9,3 dage, 23.01.2017), English on request (1,700,000 DKK,
 * 9.3 days, 23 Jan 2017). Thin wrappers over core's one formatter
 * (`formatNumber` of @jobtrial/core) with the report's own conventions: the
 * minus sign U+2212, an en dash for a missing value, and rounding of the
 * number's exact binary value (`rounding: "exact"`, as `toFixed`).
 */
import {
  EN_DASH,
  formatDate as formatCoreDate,
  formatKroner,
  formatMillionKroner,
  formatMonth as formatCoreMonth,
  formatNumber as formatCoreNumber,
  formatPercent as formatCorePercent,
  MINUS_SIGN,
  MONTHS_DA_LONG,
  MONTHS_EN_LONG,
  type Lang,
  type NumberFormatOptions,
} from "@jobtrial/core";

export type { Lang };

const SEPARATORS: Record<Lang, { thousands: string; decimal: string }> = {
  da: { thousands: ".", decimal: "," },
  en: { thousands: ",", decimal: "." },
};

/** The minus sign used in the report (U+2212 reads better than a hyphen in tables). */
export const MINUS = MINUS_SIGN;

/** The report's conventions for core's formatter. */
function reportOptions(decimals: number): NumberFormatOptions {
  return { decimals, minus: MINUS_SIGN, missing: EN_DASH, rounding: "exact" };
}

/**
 * A number with a fixed number of decimals and thousands grouping.
 * Null, NaN and infinities print as an en dash. Default decimals: 0.
 *
 * @example formatNumber(1700000, "da") // "1.700.000"
 * @example formatNumber(-9.25, "en", 1) // "−9.3"
 */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 0): string {
  return formatCoreNumber(value, lang, reportOptions(decimals));
}

/** Like `formatNumber` but with an explicit sign for positive values ("+3,6"). */
export function formatSigned(value: number | null | undefined, lang: Lang, decimals = 0): string {
  return formatCoreNumber(value, lang, { ...reportOptions(decimals), signed: true });
}

/** An amount in kroner: "1.700.000 kr." / "1,700,000 DKK". */
export function formatDkk(value: number | null | undefined, lang: Lang): string {
  return formatKroner(value, lang, reportOptions(0));
}

/** An amount in millions of kroner, one decimal: "1,7 mio. kr." / "DKK 1.7m". */
export function formatMillionDkk(value: number | null | undefined, lang: Lang): string {
  return formatMillionKroner(value, lang, reportOptions(1));
}

/** A share 0-1 as a percentage: 0.634 -> "63,4 %" / "63.4%". Default decimals: 1. */
export function formatPercent(share: number | null | undefined, lang: Lang, decimals = 1): string {
  return formatCorePercent(share, lang, reportOptions(decimals));
}

/** A p-value: "0,042", "< 0,001". */
export function formatP(p: number | null | undefined, lang: Lang): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return EN_DASH;
  if (p < 0.001) return `< ${formatNumber(0.001, lang, 3)}`;
  return formatNumber(p, lang, p < 0.01 ? 3 : 2);
}

/**
 * An ISO date ("2017-01-23", or the date part of a timestamp) as 23.01.2017 / 23 Jan 2017.
 * Anything that is not such a date is returned unchanged; null as an en dash.
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  return formatCoreDate(iso, lang);
}

/** A month ("2017-03") as "marts 2017" / "March 2017". */
export function formatMonth(isoMonth: string, lang: Lang): string {
  return formatCoreMonth(isoMonth, lang);
}

/** An interval "(−5,2 til 12,5)" / "(−5.2 to 12.5)". */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, lang: Lang, decimals = 1): string {
  return `${formatNumber(lower, lang, decimals)} ${lang === "da" ? "til" : "to"} ${formatNumber(upper, lang, decimals)}`;
}

/**
 * The d3-format locale Vega uses for axis labels, so chart numbers follow the
 * same convention as the text.
 */
export function vegaNumberLocale(lang: Lang): { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; minus: string; percent: string } {
  const { thousands, decimal } = SEPARATORS[lang];
  return { decimal, thousands, grouping: [3], currency: lang === "da" ? ["", " kr."] : ["DKK ", ""], minus: MINUS, percent: lang === "da" ? "\u00a0%" : "%" };
}

/** The d3-time-format locale Vega uses for date axes. */
export function vegaTimeLocale(lang: Lang) {
  return lang === "da"
    ? {
        dateTime: "%A den %d. %B %Y %X",
        date: "%d.%m.%Y",
        time: "%H:%M:%S",
        periods: ["AM", "PM"] as [string, string],
        days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
        months: MONTHS_DA_LONG,
        shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
      }
    : {
        dateTime: "%a %e %b %Y %X",
        date: "%d %b %Y",
        time: "%H:%M:%S",
        periods: ["AM", "PM"] as [string, string],
        days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        months: MONTHS_EN_LONG,
        shortMonths: MONTHS_EN_LONG.map((name) => name.slice(0, 3)),
      };
}
