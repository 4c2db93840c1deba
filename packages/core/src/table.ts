/**
 * Reading delimited tables as staff and registers export them: bytes to text
 * (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 when the bytes
 * are not valid UTF-8), CRLF or LF line ends, the delimiter detected from the
 * header (semicolon, comma or tab), RFC 4180 quoting (a quoted value may hold
 * the delimiter, line breaks and doubled quotes).
 *
 * Empty lines (and lines of only delimiters, which Excel writes below a table)
 * are skipped. Every row keeps the 1-based line number where it starts in the
 * file, so a problem can point at it. Cells are not trimmed; callers decide.
 *
 * Speed: lines without a quote are split with `indexOf`, the common case in
 * large exports; quoted lines take the character-by-character path.
 */
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

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * Decodes file bytes to text. A UTF-8 or UTF-16 byte order mark decides;
 * otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
 * Danish Excel writes for "CSV (semikolonsepareret)").
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be-bom" };
  }
  try {
    return { text: utf8Fatal.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: windows1252.decode(bytes), encoding: "windows-1252" };
  }
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

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Parses delimited text into header and rows. Never throws: rows with the
 * wrong number of fields and an unterminated quote become problems.
 */
export function parseDelimited(text: string, options: ReadTableOptions & { encoding?: TextEncodingName }): Table {
  const { file } = options;
  const problems: Problem[] = [];
  const rows: TableRow[] = [];
  const length = text.length;
  let position = 0;
  let line = 1;
  let header: string[] | undefined;
  let headerLine = 0;
  let delimiter: Delimiter | undefined = options.delimiter;
  // Position of the next quote at or after `position` (-1: none left), found once, not per line.
  let quote = text.indexOf('"');

  while (position < length) {
    let end = text.indexOf("\n", position);
    if (end === -1) end = length;
    const startLine = line;
    if (quote !== -1 && quote < position) quote = text.indexOf('"', position);
    let cells: string[];
    if (quote === -1 || quote >= end) {
      // Fast path: no quote on this line.
      const lineEnd = end > position && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const content = text.slice(position, lineEnd);
      if (delimiter === undefined) delimiter = detectDelimiter(content);
      cells = content.split(delimiter);
      position = end + 1;
      line++;
    } else {
      if (delimiter === undefined) delimiter = detectDelimiter(text.slice(position, end));
      const parsed = parseQuotedRecord(text, position, delimiter);
      if (parsed === undefined) {
        problems.push(problem("row_unterminated_quote", { file, row: startLine }));
        break;
      }
      cells = parsed.cells;
      line += parsed.newlines;
      position = parsed.next;
    }
    if (isBlank(cells)) continue;
    if (header === undefined) {
      header = cells.map((cell) => cell.trim());
      headerLine = startLine;
      continue;
    }
    if (cells.length !== header.length) {
      // Excel pads short rows with nothing and may add trailing empty fields: tolerate extra empty cells only.
      let extraEmpty = cells.length > header.length;
      for (let index = header.length; extraEmpty && index < cells.length; index++) if (cells[index]!.trim() !== "") extraEmpty = false;
      if (!extraEmpty) {
        problems.push(problem("row_field_count", { file, row: startLine }, { expectedCount: header.length, foundCount: cells.length }));
        continue;
      }
      cells.length = header.length;
    }
    if (options.onRow) options.onRow({ line: startLine, cells }, header, headerLine);
    else rows.push({ line: startLine, cells });
  }
  if (header === undefined) problems.push(problem("file_empty", { file }));
  return { file, header: header ?? [], headerLine, rows, delimiter: delimiter ?? ";", encoding: options.encoding ?? "utf-8", problems };
}

/** Parses one record starting at `start` that contains quotes; may span lines. Undefined when a quote is never closed. */
function parseQuotedRecord(text: string, start: number, delimiter: string): { cells: string[]; next: number; newlines: number } | undefined {
  const cells: string[] = [];
  let cell = "";
  let position = start;
  let newlines = 0;
  const length = text.length;
  while (position <= length) {
    if (position === length) {
      cells.push(cell);
      return { cells, next: position, newlines: newlines + 1 };
    }
    const char = text[position]!;
    if (char === '"' && cell.trim() === "") {
      // A quoted field: read to the closing quote.
      cell = "";
      position++;
      for (;;) {
        const close = text.indexOf('"', position);
        if (close === -1) return undefined;
        const chunk = text.slice(position, close);
        for (let index = 0; index < chunk.length; index++) if (chunk.charCodeAt(index) === 10) newlines++;
        cell += chunk;
        if (text[close + 1] === '"') {
          cell += '"';
          position = close + 2;
          continue;
        }
        position = close + 1;
        break;
      }
      // Anything after the closing quote up to the delimiter is kept as written (lenient).
      while (position < length && text[position] !== delimiter && text[position] !== "\n" && text[position] !== "\r") cell += text[position++];
      continue;
    }
    if (char === delimiter) {
      cells.push(cell);
      cell = "";
      position++;
      continue;
    }
    if (char === "\r" && text[position + 1] === "\n") {
      cells.push(cell);
      return { cells, next: position + 2, newlines: newlines + 1 };
    }
    if (char === "\n") {
      cells.push(cell);
      return { cells, next: position + 1, newlines: newlines + 1 };
    }
    cell += char;
    position++;
  }
  cells.push(cell);
  return { cells, next: position, newlines: newlines + 1 };
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
