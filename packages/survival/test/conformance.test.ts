/**
 * Agreement with R on the shared conformance cases (test/fixtures/conformance/<case>/,
 * copied from ../shared/conformance; each case's script.R holds the exact R calls).
 * Tolerances as the conformance README: relative 1e-8 for estimates, standard errors,
 * statistics and limits (absolute 1e-12 near zero), 1e-6 for p-values, exact for counts,
 * times, df and medians; Cox compared with R's fully converged fit at 1e-8.
 */
import { describe, expect, it } from "vitest";
import { coxProportionalHazards } from "../src/cox-model.ts";
import { cumulativeIncidence, cumulativeIncidenceAt } from "../src/cumulative-incidence.ts";
import { differenceInMeans } from "../src/difference-in-means.ts";
import { normalQuantile } from "../src/distributions.ts";
import { kaplanMeier } from "../src/kaplan-meier.ts";
import { logRank } from "../src/log-rank.ts";
import { restrictedMeanSurvival } from "../src/restricted-mean.ts";
import { survivalAtTimes } from "../src/survival-at-times.ts";
import { twoProportionsFromCounts } from "../src/two-proportions.ts";
import { welchTTest } from "../src/welch-t-test.ts";
import {
  ESTIMATE_TOLERANCE as E,
  expectExactArray,
  expectR,
  expectRArray,
  P_TOLERANCE as P,
  PENN_DIRECTORY,
  readCase,
  type CaseData,
} from "./conformance-helpers.ts";

const Z = normalQuantile(0.975);
const CONF_KEYS = { log: "log", log_log: "log-log", plain: "plain" } as const;

interface SurvivalColumns {
  time: Float64Array;
  event: ArrayLike<number>;
  group: (string | null)[];
  strata?: (string | null)[];
}

/** km, km_at_taus, median, logrank, rmst and cox blocks of one expected.json section. */
function checkSurvivalBlocks(label: string, expected: any, data: SurvivalColumns, groups: string[], taus: number[]): void {
  describe(`${label}: kaplanMeier`, () => {
    for (const [key, confType] of Object.entries(CONF_KEYS)) {
      it(`kaplanMeier(data, { confType: "${confType}" }) matches survfit: times, counts, surv, std.err and the ${confType} band`, () => {
        const result = kaplanMeier(data, { groups, confType });
        for (const group of groups) {
          const curve = result.curves[group]!;
          const want = expected.km[group];
          expect(curve.n).toBe(want.n);
          expect(curve.events).toBe(want.events);
          expectExactArray(curve.time, want.time, `${group} time`);
          expectExactArray(curve.nRisk, want.n_risk, `${group} n_risk`);
          expectExactArray(curve.nEvent, want.n_event, `${group} n_event`);
          expectExactArray(curve.nCensor, want.n_censor, `${group} n_censor`);
          expectRArray(curve.surv, want.surv, E, `${group} surv`);
          expectRArray(curve.stdErrLog, want.std_err_log, E, `${group} std_err_log`);
          expectRArray(curve.stdErr, want.std_err_surv, E, `${group} std_err_surv`);
          expectRArray(curve.lower, want.ci[key].lower, E, `${group} ${key} lower`);
          expectRArray(curve.upper, want.ci[key].upper, E, `${group} ${key} upper`);
        }
      });
    }
    it("survivalAtTimes(curve, taus) matches summary(fit, times = taus, extend = TRUE) for every band", () => {
      for (const [key, confType] of Object.entries(CONF_KEYS)) {
        const result = kaplanMeier(data, { groups, confType });
        for (const group of groups) {
          const want = expected.km_at_taus[group];
          const points = survivalAtTimes(result.curves[group]!, expected.km_at_taus.times, confType, Z);
          expectExactArray(points.map((point) => point.time), want.time, `${group} time`);
          expectExactArray(points.map((point) => point.nRisk), want.n_risk, `${group} n_risk`);
          expectRArray(points.map((point) => point.surv), want.surv, E, `${group} surv`);
          expectRArray(points.map((point) => point.stdErr), want.std_err_surv, E, `${group} std_err_surv`);
          expectRArray(points.map((point) => point.lower), want.ci[key].lower, E, `${group} ${key} lower`);
          expectRArray(points.map((point) => point.upper), want.ci[key].upper, E, `${group} ${key} upper`);
        }
      }
    });
    it("kaplanMeier(...).curves[g].median matches summary(fit)$table median and 0.95LCL/UCL for each conf.type", () => {
      for (const [key, confType] of Object.entries(CONF_KEYS)) {
        const result = kaplanMeier(data, { groups, confType });
        for (const group of groups) {
          const want = expected.median[key][group];
          expect(result.curves[group]!.median, `${group} ${key}`).toEqual({ median: want.median, lower: want.lcl, upper: want.ucl });
        }
      }
    });
  });

  describe(`${label}: logRank`, () => {
    const checkLogRank = (result: ReturnType<typeof logRank>, want: any) => {
      expectR(result.chisq, want.chisq, E, "chisq");
      expect(result.df).toBe(want.df);
      expectR(result.p, want.p, P, "p");
      expect(result.n).toBe(want.n_used);
      expect(result.groups).toEqual(want.groups);
      for (const group of groups) {
        expect(result.nByGroup[group]).toBe(want.n[group]);
        expect(result.observed[group]).toBe(want.observed[group]);
        expectR(result.expected[group]!, want.expected[group], E, `expected ${group}`);
      }
      result.variance.forEach((row, index) => expectRArray(row, want.var[index], E, `var[${index}]`));
    };
    it("logRank(data) matches survdiff(Surv(time, event) ~ group)", () => {
      checkLogRank(logRank(data, { groups }), expected.logrank.unstratified);
    });
    if (expected.logrank.stratified !== undefined) {
      it("logRank(data, { stratified: true }) matches survdiff(... + strata(stratum)) including by_stratum", () => {
        const want = expected.logrank.stratified;
        const result = logRank(data, { groups, stratified: true });
        checkLogRank(result, want);
        expect(result.byStratum!.strata).toEqual(want.by_stratum.strata);
        expect(result.byStratum!.n).toEqual(want.by_stratum.n);
        for (const group of groups) {
          expectExactArray(result.byStratum!.observed[group]!, want.by_stratum.observed[group], `observed ${group}`);
          expectRArray(result.byStratum!.expected[group]!, want.by_stratum.expected[group], E, `expected ${group}`);
        }
      });
    }
  });

  describe(`${label}: restrictedMeanSurvival`, () => {
    it("restrictedMeanSurvival(data, { taus }) matches summary(fit, rmean = tau)$table and the difference block", () => {
      const result = restrictedMeanSurvival(data, { groups, taus });
      expect(result.results.length).toBe(expected.rmst.length);
      result.results.forEach((atTau, index) => {
        const want = expected.rmst[index];
        expect(atTau.tau).toBe(want.tau);
        for (const group of groups) {
          expectR(atTau.byGroup[group]!.rmst, want.groups[group].rmean, E, `rmean ${group}`);
          expectR(atTau.byGroup[group]!.se, want.groups[group].se_rmean, E, `se ${group}`);
          expect(atTau.byGroup[group]!.lastTime).toBe(want.groups[group].max_time);
        }
        const difference = atTau.difference!;
        expectR(difference.estimate, want.difference.estimate, E, "difference");
        expectR(difference.se, want.difference.se, E, "difference se");
        expectR(difference.z, want.difference.z, E, "difference z");
        expectR(difference.p, want.difference.p, P, "difference p");
        expectR(difference.lower, want.difference.conf_low, E, "conf_low");
        expectR(difference.upper, want.difference.conf_high, E, "conf_high");
      });
    });
  });

  describe(`${label}: coxProportionalHazards`, () => {
    for (const key of Object.keys(expected.cox)) {
      const ties = key.endsWith("breslow") ? "breslow" : "efron";
      const stratified = key.startsWith("stratified");
      it(`coxProportionalHazards(data, { ties: "${ties}", stratified: ${stratified} }) matches coxph fully converged`, () => {
        const want = expected.cox[key];
        const converged = want.fully_converged;
        const fit = coxProportionalHazards(data, { groups, ties, stratified });
        expect(fit.n).toBe(want.n);
        expect(fit.nEvents).toBe(want.nevent);
        expectR(fit.coef, converged.coef, E, "coef");
        expectR(fit.hr, converged.exp_coef, E, "exp_coef");
        expectR(fit.se, converged.se_coef, E, "se_coef");
        expectR(fit.z, converged.z, E, "z");
        expectR(fit.p, converged.p, P, "p");
        expectR(fit.lower, converged.hr_conf_low, E, "hr_conf_low");
        expectR(fit.upper, converged.hr_conf_high, E, "hr_conf_high");
        expectRArray(fit.loglik, converged.loglik, E, "loglik");
        expectR(fit.likelihoodRatio.statistic, converged.lr_statistic, E, "lr statistic");
        expectR(fit.wald.statistic, converged.wald_statistic, E, "wald statistic");
        expect(fit.likelihoodRatio.df).toBe(want.lr_test.df);
        // R's default fit stops early; its p-values agree with the converged fit to 1e-6.
        expectR(fit.likelihoodRatio.p, want.lr_test.p, P, "lr p");
        expectR(fit.wald.p, want.wald_test.p, P, "wald p");
        // The score test at beta = 0 does not depend on convergence.
        expectR(fit.score.statistic, want.score_test.statistic, E, "score statistic");
        expect(fit.score.df).toBe(want.score_test.df);
        expectR(fit.score.p, want.score_test.p, P, "score p");
        // and the default (early-stopping) fields agree at the README's 1e-7
        expectR(fit.coef, want.coef, 1e-7, "coef vs default fit");
        expectR(fit.se, want.se_coef, 1e-7, "se vs default fit");
      });
    }
  });
}

interface TwoSampleOutcome {
  y: ArrayLike<number>;
  group: (string | null)[];
}

/** welch and diff_in_means blocks for the outcomes R used. */
function checkTwoSampleBlocks(label: string, expected: any, outcomes: Record<string, TwoSampleOutcome>, groups: string[]): void {
  describe(`${label}: two-sample`, () => {
    for (const [name, outcome] of Object.entries(outcomes)) {
      const reference = Array.from(outcome.y).filter((_, index) => outcome.group[index] === groups[0]);
      const other = Array.from(outcome.y).filter((_, index) => outcome.group[index] === groups[1]);
      it(`welchTTest(reference, other) matches t.test(${name} ~ group)`, () => {
        const want = expected.welch[name];
        const result = welchTTest(reference, other);
        expectR(result.t, want.statistic, E, "statistic");
        expectR(result.df, want.df, E, "df");
        expectR(result.p, want.p, P, "p");
        expectR(result.lower, want.conf_low, E, "conf_low");
        expectR(result.upper, want.conf_high, E, "conf_high");
        expectR(result.stdErr, want.stderr, E, "stderr");
        expectR(result.meanX, want.mean[groups[0]!], E, "mean reference");
        expectR(result.meanY, want.mean[groups[1]!], E, "mean other");
        expectR(result.sdX, want.sd[groups[0]!], E, "sd reference");
        expectR(result.sdY, want.sd[groups[1]!], E, "sd other");
        expect([result.nX, result.nY]).toEqual([want.n[groups[0]!], want.n[groups[1]!]]);
      });
      it(`differenceInMeans({ value: ${name}, group }) matches estimatr::difference_in_means`, () => {
        const want = expected.diff_in_means[name];
        const result = differenceInMeans({ value: outcome.y, group: outcome.group }, { groups });
        expect(result.n).toBe(want.n);
        expectR(result.estimate, want.estimate, E, "estimate");
        expectR(result.stdErr, want.std_error, E, "std_error");
        expectR(result.t, want.statistic, E, "statistic");
        expectR(result.p, want.p_value, P, "p_value");
        expectR(result.lower, want.conf_low, E, "conf_low");
        expectR(result.upper, want.conf_high, E, "conf_high");
        expectR(result.df, want.df, E, "df");
      });
    }
  });
}

/** A prop block: counts -> prop.test and Wald. */
function checkProportionBlock(want: any, successes: [number, number], totals: [number, number], groups: [string, string]): void {
  expect(successes).toEqual([want.x[groups[0]], want.x[groups[1]]]);
  expect(totals).toEqual([want.n[groups[0]], want.n[groups[1]]]);
  const result = twoProportionsFromCounts(
    { referenceSuccesses: successes[0], referenceTotal: totals[0], otherSuccesses: successes[1], otherTotal: totals[1] },
    groups,
    0.95,
  );
  expectR(result.proportions[0], want.proportion[groups[0]], E, "proportion reference");
  expectR(result.proportions[1], want.proportion[groups[1]], E, "proportion other");
  expectR(result.chiSquare.statistic, want.prop_test.statistic, E, "X-squared");
  expect(result.chiSquare.df).toBe(want.prop_test.df);
  expectR(result.chiSquare.p, want.prop_test.p, P, "prop.test p");
  // prop.test's interval is for reference - other: negate and swap ours.
  expectR(-result.chiSquare.upper, want.prop_test.conf_low, E, "prop.test conf_low");
  expectR(-result.chiSquare.lower, want.prop_test.conf_high, E, "prop.test conf_high");
  expect(result.warnings).toEqual(want.prop_test.r_warnings);
  expectR(result.wald.estimate, want.wald.estimate, E, "wald estimate");
  expectR(result.wald.se, want.wald.se, E, "wald se");
  expectR(result.wald.z, want.wald.z, E, "wald z");
  expectR(result.wald.p, want.wald.p, P, "wald p");
  expectR(result.wald.lower, want.wald.conf_low, E, "wald conf_low");
  expectR(result.wald.upper, want.wald.conf_high, E, "wald conf_high");
}

/** Counts of y = 1 (event of interest by tau) among the kept rows, per group. */
function countKnownStatus(time: ArrayLike<number>, success: (row: number) => boolean, keep: (row: number) => boolean, group: (string | null)[], groups: [string, string]) {
  const successes: [number, number] = [0, 0];
  const totals: [number, number] = [0, 0];
  for (let row = 0; row < time.length; row++) {
    if (!keep(row)) continue;
    const index = groups.indexOf(group[row] as string);
    totals[index]!++;
    if (success(row)) successes[index]!++;
  }
  return { successes, totals };
}

function standardCase(name: string): void {
  const data: CaseData = readCase(name, ["time", "event", "age"], ["group", "stratum"]);
  const expected = data.expected;
  const groups = expected.meta.group_levels as [string, string];
  const time = data.numbers.time!;
  const event = data.numbers.event!;
  const group = data.labels.group!;
  const columns: SurvivalColumns = { time, event, group, strata: data.labels.stratum! };
  checkSurvivalBlocks(name, expected, columns, groups, expected.meta.taus);
  const age = data.numbers.age!;
  const ageRows = Array.from(age.keys()).filter((row) => !Number.isNaN(age[row]!));
  const eventRows = Array.from(time.keys()).filter((row) => event[row] === 1);
  checkTwoSampleBlocks(name, expected, {
    time_events: { y: eventRows.map((row) => time[row]!), group: eventRows.map((row) => group[row]!) },
    time_all: { y: time, group },
    age: { y: ageRows.map((row) => age[row]!), group: ageRows.map((row) => group[row]!) },
  }, groups);
  describe(`${name}: twoProportionsFromCounts`, () => {
    for (const want of expected.prop) {
      it(`twoProportionsFromCounts(event by ${want.tau}, known status) matches prop.test(correct = FALSE) and the Wald block`, () => {
        const tau = want.tau as number;
        const { successes, totals } = countKnownStatus(time, (row) => event[row] === 1 && time[row]! <= tau, (row) => (event[row] === 1 && time[row]! <= tau) || time[row]! >= tau, group, groups);
        checkProportionBlock(want, successes, totals, groups);
      });
    }
  });
}

describe("conformance: lung", () => standardCase("lung"));
describe("conformance: tiny_edge", () => {
  standardCase("tiny_edge");
  it("restrictedMeanSurvival(data, { taus: [10], beyondFollowUp: 'extend-flat' }) reproduces R's flat extension (rmst_beyond_followup)", () => {
    const data = readCase("tiny_edge", ["time", "event"], ["group"]);
    const groups = data.expected.meta.group_levels;
    const input = { time: data.numbers.time!, event: data.numbers.event!, group: data.labels.group! };
    const result = restrictedMeanSurvival(input, { groups, taus: [10], beyondFollowUp: "extend-flat" });
    const want = data.expected.rmst_beyond_followup[0];
    for (const group of groups) {
      expectR(result.results[0]!.byGroup[group]!.rmst, want.groups[group].rmean, E, `rmean ${group}`);
      expectR(result.results[0]!.byGroup[group]!.se, want.groups[group].se_rmean, E, `se ${group}`);
    }
    expectR(result.results[0]!.difference!.estimate, want.difference.estimate, E, "difference");
    expectR(result.results[0]!.difference!.se, want.difference.se, E, "difference se");
    expectR(result.results[0]!.difference!.p, want.difference.p, P, "difference p");
    expect(() => restrictedMeanSurvival(input, { groups, taus: [10] })).toThrowError(/largest valid tau is 7/);
  });
});
describe("conformance: trial_days", () => {
  standardCase("trial_days");
  const data = readCase("trial_days", ["time", "event", "age", "max_followup_days"], ["group", "stratum"]);
  const expected = data.expected;
  const groups = expected.meta.group_levels as [string, string];
  const time = data.numbers.time!;
  const event = data.numbers.event!;
  const eligible = data.numbers.max_followup_days!;
  for (const want of expected.prop_eligible) {
    it(`twoProportionsFromCounts(event by ${want.tau}, max_followup_days >= tau) matches prop_eligible`, () => {
      const tau = want.tau as number;
      const { successes, totals } = countKnownStatus(time, (row) => event[row] === 1 && time[row]! <= tau, (row) => eligible[row]! >= tau, data.labels.group!, groups);
      checkProportionBlock(want, successes, totals, groups);
    });
  }
  for (const [name, values] of [["time_all", time], ["age", data.numbers.age!]] as const) {
    it(`differenceInMeans({ value: ${name}, blocks: stratum }, { blocked: true }) matches difference_in_means(..., blocks = stratum)`, () => {
      const want = expected.diff_in_means_blocked[name];
      const result = differenceInMeans({ value: values, group: data.labels.group!, blocks: data.labels.stratum! }, { groups, blocked: true });
      expect(result.n).toBe(want.n);
      expectR(result.estimate, want.estimate, E, "estimate");
      expectR(result.stdErr, want.std_error, E, "std_error");
      expectR(result.t, want.statistic, E, "statistic");
      expectR(result.p, want.p_value, P, "p_value");
      expectR(result.lower, want.conf_low, E, "conf_low");
      expectR(result.upper, want.conf_high, E, "conf_high");
      expect(result.df).toBe(want.df);
    });
  }
});

describe("conformance: competing_shared", () => {
  const data = readCase("competing_shared", ["time", "state", "age", "max_followup_days"], ["group", "stratum"]);
  const expected = data.expected;
  const groups = expected.meta.group_levels as [string, string];
  const time = data.numbers.time!;
  const state = data.numbers.state!;
  const group = data.labels.group!;
  const keys = { s0: "0", state_1: "1", state_2: "2" } as const;
  const curveOf = (curve: any, key: string) => (key === "s0" ? curve.initial : curve.incidence[(keys as any)[key]]);

  it("cumulativeIncidence(data) matches survfit(Surv(time, factor(state, 0:2)) ~ group): counts, pstate, IJ std.err and log band", () => {
    const result = cumulativeIncidence({ time, state, group }, { groups });
    expect(result.states).toEqual(["1", "2"]);
    for (const name of groups) {
      const curve = result.curves[name]!;
      const want = expected.aalen_johansen.curves[name];
      expectExactArray(curve.time, want.time, "time");
      expectExactArray(curve.nRisk, want.n_risk, "n_risk");
      expectExactArray(curve.nEvent["1"]!, want.n_event_1, "n_event_1");
      expectExactArray(curve.nEvent["2"]!, want.n_event_2, "n_event_2");
      expectExactArray(curve.nCensor, want.n_censor, "n_censor");
      for (const key of Object.keys(keys)) {
        const probabilities = curveOf(curve, key);
        expectRArray(probabilities.estimate, want.pstate[key], E, `${name} ${key} pstate`);
        expectRArray(probabilities.stdErr, want.std_err[key], E, `${name} ${key} std_err`);
        expectRArray(probabilities.lower, want.lower[key], E, `${name} ${key} lower`);
        expectRArray(probabilities.upper, want.upper[key], E, `${name} ${key} upper`);
      }
    }
  });
  it("cumulativeIncidenceAt(curve, state, [91, 182, 364]) matches summary(fit, times, extend = TRUE)", () => {
    const result = cumulativeIncidence({ time, state, group }, { groups });
    for (const name of groups) {
      const want = expected.aalen_johansen.at_times[name];
      for (const [key, stateKey] of Object.entries(keys)) {
        const points = cumulativeIncidenceAt(result.curves[name]!, stateKey, expected.aalen_johansen.at_times.times);
        expectExactArray(points.map((point) => point.time), want.time, "time");
        expectExactArray(points.map((point) => point.nRisk), want.n_risk, "n_risk");
        expectRArray(points.map((point) => point.estimate), want.pstate[key], E, `${name} ${key} pstate`);
        expectRArray(points.map((point) => point.stdErr), want.std_err[key], E, `${name} ${key} std_err`);
        expectRArray(points.map((point) => point.lower), want.lower[key], E, `${name} ${key} lower`);
        expectRArray(points.map((point) => point.upper), want.upper[key], E, `${name} ${key} upper`);
      }
    }
  });

  for (const [key, code] of [["state_1", 1], ["state_2", 2]] as const) {
    const cause = expected.cause_specific[key];
    const eventOf = Float64Array.from(state, (value) => (value === code ? 1 : 0));
    const columns = { time, event: eventOf, group, strata: data.labels.stratum! };
    it(`logRank for exit ${code} with the other exit censored matches cause_specific.${key}.logrank (both)`, () => {
      for (const [variant, stratified] of [["unstratified", false], ["stratified", true]] as const) {
        const want = cause.logrank[variant];
        const result = logRank(columns, { groups, stratified });
        expectR(result.chisq, want.chisq, E, `${variant} chisq`);
        expectR(result.p, want.p, P, `${variant} p`);
        for (const name of groups) {
          expect(result.observed[name]).toBe(want.observed[name]);
          expectR(result.expected[name]!, want.expected[name], E, `${variant} expected ${name}`);
        }
      }
    });
    it(`coxProportionalHazards for exit ${code} matches cause_specific.${key}.cox (efron, breslow, stratified)`, () => {
      for (const variant of Object.keys(cause.cox)) {
        const want = cause.cox[variant];
        const fit = coxProportionalHazards(columns, { groups, ties: variant.endsWith("breslow") ? "breslow" : "efron", stratified: variant.startsWith("stratified") });
        expectR(fit.coef, want.fully_converged.coef, E, `${variant} coef`);
        expectR(fit.se, want.fully_converged.se_coef, E, `${variant} se`);
        expectR(fit.p, want.fully_converged.p, P, `${variant} p`);
        expectR(fit.score.statistic, want.score_test.statistic, E, `${variant} score`);
        expectR(fit.likelihoodRatio.statistic, want.fully_converged.lr_statistic, E, `${variant} lr`);
      }
    });
  }

  const anyExit = Float64Array.from(state, (value) => (value > 0 ? 1 : 0));
  checkSurvivalBlocks("competing_shared any_exit", expected.any_exit, { time, event: anyExit, group, strata: data.labels.stratum! }, groups, expected.meta.taus);
  const age = data.numbers.age!;
  const eventRows = Array.from(time.keys()).filter((row) => anyExit[row] === 1);
  checkTwoSampleBlocks("competing_shared any_exit", expected.any_exit, {
    time_events: { y: eventRows.map((row) => time[row]!), group: eventRows.map((row) => group[row]!) },
    time_all: { y: time, group },
    age: { y: age, group },
  }, groups);

  for (const want of expected.prop_self_support) {
    const tau = want.tau as number;
    it(`twoProportionsFromCounts(self-support by ${tau}) matches prop_self_support known_status and eligible`, () => {
      const known = countKnownStatus(time, (row) => state[row] === 1 && time[row]! <= tau, (row) => (state[row]! > 0 && time[row]! <= tau) || time[row]! >= tau, group, groups);
      checkProportionBlock(want.known_status, known.successes, known.totals, groups);
      const eligible = data.numbers.max_followup_days!;
      const byEligibility = countKnownStatus(time, (row) => state[row] === 1 && time[row]! <= tau, (row) => eligible[row]! >= tau, group, groups);
      checkProportionBlock(want.eligible, byEligibility.successes, byEligibility.totals, groups);
    });
  }
});

describe("conformance: penn (the fixture's copy of ../shared/conformance/penn/data.csv; a missing file fails)", () => {
  const data = readCase("penn", ["time", "event", "event_exhaustion_censored", "inuidur1"], ["group"], PENN_DIRECTORY);
  const expected = data.expected;
  const groups = expected.meta.group_levels as [string, string];
  const time = data.numbers.time!;
  const group = data.labels.group!;
  checkSurvivalBlocks("penn", expected, { time, event: data.numbers.event!, group }, groups, expected.meta.taus);
  checkSurvivalBlocks("penn sensitivity_exhaustion_censored", expected.sensitivity_exhaustion_censored, { time, event: data.numbers.event_exhaustion_censored!, group }, groups, expected.meta.taus);
  const inuidur1 = data.numbers.inuidur1!;
  checkTwoSampleBlocks("penn", expected, {
    log_inuidur1: { y: Float64Array.from(inuidur1, Math.log), group },
    inuidur1: { y: inuidur1, group },
  }, groups);
});
