/**
 * The part of the business case's JSON output that the report reads.
 *
 * The business case (packages/analyze/src/business-case/) owns its output schema; until
 * it exports one, this is the minimum the report needs. Objects are loose, so a richer
 * file passes and its other fields are ignored. Amounts are DKK; a year's `lower` and
 * `upper` are the 95 % interval of its net savings.
 */
import { z } from "zod";

const dkk = z.number();

export const BusinessCaseYearSchema = z.looseObject({
  year: z.number().int(),
  /** Programme cost (the budget spent) that year. */
  cost: dkk,
  /** Municipal benefit expenditure saved that year. */
  grossSavings: dkk,
  /** grossSavings minus cost. */
  netSavings: dkk,
  lower: dkk.nullable(),
  upper: dkk.nullable(),
});

export const BusinessCaseInputSchema = z.looseObject({
  /** Trial id the business case was computed for; checked against results.json when present. */
  trialId: z.string().optional(),
  years: z.array(BusinessCaseYearSchema).min(1),
  /** Totals over all years; computed from `years` when absent. */
  total: z.looseObject({ cost: dkk, grossSavings: dkk, netSavings: dkk, lower: dkk.nullable(), upper: dkk.nullable() }).optional(),
  /** Days saved per participant at which the cumulative net savings are exactly 0. */
  breakEvenDaysSaved: z.number().nullable(),
  /** One-at-a-time sensitivity of the total net savings (the tornado). */
  sensitivity: z
    .array(
      z.looseObject({
        /** Name of the varied assumption: a key of the report's texts ("daysSaved", "participantsPerYear", ...) or free text. */
        parameter: z.string(),
        lowValue: z.number().nullable().optional(),
        highValue: z.number().nullable().optional(),
        /** Total net savings with the assumption at its low value. */
        low: dkk,
        /** Total net savings with the assumption at its high value. */
        high: dkk,
      }),
    )
    .default([]),
  /** Figures the budget implies (participants per year, value of a saved day, ...), keyed by name. */
  implied: z.record(z.string(), z.number().nullable()).default({}),
});
export type BusinessCaseInput = z.input<typeof BusinessCaseInputSchema>;
export type BusinessCase = z.infer<typeof BusinessCaseInputSchema>;
