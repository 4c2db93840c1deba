/**
 * The queries, written once in a portable subset of SQL (plain SELECT, joins, GROUP BY,
 * CASE, CAST to INTEGER and ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...); no engine's
 * own functions), that turn person-level data into counted rows: one row per distinct
 * (arm, stratum, time, status) with the number of persons it stands for. Every survival
 * estimator of @jobtrial/survival takes such rows (`count`) and gives exactly the
 * numbers of the per-person rows, so the heavy part runs where the data lives.
 *
 * The dialects differ only in how an identifier is quoted ("x" in DuckDB, PostgreSQL
 * and Trino, `x` in Spark SQL); the text is otherwise the same, which is what lets a
 * test run the PostgreSQL print on a real server and parse the Spark SQL and Trino
 * prints with their grammars.
 */

export const DIALECTS = ["duckdb", "postgres", "spark", "trino"] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The columns of counted rows, in this order; `stratum` only when a stratum column is given. */
export const COUNTED_COLUMNS = ["arm", "stratum", "time", "status", "count"] as const;

/** Counted rows from a table of spells, one row per person. */
export interface SpellsQuery {
  /** The table (or, in DuckDB, the view over the file). Default: "spells" */
  table?: string;
  /** Follow-up time in whole days. */
  time: string;
  /** 1 = event, 0 = censored; or 0 = censored, 1, 2, ... = exit state. */
  status: string;
  /** The randomized arm. */
  group: string;
  /** Stratum column. Default: none */
  strata?: string | undefined;
}

/**
 * Counted first spells derived from the weekly benefit panel: the run of consecutive
 * weeks in `spellStates` that holds the person's entry week, joined to the pseudonymized
 * cohort. time = 7 × the weeks from the entry week to the run's last week (capped at the
 * cohort's last observed week); status = 1 when the run ends before that week, else 0
 * (censored at extraction).
 */
export interface PanelQuery {
  /** Panel table: one row per person and week on a benefit. Default: "panel" */
  panel?: string;
  /** Cohort table: one row per person. Default: "cohort" */
  cohort?: string;
  /** Pseudonym column in both tables. Default: "person" */
  person?: string;
  /** Running week number (consecutive weeks differ by 1) in the panel. Default: "week" */
  week?: string;
  /** Benefit state (code) in the panel. Default: "state" */
  state?: string;
  /** The states that make up the spell, e.g. A-dagpenge's codes. */
  spellStates: readonly (string | number)[];
  /** Arm in the cohort. Default: "arm" */
  group?: string;
  /** Stratum in the cohort. Default: none */
  strata?: string | undefined;
  /** Running week number of the person's first unemployment week, in the cohort. Default: "entry_week" */
  entryWeek?: string;
  /** Last week the person is observed (the extraction week), in the cohort. Default: "last_week" */
  lastWeek?: string;
}

/** Quote an identifier for the dialect (a name with the quote character in it is refused). */
export function quoteIdentifier(name: string, dialect: Dialect): string {
  const quote = dialect === "spark" ? "`" : '"';
  if (name.includes(quote) || name.length === 0) throw new RangeError(`column or table name ${JSON.stringify(name)} cannot be quoted`);
  return `${quote}${name}${quote}`;
}

/** A table name, possibly qualified (schema.table): each part quoted. */
function quoteTable(name: string, dialect: Dialect): string {
  return name.split(".").map((part) => quoteIdentifier(part, dialect)).join(".");
}

function literal(value: string | number): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("a state code must be finite");
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** The outer GROUP BY shared by both queries, over a subquery that names arm, stratum, time and status. */
function countedRows(inner: string, withStratum: boolean, dialect: Dialect): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const keys = withStratum ? [q("arm"), q("stratum"), q("time"), q("status")] : [q("arm"), q("time"), q("status")];
  return [
    `SELECT ${keys.join(", ")}, CAST(COUNT(*) AS INTEGER) AS ${q("count")}`,
    `FROM (`,
    inner,
    `) AS ${q("person_rows")}`,
    `GROUP BY ${keys.join(", ")}`,
    `ORDER BY ${keys.join(", ")}`,
  ].join("\n");
}

/**
 * Counted rows from a spells table.
 *
 * @example spellsCountsSql({ time: "days", status: "exit", group: "arm" }, "spark") // "SELECT `arm`, `time`, `status`, CAST(COUNT(*) AS INTEGER) AS `count`\nFROM (..."
 */
export function spellsCountsSql(query: SpellsQuery, dialect: Dialect): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const withStratum = query.strata !== undefined;
  const inner = [
    `  SELECT ${q(query.group)} AS ${q("arm")},` + (withStratum ? ` ${q(query.strata!)} AS ${q("stratum")},` : ""),
    `    ${q(query.time)} AS ${q("time")}, ${q(query.status)} AS ${q("status")}`,
    `  FROM ${quoteTable(query.table ?? "spells", dialect)}`,
  ].join("\n");
  return countedRows(inner, withStratum, dialect);
}

/**
 * Counted first spells from the weekly panel and the cohort (runs of consecutive weeks:
 * week - ROW_NUMBER() is constant within a run).
 */
export function panelCountsSql(query: PanelQuery, dialect: Dialect): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  if (query.spellStates.length === 0) throw new RangeError("spellStates needs at least one state");
  const person = q(query.person ?? "person");
  const week = q(query.week ?? "week");
  const withStratum = query.strata !== undefined;
  const inner = [
    `  SELECT ${q("c")}.${q("arm")} AS ${q("arm")},` + (withStratum ? ` ${q("c")}.${q("stratum")} AS ${q("stratum")},` : ""),
    `    7 * (CASE WHEN ${q("s")}.${q("run_last")} < ${q("c")}.${q("last_week")} THEN ${q("s")}.${q("run_last")} ELSE ${q("c")}.${q("last_week")} END - ${q("c")}.${q("entry_week")} + 1) AS ${q("time")},`,
    `    CASE WHEN ${q("s")}.${q("run_last")} < ${q("c")}.${q("last_week")} THEN 1 ELSE 0 END AS ${q("status")}`,
    `  FROM (`,
    `    SELECT ${person} AS ${q("person")}, ${q(query.group ?? "arm")} AS ${q("arm")},` + (withStratum ? ` ${q(query.strata!)} AS ${q("stratum")},` : ""),
    `      ${q(query.entryWeek ?? "entry_week")} AS ${q("entry_week")}, ${q(query.lastWeek ?? "last_week")} AS ${q("last_week")}`,
    `    FROM ${quoteTable(query.cohort ?? "cohort", dialect)}`,
    `  ) AS ${q("c")}`,
    `  JOIN (`,
    `    SELECT ${q("person")}, MIN(${q("week")}) AS ${q("run_first")}, MAX(${q("week")}) AS ${q("run_last")}`,
    `    FROM (`,
    `      SELECT ${person} AS ${q("person")}, ${week} AS ${q("week")},`,
    `        ${week} - ROW_NUMBER() OVER (PARTITION BY ${person} ORDER BY ${week}) AS ${q("run")}`,
    `      FROM ${quoteTable(query.panel ?? "panel", dialect)}`,
    `      WHERE ${q(query.state ?? "state")} IN (${query.spellStates.map(literal).join(", ")})`,
    `    ) AS ${q("weeks")}`,
    `    GROUP BY ${q("person")}, ${q("run")}`,
    `  ) AS ${q("s")}`,
    `    ON ${q("s")}.${q("person")} = ${q("c")}.${q("person")}`,
    `    AND ${q("s")}.${q("run_first")} <= ${q("c")}.${q("entry_week")} AND ${q("c")}.${q("entry_week")} <= ${q("s")}.${q("run_last")}`,
  ].join("\n");
  return countedRows(inner, withStratum, dialect);
}

/** Counted paths from an episodes table (one row per person and episode, as `jobtrial states` reads). */
export interface EpisodesQuery {
  /** The episodes table. Default: "episodes" */
  table?: string;
  /** Person id (pseudonym); it never leaves the engine: a path gets a running number. */
  id: string;
  /** Group (arm). */
  group: string;
  /** Episode start and stop, days since the person's day 0. */
  start: string;
  stop: string;
  /** State during the episode and the state after it (or the censor label). */
  from: string;
  to: string;
}

/** One cell of a path's text: the value as text, or "~" when missing. */
function pathCell(expression: string, dialect: Dialect): string {
  const text = dialect === "spark" ? "STRING" : "VARCHAR";
  return `CASE WHEN ${expression} IS NULL THEN '~' ELSE CAST(${expression} AS ${text}) END`;
}

/** The dialect's ordered string aggregate: the one place the dialects differ beyond quoting. */
function orderedJoin(expression: string, orderBy: string, dialect: Dialect): string {
  switch (dialect) {
    case "duckdb":
    case "postgres":
      return `STRING_AGG(${expression}, ';' ORDER BY ${orderBy})`;
    case "trino":
      return `ARRAY_JOIN(ARRAY_AGG(${expression} ORDER BY ${orderBy}), ';')`;
    case "spark":
      // collect_list keeps no order: sort the (start, text) pairs, then take the texts.
      return `CONCAT_WS(';', TRANSFORM(ARRAY_SORT(COLLECT_LIST(STRUCT(${orderBy}, ${expression}))), x -> x.col2))`;
  }
}

/**
 * Counted paths: persons whose episodes are identical (group, every start, stop, from and
 * to) share one path, returned once with `count` persons, numbered by `path` instead of
 * any id. The multi-state estimates and their infinitesimal-jackknife standard errors
 * depend on the persons only through these paths, so they are exact on the counted rows.
 * A person with a missing cell keeps "~" in the path text, so such persons stay apart and
 * the estimator drops them as it drops them per person. Needs an ordered string
 * aggregate, the one engine-specific function in these queries (STRING_AGG in DuckDB and
 * PostgreSQL, ARRAY_JOIN(ARRAY_AGG) in Trino, CONCAT_WS over a sorted COLLECT_LIST in Spark).
 */
export function episodesCountsSql(query: EpisodesQuery, dialect: Dialect): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  const cells = [query.group, query.start, query.stop, query.from, query.to].map((column) => pathCell(q(column), dialect));
  const cellText = cells.join(` || '|' || `);
  return [
    `SELECT ${q("p")}.${q("path")} AS ${q("path")}, ${q("e")}.${q(query.group)} AS ${q("arm")}, ${q("e")}.${q(query.start)} AS ${q("start")}, ${q("e")}.${q(query.stop)} AS ${q("stop")},`,
    `  ${q("e")}.${q(query.from)} AS ${q("from")}, ${q("e")}.${q(query.to)} AS ${q("to")}, ${q("p")}.${q("count")} AS ${q("count")}`,
    `FROM (`,
    `  SELECT ROW_NUMBER() OVER (ORDER BY ${q("path_text")}) AS ${q("path")}, ${q("path_text")}, MIN(${q("person")}) AS ${q("person")}, CAST(COUNT(*) AS INTEGER) AS ${q("count")}`,
    `  FROM (`,
    `    SELECT ${q(query.id)} AS ${q("person")}, ${orderedJoin(cellText, q(query.start), dialect)} AS ${q("path_text")}`,
    `    FROM ${quoteTable(query.table ?? "episodes", dialect)}`,
    `    WHERE ${q(query.id)} IS NOT NULL`,
    `    GROUP BY ${q(query.id)}`,
    `  ) AS ${q("persons")}`,
    `  GROUP BY ${q("path_text")}`,
    `) AS ${q("p")}`,
    `JOIN ${quoteTable(query.table ?? "episodes", dialect)} AS ${q("e")} ON ${q("e")}.${q(query.id)} = ${q("p")}.${q("person")}`,
    `ORDER BY ${q("path")}, ${q("start")}`,
  ].join("\n");
}

/**
 * Counted first spells from the jobcentre's spell table (dates) and the pseudonymized
 * cohort, by the analysis-set rules of @jobtrial/analyze (analysis-set.ts), so that the
 * counted rows give exactly the duration measures `jobtrial analyze` computes person by
 * person:
 * - the trial spell is the person's earliest spell starting within 14 days of the first
 *   unemployment day and before the as-of date (on equal starts the engine picks one);
 * - persons whose first unemployment day is on or after the as-of date are left out;
 * - a spell without an end, or ending on or after the as-of date, is censored at
 *   as-of - first unemployment day; otherwise time = end - first day + 1 (at least 1), an
 *   event when the exit state is given and not a censoring word.
 * Date arithmetic is `date - date` in days (DuckDB and PostgreSQL; Spark SQL and Trino
 * would need DATEDIFF / date_diff, so this query is printed for those two only).
 */
export interface FirstSpellQuery {
  /** The as-of (extraction) date, YYYY-MM-DD. */
  asOf: string;
  /** Cohort table (jobtrial register export). Default: "cohort" */
  cohort?: string;
  /** Spells table (jobtrial pseudonymize of the spell extract). Default: "spells" */
  spells?: string;
  /** Pseudonym column in both. Default: "pseudonym" */
  person?: string;
  /** Cohort columns. Defaults: "arm", "first_unemployment_day", "industry_group" (the stratum) */
  arm?: string;
  firstDay?: string;
  stratum?: string;
  /** Spell columns. Defaults: "Forløbsstart", "Forløbsslut", "Afgangsårsag" */
  start?: string;
  end?: string;
  exit?: string;
}

/** Exit cells that mean "no exit" (analysis-set.ts reads them so): censored or running. */
const CENSORING_WORDS = ["censureret", "censored", "igangværende", "running", "na"];
/** Days around the first unemployment day a spell may start (analysis-set.ts). */
const SPELL_MATCH_WINDOW_DAYS = 14;

export function firstSpellCountsSql(query: FirstSpellQuery, dialect: "duckdb" | "postgres"): string {
  const q = (name: string) => quoteIdentifier(name, dialect);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(query.asOf)) throw new RangeError("asOf must be a date YYYY-MM-DD");
  const asOf = `DATE '${query.asOf}'`;
  const person = q(query.person ?? "pseudonym");
  const words = CENSORING_WORDS.map((word) => `'${word}'`).join(", ");
  const inner = [
    `  SELECT ${q("m")}.${q("arm")} AS ${q("arm")}, ${q("m")}.${q("stratum")} AS ${q("stratum")},`,
    `    CASE WHEN ${q("m")}.${q("end_day")} IS NULL OR ${q("m")}.${q("end_day")} >= ${asOf} THEN ${asOf} - ${q("m")}.${q("first_day")}`,
    `      WHEN ${q("m")}.${q("end_day")} - ${q("m")}.${q("first_day")} + 1 < 1 THEN 1`,
    `      ELSE ${q("m")}.${q("end_day")} - ${q("m")}.${q("first_day")} + 1 END AS ${q("time")},`,
    `    CASE WHEN ${q("m")}.${q("end_day")} IS NULL OR ${q("m")}.${q("end_day")} >= ${asOf} THEN 0`,
    `      WHEN ${q("m")}.${q("exit_state")} IS NULL OR TRIM(${q("m")}.${q("exit_state")}) = '' OR LOWER(TRIM(${q("m")}.${q("exit_state")})) IN (${words}) THEN 0`,
    `      ELSE 1 END AS ${q("status")}`,
    `  FROM (`,
    `    SELECT ${q("c")}.${q("arm")}, ${q("c")}.${q("stratum")}, ${q("c")}.${q("first_day")}, ${q("s")}.${q("end_day")}, ${q("s")}.${q("exit_state")},`,
    `      ROW_NUMBER() OVER (PARTITION BY ${q("c")}.${q("person")} ORDER BY ${q("s")}.${q("start_day")}) AS ${q("rank")}`,
    `    FROM (`,
    `      SELECT ${person} AS ${q("person")}, ${q(query.arm ?? "arm")} AS ${q("arm")}, ${q(query.stratum ?? "industry_group")} AS ${q("stratum")},`,
    `        CAST(${q(query.firstDay ?? "first_unemployment_day")} AS DATE) AS ${q("first_day")}`,
    `      FROM ${quoteTable(query.cohort ?? "cohort", dialect)}`,
    `    ) AS ${q("c")}`,
    `    JOIN (`,
    `      SELECT ${person} AS ${q("person")}, CAST(${q(query.start ?? "Forløbsstart")} AS DATE) AS ${q("start_day")},`,
    `        CAST(${q(query.end ?? "Forløbsslut")} AS DATE) AS ${q("end_day")}, ${q(query.exit ?? "Afgangsårsag")} AS ${q("exit_state")}`,
    `      FROM ${quoteTable(query.spells ?? "spells", dialect)}`,
    `    ) AS ${q("s")}`,
    `      ON ${q("s")}.${q("person")} = ${q("c")}.${q("person")}`,
    `    WHERE ${q("c")}.${q("first_day")} < ${asOf} AND ${q("s")}.${q("start_day")} < ${asOf}`,
    `      AND ${q("s")}.${q("start_day")} - ${q("c")}.${q("first_day")} BETWEEN -${SPELL_MATCH_WINDOW_DAYS} AND ${SPELL_MATCH_WINDOW_DAYS}`,
    `  ) AS ${q("m")}`,
    `  WHERE ${q("m")}.${q("rank")} = 1`,
  ].join("\n");
  return countedRows(inner, true, dialect);
}

/**
 * Counted first spells from the jobcentre's weekly benefit panel (ISO weeks "2017-W01"
 * and benefit codes, after jobtrial pseudonymize) and the pseudonymized cohort, by the
 * rules of @jobtrial/analyze (derive-spells.ts, then analysis-set.ts), as far as they
 * decide the time to the first exit:
 * - a week is unemployed when any of its codes is an unemployment code (trimmed, any case);
 *   weeks from the as-of date's week on (the week holding as-of - 1 is the last) are not seen;
 * - the spell starts in the week of the first unemployment day, or the next week when that
 *   one is not unemployed (else the person has no spell); it runs through unemployed weeks,
 *   bridging fewer than `gapWeeks` weeks without, and has ended when `gapWeeks` weeks
 *   without follow within the weeks seen;
 * - time = the Sunday of its last unemployed week - the first unemployment day + 1 (an
 *   exit), or as-of - the first day (running; censored).
 * DuckDB only: ISO weeks become running week numbers with DuckDB's date functions.
 */
export interface BenefitWeeksQuery {
  /** The as-of (extraction) date, YYYY-MM-DD. */
  asOf: string;
  /** Codes that count as unemployment. Default: ["111", "A-dagpenge", "dagpenge"] (analyze's) */
  unemploymentCodes?: readonly string[];
  /** Weeks without an unemployment code that end a spell. Default: 1 */
  gapWeeks?: number;
  /** Tables. Defaults: "cohort", "panel" */
  cohort?: string;
  panel?: string;
  /** Panel columns. Defaults: "pseudonym", "År-uge", "Ydelseskode" */
  person?: string;
  week?: string;
  code?: string;
  /** Cohort columns. Defaults: "arm", "first_unemployment_day", "industry_group" */
  arm?: string;
  firstDay?: string;
  stratum?: string;
}

/** Running week number (Monday 2000-01-03 is week 0) of the ISO week text "YYYY-Www" in `expression` (DuckDB). */
function isoWeekNumber(expression: string): string {
  const year = `CAST(substr(${expression}, 1, 4) AS INTEGER)`;
  const week = `CAST(substr(${expression}, 7, 2) AS INTEGER)`;
  const january4 = `make_date(${year}, 1, 4)`;
  const monday = `${january4} + CAST(7 * (${week} - 1) - (isodow(${january4}) - 1) AS INTEGER)`;
  return `CAST((${monday} - DATE '2000-01-03') / 7 AS INTEGER)`;
}

/** Running week number of a date (DuckDB). */
function dateWeekNumber(expression: string): string {
  return `CAST((${expression} - CAST(isodow(${expression}) - 1 AS INTEGER) - DATE '2000-01-03') / 7 AS INTEGER)`;
}

export function benefitWeeksCountsSql(query: BenefitWeeksQuery): string {
  const dialect = "duckdb";
  const q = (name: string) => quoteIdentifier(name, dialect);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(query.asOf)) throw new RangeError("asOf must be a date YYYY-MM-DD");
  const gap = query.gapWeeks ?? 1;
  if (!Number.isInteger(gap) || gap < 1) throw new RangeError("gapWeeks must be a whole number of 1 or more");
  const codes = (query.unemploymentCodes ?? ["111", "A-dagpenge", "dagpenge"]).map((code) => literal(code.trim().toLowerCase()));
  if (codes.length === 0) throw new RangeError("unemploymentCodes needs at least one code");
  const asOf = `DATE '${query.asOf}'`;
  const lastWeek = dateWeekNumber(`(${asOf} - 1)`);
  const monday = (week: string) => `(DATE '2000-01-03' + CAST(7 * ${week} AS INTEGER))`;
  const inner = [
    `  SELECT ${q("c")}.${q("arm")} AS ${q("arm")}, ${q("c")}.${q("stratum")} AS ${q("stratum")},`,
    `    CASE WHEN ${q("r")}.${q("run_last")} + ${gap} <= ${lastWeek} THEN ${monday(`${q("r")}.${q("run_last")}`)} + 6 - ${q("c")}.${q("first_day")} + 1`,
    `      ELSE ${asOf} - ${q("c")}.${q("first_day")} END AS ${q("time")},`,
    `    CASE WHEN ${q("r")}.${q("run_last")} + ${gap} <= ${lastWeek} THEN 1 ELSE 0 END AS ${q("status")}`,
    `  FROM (`,
    `    SELECT ${q(query.person ?? "pseudonym")} AS ${q("person")}, ${q(query.arm ?? "arm")} AS ${q("arm")}, ${q(query.stratum ?? "industry_group")} AS ${q("stratum")},`,
    `      CAST(${q(query.firstDay ?? "first_unemployment_day")} AS DATE) AS ${q("first_day")},`,
    `      ${dateWeekNumber(`CAST(${q(query.firstDay ?? "first_unemployment_day")} AS DATE)`)} AS ${q("first_week")}`,
    `    FROM ${quoteTable(query.cohort ?? "cohort", dialect)}`,
    `  ) AS ${q("c")}`,
    `  JOIN (`,
    // Runs of unemployed weeks, gaps shorter than gapWeeks bridged: a new run where the step from the week before is more than gapWeeks.
    `    SELECT ${q("person")}, ${q("run")}, MIN(${q("week")}) AS ${q("run_first")}, MAX(${q("week")}) AS ${q("run_last")}, LIST(${q("week")}) AS ${q("weeks")}`,
    `    FROM (`,
    `      SELECT ${q("person")}, ${q("week")}, SUM(${q("new_run")}) OVER (PARTITION BY ${q("person")} ORDER BY ${q("week")} ROWS UNBOUNDED PRECEDING) AS ${q("run")}`,
    `      FROM (`,
    `        SELECT ${q("person")}, ${q("week")},`,
    `          CASE WHEN ${q("week")} - LAG(${q("week")}) OVER (PARTITION BY ${q("person")} ORDER BY ${q("week")}) <= ${gap} THEN 0 ELSE 1 END AS ${q("new_run")}`,
    `        FROM (`,
    `          SELECT DISTINCT ${q(query.person ?? "pseudonym")} AS ${q("person")}, ${isoWeekNumber(`CAST(${q(query.week ?? "År-uge")} AS VARCHAR)`)} AS ${q("week")}`,
    `          FROM ${quoteTable(query.panel ?? "panel", dialect)}`,
    `          WHERE LOWER(TRIM(CAST(${q(query.code ?? "Ydelseskode")} AS VARCHAR))) IN (${codes.join(", ")})`,
    `        ) AS ${q("unemployed")}`,
    `        WHERE ${q("week")} <= ${lastWeek}`,
    `      ) AS ${q("steps")}`,
    `    ) AS ${q("numbered")}`,
    `    GROUP BY ${q("person")}, ${q("run")}`,
    `  ) AS ${q("r")}`,
    `    ON ${q("r")}.${q("person")} = ${q("c")}.${q("person")}`,
    // The start week: the first unemployment day's week when unemployed, else the next week
    // (when both are, they are in the same run; a run holds its unemployed weeks only).
    `    AND (list_contains(${q("r")}.${q("weeks")}, ${q("c")}.${q("first_week")}) OR list_contains(${q("r")}.${q("weeks")}, ${q("c")}.${q("first_week")} + 1))`,
    `  WHERE ${q("c")}.${q("first_day")} < ${asOf}`,
  ].join("\n");
  return countedRows(inner, true, dialect);
}
