/**
 * The sensitivity analyses a referee asks for, side by side with the primary estimate
 * (issue 14, item 3), each the primary estimate recomputed through primary-estimate.ts:
 *
 * - without the citizens registered as born on the 1st of a month, and without those born
 *   1 January: birth-date heaping (immigrants without a known birth date) puts them all in
 *   the arm of day 1, so the arms differ in who they hold; a citizen whose flag is unknown
 *   stays in;
 * - the horizon tau at 182, 273 and 364 days, with the share of each arm still at risk at
 *   tau (followed that long, and for days to the first exit still in the first spell) and
 *   a note when fewer than 10 % are: the restricted mean's tail then rests on a handful;
 *   and a note when days saved changes sign between two horizons;
 * - the covariate-adjusted estimate (covariate-adjustment.ts) as the precision gain.
 *
 * Counts are suppressed like every count in results.json (1 to minCellSize - 1 is null),
 * and so is a share resting on a small count.
 */
import type { Results } from "../results-schema.ts";
import type { AnalyzeNoteFacts } from "../messages.ts";
import { ADJUSTMENT_METHOD, covariateAdjustedDaysSaved } from "./covariate-adjustment.ts";
import type { CohortMember } from "./model.ts";
import { primaryEstimate, primaryPseudoValues, primaryUnits, type Keep, type PrimaryData } from "./primary-estimate.ts";
import { cell } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;
/**
 * The sign convention of every effect in results.json, said once (issue 14, item 6): a
 * positive number is a gain for the intervention.
 */
export const SIGN_CONVENTION =
  "Every effect in this file is oriented so that a positive number is a gain for the intervention: days saved and days on public support saved are control minus intervention days (fewer days in the intervention is positive), the expenditure saving is control minus intervention kroner, exit to self-support and the secondary outcomes are intervention minus control (more exits, applications, self-found placements, a higher rating is positive), the hazard ratio is intervention over control (above 1: faster exit). The same holds for the sensitivity, subgroup and monitoring estimates, their z statistics and intervals. Two descriptive differences keep R's order intervention minus control and are not effects: the restricted mean durations (duration.rmst) and the days in each benefit state (paths.byHorizon); their negatives are days saved.";

/** Definition of the sensitivity block. */
export const SENSITIVITY_DEFINITION =
  "The primary estimate (days saved at the primary horizon, as daysSaved) beside analyses a referee asks for, each recomputed the same way: without the citizens registered as born on the 1st of a month, and without those born 1 January (birth-date heaping puts them all in the arm of day 1; a citizen whose flag is unknown stays in); the horizon tau at 182, 273 and 364 days, with the number and share of each arm still at risk at tau (followed that long, and for days to the first exit still in the first spell) and fewAtRisk when an arm is below atRiskThreshold (10 %); and the covariate-adjusted estimate, whose method is named in the row, with the share of the variance the baseline variables remove (precisionGain).";

/** The horizons of the sensitivity table, days (26, 39 and 52 weeks). */
export const SENSITIVITY_TAUS = [182, 273, 364] as const;
/** Below this share still at risk at tau, a horizon is flagged. */
export const AT_RISK_THRESHOLD = 0.1;

type Row = Results["sensitivity"] extends infer S ? (S extends { rows: (infer R)[] } ? R : never) : never;
type ByArmCount = Row["analysed"];

const empty = (tau: number, measure: PrimaryData["measure"]): Results["daysSaved"] => ({ estimate: null, se: null, lower: null, upper: null, p: null, tau, measure });

function countByArm(data: PrimaryData, minCellSize: number, keep?: Keep): ByArmCount {
  const units = primaryUnits(data, keep);
  const counts = { control: 0, intervention: 0 };
  for (const unit of units) counts[unit.arm]++;
  return { control: cell(counts.control, minCellSize), intervention: cell(counts.intervention, minCellSize) };
}

/** Citizens still at risk at tau per arm, count and share; and whether an arm is below the threshold. */
function atRiskAt(data: PrimaryData, tau: number, minCellSize: number): { atRisk: NonNullable<Row["atRisk"]>; lowestShare: number | null } {
  const units = primaryUnits(data);
  let lowestShare: number | null = null;
  const byArm = {} as NonNullable<Row["atRisk"]>;
  for (const arm of ARMS) {
    const inArm = units.filter((unit) => unit.arm === arm);
    const atRisk = inArm.filter((unit) => unit.atRiskAt(tau)).length;
    const share = inArm.length === 0 ? null : atRisk / inArm.length;
    if (share !== null) lowestShare = lowestShare === null ? share : Math.min(lowestShare, share);
    const shown = cell(atRisk, minCellSize);
    byArm[arm] = { n: shown, share: shown === null ? null : share };
  }
  return { atRisk: byArm, lowestShare };
}

/** The estimate with its interval and p-value (the row carries tau and the measure itself). */
function estimateOnly(daysSaved: Results["daysSaved"]): Row["daysSaved"] {
  return { estimate: daysSaved.estimate, se: daysSaved.se, lower: daysSaved.lower, upper: daysSaved.upper, p: daysSaved.p ?? null };
}

/**
 * The sensitivity block and its notes.
 *
 * @example sensitivityAnalyses(primaryData(inputs, "2018-03-01"), results.daysSaved, 5).sensitivity.rows.map((row) => row.key) // ["primary", "without-born-first-of-month", "without-born-january-1", "horizon", "horizon", "horizon", "covariate-adjusted"]
 */
export function sensitivityAnalyses(data: PrimaryData, primary: Results["daysSaved"], minCellSize: number): { sensitivity: NonNullable<Results["sensitivity"]>; notes: AnalyzeNoteFacts[] } {
  const notes: AnalyzeNoteFacts[] = [];
  const tau = primary.tau;
  const rows: Row[] = [];
  // Horizons with an estimate resting on fewer than the threshold still at risk: tau -> the lowest share.
  const fewAtRisk = new Map<number, number>();
  const horizonRow = (horizon: number, daysSaved: Results["daysSaved"], key: "primary" | "horizon"): Row => {
    const { atRisk, lowestShare } = atRiskAt(data, horizon, minCellSize);
    const few = lowestShare === null || daysSaved.estimate === null ? null : lowestShare < AT_RISK_THRESHOLD;
    if (few) fewAtRisk.set(horizon, lowestShare!);
    return {
      key,
      tau: horizon,
      daysSaved: estimateOnly(daysSaved),
      analysed: countByArm(data, minCellSize),
      leftOut: null,
      atRisk,
      fewAtRisk: few,
      unavailable: daysSaved.estimate === null ? "not-estimable" : null,
      adjustment: null,
    };
  };
  rows.push(horizonRow(tau, primary, "primary"));

  const subsets: { key: "without-born-first-of-month" | "without-born-january-1"; flag: (member: CohortMember) => boolean | null; note: "born-first-of-month" | "born-january-1" }[] = [
    { key: "without-born-first-of-month", flag: (member) => member.bornFirstOfMonth, note: "born-first-of-month" },
    { key: "without-born-january-1", flag: (member) => member.bornFirstJanuary, note: "born-january-1" },
  ];
  for (const subset of subsets) {
    const units = primaryUnits(data);
    const known = units.some((unit) => subset.flag(unit.member) !== null);
    const keep: Keep = (member) => subset.flag(member) !== true;
    const left = { control: 0, intervention: 0 };
    for (const unit of units) if (!keep(unit.member)) left[unit.arm]++;
    if (!known) notes.push({ code: "heaping-flag-unknown", flag: subset.note });
    const daysSaved = known ? primaryEstimate(data, { tau, keep }) : empty(tau, data.measure);
    rows.push({
      key: subset.key,
      tau,
      daysSaved: estimateOnly(daysSaved),
      analysed: countByArm(data, minCellSize, keep),
      leftOut: known ? { control: cell(left.control, minCellSize), intervention: cell(left.intervention, minCellSize) } : null,
      atRisk: null,
      fewAtRisk: null,
      unavailable: !known ? "flag-unknown" : daysSaved.estimate === null ? "not-estimable" : null,
      adjustment: null,
    });
  }

  const horizons = SENSITIVITY_TAUS.map((horizon) => horizonRow(horizon, horizon === tau ? primary : primaryEstimate(data, { tau: horizon }), "horizon"));
  rows.push(...horizons);
  for (const [horizon, share] of [...fewAtRisk.entries()].sort(([a], [b]) => a - b)) notes.push({ code: "few-at-risk-at-tau", tau: horizon, share, threshold: AT_RISK_THRESHOLD });
  const estimable = horizons.filter((row) => row.daysSaved.estimate !== null && row.daysSaved.estimate !== 0);
  for (let index = 1; index < estimable.length; index++) {
    const before = estimable[index - 1]!;
    const after = estimable[index]!;
    if (Math.sign(before.daysSaved.estimate!) !== Math.sign(after.daysSaved.estimate!)) notes.push({ code: "estimate-changes-sign", fromTau: before.tau, toTau: after.tau });
  }

  rows.push(adjustedRow(data, primary, minCellSize, notes));
  return { sensitivity: { measure: data.measure, atRiskThreshold: AT_RISK_THRESHOLD, rows }, notes };
}

/** The covariate-adjusted row (or the row saying why there is none). */
function adjustedRow(data: PrimaryData, primary: Results["daysSaved"], minCellSize: number, notes: AnalyzeNoteFacts[]): Row {
  const base: Row = {
    key: "covariate-adjusted",
    tau: primary.tau,
    daysSaved: estimateOnly(empty(primary.tau, data.measure)),
    analysed: countByArm(data, minCellSize),
    leftOut: null,
    atRisk: null,
    fewAtRisk: null,
    unavailable: "not-estimable",
    adjustment: null,
  };
  const pseudo = primary.estimate === null ? null : primaryPseudoValues(data, primary.tau);
  if (pseudo === null) {
    notes.push({ code: "adjustment-not-estimable", reason: "not-estimable" });
    return base;
  }
  const adjusted = covariateAdjustedDaysSaved(pseudo, data.measure);
  if (adjusted === null || !(adjusted.daysSaved.se! > 0)) {
    notes.push({ code: "adjustment-not-estimable", reason: adjusted === null ? "no-covariates" : "singular" });
    return { ...base, unavailable: adjusted === null ? "no-covariates" : "singular" };
  }
  return {
    ...base,
    daysSaved: estimateOnly(adjusted.daysSaved),
    unavailable: null,
    adjustment: { methodKey: "pseudo-observation-regression", method: ADJUSTMENT_METHOD, covariates: adjusted.covariates, unadjustedSe: adjusted.unadjusted.se, precisionGain: adjusted.precisionGain },
  };
}
