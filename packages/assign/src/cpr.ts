/**
 * CPR numbers (personnummer): parsing, validation and construction.
 *
 * Rules (see shared/domain.md §1):
 * - DDMMYY-SSSS, with or without the dash; the 7th digit and the two-digit
 *   year give the century (table below, birth years 1858-2057).
 * - Modulus 11 (weights 4,3,2,7,6,5,4,3,2,1) is information only: numbers
 *   without it have been issued since 1 October 2007 and are fully valid.
 * - A day of 61-91 is a replacement number (erstatningspersonnummer, day + 60);
 *   the birth day is day - 60 and the number is flagged.
 * - A 9-digit value whose leading zero Excel dropped is restored when the
 *   restored value is a valid CPR, and flagged.
 * - Last digit odd = male, even = female.
 *
 * A parsed CPR never prints its digits: `toString()`/`toJSON()` give
 * "[CPR]", so a stray log line or error message cannot leak it.
 */
import { isValidYmd } from "@jobtrial/core";

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

export type CprFlag = "replacement-number" | "restored-leading-zero" | "no-modulus-11";

/** Why a value is not a CPR number; the wording is in messages.ts. */
export type CprProblem =
  | "cpr_empty"
  | "cpr_bad_characters"
  | "cpr_excel_number"
  | "cpr_wrong_length"
  | "cpr_invalid_date"
  | "cpr_nine_digits_invalid";

export interface Cpr {
  /** The ten digits, no dash. Handle with care: personal identifier. */
  digits: string;
  /** Real birth date, ISO "YYYY-MM-DD" (day - 60 for replacement numbers). */
  birthDate: string;
  sex: "female" | "male";
  /** Passes the modulus-11 check (information only). */
  modulus11: boolean;
  flags: CprFlag[];
}

export type CprParseResult = { ok: true; cpr: Cpr } | { ok: false; problem: CprProblem };

/**
 * Century of the birth year from the 7th digit and the two-digit year.
 * Returns the full year, or undefined where the table has no entry (never:
 * every combination is defined for 1858-2057).
 *
 * | 7th digit | YY 00-36 | YY 37-57 | YY 58-99 |
 * | 0-3       | 19xx     | 19xx     | 19xx     |
 * | 4, 9      | 20xx     | 19xx     | 19xx     |
 * | 5-8       | 20xx     | 20xx     | 18xx     |
 */
export function birthYear(seventhDigit: number, twoDigitYear: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  if (twoDigitYear <= 57) return 2000 + twoDigitYear;
  return 1800 + twoDigitYear;
}

/** True when the ten digits pass the modulus-11 check. */
export function passesModulus11(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < 10; index++) sum += MOD11_WEIGHTS[index]! * (digits.charCodeAt(index) - 48);
  return sum % 11 === 0;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const NO_FLAGS = Object.freeze([]) as unknown as CprFlag[];

/** A parsed CPR number whose printed forms never show the digits. */
class ParsedCpr implements Cpr {
  constructor(
    public digits: string,
    public birthDate: string,
    public sex: "female" | "male",
    public modulus11: boolean,
    public flags: CprFlag[],
  ) {}
  toString(): string {
    return "[CPR]";
  }
  toJSON(): string {
    return "[CPR]";
  }
  [INSPECT](): string {
    return "[CPR]";
  }
}

/** Birth dates already written, by year * 10000 + month * 100 + day: a large file repeats each of a few tens of thousands of dates many times. */
const birthDateText = new Map<number, string>();

function isoBirthDate(year: number, month: number, day: number): string {
  const key = year * 10_000 + month * 100 + day;
  let text = birthDateText.get(key);
  if (text === undefined) {
    text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    // CPR years span 1858-2057, so the map stays below 73,000 dates.
    birthDateText.set(key, text);
  }
  return text;
}

/** The two-digit number at `at` of ten checked digits. */
function twoDigits(digits: string, at: number): number {
  return (digits.charCodeAt(at) - 48) * 10 + digits.charCodeAt(at + 1) - 48;
}

function parseDigits(digits: string, restored: boolean): CprParseResult {
  const day = twoDigits(digits, 0);
  const month = twoDigits(digits, 2);
  const twoDigitYear = twoDigits(digits, 4);
  const seventh = digits.charCodeAt(6) - 48;
  const year = birthYear(seventh, twoDigitYear);
  const replacement = day >= 61 && day <= 91;
  const birthDay = replacement ? day - 60 : day;
  if (!isValidYmd(year, month, birthDay)) return { ok: false, problem: "cpr_invalid_date" };
  const modulus11 = passesModulus11(digits);
  // Most numbers have no flag: they share one empty list (never changed).
  let flags = NO_FLAGS;
  if (replacement || restored || !modulus11) {
    flags = [];
    if (replacement) flags.push("replacement-number");
    if (restored) flags.push("restored-leading-zero");
    if (!modulus11) flags.push("no-modulus-11");
  }
  const birthDate = isoBirthDate(year, month, birthDay);
  const sex = (digits.charCodeAt(9) - 48) % 2 === 1 ? "male" : "female";
  const cpr: Cpr = new ParsedCpr(digits, birthDate, sex, modulus11, flags);
  return { ok: true, cpr };
}

/**
 * Parses a CPR number as typed or exported: "DDMMYY-SSSS", "DDMMYYSSSS", or a
 * 9-digit value whose leading zero was lost (restored and flagged when valid).
 * Surrounding white space is ignored. Never throws.
 *
 * @example parseCpr("070761-4285") // ok, birthDate "1961-07-07", male, modulus11 true
 */
export function parseCpr(raw: string): CprParseResult {
  const value = raw.trim();
  const length = value.length;
  // Fast path: ten digits, the common case in a large file.
  if (length === 10 && allDigits(value, 0, 10)) return parseDigits(value, false);
  if (length === 11 && value.charCodeAt(6) === 45 && allDigits(value, 0, 6) && allDigits(value, 7, 11)) {
    return parseDigits(value.slice(0, 6) + value.slice(7), false);
  }
  if (value === "") return { ok: false, problem: "cpr_empty" };
  if ((length === 9 && allDigits(value, 0, 9)) || (length === 10 && value.charCodeAt(5) === 45 && allDigits(value, 0, 5) && allDigits(value, 6, 10))) {
    const restored = parseDigits("0" + value.replace("-", ""), true);
    return restored.ok ? restored : { ok: false, problem: "cpr_nine_digits_invalid" };
  }
  if (/^\d+[.,]\d*(E\+?\d+)?$/i.test(value) || /^\d+E\+?\d+$/i.test(value)) return { ok: false, problem: "cpr_excel_number" };
  if (/^[\d-]+$/.test(value)) return { ok: false, problem: "cpr_wrong_length" };
  return { ok: false, problem: "cpr_bad_characters" };
}

function allDigits(value: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The 7th digit to use for a birth year (the lowest digit whose century rule gives that year). */
export function seventhDigitFor(year: number): number {
  for (let digit = 0; digit <= 9; digit++) {
    if (birthYear(digit, year % 100) === year) return digit;
  }
  throw new RangeError(`internal: no CPR century digit gives the year ${year}; CPR covers 1858-2057`);
}

/**
 * Builds a CPR number (ten digits) for a birth date and a serial, for the
 * simulator and tests. The serial's 1st digit is chosen by the century table,
 * `serial` supplies the remaining three digits (0-999), and the last digit's
 * parity follows `sex`. With `modulus11` the last two digits are searched
 * for a number that passes modulus 11 (not always possible: then undefined);
 * without it, a number that fails it. `replacement` adds 60 to the day.
 */
export function makeCpr(options: {
  birthDate: string;
  sex: "female" | "male";
  serial: number;
  modulus11: boolean;
  replacement?: boolean;
}): string | undefined {
  const [year, month, day] = options.birthDate.split("-").map(Number) as [number, number, number];
  const dayPart = String(options.replacement ? day + 60 : day).padStart(2, "0");
  const prefix = `${dayPart}${String(month).padStart(2, "0")}${String(year % 100).padStart(2, "0")}${seventhDigitFor(year)}`;
  const start = Math.abs(Math.trunc(options.serial)) % 1000;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const serial = String((start + attempt * 37) % 1000).padStart(3, "0");
    const base = prefix + serial.slice(0, 2);
    for (let last = options.sex === "male" ? 1 : 0; last <= 9; last += 2) {
      const digits = base + String(last);
      if (passesModulus11(digits) === options.modulus11) return digits;
    }
  }
  return undefined;
}

/** "DDMMYY-SSSS" for the staff list. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
