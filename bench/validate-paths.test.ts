/**
 * The reduced version of bench/validate-paths.ts (see bench/README.md, "Path measures:
 * validation by simulation"): 60 smaller trials instead of 1000. The bands allow for the
 * Monte Carlo error of 60 trials and still fail an estimator whose standard error is off
 * by a quarter or whose estimate is biased by half a standard error: the ratio of the mean
 * estimated SE to the empirical SE (Monte Carlo SE about 9 %) must lie in 0.8-1.25, the
 * coverage at least 85 % (a 25 % too small SE covers about 86 %, a 40 % too small one 77 %),
 * and the bias within 3 Monte Carlo SE (0.39 empirical SE).
 */
import { describe, expect, it } from "vitest";
import { MEASURES, validatePaths } from "./validate-paths.ts";

describe("path measures validated by simulation (reduced)", () => {
  it("validatePaths(60 trials): days on A-dagpenge, on public support and the expenditure saving are unbiased, with standard errors that match their spread", async () => {
    const result = await validatePaths({ trials: 60, seed: "13-paths-reduced", weeklyIntake: 20 });
    const report = Object.fromEntries(
      MEASURES.map((measure) => {
        const m = result.measures[measure];
        return [measure, { estimable: m.estimable, seRatioInBand: m.meanSe / m.empiricalSe >= 0.8 && m.meanSe / m.empiricalSe <= 1.25, coverageAtLeast85: m.coverage >= 0.85, biasWithin3McSe: Math.abs(m.bias) <= 3 * m.biasMonteCarloSe }];
      }),
    );
    const pass = { estimable: 60, seRatioInBand: true, coverageAtLeast85: true, biasWithin3McSe: true };
    expect(report).toEqual({ daysOnBenefit: pass, daysOnPublicSupport: pass, expenditure: pass });
    // The truth is the simulator's exact arm contrast: 9 days saved (causal) is about 8.8 for the arms the rule forms.
    expect(result.measures.daysOnBenefit.truth).toBeCloseTo(8.79, 1);
  }, 900_000);
});
