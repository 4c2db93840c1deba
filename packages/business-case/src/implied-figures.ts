/**
 * Implied figures: what the project's own expectation (expectations.daysSaved days saved
 * -> expectations.netSavingsPerYear net a year) implies about intake, set beside the intake
 * in the register (packages/business-case/docs/business-case.md, "Implied figures").
 */
import type { TrialConfig } from "@jobtrial/core";
import type { ObservedIntake } from "./intake-projection.ts";
import { participantWeights, type Pricing } from "./pricing.ts";
import { flatProfile, priceProfile, scaleProfile, type Profile } from "./saved-days-profile.ts";
import type { BusinessCase } from "./schema.ts";

/** The saving per participant at the expected days saved and the yearly intake it implies. */
export interface ExpectationSaving {
  expectedDaysSaved: number;
  /** g9: the saving of an entrant in the first programme year at the expected days saved. */
  savingAtExpected: number;
  /** (first programme year's cost + expected net a year) / g9; null when g9 <= 0. */
  impliedPerYear: number | null;
}

/**
 * g9 = the saving per participant entering in `firstProgrammeYear` at expectations.daysSaved,
 * with the measured shape of the curve difference when there is one (the profile scaled to
 * the expected days) and flat otherwise; and the intake n = (cost + net) / g9 that one year
 * of the programme needs to deliver the expected net.
 *
 * @example
 * // trial_days fixture: g9 = 3,212.65 kr.; (2,500,000 + 1,700,000) / 3,212.65 = 1,307.3 participants a year
 * expectationSaving(config, profile, pricing, 2017, 2_500_000).impliedPerYear // 1307.33
 */
export function expectationSaving(config: TrialConfig, profile: Profile, pricing: Pricing, firstProgrammeYear: number, firstYearCost: number): ExpectationSaving {
  const horizon = profile.diffAreas.length;
  const expectedDaysSaved = config.expectations.daysSaved;
  const expectedProfile = profile.daysSaved > 0 && profile.kind !== "flat" ? scaleProfile(profile, expectedDaysSaved / profile.daysSaved) : flatProfile(expectedDaysSaved, horizon);
  const savingAtExpected = priceProfile(expectedProfile, participantWeights(pricing, firstProgrammeYear, horizon)).value;
  const impliedPerYear = savingAtExpected > 0 ? (firstYearCost + config.expectations.netSavingsPerYear) / savingAtExpected : null;
  return { expectedDaysSaved, savingAtExpected, impliedPerYear };
}

/**
 * The implied figures as written: reading 1 (one year's cost + expected net from one year's
 * intake) per year, per week (/ 52) and in the programme at once (per week x
 * programmeWeeks, an upper bound); reading 2 (total cost over the expectation's years +
 * net x years, from the programme years' intake); and the register's annualized intake.
 *
 * @example impliedFigures(config, { impliedPerYear: 1300, ... }, [2017, 2018], cost, undefined).impliedParticipantsPerWeek // 25
 */
export function impliedFigures(
  config: TrialConfig,
  expectation: ExpectationSaving,
  programmeYears: number[],
  cost: Map<number, number>,
  observed: ObservedIntake | undefined,
): BusinessCase["implied"] {
  const { savingAtExpected, impliedPerYear } = expectation;
  const programmeWeeks = config.protocol.programmeWeeks;
  const expectationYears = config.expectations.toYear - config.expectations.fromYear + 1;
  let expectationCost = 0;
  for (let year = config.expectations.fromYear; year <= config.expectations.toYear; year++) expectationCost += cost.get(year) ?? 0;
  const observedValues = observed ? [...observed.byYear.values()] : [];
  const observedPerYear = observedValues.length > 0 ? observedValues.reduce((sum, value) => sum + value, 0) / observedValues.length : null;
  return {
    expectedDaysSaved: expectation.expectedDaysSaved,
    expectedNetSavingsPerYear: config.expectations.netSavingsPerYear,
    savingPerParticipantAtExpected: savingAtExpected,
    impliedParticipantsPerYear: impliedPerYear,
    impliedParticipantsPerWeek: impliedPerYear === null ? null : impliedPerYear / 52,
    impliedInProgrammeAtOnce: impliedPerYear === null ? null : (impliedPerYear / 52) * programmeWeeks,
    impliedParticipantsPerYearWholePeriod:
      savingAtExpected > 0 ? (expectationCost + config.expectations.netSavingsPerYear * expectationYears) / (savingAtExpected * programmeYears.length) : null,
    observedParticipantsPerYear: observedPerYear,
    observedParticipantsPerWeek: observedPerYear === null ? null : observedPerYear / 52,
  };
}
