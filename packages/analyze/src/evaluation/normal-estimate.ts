/**
 * An estimate with its standard error as results.json writes it: the 95 % normal interval
 * estimate ± z_0.975 × se and the two-sided normal p-value 2 (1 - Φ(|estimate / se|)).
 */
import { normalQuantile, normalTwoSidedP } from "@jobtrial/survival";
import type { Estimate } from "../results-schema.ts";

const Z_975 = normalQuantile(0.975);

/**
 * The estimate with its 95 % normal interval and p-value; p is null when the standard
 * error is 0 or not finite (nothing varies: no test).
 *
 * @example normalEstimate(2, 1) // { estimate: 2, se: 1, lower: 0.0400720309, upper: 3.9599279691, p: 0.0455002639 }
 */
export function normalEstimate(estimate: number, se: number): Required<Estimate> {
  const testable = se > 0 && Number.isFinite(se);
  return {
    estimate,
    se,
    lower: estimate - Z_975 * se,
    upper: estimate + Z_975 * se,
    p: testable ? normalTwoSidedP(estimate / se) : null,
  };
}
