/**
 * The indicators results file (indicators.json): each indicator over time, its baseline,
 * its target, the change, the projection to the target's date and the verdict. Counts
 * below the minimum cell size are null once the report package has disclosed the file
 * (`discloseIndicatorResults`); the file written by `jobtrial indicators` is always the
 * disclosed one.
 */
import { z } from "zod";

const interval = z.object({ lower: z.number(), upper: z.number() }).nullable();
const text = z.object({ da: z.string(), en: z.string() });

export const VERDICTS = ["met", "on_track", "at_risk", "missed", "no_data"] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SeriesPointSchema = z.object({
  /** "2020-W05" for a week, "2020-03" for a month of ending. */
  label: z.string(),
  start: z.string(),
  /** The week's value: a count, or a share in percent. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Inside the target period (otherwise before it: the run-up and the baseline). */
  inPeriod: z.boolean(),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const IndicatorResultSchema = z.object({
  id: z.string(),
  title: text,
  kind: z.enum(["fullTimePersons", "averageStock", "stockShare", "eventShare", "weeklyEvents", "statusAfterEnd"]),
  /** persons: full-time persons or a stock; percent: a share; perWeek: events per week. */
  unit: z.enum(["persons", "percent", "perWeek"]),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The last day the value counts (the as-of date's last complete week, or the period's end). */
  observedThrough: z.string().nullable(),
  complete: z.boolean(),
  /** The value over the period so far. */
  value: z.number().nullable(),
  interval,
  /** For shares: the counts behind the value (full-time persons for stock shares, spells for the status after end). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Distinct persons (or ended spells) counted in the period so far: what the small-cell rule looks at. */
  persons: z.number().nullable(),
  baseline: z
    .object({ value: z.number().nullable(), interval, source: z.enum(["data", "stated"]), period: z.object({ from: z.string(), to: z.string() }).nullable(), label: z.string().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable() })
    .nullable(),
  target: z.object({ direction: z.enum(["atMost", "atLeast"]), threshold: z.number().nullable(), statement: text }),
  change: z.object({ value: z.number(), interval }).nullable(),
  projection: z.object({ value: z.number(), lower: z.number(), upper: z.number(), probabilityMet: z.number() }).nullable(),
  verdict: VerdictSchema,
  series: z.array(SeriesPointSchema),
  /** The status after an ended spell: the distribution in the period against the reference; the success statuses sum to the numerator. */
  distribution: z
    .array(z.object({ status: z.string(), label: text, count: z.number().nullable(), percent: z.number().nullable(), reference: z.number().nullable(), /** Counted in the numerator (a success status). */ success: z.boolean() }))
    .nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

export const IndicatorResultsSchema = z.object({
  kind: z.literal("jobtrial-indicators"),
  project: z.object({ id: z.string(), title: text, municipality: z.string().nullable() }),
  asOf: z.string(),
  minCellSize: z.number().int().min(3),
  /** Cells suppressed by the disclosure (primary and secondary); 0 before disclosure. */
  suppressedCells: z.number().int().min(0),
  tool: z.object({ name: z.literal("jobtrial"), version: z.string() }),
  indicators: z.array(IndicatorResultSchema),
});
export type IndicatorResults = z.infer<typeof IndicatorResultsSchema>;
