/**
 * Design diagnosis by simulation (`jobtrial power`): for an assumed effect,
 * intake per week, follow-up and evaluation date, simulate many trials with
 * the simulator, estimate days saved in each exactly as `jobtrial analyze`
 * does, and report the power, the bias and the interval coverage of the
 * days-saved estimator and the bias of the naive completed-spell average,
 * plus the minimum detectable effect.
 *
 * Truth: the birth-date rule and 1-January heaping make the arms differ a
 * little in composition, so the unadjusted intention-to-treat contrast
 * converges to the simulator's `armContrast.daysSaved`, not exactly to the
 * causal `daysSaved`; bias and coverage are reported against both.
 *
 * Power: the share of trials whose 95 % interval lies above 0 (the effect is
 * detected in the expected direction). MDE: (z_0.975 + z_0.80) x the mean
 * standard error over the trials.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import type { TrialConfig } from "@jobtrial/core";
import { normalQuantile } from "@jobtrial/survival";
import { prepareSimulation } from "../simulate/model.ts";
import type { SimulationOptions } from "../simulate/options.ts";
import { forkRandomSource, randomSource } from "@jobtrial/survival";
import { simulateWithModel } from "../simulate/simulate-trial.ts";
import { estimateDaysSaved } from "./evaluate-trial.ts";
import { evaluationDataFromSimulation } from "./from-simulation.ts";

export interface DesignDiagnosisOptions {
  config: TrialConfig;
  /**
   * The simulator's options (effect, weekly intake, weeks, extraction date, ...). Paths
   * default to false here: the diagnosis is of the days to the first exit from spells, so
   * the effect is the first spell's restricted mean difference and the simulation stays
   * as fast as before the path model became the simulator's default. Default paths: false
   */
  simulation: SimulationOptions;
  /** Simulated trials. Default: 500 */
  trials?: number;
  seed: number;
  /** Called after each trial with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface EstimatorDiagnosis {
  /** Mean estimate over the trials that gave one. */
  mean: number;
  /** Mean minus the target truth. */
  bias: number;
  /** Bias against the causal truth. */
  biasCausal: number;
  /** Standard deviation of the estimates over trials. */
  empiricalSe: number;
}

export interface DesignDiagnosis {
  trials: number;
  /** Trials where days saved was estimable (the horizon within follow-up). */
  estimable: number;
  horizonDays: number;
  extractionDate: string;
  truth: { causal: number; armContrast: number };
  meanAnalysed: number;
  daysSaved: EstimatorDiagnosis & {
    meanSe: number;
    /** Share of 95 % intervals containing the arm-contrast truth. */
    coverage: number;
    /** Share of 95 % intervals containing the causal truth. */
    coverageCausal: number;
    /** Share of trials with the interval above 0. */
    power: number;
  };
  naiveCompletedSpells: EstimatorDiagnosis;
  /** (z_0.975 + z_0.80) x mean SE. */
  minimumDetectableEffect: number;
  /** Monte Carlo standard error of the coverage. */
  coverageMonteCarloSe: number;
}

/** simple-statistics' mean; NaN for no values (no trial was estimable). */
function meanOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : mean(values as number[]);
}

/** simple-statistics' sample standard deviation (n - 1); 0 for fewer than two values. */
function sdOf(values: readonly number[]): number {
  return values.length < 2 ? 0 : sampleStandardDeviation(values as number[]);
}

export function diagnoseDesign(options: DesignDiagnosisOptions): DesignDiagnosis {
  const trials = options.trials ?? 500;
  const model = prepareSimulation(options.config, { paths: false, ...options.simulation, include: { conversations: false, benefitWeeks: false, secondary: false } });
  const root = randomSource(options.seed);
  const tau = model.options.effect.kind === "days-saved" ? model.options.effect.horizonDays : options.config.evaluation.primaryHorizonDays;
  const extractionDate = model.options.extractionDate;
  let truth: { causal: number; armContrast: number } | undefined;
  const estimates: number[] = [];
  const ses: number[] = [];
  const naive: number[] = [];
  const analysed: number[] = [];
  let covered = 0;
  let coveredCausal = 0;
  let detected = 0;
  for (let trial = 0; trial < trials; trial++) {
    const simulation = simulateWithModel(model, forkRandomSource(root));
    truth ??= { causal: simulation.truth.causal.daysSaved, armContrast: simulation.truth.armContrast.daysSaved };
    const data = evaluationDataFromSimulation(simulation);
    const result = estimateDaysSaved(data.cohort, data.spells, extractionDate, tau);
    analysed.push(result.analysed);
    if (result.naiveCompletedDifference !== null) naive.push(result.naiveCompletedDifference);
    const saved = result.daysSaved;
    if (saved.estimate !== null && saved.se !== null && saved.lower !== null && saved.upper !== null) {
      estimates.push(saved.estimate);
      ses.push(saved.se);
      if (saved.lower <= truth.armContrast && truth.armContrast <= saved.upper) covered++;
      if (saved.lower <= truth.causal && truth.causal <= saved.upper) coveredCausal++;
      if (saved.lower > 0) detected++;
    }
    options.onProgress?.(trial + 1, trials);
  }
  const target = truth ?? { causal: Number.NaN, armContrast: Number.NaN };
  const estimable = estimates.length;
  const coverage = estimable === 0 ? Number.NaN : covered / estimable;
  const meanSe = estimable === 0 ? Number.NaN : meanOf(ses);
  const naiveMean = naive.length === 0 ? Number.NaN : meanOf(naive);
  return {
    trials,
    estimable,
    horizonDays: tau,
    extractionDate,
    truth: target,
    meanAnalysed: meanOf(analysed),
    daysSaved: {
      mean: meanOf(estimates),
      bias: meanOf(estimates) - target.armContrast,
      biasCausal: meanOf(estimates) - target.causal,
      empiricalSe: sdOf(estimates),
      meanSe,
      coverage,
      coverageCausal: estimable === 0 ? Number.NaN : coveredCausal / estimable,
      power: estimable === 0 ? 0 : detected / trials,
    },
    naiveCompletedSpells: { mean: naiveMean, bias: naiveMean - target.armContrast, biasCausal: naiveMean - target.causal, empiricalSe: naive.length === 0 ? Number.NaN : sdOf(naive) },
    minimumDetectableEffect: (normalQuantile(0.975) + normalQuantile(0.8)) * meanSe,
    coverageMonteCarloSe: Math.sqrt((coverage * (1 - coverage)) / Math.max(estimable, 1)),
  };
}
