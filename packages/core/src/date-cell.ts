/**
 * Dates as they come in staff files: dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy (day
 * and month may have one digit), ISO yyyy-mm-dd (a time part after "T" or a
 * space is ignored), and in XLSX files Excel date serials (1900 date system).
 * Two-digit years are refused: 01-02-17 could be 1917 or 2017.
 */
import { fromDayNumber, isValidYmd, type IsoDate } from "./dates.ts";

export type DateCellProblem = "date_empty" | "date_format" | "date_impossible";
export type DateCellResult = { ok: true; date: IsoDate } | { ok: false; problem: DateCellProblem };

export interface DateCellOptions {
  /** Accept a plain number as an Excel date serial (only for XLSX cells). Default: false */
  excelSerial?: boolean;
}

const DANISH = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** Day number (days since 1970-01-01) of Excel's day 0, 1899-12-30, for serials after the fictitious 1900-02-29. */
const EXCEL_EPOCH_DAY_NUMBER = -25569;

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Parses one date cell. Surrounding white space is ignored. Never throws.
 *
 * @example parseDateCell("02-01-2017") // { ok: true, date: "2017-01-02" }
 * @example parseDateCell("42737", { excelSerial: true }) // { ok: true, date: "2017-01-02" }
 */
export function parseDateCell(raw: string, options: DateCellOptions = {}): DateCellResult {
  const value = raw.trim();
  if (value === "") return { ok: false, problem: "date_empty" };
  let year: number;
  let month: number;
  let day: number;
  let match = DANISH.exec(value);
  if (match) {
    day = Number(match[1]);
    month = Number(match[2]);
    year = Number(match[3]);
  } else if ((match = ISO.exec(value))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else if (options.excelSerial && SERIAL.test(value)) {
    const serial = Math.floor(Number(value));
    // Excel counts a 29 February 1900 that never existed; serials before it are one day off, and there is no real date for 60.
    if (serial < 61) return { ok: false, problem: "date_impossible" };
    return { ok: true, date: fromDayNumber(EXCEL_EPOCH_DAY_NUMBER + serial) };
  } else {
    return { ok: false, problem: "date_format" };
  }
  if (!isValidYmd(year, month, day)) return { ok: false, problem: "date_impossible" };
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` };
}
