import { describe, expect, it } from "vitest";
import { survivalSummary } from "../src/survival-summary.ts";
import { readCase } from "./conformance-helpers.ts";

describe("survivalSummary", () => {
  const data = readCase("lung", ["time", "event"], ["group", "stratum"]);
  const expected = data.expected;

  it("survivalSummary(lung, { taus }) has the CLI's JSON shape with R's numbers", () => {
    const report = survivalSummary({ time: data.numbers.time!, event: data.numbers.event!, group: data.labels.group! }, { taus: [365, 730] });
    const summary = report.summary;
    expect(Object.keys(summary)).toEqual(["n", "groups", "confType", "km", "median", "logrank", "rmst", "cox"]);
    expect(summary.n).toBe(228);
    expect(summary.groups).toEqual(["female", "male"]);
    expect(summary.confType).toBe("log-log");
    expect(summary.km!.male![0]).toEqual({
      time: expected.km.male.time[0],
      nRisk: expected.km.male.n_risk[0],
      nEvent: expected.km.male.n_event[0],
      nCensor: expected.km.male.n_censor[0],
      surv: summary.km!.male![0]!.surv,
      stdErr: summary.km!.male![0]!.stdErr,
      lower: summary.km!.male![0]!.lower,
      upper: summary.km!.male![0]!.upper,
    });
    expect(summary.km!.male![0]!.surv).toBeCloseTo(expected.km.male.surv[0], 14);
    expect(summary.km!.male![0]!.lower).toBeCloseTo(expected.km.male.ci.log_log.lower[0], 14);
    const medianLogLog = expected.median.log_log.male;
    expect(summary.median!.male).toEqual({ median: medianLogLog.median, lower: medianLogLog.lcl, upper: medianLogLog.ucl });
    expect(summary.logrank!.chisq).toBeCloseTo(expected.logrank.unstratified.chisq, 10);
    // default order (no "control"): sorted, female first, so the difference is male - female
    expect(summary.rmst![0]!.difference!.estimate).toBeCloseTo(-expected.rmst[0].difference.estimate, 10);
    expect(summary.cox!.coef).toBeCloseTo(-expected.cox.efron.fully_converged.coef, 10);
    expect(report.coxNotReported).toBeNull();
  });

  it("survivalSummary(lung, { groups, strata }) stratifies log-rank and Cox only, and defaults tau to the largest valid one", () => {
    const report = survivalSummary(
      { time: data.numbers.time!, event: data.numbers.event!, group: data.labels.group!, strata: data.labels.stratum! },
      { groups: ["male", "female"] },
    );
    expect(report.nMissingStratum).toBe(1);
    expect(report.summary.n).toBe(228);
    expect(report.summary.logrank!.stratified).toBe(true);
    expect(report.summary.logrank!.chisq).toBeCloseTo(expected.logrank.stratified.chisq, 10);
    expect(report.summary.cox!.coef).toBeCloseTo(expected.cox.stratified_efron.fully_converged.coef, 10);
    expect(report.summary.rmst!.map((entry) => entry.tau)).toEqual([Math.min(expected.meta.max_time_by_group.male, expected.meta.max_time_by_group.female)]);
  });

  it("survivalSummary(rows with state) gives cif and cifAt per group and exit state", () => {
    const report = survivalSummary({ time: [1, 2, 2, 3, 1, 4], state: [1, 2, 0, 1, 2, 1], group: ["control", "control", "control", "control", "x", "x"] }, { at: [2] });
    expect(Object.keys(report.summary)).toEqual(["n", "groups", "confType", "cif", "cifAt"]);
    expect(report.summary.cif!.control!["1"]!.map((point) => point.estimate)).toEqual([0.25, 0.25, 0.75]);
    expect(report.summary.cifAt!.control!["2"]).toEqual([{ time: 2, estimate: 0.25, stdErr: report.summary.cif!.control!["2"]![1]!.stdErr }]);
  });
});
