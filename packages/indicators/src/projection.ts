/**
 * The projection of a period's value to its end from the series so far: a straight line
 * fitted by least squares to the points so far (the caller chooses them: the period's own,
 * or with the run-up before it; at most `maxPoints` of the latest), extended over the period's remaining weeks or
 * months. The period's value is the mean of its points, so the projection is
 *
 *   projected = (observed mean × observed points + Σ fitted remaining points) / all points
 *
 * and its variance holds the line's uncertainty at the remaining points and each
 * remaining point's own residual variance s²:
 *
 *   Var = (m² s² (1/n + (t̄_future - t̄)² / Sxx) + m s²) / N²
 *
 * (m remaining points, n fitted points, N points in the period; the regression's
 * prediction variance for a sum of m new observations, e.g. Montgomery, Peck & Vining,
 * Introduction to Linear Regression Analysis, §2.5). The points are taken as independent
 * around the line; weekly stocks are autocorrelated, so the band is on the narrow side.
 * The probability of meeting the target is the normal probability on the right side of
 * the threshold. Fewer than 4 points: no projection.
 */
import { normalCdf, normalQuantile } from "@jobtrial/survival";
import type { Threshold } from "./target.ts";

export interface Projection {
  value: number;
  lower: number;
  upper: number;
  probabilityMet: number;
}

export interface ProjectionInput {
  /** The values so far, oldest first, one per week or month with no gaps; the last ones are in the period. */
  values: readonly number[];
  /** How many of `values` (the last ones) are in the period. */
  observedInPeriod: number;
  /** The period's value so far (the mean of its points, or a pooled share). */
  observedValue: number;
  /** All points of the period. */
  periodPoints: number;
  threshold: Threshold;
  /** Default: 0.95 */
  confLevel?: number;
  /** Default: 52 */
  maxPoints?: number;
}

export function projectToPeriodEnd(input: ProjectionInput): Projection | null {
  const values = input.values.slice(-(input.maxPoints ?? 52));
  const fitted = values.length;
  const remaining = input.periodPoints - input.observedInPeriod;
  if (fitted < 4 || remaining <= 0) return null;
  const times = values.map((_, index) => index);
  const meanTime = (fitted - 1) / 2;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / fitted;
  const sxx = times.reduce((sum, time) => sum + (time - meanTime) ** 2, 0);
  const slope = times.reduce((sum, time, index) => sum + (time - meanTime) * (values[index]! - meanValue), 0) / sxx;
  const intercept = meanValue - slope * meanTime;
  const residualVariance = times.reduce((sum, time, index) => sum + (values[index]! - intercept - slope * time) ** 2, 0) / (fitted - 2);
  // Future points: times fitted, fitted + 1, ..., fitted + remaining - 1.
  const meanFutureTime = fitted + (remaining - 1) / 2;
  const futureSum = remaining * (intercept + slope * meanFutureTime);
  const value = (input.observedValue * input.observedInPeriod + futureSum) / input.periodPoints;
  const variance = (remaining ** 2 * residualVariance * (1 / fitted + (meanFutureTime - meanTime) ** 2 / sxx) + remaining * residualVariance) / input.periodPoints ** 2;
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - (input.confLevel ?? 0.95)) / 2);
  const threshold = input.threshold.threshold;
  let probabilityMet = 0.5;
  if (threshold !== null) {
    if (standardError === 0) probabilityMet = input.threshold.direction === "atMost" ? Number(value <= threshold) : Number(value >= threshold);
    else probabilityMet = input.threshold.direction === "atMost" ? normalCdf((threshold - value) / standardError) : normalCdf((value - threshold) / standardError);
  }
  return { value, lower: value - z * standardError, upper: value + z * standardError, probabilityMet };
}
