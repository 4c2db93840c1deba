/**
 * Test data and comparisons shared by the engine's tests: the trial_days conformance case
 * (packages/survival/test/fixtures/conformance/trial_days, 4,000 persons) as a Danish CSV
 * of spells and as a weekly benefit panel with its cohort, plus the check that two results
 * agree number by number within 1e-10.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const MULTISTATE = fileURLToPath(new URL("../../survival/test/fixtures/conformance/multistate/data.csv", import.meta.url));
const CASE = fileURLToPath(new URL("../../survival/test/fixtures/conformance/trial_days/data.csv", import.meta.url));

export interface Persons {
  arm: string[];
  stratum: string[];
  time: number[];
  event: number[];
}

/** The trial_days persons (time in whole days, event 0/1, arm, stratum). */
export function trialDays(): Persons {
  const [header, ...lines] = readFileSync(CASE, "utf8").trim().split("\n");
  const names = header!.split(",");
  const at = (name: string) => names.indexOf(name);
  const persons: Persons = { arm: [], stratum: [], time: [], event: [] };
  for (const line of lines) {
    const cells = line.split(",");
    persons.arm.push(cells[at("group")]!);
    persons.stratum.push(cells[at("stratum")]!);
    persons.time.push(Number(cells[at("time")]));
    persons.event.push(Number(cells[at("event")]));
  }
  return persons;
}

/** The multistate conformance case's episodes (id, arm, start, stop, from, to), one row per episode. */
export function multistateEpisodes(): { id: string[]; arm: string[]; start: number[]; stop: number[]; from: string[]; to: string[] } {
  const [header, ...lines] = readFileSync(MULTISTATE, "utf8").trim().split("\n");
  const names = header!.split(",");
  const at = (name: string) => names.indexOf(name);
  const episodes = { id: [] as string[], arm: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[] };
  for (const line of lines) {
    const cells = line.split(",");
    episodes.id.push(cells[at("id")]!);
    episodes.arm.push(cells[at("arm")]!);
    episodes.start.push(Number(cells[at("tstart")]));
    episodes.stop.push(Number(cells[at("tstop")]));
    episodes.from.push(cells[at("from")]!);
    episodes.to.push(cells[at("to")]!);
  }
  return episodes;
}

/** The persons as Danish Excel writes a spells file: BOM, semicolons, a decimal comma in the time, Danish headers. */
export function writeDanishSpellsCsv(persons: Persons, file: string): void {
  const lines = ["arm;branche;dage;afgang"];
  persons.time.forEach((time, index) => lines.push(`${persons.arm[index]};${persons.stratum[index]};${time},0;${persons.event[index]}`));
  writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n");
}

/**
 * The persons as a weekly panel (person, week, state) and a cohort (person, arm, branche,
 * entry_week, last_week): a person's first spell is ceil(time / 7) weeks of state 111
 * from the entry week; before it some weeks of state 300, after an event one week of 200
 * and then a new spell of 111 (which must not count), and a censored person's spell runs
 * to the last week. The persons' first spells are then exactly (7 · ceil(time / 7), event),
 * worked out here person by person, independently of any SQL.
 */
export function panelRows(persons: Persons): { panel: (string | number)[][]; cohort: (string | number)[][]; expected: Persons } {
  const panel: (string | number)[][] = [];
  const cohort: (string | number)[][] = [];
  const expected: Persons = { arm: persons.arm, stratum: persons.stratum, time: [], event: [] };
  persons.time.forEach((time, index) => {
    const person = `p${String(index).padStart(5, "0")}`;
    const entry = 1000 + (index % 53);
    const weeks = Math.max(1, Math.ceil(time / 7));
    const event = persons.event[index]!;
    for (let week = entry - (index % 3); week < entry; week++) panel.push([person, week, 300]);
    for (let week = entry; week < entry + weeks; week++) panel.push([person, week, 111]);
    let last = entry + weeks - 1;
    if (event === 1) {
      panel.push([person, entry + weeks, 200]);
      for (let week = entry + weeks + 1; week < entry + weeks + 3; week++) panel.push([person, week, 111]);
      last = entry + weeks + 5;
    }
    cohort.push([person, persons.arm[index]!, persons.stratum[index]!, entry, last]);
    expected.time.push(7 * weeks);
    expected.event.push(event);
  });
  return { panel, cohort, expected };
}

/**
 * The persons as the jobcentre's files after register export and pseudonymize: a cohort
 * (pseudonym, arm, first_unemployment_day, industry_group) and spells (pseudonym,
 * Forløbsstart, Forløbsslut, Afgangsårsag) such that the analysis-set rules give back each
 * person's (time, event), as of 2020-01-01: the trial spell starts 0-4 days after the
 * first unemployment day (within the 14-day window) and ends time - 1 days after it, with
 * an exit state for an event and none for a censoring; every third person also has an
 * earlier spell 20 days before (outside the window) and a later one (not the earliest),
 * which must not count.
 */
export function firstSpellRows(persons: Persons): { cohort: (string | null)[][]; spells: (string | null)[][]; asOf: string } {
  const iso = (day: number) => new Date(Date.UTC(2017, 0, 2) + day * 86_400_000).toISOString().slice(0, 10);
  const cohort: (string | null)[][] = [];
  const spells: (string | null)[][] = [];
  persons.time.forEach((time, index) => {
    const person = `p${String(index).padStart(5, "0")}`;
    const first = index % 53;
    cohort.push([person, persons.arm[index]!, iso(first), persons.stratum[index]!]);
    const exit = persons.event[index] === 1 ? (index % 2 === 0 ? "selvforsørgelse" : "uddannelse") : null;
    spells.push([person, iso(first + (index % 5)), iso(first + time - 1), exit]);
    if (index % 3 === 0) {
      spells.push([person, iso(first - 20), iso(first - 19), "sygedagpenge"]);
      spells.push([person, iso(first + time + 30), null, null]);
    }
  });
  return { cohort, spells, asOf: "2020-01-01" };
}

/** `panelRows` written as semicolon-separated CSV files (panel.csv, cohort.csv) in `directory`. */
export function writePanel(persons: Persons, directory: string): { panel: string; cohort: string; expected: Persons } {
  const rows = panelRows(persons);
  const panel = join(directory, "panel.csv");
  const cohort = join(directory, "cohort.csv");
  writeFileSync(panel, ["person;week;state", ...rows.panel.map((row) => row.join(";"))].join("\n") + "\n");
  writeFileSync(cohort, ["person;arm;branche;entry_week;last_week", ...rows.cohort.map((row) => row.join(";"))].join("\n") + "\n");
  return { panel, cohort, expected: rows.expected };
}

/** Every number in `actual` equals the one at the same place in `expected` within 1e-10 (relative; absolute 1e-12 near 0); the rest is equal. */
export function expectSameNumbers(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    const got = actual as number;
    if (!Number.isFinite(expected)) {
      expect(Number.isNaN(expected) ? Number.isNaN(got) : got === expected, `${path}: ${got} vs ${expected}`).toBe(true);
      return;
    }
    // The Cox likelihood-ratio statistic is a difference of two log likelihoods ~10^3 times larger: rounding shows at 1e-8.
    const tolerance = /likelihoodRatio|lrP/.test(path) ? 1e-8 : 1e-10;
    expect(Math.abs(got - expected) <= Math.max(tolerance * Math.abs(expected), 1e-12), `${path}: ${got} vs ${expected}`).toBe(true);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(Object.keys(actual as object).sort(), `${path}: keys`).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
}
