/**
 * Median survival time and its confidence interval, as R's `summary(survfit)$table`
 * reports them.
 *
 * The median is the first time the curve is at or below 0.5. If the curve equals 0.5
 * (within sqrt(machine epsilon)) on a flat stretch, the median is the midpoint between the
 * start of that stretch and the next time the curve drops below it (R's rule; tiny_edge:
 * S = 0.5 on [4, 6) gives 5). The lower and upper limits apply the same rule to the upper
 * and lower band curves (lower limit from the lower band); a limit is null when its band
 * never reaches 0.5, and so is the median when the curve never does. Missing band values
 * (null, NaN) are skipped, as R does.
 *
 * Reference: Brookmeyer & Crowley (1982), Biometrics 38, 29-41; survival:::survmean.
 */

const TOLERANCE = Math.sqrt(2.220446049250313e-16);

export interface SurvivalMedian {
  /** Median survival time, null when the curve never reaches 0.5. */
  median: number | null;
  /** Lower 95 % (or the curve's level) limit, from the lower band. */
  lower: number | null;
  /** Upper limit, from the upper band; null when the upper band never reaches 0.5. */
  upper: number | null;
}

/** R's `minmin`: first time the values reach 0.5, with the midpoint rule on a flat 0.5. */
export function firstTimeAtOrBelowHalf(values: ArrayLike<number | null>, time: ArrayLike<number>): number | null {
  let first = -1;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== null && value !== undefined && !Number.isNaN(value) && value < 0.5 + TOLERANCE) {
      first = index;
      break;
    }
  }
  if (first < 0) return null;
  const firstValue = values[first] as number;
  if (Math.abs(firstValue - 0.5) < TOLERANCE) {
    for (let index = first + 1; index < values.length; index++) {
      const value = values[index];
      if (value !== null && value !== undefined && !Number.isNaN(value) && value < firstValue) {
        return (time[first]! + time[index]!) / 2;
      }
    }
  }
  return time[first]!;
}

/**
 * Median and confidence limits of a survival curve given by its times, survival values and
 * band.
 *
 * @example survivalMedian({ time: [4, 6], surv: [0.5, 0.25], lower: [0.2, 0.05], upper: [0.9, 0.7] }) // { median: 5, lower: 4, upper: null }
 */
export function survivalMedian(curve: {
  time: ArrayLike<number>;
  surv: ArrayLike<number>;
  lower: ArrayLike<number | null>;
  upper: ArrayLike<number | null>;
}): SurvivalMedian {
  return {
    median: firstTimeAtOrBelowHalf(curve.surv, curve.time),
    lower: firstTimeAtOrBelowHalf(curve.lower, curve.time),
    upper: firstTimeAtOrBelowHalf(curve.upper, curve.time),
  };
}
