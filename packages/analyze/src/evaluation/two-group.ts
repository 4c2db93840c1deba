/**
 * The evaluation's two-group summaries in the shape of results.json (an
 * `Estimate` of nulls when a difference cannot be estimated), computed by the
 * package's public estimators: Welch's t-test (whose standard error is the HC2
 * difference in means for one binary regressor, as estimatr's
 * difference_in_means) and the Wald difference of two proportions.
 */
import type { Estimate } from "../results-schema.ts";
import { meanAndVariance } from "@jobtrial/survival";
import { twoProportionsFromCounts } from "@jobtrial/survival";
import { welchTTest } from "@jobtrial/survival";

export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** n, mean and sample standard deviation (n - 1); mean null for n = 0, sd null for n < 2. */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  const { mean, variance } = meanAndVariance(values);
  return { n, mean, sd: n < 2 ? null : Math.sqrt(variance) };
}

export type Difference = Required<Estimate>;

export const NO_DIFFERENCE: Difference = { estimate: null, se: null, lower: null, upper: null, p: null };

/**
 * Difference in means a - b by `welchTTest(a, b)`: the unequal-variance
 * standard error sqrt(s_a²/n_a + s_b²/n_b) and a t interval with
 * Welch-Satterthwaite degrees of freedom. Null when an arm has fewer than 2
 * values or both variances are 0.
 */
export function welchDifference(a: readonly number[], b: readonly number[], confLevel = 0.95): Difference {
  if (a.length < 2 || b.length < 2) return NO_DIFFERENCE;
  const welch = welchTTest(a, b, { confLevel });
  if (!(welch.stdErr > 0)) return NO_DIFFERENCE;
  return { estimate: welch.estimate, se: welch.stdErr, lower: welch.lower, upper: welch.upper, p: welch.p };
}

/**
 * Difference in proportions a - b with the unpooled Wald standard error and a
 * normal interval (`twoProportionsFromCounts`, b as the reference). Null when
 * an arm is empty; p null when the standard error is 0.
 */
export function proportionDifference(successesA: number, nA: number, successesB: number, nB: number, confLevel = 0.95): Difference {
  if (nA === 0 || nB === 0) return NO_DIFFERENCE;
  const { wald } = twoProportionsFromCounts({ referenceSuccesses: successesB, referenceTotal: nB, otherSuccesses: successesA, otherTotal: nA }, ["b", "a"], confLevel);
  if (!(wald.se > 0)) return { estimate: wald.estimate, se: 0, lower: wald.estimate, upper: wald.estimate, p: null };
  return { estimate: wald.estimate, se: wald.se, lower: wald.lower, upper: wald.upper, p: wald.p };
}
