/**
 * Root finding for the simulator's calibration (the baseline scale for the control median,
 * the hazard ratio or job-rate ratio for the effect).
 */

/** Root of a monotone function on [low, high] by bisection (60 halvings: far below any reported precision). */
export function bisect(fn: (x: number) => number, low: number, high: number): number {
  let lowValue = fn(low);
  const highValue = fn(high);
  if (lowValue === 0) return low;
  if (highValue === 0) return high;
  if (Math.sign(lowValue) === Math.sign(highValue)) {
    throw new RangeError(`internal: no root in [${low}, ${high}] (values ${lowValue}, ${highValue}); the requested effect or median is out of the model's range`);
  }
  for (let iteration = 0; iteration < 60; iteration++) {
    const middle = (low + high) / 2;
    const middleValue = fn(middle);
    if (Math.sign(middleValue) === Math.sign(lowValue)) {
      low = middle;
      lowValue = middleValue;
    } else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Root of a continuous function that changes sign on [low, high], by the Illinois variant
 * of regula falsi (Dowell & Jarratt 1971): it keeps the root bracketed like bisection but
 * needs only a handful of evaluations for a smooth function. Stops when |fn(x)| is at most
 * `tolerance` or the bracket is narrower than 1e-14. Throws RangeError (an internal error)
 * when fn has the same sign at both ends.
 *
 * @example regulaFalsi((x) => x * x - 2, 0, 2, 1e-14) // 1.4142135623730951
 */
export function regulaFalsi(fn: (x: number) => number, low: number, high: number, tolerance: number): number {
  let lowValue = fn(low);
  let highValue = fn(high);
  if (Math.abs(lowValue) <= tolerance) return low;
  if (Math.abs(highValue) <= tolerance) return high;
  if (Math.sign(lowValue) === Math.sign(highValue)) {
    throw new RangeError(`internal: no root in [${low}, ${high}] (values ${lowValue}, ${highValue})`);
  }
  let keptSide = 0; // -1: the low end was kept last time, 1: the high end
  let estimate = (low + high) / 2;
  for (let iteration = 0; iteration < 200 && high - low > 1e-14; iteration++) {
    estimate = (low * highValue - high * lowValue) / (highValue - lowValue);
    const value = fn(estimate);
    if (Math.abs(value) <= tolerance) return estimate;
    if (Math.sign(value) === Math.sign(highValue)) {
      high = estimate;
      highValue = value;
      if (keptSide === -1) lowValue /= 2;
      keptSide = -1;
    } else {
      low = estimate;
      lowValue = value;
      if (keptSide === 1) highValue /= 2;
      keptSide = 1;
    }
  }
  return estimate;
}
