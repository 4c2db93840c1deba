/**
 * The indicator definitions of a project without a control group (`indicators.json`):
 * who is counted (benefit codes, age, target group), what is measured (as STAR's
 * jobindsats.dk measures it, ../shared/domain.md §5), over which period, and the target
 * (at most, at least, or a change from a baseline in numbers, percent or points).
 *
 * Shares are written in percent in the file (17.4 means 17.4 %) and held as percent in
 * the results; counts and full-time persons as numbers.
 */
import { isIsoDate } from "@jobtrial/core";
import { z } from "zod";

/**
 * The definitions' own rules in both languages: the English is zod's message, the Danish
 * goes with it (`params.da` of a custom issue, or this table for a built-in check), so
 * `parseIndicatorSpec` can word every problem in Danish (messages.ts).
 */
export const SPEC_RULES = {
  notEmpty: { en: "must not be empty", da: "må ikke være tom" },
  date: { en: "must be a date YYYY-MM-DD, for example 2020-01-01", da: "skal være en dato ÅÅÅÅ-MM-DD, for eksempel 2020-01-01" },
  codes: { en: "must list at least one benefit code", da: "skal nævne mindst én ydelseskode" },
  statusName: { en: 'must be lower-case letters, digits and "-", for example "wage"', da: 'skal være små bogstaver, cifre og "-", for eksempel "wage"' },
  indicatorId: { en: 'must be lower-case letters, digits and "-", for example "conversations"', da: 'skal være små bogstaver, cifre og "-", for eksempel "samtaler"' },
  fromAfterTo: { en: "from must not be after to", da: "from må ikke ligge efter to" },
  changeNeedsBaseline: { en: "a change target needs a baseline", da: "et mål om en ændring kræver en basislinje (baseline)" },
  pointsForShares: { en: '"points" is for shares; use "number" or "percent"', da: '"points" gælder andele; brug "number" eller "percent"' },
} as const;

/** A custom issue's wording: zod's message in English, the Danish beside it. */
const worded = (rule: { en: string; da: string }) => ({ message: rule.en, params: { da: rule.da } });

const text = z.string().trim().min(1, { message: SPEC_RULES.notEmpty.en });
const isoDate = z.string().refine(isIsoDate, worded(SPEC_RULES.date));
const codes = z.array(text).min(1, { message: SPEC_RULES.codes.en });
const percent = z.number().min(0).max(100);

/** Who is counted in a week: a benefit code of the panel that week, an age, a target group. */
export const PopulationSchema = z.strictObject({
  /** Benefit codes of the weekly panel (matched after trimming, ignoring case). */
  codes,
  /** Age in whole years in the week (the week's year minus the birth year), both ends included. Default: any age */
  age: z.strictObject({ min: z.number().int().min(0).default(0), max: z.number().int().max(130).default(130) }).optional(),
  /** Target groups ("Målgruppe" of persons.csv). Default: every group */
  targetGroups: z.array(text).min(1).optional(),
});
export type Population = z.infer<typeof PopulationSchema>;

/** One status after an ended spell, with the panel codes that mean it. */
export const StatusSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: SPEC_RULES.statusName.en }),
  label: z.strictObject({ da: text, en: text }),
  /** Panel codes of the status; an empty list means a week without any code (self-support). */
  codes: z.array(text),
});

export const MeasureSchema = z.discriminatedUnion("kind", [
  /** Full-time persons: each person's weeks in the population in the period divided by the weeks of the period, summed. */
  z.strictObject({ kind: z.literal("fullTimePersons"), population: PopulationSchema }),
  /** Average stock: the mean over the period's weeks of the number of persons in the population that week. */
  z.strictObject({ kind: z.literal("averageStock"), population: PopulationSchema }),
  /** Share of a stock in a state: full-time persons in `state` among full-time persons in `population`, in percent. */
  z.strictObject({ kind: z.literal("stockShare"), population: PopulationSchema, stateCodes: codes }),
  /** Share of a stock with an event of `events` in the last `withinWeeks` weeks (a complete CV, increased hours), in percent. */
  z.strictObject({ kind: z.literal("eventShare"), population: PopulationSchema, events: codes, withinWeeks: z.number().int().min(1).max(520).default(26) }),
  /** Events of `events` per week (conversations held, company-oriented courses started); the period's value is the weekly mean. */
  z.strictObject({ kind: z.literal("weeklyEvents"), events: codes, population: PopulationSchema.optional() }),
  /**
   * Status `months` after an ended spell in `population`: the share (percent) of spells
   * ended in the period whose person is in one of `successStatuses` on that day; beside
   * it the whole distribution against `reference` (for example the national one). A spell
   * ends after `weeksWithout` weeks in a row outside the population (jobindsats: one
   * month since August 2019).
   */
  z.strictObject({
    kind: z.literal("statusAfterEnd"),
    population: PopulationSchema,
    months: z.number().int().min(1).max(24),
    weeksWithout: z.number().int().min(1).max(26).default(4),
    statuses: z.array(StatusSchema).min(2),
    successStatuses: z.array(text).min(1),
    /** The reference distribution in percent by status name (for example the national one). */
    reference: z.record(z.string(), percent).optional(),
  }),
]);
export type Measure = z.infer<typeof MeasureSchema>;
export type MeasureKind = Measure["kind"];

export const PeriodSchema = z.strictObject({ from: isoDate, to: isoDate }).refine((period) => period.from <= period.to, { ...worded(SPEC_RULES.fromAfterTo), path: ["to"] });
export type Period = z.infer<typeof PeriodSchema>;

/** The baseline: measured over a period of the data, or stated (a published figure), optionally with its counts. */
export const BaselineSchema = z.union([
  z.strictObject({ period: PeriodSchema }),
  z.strictObject({ value: z.number(), numerator: z.number().min(0).optional(), denominator: z.number().positive().optional(), label: text.optional() }),
]);
export type Baseline = z.infer<typeof BaselineSchema>;

export const TargetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("atMost"), value: z.number() }),
  z.strictObject({ kind: z.literal("atLeast"), value: z.number() }),
  /** A change from the baseline: `by` in the measure's unit ("number"), in percent of the baseline ("percent"), or in percentage points of a share ("points"). */
  z.strictObject({ kind: z.literal("change"), direction: z.enum(["decrease", "increase"]), by: z.number().positive(), unit: z.enum(["number", "percent", "points"]) }),
]);
export type Target = z.infer<typeof TargetSchema>;

export const IndicatorSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: SPEC_RULES.indicatorId.en }),
  title: z.strictObject({ da: text, en: text }),
  measure: MeasureSchema,
  /** The period the target is for. */
  period: PeriodSchema,
  baseline: BaselineSchema.optional(),
  target: TargetSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorSpecSchema = z
  .strictObject({
    project: z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), title: z.strictObject({ da: text, en: text }), municipality: text.optional() }),
    /** The smallest count published (Statistics Denmark: never below 3). Default: 5 */
    minCellSize: z.number().int().min(3).default(5),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.id)) ctx.addIssue({ code: "custom", path: ["indicators", index, "id"], message: `"${indicator.id}" is used twice`, params: { da: `"${indicator.id}" er brugt to gange` } });
      seen.add(indicator.id);
      const target = indicator.target;
      if (target.kind === "change" && indicator.baseline === undefined) ctx.addIssue({ code: "custom", path: ["indicators", index, "baseline"], ...worded(SPEC_RULES.changeNeedsBaseline) });
      if (target.kind === "change" && target.unit === "points" && !isShareMeasure(indicator.measure.kind)) {
        ctx.addIssue({ code: "custom", path: ["indicators", index, "target", "unit"], ...worded(SPEC_RULES.pointsForShares) });
      }
      const measure = indicator.measure;
      if (measure.kind === "statusAfterEnd") {
        const names = measure.statuses.map((status) => status.name);
        measure.successStatuses.forEach((name, statusIndex) => {
          if (!names.includes(name)) ctx.addIssue({ code: "custom", path: ["indicators", index, "measure", "successStatuses", statusIndex], message: `is not one of the statuses (${names.join(", ")})`, params: { da: `er ikke en af statusserne (${names.join(", ")})` } });
        });
        for (const name of Object.keys(measure.reference ?? {})) {
          if (!names.includes(name)) ctx.addIssue({ code: "custom", path: ["indicators", index, "measure", "reference", name], message: `is not one of the statuses (${names.join(", ")})`, params: { da: `er ikke en af statusserne (${names.join(", ")})` } });
        }
      }
    });
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;
export type IndicatorSpecInput = z.input<typeof IndicatorSpecSchema>;

/** Measures whose value is a share in percent. */
export function isShareMeasure(kind: MeasureKind): boolean {
  return kind === "stockShare" || kind === "eventShare" || kind === "statusAfterEnd";
}
