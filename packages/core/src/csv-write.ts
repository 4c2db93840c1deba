/**
 * Writing CSV, the one CSV writer of the project. By default for Danish
 * Excel: semicolon separated, CRLF, UTF-8 with a byte order mark (so Excel
 * reads æøå right); the report's machine-readable chart data asks for comma,
 * LF and no BOM instead. A value is quoted (RFC 4180, a quote doubled) when it
 * holds the delimiter, a quote or a line break.
 *
 * Formula injection: Excel, LibreOffice and Google Sheets run a cell that
 * starts with `=`, `+`, `-` or `@` (and, after a tab or CR, what follows) as a
 * formula, and a formula can call out (`=HYPERLINK(...)`, DDE). So a text cell
 * that starts with one of `=`, `+`, `-`, `@`, tab or CR and is not a number is
 * written with a leading apostrophe, `'=HYPERLINK(...)`, and quoted: Excel
 * then takes the cell as text, shows it and never runs it (OWASP's "CSV
 * injection" advice). A number stays a number: a numeric value, or a text
 * that is a number as Danish or English Excel reads one (`-12`, `-1,5`,
 * `+2.5e-3`, `-1.234,5`, `-7%`). Reading the file back keeps the apostrophe.
 *
 * Writing is our own ten lines, not a library's: RFC 4180 quoting is that
 * small, and papaparse's `unparse` (measured) took 1.5-2 times as long for a
 * 300,000-row staff list as `writeCsvFile` below.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { ByteWriter } from "./byte-writer.ts";

export interface CsvWriteOptions {
  /** Default: ";" */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark. Default: true */
  bom?: boolean;
  /** What ends each line, the last one too. Default: "\r\n" */
  lineEnd?: "\r\n" | "\n";
}

export type CsvValue = string | number | boolean | null | undefined;

/** A text that Danish or English Excel reads as a number: sign, digits with "." or "," groups or decimals, exponent, percent. */
const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * The text as it must be written so a spreadsheet shows it and never runs
 * it: with a leading apostrophe when it starts with `=`, `+`, `-`, `@`, tab
 * or CR and is not a number (see the file's comment).
 *
 * @example excelSafeText('=HYPERLINK("http://x","y")') // '\'=HYPERLINK("http://x","y")'
 * @example excelSafeText("-1,5") // "-1,5"
 */
export function excelSafeText(text: string): string {
  const first = text.charCodeAt(0);
  // = + - @ tab CR
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13) return text;
  return NUMBER_TEXT.test(text) ? text : `'${text}`;
}

/** One value as written: formula-safe, then quoted when needed (RFC 4180). */
export function csvCell(value: CsvValue, delimiter = ";"): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = excelSafeText(value);
  if (text !== value || needsQuotes(text, delimiter)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** True when the text holds the delimiter, a quote or a line break (one pass over the text). */
function needsQuotes(text: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r");
  const delimiterCode = delimiter.charCodeAt(0);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === delimiterCode || code === 34 || code === 10 || code === 13) return true;
  }
  return false;
}

/** The whole file as text: header and rows, each line ended (CRLF unless told otherwise), with a BOM unless told otherwise. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ";";
  const lineEnd = options.lineEnd ?? "\r\n";
  const lines = [header.map((cell) => csvCell(cell, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return (options.bom === false ? "" : "\uFEFF") + lines.join(lineEnd) + lineEnd;
}

export interface CsvFileOptions extends CsvWriteOptions {
  /** Columns whose values seldom repeat (a CPR number): written directly; the others are quoted and encoded once per distinct value. Default: none */
  distinctColumns?: readonly number[];
}

/**
 * Writes the same bytes as `toCsv` to a file, a megabyte at a time, so a list
 * of hundreds of thousands of rows is never one string in memory. `rows` may
 * hand out the same array for every row (it is read at once).
 */
export function writeCsvFile(path: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvFileOptions = {}): void {
  const delimiter = options.delimiter ?? ";";
  const lineEndText = options.lineEnd ?? "\r\n";
  const distinct = new Set(options.distinctColumns ?? []);
  const fd = openSync(path, "w");
  try {
    const out = new ByteWriter((bytes) => writeAll(fd, bytes));
    out.text((options.bom === false ? "" : "\uFEFF") + header.map((cell) => csvCell(cell, delimiter)).join(delimiter) + lineEndText);
    const delimiterBytes = Buffer.from(delimiter, "utf8");
    const lineEnd = Buffer.from(lineEndText, "utf8");
    const quoted = new Map<string, Buffer>();
    for (const row of rows) {
      for (let index = 0; index < row.length; index++) {
        if (index > 0) out.bytes(delimiterBytes);
        const value = row[index];
        if (value === null || value === undefined || value === "") continue;
        if (typeof value !== "string" || distinct.has(index)) {
          out.text(csvCell(value, delimiter));
          continue;
        }
        let bytes = quoted.get(value);
        if (bytes === undefined) {
          bytes = Buffer.from(csvCell(value, delimiter), "utf8");
          if (quoted.size < 10_000) quoted.set(value, bytes);
        }
        out.bytes(bytes);
      }
      out.bytes(lineEnd);
    }
    out.end();
  } finally {
    closeSync(fd);
  }
}

/** Writes every byte (writeSync may write fewer than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
