/**
 * Group-sequential boundaries, crossing probabilities, repeated confidence intervals and
 * the information fraction: against rpact on the shared `group_sequential` case
 * (test/fixtures/conformance/group_sequential, copied from ../shared/conformance; its
 * script.R holds the R calls), against rpact's and Jennison & Turnbull's published
 * values, by hand, and by simulation with known truth.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../src/distributions.ts";
import {
  boundaryCrossingProbabilities,
  crossingProbabilities,
  groupSequentialBoundaries,
  spendingBoundaries,
  type GroupSequentialOptions,
} from "../src/group-sequential-boundaries.ts";
import { informationFraction } from "../src/group-sequential-information.ts";
import { repeatedConfidenceIntervals } from "../src/group-sequential-intervals.ts";
import { GroupSequentialError, groupSequentialMessage, type GroupSequentialIssue } from "../src/group-sequential-messages.ts";
import { alphaSpending } from "../src/group-sequential-spending.ts";
import { normal, randomSource } from "../src/random-source.ts";
import { FIXTURES } from "./conformance-helpers.ts";

/** Tolerances of the conformance README for `group_sequential`. */
const CRITICAL_VALUE_TOLERANCE = 1e-5;
const ALPHA_SPENT_TOLERANCE = 1e-7;

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  actual.forEach((value, index) => {
    const difference = Math.abs(value - expected[index]!);
    expect(difference <= tolerance, `${label}[${index}]: got ${value}, expected ${expected[index]} (difference ${difference}, allowed ${tolerance})`).toBe(true);
  });
}

function issueOf(run: () => unknown): GroupSequentialIssue {
  try {
    run();
  } catch (error) {
    if (error instanceof GroupSequentialError) return error.issue;
    throw error;
  }
  throw new Error("expected a GroupSequentialError");
}

describe("groupSequentialBoundaries agrees with rpact on the group_sequential case", () => {
  // readFileSync throws when the fixture is missing: the test fails, it never skips.
  const expected = JSON.parse(readFileSync(join(FIXTURES, "group_sequential", "expected.json"), "utf8"));

  /** The options of each design, from the R call in script.R (also in each design's `call`). */
  const designs: Record<string, GroupSequentialOptions> = {
    // getDesignGroupSequential(kMax = 4, alpha = 0.05, sided = 2, typeOfDesign = 'asOF', informationRates = c(0.25, 0.5, 0.75, 1))
    obf_two_sided_4: { informationRates: [0.25, 0.5, 0.75, 1], alpha: 0.05, sided: 2, spending: "obrien-fleming" },
    // getDesignGroupSequential(kMax = 5, alpha = 0.05, sided = 2, typeOfDesign = 'asOF', informationRates = c(0.18, 0.41, 0.63, 0.86, 1))
    obf_two_sided_uneven: { informationRates: [0.18, 0.41, 0.63, 0.86, 1], alpha: 0.05, sided: 2, spending: "obrien-fleming" },
    // getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = 'asOF', informationRates = c(0.4, 0.7, 1))
    obf_one_sided_3: { informationRates: [0.4, 0.7, 1], alpha: 0.025, sided: 1, spending: "obrien-fleming" },
  };

  it("the case holds exactly the designs tested here", () => {
    expect(Object.keys(expected.designs).sort()).toEqual(Object.keys(designs).sort());
  });

  it.each(Object.keys(designs))("%s: critical values within 1e-5, alpha spent and stage levels within 1e-7", (name) => {
    const reference = expected.designs[name];
    const options = designs[name]!;
    const boundaries = groupSequentialBoundaries(options);
    expect(boundaries.informationRates).toEqual(reference.informationRates);
    expectClose(boundaries.criticalValues, reference.criticalValues, CRITICAL_VALUE_TOLERANCE, `${name}.criticalValues`);
    expectClose(boundaries.alphaSpent, reference.alphaSpent, ALPHA_SPENT_TOLERANCE, `${name}.alphaSpent`);
    expectClose(boundaries.stageLevels, reference.stageLevels, ALPHA_SPENT_TOLERANCE, `${name}.stageLevels`);
  });

  it("groupSequentialBoundaries(...) is in fact within 1e-7 of rpact's critical values (100 times tighter than required)", () => {
    for (const [name, options] of Object.entries(designs)) {
      expectClose(groupSequentialBoundaries(options).criticalValues, expected.designs[name].criticalValues, 1e-7, `${name}.criticalValues`);
    }
  });
});

describe("groupSequentialBoundaries by hand", () => {
  it("one look gives the fixed-sample z, qnorm(1 - alpha/2) two-sided and qnorm(1 - alpha) one-sided, for both spending functions", () => {
    for (const spending of ["obrien-fleming", "pocock"] as const) {
      const twoSided = groupSequentialBoundaries({ informationRates: [1], alpha: 0.05, sided: 2, spending });
      expect(twoSided.criticalValues[0]).toBeCloseTo(1.959963984540054, 13); // qnorm(0.975)
      expect(twoSided.alphaSpent).toEqual([0.05]);
      expect(twoSided.stageLevels[0]).toBeCloseTo(0.025, 15);
      const oneSided = groupSequentialBoundaries({ informationRates: [1], alpha: 0.025, sided: 1, spending });
      expect(oneSided.criticalValues[0]).toBeCloseTo(1.959963984540054, 13);
      expect(groupSequentialBoundaries({ informationRates: [1], alpha: 0.1, sided: 1, spending }).criticalValues[0]).toBeCloseTo(1.2815515655446004, 13); // qnorm(0.9)
    }
  });

  it("the cumulative alpha spent at the final look equals alpha, and the boundaries spend exactly what the spending function allots", () => {
    for (const spending of ["obrien-fleming", "pocock"] as const) {
      for (const sided of [1, 2] as const) {
        const informationRates = [0.2, 0.45, 0.6, 0.8, 1];
        const boundaries = groupSequentialBoundaries({ informationRates, alpha: 0.05, sided, spending });
        expect(boundaries.alphaSpent.at(-1)).toBe(0.05);
        // A second code path: integrate the crossing probabilities of the solved boundaries
        // on a grid four times finer.
        const achieved = crossingProbabilities(informationRates, boundaries.criticalValues, sided, 128).cumulative;
        expectClose(achieved, boundaries.alphaSpent, 1e-8, `${spending} sided ${sided}`);
      }
    }
  });

  it("Pocock-type spending at equal fractions gives nearly equal boundaries, close to Pocock's constant 2.361 (K = 4, alpha = 0.05)", () => {
    const { criticalValues } = groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.75, 1], spending: "pocock" });
    // Lan & DeMets' log(1 + (e - 1) t) only approximates Pocock's constant boundary.
    expect(Math.max(...criticalValues) - Math.min(...criticalValues)).toBeLessThan(0.02);
    for (const value of criticalValues) expect(Math.abs(value - 2.361)).toBeLessThan(0.015);
    // Pocock's own constant (Jennison & Turnbull 2000, Table 2.1: C_P(4, 0.05) = 2.361)
    // spends 0.05 in total at four equally spaced looks, to the table's three decimals.
    const constant = boundaryCrossingProbabilities({ informationRates: [0.25, 0.5, 0.75, 1], criticalValues: [2.361, 2.361, 2.361, 2.361] });
    expect(Math.abs(constant.cumulative[3]! - 0.05)).toBeLessThan(2e-4);
  });

  it("Pocock-type spending agrees with rpact's own reference values", () => {
    // rpact's tests (test-f_design_group_sequential.R): getDesignGroupSequential(informationRates = c(0.4, 0.7), typeOfDesign = "asP")
    // (alpha = 0.025, sided = 1 by default); values printed to 8 significant digits.
    const partial = groupSequentialBoundaries({ informationRates: [0.4, 0.7], alpha: 0.025, sided: 1, spending: "pocock" });
    expectClose(partial.criticalValues, [2.223875, 2.3050796], 1e-6, "asP criticalValues");
    expectClose(partial.alphaSpent, [0.013078429, 0.0197432], 1e-8, "asP alphaSpent");
    expectClose(partial.stageLevels, [0.013078429, 0.010581057], 1e-8, "asP stageLevels");
    // getDesignGroupSequential(kMax = 3, alpha = 0.13, typeOfDesign = "asP", informationRates = c(0.35, 0.7, 1),
    //   typeBetaSpending = "bsUser", bindingFutility = FALSE, userBetaSpending = c(0.01, 0.05, 0.3))
    // (non-binding futility bounds leave the critical values as without them)
    const threeLooks = groupSequentialBoundaries({ informationRates: [0.35, 0.7, 1], alpha: 0.13, sided: 1, spending: "pocock" });
    expectClose(threeLooks.criticalValues, [1.5446617, 1.4828682, 1.4620058], 1e-6, "asP 0.13 criticalValues");
  });

  it("the boundary of a look depends only on that look's and the earlier fractions (recomputed at observed fractions, the past stays)", () => {
    const planned = groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.75, 1] });
    const soFar = groupSequentialBoundaries({ informationRates: [0.25, 0.5] });
    expect(soFar.criticalValues).toEqual(planned.criticalValues.slice(0, 2));
    const observed = groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.81, 1] });
    expect(observed.criticalValues.slice(0, 2)).toEqual(planned.criticalValues.slice(0, 2));
    // More information at look 3 than planned: more alpha spent there, a lower boundary.
    expect(observed.criticalValues[2]).toBeLessThan(planned.criticalValues[2]!);
  });

  it("the first boundary of a two-sided design at alpha equals that of a one-sided design at alpha/2", () => {
    const two = groupSequentialBoundaries({ informationRates: [0.3, 1], alpha: 0.05, sided: 2 });
    const one = groupSequentialBoundaries({ informationRates: [0.3, 1], alpha: 0.025, sided: 1 });
    expect(two.criticalValues[0]).toBeCloseTo(one.criticalValues[0]!, 12);
    expect(alphaSpending(0.3, 0.05, 2, "obrien-fleming")).toBeCloseTo(2 * alphaSpending(0.3, 0.025, 1, "obrien-fleming"), 16);
  });

  it("Jennison & Turnbull's grid with r = 32 agrees with r = 128 to 1e-7 in the critical values", () => {
    const coarse = spendingBoundaries([0.18, 0.41, 0.63, 0.86, 1], 0.05, 2, "obrien-fleming", 32);
    const fine = spendingBoundaries([0.18, 0.41, 0.63, 0.86, 1], 0.05, 2, "obrien-fleming", 128);
    expectClose(coarse.criticalValues, fine.criticalValues, 1e-7, "r = 32 vs 128");
  });

  it("a very early look gets a very high boundary, and one so early that nothing is spent gets none (Infinity)", () => {
    const early = groupSequentialBoundaries({ informationRates: [0.01, 1] });
    expect(early.criticalValues[0]).toBeGreaterThan(20);
    expect(early.criticalValues[1]).toBeCloseTo(1.959963984540054, 8);
    const tiny = groupSequentialBoundaries({ informationRates: [1e-6, 1] });
    expect(tiny.criticalValues[0]).toBe(Number.POSITIVE_INFINITY);
    expect(tiny.stageLevels[0]).toBe(0);
    expect(tiny.criticalValues[1]).toBeCloseTo(1.959963984540054, 10);
  });
});

describe("boundaryCrossingProbabilities", () => {
  it("reproduces rpact's getGroupSequentialProbabilities for the constant boundary ±qnorm(0.95) at four equal looks", () => {
    // rpact's tests: xa <- getGroupSequentialProbabilities(matrix(c(rep(-qnorm(0.95), 4), rep(qnorm(0.95), 4)),
    //   nrow = 2, byrow = TRUE), (1:4) / 4); xa[1, ] is the lower crossing at each look, xa[3, ] - xa[2, ] the upper.
    const c = normalQuantile(0.95);
    const crossing = boundaryCrossingProbabilities({ informationRates: [0.25, 0.5, 0.75, 1], criticalValues: [c, c, c, c] });
    expectClose(crossing.lower, [0.05, 0.030074925, 0.020961248, 0.01595848], 1e-8, "lower");
    expectClose(crossing.upper, [0.05, 0.030074925, 0.020961248, 0.01595848], 1e-8, "upper");
  });

  it("the naive rule (|z| >= 1.96 at every look) matches Armitage, McPherson & Rowe's false-positive rates", () => {
    // Jennison & Turnbull (2000), Table 1.1 (from Armitage, McPherson & Rowe 1969), equally spaced looks.
    const published: Record<number, number> = { 2: 0.083, 3: 0.107, 4: 0.126, 5: 0.142, 10: 0.193, 20: 0.248 };
    for (const [looks, rate] of Object.entries(published)) {
      const count = Number(looks);
      const informationRates = Array.from({ length: count }, (_, index) => (index + 1) / count);
      const crossing = boundaryCrossingProbabilities({ informationRates, criticalValues: new Array(count).fill(normalQuantile(0.975)) });
      expect(Math.abs(crossing.cumulative.at(-1)! - rate), `${count} looks`).toBeLessThanOrEqual(0.0005);
    }
  });

  it("one-sided boundaries have no lower crossings", () => {
    const crossing = boundaryCrossingProbabilities({ informationRates: [0.5, 1], criticalValues: [2, 2], sided: 1 });
    expect(crossing.lower).toEqual([0, 0]);
    expect(crossing.upper[0]).toBeCloseTo(normalCdf(-2), 15);
  });
});

describe("repeatedConfidenceIntervals", () => {
  it("repeatedConfidenceIntervals(boundaries, looks) is estimate ± c_k · SE, by hand", () => {
    const boundaries = groupSequentialBoundaries({ informationRates: [0.5, 1] });
    // c_1 = Φ⁻¹(1 - α(0.5)/2) with α(0.5) = 4 (1 - Φ(Φ⁻¹(1 - 0.05/4) / sqrt(0.5)))
    const spent = 4 * normalCdf(-normalQuantile(1 - 0.05 / 4) / Math.sqrt(0.5));
    const firstBoundary = -normalQuantile(spent / 2);
    expect(firstBoundary).toBeCloseTo(2.9625880427, 9);
    const [first] = repeatedConfidenceIntervals(boundaries, [{ estimate: 6, standardError: 2 }]);
    expect(first!.z).toBe(3);
    expect(first!.crossed).toBe(true);
    expect(first!.lower).toBeCloseTo(6 - 2 * firstBoundary, 10);
    expect(first!.upper!).toBeCloseTo(6 + 2 * firstBoundary, 10);
  });

  it("an interval excludes 0 exactly when its look crosses the boundary", () => {
    const boundaries = groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.75, 1] });
    const looks = [
      { estimate: 8, standardError: 2 },
      { estimate: -6, standardError: 2.1 },
      { estimate: 4.1, standardError: 1.7 },
      { estimate: 3.1, standardError: 1.5 },
    ];
    for (const interval of repeatedConfidenceIntervals(boundaries, looks)) {
      expect(interval.crossed, `look ${interval.look}`).toBe(interval.lower > 0 || interval.upper! < 0);
    }
    expect(repeatedConfidenceIntervals(boundaries, looks).map((interval) => interval.crossed)).toEqual([false, false, true, true]);
  });

  it("a one-sided design gives a lower limit only (upper null)", () => {
    const boundaries = groupSequentialBoundaries({ informationRates: [0.5, 1], alpha: 0.025, sided: 1 });
    const [interval] = repeatedConfidenceIntervals(boundaries, [{ estimate: -1, standardError: 1 }]);
    expect(interval!.upper).toBeNull();
    expect(interval!.crossed).toBe(false);
    expect(interval!.lower).toBeCloseTo(-1 - boundaries.criticalValues[0]!, 12);
  });

  it("cover the true effect at all eight looks jointly about 95 % of the time (simulation, known truth)", () => {
    const informationRates = [1, 2, 3, 4, 5, 6, 7, 8].map((look) => look / 8);
    const boundaries = groupSequentialBoundaries({ informationRates });
    const random = randomSource(14);
    const truth = 9;
    const finalStandardError = 3;
    const trials = 4000;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      // The score S_k = Σ independent N(θ I_k - θ I_{k-1}, I_k - I_{k-1}) increments; estimate = S_k / I_k.
      let score = 0;
      let previousInformation = 0;
      const looks = informationRates.map((fraction) => {
        const information = fraction / finalStandardError ** 2;
        score += normal(random, truth * (information - previousInformation), Math.sqrt(information - previousInformation));
        previousInformation = information;
        return { estimate: score / information, standardError: 1 / Math.sqrt(information) };
      });
      if (repeatedConfidenceIntervals(boundaries, looks).every((interval) => interval.lower <= truth && truth <= interval.upper!)) covered++;
    }
    const coverage = covered / trials;
    const monteCarloSe = Math.sqrt((0.95 * 0.05) / trials);
    expect(Math.abs(coverage - 0.95)).toBeLessThan(4 * monteCarloSe);
  });

  it("more looks than boundaries, or a look without a usable standard error, is an error naming the look", () => {
    const boundaries = groupSequentialBoundaries({ informationRates: [0.5, 1] });
    expect(issueOf(() => repeatedConfidenceIntervals(boundaries, [{ estimate: 1, standardError: 1 }, { estimate: 1, standardError: 1 }, { estimate: 1, standardError: 1 }]))).toEqual({ code: "too_many_looks", looks: 3, boundaries: 2 });
    expect(issueOf(() => repeatedConfidenceIntervals(boundaries, [{ estimate: 1, standardError: 1 }, { estimate: 1, standardError: 0 }]))).toEqual({ code: "invalid_standard_error", look: 2, value: 0 });
    expect(issueOf(() => repeatedConfidenceIntervals(boundaries, [{ estimate: Number.NaN, standardError: 1 }]))).toEqual({ code: "invalid_estimate", look: 1, value: Number.NaN });
  });
});

describe("informationFraction", () => {
  it("informationFraction(...) is observed information 1/SE² over the final information expected, given either way", () => {
    expect(informationFraction({ standardError: 4, expectedFinalStandardError: 2 })).toBe(0.25);
    expect(informationFraction({ standardError: 4, expectedFinalInformation: 0.25 })).toBe(0.25);
    // More precise than projected: returned as computed, above 1.
    expect(informationFraction({ standardError: 1.9, expectedFinalStandardError: 2 })).toBeCloseTo(4 / 3.61, 14);
  });

  it("a standard error or final information that is not a positive finite number is an error", () => {
    expect(issueOf(() => informationFraction({ standardError: 0, expectedFinalStandardError: 2 }))).toEqual({ code: "invalid_standard_error", look: null, value: 0 });
    expect(issueOf(() => informationFraction({ standardError: Number.NaN, expectedFinalStandardError: 2 }))).toMatchObject({ code: "invalid_standard_error" });
    expect(issueOf(() => informationFraction({ standardError: 2, expectedFinalInformation: -1 }))).toEqual({ code: "invalid_final_information", value: -1 });
    expect(issueOf(() => informationFraction({ standardError: 2, expectedFinalStandardError: Number.POSITIVE_INFINITY }))).toMatchObject({ code: "invalid_final_information" });
  });
});

describe("groupSequentialBoundaries refuses bad input with an issue that says which value", () => {
  it.each([
    [{ informationRates: [] }, { code: "no_looks" }],
    [{ informationRates: [0.5, 0.25, 1] }, { code: "fractions_not_increasing", position: 2, value: 0.25, previous: 0.5 }],
    [{ informationRates: [0.5, 0.5, 1] }, { code: "fractions_not_increasing", position: 2, value: 0.5, previous: 0.5 }],
    [{ informationRates: [0, 1] }, { code: "fraction_out_of_range", position: 1, value: 0 }],
    [{ informationRates: [0.5, 1.2] }, { code: "fraction_out_of_range", position: 2, value: 1.2 }],
    [{ informationRates: [0.5, Number.NaN] }, { code: "fraction_out_of_range", position: 2, value: Number.NaN }],
    [{ informationRates: [1], alpha: 0 }, { code: "alpha_out_of_range", value: 0 }],
    [{ informationRates: [1], alpha: 1 }, { code: "alpha_out_of_range", value: 1 }],
    [{ informationRates: [1], alpha: Number.NaN }, { code: "alpha_out_of_range", value: Number.NaN }],
    [{ informationRates: [1], sided: 3 }, { code: "sided_invalid", value: 3 }],
    [{ informationRates: [1], spending: "haybittle-peto" }, { code: "unknown_spending", value: "haybittle-peto", known: ["obrien-fleming", "pocock"] }],
  ])("%j", (options, issue) => {
    expect(issueOf(() => groupSequentialBoundaries(options as GroupSequentialOptions))).toEqual(issue);
  });

  it("says it in Danish by default and in English on request", () => {
    const issue: GroupSequentialIssue = { code: "fractions_not_increasing", position: 3, value: 0.5, previous: 0.75 };
    expect(groupSequentialMessage(issue)).toBe(
      "Informationsandel nr. 3 (0.5) er ikke større end nr. 2 (0.75); andelene skal stige fra analyse til analyse, fx 0.25,0.5,0.75,1.",
    );
    expect(groupSequentialMessage(issue, "en")).toBe(
      "Information fraction no. 3 (0.5) is not greater than no. 2 (0.75); the fractions must increase from look to look, e.g. 0.25,0.5,0.75,1.",
    );
    expect(new GroupSequentialError(issue).message).toBe(groupSequentialMessage(issue, "en"));
  });
});
