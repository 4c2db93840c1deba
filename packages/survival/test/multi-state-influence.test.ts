import { describe, expect, it } from "vitest";
import { multiStateOccupancy } from "../src/multi-state-occupancy.ts";

describe("multiStateOccupancy(..., { influence: true })", () => {
  it("multiStateOccupancy with influence gives each id's hand-worked influence on the time in state, summing to 0 and squaring to the IJ variance", () => {
    // One group, states adp -> out: ids 1 and 2 leave on days 1 and 2, id 3 is censored on day 3; tau = 3.
    // As a Kaplan-Meier curve: S = 2/3 after day 1, 1/3 after day 2; time on adp within 3 days = 2.
    // Influence U_i = -Σ_j A_j (dN_i(t_j) - Y_i(t_j) d_j / n_j) / (n_j - d_j), A_1 = 1, A_2 = 1/3:
    // U = (-1/3, 0, 1/3); Σ U = 0; Σ U² = 2/9, the variance R's rmean gives.
    const result = multiStateOccupancy(
      { id: [3, 1, 2], group: ["g", "g", "g"], start: [0, 0, 0], stop: [3, 1, 2], from: ["adp", "adp", "adp"], to: ["censor", "out", "out"] },
      { initial: "adp", taus: [3], influence: true },
    );
    const atTau = result.restrictedMean[0]!;
    const influence = atTau.influence!["g"]!;
    const byId = Object.fromEntries(influence.ids.map((id, index) => [id, influence.byKey["adp"]![index]!]));
    expect(byId["1"]).toBeCloseTo(-1 / 3, 14);
    expect(byId["2"]).toBeCloseTo(0, 14);
    expect(byId["3"]).toBeCloseTo(1 / 3, 14);
    expect(atTau.byGroup["g"]!["adp"]!.estimate).toBeCloseTo(2, 14);
    expect(atTau.byGroup["g"]!["adp"]!.stdErr).toBeCloseTo(Math.sqrt(2 / 9), 14);
  });

  it("multiStateOccupancy without the option returns no influence", () => {
    const result = multiStateOccupancy({ id: [1, 2], group: ["g", "g"], start: [0, 0], stop: [1, 2], from: ["adp", "adp"], to: ["out", "censor"] }, { initial: "adp", taus: [2] });
    expect(result.restrictedMean[0]!.influence).toBeUndefined();
  });
});
