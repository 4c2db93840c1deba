/**
 * Restricted mean survival time (RMST) per group and the difference between two groups.
 */
import { z } from "zod";
import { normalQuantile, normalTwoSidedP } from "./distributions.ts";
import { AnalyzeError } from "./messages.ts";
import { type RiskTable, riskTablesByGroup } from "./risk-table.ts";
import {
  GroupOptionSchema,
  parseOrThrow,
  prepareSurvival,
  SurvivalDataSchema,
  type PreparedSurvival,
  type SurvivalData,
} from "./survival-input.ts";

export const RestrictedMeanOptionsSchema = z.object({
  /** Horizons tau (same unit as time), each > 0. */
  taus: z.array(z.number().positive().finite()).min(1),
  /** Groups to use, reference first (the difference is other minus reference). Default: all groups, "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /**
   * What a tau beyond the smallest group's last follow-up time does: "error" throws
   * `tau_beyond_follow_up` with the largest valid tau; "extend-flat" extends each curve flat
   * at its last value, as R's `summary(survfit, rmean = tau)` does. Default: "error"
   */
  beyondFollowUp: z.enum(["error", "extend-flat"]).default("error"),
  /** Confidence level of the interval for the difference. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
});
export type RestrictedMeanOptions = z.input<typeof RestrictedMeanOptionsSchema>;

export interface RestrictedMeanGroup {
  /** Area under the Kaplan-Meier curve from 0 to tau. */
  rmst: number;
  /** Standard error as R's survfit reports it for rmean. */
  se: number;
  /** The group's last follow-up time (event or censoring). */
  lastTime: number;
}

export interface RestrictedMeanDifference {
  /** Other group minus reference group. */
  estimate: number;
  /** sqrt(se_reference² + se_other²) (independent groups). */
  se: number;
  z: number;
  lower: number;
  upper: number;
  /** Two-sided normal p-value. */
  p: number;
}

export interface RestrictedMeanAtTau {
  tau: number;
  byGroup: Record<string, RestrictedMeanGroup>;
  /** Null unless there are exactly two groups. */
  difference: RestrictedMeanDifference | null;
}

export interface RestrictedMeanResult {
  n: number;
  nDropped: number;
  nExcluded: number;
  groups: string[];
  results: RestrictedMeanAtTau[];
}

/** RMST and its standard error for one group's risk table (internal; R's survmean). */
export function restrictedMeanOfTable(table: RiskTable, tau: number): { rmst: number; se: number } {
  const { time, nRisk, nEvent } = table;
  let kept = 0;
  while (kept < time.length && time[kept]! <= tau) kept++;
  if (kept === 0) return { rmst: tau, se: 0 };
  // rectangles[i]: area of the step ending at temptime[i] (temptime = kept times, then tau)
  const rectangles = new Float64Array(kept + 1);
  const survivalAt = new Float64Array(kept);
  let survival = 1;
  for (let index = 0; index < kept; index++) {
    if (nEvent[index]! > 0) survival *= 1 - nEvent[index]! / nRisk[index]!;
    survivalAt[index] = survival;
  }
  let previousTime = 0;
  let previousSurvival = 1;
  let area = 0;
  for (let index = 0; index <= kept; index++) {
    const stepEnd = index < kept ? time[index]! : tau;
    rectangles[index] = (stepEnd - previousTime) * previousSurvival;
    area += rectangles[index]!;
    previousTime = stepEnd;
    if (index < kept) previousSurvival = survivalAt[index]!;
  }
  // se² = Σ_j A_j² d_j / (n_j (n_j - d_j)), A_j = area from t_j to tau; n_j = d_j counts 0.
  let areaAfter = 0;
  let variance = 0;
  for (let index = kept - 1; index >= 0; index--) {
    areaAfter += rectangles[index + 1]!;
    const atRisk = nRisk[index]!;
    const died = nEvent[index]!;
    const hazardVariance = atRisk - died === 0 ? 0 : died / (atRisk * (atRisk - died));
    variance += areaAfter * areaAfter * hazardVariance;
  }
  return { rmst: area, se: Math.sqrt(variance) };
}

/** RMST on prepared data (internal). */
export function restrictedMeanPrepared(
  prepared: PreparedSurvival,
  taus: readonly number[],
  beyondFollowUp: "error" | "extend-flat",
  confLevel: number,
  tables: RiskTable[] = riskTablesByGroup(prepared),
): RestrictedMeanResult {
  const lastTimes = tables.map((table) => (table.time.length > 0 ? table.time[table.time.length - 1]! : Number.NaN));
  let largestValidTau = Number.POSITIVE_INFINITY;
  let limitingGroup = prepared.groups[0]!;
  lastTimes.forEach((lastTime, code) => {
    if (lastTime < largestValidTau) {
      largestValidTau = lastTime;
      limitingGroup = prepared.groups[code]!;
    }
  });
  const zValue = normalQuantile(1 - (1 - confLevel) / 2);
  const results = taus.map((tau) => {
    if (beyondFollowUp === "error" && tau > largestValidTau) {
      throw new AnalyzeError({ code: "tau_beyond_follow_up", tau, largestValidTau, group: limitingGroup });
    }
    const byGroup: Record<string, RestrictedMeanGroup> = {};
    const perGroup = tables.map((table) => restrictedMeanOfTable(table, tau));
    prepared.groups.forEach((group, code) => {
      byGroup[group] = { rmst: perGroup[code]!.rmst, se: perGroup[code]!.se, lastTime: lastTimes[code]! };
    });
    let difference: RestrictedMeanDifference | null = null;
    if (prepared.groups.length === 2) {
      const estimate = perGroup[1]!.rmst - perGroup[0]!.rmst;
      const se = Math.sqrt(perGroup[0]!.se ** 2 + perGroup[1]!.se ** 2);
      const zStatistic = estimate / se;
      difference = { estimate, se, z: zStatistic, lower: estimate - zValue * se, upper: estimate + zValue * se, p: normalTwoSidedP(zStatistic) };
    }
    return { tau, byGroup, difference };
  });
  return { n: prepared.total, nDropped: prepared.nDropped, nExcluded: prepared.nExcluded, groups: prepared.groups, results };
}

/**
 * Restricted mean survival time: the area under each group's Kaplan-Meier curve from 0 to
 * tau, the expected time in the initial state (e.g. days unemployed) within tau days.
 *
 * RMST(tau) = Σ (t_{i+1} - t_i) S(t_i) over the step function up to tau. Standard error as R's
 * survfit rmean: se² = Σ_{t_j <= tau} A_j² d_j / (n_j (n_j - d_j)), with A_j the area from
 * t_j to tau (no n/(n-1) factor; terms with n_j = d_j count as 0). The difference is other
 * minus reference with se = sqrt(se_1² + se_0²), a normal interval and a two-sided normal
 * p-value. "Days saved" by the intervention is minus this difference.
 *
 * A tau beyond the smallest group's last follow-up time is an error
 * (`tau_beyond_follow_up`, with the largest valid tau) unless `beyondFollowUp` is
 * "extend-flat" (R's convention: each curve continues flat at its last value).
 *
 * Missing data: rows with a missing time, event or group are dropped (`nDropped`).
 *
 * Reference: Royston & Parmar (2013), BMC Med Res Methodol 13:152; R survival 3.5-3
 * `summary(survfit(...), rmean = tau)$table`. Derivation in docs/methods.md.
 *
 * @example
 * // R: summary(survfit(Surv(c(2, 3, 3, 5, 5, 8), c(1, 1, 0, 1, 1, 0)) ~ 1), rmean = 5)$table["rmean"]
 * restrictedMeanSurvival(tiny, { taus: [5] }).results[0].byGroup.a.rmst // 4.166666666666667 (= 2 + 5/6 + 2 · 2/3)
 */
export function restrictedMeanSurvival(data: SurvivalData, options: RestrictedMeanOptions): RestrictedMeanResult {
  const input = parseOrThrow(SurvivalDataSchema, data, "restrictedMeanSurvival data");
  const parsed = parseOrThrow(RestrictedMeanOptionsSchema, options, "restrictedMeanSurvival options");
  const prepared = prepareSurvival(input.time, input.event, input.group, undefined, { groups: parsed.groups, count: input.count });
  return restrictedMeanPrepared(prepared, parsed.taus, parsed.beyondFollowUp, parsed.confLevel);
}
