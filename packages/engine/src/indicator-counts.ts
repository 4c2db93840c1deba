/**
 * The indicators' heavy part on an engine (issue 16, `jobtrial indicators --engine duckdb`):
 * from a municipality's weekly benefit panel and event logs to the counted rows the
 * jobindsats measures need, per week a numerator and (for shares) a denominator, per
 * ended spell's week of ending its status counts, and the persons behind a period.
 * @jobtrial/indicators computes the measures, intervals, projections and verdicts from
 * these rows exactly as from its in-memory counts.
 *
 * Two layers:
 *
 * 1. The counting queries (`indicatorCountsSql`, `indicatorPersonsSql`), written once in
 *    a portable subset (WITH, joins, GROUP BY, CASE, COUNT(DISTINCT), LEAD() OVER, date +
 *    integer and date + INTERVAL) over three normalized tables, run in DuckDB and, in the
 *    tests, on PostgreSQL:
 *      indicator_panel(person, monday, iso_year, code): one row per person, week and
 *        benefit code; `monday` the week's Monday as a day number (days since 1970-01-01),
 *        `iso_year` the week's ISO year, `code` trimmed and in lower case;
 *      indicator_persons(person, birth_year, target_group): target group in lower case;
 *      indicator_events(person, monday, kind): the Monday of the event's week, the event
 *        in lower case.
 * 2. DuckDB embedded (`runDuckDbIndicatorCounts`): reads the data folder's files (CSV with
 *    Danish conventions, or Parquet; every cell as text), finds each column by the same
 *    aliases as the memory reader, parses weeks ("2020-W05") and dates (2020-02-03 or
 *    03-02-2020) into day numbers, expands benefit periods into weeks, fills the three
 *    tables, and runs the counting queries.
 *
 * Validation is the memory path's strength: this path counts the rows it cannot read
 * (an unreadable week or date, an empty or repeated person in persons.csv, a person not
 * in persons.csv) and refuses
 * with the file, the column and the number of rows, pointing to `--engine memory` for
 * the row numbers.
 */
import { normalizeHeader, type ColumnSpec } from "@jobtrial/core";
import { sniffFile } from "./duckdb-engine.ts";
import { EngineError, type IndicatorCountsProblem } from "./messages.ts";
import type { Dialect } from "./queries.ts";

/** Who is counted in a week (as @jobtrial/indicators' Population): a code that week, an age, a target group. */
export interface IndicatorPopulation {
  codes: readonly string[];
  /** The week's ISO year minus the birth year, both ends included. */
  age?: { min: number; max: number } | undefined;
  targetGroups?: readonly string[] | undefined;
}

/** The measures (as @jobtrial/indicators' Measure, with the fields the counting needs). */
export type IndicatorMeasure =
  | { kind: "fullTimePersons" | "averageStock"; population: IndicatorPopulation }
  | { kind: "stockShare"; population: IndicatorPopulation; stateCodes: readonly string[] }
  | { kind: "eventShare"; population: IndicatorPopulation; events: readonly string[]; withinWeeks: number }
  | { kind: "weeklyEvents"; events: readonly string[]; population?: IndicatorPopulation | undefined }
  | {
      kind: "statusAfterEnd";
      population: IndicatorPopulation;
      months: number;
      weeksWithout: number;
      statuses: readonly { name: string; codes: readonly string[] }[];
    };

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Codes as the panel holds them: trimmed, lower case, as an SQL list. */
function codeList(codes: readonly string[]): string {
  return [...new Set(codes.map((code) => code.trim().toLowerCase()))].map(literal).join(", ");
}

function wholeNumber(value: number, name: string): number {
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, not ${value}`);
  return value;
}

/**
 * The person-weeks in a population from `firstMonday` to `lastMonday` (null: no lower
 * bound), distinct: the population test of @jobtrial/indicators' `membership`.
 */
function populationWeeksSql(population: IndicatorPopulation, firstMonday: number | null, lastMonday: number): string {
  const conditions = [`w.code IN (${codeList(population.codes)})`, `w.monday <= ${wholeNumber(lastMonday, "lastMonday")}`];
  if (firstMonday !== null) conditions.push(`w.monday >= ${wholeNumber(firstMonday, "firstMonday")}`);
  if (population.targetGroups !== undefined) conditions.push(`p.target_group IN (${codeList(population.targetGroups)})`);
  if (population.age !== undefined) {
    conditions.push(`p.birth_year IS NOT NULL`, `w.iso_year - p.birth_year >= ${wholeNumber(population.age.min, "age.min")}`, `w.iso_year - p.birth_year <= ${wholeNumber(population.age.max, "age.max")}`);
  }
  return `SELECT DISTINCT w.person, w.monday
  FROM indicator_panel w
  LEFT JOIN indicator_persons p ON p.person = w.person
  WHERE ${conditions.join("\n    AND ")}`;
}

/**
 * The counting query of a measure from `firstMonday` to `lastMonday` (the Mondays, as day
 * numbers, of the first week of data and the last complete week counted).
 *
 * Weekly measures give one row per week with any count: `monday`, `numerator`,
 * `denominator` (the stock, for shares; NULL otherwise); a week without a row counts 0.
 * - full-time persons and average stock: the persons in the population that week;
 * - stock share: of those, the persons with a state code that week;
 * - event share: of those, the persons with an event of the kinds within the last
 *   `withinWeeks` weeks (the event's Monday after Monday - 7 × withinWeeks, not after Monday);
 * - events per week: the events of the kinds that week (of persons in the population that
 *   week, when the measure has one).
 *
 * (The status is named in a step of its own, as Trino groups by columns, not by output names.)
 * The status after an ended spell gives one row per day of ending and status: `end_day`
 * (the Sunday of the spell's last week, a day number), `status`, `count`. A spell ends
 * with a week in the population followed by `weeksWithout` or more weeks outside it
 * (counting up to `lastMonday`); its status is read in the week holding the day `months`
 * calendar months after its last day (the day kept, or the month's last day), which must
 * not lie after `lastMonday`'s week: no codes that week is the status without codes, else
 * the first status (in the definition's order) one of whose codes the week holds, else
 * "other".
 *
 * @example indicatorCountsSql({ kind: "averageStock", population: { codes: ["KH"] } }, 18260, 18624) // "WITH population_weeks AS (...) SELECT monday, COUNT(*) AS numerator, ..."
 */
export function indicatorCountsSql(measure: IndicatorMeasure, firstMonday: number, lastMonday: number, dialect: Dialect = "duckdb"): string {
  switch (measure.kind) {
    case "fullTimePersons":
    case "averageStock":
      return `WITH population_weeks AS (
${populationWeeksSql(measure.population, firstMonday, lastMonday)}
)
SELECT monday, COUNT(*) AS numerator, CAST(NULL AS INTEGER) AS denominator
FROM population_weeks
GROUP BY monday
ORDER BY monday`;
    case "stockShare":
      return `WITH population_weeks AS (
${populationWeeksSql(measure.population, firstMonday, lastMonday)}
), state_weeks AS (
  SELECT DISTINCT person, monday FROM indicator_panel WHERE code IN (${codeList(measure.stateCodes)})
)
SELECT pw.monday, COUNT(sw.person) AS numerator, COUNT(*) AS denominator
FROM population_weeks pw
LEFT JOIN state_weeks sw ON sw.person = pw.person AND sw.monday = pw.monday
GROUP BY pw.monday
ORDER BY pw.monday`;
    case "eventShare": {
      const windowDays = 7 * wholeNumber(measure.withinWeeks, "withinWeeks");
      return `WITH population_weeks AS (
${populationWeeksSql(measure.population, firstMonday, lastMonday)}
), with_event AS (
  SELECT DISTINCT pw.person, pw.monday
  FROM population_weeks pw
  JOIN indicator_events e ON e.person = pw.person AND e.monday <= pw.monday AND e.monday > pw.monday - ${windowDays}
  WHERE e.kind IN (${codeList(measure.events)})
)
SELECT pw.monday, COUNT(we.person) AS numerator, COUNT(*) AS denominator
FROM population_weeks pw
LEFT JOIN with_event we ON we.person = pw.person AND we.monday = pw.monday
GROUP BY pw.monday
ORDER BY pw.monday`;
    }
    case "weeklyEvents": {
      const range = `e.monday >= ${wholeNumber(firstMonday, "firstMonday")} AND e.monday <= ${wholeNumber(lastMonday, "lastMonday")}`;
      if (measure.population === undefined) {
        return `SELECT e.monday, COUNT(*) AS numerator, CAST(NULL AS INTEGER) AS denominator
FROM indicator_events e
WHERE e.kind IN (${codeList(measure.events)}) AND ${range}
GROUP BY e.monday
ORDER BY e.monday`;
      }
      return `WITH population_weeks AS (
${populationWeeksSql(measure.population, firstMonday, lastMonday)}
)
SELECT e.monday, COUNT(*) AS numerator, CAST(NULL AS INTEGER) AS denominator
FROM indicator_events e
JOIN population_weeks pw ON pw.person = e.person AND pw.monday = e.monday
WHERE e.kind IN (${codeList(measure.events)}) AND ${range}
GROUP BY e.monday
ORDER BY e.monday`;
    }
    case "statusAfterEnd":
      return statusAfterEndSql(measure, lastMonday, dialect);
  }
}

/**
 * The days from a spell's last week's Monday to the day `months` calendar months after
 * its last day (that week's Sunday; the day kept, or the month's last day): the one
 * piece of date arithmetic, which the dialects write differently (DuckDB and PostgreSQL
 * add integers and intervals to dates; Spark SQL has date_add, add_months and datediff,
 * Trino date_add and date_diff; all keep the day or take the month's last day).
 */
function daysToStatusSql(months: number, dialect: Dialect): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `CAST(CAST(DATE '1970-01-01' + (monday + 6) AS DATE) + INTERVAL '${months} months' AS DATE) - DATE '1970-01-01' - monday`;
    case "spark":
      return `datediff(add_months(date_add(DATE '1970-01-01', monday + 6), ${months}), DATE '1970-01-01') - monday`;
    case "trino":
      return `date_diff('day', DATE '1970-01-01', date_add('month', ${months}, date_add('day', monday + 6, DATE '1970-01-01'))) - monday`;
  }
}

function statusAfterEndSql(measure: Extract<IndicatorMeasure, { kind: "statusAfterEnd" }>, lastMonday: number, dialect: Dialect): string {
  const last = wholeNumber(lastMonday, "lastMonday");
  const weeksWithout = wholeNumber(measure.weeksWithout, "weeksWithout");
  const months = wholeNumber(measure.months, "months");
  const withCodes = measure.statuses.filter((status) => status.codes.length > 0);
  const noCodeStatus = measure.statuses.find((status) => status.codes.length === 0)?.name ?? "other";
  const flags = withCodes.map((status, index) => `MAX(CASE WHEN c.code IN (${codeList(status.codes)}) THEN 1 ELSE 0 END) AS has_${index}`);
  const cases = withCodes.map((status, index) => `WHEN has_${index} = 1 THEN ${literal(status.name)}`);
  return `WITH population_weeks AS (
${populationWeeksSql(measure.population, null, last)}
), runs AS (
  SELECT person, monday, LEAD(monday) OVER (PARTITION BY person ORDER BY monday) AS next_monday
  FROM population_weeks
), ended AS (
  SELECT person, monday + 6 AS end_day,
    ${daysToStatusSql(months, dialect)} AS days_to_status,
    monday
  FROM runs
  WHERE (next_monday IS NULL AND (${last} - monday) / 7 >= ${weeksWithout})
     OR (next_monday IS NOT NULL AND (next_monday - monday) / 7 - 1 >= ${weeksWithout})
), status_weeks AS (
  SELECT person, end_day, monday + days_to_status - (days_to_status % 7) AS status_monday
  FROM ended
), status_codes AS (
  SELECT s.person, s.end_day, COUNT(c.code) AS codes${flags.map((flag) => `,\n    ${flag}`).join("")}
  FROM status_weeks s
  LEFT JOIN indicator_panel c ON c.person = s.person AND c.monday = s.status_monday
  WHERE s.status_monday <= ${last}
  GROUP BY s.person, s.end_day
), statuses AS (
  SELECT end_day,
    CASE WHEN codes = 0 THEN ${literal(noCodeStatus)}${cases.map((line) => `\n      ${line}`).join("")}
      ELSE 'other' END AS status
  FROM status_codes
)
SELECT end_day, status, COUNT(*) AS count
FROM statuses
GROUP BY end_day, status
ORDER BY end_day, status`;
}

/**
 * The persons in a population in any week from `firstMonday` to `lastMonday` (one row,
 * `persons`): what a period's "persons" figure is for stocks and stock shares.
 */
export function indicatorPersonsSql(population: IndicatorPopulation, firstMonday: number, lastMonday: number): string {
  return `SELECT COUNT(DISTINCT person) AS persons FROM (
${populationWeeksSql(population, firstMonday, lastMonday)}
) population_weeks`;
}

/** The first and last Monday with data (panel or events), as `first_monday` and `last_monday`. */
export const INDICATOR_EXTENT_SQL = `SELECT MIN(monday) AS first_monday, MAX(monday) AS last_monday FROM (
  SELECT monday FROM indicator_panel
  UNION ALL
  SELECT monday FROM indicator_events
) weeks`;

/** The columns of the counts file `indicatorCountsScript` gives, in order. */
export const INDICATOR_COUNTS_COLUMNS = ["indicator", "part", "day", "status", "numerator", "denominator"] as const;

/**
 * One query for a whole definitions file, to run where the three tables live and save as
 * one CSV (`psql --csv`, Spark's or Trino's CSV output) for `jobtrial indicators --counts`.
 * Every request's counting query and persons query, labelled, one after another
 * (UNION ALL), with the window they were written for; the columns
 * (`INDICATOR_COUNTS_COLUMNS`):
 *   indicator  the indicator's id ('' for the window's rows)
 *   part       week | ended | persons | first_week | last_week
 *   day        week: the Monday; ended: the Sunday of the spell's last week;
 *              persons: the request's persons range, from 0 (one range per indicator);
 *              first_week and last_week: the window's first and last Monday (day numbers)
 *   status     ended: the status; empty otherwise
 *   numerator  week: the numerator; ended: the spells; persons: the distinct persons
 *   denominator  week of a share: the stock; empty otherwise
 * A week without a row counts 0, as in `answerIndicatorRequests`.
 */
export function indicatorCountsScript(requests: readonly { id: string; request: IndicatorCountRequest }[], window: { firstMonday: number; lastMonday: number }, dialect: Dialect = "duckdb"): string {
  const text = dialect === "spark" ? "STRING" : "VARCHAR";
  const nullText = `CAST(NULL AS ${text})`;
  const nullNumber = "CAST(NULL AS BIGINT)";
  const parts = [
    `SELECT CAST('' AS ${text}) AS indicator, CAST('first_week' AS ${text}) AS part, CAST(${wholeNumber(window.firstMonday, "firstMonday")} AS BIGINT) AS day, ${nullText} AS status, ${nullNumber} AS numerator, ${nullNumber} AS denominator`,
    `SELECT '', 'last_week', ${wholeNumber(window.lastMonday, "lastMonday")}, ${nullText}, ${nullNumber}, ${nullNumber}`,
  ];
  requests.forEach(({ id, request }, index) => {
    const counts = indicatorCountsSql(request.measure, request.firstMonday, request.lastMonday, dialect);
    parts.push(
      request.measure.kind === "statusAfterEnd"
        ? `SELECT ${literal(id)}, 'ended', end_day, status, count, ${nullNumber}\nFROM (\n${counts}\n) counted_${index}`
        : `SELECT ${literal(id)}, 'week', monday, ${nullText}, numerator, denominator\nFROM (\n${counts}\n) counted_${index}`,
    );
    request.persons.forEach((wanted, personsIndex) => {
      parts.push(`SELECT ${literal(id)}, 'persons', ${personsIndex}, ${nullText}, persons, ${nullNumber}\nFROM (\n${indicatorPersonsSql(wanted.population, wanted.firstMonday, wanted.lastMonday)}\n) persons_${index}_${personsIndex}`);
    });
  });
  return parts.join("\nUNION ALL\n");
}

/** One row of a counts file: its line in the file and its cells by `INDICATOR_COUNTS_COLUMNS` (an empty cell for NULL). */
export interface IndicatorCountsRow {
  line: number;
  cells: Record<(typeof INDICATOR_COUNTS_COLUMNS)[number], string>;
}

/**
 * The answers in a counts file (the output of `indicatorCountsScript`), checked row by
 * row: the window from its first_week and last_week rows, then `plan(window)`'s requests
 * answered from the rows labelled with their ids. A row that does not fit is an
 * EngineError (`engine_bad_indicator_counts`) with the file, the line and the column;
 * no cell is quoted but the indicator's id and the part.
 */
export function indicatorAnswersFromRows(
  file: string,
  rows: readonly IndicatorCountsRow[],
  plan: (window: { firstMonday: number; lastMonday: number }) => readonly { id: string; request: IndicatorCountRequest }[],
): { window: { firstMonday: number; lastMonday: number }; answers: IndicatorCountAnswer[] } {
  type Column = (typeof INDICATOR_COUNTS_COLUMNS)[number];
  const refuse = (line: number | null, column: Column | null, problem: IndicatorCountsProblem): never => {
    throw new EngineError({ code: "engine_bad_indicator_counts", file, line, column, problem });
  };
  const whole = (row: IndicatorCountsRow, column: Column, min: number | null): number => {
    const cell = row.cells[column].trim();
    const value = /^[+-]?\d+(\.0*)?$/.test(cell) ? Number(cell) : Number.NaN;
    if (!Number.isSafeInteger(value) || (min !== null && value < min)) refuse(row.line, column, min === null ? "not_day" : "not_count");
    return value;
  };
  // 1. the window
  const bounds: Partial<Record<"first_week" | "last_week", number>> = {};
  for (const row of rows) {
    const part = row.cells.part.trim();
    if (part !== "first_week" && part !== "last_week") continue;
    if (bounds[part] !== undefined) refuse(row.line, "part", "window_twice");
    bounds[part] = whole(row, "day", null);
  }
  if (bounds.first_week === undefined || bounds.last_week === undefined) refuse(null, "part", "window_missing");
  const window = { firstMonday: bounds.first_week!, lastMonday: bounds.last_week! };
  if ((window.lastMonday - window.firstMonday) % 7 !== 0 || window.firstMonday > window.lastMonday) refuse(null, "day", "window_not_weeks");
  // 2. the rows of each request
  const requests = plan(window);
  const byId = new Map(requests.map(({ id, request }, index) => [id, { request, answer: { weeks: [], ended: [], persons: request.persons.map(() => Number.NaN) } as IndicatorCountAnswer, index }]));
  const seen = new Set<string>();
  for (const row of rows) {
    const part = row.cells.part.trim();
    if (part === "first_week" || part === "last_week") continue;
    const found = byId.get(row.cells.indicator.trim());
    if (found === undefined) refuse(row.line, "indicator", "unknown_indicator");
    const { request, answer } = found!;
    const ended = request.measure.kind === "statusAfterEnd";
    if (part === "week" && !ended) {
      const monday = whole(row, "day", null);
      if (monday < window.firstMonday || monday > window.lastMonday || (monday - window.firstMonday) % 7 !== 0) refuse(row.line, "day", "outside_window");
      const key = `${row.cells.indicator.trim()}\u0000week\u0000${monday}`;
      if (seen.has(key)) refuse(row.line, "day", "twice");
      seen.add(key);
      const share = request.measure.kind === "stockShare" || request.measure.kind === "eventShare";
      const denominator = share ? whole(row, "denominator", 0) : null;
      if (!share && row.cells.denominator.trim() !== "") refuse(row.line, "denominator", "not_empty");
      answer.weeks.push({ monday, numerator: whole(row, "numerator", 0), denominator });
    } else if (part === "ended" && ended) {
      const endDay = whole(row, "day", null);
      const status = row.cells.status.trim();
      if (status === "") refuse(row.line, "status", "status_missing");
      const key = `${row.cells.indicator.trim()}\u0000ended\u0000${endDay}\u0000${status}`;
      if (seen.has(key)) refuse(row.line, "status", "twice");
      seen.add(key);
      answer.ended.push({ endDay, status, count: whole(row, "numerator", 0) });
    } else if (part === "persons") {
      const index = whole(row, "day", 0);
      if (index >= answer.persons.length) refuse(row.line, "day", "not_wanted");
      if (!Number.isNaN(answer.persons[index]!)) refuse(row.line, "day", "twice");
      answer.persons[index] = whole(row, "numerator", 0);
    } else {
      refuse(row.line, "part", part === "week" || part === "ended" ? "part_for_measure" : "unknown_part");
    }
  }
  for (const { answer } of byId.values()) if (answer.persons.some(Number.isNaN)) refuse(null, "part", "persons_missing");
  return { window, answers: [...byId.values()].sort((a, b) => a.index - b.index).map(({ answer }) => answer) };
}

// ---------------------------------------------------------------- DuckDB over the data folder's files

/** The data folder's files and the columns' aliases (@jobtrial/indicators' readers'), by table. */
export interface IndicatorFiles {
  persons: { file: string; columns: readonly ColumnSpec<"pseudonym" | "birthYear" | "targetGroup">[] };
  benefitWeeks?: { file: string; columns: readonly ColumnSpec<"pseudonym" | "week" | "code">[] } | undefined;
  benefitPeriods?: { file: string; columns: readonly ColumnSpec<"pseudonym" | "code" | "from" | "to">[] } | undefined;
  events?: { file: string; columns: readonly ColumnSpec<"pseudonym" | "date" | "event">[] } | undefined;
}

/** One counting job: a measure from `firstMonday` to `lastMonday`, and the populations and week ranges whose persons are wanted. */
export interface IndicatorCountRequest {
  measure: IndicatorMeasure;
  firstMonday: number;
  lastMonday: number;
  persons: readonly { population: IndicatorPopulation; firstMonday: number; lastMonday: number }[];
}

/** The answer to one request. */
export interface IndicatorCountAnswer {
  /** Weekly measures: the weeks with a count (others are 0). Empty for the status after end. */
  weeks: { monday: number; numerator: number; denominator: number | null }[];
  /** The status after end: ended spells by day of ending and status. Empty otherwise. */
  ended: { endDay: number; status: string; count: number }[];
  /** The persons of each of the request's `persons`, in its order. */
  persons: number[];
}

export interface IndicatorCountsOptions {
  /** Threads DuckDB may use. Default: DuckDB's own (the number of cores) */
  threads?: number;
  /** DuckDB's memory limit, e.g. "3GB". Default: DuckDB's own (80 % of RAM) */
  memoryLimit?: string;
  /** Called after each request (for progress lines). Default: nothing */
  onRequest?: (done: number, total: number) => void;
}

/** A week "2020-W05" (also "2020W5", "2020-5", "2020 05") as its Monday's day number, in DuckDB; NULL when not an existing ISO week. */
function duckDbWeekMonday(cell: string): string {
  const year = `TRY_CAST(regexp_extract(${cell}, '^(\\d{4})[- ]?[Ww]?(\\d{1,2})$', 1) AS INTEGER)`;
  const week = `TRY_CAST(regexp_extract(${cell}, '^(\\d{4})[- ]?[Ww]?(\\d{1,2})$', 2) AS INTEGER)`;
  const january4 = `make_date(${year}, 1, 4)`;
  const weeksInYear = `(CASE WHEN isodow(make_date(${year}, 1, 1)) = 4 OR isodow(make_date(${year}, 12, 31)) = 4 THEN 53 ELSE 52 END)`;
  return `(CASE WHEN regexp_matches(${cell}, '^(\\d{4})[- ]?[Ww]?(\\d{1,2})$') AND ${week} BETWEEN 1 AND ${weeksInYear}
    THEN CAST(${january4} - CAST(isodow(${january4}) - 1 AS INTEGER) + CAST(7 * (${week} - 1) AS INTEGER) - DATE '1970-01-01' AS INTEGER) END)`;
}

/** A date (2020-02-03, with or without a time, or 03-02-2020, 3.2.2020, 3/2/2020) as its day number, in DuckDB; NULL otherwise. */
function duckDbDateDay(cell: string): string {
  const iso = `try_strptime(regexp_extract(${cell}, '^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$', 1), '%Y-%m-%d')`;
  const danish = `try_strptime(regexp_replace(${cell}, '[./]', '-', 'g'), '%d-%m-%Y')`;
  return `CAST(CAST(coalesce(${iso}, CASE WHEN regexp_matches(${cell}, '^\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}$') THEN ${danish} END) AS DATE) - DATE '1970-01-01' AS INTEGER)`;
}

const weekdayMonday = (day: string) => `(${day} - CAST(isodow(DATE '1970-01-01' + ${day}) AS INTEGER) + 1)`;

/**
 * Reads the data folder's files into DuckDB's three tables and answers every request in
 * one DuckDB instance (in memory). Returns the extent of the data (the first and last
 * Monday with a panel week or an event; null without data) and one answer per request.
 * A file that cannot be read, a missing column or rows that cannot be read are an
 * `EngineError` naming the file and the column.
 */
export async function runDuckDbIndicatorCounts(
  files: IndicatorFiles,
  requestsFor: (extent: { firstMonday: number; lastMonday: number } | null) => readonly IndicatorCountRequest[],
  options: IndicatorCountsOptions = {},
): Promise<{ extent: { firstMonday: number; lastMonday: number } | null; answers: IndicatorCountAnswer[] }> {
  // Loaded here, not at the top: DuckDB's native library is paid for only when used.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    ...(options.threads !== undefined ? { threads: String(options.threads) } : {}),
    ...(options.memoryLimit !== undefined ? { memory_limit: options.memoryLimit } : {}),
  });
  const connection = await instance.connect();
  const rows = async (sql: string, file: string): Promise<Record<string, unknown>[]> => {
    try {
      return (await connection.runAndReadAll(sql)).getRowObjects();
    } catch (error) {
      throw new EngineError({ code: "engine_query_failed", file, reason: firstLine(error) });
    }
  };
  try {
    // 1. a view over each file, every cell as text, and its columns found by their aliases
    const column = async <Key extends string>(table: string, source: { file: string; columns: readonly ColumnSpec<Key>[] }): Promise<Record<Key, string | null>> => {
      const reader = sniffFile(source.file);
      const from =
        reader.kind === "parquet"
          ? `read_parquet(${literal(source.file)})`
          : `read_csv(${literal(source.file)}, header = true, delim = ${literal(reader.delimiter!)}, all_varchar = true)`;
      let present: string[];
      try {
        await connection.run(`CREATE VIEW ${table}_file AS SELECT * FROM ${from}`);
        present = (await connection.runAndReadAll(`SELECT * FROM ${table}_file LIMIT 0`)).columnNames();
      } catch (error) {
        throw new EngineError({ code: "engine_cannot_read", file: source.file, reason: firstLine(error) });
      }
      const found = {} as Record<Key, string | null>;
      for (const spec of source.columns) {
        const aliases = new Set(spec.aliases.map(normalizeHeader));
        const name = present.find((candidate) => aliases.has(normalizeHeader(candidate.replace(/^\uFEFF/, "")))) ?? null;
        if (name === null && spec.required !== false) throw new EngineError({ code: "engine_missing_column", file: source.file, column: spec.aliases[0] ?? spec.key, present });
        found[spec.key] = name;
      }
      return found;
    };
    const text = (table: string, name: string | null) => (name === null ? "CAST(NULL AS VARCHAR)" : `trim(CAST(${table}."${name.replaceAll('"', '""')}" AS VARCHAR))`);

    // 2. the three tables
    const personsColumns = await column("persons", files.persons);
    await connection.run(`CREATE TABLE persons_read AS
SELECT ${text("f", personsColumns.pseudonym)} AS person, ${text("f", personsColumns.birthYear)} AS birth_year, ${text("f", personsColumns.targetGroup)} AS target_group
FROM persons_file f`);
    await refuseBadRows(rows, files.persons.file, personsColumns.pseudonym!, `SELECT COUNT(*) AS bad FROM persons_read WHERE person IS NULL OR person = ''`);
    await refuseBadRows(rows, files.persons.file, personsColumns.pseudonym!, `SELECT COUNT(*) - COUNT(DISTINCT person) AS bad FROM persons_read`);
    if (personsColumns.birthYear !== null) {
      await refuseBadRows(rows, files.persons.file, personsColumns.birthYear, `SELECT COUNT(*) AS bad FROM persons_read WHERE birth_year <> '' AND NOT regexp_matches(birth_year, '^\\d{4}$')`);
    }
    await connection.run(`CREATE TABLE indicator_persons AS
SELECT person, CASE WHEN regexp_matches(birth_year, '^\\d{4}$') THEN CAST(birth_year AS INTEGER) END AS birth_year, nullif(lower(target_group), '') AS target_group
FROM persons_read`);
    const panelParts: string[] = [];
    if (files.benefitWeeks !== undefined) {
      const names = await column("weeks", files.benefitWeeks);
      await connection.run(`CREATE TABLE weeks_read AS SELECT ${text("f", names.pseudonym)} AS person, ${duckDbWeekMonday(text("f", names.week))} AS monday, lower(${text("f", names.code)}) AS code FROM weeks_file f`);
      await refuseBadRows(rows, files.benefitWeeks.file, names.week!, `SELECT COUNT(*) AS bad FROM weeks_read WHERE monday IS NULL`);
      await refuseBadRows(rows, files.benefitWeeks.file, names.pseudonym!, `SELECT COUNT(*) AS bad FROM weeks_read w WHERE NOT EXISTS (SELECT 1 FROM indicator_persons p WHERE p.person = w.person)`);
      panelParts.push(`SELECT person, monday, code FROM weeks_read`);
    }
    if (files.benefitPeriods !== undefined) {
      const names = await column("periods", files.benefitPeriods);
      await connection.run(`CREATE TABLE periods_read AS SELECT ${text("f", names.pseudonym)} AS person, lower(${text("f", names.code)}) AS code,
  ${duckDbWeekMonday(text("f", names.from))} AS from_monday, ${duckDbWeekMonday(text("f", names.to))} AS to_monday FROM periods_file f`);
      await refuseBadRows(rows, files.benefitPeriods.file, names.from!, `SELECT COUNT(*) AS bad FROM periods_read WHERE from_monday IS NULL`);
      await refuseBadRows(rows, files.benefitPeriods.file, names.to!, `SELECT COUNT(*) AS bad FROM periods_read WHERE to_monday IS NULL OR to_monday < from_monday`);
      await refuseBadRows(rows, files.benefitPeriods.file, names.pseudonym!, `SELECT COUNT(*) AS bad FROM periods_read r WHERE NOT EXISTS (SELECT 1 FROM indicator_persons p WHERE p.person = r.person)`);
      panelParts.push(`SELECT person, CAST(unnest(range(from_monday, to_monday + 7, 7)) AS INTEGER) AS monday, code FROM periods_read`);
    }
    const panelSource = panelParts.length === 0 ? `SELECT CAST(NULL AS VARCHAR) AS person, CAST(NULL AS INTEGER) AS monday, CAST(NULL AS VARCHAR) AS code WHERE false` : panelParts.join("\nUNION ALL\n");
    await connection.run(`CREATE TABLE indicator_panel AS
SELECT DISTINCT person, monday, CAST(year(DATE '1970-01-01' + (monday + 3)) AS INTEGER) AS iso_year, code
FROM (${panelSource}) weeks
WHERE code IS NOT NULL AND code <> ''`);
    if (files.events !== undefined) {
      const names = await column("events", files.events);
      await connection.run(`CREATE TABLE events_read AS SELECT ${text("f", names.pseudonym)} AS person, ${duckDbDateDay(text("f", names.date))} AS day, lower(${text("f", names.event)}) AS kind FROM events_file f`);
      await refuseBadRows(rows, files.events.file, names.date!, `SELECT COUNT(*) AS bad FROM events_read WHERE day IS NULL`);
      await refuseBadRows(rows, files.events.file, names.event!, `SELECT COUNT(*) AS bad FROM events_read WHERE kind IS NULL OR kind = ''`);
      await refuseBadRows(rows, files.events.file, names.pseudonym!, `SELECT COUNT(*) AS bad FROM events_read e WHERE NOT EXISTS (SELECT 1 FROM indicator_persons p WHERE p.person = e.person)`);
      await connection.run(`CREATE TABLE indicator_events AS SELECT person, CAST(${weekdayMonday("day")} AS INTEGER) AS monday, kind FROM events_read`);
    } else {
      await connection.run(`CREATE TABLE indicator_events (person VARCHAR, monday INTEGER, kind VARCHAR)`);
    }

    // 3. the extent, then each request's counts
    const dataFiles = [files.persons, files.benefitWeeks, files.benefitPeriods, files.events].flatMap((source) => (source === undefined ? [] : [source.file])).join(", ");
    const [extentRow] = await rows(INDICATOR_EXTENT_SQL, dataFiles);
    const extent = extentRow?.first_monday == null ? null : { firstMonday: Number(extentRow.first_monday), lastMonday: Number(extentRow.last_monday) };
    const answers = await answerIndicatorRequests((sql) => rows(sql, dataFiles), requestsFor(extent), options.onRequest);
    return { extent, answers };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Answers counting requests with any SQL runner over the three normalized tables: DuckDB
 * here, PostgreSQL in the tests, a database server's client where the panel lives.
 * `query` returns the rows as objects by column name (numbers may come as bigint or
 * text, as drivers give them).
 */
export async function answerIndicatorRequests(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  requests: readonly IndicatorCountRequest[],
  onRequest?: (done: number, total: number) => void,
): Promise<IndicatorCountAnswer[]> {
  const answers: IndicatorCountAnswer[] = [];
  for (const request of requests) {
    const counted = await query(indicatorCountsSql(request.measure, request.firstMonday, request.lastMonday));
    const answer: IndicatorCountAnswer = { weeks: [], ended: [], persons: [] };
    if (request.measure.kind === "statusAfterEnd") {
      answer.ended = counted.map((row) => ({ endDay: Number(row.end_day), status: String(row.status), count: Number(row.count) }));
    } else {
      answer.weeks = counted.map((row) => ({ monday: Number(row.monday), numerator: Number(row.numerator), denominator: row.denominator == null ? null : Number(row.denominator) }));
    }
    for (const wanted of request.persons) {
      const [row] = await query(indicatorPersonsSql(wanted.population, wanted.firstMonday, wanted.lastMonday));
      answer.persons.push(Number(row?.persons ?? 0));
    }
    answers.push(answer);
    onRequest?.(answers.length, requests.length);
  }
  return answers;
}

/** Refuse a file with rows the check counts: its column and the number of rows; `--engine memory` lists them by row. */
async function refuseBadRows(rows: (sql: string, file: string) => Promise<Record<string, unknown>[]>, file: string, column: string, sql: string): Promise<void> {
  const [row] = await rows(sql, file);
  const bad = Number(row?.bad ?? 0);
  if (bad > 0) throw new EngineError({ code: "engine_invalid_rows", file, column, rows: bad });
}

/** The first line of an error's message (DuckDB adds context lines that may quote data). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}
