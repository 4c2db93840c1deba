/**
 * DuckDB embedded gives the memory path's numbers: the trial_days persons as a Danish CSV
 * (BOM, semicolons, decimal comma) and as Parquet, and as a weekly panel with its cohort,
 * turned into counted rows by the printed DuckDB queries and handed to survivalSummary,
 * agree with survivalSummary on the per-person rows within 1e-10. Bad input names the
 * file and the column.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { survivalSummary } from "@jobtrial/survival";
import { afterAll, describe, expect, it } from "vitest";
import { benefitWeeksCountsSql, chooseEngine, EngineError, firstSpellCountsSql, panelCountsSql, runDuckDbCounts, sniffFile, spellsCountsSql } from "../src/index.ts";
import { expectSameNumbers, firstSpellRows, trialDays, writeDanishSpellsCsv, writePanel } from "./helpers.ts";

const directory = mkdtempSync(join(tmpdir(), "jobtrial-engine-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const persons = trialDays();
const options = { groups: ["control", "intervention"], taus: [182, 364] };
const perPerson = survivalSummary({ time: persons.time, event: persons.event, group: persons.arm, strata: persons.stratum }, options);
const spellsQuery = { time: "dage", status: "afgang", group: "arm", strata: "branche" };

describe("runDuckDbCounts", () => {
  const csv = join(directory, "forloeb.csv");
  writeDanishSpellsCsv(persons, csv);

  it("reads the Danish CSV (BOM, semicolon, decimal comma) and gives counted rows with the per-person estimates", async () => {
    expect(sniffFile(csv)).toEqual({ kind: "csv", delimiter: ";", decimal: "," });
    const counted = await runDuckDbCounts(spellsCountsSql(spellsQuery, "duckdb"), { spells: csv });
    expect(counted.persons).toBe(persons.time.length);
    expect(counted.count.length).toBeLessThan(persons.time.length / 2);
    const fromCounts = survivalSummary({ time: counted.time, event: counted.status, group: counted.arm, strata: counted.stratum!, count: counted.count }, options);
    expectSameNumbers(fromCounts, perPerson);
  });

  it("reads Parquet and gives the same counted rows as the CSV", async () => {
    const parquet = join(directory, "spells.parquet");
    const fromCsv = await runDuckDbCounts(spellsCountsSql(spellsQuery, "duckdb"), { spells: csv });
    // Write the Parquet file with DuckDB itself (COPY), then read it back through the engine.
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}', delim = ';', decimal_separator = ',', header = true)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    expect(sniffFile(parquet).kind).toBe("parquet");
    const fromParquet = await runDuckDbCounts(spellsCountsSql(spellsQuery, "duckdb"), { spells: parquet });
    expect(fromParquet).toEqual(fromCsv);
  });

  it("derives first spells from the weekly panel (runs of consecutive weeks) joined to the cohort, as worked out person by person", async () => {
    const { panel, cohort, expected } = writePanel(persons, directory);
    const counted = await runDuckDbCounts(panelCountsSql({ spellStates: [111], strata: "branche" }, "duckdb"), { panel, cohort });
    expect(counted.persons).toBe(persons.time.length);
    const fromCounts = survivalSummary({ time: counted.time, event: counted.status, group: counted.arm, strata: counted.stratum!, count: counted.count }, options);
    const fromPersons = survivalSummary({ time: expected.time, event: expected.event, group: expected.arm, strata: expected.stratum }, options);
    expectSameNumbers(fromCounts, fromPersons);
  });

  it("picks each person's trial spell from the cohort and spell files by the analysis-set rules (window, earliest, as-of) and gives the per-person estimates", async () => {
    const { cohort, spells, asOf } = firstSpellRows(persons);
    const cohortFile = join(directory, "kohorte.csv");
    const spellsFile = join(directory, "forloeb-datoer.csv");
    writeFileSync(cohortFile, ["pseudonym;arm;first_unemployment_day;industry_group", ...cohort.map((row) => row.join(";"))].join("\n") + "\n");
    writeFileSync(spellsFile, "\uFEFF" + ["pseudonym;Forløbsstart;Forløbsslut;Afgangsårsag", ...spells.map((row) => row.map((cell) => cell ?? "").join(";"))].join("\r\n") + "\r\n");
    const counted = await runDuckDbCounts(firstSpellCountsSql({ asOf }, "duckdb"), { cohort: cohortFile, spells: spellsFile });
    expect(counted.persons).toBe(persons.time.length);
    const fromCounts = survivalSummary({ time: counted.time, event: counted.status, group: counted.arm, strata: counted.stratum!, count: counted.count }, options);
    expectSameNumbers(fromCounts, perPerson);
  });

  it("benefitWeeksCountsSql derives first spells from ISO weeks as worked out by hand: across the new year, the next week as start, a gap, the as-of week", async () => {
    // As of Wednesday 2018-01-24: 2018-W04 is the last week seen, 2018-W05 is not.
    // a: first day Wed 2017-12-20 (W51); 111 in W51, W52, 2018-W01, none in W02, 111 in W03.
    //    gap 1: ends after 2018-W01 (Sunday 2018-01-07): 19 days, exit. gap 2: W02 bridged, W04 and the unseen W05 are not
    //    two weeks without within the weeks seen: running, 2018-01-24 - 2017-12-20 = 35 days, censored.
    // b: first day Sun 2017-12-31 (W52, code 890 only): starts in 2018-W01; 111 W01, " A-dagpenge" W02; ends after W02
    //    (Sunday 2018-01-14): 15 days, exit (both gaps: W03 and W04 are without).
    // c: first day 2018-01-10 (W02): nothing in W02 or W03, so no spell (W04 does not count).
    // d: first day Tue 2018-01-02 (W01): 111 W01-W05; W05 is not seen, so running: 22 days, censored.
    const panel = join(directory, "ydelser.csv");
    const cohortFile = join(directory, "kohorte-uger.csv");
    const weeks: [string, string, string][] = [
      ["a", "2017-W51", "111"], ["a", "2017-W52", "111"], ["a", "2018-W01", "111"], ["a", "2018-W03", "111"],
      ["b", "2017-W52", "890"], ["b", "2018-W01", "111"], ["b", "2018-W02", " A-dagpenge"],
      ["c", "2018-W04", "111"],
      ["d", "2018-W01", "111"], ["d", "2018-W02", "111"], ["d", "2018-W03", "111"], ["d", "2018-W04", "111"], ["d", "2018-W05", "111"],
    ];
    writeFileSync(panel, "\uFEFFpseudonym;År-uge;Ydelseskode\r\n" + weeks.map((row) => row.join(";")).join("\r\n") + "\r\n");
    writeFileSync(cohortFile, "pseudonym;arm;first_unemployment_day;industry_group\na;control;2017-12-20;LVU\nb;control;2017-12-31;LVU\nc;intervention;2018-01-10;LVU\nd;intervention;2018-01-02;LVU\n");
    const rows = (counted: Awaited<ReturnType<typeof runDuckDbCounts>>) => counted.arm.map((arm, index) => [arm, counted.time[index], counted.status[index], counted.count[index]]);
    const gapOne = await runDuckDbCounts(benefitWeeksCountsSql({ asOf: "2018-01-24" }), { cohort: cohortFile, panel });
    expect(rows(gapOne)).toEqual([["control", 15, 1, 1], ["control", 19, 1, 1], ["intervention", 22, 0, 1]]);
    const gapTwo = await runDuckDbCounts(benefitWeeksCountsSql({ asOf: "2018-01-24", gapWeeks: 2 }), { cohort: cohortFile, panel });
    expect(rows(gapTwo)).toEqual([["control", 15, 1, 1], ["control", 35, 0, 1], ["intervention", 22, 0, 1]]);
  });

  it("names the file and the column when a column is missing, without quoting any cell", async () => {
    const call = runDuckDbCounts(spellsCountsSql({ ...spellsQuery, time: "varighed" }, "duckdb"), { spells: csv });
    await expect(call).rejects.toThrowError(EngineError);
    await expect(call).rejects.toThrowError(/forloeb\.csv: there is no column "varighed" \(columns in the file: arm, branche, dage, afgang\)/);
  });

  it("says in Danish that a file cannot be read", async () => {
    const error = await runDuckDbCounts(spellsCountsSql(spellsQuery, "duckdb"), { spells: join(directory, "findes-ikke.csv") }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).messageIn("da")).toMatch(/findes-ikke\.csv: DuckDB kan ikke læse filen \(ENOENT\)/);
  });
});

describe("chooseEngine", () => {
  it("takes the engine asked for, otherwise DuckDB from the threshold on", () => {
    const small = join(directory, "small.csv");
    writeFileSync(small, "a;b\n1;2\n");
    expect(chooseEngine(undefined, [small])).toBe("memory");
    expect(chooseEngine(undefined, [small], 8)).toBe("duckdb");
    expect(chooseEngine("duckdb", [small])).toBe("duckdb");
    expect(chooseEngine("memory", [small], 1)).toBe("memory");
  });
});
