import { describe, expect, it } from "vitest";
import { cumulativeIncidence } from "../src/cumulative-incidence.ts";
import { kaplanMeier } from "../src/kaplan-meier.ts";
import { AnalyzeError } from "../src/messages.ts";

// Worked by hand, rows unsorted, one row with a missing time:
// times 2(e) 3(e) 3(c) 5(e) 5(e) 8(c); at risk 6, 5, 3, 1.
// S: 5/6, 5/6 · 4/5 = 2/3, 2/3 · 1/3 = 2/9, 2/9.
// Greenwood Σ d/(n(n-d)): 1/30, + 1/20 = 1/12, + 2/3 = 3/4, 3/4.
const tiny = {
  time: [5, 2, 8, 3, 3, 5, null],
  event: [1, 1, 0, 0, 1, 1, 1],
  group: ["a", "a", "a", "a", "a", "a", "a"],
};

describe("kaplanMeier", () => {
  it("kaplanMeier(rows) keeps tied events and censorings at the same time, censored after events, and drops the missing row", () => {
    const result = kaplanMeier(tiny);
    expect(result.nDropped).toBe(1);
    expect(result.n).toBe(6);
    const curve = result.curves.a!;
    expect(curve.time).toEqual([2, 3, 5, 8]);
    expect(curve.nRisk).toEqual([6, 5, 3, 1]);
    expect(curve.nEvent).toEqual([1, 1, 2, 0]);
    expect(curve.nCensor).toEqual([0, 1, 0, 1]);
    const want = [5 / 6, 2 / 3, 2 / 9, 2 / 9];
    curve.surv.forEach((value, index) => expect(value).toBeCloseTo(want[index]!, 15));
    const greenwood = [1 / 30, 1 / 12, 3 / 4, 3 / 4];
    curve.stdErrLog.forEach((value, index) => expect(value).toBeCloseTo(Math.sqrt(greenwood[index]!), 15));
    curve.stdErr.forEach((value, index) => expect(value).toBeCloseTo(want[index]! * Math.sqrt(greenwood[index]!), 15));
  });

  it("kaplanMeier(rows, { confType: 'log-log' }) gives R's log-log band and median (R: survfit(Surv(t, e) ~ 1, conf.type = 'log-log'))", () => {
    // R: t <- c(5, 2, 8, 3, 3, 5, NA); e <- c(1, 1, 0, 0, 1, 1, 1)
    //    s <- survfit(Surv(t, e) ~ 1, conf.type = "log-log"); s$lower; s$upper; summary(s)$table
    const curve = kaplanMeier(tiny, { confType: "log-log" }).curves.a!;
    const lower = [0.273122849928356, 0.1946166368062349, 0.009569136539037288, 0.009569136539037288];
    const upper = [0.9747124266908935, 0.9044341643225164, 0.6147205232876238, 0.6147205232876238];
    curve.lower.forEach((value, index) => expect(Math.abs((value as number) - lower[index]!) / lower[index]!).toBeLessThan(1e-12));
    curve.upper.forEach((value, index) => expect(Math.abs((value as number) - upper[index]!) / upper[index]!).toBeLessThan(1e-12));
    expect(curve.median).toEqual({ median: 5, lower: 2, upper: null });
  });

  it("kaplanMeier(rows) puts 'control' first, otherwise sorts groups, and honours an explicit order", () => {
    const data = { time: [1, 2, 3, 4], event: [1, 1, 1, 1], group: ["zeta", "control", "alpha", "control"] };
    expect(kaplanMeier(data).groups).toEqual(["control", "alpha", "zeta"]);
    expect(kaplanMeier({ ...data, group: ["b", "c", "a", "b"] }).groups).toEqual(["a", "b", "c"]);
    const chosen = kaplanMeier(data, { groups: ["zeta", "control"] });
    expect(chosen.groups).toEqual(["zeta", "control"]);
    expect(chosen.nExcluded).toBe(1);
  });

  it("kaplanMeier(rows) rejects impossible values with the row and accepts booleans for events", () => {
    expect(() => kaplanMeier({ time: [1, -2], event: [1, 0], group: ["a", "a"] })).toThrowError(/Row 2: time -2/);
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 2], group: ["a", "a"] })).toThrowError(/Row 2: event 2 is not 0 or 1/);
    expect(() => kaplanMeier({ time: [null], event: [1], group: ["a"] })).toThrowError(AnalyzeError);
    expect(() => kaplanMeier({ time: [1, 2], event: [1], group: ["a", "a"] })).toThrowError(/has 1 values/);
    expect(() => kaplanMeier({ time: [1], event: [1], group: ["a"] }, { groups: ["b"] })).toThrowError(/Group "b" does not occur/);
    expect(kaplanMeier({ time: [1, 2], event: [true, false], group: ["a", "a"] }).curves.a!.nEvent).toEqual([1, 0]);
  });

  it("kaplanMeier equals 1 minus the cumulative incidence when there is one cause (cross-check of two code paths)", () => {
    const time = [4, 1, 7, 3, 3, 9, 2, 7, 5, 5, 6, 8];
    const event = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0];
    const group = time.map((_, index) => (index % 2 === 0 ? "control" : "other"));
    const km = kaplanMeier({ time, event, group });
    const aj = cumulativeIncidence({ time, state: event, group });
    for (const name of ["control", "other"]) {
      const curve = km.curves[name]!;
      const incidence = aj.curves[name]!.incidence["1"]!;
      expect(aj.curves[name]!.time).toEqual(curve.time);
      curve.surv.forEach((value, index) => expect(1 - incidence.estimate[index]!).toBeCloseTo(value, 14));
      curve.surv.forEach((value, index) => expect(aj.curves[name]!.initial.estimate[index]!).toBeCloseTo(value, 14));
    }
  });
});
