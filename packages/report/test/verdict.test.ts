import { describe, expect, it } from "vitest";
import { verdictOf } from "../src/verdict.ts";

const input = (estimate: number | null, lower: number | null, upper: number | null, mde: number | null, expected = 9) => ({
  daysSaved: { estimate, se: null, lower, upper, tau: 364 },
  precision: { alpha: 0.05, power: 0.8, minimumDetectableDaysSaved: mde, expectedDaysSaved: expected, detectableFrom: null, method: "" },
});

describe("verdictOf", () => {
  it("says too early while the interval includes 0 and the MDE is above the expectation", () => {
    expect(verdictOf(input(3.6, -5.2, 12.5, 12.7))).toBe("tooEarly");
    expect(verdictOf(input(3.6, -5.2, 12.5, null))).toBe("tooEarly");
  });

  it("reports a null result once the expected effect was detectable", () => {
    expect(verdictOf(input(1, -2, 4, 8))).toBe("noEffectLikely");
    expect(verdictOf(input(4, -0.5, 9.5, 8))).toBe("notShown");
  });

  it("grades a positive effect against the expectation", () => {
    expect(verdictOf(input(14, 10, 18, 6))).toBe("asExpected");
    expect(verdictOf(input(10, 4, 16, 6))).toBe("likelyAsExpected");
    expect(verdictOf(input(5, 1, 9, 6))).toBe("belowExpectation");
  });

  it("says harmful when the whole interval is below 0, and noData without an estimate", () => {
    expect(verdictOf(input(-8, -12, -3, 6))).toBe("harmful");
    expect(verdictOf(input(null, null, null, null))).toBe("noData");
  });
});
