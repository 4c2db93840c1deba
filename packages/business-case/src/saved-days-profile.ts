/**
 * The profile of saved days: how the days saved per participant spread over the spell,
 * D_k = integral over [k, k+1) of (S_control(t) - S_intervention(t)) dt for each day
 * k < horizon, and the price of a profile under a weight per day with its delta-method
 * variance (packages/business-case/docs/business-case.md, "The model" and "Delta method").
 */
import { BusinessCaseError } from "./messages.ts";
import type { BusinessCaseResultsInput, KmRow } from "./results-input.ts";
import { dailySurvivalAreas, weightedSurvivalArea } from "./weighted-area.ts";

/** Saved days per spell day, where they come from, and the curves behind them. */
export interface Profile {
  /** Difference S_control - S_intervention integrated over each day [k, k+1). */
  diffAreas: number[];
  daysSaved: number;
  kind: "measured" | "measured-scaled" | "flat";
  /** Curves for the delta method (measured profiles only) and the factor the difference was scaled by. */
  curves?: { control: KmRow[]; intervention: KmRow[]; scale: number };
}

/**
 * Checks that a Kaplan-Meier table has increasing times and a survival that never rises;
 * throws `BusinessCaseError` "km_not_sorted" or "km_survival_increases" naming the row.
 */
export function checkCurve(rows: KmRow[], arm: "control" | "intervention"): void {
  for (let row = 1; row < rows.length; row++) {
    if (!(rows[row]!.time > rows[row - 1]!.time)) throw new BusinessCaseError({ code: "km_not_sorted", arm, row });
    if (rows[row]!.surv > rows[row - 1]!.surv + 1e-12) throw new BusinessCaseError({ code: "km_survival_increases", arm, row });
  }
}

/** How far the curves reach: each arm's last time, and the longest whole-day horizon with data in both. */
export interface FollowUp {
  lastFollowUp: { control: number; intervention: number };
  /** floor(min(last time of control, last time of intervention)): the longest horizon with data in both arms. */
  longest: number;
}

/**
 * The follow-up of the curves: the time of each arm's last Kaplan-Meier row (an event or a
 * censoring; beyond it the curve is unknown) and the longest whole-day horizon within both.
 *
 * @example followUp(results) // { lastFollowUp: { control: 240, intervention: 235.5 }, longest: 235 }
 */
export function followUp(results: BusinessCaseResultsInput): FollowUp {
  const lastFollowUp = { control: results.km.control.at(-1)!.time, intervention: results.km.intervention.at(-1)!.time };
  return { lastFollowUp, longest: Math.floor(Math.min(lastFollowUp.control, lastFollowUp.intervention)) };
}

/**
 * The measured profile: D_k from both arms' Kaplan-Meier curves up to `horizon`. With
 * `targetDays` the differences are scaled so they sum to it ("measured-scaled"; the curves
 * keep the scale for the interval); a measured difference of 0 or less cannot be scaled and
 * gives the flat profile of `targetDays`. Throws "horizon_beyond_follow_up" when an arm's
 * curve ends before the horizon, naming the arm followed the shortest time.
 *
 * @example
 * // control exits 10 % at day 35, intervention at day 21: D_k = 0.1 on days 21-34
 * measuredProfile(results, 70, undefined).daysSaved // 1.4
 */
export function measuredProfile(results: BusinessCaseResultsInput, horizon: number, targetDays: number | undefined): Profile {
  const { lastFollowUp, longest } = followUp(results);
  // the arm followed the shortest time first, so the error names the arm that limits the horizon
  const arms = (["control", "intervention"] as const).slice().sort((a, b) => lastFollowUp[a] - lastFollowUp[b]);
  for (const arm of arms) {
    const lastTime = lastFollowUp[arm];
    if (horizon > lastTime) throw new BusinessCaseError({ code: "horizon_beyond_follow_up", horizon, arm, lastTime, longest });
  }
  const control = dailySurvivalAreas(results.km.control, horizon);
  const intervention = dailySurvivalAreas(results.km.intervention, horizon);
  const raw = control.map((area, day) => area - intervention[day]!);
  const measuredDays = raw.reduce((sum, area) => sum + area, 0);
  if (targetDays === undefined) {
    return { diffAreas: raw, daysSaved: measuredDays, kind: "measured", curves: { control: results.km.control, intervention: results.km.intervention, scale: 1 } };
  }
  if (measuredDays <= 0) return flatProfile(targetDays, horizon);
  const scale = targetDays / measuredDays;
  return {
    diffAreas: raw.map((area) => area * scale),
    daysSaved: targetDays,
    kind: "measured-scaled",
    curves: { control: results.km.control, intervention: results.km.intervention, scale },
  };
}

/**
 * Saved days spread evenly over the horizon (a what-if): D_k = days / horizon on every day.
 *
 * @example flatProfile(9, 364).diffAreas[0] // 9 / 364
 */
export function flatProfile(days: number, horizon: number): Profile {
  return { diffAreas: new Array<number>(horizon).fill(days / horizon), daysSaved: days, kind: "flat" };
}

/** The profile with every D_k (and the days saved, and the curves' scale) multiplied by `factor`. */
export function scaleProfile(profile: Profile, factor: number): Profile {
  const scaled: Profile = { diffAreas: profile.diffAreas.map((area) => area * factor), daysSaved: profile.daysSaved * factor, kind: profile.kind };
  if (profile.curves) scaled.curves = { ...profile.curves, scale: profile.curves.scale * factor };
  return scaled;
}

/** A priced profile and its variance. */
export interface Priced {
  value: number;
  /** Delta-method variance; null for profiles without curves. */
  variance: number | null;
}

/**
 * The price of a profile under a weight per day: X = sum_k D_k w_k, and its delta-method
 * variance Var(X) = scale^2 (Var(W_control) + Var(W_intervention)), W_arm the weighted
 * restricted mean of the arm (`weightedSurvivalArea`). Null variance for a flat profile.
 *
 * @example priceProfile(flatProfile(7, 7), [1, 1, 1, 1, 1, 1, 100]) // { value: 106, variance: null }
 */
export function priceProfile(profile: Profile, weights: readonly number[]): Priced {
  let value = 0;
  for (let day = 0; day < profile.diffAreas.length; day++) value += profile.diffAreas[day]! * weights[day]!;
  if (!profile.curves) return { value, variance: null };
  const horizon = profile.diffAreas.length;
  const control = weightedSurvivalArea(profile.curves.control, weights, horizon);
  const intervention = weightedSurvivalArea(profile.curves.intervention, weights, horizon);
  return { value, variance: profile.curves.scale ** 2 * (control.variance + intervention.variance) };
}
