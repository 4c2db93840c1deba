/**
 * The path measures of results.json: time in states worked by hand on the three citizens
 * of path-fixtures.ts, and the whole evaluation of a large simulated trial with paths
 * recovering the simulator's exact truth (days in every state, on public support, and the
 * expenditure, per arm and their differences).
 */
import { DEFAULT_BENEFIT_STATES, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { benefitPaths } from "../../src/evaluation/benefit-paths.ts";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import { estimatePathMeasures } from "../../src/evaluation/path-measures.ts";
import { timeInStates } from "../../src/evaluation/time-in-states.ts";
import { ResultsSchema, type Results } from "../../src/results-schema.ts";
import { simulateTrial, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { ASOF, COHORT, PANEL } from "./path-fixtures.ts";

const repo = new URL("../../../../", import.meta.url).pathname;

describe("timeInStates", () => {
  it("timeInStates(three citizens) gives the days in each state, days saved, public support and where the days went", () => {
    // Within 28 days: p1 (control) 21 days on A-dagpenge and 7 in a job; p2 14 on A-dagpenge and
    // 14 on sickness benefit, p3 28 on A-dagpenge (intervention: 21 and 7 on average).
    const set = benefitPaths(PANEL, COHORT, ASOF, DEFAULT_BENEFIT_STATES);
    const result = timeInStates(set, DEFAULT_BENEFIT_STATES, { taus: [28, 40], primaryTau: 28, minCellSize: 1 });
    expect(result.notEstimable).toEqual([40]);
    const days = Object.fromEntries(result.paths.byHorizon[0]!.states.map((entry) => [entry.state, [entry.control.estimate, entry.intervention.estimate]]));
    expect(days).toEqual({ adp: [21, 21], sickness: [0, 7], cash: [0, 0], education: [0, 0], job: [7, 0] });
    // Infinitesimal jackknife with complete follow-up: sqrt(Σ (Y_i - mean)²) / n = sqrt(2 × 7²) / 2.
    expect(result.paths.byHorizon[0]!.states[0]!.intervention.se).toBeCloseTo(7 / Math.SQRT2, 10);
    expect(result.daysSaved).toEqual({ estimate: 0, se: expect.closeTo(7 / Math.SQRT2, 10), lower: expect.any(Number), upper: expect.any(Number), p: 1, tau: 28, measure: "days-on-benefit" });
    // Public support: control 21, intervention 28 days; where the days went: +7 sickness, -7 job.
    expect(result.paths.publicSupportDaysSaved.estimate).toBe(-7);
    expect(result.paths.whereTheDaysWent.map((entry) => [entry.state, entry.estimate])).toEqual([
      ["sickness", 7],
      ["cash", 0],
      ["education", 0],
      ["job", -7],
    ]);
    expect([result.paths.analysed, result.paths.returned, result.paths.priorSupport]).toEqual([
      { control: 1, intervention: 2 },
      { control: 1, intervention: 0 },
      { control: 0, intervention: 1 },
    ]);
  });
});

describe("evaluateTrial on a simulated trial with paths", () => {
  let config: TrialConfig;
  let simulation: Simulation;
  let results: Results;
  beforeAll(() => {
    const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
    if (!loaded.ok) throw new Error("bundled trial.json invalid");
    config = loaded.config;
    simulation = simulateTrial(config, { paths: true, weeklyIntake: 300, include: { conversations: false, secondary: false, benefitWeeks: true } }, randomSource(20170101));
    results = evaluateTrial({ config, ...evaluationDataFromSimulation(simulation), seed: 1, now: new Date(0), toolVersion: "test" });
  }, 300_000);

  it("evaluateTrial(simulated paths) recovers the truth of every state, public support and expenditure within 4 standard errors", () => {
    const truth = simulation.truth.paths!.armContrast;
    const misses: string[] = [];
    const check = (what: string, estimate: number, se: number, expected: number) => {
      if (!(Math.abs(estimate - expected) <= 4 * se)) misses.push(`${what}: ${estimate.toFixed(2)} (SE ${se.toFixed(2)}) against ${expected.toFixed(2)}`);
    };
    expect(results.paths!.byHorizon.map((entry) => entry.tau)).toEqual([182, 364]);
    let checked = 0;
    for (const horizon of results.paths!.byHorizon) {
      const expected = truth.days[String(horizon.tau)]!;
      for (const entry of [...horizon.states, horizon.public]) {
        const target = expected[entry.state as keyof typeof expected];
        check(`${entry.state} control at ${horizon.tau}`, entry.control.estimate, entry.control.se, target.control);
        check(`${entry.state} intervention at ${horizon.tau}`, entry.intervention.estimate, entry.intervention.se, target.intervention);
        check(`${entry.state} difference at ${horizon.tau}`, entry.difference.estimate!, entry.difference.se!, -target.difference);
        checked += 3;
      }
    }
    for (const horizon of results.expenditure!.byHorizon) {
      const expected = truth.expenditure[String(horizon.tau)]!;
      check(`expenditure control at ${horizon.tau}`, horizon.control.estimate, horizon.control.se, expected.control);
      check(`expenditure intervention at ${horizon.tau}`, horizon.intervention.estimate, horizon.intervention.se, expected.intervention);
      check(`saving at ${horizon.tau}`, horizon.saving.estimate!, horizon.saving.se!, expected.difference);
      checked += 3;
    }
    expect(misses).toEqual([]);
    expect(checked).toBe(2 * 6 * 3 + 2 * 3);
    // The headline numbers are the primary horizon's, and the precision is what a trial of this size gives.
    expect(results.daysSaved.measure).toBe("days-on-benefit");
    expect(results.daysSaved.estimate).toBe(-results.paths!.byHorizon[1]!.states[0]!.difference.estimate!);
    expect(results.daysSaved.se!).toBeGreaterThan(0.5);
    expect(results.daysSaved.se!).toBeLessThan(3);
    expect(results.expenditure!.saving.estimate).toBe(results.expenditure!.byHorizon[1]!.saving.estimate);
  });

  it("evaluateTrial(simulated paths): where the days went sums to days saved, each arm's days to tau, and the file parses", () => {
    const saved = results.daysSaved.estimate!;
    const went = results.paths!.whereTheDaysWent.reduce((sum, entry) => sum + entry.estimate!, 0);
    expect(went).toBeCloseTo(saved, 9);
    for (const horizon of results.paths!.byHorizon) {
      for (const arm of ["control", "intervention"] as const) expect(horizon.states.reduce((sum, entry) => sum + entry[arm].estimate, 0)).toBeCloseTo(horizon.tau, 9);
    }
    // Returns to A-dagpenge and moves happen in the simulated paths, and a third has a prior history.
    expect(results.paths!.returned.control!).toBeGreaterThan(500);
    expect(results.paths!.movedAway.intervention!).toBeGreaterThan(20);
    expect(results.paths!.priorSupport.control! / results.paths!.analysed.control!).toBeGreaterThan(0.2);
    expect(results.daysToFirstExit!.tau).toBe(364);
    expect(results.pathNotes).toEqual([]);
    expect(ResultsSchema.parse(JSON.parse(JSON.stringify(results)))).toEqual(results);
  });

  it("estimatePathMeasures(...) gives the full evaluation's headline numbers", () => {
    const data = evaluationDataFromSimulation(simulation);
    const fast = estimatePathMeasures(data.cohort, data.benefitWeeks, simulation.options.extractionDate, config, 364);
    expect(fast.daysSaved).toEqual(results.daysSaved);
    expect(fast.publicSupportDaysSaved).toEqual(results.paths!.publicSupportDaysSaved);
    expect(fast.expenditureSaving).toEqual(results.expenditure!.saving);
  });
});
