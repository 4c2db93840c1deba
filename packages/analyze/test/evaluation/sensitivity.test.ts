import { loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation, type EvaluationData } from "../../src/evaluation/from-simulation.ts";
import { analyzeNoteText } from "../../src/messages.ts";
import type { Results } from "../../src/results-schema.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
let data: EvaluationData;
let results: Results;

const evaluate = (input: Partial<EvaluationData> = {}) =>
  evaluateTrial({ config, ...data, benefitWeeks: null, ...input, asOf: "2018-03-01", seed: 1, now: new Date("2018-03-02T00:00:00Z"), toolVersion: "test" });

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  data = evaluationDataFromSimulation(simulateTrial(config, { weeklyIntake: 30 }, randomSource(5)));
  results = evaluate();
});

const estimate = (value: Results["daysSaved"]) => ({ estimate: value.estimate, se: value.se, lower: value.lower, upper: value.upper, p: value.p });
const row = (key: string, tau?: number) => results.sensitivity!.rows.find((entry) => entry.key === key && (tau === undefined || entry.tau === tau))!;

describe("sensitivity analyses in evaluateTrial", () => {
  it("evaluateTrial(...).sensitivity lists the primary, the two heaping subsets, three horizons and the covariate-adjusted estimate", () => {
    expect(results.sensitivity!.rows.map((entry) => [entry.key, entry.tau])).toEqual([
      ["primary", 364],
      ["without-born-first-of-month", 364],
      ["without-born-january-1", 364],
      ["horizon", 182],
      ["horizon", 273],
      ["horizon", 364],
      ["covariate-adjusted", 364],
    ]);
    expect(row("primary").daysSaved).toEqual(estimate(results.daysSaved));
  });

  it("the rows without the citizens born on the 1st, and born 1 January, are the primary estimate of the trial without them", () => {
    for (const [key, flag] of [["without-born-first-of-month", "bornFirstOfMonth"], ["without-born-january-1", "bornFirstJanuary"]] as const) {
      const without = evaluate({ cohort: data.cohort.filter((member) => member[flag] !== true) });
      expect(row(key).daysSaved).toEqual(estimate(without.daysSaved));
      const left = { control: 0, intervention: 0 };
      for (const member of data.cohort) if (member[flag] === true) left[member.arm]++;
      // The rule sends day 1 to the intervention: nobody is left out of control.
      expect(left.control).toBe(0);
      expect(row(key).leftOut).toEqual({ control: 0, intervention: left.intervention });
    }
  });

  it("the horizon rows are days saved at 182, 273 and 364 days with the share still at risk, and flag the horizons where fewer than 10 % are", () => {
    const rmst182 = results.duration.rmst.find((entry) => entry.tau === 182)!;
    expect(row("horizon", 182).daysSaved.estimate).toBeCloseTo(-rmst182.difference.estimate!, 12);
    for (const tau of [182, 273, 364]) {
      const atRisk = row("horizon", tau).atRisk!;
      for (const arm of ["control", "intervention"] as const) {
        // at risk at tau: the first spell still running (or ending) at tau
        const analysed = results.flow.analysed[arm]!;
        const expected = atRisk[arm].n === null ? null : atRisk[arm].n! / analysed;
        expect(atRisk[arm].share).toBe(expected);
      }
      const lowest = Math.min(atRisk.control.share ?? 0, atRisk.intervention.share ?? 0);
      expect(row("horizon", tau).fewAtRisk).toBe(lowest < 0.1);
    }
    const flagged = results.notes!.filter((note) => note.code === "few-at-risk-at-tau");
    expect(flagged.length).toBeGreaterThan(0);
    for (const note of flagged) {
      expect(row("horizon", note.tau).fewAtRisk).toBe(true);
      expect(analyzeNoteText(note, "da")).toMatch(new RegExp(`^Ved ${note.tau} dage er kun \\d+,\\d % af en gruppe stadig i risiko \\(under 10,0 %\\)`));
    }
  });

  it("the covariate-adjusted row names its method and baseline variables (without the heaping flags) and says how much variance they remove", () => {
    const adjusted = row("covariate-adjusted");
    expect(adjusted.adjustment!.methodKey).toBe("pseudo-observation-regression");
    expect(adjusted.adjustment!.method).toMatch(/Andersen, Hansen & Klein 2004/);
    expect(adjusted.adjustment!.covariates).toContain("age at entry");
    expect(adjusted.adjustment!.covariates.some((name) => /born|replacement/i.test(name))).toBe(false);
    // Without covariates the same estimator gives the primary standard error (the IJ variance equals R's rmean variance).
    expect(adjusted.adjustment!.unadjustedSe).toBeCloseTo(results.daysSaved.se!, 8);
    expect(adjusted.adjustment!.precisionGain).toBeCloseTo(1 - (adjusted.daysSaved.se! / adjusted.adjustment!.unadjustedSe) ** 2, 12);
  });

  it("evaluateTrial on a cohort without birth-date flags says the heaping subsets cannot be made", () => {
    const unflagged = evaluate({ cohort: data.cohort.map((member) => ({ ...member, bornFirstOfMonth: null })) });
    const subset = unflagged.sensitivity!.rows.find((entry) => entry.key === "without-born-first-of-month")!;
    expect([subset.unavailable, subset.daysSaved.estimate, subset.leftOut]).toEqual(["flag-unknown", null, null]);
    expect(unflagged.notes).toContainEqual(expect.objectContaining({ code: "heaping-flag-unknown", flag: "born-first-of-month" }));
  });
});

describe("the completed-spell average", () => {
  it("evaluateTrial(...).completedSpells has the difference without interval or p-value, labelled as biased towards short spells", () => {
    const completed = results.completedSpells;
    expect(completed.label).toBe("biased-towards-short-spells");
    expect(completed.difference).toEqual({ estimate: completed.control.mean! - completed.intervention.mean!, se: null, lower: null, upper: null, p: null });
    expect(results.definitions["completedSpells"]).toMatch(/biased towards short spells/);
  });
});

describe("the sign convention", () => {
  it("definitions.signConvention says once that a positive number is a gain for the intervention, and days saved and self-support agree with it", () => {
    expect(results.definitions["signConvention"]).toMatch(/^Every effect in this file is oriented so that a positive number is a gain for the intervention/);
    // days saved: control minus intervention days
    const rmst = results.duration.rmst.find((entry) => entry.tau === 364)!;
    expect(results.daysSaved.estimate).toBeCloseTo(rmst.byGroup.control.rmst - rmst.byGroup.intervention.rmst, 12);
    // self-support: intervention minus control share
    const at26 = results.selfSupport.at.find((entry) => entry.weeks === 26)!;
    expect(at26.difference.estimate).toBeCloseTo(at26.intervention.estimate! - at26.control.estimate!, 12);
  });
});
