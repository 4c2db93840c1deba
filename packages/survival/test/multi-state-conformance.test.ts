/**
 * The shared `multistate` conformance case (../shared/conformance/cases/multistate, copied
 * to test/fixtures/conformance/multistate): state occupancy, its infinitesimal-jackknife
 * standard error, the restricted mean time in each state and in public support, and the
 * control - intervention difference, against R survival 3.5-3.
 *
 * R (script.R in the fixture):
 *   fit <- survfit(Surv(tstart, tstop, event) ~ arm, data = d, id = id, istate = istate, influence = TRUE)
 *   with event = factor(to, levels = c("censor", states)), istate = factor(from, levels = states)
 * Tolerance (README): pstate, std_err, rmean and its SE relative 1e-8 (absolute 1e-12).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { multiStateOccupancy, multiStateOccupancyAt } from "../src/multi-state-occupancy.ts";
import { ESTIMATE_TOLERANCE, expectExactArray, expectR, expectRArray, FIXTURES, readCase } from "./conformance-helpers.ts";

const CASE = join(FIXTURES, "multistate");

describe("conformance: multistate", () => {
  it("has its fixture (data.csv and expected.json copied from ../shared/conformance/cases/multistate)", () => {
    expect(existsSync(join(CASE, "data.csv")), `${CASE}/data.csv is missing`).toBe(true);
    expect(existsSync(join(CASE, "expected.json")), `${CASE}/expected.json is missing`).toBe(true);
  });

  const data = readCase("multistate", ["tstart", "tstop"], ["id", "arm", "from", "to"]);
  const expected = data.expected;
  const states: string[] = expected.states;
  const taus: number[] = expected.taus;
  const result = multiStateOccupancy(
    {
      id: data.labels.id!,
      group: data.labels.arm!,
      start: data.numbers.tstart!,
      stop: data.numbers.tstop!,
      from: data.labels.from!,
      to: data.labels.to!,
    },
    { states, censor: "censor", initial: "adp", groups: ["control", "intervention"], taus, sets: { public: ["adp", "other"] } },
  );

  it("multiStateOccupancy(episodes) reads every row and keeps R's states and groups", () => {
    expect(result.states).toEqual(states);
    expect(result.groups).toEqual(["control", "intervention"]);
    expect(result.nRows).toBe(readFileSync(join(CASE, "data.csv"), "utf8").trim().split("\n").length - 1);
    expect([result.nDroppedRows, result.nDroppedIds, result.nExcludedRows]).toEqual([0, 0, 0]);
  });

  for (const arm of ["control", "intervention"]) {
    it(`multiStateOccupancy(episodes): ${arm}'s step function, pstate and IJ std_err equal R's`, () => {
      const want = expected.arms[arm];
      const curve = result.curves[arm]!;
      expect(curve.nIds).toBe(want.n_id);
      // R's arrays start with time 0 (survfit0 adds p0 there), with n_risk of the first time.
      expectExactArray([0, ...curve.time], want.time, `${arm} time`);
      expectExactArray([curve.nRisk[0]!, ...curve.nRisk], want.n_risk, `${arm} n_risk`);
      for (const state of states) {
        expectRArray([curve.initial.pstate[state]!, ...curve.pstate[state]!], want.pstate[state], ESTIMATE_TOLERANCE, `${arm} pstate ${state}`);
        expectRArray([curve.initial.stdErr[state]!, ...curve.stdErr[state]!], want.std_err[state], ESTIMATE_TOLERANCE, `${arm} std_err ${state}`);
      }
    });

    it(`multiStateOccupancyAt(curve, taus): ${arm} at 91, 182, 364 equals summary(fit, times, extend = TRUE)`, () => {
      const points = multiStateOccupancyAt(result.curves[arm]!, taus);
      points.forEach((point, index) => {
        const want = expected.arms[arm].at[String(taus[index])];
        for (const state of states) {
          expectR(point.pstate[state], want.pstate[state], ESTIMATE_TOLERANCE, `${arm} at ${point.time} pstate ${state}`);
          expectR(point.stdErr[state], want.std_err[state], ESTIMATE_TOLERANCE, `${arm} at ${point.time} std_err ${state}`);
        }
      });
    });

    it(`multiStateOccupancy(episodes, { taus, sets }): ${arm}'s restricted mean time in each state and in public support equals R's`, () => {
      result.restrictedMean.forEach((entry) => {
        const want = expected.arms[arm].rmean[String(entry.tau)];
        for (const key of [...states, "public"]) {
          const got = entry.byGroup[arm]![key]!;
          expectR(got.estimate, want[key].estimate, ESTIMATE_TOLERANCE, `${arm} rmean ${entry.tau} ${key}`);
          expectR(got.stdErr, want[key].std_err, ESTIMATE_TOLERANCE, `${arm} se(rmean) ${entry.tau} ${key}`);
        }
      });
      // R's own summary(fit, rmean = 182) table
      const at182 = result.restrictedMean.find((entry) => entry.tau === 182)!;
      for (const state of states) {
        const want = expected.arms[arm].summary_rmean_182[state];
        expectR(at182.byGroup[arm]![state]!.estimate, want.rmean, ESTIMATE_TOLERANCE, `${arm} summary rmean ${state}`);
        expectR(at182.byGroup[arm]![state]!.stdErr, want.se_rmean, ESTIMATE_TOLERANCE, `${arm} summary se(rmean) ${state}`);
      }
    });
  }

  it("multiStateOccupancy(episodes, { taus, sets }): control - intervention equals R's difference", () => {
    result.restrictedMean.forEach((entry) => {
      const want = expected.difference[String(entry.tau)];
      expect(Object.keys(want).sort()).toEqual(["adp", "other", "public"]);
      for (const key of Object.keys(want)) {
        expectR(entry.difference![key]!.estimate, want[key].estimate, ESTIMATE_TOLERANCE, `difference ${entry.tau} ${key}`);
        expectR(entry.difference![key]!.stdErr, want[key].std_err, ESTIMATE_TOLERANCE, `difference se ${entry.tau} ${key}`);
      }
    });
  });
});
