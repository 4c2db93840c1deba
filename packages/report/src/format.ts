/**
 * Numbers, amounts and dates as the report shows them: Danish by default
 * (1.700.000 kr., 9,3 dage, 23.01.2017), English on request (1,700,000 DKK,
 * 9.3 days, 23 Jan 2017). Written out by hand rather than through `Intl`, so
 * the output is the same whatever ICU data or time zone the machine has.
 */

export type Lang = "da" | "en";

const SEPARATORS: Record<Lang, { thousands: string; decimal: string }> = {
  da: { thousands: ".", decimal: "," },
  en: { thousands: ",", decimal: "." },
};

/** The minus sign used in the report (U+2212 reads better than a hyphen in tables). */
export const MINUS = "\u2212";

/**
 * A number with a fixed number of decimals and thousands grouping.
 * Null, NaN and infinities print as an en dash. Default decimals: 0.
 *
 * @example formatNumber(1700000, "da") // "1.700.000"
 * @example formatNumber(-9.25, "en", 1) // "−9.3"
 */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "\u2013";
  const { thousands, decimal } = SEPARATORS[lang];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ""}${grouped}${fraction === undefined ? "" : decimal + fraction}`;
}

/** Like `formatNumber` but with an explicit sign for positive values ("+3,6"). */
export function formatSigned(value: number | null | undefined, lang: Lang, decimals = 0): string {
  const text = formatNumber(value, lang, decimals);
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? `+${text}` : text;
}

/** An amount in kroner: "1.700.000 kr." / "1,700,000 DKK". */
export function formatDkk(value: number | null | undefined, lang: Lang): string {
  const text = formatNumber(value, lang, 0);
  return text === "\u2013" ? text : lang === "da" ? `${text} kr.` : `${text} DKK`;
}

/** An amount in millions of kroner, one decimal: "1,7 mio. kr." / "DKK 1.7m". */
export function formatMillionDkk(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "\u2013";
  const text = formatNumber(value / 1e6, lang, 1);
  return lang === "da" ? `${text} mio. kr.` : `DKK ${text}m`;
}

/** A share 0-1 as a percentage: 0.634 -> "63,4 %" / "63.4%". Default decimals: 1. */
export function formatPercent(share: number | null | undefined, lang: Lang, decimals = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "\u2013";
  const text = formatNumber(share * 100, lang, decimals);
  return lang === "da" ? `${text} %` : `${text}%`;
}

/** A p-value: "0,042", "< 0,001". */
export function formatP(p: number | null | undefined, lang: Lang): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "\u2013";
  if (p < 0.001) return `< ${formatNumber(0.001, lang, 3)}`;
  return formatNumber(p, lang, p < 0.01 ? 3 : 2);
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_DA_LONG = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const MONTHS_EN_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * An ISO date ("2017-01-23", or the date part of a timestamp) as 23.01.2017 / 23 Jan 2017.
 * Anything that is not such a date is returned unchanged.
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (iso === null || iso === undefined) return "\u2013";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return lang === "da" ? `${day}.${month}.${year}` : `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

/** A month ("2017-03") as "marts 2017" / "March 2017". */
export function formatMonth(isoMonth: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!match) return isoMonth;
  const names = lang === "da" ? MONTHS_DA_LONG : MONTHS_EN_LONG;
  return `${names[Number(match[2]) - 1]} ${match[1]}`;
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
        shortMonths: MONTHS_EN,
      };
}
