/**
 * Descriptive statistics that several packages need, on simple-statistics.
 */
import { mean, sampleStandardDeviation, sampleVariance } from "simple-statistics";

/**
 * Mean and standard error of the mean of a sample: mean = sum(x) / n, error =
 * sd(x) / sqrt(n) with the sample standard deviation (n - 1 in the denominator),
 * as R's `mean(x)` and `sd(x) / sqrt(length(x))`.
 *
 * At least two values are needed; fewer throw, because the error is undefined.
 *
 * @example meanAndStandardError([1, 2, 3, 4]) // { mean: 2.5, error: 0.6454972243679028 }
 */
export function meanAndStandardError(values: readonly number[]): { mean: number; error: number } {
  if (values.length < 2) throw new RangeError(`meanAndStandardError needs at least two values, got ${values.length}`);
  const sample = values as number[];
  return { mean: mean(sample), error: sampleStandardDeviation(sample) / Math.sqrt(values.length) };
}

/**
 * Mean and sample variance of a sample: mean = sum(x) / n (simple-statistics' compensated sum),
 * variance = sum((x - mean)²) / (n - 1), as R's `mean(x)` and `var(x)`.
 *
 * Empty or one value: the mean of no values is NaN, the variance of one value is NaN (R's
 * `var` of one value is NA); the callers check n first.
 *
 * @example meanAndVariance([1, 2, 3, 4]) // { mean: 2.5, variance: 1.6666666666666667, n: 4 }
 */
export function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number; n: number } {
  const n = values.length;
  // simple-statistics reads by index only, so a typed array serves as well as an array.
  const sample = values as number[];
  return { mean: n === 0 ? Number.NaN : mean(sample), variance: n < 2 ? Number.NaN : sampleVariance(sample), n };
}
