/**
 * Mean municipal expenditure per citizen within tau, priced per benefit, per arm and the
 * saving (control minus intervention), under staggered entry, the as-of date and moving
 * away: a partitioned inverse-probability-of-censoring-weighted (IPCW) estimator with the
 * censoring distribution by Kaplan-Meier and an influence-function standard error that
 * includes the estimated censoring distribution. Derivation: docs/evaluation.md,
 * "Expenditure per citizen".
 *
 * Price of a day. A day d (days since the first unemployment day) on a public benefit with
 * panel code c, in week a of total time on public support (benefit-paths.ts), costs
 *   price(c, a, year) = rate_c(year) × benefitDaysPerWeek / 7 × share_year(a),
 * rate_c = money.years[].benefitDailyRates[c], or maxDailyBenefit when the code is not
 * listed (always for A-dagpenge), share = the year's `cofinancing` step for week a
 * (../shared/domain.md §4; the business case's `benefitPerCalendarDay`). The year is that
 * of the calendar day; since follow-up (the as-of date) depends on the entry date, a
 * citizen's own calendar would tie the price of late days to early entrants. So each day is
 * priced at the intake calendar's average:
 *   ȳ(c, a, d) = Σ_year w_year(d) price(c, a, year),  w_year(d) = share of all analysed
 *   citizens (both arms) whose entry date + d falls in that year,
 * the same standardization the simulator's truth uses (its expected price over the entry
 * calendar).
 *
 * Estimator (per arm, n citizens, follow-up C_i days, y_i(d) = ȳ of citizen i's day d, 0
 * off public support). Partition [0, tau) into days; day d is fully observed for citizen i
 * when C_i > d. With K̂ the Kaplan-Meier estimate of the censoring distribution (no event
 * ends the cost process before tau, so K̂(d) = R_d / n, R_d = #{i : C_i > d}):
 *   μ̂(tau) = Σ_{d<tau} (1/n) Σ_i 1{C_i > d} y_i(d) / K̂(d) = Σ_{d<tau} m_d,
 *   m_d = Σ_i 1{C_i > d} y_i(d) / R_d   (the mean cost of day d among those observed on it),
 * Bang & Tsiatis (2000)'s partitioned estimator with one-day intervals, which with no
 * terminal event is also Lin et al. (1997)'s. Influence of citizen i (delta method on the
 * ratios, so the estimation of K̂ is included):
 *   U_i = Σ_{d < min(C_i, tau)} (y_i(d) - m_d) / R_d,   Var μ̂ = Σ_i U_i².
 * Saving = μ̂_control - μ̂_intervention, SE sqrt(se_c² + se_i²), 95 % normal interval.
 *
 * References: Bang H, Tsiatis AA (2000), Estimating medical costs with censored data,
 * Biometrika 87, 329-343; Lin DY, Feuer EJ, Etzioni R, Wax Y (1997), Estimating medical
 * costs from incomplete follow-up data, Biometrics 53, 419-434.
 */
import { fromDayNumber, toDayNumber, type BenefitStates, type MoneyYear, type TrialConfig } from "@jobtrial/core";
import type { Results } from "../results-schema.ts";
import { type BenefitPath, type BenefitPathSet, normalizeCode } from "./benefit-paths.ts";
import { normalEstimate } from "./normal-estimate.ts";
import type { PathNoteFacts } from "./path-messages.ts";
import { longestEstimableHorizon } from "./time-in-states.ts";

export const EXPENDITURE_METHOD =
  "Partitioned inverse-probability-of-censoring-weighted mean (Bang & Tsiatis 2000; Lin et al. 1997) with one-day intervals and the censoring distribution by Kaplan-Meier: the sum over days d < tau of the mean price of day d among the arm's citizens still followed on it. A day on a public benefit costs the benefit's daily rate (maxDailyBenefit, or benefitDailyRates of its code) x benefitDaysPerWeek / 7 x the municipality's co-financing share for the week of total time on public support (across benefits, with the history before the first unemployment day), averaged over the calendar years the day falls in for the trial's intake. Standard error from the influence function including the estimated censoring distribution (docs/evaluation.md).";

export interface ExpenditureMeasures {
  expenditure: NonNullable<Results["expenditure"]>;
  notes: PathNoteFacts[];
}

/** One arm's mean expenditure per citizen at each tau with its influence-function SE. */
export interface ArmExpenditure {
  mean: number[];
  se: number[];
}

/**
 * Mean expenditure per citizen per arm at each tau every arm is followed to and every
 * priced day has rates for, and the saving (control minus intervention). A horizon with a
 * calendar year without a `money.years` entry is left out with a note (a price is never
 * guessed). Needs at least one path in each arm.
 *
 * @example expenditureMeasures(set, DEFAULT_BENEFIT_STATES, config.money, { taus: [182, 364], primaryTau: 364 }).expenditure.saving.estimate
 */
export function expenditureMeasures(set: BenefitPathSet, states: BenefitStates, money: TrialConfig["money"], options: { taus: readonly number[]; primaryTau: number }): ExpenditureMeasures {
  const longest = longestEstimableHorizon(set);
  const notes: PathNoteFacts[] = [];
  const entries = Float64Array.from(set.paths.map((path) => toDayNumber(path.member.firstUnemploymentDay))).sort();
  const taus = [...new Set(options.taus)].filter((tau) => tau <= longest).sort((a, b) => a - b);
  const priced = taus.filter((tau) => {
    const missing = missingMoneyYear(money, entries, tau);
    if (missing !== null) notes.push({ code: "money-year-missing", tau, year: missing });
    return missing === null;
  });
  const byHorizon: NonNullable<Results["expenditure"]>["byHorizon"] = [];
  if (priced.length > 0) {
    const prices = dayPrices(states, money, entries, priced[priced.length - 1]!);
    const arms = {
      control: armExpenditure(set.paths.filter((path) => path.arm === "control"), prices, priced),
      intervention: armExpenditure(set.paths.filter((path) => path.arm === "intervention"), prices, priced),
    };
    priced.forEach((tau, index) => {
      const control = { estimate: arms.control.mean[index]!, se: arms.control.se[index]! };
      const intervention = { estimate: arms.intervention.mean[index]!, se: arms.intervention.se[index]! };
      byHorizon.push({ tau, control, intervention, saving: normalEstimate(control.estimate - intervention.estimate, Math.hypot(control.se, intervention.se)) });
    });
  }
  const primary = byHorizon.find((entry) => entry.tau === options.primaryTau);
  return {
    expenditure: {
      currency: "DKK",
      byHorizon,
      saving: primary ? { ...primary.saving, tau: options.primaryTau } : { estimate: null, se: null, lower: null, upper: null, p: null, tau: options.primaryTau },
      method: EXPENDITURE_METHOD,
    },
    notes,
  };
}

/** The first calendar year a priced day within tau falls in that money.years has no entry for; null when all are there. */
function missingMoneyYear(money: TrialConfig["money"], sortedEntries: Float64Array, tau: number): number | null {
  if (sortedEntries.length === 0) return null;
  const firstYear = yearOf(sortedEntries[0]!);
  const lastYear = yearOf(sortedEntries[sortedEntries.length - 1]! + tau - 1);
  for (let year = firstYear; year <= lastYear; year++) if (!money.years.some((entry) => entry.year === year)) return year;
  return null;
}

function yearOf(dayNumber: number): number {
  return Number(fromDayNumber(dayNumber).slice(0, 4));
}

/** The standardized price of a day, ȳ(code, supportWeek, d), for d < days; computed once per code and support week. */
export type DayPrices = (code: string, supportWeek: number) => Float64Array;

/**
 * ȳ(c, a, d) for d = 0 .. days - 1 (this file's comment): the intake calendar's year
 * weights times each year's price. `entries`: the analysed citizens' first unemployment
 * days as day numbers, sorted.
 */
export function dayPrices(states: BenefitStates, money: TrialConfig["money"], entries: Float64Array, days: number): DayPrices {
  const firstYear = yearOf(entries[0]!);
  const lastYear = yearOf(entries[entries.length - 1]! + days - 1);
  const years: MoneyYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(money.years.find((entry) => entry.year === year)!);
  // yearWeights[d × years + y]: share of the intake whose entry + d falls in year y.
  const yearWeights = new Float64Array(days * years.length);
  const starts = years.map((entry) => toDayNumber(`${entry.year}-01-01`));
  const countBefore = (day: number) => {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (entries[middle]! < day) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (let day = 0; day < days; day++) {
    for (let year = 0; year < years.length; year++) {
      const from = year === 0 ? 0 : countBefore(starts[year]! - day);
      const to = year === years.length - 1 ? entries.length : countBefore(starts[year + 1]! - day);
      yearWeights[day * years.length + year] = (to - from) / entries.length;
    }
  }
  const unemploymentCodes = new Set(states.states.find((state) => state.name === states.unemploymentState)!.codes.map(normalizeCode));
  const rates = years.map((entry) => {
    const listed = new Map(Object.entries(entry.benefitDailyRates ?? {}).map(([code, rate]) => [normalizeCode(code), rate]));
    return (code: string) => (unemploymentCodes.has(code) ? entry.maxDailyBenefit : (listed.get(code) ?? entry.maxDailyBenefit));
  });
  const shareOf = (entry: MoneyYear, supportWeek: number) => {
    let share = 0;
    for (const step of entry.cofinancing) if (step.fromWeek <= supportWeek) share = step.share;
    return share;
  };
  const cache = new Map<string, Float64Array>();
  return (code, supportWeek) => {
    const key = `${supportWeek}\u0000${code}`;
    let prices = cache.get(key);
    if (prices) return prices;
    const perYear = years.map((entry, year) => (rates[year]!(code) * money.benefitDaysPerWeek * shareOf(entry, supportWeek)) / 7);
    prices = new Float64Array(days);
    for (let day = 0; day < days; day++) {
      let price = 0;
      for (let year = 0; year < years.length; year++) price += yearWeights[day * years.length + year]! * perYear[year]!;
      prices[day] = price;
    }
    cache.set(key, prices);
    return prices;
  };
}

/**
 * One arm's μ̂(tau) and its influence-function SE at each tau (ascending, each at most the
 * arm's longest follow-up and `prices`' length): the estimator of this file's comment.
 *
 * @example
 * // a flat price of 100 a day on A-dagpenge; followed 20 days: one on it days 0-9, one days 0-3, then jobs;
 * // one on it throughout, censored at 5. m_d = 100 (d < 4), 200/3 (d = 4), 50 (5 <= d < 10), 0 after;
 * // U = (1225, -1325, 100) / 9 (test/evaluation/expenditure.test.ts works it by hand)
 * armExpenditure(paths, prices, [20]) // { mean: [2150 / 3], se: [Math.sqrt(3266250) / 9] } (716.67 and 200.81)
 */
export function armExpenditure(paths: readonly BenefitPath[], prices: DayPrices, taus: readonly number[]): ArmExpenditure {
  const days = taus[taus.length - 1]!;
  // R_d: citizens followed on day d (C_i > d).
  const endsAt = new Float64Array(days + 1);
  for (const path of paths) endsAt[Math.min(path.followUp, days)]!++;
  const atRisk = new Float64Array(days);
  let followed = 0;
  for (let day = days - 1; day >= 0; day--) {
    followed += endsAt[day + 1]!;
    atRisk[day] = followed;
  }
  // S_d: the day's cost summed over the citizens followed on it.
  const costSum = new Float64Array(days);
  forEachPricedDay(paths, prices, days, (_, day, price) => (costSum[day]! += price));
  const dayMean = new Float64Array(days);
  // cumulative[t] = Σ_{d<t} m_d / R_d, for the -m_d / R_d terms of every citizen's influence.
  const cumulative = new Float64Array(days + 1);
  for (let day = 0; day < days; day++) {
    if (!(atRisk[day]! > 0)) throw new Error("internal: a horizon beyond the arm's follow-up reached the expenditure estimator");
    dayMean[day] = costSum[day]! / atRisk[day]!;
    cumulative[day + 1] = cumulative[day]! + dayMean[day]! / atRisk[day]!;
  }
  const mean = taus.map((tau) => dayMean.subarray(0, tau).reduce((sum, value) => sum + value, 0));
  // U_i(tau) = Σ_{d < min(C_i, tau)} y_i(d) / R_d - cumulative[min(C_i, tau)].
  const weightedCost = taus.map(() => new Float64Array(paths.length));
  forEachPricedDay(paths, prices, days, (person, day, price) => {
    const share = price / atRisk[day]!;
    taus.forEach((tau, index) => {
      if (day < tau) weightedCost[index]![person]! += share;
    });
  });
  const se = taus.map((tau, index) => {
    let variance = 0;
    paths.forEach((path, person) => {
      const influence = weightedCost[index]![person]! - cumulative[Math.min(path.followUp, tau)]!;
      variance += influence * influence;
    });
    return Math.sqrt(variance);
  });
  return { mean, se };
}

/** Calls `visit(person, day, price)` for every day before `days` that a citizen is followed on and on public support. */
function forEachPricedDay(paths: readonly BenefitPath[], prices: DayPrices, days: number, visit: (person: number, day: number, price: number) => void): void {
  paths.forEach((path, person) => {
    for (const week of path.weeks) {
      if (week.from >= days) break;
      if (!week.public) continue;
      const price = prices(week.code, week.supportWeek);
      const end = Math.min(week.to, days, path.followUp);
      for (let day = week.from; day < end; day++) visit(person, day, price[day]!);
    }
  });
}
