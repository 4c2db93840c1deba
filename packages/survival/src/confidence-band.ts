/**
 * Pointwise confidence limits for a survival probability, as R's survival package
 * computes them (`survfit_confint`), from S and the standard error of log S
 * (`stdErrLog`, survfit's `std.err` for Kaplan-Meier):
 *
 * - "log-log" (our default; R's default is "log"):
 *   lower = exp(-exp(log(-log S) - z·se/log S)), upper = exp(-exp(log(-log S) + z·se/log S));
 *   missing (null) where S = 0 or S = 1.
 * - "log": exp(log S ± z·se), upper cut at 1; missing (null) where S = 0.
 * - "plain": S ± z·S·se cut to [0, 1]; NaN where S = 0 and se = Inf (0·Inf), as in R.
 *
 * Reference: Therneau & Grambsch (2000), Modeling Survival Data, section 2.1;
 * survival::survfit_confint (survival 3.5-3).
 */
import { z } from "zod";

export const ConfTypeSchema = z.enum(["log-log", "log", "plain"]);
export type ConfType = z.infer<typeof ConfTypeSchema>;

export interface ConfidenceLimits {
  lower: number | null;
  upper: number | null;
}

/**
 * Confidence limits for one survival probability.
 *
 * @example confidenceLimits(0.5, 0.2, "log", 1.959963984540054) // { lower: 0.3377..., upper: 0.7400... }
 */
export function confidenceLimits(surv: number, stdErrLog: number, confType: ConfType, zValue: number): ConfidenceLimits {
  if (confType === "plain") {
    const halfWidth = stdErrLog * surv * zValue;
    const lower = surv - halfWidth;
    const upper = surv + halfWidth;
    return { lower: Number.isNaN(lower) ? Number.NaN : Math.max(lower, 0), upper: Number.isNaN(upper) ? Number.NaN : Math.min(upper, 1) };
  }
  if (confType === "log") {
    if (surv === 0 || Number.isNaN(surv)) return { lower: null, upper: null };
    const logSurv = Math.log(surv);
    const halfWidth = zValue * stdErrLog;
    return { lower: Math.exp(logSurv - halfWidth), upper: Math.min(Math.exp(logSurv + halfWidth), 1) };
  }
  if (surv === 0 || surv === 1 || Number.isNaN(surv)) return { lower: null, upper: null };
  const logSurv = Math.log(surv);
  const scaled = (zValue * stdErrLog) / logSurv;
  const logMinusLog = Math.log(-logSurv);
  return { lower: Math.exp(-Math.exp(logMinusLog - scaled)), upper: Math.exp(-Math.exp(logMinusLog + scaled)) };
}
