/**
 * Writing XLSX workbooks that open in Excel as a table should: the one XLSX
 * writer of jobtrial (the staff list, the business case), on exceljs's
 * streaming `WorkbookWriter`, so a list of hundreds of thousands of rows is
 * written row by row and never held whole in memory.
 *
 * Every sheet is a table: an optional bold title line, a bold header row that
 * stays in view when scrolling (frozen pane) with Excel's filter buttons
 * (autofilter over the header and every row), and typed cells:
 * - a text is always a text cell, never a formula, whatever it starts with
 *   ("=", "+", "-", "@"): a value read from a file cannot run in Excel, and a
 *   CPR number keeps its leading zero and dash;
 * - a number is a number cell, with the column's number format (or its own);
 * - a date column's ISO dates ("2017-01-23") are date cells shown as
 *   dd.mm.yyyy (in Danish Excel "dd.mm.åååå"), so they sort and filter as dates.
 * Empty values (null, undefined, "", NaN, the infinities) leave the cell empty.
 */
import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { PassThrough, type Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { isIsoDate, toDayNumber } from "./dates.ts";

/** The date format of a date column: 23.01.2017 (Excel shows it as "dd.mm.åååå" in Danish). */
export const DANISH_DATE_FORMAT = "dd.mm.yyyy";

/** A number with its own number format, for a column that mixes kinds (kroner beside shares). */
export interface XlsxNumber {
  number: number;
  /** Excel number format code, e.g. `#,##0 "kr."` or `0.0 %`. */
  numFmt: string;
}

/** One cell: a text, a number, a number with its own format, or nothing. */
export type XlsxCell = string | number | XlsxNumber | null | undefined;

export interface XlsxColumn {
  header: string;
  /**
   * "date": the column's texts are ISO dates ("2017-01-23"), written as Excel
   * dates (anything else in it is a bug and throws); "auto": a text is written
   * as a text and a number as a number. Default: "auto"
   */
  type?: "auto" | "date";
  /** Excel number format of the column's numbers (`#,##0`, `0.0 %`). Default: "General"; `dd.mm.yyyy` in a date column */
  numFmt?: string;
  /** Width in characters. Default: the header's length plus 2, at least 10 (12 for a date column), at most 60 */
  width?: number;
}

export interface XlsxSheet {
  /** The sheet's name: characters Excel forbids ([]:*?/\) become "-", cut to 31 characters, made unique in the workbook. */
  name: string;
  /** A bold line above the header row, such as a table's title. Default: none */
  title?: string;
  columns: readonly XlsxColumn[];
  /** The rows below the header, cells in column order; an iterable may hand out the same array for every row (each is read at once). */
  rows: Iterable<readonly XlsxCell[]>;
}

/** Excel's most characters in one cell. */
const EXCEL_MAX_TEXT = 32_767;
/** Rows written between two turns of the event loop, so the zip stream can take what was written (bounded memory). */
const ROWS_PER_TURN = 2_000;
const MS_PER_DAY = 86_400_000;

/**
 * Writes the workbook to `path`. The file appears only when it is complete:
 * it is written beside `path` under a temporary name and renamed at the end,
 * and on any error the temporary file is removed and nothing is left.
 */
export async function writeXlsxFile(path: string, sheets: readonly XlsxSheet[]): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const stream = createWriteStream(temporary);
  try {
    await writeWorkbook(stream, sheets);
    if (!stream.closed) await once(stream, "close");
    renameSync(temporary, path);
  } catch (error) {
    stream.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The workbook as bytes (for a small workbook; a large one goes to a file with `writeXlsxFile`). */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook(stream, sheets);
  return Buffer.concat(chunks);
}

/** The shared style objects of a sheet: exceljs recognises a style object it has seen, instead of rendering it again for every cell. */
class Styles {
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();
  // The whole font, not only "bold": a font element with only <b/> leaves size and face to the reader.
  readonly header: Partial<ExcelJS.Style> = { font: { name: "Calibri", family: 2, size: 11, bold: true } };
  readonly plain: Partial<ExcelJS.Style> = {};
  of(numFmt: string | undefined): Partial<ExcelJS.Style> {
    if (numFmt === undefined) return this.plain;
    let style = this.byFormat.get(numFmt);
    if (!style) this.byFormat.set(numFmt, (style = { numFmt }));
    return style;
  }
}

async function writeWorkbook(stream: Writable, sheets: readonly XlsxSheet[]): Promise<void> {
  // exceljs takes most of a second to load; its streaming writer alone (without the readers, CSV and
  // the in-memory workbook) about half of that, which is most of a weekly batch's time (bench/README.md).
  // Only commands that write an XLSX pay for it.
  const WorkbookWriter = createRequire(import.meta.url)("exceljs/lib/stream/xlsx/workbook-writer.js") as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  const workbook = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
  workbook.creator = "jobtrial";
  const styles = new Styles();
  const names = new Set<string>();
  for (const sheet of sheets) await writeSheet(workbook, sheet, uniqueSheetName(sheet.name, names), styles);
  await workbook.commit();
}

/** A name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, not used before (case-insensitive). */
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim() || "Ark";
  let name = base.slice(0, 31);
  for (let count = 2; used.has(name.toLowerCase()); count++) {
    const suffix = ` (${count})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

function columnLetters(index: number): string {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function defaultWidth(column: XlsxColumn): number {
  return Math.min(60, Math.max(column.type === "date" ? 12 : 10, column.header.length + 2));
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet, name: string, styles: Styles): Promise<void> {
  const { columns } = sheet;
  const headerRow = sheet.title === undefined ? 1 : 2;
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
  });
  worksheet.columns = columns.map((column) => ({ width: column.width ?? defaultWidth(column) }));
  if (sheet.title !== undefined) {
    const title = worksheet.getRow(1);
    const cell = title.getCell(1);
    cell.value = sheet.title;
    cell.style = styles.header;
    title.commit();
  }
  const header = worksheet.getRow(headerRow);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.style = styles.header;
  });
  header.commit();

  const isDate = columns.map((column) => column.type === "date");
  const columnStyle = columns.map((column, index) => styles.of(column.numFmt ?? (isDate[index] ? DANISH_DATE_FORMAT : undefined)));
  const dates = new Map<string, Date>();
  let rowNumber = headerRow;
  for (const values of sheet.rows) {
    rowNumber++;
    const row = worksheet.getRow(rowNumber);
    for (let index = 0; index < columns.length; index++) {
      const value = values[index];
      if (value === null || value === undefined || value === "") continue;
      if (typeof value === "string") {
        if (isDate[index]) {
          let date = dates.get(value);
          if (date === undefined) {
            if (!isIsoDate(value)) throw new Error(`internal: sheet "${name}", row ${rowNumber}, column "${columns[index]!.header}" is a date column but holds a text that is not an ISO date`);
            dates.set(value, (date = new Date(toDayNumber(value) * MS_PER_DAY)));
          }
          const cell = row.getCell(index + 1);
          cell.value = date;
          cell.style = columnStyle[index]!;
          continue;
        }
        if (value.length > EXCEL_MAX_TEXT) throw new Error(`internal: sheet "${name}", row ${rowNumber}, column "${columns[index]!.header}" holds ${value.length} characters, more than the ${EXCEL_MAX_TEXT} Excel allows in a cell`);
        const cell = row.getCell(index + 1);
        // A string is always a text cell in exceljs (formulas are objects), so "=..." is never a formula.
        cell.value = value;
        cell.style = styles.plain;
        continue;
      }
      const number = typeof value === "number" ? value : value.number;
      if (!Number.isFinite(number)) continue;
      const cell = row.getCell(index + 1);
      cell.value = number;
      cell.style = typeof value === "number" ? columnStyle[index]! : styles.of(value.numFmt);
    }
    row.commit();
    if ((rowNumber - headerRow) % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const lastColumn = columnLetters(Math.max(0, columns.length - 1));
  worksheet.autoFilter = `A${headerRow}:${lastColumn}${rowNumber}`;
  worksheet.commit();
}
