/**
 * Cumulative incidence of competing exits (Aalen-Johansen), per group and exit state,
 * with infinitesimal-jackknife standard errors as R's multi-state survfit.
 */
import { z } from "zod";
import { confidenceLimits } from "./confidence-band.ts";
import { normalQuantile } from "./distributions.ts";
import { type RiskTable, riskTablesByGroup } from "./risk-table.ts";
import { lastIndexAtOrBefore } from "./survival-at-times.ts";
import {
  CompetingRisksDataSchema,
  GroupOptionSchema,
  parseOrThrow,
  prepareSurvival,
  type CompetingRisksData,
  type PreparedSurvival,
} from "./survival-input.ts";

export const CumulativeIncidenceOptionsSchema = z.object({
  /** Groups to use, reference first. Default: all groups, "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /** Confidence level of the (log) band. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
});
export type CumulativeIncidenceOptions = z.input<typeof CumulativeIncidenceOptionsSchema>;

/** A probability curve over the group's distinct times. */
export interface StateProbabilityCurve {
  /** Probability of being in the state at t (cumulative incidence for an exit state). */
  estimate: number[];
  /** Infinitesimal-jackknife standard error (probability scale). */
  stdErr: number[];
  /** Log band exp(log p ± z·se/p), upper cut at 1; null where p = 0. */
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface CumulativeIncidenceCurve {
  group: string;
  n: number;
  time: number[];
  /** Still in the initial state just before t. */
  nRisk: number[];
  /** Exits by state at t, keyed by state ("1", "2", ...). */
  nEvent: Record<string, number[]>;
  nCensor: number[];
  /** Probability of no exit yet (the any-exit Kaplan-Meier curve). */
  initial: StateProbabilityCurve;
  /** Cumulative incidence per exit state, keyed by state. */
  incidence: Record<string, StateProbabilityCurve>;
}

export interface CumulativeIncidenceResult {
  n: number;
  nDropped: number;
  nExcluded: number;
  confLevel: number;
  groups: string[];
  /** Exit states, as strings ("1", "2", ...): 1..the largest state in the data. */
  states: string[];
  curves: Record<string, CumulativeIncidenceCurve>;
}

function emptyStateCurve(length: number): StateProbabilityCurve {
  return { estimate: new Array(length), stdErr: new Array(length), lower: new Array(length), upper: new Array(length) };
}

function setPoint(curve: StateProbabilityCurve, index: number, probability: number, variance: number, zValue: number): void {
  const stdErr = Math.sqrt(Math.max(variance, 0));
  curve.estimate[index] = probability;
  curve.stdErr[index] = stdErr;
  // survfit_confint with logse = FALSE: se on the log scale is se/p (0 when se = 0).
  const stdErrLog = stdErr === 0 ? 0 : stdErr / probability;
  const limits = confidenceLimits(probability, stdErrLog, "log", zValue);
  curve.lower[index] = limits.lower;
  curve.upper[index] = limits.upper;
}

/** Aalen-Johansen curves of one risk table (internal). */
export function aalenJohansenCurve(group: string, table: RiskTable, nStates: number, zValue: number): CumulativeIncidenceCurve {
  const length = table.time.length;
  const initial = emptyStateCurve(length);
  const incidence = Array.from({ length: nStates }, () => emptyStateCurve(length));
  let survival = 1; // p0(t-)
  const cumulative = new Float64Array(nStates); // F_k(t-)
  // Influence (derivative of the estimate with respect to a case weight) of a row still at
  // risk: state 0 and each exit state.
  let atRiskInfluence0 = 0;
  const atRiskInfluence = new Float64Array(nStates);
  // Sums over rows that have left, grouped: C = Σ β², B_k = Σ α_k β, A_k = Σ α_k²,
  // with β their current influence on p0 and α_k on F_k (see docs/methods.md).
  let sumBetaSquared = 0;
  const sumAlphaBeta = new Float64Array(nStates);
  const sumAlphaSquared = new Float64Array(nStates);
  const exitInfluence = new Float64Array(nStates);
  for (let index = 0; index < length; index++) {
    const atRisk = table.nRisk[index]!;
    const exits = table.nEvent[index]!;
    const censored = table.nCensor[index]!;
    const hazard = exits / atRisk;
    const stay = 1 - hazard;
    // 1. rows that left earlier: propagate α_k += β h_k, β *= (1 - h).
    for (let state = 0; state < nStates; state++) {
      const stateHazard = table.nEventByState[state]![index]! / atRisk;
      sumAlphaSquared[state]! += 2 * stateHazard * sumAlphaBeta[state]! + stateHazard * stateHazard * sumBetaSquared;
      sumAlphaBeta[state] = stay * (sumAlphaBeta[state]! + stateHazard * sumBetaSquared);
    }
    sumBetaSquared *= stay * stay;
    // 2. rows exiting now, by exit state j: U_0 = f_0 (1 - h) - p0 (1 - h)/n,
    //    U_k = f_k + f_0 h_k + p0 (δ_kj - h_k)/n.
    const exitInfluence0 = atRiskInfluence0 * stay - (survival * stay) / atRisk;
    for (let exitState = 0; exitState < nStates; exitState++) {
      const count = table.nEventByState[exitState]![index]!;
      if (count === 0) continue;
      for (let state = 0; state < nStates; state++) {
        const stateHazard = table.nEventByState[state]![index]! / atRisk;
        exitInfluence[state] = atRiskInfluence[state]! + atRiskInfluence0 * stateHazard + (survival * ((state === exitState ? 1 : 0) - stateHazard)) / atRisk;
        sumAlphaSquared[state]! += count * exitInfluence[state]! ** 2;
        sumAlphaBeta[state]! += count * exitInfluence[state]! * exitInfluence0;
      }
      sumBetaSquared += count * exitInfluence0 * exitInfluence0;
    }
    // 3. rows still at risk (and those censored now): f_0 = f_0 (1 - h) + p0 h/n,
    //    f_k = f_k + f_0 h_k - p0 h_k/n.
    const previousInfluence0 = atRiskInfluence0;
    atRiskInfluence0 = previousInfluence0 * stay + (survival * hazard) / atRisk;
    for (let state = 0; state < nStates; state++) {
      const stateHazard = table.nEventByState[state]![index]! / atRisk;
      atRiskInfluence[state] = atRiskInfluence[state]! + previousInfluence0 * stateHazard - (survival * stateHazard) / atRisk;
    }
    if (censored > 0) {
      for (let state = 0; state < nStates; state++) {
        sumAlphaSquared[state]! += censored * atRiskInfluence[state]! ** 2;
        sumAlphaBeta[state]! += censored * atRiskInfluence[state]! * atRiskInfluence0;
      }
      sumBetaSquared += censored * atRiskInfluence0 * atRiskInfluence0;
    }
    // 4. the estimates at t.
    for (let state = 0; state < nStates; state++) cumulative[state]! += (survival * table.nEventByState[state]![index]!) / atRisk;
    survival *= stay;
    const remaining = atRisk - exits - censored;
    setPoint(initial, index, survival, sumBetaSquared + remaining * atRiskInfluence0 * atRiskInfluence0, zValue);
    for (let state = 0; state < nStates; state++) {
      setPoint(incidence[state]!, index, cumulative[state]!, sumAlphaSquared[state]! + remaining * atRiskInfluence[state]! ** 2, zValue);
    }
  }
  const stateKeys = Array.from({ length: nStates }, (_, state) => String(state + 1));
  return {
    group,
    n: table.n,
    time: table.time,
    nRisk: table.nRisk,
    nEvent: Object.fromEntries(stateKeys.map((key, state) => [key, table.nEventByState[state]!])),
    nCensor: table.nCensor,
    initial,
    incidence: Object.fromEntries(stateKeys.map((key, state) => [key, incidence[state]!])),
  };
}

/** Aalen-Johansen on prepared data (internal). */
export function cumulativeIncidencePrepared(prepared: PreparedSurvival, confLevel: number): CumulativeIncidenceResult {
  const zValue = normalQuantile(1 - (1 - confLevel) / 2);
  const nStates = prepared.maxStatus;
  const tables = riskTablesByGroup(prepared);
  const curves: Record<string, CumulativeIncidenceCurve> = {};
  prepared.groups.forEach((group, code) => {
    curves[group] = aalenJohansenCurve(group, tables[code]!, nStates, zValue);
  });
  return {
    n: prepared.total,
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
    confLevel,
    groups: prepared.groups,
    states: Array.from({ length: nStates }, (_, state) => String(state + 1)),
    curves,
  };
}

/**
 * Cumulative incidence of each exit state with competing exits (Aalen-Johansen), per group.
 *
 * From one initial state with exit states k = 1..K: at each distinct time with n at risk,
 * d_k exits to k and d = Σ d_k, F_k(t) = F_k(t-) + p0(t-) d_k / n and
 * p0(t) = p0(t-) (1 - d / n) (p0 is the any-exit Kaplan-Meier curve, so F_k sums with p0
 * to 1). Ties are kept as they are (deterministic, never jittered); censorings at t count
 * as at risk at t. Standard errors: infinitesimal jackknife, Var = Σ_i U_i(t)², with U_i
 * the derivative of the estimate with respect to row i's case weight, computed exactly in
 * O(times × states) (docs/methods.md); this is what R's multi-state survfit reports by
 * default. Band: log, exp(log p ± z·se/p), upper cut at 1.
 *
 * Missing data: rows with a missing time, state or group are dropped (`nDropped`).
 *
 * Reference: Aalen & Johansen (1978), Scand J Statist 5, 141-150; Efron (1982) for the
 * infinitesimal jackknife; R survival 3.5-3 `survfit(Surv(time, factor(state)) ~ group)`.
 *
 * @example
 * // R: survfit(Surv(c(1, 2, 2, 3), factor(c(1, 2, 0, 1), 0:2)) ~ 1)$pstate[, 2]
 * cumulativeIncidence({ time: [1, 2, 2, 3], state: [1, 2, 0, 1], group: ["a", "a", "a", "a"] })
 *   .curves.a.incidence["1"].estimate // [0.25, 0.25, 0.75]
 */
export function cumulativeIncidence(data: CompetingRisksData, options: CumulativeIncidenceOptions = {}): CumulativeIncidenceResult {
  const input = parseOrThrow(CompetingRisksDataSchema, data, "cumulativeIncidence data");
  const parsed = parseOrThrow(CumulativeIncidenceOptionsSchema, options, "cumulativeIncidence options");
  const prepared = prepareSurvival(input.time, input.state, input.group, undefined, { groups: parsed.groups, multiState: true, count: input.count });
  return cumulativeIncidencePrepared(prepared, parsed.confLevel);
}

export interface StateProbabilityAtTime {
  time: number;
  /** Rows with time >= t (still in the initial state or censored at t or later). */
  nRisk: number;
  estimate: number;
  stdErr: number;
  lower: number | null;
  upper: number | null;
}

/**
 * A state probability curve read at chosen times (R's `summary(fit, times, extend = TRUE)`):
 * the value at the last listed time <= t; before the first time the initial state has
 * probability 1 and every exit state 0 (standard error 0).
 *
 * @example cumulativeIncidenceAt(result.curves.a, "1", [2]) // [{ time: 2, nRisk: 3, estimate: 0.25, ... }]
 */
export function cumulativeIncidenceAt(curve: CumulativeIncidenceCurve, state: string, times: readonly number[], confLevel = 0.95): StateProbabilityAtTime[] {
  const zValue = normalQuantile(1 - (1 - confLevel) / 2);
  const probabilities = state === "0" ? curve.initial : curve.incidence[state];
  if (probabilities === undefined) return [];
  return times.map((t) => {
    const index = lastIndexAtOrBefore(curve.time, t);
    const estimate = index < 0 ? (state === "0" ? 1 : 0) : probabilities.estimate[index]!;
    const stdErr = index < 0 ? 0 : probabilities.stdErr[index]!;
    let nRisk = 0;
    if (index >= 0 && curve.time[index] === t) nRisk = curve.nRisk[index]!;
    else if (index + 1 < curve.time.length) nRisk = curve.nRisk[index + 1]!;
    const limits = confidenceLimits(estimate, stdErr === 0 ? 0 : stdErr / estimate, "log", zValue);
    return { time: t, nRisk, estimate, stdErr, lower: limits.lower, upper: limits.upper };
  });
}
