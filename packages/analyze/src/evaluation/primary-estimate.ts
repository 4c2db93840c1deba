/**
 * The primary estimate, days saved, through one door for everything that recomputes it:
 * the monitoring at earlier looks (as of another date), the sensitivity analyses (on a
 * subset, at another horizon) and the covariate adjustment (per-person pseudo-values).
 * Whatever the primary measure is, these follow it:
 *
 * - with the weekly benefit panel: days on A-dagpenge within tau, re-entries counted
 *   (the paths through benefit states, `pathMeasures`, measure "days-on-benefit");
 * - without it: days to the first exit (the restricted mean of the first spell,
 *   `restrictedMeanAt`, measure "days-to-first-exit").
 *
 * This mirrors how `evaluateTrial` chooses its `daysSaved`; a test checks that
 * `primaryEstimate` at the primary horizon equals results.daysSaved for both measures.
 */
import { trialBenefitStates, type TrialConfig } from "@jobtrial/core";
import { multiStateOccupancy } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import { buildAnalysisSet, type AnalysisRow } from "./analysis-set.ts";
import { benefitPaths, pathEpisodes, type BenefitPath, type BenefitPathSet } from "./benefit-paths.ts";
import { daysSavedFrom, restrictedMeanAt, survivalColumns } from "./duration.ts";
import type { CohortMember, Spell, TrialArm } from "./model.ts";
import { pathMeasures, pathsInArm } from "./path-measures.ts";
import type { BenefitWeek } from "./read-inputs.ts";

const ARMS = ["control", "intervention"] as const;

/** What the primary estimate is computed from (evaluateTrial's input, in part). */
export interface PrimaryInputs {
  config: TrialConfig;
  cohort: readonly CohortMember[];
  spells: readonly Spell[];
  /** The weekly benefit panel; null or absent: days to the first exit. */
  benefitWeeks?: readonly BenefitWeek[] | null;
}

/** The primary measure's data as of one date, prepared once for several estimates. */
export type PrimaryData =
  | { measure: "days-on-benefit"; asOf: string; config: TrialConfig; paths: BenefitPath[]; set: BenefitPathSet }
  | { measure: "days-to-first-exit"; asOf: string; config: TrialConfig; rows: AnalysisRow[] };

/** One analysed citizen of the primary measure. */
export interface PrimaryUnit {
  member: CohortMember;
  arm: TrialArm;
  /** Days followed: the path's follow-up, or the first spell's time to exit or censoring. */
  followUp: number;
  /** Still at risk at tau: followed that long (days on benefit), and still in the first spell (days to first exit). */
  atRiskAt(tau: number): boolean;
}

/** Keeps a citizen in an estimate (a sensitivity subset); absent: everyone analysed. */
export type Keep = (member: CohortMember) => boolean;

/** Prepares the primary measure's data as of a date (the paths or the analysis set). */
export function primaryData(inputs: PrimaryInputs, asOf: string): PrimaryData {
  if (inputs.benefitWeeks) {
    const set = benefitPaths(inputs.benefitWeeks, inputs.cohort, asOf, trialBenefitStates(inputs.config));
    return { measure: "days-on-benefit", asOf, config: inputs.config, paths: set.paths, set };
  }
  return { measure: "days-to-first-exit", asOf, config: inputs.config, rows: buildAnalysisSet(inputs.cohort, inputs.spells, asOf).rows };
}

/** The analysed citizens of the primary measure, optionally a subset. */
export function primaryUnits(data: PrimaryData, keep?: Keep): PrimaryUnit[] {
  if (data.measure === "days-on-benefit") {
    return data.paths
      .filter((path) => keep === undefined || keep(path.member))
      .map((path) => ({ member: path.member, arm: path.arm, followUp: path.followUp, atRiskAt: (tau: number) => path.followUp >= tau }));
  }
  return data.rows
    .filter((row) => keep === undefined || keep(row.member))
    .map((row) => ({ member: row.member, arm: row.arm, followUp: row.time, atRiskAt: (tau: number) => row.time >= tau }));
}

const notEstimable = (tau: number, measure: PrimaryData["measure"]): Results["daysSaved"] => ({ estimate: null, se: null, lower: null, upper: null, p: null, tau, measure });

/**
 * Days saved at tau (control minus intervention, positive: a gain for the intervention)
 * on the primary measure, optionally for a subset; all null when an arm is empty or not
 * followed to tau.
 *
 * @example primaryEstimate(primaryData(inputs, "2018-03-01"), { tau: 364 }) // the same as evaluateTrial(...).daysSaved
 */
export function primaryEstimate(data: PrimaryData, options: { tau: number; keep?: Keep }): Results["daysSaved"] {
  const { tau, keep } = options;
  if (data.measure === "days-on-benefit") {
    const set: BenefitPathSet = keep === undefined ? data.set : { ...data.set, paths: data.paths.filter((path) => keep(path.member)) };
    if (ARMS.some((arm) => pathsInArm(set, arm) === 0)) return notEstimable(tau, data.measure);
    const measures = pathMeasures(set, data.config, { taus: [tau], primaryTau: tau, minCellSize: data.config.disclosure.minCellSize });
    return { ...measures.daysSaved, tau, measure: data.measure };
  }
  const rows = keep === undefined ? data.rows : data.rows.filter((row) => keep(row.member));
  if (ARMS.some((arm) => !rows.some((row) => row.arm === arm))) return notEstimable(tau, data.measure);
  return { ...daysSavedFrom(restrictedMeanAt(survivalColumns(rows), tau), tau), measure: data.measure };
}

/** A citizen's infinitesimal-jackknife pseudo-value of the primary measure. */
export interface PseudoValue {
  member: CohortMember;
  arm: TrialArm;
  /** θ̂_arm + n_arm · U_i, U_i the citizen's influence on the arm's estimate; the arm's mean is θ̂_arm. */
  value: number;
}

/** Pseudo-values of each arm's expected days (in the measured state within tau), and the arms' estimates. */
export interface PrimaryPseudoValues {
  tau: number;
  values: PseudoValue[];
  byArm: Record<TrialArm, { estimate: number; se: number; n: number }>;
}

/** The state names of a 2-state first-spell model. */
const IN_SPELL = "in-spell";
const EXITED = "exited";
const CENSORED = "(censored)";

interface PersonEpisodes {
  member: CohortMember;
  arm: TrialArm;
  episodes: { start: number; stop: number; from: string; to: string }[];
}

/** A path's episodes up to tau, the last censored there when the path goes on. */
function pathEpisodesTo(path: BenefitPath, tau: number, names: readonly string[]): PersonEpisodes["episodes"] {
  const episodes: PersonEpisodes["episodes"] = [];
  for (const episode of pathEpisodes(path)) {
    if (episode.start >= tau) break;
    const censored = episode.stop > tau || episode.to === null;
    episodes.push({ start: episode.start, stop: Math.min(episode.stop, tau), from: names[episode.from]!, to: censored ? CENSORED : names[episode.to!]! });
  }
  return episodes;
}

/**
 * Infinitesimal-jackknife pseudo-values of the primary measure within tau (Parner,
 * Andersen & Overgaard 2023, Lifetime Data Anal 29: 654-671; the jackknife
 * pseudo-observations of Andersen, Hansen & Klein 2004, Lifetime Data Anal 10: 335-350,
 * to first order): per arm, θ̂ + n · U_i, with θ̂ the arm's expected days in the measured
 * state within tau (A-dagpenge from the paths, or the first spell as a 2-state path, whose
 * Aalen-Johansen estimate is the Kaplan-Meier restricted mean) and U_i the citizen's
 * influence on it from survival's `multiStateOccupancy` (Σ U_i = 0, Σ U_i² = the IJ
 * variance). Identical paths of an arm are fitted once with their number as a count.
 * Null when an arm is empty or not followed to tau.
 */
export function primaryPseudoValues(data: PrimaryData, tau: number): PrimaryPseudoValues | null {
  const units: PersonEpisodes[] = [];
  let states: string[];
  let measured: string;
  if (data.measure === "days-on-benefit") {
    const benefitStates = trialBenefitStates(data.config);
    states = benefitStates.states.map((state) => state.name);
    measured = benefitStates.unemploymentState;
    for (const path of data.paths) units.push({ member: path.member, arm: path.arm, episodes: pathEpisodesTo(path, tau, states) });
  } else {
    states = [IN_SPELL, EXITED];
    measured = IN_SPELL;
    for (const row of data.rows) {
      const stop = Math.min(row.time, tau);
      units.push({ member: row.member, arm: row.arm, episodes: [{ start: 0, stop, from: IN_SPELL, to: row.event && row.time <= tau ? EXITED : CENSORED }] });
    }
  }
  for (const arm of ARMS) {
    const inArm = units.filter((unit) => unit.arm === arm);
    if (inArm.length === 0 || Math.max(...inArm.map((unit) => unit.episodes[unit.episodes.length - 1]!.stop)) < tau) return null;
  }
  // Identical episode lists of an arm become one id with a count.
  const idOf = new Map<string, number>();
  const unitId: number[] = [];
  const columns = { id: [] as number[], group: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[], count: [] as number[] };
  const firstRowOfId: number[][] = [];
  for (const unit of units) {
    const key = `${unit.arm}|${unit.episodes.map((episode) => `${episode.start},${episode.stop},${episode.from},${episode.to}`).join(";")}`;
    let id = idOf.get(key);
    if (id === undefined) {
      id = idOf.size + 1;
      idOf.set(key, id);
      const rows: number[] = [];
      for (const episode of unit.episodes) {
        rows.push(columns.id.length);
        columns.id.push(id);
        columns.group.push(unit.arm);
        columns.start.push(episode.start);
        columns.stop.push(episode.stop);
        columns.from.push(episode.from);
        columns.to.push(episode.to);
        columns.count.push(0);
      }
      firstRowOfId[id] = rows;
    }
    for (const row of firstRowOfId[id]!) columns.count[row] = columns.count[row]! + 1;
    unitId.push(id);
  }
  const fit = multiStateOccupancy(columns, { states, censor: CENSORED, initial: measured, groups: [...ARMS], taus: [tau], influence: true, beyondFollowUp: "extend-flat" });
  const atTau = fit.restrictedMean[0]!;
  const influenceOf = new Map<number, number>();
  const byArm = {} as PrimaryPseudoValues["byArm"];
  for (const arm of ARMS) {
    const entry = atTau.influence![arm]!;
    entry.ids.forEach((label, index) => influenceOf.set(Number(label), entry.byKey[measured]![index]!));
    byArm[arm] = { estimate: atTau.byGroup[arm]![measured]!.estimate, se: atTau.byGroup[arm]![measured]!.stdErr, n: units.filter((unit) => unit.arm === arm).length };
  }
  const values = units.map((unit, index) => ({ member: unit.member, arm: unit.arm, value: byArm[unit.arm].estimate + byArm[unit.arm].n * influenceOf.get(unitId[index]!)! }));
  return { tau, values, byArm };
}
