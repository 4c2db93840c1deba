/**
 * Reading delimited tables as staff and registers export them, the one CSV
 * reader of the project: bytes to text (UTF-8 with or without BOM, UTF-16
 * with BOM, or Windows-1252 when the bytes are not valid UTF-8), CRLF, LF or
 * a lone CR (old Mac exports) as line end, the delimiter detected from the
 * header (semicolon, comma or tab), RFC 4180 quoting (a quoted value may hold
 * the delimiter, line breaks and doubled quotes).
 *
 * The parsing itself is papaparse's (`Papa.parse` with a `step` callback, so
 * rows stream and a caller never needs the whole table); this file adds what
 * our problems need: the delimiter rule, the line where each row starts, and
 * the Danish Excel rules below. One fast path, kept because measurement
 * demands it: a text without a single quote is cut here at line ends and
 * delimiters, as papaparse's own "fast mode" splits it, but without its
 * per-row result objects. On the 1,000,000-row file of bench/survival-bench.ts
 * parsing through `step` took 2.2 s against 0.7-1.0 s this way, and made
 * `jobtrial survival` slower than with the hand-written reader it replaced
 * (bench/README.md). Quoted text always goes through papaparse. Empty lines (and lines of only delimiters,
 * which Excel writes below a table) are skipped. Every row keeps the 1-based
 * line number where it starts in the file, so a problem can point at it.
 * Cells are not trimmed; callers decide.
 *
 * Decided once for malformed input: a row whose field count differs from the
 * header's is a problem and is left out (extra empty fields, which Excel adds,
 * are dropped instead); a quote that opens a value and is never closed, or a
 * closing quote followed by more text (`"ab"c`), is an unterminated-quote
 * problem at the row's first line, and the text it swallowed is not read as
 * rows. A quote inside an unquoted value (`ab"c`) is kept as written.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import Papa from "papaparse";
import { problem, type Problem } from "./messages.ts";

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "utf-16be-bom" | "windows-1252";
export type Delimiter = ";" | "," | "\t";

export interface TableRow {
  /** 1-based line in the file where the row starts (XLSX: the sheet row). */
  line: number;
  cells: string[];
}

export interface Table {
  /** The file name used in problems. */
  file: string;
  header: string[];
  /** 1-based line of the header. */
  headerLine: number;
  rows: TableRow[];
  delimiter: Delimiter;
  encoding: TextEncodingName;
  /** Rows whose field count differs from the header's, unterminated quotes, an empty file. Such rows are not in `rows`. */
  problems: Problem[];
}

export interface ReadTableOptions {
  /** The file name used in problems. */
  file: string;
  /** The delimiter; detected from the header line when not given. Default: detected */
  delimiter?: Delimiter;
  /**
   * Called with each row, in file order, instead of keeping it in `rows` (which
   * then stays empty): a caller that validates as it reads never holds the whole
   * table. Default: rows are kept
   */
  onRow?: (row: TableRow, header: string[], headerLine: number) => void;
}

const windows1252 = new TextDecoder("windows-1252");

/**
 * Windows-1252's characters for the bytes 0x80-0x9F (euro sign, curly quotes,
 * dashes, Š, Ž, Ÿ ...); the five bytes it leaves undefined stay as they are.
 * Node 20's TextDecoder("windows-1252") decodes these bytes as ISO-8859-1's
 * control characters U+0080-U+009F (found by the property tests: "€" came
 * back as U+0080), so the decoded text is mapped once more here.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const C1_CONTROLS = /[\u0080-\u009f]/g;

function windows1252Text(bytes: Uint8Array): string {
  const text = windows1252.decode(bytes);
  C1_CONTROLS.lastIndex = 0;
  return C1_CONTROLS.test(text) ? text.replace(C1_CONTROLS, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!) : text;
}

/** UTF-8 bytes as text (invalid sequences as U+FFFD). */
function utf8Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/**
 * Decodes file bytes to text. A UTF-8 or UTF-16 byte order mark decides;
 * otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
 * Danish Excel writes for "CSV (semikolonsepareret)").
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Text(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be-bom" };
  }
  // node:buffer's isUtf8 validates without decoding (a third of the time of a fatal TextDecoder on a large file).
  if (isUtf8(bytes)) return { text: utf8Text(bytes), encoding: "utf-8" };
  return { text: windows1252Text(bytes), encoding: "windows-1252" };
}

/**
 * The delimiter of a header line: the most frequent of `;`, `,` and tab
 * outside quotes; a tie or none gives `;` (Danish Excel's choice).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let index = 0; index < headerLine.length; index++) {
    const char = headerLine[index]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ";" || char === "," || char === "\t")) counts[char]++;
  }
  let best: Delimiter = ";";
  for (const candidate of [",", "\t"] as const) if (counts[candidate] > counts[best]) best = candidate;
  return best;
}

const HAS_CONTENT = /[^;,\t\s]/;

/** The delimiter of a text: `detectDelimiter` of its first line with anything but delimiters and white space. */
export function detectTextDelimiter(text: string): Delimiter {
  for (let position = 0; position < text.length; ) {
    let end = text.indexOf("\n", position);
    if (end === -1) end = text.length;
    const line = text.slice(position, end);
    if (HAS_CONTENT.test(line)) return detectDelimiter(line);
    position = end + 1;
  }
  return ";";
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;
const LONE_CARRIAGE_RETURNS = /\r(?!\n)/g;

/**
 * The text as the parser gets it: without a byte order mark, and with a lone
 * CR (old Mac line end) made a LF, so every line ends in LF or CRLF.
 */
function normalizedText(text: string): string {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.includes("\r") && LONE_CARRIAGE_RETURN.test(source) ? source.replace(LONE_CARRIAGE_RETURNS, "\n") : source;
}

/**
 * Line numbers of positions in a text, asked for in increasing order: each
 * call counts only the line feeds since the previous one.
 */
function lineCounter(text: string): (position: number) => number {
  let countedTo = 0;
  let lineFeeds = 0;
  return (position) => {
    while (countedTo < position) {
      const next = text.indexOf("\n", countedTo);
      if (next === -1 || next >= position) {
        countedTo = position;
        break;
      }
      lineFeeds++;
      countedTo = next + 1;
    }
    return lineFeeds + 1;
  };
}

/**
 * Parses delimited text into header and rows. Never throws: rows with the
 * wrong number of fields and an unterminated quote become problems.
 */
export function parseDelimited(text: string, options: ReadTableOptions & { encoding?: TextEncodingName }): Table {
  const { file } = options;
  const source = normalizedText(text);
  const delimiter = options.delimiter ?? detectTextDelimiter(source);
  const problems: Problem[] = [];
  const rows: TableRow[] = [];
  let header: string[] | undefined;
  let headerLine = 0;

  /** One record's cells, starting on `startLine`: the rules for CR, blank rows, the header and the field count. */
  const takeRow = (cells: string[], startLine: number): void => {
    const last = cells.length - 1;
    // The CR of a CRLF line end, left on an unquoted last value (papaparse drops it after a quoted one).
    if (cells[last]!.charCodeAt(cells[last]!.length - 1) === 13) cells[last] = cells[last]!.slice(0, -1);
    if (isBlank(cells)) return;
    if (header === undefined) {
      header = cells.map((cell) => cell.trim());
      headerLine = startLine;
      return;
    }
    if (cells.length !== header.length) {
      // Excel pads short rows with nothing and may add trailing empty fields: tolerate extra empty cells only.
      let extraEmpty = cells.length > header.length;
      for (let index = header.length; extraEmpty && index < cells.length; index++) if (cells[index]!.trim() !== "") extraEmpty = false;
      if (!extraEmpty) {
        problems.push(problem("row_field_count", { file, row: startLine }, { expectedCount: header.length, foundCount: cells.length }));
        return;
      }
      cells.length = header.length;
    }
    if (options.onRow) options.onRow({ line: startLine, cells }, header, headerLine);
    else rows.push({ line: startLine, cells });
  };

  if (source.indexOf('"') === -1) {
    // No quote anywhere: every record is one line, its cells the line cut at each delimiter (the fast path above).
    const delimiterCode = delimiter.charCodeAt(0);
    let line = 1;
    for (let position = 0; position < source.length; line++) {
      let end = source.indexOf("\n", position);
      if (end === -1) end = source.length;
      const cells: string[] = [];
      let cellStart = position;
      for (let index = position; index < end; index++) {
        if (source.charCodeAt(index) === delimiterCode) {
          cells.push(source.slice(cellStart, index));
          cellStart = index + 1;
        }
      }
      cells.push(source.slice(cellStart, end));
      takeRow(cells, line);
      position = end + 1;
    }
  } else {
    const lineAt = lineCounter(source);
    let rowStart = 0;
    Papa.parse<string[]>(source, {
      delimiter,
      // Every line ends in LF here (see normalizedText); the CR of a CRLF is
      // dropped in takeRow, so a file mixing CRLF and LF lines reads right too.
      newline: "\n",
      quoteChar: '"',
      escapeChar: '"',
      step(result) {
        const startLine = lineAt(rowStart);
        rowStart = result.meta.cursor;
        if (result.errors.length > 0) problems.push(problem("row_unterminated_quote", { file, row: startLine }));
        else takeRow(result.data, startLine);
      },
    });
  }
  if (header === undefined) problems.push(problem("file_empty", { file }));
  return { file, header: header ?? [], headerLine, rows, delimiter, encoding: options.encoding ?? "utf-8", problems };
}

/**
 * Reads a delimited table from file bytes: decode, detect the delimiter,
 * parse. Never throws for bad input; see `Table.problems`.
 *
 * @example readTable(new TextEncoder().encode("a;b\r\n1;2\r\n"), { file: "x.csv" }).rows // [{ line: 2, cells: ["1", "2"] }]
 */
export function readTable(bytes: Uint8Array, options: ReadTableOptions): Table {
  const { text, encoding } = decodeText(bytes);
  return parseDelimited(text, { ...options, encoding });
}

/**
 * The largest input file read, in bytes: 100 MB. A weekly intake is a few
 * kilobytes and a backfill of 300,000 citizens about 30 MB; a larger file is
 * refused with a problem that says so before a byte of it is read, so a wrong
 * file (a whole database dump, a 200 MB export) never fills the memory.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export type InputBytesResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/**
 * Reads an input file's bytes, refusing one larger than `limit` (checked on
 * the open file, and again while reading, in case it grows). Never throws: a
 * missing, unreadable or too large file is a problem naming `file`.
 */
export function readInputBytes(path: string, file: string, limit = MAX_INPUT_BYTES): InputBytesResult {
  const tooLarge = (size: number): InputBytesResult => ({
    ok: false,
    problem: problem("file_too_large", { file }, { sizeMegabytes: Math.ceil(size / (1024 * 1024)), limitMegabytes: Math.floor(limit / (1024 * 1024)) }),
  });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === "ENOENT" ? problem("file_not_found", { file }) : problem("file_unreadable", { file }, { reason: code ?? "I/O" }) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, problem: problem("file_unreadable", { file }, { reason: "EISDIR" }) };
    if (stat.size > limit) return tooLarge(stat.size);
    // One byte more than fstat gave (and than the limit) is asked for: a file that grows while it is read is caught.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) return tooLarge(length);
    if (length > stat.size) return { ok: false, problem: problem("file_unreadable", { file }, { reason: "EBUSY" }) };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, problem: problem("file_unreadable", { file }, { reason: (error as NodeJS.ErrnoException).code ?? "I/O" }) };
  } finally {
    closeSync(fd);
  }
}
