/**
 * Precision: the minimum detectable days saved with the data as of the as-of
 * date, and the date from which the expected effect (config.expectations.daysSaved)
 * would be detectable if intake and follow-up continue.
 *
 * MDE = (z_{1-alpha/2} + z_{power}) · SE(days saved); 2.80 · SE at 5 % two-sided and 80 % power.
 *
 * Projection (expected information): the variance of a restricted mean at tau is
 *   Var = Σ_{t_j <= tau} A(t_j)² h_j / (n_j (1 - h_j)),
 * with h_j the hazard of exit at t_j, A(t_j) the area under S from t_j to tau and
 * n_j the number at risk. At a future date D the number at risk at t is
 * N_D(t) · S(t-), where N_D(t) counts the citizens who entered at least t days
 * before D: those already in the cohort, plus the projected intake at each arm's
 * mean weekly intake of the last 13 weeks, until the end of intake
 * (intake.firstUnemploymentDayTo, else the end of the project period). The
 * hazards and S come from each arm's Kaplan-Meier curve as of now (flat beyond
 * the longest follow-up). The model's variance at the as-of date is scaled to the
 * observed SE (so censoring other than administrative is carried forward as it is),
 * and the projected SE is the observed SE times sqrt(Var_D / Var_asOf). The date
 * is the first week at which the projected MDE is at most the expected effect,
 * searched until the end of intake plus tau; null if never.
 */
import { addDays, daysBetween, type TrialConfig } from "@jobtrial/core";
import { normalQuantile } from "@jobtrial/survival";
import type { KaplanMeierCurve } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";

const ARMS = ["control", "intervention"] as const;
export const PRECISION_ALPHA = 0.05;
export const PRECISION_POWER = 0.8;
const RECENT_WEEKS = 13;
const EPOCH = "1970-01-01";

export const PRECISION_METHOD =
  "Minimum detectable days saved = (z_0.975 + z_0.80) x SE(days saved) = 2.80 x SE. Projection by expected information: the restricted-mean variance sum over exit times, Σ A(t)² h(t) / (n(t)(1 - h(t))), is recomputed for future dates with the numbers at risk n(t) = N(t) · S(t-) from the citizens already in the trial plus the intake projected at each arm's mean weekly intake of the last 13 weeks until the end of intake, the hazards and S taken from the current Kaplan-Meier curves (flat beyond the longest follow-up); the observed SE is scaled by the square root of the ratio of projected to current variance. The date is the first week at which the projected minimum detectable effect reaches the expected effect.";

interface ArmModel {
  times: number[];
  hazards: number[];
  survBefore: number[];
  /** Area under S from each time to tau. */
  areaToTau: number[];
  entries: number[];
  weeklyIntake: number;
}

function armModel(curve: KaplanMeierCurve, rows: readonly AnalysisRow[], arm: (typeof ARMS)[number], tau: number, asOfDay: number): ArmModel {
  const times: number[] = [];
  const hazards: number[] = [];
  const survBefore: number[] = [];
  let surv = 1;
  for (let index = 0; index < curve.time.length && curve.time[index]! <= tau; index++) {
    const events = curve.nEvent[index]!;
    const atRisk = curve.nRisk[index]!;
    if (events > 0 && atRisk > events) {
      times.push(curve.time[index]!);
      hazards.push(events / atRisk);
      survBefore.push(surv);
    }
    surv = curve.surv[index]!;
  }
  // A(t_j) = ∫_{t_j}^{tau} S(u) du, S stepping down after each event time.
  const areaToTau = new Array<number>(times.length).fill(0);
  let area = 0;
  for (let index = times.length - 1; index >= 0; index--) {
    const next = index + 1 < times.length ? times[index + 1]! : tau;
    area += (next - times[index]!) * survBefore[index]! * (1 - hazards[index]!);
    areaToTau[index] = area;
  }
  const entries = rows.filter((row) => row.arm === arm).map((row) => daysBetween(EPOCH, row.member.firstUnemploymentDay));
  const recentFrom = asOfDay - RECENT_WEEKS * 7;
  const recent = entries.filter((entry) => entry >= recentFrom && entry < asOfDay).length;
  const earliest = entries.length === 0 ? asOfDay : Math.min(...entries);
  const weeksObserved = Math.min(RECENT_WEEKS, Math.max(1, (asOfDay - earliest) / 7));
  return { times, hazards, survBefore, areaToTau, entries: entries.sort((a, b) => a - b), weeklyIntake: recent / weeksObserved };
}

/** Number of values in a sorted array that are <= limit. */
function countAtOrBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

function projectedVariance(model: ArmModel, dateDay: number, asOfDay: number, intakeEndDay: number): number {
  let variance = 0;
  for (let index = 0; index < model.times.length; index++) {
    const t = model.times[index]!;
    const latestEntry = dateDay - t;
    let entrants = countAtOrBelow(model.entries, latestEntry);
    if (latestEntry > asOfDay) entrants += (model.weeklyIntake * (Math.min(latestEntry, intakeEndDay) - asOfDay)) / 7;
    const atRisk = entrants * model.survBefore[index]!;
    if (atRisk <= 0) return Infinity;
    const hazard = model.hazards[index]!;
    variance += (model.areaToTau[index]! ** 2 * hazard) / (atRisk * (1 - hazard));
  }
  return variance;
}

export function precisionMeasures(
  rows: readonly AnalysisRow[],
  curves: Record<(typeof ARMS)[number], KaplanMeierCurve>,
  daysSaved: Results["daysSaved"],
  config: TrialConfig,
  asOf: string,
): Results["precision"] {
  const zSum = normalQuantile(1 - PRECISION_ALPHA / 2) + normalQuantile(PRECISION_POWER);
  const expected = config.expectations.daysSaved;
  const base: Results["precision"] = {
    alpha: PRECISION_ALPHA,
    power: PRECISION_POWER,
    minimumDetectableDaysSaved: daysSaved.se === null ? null : zSum * daysSaved.se,
    expectedDaysSaved: expected,
    detectableFrom: null,
    method: PRECISION_METHOD,
    methodKey: "expected-information",
  };
  if (daysSaved.se === null || !(daysSaved.se > 0) || !(expected > 0)) return base;
  if (base.minimumDetectableDaysSaved! <= expected) return { ...base, detectableFrom: asOf };
  const epoch = EPOCH;
  const asOfDay = daysBetween(epoch, asOf);
  const intakeEnd = config.intake.firstUnemploymentDayTo ?? config.projectPeriod.end;
  const intakeEndDay = Math.max(asOfDay, daysBetween(epoch, intakeEnd < config.projectPeriod.end ? intakeEnd : config.projectPeriod.end));
  const models = ARMS.map((arm) => armModel(curves[arm], rows, arm, daysSaved.tau, asOfDay));
  const varianceAt = (dateDay: number) => models.reduce((sum, model) => sum + projectedVariance(model, dateDay, asOfDay, intakeEndDay), 0);
  const current = varianceAt(asOfDay);
  if (!(current > 0) || !Number.isFinite(current)) return base;
  const lastDay = intakeEndDay + daysSaved.tau;
  for (let dateDay = asOfDay + 7; dateDay <= lastDay + 7; dateDay += 7) {
    const se = daysSaved.se * Math.sqrt(varianceAt(dateDay) / current);
    if (zSum * se <= expected) return { ...base, detectableFrom: addDays(epoch, dateDay) };
  }
  return base;
}
