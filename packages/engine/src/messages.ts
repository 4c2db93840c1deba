/**
 * The engine's problems as data plus wording (Danish first, English with --lang en):
 * each says which file or option, and how to fix it. A message never quotes a cell:
 * a person column may hold CPR numbers.
 */
import { JobtrialError, type MessageLang } from "@jobtrial/core";

/** What is wrong with a row of an indicators counts file (`indicatorAnswersFromRows`). */
export type IndicatorCountsProblem =
  | "not_day"
  | "not_count"
  | "window_twice"
  | "window_missing"
  | "window_not_weeks"
  | "unknown_indicator"
  | "unknown_part"
  | "part_for_measure"
  | "outside_window"
  | "twice"
  | "not_empty"
  | "status_missing"
  | "not_wanted"
  | "persons_missing";

const COUNTS_PROBLEMS: Record<IndicatorCountsProblem, { da: string; en: string }> = {
  not_day: { da: "skal være et helt tal (et dagnummer: dage siden 1970-01-01)", en: "must be a whole number (a day number: days since 1970-01-01)" },
  not_count: { da: "skal være et helt tal, 0 eller derover", en: "must be a whole number, 0 or more" },
  window_twice: { da: "first_week eller last_week står to gange", en: "first_week or last_week appears twice" },
  window_missing: { da: "rækkerne first_week og last_week mangler (den udskrevne forespørgsel giver dem)", en: "the rows first_week and last_week are missing (the printed query gives them)" },
  window_not_weeks: { da: "first_week og last_week er ikke mandage i rækkefølge med hele uger imellem", en: "first_week and last_week are not Mondays in order with whole weeks between them" },
  unknown_indicator: { da: "indikatoren findes ikke i definitionsfilen (er forespørgslen udskrevet for en anden fil?)", en: "the indicator is not in the definitions file (was the query printed for another file?)" },
  unknown_part: { da: "part skal være week, ended, persons, first_week eller last_week", en: "part must be week, ended, persons, first_week or last_week" },
  part_for_measure: { da: "denne del hører ikke til indikatorens måling (week for ugentlige målinger, ended for status efter afsluttet forløb)", en: "this part does not belong to the indicator's measure (week for weekly measures, ended for the status after an ended spell)" },
  outside_window: { da: "ugen ligger uden for first_week-last_week eller er ikke en mandag i den", en: "the week lies outside first_week-last_week or is not a Monday in it" },
  twice: { da: "den samme indikator, del og dag (og status) står to gange", en: "the same indicator, part and day (and status) appear twice" },
  not_empty: { da: "skal være tom for en måling, der ikke er en andel", en: "must be empty for a measure that is not a share" },
  status_missing: { da: "status mangler", en: "the status is missing" },
  not_wanted: { da: "indikatoren har ikke så mange personintervaller", en: "the indicator has no such persons range" },
  persons_missing: { da: "en indikator mangler sin persons-række (den udskrevne forespørgsel giver den)", en: "an indicator lacks its persons row (the printed query gives it)" },
};

export type EngineIssue =
  | { code: "engine_cannot_read"; file: string; reason: string }
  | { code: "engine_missing_column"; file: string; column: string; present: string[] }
  | { code: "engine_query_failed"; file: string; reason: string }
  | { code: "engine_bad_count_rows"; file: string; reason: string }
  | { code: "engine_invalid_rows"; file: string; column: string; rows: number }
  | { code: "engine_bad_indicator_counts"; file: string; line: number | null; column: string | null; problem: IndicatorCountsProblem };

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
    case "engine_bad_indicator_counts": {
      const where = [issue.line === null ? null : `${da ? "række" : "row"} ${issue.line}`, issue.column === null ? null : `${da ? "kolonne" : "column"} "${issue.column}"`].filter((part) => part !== null).join(", ");
      return da
        ? `${issue.file}: ${where}: ${COUNTS_PROBLEMS[issue.problem].da}; brug svaret på forespørgslen fra jobtrial sql indicators for den samme definitionsfil, gemt som CSV; intet blev skrevet.`
        : `${issue.file}: ${where}: ${COUNTS_PROBLEMS[issue.problem].en}; use the answer to the query of jobtrial sql indicators for the same definitions file, saved as CSV; nothing was written.`;
    }
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
