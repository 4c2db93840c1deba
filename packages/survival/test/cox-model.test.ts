import { describe, expect, it } from "vitest";
import { coxProportionalHazards } from "../src/cox-model.ts";
import { logRank } from "../src/log-rank.ts";
import { AnalyzeError } from "../src/messages.ts";
import { readCase } from "./conformance-helpers.ts";

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

// Tiny data with tied event times (t = 2 in both groups), rows unsorted, one missing event.
const tiny = {
  time: [3, 1, 4, 2, 6, 5, 2, 7, 3],
  event: [1, 1, 0, 1, 1, 0, 1, 1, null],
  group: ["b", "a", "a", "b", "b", "a", "a", "b", "a"],
};

describe("coxProportionalHazards", () => {
  it("coxProportionalHazards(rows) matches coxph for Efron and Breslow ties on a tiny case", () => {
    // R: d <- data.frame(time = c(3,1,4,2,6,5,2,7), event = c(1,1,0,1,1,0,1,1), g = c("b","a","a","b","b","a","a","b"))
    //    coxph(Surv(time, event) ~ g, d, control = coxph.control(eps = 1e-13))$coef        -0.25768111766588325
    //    coxph(Surv(time, event) ~ g, d, ties = "breslow", control = ...)$coef             -0.24542512208426559
    const efron = coxProportionalHazards(tiny);
    expect(efron.nDropped).toBe(1);
    expect(efron.term).toBe("group:b");
    expect(relative(efron.coef, -0.25768111766588325)).toBeLessThan(1e-9);
    const breslow = coxProportionalHazards(tiny, { ties: "breslow" });
    expect(relative(breslow.coef, -0.24542512208426559)).toBeLessThan(1e-9);
  });

  it("coxProportionalHazards(rows) score test equals the log-rank test when no event times are tied", () => {
    const untied = { time: [3, 1, 4, 2, 6, 5, 8, 7], event: [1, 1, 0, 1, 1, 0, 1, 1], group: ["b", "a", "a", "b", "b", "a", "a", "b"] };
    const fit = coxProportionalHazards(untied);
    expect(fit.score.statistic).toBeCloseTo(logRank(untied).chisq, 12);
  });

  it("coxProportionalHazards(rows, { covariates }) matches coxph(Surv(time, event) ~ group + age) on lung", () => {
    // R: coxph(Surv(time, event) ~ group + age, lung, control = coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 100))
    //    coef -0.513218519836182496, 0.017045331850165123; se 0.16745796243624203, 0.0092232734772570765
    //    loglik -749.90980139039470, -742.84824578377084; score 13.722321489515224; wald 13.473249546959936
    const data = readCase("lung", ["time", "event", "age"], ["group"]);
    const fit = coxProportionalHazards(
      { time: data.numbers.time!, event: data.numbers.event!, group: data.labels.group!, covariates: { age: data.numbers.age! } },
      { groups: ["male", "female"] },
    );
    expect(fit.terms.map((term) => term.term)).toEqual(["group:female", "age"]);
    expect(relative(fit.terms[0]!.coef, -0.513218519836182496)).toBeLessThan(1e-8);
    expect(relative(fit.terms[1]!.coef, 0.017045331850165123)).toBeLessThan(1e-8);
    expect(relative(fit.terms[0]!.se, 0.16745796243624203)).toBeLessThan(1e-8);
    expect(relative(fit.terms[1]!.se, 0.0092232734772570765)).toBeLessThan(1e-8);
    expect(relative(fit.loglik[0], -749.9098013903947)).toBeLessThan(1e-12);
    expect(relative(fit.loglik[1], -742.84824578377084)).toBeLessThan(1e-12);
    expect(relative(fit.score.statistic, 13.722321489515224)).toBeLessThan(1e-8);
    expect(relative(fit.wald.statistic, 13.473249546959936)).toBeLessThan(1e-8);
    expect(fit.wald.df).toBe(2);
  });

  it("coxProportionalHazards(rows) refuses more than two groups and reports a model that cannot converge", () => {
    expect(() => coxProportionalHazards({ time: [1, 2, 3], event: [1, 1, 1], group: ["a", "b", "c"] })).toThrowError(/exactly two groups/);
    // no events in group b: the hazard ratio is 0, the likelihood has no maximum
    const monotone = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 0, 0, 0], group: ["a", "a", "a", "b", "b", "b"] };
    expect(() => coxProportionalHazards(monotone)).toThrowError(AnalyzeError);
  });
});
