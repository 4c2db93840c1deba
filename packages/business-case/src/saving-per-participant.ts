/**
 * The saving per participant the yearly answer multiplies by the intake: the one place that
 * decides where it comes from (packages/business-case/docs/business-case.md, "A year of
 * operation").
 */
import type { Lang, TrialConfig } from "@jobtrial/core";
import { businessCaseTexts } from "./messages.ts";
import { normalInterval } from "./normal-interval.ts";
import { configuredPricing, participantWeights } from "./pricing.ts";
import type { BusinessCaseResultsInput } from "./results-input.ts";
import { priceProfile, type Profile } from "./saved-days-profile.ts";
import type { SavingModel } from "./saving-model.ts";

/** A saving per participant, DKK, with its 95 % interval (null: a what-if without one). */
export interface SavingPerParticipant {
  estimate: number;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /**
   * "expenditure": results.json's mean expenditure per citizen, control minus intervention,
   * priced per benefit and anciennitet step from the benefit panel; "days-saved": the area
   * between the Kaplan-Meier curves (days to the first exit) priced day by day at the
   * A-dagpenge rate; "what-if": assumed days saved, priced the same way.
   */
  source: "expenditure" | "days-saved" | "what-if";
  /** Horizon the saving accrues over, days. */
  tau: number;
  /** Where it comes from, as printed (in the result's language). */
  label: string;
}

/** The saved-days side: the profile of saved days, the entry year priced and the anciennitet. */
export interface DaysSavedBasis {
  profile: Profile;
  /** Year the participants enter; each saved day priced at the rates of the year it falls in. */
  entryYear: number;
  priorWeeks: number;
}

/**
 * The saving per participant. results.json's expenditure difference (control minus
 * intervention mean expenditure per citizen within tau, with its SE) when it has one and the
 * effect is the measured one; otherwise the saved days of `basis` priced for a participant
 * entering in `basis.entryYear`: sum_k D_k w_k (`participantWeights`, days after the last
 * configured rate year at that year's rates) with the delta-method SE. A --days-saved what-if
 * (a scaled or flat profile) always prices days.
 *
 * @example
 * // bundled data with the benefit panel: expenditure.saving = 1,256.01 kr. (SE 2,764.80) at 364 days
 * savingPerParticipant(results, config, basis) // { estimate: 1256.01, se: 2764.80, source: "expenditure", tau: 364, ... }
 */
export function savingPerParticipant(results: BusinessCaseResultsInput | undefined, config: TrialConfig, basis: DaysSavedBasis, lang: Lang = "da"): SavingPerParticipant {
  const texts = businessCaseTexts(lang);
  const expenditure = results?.expenditure?.saving;
  const { profile, entryYear } = basis;
  if (expenditure && expenditure.estimate !== null && expenditure.se !== null && profile.kind === "measured") {
    return {
      estimate: expenditure.estimate,
      ...interval(expenditure.estimate, expenditure.se * expenditure.se),
      source: "expenditure",
      tau: expenditure.tau,
      label: texts.savingExpenditure(expenditure.tau),
    };
  }
  const pricing = { ...configuredPricing(config, basis.priorWeeks), carryForward: true };
  const horizon = profile.diffAreas.length;
  const priced = priceProfile(profile, participantWeights(pricing, entryYear, horizon));
  const why = results?.expenditure === undefined || results.expenditure === null ? texts.whyNoExpenditure : texts.whyExpenditureNotEstimated;
  const label =
    profile.kind === "measured"
      ? texts.savingMeasured(profile.daysSaved, horizon, entryYear, why)
      : profile.kind === "measured-scaled"
        ? texts.savingScaled(profile.daysSaved, entryYear)
        : texts.savingFlat(profile.daysSaved, horizon, entryYear);
  return { estimate: priced.value, ...interval(priced.value, priced.variance), source: profile.kind === "measured" ? "days-saved" : "what-if", tau: horizon, label };
}

function interval(value: number, variance: number | null): Pick<SavingPerParticipant, "se" | "lower" | "upper"> {
  const { se, lower, upper } = normalInterval(value, variance, 1);
  return { se, lower, upper };
}

/**
 * What the cash flow prices for a saving per participant: the expenditure as a kroner saving
 * spread evenly over its horizon, or the saved days of the profile.
 *
 * @example savingModel({ source: "expenditure", estimate: 1256, se: 2765, tau: 364, ... }, profile) // { kind: "kroner", perParticipant: 1256, se: 2765, horizon: 364 }
 */
export function savingModel(saving: SavingPerParticipant, profile: Profile): SavingModel {
  return saving.source === "expenditure" ? { kind: "kroner", perParticipant: saving.estimate, se: saving.se, horizon: saving.tau } : profile;
}
