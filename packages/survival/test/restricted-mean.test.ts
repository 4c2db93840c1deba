import { describe, expect, it } from "vitest";
import { AnalyzeError } from "../src/messages.ts";
import { restrictedMeanSurvival } from "../src/restricted-mean.ts";

// Hand-worked (same rows as the Kaplan-Meier test, unsorted, one missing time):
// S = 1 on [0,2), 5/6 on [2,3), 2/3 on [3,5), 2/9 on [5,8).
// RMST(6) = 2 + 5/6 + 2·(2/3) + 1·(2/9) = 4.3888...
// se² = Σ A_j² d/(n(n-d)): A(2) = 5/6 + 4/3 + 2/9, A(3) = 4/3 + 2/9, A(5) = 2/9
const rows = { time: [5, 2, 8, 3, 3, 5, null], event: [1, 1, 0, 0, 1, 1, 1], group: ["a", "a", "a", "a", "a", "a", "a"] };

describe("restrictedMeanSurvival", () => {
  it("restrictedMeanSurvival(rows, { taus: [6] }) gives the area and R's rmean standard error as worked by hand", () => {
    const result = restrictedMeanSurvival(rows, { taus: [6] });
    const group = result.results[0]!.byGroup.a!;
    expect(group.rmst).toBeCloseTo(2 + 5 / 6 + 4 / 3 + 2 / 9, 14);
    const areaFrom2 = 5 / 6 + 4 / 3 + 2 / 9;
    const areaFrom3 = 4 / 3 + 2 / 9;
    const areaFrom5 = 2 / 9;
    const variance = areaFrom2 ** 2 / 30 + areaFrom3 ** 2 / 20 + areaFrom5 ** 2 * (2 / 3);
    expect(group.se).toBeCloseTo(Math.sqrt(variance), 14);
    // R: summary(survfit(Surv(t, e) ~ 1), rmean = 6)$table[c("rmean", "se(rmean)")] = 4.3888888888888893, 0.58663089116508005
    expect(Math.abs(group.se - 0.58663089116508005) / 0.58663089116508005).toBeLessThan(1e-12);
    expect(result.results[0]!.difference).toBeNull();
    expect(result.nDropped).toBe(1);
  });

  it("restrictedMeanSurvival(rows, { taus }) adds nothing for an event exactly at tau", () => {
    const atFive = restrictedMeanSurvival(rows, { taus: [5] }).results[0]!.byGroup.a!;
    expect(atFive.rmst).toBeCloseTo(2 + 5 / 6 + 4 / 3, 14);
  });

  it("restrictedMeanSurvival(rows, { taus }) throws tau_beyond_follow_up with the largest valid tau", () => {
    const twoGroups = { time: [1, 4, 2, 9], event: [1, 0, 1, 1], group: ["control", "control", "b", "b"] };
    try {
      restrictedMeanSurvival(twoGroups, { taus: [3, 5] });
      expect.unreachable("tau 5 is beyond control's last time 4");
    } catch (error) {
      expect(error).toBeInstanceOf(AnalyzeError);
      expect((error as AnalyzeError).issue).toEqual({ code: "tau_beyond_follow_up", tau: 5, largestValidTau: 4, group: "control" });
      expect((error as AnalyzeError).message).toMatch(/largest valid tau is 4/);
    }
    const flat = restrictedMeanSurvival(twoGroups, { taus: [5], beyondFollowUp: "extend-flat" }).results[0]!;
    // control: 1 on [0,1), 1/2 on [1,5) -> 1 + 2 = 3; b: 1 on [0,2), 1/2 on [2,5) -> 2 + 1.5
    expect(flat.byGroup.control!.rmst).toBeCloseTo(3, 14);
    expect(flat.difference!.estimate).toBeCloseTo(0.5, 14);
    expect(() => restrictedMeanSurvival(twoGroups, { taus: [0] })).toThrowError(AnalyzeError);
  });
});
