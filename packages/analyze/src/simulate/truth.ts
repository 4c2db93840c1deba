/**
 * The true values of every quantity the evaluation estimates, computed from
 * the model by exact summation over covariate cells and whole days (never by
 * sampling): restricted mean duration per arm, medians, cumulative exit to
 * self-support, hazard ratios.
 *
 * Three targets, because the birth-date rule and 1-January heaping make the
 * arms differ in composition (docs/simulation.md, "Which truth"):
 * - the causal effect in the whole trial population (`daysSaved`, top level):
 *   everyone under control against everyone under the intervention;
 * - `armContrast`: what the unadjusted intention-to-treat contrast between the
 *   arms as the rule forms them converges to (all registered-1-January citizens
 *   are in the arm of day 1);
 * - `armContrastExcludingJanuary1`: the same contrast after removing everyone
 *   born 1 January, which leaves arms of equal composition, so it equals the
 *   causal effect in that smaller population.
 */
import { TrialConfigSchema, type TrialConfig } from "@jobtrial/core";
import { z } from "zod";
import { prepareSimulation, type SimulationModel } from "./model.ts";
import type { SimulationOptions } from "./options.ts";
import { pathFirstSpellCurves, type FirstSpellCurves } from "./path-model.ts";
import { PathTruthSchema, pathTruthOfModel } from "./path-truth.ts";

const contrast = z.strictObject({ control: z.number(), intervention: z.number(), difference: z.number() });
const byKey = z.record(z.string().regex(/^\d+$/), contrast);

/** The quantities for one comparison of control and intervention. */
export const ContrastTruthSchema = z.strictObject({
  /** Control minus intervention restricted mean at the primary horizon, days. */
  daysSaved: z.number(),
  /** Share of the compared population in the intervention (0.5 for the causal contrast: everyone under each arm). */
  interventionShare: z.number(),
  /** Restricted mean duration in days by horizon ("182", "364"); difference = control - intervention. */
  restrictedMean: byKey,
  /** Cumulative exit to self-support by weeks ("13", "26", "52"), other exits competing; difference = intervention - control. */
  exitToSelfSupport: byKey,
  /** Median duration in whole days (smallest d with P(D > d) <= 1/2). */
  median: z.strictObject({ control: z.number(), intervention: z.number() }),
  /**
   * Large-sample limit of the unadjusted Cox estimate (Breslow ties, whole days)
   * with follow-up cut at the primary horizon and no other censoring.
   */
  coxHazardRatio: z.number(),
});
export type ContrastTruth = z.infer<typeof ContrastTruthSchema>;

export const SimulationTruthSchema = z.strictObject({
  synthetic: z.literal(true),
  description: z.string(),
  trialId: z.string(),
  /** How the data were made (command and seed), when written by `jobtrial simulate`. */
  generatedBy: z.string().optional(),
  /** Primary horizon of `daysSaved`, days. */
  horizonDays: z.number().int(),
  /**
   * THE true effect: control minus intervention restricted mean at the primary horizon, whole
   * trial population, days. With paths this is the first A-dagpenge spell's, and the effect
   * the options set is paths.daysSaved (days on A-dagpenge, re-entries counted).
   */
  daysSaved: z.number(),
  /**
   * The model's hazard ratio intervention / control, conditional on the covariate cell (what
   * a correctly adjusted Cox model estimates). With paths: the job-rate ratio of the path
   * model (paths.jobRateRatio).
   */
  hazardRatio: z.number(),
  causal: ContrastTruthSchema,
  armContrast: ContrastTruthSchema,
  armContrastExcludingJanuary1: ContrastTruthSchema.extend({
    /** Share of the trial population not born 1 January. */
    populationShare: z.number(),
  }),
  composition: z.strictObject({
    foreignBornShare: z.number(),
    /** Share registered with birth date 1 January because of heaping (foreign-born). */
    registeredJanuary1Share: z.number(),
    /** Share with birth date 1 January, heaping plus those truly born that day (1/365.25 of the rest). */
    bornJanuary1Share: z.number(),
    /** Expected share of the trial population the rule sends to the intervention. */
    interventionShare: z.number(),
    foreignBornShareByArm: z.strictObject({ control: z.number(), intervention: z.number() }),
  }),
  parameters: z.record(z.string(), z.unknown()),
  /** Which truth each estimator is checked against. */
  checkedAgainst: z.record(z.string(), z.string()),
  /**
   * With the path model (option `paths`): days in each benefit state, on public support and
   * the municipality's expenditure per citizen within each horizon (path-truth.ts). The
   * fields above then describe the first A-dagpenge spell of the paths.
   */
  paths: PathTruthSchema.optional(),
});
export type SimulationTruth = z.infer<typeof SimulationTruthSchema>;

/** Follow-up points for exit to self-support, weeks. */
export const SELF_SUPPORT_WEEKS = [13, 26, 52] as const;

/** First-spell curves of a mixture of cells: P(D > d) and P(D <= d, exit to self-support), d = 0..benefitPeriodDays. */
type MixtureCurves = FirstSpellCurves;

/**
 * Computes truth.json's values from the model. `computeTruth(config, options)`
 * gives the same values `simulateTrial` puts in its result.
 */
export function computeTruth(config: TrialConfig, options: SimulationOptions = {}): SimulationTruth {
  return truthOfModel(prepareSimulation(TrialConfigSchema.parse(config), options));
}

/** Truth for an already prepared model. */
export function truthOfModel(model: SimulationModel): SimulationTruth {
  const { cells, options, config } = model;
  const period = options.benefitPeriodDays;
  const pU = model.interventionShareUniformBirthDates;
  const januaryFirstToIntervention = model.januaryFirstArm === "intervention" ? 1 : 0;
  const armShare = (cell: (typeof cells)[number]) => (cell.januaryFirst ? januaryFirstToIntervention : pU);

  const populationWeights = cells.map((cell) => cell.weight);
  const interventionArmWeights = cells.map((cell) => cell.weight * armShare(cell));
  const controlArmWeights = cells.map((cell) => cell.weight * (1 - armShare(cell)));
  const notJanuaryFirstWeights = cells.map((cell) => (cell.januaryFirst ? 0 : cell.weight));

  const curves = (weightSets: number[][], intervention: boolean) =>
    model.paths === null
      ? mixtureCurves(model, weightSets, intervention ? model.hazardRatio : 1)
      : pathFirstSpellCurves(model.paths, weightSets, intervention, period);
  const [populationControl, armControl, notJanuaryControl] = curves([populationWeights, controlArmWeights, notJanuaryFirstWeights], false);
  const [populationIntervention, armIntervention, notJanuaryIntervention] = curves([populationWeights, interventionArmWeights, notJanuaryFirstWeights], true);

  const sum = (weights: number[]) => weights.reduce((total, value) => total + value, 0);
  const interventionShare = sum(interventionArmWeights) / sum(populationWeights);
  const causal = contrastTruth(model, populationControl!, populationIntervention!, 0.5);
  const armContrast = contrastTruth(model, armControl!, armIntervention!, interventionShare);
  const notJanuaryShare = sum(notJanuaryFirstWeights) / sum(populationWeights);
  const excluding = { ...contrastTruth(model, notJanuaryControl!, notJanuaryIntervention!, pU), populationShare: round(notJanuaryShare) };

  const registered = options.foreignBornShare * options.januaryFirstShareOfForeignBorn;
  const { paths: pathOptions, ...otherOptions } = options;
  const paths =
    model.paths === null
      ? undefined
      : pathTruthOfModel(
          model,
          {
            causal: { control: populationWeights, intervention: populationWeights },
            armContrast: { control: controlArmWeights, intervention: interventionArmWeights },
            armContrastExcludingJanuary1: { control: notJanuaryFirstWeights, intervention: notJanuaryFirstWeights },
          },
          { armContrast: interventionShare, excluding: pU, notJanuaryShare },
        );
  const foreignWeights = (weights: number[]) => sum(weights.filter((_, index) => cells[index]!.foreignBorn)) / sum(weights);
  const truth: SimulationTruth = {
    synthetic: true,
    description:
      "SYNTHETIC. True values from the jobtrial simulator's model (exact sums over covariate cells and days, not from the sample). Durations in whole days; restricted means in days; shares 0-1.",
    trialId: config.id,
    horizonDays: primaryHorizon(model),
    daysSaved: causal.daysSaved,
    hazardRatio: round(model.hazardRatio),
    causal,
    armContrast,
    armContrastExcludingJanuary1: excluding,
    composition: {
      foreignBornShare: round(options.foreignBornShare),
      registeredJanuary1Share: round(registered),
      bornJanuary1Share: round(registered + (1 - registered) / 365.25),
      interventionShare: round(interventionShare),
      foreignBornShareByArm: { control: round(foreignWeights(controlArmWeights)), intervention: round(foreignWeights(interventionArmWeights)) },
    },
    parameters: {
      ...otherOptions,
      ...(pathOptions === null ? {} : { paths: pathOptions }),
      baselineScaleDays: round(model.baselineScale),
      hazardRatio: round(model.hazardRatio),
      interventionShareUniformBirthDates: round(pU),
      januaryFirstArm: model.januaryFirstArm,
      benefitPeriodDays: period,
      industries: model.industries.map((industry) => ({ name: industry.name, weight: industry.weight, timeRatio: industry.timeRatio })),
    },
    checkedAgainst: {
      daysSaved:
        "The unadjusted restricted-mean difference of the arms converges to armContrast.daysSaved; after excluding everyone born 1 January to armContrastExcludingJanuary1.daysSaved; daysSaved (= causal.daysSaved) is the effect the trial is about.",
      hazardRatio:
        model.paths === null
          ? "An unadjusted Cox model converges to armContrast.coxHazardRatio (cut at the primary horizon); hazardRatio is the conditional, covariate-adjusted one."
          : "An unadjusted Cox model of the first spell converges to armContrast.coxHazardRatio (cut at the primary horizon); with paths, hazardRatio is the path model's job-rate ratio in the programme weeks, not a hazard ratio of the first spell.",
      exitToSelfSupport: "Cumulative incidence (Aalen-Johansen) by arm converges to armContrast.exitToSelfSupport.",
    },
    ...(paths === undefined ? {} : { paths }),
  };
  return truth;
}

function primaryHorizon(model: SimulationModel): number {
  return model.config.evaluation.primaryHorizonDays;
}

/** Survival and self-support incidence of several mixtures of cells under one hazard multiplier. */
function mixtureCurves(model: SimulationModel, weightSets: number[][], hazardMultiplier: number): MixtureCurves[] {
  const period = model.options.benefitPeriodDays;
  const stride = period + 1;
  const results = weightSets.map(() => ({ survival: new Float64Array(stride), selfSupport: new Float64Array(stride) }));
  const totals = weightSets.map((weights) => weights.reduce((sum, value) => sum + value, 0));
  const cellSurvival = new Float64Array(stride);
  const cellSelfSupport = new Float64Array(stride);
  model.cells.forEach((cell, index) => {
    if (weightSets.every((weights) => weights[index] === 0)) return;
    const offset = index * stride;
    for (let day = 0; day <= period; day++) cellSurvival[day] = Math.exp(hazardMultiplier * model.logSurvivalControl[offset + day]!);
    cellSelfSupport[0] = 0;
    for (let day = 1; day <= period; day++) {
      const exits = cellSurvival[day - 1]! - cellSurvival[day]!;
      const share = day < 183 ? cell.earlyShares[0]! : cell.lateShares[0]!;
      cellSelfSupport[day] = cellSelfSupport[day - 1]! + exits * share;
    }
    weightSets.forEach((weights, set) => {
      const weight = weights[index]! / totals[set]!;
      if (weight === 0) return;
      const target = results[set]!;
      // P(D > period) = 0: the rest of the spells end at the period as "dagpengeret opbrugt".
      for (let day = 0; day < period; day++) target.survival[day]! += weight * cellSurvival[day]!;
      for (let day = 0; day <= period; day++) target.selfSupport[day]! += weight * cellSelfSupport[day]!;
    });
  });
  return results;
}

function contrastTruth(model: SimulationModel, control: MixtureCurves, intervention: MixtureCurves, interventionShare: number): ContrastTruth {
  const horizons = [...new Set([...model.config.evaluation.horizonsDays, primaryHorizon(model)])].sort((a, b) => a - b);
  const restrictedMean: Record<string, { control: number; intervention: number; difference: number }> = {};
  for (const horizon of horizons) {
    const controlMean = restrictedMean_(control.survival, horizon);
    const interventionMean = restrictedMean_(intervention.survival, horizon);
    restrictedMean[String(horizon)] = { control: round(controlMean), intervention: round(interventionMean), difference: round(controlMean - interventionMean) };
  }
  const exitToSelfSupport: Record<string, { control: number; intervention: number; difference: number }> = {};
  for (const weeks of SELF_SUPPORT_WEEKS) {
    const day = Math.min(weeks * 7, model.options.benefitPeriodDays);
    const controlShare = control.selfSupport[day]!;
    const interventionShareValue = intervention.selfSupport[day]!;
    exitToSelfSupport[String(weeks)] = { control: round(controlShare), intervention: round(interventionShareValue), difference: round(interventionShareValue - controlShare) };
  }
  const horizon = primaryHorizon(model);
  return {
    daysSaved: round(restrictedMean_(control.survival, horizon) - restrictedMean_(intervention.survival, horizon)),
    interventionShare: round(interventionShare),
    restrictedMean,
    exitToSelfSupport,
    median: { control: medianOf(control.survival), intervention: medianOf(intervention.survival) },
    coxHazardRatio: round(coxLimit(control.survival, intervention.survival, 1 - interventionShare, interventionShare, horizon)),
  };
}

/** Σ_{d=0}^{horizon-1} P(D > d): the area under the whole-day survival step function up to the horizon. */
function restrictedMean_(survival: Float64Array, horizon: number): number {
  let sum = 0;
  for (let day = 0; day < horizon; day++) sum += survival[day]!;
  return sum;
}

function medianOf(survival: Float64Array): number {
  for (let day = 0; day < survival.length; day++) if (survival[day]! <= 0.5) return day;
  return survival.length - 1;
}

/**
 * Limit of the Cox partial-likelihood estimate for two groups with whole-day
 * event times (Breslow ties), follow-up cut at `horizon`: the root in beta of
 * Σ_d [E_I(d) - (E_I(d) + E_C(d)) R_I(d) e^beta / (R_I(d) e^beta + R_C(d))],
 * with E the expected exits on day d and R the expected number at risk.
 */
function coxLimit(control: Float64Array, intervention: Float64Array, controlShare: number, interventionShare: number, horizon: number): number {
  const score = (beta: number) => {
    let total = 0;
    const factor = Math.exp(beta);
    for (let day = 1; day <= horizon; day++) {
      const atRiskControl = controlShare * control[day - 1]!;
      const atRiskIntervention = interventionShare * intervention[day - 1]!;
      const exitsControl = controlShare * (control[day - 1]! - control[day]!);
      const exitsIntervention = interventionShare * (intervention[day - 1]! - intervention[day]!);
      const denominator = atRiskIntervention * factor + atRiskControl;
      if (denominator <= 0) continue;
      total += exitsIntervention - (exitsIntervention + exitsControl) * ((atRiskIntervention * factor) / denominator);
    }
    return total;
  };
  let low = -5;
  let high = 5;
  for (let iteration = 0; iteration < 80; iteration++) {
    const middle = (low + high) / 2;
    if (score(middle) > 0) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

/** Rounds to 6 decimals for truth.json (well below any estimator's precision). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
