/**
 * Survival read off a Kaplan-Meier curve at chosen times, as R's
 * `summary(fit, times = ..., extend = TRUE)` reports it.
 */
import { confidenceLimits, type ConfType } from "./confidence-band.ts";
import type { KaplanMeierCurve } from "./kaplan-meier.ts";

export interface SurvivalAtTime {
  time: number;
  /** Rows with time >= t (0 beyond the last time). */
  nRisk: number;
  /** S(t): the curve's value at the last listed time <= t (1 before the first). */
  surv: number;
  /** Standard error of S(t) (survival scale, like summary's std.err). */
  stdErr: number;
  /** Standard error of log S(t). */
  stdErrLog: number;
  lower: number | null;
  upper: number | null;
}

/** Index of the last listed time <= t, or -1 (binary search; times are increasing). */
export function lastIndexAtOrBefore(times: ArrayLike<number>, t: number): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (times[middle]! <= t) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The curve at each requested time: step function value, standard errors, band (of the
 * given type) and the number at risk. Times past the last follow-up keep the last value
 * (R's `extend = TRUE`) with nRisk 0.
 *
 * @example
 * // R: summary(survfit(Surv(c(2, 3, 3, 5, 5, 8), c(1, 1, 0, 1, 1, 0)) ~ 1), times = 4)$surv
 * survivalAtTimes(curve, [4], "log-log", 1.959963984540054)[0].surv // 0.6666666666666667
 */
export function survivalAtTimes(curve: KaplanMeierCurve, times: readonly number[], confType: ConfType, zValue: number): SurvivalAtTime[] {
  return times.map((t) => {
    const index = lastIndexAtOrBefore(curve.time, t);
    const surv = index < 0 ? 1 : curve.surv[index]!;
    const stdErrLog = index < 0 ? 0 : curve.stdErrLog[index]!;
    let nRisk = 0;
    const next = index + 1;
    if (index >= 0 && curve.time[index] === t) nRisk = curve.nRisk[index]!;
    else if (next < curve.time.length) nRisk = curve.nRisk[next]!;
    const limits = confidenceLimits(surv, stdErrLog, confType, zValue);
    return { time: t, nRisk, surv, stdErr: surv * stdErrLog, stdErrLog, lower: limits.lower, upper: limits.upper };
  });
}
