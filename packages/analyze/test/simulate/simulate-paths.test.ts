/**
 * The path model's data: the weekly benefit panel carries every path exactly (so an
 * estimator on the panel sees what the model did), the spell table is the panel's first
 * A-dagpenge spell, and the option leaves the default simulation alone.
 */
import { addDays, isoWeekOf, isoWeekStart, toDayNumber, fromDayNumber } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveSpells } from "../../src/evaluation/derive-spells.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import { prepareSimulation } from "../../src/simulate/model.ts";
import { REPORTED_STATE, PATH_STATES } from "../../src/simulate/path-model.ts";
import { simulateTrial, simulateWithModel, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { simulationFiles } from "../../src/simulate/write-simulation.ts";
import { esbjergConfig } from "./helpers.ts";

const config = esbjergConfig();
const options = { fromWeek: "2017-W01", toWeek: "2018-W08", paths: true } as const;
/** Panel code -> reported state; no row: job. */
const STATE_OF_CODE: Record<string, string> = { "111": "adp", "890": "sickness", "130": "cash", "651": "education" };

describe("simulateTrial(config, { paths: true })", () => {
  let sim: Simulation;
  beforeAll(() => {
    sim = simulateTrial(config, options, randomSource(2017));
  });

  it("writes each citizen's path into the weekly panel exactly: the prior history, then one code per observed week, 997 from the move on", () => {
    const byCitizen = new Map<number, Map<string, string>>();
    for (const row of sim.benefitWeeks) {
      let weeks = byCitizen.get(row.citizen);
      if (!weeks) byCitizen.set(row.citizen, (weeks = new Map()));
      expect(weeks.has(row.week), "one code per person and week").toBe(false);
      weeks.set(row.week, row.code);
    }
    const lastObservedMonday = toDayNumber(isoWeekStart(isoWeekOf(addDays(sim.options.extractionDate, -1))));
    let checkedWeeks = 0;
    const mismatches: string[] = [];
    for (const citizen of sim.citizens) {
      if (!citizen.eligible) {
        expect(citizen.path).toBeNull();
        continue;
      }
      const path = citizen.path!;
      const weeks = byCitizen.get(citizen.index) ?? new Map<string, string>();
      const entryMonday = toDayNumber(citizen.firstUnemploymentDay) - path.entryWeekday;
      const weekName = (index: number) => isoWeekOf(fromDayNumber(entryMonday + 7 * index));
      // Before the entry week: exactly the prior history's weeks, ending priorGapWeeks before it.
      const before = [...weeks.keys()].filter((week) => week < weekName(0));
      const expectedBefore = [];
      for (let index = -(path.priorGapWeeks + path.priorWeeks); index <= -(path.priorGapWeeks + 1); index++) expectedBefore.push(weekName(index));
      expect(before).toEqual(expectedBefore);
      for (const week of before) expect(weeks.get(week)).toBe(path.priorCode);
      // From the entry week to the extraction: decoding the panel gives the latent path until the move.
      const states = citizen.arm === "intervention" ? path.potentialStates.intervention : path.potentialStates.control;
      const lastObserved = (lastObservedMonday - entryMonday) / 7;
      expect(states.length).toBeGreaterThan(lastObserved);
      for (let index = 0; index <= lastObserved; index++) {
        const code = weeks.get(weekName(index));
        const seen = code === "997" ? "moved" : code === undefined ? "job" : STATE_OF_CODE[code];
        const latent = path.moveWeek !== null && index >= path.moveWeek ? "moved" : PATH_STATES[REPORTED_STATE[states[index]!]!];
        if (seen !== latent) mismatches.push(`citizen ${citizen.index} week ${index}: panel ${seen}, path ${latent}`);
        checkedWeeks++;
      }
      expect([...weeks.keys()].filter((week) => week > weekName(lastObserved))).toEqual([]);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checkedWeeks).toBeGreaterThan(50_000);
  });

  it("has returns to A-dagpenge, every destination, moves and prior histories of every kind", () => {
    const eligible = sim.citizens.filter((citizen) => citizen.eligible);
    const returned = eligible.filter((citizen) => {
      const states = citizen.path!.potentialStates.control;
      const firstOff = states.findIndex((state) => state !== 0);
      return firstOff > 0 && states.slice(firstOff).includes(0);
    });
    expect(returned.length).toBeGreaterThan(100);
    expect(new Set(sim.spells.map((spell) => spell.exit))).toEqual(new Set([null, "selvforsørgelse", "uddannelse", "sygedagpenge", "anden offentlig ydelse", "fraflyttet"]));
    expect(new Set(eligible.map((citizen) => citizen.path!.priorCode))).toEqual(new Set([null, "111", "890", "130"]));
    const withHistory = eligible.filter((citizen) => citizen.path!.priorCode !== null).length / eligible.length;
    expect(withHistory).toBeGreaterThan(0.2);
    expect(withHistory).toBeLessThan(0.4);
  });

  it("ends every first spell on a Sunday, the day before a week start, and deriveSpells(panel) gives the spell table exactly", () => {
    const data = evaluationDataFromSimulation(sim);
    const panel = sim.benefitWeeks.map((row) => ({ pseudonym: `sim-${row.citizen}`, week: row.week, code: row.code }));
    const derived = deriveSpells(panel, data.cohort, sim.options.extractionDate);
    expect(derived).toEqual(data.spells);
    for (const spell of sim.spells) {
      if (spell.end === null) continue;
      expect((toDayNumber(spell.end) + 3) % 7, "Sunday").toBe(6);
      expect(spell.observedDays).toBe(toDayNumber(spell.end) - toDayNumber(spell.start) + 1);
    }
    expect(sim.spells.filter((spell) => spell.end !== null).length).toBeGreaterThan(1500);
  });

  it("gives byte-identical files for the same seed, and the same paths and spells when the panel is skipped", () => {
    const again = simulateTrial(config, options, randomSource(2017));
    const first = simulationFiles(sim);
    const second = simulationFiles(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, text] of first) expect(second.get(path) === text, path).toBe(true);
    const fast = simulateWithModel(prepareSimulation(config, { ...options, include: { conversations: false, benefitWeeks: false, secondary: false } }), randomSource(2017));
    expect(fast.spells).toEqual(sim.spells);
    expect(fast.citizens.map((citizen) => citizen.path)).toEqual(sim.citizens.map((citizen) => citizen.path));
    expect(JSON.parse(first.get("truth.json")!).paths.daysSaved).toBeCloseTo(9, 6);
  });
});
