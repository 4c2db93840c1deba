/**
 * The truth of the path estimands, computed exactly from the path model by forward
 * equations over cells and weeks (never by sampling): per arm and control minus
 * intervention, at each horizon tau, the expected days in each state (A-dagpenge with
 * re-entries counted, sickness benefit, cash benefit, job, education), the expected days on
 * any public support, and the expected municipal expenditure per citizen.
 *
 * Forward equations. The support week of week k (the week of total time on public support
 * that prices it) is a_k = min(prior + n_k, C): prior weeks before the first unemployment
 * day plus n_k, the weeks with a public benefit from the entry week through week k, lumped
 * from the largest step week C on (benefit-prices.ts). Per cell and arm the chain's state
 * is (benefit state s, n), starting in A-dagpenge with n = 1; at each week start k >= 1,
 *   x_k(t, n') = Σ_{s, n} x_{k-1}(s, n) P_k(s -> t),   n' = min(n + [t public], C).
 * The prior history is independent of the path, so it is folded into the prices.
 * Moving away is censoring and is not in the equations: the truth is about the latent path.
 *
 *   days in s within tau     = Σ_k Σ_n x_k(s, n) W_tau(k)            (W: weekWeightsWithin)
 *   expenditure within tau   = Σ_k Σ_{s public} Σ_n x_k(s, n) G'_tau(k, s, n),
 *   G'_tau(k, s, n)          = Σ_a0 P(entry week is support week a0) G_tau(k, s, min(a0 - 1 + n, C)),
 *   G_tau(k, s, a)           = Σ_entry P(entry) Σ_{days d of week k before tau} price_s(year(entry + d), a)
 *
 * The path does not depend on the entry day, so weighing by the entry calendar after the
 * chain is exact. Mixtures over cells are weighted sums of the cells' values; cells with
 * the same parameters share one pass (PathModel.representative).
 */
import { z } from "zod";
import { calendarDayRate, moneyYearOf, municipalShare, supportWeekCap } from "./benefit-prices.ts";
import type { SimulationModel } from "./model.ts";
import {
  ADP,
  CHAIN_STATE_CODES,
  CHAIN_STATE_COUNT,
  IS_PUBLIC,
  MOVED_CODE,
  PATH_STATES,
  PUBLIC_PATH_STATES,
  REPORTED_STATE,
  adpTransitionRow,
  representativeWeights,
  weekDaysBefore,
  weekWeightsWithin,
  weeksForHorizon,
  type PathModel,
} from "./path-model.ts";
import { fromDayNumber, toDayNumber, type TrialConfig } from "@jobtrial/core";

const contrast = z.strictObject({ control: z.number(), intervention: z.number(), difference: z.number() });
const horizonKey = z.string().regex(/^\d+$/);

/** Expected days within a horizon per citizen, by state and on any public support; difference = control - intervention. */
export const PathDaysTruthSchema = z.strictObject({
  adp: contrast,
  sickness: contrast,
  cash: contrast,
  job: contrast,
  education: contrast,
  public: contrast,
});

/** The path estimands for one comparison of control and intervention. */
export const PathContrastTruthSchema = z.strictObject({
  /** Share of the compared population in the intervention (0.5 for the causal contrast). */
  interventionShare: z.number(),
  /** By horizon in days ("91", "182", "364"): expected days in each state within the horizon. */
  days: z.record(horizonKey, PathDaysTruthSchema),
  /** By horizon: expected municipal expenditure per citizen within the horizon, DKK; difference = control - intervention. */
  expenditure: z.record(horizonKey, contrast),
});
export type PathContrastTruth = z.infer<typeof PathContrastTruthSchema>;

export const PathTruthSchema = z.strictObject({
  description: z.string(),
  /** Horizons of `days` and `expenditure`, days. */
  horizonsDays: z.array(z.number().int()),
  /** Control minus intervention expected days on A-dagpenge within the primary horizon, re-entries counted, whole trial population: what the effect in days saved sets. */
  daysSaved: z.number(),
  /** Intervention / control ratio of the weekly rate of leaving A-dagpenge for a job in the programme weeks. */
  jobRateRatio: z.number(),
  states: z.array(z.string()),
  publicStates: z.array(z.string()),
  /** Panel code of each state ("moved" censors); null: no panel row. */
  codes: z.record(z.string(), z.string().nullable()),
  /** How a day is priced. */
  expenditureRule: z.string(),
  causal: PathContrastTruthSchema,
  armContrast: PathContrastTruthSchema,
  armContrastExcludingJanuary1: PathContrastTruthSchema.extend({ populationShare: z.number() }),
  checkedAgainst: z.record(z.string(), z.string()),
});
export type PathTruth = z.infer<typeof PathTruthSchema>;

/** Horizons of the path truth: 91, 182 and 364 days, the configuration's horizons and the effect's. */
export function pathHorizons(model: SimulationModel): number[] {
  const effect = model.options.effect;
  const horizons = [91, 182, 364, ...model.config.evaluation.horizonsDays, model.config.evaluation.primaryHorizonDays];
  if (effect.kind === "days-saved") horizons.push(effect.horizonDays);
  return [...new Set(horizons)].sort((a, b) => a - b);
}

/** Expected values per citizen under one arm: days[horizon index][PATH_STATES index] and expenditure[horizon index] (DKK). */
export interface PathExpectation {
  days: Float64Array[];
  expenditure: Float64Array;
}

/** Which cell weights each arm gets in a comparison. */
export interface PathComparison {
  control: readonly number[];
  intervention: readonly number[];
}

/**
 * Expected days in each state and municipal expenditure within each horizon, per citizen,
 * for a mixture of cells (weights need not sum to 1) under one arm, priced with `money`
 * (benefit-prices.ts): the forward equations of this file's comment.
 *
 * @example
 * // one cell, Monday entrants, weekly A-dagpenge -> job 0.1 and no return: days on A-dagpenge within 14 days = 7 + 7 × 0.9
 * pathExpectations(path, money, [14], [1], false).days[0][0] // 13.3
 */
export function pathExpectations(path: PathModel, money: TrialConfig["money"], horizons: readonly number[], cellWeights: readonly number[], intervention: boolean): PathExpectation {
  const tables = expectationTables(path, money, horizons);
  const merged = representativeWeights(path, cellWeights);
  const cells = merged.map((weight, cell) => (weight === 0 ? null : cellExpectation(path, cell, intervention, tables)));
  return mix(cells, merged, horizons.length);
}

/** What every cell's forward pass needs: weeks, the support-week cap, W_tau, G_tau and its fold with each prior history. */
interface ExpectationTables {
  weeks: number;
  cap: number;
  weekWeights: Float64Array[];
  /** G_tau(k, s, a) per horizon. */
  prices: Float64Array[];
  /** G'_tau(k, s, n) per horizon for each share with a prior history (computed when first asked for). */
  pricesByPublicWeeks: Map<number, Float64Array[]>;
}

function expectationTables(path: PathModel, money: TrialConfig["money"], horizons: readonly number[]): ExpectationTables {
  const weeks = weeksForHorizon(Math.max(...horizons));
  const cap = supportWeekCap(money);
  return {
    weeks,
    cap,
    weekWeights: horizons.map((tau) => weekWeightsWithin(path.weekdayShares, tau, weeks)),
    prices: expenditureWeights(path, money, horizons, weeks, cap),
    pricesByPublicWeeks: new Map(),
  };
}

/**
 * The prices by the number n of public weeks since entry (the entry week included) for a
 * cell whose entry week is support week a0 with probability P(a0) (entrySupportWeeks):
 * G'(k, s, n) = Σ_a0 P(a0) G(k, s, min(a0 - 1 + n, cap)). The support week is the prior
 * weeks plus n, and the prior history is independent of the path, so the chain need only
 * count n.
 */
function pricesByPublicWeeks(path: PathModel, tables: ExpectationTables, historyShare: number): Float64Array[] {
  let folded = tables.pricesByPublicWeeks.get(historyShare);
  if (folded) return folded;
  const { weeks, cap } = tables;
  const stride = cap + 1;
  const entryWeeks = entrySupportWeeks(historyShare, path.options.priorMeanWeeks, cap);
  folded = tables.prices.map((price) => {
    const byPublicWeeks = new Float64Array(price.length);
    for (let week = 0; week < weeks; week++) {
      for (let state = 0; state < CHAIN_STATE_COUNT; state++) {
        if (!IS_PUBLIC[state]) continue;
        const offset = (week * CHAIN_STATE_COUNT + state) * stride;
        for (let publicWeeks = 1; publicWeeks <= Math.min(week + 1, cap); publicWeeks++) {
          let sum = 0;
          for (let entryWeek = 1; entryWeek <= cap; entryWeek++) sum += entryWeeks[entryWeek]! * price[offset + Math.min(entryWeek - 1 + publicWeeks, cap)]!;
          byPublicWeeks[offset + publicWeeks] = sum;
        }
      }
    }
    return byPublicWeeks;
  });
  tables.pricesByPublicWeeks.set(historyShare, folded);
  return folded;
}

/**
 * The path truth for comparisons of the arms (causal, arm contrast, excluding 1 January),
 * each given by the cell weights of its control and intervention populations.
 */
export function pathTruthOfModel(
  model: SimulationModel,
  comparisons: { causal: PathComparison; armContrast: PathComparison; armContrastExcludingJanuary1: PathComparison },
  shares: { armContrast: number; excluding: number; notJanuaryShare: number },
): PathTruth {
  const path = model.paths!;
  const horizons = pathHorizons(model);
  const tables = expectationTables(path, model.config.money, horizons);
  const onRepresentatives = (comparison: PathComparison): PathComparison => ({
    control: representativeWeights(path, comparison.control),
    intervention: representativeWeights(path, comparison.intervention),
  });
  const merged = {
    causal: onRepresentatives(comparisons.causal),
    armContrast: onRepresentatives(comparisons.armContrast),
    armContrastExcludingJanuary1: onRepresentatives(comparisons.armContrastExcludingJanuary1),
  };
  const all = Object.values(merged);
  const needed = (arm: "control" | "intervention", cell: number) => all.some((comparison) => comparison[arm][cell]! > 0);
  const values = {
    control: model.cells.map((_, cell) => (needed("control", cell) ? cellExpectation(path, cell, false, tables) : null)),
    intervention: model.cells.map((_, cell) => (needed("intervention", cell) ? cellExpectation(path, cell, true, tables) : null)),
  };
  const contrastOf = (comparison: PathComparison, interventionShare: number): PathContrastTruth => {
    const control = mix(values.control, comparison.control, horizons.length);
    const intervention = mix(values.intervention, comparison.intervention, horizons.length);
    const days: PathContrastTruth["days"] = {};
    const expenditure: PathContrastTruth["expenditure"] = {};
    horizons.forEach((tau, index) => {
      const byState = (state: number) => pair(control.days[index]![state]!, intervention.days[index]![state]!);
      const publicDays = (arm: typeof control) => PUBLIC_PATH_STATES.reduce((sum, state) => sum + arm.days[index]![PATH_STATES.indexOf(state)]!, 0);
      days[String(tau)] = {
        adp: byState(0),
        sickness: byState(1),
        cash: byState(2),
        job: byState(3),
        education: byState(4),
        public: pair(publicDays(control), publicDays(intervention)),
      };
      expenditure[String(tau)] = pair(control.expenditure[index]!, intervention.expenditure[index]!);
    });
    return { interventionShare: round(interventionShare), days, expenditure };
  };
  const causal = contrastOf(merged.causal, 0.5);
  const primary = model.options.effect.kind === "days-saved" ? model.options.effect.horizonDays : model.config.evaluation.primaryHorizonDays;
  const codes: Record<string, string | null> = {};
  PATH_STATES.forEach((state, index) => (codes[state] = CHAIN_STATE_CODES[index]!));
  codes["moved"] = MOVED_CODE;
  return {
    description:
      "SYNTHETIC. Expected days in each benefit state and on public support within each horizon from the first unemployment day, re-entries counted, and the municipality's expenditure per citizen, from the path model by forward equations (exact, not from the sample). Moving away censors; the values are those of the path had nobody moved.",
    horizonsDays: horizons,
    daysSaved: causal.days[String(primary)]!.adp.difference,
    jobRateRatio: round(path.jobRateRatio),
    states: [...PATH_STATES],
    publicStates: [...PUBLIC_PATH_STATES],
    codes,
    expenditureRule:
      "Each day on a public benefit costs (benefitDailyRates[code] or maxDailyBenefit) x benefitDaysPerWeek / 7 of the calendar year the day falls in, times the cofinancing share of that year for the week of total time on public support: ISO weeks with a public benefit code, counted across benefits from the prior history on, the entry week included.",
    causal,
    armContrast: contrastOf(merged.armContrast, shares.armContrast),
    armContrastExcludingJanuary1: { ...contrastOf(merged.armContrastExcludingJanuary1, shares.excluding), populationShare: round(shares.notJanuaryShare) },
    checkedAgainst: {
      days:
        "Aalen-Johansen state occupancy by arm on the panel's paths (time = days since the first unemployment day, moving away = censoring), its restricted mean per state, converges to armContrast.days; paths.daysSaved (= causal.days[primary].adp.difference) is the effect the trial is about.",
      expenditure: "A censoring-adjusted mean expenditure per citizen by arm, priced as expenditureRule says, converges to armContrast.expenditure.",
    },
  };
}

function pair(control: number, intervention: number): { control: number; intervention: number; difference: number } {
  return { control: round(control), intervention: round(intervention), difference: round(control - intervention) };
}

function mix(cells: readonly (PathExpectation | null)[], weights: readonly number[], horizonCount: number): PathExpectation {
  const result: PathExpectation = { days: Array.from({ length: horizonCount }, () => new Float64Array(PATH_STATES.length)), expenditure: new Float64Array(horizonCount) };
  let total = 0;
  cells.forEach((values, cell) => {
    const weight = weights[cell]!;
    if (weight === 0 || values === null) return;
    total += weight;
    for (let horizon = 0; horizon < horizonCount; horizon++) {
      for (let state = 0; state < PATH_STATES.length; state++) result.days[horizon]![state]! += weight * values.days[horizon]![state]!;
      result.expenditure[horizon]! += weight * values.expenditure[horizon]!;
    }
  });
  for (let horizon = 0; horizon < horizonCount; horizon++) {
    for (let state = 0; state < PATH_STATES.length; state++) result.days[horizon]![state]! /= total;
    result.expenditure[horizon]! /= total;
  }
  return result;
}

/**
 * P(support week of the entry week = a), a = 1..cap, for a cell: 1 without a prior history;
 * with one (probability `historyShare`), prior + 1 where prior weeks ~ 1 + Geometric,
 * P(prior >= p) = r^(p-1), r = 1 - 1 / priorMeanWeeks; lumped at the cap.
 *
 * @example entrySupportWeeks(0.3, 20, 53)[1] // 0.7; [2] // 0.3 × 0.05 = 0.015
 */
export function entrySupportWeeks(historyShare: number, priorMeanWeeks: number, cap: number): Float64Array {
  const probabilities = new Float64Array(cap + 1);
  const keep = 1 - 1 / priorMeanWeeks;
  probabilities[1]! += 1 - historyShare;
  let atLeast = 1; // P(prior >= p)
  for (let prior = 1; prior + 1 < cap; prior++) {
    const exactly = atLeast * (1 - keep);
    probabilities[prior + 1]! += historyShare * exactly;
    atLeast *= keep;
  }
  // Prior weeks of cap - 1 or more: the entry week is support week cap or later.
  probabilities[cap]! += historyShare * (cap >= 2 ? atLeast : 1);
  return probabilities;
}

/**
 * The expected days in each state and the expenditure of one cell under one arm, at every
 * horizon, by the forward equations over (state, public weeks since entry n, lumped at
 * the cap): x_k(t, n') = Σ_{s, n} x_{k-1}(s, n) P_k(s -> t), n' = min(n + [t public], cap).
 * After k week starts n is at most k + 1, so each week touches only n = 1 .. min(k + 1, cap).
 */
function cellExpectation(path: PathModel, cell: number, intervention: boolean, tables: ExpectationTables): PathExpectation {
  const { weeks, cap, weekWeights } = tables;
  const prices = pricesByPublicWeeks(path, tables, path.priorHistoryShares[cell]!);
  const horizonCount = weekWeights.length;
  const values: PathExpectation = { days: Array.from({ length: horizonCount }, () => new Float64Array(PATH_STATES.length)), expenditure: new Float64Array(horizonCount) };
  const stride = cap + 1;
  let current = new Float64Array(CHAIN_STATE_COUNT * stride);
  let next = new Float64Array(CHAIN_STATE_COUNT * stride);
  current[ADP * stride + 1] = 1; // the entry week: on A-dagpenge, one public week
  const row = new Float64Array(CHAIN_STATE_COUNT);
  for (let week = 0; week < weeks; week++) {
    const reach = Math.min(week + 1, cap); // largest n with mass after this week's step
    if (week > 0) {
      const before = Math.min(week, cap);
      adpTransitionRow(path, cell, intervention, week, row);
      next.fill(0, 0, next.length);
      for (let state = 0; state < CHAIN_STATE_COUNT; state++) {
        const transitions = state === ADP ? row : path.otherTransitions[state]!;
        const from = state * stride;
        for (let target = 0; target < CHAIN_STATE_COUNT; target++) {
          const probability = transitions[target]!;
          if (probability === 0) continue;
          const to = target * stride;
          if (IS_PUBLIC[target]) {
            // A week on public support: one more public week, lumped at the cap.
            for (let publicWeeks = 1; publicWeeks <= before; publicWeeks++) {
              next[to + Math.min(publicWeeks + 1, cap)]! += probability * current[from + publicWeeks]!;
            }
          } else {
            for (let publicWeeks = 1; publicWeeks <= before; publicWeeks++) next[to + publicWeeks]! += probability * current[from + publicWeeks]!;
          }
        }
      }
      [current, next] = [next, current];
    }
    for (let state = 0; state < CHAIN_STATE_COUNT; state++) {
      const from = state * stride;
      let occupancy = 0;
      for (let publicWeeks = 1; publicWeeks <= reach; publicWeeks++) occupancy += current[from + publicWeeks]!;
      const reported = REPORTED_STATE[state]!;
      for (let horizon = 0; horizon < horizonCount; horizon++) values.days[horizon]![reported]! += occupancy * weekWeights[horizon]![week]!;
      if (!IS_PUBLIC[state]) continue;
      const offset = (week * CHAIN_STATE_COUNT + state) * stride;
      for (let horizon = 0; horizon < horizonCount; horizon++) {
        const price = prices[horizon]!;
        let cost = 0;
        for (let publicWeeks = 1; publicWeeks <= reach; publicWeeks++) cost += current[from + publicWeeks]! * price[offset + publicWeeks]!;
        values.expenditure[horizon]! += cost;
      }
    }
  }
  return values;
}

/**
 * G_tau(k, s, a) for every horizon: the expected price of the days of week k before tau in
 * public state s at support week a, over the entry calendar (index (k × states + s) × (cap + 1) + a).
 * Throws SimulationOptionsError when a priced day falls in a year the configuration has no
 * money entry for.
 */
function expenditureWeights(path: PathModel, money: TrialConfig["money"], horizons: readonly number[], weeks: number, cap: number): Float64Array[] {
  const first = path.entryDays.reduce((min, entry) => Math.min(min, entry.day), Infinity);
  const last = path.entryDays.reduce((max, entry) => Math.max(max, entry.day), -Infinity);
  const firstYear = Number(fromDayNumber(first).slice(0, 4));
  const lastYear = Number(fromDayNumber(last + horizons[horizons.length - 1]! - 1).slice(0, 4));
  const yearStarts: number[] = [];
  for (let year = firstYear; year <= lastYear + 1; year++) yearStarts.push(toDayNumber(`${year}-01-01`));
  const yearIndexOf = (day: number) => {
    let index = 0;
    while (yearStarts[index + 1]! <= day) index++;
    return index;
  };
  const yearCount = lastYear - firstYear + 1;
  return horizons.map((tau) => {
    // D(k, year): expected days of week k before tau that fall in each calendar year.
    const daysInYear = new Float64Array(weeks * yearCount);
    for (const entry of path.entryDays) {
      for (let week = 0; week < weeks; week++) {
        const count = weekDaysBefore(week, entry.weekday, tau);
        if (count === 0) continue;
        const firstDay = entry.day + (week === 0 ? 0 : 7 - entry.weekday + 7 * (week - 1));
        for (let day = firstDay; day < firstDay + count; day++) daysInYear[week * yearCount + yearIndexOf(day)]! += entry.weight;
      }
    }
    const price = new Float64Array(weeks * CHAIN_STATE_COUNT * (cap + 1));
    for (let yearIndex = 0; yearIndex < yearCount; yearIndex++) {
      let moneyYear: ReturnType<typeof moneyYearOf> | null = null;
      for (let week = 0; week < weeks; week++) {
        const days = daysInYear[week * yearCount + yearIndex]!;
        if (days === 0) continue;
        moneyYear ??= moneyYearOf(money, firstYear + yearIndex, Number(tau));
        for (let state = 0; state < CHAIN_STATE_COUNT; state++) {
          if (!IS_PUBLIC[state]) continue;
          const rate = calendarDayRate(moneyYear, money.benefitDaysPerWeek, CHAIN_STATE_CODES[state]!);
          const offset = (week * CHAIN_STATE_COUNT + state) * (cap + 1);
          for (let supportWeek = 1; supportWeek <= cap; supportWeek++) price[offset + supportWeek]! += days * rate * municipalShare(moneyYear, supportWeek);
        }
      }
    }
    return price;
  });
}

/** Rounds to 6 decimals for truth.json (well below any estimator's precision). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
