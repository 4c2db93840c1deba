/**
 * The business case: what the measured (or assumed) effect is worth to the municipality
 * per year against the programme's cost, with uncertainty, break-even, sensitivity and
 * the figures the project's own expectation implies. Method and assumptions:
 * packages/business-case/docs/business-case.md.
 */
import {
  addDays,
  daysBetween,
  isoWeekEnd,
  isoWeekStart,
  type IsoDate,
  type IsoWeek,
  type MoneyYear,
  type TrialConfig,
} from "@jobtrial/core";
import { formatKroner } from "./format.ts";
import { BusinessCaseError } from "./messages.ts";
import { parseBusinessCaseResults, type BusinessCaseResultsInput, type KmRow } from "./results-input.ts";
import type { BusinessCase, BusinessCaseAssumption, BusinessCaseScenario, BusinessCaseYear } from "./schema.ts";
import { dailySurvivalAreas, weightedSurvivalArea } from "./weighted-area.ts";

/** 97.5 % quantile of the standard normal. */
const Z_975 = 1.959963984540054;

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

interface Profile {
  /** Difference S_control - S_intervention integrated over each day [k, k+1). */
  diffAreas: number[];
  daysSaved: number;
  kind: "measured" | "measured-scaled" | "flat";
  /** Curves for the delta method (measured profiles only) and the factor the difference was scaled by. */
  curves?: { control: KmRow[]; intervention: KmRow[]; scale: number };
}

interface Pricing {
  money: TrialConfig["money"];
  /** Multiplies the benefit rates (sensitivity). */
  rateFactor: number;
  /** Added to every co-financing share, then clamped to [0, 1] (sensitivity). */
  shareShift: number;
  priorWeeks: number;
  /** Share of gross savings taken back by the regional grant (0 when not netted). */
  grantShare: number;
}

interface Plan {
  programmeYears: number[];
  intake: Map<number, number>;
  cost: Map<number, number>;
  fromYear: number;
  toYear: number;
}

// ---------------------------------------------------------------- calendar and prices

function yearLength(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Days from 1 January of `from` to 1 January of `to`. */
function daysBetweenYears(from: number, to: number): number {
  let days = 0;
  for (let year = from; year < to; year++) days += yearLength(year);
  for (let year = to; year < from; year++) days -= yearLength(year);
  return days;
}

/**
 * Share of entries of year `entryYear` (uniform over its days) whose spell day k falls in
 * calendar year `year`: entry day d in [0, L) counts when d + k lies in that year.
 */
function calendarFraction(entryYear: number, year: number, day: number): number {
  const start = daysBetweenYears(entryYear, year);
  const end = start + yearLength(year);
  const length = yearLength(entryYear);
  return Math.max(0, Math.min(length, end - day) - Math.max(0, start - day)) / length;
}

function moneyYear(pricing: Pricing, year: number): MoneyYear {
  const entry = pricing.money.years.find((candidate) => candidate.year === year);
  if (!entry) throw new BusinessCaseError({ code: "rate_year_missing", year, configured: pricing.money.years.map((candidate) => candidate.year) });
  return entry;
}

function benefitPerCalendarDay(pricing: Pricing, year: number): number {
  return (moneyYear(pricing, year).maxDailyBenefit * pricing.money.benefitDaysPerWeek * pricing.rateFactor) / 7;
}

/** Co-financing share in `year` for week `supportWeek` of total time on public support. */
function cofinancingShare(pricing: Pricing, year: number, supportWeek: number): number {
  let share = 0;
  for (const step of moneyYear(pricing, year).cofinancing) if (step.fromWeek <= supportWeek) share = step.share;
  return Math.min(1, Math.max(0, share + pricing.shareShift));
}

function supportWeekOfDay(pricing: Pricing, day: number): number {
  return Math.floor(day / 7) + 1 + pricing.priorWeeks;
}

/** Municipal cost of one calendar day of unemployment on spell day `day` falling in `year`. */
function dayPrice(pricing: Pricing, year: number, day: number): number {
  return benefitPerCalendarDay(pricing, year) * cofinancingShare(pricing, year, supportWeekOfDay(pricing, day));
}

/** Years in which spell days 0..horizon-1 of entries in `entryYear` can fall. */
function yearsReached(entryYear: number, horizon: number): number[] {
  const years = [entryYear];
  let reached = yearLength(entryYear);
  while (reached < horizon - 1 + yearLength(entryYear)) {
    const next = years[years.length - 1]! + 1;
    years.push(next);
    reached += yearLength(next);
  }
  return years;
}

// ---------------------------------------------------------------- priced sums

interface Priced {
  value: number;
  /** Delta-method variance; null for profiles without curves. */
  variance: number | null;
}

/** sum_k diff_k w_k, with the delta-method variance from both arms' event tables. */
function priceProfile(profile: Profile, weights: number[]): Priced {
  let value = 0;
  for (let day = 0; day < profile.diffAreas.length; day++) value += profile.diffAreas[day]! * weights[day]!;
  if (!profile.curves) return { value, variance: null };
  const horizon = profile.diffAreas.length;
  const control = weightedSurvivalArea(profile.curves.control, weights, horizon);
  const intervention = weightedSurvivalArea(profile.curves.intervention, weights, horizon);
  return { value, variance: profile.curves.scale ** 2 * (control.variance + intervention.variance) };
}

/** Price per day for one participant entering in `entryYear`, over every year the days fall in. */
function participantWeights(pricing: Pricing, entryYear: number, horizon: number): number[] {
  const weights = new Array<number>(horizon).fill(0);
  for (const year of yearsReached(entryYear, horizon)) {
    for (let day = 0; day < horizon; day++) {
      const fraction = calendarFraction(entryYear, year, day);
      if (fraction > 0) weights[day]! += fraction * dayPrice(pricing, year, day);
    }
  }
  return weights;
}

/** Price per day of all cohorts' saved days falling in calendar `year`. */
function yearWeights(pricing: Pricing, plan: Plan, year: number, horizon: number): number[] {
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

function interval(value: number, variance: number | null, factor: number) {
  if (variance === null) return { se: null, lower: null, upper: null, probabilityPositive: null };
  const se = Math.sqrt(variance) * factor;
  return {
    se,
    lower: value - Z_975 * se,
    upper: value + Z_975 * se,
    // With no spread (nothing saved, nothing spent) the sign is not uncertain but there is no probability to state.
    probabilityPositive: se > 0 ? normalCdf(value / se) : value === 0 ? null : value > 0 ? 1 : 0,
  };
}

/** Standard normal CDF via erfc (Numerical Recipes erfcc, relative error below 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

interface Evaluation {
  years: BusinessCaseYear[];
  total: BusinessCaseScenario["total"];
  /** Total gross minus grant over the years (what break-even divides). */
  netGross: number;
  totalCost: number;
  savedDaysAfterPeriod: number;
}

function evaluate(profile: Profile, pricing: Pricing, plan: Plan): Evaluation {
  const horizon = profile.diffAreas.length;
  const keep = 1 - pricing.grantShare;
  const years: BusinessCaseYear[] = [];
  const totalWeights = new Array<number>(horizon).fill(0);
  for (let year = plan.fromYear; year <= plan.toYear; year++) {
    const weights = yearWeights(pricing, plan, year, horizon);
    weights.forEach((weight, day) => (totalWeights[day]! += weight));
    const gross = priceProfile(profile, weights);
    const cost = plan.cost.get(year) ?? 0;
    const regionalGrant = gross.value * pricing.grantShare;
    const net = gross.value - regionalGrant - cost;
    years.push({ year, participants: plan.intake.get(year) ?? 0, cost, grossSavings: gross.value, regionalGrant, netSavings: net, ...interval(net, gross.variance, keep) });
  }
  const gross = priceProfile(profile, totalWeights);
  const totalCost = years.reduce((sum, entry) => sum + entry.cost, 0);
  const regionalGrant = gross.value * pricing.grantShare;
  const net = gross.value - regionalGrant - totalCost;
  let savedDaysAfterPeriod = 0;
  for (const entryYear of plan.programmeYears) {
    const participants = plan.intake.get(entryYear) ?? 0;
    for (const year of yearsReached(entryYear, horizon)) {
      if (year <= plan.toYear) continue;
      for (let day = 0; day < horizon; day++) savedDaysAfterPeriod += participants * calendarFraction(entryYear, year, day) * profile.diffAreas[day]!;
    }
  }
  return {
    years,
    total: { fromYear: plan.fromYear, toYear: plan.toYear, cost: totalCost, grossSavings: gross.value, regionalGrant, netSavings: net, ...interval(net, gross.variance, keep) },
    netGross: gross.value - regionalGrant,
    totalCost,
    savedDaysAfterPeriod,
  };
}

// ---------------------------------------------------------------- profiles

function checkCurve(rows: KmRow[], arm: "control" | "intervention"): void {
  for (let row = 1; row < rows.length; row++) {
    if (!(rows[row]!.time > rows[row - 1]!.time)) throw new BusinessCaseError({ code: "km_not_sorted", arm, row });
    if (rows[row]!.surv > rows[row - 1]!.surv + 1e-12) throw new BusinessCaseError({ code: "km_survival_increases", arm, row });
  }
}

function measuredProfile(results: BusinessCaseResultsInput, horizon: number, targetDays: number | undefined): Profile {
  for (const arm of ["control", "intervention"] as const) {
    const lastTime = results.km[arm][results.km[arm].length - 1]!.time;
    if (horizon > lastTime) throw new BusinessCaseError({ code: "horizon_beyond_follow_up", horizon, arm, lastTime });
  }
  const control = dailySurvivalAreas(results.km.control, horizon);
  const intervention = dailySurvivalAreas(results.km.intervention, horizon);
  const raw = control.map((area, day) => area - intervention[day]!);
  const measuredDays = raw.reduce((sum, area) => sum + area, 0);
  if (targetDays === undefined) {
    return { diffAreas: raw, daysSaved: measuredDays, kind: "measured", curves: { control: results.km.control, intervention: results.km.intervention, scale: 1 } };
  }
  if (measuredDays <= 0) return flatProfile(targetDays, horizon);
  const scale = targetDays / measuredDays;
  return {
    diffAreas: raw.map((area) => area * scale),
    daysSaved: targetDays,
    kind: "measured-scaled",
    curves: { control: results.km.control, intervention: results.km.intervention, scale },
  };
}

/** Saved days spread evenly over the horizon: the difference of the curves is days / horizon on every day. */
function flatProfile(days: number, horizon: number): Profile {
  return { diffAreas: new Array<number>(horizon).fill(days / horizon), daysSaved: days, kind: "flat" };
}

function scaleProfile(profile: Profile, factor: number): Profile {
  const scaled: Profile = { diffAreas: profile.diffAreas.map((area) => area * factor), daysSaved: profile.daysSaved * factor, kind: profile.kind };
  if (profile.curves) scaled.curves = { ...profile.curves, scale: profile.curves.scale * factor };
  return scaled;
}

// ---------------------------------------------------------------- intake

interface IntakeResolution {
  intake: Map<number, number>;
  sources: Map<number, string>;
}

/** The intake window the counts cover: intake.from/to, else the first week of byWeek to the day before asOf (or the last week's Sunday). */
function intakeWindow(results: BusinessCaseResultsInput): { from: string; to: string } | undefined {
  const weeks = results.intake.byWeek ?? [];
  const from = results.intake.from ?? (weeks.length > 0 ? isoWeekStart(weeks[0]!.week as IsoWeek) : undefined);
  let to = results.intake.to;
  if (to === undefined && weeks.length > 0) to = isoWeekEnd(weeks[weeks.length - 1]!.week as IsoWeek);
  if (to === undefined && results.asOf !== undefined) to = addDays(results.asOf as IsoDate, -1);
  else if (to !== undefined && results.asOf !== undefined && results.intake.to === undefined && results.asOf <= to) to = addDays(results.asOf as IsoDate, -1);
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

/** Intervention entries per year from the results, annualized over the intake window when it is known. */
function observedIntake(results: BusinessCaseResultsInput): { byYear: Map<number, number>; note: string; suppressed: number[] } {
  const byYear = new Map<number, number>();
  const suppressed: number[] = [];
  const window = intakeWindow(results);
  for (const entry of results.intake.byYear) {
    if (entry.intervention === null) suppressed.push(entry.year);
    const count = entry.intervention ?? 0;
    if (window) {
      const yearStart = `${entry.year}-01-01`;
      const yearEnd = `${entry.year}-12-31`;
      const start = window.from > yearStart ? window.from : yearStart;
      const end = window.to < yearEnd ? window.to : yearEnd;
      if (end < start) continue;
      const covered = daysBetween(start as IsoDate, end as IsoDate) + 1;
      byYear.set(entry.year, (count * yearLength(entry.year)) / covered);
    } else {
      byYear.set(entry.year, count);
    }
  }
  const note = window
    ? `registret (results.json), indsatsgruppen, omregnet til helår ud fra indtag ${window.from} til ${window.to}`
    : "registret (results.json), indsatsgruppen, optalt pr. år (intet indtagsvindue i results.json, ikke omregnet til helår)";
  return { byYear, note, suppressed };
}

function resolveIntake(years: number[], given: number | undefined, observed: ReturnType<typeof observedIntake> | undefined, implied: number): IntakeResolution {
  const intake = new Map<number, number>();
  const sources = new Map<number, string>();
  const observedValues = observed ? [...observed.byYear.values()] : [];
  const observedMean = observedValues.length > 0 ? observedValues.reduce((sum, value) => sum + value, 0) / observedValues.length : undefined;
  for (const year of years) {
    if (given !== undefined) {
      intake.set(year, given);
      sources.set(year, "angivet (--participants-per-year)");
    } else if (observed && observed.byYear.has(year)) {
      intake.set(year, observed.byYear.get(year)!);
      sources.set(year, observed.note);
    } else if (observed && observedMean !== undefined) {
      intake.set(year, observedMean);
      sources.set(year, "gennemsnit af de observerede år i registret (året er ikke observeret)");
    } else {
      intake.set(year, implied);
      sources.set(year, "implicit i projektets forventning (konfigurationens expectations)");
    }
  }
  return { intake, sources };
}

// ---------------------------------------------------------------- the public function

/**
 * Computes the business case of a trial configuration: the saving per participant (week by
 * week, and in the simple mode), gross and net savings per calendar year with a 95 %
 * interval and P(net > 0) by the delta method, break-even, sensitivity, a scenario where
 * the programme continues, and the figures the project's expectation implies.
 *
 * Phases: validate inputs -> profile of saved days (measured curves, scaled, or flat) ->
 * intake and costs per year -> price each day by calendar year and co-financing week ->
 * evaluate years, per participant, scenarios -> break-even, sensitivity, implied figures.
 *
 * Without `results` it is a what-if on `daysSaved` (default: the expectation), spread evenly
 * over the horizon, without intervals. Throws `BusinessCaseError` for bad input.
 *
 * @example
 * businessCase(config, { daysSaved: 9, participantsPerYear: 1000 }).years[0].grossSavings
 */
export function businessCase(config: TrialConfig, options: BusinessCaseOptions = {}): BusinessCase {
  // validate inputs
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
  const horizon = options.horizonDays ?? results?.daysSaved.tau ?? config.evaluation.primaryHorizonDays;
  if (!Number.isInteger(horizon) || horizon <= 0) throw new BusinessCaseError({ code: "invalid_horizon", value: horizon });
  const fromYear = options.fromYear ?? config.expectations.fromYear;
  const toYear = options.toYear ?? config.expectations.toYear;
  if (toYear < fromYear) throw new BusinessCaseError({ code: "invalid_years", fromYear, toYear });
  const notes: string[] = [];
  if (results) {
    checkCurve(results.km.control, "control");
    checkCurve(results.km.intervention, "intervention");
    if (options.configHash !== undefined && results.trial.configHash !== options.configHash) {
      notes.push(
        `Resultaterne er beregnet med en anden udgave af konfigurationen (hash ${results.trial.configHash.slice(0, 12)} mod ${options.configHash.slice(0, 12)}); kurverne bruges, satser og budget tages fra den nuværende konfiguration.`,
      );
    }
  }

  // profile of saved days
  const profile = results ? measuredProfile(results, horizon, options.daysSaved) : flatProfile(options.daysSaved ?? config.expectations.daysSaved, horizon);
  const reported = results?.daysSaved.estimate ?? null;
  if (results && reported !== null && profile.kind === "measured" && results.daysSaved.tau === horizon) {
    if (Math.abs(profile.daysSaved - reported) > 1e-6 * Math.max(1, Math.abs(reported))) {
      throw new BusinessCaseError({ code: "results_inconsistent", computed: profile.daysSaved, reported, tau: horizon });
    }
  }
  const measuredSe = results && profile.kind === "measured" ? Math.sqrt(priceProfile(profile, new Array<number>(horizon).fill(1)).variance!) : null;

  // pricing, costs, intake
  const pricing: Pricing = {
    money: config.money,
    rateFactor: 1,
    shareShift: 0,
    priorWeeks,
    grantShare: config.money.netRegionalGrant ? config.money.regionalGrantShare : 0,
  };
  const budgetYears = config.budget.years.map((entry) => entry.year).sort((a, b) => a - b);
  const baseCost = new Map(config.budget.years.map((entry) => [entry.year, entry.dkk] as const));
  const firstProgrammeYear = budgetYears[0]!;
  const lastBudget = config.budget.years.find((entry) => entry.year === budgetYears[budgetYears.length - 1])!.dkk;

  // implied figures need the saving per participant at the expected days, with the measured shape if there is one
  const expectedDays = config.expectations.daysSaved;
  const expectedProfile = results && profile.daysSaved > 0 && profile.kind !== "flat" ? scaleProfile(profile, expectedDays / profile.daysSaved) : flatProfile(expectedDays, horizon);
  const savingAtExpected = priceProfile(expectedProfile, participantWeights(pricing, firstProgrammeYear, horizon)).value;
  const firstYearCost = baseCost.get(firstProgrammeYear) ?? 0;
  const impliedPerYear = savingAtExpected > 0 ? (firstYearCost + config.expectations.netSavingsPerYear) / savingAtExpected : null;

  const observed = results ? observedIntake(results) : undefined;
  const intakeFallback = impliedPerYear ?? 0;
  const baseIntake = resolveIntake(budgetYears, options.participantsPerYear, observed, intakeFallback);
  const basePlan: Plan = { programmeYears: budgetYears, intake: baseIntake.intake, cost: baseCost, fromYear, toYear };

  const continuedYears: number[] = [];
  for (let year = firstProgrammeYear; year <= Math.max(toYear, budgetYears[budgetYears.length - 1]!); year++) continuedYears.push(year);
  const continuedCost = new Map(continuedYears.map((year) => [year, baseCost.get(year) ?? (year > budgetYears[budgetYears.length - 1]! ? lastBudget : 0)] as const));
  const continuedIntake = resolveIntake(continuedYears, options.participantsPerYear, observed, intakeFallback);
  const continuedPlan: Plan = { programmeYears: continuedYears, intake: continuedIntake.intake, cost: continuedCost, fromYear, toYear };

  // evaluate
  const base = evaluate(profile, pricing, basePlan);
  const continued = evaluate(profile, pricing, continuedPlan);
  const breakEven = (evaluation: Evaluation, plan: Plan) => {
    const meanIntake = plan.programmeYears.reduce((sum, year) => sum + (plan.intake.get(year) ?? 0), 0) / plan.programmeYears.length;
    let days: number | null = null;
    let basis: "measured" | "flat" = profile.kind === "flat" ? "flat" : "measured";
    if (profile.daysSaved > 0 && evaluation.netGross > 0) {
      days = (profile.daysSaved * evaluation.totalCost) / evaluation.netGross;
    } else {
      basis = "flat";
      const perDay = evaluate(flatProfile(1, horizon), pricing, plan).netGross;
      days = perDay > 0 ? evaluation.totalCost / perDay : null;
    }
    const participants = evaluation.netGross > 0 ? (meanIntake * evaluation.totalCost) / evaluation.netGross : null;
    return { days, participants, basis };
  };
  const baseBreakEven = breakEven(base, basePlan);
  const continuedBreakEven = breakEven(continued, continuedPlan);

  const perParticipant = budgetYears.map((entryYear) => {
    const priced = priceProfile(profile, participantWeights(pricing, entryYear, horizon));
    const money = moneyYear(pricing, entryYear);
    let shareSum = 0;
    for (let day = 0; day < horizon; day++) shareSum += cofinancingShare(pricing, entryYear, supportWeekOfDay(pricing, day));
    const averageShare = shareSum / horizon;
    const perDay = benefitPerCalendarDay(pricing, entryYear);
    const { se, lower, upper } = interval(priced.value, priced.variance, 1);
    return {
      entryYear,
      saving: priced.value,
      se,
      lower,
      upper,
      simple: {
        daysSaved: profile.daysSaved,
        maxDailyBenefit: money.maxDailyBenefit,
        benefitDaysPerWeek: config.money.benefitDaysPerWeek,
        benefitPerCalendarDay: perDay,
        averageShare,
        saving: profile.daysSaved * perDay * averageShare,
      },
    };
  });

  const firstWeights = participantWeights(pricing, firstProgrammeYear, horizon);
  const weeks = [];
  for (let week = 1; (week - 1) * 7 < horizon; week++) {
    let daysSaved = 0;
    let saving = 0;
    for (let day = (week - 1) * 7; day < Math.min(week * 7, horizon); day++) {
      daysSaved += profile.diffAreas[day]!;
      saving += profile.diffAreas[day]! * firstWeights[day]!;
    }
    const supportWeek = week + priorWeeks;
    weeks.push({ week, supportWeek, daysSaved, share: cofinancingShare(pricing, firstProgrammeYear, supportWeek), saving });
  }

  // sensitivity on total net savings of the base scenario
  const netWith = (change: { pricing?: Partial<Pricing>; intakeFactor?: number; profile?: Profile }) => {
    const plan: Plan = change.intakeFactor === undefined ? basePlan : { ...basePlan, intake: new Map([...basePlan.intake].map(([year, n]) => [year, n * change.intakeFactor!])) };
    return evaluate(change.profile ?? profile, { ...pricing, ...change.pricing }, plan).total.netSavings;
  };
  const sensitivity: BusinessCase["sensitivity"] = [];
  const addLine = (key: string, label: string, lowValue: string, highValue: string, netLow: number, netHigh: number) =>
    sensitivity.push({ key, label, lowValue, highValue, netLow, netHigh, impact: Math.abs(netHigh - netLow) });
  addLine("benefitRate", "Dagpengesats", "-10 %", "+10 %", netWith({ pricing: { rateFactor: 0.9 } }), netWith({ pricing: { rateFactor: 1.1 } }));
  addLine("cofinancing", "Kommunal medfinansiering (alle trin)", "-10 procentpoint", "+10 procentpoint", netWith({ pricing: { shareShift: -0.1 } }), netWith({ pricing: { shareShift: 0.1 } }));
  addLine("intake", "Deltagere pr. år", "-20 %", "+20 %", netWith({ intakeFactor: 0.8 }), netWith({ intakeFactor: 1.2 }));
  if (base.total.lower !== null && base.total.upper !== null) {
    addLine("effect", "Effekt (95 %-interval, deltametoden)", "nedre grænse", "øvre grænse", base.total.lower, base.total.upper);
  } else {
    addLine("effect", "Effekt (sparede dage)", "-25 %", "+25 %", netWith({ profile: scaleProfile(profile, 0.75) }), netWith({ profile: scaleProfile(profile, 1.25) }));
  }
  const horizons = [...new Set([...config.evaluation.horizonsDays, horizon])].sort((a, b) => a - b);
  const horizonNets: { horizon: number; net: number }[] = [];
  for (const candidate of horizons) {
    if (candidate === horizon) {
      horizonNets.push({ horizon: candidate, net: base.total.netSavings });
      continue;
    }
    if (results) {
      const lastTime = Math.min(results.km.control.at(-1)!.time, results.km.intervention.at(-1)!.time);
      if (candidate > lastTime) continue;
      const candidateProfile = measuredProfile(results, candidate, undefined);
      const scaled = profile.curves ? scaleProfile(candidateProfile, profile.curves.scale) : candidateProfile;
      horizonNets.push({ horizon: candidate, net: evaluate(profile.kind === "flat" ? flatProfile(profile.daysSaved, candidate) : scaled, pricing, basePlan).total.netSavings });
    } else {
      horizonNets.push({ horizon: candidate, net: evaluate(flatProfile(profile.daysSaved, candidate), pricing, basePlan).total.netSavings });
    }
  }
  if (horizonNets.length > 1) {
    const low = horizonNets[0]!;
    const high = horizonNets[horizonNets.length - 1]!;
    addLine("horizon", "Horisont (dage)", `${low.horizon} dage`, `${high.horizon} dage`, low.net, high.net);
  }
  addLine("priorWeeks", "Forudgående uger på offentlig forsørgelse (anciennitet)", `${priorWeeks} uger`, `${priorWeeks + 26} uger`, base.total.netSavings, netWith({ pricing: { priorWeeks: priorWeeks + 26 } }));
  const grantHigh = Math.max(0.5, pricing.grantShare);
  addLine("regionalGrant", "Modregning af beskæftigelsestilskud", "0 %", `${Math.round(grantHigh * 100)} %`, netWith({ pricing: { grantShare: 0 } }), netWith({ pricing: { grantShare: grantHigh } }));
  sensitivity.sort((a, b) => b.impact - a.impact);

  // implied figures
  const programmeWeeks = config.protocol.programmeWeeks;
  const expectationYears = config.expectations.toYear - config.expectations.fromYear + 1;
  let expectationCost = 0;
  for (let year = config.expectations.fromYear; year <= config.expectations.toYear; year++) expectationCost += baseCost.get(year) ?? 0;
  const observedValues = observed ? [...observed.byYear.values()] : [];
  const observedPerYear = observedValues.length > 0 ? observedValues.reduce((sum, value) => sum + value, 0) / observedValues.length : null;
  const implied = {
    expectedDaysSaved: expectedDays,
    expectedNetSavingsPerYear: config.expectations.netSavingsPerYear,
    savingPerParticipantAtExpected: savingAtExpected,
    impliedParticipantsPerYear: impliedPerYear,
    impliedParticipantsPerWeek: impliedPerYear === null ? null : impliedPerYear / 52,
    impliedInProgrammeAtOnce: impliedPerYear === null ? null : (impliedPerYear / 52) * programmeWeeks,
    impliedParticipantsPerYearWholePeriod:
      savingAtExpected > 0 ? (expectationCost + config.expectations.netSavingsPerYear * expectationYears) / (savingAtExpected * budgetYears.length) : null,
    observedParticipantsPerYear: observedPerYear,
    observedParticipantsPerWeek: observedPerYear === null ? null : observedPerYear / 52,
  };

  // assumptions, each with its source
  const assumptions: BusinessCaseAssumption[] = [];
  const daysSource = results
    ? options.daysSaved !== undefined
      ? "angivet (--days-saved); den målte forskel mellem kurverne skaleret til dette areal"
      : `målt: forskel i restricted mean (kontrol - indsats) op til ${horizon} dage fra Kaplan-Meier-kurverne i results.json`
    : options.daysSaved !== undefined
      ? "angivet (--days-saved), hvad-nu-hvis; de sparede dage fordelt jævnt over horisonten"
      : "konfigurationens expectations.daysSaved (projektets forventning), hvad-nu-hvis; fordelt jævnt over horisonten";
  assumptions.push({ key: "daysSaved", label: "Sparede dage pr. deltager", value: profile.daysSaved, unit: "days", source: daysSource });
  assumptions.push({ key: "horizonDays", label: "Horisont", value: horizon, unit: "days", source: options.horizonDays !== undefined ? "angivet (--horizon)" : results ? "results.json daysSaved.tau" : "konfigurationens evaluation.primaryHorizonDays" });
  assumptions.push({ key: "priorWeeks", label: "Forudgående uger på offentlig forsørgelse", value: priorWeeks, unit: "weeks", source: options.priorWeeks !== undefined ? "angivet (--prior-weeks)" : "antagelse: nyledige, uge 1 af offentlig forsørgelse er første ledighedsdag" });
  assumptions.push({ key: "benefitDaysPerWeek", label: "Dagpengedage pr. uge", value: config.money.benefitDaysPerWeek, unit: "days/week", source: "konfigurationens money.benefitDaysPerWeek" });
  for (const entry of config.money.years) {
    assumptions.push({ key: `maxDailyBenefit.${entry.year}`, label: `Højeste dagpengesats ${entry.year} (pr. dagpengedag)`, value: entry.maxDailyBenefit, unit: "kr/day", source: entry.source });
    assumptions.push({
      key: `cofinancing.${entry.year}`,
      label: `Kommunal medfinansiering ${entry.year}`,
      value: entry.cofinancing.map((step, index) => `uge ${step.fromWeek}${index + 1 < entry.cofinancing.length ? `-${entry.cofinancing[index + 1]!.fromWeek - 1}` : "+"}: ${Math.round(step.share * 1000) / 10} %`).join(", "),
      unit: "text",
      source: entry.source,
    });
  }
  for (const year of budgetYears) {
    assumptions.push({ key: `participants.${year}`, label: `Deltagere i indsatsen ${year}`, value: baseIntake.intake.get(year)!, unit: "persons", source: baseIntake.sources.get(year)! });
  }
  for (const entry of config.budget.years) assumptions.push({ key: `cost.${entry.year}`, label: `Projektudgift ${entry.year}`, value: entry.dkk, unit: "kr", source: "konfigurationens budget.years" });
  assumptions.push({
    key: "regionalGrant",
    label: "Modregning af beskæftigelsestilskud",
    value: pricing.grantShare,
    unit: "share",
    source: config.money.netRegionalGrant ? "konfigurationens money.regionalGrantShare (netRegionalGrant: true)" : "ikke modregnet (konfigurationens money.netRegionalGrant: false)",
  });
  assumptions.push({ key: "entries", label: "Indtræden i løbet af året", value: "jævnt fordelt over årets dage", unit: "text", source: "antagelse (ingen indtrædelsesdatoer i results.json)" });
  assumptions.push({ key: "pricing", label: "Prisfastsættelse", value: "hver sparet dag til satsen og medfinansieringen i det kalenderår, dagen falder i", unit: "text", source: "metode, se docs/business-case.md" });

  if (profile.kind === "flat") notes.push("Hvad-nu-hvis: de sparede dage er fordelt jævnt over horisonten; uden målte kurver er der intet usikkerhedsinterval.");
  if (observed && observed.suppressed.length > 0) notes.push(`Indtaget i indsatsgruppen er diskretioneret (under mindste celle) for ${observed.suppressed.join(", ")} og regnet som 0.`);
  if (profile.kind === "measured-scaled") notes.push(`Den målte forskel mellem kurverne (${(reported ?? 0).toFixed(2)} dage) er skaleret til ${profile.daysSaved} dage; intervallet er skaleret med.`);
  if (profile.curves) notes.push("Usikkerhed: deltametoden (Greenwood-type varians af den prisvægtede forskel mellem Kaplan-Meier-kurverne); interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.");
  notes.push("Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.");
  if (continued.savedDaysAfterPeriod > 0) notes.push(`Fortsat drift: ${continued.savedDaysAfterPeriod.toFixed(0)} sparede dage falder efter ${toYear} og er ikke talt med.`);

  const continuedScenario: BusinessCaseScenario = {
    key: "continued",
    description: `Indsatsen fortsætter efter ${budgetYears[budgetYears.length - 1]} til samme udgift (${formatKroner(lastBudget)} om året) og samme indtag til og med ${Math.max(toYear, budgetYears[budgetYears.length - 1]!)}`,
    years: continued.years,
    total: continued.total,
    breakEvenDaysSaved: continuedBreakEven.days,
    breakEvenParticipantsPerYear: continuedBreakEven.participants,
    savedDaysAfterPeriod: continued.savedDaysAfterPeriod,
  };
  const baseScenario: BusinessCaseScenario = {
    key: "base",
    description: `Projektperioden: budget ${budgetYears.join(", ")}, besparelser ${fromYear}-${toYear}`,
    years: base.years,
    total: base.total,
    breakEvenDaysSaved: baseBreakEven.days,
    breakEvenParticipantsPerYear: baseBreakEven.participants,
    savedDaysAfterPeriod: base.savedDaysAfterPeriod,
  };

  return {
    kind: "jobtrial.business-case",
    version: 1,
    trial: { id: config.id, name: config.name, configHash: options.configHash ?? null },
    mode: results ? "measured" : "what-if",
    profile: profile.kind,
    uncertaintyMethod: profile.curves ? "delta" : "none",
    horizonDays: horizon,
    priorWeeks,
    daysSaved: {
      estimate: profile.daysSaved,
      se: profile.kind === "measured" ? measuredSe : null,
      lower: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved - Z_975 * measuredSe : null,
      upper: profile.kind === "measured" && measuredSe !== null ? profile.daysSaved + Z_975 * measuredSe : null,
      source: daysSource,
    },
    assumptions,
    perParticipant,
    weeks,
    years: base.years,
    total: base.total,
    breakEvenDaysSaved: baseBreakEven.days,
    breakEvenParticipantsPerYear: baseBreakEven.participants,
    breakEvenBasis: baseBreakEven.basis,
    scenarios: [baseScenario, continuedScenario],
    sensitivity,
    implied,
    notes,
  };
}
