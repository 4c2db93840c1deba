/**
 * Areas under a Kaplan-Meier step curve day by day, and the Greenwood-type (delta-method)
 * variance of a weighted area under it. The business case prices the difference of the
 * two arms' curves with a weight per day (benefit x co-financing share); with weight 1
 * this is the restricted mean (RMST) and its variance is R's `rmean` variance.
 * Derivation: packages/business-case/docs/business-case.md, "Delta method".
 */
import type { KmRow } from "./results-input.ts";

/**
 * Area under the Kaplan-Meier curve on each whole day up to the horizon:
 * `areas[k]` = integral of S(t) dt over [k, k + 1), for k = 0 .. horizon - 1.
 * S is right-continuous: S(t) = surv of the last row with time <= t, and 1 before the
 * first row. Times need not be whole days. Rows must be sorted by time (checked by the caller).
 *
 * @example dailySurvivalAreas([{ time: 1, surv: 0.5, ... }], 3) // [1, 0.5, 0.5]
 */
export function dailySurvivalAreas(rows: readonly Pick<KmRow, "time" | "surv">[], horizon: number): number[] {
  const areas = new Array<number>(horizon).fill(0);
  let survival = 1;
  let rowIndex = 0;
  let time = 0;
  while (time < horizon) {
    const nextRowTime = rowIndex < rows.length ? rows[rowIndex]!.time : Infinity;
    if (nextRowTime <= time) {
      survival = rows[rowIndex]!.surv;
      rowIndex++;
      continue;
    }
    const day = Math.floor(time);
    const end = Math.min(nextRowTime, day + 1, horizon);
    areas[day]! += survival * (end - time);
    time = end;
  }
  return areas;
}

/** Integral of S(t) dt over [from, to) for a Kaplan-Meier table (S = 1 before the first row). */
function survivalIntegral(rows: readonly Pick<KmRow, "time" | "surv">[], from: number, to: number): number {
  let survival = 1;
  let total = 0;
  let start = from;
  for (const row of rows) {
    if (row.time <= start) {
      survival = row.surv;
      continue;
    }
    if (row.time >= to) break;
    total += survival * (row.time - start);
    start = row.time;
    survival = row.surv;
  }
  return total + survival * Math.max(0, to - start);
}

/**
 * Weighted restricted mean: W = integral over [0, horizon) of w(t) S(t) dt, with w constant
 * on each whole day (`weights[k]` on [k, k + 1)), and its delta-method variance
 *
 *   Var(W) = sum over event times t_j < horizon of A_j^2 d_j / (n_j (n_j - d_j)),
 *   A_j = integral from t_j to horizon of w(t) S(t) dt,
 *
 * the Greenwood-type formula of R's `rmean` variance with the area weighted by w. Terms
 * with n_j = d_j count as 0 (as in R); an event at the horizon adds nothing (A_j = 0).
 * With w = 1 this is the RMST and R's se(rmean)^2 (survival 3.5-3, `summary(fit, rmean = tau)`).
 *
 * @example
 * // tiny_edge control, tau 5, w = 1: rows (2: n 6, d 1, S 5/6), (3: n 5, d 1, S 2/3), (5: n 3, d 2, S 2/9)
 * // A = 13/6 at t = 2, 4/3 at t = 3, 0 at t = 5; Var = (13/6)^2/30 + (4/3)^2/20 = 265/1080
 * weightedSurvivalArea(rows, [1, 1, 1, 1, 1], 5) // { area: 25/6, variance: 0.245370... } (R: se 0.4953487361146392)
 */
export function weightedSurvivalArea(
  rows: readonly KmRow[],
  weights: readonly number[],
  horizon: number,
): { area: number; variance: number } {
  const areas = dailySurvivalAreas(rows, horizon);
  // suffix[k] = sum over days m >= k of w_m * area_m
  const suffix = new Array<number>(horizon + 1).fill(0);
  for (let day = horizon - 1; day >= 0; day--) suffix[day] = suffix[day + 1]! + weights[day]! * areas[day]!;
  let greenwoodSum = 0;
  for (const row of rows) {
    if (row.time >= horizon) break;
    const events = row.nEvent;
    const atRisk = row.nRisk;
    if (events === 0 || atRisk === events) continue;
    const day = Math.floor(row.time);
    const partialDay = weights[day]! * survivalIntegral(rows, row.time, Math.min(day + 1, horizon));
    const areaAfter = partialDay + suffix[day + 1]!;
    greenwoodSum += (areaAfter * areaAfter * events) / (atRisk * (atRisk - events));
  }
  return { area: suffix[0]!, variance: greenwoodSum };
}
