/**
 * Reading the evaluation's delimited input tables: UTF-8 with or without BOM
 * (Windows-1252 when the bytes are not UTF-8), `;`, `,` or tab detected from
 * the header, RFC 4180 quotes, CRLF or LF. Columns are found by Danish or
 * English alias after normalizing (lower case, æ/ø/å spelled out, only letters
 * and digits), so "Første ledighedsdag" and "first_unemployment_day" both match.
 *
 * Private to the evaluation: a small reader with the same shape as the intake's
 * (every problem with file, row, column, code, message, fix).
 */
import { isIsoDate, isIsoWeek } from "@jobtrial/assign";
import { evaluationProblem, type EvaluationProblem } from "./problems.ts";

export interface InputRow {
  /** 1-based line in the file. */
  line: number;
  cells: string[];
}

export interface InputTable {
  file: string;
  header: string[];
  rows: InputRow[];
  problems: EvaluationProblem[];
}

/** Decodes bytes: BOM decides, else UTF-8 when valid, else Windows-1252. */
export function decodeInputText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char]!++;
  }
  let best = ";";
  for (const candidate of [",", "\t"]) if (counts[candidate]! > counts[best]!) best = candidate;
  return best;
}

/** Splits text into records of cells, with the line each starts on. Undefined cells mean an unterminated quote at that line. */
function splitRecords(text: string, delimiter: string): { records: InputRow[]; unterminatedAt: number | null } {
  const records: InputRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) return { records, unterminatedAt: quoteLine };
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return { records, unterminatedAt: null };
}

/**
 * Parses a delimited table. Never throws: blank lines are skipped; rows with
 * the wrong number of fields (other than trailing empty fields Excel adds) and
 * an unterminated quote become problems.
 */
export function parseInputTable(text: string, file: string): InputTable {
  const problems: EvaluationProblem[] = [];
  const firstLineEnd = text.search(/\r?\n/);
  const delimiter = detectDelimiter(firstLineEnd === -1 ? text : text.slice(0, firstLineEnd));
  const { records, unterminatedAt } = splitRecords(text, delimiter);
  if (unterminatedAt !== null) problems.push(evaluationProblem("row_unterminated_quote", { file, row: unterminatedAt }));
  const nonBlank = records.filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  if (nonBlank.length === 0) {
    problems.push(evaluationProblem("file_empty", { file }));
    return { file, header: [], rows: [], problems };
  }
  const header = nonBlank[0]!.cells.map((cell) => cell.trim());
  const rows: InputRow[] = [];
  for (const record of nonBlank.slice(1)) {
    let cells = record.cells;
    if (cells.length > header.length && cells.slice(header.length).every((cell) => cell.trim() === "")) cells = cells.slice(0, header.length);
    if (cells.length !== header.length) {
      problems.push(evaluationProblem("row_field_count", { file, row: record.line }, { expectedCount: header.length, foundCount: cells.length }));
      continue;
    }
    rows.push({ line: record.line, cells });
  }
  return { file, header, rows, problems };
}

/** Reads a table from file bytes. */
export function readInputTable(bytes: Uint8Array, file: string): InputTable {
  return parseInputTable(decodeInputText(bytes), file);
}

/** The normalized form of a header used for matching. */
export function normalizeColumnName(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

export interface ColumnAliases<Key extends string> {
  key: Key;
  /** Header names that mean the column, the Danish name first. */
  aliases: readonly string[];
  /** Default: false */
  required?: boolean;
}

export interface ColumnMap<Key extends string> {
  index: Partial<Record<Key, number>>;
  /** Header as written, for problems. */
  name: Partial<Record<Key, string>>;
  /** Columns matching no alias: index and header. */
  extra: { index: number; name: string }[];
  problems: EvaluationProblem[];
}

/** Finds columns by alias; a missing required column or a second match is a problem. */
export function mapColumns<Key extends string>(table: InputTable, specs: readonly ColumnAliases<Key>[]): ColumnMap<Key> {
  const map: ColumnMap<Key> = { index: {}, name: {}, extra: [], problems: [] };
  const byAlias = new Map<string, ColumnAliases<Key>>();
  for (const spec of specs) for (const alias of spec.aliases) if (!byAlias.has(normalizeColumnName(alias))) byAlias.set(normalizeColumnName(alias), spec);
  table.header.forEach((name, index) => {
    const spec = byAlias.get(normalizeColumnName(name));
    if (!spec) {
      map.extra.push({ index, name });
      return;
    }
    if (map.index[spec.key] !== undefined) {
      map.problems.push(evaluationProblem("header_duplicate_column", { file: table.file, row: 1, column: name }));
      return;
    }
    map.index[spec.key] = index;
    map.name[spec.key] = name;
  });
  for (const spec of specs) {
    if (spec.required && map.index[spec.key] === undefined) {
      map.problems.push(evaluationProblem("header_missing_column", { file: table.file, row: 1, column: spec.aliases[0] ?? spec.key }, { expected: spec.aliases }));
    }
  }
  return map;
}

/** A cell by column key, trimmed; "" when the column is absent. */
export function cellOf<Key extends string>(row: InputRow, map: ColumnMap<Key>, key: Key): string {
  const index = map.index[key];
  return index === undefined ? "" : (row.cells[index] ?? "").trim();
}

/** "2017-01-23", "23.01.2017", "23-01-2017" or "23/01/2017" as ISO; null when not a date. */
export function parseDateValue(raw: string): string | null {
  const value = raw.trim();
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  const danish = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(value);
  if (danish) iso = `${danish[3]}-${danish[2]!.padStart(2, "0")}-${danish[1]!.padStart(2, "0")}`;
  return iso !== null && isIsoDate(iso) ? iso : null;
}

/** "2017-W03", "2017W03", "2017-3" as "2017-W03"; null when not an existing ISO week. */
export function parseWeekValue(raw: string): string | null {
  const match = /^(\d{4})[- ]?[Ww]?(\d{1,2})$/.exec(raw.trim());
  if (!match) return null;
  const week = `${match[1]}-W${match[2]!.padStart(2, "0")}`;
  return isIsoWeek(week) ? week : null;
}

/** A number with decimal comma or point (a thousands point is not accepted: "1.234" is 1.234); null when not a number. */
export function parseNumberValue(raw: string): number | null {
  const value = raw.trim().replace(/\s/g, "").replace(",", ".");
  if (value === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) return null;
  return Number(value);
}

const TRUE_WORDS = new Set(["1", "ja", "j", "yes", "y", "true", "sand", "x"]);
const FALSE_WORDS = new Set(["0", "nej", "n", "no", "false", "falsk"]);

/** Yes/no in Danish or English; null when neither. */
export function parseFlagValue(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}

/** The arm; null when not recognized. */
export function parseArmValue(raw: string): "control" | "intervention" | null {
  const value = normalizeColumnName(raw);
  if (["intervention", "indsats", "indsatsgruppe", "treatment", "i", "1", "tidligindsats"].includes(value)) return "intervention";
  if (["control", "kontrol", "kontrolgruppe", "k", "c", "0"].includes(value)) return "control";
  return null;
}

/** Sex from CPR-style or words; null when not recognized. */
export function parseSexValue(raw: string): "female" | "male" | null {
  const value = normalizeColumnName(raw);
  if (["k", "f", "kvinde", "female", "woman", "w"].includes(value)) return "female";
  if (["m", "mand", "male", "man"].includes(value)) return "male";
  return null;
}
