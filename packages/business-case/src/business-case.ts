/**
 * The business case: what the measured (or assumed) effect is worth to the municipality
 * in a year of the programme in operation and per calendar year against the programme's
 * cost, with uncertainty, break-even, sensitivity and the figures the project's own
 * expectation implies. Method and assumptions: packages/business-case/docs/business-case.md.
 * Each step is a function of its own: saved-days-profile.ts, saving-per-participant.ts,
 * pricing.ts (with calendar-placement.ts), intake-projection.ts, yearly-answer.ts,
 * cash-flow.ts (with saving-model.ts), per-participant.ts, break-even.ts, sensitivity.ts,
 * implied-figures.ts, assumptions.ts.
 */
import type { Lang, TrialConfig } from "@jobtrial/core";
import { assumptions, businessCaseNotes, daysSavedSource, type GivenInputs } from "./assumptions.ts";
import { breakEven, type BreakEven } from "./break-even.ts";
import { yearsReached } from "./calendar-placement.ts";
import { cashFlow, type CashFlow, type Plan } from "./cash-flow.ts";
import { formatKroner } from "./format.ts";
import { expectationSaving, impliedFigures } from "./implied-figures.ts";
import { observedIntake, resolveIntake, type ObservedIntake } from "./intake-projection.ts";
import { BusinessCaseError, businessCaseNotice, businessCaseTexts } from "./messages.ts";
import { Z_975 } from "./normal-interval.ts";
import { perParticipant, weekLines } from "./per-participant.ts";
import { carriedForwardYears, configuredPricing } from "./pricing.ts";
import { parseBusinessCaseResults, type BusinessCaseResultsInput } from "./results-input.ts";
import { checkCurve, flatProfile, followUp, measuredProfile, priceProfile } from "./saved-days-profile.ts";
import { savingModel, savingPerParticipant } from "./saving-per-participant.ts";
import { modelHorizon } from "./saving-model.ts";
import type { BusinessCase, BusinessCaseScenario } from "./schema.ts";
import { sensitivity } from "./sensitivity.ts";
import { yearlyAnswer, type YearlyAnswerInputs } from "./yearly-answer.ts";

export interface BusinessCaseOptions {
  /** results.json of `jobtrial analyze` (raw JSON or parsed); the measured curves. Default: none (a what-if) */
  results?: unknown;
  /** Hash of the configuration, compared with the results' configHash (a mismatch is a note, not an error). Default: not compared */
  configHash?: string;
  /**
   * Days saved per participant. Without results: a what-if with the saved days spread evenly
   * over the horizon. With results: the measured curve difference scaled to this area.
   * Default: the measured effect, or the configuration's expectations.daysSaved without results
   */
  daysSaved?: number;
  /** Intervention participants entering per programme year. Default: observed in results (annualized), else implied by the expectation */
  participantsPerYear?: number;
  /** Horizon of the curves in days. Default: results' daysSaved.tau, else evaluation.primaryHorizonDays */
  horizonDays?: number;
  /** Weeks on public support before the first unemployment day (anciennitet). Default: 0 (newly unemployed) */
  priorWeeks?: number;
  /** First calendar year counted. Default: expectations.fromYear */
  fromYear?: number;
  /** Last calendar year counted. Default: expectations.toYear */
  toYear?: number;
  /**
   * The year of operation the headline takes the intake and cost of. Default: the latest year
   * with intake in results.json (counted whole or projected), else the first budget year
   */
  operatingYear?: number;
  /**
   * The language of the result's texts: the sources and labels of the assumptions, the notes,
   * the reasons a figure is not estimated, the scenarios and the sensitivity's labels. Numbers
   * and keys are the same in both. Default: "da"
   */
  lang?: Lang;
}

/** One scenario of the result: its years, total and break-even. */
function scenario(key: BusinessCaseScenario["key"], description: string, flow: CashFlow, even: BreakEven): BusinessCaseScenario {
  return {
    key,
    description,
    years: flow.years,
    total: flow.total,
    breakEvenDaysSaved: even.days,
    breakEvenParticipantsPerYear: even.participants,
    savedDaysAfterPeriod: flow.savedDaysAfterPeriod,
    savingsAfterPeriod: flow.savingsAfterPeriod,
  };
}

/**
 * The days saved results.json reports for the area between its Kaplan-Meier curves:
 * daysSaved, or daysToFirstExit when daysSaved measures days on A-dagpenge (the benefit
 * panel); null when there is none to compare with.
 */
function reportedFirstExitDays(results: BusinessCaseResultsInput): { estimate: number | null; se?: number | null | undefined; tau: number } | null {
  if (results.daysSaved.measure !== "days-on-benefit") return results.daysSaved;
  return results.daysToFirstExit ?? null;
}

/** The default year of operation: the latest year counted or projected in results.json, else the latest seen in part, else the first budget year. */
function defaultOperatingYear(observed: ObservedIntake | undefined, firstBudgetYear: number): number {
  const years = [...(observed?.years.keys() ?? [])];
  if (years.length > 0) return Math.max(...years);
  const partial = (observed?.notProjected ?? []).map((entry) => entry.year);
  return partial.length > 0 ? Math.max(...partial) : firstBudgetYear;
}

/**
 * Computes the business case of a trial configuration. First finance's headline, a year of
 * the programme in operation: the year's intake x the measured saving per participant - the
 * year's cost, with its 95 % interval (delta method) and P(net > 0) (normal approximation),
 * and its break-even. Then the calendar view: gross and net savings per calendar year with
 * their intervals, break-even, sensitivity, a scenario where the programme continues, the
 * saving per participant week by week (and in the simple mode), and the figures the
 * project's expectation implies.
 *
 * The saving per participant is results.json's expenditure difference per citizen when it
 * has one (the benefit panel), else the saved days between the Kaplan-Meier curves priced
 * day by day (`savingPerParticipant`). A partial year's intake is projected with the
 * seasonal pattern of the whole years (`observedIntake`).
 *
 * Phases: validate inputs -> profile of saved days (measured curves, scaled, or flat) ->
 * pricing, intake and costs per year -> saving per participant and the year of operation ->
 * cash flow of each scenario -> per participant and week by week -> break-even,
 * sensitivity, implied figures -> assumptions and notes.
 *
 * Without `results` it is a what-if on `daysSaved` (default: the expectation), spread evenly
 * over the horizon, without intervals. At an early look, when results.json's horizon lies
 * beyond an arm's follow-up, it is computed at the longest horizon with data in both arms and
 * says so (`horizonShortened`, a note); a `horizonDays` given beyond the follow-up is refused.
 * A year no saved day within the horizon reaches is not estimated (null and a reason).
 * Throws `BusinessCaseError` for bad input.
 *
 * @example
 * businessCase(config, { daysSaved: 9, participantsPerYear: 1000 }).years[0].grossSavings
 */
export function businessCase(config: TrialConfig, options: BusinessCaseOptions = {}): BusinessCase {
  const lang = options.lang ?? "da";
  const texts = businessCaseTexts(lang);
  // 1. validate inputs
  const results = options.results === undefined ? undefined : parseBusinessCaseResults(options.results);
  if (results && results.trial.id !== config.id) {
    throw new BusinessCaseError({ code: "results_other_trial", resultsTrial: results.trial.id, configTrial: config.id });
  }
  if (options.daysSaved !== undefined && !(options.daysSaved >= 0)) throw new BusinessCaseError({ code: "negative_days_saved", value: options.daysSaved });
  if (options.participantsPerYear !== undefined && !(options.participantsPerYear >= 0)) {
    throw new BusinessCaseError({ code: "invalid_participants", value: options.participantsPerYear });
  }
  const priorWeeks = options.priorWeeks ?? 0;
  if (!Number.isInteger(priorWeeks) || priorWeeks < 0) throw new BusinessCaseError({ code: "invalid_prior_weeks", value: priorWeeks });
  const requestedHorizon = options.horizonDays ?? results?.daysSaved.tau ?? config.evaluation.primaryHorizonDays;
  if (!Number.isInteger(requestedHorizon) || requestedHorizon <= 0) throw new BusinessCaseError({ code: "invalid_horizon", value: requestedHorizon });
  const fromYear = options.fromYear ?? config.expectations.fromYear;
  const toYear = options.toYear ?? config.expectations.toYear;
  if (toYear < fromYear) throw new BusinessCaseError({ code: "invalid_years", fromYear, toYear });
  if (results) {
    checkCurve(results.km.control, "control");
    checkCurve(results.km.intervention, "intervention");
  }
  // An early look: results.json's horizon beyond an arm's follow-up is answered at the longest
  // horizon with data in both arms, labelled as such; a horizon the user gave is kept (or refused).
  let horizon = requestedHorizon;
  let horizonShortened: BusinessCase["horizonShortened"] = null;
  if (results && options.horizonDays === undefined) {
    const { lastFollowUp, longest } = followUp(results);
    if (requestedHorizon > longest && longest >= 1) {
      horizon = longest;
      horizonShortened = { requestedDays: requestedHorizon, lastFollowUpDays: lastFollowUp };
    }
  }
  const given: GivenInputs = {
    results: results !== undefined,
    daysSaved: options.daysSaved !== undefined,
    horizonDays: options.horizonDays !== undefined,
    priorWeeks: options.priorWeeks !== undefined,
  };

  // 2. profile of saved days
  const profile = results ? measuredProfile(results, horizon, options.daysSaved) : flatProfile(options.daysSaved ?? config.expectations.daysSaved, horizon);
  // The area between the curves must be the days to the first exit results.json reports beside them. analyze
  // publishes the curves with their steps merged to the minimum cell size, which moves the area a little (up to
  // about a seventh of its SE in 200 simulated trials); more than a quarter of the SE means the file mixes analyses.
  const firstExit = results ? reportedFirstExitDays(results) : null;
  const reported = firstExit?.estimate ?? null;
  let curvesAggregated: { computed: number; reported: number } | null = null;
  if (firstExit && reported !== null && profile.kind === "measured" && firstExit.tau === horizon) {
    const difference = Math.abs(profile.daysSaved - reported);
    if (difference > Math.max(1e-6 * Math.max(1, Math.abs(reported)), 0.25 * (firstExit.se ?? 0))) {
      throw new BusinessCaseError({ code: "results_inconsistent", computed: profile.daysSaved, reported, tau: horizon });
    }
    if (difference > 1e-6 * Math.max(1, Math.abs(reported))) curvesAggregated = { computed: profile.daysSaved, reported };
  }
  const measuredSe = results && profile.kind === "measured" ? Math.sqrt(priceProfile(profile, new Array<number>(horizon).fill(1)).variance!) : null;

  // 3. pricing, costs, intake
  const pricing = configuredPricing(config, priorWeeks);
  const budgetYears = config.budget.years.map((entry) => entry.year).sort((a, b) => a - b);
  const lastBudgetYear = budgetYears[budgetYears.length - 1]!;
  const baseCost = new Map(config.budget.years.map((entry) => [entry.year, entry.dkk] as const));
  const firstProgrammeYear = budgetYears[0]!;
  const lastBudget = config.budget.years.find((entry) => entry.year === lastBudgetYear)!.dkk;
  // the intake fallback is what the expectation implies, priced with the measured shape if there is one
  const expectation = expectationSaving(config, profile, pricing, firstProgrammeYear, baseCost.get(firstProgrammeYear) ?? 0);
  const observed = results ? observedIntake(results, lang) : undefined;
  const intakeFallback = expectation.impliedPerYear ?? 0;
  const baseIntake = resolveIntake(budgetYears, options.participantsPerYear, observed, intakeFallback, lang);
  const basePlan: Plan = { programmeYears: budgetYears, intake: baseIntake.intake, cost: baseCost, fromYear, toYear };
  const continuedYears: number[] = [];
  for (let year = firstProgrammeYear; year <= Math.max(toYear, lastBudgetYear); year++) continuedYears.push(year);
  const continuedCost = new Map(continuedYears.map((year) => [year, baseCost.get(year) ?? (year > lastBudgetYear ? lastBudget : 0)] as const));
  const continuedIntake = resolveIntake(continuedYears, options.participantsPerYear, observed, intakeFallback, lang);
  const continuedPlan: Plan = { programmeYears: continuedYears, intake: continuedIntake.intake, cost: continuedCost, fromYear, toYear };
  // the continued programme's saved days may fall after the last rate year: priced at its rates, and said so
  const continuedPricing = { ...pricing, carryForward: true };

  // 4. the saving per participant and the year of operation
  const operatingYear = options.operatingYear ?? defaultOperatingYear(observed, firstProgrammeYear);
  if (!Number.isInteger(operatingYear)) throw new BusinessCaseError({ code: "invalid_years", fromYear: operatingYear, toYear: operatingYear });
  const saving = savingPerParticipant(results, config, { profile, entryYear: operatingYear, priorWeeks }, lang);
  const model = savingModel(saving, profile);
  const yearly = yearlyAnswer(
    yearOfOperation(operatingYear, { results, observed, given: options.participantsPerYear, implied: intakeFallback, saving, baseCost, lastBudgetYear, grantShare: pricing.grantShare, lang }),
    lang,
  );

  // 5. cash flow of each scenario, and its break-even
  const base = cashFlow(model, pricing, basePlan, lang);
  const continued = cashFlow(model, continuedPricing, continuedPlan, lang);
  const baseBreakEven = breakEven(model, pricing, base, basePlan);
  const continuedBreakEven = breakEven(model, continuedPricing, continued, continuedPlan);
  const modelDays = modelHorizon(model);
  const carried = {
    continued: carriedForwardYears(pricing, continuedYears.flatMap((year) => yearsReached(year, modelDays)).filter((year) => year <= toYear)),
    operating: saving.source === "expenditure" ? [] : carriedForwardYears(pricing, yearsReached(operatingYear, horizon)),
  };

  // 6. what finance reads beside the cash flow
  const daysSource = daysSavedSource(given, horizon, lang);
  const notes = businessCaseNotes({
    horizonShortened:
      horizonShortened === null
        ? null
        : saving.source === "expenditure"
          ? businessCaseNotice({ code: "curves_shortened", usedDays: horizon, expenditureDays: saving.tau }, lang)
          : businessCaseNotice(
              {
              code: "horizon_shortened",
              requestedDays: horizonShortened.requestedDays,
              usedDays: horizon,
              lastFollowUp: horizonShortened.lastFollowUpDays,
              expectedDaysSaved: config.expectations.daysSaved,
              },
              lang,
            ),
    notEstimatedYears: base.years.filter((year) => year.notEstimated !== null),
    configHashes: results && options.configHash !== undefined && results.trial.configHash !== options.configHash ? { results: results.trial.configHash, current: options.configHash } : undefined,
    profile,
    observed,
    reportedDaysSaved: reported,
    savedDaysAfterPeriod: continued.savedDaysAfterPeriod,
    savingsAfterPeriod: continued.savingsAfterPeriod,
    curvesAggregated,
    toYear,
    lastRateYear: Math.max(...config.money.years.map((entry) => entry.year)),
    carried,
    saving,
    yearly,
    lang,
  });

  const lastRateYear = Math.max(...config.money.years.map((entry) => entry.year));
  return {
    kind: "jobtrial.business-case",
    version: 1,
    // Danish, the default, writes no lang: a Danish file stays as it was before the field existed
    ...(lang === "da" ? {} : { lang }),
    trial: { id: config.id, name: config.name, configHash: options.configHash ?? null },
    mode: results ? "measured" : "what-if",
    profile: profile.kind,
    uncertaintyMethod: profile.curves || saving.source === "expenditure" ? "delta" : "none",
    horizonDays: horizon,
    horizonShortened,
    priorWeeks,
    yearly,
    savingBasis: saving.source === "expenditure" ? "expenditure" : "days-saved",
    daysSaved: {
      estimate: profile.daysSaved,
      se: profile.kind === "measured" ? measuredSe : null,
      lower: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved - Z_975 * measuredSe : null,
      upper: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved + Z_975 * measuredSe : null,
      source: daysSource,
    },
    assumptions: assumptions({
      config,
      given,
      profile,
      horizonShortened,
      priorWeeks,
      grantShare: pricing.grantShare,
      programmeYears: budgetYears,
      intake: baseIntake,
      yearly,
      operatingYearSource:
        options.operatingYear !== undefined
          ? texts.sourceGivenYear
          : observed && (observed.years.size > 0 || observed.notProjected.length > 0)
            ? texts.sourceLatestIntakeYear
            : texts.sourceFirstBudgetYear,
      lang,
    }),
    perParticipant: perParticipant(profile, pricing, budgetYears),
    weeks: weekLines(profile, pricing, firstProgrammeYear),
    years: base.years,
    total: base.total,
    breakEvenDaysSaved: baseBreakEven.days,
    breakEvenParticipantsPerYear: baseBreakEven.participants,
    breakEvenBasis: baseBreakEven.basis,
    scenarios: [
      scenario("base", texts.scenarioBase(budgetYears, fromYear, toYear), base, baseBreakEven),
      scenario("continued", texts.scenarioContinued(lastBudgetYear, formatKroner(lastBudget, lang), Math.max(toYear, lastBudgetYear), carried.continued, lastRateYear), continued, continuedBreakEven),
    ],
    sensitivity: sensitivity({ model, pricing, plan: basePlan, flow: base, results, horizonsDays: config.evaluation.horizonsDays, lang }),
    implied: impliedFigures(config, expectation, budgetYears, baseCost, observed),
    notes,
  };
}

/** What the year of operation is worked out from. */
interface OperatingContext {
  results: BusinessCaseResultsInput | undefined;
  observed: ObservedIntake | undefined;
  given: number | undefined;
  /** The intake the expectation implies: the what-if's intake without results. */
  implied: number;
  saving: YearlyAnswerInputs["saving"];
  baseCost: Map<number, number>;
  lastBudgetYear: number;
  grantShare: number;
  lang: Lang;
}

/**
 * The inputs of the yearly answer for `year`: its intake (given; counted or projected from
 * results.json; the mean of the years observed; without results what the expectation
 * implies; with results and no year to count or project, not estimated) and its cost (the
 * budget year's, or after the last budget year that year's, the programme continuing).
 */
function yearOfOperation(year: number, context: OperatingContext): YearlyAnswerInputs {
  const { results, observed } = context;
  const texts = businessCaseTexts(context.lang);
  const resolved = resolveIntake([year], context.given, observed, context.implied, context.lang);
  const method = resolved.methods.get(year)!;
  const lastCost = context.baseCost.get(context.lastBudgetYear)!;
  const budgetCost = context.baseCost.get(year);
  const cost = budgetCost ?? (year > context.lastBudgetYear ? lastCost : 0);
  const costSource =
    budgetCost !== undefined
      ? texts.sourceConfig(`budget.years (${year})`)
      : year > context.lastBudgetYear
        ? texts.costContinues(context.lastBudgetYear)
        : texts.costNone(year);
  const common = { year, saving: context.saving, cost, costSource, grantShare: context.grantShare };
  if (results && method === "implied") {
    const partly = observed?.notProjected.find((entry) => entry.year === year);
    const why = partly ? texts.whyPartlyObserved(year, partly.reason) : texts.whyNoIntake(year);
    return {
      ...common,
      intake: { value: null, se: null, method: null, source: why, detail: undefined },
      notEstimated: texts.intakeNotFound(why),
    };
  }
  return { ...common, intake: { value: resolved.intake.get(year)!, se: resolved.se.get(year) ?? null, method, source: resolved.sources.get(year)!, detail: method === "observed" || method === "seasonal" ? observed?.years.get(year) : undefined } };
}
