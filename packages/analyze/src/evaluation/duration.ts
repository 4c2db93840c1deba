/**
 * Duration measures: Kaplan-Meier per arm, medians, restricted means, days
 * saved at the primary horizon, log-rank (plain and stratified by industry
 * group), the Cox hazard ratio, the risk table under the curve, and the
 * project's own "average duration of completed spells", labelled as biased.
 */
import { coxProportionalHazards } from "@jobtrial/survival";
import { kaplanMeier, type KaplanMeierCurve, type KaplanMeierResult } from "@jobtrial/survival";
import { logRank, type LogRankResult } from "@jobtrial/survival";
import { AnalyzeError } from "@jobtrial/survival";
import { restrictedMeanSurvival } from "@jobtrial/survival";
import { analyzeNote } from "../messages.ts";
import type { AnalyzeNote, Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import { cell, guarded } from "./suppress.ts";
import { NO_DIFFERENCE, summarize, welchDifference } from "./two-group.ts";

const ARMS = ["control", "intervention"] as const;
const GROUPS = ["control", "intervention"];

export interface SurvivalColumns {
  time: number[];
  event: number[];
  group: string[];
  strata: (string | null)[];
}

export function survivalColumns(rows: readonly AnalysisRow[]): SurvivalColumns {
  return {
    time: rows.map((row) => row.time),
    event: rows.map((row) => (row.event ? 1 : 0)),
    group: rows.map((row) => row.arm),
    strata: rows.map((row) => row.member.industryGroup),
  };
}

/** KM rows with at least `minCellSize` at risk (the tail with fewer is left out, so no row rests on a handful of people). */
function kmRows(curve: KaplanMeierCurve, minCellSize: number): Results["km"]["control"] {
  const rows: Results["km"]["control"] = [];
  for (let index = 0; index < curve.time.length; index++) {
    if (curve.nRisk[index]! < minCellSize) break;
    const stdErr = curve.stdErr[index]!;
    rows.push({
      time: curve.time[index]!,
      nRisk: curve.nRisk[index]!,
      nEvent: curve.nEvent[index]!,
      nCensor: curve.nCensor[index]!,
      surv: curve.surv[index]!,
      stdErr: Number.isFinite(stdErr) ? stdErr : null,
      lower: finiteOrNull(curve.lower[index]),
      upper: finiteOrNull(curve.upper[index]),
    });
  }
  return rows;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * The columns the duration estimators read: one row per person, or counted rows (`count`
 * persons each, as the engine's counted rows) for the same estimates.
 */
export interface DurationColumns {
  time: ArrayLike<number | null>;
  event: ArrayLike<number | null>;
  group: ArrayLike<string | null>;
  /** Industry group per row, for the stratified log-rank; absent or all null: not stratified. */
  strata?: ArrayLike<string | null> | undefined;
  /** Persons a row stands for. Default: 1 */
  count?: ArrayLike<number | null> | undefined;
}

/** The estimators' input: time, event, group and, for counted rows, count. */
function estimatorData(columns: Pick<DurationColumns, "time" | "event" | "group" | "count">): { time: ArrayLike<number | null>; event: ArrayLike<number | null>; group: ArrayLike<string | null>; count?: ArrayLike<number | null> } {
  const data = { time: columns.time, event: columns.event, group: columns.group };
  return columns.count === undefined ? data : { ...data, count: columns.count };
}

function logrankBlock(result: LogRankResult): Results["duration"]["logrank"] {
  return {
    chisq: result.chisq,
    df: result.df,
    p: result.p,
    stratified: result.stratified,
    observed: { control: result.observed["control"] ?? 0, intervention: result.observed["intervention"] ?? 0 },
    expected: { control: result.expected["control"] ?? 0, intervention: result.expected["intervention"] ?? 0 },
  };
}

function coxBlock(result: ReturnType<typeof coxProportionalHazards>): Results["duration"]["cox"] {
  return {
    ties: result.ties,
    stratified: result.stratified,
    coef: result.coef,
    hr: result.hr,
    se: result.se,
    z: result.z,
    p: result.p,
    lower: result.lower,
    upper: result.upper,
    waldP: result.wald.p,
    lrP: result.likelihoodRatio.p,
    scoreP: result.score.p,
  };
}

/** Restricted mean at tau per arm and the difference (intervention - control); null when tau is beyond an arm's follow-up. */
export function restrictedMeanAt(columns: Pick<DurationColumns, "time" | "event" | "group" | "count">, tau: number): Results["duration"]["rmst"][number] | null {
  try {
    const result = restrictedMeanSurvival(estimatorData(columns), { taus: [tau], groups: GROUPS });
    const atTau = result.results[0]!;
    const difference = atTau.difference!;
    return {
      tau,
      byGroup: {
        control: { rmst: atTau.byGroup["control"]!.rmst, se: atTau.byGroup["control"]!.se },
        intervention: { rmst: atTau.byGroup["intervention"]!.rmst, se: atTau.byGroup["intervention"]!.se },
      },
      difference: { estimate: difference.estimate, se: difference.se, lower: difference.lower, upper: difference.upper, p: difference.p },
    };
  } catch (error) {
    if (error instanceof AnalyzeError && ["tau_beyond_follow_up", "too_few_groups", "no_rows"].includes(error.issue.code)) return null;
    throw error;
  }
}

/** Days saved at tau: control minus intervention restricted mean, with its interval. */
export function daysSavedFrom(rmst: Results["duration"]["rmst"][number] | null, tau: number): Results["daysSaved"] {
  if (rmst === null) return { estimate: null, se: null, lower: null, upper: null, p: null, tau };
  const difference = rmst.difference;
  return {
    estimate: difference.estimate === null ? null : -difference.estimate,
    se: difference.se,
    lower: difference.upper === null ? null : -difference.upper,
    upper: difference.lower === null ? null : -difference.lower,
    p: difference.p ?? null,
    tau,
  };
}

/** The duration blocks that need no person: what `durationBlocks` gives. */
export interface DurationBlocks {
  kmResult: KaplanMeierResult;
  median: Results["duration"]["median"];
  rmst: Results["duration"]["rmst"];
  daysSaved: Results["daysSaved"];
  logrank: Results["duration"]["logrank"];
  logrankStratified: Results["duration"]["logrankStratified"];
  cox: Results["duration"]["cox"];
  /** A horizon beyond an arm's follow-up, a stratified log-rank that failed (messages.ts). */
  notes: AnalyzeNote[];
}

/**
 * The first exit's estimates from survival columns, per person or counted (the engine's
 * counted rows give the same numbers, as every estimator depends on the persons only
 * through counts of identical rows): Kaplan-Meier (log-log) and medians, restricted means
 * at `horizons` and the primary horizon (a horizon beyond an arm's follow-up is left out
 * with a note), days saved at the primary horizon, log-rank (stratified too when a stratum
 * is present; a failure leaves it null with a note), Cox (Efron).
 */
export function durationBlocks(columns: DurationColumns, options: Pick<DurationOptions, "horizons" | "primaryHorizon">): DurationBlocks {
  const notes: AnalyzeNote[] = [];
  const data = estimatorData(columns);
  const kmResult = kaplanMeier(data, { confType: "log-log", groups: GROUPS });
  const curve = (arm: (typeof ARMS)[number]) => kmResult.curves[arm]!;
  const median = {
    control: { median: curve("control").median.median, lower: curve("control").median.lower, upper: curve("control").median.upper },
    intervention: { median: curve("intervention").median.median, lower: curve("intervention").median.lower, upper: curve("intervention").median.upper },
  };
  const rmst: Results["duration"]["rmst"] = [];
  const taus = [...new Set([...options.horizons, options.primaryHorizon])].sort((a, b) => a - b);
  for (const tau of taus) {
    const value = restrictedMeanAt(columns, tau);
    if (value === null) notes.push(analyzeNote({ code: "rmst-not-estimable", tau }));
    else rmst.push(value);
  }
  const primary = rmst.find((entry) => entry.tau === options.primaryHorizon) ?? null;
  const daysSaved = daysSavedFrom(primary, options.primaryHorizon);

  const logrank = logrankBlock(logRank(data, { groups: GROUPS }));
  let logrankStratified: Results["duration"]["logrankStratified"] = null;
  const strata = columns.strata;
  if (strata !== undefined && Array.from(strata).some((value) => value !== null)) {
    try {
      logrankStratified = logrankBlock(logRank({ ...data, strata }, { groups: GROUPS, stratified: true }));
    } catch (error) {
      if (!(error instanceof AnalyzeError)) throw error;
      notes.push(analyzeNote({ code: "stratified-logrank-failed" }));
    }
  }
  const cox = coxBlock(coxProportionalHazards(data, { groups: GROUPS, ties: "efron" }));
  return { kmResult, median, rmst, daysSaved, logrank, logrankStratified, cox, notes };
}

export interface DurationMeasures {
  km: Results["km"];
  duration: Results["duration"];
  daysSaved: Results["daysSaved"];
  completedSpells: Results["completedSpells"];
  kmResult: KaplanMeierResult;
  warnings: string[];
  /** The warnings as coded notes (messages.ts), the same order. */
  notes: AnalyzeNote[];
}

export interface DurationOptions {
  horizons: readonly number[];
  primaryHorizon: number;
  minCellSize: number;
  /** Times of the risk table under the curve, days. */
  riskTableTimes: readonly number[];
}

export const COMPLETED_SPELLS_CAVEAT =
  "The project's own wording: the average duration of spells that have ended by the as-of date. While many spells are still running, the completed ones are the short ones (a spell that began a year ago can only be counted if it ended), and the arm whose citizens leave faster has more of its spells counted. This average is therefore biased towards short spells and is not the effect; the effect is days saved (the restricted mean difference), which uses the running spells too.";

/** Every duration measure of the analysis set. Needs both arms with at least one row. */
export function durationMeasures(rows: readonly AnalysisRow[], options: DurationOptions): DurationMeasures {
  const columns = survivalColumns(rows);
  const { kmResult, median, rmst, daysSaved, logrank, logrankStratified, cox, notes } = durationBlocks(columns, options);
  const curve = (arm: (typeof ARMS)[number]) => kmResult.curves[arm]!;
  const km = { control: kmRows(curve("control"), options.minCellSize), intervention: kmRows(curve("intervention"), options.minCellSize) };

  const riskTable = options.riskTableTimes.map((time) => {
    const at = (arm: (typeof ARMS)[number]) => {
      let nRisk = 0;
      let cumEvents = 0;
      for (const row of rows) {
        if (row.arm !== arm) continue;
        if (row.time >= time) nRisk++;
        if (row.event && row.time <= time) cumEvents++;
      }
      return { nRisk: cell(nRisk, options.minCellSize), cumEvents: cell(cumEvents, options.minCellSize) };
    };
    return { time, control: at("control"), intervention: at("intervention") };
  });

  const completed = (arm: (typeof ARMS)[number]) => rows.filter((row) => row.arm === arm && row.event).map((row) => row.time);
  const completedControl = completed("control");
  const completedIntervention = completed("intervention");
  const summaryOf = (values: number[]) => {
    const summary = summarize(values);
    return { n: cell(summary.n, options.minCellSize), mean: guarded(summary.mean, summary.n, options.minCellSize), sd: guarded(summary.sd, summary.n, options.minCellSize) };
  };
  const enough = completedControl.length >= options.minCellSize && completedIntervention.length >= options.minCellSize;
  const completedSpells: Results["completedSpells"] = {
    control: summaryOf(completedControl),
    intervention: summaryOf(completedIntervention),
    // control minus intervention, as days saved
    difference: enough ? welchDifference(completedControl, completedIntervention) : NO_DIFFERENCE,
    caveat: COMPLETED_SPELLS_CAVEAT,
  };

  return {
    km,
    duration: { confType: "log-log", median, rmst, logrank, logrankStratified, cox, riskTable },
    daysSaved,
    completedSpells,
    kmResult,
    warnings: notes.map((note) => note.message),
    notes,
  };
}
