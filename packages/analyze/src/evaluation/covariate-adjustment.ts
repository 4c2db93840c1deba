/**
 * Covariate-adjusted days saved: the primary estimate made more precise with the baseline
 * variables of the balance table (issue 14, item 3), by regression adjustment of
 * pseudo-observations (Andersen, Hansen & Klein 2004, "Regression analysis of restricted
 * mean survival time based on pseudo-observations", Lifetime Data Anal 10: 335-350), with
 * infinitesimal-jackknife pseudo-values (Parner, Andersen & Overgaard 2023, Lifetime Data
 * Anal 29: 654-671) and the treatment-by-covariate interactions of Tsiatis, Davidian,
 * Zhang & Lu 2008 (Stat Med 27: 4658-4677) and Lin 2013 (Ann Appl Stat 7: 295-318), so the
 * adjustment can only gain precision in large samples, never bias the randomized contrast.
 *
 * Estimator. φ_i is citizen i's pseudo-value of the primary measure (primary-estimate.ts;
 * the mean of an arm's φ is the arm's primary estimate θ̂_a). X_i are the baseline
 * variables, X̄ their mean over both arms, X̄_a over arm a. In each arm a, least squares
 * of φ on X gives the slopes β_a; the adjusted arm mean is
 *
 *     μ̂_a = θ̂_a - (X̄_a - X̄)ᵀ β_a,
 *
 * and adjusted days saved is μ̂_control - μ̂_intervention. Without covariates it is the
 * primary estimate itself. Standard error from the influence of each citizen j of arm a,
 *
 *     ψ_j = s_a r_j / n_a + (X_j - X̄)ᵀ (β_control - β_intervention) / n,
 *
 * s_control = +1, s_intervention = -1, r_j the within-arm residual: Var = Σ_j ψ_j²
 * (without covariates: the primary's IJ variance). The estimation of the slopes and of the
 * pseudo-values' own ingredients is ignored, as is usual for pseudo-observation
 * regression (first order; the simulation in the tests checks coverage).
 *
 * Variables. Age at entry, sex, industry group and the configured cohort covariates
 * (numbers as they are; text as one indicator per level but the first, at most 20
 * levels). A missing value is set to the variable's mean (or is its own level) with an
 * indicator of missingness, which keeps the estimator consistent when baseline data are
 * missing (randomization makes missingness balanced). Left out on purpose: born 1 January,
 * born on the 1st of a month and replacement numbers, the birth-date heaping flags of the
 * balance table. They are not independent of the arm (the rule assigns by birth day), so
 * adjusting for them is not a precision gain but a change of contrast; the sensitivity
 * rows without those citizens show that instead. A variable constant in an arm, or
 * linearly dependent on the others there, gets slope 0 in that arm.
 */
import { mean } from "simple-statistics";
import type { Results } from "../results-schema.ts";
import type { CohortMember, TrialArm } from "./model.ts";
import { normalEstimate } from "./normal-estimate.ts";
import type { PrimaryPseudoValues } from "./primary-estimate.ts";

const ARMS = ["control", "intervention"] as const;
const MAX_LEVELS = 20;
/** A pivot below this share of the column's own variance means the column adds nothing new (collinear). */
const COLLINEARITY_TOLERANCE = 1e-8;

export const ADJUSTMENT_METHOD =
  "Regression adjustment of pseudo-observations (Andersen, Hansen & Klein 2004): each citizen's infinitesimal-jackknife pseudo-value of the primary measure (Parner, Andersen & Overgaard 2023) is regressed on the baseline variables by least squares within each arm; the adjusted arm means θ̂_a - (X̄_a - X̄)ᵀβ_a are compared (interactions as Tsiatis et al. 2008 and Lin 2013). Standard error from the influence of each citizen. Baseline variables: age at entry, sex, industry group and the cohort's covariates, with indicators of missing values; the birth-date heaping flags are left out (the rule assigns by birth day).";

/** The baseline variables of a set of citizens as named columns (see the file comment). */
export interface DesignMatrix {
  names: string[];
  /** rows[i][k]: citizen i's value of column k. */
  rows: number[][];
}

/** The baseline variables of the citizens, as columns; constant columns are left out. */
export function baselineDesign(members: readonly CohortMember[]): DesignMatrix {
  const columns: { name: string; values: number[] }[] = [];
  const continuous = (name: string, pick: (member: CohortMember) => number | null) => {
    const values = members.map(pick);
    const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
    if (known.length === 0) return;
    const imputed = mean(known);
    columns.push({ name, values: values.map((value) => (value !== null && Number.isFinite(value) ? value : imputed)) });
    if (known.length < values.length) columns.push({ name: `${name}: missing`, values: values.map((value) => (value !== null && Number.isFinite(value) ? 0 : 1)) });
  };
  const categorical = (name: string, pick: (member: CohortMember) => string | null) => {
    const values = members.map(pick);
    const levels = [...new Set(values.filter((value): value is string => value !== null))].sort();
    if (levels.length > MAX_LEVELS) return;
    for (const level of levels.slice(1)) columns.push({ name: `${name}: ${level}`, values: values.map((value) => (value === level ? 1 : 0)) });
    if (values.some((value) => value === null)) columns.push({ name: `${name}: missing`, values: values.map((value) => (value === null ? 1 : 0)) });
  };
  continuous("age at entry", (member) => member.ageAtEntry);
  categorical("sex", (member) => member.sex);
  categorical("industry group", (member) => member.industryGroup);
  const covariateNames = [...new Set(members.flatMap((member) => Object.keys(member.covariates)))].sort();
  for (const name of covariateNames) {
    const value = (member: CohortMember) => member.covariates[name] ?? null;
    if (members.every((member) => value(member) === null || typeof value(member) === "number")) continuous(name, (member) => value(member) as number | null);
    else categorical(name, (member) => (value(member) === null ? null : String(value(member))));
  }
  const varying = columns.filter((column) => column.values.some((value) => value !== column.values[0]));
  return { names: varying.map((column) => column.name), rows: members.map((_, index) => varying.map((column) => column.values[index]!)) };
}

/**
 * Least-squares slopes of y on centred X, by Cholesky decomposition of XᵀX that skips a
 * column whose pivot is below the tolerance (constant or collinear in this arm): its slope is 0.
 */
function slopes(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = x[0]?.length ?? 0;
  const n = x.length;
  const means = Array.from({ length: p }, (_, k) => x.reduce((sum, row) => sum + row[k]!, 0) / n);
  const yMean = y.reduce((sum, value) => sum + value, 0) / n;
  const cross = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xy = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    for (let k = 0; k < p; k++) {
      const centred = row[k]! - means[k]!;
      xy[k]! += centred * (y[i]! - yMean);
      for (let l = 0; l <= k; l++) cross[k]![l]! += centred * (row[l]! - means[l]!);
    }
  }
  // Cholesky L Lᵀ = XᵀX over the kept columns.
  const lower = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const kept: boolean[] = new Array<boolean>(p).fill(false);
  for (let k = 0; k < p; k++) {
    let pivot = cross[k]![k]!;
    for (let m = 0; m < k; m++) if (kept[m]) pivot -= lower[k]![m]! ** 2;
    if (!(pivot > COLLINEARITY_TOLERANCE * Math.max(cross[k]![k]!, 1e-300))) continue;
    kept[k] = true;
    lower[k]![k] = Math.sqrt(pivot);
    for (let r = k + 1; r < p; r++) {
      let value = cross[r]![k]!;
      for (let m = 0; m < k; m++) if (kept[m]) value -= lower[r]![m]! * lower[k]![m]!;
      lower[r]![k] = value / lower[k]![k]!;
    }
  }
  // Solve L z = Xᵀy, then Lᵀ b = z, over the kept columns.
  const z = new Array<number>(p).fill(0);
  for (let k = 0; k < p; k++) {
    if (!kept[k]) continue;
    let value = xy[k]!;
    for (let m = 0; m < k; m++) if (kept[m]) value -= lower[k]![m]! * z[m]!;
    z[k] = value / lower[k]![k]!;
  }
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    if (!kept[k]) continue;
    let value = z[k]!;
    for (let m = k + 1; m < p; m++) if (kept[m]) value -= lower[m]![k]! * beta[m]!;
    beta[k] = value / lower[k]![k]!;
  }
  return beta;
}

export interface CovariateAdjusted {
  daysSaved: Results["daysSaved"];
  /** The same estimator without covariates (its estimate is the primary estimate). */
  unadjusted: { estimate: number; se: number };
  covariates: string[];
  /** 1 - Var(adjusted) / Var(unadjusted). */
  precisionGain: number;
}

/**
 * Covariate-adjusted days saved (control minus intervention) from the pseudo-values (see
 * the file comment); null when no baseline variable varies.
 *
 * @example
 * // one binary covariate x: control pseudo-values 1, 3 (x = 0), 5, 7 (x = 1); intervention 2, 2, 6 (x = 0), 6 (x = 1).
 * // Post-stratified on the overall P(x = 1) = 3/8: control 3.5, intervention 13/3 (test/evaluation/covariate-adjustment.test.ts)
 * covariateAdjustedDaysSaved(pseudo, "days-to-first-exit")!.daysSaved.estimate // -5/6
 */
export function covariateAdjustedDaysSaved(pseudo: PrimaryPseudoValues, measure: NonNullable<Results["daysSaved"]["measure"]>): CovariateAdjusted | null {
  const design = baselineDesign(pseudo.values.map((value) => value.member));
  const n = pseudo.values.length;
  const p = design.names.length;
  const overallMean = Array.from({ length: p }, (_, k) => design.rows.reduce((sum, row) => sum + row[k]!, 0) / n);
  const byArm = {} as Record<TrialArm, { indices: number[]; beta: number[]; mean: number[]; adjusted: number }>;
  for (const arm of ARMS) {
    const indices = pseudo.values.flatMap((value, index) => (value.arm === arm ? [index] : []));
    const x = indices.map((index) => design.rows[index]!);
    const y = indices.map((index) => pseudo.values[index]!.value);
    const beta = p === 0 ? [] : slopes(x, y);
    const mean = Array.from({ length: p }, (_, k) => x.reduce((sum, row) => sum + row[k]!, 0) / indices.length);
    const theta = pseudo.byArm[arm].estimate;
    const adjusted = theta - mean.reduce((sum, value, k) => sum + (value - overallMean[k]!) * beta[k]!, 0);
    byArm[arm] = { indices, beta, mean, adjusted };
  }
  const slopeDifference = Array.from({ length: p }, (_, k) => byArm.control.beta[k]! - byArm.intervention.beta[k]!);
  let variance = 0;
  let unadjustedVariance = 0;
  for (const arm of ARMS) {
    const { indices, beta, mean } = byArm[arm];
    const sign = arm === "control" ? 1 : -1;
    const theta = pseudo.byArm[arm].estimate;
    for (const index of indices) {
      const row = design.rows[index]!;
      const value = pseudo.values[index]!.value;
      let fitted = theta;
      let spread = 0;
      for (let k = 0; k < p; k++) {
        fitted += (row[k]! - mean[k]!) * beta[k]!;
        spread += (row[k]! - overallMean[k]!) * slopeDifference[k]!;
      }
      const influence = (sign * (value - fitted)) / indices.length + spread / n;
      variance += influence ** 2;
      unadjustedVariance += ((value - theta) / indices.length) ** 2;
    }
  }
  if (p === 0) return null;
  const estimate = byArm.control.adjusted - byArm.intervention.adjusted;
  return {
    daysSaved: { ...normalEstimate(estimate, Math.sqrt(variance)), tau: pseudo.tau, measure },
    unadjusted: { estimate: pseudo.byArm.control.estimate - pseudo.byArm.intervention.estimate, se: Math.sqrt(unadjustedVariance) },
    covariates: design.names,
    precisionGain: unadjustedVariance > 0 ? 1 - variance / unadjustedVariance : 0,
  };
}
