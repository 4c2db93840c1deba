import { describe, expect, it } from "vitest";
import { projectToPeriodEnd } from "../src/projection.ts";
import { meets, thresholdOf, verdictOf } from "../src/target.ts";

describe("thresholdOf and meets at the boundaries", () => {
  it("at most 1959: 1959 meets it, 1959.01 does not", () => {
    const threshold = thresholdOf({ kind: "atMost", value: 1959 }, null);
    expect(meets(1959, threshold)).toBe(true);
    expect(meets(1959.01, threshold)).toBe(false);
  });

  it("at least 75 %: 75 meets it, 74.99 does not", () => {
    const threshold = thresholdOf({ kind: "atLeast", value: 75 }, null);
    expect(meets(75, threshold)).toBe(true);
    expect(meets(74.99, threshold)).toBe(false);
  });

  it("a decrease of 50 full-year persons from 1,234: the threshold is 1,184, met at 1,184, missed at 1,184.5", () => {
    const threshold = thresholdOf({ kind: "change", direction: "decrease", by: 50, unit: "number" }, 1234);
    expect(threshold).toEqual({ direction: "atMost", threshold: 1184 });
    expect(meets(1184, threshold)).toBe(true);
    expect(meets(1184.5, threshold)).toBe(false);
  });

  it("a 4.0 % decrease from 2,040.6 is 1,958.976 (rounding error in the product still meets it); a 10.5 % increase from 2,355 is 2,602.275", () => {
    const decrease = thresholdOf({ kind: "change", direction: "decrease", by: 4, unit: "percent" }, 2040.6);
    expect(decrease.threshold).toBeCloseTo(1958.976, 9);
    expect(meets(1958.976, decrease)).toBe(true);
    expect(meets(1958.977, decrease)).toBe(false);
    const increase = thresholdOf({ kind: "change", direction: "increase", by: 10.5, unit: "percent" }, 2355);
    expect(increase).toEqual({ direction: "atLeast", threshold: expect.closeTo(2602.275, 9) });
  });

  it("an increase of 17 points from 18 % is at least 35 %", () => {
    expect(thresholdOf({ kind: "change", direction: "increase", by: 17, unit: "points" }, 18)).toEqual({ direction: "atLeast", threshold: 35 });
  });

  it("a change without a known baseline has no threshold and no verdict but no_data", () => {
    const threshold = thresholdOf({ kind: "change", direction: "decrease", by: 50, unit: "number" }, null);
    expect(threshold.threshold).toBeNull();
    expect(verdictOf({ value: 10, complete: true, projected: null, threshold })).toBe("no_data");
  });
});

describe("verdictOf", () => {
  const atMost = { direction: "atMost" as const, threshold: 100 };
  it("a finished period is met or missed on its value, equality counting as met", () => {
    expect(verdictOf({ value: 100, complete: true, projected: 130, threshold: atMost })).toBe("met");
    expect(verdictOf({ value: 100.5, complete: true, projected: 90, threshold: atMost })).toBe("missed");
  });
  it("a running period is on track or at risk on its projection, or its value without one", () => {
    expect(verdictOf({ value: 120, complete: false, projected: 100, threshold: atMost })).toBe("on_track");
    expect(verdictOf({ value: 90, complete: false, projected: 101, threshold: atMost })).toBe("at_risk");
    expect(verdictOf({ value: 90, complete: false, projected: null, threshold: atMost })).toBe("on_track");
    expect(verdictOf({ value: null, complete: false, projected: null, threshold: atMost })).toBe("no_data");
  });
});

describe("projectToPeriodEnd", () => {
  it("a straight line without noise is projected exactly, with no uncertainty", () => {
    // 10, 11, ..., 19 so far (the last 4 in a period of 8 weeks): the period's points are 16..23, mean 19.5.
    const values = Array.from({ length: 10 }, (_, index) => 10 + index);
    const projection = projectToPeriodEnd({ values, observedInPeriod: 4, observedValue: (16 + 17 + 18 + 19) / 4, periodPoints: 8, threshold: { direction: "atMost", threshold: 20 } })!;
    expect(projection.value).toBeCloseTo(19.5, 10);
    expect(projection.upper - projection.lower).toBeCloseTo(0, 10);
    expect(projection.probabilityMet).toBe(1);
  });

  it("hand-worked with noise: values 1, 3, 2, 4 (line 1.3 + 0.8 t, s² = 0.9); 2 remaining of 4", () => {
    // fitted 1.3, 2.1, 2.9, 3.7 -> residuals -0.3, 0.9, -0.9, 0.3, RSS 1.8, s² = 0.9; Sxx = 5, t̄ = 1.5
    // future t = 4, 5: sum 4.5 + 5.3 = 9.8; observed mean of the last 2 = 3 -> (3 · 2 + 9.8) / 4 = 3.95
    // Var = (4 · 0.9 · (1/4 + (4.5 - 1.5)² / 5) + 2 · 0.9) / 16 = (3.6 · 2.05 + 1.8) / 16 = 0.57375
    const projection = projectToPeriodEnd({ values: [1, 3, 2, 4], observedInPeriod: 2, observedValue: 3, periodPoints: 4, threshold: { direction: "atLeast", threshold: 3.95 } })!;
    expect(projection.value).toBeCloseTo(3.95, 10);
    expect((projection.upper - projection.value) / 1.959963985).toBeCloseTo(Math.sqrt(0.57375), 8);
    expect(projection.probabilityMet).toBeCloseTo(0.5, 10);
  });

  it("fewer than 4 points or no remaining point: no projection", () => {
    expect(projectToPeriodEnd({ values: [1, 2, 3], observedInPeriod: 3, observedValue: 2, periodPoints: 10, threshold: { direction: "atMost", threshold: 1 } })).toBeNull();
    expect(projectToPeriodEnd({ values: [1, 2, 3, 4], observedInPeriod: 4, observedValue: 2.5, periodPoints: 4, threshold: { direction: "atMost", threshold: 1 } })).toBeNull();
  });
});
