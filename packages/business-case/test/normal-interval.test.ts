import { describe, expect, it } from "vitest";
import { normalInterval, Z_975 } from "../src/normal-interval.ts";

describe("normalInterval", () => {
  it("normalInterval(100, 2500, 1) gives SE 50, 100 +- 1.96 x 50 and P(> 0) = Phi(2) as R's pnorm, to 1e-14", () => {
    const interval = normalInterval(100, 2500, 1);
    expect(interval.se).toBe(50);
    expect(interval.lower).toBeCloseTo(100 - 1.959963984540054 * 50, 12);
    expect(interval.upper).toBeCloseTo(100 + 1.959963984540054 * 50, 12);
    // R: pnorm(2) = 0.9772498680518208
    expect(interval.probabilityPositive).toBeCloseTo(0.9772498680518208, 14);
  });

  it("normalInterval with factor 0.75 (a quarter taken back by the regional grant) scales the SE", () => {
    const interval = normalInterval(-30, 1600, 0.75);
    expect(interval.se).toBe(30);
    // R: pnorm(-1) = 0.15865525393145705
    expect(interval.probabilityPositive).toBeCloseTo(0.15865525393145705, 14);
  });

  it("normalInterval without a variance (a what-if) states nothing", () => {
    expect(normalInterval(100, null, 1)).toEqual({ se: null, lower: null, upper: null, probabilityPositive: null });
  });

  it("normalInterval with no spread gives a certain sign, and no probability when the value is 0", () => {
    expect(normalInterval(-2_500_000, 0, 1)).toEqual({ se: 0, lower: -2_500_000, upper: -2_500_000, probabilityPositive: 0 });
    expect(normalInterval(10, 0, 1).probabilityPositive).toBe(1);
    expect(normalInterval(0, 0, 1).probabilityPositive).toBeNull();
  });

  it("Z_975 is R's qnorm(0.975)", () => {
    expect(Z_975).toBe(1.959963984540054);
  });
});
