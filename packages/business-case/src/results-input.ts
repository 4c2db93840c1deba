/**
 * The part of results.json that the business case reads, and nothing more. Every object
 * is loose (`z.looseObject`), so the full results file written by `jobtrial analyze`
 * parses and its other fields pass through untouched. The contract is documented in
 * packages/business-case/docs/business-case.md.
 */
import { z } from "zod";
import { isIsoWeek, jsonPath } from "@jobtrial/core";
import { BusinessCaseError } from "./messages.ts";

const count = z.number().int().min(0);
const probability = z.number().min(0).max(1);
/** survfit writes NA/Inf/NaN where a value does not exist (S = 0); we accept null there. */
const optionalNumber = z.number().nullable();

/**
 * One row of a Kaplan-Meier table, one row per distinct time (events or censorings),
 * increasing in time; S(0) = 1 is implicit and not listed. The shape of R's survfit and
 * of the `km` entries of `jobtrial survival --format json`.
 */
export const KmRowSchema = z.looseObject({
  /** Days since the first unemployment day. */
  time: z.number().min(0),
  /** At risk just before `time`. */
  nRisk: count,
  /** Spells ending at `time`. */
  nEvent: count,
  /** Spells censored at `time`. */
  nCensor: count,
  /** Kaplan-Meier survival just after `time`: the share still unemployed. */
  surv: probability,
  /** survfit's std.err (Greenwood SE of log S); not used by the business case. */
  stdErr: optionalNumber,
  /** 95 % band; not used by the business case. */
  lower: optionalNumber,
  upper: optionalNumber,
});
export type KmRow = z.infer<typeof KmRowSchema>;

export const BusinessCaseResultsInputSchema = z.looseObject({
  trial: z.looseObject({
    /** Trial id of the configuration the results were computed with. */
    id: z.string().min(1),
    /** configHash (SHA-256 of the canonical configuration) the results were computed with. */
    configHash: z.string().min(1),
  }),
  km: z.looseObject({
    control: z.array(KmRowSchema).min(1),
    intervention: z.array(KmRowSchema).min(1),
  }),
  /**
   * Days saved at tau, control minus intervention; null where analyze could not estimate it.
   * `measure` "days-on-benefit" (days on A-dagpenge with re-entries, from the weekly benefit
   * panel) or "days-to-first-exit" (the restricted mean of the first spell, the area between
   * the `km` curves); absent in files written before the panel: days to the first exit.
   */
  daysSaved: z.looseObject({
    estimate: z.number().nullable(),
    se: z.number().min(0).nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    tau: z.number().int().positive(),
    measure: z.enum(["days-on-benefit", "days-to-first-exit"]).optional(),
  }),
  /** Days to the first exit (the area between the `km` curves up to tau); written beside a days-on-benefit daysSaved. Optional. */
  daysToFirstExit: z.looseObject({ estimate: z.number().nullable(), se: z.number().min(0).nullable().optional(), tau: z.number().int().positive() }).optional(),
  /**
   * The municipality's mean expenditure per citizen within tau, priced per benefit and
   * co-financing step from the weekly benefit panel (analyze's evaluation/expenditure.ts);
   * `saving` = control minus intervention at the primary horizon, DKK, null where not
   * estimable. null or absent without the panel.
   */
  expenditure: z
    .looseObject({
      byHorizon: z.array(z.looseObject({ tau: z.number().int().positive(), saving: z.looseObject({ estimate: z.number().nullable(), se: z.number().min(0).nullable() }) })),
      saving: z.looseObject({ estimate: z.number().nullable(), se: z.number().min(0).nullable(), tau: z.number().int().positive() }),
    })
    .nullable()
    .optional(),
  /** Data extraction date (ISO); entries are observed up to the day before. Optional. */
  asOf: z.iso.date().optional(),
  intake: z.looseObject({
    /** First day of the intake window the counts cover (ISO date). Default: Monday of the first week in byWeek */
    from: z.iso.date().optional(),
    /** Last day of the intake window (ISO date, inclusive). Default: the day before asOf, or the Sunday of the last week in byWeek */
    to: z.iso.date().optional(),
    /**
     * Assigned citizens by ISO week of the first unemployment day, in week order. Its first and
     * last week bound the intake window; the counts (null = suppressed small count, read as 0)
     * give the seasonal pattern a partial year is projected with. Counts absent: no pattern.
     */
    byWeek: z
      .array(
        z.looseObject({
          week: z.string().refine(isIsoWeek, { message: 'must be an ISO week such as "2017-W03"' }),
          control: count.nullable().optional(),
          intervention: count.nullable().optional(),
        }),
      )
      .optional(),
    /** Assigned citizens by calendar year of their first unemployment day; null = suppressed small count (read as 0). */
    byYear: z.array(z.looseObject({ year: z.number().int(), control: count.nullable(), intervention: count.nullable() })).min(1),
  }),
});
/** The subset of results.json the business case reads. */
export type BusinessCaseResultsInput = z.infer<typeof BusinessCaseResultsInputSchema>;

/**
 * Validates a parsed results.json for the business case.
 * Throws `BusinessCaseError` ("results_invalid") listing each missing or bad field by JSON path.
 */
export function parseBusinessCaseResults(value: unknown): BusinessCaseResultsInput {
  const parsed = BusinessCaseResultsInputSchema.safeParse(value);
  if (!parsed.success) {
    throw new BusinessCaseError({
      code: "results_invalid",
      problems: parsed.error.issues.map((issue) => `${jsonPath(issue.path)} ${issue.message}`),
    });
  }
  return parsed.data;
}
