/**
 * A synthetic municipality for the indicator examples, the simulator's counterpart for
 * projects without a control group: stocks of benefit codes that follow a planned path,
 * what follows a spell, and event logs (conversations, courses, CV updates, increased
 * hours). Seeded (survival's `randomSource`), so the same plan writes the same bytes.
 *
 * The model, week by week from `firstWeek` to `lastWeek`:
 * - each stock starts with `from` persons and its planned level moves in a straight line
 *   to `to`; each person leaves with probability 1/`meanWeeks` a week (geometric spell
 *   lengths), and Poisson(level/meanWeeks + level change) new persons enter, so the stock
 *   follows its path with Poisson noise;
 * - a person who leaves takes one of `after`'s codes (weights; "" = self-support, no
 *   code) for a geometric number of weeks, then has no code;
 * - a stock's `events` happen to each person in it with a weekly probability moving in a
 *   straight line from `from` to `to`; `weeklyEvents` are Poisson counts a week (mean
 *   moving from `from` to `to`) for persons drawn from a stock.
 *
 * Persons are new for every spell (one spell and what follows it per person). Written as
 * persons.csv, benefit-periods.csv (one row per spell: the compact form of the weekly
 * panel) and events.csv, semicolon-separated UTF-8 with BOM.
 */
import { join } from "node:path";
import { fromDayNumber, isoWeekOf, writeCsvFile, type CsvValue } from "@jobtrial/core";
import { categorical, poisson, randomSource, uniformInt, type RandomSource } from "@jobtrial/survival";
import { BENEFIT_PERIODS_FILE, EVENTS_FILE, mondayOf, PERSONS_FILE } from "./read-data.ts";

export interface StockPlan {
  code: string;
  /** The planned stock in the first and the last week (a straight line between). */
  from: number;
  to: number;
  meanWeeks: number;
  targetGroup?: string;
  /** Birth years drawn uniformly from this range. Default: [1960, 1998] */
  birthYears?: [number, number];
  after?: { codes: readonly { code: string; weight: number }[]; meanWeeks: number };
  events?: readonly { kind: string; from: number; to: number }[];
}

export interface WeeklyEventPlan {
  kind: string;
  /** The mean count a week in the first and the last week of the events. */
  from: number;
  to: number;
  /** The persons the events happen to: the stock of this code that week. */
  stock: string;
  /** The first week with these events. Default: the plan's first week */
  firstWeek?: string;
}

export interface MunicipalityPlan {
  seed: string;
  firstWeek: string;
  lastWeek: string;
  stocks: readonly StockPlan[];
  weeklyEvents?: readonly WeeklyEventPlan[];
}

export interface SimulatedMunicipality {
  persons: [string, number, string][];
  periods: [string, string, string, string][];
  events: [string, string, string][];
}

interface Active {
  pseudonym: string;
  start: number;
}

function line(from: number, to: number, step: number, steps: number): number {
  return steps <= 1 ? from : from + ((to - from) * step) / (steps - 1);
}

function weekOf(monday: number): string {
  return isoWeekOf(fromDayNumber(monday));
}

/** Simulates the plan; rows in the order they arose. */
export function simulateMunicipality(plan: MunicipalityPlan): SimulatedMunicipality {
  const random = randomSource(plan.seed);
  const first = mondayOf(plan.firstWeek);
  const last = mondayOf(plan.lastWeek);
  const steps = (last - first) / 7 + 1;
  const result: SimulatedMunicipality = { persons: [], periods: [], events: [] };
  let counter = 0;
  const newPerson = (stock: StockPlan) => {
    counter++;
    const pseudonym = `p${String(counter).padStart(5, "0")}`;
    const [low, high] = stock.birthYears ?? [1960, 1998];
    result.persons.push([pseudonym, uniformInt(random, low, high), stock.targetGroup ?? ""]);
    return pseudonym;
  };
  const stocks = plan.stocks.map((stock) => ({ plan: stock, active: Array.from({ length: stock.from }, () => ({ pseudonym: newPerson(stock), start: first })) as Active[] }));
  const endSpell = (stock: StockPlan, person: Active, lastWeek: number) => {
    result.periods.push([person.pseudonym, stock.code, weekOf(person.start), weekOf(lastWeek)]);
    if (stock.after === undefined || lastWeek >= last) return;
    const next = stock.after.codes[categorical(random, stock.after.codes.map((code) => code.weight))]!.code;
    if (next === "") return;
    const weeks = 1 + geometricWeeks(random, stock.after.meanWeeks);
    result.periods.push([person.pseudonym, next, weekOf(lastWeek + 7), weekOf(Math.min(last, lastWeek + 7 * weeks))]);
  };
  for (let step = 0; step < steps; step++) {
    const monday = first + 7 * step;
    for (const stock of stocks) {
      const level = line(stock.plan.from, stock.plan.to, step, steps);
      if (step > 0) {
        const entries = poisson(random, Math.max(0, level / stock.plan.meanWeeks + (stock.plan.to - stock.plan.from) / Math.max(1, steps - 1)));
        for (let index = 0; index < entries; index++) stock.active.push({ pseudonym: newPerson(stock.plan), start: monday });
      }
      for (const event of stock.plan.events ?? []) {
        const probability = line(event.from, event.to, step, steps);
        for (const person of stock.active) if (random.next() < probability) result.events.push([person.pseudonym, fromDayNumber(monday + uniformInt(random, 0, 4)), event.kind]);
      }
      // Leaving at the end of the week: the week is the spell's last.
      const staying: Active[] = [];
      for (const person of stock.active) {
        if (random.next() < 1 / stock.plan.meanWeeks) endSpell(stock.plan, person, monday);
        else staying.push(person);
      }
      stock.active = staying;
    }
    for (const events of plan.weeklyEvents ?? []) {
      if (events.firstWeek !== undefined && monday < mondayOf(events.firstWeek)) continue;
      const pool = stocks.find((stock) => stock.plan.code === events.stock)?.active ?? [];
      const firstStep = events.firstWeek === undefined ? 0 : (mondayOf(events.firstWeek) - first) / 7;
      const count = pool.length === 0 ? 0 : poisson(random, line(events.from, events.to, step - firstStep, steps - firstStep));
      for (let index = 0; index < count; index++) result.events.push([pool[uniformInt(random, 0, pool.length - 1)]!.pseudonym, fromDayNumber(monday + uniformInt(random, 0, 4)), events.kind]);
    }
  }
  for (const stock of stocks) for (const person of stock.active) result.periods.push([person.pseudonym, stock.plan.code, weekOf(person.start), plan.lastWeek]);
  return result;
}

/** Whole weeks of a geometric length with the given mean (at least 0). */
function geometricWeeks(random: RandomSource, mean: number): number {
  return Math.floor(Math.log(1 - random.next()) / Math.log(1 - 1 / Math.max(1.0001, mean)));
}

/** Writes persons.csv, benefit-periods.csv and (when there are events) events.csv into `dir` (which must exist). */
export function writeMunicipality(simulated: SimulatedMunicipality, dir: string): string[] {
  const files: [string, string[], CsvValue[][]][] = [
    [PERSONS_FILE, ["Pseudonym", "Fødselsår", "Målgruppe"], simulated.persons],
    [BENEFIT_PERIODS_FILE, ["Pseudonym", "Ydelseskode", "Fra uge", "Til uge"], simulated.periods],
    [EVENTS_FILE, ["Pseudonym", "Dato", "Hændelse"], [...simulated.events].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))],
  ];
  // A project without events gets no events.csv.
  return files.filter(([name, , rows]) => name !== EVENTS_FILE || rows.length > 0).map(([name, header, rows]) => {
    writeCsvFile(join(dir, name), header, rows);
    return join(dir, name);
  });
}
