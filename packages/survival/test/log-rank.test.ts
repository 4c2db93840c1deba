import { describe, expect, it } from "vitest";
import { logRank } from "../src/log-rank.ts";

// Hand-worked: a = {1, 2, 4c, 5c}, b = {2, 3, 6, 7}; rows unsorted, one missing group.
// t=1: n=8 (a4 b4), d=1 in a: E_a = 4/8, V = 1·7/(8·7)·4·(1-4/8) = 0.25
// t=2: n=7 (a3 b4), d=2 (a1 b1): E_a = 2·3/7, V = 2·5/(7·6)·3·(1-3/7) = 10/42·12/7
// t=3: n=5 (a2 b3), d=1 in b: E_a = 2/5, V = 1·4/(5·4)·2·(3/5) = 0.24
// t=6: n=2 (a0 b2), d=1 in b: E_a = 0, V = 0;  t=7: n=1: E_a = 0.
const data = {
  time: [5, 2, 1, 4, 7, 3, 2, 6, 9],
  event: [0, 1, 1, 0, 1, 1, 1, 1, 1],
  group: ["a", "a", "a", "a", "b", "b", "b", "b", null],
};

describe("logRank", () => {
  it("logRank(rows) computes O, E and the hypergeometric variance as worked by hand", () => {
    const result = logRank(data);
    expect(result.nDropped).toBe(1);
    expect(result.observed).toEqual({ a: 2, b: 4 });
    const expectedA = 0.5 + 6 / 7 + 0.4;
    expect(result.expected.a).toBeCloseTo(expectedA, 14);
    expect(result.expected.b).toBeCloseTo(6 - expectedA, 14);
    const variance = 0.25 + (10 / 42) * (12 / 7) + 0.24;
    expect(result.variance[0]![0]).toBeCloseTo(variance, 14);
    expect(result.chisq).toBeCloseTo((2 - expectedA) ** 2 / variance, 13);
    // R: survdiff(Surv(time, event) ~ g) on the same eight rows
    expect(Math.abs(result.chisq - 0.065666893887752792) / 0.065666893887752792).toBeLessThan(1e-12);
    expect(result.df).toBe(1);
  });

  it("logRank(rows) without strata equals the stratified test with a single stratum", () => {
    const plain = logRank(data);
    const oneStratum = logRank({ ...data, strata: data.time.map(() => "all") }, { stratified: true });
    expect(oneStratum.chisq).toBeCloseTo(plain.chisq, 14);
    expect(oneStratum.p).toBeCloseTo(plain.p, 14);
    expect(oneStratum.expected.a).toBeCloseTo(plain.expected.a!, 14);
    expect(oneStratum.byStratum!.strata).toEqual(["all"]);
  });

  it("logRank(rows, { stratified: true }) leaves out rows without a stratum and counts them", () => {
    const result = logRank({ ...data, strata: ["s", "s", "s", "t", "t", null, "s", "t", "s"] }, { stratified: true });
    expect(result.nMissingStratum).toBe(1);
    expect(result.n).toBe(7);
    expect(result.byStratum!.strata).toEqual(["s", "t"]);
    expect(() => logRank(data, { stratified: true })).toThrowError(/needs a strata column/);
  });

  it("logRank(rows) with three groups has df 2 and a chi-square from the reduced variance matrix (R: survdiff, 3 groups)", () => {
    // R: survdiff(Surv(c(1,2,3,4,5,6,7,8,9), c(1,1,1,1,1,0,1,1,1)) ~ rep(c("a","b","c"), 3))$chisq
    const result = logRank({ time: [1, 2, 3, 4, 5, 6, 7, 8, 9], event: [1, 1, 1, 1, 1, 0, 1, 1, 1], group: ["a", "b", "c", "a", "b", "c", "a", "b", "c"] });
    expect(result.df).toBe(2);
    expect(result.groups).toEqual(["a", "b", "c"]);
    expect(Math.abs(result.chisq - 2.1536622983093863) / 2.1536622983093863).toBeLessThan(1e-12);
  });
});
