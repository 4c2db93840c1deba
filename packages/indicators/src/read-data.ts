/**
 * Reads a project's data folder: persons.csv (pseudonym, birth year, target group), the
 * weekly benefit panel (benefit-weeks.csv, one row per person and week, read by analyze's
 * panel reader) and/or the same panel as periods (benefit-periods.csv: person, code, from
 * week, to week; a compact form of the same weeks), and the event log (events.csv:
 * person, date, event). Every problem names file, row and column and says how to fix it;
 * nothing throws on bad input. Pseudonyms only: the data of a project never holds CPR
 * numbers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatEvaluationProblem, parseDateValue, parseWeekValue, readBenefitWeekTable, readInputTable } from "@jobtrial/analyze";
import { formatProblem, isoWeekOf, isoWeekStart, mapHeader, problem, readTable, toDayNumber, type Problem, type Table } from "@jobtrial/core";
import { indicatorProblem, type IndicatorProblem } from "./messages.ts";

export const PERSONS_FILE = "persons.csv";
export const BENEFIT_WEEKS_FILE = "benefit-weeks.csv";
export const BENEFIT_PERIODS_FILE = "benefit-periods.csv";
export const EVENTS_FILE = "events.csv";

export interface Person {
  birthYear: number | null;
  targetGroup: string | null;
}

/** The data of one municipality: one panel for many indicator definitions. */
export interface IndicatorData {
  persons: ReadonlyMap<string, Person>;
  /** Per person: the Monday (day number) of each week with codes, and its codes in lower case. */
  panel: ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>;
  /** Events: person, the Monday (day number) of the event's week, the event in lower case. */
  events: readonly { pseudonym: string; monday: number; kind: string }[];
  /** The Monday of the first and last week with any data; null when there is none. */
  firstMonday: number | null;
  lastMonday: number | null;
}

const PERSON = { key: "pseudonym", aliases: ["pseudonym", "person id", "personid", "id"] } as const;

/**
 * Each file's columns and the headers that name them (matched as core's `mapHeader`
 * matches), for this reader and for the engine path, which finds the same columns in
 * CSV or Parquet files. benefit-weeks.csv is read by analyze's panel reader here; its
 * week and code headers are that reader's.
 */
export const INDICATOR_COLUMNS = {
  persons: [PERSON, { key: "birthYear", aliases: ["fødselsår", "birth year", "birthyear"], required: false }, { key: "targetGroup", aliases: ["målgruppe", "target group", "targetgroup"], required: false }],
  benefitWeeks: [
    { key: "pseudonym", aliases: ["pseudonym", "pseudonym id", "pseudonymid", "person id", "personid", "id"] },
    { key: "week", aliases: ["år-uge", "uge", "week", "iso week", "isoweek", "year-week"] },
    { key: "code", aliases: ["ydelseskode", "ydelse", "benefit", "code", "benefit code", "status"] },
  ],
  benefitPeriods: [
    PERSON,
    { key: "code", aliases: ["ydelseskode", "ydelse", "benefit code", "code"] },
    { key: "from", aliases: ["fra uge", "from week", "fra"] },
    { key: "to", aliases: ["til uge", "to week", "til"] },
  ],
  events: [PERSON, { key: "date", aliases: ["dato", "date"] }, { key: "event", aliases: ["hændelse", "event", "type"] }],
} as const;

function fromCore(item: Problem): IndicatorProblem {
  return { file: item.file, row: item.row, column: item.column, da: formatProblem(item, "da"), en: formatProblem(item, "en") };
}

/** The Monday (day number) of an ISO week. */
export function mondayOf(week: string): number {
  return toDayNumber(isoWeekStart(week));
}

function readCsv(dir: string, name: string, problems: IndicatorProblem[]): Table | null {
  const path = join(dir, name);
  if (!existsSync(path)) return null;
  const table = readTable(readFileSync(path), { file: name });
  problems.push(...table.problems.map(fromCore));
  return table;
}

function readPersons(table: Table, problems: IndicatorProblem[]): Map<string, Person> {
  const mapping = mapHeader(table.header, INDICATOR_COLUMNS.persons, table.file);
  problems.push(...mapping.problems.map(fromCore));
  const persons = new Map<string, Person>();
  if (mapping.index.pseudonym === undefined) return persons;
  const cell = (cells: string[], key: "pseudonym" | "birthYear" | "targetGroup") => (mapping.index[key] === undefined ? "" : (cells[mapping.index[key]!] ?? "").trim());
  for (const row of table.rows) {
    const pseudonym = cell(row.cells, "pseudonym");
    if (pseudonym === "") {
      problems.push(fromCore(problem("value_empty", { file: table.file, row: row.line, column: mapping.names.pseudonym ?? null })));
      continue;
    }
    const yearRaw = cell(row.cells, "birthYear");
    const birthYear = yearRaw === "" ? null : /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : undefined;
    if (birthYear === undefined) {
      problems.push(indicatorProblem("birth_year_invalid", { file: table.file, row: row.line, column: mapping.names.birthYear ?? null }));
      continue;
    }
    if (persons.has(pseudonym)) problems.push(fromCore(problem("duplicate_conflict", { file: table.file, row: row.line, column: mapping.names.pseudonym ?? null })));
    persons.set(pseudonym, { birthYear, targetGroup: cell(row.cells, "targetGroup") || null });
  }
  return persons;
}

type Panel = Map<string, Map<number, string[]>>;

function addCode(panel: Panel, pseudonym: string, monday: number, code: string): void {
  let weeks = panel.get(pseudonym);
  if (weeks === undefined) panel.set(pseudonym, (weeks = new Map()));
  const normalized = code.trim().toLowerCase();
  if (normalized === "") return;
  const codes = weeks.get(monday);
  if (codes === undefined) weeks.set(monday, [normalized]);
  else if (!codes.includes(normalized)) codes.push(normalized);
}

function readPeriods(table: Table, persons: ReadonlyMap<string, Person>, panel: Panel, problems: IndicatorProblem[]): void {
  const specs = INDICATOR_COLUMNS.benefitPeriods;
  const mapping = mapHeader<(typeof specs)[number]["key"]>(table.header, specs, table.file);
  problems.push(...mapping.problems.map(fromCore));
  if (mapping.problems.length > 0) return;
  for (const row of table.rows) {
    const cell = (key: (typeof specs)[number]["key"]) => (row.cells[mapping.index[key]!] ?? "").trim();
    const where = (key: (typeof specs)[number]["key"]) => ({ file: table.file, row: row.line, column: mapping.names[key] ?? null });
    const pseudonym = cell("pseudonym");
    const from = parseWeekValue(cell("from"));
    const to = parseWeekValue(cell("to"));
    if (!persons.has(pseudonym)) problems.push(indicatorProblem("person_unknown", where("pseudonym")));
    if (from === null) problems.push(indicatorProblem("week_invalid", where("from")));
    if (to === null) problems.push(indicatorProblem("week_invalid", where("to")));
    if (from === null || to === null || !persons.has(pseudonym)) continue;
    if (to < from) {
      problems.push(indicatorProblem("weeks_reversed", where("to")));
      continue;
    }
    for (let monday = mondayOf(from); monday <= mondayOf(to); monday += 7) addCode(panel, pseudonym, monday, cell("code"));
  }
}

function readEvents(table: Table, persons: ReadonlyMap<string, Person>, problems: IndicatorProblem[]): IndicatorData["events"] {
  const specs = INDICATOR_COLUMNS.events;
  const mapping = mapHeader<(typeof specs)[number]["key"]>(table.header, specs, table.file);
  problems.push(...mapping.problems.map(fromCore));
  if (mapping.problems.length > 0) return [];
  const events: { pseudonym: string; monday: number; kind: string }[] = [];
  for (const row of table.rows) {
    const cell = (key: (typeof specs)[number]["key"]) => (row.cells[mapping.index[key]!] ?? "").trim();
    const where = (key: (typeof specs)[number]["key"]) => ({ file: table.file, row: row.line, column: mapping.names[key] ?? null });
    const pseudonym = cell("pseudonym");
    const date = parseDateValue(cell("date"));
    const kind = cell("event").toLowerCase();
    if (!persons.has(pseudonym)) problems.push(indicatorProblem("person_unknown", where("pseudonym")));
    if (date === null) problems.push(fromCore(problem("date_format", where("date"))));
    if (kind === "") problems.push(indicatorProblem("event_empty", where("event")));
    if (date === null || kind === "" || !persons.has(pseudonym)) continue;
    events.push({ pseudonym, monday: mondayOf(isoWeekOf(date)), kind });
  }
  return events;
}

/**
 * Reads the data folder. persons.csv is required (the persons the panel may name); so is
 * a panel, as weeks or periods or both (their weeks are merged). Rows after `asOf` are
 * left out. Returns the data and every problem; the data is only to be used when there
 * are none.
 */
export function readIndicatorData(dir: string): { data: IndicatorData; problems: IndicatorProblem[] } {
  const problems: IndicatorProblem[] = [];
  const panel: Panel = new Map();
  let events: IndicatorData["events"] = [];
  const personsTable = readCsv(dir, PERSONS_FILE, problems);
  if (personsTable === null) problems.push(indicatorProblem("data_missing", { file: PERSONS_FILE }));
  const persons = personsTable === null ? new Map<string, Person>() : readPersons(personsTable, problems);
  const weeksPath = join(dir, BENEFIT_WEEKS_FILE);
  if (existsSync(weeksPath)) {
    // analyze's reader of the weekly benefit panel; the persons of persons.csv are its cohort.
    const read = readBenefitWeekTable(readInputTable(readFileSync(weeksPath), BENEFIT_WEEKS_FILE), { cohort: new Set(persons.keys()) });
    problems.push(...read.problems.map((item) => ({ file: item.file, row: item.row, column: item.column, da: formatEvaluationProblem(item, "da"), en: formatEvaluationProblem(item, "en") })));
    if (read.outsideCohort > 0) problems.push(indicatorProblem("person_unknown", { file: BENEFIT_WEEKS_FILE }));
    for (const row of read.rows) addCode(panel, row.pseudonym, mondayOf(row.week), row.code);
  }
  const periodsTable = readCsv(dir, BENEFIT_PERIODS_FILE, problems);
  if (periodsTable !== null) readPeriods(periodsTable, persons, panel, problems);
  if (!existsSync(weeksPath) && periodsTable === null) problems.push(indicatorProblem("no_panel", { file: BENEFIT_WEEKS_FILE }));
  const eventsTable = readCsv(dir, EVENTS_FILE, problems);
  if (eventsTable !== null) events = readEvents(eventsTable, persons, problems);
  let firstMonday: number | null = null;
  let lastMonday: number | null = null;
  const extend = (monday: number) => {
    if (firstMonday === null || monday < firstMonday) firstMonday = monday;
    if (lastMonday === null || monday > lastMonday) lastMonday = monday;
  };
  for (const weeks of panel.values()) for (const monday of weeks.keys()) extend(monday);
  for (const event of events) extend(event.monday);
  return { data: { persons, panel, events, firstMonday, lastMonday }, problems };
}
