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
  /** Restricted mean duration, control minus intervention, up to tau (days); null where analyze could not estimate it. */
  daysSaved: z.looseObject({
    estimate: z.number().nullable(),
    se: z.number().min(0).nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    tau: z.number().int().positive(),
  }),
  /** Data extraction date (ISO); entries are observed up to the day before. Optional. */
  asOf: z.iso.date().optional(),
  intake: z.looseObject({
    /** First day of the intake window the counts cover (ISO date). Default: Monday of the first week in byWeek */
    from: z.iso.date().optional(),
    /** Last day of the intake window (ISO date, inclusive). Default: the day before asOf, or the Sunday of the last week in byWeek */
    to: z.iso.date().optional(),
    /** Assigned citizens by ISO week of the first unemployment day; only its first and last week are read. */
    byWeek: z.array(z.looseObject({ week: z.string().refine(isIsoWeek, { message: 'must be an ISO week such as "2017-W03"' }) })).optional(),
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
