/**
 * The simulator's options: one zod schema, every field with its default.
 * Defaults that depend on the trial (intake weeks, extraction date, horizon)
 * are filled in by `resolveSimulationOptions` from the trial configuration.
 */
import { addDays, isIsoDate, isIsoWeek, isoWeekOf, isoWeekStart, JobtrialError, toDayNumber, type TrialConfig } from "@jobtrial/core";
import { z } from "zod";
import { simulationIssueMessage, type SimulationIssue } from "../messages-simulation.ts";

const isoDate = z.string().refine(isIsoDate, { message: 'must be a calendar date "YYYY-MM-DD"' });
const isoWeek = z.string().refine(isIsoWeek, { message: 'must be an ISO week "YYYY-Www", for example "2017-W01"' });
const share = z.number().min(0).max(1);

/** The true effect: days saved at a horizon (the model's hazard ratio, or with paths its job-rate ratio, is solved for it) or a hazard ratio. */
export const SimulationEffectSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("days-saved"),
    /**
     * Control minus intervention days within `horizonDays`, whole trial population: expected
     * days on A-dagpenge, re-entries counted, with paths (the default); the restricted mean
     * of the one spell without.
     */
    days: z.number().min(-200).max(200),
    /** Horizon in days. Default: the trial's primary horizon */
    horizonDays: z.number().int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal("hazard-ratio"),
    /** Intervention / control hazard of leaving benefit, the same for every citizen (proportional hazards). */
    hazardRatio: z.number().positive().max(20),
  }),
]);
export type SimulationEffect = z.infer<typeof SimulationEffectSchema>;

/**
 * The path model's own settings (docs/simulation.md, "Paths"): how the intervention moves
 * exits from A-dagpenge to the other destinations, moving away, and the benefit history
 * before the first unemployment day.
 */
export const PathOptionsSchema = z.strictObject({
  /**
   * Intervention / control ratio of the weekly rate of leaving A-dagpenge for sickness
   * benefit, cash benefit and education in the programme weeks (the ratio for job is solved
   * from `effect`). Default: { sickness: 1.2, cash: 1, education: 1.2 }
   */
  interventionRateRatios: z
    .strictObject({
      sickness: z.number().positive().max(10).default(1.2),
      cash: z.number().positive().max(10).default(1),
      education: z.number().positive().max(10).default(1.2),
    })
    .default({ sickness: 1.2, cash: 1, education: 1.2 }),
  /** Weekly probability of moving away (code 997; censors the path), the same for everyone. Default: 0.0008 */
  moveWeeklyProbability: z.number().min(0).max(0.2).default(0.0008),
  /** Share with weeks on public support before the first unemployment day, before the cell's factor. Default: 0.3 */
  priorHistoryShare: share.default(0.3),
  /** Mean weeks on public support before the first unemployment day among those with a history (geometric). Default: 20 */
  priorMeanWeeks: z.number().min(1).max(520).default(20),
});
export type PathOptions = z.infer<typeof PathOptionsSchema>;

export const SimulationOptionsSchema = z.strictObject({
  /** First intake week. Default: the first ISO week that starts on or after the project start */
  fromWeek: isoWeek.optional(),
  /** Last intake week, the end of intake. Default: the last ISO week that ends before the extraction date */
  toWeek: isoWeek.optional(),
  /** Expected intake rows per week over a year (seasonal pattern around it). Default: 50 */
  weeklyIntake: z.number().positive().max(1_000_000).default(50),
  /** Relative amplitude of the winter peak in intake (0 = flat). Default: 0.25 */
  seasonality: z.number().min(0).max(0.9).default(0.25),
  /** The true effect. Default: { kind: "days-saved", days: 9, horizonDays: <primary horizon> } */
  effect: SimulationEffectSchema.optional(),
  /** The outcome extract's date: days before it are observed. Default: the trial's evaluation date */
  extractionDate: isoDate.optional(),
  /** Median unemployment duration (days) in the trial population under control. Default: 98 (14 weeks) */
  controlMedianDays: z.number().positive().max(700).default(98),
  /** Weibull shape of the duration model (< 1: the exit rate falls with duration). Default: 0.9 */
  weibullShape: z.number().min(0.3).max(3).default(0.9),
  /** Longest benefit spell, the two-year dagpenge period, in days. Default: 730 */
  benefitPeriodDays: z.number().int().min(400).max(1500).default(730),
  /** Share born abroad. Default: 0.12 */
  foreignBornShare: share.default(0.12),
  /** Share of the foreign-born registered with birth date 1 January. Default: 0.3 */
  januaryFirstShareOfForeignBorn: share.default(0.3),
  /** Time ratio (durations multiplied) for the foreign-born; drives the composition effect of the rule. Default: 1.1 */
  foreignBornTimeRatio: z.number().positive().max(5).default(1.1),
  /** Share of registered-1-January CPRs in cohorts without modulus-11 capacity that fail modulus 11. Default: 0.6 */
  noModulus11ShareOnJanuary1: share.default(0.6),
  /** Share of CPRs that are replacement numbers (day + 60). Default: 0.003 */
  replacementNumberShare: share.default(0.003),
  /** Share of intake rows that are not eligible (first unemployment day too early, industry group outside the target group). Default: 0.03 */
  ineligibleShare: share.default(0.03),
  /**
   * Simulate each citizen's path through benefit states from the first unemployment day to
   * the extraction date, with re-entry, other benefits, education and a prior benefit
   * history (docs/simulation.md, "Paths"); `true` for the path model's defaults. With paths
   * the effect in days saved is the difference in days on A-dagpenge with re-entries;
   * `false` for the first-spell model (one spell per citizen, no re-entry, no prior history).
   * Default: true (the path model with its defaults)
   */
  paths: z.union([z.boolean(), PathOptionsSchema]).default(true),
  /** Which outcome tables to generate (skip them for speed in power simulations). Default: all true */
  include: z
    .strictObject({
      conversations: z.boolean().default(true),
      benefitWeeks: z.boolean().default(true),
      secondary: z.boolean().default(true),
    })
    .default({ conversations: true, benefitWeeks: true, secondary: true }),
});

/** Options as a caller writes them (everything optional). */
export type SimulationOptions = z.input<typeof SimulationOptionsSchema>;

/** Options with every default filled in, also the ones that come from the trial. */
export type ResolvedSimulationOptions = Omit<z.infer<typeof SimulationOptionsSchema>, "fromWeek" | "toWeek" | "effect" | "extractionDate" | "paths"> & {
  /** The path model's settings; null without paths. */
  paths: PathOptions | null;
  fromWeek: string;
  toWeek: string;
  effect: { kind: "days-saved"; days: number; horizonDays: number } | { kind: "hazard-ratio"; hazardRatio: number };
  extractionDate: string;
};

/** A problem with the options: its code and facts (`issue`), worded in both languages by messages-simulation.ts; `message` is the English. */
export class SimulationOptionsError extends JobtrialError {
  override name = "SimulationOptionsError";
  readonly issue: SimulationIssue;
  constructor(issue: SimulationIssue) {
    super(issue.code, issue, (lang) => simulationIssueMessage(issue, lang), simulationIssueMessage(issue, "en"));
    this.issue = issue;
  }
}

/**
 * Validates the options and fills in every default. Throws
 * `SimulationOptionsError` with a message naming the option when they are
 * invalid or inconsistent (intake after the extraction date, a horizon beyond
 * the benefit period).
 */
export function resolveSimulationOptions(config: TrialConfig, options: SimulationOptions = {}): ResolvedSimulationOptions {
  const parsed = SimulationOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SimulationOptionsError({ code: "simulation_option_invalid", option: issue.path.join(".") || "(options)", detail: issue.message });
  }
  const value = parsed.data;
  const extractionDate = value.extractionDate ?? config.evaluation.date;
  const fromWeek = value.fromWeek ?? firstWeekStartingOnOrAfter(config.projectPeriod.start);
  const toWeek = value.toWeek ?? isoWeekOf(addDays(isoWeekStart(isoWeekOf(extractionDate)), -1));
  if (isoWeekStart(toWeek) < isoWeekStart(fromWeek)) {
    throw new SimulationOptionsError({ code: "intake_end_before_start", fromWeek, toWeek });
  }
  if (addDays(isoWeekStart(toWeek), 6) >= extractionDate) {
    throw new SimulationOptionsError({ code: "intake_not_before_extraction", toWeek, extractionDate });
  }
  const effect =
    value.effect === undefined
      ? { kind: "days-saved" as const, days: config.expectations.daysSaved, horizonDays: config.evaluation.primaryHorizonDays }
      : value.effect.kind === "days-saved"
        ? { kind: "days-saved" as const, days: value.effect.days, horizonDays: value.effect.horizonDays ?? config.evaluation.primaryHorizonDays }
        : value.effect;
  const horizons = [...config.evaluation.horizonsDays, effect.kind === "days-saved" ? effect.horizonDays : 0];
  for (const horizon of horizons) {
    if (horizon > value.benefitPeriodDays) {
      throw new SimulationOptionsError({ code: "horizon_beyond_benefit_period", horizonDays: horizon, benefitPeriodDays: value.benefitPeriodDays });
    }
  }
  if (value.controlMedianDays >= value.benefitPeriodDays) {
    throw new SimulationOptionsError({ code: "control_median_too_long", controlMedianDays: value.controlMedianDays, benefitPeriodDays: value.benefitPeriodDays });
  }
  const paths = value.paths === false ? null : value.paths === true ? PathOptionsSchema.parse({}) : value.paths;
  const { fromWeek: _from, toWeek: _to, effect: _effect, extractionDate: _extraction, paths: _paths, ...rest } = value;
  return { ...rest, fromWeek, toWeek, effect, extractionDate, paths };
}

/** The first ISO week whose Monday is on or after `date`. */
function firstWeekStartingOnOrAfter(date: string): string {
  const week = isoWeekOf(date);
  return toDayNumber(isoWeekStart(week)) >= toDayNumber(date) ? week : isoWeekOf(addDays(isoWeekStart(week), 7));
}
