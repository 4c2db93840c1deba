import { isoWeekOf, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAnalysisSet } from "../../src/evaluation/analysis-set.ts";
import { deriveSpells } from "../../src/evaluation/derive-spells.ts";
import { estimateDaysSaved, evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import { type CohortMember, type Spell } from "../../src/evaluation/model.ts";
import { ResultsSchema } from "../../src/results-schema.ts";
import { simulateTrial, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { randomSource } from "@jobtrial/survival";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
let simulation: Simulation;

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  simulation = simulateTrial(config, { weeklyIntake: 40 }, randomSource(7));
});

function member(pseudonym: string, arm: "control" | "intervention", firstUnemploymentDay: string): CohortMember {
  return {
    pseudonym,
    arm,
    intakeWeek: isoWeekOf(firstUnemploymentDay),
    firstUnemploymentDay,
    ageAtEntry: 40,
    sex: "female",
    industryGroup: "Handel og service",
    bornFirstJanuary: false,
    bornFirstOfMonth: false,
    replacementNumber: false,
    voided: false,
    covariates: {},
  };
}

describe("buildAnalysisSet", () => {
  it("buildAnalysisSet(cohort, spells, asOf) censors at the as-of date, counts days inclusively and excludes late entries", () => {
    const cohort = [
      member("b", "control", "2017-01-02"),
      member("a", "intervention", "2017-01-02"),
      member("c", "control", "2017-03-01"),
      member("d", "intervention", "2017-02-01"),
      member("e", "control", "2017-01-10"),
    ];
    const spells: Spell[] = [
      { pseudonym: "a", start: "2017-01-02", end: "2017-01-11", exitState: "self-support", censorReason: null },
      { pseudonym: "b", start: "2017-01-02", end: null, exitState: null, censorReason: null },
      { pseudonym: "c", start: "2017-03-01", end: null, exitState: null, censorReason: null },
      { pseudonym: "e", start: "2017-01-10", end: "2017-01-20", exitState: null, censorReason: "moved away" },
    ];
    const set = buildAnalysisSet(cohort, spells, "2017-02-01");
    const byPerson = Object.fromEntries(set.rows.map((row) => [row.member.pseudonym, { time: row.time, event: row.event, reason: row.censorReason }]));
    // a: 2 January to 11 January inclusive = 10 days; b: running, followed 2 January to 31 January = 30 days.
    expect(byPerson).toEqual({
      a: { time: 10, event: true, reason: null },
      b: { time: 30, event: false, reason: "as-of date" },
      e: { time: 11, event: false, reason: "moved away" },
    });
    expect(set.excluded).toEqual([
      { reason: "entered on or after the as-of date", control: 1, intervention: 1 },
      { reason: "no outcome data", control: 0, intervention: 0 },
    ]);
  });
});

describe("evaluateTrial on a simulated trial", () => {
  it("evaluateTrial(simulated data) parses with ResultsSchema and its days-saved interval covers the simulator's truth", () => {
    const data = evaluationDataFromSimulation(simulation);
    const results = evaluateTrial({ config, ...data, seed: 7, now: new Date("2018-03-01T12:00:00Z"), toolVersion: "test" });
    expect(ResultsSchema.safeParse(results).success).toBe(true);
    expect(results.daysSaved.tau).toBe(364);
    expect(results.daysSaved.lower!).toBeLessThanOrEqual(simulation.truth.armContrast.daysSaved);
    expect(results.daysSaved.upper!).toBeGreaterThanOrEqual(simulation.truth.armContrast.daysSaved);
    // every measure block is filled
    expect(results.process).not.toBeNull();
    expect(results.secondary?.applications).not.toBeNull();
    expect(results.selfSupport.at.map((row) => row.weeks)).toEqual([13, 26, 52]);
    expect(results.duration.rmst.map((row) => row.tau)).toEqual([182, 364]);
    expect(results.subgroups.map((row) => row.variable)).toEqual(["industry group", "sex", "born 1 January"]);
  });

  it("evaluateTrial(...) gives the same results for the same inputs and seed", () => {
    const data = evaluationDataFromSimulation(simulation);
    const input = { config, ...data, seed: 3, now: new Date("2018-03-01T12:00:00Z"), toolVersion: "test" };
    expect(JSON.stringify(evaluateTrial(input))).toBe(JSON.stringify(evaluateTrial(input)));
  });

  it("evaluateTrial(...) writes no pseudonym, CPR number or birth date", () => {
    const data = evaluationDataFromSimulation(simulation);
    const json = JSON.stringify(evaluateTrial({ config, ...data, seed: 1, now: new Date(0), toolVersion: "test" }));
    for (const citizen of simulation.citizens.slice(0, 500)) {
      expect(json.includes(citizen.cpr)).toBe(false);
      expect(json.includes(citizen.cpr.slice(0, 6) + "-")).toBe(false);
      expect(json.includes(`sim-${citizen.index}"`)).toBe(false);
    }
    expect(/\b\d{6}-\d{4}\b/.test(json)).toBe(false);
  });

  it("evaluateTrial(...) suppresses every flow and intake count from 1 to the minimum cell size - 1", () => {
    const data = evaluationDataFromSimulation(simulation);
    const results = evaluateTrial({ config, ...data, seed: 1, now: new Date(0), toolVersion: "test" });
    const counts = [
      ...results.intake.byWeek.flatMap((row) => [row.control, row.intervention]),
      ...results.flow.excluded.flatMap((row) => [row.control, row.intervention]),
      ...results.flow.censored.flatMap((row) => [row.control, row.intervention]),
      ...results.duration.riskTable.flatMap((row) => [row.control.nRisk, row.intervention.cumEvents]),
    ];
    // shown counts are 0 (identifies no one) or at least the minimum; 1 to minimum - 1 is null
    for (const count of counts) if (count !== null && count !== 0) expect(count).toBeGreaterThanOrEqual(config.disclosure.minCellSize);
    for (const arm of ["control", "intervention"] as const) for (const row of results.km[arm]) expect(row.nRisk).toBeGreaterThanOrEqual(config.disclosure.minCellSize);
  });

  it("evaluateTrial(...) writes stable codes beside English reasons and keys beside built-in covariate names", () => {
    const data = evaluationDataFromSimulation(simulation);
    const results = evaluateTrial({ config, ...data, seed: 1, now: new Date(0), toolVersion: "test" });
    expect(results.flow.excluded.map((entry) => [entry.reason, entry.code])).toEqual([
      ["entered on or after the as-of date", "entered-after-as-of"],
      ["no outcome data", "no-outcome-data"],
    ]);
    expect(results.flow.censored.find((entry) => entry.reason === "as-of date")?.code).toBe("as-of-date");
    expect(results.balance.slice(0, 2).map((row) => [row.covariate, row.key])).toEqual([
      ["age at entry", "age"],
      ["sex", "sex"],
    ]);
    expect(results.subgroups.map((row) => row.key)).toEqual(["industryGroup", "sex", "bornFirstJanuary"]);
    for (const alert of results.allocation.alerts ?? []) expect(["share-differs", "heaping-first-of-month", "heaping-january-1"]).toContain(alert.code);
    expect(results.allocation.alerts?.length).toBe(results.allocation.warnings.length);
  });

  it("evaluateTrial(...) without screening counts lists them as unknown, not suppressed", () => {
    const data = evaluationDataFromSimulation(simulation);
    const results = evaluateTrial({ config, ...data, seed: 1, now: new Date(0), toolVersion: "test" });
    expect(results.flow.screened).toBeNull();
    expect(results.unknown).toEqual(["flow.screened", "flow.ineligible", "flow.invalid"]);
    const withScreening = evaluateTrial({ config, ...data, screening: { screened: 4000, ineligible: [{ reason: "in-the-future", n: 0 }], invalid: 3 }, seed: 1, now: new Date(0), toolVersion: "test" });
    expect(withScreening.unknown).toEqual([]);
    // 0 is shown, 3 is suppressed
    expect([withScreening.flow.ineligible[0]!.n, withScreening.flow.invalid]).toEqual([0, null]);
  });

  it("estimateDaysSaved(...) equals the days to first exit of the full evaluation, and its days saved without the panel", () => {
    const data = evaluationDataFromSimulation(simulation);
    const fast = estimateDaysSaved(data.cohort, data.spells, config.evaluation.date, 364);
    const full = evaluateTrial({ config, ...data, seed: 1, now: new Date(0), toolVersion: "test" });
    expect(fast.daysSaved).toEqual(full.daysToFirstExit);
    expect(full.daysSaved.measure).toBe("days-on-benefit");
    const withoutPanel = evaluateTrial({ config, ...data, benefitWeeks: null, seed: 1, now: new Date(0), toolVersion: "test" });
    expect(withoutPanel.daysSaved).toEqual({ ...fast.daysSaved, measure: "days-to-first-exit" });
    expect([withoutPanel.paths, withoutPanel.expenditure, withoutPanel.pathNotes?.map((note) => note.code)]).toEqual([null, null, ["no-benefit-panel"]]);
    // the naive completed-spell difference is what completedSpells reports
    expect(fast.naiveCompletedDifference).toBeCloseTo(full.completedSpells.difference.estimate!, 10);
  });
});

describe("deriveSpells", () => {
  it("deriveSpells(panel) equals the spell table of the simulated data, week by week", () => {
    const data = evaluationDataFromSimulation(simulation);
    const panel = simulation.benefitWeeks.map((row) => ({ pseudonym: `sim-${row.citizen}`, week: row.week, code: row.code }));
    const asOf = simulation.options.extractionDate;
    const derived = new Map(deriveSpells(panel, data.cohort, asOf).map((spell) => [spell.pseudonym, spell]));
    const lastWeek = isoWeekOf(new Date(Date.parse(asOf) - 86_400_000).toISOString().slice(0, 10));
    let compared = 0;
    for (const spell of data.spells) {
      const got = derived.get(spell.pseudonym)!;
      expect(got).toBeDefined();
      if (spell.end === null || isoWeekOf(spell.end) === lastWeek) {
        // Running, or ended in the extract's last week (no week without benefit seen yet): running.
        expect(got.end).toBeNull();
      } else {
        expect({ week: isoWeekOf(got.end!), exit: got.exitState }).toEqual({ week: isoWeekOf(spell.end), exit: spell.exitState });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("deriveSpells(panel, { weeksWithoutBenefitToEnd: 2 }) bridges a one-week gap and reads the exit from the week after", () => {
    const cohort = [member("p", "control", "2017-01-04")];
    const panel = [
      { pseudonym: "p", week: "2017-W01", code: "111" },
      { pseudonym: "p", week: "2017-W02", code: "111" },
      { pseudonym: "p", week: "2017-W04", code: "111" },
      { pseudonym: "p", week: "2017-W07", code: "651" },
    ];
    expect(deriveSpells(panel, cohort, "2017-03-01", { weeksWithoutBenefitToEnd: 2 })).toEqual([
      { pseudonym: "p", start: "2017-01-04", end: "2017-01-29", exitState: "self-support", censorReason: null },
    ]);
    expect(deriveSpells(panel, cohort, "2017-03-01", { weeksWithoutBenefitToEnd: 2, selfSupportMinWeeks: 3 })[0]!.exitState).toBe("uddannelse");
  });
});
