/**
 * Repeated confidence intervals: intervals at every look of a group-sequential design
 * that hold their level jointly, however many looks are taken and whether or not the
 * trial stops.
 */
import { z } from "zod";
import type { GroupSequentialBoundaries } from "./group-sequential-boundaries.ts";
import { GroupSequentialError } from "./group-sequential-messages.ts";

export const LookEstimateSchema = z.object({
  /** The estimate at the look (e.g. days saved). */
  estimate: z.number(),
  /** Its standard error; 1 / standardError² is the information at the look. */
  standardError: z.number(),
});
export type LookEstimate = z.input<typeof LookEstimateSchema>;

/** One look: the test of θ = 0 against the boundary, and the repeated interval for θ. */
export interface RepeatedInterval {
  /** 1, 2, ... */
  look: number;
  estimate: number;
  standardError: number;
  /** estimate / standardError. */
  z: number;
  /** The boundary c_k of the look. */
  criticalValue: number;
  /** |z| >= c_k (two-sided) or z >= c_k (one-sided): the design would stop here and reject θ = 0. */
  crossed: boolean;
  /** estimate - c_k · standardError. */
  lower: number;
  /** estimate + c_k · standardError; null (unbounded) for a one-sided design. */
  upper: number | null;
}

/**
 * Repeated confidence intervals (Jennison & Turnbull 1989, JRSS B 51: 305-361; Jennison &
 * Turnbull 2000, ch. 9): at look k,
 *
 *     θ̂_k ± c_k · SE_k
 *
 * with c_k the boundary of a two-sided level-α design at the observed information
 * fractions. For every true θ, Z_k(θ) = (θ̂_k - θ) / SE_k has the canonical joint
 * distribution, so P(|Z_k(θ)| < c_k at every look) = 1 - α: the intervals cover θ
 * simultaneously with probability 1 - α. An interval excludes 0 exactly when the test
 * crosses its boundary at that look. For a one-sided design the interval is
 * [θ̂_k - c_k · SE_k, ∞) with the same joint coverage. Early intervals are wide under
 * O'Brien-Fleming spending (c_1 is large); the last one is close to the fixed-sample
 * interval.
 *
 * `looks` are the looks so far, in order, at most as many as the boundaries have.
 *
 * @example repeatedConfidenceIntervals(groupSequentialBoundaries({ informationRates: [0.5, 1] }), [{ estimate: 6, standardError: 2 }])[0] // { z: 3, criticalValue: 2.962588, crossed: true, lower: 0.074824, upper: 11.925176 } (c_1 = Φ⁻¹(1 - α(0.5)/2), α(0.5) = 4 (1 - Φ(Φ⁻¹(1 - 0.05/4) / sqrt(0.5))) = 0.0030506)
 */
export function repeatedConfidenceIntervals(boundaries: GroupSequentialBoundaries, looks: readonly LookEstimate[]): RepeatedInterval[] {
  if (looks.length > boundaries.criticalValues.length) {
    throw new GroupSequentialError({ code: "too_many_looks", looks: looks.length, boundaries: boundaries.criticalValues.length });
  }
  return looks.map((look, index) => {
    const { estimate, standardError } = look;
    if (!Number.isFinite(estimate)) throw new GroupSequentialError({ code: "invalid_estimate", look: index + 1, value: estimate });
    if (!(standardError > 0 && Number.isFinite(standardError))) throw new GroupSequentialError({ code: "invalid_standard_error", look: index + 1, value: standardError });
    const criticalValue = boundaries.criticalValues[index]!;
    const z = estimate / standardError;
    const halfWidth = criticalValue * standardError;
    return {
      look: index + 1,
      estimate,
      standardError,
      z,
      criticalValue,
      crossed: boundaries.sided === 2 ? Math.abs(z) >= criticalValue : z >= criticalValue,
      lower: estimate - halfWidth,
      upper: boundaries.sided === 2 ? estimate + halfWidth : null,
    };
  });
}
