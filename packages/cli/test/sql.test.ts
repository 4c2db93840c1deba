/**
 * `jobtrial sql` through run(): each dialect prints the counted-rows query of the engine
 * package (spells, panel, episodes), --file adds DuckDB's view over a CSV or Parquet file,
 * and bad calls are usage errors in Danish (English with --lang en), never a crash.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { episodesCountsSql, firstSpellCountsSql, indicatorCountsScript, panelCountsSql, spellsCountsSql } from "@jobtrial/engine";
import { countingWindow, loadIndicatorSpec, planIndicatorCounts } from "@jobtrial/indicators";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.ts";

const spellsArguments = ["--time", "dage", "--status", "afgang", "--group", "arm", "--strata", "branche"];

describe("jobtrial sql", () => {
  for (const dialect of ["duckdb", "postgres", "spark", "trino"] as const) {
    it(`spells --dialect ${dialect} prints the engine's counted-rows query, ended by a semicolon`, async () => {
      const result = await run(["sql", "spells", "--dialect", dialect, ...spellsArguments]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(spellsCountsSql({ time: "dage", status: "afgang", group: "arm", strata: "branche" }, dialect) + ";\n");
    });
  }

  it("Spark quotes with backticks, PostgreSQL with double quotes", async () => {
    const spark = await run(["sql", "spells", "--dialect", "spark", ...spellsArguments]);
    const postgres = await run(["sql", "spells", "--dialect", "postgres", ...spellsArguments]);
    expect(spark.stdout.split("\n")[0]).toBe("SELECT `arm`, `stratum`, `time`, `status`, CAST(COUNT(*) AS INTEGER) AS `count`");
    expect(postgres.stdout.split("\n")[0]).toBe('SELECT "arm", "stratum", "time", "status", CAST(COUNT(*) AS INTEGER) AS "count"');
  });

  it("panel takes the benefit codes (numbers as numbers, other codes as text) and the tables' names", async () => {
    const result = await run(["sql", "panel", "--dialect", "trino", "--spell-states", "111,adp", "--panel", "dream.uger", "--cohort", "kohorte", "--strata", "branche"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(panelCountsSql({ spellStates: [111, "adp"], panel: "dream.uger", cohort: "kohorte", strata: "branche" }, "trino") + ";\n");
    expect(result.stdout).toContain(`WHERE "state" IN (111, 'adp')`);
  });

  it("episodes prints the counted-paths query for jobtrial states --counts", async () => {
    const result = await run(["sql", "episodes", "--dialect", "postgres", "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(episodesCountsSql({ id: "id", group: "arm", start: "tstart", stop: "tstop", from: "from", to: "to" }, "postgres") + ";\n");
  });

  it("first-spells prints the analysis-set query for PostgreSQL as of a date, and refuses Spark SQL and Trino, which lack date - date", async () => {
    const result = await run(["sql", "first-spells", "--dialect", "postgres", "--as-of", "2018-03-01", "--cohort", "kohorte", "--table", "forloeb"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(firstSpellCountsSql({ asOf: "2018-03-01", cohort: "kohorte", spells: "forloeb" }, "postgres") + ";\n");
    expect(result.stdout).toContain(`BETWEEN -14 AND 14`);
    const spark = await run(["sql", "first-spells", "--dialect", "spark", "--as-of", "2018-03-01"]);
    expect(spark.code).toBe(2);
    expect(spark.stderr.split("\n")[0]).toBe("jobtrial sql: first-spells regner med datoer (dato - dato), som DuckDB og PostgreSQL gør det; i Spark SQL og Trino: beregn dagene i udtrækket og brug spells");
    const badDate = await run(["sql", "first-spells", "--dialect", "postgres", "--as-of", "1. marts"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.split("\n")[0]).toBe('jobtrial sql: --as-of skal være en dato ÅÅÅÅ-MM-DD, ikke "1. marts"');
  });

  it("--file prints DuckDB's view over the file first: a Danish CSV with semicolons and a decimal comma, the path resolved from the working folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-sql-"));
    writeFileSync(join(dir, "forloeb.csv"), "\uFEFFarm;branche;dage;afgang\r\ncontrol;LVU;12,0;1\r\n");
    const result = await run(["sql", "spells", "--dialect", "duckdb", ...spellsArguments, "--file", "spells=forloeb.csv"], { cwd: dir });
    expect(result.code).toBe(0);
    const [view, ...query] = result.stdout.split("\n");
    expect(view).toBe(`CREATE VIEW "spells" AS SELECT * FROM read_csv('${join(dir, "forloeb.csv")}', header = true, delim = ';', decimal_separator = ',');`);
    expect(query.join("\n")).toBe(spellsCountsSql({ time: "dage", status: "afgang", group: "arm", strata: "branche" }, "duckdb") + ";\n");
  });

  it("a dialect it does not know is a usage error in Danish, and in English with --lang en", async () => {
    const danish = await run(["sql", "spells", "--dialect", "oracle", ...spellsArguments]);
    expect(danish.code).toBe(2);
    expect(danish.stdout).toBe("");
    expect(danish.stderr.split("\n")[0]).toBe('jobtrial sql: --dialect skal være duckdb, postgres, spark eller trino, ikke "oracle"');
    const english = await run(["sql", "spells", "--dialect", "oracle", ...spellsArguments, "--lang", "en"]);
    expect(english.stderr.split("\n")[0]).toBe('jobtrial sql: --dialect must be duckdb, postgres, spark or trino, got "oracle"');
  });

  it("other mistakes are usage errors naming what to do: --file outside DuckDB, a bad --file, panel without codes, an unknown kind, a missing column option", async () => {
    const cases: [string[], string][] = [
      [["sql", "spells", "--dialect", "postgres", ...spellsArguments, "--file", "spells=x.csv"], "jobtrial sql: --file gælder kun --dialect duckdb; i andre motorer er data allerede tabeller"],
      [["sql", "spells", "--dialect", "duckdb", ...spellsArguments, "--file", "x.csv"], 'jobtrial sql: --file skal være <tabel>=<fil>, ikke "x.csv"'],
      [["sql", "panel", "--dialect", "duckdb"], "jobtrial sql: --spell-states skal angives: ydelseskoderne, der udgør forløbet"],
      [["sql", "forloeb", "--dialect", "duckdb"], 'jobtrial sql: vælg spells, panel, episodes, first-spells eller indicators, ikke "forloeb"'],
      [["sql", "indicators", "--dialect", "duckdb", "--spec", "data/fleksjob-andele/indicators.json"], "jobtrial sql: --from-week og --to-week skal angives: den første uge med data og den sidste hele uge, der tælles (den første og sidste mandag i indicator_panel og indicator_events: SELECT MIN(monday), MAX(monday))"],
      [["sql", "indicators", "--dialect", "duckdb", "--spec", "data/fleksjob-andele/indicators.json", "--from-week", "2018-W10", "--to-week", "2016-W01"], "jobtrial sql: --from-week (2018-W10) ligger efter --to-week (2016-W01)"],
      [["sql", "indicators", "--dialect", "duckdb", "--spec", "data/fleksjob-andele/indicators.json", "--from-week", "2016-W54", "--to-week", "2018-W10"], 'jobtrial sql: --from-week skal være en ISO-uge som 2017-W03, ikke "2016-W54"'],
      [["sql", "spells", "--dialect", "duckdb", "--time", "dage", "--group", "arm"], "jobtrial sql: --status skal angives"],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(message);
    }
  });

  it("indicators prints the one labelled counting query of a definitions file for the weeks given, the plan jobtrial indicators makes for that window", async () => {
    const spec = loadIndicatorSpec(join(repoRoot, "data/ressourceforloeb-status/indicators.json"), "indicators.json");
    const window = countingWindow({ firstMonday: 16804, lastMonday: 17595 });
    const expected = indicatorCountsScript(planIndicatorCounts(spec, window).map((request, index) => ({ id: spec.indicators[index]!.id, request })), window, "trino");
    const result = await run(["sql", "indicators", "--dialect", "trino", "--spec", "data/ressourceforloeb-status/indicators.json", "--from-week", "2016-W01", "--to-week", "2018-W10"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected + ";\n");
    expect(result.stdout.split("\n")[0]).toBe("SELECT CAST('' AS VARCHAR) AS indicator, CAST('first_week' AS VARCHAR) AS part, CAST(16804 AS BIGINT) AS day, CAST(NULL AS VARCHAR) AS status, CAST(NULL AS BIGINT) AS numerator, CAST(NULL AS BIGINT) AS denominator");
    expect(result.stdout).toContain("date_add('month', 1, date_add('day', monday + 6, DATE '1970-01-01'))");
  });
});
