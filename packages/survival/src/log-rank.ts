/**
 * Log-rank test comparing survival between groups, optionally stratified.
 */
import { z } from "zod";
import { chiSquareSurvival } from "./distributions.ts";
import { quadraticFormInverse } from "./linear-algebra.ts";
import { AnalyzeError } from "./messages.ts";
import {
  GroupOptionSchema,
  orderByStratum,
  parseOrThrow,
  prepareSurvival,
  SurvivalDataSchema,
  type PreparedSurvival,
  type SurvivalData,
} from "./survival-input.ts";

export const LogRankOptionsSchema = z.object({
  /** Stratify by `data.strata` (O, E and V summed over strata; rows with a missing stratum are left out and counted). Default: false */
  stratified: z.boolean().default(false),
  /** Groups to use, reference first. Default: all groups, "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
});
export type LogRankOptions = z.input<typeof LogRankOptionsSchema>;

export interface LogRankResult {
  chisq: number;
  /** Groups with expected > 0, minus 1. */
  df: number;
  p: number;
  stratified: boolean;
  /** Rows used. */
  n: number;
  nDropped: number;
  nExcluded: number;
  /** Rows left out of a stratified test for a missing stratum. */
  nMissingStratum: number;
  groups: string[];
  nByGroup: Record<string, number>;
  observed: Record<string, number>;
  expected: Record<string, number>;
  /** Variance matrix of O - E (hypergeometric), rows and columns in `groups` order. */
  variance: number[][];
  /** Per-stratum rows, observed and expected (stratified only). */
  byStratum?: { strata: string[]; n: number[]; observed: Record<string, number[]>; expected: Record<string, number[]> };
}

/** Log-rank on prepared data (internal). */
export function logRankPrepared(prepared: PreparedSurvival, stratified: boolean): LogRankResult {
  const nGroups = prepared.groups.length;
  const nStrata = prepared.strata.length;
  const observedByStratum = Array.from({ length: nGroups }, () => new Float64Array(nStrata));
  const expectedByStratum = Array.from({ length: nGroups }, () => new Float64Array(nStrata));
  const variance = Array.from({ length: nGroups }, () => new Array<number>(nGroups).fill(0));
  const stratumSize = new Array<number>(nStrata).fill(0);
  const nByGroup = new Float64Array(nGroups);
  const { order, blockStart } = orderByStratum(prepared);
  const atRisk = new Float64Array(nGroups);
  const deathsByGroup = new Float64Array(nGroups);
  const leavingByGroup = new Float64Array(nGroups);
  for (let stratum = 0; stratum < nStrata; stratum++) {
    const start = blockStart[stratum]!;
    const end = blockStart[stratum + 1]!;
    atRisk.fill(0);
    let totalAtRisk = 0;
    for (let position = start; position < end; position++) {
      const row = order[position]!;
      atRisk[prepared.group[row]!]! += prepared.count[row]!;
      totalAtRisk += prepared.count[row]!;
    }
    stratumSize[stratum] = totalAtRisk;
    for (let group = 0; group < nGroups; group++) nByGroup[group]! += atRisk[group]!;
    let position = start;
    while (position < end) {
      const currentTime = prepared.time[order[position]!]!;
      deathsByGroup.fill(0);
      leavingByGroup.fill(0);
      let deaths = 0;
      let leaving = 0;
      while (position < end && prepared.time[order[position]!] === currentTime) {
        const row = order[position]!;
        const group = prepared.group[row]!;
        const persons = prepared.count[row]!;
        leavingByGroup[group]! += persons;
        leaving += persons;
        if (prepared.status[row]! > 0) {
          deathsByGroup[group]! += persons;
          deaths += persons;
        }
        position++;
      }
      if (deaths > 0) {
        for (let group = 0; group < nGroups; group++) {
          observedByStratum[group]![stratum]! += deathsByGroup[group]!;
          expectedByStratum[group]![stratum]! += (deaths * atRisk[group]!) / totalAtRisk;
        }
        if (totalAtRisk > 1) {
          // hypergeometric variance: d (n - d) / (n (n - 1)) · n_j (δ_jk - n_k / n)
          const factor = (deaths * (totalAtRisk - deaths)) / (totalAtRisk * (totalAtRisk - 1));
          for (let j = 0; j < nGroups; j++) {
            const scaled = factor * atRisk[j]!;
            variance[j]![j]! += scaled;
            for (let k = 0; k < nGroups; k++) variance[j]![k]! -= (scaled * atRisk[k]!) / totalAtRisk;
          }
        }
      }
      for (let group = 0; group < nGroups; group++) atRisk[group]! -= leavingByGroup[group]!;
      totalAtRisk -= leaving;
    }
  }
  const observed = new Array<number>(nGroups).fill(0);
  const expected = new Array<number>(nGroups).fill(0);
  for (let group = 0; group < nGroups; group++) {
    for (let stratum = 0; stratum < nStrata; stratum++) {
      observed[group]! += observedByStratum[group]![stratum]!;
      expected[group]! += expectedByStratum[group]![stratum]!;
    }
  }
  // survdiff: drop groups with E = 0, then the first remaining one; chisq = uᵀ V⁻¹ u.
  const used = expected.map((value, group) => (value > 0 ? group : -1)).filter((group) => group >= 0);
  let chisq = 0;
  if (used.length >= 2) {
    const kept = used.slice(1);
    const difference = kept.map((group) => observed[group]! - expected[group]!);
    const subVariance = kept.map((j) => kept.map((k) => variance[j]![k]!));
    chisq = quadraticFormInverse(subVariance, difference);
  }
  const df = used.length - 1;
  const record = (values: ArrayLike<number>) => Object.fromEntries(prepared.groups.map((group, index) => [group, values[index]!]));
  const result: LogRankResult = {
    chisq,
    df,
    p: df > 0 ? chiSquareSurvival(chisq, df) : Number.NaN,
    stratified,
    n: prepared.total,
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
    nMissingStratum: prepared.nMissingStratum,
    groups: prepared.groups,
    nByGroup: record(nByGroup),
    observed: record(observed),
    expected: record(expected),
    variance,
  };
  if (stratified) {
    result.byStratum = {
      strata: prepared.strata,
      n: stratumSize,
      observed: Object.fromEntries(prepared.groups.map((group, index) => [group, Array.from(observedByStratum[index]!)])),
      expected: Object.fromEntries(prepared.groups.map((group, index) => [group, Array.from(expectedByStratum[index]!)])),
    };
  }
  return result;
}

/**
 * Log-rank (Mantel-Haenszel) test of equal survival across groups.
 *
 * At each distinct event time t_j with n_j at risk and d_j events (n_gj, d_gj in group g):
 * E_g = Σ d_j n_gj / n_j, O_g = Σ d_gj, and the hypergeometric variance
 * V_gk = Σ d_j (n_j - d_j) / (n_j (n_j - 1)) · n_gj (δ_gk - n_kj / n_j).
 * chisq = (O - E)ᵀ V⁻¹ (O - E) over all groups but the first with E > 0; df = groups with
 * E > 0 minus 1. Stratified: O, E and V are summed over strata, each stratum with its own
 * risk sets. Censorings at t_j count as at risk at t_j.
 *
 * Missing data: rows with a missing time, event or group are dropped (`nDropped`); in a
 * stratified test rows with a missing stratum are left out (`nMissingStratum`).
 *
 * Reference: Mantel (1966); Peto & Peto (1972); R survival 3.5-3 `survdiff` (rho = 0).
 *
 * @example
 * // R (lung): survdiff(Surv(time, status == 2) ~ sex, data = lung)$chisq
 * logRank(lung).chisq // 10.32655 (test/log-rank.test.ts checks 10.326... to 1e-8)
 */
export function logRank(data: SurvivalData, options: LogRankOptions = {}): LogRankResult {
  const input = parseOrThrow(SurvivalDataSchema, data, "logRank data");
  const parsed = parseOrThrow(LogRankOptionsSchema, options, "logRank options");
  if (parsed.stratified && input.strata === undefined) {
    throw new AnalyzeError({ code: "invalid_input", detail: "stratified: true needs a strata column (data.strata)" });
  }
  const prepared = prepareSurvival(input.time, input.event, input.group, input.strata, {
    groups: parsed.groups,
    useStrata: parsed.stratified,
    count: input.count,
  });
  return logRankPrepared(prepared, parsed.stratified);
}
