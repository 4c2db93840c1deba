/**
 * `jobtrial sql`: print the counted-rows query of an analysis for the engine that holds
 * the data (DuckDB, PostgreSQL, Spark SQL, Trino), so the heavy GROUP BY runs where the
 * register extract lives and only counted rows come back (`jobtrial survival --counts`).
 */
import { existsSync, statSync } from "node:fs";
import { toDayNumber, isoWeekStart } from "@jobtrial/core";
import { duckDbViewSql, episodesCountsSql, firstSpellCountsSql, indicatorCountsScript, panelCountsSql, spellsCountsSql, DIALECTS, type Dialect } from "@jobtrial/engine";
import { countingWindow, loadIndicatorSpec, planIndicatorCounts } from "@jobtrial/indicators";
import { choiceOption, dateOption, isoWeekOption, listOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";

const KINDS = ["spells", "panel", "episodes", "first-spells", "indicators"] as const;

export const sql: Command = {
  name: "sql",
  summary: { da: "Udskriv SQL, der giver tællede rækker, for DuckDB, PostgreSQL, Spark SQL eller Trino", en: "Print the SQL that gives counted rows, for DuckDB, PostgreSQL, Spark SQL or Trino" },
  usage: {
    da: "sql spells|panel|episodes|first-spells|indicators --dialect duckdb|postgres|spark|trino [spells: --time <kol> --status <kol> --group <kol> [--table <tabel>]] [panel: --spell-states <k1,k2> [--panel <tabel>] [--cohort <tabel>] [--person <kol>] [--week <kol>] [--state <kol>] [--group <kol>] [--entry-week <kol>] [--last-week <kol>]] [episodes: --id --group --start --stop --from --to <kol> [--table <tabel>]] [first-spells: --as-of <dato> [--cohort <tabel>] [--table <tabel>]] [indicators: --spec <indicators.json> --from-week <uge> --to-week <uge>] [--strata <kol>] [--file <tabel>=<fil>]",
    en: "sql spells|panel|episodes|first-spells|indicators --dialect duckdb|postgres|spark|trino [spells: --time <col> --status <col> --group <col> [--table <table>]] [panel: --spell-states <c1,c2> [--panel <table>] [--cohort <table>] [--person <col>] [--week <col>] [--state <col>] [--group <col>] [--entry-week <col>] [--last-week <col>]] [episodes: --id --group --start --stop --from --to <col> [--table <table>]] [first-spells: --as-of <date> [--cohort <table>] [--table <table>]] [indicators: --spec <indicators.json> --from-week <week> --to-week <week>] [--strata <col>] [--file <table>=<file>]",
  },
  help: {
    da: `
Udskriver forespørgslen, der gør data på personniveau til tællede rækker: én række pr.
(arm, stratum, tid, status) med antallet af personer. Skrevet én gang i et fælles
udsnit af SQL (SELECT, JOIN, GROUP BY, CASE, ROW_NUMBER); dialekterne adskiller sig kun
i anførselstegn om navne. Kør den, hvor registerudtrækket ligger, gem resultatet som
CSV, og giv det til jobtrial survival --counts <fil>. Estimaterne er præcis de samme
som på rækker pr. person (se docs/national.md).

  spells   én række pr. person med opfølgningstid i dage og status
  panel    første forløb udledt af det ugentlige ydelsespanel (sammenhængende uger i
           --spell-states fra personens startuge) koblet til den pseudonymiserede kohorte
  episodes forløb med genindtræden (som jobtrial states læser): personer med ens
           forløb tælles som én sti (path) til jobtrial states --counts; bruger
           dialektens ordnede strengsammenkædning (STRING_AGG, ARRAY_AGG, COLLECT_LIST)
  first-spells  første forløb efter jobtrial analyze's regler fra den pseudonymiserede
           kohorte (register export) og forløbstabellen (pseudonymize) pr. --as-of,
           til jobtrial analyze --counts; kun duckdb og postgres (datoaritmetik)
  indicators  tællingerne bag hver indikator i en definitionsfil (--spec) fra uge
           --from-week (den første uge med data) til --to-week (den sidste hele uge,
           der tælles), som én forespørgsel; gem svaret som CSV og giv det til
           jobtrial indicators --counts <fil>. Den læser tre tabeller, som
           udtrækket forberedes til (dage er dagnumre: dage siden 1970-01-01):
             indicator_panel(person, monday, iso_year, code): én række pr. person,
               uge og ydelseskode; monday ugens mandag, iso_year ugens ISO-år, code
               uden mellemrum om og med små bogstaver
             indicator_persons(person, birth_year, target_group): målgruppe med små bogstaver
             indicator_events(person, monday, kind): mandagen i hændelsens uge, hændelsen
               med små bogstaver
           Svarets kolonner: indicator, part (week, ended, persons, first_week,
           last_week), day, status, numerator, denominator (se docs/national.md)

Tilvalg:
  --dialect x         duckdb, postgres, spark eller trino
  --time, --status, --group <kol>   kolonnerne i forløbstabellen (spells)
  --table <tabel>     forløbstabellen (standard: spells)
  --spell-states a,b  ydelseskoder, der udgør forløbet (panel)
  --panel, --cohort <tabel>         panel og kohorte (standard: panel, cohort)
  --person, --week, --state, --entry-week, --last-week <kol>  kolonnenavne (panel)
  --id, --start, --stop, --from, --to <kol>  kolonnerne i forløbstabellen (episodes)
  --strata <kol>      stratum (giver kolonnen stratum)
  --file t=fil        kun duckdb: udskriv også visningen over filen (CSV eller Parquet)
  --spec <fil>        definitionsfilen (indicators)
  --from-week, --to-week <uge>  ugerne, der tælles, fx 2016-W01 (indicators)

Eksempel:
  jobtrial sql panel --dialect postgres --spell-states 111,112 --strata branche`,
    en: `
Prints the query that turns person-level data into counted rows: one row per (arm,
stratum, time, status) with the number of persons. Written once in a common subset of
SQL (SELECT, JOIN, GROUP BY, CASE, ROW_NUMBER); the dialects differ only in how names
are quoted. Run it where the register extract lives, save the result as CSV and give it
to jobtrial survival --counts <file>. The estimates are exactly those of the per-person
rows (see docs/national.md).

  spells   one row per person with follow-up time in days and status
  panel    first spells derived from the weekly benefit panel (consecutive weeks in
           --spell-states from the person's entry week) joined to the pseudonymized cohort
  episodes episodes with re-entry (as jobtrial states reads them): persons with
           identical episodes are counted as one path for jobtrial states --counts;
           uses the dialect's ordered string aggregate (STRING_AGG, ARRAY_AGG, COLLECT_LIST)
  first-spells  first spells by jobtrial analyze's rules from the pseudonymized cohort
           (register export) and the spell table (pseudonymize) as of --as-of, for
           jobtrial analyze --counts; duckdb and postgres only (date arithmetic)
  indicators  the counts behind every indicator of a definitions file (--spec) from
           week --from-week (the first week with data) to --to-week (the last complete
           week counted), as one query; save its answer as CSV and give it to
           jobtrial indicators --counts <file>. It reads three tables, which the
           extract is prepared into (days are day numbers: days since 1970-01-01):
             indicator_panel(person, monday, iso_year, code): one row per person,
               week and benefit code; monday the week's Monday, iso_year the week's
               ISO year, code trimmed and in lower case
             indicator_persons(person, birth_year, target_group): target group in lower case
             indicator_events(person, monday, kind): the Monday of the event's week,
               the event in lower case
           The answer's columns: indicator, part (week, ended, persons, first_week,
           last_week), day, status, numerator, denominator (see docs/national.md)

Options:
  --dialect x         duckdb, postgres, spark or trino
  --time, --status, --group <col>   the spells table's columns (spells)
  --table <table>     the spells table (default: spells)
  --spell-states a,b  benefit codes that make up the spell (panel)
  --panel, --cohort <table>         panel and cohort (default: panel, cohort)
  --person, --week, --state, --entry-week, --last-week <col>  column names (panel)
  --id, --start, --stop, --from, --to <col>  the episodes table's columns (episodes)
  --strata <col>      stratum (adds the column stratum)
  --file t=file       duckdb only: also print the view over the file (CSV or Parquet)
  --spec <file>       the definitions file (indicators)
  --from-week, --to-week <week>  the weeks counted, e.g. 2016-W01 (indicators)

Example:
  jobtrial sql panel --dialect postgres --spell-states 111,112 --strata branche`,
  },
  options: {
    ...stringOptions("dialect", "time", "status", "group", "table", "id", "start", "stop", "from", "to", "spell-states", "as-of", "panel", "cohort", "person", "week", "state", "entry-week", "last-week", "strata", "spec", "from-week", "to-week"),
    file: { type: "string", multiple: true },
  },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const kind = positionals[0]!;
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError({ da: `vælg spells, panel, episodes, first-spells eller indicators, ikke "${kind}"`, en: `choose spells, panel, episodes, first-spells or indicators, not "${kind}"` });
    }
    if (kind === "indicators") {
      io.stdout(indicatorsScript(io, values, choiceOption(values, "dialect", DIALECTS, "duckdb")) + ";\n");
      return 0;
    }
    if (kind === "panel" && (listOption(values, "spell-states") ?? []).length === 0) {
      throw new UsageError({ da: "--spell-states skal angives: ydelseskoderne, der udgør forløbet", en: "--spell-states is required: the benefit codes that make up the spell" });
    }
    const dialect: Dialect = choiceOption(values, "dialect", DIALECTS, "duckdb");
    const strata = stringOption(values, "strata");
    const optional = (name: string) => stringOption(values, name);
    if (kind === "first-spells" && dialect !== "duckdb" && dialect !== "postgres") {
      throw new UsageError({
        da: "first-spells regner med datoer (dato - dato), som DuckDB og PostgreSQL gør det; i Spark SQL og Trino: beregn dagene i udtrækket og brug spells",
        en: "first-spells computes with dates (date - date) as DuckDB and PostgreSQL do; in Spark SQL and Trino: compute the days in the extract and use spells",
      });
    }
    const text =
      kind === "first-spells"
        ? firstSpellCountsSql(
            {
              asOf: dateOption(values, "as-of") ?? stringOption(values, "as-of", true),
              ...(optional("cohort") !== undefined ? { cohort: optional("cohort")! } : {}),
              ...(optional("table") !== undefined ? { spells: optional("table")! } : {}),
            },
            dialect as "duckdb" | "postgres",
          )
        : kind === "episodes"
        ? episodesCountsSql(
            {
              id: stringOption(values, "id", true),
              group: stringOption(values, "group", true),
              start: stringOption(values, "start", true),
              stop: stringOption(values, "stop", true),
              from: stringOption(values, "from", true),
              to: stringOption(values, "to", true),
              ...(optional("table") !== undefined ? { table: optional("table")! } : {}),
            },
            dialect,
          )
        : kind === "spells"
        ? spellsCountsSql(
            {
              time: stringOption(values, "time", true),
              status: stringOption(values, "status", true),
              group: stringOption(values, "group", true),
              strata,
              ...(optional("table") !== undefined ? { table: optional("table")! } : {}),
            },
            dialect,
          )
        : panelCountsSql(
            {
              spellStates: (listOption(values, "spell-states") ?? []).map((code) => (/^\d+$/.test(code) ? Number(code) : code)),
              strata,
              ...Object.fromEntries(
                (
                  [
                    ["panel", "panel"],
                    ["cohort", "cohort"],
                    ["person", "person"],
                    ["week", "week"],
                    ["state", "state"],
                    ["group", "group"],
                    ["entry-week", "entryWeek"],
                    ["last-week", "lastWeek"],
                  ] as const
                )
                  .filter(([option]) => optional(option) !== undefined)
                  .map(([option, field]) => [field, optional(option)!]),
              ),
            },
            dialect,
          );
    const files = (values.file as string[] | undefined) ?? [];
    if (files.length > 0 && dialect !== "duckdb") {
      throw new UsageError({ da: "--file gælder kun --dialect duckdb; i andre motorer er data allerede tabeller", en: "--file is for --dialect duckdb only; in other engines the data are tables already" });
    }
    const views = files.map((entry) => {
      const [table, ...rest] = entry.split("=");
      if (!table || rest.length === 0) throw new UsageError({ da: `--file skal være <tabel>=<fil>, ikke "${entry}"`, en: `--file must be <table>=<file>, not "${entry}"` });
      return duckDbViewSql(table, resolvePath(io, rest.join("=")));
    });
    io.stdout([...views, text + ";"].join("\n") + "\n");
    return 0;
  },
};

/**
 * The indicators' counting query for a definitions file and the weeks --from-week to
 * --to-week: the requests `jobtrial indicators` plans for that window, as the engine's
 * one labelled query (`indicatorCountsScript`).
 */
function indicatorsScript(io: Io, values: OptionValues, dialect: Dialect): string {
  const specFile = stringOption(values, "spec", true);
  const fromWeek = isoWeekOption(values, "from-week");
  const toWeek = isoWeekOption(values, "to-week");
  if (fromWeek === undefined || toWeek === undefined) {
    throw new UsageError({
      da: "--from-week og --to-week skal angives: den første uge med data og den sidste hele uge, der tælles (den første og sidste mandag i indicator_panel og indicator_events: SELECT MIN(monday), MAX(monday))",
      en: "--from-week and --to-week are required: the first week with data and the last complete week counted (the first and last Monday in indicator_panel and indicator_events: SELECT MIN(monday), MAX(monday))",
    });
  }
  if (fromWeek > toWeek) throw new UsageError({ da: `--from-week (${fromWeek}) ligger efter --to-week (${toWeek})`, en: `--from-week (${fromWeek}) is after --to-week (${toWeek})` });
  const specPath = resolvePath(io, specFile);
  if (!existsSync(specPath) || !statSync(specPath).isFile()) {
    throw new UserError({ da: `${specFile}: filen findes ikke; kontroller stien til --spec`, en: `${specFile}: file not found; check the path given to --spec` });
  }
  const spec = loadIndicatorSpec(specPath, specFile);
  const window = countingWindow({ firstMonday: toDayNumber(isoWeekStart(fromWeek)), lastMonday: toDayNumber(isoWeekStart(toWeek)) });
  const requests = planIndicatorCounts(spec, window).map((request, index) => ({ id: spec.indicators[index]!.id, request }));
  return indicatorCountsScript(requests, window, dialect);
}
