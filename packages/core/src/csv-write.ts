/**
 * Writing CSV for Danish Excel: semicolon separated, CRLF, UTF-8 with a byte
 * order mark (so Excel reads æøå right), values quoted when they hold the
 * delimiter, a quote or a line break.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { ByteWriter } from "./byte-writer.ts";

export interface CsvWriteOptions {
  /** Default: ";" */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark. Default: true */
  bom?: boolean;
}

type CsvValue = string | number | null | undefined;

/** Quotes one value when needed (RFC 4180). */
export function csvCell(value: CsvValue, delimiter = ";"): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  if (needsQuotes(text, delimiter)) return `"${text.replace(/"/g, '""')}"`;
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

/** The whole file as text: header and rows, CRLF line ends, with a BOM unless told otherwise. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ";";
  const lines = [header.map((cell) => csvCell(cell, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return (options.bom === false ? "" : "\uFEFF") + lines.join("\r\n") + "\r\n";
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
  const distinct = new Set(options.distinctColumns ?? []);
  const fd = openSync(path, "w");
  try {
    const out = new ByteWriter((bytes) => writeAll(fd, bytes));
    out.text((options.bom === false ? "" : "\uFEFF") + header.map((cell) => csvCell(cell, delimiter)).join(delimiter) + "\r\n");
    const delimiterBytes = Buffer.from(delimiter, "utf8");
    const lineEnd = Buffer.from("\r\n", "utf8");
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
