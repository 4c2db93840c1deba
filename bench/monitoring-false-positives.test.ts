/**
 * The reduced version of bench/monitoring-false-positives.ts (see bench/README.md,
 * "Monitoring: false positives"): fewer trials, bands as wide as the Monte Carlo error
 * of that many trials needs, still far from the naive rule's rate, so a boundary that
 * is not adjusted for the looks cannot pass.
 */
import { describe, expect, it } from "vitest";
import { randomSource } from "@jobtrial/survival";
import { simulateCanonical, simulateTrials } from "./monitoring-false-positives.ts";

describe("monitoring false positives (reduced)", () => {
  it("simulateCanonical: 20,000 null sequences of 8 equally spaced looks reject 4.4-5.6 % with the boundaries (±3.9 Monte Carlo SE) and about 17.6 % naively", () => {
    const result = simulateCanonical(20_000, randomSource("14-canonical-reduced"));
    // Monte Carlo SE at 5 %: sqrt(0.05 · 0.95 / 20,000) = 0.15 %.
    expect(result.monitored.rate).toBeGreaterThanOrEqual(0.044);
    expect(result.monitored.rate).toBeLessThanOrEqual(0.056);
    // The naive rate by integration is 17.63 % (Armitage, McPherson & Rowe: 17-18 % at 8 looks);
    // the simulation agrees within 4 Monte Carlo SE (0.27 %).
    expect(result.naiveExact).toBeCloseTo(0.1763, 4);
    expect(Math.abs(result.naive.rate - result.naiveExact)).toBeLessThan(4 * result.naive.monteCarloSe);
  });

  it("simulateTrials: 300 null trials with seasonal staggered intake and log-rank at 8 quarterly looks reject 2-9 % with recomputed boundaries, the naive rule at least 12 %", () => {
    const result = simulateTrials(300, randomSource("14-trials-reduced"));
    expect(result.projectionFailures).toBe(0);
    expect(result.monitored.trials).toBe(300);
    // Monte Carlo SE at 5 % with 300 trials: 1.26 %; the band is -2.4 to +3.2 SE. The
    // naive rate (about 17 %, SE 2.2 %) lies more than 3.5 of its SE above 9 %.
    expect(result.monitored.rate).toBeGreaterThanOrEqual(0.02);
    expect(result.monitored.rate).toBeLessThanOrEqual(0.09);
    expect(result.naive.rate).toBeGreaterThanOrEqual(0.12);
    // The fractions really are uneven and end at 1.
    expect(result.meanFractions[0]).toBeLessThan(0.1);
    expect(result.meanFractions.at(-1)).toBe(1);
  });
});
