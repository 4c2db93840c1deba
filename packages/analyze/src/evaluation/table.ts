/**
 * Reading the evaluation's delimited input tables with core's one CSV reader
 * (`readTable`, `parseDelimited`): UTF-8 with or without BOM, UTF-16 with BOM
 * or Windows-1252, `;`, `,` or tab detected from the header, RFC 4180 quotes,
 * CRLF, LF or a lone CR, Excel's empty rows skipped. Columns are
 * found by Danish or English alias with core's `mapHeader` and
 * `normalizeHeader` (lower case, æ/ø/å spelled out, only letters and digits),
 * so "Første ledighedsdag" and "first_unemployment_day" both match.
 *
 * The tables and their problems are in the evaluation's terms (every problem
 * with file, row, column, code, message, fix, worded in problems.ts).
 */
import {
  isIsoDate,
  isIsoWeek,
  mapHeader,
  normalizeHeader,
  parseDelimited,
  readTable,
  type Problem,
  type Table,
} from "@jobtrial/core";
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

/** A problem of core's table reader (an empty file, a row's field count, an unterminated quote) in the evaluation's wording. */
function readerProblem(item: Problem): EvaluationProblem {
  switch (item.code) {
    case "row_field_count":
    case "row_unterminated_quote":
      // The same wording in both packages; the field counts are only in the message.
      return { file: item.file, row: item.row, column: item.column, code: item.code, message: item.message, fix: item.fix };
    default:
      return evaluationProblem("file_empty", { file: item.file });
  }
}

function inputTable(table: Table): InputTable {
  return { file: table.file, header: table.header, rows: table.rows, problems: table.problems.map(readerProblem) };
}

/**
 * Parses a delimited table. Never throws: blank lines are skipped; rows with
 * the wrong number of fields (other than trailing empty fields Excel adds) and
 * an unterminated quote become problems.
 */
export function parseInputTable(text: string, file: string): InputTable {
  return inputTable(parseDelimited(text, { file }));
}

/** Reads a table from file bytes (core's `readTable`: a BOM decides, else UTF-8, else Windows-1252). */
export function readInputTable(bytes: Uint8Array, file: string): InputTable {
  return inputTable(readTable(bytes, { file }));
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

/** Finds columns by alias (core's `mapHeader`); a missing required column or a second match is a problem. */
export function mapColumns<Key extends string>(table: InputTable, specs: readonly ColumnAliases<Key>[]): ColumnMap<Key> {
  const mapping = mapHeader(table.header, specs.map((spec) => ({ key: spec.key, aliases: spec.aliases, required: false })), table.file, 1);
  const problems = mapping.problems.map((item) => evaluationProblem("header_duplicate_column", { file: table.file, row: 1, column: item.column }));
  for (const spec of specs) {
    if (spec.required && mapping.index[spec.key] === undefined) {
      problems.push(evaluationProblem("header_missing_column", { file: table.file, row: 1, column: spec.aliases[0] ?? spec.key }, { expected: spec.aliases }));
    }
  }
  return { index: mapping.index, name: mapping.names, extra: mapping.extra, problems };
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
  const value = normalizeHeader(raw);
  if (["intervention", "indsats", "indsatsgruppe", "treatment", "i", "1", "tidligindsats"].includes(value)) return "intervention";
  if (["control", "kontrol", "kontrolgruppe", "k", "c", "0"].includes(value)) return "control";
  return null;
}

/** Sex from CPR-style or words; null when not recognized. */
export function parseSexValue(raw: string): "female" | "male" | null {
  const value = normalizeHeader(raw);
  if (["k", "f", "kvinde", "female", "woman", "w"].includes(value)) return "female";
  if (["m", "mand", "male", "man"].includes(value)) return "male";
  return null;
}
