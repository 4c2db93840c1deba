/**
 * State occupancy in a multi-state model (Aalen-Johansen) per group, with
 * infinitesimal-jackknife standard errors, the restricted mean time in each state and in
 * named unions of states up to tau, and the difference between two groups.
 */
import { z } from "zod";
import { aalenJohansenPass, type AalenJohansenPass } from "./multi-state-aalen-johansen.ts";
import { MultiStateDataSchema, MultiStateInputOptionsSchema, prepareMultiState, type MultiStateData } from "./multi-state-input.ts";
import { AnalyzeError } from "./messages.ts";
import { lastIndexAtOrBefore } from "./survival-at-times.ts";
import { parseOrThrow } from "./survival-input.ts";

export const MultiStateOptionsSchema = MultiStateInputOptionsSchema.extend({
  /** Horizons tau for the restricted mean time in state, each > 0. Default: none */
  taus: z.array(z.number().positive().finite()).default([]),
  /** Named unions of states for the restricted mean, e.g. { public: ["adp", "other"] }; a name may not be a state. Default: none */
  sets: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  /**
   * What a tau beyond the smallest group's last time does: "error" throws
   * `tau_beyond_follow_up` with the largest valid tau; "extend-flat" continues each curve
   * flat at its last value, as R's `summary(fit, times, extend = TRUE)` and `rmean` do.
   * Default: "error"
   */
  beyondFollowUp: z.enum(["error", "extend-flat"]).default("error"),
  /**
   * Also return each person's influence on the restricted mean time in every state and set
   * (`RestrictedMeanInStates.influence`): the derivative of the estimate with respect to the
   * person's weight, whose squares sum to the IJ variance; the ingredient of
   * infinitesimal-jackknife pseudo-observations. Default: false
   */
  influence: z.boolean().default(false),
});
export type MultiStateOptions = z.input<typeof MultiStateOptionsSchema>;

/** A group's state occupancy step function. */
export interface StateOccupancyCurve {
  group: string;
  /** Distinct ids in the group. */
  nIds: number;
  /** Persons they stand for (sum of counts; equals nIds without counts). */
  nPersons: number;
  /** Distinct episode ends (transitions and censorings), ascending. */
  time: number[];
  /** Persons at risk in any state just before t. */
  nRisk: number[];
  /** Transitions at t. */
  nTransitions: number[];
  /** Censorings at t. */
  nCensor: number[];
  /** The start (time 0): p0 per state and its standard error (0 when all start in one state). */
  initial: { pstate: Record<string, number>; stdErr: Record<string, number> };
  /** Probability of being in each state at each time. */
  pstate: Record<string, number[]>;
  /** Infinitesimal-jackknife standard error of pstate (probability scale). */
  stdErr: Record<string, number[]>;
}

/** A time in state (or in a union of states) with its standard error. */
export interface TimeInState {
  estimate: number;
  stdErr: number;
}

export interface RestrictedMeanInStates {
  tau: number;
  /** Per group, per state and per named set: expected days in it from 0 to tau. */
  byGroup: Record<string, Record<string, TimeInState>>;
  /** First group minus second, SE sqrt(se1² + se2²) (independent groups); null unless exactly two groups. */
  difference: Record<string, TimeInState> | null;
  /**
   * With the option `influence`: per group, the ids (as labels, in the group's order) and each
   * id's influence on the time in each state and set; an id with a count stands for that many
   * persons with the same influence. Absent without the option.
   */
  influence?: Record<string, { ids: string[]; byKey: Record<string, number[]> }>;
}

export interface MultiStateResult {
  states: string[];
  /** The named unions of states, as given. */
  sets: Record<string, string[]>;
  /** Groups, first group first. */
  groups: string[];
  nRows: number;
  /** Rows dropped: without an id, or of a person with a missing cell. */
  nDroppedRows: number;
  /** Persons left out whole for a missing cell. */
  nDroppedIds: number;
  /** Rows of groups not requested. */
  nExcludedRows: number;
  curves: Record<string, StateOccupancyCurve>;
  /** One entry per tau, in the order given. */
  restrictedMean: RestrictedMeanInStates[];
}

function byState<T>(states: readonly string[], value: (state: number) => T): Record<string, T> {
  return Object.fromEntries(states.map((label, state) => [label, value(state)]));
}

function curveOf(group: string, nIds: number, nPersons: number, pass: AalenJohansenPass, states: readonly string[]): StateOccupancyCurve {
  return {
    group,
    nIds,
    nPersons,
    time: pass.time,
    nRisk: pass.nRisk,
    nTransitions: pass.nTransitions,
    nCensor: pass.nCensor,
    initial: {
      pstate: byState(states, (state) => pass.initial[state]!),
      stdErr: byState(states, (state) => Math.sqrt(pass.initialVariance[state]!)),
    },
    pstate: byState(states, (state) => Array.from(pass.pstate[state]!)),
    stdErr: byState(states, (state) => Array.from(pass.variance[state]!, (variance) => Math.sqrt(variance))),
  };
}

/** Time in a set of states up to taus[tauIndex]: the summed areas, SE from the summed per-person influence. */
function timeInSet(pass: AalenJohansenPass, tauIndex: number, members: readonly number[], nStates: number): TimeInState {
  let estimate = 0;
  for (const state of members) estimate += pass.area[tauIndex]![state]!;
  const influence = pass.areaInfluence[tauIndex]!;
  let variance = 0;
  for (let person = 0; person < pass.count.length; person++) {
    let personInfluence = 0;
    for (const state of members) personInfluence += influence[person * nStates + state]!;
    variance += pass.count[person]! * personInfluence * personInfluence;
  }
  return { estimate, stdErr: Math.sqrt(variance) };
}

/**
 * State occupancy probabilities of a multi-state model (Aalen-Johansen), per group, with
 * infinitesimal-jackknife (IJ) standard errors, and the restricted mean time in each state
 * and in named unions of states up to each tau.
 *
 * Any states and transitions in any direction (a return to the first state counts as
 * such); staggered entry (an episode is at risk only after its start: left truncation)
 * and right censoring. At each distinct episode end t_j, p(t_j) = p(t_{j-1}) H_j with
 * H[s][k] = d_sk / n_s, H[s][s] = 1 - Σ_k d_sk / n_s (n_s persons at risk in s just
 * before t_j, d_sk of them moving to k at t_j); p(0) = p0, the distribution over states of
 * the persons at risk at the first transition. Var p_s(t) = Σ_i count_i U_is(t)², U_i the
 * derivative of p(t) with respect to person i's weight (docs/methods.md). The restricted
 * mean time in a set of states A is RMT_A(tau) = ∫_0^tau Σ_{s in A} p_s(u) du (the area
 * under the step function; a step at tau adds nothing), its SE from the per-person
 * influence Σ_j U_i(t_j) × step width. The difference between the first two groups is
 * first minus second, SE sqrt(se1² + se2²).
 *
 * Variant: R's multi-state `survfit` (IJ variance clustered on id, the only one it
 * offers for multi-state data). A `count` is a frequency weight: a row standing for c
 * persons gives what c identical rows with distinct ids give (R's case weights use Σ w²U²
 * instead). Missing data: see multi-state-input.ts (a person with a missing cell is left
 * out whole and counted). Ties are kept; times are compared exactly.
 *
 * Reference: Aalen & Johansen (1978), Scand J Statist 5, 141-150; Efron (1982) for the
 * infinitesimal jackknife; R survival 3.5-3
 * `survfit(Surv(tstart, tstop, event) ~ group, id = id, istate = istate, influence = TRUE)`
 * and `summary(fit, rmean = tau)`; checked on the shared `multistate` case to 1e-8.
 *
 * @example
 * // three persons, worked by hand in test/multi-state-occupancy.test.ts:
 * // adp (0,2] -> job, job (2,5] -> adp, adp (5,8] censored; adp (0,4] -> education, education (4,8] censored; adp (0,3] censored
 * const result = multiStateOccupancy(
 *   { id: [1, 1, 1, 2, 2, 3], group: ["g", "g", "g", "g", "g", "g"], start: [0, 2, 5, 0, 4, 0], stop: [2, 5, 8, 4, 8, 3],
 *     from: ["adp", "job", "adp", "adp", "education", "adp"], to: ["job", "adp", "censor", "education", "censor", "censor"] },
 *   { taus: [6] },
 * );
 * result.states // ["adp", "education", "job"]
 * result.curves.g.pstate.adp // [2/3, 2/3, 0, 1/3, 1/3] at times [2, 3, 4, 5, 8]
 * result.restrictedMean[0].byGroup.g.adp // { estimate: 11/3, stdErr: sqrt(6)/9 }
 */
export function multiStateOccupancy(data: MultiStateData, options: MultiStateOptions = {}): MultiStateResult {
  const input = parseOrThrow(MultiStateDataSchema, data, "multiStateOccupancy data");
  const parsed = parseOrThrow(MultiStateOptionsSchema, options, "multiStateOccupancy options");
  const prepared = prepareMultiState(input, parsed);
  const { states, groups } = prepared;
  const nStates = states.length;

  const setMembers: Record<string, number[]> = {};
  for (const [name, members] of Object.entries(parsed.sets)) {
    if (states.includes(name)) throw new AnalyzeError({ code: "invalid_input", detail: `the set name "${name}" is also a state; give the set another name` });
    setMembers[name] = members.map((member) => {
      const state = states.indexOf(member);
      if (state < 0) throw new AnalyzeError({ code: "episode_option_state", option: name, state: member, states });
      return state;
    });
  }

  const passes = prepared.byGroup.map((episodes) => aalenJohansenPass(episodes, nStates, parsed.taus));
  if (parsed.beyondFollowUp === "error" && parsed.taus.length > 0) {
    let shortest = 0;
    passes.forEach((pass, index) => {
      if (pass.time[pass.time.length - 1]! < passes[shortest]!.time[passes[shortest]!.time.length - 1]!) shortest = index;
    });
    const lastTime = passes[shortest]!.time[passes[shortest]!.time.length - 1]!;
    const tooFar = parsed.taus.find((tau) => tau > lastTime);
    if (tooFar !== undefined) throw new AnalyzeError({ code: "tau_beyond_follow_up", tau: tooFar, largestValidTau: lastTime, group: groups[shortest]! });
  }

  const curves: Record<string, StateOccupancyCurve> = {};
  groups.forEach((group, index) => {
    const episodes = prepared.byGroup[index]!;
    curves[group] = curveOf(group, episodes.nIds, episodes.nPersons, passes[index]!, states);
  });

  const keys: [string, number[]][] = [...states.map((label, state): [string, number[]] => [label, [state]]), ...Object.entries(setMembers)];
  const restrictedMean = parsed.taus.map((tau, tauIndex): RestrictedMeanInStates => {
    const byGroup: Record<string, Record<string, TimeInState>> = {};
    groups.forEach((group, index) => {
      byGroup[group] = Object.fromEntries(keys.map(([key, members]) => [key, timeInSet(passes[index]!, tauIndex, members, nStates)]));
    });
    let difference: Record<string, TimeInState> | null = null;
    if (groups.length === 2) {
      const [first, second] = [byGroup[groups[0]!]!, byGroup[groups[1]!]!];
      difference = Object.fromEntries(
        keys.map(([key]) => [key, { estimate: first[key]!.estimate - second[key]!.estimate, stdErr: Math.hypot(first[key]!.stdErr, second[key]!.stdErr) }]),
      );
    }
    if (!parsed.influence) return { tau, byGroup, difference };
    const influence: NonNullable<RestrictedMeanInStates["influence"]> = {};
    groups.forEach((group, index) => {
      const pass = passes[index]!;
      const areaInfluence = pass.areaInfluence[tauIndex]!;
      const byKey = Object.fromEntries(
        keys.map(([key, members]) => [key, Array.from({ length: pass.count.length }, (_, person) => members.reduce((sum, state) => sum + areaInfluence[person * nStates + state]!, 0))]),
      );
      influence[group] = { ids: prepared.byGroup[index]!.ids, byKey };
    });
    return { tau, byGroup, difference, influence };
  });

  return {
    states,
    sets: parsed.sets,
    groups,
    nRows: prepared.nRows,
    nDroppedRows: prepared.nDroppedRows,
    nDroppedIds: prepared.nDroppedIds,
    nExcludedRows: prepared.nExcludedRows,
    curves,
    restrictedMean,
  };
}

/** State occupancy read at one time. */
export interface StateOccupancyAtTime {
  time: number;
  pstate: Record<string, number>;
  stdErr: Record<string, number>;
}

/**
 * A state occupancy curve read at chosen times, as R's `summary(fit, times, extend = TRUE)`:
 * the value at the last listed time <= t; before the first time, p0 and its standard
 * error; after the last time, the last value.
 *
 * @example multiStateOccupancyAt(result.curves.g, [4.5]) // [{ time: 4.5, pstate: { adp: 0, education: 2/3, job: 1/3 }, stdErr: { adp: 0, education: sqrt(6)/9, job: sqrt(6)/9 } }]
 */
export function multiStateOccupancyAt(curve: StateOccupancyCurve, times: readonly number[]): StateOccupancyAtTime[] {
  const states = Object.keys(curve.pstate);
  return times.map((time) => {
    const index = lastIndexAtOrBefore(curve.time, time);
    const pick = (values: Record<string, number[]>, start: Record<string, number>) =>
      Object.fromEntries(states.map((state) => [state, index < 0 ? start[state]! : values[state]![index]!]));
    return { time, pstate: pick(curve.pstate, curve.initial.pstate), stdErr: pick(curve.stdErr, curve.initial.stdErr) };
  });
}
