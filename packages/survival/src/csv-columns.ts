/**
 * A small, fast CSV reader for the estimators' command-line use: it pulls only the
 * requested columns, straight into typed arrays (numbers) or interned labels, so a
 * million-row file costs one string and a few arrays.
 *
 * Format: a header row, then one record per line; separator comma or semicolon (whichever
 * occurs more often in the header); UTF-8 with or without a byte-order mark; CRLF or LF;
 * fields may be double-quoted ("" inside quotes is a quote) but a field may not span
 * lines. With a semicolon separator, a decimal comma is accepted in numbers (Danish
 * Excel). Empty lines are skipped. Missing cells: empty, "NA" (any case) or "." become
 * NaN (numbers) or null (labels), and the estimators drop and count those rows. A cell
 * that is present but not a number is an error naming the file, the line (the header is
 * line 1), the column and what to write instead.
 */
import { AnalyzeError } from "./messages.ts";

export type CsvColumnKind = "number" | "label";

export interface CsvColumnRequest {
  /** Header name, matched exactly after trimming spaces. */
  name: string;
  kind: CsvColumnKind;
  /** Wording for the error message: "a number of days", "0 or 1", ... Default: "a number" */
  expected?: string;
  /** Extra rule for a present number: ">= 0", "0/1" or "whole >= 0" (a violation is a bad cell). Default: none */
  rule?: ">= 0" | "0/1" | "whole >= 0";
}

function followsRule(value: number, rule: CsvColumnRequest["rule"]): boolean {
  switch (rule) {
    case undefined:
      return Number.isFinite(value);
    case ">= 0":
      return value >= 0 && Number.isFinite(value);
    case "0/1":
      return value === 0 || value === 1;
    case "whole >= 0":
      return Number.isInteger(value) && value >= 0;
  }
}

export interface CsvColumns {
  /** Data rows read (lines after the header, empty lines not counted). */
  rows: number;
  /** The file's header names. */
  header: string[];
  separator: "," | ";";
  numbers: Record<string, Float64Array>;
  labels: Record<string, (string | null)[]>;
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function splitQuoted(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = "";
  let inQuotes = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (inQuotes) {
      if (character === '"') {
        if (line[index + 1] === '"') {
          current += '"';
          index++;
        } else inQuotes = false;
      } else current += character;
    } else if (character === '"') inQuotes = true;
    else if (character === separator) {
      cells.push(current);
      current = "";
    } else current += character;
  }
  cells.push(current);
  return cells;
}

function isMissingCell(cell: string): boolean {
  return cell === "" || cell === "NA" || cell === "na" || cell === "Na" || cell === "." || cell === "NaN";
}

/**
 * Read the requested columns of a CSV text.
 *
 * @example readCsvColumns("time;event\n5;1\n7,5;0\n", "a.csv", [{ name: "time", kind: "number" }]).numbers.time // Float64Array [5, 7.5]
 */
export function readCsvColumns(text: string, file: string, requests: readonly CsvColumnRequest[]): CsvColumns {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let headerEnd = text.indexOf("\n", start);
  if (headerEnd < 0) headerEnd = text.length;
  const headerLine = text.slice(start, headerEnd).replace(/\r$/, "");
  if (headerLine.trim() === "") throw new AnalyzeError({ code: "csv_empty", file });
  const semicolons = headerLine.split(";").length - 1;
  const commas = headerLine.split(",").length - 1;
  const separator: "," | ";" = semicolons > commas ? ";" : ",";
  const separatorCode = separator.charCodeAt(0);
  const header = splitQuoted(headerLine, separator).map((name) => name.trim());
  const indexes = requests.map((request) => {
    const index = header.indexOf(request.name);
    if (index < 0) throw new AnalyzeError({ code: "csv_missing_column", file, column: request.name, available: header });
    return index;
  });
  const maxIndex = Math.max(...indexes);
  // Estimate rows to size the arrays; grow if needed.
  let capacity = 1024;
  const numberColumns = requests.map((request) => (request.kind === "number" ? new Float64Array(capacity) : null));
  const labelColumns = requests.map((request) => (request.kind === "label" ? ([] as (string | null)[]) : null));
  const interned = requests.map(() => new Map<string, string>());
  const cellIndexToRequest = new Int32Array(maxIndex + 1).fill(-1);
  indexes.forEach((cellIndex, request) => {
    cellIndexToRequest[cellIndex] = request;
  });
  // A column requested twice keeps the last request; requests are distinct in practice.
  const cellOfRequest = new Array<string>(requests.length);
  let rows = 0;
  let lineNumber = 1;
  start = headerEnd + 1;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = length;
    lineNumber++;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd === start) {
      start = end + 1;
      continue;
    }
    const line = text.slice(start, lineEnd);
    start = end + 1;
    let found = 0;
    if (line.indexOf('"') >= 0) {
      const cells = splitQuoted(line, separator);
      if (cells.length <= maxIndex) throw new AnalyzeError({ code: "csv_ragged_row", file, row: lineNumber, expectedCells: header.length, actualCells: cells.length });
      indexes.forEach((cellIndex, request) => {
        cellOfRequest[request] = cells[cellIndex]!.trim();
      });
      found = requests.length;
    } else {
      let cellStart = 0;
      let cellIndex = 0;
      for (let position = 0; position <= line.length && cellIndex <= maxIndex; position++) {
        if (position === line.length || line.charCodeAt(position) === separatorCode) {
          const request = cellIndexToRequest[cellIndex]!;
          if (request >= 0) {
            cellOfRequest[request] = line.slice(cellStart, position).trim();
            found++;
          }
          cellIndex++;
          cellStart = position + 1;
        }
      }
      if (cellIndex <= maxIndex) {
        throw new AnalyzeError({ code: "csv_ragged_row", file, row: lineNumber, expectedCells: header.length, actualCells: line.split(separator).length });
      }
      if (found < requests.length) {
        // the same column requested twice: fill the rest from their cell
        indexes.forEach((index, request) => {
          if (cellIndexToRequest[index] !== request) cellOfRequest[request] = cellOfRequest[cellIndexToRequest[index]!]!;
        });
      }
    }
    if (rows === capacity) {
      capacity *= 2;
      numberColumns.forEach((column, request) => {
        if (column !== null) {
          const grown = new Float64Array(capacity);
          grown.set(column);
          numberColumns[request] = grown;
        }
      });
    }
    for (let request = 0; request < requests.length; request++) {
      const cell = cellOfRequest[request]!;
      const numbers = numberColumns[request];
      if (numbers !== null && numbers !== undefined) {
        if (isMissingCell(cell)) numbers[rows] = Number.NaN;
        else {
          const normalized = separator === ";" ? cell.replace(",", ".") : cell;
          const value = NUMBER_PATTERN.test(normalized) ? Number(normalized) : Number.NaN;
          if (!followsRule(value, requests[request]!.rule)) {
            throw new AnalyzeError({ code: "csv_bad_cell", file, row: lineNumber, column: requests[request]!.name, value: cell, expected: requests[request]!.expected ?? "a number" });
          }
          numbers[rows] = value;
        }
      } else {
        const labels = labelColumns[request]!;
        if (cell === "" || cell === "NA") labels.push(null);
        else {
          const map = interned[request]!;
          let shared = map.get(cell);
          if (shared === undefined) {
            shared = cell;
            map.set(cell, cell);
          }
          labels.push(shared);
        }
      }
    }
    rows++;
  }
  const numbers: Record<string, Float64Array> = {};
  const labels: Record<string, (string | null)[]> = {};
  requests.forEach((request, index) => {
    const column = numberColumns[index];
    if (column !== null && column !== undefined) numbers[request.name] = column.subarray(0, rows);
    else labels[request.name] = labelColumns[index]!;
  });
  return { rows, header, separator, numbers, labels };
}
