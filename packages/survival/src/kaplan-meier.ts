/**
 * Kaplan-Meier estimator of the survival function, per group.
 */
import { z } from "zod";
import { confidenceLimits, ConfTypeSchema, type ConfType } from "./confidence-band.ts";
import { normalQuantile } from "./distributions.ts";
import { type RiskTable, riskTablesByGroup } from "./risk-table.ts";
import { survivalMedian, type SurvivalMedian } from "./survival-median.ts";
import { GroupOptionSchema, parseOrThrow, prepareSurvival, SurvivalDataSchema, type SurvivalData } from "./survival-input.ts";

export const KaplanMeierOptionsSchema = z.object({
  /** Confidence band: "log-log", "log" (R's default) or "plain". Default: "log-log" */
  confType: ConfTypeSchema.default("log-log"),
  /** Confidence level of the band and the median's interval. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
  /** Groups to use, reference first; other groups' rows are excluded. Default: all groups, "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
});
export type KaplanMeierOptions = z.input<typeof KaplanMeierOptionsSchema>;

/** One group's curve: arrays over its distinct times (events and censorings), increasing. */
export interface KaplanMeierCurve {
  group: string;
  /** Rows in the group. */
  n: number;
  /** Events in the group. */
  events: number;
  time: number[];
  /** At risk just before the time (rows with time >= t). */
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  /** S(t), right-continuous (the value from t on). */
  surv: number[];
  /** Greenwood standard error of log S(t) (R survfit's `std.err`); Infinity once S = 0. */
  stdErrLog: number[];
  /** Standard error of S(t) = S · stdErrLog; NaN once S = 0 (0 · Infinity), as in R. */
  stdErr: number[];
  /** Lower confidence limit (null where the band is undefined; NaN for plain at S = 0). */
  lower: (number | null)[];
  upper: (number | null)[];
  /** Median and its confidence interval from this curve and band. */
  median: SurvivalMedian;
}

export interface KaplanMeierResult {
  confType: ConfType;
  confLevel: number;
  /** Rows used. */
  n: number;
  /** Rows dropped for a missing time, event or group. */
  nDropped: number;
  /** Rows of groups not requested in `groups`. */
  nExcluded: number;
  /** Group labels, reference first. */
  groups: string[];
  curves: Record<string, KaplanMeierCurve>;
}

/** Kaplan-Meier curve of one risk table (internal; no validation). */
export function kaplanMeierCurve(group: string, table: RiskTable, confType: ConfType, zValue: number): KaplanMeierCurve {
  const length = table.time.length;
  const surv = new Array<number>(length);
  const stdErrLog = new Array<number>(length);
  const stdErr = new Array<number>(length);
  const lower = new Array<number | null>(length);
  const upper = new Array<number | null>(length);
  let survival = 1;
  let greenwoodSum = 0;
  let events = 0;
  for (let index = 0; index < length; index++) {
    const atRisk = table.nRisk[index]!;
    const died = table.nEvent[index]!;
    events += died;
    if (died > 0) {
      survival *= 1 - died / atRisk;
      // Greenwood: Var(log S) = Σ d / (n (n - d)); infinite once everyone at risk has died.
      greenwoodSum += atRisk === died ? Number.POSITIVE_INFINITY : died / (atRisk * (atRisk - died));
    }
    const seLog = Math.sqrt(greenwoodSum);
    surv[index] = survival;
    stdErrLog[index] = seLog;
    stdErr[index] = survival * seLog;
    const limits = confidenceLimits(survival, seLog, confType, zValue);
    lower[index] = limits.lower;
    upper[index] = limits.upper;
  }
  const curve: KaplanMeierCurve = {
    group,
    n: table.n,
    events,
    time: table.time,
    nRisk: table.nRisk,
    nEvent: table.nEvent,
    nCensor: table.nCensor,
    surv,
    stdErrLog,
    stdErr,
    lower,
    upper,
    median: { median: null, lower: null, upper: null },
  };
  curve.median = survivalMedian(curve);
  return curve;
}

/**
 * Kaplan-Meier (product-limit) estimate of the survival function for each group.
 *
 * S(t) = Π_{t_j <= t} (1 - d_j / n_j), with n_j at risk just before t_j and d_j events at
 * t_j. Rows censored at t_j count as at risk at t_j (censored after events, as R does).
 * Every distinct time is listed, also censoring-only times (d = 0).
 * Standard error: Greenwood, se(log S) = sqrt(Σ d_j / (n_j (n_j - d_j))), reported on the
 * log scale (`stdErrLog`, R's survfit `std.err`) and on the survival scale
 * (`stdErr` = S · se(log S)). The band is "log-log" by default (R's default is "log").
 * The median with its interval follows R's summary(survfit)$table.
 *
 * Missing data: rows with a missing time, event or group are dropped and counted in
 * `nDropped`. An empty group list after dropping is an error (`no_rows`).
 *
 * Reference: Kaplan & Meier (1958), JASA 53, 457-481; Greenwood (1926); R survival 3.5-3
 * `survfit(Surv(time, event) ~ group, conf.type = ...)`. Derivation in docs/methods.md.
 *
 * @example
 * // R: survfit(Surv(c(2, 3, 3, 5, 5, 8), c(1, 1, 0, 1, 1, 0)) ~ 1)$surv
 * kaplanMeier({ time: [2, 3, 3, 5, 5, 8], event: [1, 1, 0, 1, 1, 0], group: ["a", "a", "a", "a", "a", "a"] })
 *   .curves.a.surv // [0.8333333333333334, 0.6666666666666667, 0.2222222222222222, 0.2222222222222222]
 */
export function kaplanMeier(data: SurvivalData, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const input = parseOrThrow(SurvivalDataSchema, data, "kaplanMeier data");
  const parsed = parseOrThrow(KaplanMeierOptionsSchema, options, "kaplanMeier options");
  const prepared = prepareSurvival(input.time, input.event, input.group, undefined, { groups: parsed.groups, count: input.count });
  const zValue = normalQuantile(1 - (1 - parsed.confLevel) / 2);
  const tables = riskTablesByGroup(prepared);
  const curves: Record<string, KaplanMeierCurve> = {};
  prepared.groups.forEach((group, code) => {
    curves[group] = kaplanMeierCurve(group, tables[code]!, parsed.confType, zValue);
  });
  return {
    confType: parsed.confType,
    confLevel: parsed.confLevel,
    n: prepared.total,
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
    groups: prepared.groups,
    curves,
  };
}
