/**
 * The data-generating model of the simulator: who enters (industry group,
 * education, age, origin, 1-January registration), how long their benefit
 * spell lasts under control and under the intervention, and how it ends.
 *
 * Durations: a Weibull accelerated-failure-time model on covariate cells,
 *   S_control(t | x) = exp(-(t / scale_x)^shape),  scale_x = baselineScale * Π timeRatio,
 *   S_intervention(t | x) = S_control(t | x)^hazardRatio  (proportional hazards),
 * discretised to whole days D = ceil(T) and cut at the benefit period
 * (D = benefitPeriodDays, exit "dagpengeret opbrugt", when T exceeds it). So
 * P(D > d) = S(d) exactly for whole d below the period, and every truth value
 * is a finite sum over cells and days (see truth.ts and docs/simulation.md).
 *
 * `baselineScale` is solved so the control median in the trial population is
 * `controlMedianDays`; with the effect given as days saved, `hazardRatio` is
 * solved so the control-minus-intervention restricted mean at the horizon is
 * exactly that many days.
 */
import { armForBirthDate, expectedInterventionShareForYear, type Arm } from "@jobtrial/assign";
import { isoWeekOf, isoWeekStart, addDays, toDayNumber, type TrialConfig } from "@jobtrial/core";
import { bisect } from "./bisect.ts";
import { entryDays } from "./intake-calendar.ts";
import { pathControlSurvivalAt, preparePathModel, weekdaySharesOf, type PathModel } from "./path-model.ts";
import {
  resolveSimulationOptions,
  SimulationOptionsError,
  type ResolvedSimulationOptions,
  type SimulationOptions,
} from "./options.ts";

/** Education levels as the case system prints them. */
export const EDUCATIONS = ["Grundskole", "Gymnasial", "Erhvervsfaglig", "KVU/MVU", "LVU"] as const;
export type Education = (typeof EDUCATIONS)[number];

/** Origin as the case system prints it. */
export const ORIGINS = { native: "Dansk oprindelse", foreign: "Indvandrer" } as const;

/** How a spell ends. The first five are competing exits; the last happens only when the benefit period runs out. */
export const EXIT_STATES = ["selvforsørgelse", "uddannelse", "sygedagpenge", "anden offentlig ydelse", "fraflyttet", "dagpengeret opbrugt"] as const;
export type ExitState = (typeof EXIT_STATES)[number];

export const MIN_AGE = 18;
export const MAX_AGE = 66;
/** Age bands for the duration model: [from, to] inclusive. */
export const AGE_BANDS: readonly (readonly [number, number])[] = [[18, 29], [30, 39], [40, 49], [50, 59], [60, 66]];
const AGE_BAND_TIME_RATIOS = [0.85, 0.95, 1, 1.25, 1.7];
const EDUCATION_TIME_RATIOS = [1.25, 1.05, 0.95, 0.95, 1];

/** One industry group (branchegruppe) of the target group, with the model's parameters for it. */
export interface IndustryProfile {
  name: string;
  /** Relative share of the intake. */
  weight: number;
  /** Durations multiplied by this (AFT time ratio). */
  timeRatio: number;
  /** Share of men. */
  maleShare: number;
  /** Weights over EDUCATIONS. */
  educationWeights: readonly number[];
  /** A-kasser its members belong to, with weights. */
  aKasser: readonly (readonly [string, number])[];
}

const KNOWN_INDUSTRIES: Record<string, Omit<IndustryProfile, "name">> = {
  "Bygge og industri": {
    weight: 0.3,
    timeRatio: 0.85,
    maleShare: 0.85,
    educationWeights: [0.3, 0.05, 0.55, 0.08, 0.02],
    aKasser: [["3F", 0.45], ["Dansk Metal", 0.25], ["Krifa", 0.12], ["Det Faglige Hus", 0.1], ["Ase", 0.08]],
  },
  "Handel og service": {
    weight: 0.32,
    timeRatio: 1,
    maleShare: 0.45,
    educationWeights: [0.3, 0.15, 0.35, 0.15, 0.05],
    aKasser: [["HK", 0.35], ["3F", 0.2], ["Ase", 0.2], ["Krifa", 0.15], ["Det Faglige Hus", 0.1]],
  },
  "Kontor og offentlig": {
    weight: 0.25,
    timeRatio: 1.1,
    maleShare: 0.3,
    educationWeights: [0.1, 0.1, 0.3, 0.4, 0.1],
    aKasser: [["HK", 0.35], ["FOA", 0.25], ["FTF-A", 0.25], ["Ase", 0.15]],
  },
  "Team LVU": {
    weight: 0.13,
    timeRatio: 1.15,
    maleShare: 0.45,
    educationWeights: [0, 0, 0, 0.05, 0.95],
    aKasser: [["AAK", 0.5], ["MA", 0.2], ["CA", 0.2], ["Ase", 0.1]],
  },
};

const GENERIC_INDUSTRY: Omit<IndustryProfile, "name"> = {
  weight: 0.25,
  timeRatio: 1,
  maleShare: 0.5,
  educationWeights: [0.2, 0.1, 0.35, 0.25, 0.1],
  aKasser: [["3F", 0.25], ["HK", 0.25], ["Ase", 0.2], ["Krifa", 0.15], ["Det Faglige Hus", 0.15]],
};

/** Industry groups outside any target group, for the ineligible intake rows. */
export const OUTSIDE_INDUSTRY_GROUPS = ["Landbrug og fiskeri", "Transport og lager", "Sundhed og omsorg"] as const;

/** The model's profile for each industry group of the trial (known Esbjerg groups get tailored values). */
export function industryProfiles(config: TrialConfig): IndustryProfile[] {
  return config.targetGroup.industryGroups.map((name) => ({ name, ...(KNOWN_INDUSTRIES[name] ?? GENERIC_INDUSTRY) }));
}

/** Relative frequency of each age 18-66 at the first unemployment day. */
export function ageWeights(foreignBorn: boolean): number[] {
  const weights: number[] = [];
  for (let age = MIN_AGE; age <= MAX_AGE; age++) {
    let weight: number;
    if (foreignBorn) weight = age < 25 ? 0.8 + (0.4 * (age - 18)) / 7 : age < 45 ? 1.3 : age < 55 ? 0.9 : 0.4;
    else weight = age < 25 ? 0.6 + (0.4 * (age - 18)) / 7 : age < 55 ? 1 : age < 62 ? 0.9 : 0.5;
    weights.push(weight);
  }
  return weights;
}

export function ageBandOf(age: number): number {
  return AGE_BANDS.findIndex(([from, to]) => age >= from && age <= to);
}

/**
 * Shares of the competing exits (in EXIT_STATES order, first five) for a
 * citizen, early in the spell (day <= 182) or late. Self-support dominates;
 * the young leave for education more, the old for sickness benefit, the
 * foreign-born more often to other public benefit or abroad; late exits go
 * less to self-support.
 */
export function exitShares(ageBand: number, education: number, foreignBorn: boolean, late: boolean): number[] {
  const shares = [0.72, 0.06, 0.09, 0.08, 0.05];
  if (ageBand === 0) shares[1]! *= 3;
  if (ageBand >= 3) {
    shares[2]! *= 1.5;
    shares[1]! *= 0.3;
  }
  if (education === 4) shares[1]! *= 0.5;
  if (foreignBorn) {
    shares[3]! *= 1.5;
    shares[4]! *= 1.6;
  }
  if (late) {
    shares[0]! *= 0.8;
    shares[2]! *= 1.3;
    shares[3]! *= 1.8;
  }
  const total = shares.reduce((sum, value) => sum + value, 0);
  return shares.map((value) => value / total);
}

/** Day of a spell from which the late exit shares apply. */
export const LATE_EXIT_FROM_DAY = 183;

/**
 * One covariate cell of the trial population: origin, registered on
 * 1 January, industry group, education, age band.
 */
export interface ModelCell {
  /** Probability of the cell in the eligible population. */
  weight: number;
  foreignBorn: boolean;
  /** Registered with birth date 1 January (heaping among the foreign-born). */
  januaryFirst: boolean;
  industry: number;
  education: number;
  ageBand: number;
  /** Weibull scale under control, days. */
  scale: number;
  /** Competing-exit shares for days <= 182 and from day 183. */
  earlyShares: number[];
  lateShares: number[];
}

/** The resolved model: options, cells and the solved parameters. */
export interface SimulationModel {
  config: TrialConfig;
  options: ResolvedSimulationOptions;
  industries: IndustryProfile[];
  ageWeights: { native: number[]; foreign: number[] };
  cells: ModelCell[];
  /** Weibull scale (days) of the reference cell, solved for the control median. */
  baselineScale: number;
  /** Intervention / control hazard, every citizen (solved when the effect is days saved). */
  hazardRatio: number;
  /** Probability the rule sends a citizen with a uniformly spread birth date to the intervention. */
  interventionShareUniformBirthDates: number;
  /** The arm of a citizen registered on 1 January. */
  januaryFirstArm: Arm;
  /**
   * log S_control(d | cell) for d = 0..benefitPeriodDays, cell-major
   * (index cell * (benefitPeriodDays + 1) + d). The continuous survival at whole days.
   */
  logSurvivalControl: Float64Array;
  /** The path model (path-model.ts) when the options ask for paths; null otherwise. */
  paths: PathModel | null;
}

/** Index of a cell from its coordinates (cells are laid out in this order). */
export function cellIndex(model: Pick<SimulationModel, "industries">, foreignBorn: boolean, januaryFirst: boolean, industry: number, education: number, ageBand: number): number {
  const origin = foreignBorn ? (januaryFirst ? 2 : 1) : 0;
  return (((origin * model.industries.length + industry) * EDUCATIONS.length + education) * AGE_BANDS.length) + ageBand;
}

/**
 * Builds the model for a trial: validates the options, lays out the cells,
 * solves the baseline scale for the control median and, for an effect in
 * days saved, the hazard ratio. Deterministic and fast (a few milliseconds);
 * reuse the result for many simulated trials (`simulateWithModel`).
 *
 * With `paths`, the baseline scale is solved for the control median of the first spell of
 * the path model (its week-start grid, moving away ending a spell too), and the path model's
 * job-rate ratio for the effect (path-model.ts); `hazardRatio` is then that ratio.
 */
export function prepareSimulation(config: TrialConfig, options: SimulationOptions = {}): SimulationModel {
  const resolved = resolveSimulationOptions(config, options);
  const industries = industryProfiles(config);
  const weights = { native: ageWeights(false), foreign: ageWeights(true) };
  const cells = layOutCells(industries, weights, resolved);
  const shape = resolved.weibullShape;
  const period = resolved.benefitPeriodDays;

  // Solve the baseline scale: population control survival at the median is 1/2.
  const relativeScales = cells.map((cell) => cell.scale);
  const survivalAtMedian = (baseline: number) => {
    let total = 0;
    for (let index = 0; index < cells.length; index++) {
      total += cells[index]!.weight * Math.exp(-Math.pow(resolved.controlMedianDays / (baseline * relativeScales[index]!), shape));
    }
    return total;
  };
  const calendar = resolved.paths === null ? [] : entryDays(config, resolved.fromWeek, resolved.toWeek, resolved.seasonality);
  const pathSurvivalAtMedian = (baseline: number) =>
    pathControlSurvivalAt(resolved.controlMedianDays, cells, baseline, shape, resolved.paths!.moveWeeklyProbability, weekdaySharesOf(calendar));
  // With paths the first spell lives on week starts: aim a hair below 1/2 so the median is controlMedianDays despite rounding.
  const baselineScale =
    resolved.paths === null
      ? Math.exp(bisect((logScale) => survivalAtMedian(Math.exp(logScale)) - 0.5, Math.log(1), Math.log(1e5)))
      : Math.exp(bisect((logScale) => pathSurvivalAtMedian(Math.exp(logScale)) - (0.5 - 1e-9), Math.log(1), Math.log(1e5)));
  for (const cell of cells) cell.scale *= baselineScale;

  // log S(d) = -(d / scale)^shape = -d^shape * scale^-shape: one power per day, one per cell.
  const dayPowers = new Float64Array(period + 1);
  for (let day = 0; day <= period; day++) dayPowers[day] = Math.pow(day, shape);
  const logSurvivalControl = new Float64Array(cells.length * (period + 1));
  cells.forEach((cell, index) => {
    if (cell.weight === 0) return;
    const offset = index * (period + 1);
    const factor = Math.pow(cell.scale, -shape);
    for (let day = 0; day <= period; day++) logSurvivalControl[offset + day] = -dayPowers[day]! * factor;
  });

  // Birth dates spread evenly over the calendar: the rule's share over one leap-year cycle.
  const rule = config.assignment.rule;
  let shareSum = 0;
  const years = 4;
  for (let year = 1980; year < 1980 + years; year++) shareSum += expectedInterventionShareForYear(rule, year) * (year % 4 === 0 ? 366 : 365);
  shareSum /= (365 * 4 + 1) / years;

  const model: SimulationModel = {
    config,
    options: resolved,
    industries,
    ageWeights: weights,
    cells,
    baselineScale,
    hazardRatio: 1,
    interventionShareUniformBirthDates: shareSum / years,
    januaryFirstArm: armForBirthDate(rule, "1980-01-01"),
    logSurvivalControl,
    paths: null,
  };
  const effect = resolved.effect;
  if (resolved.paths !== null) {
    model.paths = preparePathModel(config, { ...resolved, paths: resolved.paths }, cells, calendar, followUpWeeks(resolved.fromWeek, resolved.extractionDate));
    model.hazardRatio = model.paths.jobRateRatio;
  } else if (effect.kind === "hazard-ratio") model.hazardRatio = effect.hazardRatio;
  else model.hazardRatio = solveHazardRatio(model, effect.days, effect.horizonDays);
  return model;
}

/** Weeks from the first intake week to the last week with a day before the extraction date. */
function followUpWeeks(fromWeek: string, extractionDate: string): number {
  const lastObservedMonday = toDayNumber(isoWeekStart(isoWeekOf(addDays(extractionDate, -1))));
  return (lastObservedMonday - toDayNumber(isoWeekStart(fromWeek))) / 7;
}

function layOutCells(industries: IndustryProfile[], ageWeightsByOrigin: { native: number[]; foreign: number[] }, options: ResolvedSimulationOptions): ModelCell[] {
  const industryTotal = industries.reduce((sum, industry) => sum + industry.weight, 0);
  const bandWeights = (weights: number[]) => {
    const total = weights.reduce((sum, value) => sum + value, 0);
    return AGE_BANDS.map(([from, to]) => weights.slice(from - MIN_AGE, to - MIN_AGE + 1).reduce((sum, value) => sum + value, 0) / total);
  };
  const origins = [
    { foreignBorn: false, januaryFirst: false, weight: 1 - options.foreignBornShare, bands: bandWeights(ageWeightsByOrigin.native) },
    { foreignBorn: true, januaryFirst: false, weight: options.foreignBornShare * (1 - options.januaryFirstShareOfForeignBorn), bands: bandWeights(ageWeightsByOrigin.foreign) },
    { foreignBorn: true, januaryFirst: true, weight: options.foreignBornShare * options.januaryFirstShareOfForeignBorn, bands: bandWeights(ageWeightsByOrigin.foreign) },
  ];
  const cells: ModelCell[] = [];
  for (const origin of origins) {
    industries.forEach((industry, industryIndex) => {
      const educationTotal = industry.educationWeights.reduce((sum, value) => sum + value, 0);
      EDUCATIONS.forEach((_, education) => {
        AGE_BANDS.forEach((__, ageBand) => {
          const weight =
            origin.weight * (industry.weight / industryTotal) * (industry.educationWeights[education]! / educationTotal) * origin.bands[ageBand]!;
          const scale =
            industry.timeRatio * EDUCATION_TIME_RATIOS[education]! * AGE_BAND_TIME_RATIOS[ageBand]! * (origin.foreignBorn ? options.foreignBornTimeRatio : 1);
          cells.push({
            weight,
            foreignBorn: origin.foreignBorn,
            januaryFirst: origin.januaryFirst,
            industry: industryIndex,
            education,
            ageBand,
            scale,
            earlyShares: exitShares(ageBand, education, origin.foreignBorn, false),
            lateShares: exitShares(ageBand, education, origin.foreignBorn, true),
          });
        });
      });
    });
  }
  return cells;
}

/**
 * Restricted mean of D (whole days) up to `horizon` for a mixture of cells:
 * Σ_cells w Σ_{d=0}^{horizon-1} P(D > d) / Σ w, with P(D > d) = S_control(d)^hazardMultiplier.
 */
export function restrictedMeanOfCells(model: SimulationModel, cellWeights: readonly number[], hazardMultiplier: number, horizon: number): number {
  const stride = model.options.benefitPeriodDays + 1;
  let total = 0;
  let weightTotal = 0;
  for (let cell = 0; cell < model.cells.length; cell++) {
    const weight = cellWeights[cell]!;
    if (weight === 0) continue;
    let sum = 0;
    const offset = cell * stride;
    for (let day = 0; day < horizon; day++) sum += Math.exp(hazardMultiplier * model.logSurvivalControl[offset + day]!);
    total += weight * sum;
    weightTotal += weight;
  }
  return total / weightTotal;
}

/**
 * The hazard ratio that makes the control-minus-intervention restricted mean at
 * `horizon` equal `days` in the whole trial population. Newton's method on the
 * hazard ratio (the restricted mean is smooth and monotone in it), guarded by
 * bisection; throws SimulationOptionsError when no ratio in [0.02, 50] does it.
 */
function solveHazardRatio(model: SimulationModel, days: number, horizon: number): number {
  const weights = model.cells.map((cell) => cell.weight);
  const control = restrictedMeanAndSlope(model, weights, 1, horizon).mean;
  let low = 0.02;
  let high = 50;
  let ratio = 1;
  for (let iteration = 0; iteration < 100; iteration++) {
    const { mean, slope } = restrictedMeanAndSlope(model, weights, ratio, horizon);
    const gap = control - mean - days;
    if (Math.abs(gap) < 1e-10) return ratio;
    if (gap < 0) low = ratio;
    else high = ratio;
    if (high - low < 1e-12) break;
    // d gap / d ratio = -d mean / d ratio = Σ w Σ_d (-log S) S^ratio / Σ w > 0
    let next = ratio - gap / -slope;
    if (!(next > low && next < high)) next = (low + high) / 2;
    ratio = next;
  }
  throw new SimulationOptionsError({ code: "effect_unreachable_hazard_ratio", days, horizonDays: horizon, controlMeanDays: control });
}

/** Restricted mean (as restrictedMeanOfCells) and its derivative in the hazard multiplier, in one pass. */
function restrictedMeanAndSlope(model: SimulationModel, cellWeights: readonly number[], hazardMultiplier: number, horizon: number): { mean: number; slope: number } {
  const stride = model.options.benefitPeriodDays + 1;
  let meanTotal = 0;
  let slopeTotal = 0;
  let weightTotal = 0;
  for (let cell = 0; cell < model.cells.length; cell++) {
    const weight = cellWeights[cell]!;
    if (weight === 0) continue;
    let mean = 0;
    let slope = 0;
    const offset = cell * stride;
    for (let day = 0; day < horizon; day++) {
      const logSurvival = model.logSurvivalControl[offset + day]!;
      const survival = Math.exp(hazardMultiplier * logSurvival);
      mean += survival;
      slope += logSurvival * survival;
    }
    meanTotal += weight * mean;
    slopeTotal += weight * slope;
    weightTotal += weight;
  }
  return { mean: meanTotal / weightTotal, slope: slopeTotal / weightTotal };
}
