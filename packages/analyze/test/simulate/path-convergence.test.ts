/**
 * The path model's sample agrees with its exact truth (truth.json's `paths`, computed by
 * forward equations, never from a sample), within Monte-Carlo error: one large seeded
 * trial, about 100,000 citizens, with sickness and cash benefit priced at their own rates.
 *
 * 1. The latent paths (no censoring): per citizen, the days in each state and on public
 *    support within each horizon and the municipality's expenditure, priced day by day in
 *    this file (its own calendar and step lookup, not the simulator's tables); the sample
 *    mean by arm, and the mean of the control-minus-intervention difference of the two
 *    potential paths, lie within 4 standard errors of armContrast and causal.
 * 2. The observed data (moving away and the extraction date censor): the Aalen-Johansen
 *    restricted mean time in state of @jobtrial/survival on episodes read off the paths as
 *    the panel shows them lies within 4 of its own standard errors of armContrast.days.
 *
 * The z-scores are printed (console.info) for the record.
 */
import { toDayNumber, type TrialConfig } from "@jobtrial/core";
import { meanAndStandardError, multiStateOccupancy, randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareSimulation } from "../../src/simulate/model.ts";
import { simulateWithModel, type SimulatedCitizen, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { esbjergConfig } from "./helpers.ts";

const STATES = ["adp", "sickness", "cash", "job", "education"] as const;
/** Chain state -> reported state (the short job is a job). */
const REPORTED = [0, 1, 2, 3, 4, 3];
const CODE_OF_STATE = ["111", "890", "130", null, "651"] as const;
const PUBLIC = [true, true, true, false, false];
const RATES = { "890": 780, "130": 560 };
const EXTRACTION = "2018-09-01";

/** The bundled configuration with sickness and cash benefit at their own daily rates. */
function pricedConfig(): TrialConfig {
  const config = esbjergConfig();
  return { ...config, money: { ...config.money, years: config.money.years.map((year) => ({ ...year, benefitDailyRates: RATES })) } };
}

interface PathValues {
  /** days[horizon][state], with "public" as index 5. */
  days: number[][];
  expenditure: number[];
}

/**
 * One latent path's days in state and expenditure within each horizon, day by day: the
 * state of day d is that of its week (entry week: 7 - weekday days, then 7-day weeks), the
 * support week of a public week is the prior weeks plus the public weeks so far, the price
 * the year's rate (benefitDailyRates or maxDailyBenefit) x 5 / 7 x the year's step share.
 */
function valuesOf(config: TrialConfig, citizen: SimulatedCitizen, states: Uint8Array, horizons: readonly number[]): PathValues {
  const path = citizen.path!;
  const start = toDayNumber(citizen.firstUnemploymentDay);
  const nextNewYear = toDayNumber(`${Number(citizen.firstUnemploymentDay.slice(0, 4)) + 1}-01-01`);
  const entryWeekDays = 7 - path.entryWeekday;
  const supportWeekOf: number[] = [];
  let supportWeeks = path.priorWeeks;
  for (const state of states) supportWeekOf.push(PUBLIC[REPORTED[state]!] ? ++supportWeeks : supportWeeks);
  const days = horizons.map(() => [0, 0, 0, 0, 0, 0]);
  const expenditure = horizons.map(() => 0);
  const running = [0, 0, 0, 0, 0, 0];
  let cost = 0;
  let horizonIndex = 0;
  const last = horizons[horizons.length - 1]!;
  if (last > 365) throw new Error("valuesOf prices days of the entry year and the next only; horizons must be at most 365 days");
  for (let day = 0; day < last; day++) {
    const week = day < entryWeekDays ? 0 : Math.floor((day - entryWeekDays) / 7) + 1;
    const state = REPORTED[states[week]!]!;
    running[state]!++;
    if (PUBLIC[state]) {
      running[5]!++;
      // Horizons are under a year: the day is in the entry year or the next.
      const year = Number(citizen.firstUnemploymentDay.slice(0, 4)) + (start + day >= nextNewYear ? 1 : 0);
      const money = config.money.years.find((entry) => entry.year === year)!;
      const code = CODE_OF_STATE[state]!;
      const rate = code === "111" ? money.maxDailyBenefit : (money.benefitDailyRates?.[code] ?? money.maxDailyBenefit);
      let share = 0;
      for (const step of money.cofinancing) if (step.fromWeek <= supportWeekOf[week]!) share = step.share;
      cost += ((rate * config.money.benefitDaysPerWeek) / 7) * share;
    }
    if (day + 1 === horizons[horizonIndex]) {
      days[horizonIndex] = [...running];
      expenditure[horizonIndex] = cost;
      horizonIndex++;
    }
  }
  return { days, expenditure };
}

describe("simulateWithModel with paths on about 100,000 citizens", () => {
  const config = pricedConfig();
  let sim: Simulation;
  let eligible: SimulatedCitizen[];
  let horizons: number[];
  const zScores: { name: string; z: number }[] = [];
  const record = (name: string, estimate: number, truth: number, error: number) => {
    const z = (estimate - truth) / error;
    zScores.push({ name, z });
    return z;
  };

  beforeAll(() => {
    const model = prepareSimulation(config, { weeklyIntake: 1700, extractionDate: EXTRACTION, toWeek: "2018-W08", paths: true, include: { conversations: false, benefitWeeks: false, secondary: false } });
    sim = simulateWithModel(model, randomSource(20_260_101));
    eligible = sim.citizens.filter((citizen) => citizen.eligible);
    horizons = sim.truth.paths!.horizonsDays;
  });

  it("simulates at least 100,000 eligible citizens, each with a latent path past the longest horizon", () => {
    expect(eligible.length).toBeGreaterThanOrEqual(100_000);
    const lastDay = horizons.at(-1)! - 1;
    for (const citizen of eligible) {
      const entryWeekDays = 7 - citizen.path!.entryWeekday;
      expect(citizen.path!.potentialStates.control.length).toBeGreaterThan(Math.floor((lastDay - entryWeekDays) / 7) + 1);
    }
  });

  it("gives days in each state, on public support and expenditure per arm and their causal difference within 4 SE of truth.paths", () => {
    const truth = sim.truth.paths!;
    const byArm = { control: [] as PathValues[], intervention: [] as PathValues[] };
    const differences: PathValues[] = [];
    for (const citizen of eligible) {
      const control = valuesOf(config, citizen, citizen.path!.potentialStates.control, horizons);
      const intervention = valuesOf(config, citizen, citizen.path!.potentialStates.intervention, horizons);
      byArm[citizen.arm!].push(citizen.arm === "control" ? control : intervention);
      differences.push({
        days: control.days.map((row, horizon) => row.map((value, state) => value - intervention.days[horizon]![state]!)),
        expenditure: control.expenditure.map((value, horizon) => value - intervention.expenditure[horizon]!),
      });
    }
    const keys = [...STATES, "public"] as const;
    horizons.forEach((tau, horizon) => {
      const key = String(tau);
      keys.forEach((state, index) => {
        for (const arm of ["control", "intervention"] as const) {
          const { mean, error } = meanAndStandardError(byArm[arm].map((values) => values.days[horizon]![index]!));
          expect(Math.abs(record(`${arm} ${state} ${tau}`, mean, truth.armContrast.days[key]![state][arm], error))).toBeLessThan(4);
        }
        const { mean, error } = meanAndStandardError(differences.map((values) => values.days[horizon]![index]!));
        expect(Math.abs(record(`causal difference ${state} ${tau}`, mean, truth.causal.days[key]![state].difference, error))).toBeLessThan(4);
      });
      for (const arm of ["control", "intervention"] as const) {
        const { mean, error } = meanAndStandardError(byArm[arm].map((values) => values.expenditure[horizon]!));
        expect(Math.abs(record(`${arm} expenditure ${tau}`, mean, truth.armContrast.expenditure[key]![arm], error))).toBeLessThan(4);
      }
      const { mean, error } = meanAndStandardError(differences.map((values) => values.expenditure[horizon]!));
      expect(Math.abs(record(`causal difference expenditure ${tau}`, mean, truth.causal.expenditure[key]!.difference, error))).toBeLessThan(4);
    });
    expect(zScores.length).toBe(horizons.length * (keys.length * 3 + 3));
  });

  it("gives the first spell's restricted mean and exit to self-support per arm within 4 SE of truth.armContrast (the paths' first spell)", () => {
    for (const [horizon, truth] of Object.entries(sim.truth.armContrast.restrictedMean)) {
      for (const arm of ["control", "intervention"] as const) {
        const { mean, error } = meanAndStandardError(eligible.filter((citizen) => citizen.arm === arm).map((citizen) => Math.min(citizen.durationDays!, Number(horizon))));
        expect(Math.abs(record(`${arm} first-spell restricted mean ${horizon}`, mean, truth[arm], error))).toBeLessThan(4);
      }
    }
    for (const [weeks, truth] of Object.entries(sim.truth.armContrast.exitToSelfSupport)) {
      for (const arm of ["control", "intervention"] as const) {
        const exited = eligible.filter((citizen) => citizen.arm === arm).map((citizen) => (citizen.durationDays! <= Number(weeks) * 7 && citizen.exit === "selvforsørgelse" ? 1 : 0));
        const { mean, error } = meanAndStandardError(exited);
        expect(Math.abs(record(`${arm} exit to self-support by week ${weeks}`, mean, truth[arm], error))).toBeLessThan(4);
      }
    }
  });

  it("gives Aalen-Johansen restricted means on the censored observed paths (a fifth of the citizens) within 4 SE of truth.paths.armContrast", () => {
    const extraction = toDayNumber(EXTRACTION);
    const columns = { id: [] as number[], group: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[] };
    let moved = 0;
    for (const citizen of eligible.filter((_, index) => index % 5 === 0)) {
      const path = citizen.path!;
      const states = citizen.arm === "intervention" ? path.potentialStates.intervention : path.potentialStates.control;
      const start = toDayNumber(citizen.firstUnemploymentDay);
      const weekStart = (week: number) => 7 - path.entryWeekday + 7 * (week - 1);
      // Observed through the day before the extraction date, or the day before the week the citizen moved.
      let lastDay = extraction - start - 1;
      if (path.moveWeek !== null && weekStart(path.moveWeek) - 1 < lastDay) {
        lastDay = weekStart(path.moveWeek) - 1;
        moved++;
      }
      let from = REPORTED[states[0]!]!;
      let episodeStart = 0;
      for (let week = 1; weekStart(week) <= lastDay; week++) {
        const state = REPORTED[states[week]!]!;
        if (state === from) continue;
        columns.id.push(citizen.index);
        columns.group.push(citizen.arm!);
        columns.start.push(episodeStart);
        columns.stop.push(weekStart(week));
        columns.from.push(STATES[from]!);
        columns.to.push(STATES[state]!);
        from = state;
        episodeStart = weekStart(week);
      }
      // Censored after the last observed day: at risk for the week starts up to it, not after.
      columns.id.push(citizen.index);
      columns.group.push(citizen.arm!);
      columns.start.push(episodeStart);
      columns.stop.push(lastDay + 0.5);
      columns.from.push(STATES[from]!);
      columns.to.push("censor");
    }
    expect(moved).toBeGreaterThan(100);
    const result = multiStateOccupancy(columns, { states: [...STATES], initial: "adp", taus: horizons, sets: { public: ["adp", "sickness", "cash"] }, groups: ["control", "intervention"] });
    const truth = sim.truth.paths!.armContrast.days;
    result.restrictedMean.forEach((entry) => {
      for (const state of [...STATES, "public"] as const) {
        for (const arm of ["control", "intervention"] as const) {
          const estimate = entry.byGroup[arm]![state]!;
          expect(Math.abs(record(`Aalen-Johansen ${arm} ${state} ${entry.tau}`, estimate.estimate, truth[String(entry.tau)]![state][arm], estimate.stdErr))).toBeLessThan(4);
        }
        const difference = entry.difference![state]!;
        expect(Math.abs(record(`Aalen-Johansen difference ${state} ${entry.tau}`, difference.estimate, truth[String(entry.tau)]![state].difference, difference.stdErr))).toBeLessThan(4);
      }
    });
    const largest = [...zScores].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 5);
    console.info(
      `path convergence: ${zScores.length} z-scores, mean |z| ${(zScores.reduce((sum, entry) => sum + Math.abs(entry.z), 0) / zScores.length).toFixed(2)}; largest ${largest.map((entry) => `${entry.name} ${entry.z.toFixed(2)}`).join("; ")}\n` +
        zScores.map((entry) => `  ${entry.name}: ${entry.z.toFixed(2)}`).join("\n"),
    );
  });
});
