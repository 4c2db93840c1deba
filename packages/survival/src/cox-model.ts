/**
 * Cox proportional hazards model for the randomized group, optionally stratified and
 * with covariates.
 */
import { z } from "zod";
import { chiSquareSurvival, normalQuantile, normalTwoSidedP } from "./distributions.ts";
import { invertSymmetric, quadraticFormInverse, solveSymmetric } from "./linear-algebra.ts";
import { AnalyzeError } from "./messages.ts";
import {
  GroupOptionSchema,
  LabelColumnSchema,
  NumericColumnSchema,
  orderByStratum,
  parseOrThrow,
  prepareSurvival,
  SurvivalDataSchema,
  type PreparedSurvival,
} from "./survival-input.ts";

export const CoxDataSchema = SurvivalDataSchema.extend({
  /** Stratum of each row (used when `stratified` is true); optional. */
  strata: LabelColumnSchema.optional(),
  /** Extra covariates by name, one number per row; rows with a missing value are dropped. */
  covariates: z.record(z.string(), NumericColumnSchema).optional(),
});
export type CoxData = z.infer<typeof CoxDataSchema>;

export const CoxOptionsSchema = z.object({
  /** Handling of tied event times: "efron" (R's default) or "breslow". Default: "efron" */
  ties: z.enum(["efron", "breslow"]).default("efron"),
  /** Separate baseline hazard per stratum of `data.strata`. Default: false */
  stratified: z.boolean().default(false),
  /** The two groups, reference first; the coefficient is the log hazard ratio of the other versus the reference. Default: "control" first if present, otherwise sorted; exactly two groups must remain. */
  groups: GroupOptionSchema,
  /** Confidence level of the hazard ratio interval. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
  /** Newton-Raphson iterations before giving up (`cox_not_converged`). Default: 100 */
  maxIterations: z.number().int().positive().default(100),
});
export type CoxOptions = z.input<typeof CoxOptionsSchema>;

export interface CoxTerm {
  term: string;
  coef: number;
  /** Hazard ratio exp(coef). */
  hr: number;
  se: number;
  z: number;
  p: number;
  /** Confidence limits of the hazard ratio. */
  lower: number;
  upper: number;
}

export interface CoxTest {
  statistic: number;
  df: number;
  p: number;
}

export interface CoxResult extends CoxTerm {
  ties: "efron" | "breslow";
  stratified: boolean;
  n: number;
  nEvents: number;
  nDropped: number;
  nExcluded: number;
  nMissingStratum: number;
  /** Reference first. */
  groups: string[];
  /** Every term, the group first (`term` = "group:<other>"), then the covariates. */
  terms: CoxTerm[];
  /** Log partial likelihood at beta = 0 and at the estimate. */
  loglik: [number, number];
  iterations: number;
  /** Tests of the whole model (all terms), as R's summary(coxph). */
  wald: CoxTest;
  likelihoodRatio: CoxTest;
  score: CoxTest;
  /** Covariance matrix of the coefficients (inverse information). */
  variance: number[][];
}

interface CoxEvaluation {
  loglik: number;
  score: number[];
  information: number[][];
}

/** Log partial likelihood, score and information at beta (internal). */
function evaluateCox(
  beta: readonly number[],
  design: Float64Array,
  nTerms: number,
  prepared: PreparedSurvival,
  order: Int32Array,
  blockStart: Int32Array,
  efron: boolean,
): CoxEvaluation {
  const size = prepared.size;
  const riskScore = new Float64Array(size);
  const linearPredictor = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let eta = 0;
    for (let term = 0; term < nTerms; term++) eta += beta[term]! * design[row * nTerms + term]!;
    linearPredictor[row] = eta;
    riskScore[row] = Math.exp(eta);
  }
  const squareSize = nTerms * nTerms;
  let loglik = 0;
  const score = new Float64Array(nTerms);
  const information = new Float64Array(squareSize);
  const riskSum1 = new Float64Array(nTerms);
  const riskSum2 = new Float64Array(squareSize);
  const deathSum1 = new Float64Array(nTerms);
  const deathSum2 = new Float64Array(squareSize);
  const deathX = new Float64Array(nTerms);
  const mean = new Float64Array(nTerms);
  const { time, status, count } = prepared;
  for (let stratum = 0; stratum + 1 < blockStart.length; stratum++) {
    const start = blockStart[stratum]!;
    let riskSum0 = 0;
    riskSum1.fill(0);
    riskSum2.fill(0);
    let position = blockStart[stratum + 1]! - 1;
    while (position >= start) {
      const currentTime = time[order[position]!]!;
      let deaths = 0;
      let deathSum0 = 0;
      let deathEta = 0;
      deathSum1.fill(0);
      deathSum2.fill(0);
      deathX.fill(0);
      // Everyone with this time joins the risk set (censored after events).
      while (position >= start && time[order[position]!] === currentTime) {
        const row = order[position]!;
        // A counted row is `persons` identical rows: every sum takes it that many times.
        const persons = count[row]!;
        const weight = persons * riskScore[row]!;
        const offset = row * nTerms;
        riskSum0 += weight;
        for (let j = 0; j < nTerms; j++) {
          const xj = design[offset + j]!;
          riskSum1[j]! += weight * xj;
          for (let k = 0; k <= j; k++) riskSum2[j * nTerms + k]! += weight * xj * design[offset + k]!;
        }
        if (status[row]! > 0) {
          deaths += persons;
          deathSum0 += weight;
          deathEta += persons * linearPredictor[row]!;
          for (let j = 0; j < nTerms; j++) {
            const xj = design[offset + j]!;
            deathX[j]! += persons * xj;
            deathSum1[j]! += weight * xj;
            for (let k = 0; k <= j; k++) deathSum2[j * nTerms + k]! += weight * xj * design[offset + k]!;
          }
        }
        position--;
      }
      if (deaths === 0) continue;
      loglik += deathEta;
      for (let j = 0; j < nTerms; j++) score[j]! += deathX[j]!;
      // Efron: the k-th of d tied deaths sees the risk set minus k/d of the dying.
      const steps = efron ? deaths : 1;
      const multiplicity = efron ? 1 : deaths;
      for (let step = 0; step < steps; step++) {
        const fraction = efron ? step / deaths : 0;
        const denominator = riskSum0 - fraction * deathSum0;
        loglik -= multiplicity * Math.log(denominator);
        for (let j = 0; j < nTerms; j++) {
          mean[j] = (riskSum1[j]! - fraction * deathSum1[j]!) / denominator;
          score[j]! -= multiplicity * mean[j]!;
        }
        for (let j = 0; j < nTerms; j++) {
          for (let k = 0; k <= j; k++) {
            const second = (riskSum2[j * nTerms + k]! - fraction * deathSum2[j * nTerms + k]!) / denominator;
            information[j * nTerms + k]! += multiplicity * (second - mean[j]! * mean[k]!);
          }
        }
      }
    }
  }
  const informationMatrix: number[][] = [];
  for (let j = 0; j < nTerms; j++) {
    const row: number[] = [];
    for (let k = 0; k < nTerms; k++) row.push(k <= j ? information[j * nTerms + k]! : information[k * nTerms + j]!);
    informationMatrix.push(row);
  }
  return { loglik, score: Array.from(score), information: informationMatrix };
}

/** Cox model on prepared data (internal). Design column 0 is the group indicator. */
export function coxPrepared(
  prepared: PreparedSurvival,
  covariateNames: readonly string[],
  ties: "efron" | "breslow",
  stratified: boolean,
  confLevel: number,
  maxIterations: number,
): CoxResult {
  if (prepared.groups.length !== 2) {
    throw new AnalyzeError(prepared.groups.length < 2 ? { code: "too_few_groups", needed: 2, present: prepared.groups } : { code: "too_many_groups", present: prepared.groups });
  }
  const nTerms = 1 + covariateNames.length;
  const size = prepared.size;
  const { count } = prepared;
  let nEvents = 0;
  for (let row = 0; row < size; row++) if (prepared.status[row]! > 0) nEvents += count[row]!;
  if (nEvents === 0) throw new AnalyzeError({ code: "no_events" });
  // Centered design (centering changes nothing but the rounding, as in R's coxph).
  const design = new Float64Array(size * nTerms);
  const means = new Float64Array(nTerms);
  for (let row = 0; row < size; row++) {
    means[0]! += prepared.group[row]! === 1 ? count[row]! : 0;
    for (let k = 1; k < nTerms; k++) means[k]! += count[row]! * prepared.covariates[k - 1]![row]!;
  }
  for (let k = 0; k < nTerms; k++) means[k]! /= prepared.total;
  for (let row = 0; row < size; row++) {
    design[row * nTerms] = (prepared.group[row]! === 1 ? 1 : 0) - means[0]!;
    for (let k = 1; k < nTerms; k++) design[row * nTerms + k] = prepared.covariates[k - 1]![row]! - means[k]!;
  }
  const { order, blockStart } = orderByStratum(prepared);
  const efron = ties === "efron";
  const evaluate = (beta: readonly number[]) => evaluateCox(beta, design, nTerms, prepared, order, blockStart, efron);
  const termNames = [`group:${prepared.groups[1]}`, ...covariateNames];

  const nullBeta = new Array<number>(nTerms).fill(0);
  const atNull = evaluate(nullBeta);
  const scoreStatistic = quadraticFormInverse(atNull.information, atNull.score);

  // Newton-Raphson with step halving, iterated to full convergence.
  let beta = nullBeta;
  let current = atNull;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const step = solveSymmetric(current.information, current.score);
    if (step === null) throw new AnalyzeError({ code: "cox_singular", term: termNames[0]! });
    let candidate = beta.map((value, index) => value + step[index]!);
    let next = evaluate(candidate);
    let halvings = 0;
    while (!(next.loglik >= current.loglik - 1e-12 * Math.abs(current.loglik)) && halvings < 30) {
      candidate = candidate.map((value, index) => (value + beta[index]!) / 2);
      next = evaluate(candidate);
      halvings++;
    }
    const largestChange = Math.max(...candidate.map((value, index) => Math.abs(value - beta[index]!) / (1 + Math.abs(value))));
    const loglikChange = Math.abs(next.loglik - current.loglik);
    beta = candidate;
    current = next;
    // Quadratic convergence: a relative step below 1e-12 is at the rounding floor; an
    // unchanged log likelihood with a step below 1e-8 means the same.
    if (largestChange < 1e-12 || (largestChange < 1e-8 && loglikChange === 0)) {
      converged = true;
      iterations++;
      break;
    }
  }
  if (!converged || !beta.every(Number.isFinite)) throw new AnalyzeError({ code: "cox_not_converged", iterations });
  const variance = invertSymmetric(current.information);
  if (variance === null) throw new AnalyzeError({ code: "cox_singular", term: termNames[0]! });
  const zValue = normalQuantile(1 - (1 - confLevel) / 2);
  const terms: CoxTerm[] = termNames.map((term, index) => {
    const coef = beta[index]!;
    const se = Math.sqrt(variance[index]![index]!);
    const zStatistic = coef / se;
    return { term, coef, hr: Math.exp(coef), se, z: zStatistic, p: normalTwoSidedP(zStatistic), lower: Math.exp(coef - zValue * se), upper: Math.exp(coef + zValue * se) };
  });
  const waldStatistic = quadraticFormInverse(variance, beta);
  const likelihoodRatioStatistic = 2 * (current.loglik - atNull.loglik);
  return {
    ...terms[0]!,
    ties,
    stratified,
    n: prepared.total,
    nEvents,
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
    nMissingStratum: prepared.nMissingStratum,
    groups: prepared.groups,
    terms,
    loglik: [atNull.loglik, current.loglik],
    iterations,
    wald: { statistic: waldStatistic, df: nTerms, p: chiSquareSurvival(waldStatistic, nTerms) },
    likelihoodRatio: { statistic: likelihoodRatioStatistic, df: nTerms, p: chiSquareSurvival(likelihoodRatioStatistic, nTerms) },
    score: { statistic: scoreStatistic, df: nTerms, p: chiSquareSurvival(scoreStatistic, nTerms) },
    variance,
  };
}

/**
 * Cox proportional hazards model: the log hazard ratio of the other group versus the
 * reference, optionally with a separate baseline hazard per stratum and with covariates.
 *
 * Maximizes the log partial likelihood l(β) = Σ_events [x_iβ - log Σ_{risk set} exp(x_jβ)]
 * by Newton-Raphson from β = 0 (step halving when l decreases), iterated to full
 * convergence (relative change of β below 1e-13), so results agree with R's
 * `coxph(..., control = coxph.control(eps = 1e-13))` to about 1e-10 rather than stopping
 * at R's default eps = 1e-9. Ties: Efron (default, as R) replaces the denominator for the
 * k-th of d tied events by Σ_risk - (k/d) Σ_tied; Breslow uses Σ_risk for all d.
 * Standard errors from the inverse information; Wald z and interval for each term; the
 * Wald, likelihood-ratio and score (at β = 0) tests are for the whole model. With the
 * group only and no tied event times the score test equals the log-rank test.
 *
 * Missing data: rows with a missing time, event, group or covariate are dropped
 * (`nDropped`); stratified, rows with a missing stratum are left out (`nMissingStratum`).
 *
 * Counted rows (`data.count`): a row standing for c persons enters every sum c times and
 * the Efron correction runs over all tied persons, so the fit is exactly the fit of the
 * expanded rows. That holds with covariates too, but counts only shrink the data when
 * persons share every covariate value: with a continuous covariate nearly every row is
 * its own count, so such a model takes the per-person rows (a database GROUP BY over
 * arm, stratum, time and event, as `jobtrial sql` prints, carries no covariates).
 *
 * Reference: Cox (1972); Efron (1977), JASA 72, 557-565; Therneau & Grambsch (2000),
 * chapter 3; R survival 3.5-3 `coxph`. Derivation in docs/methods.md.
 *
 * @example
 * // R (lung): coxph(Surv(time, status == 2) ~ sex, data = lung)$coefficients
 * coxProportionalHazards(lung).coef // -0.5310235 (test/cox-model.test.ts checks to 1e-8)
 */
export function coxProportionalHazards(data: CoxData, options: CoxOptions = {}): CoxResult {
  const input = parseOrThrow(CoxDataSchema, data, "coxProportionalHazards data");
  const parsed = parseOrThrow(CoxOptionsSchema, options, "coxProportionalHazards options");
  if (parsed.stratified && input.strata === undefined) {
    throw new AnalyzeError({ code: "invalid_input", detail: "stratified: true needs a strata column (data.strata)" });
  }
  const prepared = prepareSurvival(input.time, input.event, input.group, input.strata, {
    groups: parsed.groups,
    useStrata: parsed.stratified,
    covariates: input.covariates,
    count: input.count,
  });
  return coxPrepared(prepared, Object.keys(input.covariates ?? {}), parsed.ties, parsed.stratified, parsed.confLevel, parsed.maxIterations);
}
