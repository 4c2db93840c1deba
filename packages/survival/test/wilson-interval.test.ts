import { describe, expect, it } from "vitest";
import { newcombeDifferenceInterval, wilsonInterval } from "../src/wilson-interval.ts";

describe("wilsonInterval", () => {
  // R 4.x: options(digits = 10); prop.test(x, n, correct = FALSE)$conf.int[1:2]
  it.each([
    [63, 362, 0.95, 0.138454722, 0.2164571003],
    [40, 387, 0.95, 0.07682603634, 0.13768922792],
    [6, 59, 0.95, 0.04744797246, 0.20463813626],
    [35, 100, 0.95, 0.2636424824, 0.447455567],
    [0, 10, 0.95, 0, 0.2775327999],
    [10, 10, 0.95, 0.7224672001, 1],
    [682, 925, 0.9, 0.7128280974, 0.7603823982],
  ])("wilsonInterval(%i, %i, %f) equals R's prop.test without correction", (x, n, level, lower, upper) => {
    const interval = wilsonInterval(x, n, level)!;
    expect(interval.lower).toBeCloseTo(lower, 8);
    expect(interval.upper).toBeCloseTo(upper, 8);
  });

  it("wilsonInterval of zero trials is null, and a count above the trials is null", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(5, 4)).toBeNull();
  });

  it("wilsonInterval with fractional trials lies between the neighbouring whole counts' intervals", () => {
    const lowerN = wilsonInterval(17.4, 100)!;
    const half = wilsonInterval(17.4 * 1.005, 100.5)!;
    expect(half.upper - half.lower).toBeLessThan(lowerN.upper - lowerN.lower);
  });
});

describe("newcombeDifferenceInterval", () => {
  it("newcombeDifferenceInterval(56, 70, 48, 80) reproduces Newcombe (1998) method 10", () => {
    // Newcombe, Stat Med 1998;17:873-890, Table II example (a): 0.0524 to 0.3339.
    const interval = newcombeDifferenceInterval(56, 70, 48, 80)!;
    expect(interval.lower).toBeCloseTo(0.0524314724, 8);
    expect(interval.upper).toBeCloseTo(0.333872654, 8);
  });

  it("newcombeDifferenceInterval(35, 100, 6, 59) equals the formula on R's Wilson limits", () => {
    // R: w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int; a <- w(35, 100); b <- w(6, 59)
    // d <- .35 - 6/59; c(d - sqrt((.35 - a[1])^2 + (b[2] - 6/59)^2), d + sqrt((a[2] - .35)^2 + (6/59 - b[1])^2))
    const interval = newcombeDifferenceInterval(35, 100, 6, 59)!;
    expect(interval.lower).toBeCloseTo(0.113936459, 8);
    expect(interval.upper).toBeCloseTo(0.3598412598, 8);
  });

  it("newcombeDifferenceInterval with an empty group is null", () => {
    expect(newcombeDifferenceInterval(1, 0, 3, 10)).toBeNull();
  });
});
