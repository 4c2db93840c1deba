import { describe, expect, it } from "vitest";
import {
  chiSquareSurvival,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from "../src/distributions.ts";
import { logGamma, regularizedBeta } from "../src/special-functions.ts";

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

// Reference values from R 4.2.2 with options(digits = 17); each line is the R call.
const cases: [string, () => number, number][] = [
  ["qnorm(0.975)", () => normalQuantile(0.975), 1.9599639845400536],
  ["qnorm(0.001)", () => normalQuantile(0.001), -3.0902323061678132],
  ["qnorm(0.6)", () => normalQuantile(0.6), 0.25334710313579978],
  ["pnorm(-5)", () => normalCdf(-5), 2.8665157187919391e-7],
  ["pnorm(1.5)", () => normalCdf(1.5), 0.93319279873114191],
  ["pnorm(-10)", () => normalCdf(-10), 7.6198530241605269e-24],
  ["2 * pnorm(-1.959963984540054)", () => normalTwoSidedP(1.959963984540054), 0.050000000000000024],
  ["pt(-3.5, 2.5)", () => studentTCdf(-3.5, 2.5), 0.026172773480160172],
  ["pt(1.2, 30)", () => studentTCdf(1.2, 30), 0.88023482455516877],
  ["2 * pt(-2, 10)", () => studentTTwoSidedP(2, 10), 0.073388034770740393],
  ["2 * pt(-40, 3)", () => studentTTwoSidedP(40, 3), 3.438068078915854e-5],
  ["qt(0.975, 10)", () => studentTQuantile(0.975, 10), 2.2281388519862739],
  ["qt(0.995, 4.3)", () => studentTQuantile(0.995, 4.3), 4.3919667076840554],
  ["qt(0.9, 1)", () => studentTQuantile(0.9, 1), 3.0776835371752545],
  ["qt(0.975, 3917.3)", () => studentTQuantile(0.975, 3917.3), 1.9605697568623972],
  ["pchisq(0.5, 1, lower.tail = FALSE)", () => chiSquareSurvival(0.5, 1), 0.47950012218695348],
  ["pchisq(25, 4, lower.tail = FALSE)", () => chiSquareSurvival(25, 4), 5.0309817823062081e-5],
  ["pchisq(300, 250, lower.tail = FALSE)", () => chiSquareSurvival(300, 250), 0.016518273157868718],
  ["pchisq(1e-4, 2, lower.tail = FALSE)", () => chiSquareSurvival(1e-4, 2), 0.99995000124997924],
  ["pchisq(100, 3, lower.tail = FALSE)", () => chiSquareSurvival(100, 3), 1.5541594313896051e-21],
  ["pbeta(0.3, 2.5, 7)", () => regularizedBeta(0.3, 2.5, 7), 0.64122246297172114],
  ["pbeta(0.999, 0.5, 0.5)", () => regularizedBeta(0.999, 0.5, 0.5), 0.97986495836662257],
  ["pbeta(0.2, 300, 200)", () => regularizedBeta(0.2, 300, 200), 2.5586004390128566e-85],
  ["lgamma(1500.5)", () => logGamma(1500.5), 9470.7494913908795],
  ["lgamma(3.3)", () => logGamma(3.3), 0.98709857789473443],
];

describe("distributions", () => {
  for (const [call, compute, expected] of cases) {
    it(`${call} agrees with R to 1e-12 relative`, () => {
      expect(relative(compute(), expected)).toBeLessThan(1e-12);
    });
  }
  it("studentTQuantile inverts studentTCdf and is symmetric", () => {
    for (const df of [1, 2.5, 7, 120, 5000]) {
      for (const p of [0.01, 0.3, 0.975]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 13);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 12);
      }
    }
  });
});
