/**
 * The whole survival analysis of a two-arm trial in one call, in the shape
 * `jobtrial survival --format json` prints. Phases: prepare (validate, drop missing,
 * sort once) -> risk tables -> Kaplan-Meier + median -> log-rank -> RMST -> Cox
 * (event data) or Aalen-Johansen cumulative incidence (state data).
 */
import { z } from "zod";
import { ConfTypeSchema } from "./confidence-band.ts";
import { coxPrepared, type CoxTerm } from "./cox-model.ts";
import { cumulativeIncidenceAt, cumulativeIncidencePrepared } from "./cumulative-incidence.ts";
import { normalQuantile } from "./distributions.ts";
import { kaplanMeierCurve } from "./kaplan-meier.ts";
import { logRankPrepared } from "./log-rank.ts";
import { AnalyzeError, type AnalyzeIssue } from "./messages.ts";
import { restrictedMeanPrepared } from "./restricted-mean.ts";
import { riskTablesByGroup } from "./risk-table.ts";
import {
  EventColumnSchema,
  GroupOptionSchema,
  LabelColumnSchema,
  NumericColumnSchema,
  parseOrThrow,
  prepareSurvival,
} from "./survival-input.ts";

export const SurvivalSummaryDataSchema = z
  .object({
    /** Follow-up time in whole days. */
    time: NumericColumnSchema,
    /** 1 = event, 0 = censored (give this or `state`). */
    event: EventColumnSchema.optional(),
    /** 0 = censored, 1, 2, ... = exit state (give this or `event`). */
    state: NumericColumnSchema.optional(),
    group: LabelColumnSchema,
    /** Stratum for the stratified log-rank and Cox; optional. */
    strata: LabelColumnSchema.optional(),
    /** Persons each row stands for (counted rows, a whole number >= 1). Default: 1 per row */
    count: NumericColumnSchema.optional(),
  })
  .refine((data) => (data.event === undefined) !== (data.state === undefined), { message: "give exactly one of event and state" });
export type SurvivalSummaryData = z.infer<typeof SurvivalSummaryDataSchema>;

export const SurvivalSummaryOptionsSchema = z.object({
  /** The groups, reference first. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /** RMST horizons. Default: the largest valid tau (the smallest group's last time). */
  taus: z.array(z.number().positive().finite()).optional(),
  /** Times at which to read the cumulative incidence (state data). Default: none */
  at: z.array(z.number().nonnegative().finite()).default([]),
  /** Kaplan-Meier band. Default: "log-log" */
  confType: ConfTypeSchema.default("log-log"),
  /** Cox ties. Default: "efron" */
  ties: z.enum(["efron", "breslow"]).default("efron"),
});
export type SurvivalSummaryOptions = z.input<typeof SurvivalSummaryOptionsSchema>;

const nullable = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);

export interface SurvivalSummaryKmRow {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  surv: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
}

export interface SurvivalSummary {
  n: number;
  groups: string[];
  confType: "log-log" | "log" | "plain";
  km?: Record<string, SurvivalSummaryKmRow[]>;
  median?: Record<string, { median: number | null; lower: number | null; upper: number | null }>;
  logrank?: { chisq: number; df: number; p: number; stratified: boolean; observed: Record<string, number>; expected: Record<string, number> };
  rmst?: {
    tau: number;
    byGroup: Record<string, { rmst: number; se: number }>;
    difference: { estimate: number; se: number; lower: number; upper: number; p: number } | null;
  }[];
  /** The group term of the Cox model, with its three global tests' p-values. */
  cox?: ({ ties: "efron" | "breslow" } & Omit<CoxTerm, "term"> & { waldP: number; lrP: number; scoreP: number }) | null;
  cif?: Record<string, Record<string, { time: number; estimate: number; stdErr: number | null }[]>>;
  cifAt?: Record<string, Record<string, { time: number; estimate: number; stdErr: number | null }[]>>;
}

export interface SurvivalSummaryReport {
  summary: SurvivalSummary;
  /** Rows dropped for missing values, rows of other groups, rows without a stratum. */
  nDropped: number;
  nExcluded: number;
  nMissingStratum: number;
  /** Why the Cox model is not reported (`cox: null`), as an issue to word with `analyzeMessage` in the reader's language; null when it is. */
  coxNotReported: AnalyzeIssue | null;
}

/**
 * Kaplan-Meier (with median), log-rank, RMST at each tau and Cox for event data, or the
 * Aalen-Johansen cumulative incidence per group and exit state for state data, in the
 * shape of `jobtrial survival --format json` (differences are other minus reference;
 * missing and non-finite values are null). With strata, the log-rank test and the Cox
 * model are stratified (rows without a stratum left out of those two only). A Cox model
 * that cannot be fitted (for example no events in one group) gives `cox: null` and the
 * reason (`coxNotReported`) rather than failing the rest.
 *
 * @example survivalSummary({ time, event, group }, { taus: [182, 364] }).summary.rmst[0].difference.estimate
 */
export function survivalSummary(data: SurvivalSummaryData, options: SurvivalSummaryOptions = {}): SurvivalSummaryReport {
  const input = parseOrThrow(SurvivalSummaryDataSchema, data, "survivalSummary data");
  const parsed = parseOrThrow(SurvivalSummaryOptionsSchema, options, "survivalSummary options");
  let coxNotReported: AnalyzeIssue | null = null;
  const zValue = normalQuantile(0.975);
  if (input.state !== undefined) {
    const prepared = prepareSurvival(input.time, input.state, input.group, undefined, { groups: parsed.groups, multiState: true, count: input.count });
    const result = cumulativeIncidencePrepared(prepared, 0.95);
    const cif: NonNullable<SurvivalSummary["cif"]> = {};
    const cifAt: NonNullable<SurvivalSummary["cifAt"]> = {};
    for (const group of result.groups) {
      const curve = result.curves[group]!;
      cif[group] = {};
      cifAt[group] = {};
      for (const state of result.states) {
        const incidence = curve.incidence[state]!;
        cif[group]![state] = curve.time.map((time, index) => ({ time, estimate: incidence.estimate[index]!, stdErr: nullable(incidence.stdErr[index]) }));
        cifAt[group]![state] = cumulativeIncidenceAt(curve, state, parsed.at).map((point) => ({ time: point.time, estimate: point.estimate, stdErr: nullable(point.stdErr) }));
      }
    }
    return {
      summary: { n: prepared.total, groups: prepared.groups, confType: parsed.confType, cif, cifAt },
      nDropped: prepared.nDropped,
      nExcluded: prepared.nExcluded,
      nMissingStratum: 0,
      coxNotReported,
    };
  }
  const event = input.event!;
  const prepared = prepareSurvival(input.time, event, input.group, undefined, { groups: parsed.groups, count: input.count });
  const tables = riskTablesByGroup(prepared);
  const km: NonNullable<SurvivalSummary["km"]> = {};
  const median: NonNullable<SurvivalSummary["median"]> = {};
  prepared.groups.forEach((group, code) => {
    const curve = kaplanMeierCurve(group, tables[code]!, parsed.confType, zValue);
    km[group] = curve.time.map((time, index) => ({
      time,
      nRisk: curve.nRisk[index]!,
      nEvent: curve.nEvent[index]!,
      nCensor: curve.nCensor[index]!,
      surv: curve.surv[index]!,
      stdErr: nullable(curve.stdErr[index]),
      lower: nullable(curve.lower[index]),
      upper: nullable(curve.upper[index]),
    }));
    median[group] = curve.median;
  });
  const stratified = input.strata !== undefined;
  const stratifiedPrepared = stratified ? prepareSurvival(input.time, event, input.group, input.strata, { groups: parsed.groups, useStrata: true, count: input.count }) : prepared;
  const logrankResult = logRankPrepared(stratifiedPrepared, stratified);
  let taus = parsed.taus;
  if (taus === undefined) {
    const lastTimes = tables.map((table) => table.time[table.time.length - 1] ?? 0);
    const largestValidTau = Math.min(...lastTimes);
    taus = largestValidTau > 0 ? [largestValidTau] : [];
  }
  const rmstResult = restrictedMeanPrepared(prepared, taus, "error", 0.95, tables);
  let cox: SurvivalSummary["cox"] = null;
  try {
    const fit = coxPrepared(stratifiedPrepared, [], parsed.ties, stratified, 0.95, 100);
    cox = {
      ties: fit.ties,
      coef: fit.coef,
      hr: fit.hr,
      se: fit.se,
      z: fit.z,
      p: fit.p,
      lower: fit.lower,
      upper: fit.upper,
      waldP: fit.wald.p,
      lrP: fit.likelihoodRatio.p,
      scoreP: fit.score.p,
    };
  } catch (error) {
    if (!(error instanceof AnalyzeError)) throw error;
    coxNotReported = error.issue;
  }
  return {
    summary: {
      n: prepared.total,
      groups: prepared.groups,
      confType: parsed.confType,
      km,
      median,
      logrank: {
        chisq: logrankResult.chisq,
        df: logrankResult.df,
        p: logrankResult.p,
        stratified,
        observed: logrankResult.observed,
        expected: logrankResult.expected,
      },
      rmst: rmstResult.results.map((result) => ({
        tau: result.tau,
        byGroup: Object.fromEntries(Object.entries(result.byGroup).map(([group, value]) => [group, { rmst: value.rmst, se: value.se }])),
        difference: result.difference === null ? null : { estimate: result.difference.estimate, se: result.difference.se, lower: result.difference.lower, upper: result.difference.upper, p: result.difference.p },
      })),
      cox,
    },
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
    nMissingStratum: stratifiedPrepared.nMissingStratum,
    coxNotReported,
  };
}
