/**
 * The information fraction of a look: how far the trial is, measured in statistical
 * information rather than calendar time or head count.
 */
import { z } from "zod";
import { GroupSequentialError } from "./group-sequential-messages.ts";

export const InformationFractionOptionsSchema = z.union([
  z.object({
    /** Standard error of the estimate at this look. */
    standardError: z.number(),
    /** Information expected at the final analysis, 1 / (expected final standard error)². */
    expectedFinalInformation: z.number(),
  }),
  z.object({
    /** Standard error of the estimate at this look. */
    standardError: z.number(),
    /** Standard error expected at the final analysis (from the precision projection). */
    expectedFinalStandardError: z.number(),
  }),
]);
export type InformationFractionOptions = z.input<typeof InformationFractionOptionsSchema>;

/**
 * Information fraction t = I_k / I_max: the observed information at the look,
 * I_k = 1 / SE_k², over the information expected at the final analysis,
 * I_max = 1 / SE_final² (Jennison & Turnbull 2000, section 7.2; Lan & DeMets 1983).
 * The boundaries are recomputed at the observed fractions (`groupSequentialBoundaries`).
 *
 * Returned as computed, so it can exceed 1 when the data are more precise than the
 * projection. What to do then is the caller's decision, made once: at the final
 * analysis use t = 1 (spend what is left of alpha); at an interim look above 1 the
 * projection was too pessimistic and should be redone.
 *
 * @example informationFraction({ standardError: 4, expectedFinalStandardError: 2 }) // 0.25 (1/16 over 1/4)
 */
export function informationFraction(options: InformationFractionOptions): number {
  const parsed = InformationFractionOptionsSchema.safeParse(options);
  const raw = options as { standardError?: unknown; expectedFinalInformation?: unknown; expectedFinalStandardError?: unknown };
  if (!parsed.success) {
    if (!(typeof raw.standardError === "number" && raw.standardError > 0 && Number.isFinite(raw.standardError))) {
      throw new GroupSequentialError({ code: "invalid_standard_error", look: null, value: raw.standardError });
    }
    throw new GroupSequentialError({ code: "invalid_final_information", value: raw.expectedFinalInformation ?? raw.expectedFinalStandardError });
  }
  const { standardError } = parsed.data;
  if (!(standardError > 0 && Number.isFinite(standardError))) throw new GroupSequentialError({ code: "invalid_standard_error", look: null, value: standardError });
  const finalInformation =
    "expectedFinalInformation" in parsed.data ? parsed.data.expectedFinalInformation : 1 / parsed.data.expectedFinalStandardError ** 2;
  if (!(finalInformation > 0 && Number.isFinite(finalInformation))) {
    throw new GroupSequentialError({ code: "invalid_final_information", value: "expectedFinalInformation" in parsed.data ? finalInformation : parsed.data.expectedFinalStandardError });
  }
  return 1 / standardError ** 2 / finalInformation;
}
