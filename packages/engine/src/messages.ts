/**
 * The engine's problems as data plus wording (Danish first, English with --lang en):
 * each says which file or option, and how to fix it. A message never quotes a cell:
 * a person column may hold CPR numbers.
 */
import { JobtrialError, type MessageLang } from "@jobtrial/core";

export type EngineIssue =
  | { code: "engine_cannot_read"; file: string; reason: string }
  | { code: "engine_missing_column"; file: string; column: string; present: string[] }
  | { code: "engine_query_failed"; file: string; reason: string }
  | { code: "engine_bad_count_rows"; file: string; reason: string }
  | { code: "engine_invalid_rows"; file: string; column: string; rows: number };

function wording(issue: EngineIssue, lang: MessageLang): string {
  const da = lang === "da";
  switch (issue.code) {
    case "engine_cannot_read":
      return da
        ? `${issue.file}: DuckDB kan ikke læse filen (${issue.reason}); kontroller stien, og at filen er CSV (semikolon eller komma, overskriftsrække) eller Parquet.`
        : `${issue.file}: DuckDB cannot read the file (${issue.reason}); check the path and that the file is CSV (semicolon or comma, header row) or Parquet.`;
    case "engine_missing_column":
      return da
        ? `${issue.file}: kolonnen "${issue.column}" findes ikke (kolonner i filen: ${issue.present.join(", ")}); ret kolonnenavnet i tilvalget.`
        : `${issue.file}: there is no column "${issue.column}" (columns in the file: ${issue.present.join(", ")}); correct the column name in the option.`;
    case "engine_query_failed":
      return da
        ? `${issue.file}: forespørgslen fejlede i DuckDB (${issue.reason}); kontroller, at tid og uge er hele tal og hændelse 0/1, eller kør med --engine memory for at få fejlen med række og kolonne.`
        : `${issue.file}: the query failed in DuckDB (${issue.reason}); check that time and week are whole numbers and the event 0/1, or run with --engine memory to get the problem by row and column.`;
    case "engine_bad_count_rows":
      return da
        ? `${issue.file}: ikke tællede rækker (${issue.reason}); brug output fra jobtrial sql: kolonnerne arm, stratum, time, status og count.`
        : `${issue.file}: not counted rows (${issue.reason}); use the output of jobtrial sql: columns arm, stratum, time, status and count.`;
    case "engine_invalid_rows": {
      const what = da ? `${issue.rows} ${issue.rows === 1 ? "række" : "rækker"}` : `${issue.rows} row${issue.rows === 1 ? "" : "s"}`;
      return da
        ? `${issue.file}, kolonne "${issue.column}": ${what} med en værdi, der ikke kan læses (uge som 2020-W05, dato som 2020-02-03, fødselsår som 1974; en person, der står i persons.csv, og kun én gang); kør med --engine memory for at få hver række nævnt med rækkenummer, og ret dem.`
        : `${issue.file}, column "${issue.column}": ${what} with a value that cannot be read (a week like 2020-W05, a date like 2020-02-03, a birth year like 1974; a person who is in persons.csv, and only once); run with --engine memory to have each row named by its row number, and correct them.`;
    }
  }
}

/** An engine problem; `messageIn(lang)` words it. */
export class EngineError extends JobtrialError {
  override name = "EngineError";
  readonly issue: EngineIssue;
  constructor(issue: EngineIssue) {
    const { code, ...fields } = issue;
    super(code, fields, (lang) => wording(issue, lang));
    this.issue = issue;
  }
}
