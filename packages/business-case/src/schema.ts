/**
 * The business case as data: the JSON that `jobtrial business-case --format json` writes
 * and every table or sheet is built from. All money in DKK, days are calendar days.
 */
import { z } from "zod";

const dkk = z.number();
const nullableNumber = z.number().nullable();

/** One input of the business case, its value and where it comes from. */
export const BusinessCaseAssumptionSchema = z.object({
  key: z.string(),
  /** Label as printed, in the result's language. */
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  unit: z.enum(["kr", "kr/day", "days", "weeks", "share", "persons", "days/week", "year", "text"]),
  source: z.string(),
});
export type BusinessCaseAssumption = z.infer<typeof BusinessCaseAssumptionSchema>;

/**
 * Net savings of one calendar year. net = gross - regionalGrant - cost. A year in which no
 * saved day within the horizon falls (before the first entries, or after the last
 * entrant's horizon) is not estimated: its savings, interval and probability are null and
 * `notEstimated` says why; it never reads as 0 kr.
 */
export const BusinessCaseYearSchema = z.object({
  year: z.number().int(),
  /** Intervention participants entering in the year (uniform within it). */
  participants: z.number(),
  /** Programme cost of the year. */
  cost: dkk,
  /** Municipal benefit saved in the year (before netting the regional grant); null: not estimated. */
  grossSavings: dkk.nullable(),
  /** Part of the gross saving taken back by the regional grant settlement; 0 when not netted; null: not estimated. */
  regionalGrant: dkk.nullable(),
  /** null: not estimated. */
  netSavings: dkk.nullable(),
  /** Delta-method standard error of net savings; null in a what-if without curves, or not estimated. */
  se: nullableNumber,
  /** 95 % interval of net savings (normal, delta method); null without curves, or not estimated. */
  lower: nullableNumber,
  upper: nullableNumber,
  /** P(net savings > 0), a normal approximation with the delta-method SE; null without curves, or not estimated. */
  probabilityPositive: nullableNumber,
  /** Why the year is not estimated (in the result's language, as printed); null when it is. Files written before it existed read as null. */
  notEstimated: z.string().nullable().default(null),
});
export type BusinessCaseYear = z.infer<typeof BusinessCaseYearSchema>;

/** The total over the years counted: every saved day within the horizon that falls in them, so always estimated. */
export const BusinessCaseTotalSchema = BusinessCaseYearSchema.omit({ year: true, participants: true, notEstimated: true }).extend({
  grossSavings: dkk,
  regionalGrant: dkk,
  netSavings: dkk,
  fromYear: z.number().int(),
  toYear: z.number().int(),
});

/** The simple mode, every factor printed: days saved x benefit per calendar day x average share. */
export const SimpleModeSchema = z.object({
  daysSaved: z.number(),
  /** The maximum daily rate of the entry year: an upper bound, as not every participant gets the maximum. */
  maxDailyBenefit: dkk,
  benefitDaysPerWeek: z.number(),
  /** maxDailyBenefit x benefitDaysPerWeek / 7: the benefit per calendar day of unemployment. */
  benefitPerCalendarDay: dkk,
  /** Time-average of the co-financing share over the horizon for the assumed anciennitet. */
  averageShare: z.number(),
  saving: dkk,
});

export const PerParticipantSchema = z.object({
  /** Calendar year the participant enters (first unemployment day). */
  entryYear: z.number().int(),
  /** Week-by-week saving per participant, priced by the calendar year each saved day falls in. */
  saving: dkk,
  se: nullableNumber,
  lower: nullableNumber,
  upper: nullableNumber,
  simple: SimpleModeSchema,
});

/** One week of the spell for a participant entering in the first programme year. */
export const WeekLineSchema = z.object({
  /** Week of the spell (week 1 = days 0-6 after the first unemployment day). */
  week: z.number().int(),
  /** Week of total time on public support the co-financing share is read at (week + prior weeks). */
  supportWeek: z.number().int(),
  /** Difference of the arms' curves integrated over the week (days saved in the week). */
  daysSaved: z.number(),
  /** Co-financing share of the entry year for the week. */
  share: z.number(),
  /** Saving of the week, priced by the calendar year each day falls in. */
  saving: dkk,
});

export const ScenarioSchema = z.object({
  key: z.enum(["base", "continued"]),
  description: z.string(),
  years: z.array(BusinessCaseYearSchema),
  total: BusinessCaseTotalSchema,
  /** Days saved at which the total net savings over the years are zero. */
  breakEvenDaysSaved: nullableNumber,
  /** Participants per programme year (all years scaled alike) at which total net savings are zero, for the effect used. */
  breakEvenParticipantsPerYear: nullableNumber,
  /** Saved days (summed over participants) that fall after the last year and are not counted; null for a kroner saving (the expenditure has no days). */
  savedDaysAfterPeriod: z.number().nullable(),
  /**
   * Gross saving that falls after the last year counted and is not in the years: a year after
   * the last in money.years priced at that year's rates (labelled in the notes). Files written
   * before it existed read as null.
   */
  savingsAfterPeriod: nullableNumber.default(null),
});
export type BusinessCaseScenario = z.infer<typeof ScenarioSchema>;

export const SensitivityLineSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The input's low and high values as printed. */
  lowValue: z.string(),
  highValue: z.string(),
  /** Total net savings over the years at the low and high value. */
  netLow: dkk,
  netHigh: dkk,
  /** |netHigh - netLow|; lines are ordered by it, largest first. */
  impact: z.number(),
});

export const ImpliedFiguresSchema = z.object({
  expectedDaysSaved: z.number(),
  expectedNetSavingsPerYear: dkk,
  /** Saving per participant (first programme year) at the expected days saved. */
  savingPerParticipantAtExpected: dkk,
  /** Reading 1: one programme year's cost + expected net = one year's intake x saving per participant. */
  impliedParticipantsPerYear: nullableNumber,
  impliedParticipantsPerWeek: nullableNumber,
  /** Entries per week x programme weeks: an upper bound on the number in the programme at a time. */
  impliedInProgrammeAtOnce: nullableNumber,
  /** Reading 2: total cost + expected net x years over the expectation's years, from the programme years' intake. */
  impliedParticipantsPerYearWholePeriod: nullableNumber,
  /** Intervention participants per year observed in the register (annualized); null without results. */
  observedParticipantsPerYear: nullableNumber,
  observedParticipantsPerWeek: nullableNumber,
});

/** One ISO week of the intake of the year of operation: counted in the register, or projected with the seasonal pattern. */
export const IntakeWeekSchema = z.object({
  week: z.string(),
  kind: z.enum(["observed", "projected"]),
  /** Intervention participants entering in the week (a projection is not a whole number). */
  participants: z.number(),
});

/** The intake of the year of operation and how it was found. */
export const YearlyIntakeSchema = z.object({
  /** Intervention participants entering in the whole year; null: not estimated. */
  value: nullableNumber,
  /** Standard error of a seasonal projection (Poisson counts, delta method); null: taken as known. */
  se: nullableNumber,
  /** "given" (--participants-per-year), "observed" (a whole year counted), "seasonal" (projected from the weeks seen), "mean" (of the years observed), "implied" (by the expectation; a what-if). */
  method: z.enum(["given", "observed", "seasonal", "mean", "implied"]).nullable(),
  source: z.string(),
  /** "projected": the interval includes the projection's uncertainty; "known": the intake is taken as known. */
  uncertainty: z.enum(["projected", "known"]),
  /** Participants counted in the weeks seen; null when not from the register's weeks. */
  observed: nullableNumber,
  /** Participants projected for the weeks not yet seen; null when nothing is projected. */
  projected: nullableNumber,
  observedWeeks: z.array(z.string()),
  projectedWeeks: z.array(z.string()),
  /** The whole years whose weekly pattern the projection uses. */
  referenceYears: z.array(z.number().int()),
  /** Week by week, counted and projected, when the year is projected; empty otherwise. */
  weeks: z.array(IntakeWeekSchema),
});

/**
 * Finance's headline: a year of the programme in operation, net = intake x saving per
 * participant x (1 - regional grant share) - the year's cost, with its 95 % interval by the
 * delta method and P(net > 0) by the normal approximation.
 */
export const YearlyAnswerSchema = z.object({
  /** The year whose intake and cost are used. */
  year: z.number().int(),
  intake: YearlyIntakeSchema,
  savingPerParticipant: z.object({
    estimate: dkk,
    se: nullableNumber,
    lower: nullableNumber,
    upper: nullableNumber,
    /** "expenditure": results.json's expenditure difference per citizen; "days-saved": days to the first exit priced at the A-dagpenge rate; "what-if": assumed days. */
    source: z.enum(["expenditure", "days-saved", "what-if"]),
    /** Horizon the saving accrues over, days. */
    tau: z.number().int(),
    label: z.string(),
  }),
  /** The programme's cost of the year. */
  cost: dkk,
  costSource: z.string(),
  /** intake x saving per participant; null: not estimated. */
  grossSavings: dkk.nullable(),
  regionalGrant: dkk.nullable(),
  netSavings: dkk.nullable(),
  /** Delta-method SE of net: (1 - grant share) x sqrt(n^2 SE(g)^2 + g^2 SE(n)^2). */
  se: nullableNumber,
  lower: nullableNumber,
  upper: nullableNumber,
  /** P(net > 0) = Phi(net / SE): a normal approximation. */
  probabilityPositive: nullableNumber,
  /** Saving per participant at which the year's net is 0: cost / (intake x (1 - grant share)). */
  breakEvenSavingPerParticipant: nullableNumber,
  /** Intake at which the year's net is 0 with the saving measured: cost / (saving x (1 - grant share)); null when it saves nothing. */
  breakEvenParticipants: nullableNumber,
  /** How the interval is computed, as printed. */
  method: z.string(),
  /** Why the year is not estimated (in the result's language, as printed); null when it is. */
  notEstimated: z.string().nullable(),
});
export type YearlyAnswer = z.infer<typeof YearlyAnswerSchema>;

export const BusinessCaseSchema = z.object({
  kind: z.literal("jobtrial.business-case"),
  version: z.literal(1),
  /**
   * The language of the result's texts (labels, sources, notes, reasons not estimated):
   * "en" when computed with lang "en"; absent in Danish, the default, so a Danish file is
   * what it was before the field existed.
   */
  lang: z.enum(["da", "en"]).optional(),
  trial: z.object({ id: z.string(), name: z.string(), configHash: z.string().nullable() }),
  /** "measured": the curves of results.json; "what-if": assumed days saved. */
  mode: z.enum(["measured", "what-if"]),
  /** How the saved days are spread over the spell. */
  profile: z.enum(["measured", "measured-scaled", "flat"]),
  uncertaintyMethod: z.enum(["delta", "none"]),
  /** Horizon the curves are priced up to (days). */
  horizonDays: z.number().int(),
  /**
   * An early look: results.json's horizon (daysSaved.tau) lies beyond an arm's follow-up, so
   * the business case is computed at horizonDays, the longest horizon with data in both arms.
   * null when the horizon asked for is used. Files written before it existed read as null.
   */
  horizonShortened: z
    .object({
      /** The horizon asked for (results.json's daysSaved.tau). */
      requestedDays: z.number().int(),
      /** Time of each arm's last Kaplan-Meier row. */
      lastFollowUpDays: z.object({ control: z.number(), intervention: z.number() }),
    })
    .nullable()
    .default(null),
  priorWeeks: z.number().int(),
  /**
   * Finance's headline, first: a year of the programme in operation. Files written before it
   * existed read as null.
   */
  yearly: YearlyAnswerSchema.nullable().default(null),
  /**
   * What the years, the total and the headline price: "expenditure" (results.json's
   * expenditure difference per citizen, spread evenly over its horizon in the cash flow) or
   * "days-saved" (saved days priced day by day). Files written before it read as "days-saved".
   */
  savingBasis: z.enum(["expenditure", "days-saved"]).default("days-saved"),
  daysSaved: z.object({ estimate: z.number(), se: nullableNumber, lower: nullableNumber, upper: nullableNumber, source: z.string() }),
  assumptions: z.array(BusinessCaseAssumptionSchema),
  perParticipant: z.array(PerParticipantSchema),
  weeks: z.array(WeekLineSchema),
  years: z.array(BusinessCaseYearSchema),
  total: BusinessCaseTotalSchema,
  breakEvenDaysSaved: nullableNumber,
  breakEvenParticipantsPerYear: nullableNumber,
  /** "measured": break-even scales the measured curve difference; "flat": saved days spread evenly (no measured shape). */
  breakEvenBasis: z.enum(["measured", "flat"]),
  scenarios: z.array(ScenarioSchema),
  sensitivity: z.array(SensitivityLineSchema),
  implied: ImpliedFiguresSchema,
  notes: z.array(z.string()),
});
/** A computed business case. */
export type BusinessCase = z.infer<typeof BusinessCaseSchema>;
