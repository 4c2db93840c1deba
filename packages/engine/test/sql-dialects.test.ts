/**
 * The printed queries parse in the dialects they are printed for: Spark SQL and Trino
 * with dt-sql-parser's ANTLR grammars of those dialects (the episodes query too, whose
 * ordered string aggregate is the one function that differs by dialect) (DuckDB and PostgreSQL run them:
 * duckdb-engine.test.ts and postgres.test.ts). A broken print fails here, and so does a
 * parser that accepts anything (the last test feeds it broken SQL).
 */
import { SparkSQL, TrinoSQL } from "dt-sql-parser";
import { describe, expect, it } from "vitest";
import { episodesCountsSql, indicatorCountsScript, panelCountsSql, spellsCountsSql, type Dialect } from "../src/index.ts";
import { handRequests, W01, W08 } from "./indicator-hand.ts";

const parsers = { spark: new SparkSQL(), trino: new TrinoSQL() } as const;

const prints = (dialect: Dialect) => ({
  spells: spellsCountsSql({ time: "days", status: "exit", group: "arm" }, dialect),
  "spells with strata": spellsCountsSql({ table: "register.spells", time: "days", status: "exit", group: "arm", strata: "branch" }, dialect),
  panel: panelCountsSql({ spellStates: [111, 112] }, dialect),
  "panel with strata and text states": panelCountsSql({ spellStates: ["adp", "o'brien"], strata: "branch", panel: "dream.weeks" }, dialect),
  episodes: episodesCountsSql({ table: "register.episodes", id: "id", group: "arm", start: "tstart", stop: "tstop", from: "from", to: "to" }, dialect),
  // every kind of measure (the status after end with the dialect's date functions) and the persons behind a period
  indicators: indicatorCountsScript(handRequests(W01, W08).map((request, index) => ({ id: `it's ${index}`, request })), { firstMonday: W01, lastMonday: W08 }, dialect),
});

describe("the prints parse in their dialect", () => {
  for (const dialect of ["spark", "trino"] as const) {
    for (const [name, sql] of Object.entries(prints(dialect))) {
      it(`${name} (${dialect}) has no syntax errors in dt-sql-parser's ${dialect} grammar`, () => {
        expect(parsers[dialect].validate(sql)).toEqual([]);
      });
    }
  }
  it("the parsers reject broken SQL, so an empty error list means something", () => {
    expect(parsers.spark.validate("SELECT `a` FROM ((( `t`").length).toBeGreaterThan(0);
    expect(parsers.trino.validate('SELECT "a" FROM ((( "t"').length).toBeGreaterThan(0);
  });
  it("Spark quotes identifiers with backticks, the others with double quotes; otherwise the text is the same", () => {
    const spark = spellsCountsSql({ time: "days", status: "exit", group: "arm" }, "spark");
    const postgres = spellsCountsSql({ time: "days", status: "exit", group: "arm" }, "postgres");
    expect(spark).toContain("`days` AS `time`");
    expect(postgres).toContain('"days" AS "time"');
    expect(spark.replaceAll("`", '"')).toBe(postgres);
    expect(spellsCountsSql({ time: "days", status: "exit", group: "arm" }, "duckdb")).toBe(postgres);
  });
  it("the indicators' query is the same text for DuckDB and PostgreSQL (run on PostgreSQL in indicator-counts-postgres.test.ts); Spark and Trino differ only in the status after end's date functions and Spark's STRING", () => {
    const print = (dialect: Dialect) => prints(dialect).indicators;
    expect(print("duckdb")).toBe(print("postgres"));
    expect(print("spark")).toContain("datediff(add_months(date_add(DATE '1970-01-01', monday + 6), 1), DATE '1970-01-01') - monday");
    expect(print("trino").replace(/date_diff\('day', [^\n]*- monday/g, "").replace(/CAST\(CAST\(DATE[^\n]*- monday/g, "")).toBe(print("postgres").replace(/CAST\(CAST\(DATE[^\n]*- monday/g, "").replace(/date_diff\('day', [^\n]*- monday/g, ""));
  });
});
