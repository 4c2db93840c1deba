/**
 * The business case: what the measured (or assumed) effect is worth to the municipality
 * per year against the programme's cost, with uncertainty, break-even, sensitivity and
 * the figures the project's own expectation implies. Method and assumptions:
 * packages/business-case/docs/business-case.md. Each step is a function of its own:
 * saved-days-profile.ts, pricing.ts (with calendar-placement.ts), intake-projection.ts,
 * cash-flow.ts, per-participant.ts, break-even.ts, sensitivity.ts, implied-figures.ts,
 * assumptions.ts.
 */
import type { TrialConfig } from "@jobtrial/core";
import { assumptions, businessCaseNotes, daysSavedSource, type GivenInputs } from "./assumptions.ts";
import { breakEven, type BreakEven } from "./break-even.ts";
import { cashFlow, type CashFlow, type Plan } from "./cash-flow.ts";
import { formatKroner } from "./format.ts";
import { expectationSaving, impliedFigures } from "./implied-figures.ts";
import { observedIntake, resolveIntake } from "./intake-projection.ts";
import { BusinessCaseError, businessCaseNotice } from "./messages.ts";
import { Z_975 } from "./normal-interval.ts";
import { perParticipant, weekLines } from "./per-participant.ts";
import { configuredPricing } from "./pricing.ts";
import { parseBusinessCaseResults } from "./results-input.ts";
import { checkCurve, flatProfile, followUp, measuredProfile, priceProfile } from "./saved-days-profile.ts";
import type { BusinessCase, BusinessCaseScenario } from "./schema.ts";
import { sensitivity } from "./sensitivity.ts";

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
  };
}

/**
 * Computes the business case of a trial configuration: the saving per participant (week by
 * week, and in the simple mode), gross and net savings per calendar year with a 95 %
 * interval and P(net > 0) by the delta method, break-even, sensitivity, a scenario where
 * the programme continues, and the figures the project's expectation implies.
 *
 * Phases: validate inputs -> profile of saved days (measured curves, scaled, or flat) ->
 * pricing, intake and costs per year -> cash flow of each scenario -> per participant and
 * week by week -> break-even, sensitivity, implied figures -> assumptions and notes.
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
  const reported = results?.daysSaved.estimate ?? null;
  if (results && reported !== null && profile.kind === "measured" && results.daysSaved.tau === horizon) {
    if (Math.abs(profile.daysSaved - reported) > 1e-6 * Math.max(1, Math.abs(reported))) {
      throw new BusinessCaseError({ code: "results_inconsistent", computed: profile.daysSaved, reported, tau: horizon });
    }
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
  const observed = results ? observedIntake(results) : undefined;
  const intakeFallback = expectation.impliedPerYear ?? 0;
  const baseIntake = resolveIntake(budgetYears, options.participantsPerYear, observed, intakeFallback);
  const basePlan: Plan = { programmeYears: budgetYears, intake: baseIntake.intake, cost: baseCost, fromYear, toYear };
  const continuedYears: number[] = [];
  for (let year = firstProgrammeYear; year <= Math.max(toYear, lastBudgetYear); year++) continuedYears.push(year);
  const continuedCost = new Map(continuedYears.map((year) => [year, baseCost.get(year) ?? (year > lastBudgetYear ? lastBudget : 0)] as const));
  const continuedIntake = resolveIntake(continuedYears, options.participantsPerYear, observed, intakeFallback);
  const continuedPlan: Plan = { programmeYears: continuedYears, intake: continuedIntake.intake, cost: continuedCost, fromYear, toYear };

  // 4. cash flow of each scenario, and its break-even
  const base = cashFlow(profile, pricing, basePlan);
  const continued = cashFlow(profile, pricing, continuedPlan);
  const baseBreakEven = breakEven(profile, pricing, base, basePlan);
  const continuedBreakEven = breakEven(profile, pricing, continued, continuedPlan);

  // 5. what finance reads beside the cash flow
  const daysSource = daysSavedSource(given, horizon);
  const notes = businessCaseNotes({
    horizonShortened:
      horizonShortened === null
        ? null
        : businessCaseNotice({
            code: "horizon_shortened",
            requestedDays: horizonShortened.requestedDays,
            usedDays: horizon,
            lastFollowUp: horizonShortened.lastFollowUpDays,
            expectedDaysSaved: config.expectations.daysSaved,
          }),
    notEstimatedYears: base.years.filter((year) => year.notEstimated !== null),
    configHashes: results && options.configHash !== undefined && results.trial.configHash !== options.configHash ? { results: results.trial.configHash, current: options.configHash } : undefined,
    profile,
    observed,
    reportedDaysSaved: reported,
    savedDaysAfterPeriod: continued.savedDaysAfterPeriod,
    toYear,
  });

  return {
    kind: "jobtrial.business-case",
    version: 1,
    trial: { id: config.id, name: config.name, configHash: options.configHash ?? null },
    mode: results ? "measured" : "what-if",
    profile: profile.kind,
    uncertaintyMethod: profile.curves ? "delta" : "none",
    horizonDays: horizon,
    horizonShortened,
    priorWeeks,
    daysSaved: {
      estimate: profile.daysSaved,
      se: profile.kind === "measured" ? measuredSe : null,
      lower: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved - Z_975 * measuredSe : null,
      upper: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved + Z_975 * measuredSe : null,
      source: daysSource,
    },
    assumptions: assumptions({ config, given, profile, horizonShortened, priorWeeks, grantShare: pricing.grantShare, programmeYears: budgetYears, intake: baseIntake }),
    perParticipant: perParticipant(profile, pricing, budgetYears),
    weeks: weekLines(profile, pricing, firstProgrammeYear),
    years: base.years,
    total: base.total,
    breakEvenDaysSaved: baseBreakEven.days,
    breakEvenParticipantsPerYear: baseBreakEven.participants,
    breakEvenBasis: baseBreakEven.basis,
    scenarios: [
      scenario("base", `Projektperioden: budget ${budgetYears.join(", ")}, besparelser ${fromYear}-${toYear}`, base, baseBreakEven),
      scenario(
        "continued",
        `Indsatsen fortsætter efter ${lastBudgetYear} til samme udgift (${formatKroner(lastBudget)} om året) og samme indtag til og med ${Math.max(toYear, lastBudgetYear)}`,
        continued,
        continuedBreakEven,
      ),
    ],
    sensitivity: sensitivity({ profile, pricing, plan: basePlan, flow: base, results, horizonsDays: config.evaluation.horizonsDays }),
    implied: impliedFigures(config, expectation, budgetYears, baseCost, observed),
    notes,
  };
}
