/**
 * Lan-DeMets alpha-spending functions: how much of the type I error α may be used up
 * ("spent") by information fraction t, 0 < t <= 1, with α(1) = α (Lan & DeMets 1983,
 * "Discrete sequential boundaries for clinical trials", Biometrika 70: 659-663).
 */
import { normalCdf, normalQuantile } from "./distributions.ts";

/** The spending functions offered. */
export const SPENDING_FUNCTIONS = ["obrien-fleming", "pocock"] as const;
export type SpendingFunction = (typeof SPENDING_FUNCTIONS)[number];

/**
 * Cumulative alpha spent by information fraction t (two-sided total for `sided` = 2),
 * as rpact's `getDesignGroupSequential` spends it:
 *
 * - "obrien-fleming" (rpact "asOF"): α(t) = 2 · sided · (1 - Φ(Φ⁻¹(1 - α / (2 · sided)) / sqrt(t))).
 *   One-sided this is Lan-DeMets' 2 (1 - Φ(z_{α/2} / sqrt(t))); two-sided it spends α/2
 *   on each side by the one-sided function, so early looks spend almost nothing.
 * - "pocock" (rpact "asP"): α(t) = α · log(1 + (e - 1) t), which gives nearly (not
 *   exactly) equal boundaries at equally spaced looks.
 *
 * @example alphaSpending(0.25, 0.05, 2, "obrien-fleming") // 1.473361687187595e-05 (rpact 3.3.4: getDesignGroupSequential(kMax = 4, alpha = 0.05, sided = 2, typeOfDesign = "asOF", informationRates = c(0.25, 0.5, 0.75, 1))$alphaSpent[1])
 */
export function alphaSpending(fraction: number, alpha: number, sided: 1 | 2, spending: SpendingFunction): number {
  if (fraction >= 1) return alpha;
  switch (spending) {
    case "obrien-fleming": {
      const finalCriticalValue = -normalQuantile(alpha / (2 * sided));
      return 2 * sided * normalCdf(-finalCriticalValue / Math.sqrt(fraction));
    }
    case "pocock":
      return alpha * Math.log(1 + (Math.E - 1) * fraction);
  }
}
