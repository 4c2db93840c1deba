import { describe, expect, it } from "vitest";
import { bootstrapInterval, quantileType7 } from "../src/bootstrap-interval.ts";
import { differenceInMeans } from "../src/difference-in-means.ts";
import { permutationTest } from "../src/permutation-test.ts";
import { randomSource } from "../src/random-source.ts";
import { twoProportions, twoProportionsFromCounts } from "../src/two-proportions.ts";
import { twoSampleSummary } from "../src/two-sample-summary.ts";
import { welchTTest } from "../src/welch-t-test.ts";

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("welchTTest", () => {
  it("welchTTest(x, y) matches R's t.test(x, y) and drops missing values", () => {
    // R: t.test(c(1, 2, 3, 4), c(2, 4, 6, 8, 10)): t = -2.25143632315937, df = 5.52078774617068,
    //    p = 0.069133593192392, CI -7.3853680805140423 0.3853680805140432
    const result = welchTTest([1, 2, null, 3, 4], [2, 4, 6, 8, 10, Number.NaN]);
    expect(result.nDropped).toBe(2);
    expect(result.estimate).toBe(-3.5);
    expect(relative(result.t, -2.25143632315937)).toBeLessThan(1e-12);
    expect(relative(result.df, 5.52078774617068)).toBeLessThan(1e-12);
    expect(relative(result.p, 0.069133593192392)).toBeLessThan(1e-10);
    expect(relative(result.lower, -7.3853680805140423)).toBeLessThan(1e-10);
    expect(relative(result.upper, 0.3853680805140432)).toBeLessThan(1e-10);
    expect(() => welchTTest([1], [1, 2])).toThrowError(/at least 2/);
  });
});

describe("differenceInMeans", () => {
  it("differenceInMeans(rows) is other minus reference with the Welch SE and df (opposite sign to t.test)", () => {
    const data = { value: [1, 2, 3, 4, 2, 4, 6, 8, 10, 99], group: ["control", "control", "control", "control", "b", "b", "b", "b", "b", null] };
    const result = differenceInMeans(data);
    const welch = welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]);
    expect(result.groups).toEqual(["control", "b"]);
    expect(result.estimate).toBe(3.5);
    expect(result.stdErr).toBeCloseTo(welch.stdErr, 14);
    expect(result.df).toBeCloseTo(welch.df, 12);
    expect(result.p).toBeCloseTo(welch.p, 12);
    expect(result.nDropped).toBe(1);
  });

  it("differenceInMeans(rows, { blocked: true }) weights blocks by size and uses df = N - 2B", () => {
    const value = [1, 3, 2, 6, 10, 12, 11, 15, 13, 17];
    const group = ["c", "c", "t", "t", "c", "c", "c", "t", "t", "t"];
    const blocks = ["x", "x", "x", "x", "y", "y", "y", "y", "y", "y"];
    const result = differenceInMeans({ value, group, blocks }, { groups: ["c", "t"], blocked: true });
    // block x: diff 4 - 2 = 2, se² = 2/2 + 8/2 = 5; block y: diff 15 - 11 = 4, se² = 1/3 + 4/3
    expect(result.estimate).toBeCloseTo(0.4 * 2 + 0.6 * 4, 14);
    expect(result.stdErr).toBeCloseTo(Math.sqrt(0.16 * 5 + 0.36 * (5 / 3)), 14);
    expect(result.df).toBe(6);
    expect(() => differenceInMeans({ value, group, blocks: ["x", "x", "x", "y", "y", "y", "y", "y", "y", "y"] }, { groups: ["c", "t"], blocked: true })).toThrowError(/Block "x" has 1/);
  });
});

describe("twoProportions", () => {
  it("twoProportionsFromCounts(counts) matches prop.test(c(15, 25), c(50, 50), correct = FALSE)", () => {
    // R: X-squared = 4.166666666666667, p = 0.041226833337163572, CI (ref - other) -0.387993141232295891 -0.012006858767704159
    const result = twoProportionsFromCounts({ referenceSuccesses: 15, referenceTotal: 50, otherSuccesses: 25, otherTotal: 50 }, ["a", "b"], 0.95);
    expect(relative(result.chiSquare.statistic, 4.166666666666667)).toBeLessThan(1e-12);
    expect(result.difference).toBeCloseTo(0.2, 15);
    expect(result.wald.se).toBeCloseTo(Math.sqrt(0.3 * 0.7 / 50 + 0.5 * 0.5 / 50), 15);
    expect(relative(result.chiSquare.p, 0.041226833337163572)).toBeLessThan(1e-10);
    expect(relative(-result.chiSquare.upper, -0.387993141232295891)).toBeLessThan(1e-10);
    expect(relative(-result.chiSquare.lower, -0.012006858767704159)).toBeLessThan(1e-10);
    expect(result.warnings).toEqual([]);
  });

  it("twoProportions(rows) counts 0/1 values, drops missing ones and rejects other values", () => {
    const result = twoProportions({ value: [1, 0, 0, 1, 1, null], group: ["control", "control", "control", "x", "x", "x"] });
    expect(result.successes).toEqual([1, 2]);
    expect(result.totals).toEqual([3, 2]);
    expect(result.warnings).toEqual(["Chi-squared approximation may be incorrect"]);
    expect(result.nDropped).toBe(1);
    expect(() => twoProportions({ value: [1, 2], group: ["a", "b"] })).toThrowError(/not 0 or 1/);
  });
});

describe("permutationTest and bootstrapInterval", () => {
  const data = { value: [1, 2, 3, 10, 11, 12], group: ["control", "control", "control", "b", "b", "b"] };

  it("permutationTest(rows, { randomSource }) is reproducible from the seed and close to the exact p = 2/20", () => {
    const first = permutationTest(data, { randomSource: randomSource(11), permutations: 20000 });
    const second = permutationTest(data, { randomSource: randomSource(11), permutations: 20000 });
    expect(second).toEqual(first);
    expect(first.observed).toBe(9);
    // Only the observed split and its mirror reach |9|: exact p = 2 / C(6, 3) = 0.1.
    expect(Math.abs(first.p - 0.1)).toBeLessThan(0.01);
  });

  it("bootstrapInterval(rows, { randomSource }) is reproducible, brackets the estimate and uses R's type-7 quantile", () => {
    const first = bootstrapInterval(data, { randomSource: randomSource(5), replicates: 500 });
    expect(bootstrapInterval(data, { randomSource: randomSource(5), replicates: 500 })).toEqual(first);
    expect(first.estimate).toBe(9);
    expect(first.lower).toBeLessThanOrEqual(9);
    expect(first.upper).toBeGreaterThanOrEqual(9);
    // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.975)) = 1.1, 9.4
    expect(quantileType7([1, 2, 3, 4, 10], 0.025)).toBeCloseTo(1.1, 14);
    expect(quantileType7([1, 2, 3, 4, 10], 0.975)).toBeCloseTo(9.4, 14);
  });

  it("twoSampleSummary(rows, { seed }) gives proportions only for 0/1 values and is the same for the same seed", () => {
    const summary = twoSampleSummary(data, { seed: 3, permutations: 200, replicates: 200 });
    expect(summary.proportions).toBeNull();
    expect(summary.welch.estimate).toBe(9);
    expect(twoSampleSummary(data, { seed: 3, permutations: 200, replicates: 200 })).toEqual(summary);
    const binary = twoSampleSummary({ value: [0, 1, 0, 1, 1, 1], group: data.group }, { seed: 3, permutations: 50, replicates: 50 });
    expect(binary.proportions!.successes).toEqual([1, 3]);
  });
});
