/**
 * The yearly cash flow: for each calendar year counted, the gross saving of every
 * programme year's cohort whose saved days fall in it, the regional grant, the programme
 * cost and the net saving with its 95 % interval; and the total over the years
 * (packages/business-case/docs/business-case.md, "Per year").
 */
import type { Lang } from "@jobtrial/core";
import { calendarFraction, yearsReached } from "./calendar-placement.ts";
import { businessCaseNotice } from "./messages.ts";
import { normalInterval } from "./normal-interval.ts";
import { dayPrice, type Pricing } from "./pricing.ts";
import { modelHorizon, priceModel, type SavingModel } from "./saving-model.ts";
import type { BusinessCaseScenario, BusinessCaseYear } from "./schema.ts";

/** Who enters when, what each year costs, and which calendar years are counted. */
export interface Plan {
  /** Years in which participants enter (the budget years, or more when the programme continues). */
  programmeYears: number[];
  /** Participants entering per programme year. */
  intake: Map<number, number>;
  /** Programme cost per calendar year. */
  cost: Map<number, number>;
  /** First and last calendar year counted. */
  fromYear: number;
  toYear: number;
}

/** The cash flow of a plan. */
export interface CashFlow {
  years: BusinessCaseYear[];
  total: BusinessCaseScenario["total"];
  /** Total gross minus grant over the years (what break-even divides). */
  netGross: number;
  totalCost: number;
  /** Saved days (summed over participants) that fall after the last year counted; null for a kroner saving (no days). */
  savedDaysAfterPeriod: number | null;
  /**
   * Gross saving of the participants' saving that falls after the last year counted, not in
   * the years' figures; a year after the last in money.years priced at its rates.
   */
  savingsAfterPeriod: number;
}

/**
 * Price per spell day of all cohorts' saved days falling in calendar `year`:
 * w_k = sum over programme years Y of n_Y f_{Y,Z}(k) p(k, Z).
 *
 * @example
 * // 1,000 entrants in 2017 only; spell day 100 falls in 2018 for 100 of 2017's 365 entry days
 * yearWeights(pricing, plan, 2018, 364)[100] // 1000 x 100/365 x p(100, 2018)
 */
export function yearWeights(pricing: Pricing, plan: Plan, year: number, horizon: number): number[] {
  const weights = new Array<number>(horizon).fill(0);
  for (const entryYear of plan.programmeYears) {
    const participants = plan.intake.get(entryYear) ?? 0;
    if (participants === 0) continue;
    for (let day = 0; day < horizon; day++) {
      const fraction = calendarFraction(entryYear, year, day);
      if (fraction > 0) weights[day]! += participants * fraction * dayPrice(pricing, year, day);
    }
  }
  return weights;
}

/**
 * Weight per spell day k of the saving that falls in calendar year `year`:
 * for saved days, w_k = sum over programme years Y of n_Y f_{Y,Z}(k) p(k, Z) (the price of the
 * day in Z); for a kroner saving, w_k = sum_Y n_Y f_{Y,Z}(k) x rateFactor / horizon (the
 * saving spread evenly: its rates are those analyze priced with, scaled by the sensitivity's
 * rateFactor only).
 *
 * @example
 * // a kroner saving over 7 days, 365 entrants in 2017: day 3 falls in 2017 for 362 of them
 * placedWeights(kroner, pricing, plan, 2017)[3] // 362 / 7
 */
export function placedWeights(model: SavingModel, pricing: Pricing, plan: Plan, year: number): number[] {
  const horizon = modelHorizon(model);
  if (model.kind !== "kroner") return yearWeights(pricing, plan, year, horizon);
  const weights = new Array<number>(horizon).fill(0);
  for (const entryYear of plan.programmeYears) {
    const participants = plan.intake.get(entryYear) ?? 0;
    if (participants === 0) continue;
    for (let day = 0; day < horizon; day++) weights[day]! += (participants * calendarFraction(entryYear, year, day) * pricing.rateFactor) / horizon;
  }
  return weights;
}

/**
 * Whether any programme year's spell days 0 .. horizon - 1 can fall in calendar `year`.
 * A year they cannot reach has no priced day: its saving is not estimated rather than 0.
 *
 * @example savedDaysReach({ programmeYears: [2017, 2018], ... }, 2020, 364) // false: the 2018 cohort's days end in 2019
 */
export function savedDaysReach(plan: Pick<Plan, "programmeYears">, year: number, horizon: number): boolean {
  return plan.programmeYears.some((entryYear) => yearsReached(entryYear, horizon).includes(year));
}

/**
 * The yearly cash flow of a saving model under a plan. For each year Z from fromYear to toYear:
 * gross_Z = sum_k D_k w_k(Z) (saved days priced by `yearWeights`; a kroner saving placed by
 * `placedWeights`), regionalGrant_Z = gross_Z x grantShare,
 * net_Z = gross_Z - regionalGrant_Z - cost_Z, with the delta-method interval times
 * (1 - grantShare). A year no saving within the horizon reaches (`savedDaysReach`) is
 * not estimated: null savings and a reason, its cost still counted in the total. The total
 * prices the sum of the years' weights. The saving of the cohorts that falls after toYear is
 * not in the years: its saved days are counted in `savedDaysAfterPeriod` and its gross value in
 * `savingsAfterPeriod`, a year after the last in money.years at that year's rates. A year's
 * reason not estimated is worded in `lang` (default Danish).
 *
 * @example
 * // flat 9 days over 364, one price c a day, 1,000 entrants in 2017: gross 2017 = 1000 x 9c x (1 - 363/730)
 * cashFlow(flatProfile(9, 364), pricing, plan).years[0].grossSavings
 */
export function cashFlow(model: SavingModel, pricing: Pricing, plan: Plan, lang: Lang = "da"): CashFlow {
  const horizon = modelHorizon(model);
  const keep = 1 - pricing.grantShare;
  const years: BusinessCaseYear[] = [];
  const totalWeights = new Array<number>(horizon).fill(0);
  for (let year = plan.fromYear; year <= plan.toYear; year++) {
    if (!savedDaysReach(plan, year, horizon)) {
      const notEstimated = businessCaseNotice({ code: "year_not_estimated", year, horizonDays: horizon }, lang);
      const nothing = { grossSavings: null, regionalGrant: null, netSavings: null, se: null, lower: null, upper: null, probabilityPositive: null };
      years.push({ year, participants: plan.intake.get(year) ?? 0, cost: plan.cost.get(year) ?? 0, ...nothing, notEstimated });
      continue;
    }
    const weights = placedWeights(model, pricing, plan, year);
    weights.forEach((weight, day) => (totalWeights[day]! += weight));
    const gross = priceModel(model, weights);
    const cost = plan.cost.get(year) ?? 0;
    const regionalGrant = gross.value * pricing.grantShare;
    const net = gross.value - regionalGrant - cost;
    years.push({ year, participants: plan.intake.get(year) ?? 0, cost, grossSavings: gross.value, regionalGrant, netSavings: net, ...normalInterval(net, gross.variance, keep), notEstimated: null });
  }
  const gross = priceModel(model, totalWeights);
  const totalCost = years.reduce((sum, entry) => sum + entry.cost, 0);
  const regionalGrant = gross.value * pricing.grantShare;
  const net = gross.value - regionalGrant - totalCost;
  let savedDaysAfterPeriod = 0;
  let savingsAfterPeriod = 0;
  const later = new Set<number>();
  for (const entryYear of plan.programmeYears) for (const year of yearsReached(entryYear, horizon)) if (year > plan.toYear) later.add(year);
  for (const year of later) {
    savingsAfterPeriod += priceModel(model, placedWeights(model, { ...pricing, carryForward: true }, plan, year)).value;
    if (model.kind === "kroner") continue;
    for (const entryYear of plan.programmeYears) {
      const participants = plan.intake.get(entryYear) ?? 0;
      for (let day = 0; day < horizon; day++) savedDaysAfterPeriod += participants * calendarFraction(entryYear, year, day) * model.diffAreas[day]!;
    }
  }
  return {
    years,
    total: { fromYear: plan.fromYear, toYear: plan.toYear, cost: totalCost, grossSavings: gross.value, regionalGrant, netSavings: net, ...normalInterval(net, gross.variance, keep) },
    netGross: gross.value - regionalGrant,
    totalCost,
    savedDaysAfterPeriod: model.kind === "kroner" ? null : savedDaysAfterPeriod,
    savingsAfterPeriod,
  };
}
