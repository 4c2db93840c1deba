/**
 * The simulator extended to a whole municipality, for projects without a control group
 * (the indicator examples of @jobtrial/indicators): stocks of benefit codes that follow a
 * planned path, the code that follows a spell, and event logs (conversations, courses, CV
 * updates, increased hours). Where the trial simulator follows an intake of citizens
 * through their spells (simulate-trial.ts), this follows a municipality's stocks week by
 * week; both draw from a seeded source (the same plan gives the same rows, to the byte
 * once written), name weeks with `isoWeekNamer` and turn a uniform into weeks with
 * `weeksUntil`. Documented in docs/simulation.md, "A municipality's stocks".
 *
 * The model, week by week from `firstWeek` to `lastWeek`, all from one source seeded by
 * `seed`, in this order each week: per stock (in the plan's order) its entries, its
 * events, its exits; then the weekly events.
 * - each stock starts with `from` persons and its planned level moves in a straight line
 *   to `to`; each person leaves with probability 1/`meanWeeks` a week (geometric spell
 *   lengths), and Poisson(level/meanWeeks + level change) new persons enter, so the stock
 *   follows its path with Poisson noise;
 * - a person who leaves before the last week takes one of `after`'s codes (weights; "" =
 *   self-support, no code) for `weeksUntil` 1/`after.meanWeeks` weeks (cut at the last
 *   week), then has no code;
 * - a stock's `events` happen to each person in it with a weekly probability moving in a
 *   straight line from `from` to `to`, on a weekday drawn uniformly; `weeklyEvents` are
 *   Poisson counts a week (mean moving from `from` to `to`) for persons drawn from the
 *   first stock with that code, none in a week when it is empty.
 *
 * Persons are new for every spell (one spell and what follows it per person), named
 * p00001, p00002, ... in the order they arise.
 */
import { fromDayNumber, isIsoWeek, isoWeekStart, toDayNumber } from "@jobtrial/core";
import { categorical, poisson, randomSource, uniformInt } from "@jobtrial/survival";
import { z } from "zod";
import { isoWeekNamer } from "./week-names.ts";
import { weeksUntil } from "./weeks-until.ts";

const isoWeek = z.string().refine(isIsoWeek, { message: "must be an ISO week yyyy-Www" });
const share = z.number().min(0).max(1);

export const StockPlanSchema = z.strictObject({
  /** The benefit code of the stock (the panel's code; any text). */
  code: z.string().min(1),
  /** The planned stock in the first week (whole persons). */
  from: z.number().int().min(0),
  /** The planned stock in the last week (a straight line from `from`). */
  to: z.number().min(0),
  /** Mean spell length in weeks (weekly exit probability 1/meanWeeks). */
  meanWeeks: z.number().min(1),
  /** The persons' target group. Default: "" (none) */
  targetGroup: z.string().optional(),
  /** Birth years drawn uniformly from this range, both included. Default: [1960, 1998] */
  birthYears: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** What follows a spell that ends before the last week. Default: nothing (no code) */
  after: z
    .strictObject({
      /** The codes and their weights; "" is self-support (no code). */
      codes: z.array(z.strictObject({ code: z.string(), weight: z.number().min(0) })).min(1),
      /** Mean weeks on the code that follows. */
      meanWeeks: z.number().min(1),
    })
    .optional(),
  /** Events that happen to each person in the stock, with a weekly probability from `from` to `to`. Default: none */
  events: z.array(z.strictObject({ kind: z.string().min(1), from: share, to: share })).optional(),
});

export const WeeklyEventPlanSchema = z.strictObject({
  kind: z.string().min(1),
  /** The mean count a week in the first week of the events. */
  from: z.number().min(0),
  /** The mean count a week in the plan's last week (a straight line from `from`). */
  to: z.number().min(0),
  /** The persons the events happen to: the stock with this code that week. */
  stock: z.string().min(1),
  /** The first week with these events. Default: the plan's first week */
  firstWeek: isoWeek.optional(),
});

export const MunicipalityPlanSchema = z
  .strictObject({
    /** Seeds the one random source (survival's `randomSource`). */
    seed: z.string(),
    firstWeek: isoWeek,
    lastWeek: isoWeek,
    stocks: z.array(StockPlanSchema).min(1),
    /** Default: none */
    weeklyEvents: z.array(WeeklyEventPlanSchema).optional(),
  })
  .refine((plan) => plan.firstWeek <= plan.lastWeek, { message: "lastWeek must not be before firstWeek", path: ["lastWeek"] })
  .refine((plan) => (plan.weeklyEvents ?? []).every((events) => plan.stocks.some((stock) => stock.code === events.stock)), {
    message: "a weekly event's stock must be the code of one of the stocks",
    path: ["weeklyEvents"],
  })
  .refine((plan) => (plan.weeklyEvents ?? []).every((events) => events.firstWeek === undefined || (events.firstWeek >= plan.firstWeek && events.firstWeek <= plan.lastWeek)), {
    message: "a weekly event's firstWeek must lie from firstWeek to lastWeek",
    path: ["weeklyEvents"],
  });

export type StockPlan = z.infer<typeof StockPlanSchema>;
export type WeeklyEventPlan = z.infer<typeof WeeklyEventPlanSchema>;
export type MunicipalityPlan = z.infer<typeof MunicipalityPlanSchema>;

/** A simulated person: one spell in a stock and what follows it. */
export interface SimulatedResident {
  pseudonym: string;
  birthYear: number;
  /** "" when the stock has none. */
  targetGroup: string;
}

/** Weeks on one benefit code, both ends included (the compact form of the weekly panel). */
export interface SimulatedBenefitPeriod {
  pseudonym: string;
  code: string;
  fromWeek: string;
  toWeek: string;
}

export interface SimulatedEvent {
  pseudonym: string;
  /** ISO date, Monday to Friday. */
  date: string;
  kind: string;
}

export interface SimulatedMunicipality {
  /** In the order they arose. */
  persons: SimulatedResident[];
  /** In the order they ended (the spells still running at the last week last, by stock). */
  periods: SimulatedBenefitPeriod[];
  /** By date, in the order they arose within a date (as a log lists them). */
  events: SimulatedEvent[];
}

interface Active {
  pseudonym: string;
  start: number;
}

/** The value in `step` (0-based) of `steps` on the straight line from `from` to `to`. */
function line(from: number, to: number, step: number, steps: number): number {
  return steps <= 1 ? from : from + ((to - from) * step) / (steps - 1);
}

function mondayOfWeek(week: string): number {
  return toDayNumber(isoWeekStart(week));
}

/**
 * Simulates a municipality's stocks and event logs from a plan (validated; a bad plan is
 * our own bug and throws zod's error). The same plan gives the same rows.
 *
 * @example simulateMunicipality({ seed: "x", firstWeek: "2020-W01", lastWeek: "2020-W01", stocks: [{ code: "KH", from: 2, to: 2, meanWeeks: 1e9 }] }).periods
 * // [{ pseudonym: "p00001", code: "KH", fromWeek: "2020-W01", toWeek: "2020-W01" }, { pseudonym: "p00002", ... }]
 */
export function simulateMunicipality(planInput: MunicipalityPlan): SimulatedMunicipality {
  const plan = MunicipalityPlanSchema.parse(planInput);
  const random = randomSource(plan.seed);
  const nameOf = isoWeekNamer();
  const first = mondayOfWeek(plan.firstWeek);
  const last = mondayOfWeek(plan.lastWeek);
  const steps = (last - first) / 7 + 1;
  const result: SimulatedMunicipality = { persons: [], periods: [], events: [] };
  const newPerson = (stock: StockPlan): string => {
    const pseudonym = `p${String(result.persons.length + 1).padStart(5, "0")}`;
    const [earliest, latest] = stock.birthYears ?? [1960, 1998];
    result.persons.push({ pseudonym, birthYear: uniformInt(random, earliest, latest), targetGroup: stock.targetGroup ?? "" });
    return pseudonym;
  };
  const stocks = plan.stocks.map((stock) => ({ plan: stock, active: Array.from({ length: stock.from }, (): Active => ({ pseudonym: newPerson(stock), start: first })) }));
  const endSpell = (stock: StockPlan, person: Active, lastMonday: number) => {
    result.periods.push({ pseudonym: person.pseudonym, code: stock.code, fromWeek: nameOf(person.start), toWeek: nameOf(lastMonday) });
    if (stock.after === undefined || lastMonday >= last) return;
    const next = stock.after.codes[categorical(random, stock.after.codes.map((code) => code.weight))]!.code;
    if (next === "") return;
    const weeks = weeksUntil(random.next(), 1 / Math.max(1.0001, stock.after.meanWeeks));
    result.periods.push({ pseudonym: person.pseudonym, code: next, fromWeek: nameOf(lastMonday + 7), toWeek: nameOf(Math.min(last, lastMonday + 7 * weeks)) });
  };
  const event = (pseudonym: string, monday: number, kind: string) => result.events.push({ pseudonym, date: fromDayNumber(monday + uniformInt(random, 0, 4)), kind });

  for (let step = 0; step < steps; step++) {
    const monday = first + 7 * step;
    for (const stock of stocks) {
      const level = line(stock.plan.from, stock.plan.to, step, steps);
      if (step > 0) {
        const entries = poisson(random, Math.max(0, level / stock.plan.meanWeeks + (stock.plan.to - stock.plan.from) / Math.max(1, steps - 1)));
        for (let entry = 0; entry < entries; entry++) stock.active.push({ pseudonym: newPerson(stock.plan), start: monday });
      }
      for (const events of stock.plan.events ?? []) {
        const probability = line(events.from, events.to, step, steps);
        for (const person of stock.active) if (random.next() < probability) event(person.pseudonym, monday, events.kind);
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
      const firstStep = events.firstWeek === undefined ? 0 : (mondayOfWeek(events.firstWeek) - first) / 7;
      if (step < firstStep) continue;
      const pool = stocks.find((stock) => stock.plan.code === events.stock)!.active;
      const count = pool.length === 0 ? 0 : poisson(random, line(events.from, events.to, step - firstStep, steps - firstStep));
      for (let index = 0; index < count; index++) event(pool[uniformInt(random, 0, pool.length - 1)]!.pseudonym, monday, events.kind);
    }
  }
  for (const stock of stocks) for (const person of stock.active) result.periods.push({ pseudonym: person.pseudonym, code: stock.plan.code, fromWeek: nameOf(person.start), toWeek: nameOf(last) });
  // A stable sort: events of one date keep the order they arose in.
  result.events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return result;
}
