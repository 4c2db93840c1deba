/**
 * The indicators' counting SQL in DuckDB on the panel of @jobtrial/indicators' hand-worked
 * measures test (packages/indicators/test/fixtures/hand: Danish CSV, rows unsorted;
 * weeks 2020-W01..W08, Mondays 18260, 18267, ..., 18309 as day numbers):
 *
 * cash benefit KH: a weeks 1-4, b weeks 1-2, c week 3 -> stock 2, 2, 2, 1; 3 persons;
 *   aged 50 or less in 2020 (a 40, b 30; c is 60): 2, 2, 1, 1; target group "ap" (a, c): 1, 1, 2, 1
 * flex-job scheme FJ + LY: d FJ 1-4, e LY 1-2 then FJ 3-4, f LY 1-4 -> on LY 2, 2, 1, 1 of 3 each week
 * CV within 2 weeks among KH: a (CV week 1) weeks 1-2, b (CV week 2) week 2 -> 1, 2, 0, 0 of 2, 2, 2, 1
 * conversations ("samtale", any case) 3, 1, 0, 2 in weeks 1-4 (week 3 has no row)
 * resource course RF, status one month after 4 weeks without RF:
 *   g ends Sunday 2020-01-12 (day 18273), status day 2020-02-12 in W07: LØN -> wage
 *   h ends 2020-01-19 (18280), 2020-02-19 in W08: FP -> disability
 *   j ends 2020-01-05 (18266), 2020-02-05 in W06: no code -> self-support
 *   i ends 2020-01-26, but 2020-02-26 lies in W09, after the data: not counted
 *   with 1 week without: i's first run ends 2020-01-12 too, W07 without a code -> self-support
 *
 * The same panel as benefit periods (comma-separated) and as Parquet gives the same
 * answers; bad rows are refused with the file, the column and their number.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineError, runDuckDbIndicatorCounts, type IndicatorFiles } from "../src/index.ts";
import { COLUMNS, EXPECTED_WEEKS, HAND, handFiles, handRequests, W08 } from "./indicator-hand.ts";

const directory = mkdtempSync(join(tmpdir(), "jobtrial-indicator-counts-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function answersOf(files: IndicatorFiles) {
  let asked: { firstMonday: number; lastMonday: number } | null = null;
  const result = await runDuckDbIndicatorCounts(files, (extent) => {
    asked = extent;
    return extent === null ? [] : handRequests(extent.firstMonday, extent.lastMonday);
  });
  expect(asked).toEqual(result.extent);
  return result;
}

/** A hand file with rows added, in the file's own line ending (DuckDB's sniffer refuses mixed ones). */
function withRows(name: string, rows: string[]): string {
  const text = readFileSync(join(HAND, name), "utf8");
  const ending = text.includes("\r\n") ? "\r\n" : "\n";
  return text + rows.map((row) => row + ending).join("");
}

describe("runDuckDbIndicatorCounts on the hand panel", () => {
  it("finds the extent of the data: 2020-W01 (2019-12-30, day 18260) to 2020-W08", async () => {
    const { extent } = await answersOf(handFiles);
    expect(extent).toEqual({ firstMonday: 18260, lastMonday: W08 });
  });

  it("counts every weekly measure as worked by hand, and the persons behind a period", async () => {
    const { answers } = await answersOf(handFiles);
    EXPECTED_WEEKS.forEach((expected, index) => {
      expect(answers[index]!.weeks.map((row) => [row.monday, row.numerator, row.denominator])).toEqual(expected);
      expect(answers[index]!.ended).toEqual([]);
    });
    // a, b, c on KH in weeks 1-4; a and b aged 50 or less; d, e, f in the flex-job scheme in weeks 3-4
    expect(answers.map((answer) => answer.persons)).toEqual([[3], [2], [], [3], [], [], [], [], []]);
  });

  it("counts the status one month after an ended resource course: g wage, h disability, j self-support; i not yet", async () => {
    const { answers } = await answersOf(handFiles);
    expect(answers[7]!.weeks).toEqual([]);
    expect(answers[7]!.ended).toEqual([
      { endDay: 18266, status: "self-support", count: 1 },
      { endDay: 18273, status: "wage", count: 1 },
      { endDay: 18280, status: "disability", count: 1 },
    ]);
    // one week without RF is enough: i's first run (weeks 1-2) ends on 2020-01-12 too, without a code in W07
    expect(answers[8]!.ended).toEqual([
      { endDay: 18266, status: "self-support", count: 1 },
      { endDay: 18273, status: "self-support", count: 1 },
      { endDay: 18273, status: "wage", count: 1 },
      { endDay: 18280, status: "disability", count: 1 },
    ]);
  });

  it("gives the same answers from the panel as benefit periods (comma-separated) and as Parquet", async () => {
    const expected = await answersOf(handFiles);
    // benefit periods: runs of consecutive weeks with the same code, in another order, with "2020-5" and "2020W05" spellings
    const periods = join(directory, "benefit-periods.csv");
    writeFileSync(
      periods,
      ["Pseudonym,Ydelseskode,Fra uge,Til uge", "h,FP,2020-4,2020W08", "a,KH,2020-W01,2020-W04", "b,KH,2020-W01,2020-W02", "c,KH,2020-W03,2020-W03", "d,FJ,2020-W01,2020-W04", "e,LY,2020-W01,2020-W02", "e,FJ,2020-W03,2020-W04", "f,LY,2020-W01,2020-W04", "g,RF,2020-W01,2020-W02", "g,LØN,2020-W06,2020-W08", "h,RF,2020-W01,2020-W03", "i,RF,2020-W01,2020-W02", "i,RF,2020-W04,2020-W04", "j,RF,2020-W01,2020-W01"].join("\n") + "\n",
    );
    expect(await answersOf({ ...handFiles, benefitWeeks: undefined, benefitPeriods: { file: periods, columns: COLUMNS.benefitPeriods } })).toEqual(expected);

    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const parquet = (name: string) => join(directory, name.replace(".csv", ".parquet"));
    for (const name of ["persons.csv", "benefit-weeks.csv", "events.csv"]) {
      await connection.run(`COPY (SELECT * FROM read_csv('${join(HAND, name)}', header = true, delim = ';', all_varchar = true)) TO '${parquet(name)}' (FORMAT parquet)`);
    }
    connection.closeSync();
    instance.closeSync();
    const fromParquet = await answersOf({
      persons: { file: parquet("persons.csv"), columns: COLUMNS.persons },
      benefitWeeks: { file: parquet("benefit-weeks.csv"), columns: COLUMNS.benefitWeeks },
      events: { file: parquet("events.csv"), columns: COLUMNS.events },
    });
    expect(fromParquet).toEqual(expected);
  });

  it("refuses rows it cannot read (a week that does not exist, an unknown or repeated person) with the file, the column and their number, and a missing column with the columns present", async () => {
    const weeks = join(directory, "bad-weeks.csv");
    writeFileSync(weeks, withRows("benefit-weeks.csv", ["a;2020-W54;KH", "b;uge 3;KH"]));
    const badWeek = await runDuckDbIndicatorCounts({ ...handFiles, benefitWeeks: { file: weeks, columns: COLUMNS.benefitWeeks } }, () => []).catch((error: unknown) => error);
    expect(badWeek).toBeInstanceOf(EngineError);
    expect((badWeek as EngineError).issue).toEqual({ code: "engine_invalid_rows", file: weeks, column: "År-uge", rows: 2 });
    expect((badWeek as EngineError).messageIn("da")).toContain("kør med --engine memory");

    const unknown = join(directory, "unknown-person.csv");
    writeFileSync(unknown, withRows("events.csv", ["z;2020-01-02;samtale"]));
    const unknownPerson = await runDuckDbIndicatorCounts({ ...handFiles, events: { file: unknown, columns: COLUMNS.events } }, () => []).catch((error: unknown) => error);
    expect((unknownPerson as EngineError).issue).toEqual({ code: "engine_invalid_rows", file: unknown, column: "Pseudonym", rows: 1 });

    const twice = join(directory, "persons-twice.csv");
    writeFileSync(twice, withRows("persons.csv", ["a;1980;ap"]));
    const repeated = await runDuckDbIndicatorCounts({ ...handFiles, persons: { file: twice, columns: COLUMNS.persons } }, () => []).catch((error: unknown) => error);
    expect((repeated as EngineError).issue).toEqual({ code: "engine_invalid_rows", file: twice, column: "Pseudonym", rows: 1 });

    const noDate = join(directory, "no-date.csv");
    writeFileSync(noDate, "Pseudonym;Hændelse\na;samtale\n");
    const missing = await runDuckDbIndicatorCounts({ ...handFiles, events: { file: noDate, columns: COLUMNS.events } }, () => []).catch((error: unknown) => error);
    expect((missing as EngineError).issue).toEqual({ code: "engine_missing_column", file: noDate, column: "dato", present: ["Pseudonym", "Hændelse"] });
  });
});
