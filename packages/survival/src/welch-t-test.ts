/**
 * Welch's two-sample t-test (unequal variances).
 */
import { z } from "zod";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";
import { AnalyzeError } from "./messages.ts";
import { NumericColumnSchema, parseOrThrow } from "./survival-input.ts";
import { meanAndVariance } from "./descriptive.ts";

export const WelchOptionsSchema = z.object({
  /** Confidence level of the interval. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
});
export type WelchOptions = z.input<typeof WelchOptionsSchema>;

export interface WelchTTestResult {
  /** mean(x) - mean(y). */
  estimate: number;
  meanX: number;
  meanY: number;
  sdX: number;
  sdY: number;
  nX: number;
  nY: number;
  /** Values dropped as missing (null, undefined, NaN) from x and y together. */
  nDropped: number;
  /** sqrt(s_x²/n_x + s_y²/n_y). */
  stdErr: number;
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  p: number;
  lower: number;
  upper: number;
}

function present(values: ArrayLike<number | null | undefined>): { kept: Float64Array; dropped: number } {
  const kept: number[] = [];
  let dropped = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined || Number.isNaN(value)) dropped++;
    else if (!Number.isFinite(value)) throw new AnalyzeError({ code: "invalid_value", column: "value", row: index + 1, value });
    else kept.push(value);
  }
  return { kept: Float64Array.from(kept), dropped };
}

/** Welch test from the two samples' summaries (internal). */
export function welchFromSamples(x: ArrayLike<number>, y: ArrayLike<number>, confLevel: number, nDropped = 0): WelchTTestResult {
  if (x.length < 2) throw new AnalyzeError({ code: "too_few_observations", group: "x", n: x.length, needed: 2 });
  if (y.length < 2) throw new AnalyzeError({ code: "too_few_observations", group: "y", n: y.length, needed: 2 });
  const first = meanAndVariance(x);
  const second = meanAndVariance(y);
  const varianceOfMeanX = first.variance / first.n;
  const varianceOfMeanY = second.variance / second.n;
  const stdErr = Math.sqrt(varianceOfMeanX + varianceOfMeanY);
  const df = (varianceOfMeanX + varianceOfMeanY) ** 2 / (varianceOfMeanX ** 2 / (first.n - 1) + varianceOfMeanY ** 2 / (second.n - 1));
  const estimate = first.mean - second.mean;
  const t = estimate / stdErr;
  const quantile = studentTQuantile(1 - (1 - confLevel) / 2, df);
  return {
    estimate,
    meanX: first.mean,
    meanY: second.mean,
    sdX: Math.sqrt(first.variance),
    sdY: Math.sqrt(second.variance),
    nX: first.n,
    nY: second.n,
    nDropped,
    stdErr,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    lower: estimate - quantile * stdErr,
    upper: estimate + quantile * stdErr,
  };
}

/**
 * Welch's t-test of equal means without assuming equal variances, as R's
 * `t.test(x, y)` (var.equal = FALSE): the difference is mean(x) - mean(y).
 *
 * t = (x̄ - ȳ) / sqrt(s_x²/n_x + s_y²/n_y); df = (v_x + v_y)² / (v_x²/(n_x - 1) + v_y²/(n_y - 1))
 * with v = s²/n (Welch-Satterthwaite); two-sided p from the t distribution; interval
 * (x̄ - ȳ) ± t_{df, 1-α/2} · se.
 *
 * Missing data: null, undefined and NaN values are dropped and counted (`nDropped`);
 * each sample needs at least two values (`too_few_observations`).
 *
 * Reference: Welch (1947), Biometrika 34, 28-35; R `stats::t.test`.
 *
 * @example
 * // R: t.test(c(1, 2, 3, 4), c(2, 4, 6, 8, 10))$statistic
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).t // -2.25143632315937 (df 5.52078774617068, p 0.069133593192392)
 */
export function welchTTest(x: ArrayLike<number | null | undefined>, y: ArrayLike<number | null | undefined>, options: WelchOptions = {}): WelchTTestResult {
  const first = parseOrThrow(NumericColumnSchema, x, "welchTTest x");
  const second = parseOrThrow(NumericColumnSchema, y, "welchTTest y");
  const parsed = parseOrThrow(WelchOptionsSchema, options, "welchTTest options");
  const keptX = present(first);
  const keptY = present(second);
  return welchFromSamples(keptX.kept, keptY.kept, parsed.confLevel, keptX.dropped + keptY.dropped);
}
