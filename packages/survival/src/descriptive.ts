/**
 * Descriptive statistics that several packages need, on simple-statistics.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";

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
