/**
 * The indicators' counting SQL on a real PostgreSQL server gives DuckDB's answers and the
 * hand-worked counts. The hand panel (packages/indicators/test/fixtures/hand) is loaded
 * into the three normalized tables the queries read (indicator_panel, indicator_persons,
 * indicator_events: day numbers and lower-case codes, as a register extract would be
 * prepared), and `answerIndicatorRequests` runs `indicatorCountsSql` and
 * `indicatorPersonsSql` through node-postgres. The server is started as in
 * postgres.test.ts (Debian's PostgreSQL, installed by .ci/run; on loopback in a temporary
 * folder, stopped and removed afterwards); in CI (CI=true) a missing PostgreSQL fails.
 * The one labelled query `jobtrial sql indicators` prints (`indicatorCountsScript`) runs
 * there too, on the hand panel and on the ressourceforloeb-status example, and read
 * back by `indicatorAnswersFromRows` gives the same answers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromDayNumber, isoWeekOf, isoWeekStart, readTable, toDayNumber } from "@jobtrial/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerIndicatorRequests, INDICATOR_COUNTS_COLUMNS, INDICATOR_EXTENT_SQL, indicatorAnswersFromRows, indicatorCountsScript, runDuckDbIndicatorCounts, type IndicatorCountAnswer, type IndicatorCountRequest, type IndicatorCountsRow } from "../src/index.ts";
import { postgresPrograms, startPostgres, type PostgresServer } from "./postgres-server.ts";
import { COLUMNS, EXPECTED_WEEKS, HAND, handFiles, handRequests, W01, W08 } from "./indicator-hand.ts";

/** A hand file's rows as cells (header left out). */
function handRows(name: string, folder = HAND): string[][] {
  const table = readTable(readFileSync(join(folder, name)), { file: name });
  expect(table.problems).toEqual([]);
  return table.rows.map((row) => row.cells.map((cell) => cell.trim()));
}

const mondayOfWeek = (week: string) => toDayNumber(isoWeekStart(week));

describe.runIf(postgresPrograms !== undefined)("the indicators' counting SQL on a real PostgreSQL server", () => {
  let server: PostgresServer;
  let client: pg.Client;
  beforeAll(async () => {
    // a port apart from postgres.test.ts's, as vitest may run both at once
    server = await startPostgres(55000, "jobtrial-postgres-indicators-");
    client = server.client;
    await client.query("CREATE TABLE indicator_persons (person text, birth_year integer, target_group text)");
    await client.query("CREATE TABLE indicator_panel (person text, monday integer, iso_year integer, code text)");
    await client.query("CREATE TABLE indicator_events (person text, monday integer, kind text)");
    for (const [person, birthYear, targetGroup] of handRows("persons.csv")) {
      await client.query("INSERT INTO indicator_persons VALUES ($1, $2, $3)", [person, birthYear === "" ? null : Number(birthYear), targetGroup === "" ? null : targetGroup!.toLowerCase()]);
    }
    for (const [person, week, code] of handRows("benefit-weeks.csv")) {
      await client.query("INSERT INTO indicator_panel VALUES ($1, $2, $3, $4)", [person, mondayOfWeek(week!), Number(week!.slice(0, 4)), code!.toLowerCase()]);
    }
    for (const [person, date, kind] of handRows("events.csv")) {
      await client.query("INSERT INTO indicator_events VALUES ($1, $2, $3)", [person, mondayOfWeek(isoWeekOf(date!)), kind!.toLowerCase()]);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  const query = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];

  it("finds the same extent, 2020-W01 to W08, and gives DuckDB's answers to every request", async () => {
    const [extent] = await query(INDICATOR_EXTENT_SQL);
    expect([Number(extent!.first_monday), Number(extent!.last_monday)]).toEqual([W01, W08]);
    const fromPostgres = await answerIndicatorRequests(query, handRequests(W01, W08));
    const fromDuckDb = await runDuckDbIndicatorCounts(handFiles, (found) => handRequests(found!.firstMonday, found!.lastMonday));
    expect(fromPostgres).toEqual(fromDuckDb.answers);
    // and the hand-worked weekly counts and ended spells, not only agreement
    EXPECTED_WEEKS.forEach((expected, index) => expect(fromPostgres[index]!.weeks.map((row) => [row.monday, row.numerator, row.denominator])).toEqual(expected));
    expect(fromPostgres[7]!.ended).toEqual([
      { endDay: 18266, status: "self-support", count: 1 },
      { endDay: 18273, status: "wage", count: 1 },
      { endDay: 18280, status: "disability", count: 1 },
    ]);
  });

  it("indicatorCountsScript (the one labelled query jobtrial sql indicators prints) gives, read back by indicatorAnswersFromRows, the same answers", async () => {
    const requests = handRequests(W01, W08).map((request, index) => ({ id: `r${index}`, request }));
    const rows = await query(indicatorCountsScript(requests, { firstMonday: W01, lastMonday: W08 }, "postgres"));
    // as psql --csv writes them: every cell as text, NULL as an empty cell
    const asCells: IndicatorCountsRow[] = rows.map((row, index) => ({ line: index + 2, cells: Object.fromEntries(INDICATOR_COUNTS_COLUMNS.map((column) => [column, row[column] == null ? "" : String(row[column])])) as IndicatorCountsRow["cells"] }));
    const read = indicatorAnswersFromRows("counts.csv", asCells, () => requests);
    expect(read.window).toEqual({ firstMonday: W01, lastMonday: W08 });
    const sorted = (answers: IndicatorCountAnswer[]) =>
      answers.map((answer) => ({ ...answer, weeks: [...answer.weeks].sort((a, b) => a.monday - b.monday), ended: [...answer.ended].sort((a, b) => a.endDay - b.endDay || a.status.localeCompare(b.status)) }));
    expect(sorted(read.answers)).toEqual(sorted(await answerIndicatorRequests(query, handRequests(W01, W08))));
  });

  it("on an example (ressourceforloeb-status: resource courses ended and the status a month later), the printed script on PostgreSQL gives DuckDB's answers", async () => {
    const folder = fileURLToPath(new URL("../../../data/ressourceforloeb-status/", import.meta.url));
    const measure = (JSON.parse(readFileSync(join(folder, "indicators.json"), "utf8")) as { indicators: { measure: IndicatorCountRequest["measure"] }[] }).indicators[0]!.measure;
    const requestsFor = (extent: { firstMonday: number; lastMonday: number } | null) => [{ measure, firstMonday: extent!.firstMonday, lastMonday: extent!.lastMonday, persons: [] }];
    const fromDuckDb = await runDuckDbIndicatorCounts(
      { persons: { file: join(folder, "persons.csv"), columns: COLUMNS.persons }, benefitPeriods: { file: join(folder, "benefit-periods.csv"), columns: COLUMNS.benefitPeriods } },
      requestsFor,
    );
    // the example's panel prepared as an extract would be, in a schema of its own
    await client.query("CREATE SCHEMA example");
    await client.query("CREATE TABLE example.indicator_persons (person text, birth_year integer, target_group text)");
    await client.query("CREATE TABLE example.indicator_panel (person text, monday integer, iso_year integer, code text)");
    await client.query("CREATE TABLE example.indicator_events (person text, monday integer, kind text)");
    const persons = handRows("persons.csv", folder);
    await client.query("INSERT INTO example.indicator_persons SELECT * FROM unnest($1::text[], $2::int[], $3::text[])", [
      persons.map((row) => row[0]),
      persons.map((row) => (row[1] === "" ? null : Number(row[1]))),
      persons.map((row) => (row[2] === "" ? null : row[2]!.toLowerCase())),
    ]);
    const weeks: [string, number, number, string][] = [];
    for (const [person, code, from, to] of handRows("benefit-periods.csv", folder)) {
      for (let monday = mondayOfWeek(from!); monday <= mondayOfWeek(to!); monday += 7) weeks.push([person!, monday, Number(isoWeekOf(fromDayNumber(monday)).slice(0, 4)), code!.toLowerCase()]);
    }
    await client.query("INSERT INTO example.indicator_panel SELECT DISTINCT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])", [0, 1, 2, 3].map((column) => weeks.map((row) => row[column])));
    await client.query("SET search_path TO example");
    try {
      const [extent] = await query(INDICATOR_EXTENT_SQL);
      const window = { firstMonday: Number(extent!.first_monday), lastMonday: Number(extent!.last_monday) };
      expect(window).toEqual(fromDuckDb.extent);
      const requests = requestsFor(window).map((request) => ({ id: "status-en-maaned-efter", request }));
      const rows = await query(indicatorCountsScript(requests, window, "postgres"));
      const asCells: IndicatorCountsRow[] = rows.map((row, index) => ({ line: index + 2, cells: Object.fromEntries(INDICATOR_COUNTS_COLUMNS.map((column) => [column, row[column] == null ? "" : String(row[column])])) as IndicatorCountsRow["cells"] }));
      const read = indicatorAnswersFromRows("counts.csv", asCells, () => requests);
      const byDay = (answer: IndicatorCountAnswer) => [...answer.ended].sort((a, b) => a.endDay - b.endDay || a.status.localeCompare(b.status));
      expect(byDay(read.answers[0]!)).toEqual(byDay(fromDuckDb.answers[0]!));
      expect(fromDuckDb.answers[0]!.ended.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThan(200);
    } finally {
      await client.query("SET search_path TO public");
    }
  }, 120_000);
});
