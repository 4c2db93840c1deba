/**
 * Pricing: what one saved calendar day of unemployment is worth to the municipality. The
 * benefit rate of the calendar year the day falls in, per calendar day, times the
 * municipality's co-financing share for the week of total time on public support
 * (anciennitet) the day is in. The steps are configuration; for A-dagpenge from 2016 they are
 * 20 % in weeks 1-4, 60 % in weeks 5-26, 70 % in weeks 27-52 and 80 % after
 * (../shared/domain.md, section 4; STAR budget- og konteringsvejledning 5.57.78).
 */
import type { MoneyYear, TrialConfig } from "@jobtrial/core";
import { calendarFraction, yearsReached } from "./calendar-placement.ts";
import { BusinessCaseError } from "./messages.ts";

/** The prices in force, and the shifts the sensitivity analysis applies to them. */
export interface Pricing {
  money: TrialConfig["money"];
  /** Multiplies the benefit rates (sensitivity). */
  rateFactor: number;
  /** Added to every co-financing share, then clamped to [0, 1] (sensitivity). */
  shareShift: number;
  /** Weeks on public support before the first unemployment day (anciennitet). */
  priorWeeks: number;
  /** Share of gross savings taken back by the regional grant (0 when not netted). */
  grantShare: number;
  /**
   * Price a calendar year after the last one in money.years at the last year's rates
   * (labelled where used: the continued-programme scenario and a year of operation).
   * Default: false, a missing year is an error.
   */
  carryForward?: boolean;
}

/**
 * The configuration's prices, unshifted: rate factor 1, no share shift, the regional grant
 * share when `money.netRegionalGrant` is true and 0 otherwise.
 */
export function configuredPricing(config: TrialConfig, priorWeeks: number): Pricing {
  return {
    money: config.money,
    rateFactor: 1,
    shareShift: 0,
    priorWeeks,
    grantShare: config.money.netRegionalGrant ? config.money.regionalGrantShare : 0,
  };
}

/**
 * The configuration's rates of a calendar year. A price is never guessed: a year without an
 * entry in money.years throws `BusinessCaseError` "rate_year_missing", except a year after
 * the last configured one when `carryForward` is set, which gets the last year's rates.
 *
 * @example moneyYear({ ...pricing, carryForward: true }, 2021).year // 2020 (the bundled configuration's last year)
 */
export function moneyYear(pricing: Pricing, year: number): MoneyYear {
  const entry = pricing.money.years.find((candidate) => candidate.year === year);
  if (entry) return entry;
  const last = lastMoneyYear(pricing);
  if (pricing.carryForward && year > last.year) return last;
  throw new BusinessCaseError({ code: "rate_year_missing", year, configured: pricing.money.years.map((candidate) => candidate.year) });
}

/** The last year of money.years. */
export function lastMoneyYear(pricing: Pick<Pricing, "money">): MoneyYear {
  return pricing.money.years.reduce((last, candidate) => (candidate.year > last.year ? candidate : last));
}

/**
 * Of `years`, those after the last year of money.years: priced at the last year's rates when
 * `carryForward` is set, and to be labelled as such.
 *
 * @example carriedForwardYears(pricing, [2019, 2020, 2021]) // [2021] (money.years ends in 2020)
 */
export function carriedForwardYears(pricing: Pick<Pricing, "money">, years: Iterable<number>): number[] {
  const last = lastMoneyYear(pricing).year;
  return [...new Set(years)].filter((year) => year > last).sort((a, b) => a - b);
}

/**
 * Benefit per calendar day of unemployment in `year`:
 * maxDailyBenefit x benefitDaysPerWeek / 7 x rateFactor. A week of unemployment pays
 * benefitDaysPerWeek benefit days, and saved days are calendar days.
 *
 * @example benefitPerCalendarDay(pricing, 2017) // 849 x 5 / 7 = 606.43 kr. (2017 maximum, 5 days a week)
 */
export function benefitPerCalendarDay(pricing: Pricing, year: number): number {
  return (moneyYear(pricing, year).maxDailyBenefit * pricing.money.benefitDaysPerWeek * pricing.rateFactor) / 7;
}

/**
 * Co-financing share in `year` for week `supportWeek` of total time on public support: the
 * share of the last step whose fromWeek is at or before the week, plus `shareShift`,
 * clamped to [0, 1].
 *
 * @example cofinancingShare(pricing, 2017, 4) // 0.2; week 5 // 0.6; week 27 // 0.7; week 53 // 0.8
 */
export function cofinancingShare(pricing: Pricing, year: number, supportWeek: number): number {
  let share = 0;
  for (const step of moneyYear(pricing, year).cofinancing) if (step.fromWeek <= supportWeek) share = step.share;
  return Math.min(1, Math.max(0, share + pricing.shareShift));
}

/**
 * Week of total time on public support of spell day `day` (day 0 = the first unemployment
 * day): floor(day / 7) + 1 + priorWeeks.
 *
 * @example supportWeekOfDay({ priorWeeks: 0 }, 14) // 3; with priorWeeks 26 // 29
 */
export function supportWeekOfDay(pricing: Pick<Pricing, "priorWeeks">, day: number): number {
  return Math.floor(day / 7) + 1 + pricing.priorWeeks;
}

/**
 * Price of one saved calendar day: the municipality's cost of spell day `day` when it falls
 * in calendar year `year`, p(k, Z) = benefitPerCalendarDay(Z) x share_Z(week of day k).
 *
 * @example dayPrice(pricing, 2017, 14) // 849 x 5 / 7 x 0.2 = 121.29 kr. (spell week 3)
 */
export function dayPrice(pricing: Pricing, year: number, day: number): number {
  return benefitPerCalendarDay(pricing, year) * cofinancingShare(pricing, year, supportWeekOfDay(pricing, day));
}

/**
 * Price per spell day for one participant entering in `entryYear`, over every calendar year
 * the day can fall in: w_k = sum_Z f_{Y,Z}(k) p(k, Z) for k = 0 .. horizon - 1.
 *
 * @example
 * // spell day 14 (week 3, 20 %) of a 2017 entrant is in 2017 for 351 of 365 entry days, in 2018 for 14
 * participantWeights(pricing, 2017, 364)[14] // 351/365 x 849 x 5/7 x 0.2 + 14/365 x 860 x 5/7 x 0.2 = 121.35 kr.
 */
export function participantWeights(pricing: Pricing, entryYear: number, horizon: number): number[] {
  const weights = new Array<number>(horizon).fill(0);
  for (const year of yearsReached(entryYear, horizon)) {
    for (let day = 0; day < horizon; day++) {
      const fraction = calendarFraction(entryYear, year, day);
      if (fraction > 0) weights[day]! += fraction * dayPrice(pricing, year, day);
    }
  }
  return weights;
}
