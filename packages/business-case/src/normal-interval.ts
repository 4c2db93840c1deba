/**
 * The 95 % normal interval and P(value > 0) of a priced figure from its delta-method
 * variance (packages/business-case/docs/business-case.md, "Uncertainty: the delta method").
 * Phi is @jobtrial/survival's `normalCdf` (R's pnorm to about 1e-14), the one normal CDF
 * of the toolkit.
 */
import { normalCdf } from "@jobtrial/survival";

/** 97.5 % quantile of the standard normal, R's qnorm(0.975). */
export const Z_975 = 1.959963984540054;

/** Standard error, 95 % interval and P(> 0); all null without a variance (a what-if). */
export interface NormalInterval {
  se: number | null;
  lower: number | null;
  upper: number | null;
  probabilityPositive: number | null;
}

/**
 * SE = sqrt(variance) x factor; interval value +- 1.959964 SE; P(value > 0) = Phi(value / SE),
 * a normal approximation. With SE = 0 the sign is certain: 1 or 0, or null when the value is
 * 0 too (nothing saved, nothing spent: no probability to state). `factor` is
 * 1 - regionalGrantShare for net savings (the grant takes back a share of the gross).
 *
 * @example normalInterval(100, 2500, 1) // { se: 50, lower: 2.0018, upper: 197.9982, probabilityPositive: 0.9772498680518208 } (R: pnorm(2))
 */
export function normalInterval(value: number, variance: number | null, factor: number): NormalInterval {
  if (variance === null) return { se: null, lower: null, upper: null, probabilityPositive: null };
  const se = Math.sqrt(variance) * factor;
  return {
    se,
    lower: value - Z_975 * se,
    upper: value + Z_975 * se,
    // With no spread (nothing saved, nothing spent) the sign is not uncertain but there is no probability to state.
    probabilityPositive: se > 0 ? normalCdf(value / se) : value === 0 ? null : value > 0 ? 1 : 0,
  };
}
