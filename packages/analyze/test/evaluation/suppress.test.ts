import { describe, expect, it } from "vitest";
import { cell, suppressGroup } from "../../src/evaluation/suppress.ts";

describe("cell", () => {
  it("cell(n, 5) shows 0, hides 1 to 4 and shows 5", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => cell(n, 5))).toEqual([0, null, null, null, null, 5, 6]);
  });

  it("cell(n, 3) hides only 1 and 2", () => {
    expect([0, 1, 2, 3].map((n) => cell(n, 3))).toEqual([0, null, null, 3]);
  });
});

describe("suppressGroup", () => {
  it("suppressGroup(counts, 5) leaves a group without small cells alone, zeros included", () => {
    expect(suppressGroup([40, 0, 12, 0], 5)).toEqual([40, 0, 12, 0]);
  });

  it("suppressGroup(counts, 5) never hides a zero as the complement: the hidden sum would still be the small count", () => {
    // 3 is small; a 0 beside it would leave 3 + 0 = 3 recoverable, so 12 goes instead
    expect(suppressGroup([40, 3, 0, 12], 5)).toEqual([40, null, 0, null]);
  });

  it("suppressGroup(counts, 5) picks the smallest non-zero complement", () => {
    expect(suppressGroup([1, 30, 0, 6], 5)).toEqual([null, 30, 0, null]);
  });

  it("suppressGroup(counts, 5) with two small cells needs no complement", () => {
    expect(suppressGroup([1, 2, 0, 30], 5)).toEqual([null, null, 0, 30]);
  });

  it("suppressGroup(counts, 5, protect) takes a protected cell only when every other candidate is zero", () => {
    expect(suppressGroup([50, 3, 0, 0], 5, new Set([0]))).toEqual([null, null, 0, 0]);
    expect(suppressGroup([50, 3, 0, 8], 5, new Set([0]))).toEqual([50, null, 0, null]);
  });
});
