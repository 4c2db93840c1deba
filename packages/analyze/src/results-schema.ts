/**
 * results.json: everything `jobtrial analyze` estimates, in one versioned file.
 *
 * This schema is the contract between analyze (which writes it), the business
 * case and the report (which read it). Conventions:
 * - Arms are always "control" and "intervention". Every effect is oriented so
 *   that a positive number is a gain for the intervention (definitions.signConvention):
 *   "daysSaved" is control minus intervention days, self-support and the secondary
 *   outcomes intervention minus control; only the descriptive restricted means
 *   (duration.rmst) and days in each state (paths.byHorizon) keep intervention minus control.
 * - Times are whole days since the first unemployment day.
 * - A missing value is null (never NaN in JSON).
 * - Counts below the configured minimum cell size are null with
 *   `suppressed: true` next to them; the report never sees the number.
 * - No CPR number, no birthdate, no pseudonym anywhere in this file.
 */
import { z } from "zod";
import { TrialConfigSchema } from "@jobtrial/core";

export const RESULTS_SCHEMA_VERSION = 1;

const num = z.number();
const nullableNum = z.number().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/);

/** A count that may be suppressed (null) because it is below the minimum cell size. */
export const CellSchema = z.number().int().nonnegative().nullable();

/**
 * A stable code beside an English reason or name, for readers that translate it
 * ("entered-after-as-of", "age"); absent where the text comes from the data (a
 * censoring reason in the spell file, a cohort column). Added after version 1; optional.
 */
export const ReasonCodeSchema = z.string().optional();

export const ByArmSchema = <T extends z.ZodType>(item: T) => z.object({ control: item, intervention: item });

/** An estimate with a 95 % interval. */
export const EstimateSchema = z.object({
  estimate: nullableNum,
  se: nullableNum,
  lower: nullableNum,
  upper: nullableNum,
  p: nullableNum.optional(),
});
export type Estimate = z.infer<typeof EstimateSchema>;

/** One row of a Kaplan-Meier table (as R's survfit; S(0) = 1 is implicit). */
export const KmRowSchema = z.object({
  time: num,
  nRisk: num,
  nEvent: num,
  nCensor: num,
  surv: num,
  stdErr: nullableNum,
  lower: nullableNum,
  upper: nullableNum,
});
export type KmRow = z.infer<typeof KmRowSchema>;

export const MedianSchema = z.object({ median: nullableNum, lower: nullableNum, upper: nullableNum });

export const RmstSchema = z.object({
  tau: num,
  byGroup: ByArmSchema(z.object({ rmst: num, se: num })),
  /** intervention minus control */
  difference: EstimateSchema,
});

export const LogrankSchema = z.object({
  chisq: num,
  df: num,
  p: num,
  stratified: z.boolean(),
  observed: ByArmSchema(num),
  expected: ByArmSchema(num),
});

export const CoxSchema = z.object({
  ties: z.enum(["efron", "breslow"]),
  stratified: z.boolean(),
  coef: num,
  hr: num,
  se: num,
  z: num,
  p: num,
  lower: num,
  upper: num,
  waldP: num,
  lrP: num,
  scoreP: num,
});

export const InputFileSchema = z.object({
  role: z.enum(["config", "cohort", "register", "spells", "benefitWeeks", "conversations", "secondary"]),
  /** File name without directories (paths may reveal user names). */
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative().nullable(),
});

// ---------------------------------------------------------------- paths through benefit states (issue 13)

/** What `daysSaved` measures. Added after version 1; optional: absent in older files, which measured days to the first exit. */
export const DaysSavedMeasureSchema = z.enum(["days-on-benefit", "days-to-first-exit"]);

/** An expected number of days (or kroner) with its standard error. */
export const MeanWithSeSchema = z.object({ estimate: num, se: num });

/** Expected days in one state (or on any public support: state "public") within tau, per arm, and intervention minus control. */
export const StateDaysSchema = z.object({
  state: z.string(),
  public: z.boolean(),
  control: MeanWithSeSchema,
  intervention: MeanWithSeSchema,
  /** intervention minus control */
  difference: EstimateSchema,
});

/** The citizens' paths through benefit states from the weekly benefit panel, re-entries counted (evaluation/time-in-states.ts). */
export const BenefitPathsSchema = z.object({
  /** The states, as the configuration's benefitStates lists them. */
  states: z.array(z.object({ name: z.string(), label: z.object({ da: z.string(), en: z.string() }), public: z.boolean() })),
  /** The state whose days are the days saved (A-dagpenge). */
  unemploymentState: z.string(),
  /** Citizens with a path. */
  analysed: ByArmSchema(CellSchema),
  /** Citizens without a path, by reason: first unemployment day on or after the as-of date, no A-dagpenge in the entry week or the next. */
  excluded: z.array(z.object({ reason: z.string(), code: ReasonCodeSchema, control: CellSchema, intervention: CellSchema })),
  /** Citizens whose follow-up ended when they moved away (censored there). */
  movedAway: ByArmSchema(CellSchema),
  /** Citizens who came back to A-dagpenge at least once after leaving it. */
  returned: ByArmSchema(CellSchema),
  /** Citizens with weeks on public support before their first unemployment day. */
  priorSupport: ByArmSchema(CellSchema),
  /** Per estimable horizon (days): expected days in each state and on any public support within it. */
  byHorizon: z.array(z.object({ tau: num, states: z.array(StateDaysSchema), public: StateDaysSchema })),
  /** Control minus intervention expected days on any public support within the primary horizon. */
  publicSupportDaysSaved: EstimateSchema.extend({ tau: num }),
  /**
   * Where the saved days went, at the primary horizon: intervention minus control expected
   * days in every state other than A-dagpenge; they sum to daysSaved. Empty when the
   * primary horizon is not estimable.
   */
  whereTheDaysWent: z.array(EstimateSchema.extend({ state: z.string(), public: z.boolean() })),
});

/** Mean municipal expenditure per citizen, priced per benefit (evaluation/expenditure.ts). */
export const ExpenditureSchema = z.object({
  currency: z.literal("DKK"),
  /** Per estimable horizon: mean expenditure per citizen within tau per arm, and the saving control minus intervention. */
  byHorizon: z.array(z.object({ tau: num, control: MeanWithSeSchema, intervention: MeanWithSeSchema, saving: EstimateSchema })),
  /** Saving per citizen at the primary horizon: control minus intervention mean expenditure, DKK (null when not estimable). */
  saving: EstimateSchema.extend({ tau: num }),
  /** The estimator and its variance, in words. */
  method: z.string(),
});

/** A note on what the path measures could not estimate, as a code with its facts and the English wording. */
export const PathNoteSchema = z.object({
  code: z.enum(["no-benefit-panel", "horizon-beyond-follow-up", "money-year-missing"]),
  tau: num.optional(),
  year: z.number().int().optional(),
  message: z.string(),
});
export type PathNote = z.infer<typeof PathNoteSchema>;

// ---------------------------------------------------------------- notes, monitoring, sensitivity (issues 14 and 21)

const noteOf = <C extends string, T extends z.ZodRawShape>(code: C, shape: T) => z.object({ code: z.literal(code), ...shape, message: z.string() });

/**
 * A note for the evaluator (a horizon not estimable, rows skipped, few still at risk, a
 * boundary crossed, ...): a code with its facts and the English wording. `analyzeNoteText`
 * (messages.ts) words it in Danish or English; `jobtrial analyze` prints Danish by default.
 * Added after version 1; optional.
 */
export const AnalyzeNoteSchema = z.discriminatedUnion("code", [
  /** A note given as text only (older callers); printed as written. */
  noteOf("text", {}),
  noteOf("rows-outside-cohort", { file: z.string(), count: CellSchema, minCellSize: num }),
  noteOf("columns-left-out", { file: z.string(), columns: num }),
  noteOf("spells-from-panel", { file: z.string() }),
  noteOf("rmst-not-estimable", { tau: num }),
  noteOf("stratified-logrank-failed", {}),
  noteOf("few-at-risk-at-tau", { tau: num, share: num, threshold: num }),
  noteOf("estimate-changes-sign", { fromTau: num, toTau: num }),
  noteOf("heaping-flag-unknown", { flag: z.enum(["born-first-of-month", "born-january-1"]) }),
  noteOf("adjustment-not-estimable", { reason: z.enum(["no-covariates", "singular", "not-estimable"]) }),
  noteOf("monitoring-boundary-crossed", { look: num, date: isoDate }),
  noteOf("monitoring-information-above-final", { look: num, date: isoDate }),
  noteOf("monitoring-no-new-information", { look: num, date: isoDate }),
  noteOf("monitoring-no-estimate-yet", { tau: num }),
  noteOf("monitoring-unplanned-look", { date: isoDate }),
]);
export type AnalyzeNote = z.infer<typeof AnalyzeNoteSchema>;

/** One look of the group-sequential monitoring (evaluation/monitoring.ts). */
export const MonitoringLookSchema = z.object({
  /** 1, 2, ...: the looks in date order, planned and unplanned. */
  look: z.number().int().positive(),
  /** The data extraction date of the look (the first day not observed). */
  date: isoDate,
  /** "as-of": the analysis date itself when it is not a planned look (an unplanned look spends alpha too). */
  kind: z.enum(["committee", "evaluation", "final", "as-of"]),
  planned: z.boolean(),
  /**
   * "analysed": estimated from the data as of the look's date; "not-estimable": the primary
   * horizon was not yet estimable (no test, no alpha spent); "no-new-information": no more
   * information than the look before (no alpha spent); "future": after the as-of date
   * (projection); "after-final-information": after a look that reached the final information.
   */
  status: z.enum(["analysed", "not-estimable", "no-new-information", "future", "after-final-information"]),
  /** Days saved at the look (positive: a gain for the intervention) and its standard error. */
  estimate: nullableNum,
  se: nullableNum,
  /** Observed information 1 / se². */
  information: nullableNum,
  /** Observed information over the information expected at the final analysis, as computed (may exceed 1). */
  observedFraction: nullableNum,
  /** The fraction the boundary uses: the observed one, 1 at the final analysis, at most 1. */
  informationFraction: nullableNum,
  /** estimate / se. */
  z: nullableNum,
  /** The two-sided boundary c_k (cross when |z| >= c_k); null where none applies or it cannot be reached. */
  criticalValue: nullableNum,
  /** The two-sided nominal p-value at the boundary, 2 (1 - Φ(c_k)). */
  nominalP: nullableNum,
  /** Cumulative alpha spent by this look. */
  alphaSpent: nullableNum,
  crossed: z.boolean().nullable(),
  /** Repeated confidence interval: estimate ± c_k · se (joint coverage 1 - alpha over all looks). */
  repeatedCi: z.object({ lower: num, upper: num }).nullable(),
  /** For a future look: the projected standard error, fraction, boundary and the days saved it would take to cross. */
  projected: z.object({ se: num, informationFraction: num, criticalValue: nullableNum, estimateToCross: nullableNum }).nullable(),
});

/** Group-sequential monitoring of days saved at the planned looks: Lan-DeMets alpha spending with repeated confidence intervals. */
export const MonitoringResultSchema = z.object({
  spending: z.enum(["obrien-fleming", "pocock"]),
  /** Total two-sided alpha. */
  alpha: num,
  sided: z.literal(2),
  measure: DaysSavedMeasureSchema,
  tau: num,
  /** The final analysis: the last planned look. */
  finalDate: isoDate,
  /** Standard error of days saved expected at the final analysis (precision projection); null when it cannot be projected. */
  expectedFinalSe: nullableNum,
  expectedFinalInformation: nullableNum,
  looks: z.array(MonitoringLookSchema),
  /** Date of the first look whose boundary was crossed; null if none. */
  crossedAt: isoDate.nullable(),
  method: z.string(),
});

/** One row of the sensitivity table: the primary estimate recomputed on a subset, at another horizon, or covariate-adjusted (evaluation/sensitivity.ts). */
export const SensitivityRowSchema = z.object({
  /** "primary", "without-born-first-of-month", "without-born-january-1", "horizon" (tau varies), "covariate-adjusted". */
  key: z.enum(["primary", "without-born-first-of-month", "without-born-january-1", "horizon", "covariate-adjusted"]),
  tau: num,
  /** Days saved (positive: a gain for the intervention); all null when not estimable. */
  daysSaved: EstimateSchema,
  /** Citizens in this analysis, per arm. */
  analysed: ByArmSchema(CellSchema),
  /** Citizens left out of this analysis (the subsets), per arm; null for the other rows. */
  leftOut: ByArmSchema(CellSchema).nullable(),
  /** Citizens still at risk at tau (followed that long and still in the measured state for days to first exit; followed that long for days on benefit), count and share of the analysed. */
  atRisk: ByArmSchema(z.object({ n: CellSchema, share: nullableNum })).nullable(),
  /** Fewer than `atRiskThreshold` of an arm still at risk at tau. */
  fewAtRisk: z.boolean().nullable(),
  /** Why the row has no estimate: "not-estimable" (horizon beyond follow-up), "flag-unknown" (the cohort does not carry the birth-date flag), "no-covariates", "singular". */
  unavailable: z.enum(["not-estimable", "flag-unknown", "no-covariates", "singular"]).nullable(),
  /** The covariate-adjusted row only: how. */
  adjustment: z
    .object({
      methodKey: z.literal("pseudo-observation-regression"),
      method: z.string(),
      /** Baseline variables (balance-table names; categorical ones as one indicator per level but the first). */
      covariates: z.array(z.string()),
      /** The same estimator without covariates: its estimate equals the primary, its standard error is the infinitesimal-jackknife one. */
      unadjustedSe: num,
      /** 1 - (adjusted se / unadjusted se)²: the share of the variance the covariates remove. */
      precisionGain: num,
    })
    .nullable(),
});

export const SensitivityResultSchema = z.object({
  measure: DaysSavedMeasureSchema,
  /** The share still at risk below which a horizon is flagged. */
  atRiskThreshold: num,
  rows: z.array(SensitivityRowSchema),
});

export const ResultsSchema = z.object({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  tool: z.object({ name: z.literal("jobtrial"), version: z.string() }),
  /** When the file was made (from the injected clock). */
  generatedAt: z.string(),
  trial: z.object({ id: z.string(), name: z.string(), configHash: z.string(), evaluationDate: isoDate }),
  /** Data extraction date: spells running then are censored there. */
  asOf: isoDate,
  /** Seed of every random step (permutation, bootstrap, simulation-based precision). */
  seed: z.number().int(),
  inputs: z.array(InputFileSchema),
  config: TrialConfigSchema,
  minCellSize: z.number().int(),
  /** Plain-English definition of every measure, keyed as the blocks below. */
  definitions: z.record(z.string(), z.string()),

  /** CONSORT-style flow. */
  flow: z.object({
    screened: CellSchema,
    ineligible: z.array(z.object({ reason: z.string(), n: CellSchema })),
    invalid: CellSchema,
    assigned: ByArmSchema(CellSchema),
    voided: ByArmSchema(CellSchema),
    /** Excluded from analysis, by reason (e.g. entered after the as-of date, no outcome data). */
    excluded: z.array(z.object({ reason: z.string(), code: ReasonCodeSchema, control: CellSchema, intervention: CellSchema })),
    analysed: ByArmSchema(CellSchema),
    exited: ByArmSchema(CellSchema),
    stillRunning: ByArmSchema(CellSchema),
    /** Censored by reason: "as-of date" (administrative), "moved away", ... */
    censored: z.array(z.object({ reason: z.string(), code: ReasonCodeSchema, control: CellSchema, intervention: CellSchema })),
  }),

  intake: z.object({
    byWeek: z.array(z.object({ week: isoWeek, control: CellSchema, intervention: CellSchema })),
    byYear: z.array(z.object({ year: z.number().int(), control: CellSchema, intervention: CellSchema })),
  }),

  allocation: z.object({
    expectedShare: num,
    observedShare: num,
    n: num,
    intervention: num,
    /** Exact two-sided binomial test of the observed against the expected share. */
    binomialP: num,
    byWeek: z.array(z.object({ week: isoWeek, n: CellSchema, intervention: CellSchema, share: nullableNum, expectedShare: num, binomialP: nullableNum })),
    heaping: z.object({
      bornFirstOfMonth: ByArmSchema(z.object({ n: CellSchema, share: nullableNum, expectedShare: num })),
      bornFirstJanuary: ByArmSchema(z.object({ n: CellSchema, share: nullableNum, expectedShare: num })),
      replacementNumbers: ByArmSchema(CellSchema),
    }),
    warnings: z.array(z.string()),
    /** The warnings as data, for readers that word them themselves. Added after version 1; optional. */
    alerts: z
      .array(
        z.object({
          /** "share-differs" (observed share against the rule's), "heaping-first-of-month", "heaping-january-1". */
          code: z.string(),
          arm: z.enum(["control", "intervention"]).optional(),
          observed: num,
          expected: num,
          p: num.optional(),
        }),
      )
      .optional(),
  }),

  balance: z.array(
    z.object({
      covariate: z.string(),
      /** Stable key of a built-in covariate ("age", "sex", "industryGroup", "bornFirstJanuary", "bornFirstOfMonth", "replacementNumber"); absent for a cohort column. */
      key: ReasonCodeSchema,
      /** Level of a categorical covariate (its indicator), null for a continuous one. */
      level: z.string().nullable(),
      kind: z.enum(["continuous", "binary"]),
      control: z.object({ n: CellSchema, mean: nullableNum, sd: nullableNum }),
      intervention: z.object({ n: CellSchema, mean: nullableNum, sd: nullableNum }),
      /** Standardized mean difference (intervention - control) / pooled SD. */
      smd: nullableNum,
    }),
  ),

  /** Kaplan-Meier per arm: the time from first unemployment day to exit (any exit). */
  km: ByArmSchema(z.array(KmRowSchema)),
  duration: z.object({
    confType: z.enum(["log-log", "log", "plain"]),
    median: ByArmSchema(MedianSchema),
    rmst: z.array(RmstSchema),
    logrank: LogrankSchema,
    logrankStratified: LogrankSchema.nullable(),
    cox: CoxSchema,
    /** Number at risk and cumulative exits at fixed times, for the table under the KM chart. */
    riskTable: z.array(z.object({ time: num, control: z.object({ nRisk: CellSchema, cumEvents: CellSchema }), intervention: z.object({ nRisk: CellSchema, cumEvents: CellSchema }) })),
  }),

  /**
   * Days saved at the primary horizon, control minus intervention: with the weekly benefit
   * panel the expected days on A-dagpenge within tau, re-entries counted (measure
   * "days-on-benefit"); without it the restricted mean of the first spell (measure
   * "days-to-first-exit", as before the paths).
   */
  daysSaved: EstimateSchema.extend({ tau: num, measure: DaysSavedMeasureSchema.optional() }),
  /** Days to the first exit, control minus intervention restricted mean of the first spell at the primary horizon: a secondary measure. Added after version 1; optional. */
  daysToFirstExit: EstimateSchema.extend({ tau: num }).optional(),
  /** Paths through benefit states; null without the weekly benefit panel. Added after version 1; optional. */
  paths: BenefitPathsSchema.nullable().optional(),
  /** Municipal expenditure per citizen; null without the weekly benefit panel. Added after version 1; optional. */
  expenditure: ExpenditureSchema.nullable().optional(),
  /** What the path measures could not estimate. Added after version 1; optional. */
  pathNotes: z.array(PathNoteSchema).optional(),

  /** The project's own wording: average duration of completed spells (biased while spells run). */
  completedSpells: z.object({
    control: z.object({ n: CellSchema, mean: nullableNum, sd: nullableNum }),
    intervention: z.object({ n: CellSchema, mean: nullableNum, sd: nullableNum }),
    /** control minus intervention, Welch interval */
    difference: EstimateSchema,
    caveat: z.string(),
    /** Marks the row as the biased average it is, shown without interval or test (issue 14). Added after version 1; optional. */
    label: z.literal("biased-towards-short-spells").optional(),
  }),

  selfSupport: z.object({
    /** Exit states in the data (the first is self-support). */
    states: z.array(z.string()),
    /** Cumulative incidence curves per arm and state. */
    cif: ByArmSchema(z.record(z.string(), z.array(z.object({ time: num, estimate: num, stdErr: nullableNum })))),
    /** Exit to self-support by 13, 26, 52 weeks. */
    at: z.array(z.object({ weeks: num, days: num, control: EstimateSchema, intervention: EstimateSchema, difference: EstimateSchema })),
    /** Monthly exits to self-support in % of the stock at the start of the month. */
    monthly: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), control: z.object({ stock: CellSchema, exits: CellSchema, share: nullableNum }), intervention: z.object({ stock: CellSchema, exits: CellSchema, share: nullableNum }) })),
  }),

  process: z.object({
    planned: ByArmSchema(num),
    toleranceWeeks: num,
    /** Conversations per citizen by programme week (held or as letter), among citizens still in the programme that week. */
    byWeek: z.array(z.object({ week: num, control: z.object({ citizens: CellSchema, held: CellSchema, letters: CellSchema, perCitizen: nullableNum }), intervention: z.object({ citizens: CellSchema, held: CellSchema, letters: CellSchema, perCitizen: nullableNum }) })),
    /** Conversations held in the first programmeWeeks per citizen who stayed that long. */
    perCitizenInProgramme: ByArmSchema(nullableNum),
    onTimeShare: ByArmSchema(nullableNum),
    letterShare: ByArmSchema(nullableNum),
    perAdvisor: z.array(z.object({ advisor: z.string(), planned: CellSchema, held: CellSchema, onTimeShare: nullableNum })),
  }).nullable(),

  secondary: z.object({
    applications: z.object({ control: z.object({ n: CellSchema, mean: nullableNum }), intervention: z.object({ n: CellSchema, mean: nullableNum }), difference: EstimateSchema }).nullable(),
    selfFoundJob: z.object({ control: z.object({ n: CellSchema, share: nullableNum }), intervention: z.object({ n: CellSchema, share: nullableNum }), difference: EstimateSchema }).nullable(),
    rating: z.object({ control: z.object({ n: CellSchema, mean: nullableNum }), intervention: z.object({ n: CellSchema, mean: nullableNum }), difference: EstimateSchema }).nullable(),
  }).nullable(),

  subgroups: z.array(
    z.object({
      variable: z.string(),
      /** Stable key of a built-in subgroup variable ("industryGroup", "sex", "bornFirstJanuary"); absent for a cohort column. */
      key: ReasonCodeSchema,
      groups: z.array(z.object({ level: z.string(), n: ByArmSchema(CellSchema), daysSaved: EstimateSchema.nullable(), suppressed: z.boolean() })),
      /** Test that days saved is the same in every level (chi-square on the level estimates). */
      interaction: z.object({ chisq: num, df: num, p: num }).nullable(),
    }),
  ),

  precision: z.object({
    alpha: num,
    power: num,
    /** Minimum detectable days saved with the data as of asOf. */
    minimumDetectableDaysSaved: nullableNum,
    expectedDaysSaved: num,
    /** Date at which the expected effect becomes detectable at the current intake and follow-up; null if not before the horizon of the projection. */
    detectableFrom: isoDate.nullable(),
    method: z.string(),
    /** Stable key of the method, so a report can word it in its own language. */
    methodKey: z.string().optional(),
    /** The end of the projection: the final analysis (the last planned look). Added after version 1; optional. */
    projectionEnd: isoDate.optional(),
    /** When the expected effect is not detectable by the end of the projection: that date ("not before"); null otherwise. Added after version 1; optional. */
    detectableNotBefore: isoDate.nullable().optional(),
    /** Standard error of days saved projected at the end of the projection. Added after version 1; optional. */
    projectedFinalSe: nullableNum.optional(),
    /** Minimum detectable days saved projected at the end of the projection. Added after version 1; optional. */
    minimumDetectableAtEnd: nullableNum.optional(),
    /** How intake after the as-of date is projected, in words, and as a stable key. Added after version 1; optional. */
    intakeAssumption: z.string().optional(),
    intakeAssumptionKey: z.literal("seasonal-same-weeks").optional(),
  }),
  /**
   * Dotted paths of counts that are null because the input did not carry them (for
   * example "flow.screened" without the register's batch records), as opposed to
   * suppressed. Added after version 1; optional.
   */
  unknown: z.array(z.string()).optional(),
  /** Notes on the data and estimates for the evaluator (rows outside the cohort, horizons not estimable, ...). Added after version 1; optional. */
  warnings: z.array(z.string()).optional(),
  /** The warnings as coded notes (the same order), for readers that word them in their own language. Added after version 1; optional. */
  notes: z.array(AnalyzeNoteSchema).optional(),
  /** Group-sequential monitoring at the planned looks; null when the configuration plans none that can be computed. Added after version 1; optional. */
  monitoring: MonitoringResultSchema.nullable().optional(),
  /** The primary estimate beside its sensitivity analyses. Added after version 1; optional. */
  sensitivity: SensitivityResultSchema.nullable().optional(),
});

export type Results = z.infer<typeof ResultsSchema>;
