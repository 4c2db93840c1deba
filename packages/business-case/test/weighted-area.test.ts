import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dailySurvivalAreas, weightedSurvivalArea } from "../src/weighted-area.ts";
import { kmRow, trialDaysResults } from "./helpers.ts";

const tinyEdge = JSON.parse(readFileSync(new URL("../../survival/test/fixtures/conformance/tiny_edge/expected.json", import.meta.url), "utf8"));

/** survfit's table of a tiny_edge group as KM rows. */
function tinyEdgeRows(group: "control" | "intervention") {
  const km = tinyEdge.km[group];
  return km.time.map((time: number, index: number) => kmRow(time, km.n_risk[index], km.n_event[index], km.n_censor[index], km.surv[index]));
}

// tiny_edge control (R survfit): t 2 (n 6, d 1, S 5/6), t 3 (n 5, d 1, c 1, S 2/3), t 5 (n 3, d 2, S 2/9), t 8 (n 1, c 1).
const control = tinyEdgeRows("control");

describe("dailySurvivalAreas", () => {
  it("dailySurvivalAreas(rows, tau) integrates the right-continuous step curve day by day", () => {
    // S = 1 on [0, 2), 5/6 on [2, 3), 2/3 on [3, 5), 2/9 from 5
    const expected = [1, 1, 5 / 6, 2 / 3, 2 / 3, 2 / 9];
    dailySurvivalAreas(control, 6).forEach((area, day) => expect(area).toBeCloseTo(expected[day]!, 14));
  });

  it("dailySurvivalAreas splits a day at a time that is not a whole day", () => {
    // S = 1 on [0, 1.5), 0.5 after: day 1 has 0.5 x 1 + 0.5 x 0.5 = 0.75
    expect(dailySurvivalAreas([kmRow(1.5, 4, 2, 0, 0.5)], 3)).toEqual([1, 0.75, 0.5]);
  });
});

describe("weightedSurvivalArea", () => {
  it("weightedSurvivalArea(rows, 1, tau) is the RMST with R's rmean variance (hand-worked, tiny_edge control, tau 5)", () => {
    // area = 2 + 5/6 + 2 x 2/3 = 25/6
    // A_j = area from t_j to 5: 13/6 at t = 2, 4/3 at t = 3, 0 at t = 5 (an event at tau adds nothing)
    // Var = (13/6)^2 x 1/(6 x 5) + (4/3)^2 x 1/(5 x 4) = 169/1080 + 96/1080 = 265/1080
    const result = weightedSurvivalArea(control, [1, 1, 1, 1, 1], 5);
    expect(result.area).toBeCloseTo(25 / 6, 12);
    expect(result.variance).toBeCloseTo(265 / 1080, 12);
  });

  it("weightedSurvivalArea(rows, 1, tau) matches R's se(rmean) for both tiny_edge groups at tau 5 and 7", () => {
    // R: summary(survfit(Surv(time, event) ~ group), rmean = tau)$table[, c("rmean", "se(rmean)")]
    for (const entry of tinyEdge.rmst) {
      for (const group of ["control", "intervention"] as const) {
        const result = weightedSurvivalArea(tinyEdgeRows(group), new Array(entry.tau).fill(1), entry.tau);
        expect(result.area).toBeCloseTo(entry.groups[group].rmean, 10);
        expect(Math.sqrt(result.variance)).toBeCloseTo(entry.groups[group].se_rmean, 10);
      }
    }
  });

  it("weightedSurvivalArea with a constant price c gives c x area and c^2 x the RMST variance", () => {
    const rows = tinyEdgeRows("intervention");
    const plain = weightedSurvivalArea(rows, new Array(7).fill(1), 7);
    const priced = weightedSurvivalArea(rows, new Array(7).fill(303.2), 7);
    expect(priced.area).toBeCloseTo(303.2 * plain.area, 8);
    expect(priced.variance).toBeCloseTo(303.2 ** 2 * plain.variance, 6);
  });

  it("weightedSurvivalArea of both trial_days arms gives R's SE of the RMST difference at tau 364", () => {
    // R: rmst difference se = sqrt(se_control^2 + se_intervention^2) = 3.9493538488249924
    const results = trialDaysResults();
    const ones = new Array(364).fill(1);
    const variance = weightedSurvivalArea(results.km.control, ones, 364).variance + weightedSurvivalArea(results.km.intervention, ones, 364).variance;
    expect(Math.sqrt(variance)).toBeCloseTo(3.9493538488249924, 9);
  });

  it("weightedSurvivalArea weights late event times by the price of the days after them (hand-worked)", () => {
    // One event at t = 1 (n 2, d 1, S 1/2), horizon 3, weights [10, 20, 30]:
    // area = 10 x 1 + 20 x 1/2 + 30 x 1/2 = 35; A_1 = 20 x 1/2 + 30 x 1/2 = 25; Var = 25^2 x 1/(2 x 1) = 312.5
    const result = weightedSurvivalArea([kmRow(1, 2, 1, 0, 0.5), kmRow(3, 1, 0, 1, 0.5)], [10, 20, 30], 3);
    expect(result).toEqual({ area: 35, variance: 312.5 });
  });
});
