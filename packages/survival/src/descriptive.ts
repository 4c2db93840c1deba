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

/**
 * Mean and sample variance of a sample, as R's `mean(x)` and `var(x)`: mean = sum(x) / n
 * corrected by the mean of the residuals (R's own second pass), variance = sum((x - mean)²)
 * / (n - 1), with the corrected two-pass formula of Chan, Golub & LeVeque.
 *
 * Written here rather than taken from simple-statistics (whose `mean` and `sampleVariance`
 * serve `meanAndStandardError` above): its compensated sum gives the same value to about
 * 1e-16 but not the same last digit, and results.json (the balance table's means and
 * SMDs, the completed spells' mean) is kept identical to the digit across versions.
 *
 * Empty or one value: the mean of no values is NaN, the variance of one value is NaN (R's
 * `var` of one value is NA); the callers check n first.
 *
 * @example meanAndVariance([1, 2, 3, 4]) // { mean: 2.5, variance: 1.6666666666666667, n: 4 }
 */
export function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number; n: number } {
  const n = values.length;
  let sum = 0;
  for (let index = 0; index < n; index++) sum += values[index]!;
  const roughMean = sum / n;
  let squares = 0;
  let residualSum = 0;
  for (let index = 0; index < n; index++) {
    const deviation = values[index]! - roughMean;
    squares += deviation * deviation;
    residualSum += deviation;
  }
  const variance = (squares - (residualSum * residualSum) / n) / (n - 1);
  return { mean: roughMean + residualSum / n, variance, n };
}
