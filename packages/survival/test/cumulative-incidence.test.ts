import { describe, expect, it } from "vitest";
import { cumulativeIncidence, cumulativeIncidenceAt } from "../src/cumulative-incidence.ts";

describe("cumulativeIncidence", () => {
  it("cumulativeIncidence(rows) gives the Aalen-Johansen estimate and IJ standard errors of R (tiny case, unsorted, one missing state)", () => {
    // R: f <- survfit(Surv(c(1, 2, 2, 3), factor(c(1, 2, 0, 1), 0:2)) ~ 1); f$pstate; f$std.err
    // pstate rows (s0, 1, 2): (0.75, 0.25, 0), (0.5, 0.25, 0.25), (0, 0.75, 0.25)
    // std.err: (0.2165, 0.2165, 0), (0.25, 0.2165, 0.2165), (0, 0.2165, 0.2165); 0.2165 = sqrt(3)/8
    const result = cumulativeIncidence({ time: [2, 3, 1, 2, 4], state: [2, 1, 1, 0, null], group: ["a", "a", "a", "a", "a"] });
    expect(result.nDropped).toBe(1);
    expect(result.states).toEqual(["1", "2"]);
    const curve = result.curves.a!;
    expect(curve.time).toEqual([1, 2, 3]);
    expect(curve.nRisk).toEqual([4, 3, 1]);
    expect(curve.nEvent).toEqual({ "1": [1, 0, 1], "2": [0, 1, 0] });
    expect(curve.nCensor).toEqual([0, 1, 0]);
    const close = (actual: number[], expected: number[]) => actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 14));
    close(curve.initial.estimate, [0.75, 0.5, 0]);
    close(curve.incidence["1"]!.estimate, [0.25, 0.25, 0.75]);
    close(curve.incidence["2"]!.estimate, [0, 0.25, 0.25]);
    const root3over8 = Math.sqrt(3) / 8;
    close(curve.initial.stdErr, [root3over8, 0.25, 0]);
    close(curve.incidence["1"]!.stdErr, [root3over8, root3over8, root3over8]);
    close(curve.incidence["2"]!.stdErr, [0, root3over8, root3over8]);
    // log band is undefined at p = 0
    expect(curve.incidence["2"]!.lower[0]).toBeNull();
  });

  it("cumulativeIncidence(rows): the state probabilities sum to one at every time and never jitter ties", () => {
    const time = [5, 5, 5, 2, 2, 9, 9, 9, 1, 7];
    const state = [1, 2, 0, 1, 1, 2, 0, 1, 0, 2];
    const curve = cumulativeIncidence({ time, state, group: time.map(() => "g") }).curves.g!;
    expect(curve.time).toEqual([1, 2, 5, 7, 9]);
    curve.time.forEach((_, index) => {
      expect(curve.initial.estimate[index]! + curve.incidence["1"]!.estimate[index]! + curve.incidence["2"]!.estimate[index]!).toBeCloseTo(1, 14);
    });
  });

  it("cumulativeIncidenceAt(curve, state, times) reads the step function, with 0 before the first time", () => {
    const curve = cumulativeIncidence({ time: [1, 2, 2, 3], state: [1, 2, 0, 1], group: ["a", "a", "a", "a"] }).curves.a!;
    const points = cumulativeIncidenceAt(curve, "1", [0.5, 2, 2.5, 10]);
    expect(points.map((point) => [point.time, point.nRisk, point.estimate])).toEqual([
      [0.5, 4, 0],
      [2, 3, 0.25],
      [2.5, 1, 0.25],
      [10, 0, 0.75],
    ]);
  });
});
