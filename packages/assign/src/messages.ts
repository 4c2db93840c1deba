/**
 * Problems in input files are data: a code, where it is (file, row, column)
 * and the wording from this one file, saying what is wrong and how to fix it.
 *
 * A message never quotes a cell's value: the value may be a CPR number or a
 * birth date (even in a column that should hold something else, when columns
 * are swapped), so messages describe the shape of the problem and point to
 * the row and column instead.
 */

export type ProblemCode =
  | "file_not_found"
  | "file_unreadable"
  | "file_empty"
  | "xlsx_unreadable"
  | "header_missing_column"
  | "header_duplicate_column"
  | "row_field_count"
  | "row_unterminated_quote"
  | "cpr_empty"
  | "cpr_bad_characters"
  | "cpr_excel_number"
  | "cpr_wrong_length"
  | "cpr_invalid_date"
  | "cpr_nine_digits_invalid"
  | "date_empty"
  | "date_format"
  | "date_impossible"
  | "value_empty"
  | "duplicate_conflict";

/** One problem with an input file. `row` is the 1-based line (CSV) or sheet row (XLSX); null for the whole file. */
export interface Problem {
  file: string;
  row: number | null;
  /** The column's header as written in the file; null for the whole row or file. */
  column: string | null;
  code: ProblemCode;
  message: string;
  fix: string;
}

/** Extra facts some messages need. None of them may be a cell's value. */
export interface ProblemDetails {
  /** The expected column names (header_missing_column). */
  expected?: readonly string[];
  /** The number of fields expected and found (row_field_count). */
  expectedCount?: number;
  foundCount?: number;
  /** Another row involved (duplicate_conflict, header_duplicate_column). */
  otherRow?: number;
  /** Columns that differ (duplicate_conflict). */
  differing?: readonly string[];
  /** Free-form reason from the system, never a cell value (file_unreadable). */
  reason?: string;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** The wording of a problem: what is wrong and how to fix it. */
export function problemText(code: ProblemCode, details: ProblemDetails = {}): { message: string; fix: string } {
  switch (code) {
    case "file_not_found":
      return { message: "file not found", fix: "check the path and the file name" };
    case "file_unreadable":
      return { message: `cannot read the file${details.reason ? ` (${details.reason})` : ""}`, fix: "check that the file exists, is not open with a lock in another program, and that you may read it" };
    case "file_empty":
      return { message: "the file has no header row", fix: "export the list again with its header row (column names) in the first line" };
    case "xlsx_unreadable":
      return { message: "the file is not a readable XLSX workbook", fix: "open it in Excel and save it again as .xlsx, or save it as CSV (semicolon separated)" };
    case "header_missing_column":
      return {
        message: `required column is missing${details.expected ? `; looked for ${quoteList(details.expected)}` : ""}`,
        fix: "add the column, or rename the existing column to one of these names (or set intake.columns in the trial configuration)",
      };
    case "header_duplicate_column":
      return {
        message: `the column appears twice in the header${details.otherRow !== undefined ? ` (also as column ${details.otherRow})` : ""}`,
        fix: "remove or rename one of the two columns",
      };
    case "row_field_count":
      return {
        message: `the row has ${details.foundCount ?? "?"} fields but the header has ${details.expectedCount ?? "?"}`,
        fix: "check the row for an extra or missing separator; a value containing the separator must be in double quotes",
      };
    case "row_unterminated_quote":
      return { message: "a quoted value is never closed", fix: 'close the value with a double quote; write a quote inside a value as two quotes ("")' };
    case "cpr_empty":
      return { message: "the CPR number is empty", fix: "fill in the citizen's CPR number (DDMMYY-SSSS) or remove the row" };
    case "cpr_bad_characters":
      return { message: "the CPR number contains characters other than digits and one dash", fix: "write it as DDMMYY-SSSS or DDMMYYSSSS" };
    case "cpr_excel_number":
      return {
        message: "the CPR number was turned into a number by Excel (decimals or scientific notation)",
        fix: "format the column as Text in Excel and type or paste the CPR numbers again",
      };
    case "cpr_wrong_length":
      return { message: "the CPR number does not have 10 digits", fix: "check for missing or extra digits; write it as DDMMYY-SSSS" };
    case "cpr_invalid_date":
      return {
        message: "the first six digits of the CPR number are not a real date (the day, or the day minus 60 for a replacement number, does not exist in that month and year)",
        fix: "check the CPR number against the case system",
      };
    case "cpr_nine_digits_invalid":
      return {
        message: "the CPR number has 9 digits and adding the leading zero Excel may have dropped does not give a valid CPR number",
        fix: "check the CPR number against the case system and format the column as Text in Excel",
      };
    case "date_empty":
      return { message: "the date is empty", fix: "fill in the date as dd-mm-yyyy, for example 02-01-2017" };
    case "date_format":
      return { message: "the value is not a date in a known form", fix: "write the date as dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, for example 02-01-2017" };
    case "date_impossible":
      return { message: "the date does not exist in the calendar", fix: "check the day and the month (for example 29 February only in leap years)" };
    case "value_empty":
      return { message: "the value is empty", fix: "fill in the value or remove the row" };
    case "duplicate_conflict":
      return {
        message: `the same CPR number appears in row ${details.otherRow ?? "?"} with different values${details.differing && details.differing.length > 0 ? ` in ${quoteList(details.differing)}` : ""}`,
        fix: "keep one row per citizen with the correct values; identical repeated rows are fine",
      };
  }
}

/** Builds a problem with its wording. */
export function problem(code: ProblemCode, where: { file: string; row?: number | null; column?: string | null }, details: ProblemDetails = {}): Problem {
  const { message, fix } = problemText(code, details);
  return { file: where.file, row: where.row ?? null, column: where.column ?? null, code, message, fix };
}

/** One line for a terminal: `file: row 4, column "CPR-nummer": message; fix`. */
export function formatProblem(item: Problem): string {
  const where = [item.row !== null ? `row ${item.row}` : null, item.column !== null ? `column "${item.column}"` : null].filter(Boolean).join(", ");
  return `${item.file}: ${where ? `${where}: ` : ""}${item.message}; ${item.fix}`;
}
