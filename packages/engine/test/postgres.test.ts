/**
 * The printed PostgreSQL queries on a real server give the memory path's numbers. The
 * setup starts PostgreSQL (Debian's, installed by .ci/run) on loopback in a temporary
 * folder — initdb and pg_ctl as the postgres user when run as root — loads the trial_days
 * persons as a spells table and as a weekly panel with its cohort, runs the queries that
 * `jobtrial sql --dialect postgres` prints, and compares survivalSummary on the counted
 * rows with survivalSummary on the per-person rows within 1e-10. The server is stopped
 * and its folder removed afterwards. In CI (CI=true) a missing PostgreSQL fails the test.
 */
import { multiStateOccupancy, survivalSummary } from "@jobtrial/survival";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { episodesCountsSql, firstSpellCountsSql, panelCountsSql, spellsCountsSql } from "../src/index.ts";
import { postgresPrograms, startPostgres, type PostgresServer } from "./postgres-server.ts";
import { expectSameNumbers, firstSpellRows, multistateEpisodes, panelRows, trialDays } from "./helpers.ts";

const persons = trialDays();
const episodes = multistateEpisodes();
const episodeOptions = { groups: ["control", "intervention"], taus: [91, 182, 364], initial: "adp", censor: "censor", sets: { public: ["adp", "other"] } };
const options = { groups: ["control", "intervention"], taus: [182, 364] };

async function insertRows(client: pg.Client, table: string, columns: string[], rows: (string | number)[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    const placeholders = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${placeholders.join(", ")}`, batch.flat());
  }
}

describe.runIf(postgresPrograms !== undefined)("the printed PostgreSQL queries on a real server", () => {
  let server: PostgresServer;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startPostgres(54000, "jobtrial-postgres-");
    client = server.client;
    await client.query("CREATE TABLE spells (arm text, branche text, dage integer, afgang integer)");
    await insertRows(client, "spells", ["arm", "branche", "dage", "afgang"], persons.time.map((time, index) => [persons.arm[index]!, persons.stratum[index]!, time, persons.event[index]!]));
    const { panel, cohort } = panelRows(persons);
    await client.query("CREATE TABLE panel (person text, week integer, state integer)");
    await client.query("CREATE TABLE cohort (person text, arm text, branche text, entry_week integer, last_week integer)");
    await insertRows(client, "panel", ["person", "week", "state"], panel);
    await insertRows(client, "cohort", ["person", "arm", "branche", "entry_week", "last_week"], cohort);
    const firstSpells = firstSpellRows(persons);
    await client.query("CREATE TABLE jobcentre_cohort (pseudonym text, arm text, first_unemployment_day date, industry_group text)");
    await client.query('CREATE TABLE jobcentre_spells (pseudonym text, "Forløbsstart" date, "Forløbsslut" date, "Afgangsårsag" text)');
    await insertRows(client, "jobcentre_cohort", ["pseudonym", "arm", "first_unemployment_day", "industry_group"], firstSpells.cohort as (string | number)[][]);
    await insertRows(client, "jobcentre_spells", ["pseudonym", '"Forløbsstart"', '"Forløbsslut"', '"Afgangsårsag"'], firstSpells.spells as (string | number)[][]);
    await client.query('CREATE TABLE episodes (id text, arm text, tstart double precision, tstop double precision, "from" text, "to" text)');
    await insertRows(client, "episodes", ["id", "arm", "tstart", "tstop", '"from"', '"to"'], episodes.id.map((id, index) => [id, episodes.arm[index]!, episodes.start[index]!, episodes.stop[index]!, episodes.from[index]!, episodes.to[index]!]));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  async function countedRows(sql: string) {
    const result = await client.query(sql);
    return {
      time: result.rows.map((row) => row.time as number),
      event: result.rows.map((row) => row.status as number),
      group: result.rows.map((row) => row.arm as string),
      strata: result.rows.map((row) => row.stratum as string),
      count: result.rows.map((row) => row.count as number),
    };
  }

  it("spellsCountsSql(..., 'postgres') gives counted rows whose estimates equal the per-person ones", async () => {
    const counted = await countedRows(spellsCountsSql({ time: "dage", status: "afgang", group: "arm", strata: "branche" }, "postgres"));
    expect(counted.count.reduce((sum, value) => sum + value, 0)).toBe(persons.time.length);
    const perPerson = survivalSummary({ time: persons.time, event: persons.event, group: persons.arm, strata: persons.stratum }, options);
    expectSameNumbers(survivalSummary(counted, options), perPerson);
  });

  it("panelCountsSql(..., 'postgres') derives the first spells from the panel as worked out person by person", async () => {
    const counted = await countedRows(panelCountsSql({ spellStates: [111], strata: "branche" }, "postgres"));
    const { expected } = panelRows(persons);
    const perPerson = survivalSummary({ time: expected.time, event: expected.event, group: expected.arm, strata: expected.stratum }, options);
    expectSameNumbers(survivalSummary(counted, options), perPerson);
  });

  it("episodesCountsSql(..., 'postgres') counts identical paths, and the multi-state estimates and IJ standard errors on them equal the per-person ones", async () => {
    const result = await client.query(episodesCountsSql({ id: "id", group: "arm", start: "tstart", stop: "tstop", from: "from", to: "to" }, "postgres"));
    const counted = {
      id: result.rows.map((row) => String(row.path)),
      group: result.rows.map((row) => row.arm as string),
      start: result.rows.map((row) => row.start as number),
      stop: result.rows.map((row) => row.stop as number),
      from: result.rows.map((row) => row.from as string),
      to: result.rows.map((row) => row.to as string),
      count: result.rows.map((row) => row.count as number),
    };
    const paths = new Map(counted.id.map((path, index) => [path, counted.count[index]!]));
    expect([...paths.values()].reduce((sum, value) => sum + value, 0)).toBe(new Set(episodes.id).size);
    expect(paths.size).toBeLessThan(new Set(episodes.id).size);
    const perPerson = multiStateOccupancy({ id: episodes.id, group: episodes.arm, start: episodes.start, stop: episodes.stop, from: episodes.from, to: episodes.to }, episodeOptions);
    const fromCounts = multiStateOccupancy(counted, episodeOptions);
    expectSameNumbers(fromCounts.restrictedMean, perPerson.restrictedMean);
    expectSameNumbers(fromCounts.curves.control!.pstate, perPerson.curves.control!.pstate);
  });

  it("firstSpellCountsSql(..., 'postgres') picks each person's trial spell by the analysis-set rules and gives the per-person estimates", async () => {
    const { asOf } = firstSpellRows(persons);
    const counted = await countedRows(firstSpellCountsSql({ asOf, cohort: "jobcentre_cohort", spells: "jobcentre_spells" }, "postgres"));
    expect(counted.count.reduce((sum, value) => sum + value, 0)).toBe(persons.time.length);
    const perPerson = survivalSummary({ time: persons.time, event: persons.event, group: persons.arm, strata: persons.stratum }, options);
    expectSameNumbers(survivalSummary(counted, options), perPerson);
  });
});
