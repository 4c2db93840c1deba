/**
 * Expected days in each benefit state within tau, per arm, from the citizens' paths
 * (benefit-paths.ts): the Aalen-Johansen state occupancy of a multi-state model with
 * staggered entry and censoring (as-of date, moving away) and the restricted mean time in
 * each state and in any public support, with infinitesimal-jackknife standard errors
 * (survival's `multiStateOccupancy`, as R's
 * `survfit(Surv(tstart, tstop, event) ~ arm, id = id, istate = istate)`). Returns to
 * A-dagpenge count: the time in a state is every day spent in it, whichever spell.
 *
 * Headline: days saved = control minus intervention expected days on A-dagpenge within
 * the primary horizon; beside it the days on any public support; and where the saved days
 * went (intervention minus control days in every other state, which sum to the days
 * saved because each arm's days in all states sum to tau).
 */
import type { BenefitStates } from "@jobtrial/core";
import { multiStateOccupancy, type MultiStateResult } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import { type BenefitPathSet, type Episode, pathEpisodes } from "./benefit-paths.ts";
import { normalEstimate } from "./normal-estimate.ts";
import { cell } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;
/** The censor label of the episodes (never a state name: those are lower-case letters, digits and "-"). */
const CENSORED = "(censored)";
/** The set of public states in the multi-state result (the configuration forbids it as a state name). */
const PUBLIC = "public";

export const EXCLUDED_NO_UNEMPLOYMENT_WEEK = "no A-dagpenge in the entry week or the next";
export const EXCLUDED_LATE_ENTRY_PATHS = "entered on or after the as-of date";

export interface TimeInStates {
  paths: NonNullable<Results["paths"]>;
  /** Days saved on A-dagpenge at the primary horizon (all null when it is not estimable). */
  daysSaved: Results["daysSaved"];
  /** Horizons left out because an arm is not followed that long. */
  notEstimable: number[];
}

/** The longest horizon every arm is followed to: the smaller of the arms' longest follow-up. */
export function longestEstimableHorizon(set: BenefitPathSet): number {
  return Math.min(...ARMS.map((arm) => set.paths.reduce((longest, path) => (path.arm === arm ? Math.max(longest, path.followUp) : longest), 0)));
}

/**
 * Restricted mean time in each state and on public support per arm at each estimable tau,
 * the differences, and the headline days saved. Needs at least one path in each arm.
 *
 * @example timeInStates(set, DEFAULT_BENEFIT_STATES, { taus: [182, 364], primaryTau: 364, minCellSize: 5 }).daysSaved.estimate
 */
export function timeInStates(set: BenefitPathSet, states: BenefitStates, options: { taus: readonly number[]; primaryTau: number; minCellSize: number }): TimeInStates {
  const longest = longestEstimableHorizon(set);
  const taus = [...new Set(options.taus)].sort((a, b) => a - b);
  const estimable = taus.filter((tau) => tau <= longest);
  const notEstimable = taus.filter((tau) => tau > longest);
  const names = states.states.map((state) => state.name);
  const publicNames = states.states.filter((state) => state.public).map((state) => state.name);
  const result = occupancy(set, names, states.unemploymentState, publicNames, estimable);

  const stateDays = (tauIndex: number, key: string, isPublic: boolean) => {
    const entry = result!.restrictedMean[tauIndex]!.byGroup;
    const control = entry["control"]![key]!;
    const intervention = entry["intervention"]![key]!;
    return {
      state: key,
      public: isPublic,
      control: { estimate: control.estimate, se: control.stdErr },
      intervention: { estimate: intervention.estimate, se: intervention.stdErr },
      difference: normalEstimate(intervention.estimate - control.estimate, Math.hypot(control.stdErr, intervention.stdErr)),
    };
  };
  const byHorizon = estimable.map((tau, tauIndex) => ({
    tau,
    states: states.states.map((state) => stateDays(tauIndex, state.name, state.public)),
    public: stateDays(tauIndex, PUBLIC, true),
  }));
  const primary = byHorizon.find((entry) => entry.tau === options.primaryTau);
  // control minus intervention
  const saved = (entry: ReturnType<typeof stateDays> | undefined) => {
    if (!entry) return { estimate: null, se: null, lower: null, upper: null, p: null, tau: options.primaryTau };
    return { ...normalEstimate(entry.control.estimate - entry.intervention.estimate, entry.difference.se!), tau: options.primaryTau };
  };
  const unemployment = primary?.states.find((entry) => entry.state === states.unemploymentState);
  const count = (select: (path: BenefitPathSet["paths"][number]) => boolean) => {
    const counts = { control: 0, intervention: 0 };
    for (const path of set.paths) if (select(path)) counts[path.arm]++;
    return { control: cell(counts.control, options.minCellSize), intervention: cell(counts.intervention, options.minCellSize) };
  };
  const paths: TimeInStates["paths"] = {
    states: states.states.map((state) => ({ name: state.name, label: { da: state.label.da, en: state.label.en }, public: state.public })),
    unemploymentState: states.unemploymentState,
    analysed: count(() => true),
    excluded: [
      { reason: EXCLUDED_LATE_ENTRY_PATHS, code: "entered-after-as-of", control: cell(set.lateEntry.control, options.minCellSize), intervention: cell(set.lateEntry.intervention, options.minCellSize) },
      {
        reason: EXCLUDED_NO_UNEMPLOYMENT_WEEK,
        code: "no-unemployment-week",
        control: cell(set.noUnemploymentWeek.control, options.minCellSize),
        intervention: cell(set.noUnemploymentWeek.intervention, options.minCellSize),
      },
    ],
    movedAway: count((path) => path.movedAway),
    returned: count((path) => path.returns > 0),
    priorSupport: count((path) => path.priorSupportWeeks > 0),
    byHorizon,
    publicSupportDaysSaved: saved(primary?.public),
    whereTheDaysWent: (primary?.states ?? []).filter((entry) => entry.state !== states.unemploymentState).map((entry) => ({ state: entry.state, public: entry.public, ...entry.difference })),
  };
  return { paths, daysSaved: { ...saved(unemployment), measure: "days-on-benefit" }, notEstimable };
}

/**
 * The multi-state fit of both arms at the taus; null when there is no tau to estimate.
 * Two steps that leave every estimate up to the largest tau T unchanged: each path is
 * censored at T (the Aalen-Johansen estimate at t uses only what happens up to t), and
 * identical paths of an arm are given once with their number as a frequency weight (the
 * estimator's `count`: the same estimates and IJ variance as one row per citizen).
 */
function occupancy(set: BenefitPathSet, names: string[], initial: string, publicNames: string[], taus: number[]): MultiStateResult | null {
  if (taus.length === 0) return null;
  const horizon = taus[taus.length - 1]!;
  const distinct = new Map<string, { arm: string; episodes: Episode[]; count: number }>();
  for (const path of set.paths) {
    const episodes = censoredAt(pathEpisodes(path), horizon);
    const key = `${path.arm}:${episodes.map((episode) => `${episode.stop},${episode.from},${episode.to ?? "c"}`).join(";")}`;
    const known = distinct.get(key);
    if (known) known.count++;
    else distinct.set(key, { arm: path.arm, episodes, count: 1 });
  }
  const data = { id: [] as number[], group: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[], count: [] as number[] };
  let id = 0;
  for (const { arm, episodes, count } of distinct.values()) {
    id++;
    for (const episode of episodes) {
      data.id.push(id);
      data.group.push(arm);
      data.start.push(episode.start);
      data.stop.push(episode.stop);
      data.from.push(names[episode.from]!);
      data.to.push(episode.to === null ? CENSORED : names[episode.to]!);
      data.count.push(count);
    }
  }
  return multiStateOccupancy(data, { states: names, censor: CENSORED, initial, groups: [...ARMS], taus, sets: { [PUBLIC]: publicNames } });
}

/** The episodes up to `horizon`, the last censored there when the path goes on after it. */
function censoredAt(episodes: readonly Episode[], horizon: number): Episode[] {
  const kept: Episode[] = [];
  for (const episode of episodes) {
    if (episode.start >= horizon) break;
    kept.push(episode.stop > horizon ? { ...episode, stop: horizon, to: null } : episode);
  }
  return kept;
}
