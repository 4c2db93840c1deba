import { describe, expect, it } from "vitest";
import { SimulationOptionsError } from "../../src/simulate/options.ts";
import { computeTruth, SimulationTruthSchema } from "../../src/simulate/truth.ts";
import { esbjergConfig } from "./helpers.ts";

const config = esbjergConfig();
/** These tests are of the first-spell model; the path model (the default) has its own in path-truth.test.ts. */
const firstSpell = { paths: false } as const;

describe("computeTruth (first-spell model, paths: false)", () => {
  it("computeTruth(config, { paths: false }) solves the hazard ratio so the whole population saves the trial's expected days at the primary horizon", () => {
    const truth = computeTruth(config, firstSpell);
    expect(SimulationTruthSchema.safeParse(truth).success).toBe(true);
    expect(truth.horizonDays).toBe(config.evaluation.primaryHorizonDays);
    expect(truth.daysSaved).toBeCloseTo(config.expectations.daysSaved, 6);
    expect(truth.causal.restrictedMean[String(truth.horizonDays)]!.difference).toBeCloseTo(config.expectations.daysSaved, 6);
    expect(truth.hazardRatio).toBeGreaterThan(1);
  });

  it("computeTruth(config, { paths: false }) puts the control median at controlMedianDays", () => {
    expect(computeTruth(config, { ...firstSpell, controlMedianDays: 98 }).causal.median.control).toBe(98);
    expect(computeTruth(config, { ...firstSpell, controlMedianDays: 120 }).causal.median.control).toBe(120);
  });

  it("computeTruth with days saved at 182 days solves at that horizon", () => {
    const truth = computeTruth(config, { ...firstSpell, effect: { kind: "days-saved", days: 4, horizonDays: 182 } });
    expect(truth.causal.restrictedMean["182"]!.difference).toBeCloseTo(4, 6);
  });

  it("computeTruth with hazard ratio 1 has no effect on any quantity", () => {
    const truth = computeTruth(config, { ...firstSpell, effect: { kind: "hazard-ratio", hazardRatio: 1 } });
    expect(truth.daysSaved).toBe(0);
    for (const value of Object.values(truth.causal.restrictedMean)) expect(value.difference).toBe(0);
    for (const value of Object.values(truth.causal.exitToSelfSupport)) expect(value.difference).toBe(0);
    expect(truth.causal.coxHazardRatio).toBeCloseTo(1, 6);
  });

  it("computeTruth: a larger hazard ratio saves more days", () => {
    const small = computeTruth(config, { ...firstSpell, effect: { kind: "hazard-ratio", hazardRatio: 1.05 } });
    const large = computeTruth(config, { ...firstSpell, effect: { kind: "hazard-ratio", hazardRatio: 1.2 } });
    expect(large.daysSaved).toBeGreaterThan(small.daysSaved);
    expect(small.daysSaved).toBeGreaterThan(0);
  });

  it("computeTruth: without 1-January heaping the arm contrast equals the causal effect", () => {
    const truth = computeTruth(config, { ...firstSpell, januaryFirstShareOfForeignBorn: 0 });
    expect(truth.armContrast.daysSaved).toBeCloseTo(truth.daysSaved, 5);
    expect(truth.composition.foreignBornShareByArm.intervention).toBeCloseTo(truth.composition.foreignBornShareByArm.control, 6);
  });

  it("computeTruth: heaping with longer spells abroad makes the arm contrast understate the effect, modestly by default", () => {
    const truth = computeTruth(config, firstSpell);
    const bias = truth.armContrast.daysSaved - truth.daysSaved;
    expect(bias).toBeLessThan(0);
    expect(Math.abs(bias)).toBeLessThan(1);
    expect(truth.composition.foreignBornShareByArm.intervention).toBeGreaterThan(truth.composition.foreignBornShareByArm.control);
    const stronger = computeTruth(config, { ...firstSpell, foreignBornTimeRatio: 1.5 });
    expect(stronger.armContrast.daysSaved - stronger.daysSaved).toBeLessThan(bias);
  });

  it("computeTruth rejects an effect no hazard ratio can give, and a horizon beyond the benefit period", () => {
    expect(() => computeTruth(config, { ...firstSpell, effect: { kind: "days-saved", days: 150 } })).toThrow(SimulationOptionsError);
    expect(() => computeTruth(config, { ...firstSpell, effect: { kind: "days-saved", days: 9, horizonDays: 800 } })).toThrow(SimulationOptionsError);
  });
});
