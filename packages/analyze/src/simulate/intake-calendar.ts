/**
 * When the simulated citizens enter: the intake weeks, the seasonal pattern of the weekly
 * intake and the weekday of the first unemployment day. The drawing (simulate-trial.ts)
 * and the path model's exact truth (path-model.ts, path-truth.ts) share these, so the truth
 * weighs entry dates exactly as the draws do.
 */
import { eligibilityCheck } from "@jobtrial/assign";
import { addDays, fromDayNumber, isoWeekOf, isoWeekStart, toDayNumber, type TrialConfig } from "@jobtrial/core";

/** First unemployment day within the intake week, Monday ... Sunday. */
export const WEEKDAY_WEIGHTS: readonly number[] = [0.34, 0.17, 0.16, 0.15, 0.12, 0.03, 0.03];

/** ISO weeks from `from` to `to`, inclusive. */
export function intakeWeeks(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = isoWeekStart(from); monday <= isoWeekStart(to); monday = addDays(monday, 7)) weeks.push(isoWeekOf(monday));
  return weeks;
}

/**
 * Relative intake in ISO week number `week` (1-53), mean 1 over weeks 1-52: a
 * winter peak (construction and seasonal trades, amplitude `seasonality`) and a
 * summer bump around week 27 (graduates, dimittender).
 *
 * @example seasonalFactor(2, 0) // 1 (no seasonality; 0.9999999999999991 after rounding)
 */
export function seasonalFactor(week: number, seasonality: number): number {
  const raw = (w: number) => 1 + seasonality * Math.cos((2 * Math.PI * (w - 2)) / 52) + 0.6 * seasonality * Math.exp(-(((w - 27) / 2.5) ** 2));
  let mean = 0;
  for (let w = 1; w <= 52; w++) mean += raw(w) / 52;
  return raw(Math.min(week, 52)) / mean;
}

/** One possible first unemployment day of an eligible citizen and its probability. */
export interface EntryDay {
  /** Day number of the first unemployment day (core's `toDayNumber`). */
  day: number;
  /** Weekday, 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Probability among eligible citizens; the weights of all entry days sum to 1. */
  weight: number;
}

/**
 * The distribution of the first unemployment day among eligible citizens, as the intake
 * draws make it: week w has mean intake `weeklyIntake × seasonalFactor(w)`, the weekday
 * follows WEEKDAY_WEIGHTS, and a day counts only when the assign package's
 * `eligibilityCheck` (as of the week's Sunday) accepts it for a target-group industry.
 * Ineligibility drawn independently of the day (`ineligibleShare`) does not change it.
 *
 * P(day) = seasonalFactor(week) × WEEKDAY_WEIGHTS[weekday] × eligible(day) / Σ (same).
 */
export function entryDays(config: TrialConfig, fromWeek: string, toWeek: string, seasonality: number): EntryDay[] {
  const industry = config.targetGroup.industryGroups[0]!;
  const days: EntryDay[] = [];
  let total = 0;
  for (const week of intakeWeeks(fromWeek, toWeek)) {
    const monday = toDayNumber(isoWeekStart(week));
    const eligibility = eligibilityCheck(config, fromDayNumber(monday + 6));
    const factor = seasonalFactor(Number(week.slice(6)), seasonality);
    WEEKDAY_WEIGHTS.forEach((weekdayWeight, weekday) => {
      const day = monday + weekday;
      if (eligibility({ firstUnemploymentDay: fromDayNumber(day), industryGroup: industry }) !== null) return;
      const weight = factor * weekdayWeight;
      days.push({ day, weekday, weight });
      total += weight;
    });
  }
  if (total === 0) return [];
  for (const entry of days) entry.weight /= total;
  return days;
}
