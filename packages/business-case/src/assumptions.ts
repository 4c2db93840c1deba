/**
 * Assumptions and notes: every input of the business case with its value and where it comes
 * from, and the notes on method and data printed under the figures, so finance can check
 * each number against its source (packages/business-case/docs/business-case.md).
 */
import type { Lang, TrialConfig } from "@jobtrial/core";
import { formatKroner } from "./format.ts";
import type { IntakeResolution, ObservedIntake } from "./intake-projection.ts";
import { businessCaseTexts } from "./messages.ts";
import type { Profile } from "./saved-days-profile.ts";
import type { SavingPerParticipant } from "./saving-per-participant.ts";
import type { BusinessCase, BusinessCaseAssumption, BusinessCaseYear, YearlyAnswer } from "./schema.ts";

/** Which inputs the user gave rather than left to their defaults. */
export interface GivenInputs {
  /** Whether results.json (the measured curves) was given. */
  results: boolean;
  daysSaved: boolean;
  horizonDays: boolean;
  priorWeeks: boolean;
}

/**
 * Where the days saved come from, as printed in `lang` (default Danish): measured from the
 * curves, the measured difference scaled to --days-saved, or a what-if (--days-saved or the
 * expectation) spread evenly over the horizon.
 */
export function daysSavedSource(given: GivenInputs, horizon: number, lang: Lang = "da"): string {
  const texts = businessCaseTexts(lang);
  return given.results
    ? given.daysSaved
      ? texts.sourceDaysScaled
      : texts.sourceDaysMeasured(horizon)
    : given.daysSaved
      ? texts.sourceDaysWhatIf
      : texts.sourceDaysExpectation;
}

/** What the assumptions list is made from. */
export interface AssumptionInputs {
  config: TrialConfig;
  given: GivenInputs;
  profile: Profile;
  /** Set at an early look: the horizon asked for, beyond the follow-up. */
  horizonShortened: BusinessCase["horizonShortened"];
  priorWeeks: number;
  grantShare: number;
  programmeYears: number[];
  intake: IntakeResolution;
  /** The year of operation (the headline). */
  yearly: YearlyAnswer;
  /** Why that year, as printed. */
  operatingYearSource: string;
  /** The language of the labels and sources. Default: "da" */
  lang?: Lang;
}

/**
 * The inputs in the order printed: the year of operation, its intake and the saving per
 * participant the headline uses; days saved, horizon, prior weeks, benefit days a week,
 * each year's rate and co-financing steps (with the configuration's source), participants
 * per programme year, the cost of each budget year, the regional grant, how entries are
 * spread and how days are priced.
 *
 * @example assumptions(inputs).find((entry) => entry.key === "cofinancing.2017").value // "uge 1-4: 20 %, uge 5-26: 60 %, uge 27-52: 70 %, uge 53+: 80 %"
 */
export function assumptions(inputs: AssumptionInputs): BusinessCaseAssumption[] {
  const { config, given, profile, priorWeeks } = inputs;
  const texts = businessCaseTexts(inputs.lang);
  const horizon = profile.diffAreas.length;
  const list: BusinessCaseAssumption[] = [];
  const { yearly } = inputs;
  list.push({ key: "operatingYear", label: texts.labelOperatingYear, value: String(yearly.year), unit: "year", source: inputs.operatingYearSource });
  list.push({
    key: "operatingYear.participants",
    label: texts.labelOperatingParticipants(yearly.year),
    value: yearly.intake.value ?? texts.notEstimated,
    unit: yearly.intake.value === null ? "text" : "persons",
    source: yearly.intake.source,
  });
  list.push({ key: "operatingYear.savingPerParticipant", label: texts.labelOperatingSaving, value: yearly.savingPerParticipant.estimate, unit: "kr", source: yearly.savingPerParticipant.label });
  list.push({ key: "daysSaved", label: texts.labelDaysSaved, value: profile.daysSaved, unit: "days", source: daysSavedSource(given, horizon, inputs.lang) });
  const horizonSource = given.horizonDays
    ? texts.sourceGivenHorizon
    : inputs.horizonShortened
      ? texts.sourceHorizonShortened(inputs.horizonShortened.requestedDays)
      : given.results
        ? "results.json daysSaved.tau"
        : texts.sourcePrimaryHorizon;
  list.push({ key: "horizonDays", label: texts.labelHorizon, value: horizon, unit: "days", source: horizonSource });
  list.push({ key: "priorWeeks", label: texts.labelPriorWeeks, value: priorWeeks, unit: "weeks", source: given.priorWeeks ? texts.sourceGivenPriorWeeks : texts.sourcePriorWeeksAssumed });
  list.push({ key: "benefitDaysPerWeek", label: texts.labelBenefitDays, value: config.money.benefitDaysPerWeek, unit: "days/week", source: texts.sourceConfig("money.benefitDaysPerWeek") });
  for (const entry of config.money.years) {
    list.push({ key: `maxDailyBenefit.${entry.year}`, label: texts.labelMaxRate(entry.year), value: entry.maxDailyBenefit, unit: "kr/day", source: entry.source });
    list.push({
      key: `cofinancing.${entry.year}`,
      label: texts.labelCofinancing(entry.year),
      value: entry.cofinancing
        .map((step, index) => texts.cofinancingStep(step.fromWeek, index + 1 < entry.cofinancing.length ? entry.cofinancing[index + 1]!.fromWeek - 1 : null, Math.round(step.share * 1000) / 10))
        .join(", "),
      unit: "text",
      source: entry.source,
    });
  }
  for (const year of inputs.programmeYears) {
    list.push({ key: `participants.${year}`, label: texts.labelParticipants(year), value: inputs.intake.intake.get(year)!, unit: "persons", source: inputs.intake.sources.get(year)! });
  }
  for (const entry of config.budget.years) list.push({ key: `cost.${entry.year}`, label: texts.labelCost(entry.year), value: entry.dkk, unit: "kr", source: texts.sourceConfig("budget.years") });
  list.push({
    key: "regionalGrant",
    label: texts.labelRegionalGrant,
    value: inputs.grantShare,
    unit: "share",
    source: config.money.netRegionalGrant ? texts.sourceConfig("money.regionalGrantShare (netRegionalGrant: true)") : texts.sourceGrantNotNetted,
  });
  list.push({ key: "entries", label: texts.labelEntries, value: texts.valueEntries, unit: "text", source: texts.sourceEntries });
  list.push({ key: "pricing", label: texts.labelPricing, value: texts.valuePricing, unit: "text", source: texts.sourcePricing });
  return list;
}

/** What the notes are made from. */
export interface NoteInputs {
  /** The early-look notice (Danish) when the horizon was shortened to the follow-up; null otherwise. */
  horizonShortened: string | null;
  /** Years of the base scenario that are not estimated, with their reason. */
  notEstimatedYears: Pick<BusinessCaseYear, "year" | "notEstimated">[];
  /** The configHash the results were computed with and the current one, when both are known and differ. */
  configHashes: { results: string; current: string } | undefined;
  profile: Profile;
  observed: ObservedIntake | undefined;
  /** daysSaved.estimate of results.json (the measured difference before scaling). */
  reportedDaysSaved: number | null;
  /** Saved days of the continued scenario falling after the last year counted (null for a kroner saving). */
  savedDaysAfterPeriod: number | null;
  /** Their gross saving, a year after the last rate year at that year's rates. */
  savingsAfterPeriod: number;
  /** The area between the published curves and results.json's days to the first exit, when they differ (steps merged for disclosure); null otherwise. Default: null */
  curvesAggregated?: { computed: number; reported: number } | null;
  toYear: number;
  /** The last year of money.years. */
  lastRateYear: number;
  /** Years priced at the last rate year's rates: in the continued scenario, and in the year of operation's saving. */
  carried: { continued: number[]; operating: number[] };
  saving: SavingPerParticipant;
  yearly: YearlyAnswer;
  /** The language of the notes. Default: "da" */
  lang?: Lang;
}

/**
 * The notes, in order: the year of operation (how its interval is computed, whether the
 * intake is projected, why it is not estimated); what the years price when it is the
 * expenditure; an early look at a shortened horizon; another configuration's
 * results; a flat what-if has no interval; suppressed intake read as 0; a year seen in
 * part and not projected; a scaled measured difference; how the uncertainty is computed;
 * the simple calculation; the maximum rate as an upper bound; years not estimated; years
 * priced at the last rate year's rates; the continued programme's saving after the last year.
 */
export function businessCaseNotes(inputs: NoteInputs): string[] {
  const { profile, observed, yearly } = inputs;
  const lang = inputs.lang ?? "da";
  const texts = businessCaseTexts(lang);
  const notes: string[] = [];
  if (yearly.notEstimated !== null) notes.push(texts.noteOperatingNotEstimated(yearly.year, yearly.notEstimated));
  else notes.push(texts.noteOperating(yearly.year, yearly.method));
  if (yearly.intake.method === "seasonal") {
    notes.push(texts.noteIntakeProjected(yearly.year, yearly.intake.observedWeeks.length, yearly.intake.projectedWeeks.length, yearly.intake.referenceYears));
  }
  if (inputs.saving.source === "expenditure") notes.push(texts.noteExpenditure(inputs.saving.tau));
  if (inputs.horizonShortened !== null) notes.push(inputs.horizonShortened);
  if (inputs.configHashes) notes.push(texts.noteOtherConfiguration(inputs.configHashes.results.slice(0, 12), inputs.configHashes.current.slice(0, 12)));
  if (profile.kind === "flat") notes.push(texts.noteFlat);
  if (observed && observed.suppressed.length > 0) notes.push(texts.noteSuppressed(observed.suppressed));
  for (const partial of observed?.notProjected ?? []) notes.push(texts.notePartlyObserved(partial.year, partial.reason));
  if (inputs.curvesAggregated) notes.push(texts.noteCurvesAggregated(inputs.curvesAggregated.computed, inputs.curvesAggregated.reported));
  if (profile.kind === "measured-scaled") notes.push(texts.noteScaled(inputs.reportedDaysSaved ?? 0, profile.daysSaved));
  if (inputs.saving.source === "expenditure") notes.push(texts.noteUncertaintyExpenditure);
  else if (profile.curves) notes.push(texts.noteUncertaintyDelta);
  notes.push(texts.noteSimple);
  notes.push(texts.noteMaxRate);
  for (const year of inputs.notEstimatedYears) notes.push(texts.noteYearNotEstimated(year.year, year.notEstimated!));
  if (inputs.carried.operating.length > 0) notes.push(texts.noteCarriedOperating(inputs.carried.operating, inputs.lastRateYear));
  if (inputs.carried.continued.length > 0) notes.push(texts.noteCarriedContinued(inputs.carried.continued, inputs.lastRateYear));
  if (inputs.savingsAfterPeriod !== 0) {
    const atRatesOf = inputs.savedDaysAfterPeriod !== null && inputs.toYear >= inputs.lastRateYear ? inputs.lastRateYear : null;
    notes.push(texts.noteAfterPeriod(inputs.savedDaysAfterPeriod, inputs.toYear, formatKroner(inputs.savingsAfterPeriod, lang), atRatesOf));
  }
  return notes;
}
