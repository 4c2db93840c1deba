/**
 * What a day on a public benefit costs the municipality, as the path model's truth prices
 * it from the trial configuration's money section:
 *
 *   price(day) = rate_benefit(year) × benefitDaysPerWeek / 7 × share_year(support week)
 *
 * - rate: `benefitDailyRates[code]` of the calendar year the day falls in, or
 *   `maxDailyBenefit` when the benefit is not listed (and always for A-dagpenge, 111);
 *   a benefit day rate is paid benefitDaysPerWeek days a week, so per calendar day it is
 *   rate × benefitDaysPerWeek / 7 (the business case's `benefitPerCalendarDay`);
 * - share: the municipality's share by the week of total time on public support
 *   (anciennitet: weeks with a public benefit, counted across benefits and including the
 *   history before the first unemployment day), the `cofinancing` step of the year: for
 *   A-dagpenge 20 % in weeks 1-4, 60 % in 5-26, 70 % in 27-52, 80 % after; the refusion
 *   steps of the other benefits mirror it (../shared/domain.md §4).
 */
import type { MoneyYear, TrialConfig } from "@jobtrial/core";
import { SimulationOptionsError } from "./options.ts";

/** Panel code of A-dagpenge, always priced at maxDailyBenefit. */
const ADP_CODE = "111";

/**
 * The last support week whose share can differ from the next: the largest `fromWeek` of
 * any year's steps. Counting support weeks up to it (and lumping the rest) prices every
 * day exactly.
 *
 * @example supportWeekCap(esbjerg.money) // 53 (steps from weeks 1, 5, 27, 53)
 */
export function supportWeekCap(money: TrialConfig["money"]): number {
  let cap = 1;
  for (const year of money.years) for (const step of year.cofinancing) cap = Math.max(cap, step.fromWeek);
  return cap;
}

/**
 * The configuration's money entry for a calendar year; a year without one is an error
 * (a price is never guessed) that names `tau`, the horizon whose days fall in the year.
 */
export function moneyYearOf(money: TrialConfig["money"], year: number, tau: number): MoneyYear {
  const entry = money.years.find((candidate) => candidate.year === year);
  if (!entry) {
    throw new SimulationOptionsError({ code: "money_year_missing", year, tau });
  }
  return entry;
}

/**
 * Benefit per calendar day of the benefit with panel code `code`:
 * (benefitDailyRates[code] or maxDailyBenefit) × benefitDaysPerWeek / 7.
 *
 * @example calendarDayRate(money2017, 5, "890") // 849 × 5 / 7 = 606.43 (no rate listed)
 */
export function calendarDayRate(moneyYear: MoneyYear, benefitDaysPerWeek: number, code: string): number {
  const rate = code === ADP_CODE ? moneyYear.maxDailyBenefit : (moneyYear.benefitDailyRates?.[code] ?? moneyYear.maxDailyBenefit);
  return (rate * benefitDaysPerWeek) / 7;
}

/**
 * The municipality's share in support week `supportWeek` (1 = the first week on public
 * support): the share of the last step whose fromWeek is at or before it.
 *
 * @example municipalShare(money2017, 4) // 0.2; week 5 // 0.6; week 27 // 0.7; week 53 // 0.8
 */
export function municipalShare(moneyYear: MoneyYear, supportWeek: number): number {
  let share = 0;
  for (const step of moneyYear.cofinancing) if (step.fromWeek <= supportWeek) share = step.share;
  return share;
}
