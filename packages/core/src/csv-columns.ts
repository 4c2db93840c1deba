/**
 * Reading a few columns of a large delimited file into typed arrays, for the
 * estimators' command-line use (`jobtrial survival`, `jobtrial compare`): only
 * the requested columns are kept, numbers in a Float64Array and labels as
 * interned strings, so a million-row file costs the text and a few arrays.
 *
 * The file is read by `readTable`'s rules (table.ts: encodings, delimiter
 * detection, quoting over several lines, CRLF, Excel's empty rows, the field
 * count), streamed row by row. Columns are found by `mapHeader` with the
 * requested name as the only alias, so "Time" and "time" are the same column.
 *
 * Decided once for cells: a number cell may use a decimal point, or a decimal
 * comma when the delimiter is not a comma (Danish Excel); no thousands
 * separators. Missing: an empty cell, "NA" (any case), "NaN" or "." becomes NaN
 * in a number column; an empty cell or "NA" becomes null in a label column (the
 * estimators drop and count such rows). A present cell that is not a number, or
 * breaks the column's rule, is a `value_not_number` problem naming file, row
 * and column (never the value). Cells are trimmed.
 */
import { mapHeader } from "./columns.ts";
import { problem, type NumberRule, type Problem } from "./messages.ts";
import { decodeText, detectTextDelimiter, parseDelimited, type Delimiter, type TableRow } from "./table.ts";

export type CsvColumnKind = "number" | "label";

export interface CsvColumnRequest {
  /** Header name; matched as `mapHeader` matches (case, spaces and punctuation do not matter). */
  name: string;
  kind: CsvColumnKind;
  /** What a present number must be; a violation is a `value_not_number` problem. Only for numbers. Default: "any" (a finite number) */
  rule?: NumberRule;
}

export interface CsvColumns {
  /** Data rows read (rows after the header; empty rows not counted). */
  rows: number;
  /** The file's header names. */
  header: string[];
  delimiter: Delimiter;
  /** Each number column by its requested name; NaN where the cell is missing. */
  numbers: Record<string, Float64Array>;
  /** Each label column by its requested name; null where the cell is missing. */
  labels: Record<string, (string | null)[]>;
}

/** The columns, or every problem found (then nothing is returned to compute with). */
export type CsvColumnsResult = { ok: true; columns: CsvColumns } | { ok: false; problems: Problem[] };

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The value of a cell of 1 to 15 plain digits, else -1: the common cell of a
 * large numeric file, read without a regular expression (the speed of
 * `jobtrial survival` on a million rows; bench/README.md).
 */
function plainDigits(cell: string): number {
  const length = cell.length;
  if (length === 0 || length > 15) return -1;
  let value = 0;
  for (let index = 0; index < length; index++) {
    const digit = cell.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** "", ".", "NaN" or "NA" in any case (by length first: this runs for every number cell). */
function isMissingNumber(cell: string): boolean {
  switch (cell.length) {
    case 0:
      return true;
    case 1:
      return cell === ".";
    case 2:
      return cell === "NA" || cell === "na" || cell === "Na" || cell === "nA";
    case 3:
      return cell === "NaN";
    default:
      return false;
  }
}

function followsRule(value: number, rule: NumberRule): boolean {
  switch (rule) {
    case "any":
      return Number.isFinite(value);
    case ">= 0":
      return value >= 0 && Number.isFinite(value);
    case "0/1":
      return value === 0 || value === 1;
    case "whole >= 0":
      return Number.isInteger(value) && value >= 0;
  }
}

/** One requested column while reading: where it is and what has been read so far. */
interface ColumnReader {
  request: CsvColumnRequest;
  rule: NumberRule;
  cellIndex: number;
  /** The header name as written, for problems. */
  headerName: string;
  numbers: Float64Array | null;
  /** Sized for every line up front: pushing a million labels one by one cost three times as long. */
  labels: (string | null)[] | null;
  interned: Map<string, string>;
}

/** The number of lines of a text: an upper bound on its data rows, to size the columns once. */
function lineCount(text: string): number {
  let lines = 1;
  for (let position = text.indexOf("\n"); position !== -1; position = text.indexOf("\n", position + 1)) lines++;
  return lines;
}

/**
 * Reads the requested columns of a delimited file. Never throws for bad input:
 * a missing or duplicate column, an empty file, a row with the wrong number of
 * fields, an unterminated quote or a bad number cell is a problem (all of them
 * are collected, in file order).
 *
 * @example readCsvColumns(new TextEncoder().encode("time;event\n5;1\n7,5;0\n"), "a.csv", [{ name: "time", kind: "number" }]) // { ok: true, columns: { rows: 2, numbers: { time: Float64Array [5, 7.5] }, ... } }
 */
export function readCsvColumns(bytes: Uint8Array, file: string, requests: readonly CsvColumnRequest[]): CsvColumnsResult {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectTextDelimiter(text);
  const decimalComma = delimiter !== ",";
  const problems: Problem[] = [];
  let readers: ColumnReader[] | undefined;
  // Enough for every row of a file whose lines end in LF or CRLF; grown in readRow otherwise (lone CRs).
  let capacity = lineCount(text);
  let rows = 0;

  /** Finds the requested columns in the header; undefined readers stay when a column is missing or doubled. */
  const prepare = (header: string[], headerLine: number): ColumnReader[] => {
    const names = [...new Set(requests.map((request) => request.name))];
    const mapping = mapHeader(header, names.map((name) => ({ key: name, aliases: [name] })), file, headerLine);
    problems.push(...mapping.problems);
    if (mapping.problems.length > 0) return [];
    return requests.map((request) => ({
      request,
      rule: request.rule ?? "any",
      cellIndex: mapping.index[request.name]!,
      headerName: mapping.names[request.name]!,
      numbers: request.kind === "number" ? new Float64Array(capacity) : null,
      labels: request.kind === "label" ? new Array<string | null>(capacity) : null,
      interned: new Map(),
    }));
  };

  const readRow = (row: TableRow, columns: ColumnReader[]): void => {
    if (rows === capacity) {
      capacity *= 2;
      for (const reader of columns) {
        if (reader.numbers !== null) {
          const grown = new Float64Array(capacity);
          grown.set(reader.numbers);
          reader.numbers = grown;
        } else reader.labels!.length = capacity;
      }
    }
    const cells = row.cells;
    for (let column = 0; column < columns.length; column++) {
      const reader = columns[column]!;
      if (reader.numbers !== null) {
        const digits = plainDigits(cells[reader.cellIndex]!);
        if (digits >= 0 && (reader.rule !== "0/1" || digits <= 1)) {
          reader.numbers[rows] = digits;
          continue;
        }
      }
      const cell = cells[reader.cellIndex]!.trim();
      if (reader.numbers !== null) {
        if (isMissingNumber(cell)) {
          reader.numbers[rows] = Number.NaN;
          continue;
        }
        const normalized = decimalComma ? cell.replace(",", ".") : cell;
        const value = NUMBER_PATTERN.test(normalized) ? Number(normalized) : Number.NaN;
        if (!followsRule(value, reader.rule)) {
          problems.push(problem("value_not_number", { file, row: row.line, column: reader.headerName }, { numberRule: reader.rule }));
        }
        reader.numbers[rows] = value;
      } else if (cell === "" || cell === "NA") reader.labels![rows] = null;
      else {
        let shared = reader.interned.get(cell);
        if (shared === undefined) {
          shared = cell;
          reader.interned.set(cell, cell);
        }
        reader.labels![rows] = shared;
      }
    }
    rows++;
  };

  const table = parseDelimited(text, {
    file,
    delimiter,
    encoding,
    onRow: (row, header, headerLine) => {
      readers ??= prepare(header, headerLine);
      if (readers.length > 0) readRow(row, readers);
    },
  });
  // A file with a header and no rows never called onRow: its columns are still checked.
  if (readers === undefined && table.header.length > 0) readers = prepare(table.header, table.headerLine);
  // Problems of the reader (field counts, quotes, an empty file) and of the cells, in file order.
  const all = [...table.problems, ...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (all.length > 0 || readers === undefined) return { ok: false, problems: all };
  const numbers: Record<string, Float64Array> = {};
  const labels: Record<string, (string | null)[]> = {};
  for (const reader of readers) {
    if (reader.numbers !== null) numbers[reader.request.name] = reader.numbers.subarray(0, rows);
    else {
      reader.labels!.length = rows;
      labels[reader.request.name] = reader.labels!;
    }
  }
  return { ok: true, columns: { rows, header: table.header, delimiter, numbers, labels } };
}
