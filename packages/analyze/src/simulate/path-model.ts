/**
 * The path model (docs/simulation.md, "Paths"): each eligible citizen's weeks from the
 * first unemployment day on, through benefit states, with returns to A-dagpenge.
 *
 * Time runs in weeks since entry. Week 0 is the ISO week of the first unemployment day,
 * counted from that day to its Sunday (L0 = 7 - weekday days, weekday 0 = Monday); week
 * k >= 1 is the k-th ISO week after it, days L0 + 7(k-1) .. L0 + 7k - 1 from the first
 * unemployment day. The state changes only on the Monday that starts a week, so every ISO
 * week has exactly one state and the weekly benefit panel carries the path exactly.
 *
 * Within a covariate cell the path is a Markov chain in (state, week since entry). At the
 * start of week k >= 1:
 *   from A-dagpenge, to destination j with p_j = (λ_j / λ)(1 - e^-λ), staying with e^-λ,
 *     λ_j = Λ_k × share_j(k) × ratio_j(arm, k),   λ = Σ_j λ_j,
 *     Λ_k = (7k / scale)^shape - (7(k-1) / scale)^shape   (the spell model's Weibull over one week),
 *     share_j: the cell's exit shares of model.ts (self-support split into a lasting and a
 *     short job), early in weeks 1-26 and late from week 27;
 *     ratio_j = 1, except in the intervention in weeks 1..programmeWeeks: jobRateRatio for
 *     the two jobs and `interventionRateRatios` for sickness benefit, cash benefit and education;
 *   from every other state, fixed weekly probabilities (OTHER_STATE_TRANSITIONS).
 * Moving away is a separate weekly chance, the same for every citizen, week and state; it
 * censors the path (independent censoring by construction). The latent path goes on after
 * a move; the truth is about the latent path.
 *
 * With the effect in days saved, jobRateRatio is solved (bisection) so that the control
 * minus intervention expected days on A-dagpenge within the horizon, re-entries counted,
 * whole trial population, is the requested number.
 */
import type { TrialConfig } from "@jobtrial/core";
import type { BenefitCode } from "./formats.ts";
import type { EntryDay } from "./intake-calendar.ts";
import { regulaFalsi } from "./bisect.ts";
import type { ModelCell } from "./model.ts";
import { SimulationOptionsError, type PathOptions } from "./options.ts";

/** The states the truth reports, in this order. */
export const PATH_STATES = ["adp", "sickness", "cash", "job", "education"] as const;
export type PathState = (typeof PATH_STATES)[number];
/** The reported states on public support (the municipality pays for them). */
export const PUBLIC_PATH_STATES: readonly PathState[] = ["adp", "sickness", "cash"];

/**
 * States of the chain: the reported five and a short job (reported as job; it ends in a
 * return to A-dagpenge within a few weeks more often than not).
 */
export const CHAIN_STATES = ["adp", "sickness", "cash", "job", "education", "shortJob"] as const;
export const CHAIN_STATE_COUNT = CHAIN_STATES.length;
export const ADP = 0;
export const SICKNESS = 1;
export const CASH = 2;
export const JOB = 3;
export const EDUCATION = 4;
export const SHORT_JOB = 5;
/** Reported state (PATH_STATES index) of each chain state. */
export const REPORTED_STATE: readonly number[] = [0, 1, 2, 3, 4, 3];
/** Whether each chain state is public support. */
export const IS_PUBLIC: readonly boolean[] = [true, true, true, false, false, false];
/** Panel code of each chain state; null: no row in the panel (job, self-support). */
export const CHAIN_STATE_CODES: readonly (BenefitCode | null)[] = ["111", "890", "130", null, "651", null];
/** Panel code of the weeks from the move on. */
export const MOVED_CODE: BenefitCode = "997";

/** Share of the exits from A-dagpenge to self-support that are short jobs. */
export const SHORT_JOB_SHARE = 0.25;
/** Week from which the late exit shares apply (the spell model's day 183 for a Monday entrant). */
export const LATE_FROM_WEEK = 27;

/**
 * Weekly transition probabilities out of the states other than A-dagpenge (rows and
 * columns in CHAIN_STATES order; the diagonal is filled in as 1 minus the rest). Sickness
 * benefit lasts about 14 weeks and mostly ends back on A-dagpenge; cash benefit is long;
 * a lasting job rarely ends in a return (about 20 % within a year); a short job ends in a
 * return within about 8 weeks more often than not; education ends in a job or back on
 * A-dagpenge.
 */
export const OTHER_STATE_TRANSITIONS: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 0, 0],
  [0.05, 0, 0.004, 0.02, 0, 0],
  [0.003, 0, 0, 0.015, 0.005, 0],
  [0.004, 0.001, 0, 0, 0, 0],
  [0.008, 0, 0, 0.02, 0, 0],
  [0.12, 0, 0, 0.03, 0, 0],
].map((row, state) => row.map((value, target) => (target === state ? 1 - row.reduce((sum, other) => sum + other, 0) : value)));

/** Prior history: the benefit of those weeks (panel code) and its weights. */
export const PRIOR_CODES: readonly BenefitCode[] = ["111", "890", "130"];
export const PRIOR_CODE_WEIGHTS: readonly number[] = [0.4, 0.35, 0.25];
/** Prior history ends 1 to this many weeks before the entry week (well within 52 weeks, so anciennitet never resets). */
export const PRIOR_MAX_GAP_WEEKS = 26;

/** The path model of a prepared simulation. */
export interface PathModel {
  options: PathOptions;
  /** Intervention / control ratio of the weekly rate of leaving A-dagpenge for a job in the programme weeks. */
  jobRateRatio: number;
  /** Week indexes 0 .. weeks - 1 are tabulated: enough for the benefit period, every horizon and the follow-up to the extraction date. */
  weeks: number;
  /** Programme weeks (the intervention's rate ratios apply at the start of weeks 1 .. programmeWeeks). */
  programmeWeeks: number;
  /** The eligible citizens' first unemployment days and their probabilities. */
  entryDays: EntryDay[];
  /** Share of eligible citizens by weekday of the first unemployment day, Monday first. */
  weekdayShares: number[];
  /** Probability of a prior benefit history, per cell. */
  priorHistoryShares: Float64Array;
  /** Λ_k, the weekly rate of leaving A-dagpenge, per cell and week (index cell × weeks + k; k = 0 unused). */
  adpExitRates: Float64Array;
  /** Destination shares of exits from A-dagpenge per cell, by chain state (index cell × 6 + state; 0 at ADP), weeks 1-26 and from week 27. */
  earlyShares: Float64Array;
  lateShares: Float64Array;
  /** Weekly transition probabilities out of the other states (OTHER_STATE_TRANSITIONS; row ADP unused). */
  otherTransitions: readonly (readonly number[])[];
  /**
   * For each cell, the first cell with the same parameters (rates, shares, prior history):
   * cells that differ only in what the path does not depend on (registered 1 January)
   * share one forward pass.
   */
  representative: Int32Array;
}

/** Cell weights summed onto each cell's representative (zero elsewhere). */
export function representativeWeights(path: PathModel, cellWeights: readonly number[]): number[] {
  const merged = new Array<number>(cellWeights.length).fill(0);
  cellWeights.forEach((weight, cell) => (merged[path.representative[cell]!]! += weight));
  return merged;
}

/** Days of week `week` (0 = the entry week) that fall before day `tau`, for a first unemployment day on `weekday`. */
export function weekDaysBefore(week: number, weekday: number, tau: number): number {
  const entryWeekDays = 7 - weekday;
  const first = week === 0 ? 0 : entryWeekDays + 7 * (week - 1);
  const end = week === 0 ? entryWeekDays : first + 7;
  return Math.max(0, Math.min(end, tau) - first);
}

/**
 * First day (from the first unemployment day) of week `week` for an entry on `weekday`:
 * 0 for the entry week, 7 - weekday + 7(week - 1) after it.
 *
 * @example weekStartDay(1, 2) // 5 (a Wednesday entrant's first Monday)
 */
export function weekStartDay(week: number, weekday: number): number {
  return week === 0 ? 0 : 7 - weekday + 7 * (week - 1);
}

/**
 * Week index of day `day` (0 = the first unemployment day) for an entry on `weekday`.
 *
 * @example weekOfDay(4, 2) // 0; weekOfDay(5, 2) // 1 (Wednesday entrant)
 */
export function weekOfDay(day: number, weekday: number): number {
  const entryWeekDays = 7 - weekday;
  return day < entryWeekDays ? 0 : Math.floor((day - entryWeekDays) / 7) + 1;
}

/**
 * Weeks (0 .. result - 1) that hold every day before `tau`, for any weekday.
 *
 * @example weeksForHorizon(364) // 53 (a Sunday entrant's day 363 is in week 52)
 */
export function weeksForHorizon(tau: number): number {
  return weekOfDay(Math.max(tau - 1, 0), 6) + 1;
}

/**
 * W_tau(k) = Σ_weekday share(weekday) × (days of week k before tau): the expected number
 * of days of week k within the horizon. Expected days in state s = Σ_k P(state k = s) W_tau(k),
 * because the path does not depend on the weekday.
 *
 * @example weekWeightsWithin([1, 0, 0, 0, 0, 0, 0], 10, 3) // [7, 3, 0] (Monday entrant)
 */
export function weekWeightsWithin(weekdayShares: readonly number[], tau: number, weeks: number): Float64Array {
  const weights = new Float64Array(weeks);
  for (let week = 0; week < weeks; week++) {
    let sum = 0;
    weekdayShares.forEach((share, weekday) => (sum += share * weekDaysBefore(week, weekday, tau)));
    weights[week] = sum;
  }
  return weights;
}

/** Shares of the entry days by weekday. */
export function weekdaySharesOf(entryDays: readonly EntryDay[]): number[] {
  const shares = [0, 0, 0, 0, 0, 0, 0];
  for (const entry of entryDays) shares[entry.weekday]! += entry.weight;
  return shares;
}

/** Probability of a prior benefit history for a cell: the option's share, 1.4 x for the foreign-born, 0.6 x under 30, 1.3 x from 50; at most 1. */
export function priorHistoryShare(base: number, cell: Pick<ModelCell, "foreignBorn" | "ageBand">): number {
  let share = base * (cell.foreignBorn ? 1.4 : 1);
  if (cell.ageBand === 0) share *= 0.6;
  if (cell.ageBand >= 3) share *= 1.3;
  return Math.min(1, share);
}

/** Chain-state destination shares of exits from A-dagpenge, from the spell model's five exit shares (the move share left out). */
function destinationShares(exitShares: readonly number[]): number[] {
  const [selfSupport, education, sickness, other] = exitShares as [number, number, number, number];
  const total = selfSupport + education + sickness + other;
  const shares = [0, 0, 0, 0, 0, 0];
  shares[SICKNESS] = sickness / total;
  shares[CASH] = other / total;
  shares[JOB] = (selfSupport * (1 - SHORT_JOB_SHARE)) / total;
  shares[EDUCATION] = education / total;
  shares[SHORT_JOB] = (selfSupport * SHORT_JOB_SHARE) / total;
  return shares;
}

/** The cumulative Weibull hazard of the spell model between days 7(k-1) and 7k. */
function weeklyRate(week: number, scale: number, shape: number): number {
  return Math.pow((7 * week) / scale, shape) - Math.pow((7 * (week - 1)) / scale, shape);
}

/**
 * Fills `row` with the probabilities of the chain states at the start of week `week` >= 1
 * for a citizen of cell `cell` on A-dagpenge in week - 1 (row[ADP]: stays).
 */
export function adpTransitionRow(path: PathModel, cell: number, intervention: boolean, week: number, row: Float64Array, jobRateRatio = path.jobRateRatio): void {
  const rate = path.adpExitRates[cell * path.weeks + week]!;
  const shares = week < LATE_FROM_WEEK ? path.earlyShares : path.lateShares;
  const inProgramme = intervention && week <= path.programmeWeeks;
  const ratios = path.options.interventionRateRatios;
  let total = 0;
  for (let state = 1; state < CHAIN_STATE_COUNT; state++) {
    let ratio = 1;
    if (inProgramme) {
      if (state === JOB || state === SHORT_JOB) ratio = jobRateRatio;
      else if (state === SICKNESS) ratio = ratios.sickness;
      else if (state === CASH) ratio = ratios.cash;
      else ratio = ratios.education;
    }
    const destinationRate = rate * shares[cell * CHAIN_STATE_COUNT + state]! * ratio;
    row[state] = destinationRate;
    total += destinationRate;
  }
  const stay = Math.exp(-total);
  const leave = total > 0 ? (1 - stay) / total : 0;
  for (let state = 1; state < CHAIN_STATE_COUNT; state++) row[state]! *= leave;
  row[ADP] = stay;
}

/**
 * One week of the chain without anciennitet: `next` = `current` × T_week for a cell.
 * `row` is scratch space of length CHAIN_STATE_COUNT.
 */
export function stepChain(path: PathModel, cell: number, intervention: boolean, week: number, current: Float64Array, next: Float64Array, row: Float64Array, jobRateRatio = path.jobRateRatio): void {
  adpTransitionRow(path, cell, intervention, week, row, jobRateRatio);
  next.fill(0);
  const onAdp = current[ADP]!;
  for (let target = 0; target < CHAIN_STATE_COUNT; target++) next[target]! += onAdp * row[target]!;
  for (let state = 1; state < CHAIN_STATE_COUNT; state++) {
    const mass = current[state]!;
    if (mass === 0) continue;
    const transitions = path.otherTransitions[state]!;
    for (let target = 0; target < CHAIN_STATE_COUNT; target++) next[target]! += mass * transitions[target]!;
  }
}

/**
 * Expected days on A-dagpenge within `tau` for a mixture of cells (weights need not sum
 * to 1): Σ_cells w Σ_k P(adp in week k | cell) W_tau(k) / Σ w.
 */
export function adpDaysOfCells(path: PathModel, cellWeights: readonly number[], intervention: boolean, tau: number, jobRateRatio = path.jobRateRatio): number {
  const weeks = weeksForHorizon(tau);
  const weekWeights = weekWeightsWithin(path.weekdayShares, tau, weeks);
  const current = new Float64Array(CHAIN_STATE_COUNT);
  const next = new Float64Array(CHAIN_STATE_COUNT);
  const row = new Float64Array(CHAIN_STATE_COUNT);
  let total = 0;
  let weightTotal = 0;
  representativeWeights(path, cellWeights).forEach((weight, cell) => {
    if (weight === 0) return;
    current.fill(0);
    current[ADP] = 1;
    let days = weekWeights[0]!;
    for (let week = 1; week < weeks; week++) {
      stepChain(path, cell, intervention, week, current, next, row, jobRateRatio);
      current.set(next);
      days += current[ADP]! * weekWeights[week]!;
    }
    total += weight * days;
    weightTotal += weight;
  });
  return total / weightTotal;
}

/**
 * Lays out the path model for cells whose scales are final, and solves jobRateRatio for an
 * effect in days saved (or takes the effect's hazard ratio as it).
 */
export function preparePathModel(
  config: TrialConfig,
  options: { paths: PathOptions; weibullShape: number; benefitPeriodDays: number; effect: { kind: "days-saved"; days: number; horizonDays: number } | { kind: "hazard-ratio"; hazardRatio: number } },
  cells: readonly ModelCell[],
  entryDays: EntryDay[],
  followUpWeeks: number,
): PathModel {
  const horizons = [91, 182, 364, ...config.evaluation.horizonsDays, options.effect.kind === "days-saved" ? options.effect.horizonDays : 0];
  const weeks = Math.max(weeksForHorizon(options.benefitPeriodDays + 1) + 1, ...horizons.map(weeksForHorizon), followUpWeeks + 1);
  const adpExitRates = new Float64Array(cells.length * weeks);
  const earlyShares = new Float64Array(cells.length * CHAIN_STATE_COUNT);
  const lateShares = new Float64Array(cells.length * CHAIN_STATE_COUNT);
  const priorHistoryShares = new Float64Array(cells.length);
  const representative = new Int32Array(cells.length);
  const firstWithParameters = new Map<string, number>();
  cells.forEach((cell, index) => {
    const key = [cell.scale, ...cell.earlyShares, ...cell.lateShares, priorHistoryShare(options.paths.priorHistoryShare, cell)].join("|");
    if (!firstWithParameters.has(key)) firstWithParameters.set(key, index);
    representative[index] = firstWithParameters.get(key)!;
    for (let week = 1; week < weeks; week++) adpExitRates[index * weeks + week] = weeklyRate(week, cell.scale, options.weibullShape);
    earlyShares.set(destinationShares(cell.earlyShares), index * CHAIN_STATE_COUNT);
    lateShares.set(destinationShares(cell.lateShares), index * CHAIN_STATE_COUNT);
    priorHistoryShares[index] = priorHistoryShare(options.paths.priorHistoryShare, cell);
  });
  const path: PathModel = {
    options: options.paths,
    jobRateRatio: 1,
    weeks,
    programmeWeeks: config.protocol.programmeWeeks,
    entryDays,
    weekdayShares: weekdaySharesOf(entryDays),
    priorHistoryShares,
    adpExitRates,
    earlyShares,
    lateShares,
    otherTransitions: OTHER_STATE_TRANSITIONS,
    representative,
  };
  const effect = options.effect;
  path.jobRateRatio = effect.kind === "hazard-ratio" ? effect.hazardRatio : solveJobRateRatio(path, cells, effect.days, effect.horizonDays);
  return path;
}

/**
 * The job-rate ratio that makes control minus intervention expected days on A-dagpenge
 * within `horizon` (re-entries counted, whole trial population) equal `days`. The days
 * fall as the ratio grows, regula falsi on its logarithm in [log 0.02, log 50]; throws
 * SimulationOptionsError when no ratio there gives the effect.
 */
function solveJobRateRatio(path: PathModel, cells: readonly ModelCell[], days: number, horizon: number): number {
  const weights = cells.map((cell) => cell.weight);
  const control = adpDaysOfCells(path, weights, false, horizon);
  const gap = (logRatio: number) => control - adpDaysOfCells(path, weights, true, horizon, Math.exp(logRatio)) - days;
  const [low, high] = [Math.log(0.02), Math.log(50)];
  if (Math.sign(gap(low)) === Math.sign(gap(high))) {
    throw new SimulationOptionsError({ code: "effect_unreachable_job_rate", days, horizonDays: horizon, controlAdpDays: control });
  }
  return Math.exp(regulaFalsi(gap, low, high, 1e-11));
}

/**
 * P(first spell longer than `day` days | control) for the trial population, for a trial
 * baseline scale: Σ_weekday share Σ_cells w (1 - move)^k exp(-(7k / scale)^shape), with k
 * the number of week starts on or before the day. Under control the destination shares sum
 * to 1, so the weekly chance of staying is exp(-Λ_k) and the product over weeks telescopes.
 */
export function pathControlSurvivalAt(
  day: number,
  cells: readonly ModelCell[],
  baselineScale: number,
  shape: number,
  moveWeeklyProbability: number,
  weekdayShares: readonly number[],
): number {
  let survival = 0;
  weekdayShares.forEach((share, weekday) => {
    if (share === 0) return;
    const weeks = weekOfDay(day, weekday);
    let cellSum = 0;
    for (const cell of cells) cellSum += cell.weight * Math.exp(-Math.pow((7 * weeks) / (baselineScale * cell.scale), shape));
    survival += share * Math.pow(1 - moveWeeklyProbability, weeks) * cellSum;
  });
  return survival;
}

/** First-spell curves of a mixture of cells on whole days 0..benefitPeriodDays (see truth.ts). */
export interface FirstSpellCurves {
  /** P(first spell > d days). */
  survival: Float64Array;
  /** P(first spell <= d days and it ended in a job: exit to self-support). */
  selfSupport: Float64Array;
}

/**
 * First-spell survival and self-support incidence of several mixtures of cells under one
 * arm. Per cell, after k week starts: F_k = F_{k-1} (1 - move) p_stay(k) and
 * J_k = J_{k-1} + F_{k-1} (1 - move)(p_job(k) + p_shortJob(k)); mixed over cells, then
 * over weekdays on the day grid: S(d) = Σ_weekday share F_{k(d)}, except that a spell still
 * on A-dagpenge at a week start on or after the benefit period ends there ("dagpengeret opbrugt").
 */
export function pathFirstSpellCurves(path: PathModel, weightSets: readonly (readonly number[])[], intervention: boolean, benefitPeriodDays: number): FirstSpellCurves[] {
  const weeks = path.weeks;
  const move = path.options.moveWeeklyProbability;
  const merged = weightSets.map((weights) => representativeWeights(path, weights));
  const totals = merged.map((weights) => weights.reduce((sum, value) => sum + value, 0));
  const staying = weightSets.map(() => new Float64Array(weeks));
  const toJob = weightSets.map(() => new Float64Array(weeks));
  const row = new Float64Array(CHAIN_STATE_COUNT);
  const cellStaying = new Float64Array(weeks);
  const cellToJob = new Float64Array(weeks);
  const cellCount = path.priorHistoryShares.length;
  for (let cell = 0; cell < cellCount; cell++) {
    if (merged.every((weights) => weights[cell] === 0)) continue;
    cellStaying[0] = 1;
    cellToJob[0] = 0;
    for (let week = 1; week < weeks; week++) {
      adpTransitionRow(path, cell, intervention, week, row);
      const notMoved = cellStaying[week - 1]! * (1 - move);
      cellStaying[week] = notMoved * row[ADP]!;
      cellToJob[week] = cellToJob[week - 1]! + notMoved * (row[JOB]! + row[SHORT_JOB]!);
    }
    merged.forEach((weights, set) => {
      const weight = weights[cell]! / totals[set]!;
      if (weight === 0) return;
      for (let week = 0; week < weeks; week++) {
        staying[set]![week]! += weight * cellStaying[week]!;
        toJob[set]![week]! += weight * cellToJob[week]!;
      }
    });
  }
  return weightSets.map((_, set) => {
    const survival = new Float64Array(benefitPeriodDays + 1);
    const selfSupport = new Float64Array(benefitPeriodDays + 1);
    path.weekdayShares.forEach((share, weekday) => {
      if (share === 0) return;
      // The first week start on or after the benefit period ends every spell still running.
      let exhaustedWeek = 1;
      while (weekStartDay(exhaustedWeek, weekday) < benefitPeriodDays) exhaustedWeek++;
      for (let day = 0; day <= benefitPeriodDays; day++) {
        const week = weekOfDay(day, weekday);
        if (week >= weeks) throw new Error("internal: the path model's weeks do not cover the benefit period");
        survival[day]! += week >= exhaustedWeek ? 0 : share * staying[set]![week]!;
        selfSupport[day]! += share * toJob[set]![Math.min(week, exhaustedWeek - 1)]!;
      }
    });
    return { survival, selfSupport };
  });
}
