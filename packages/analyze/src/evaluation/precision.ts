/**
 * Precision: the minimum detectable days saved with the data as of the as-of date, the
 * standard error projected to any later date (the monitoring's expected final
 * information uses it), and the date from which the expected effect
 * (config.expectations.daysSaved) would be detectable if intake and follow-up go on.
 *
 * MDE = (z_{1-alpha/2} + z_{power}) · SE(days saved); 2.80 · SE at 5 % two-sided and 80 % power.
 *
 * Projection (expected information): the variance of a restricted mean at tau is
 *   Var = Σ_{t_j <= tau} A(t_j)² h_j / (n_j (1 - h_j)),
 * with h_j the hazard of exit at t_j, A(t_j) the area under S from t_j to tau and n_j the
 * number at risk. At a date D the number at risk at t is N_D(t) · S(t-), where N_D(t)
 * counts the citizens who entered at least t days before D: those already analysed, plus
 * the projected intake (intake-projection.ts: the seasonal pattern of the weeks already
 * seen) until the end of intake. The hazards and S come from each arm's Kaplan-Meier
 * curve of the first exit as of now; beyond the longest follow-up the hazard of the last
 * 8 weeks continues (an exponential tail). The model's variance is a proxy for how the
 * primary estimate's variance shrinks as citizens are followed longer; it is scaled to
 * the observed SE of the primary estimate (so the measure, and censoring other than
 * administrative, are carried forward as they are): SE_D = SE_now · sqrt(Var_D / Var_now).
 * Before the primary horizon is estimable there is no SE to scale to, and the model's own
 * variance is used. The projection runs to the final analysis (the last planned look,
 * planned-looks.ts); `detectableFrom` is the first week at which the projected MDE is at
 * most the expected effect; when that does not happen by the final analysis,
 * `detectableNotBefore` names the final analysis date ("not before").
 */
import { addDays, daysBetween, type TrialConfig } from "@jobtrial/core";
import { normalQuantile } from "@jobtrial/survival";
import type { KaplanMeierCurve } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import { INTAKE_ASSUMPTION, seasonalIntake, type IntakeProjection } from "./intake-projection.ts";
import { lastEntryDay, monitoringSettings } from "./planned-looks.ts";

const ARMS = ["control", "intervention"] as const;
export const PRECISION_ALPHA = 0.05;
export const PRECISION_POWER = 0.8;
const EPOCH = "1970-01-01";
/** Weeks at the end of the Kaplan-Meier curve whose hazard continues beyond the longest follow-up. */
const TAIL_WEEKS = 8;

export const PRECISION_METHOD =
  "Minimum detectable days saved = (z_0.975 + z_0.80) x SE(days saved) = 2.80 x SE. Projection by expected information: the restricted-mean variance sum over exit times, Σ A(t)² h(t) / (n(t)(1 - h(t))), is recomputed for future dates with the numbers at risk n(t) = N(t) · S(t-) from the citizens already in the trial plus the projected intake (the seasonal pattern of the weeks already seen) until the end of intake, the hazards and S taken from the current Kaplan-Meier curves of the first exit (beyond the longest follow-up the hazard of the last 8 weeks continues); the observed SE of days saved is scaled by the square root of the ratio of projected to current variance (before the primary horizon is estimable the model's own variance is used). The projection runs to the final analysis; the date is the first week at which the projected minimum detectable effect reaches the expected effect, or 'not before' the final analysis when it does not.";

interface ArmModel {
  times: number[];
  hazards: number[];
  survBefore: number[];
  /** Area under S from each time to tau. */
  areaToTau: number[];
  /** Entry days (day numbers) of the analysed citizens, sorted. */
  entries: number[];
  intake: IntakeProjection;
}

/** The arm's exit times up to tau with hazards and S, extended beyond the longest follow-up by the tail hazard. */
function armModel(curve: KaplanMeierCurve, rows: readonly AnalysisRow[], arm: (typeof ARMS)[number], tau: number, asOfDay: number, intakeEndDay: number): ArmModel {
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
  const longest = curve.time.length === 0 ? 0 : curve.time[curve.time.length - 1]!;
  if (longest < tau && surv > 0) {
    // Exponential tail: the weekly hazard of the last TAIL_WEEKS weeks observed, from S on the curve.
    const from = Math.max(0, longest - TAIL_WEEKS * 7);
    let survFrom = 1;
    for (let index = 0; index < curve.time.length && curve.time[index]! <= from; index++) survFrom = curve.surv[index]!;
    const span = longest - from;
    const rate = span > 0 && survFrom > 0 && surv > 0 ? Math.log(survFrom / surv) / span : 0;
    const weeklyHazard = 1 - Math.exp(-7 * rate);
    if (weeklyHazard > 0) {
      for (let time = longest + 7; time <= tau; time += 7) {
        times.push(time);
        hazards.push(weeklyHazard);
        survBefore.push(surv);
        surv *= 1 - weeklyHazard;
      }
    }
  }
  // A(t_j) = ∫_{t_j}^{tau} S(u) du, S stepping down after each event time.
  const areaToTau = new Array<number>(times.length).fill(0);
  let area = 0;
  for (let index = times.length - 1; index >= 0; index--) {
    const next = index + 1 < times.length ? times[index + 1]! : tau;
    area += (next - times[index]!) * survBefore[index]! * (1 - hazards[index]!);
    areaToTau[index] = area;
  }
  const entries = rows.filter((row) => row.arm === arm).map((row) => daysBetween(EPOCH, row.member.firstUnemploymentDay)).sort((a, b) => a - b);
  return { times, hazards, survBefore, areaToTau, entries, intake: seasonalIntake(entries, asOfDay, intakeEndDay) };
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

/** The model's variance of one arm's restricted mean at a date (day number); Infinity when some exit time has nobody at risk. */
function projectedVariance(model: ArmModel, dateDay: number, asOfDay: number): number {
  let variance = 0;
  for (let index = 0; index < model.times.length; index++) {
    const time = model.times[index]!;
    const latestEntry = dateDay - time;
    // Entered at least `time` days before the date: analysed citizens (entry before the as-of date) and projected intake after it.
    const entrants = countAtOrBelow(model.entries, Math.min(latestEntry, asOfDay - 1)) + model.intake.cumulativeThrough(latestEntry);
    const atRisk = entrants * model.survBefore[index]!;
    if (atRisk <= 0) return Infinity;
    const hazard = model.hazards[index]!;
    variance += (model.areaToTau[index]! ** 2 * hazard) / (atRisk * (1 - hazard));
  }
  return variance;
}

/** The projected standard error of days saved at any date up to the end of the projection. */
export interface PrecisionProjection {
  /** Standard error of days saved projected at an ISO date; null when it cannot be projected (nobody followed long enough). */
  seAt(date: string): number | null;
  /** The end of the projection: the final analysis. */
  end: string;
  /** True when scaled to the observed standard error; false when the model's own variance is used (no estimate yet). */
  scaledToObserved: boolean;
}

/**
 * The projection of the standard error of days saved (see the file comment).
 *
 * @example precisionProjection(rows, curves, 4.76, 364, config, "2018-03-01").seAt("2018-03-01") // 4.76: the observed SE at the as-of date; on the bundled trial seAt("2019-12-30") is 3.20
 */
export function precisionProjection(
  rows: readonly AnalysisRow[],
  curves: Record<(typeof ARMS)[number], KaplanMeierCurve>,
  observedSe: number | null,
  tau: number,
  config: TrialConfig,
  asOf: string,
): PrecisionProjection {
  const looks = monitoringSettings(config).looks;
  const end = looks[looks.length - 1]!.date;
  const asOfDay = daysBetween(EPOCH, asOf);
  const intakeEndDay = daysBetween(EPOCH, lastEntryDay(config));
  const models = ARMS.map((arm) => armModel(curves[arm], rows, arm, tau, asOfDay, intakeEndDay));
  const varianceAt = (dateDay: number) => models.reduce((sum, model) => sum + projectedVariance(model, dateDay, asOfDay), 0);
  const current = varianceAt(asOfDay);
  const scaled = observedSe !== null && observedSe > 0 && current > 0 && Number.isFinite(current);
  return {
    end,
    scaledToObserved: scaled,
    seAt(date: string) {
      const variance = varianceAt(daysBetween(EPOCH, date));
      if (!(variance > 0) || !Number.isFinite(variance)) return scaled && date === asOf ? observedSe : null;
      return scaled ? observedSe! * Math.sqrt(variance / current) : Math.sqrt(variance);
    },
  };
}

/**
 * The precision block of results.json: the MDE now, and when the expected effect becomes
 * detectable (a date, or "not before" the final analysis).
 */
export function precisionMeasures(
  rows: readonly AnalysisRow[],
  curves: Record<(typeof ARMS)[number], KaplanMeierCurve>,
  daysSaved: Results["daysSaved"],
  config: TrialConfig,
  asOf: string,
): Results["precision"] {
  return precisionFromProjection(precisionProjection(rows, curves, daysSaved.se, daysSaved.tau, config, asOf), daysSaved, config, asOf);
}

/** The precision block from a projection already made (evaluateTrial shares it with the monitoring). */
export function precisionFromProjection(projection: PrecisionProjection, daysSaved: Results["daysSaved"], config: TrialConfig, asOf: string): Results["precision"] {
  const zSum = normalQuantile(1 - PRECISION_ALPHA / 2) + normalQuantile(PRECISION_POWER);
  const expected = config.expectations.daysSaved;
  const endSe = projection.end > asOf ? projection.seAt(projection.end) : null;
  const base: Results["precision"] = {
    alpha: PRECISION_ALPHA,
    power: PRECISION_POWER,
    minimumDetectableDaysSaved: daysSaved.se === null ? null : zSum * daysSaved.se,
    expectedDaysSaved: expected,
    detectableFrom: null,
    method: PRECISION_METHOD,
    methodKey: "expected-information",
    projectionEnd: projection.end,
    detectableNotBefore: null,
    projectedFinalSe: endSe,
    minimumDetectableAtEnd: endSe === null ? null : zSum * endSe,
    intakeAssumption: INTAKE_ASSUMPTION,
    intakeAssumptionKey: "seasonal-same-weeks",
  };
  if (!(expected > 0)) return base;
  if (base.minimumDetectableDaysSaved !== null && base.minimumDetectableDaysSaved <= expected) return { ...base, detectableFrom: asOf };
  if (projection.end <= asOf) return base;
  const endDay = daysBetween(EPOCH, projection.end);
  for (let dateDay = daysBetween(EPOCH, asOf) + 7; ; dateDay += 7) {
    const date = addDays(EPOCH, Math.min(dateDay, endDay));
    const se = projection.seAt(date);
    if (se !== null && zSum * se <= expected) return { ...base, detectableFrom: date };
    if (dateDay >= endDay) break;
  }
  return { ...base, detectableNotBefore: projection.end };
}
