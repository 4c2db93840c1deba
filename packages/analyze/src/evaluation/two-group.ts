/**
 * Small two-group comparisons the evaluation needs for its summary tables,
 * private to it: Welch's difference in means, the HC2 difference in means
 * (which for one binary regressor is sum of s²/n per arm), a difference in
 * proportions, and the exact binomial test.
 */
import { normalQuantile, normalTwoSidedP, studentTQuantile, studentTTwoSidedP } from "../distributions.ts";
import { logGamma } from "../special-functions.ts";

export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** n, mean and sample standard deviation (n - 1); mean null for n = 0, sd null for n < 2. */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null };
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}

export interface Difference {
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
}

export const NO_DIFFERENCE: Difference = { estimate: null, se: null, lower: null, upper: null, p: null };

/**
 * Difference in means a - b with the unequal-variance standard error
 * sqrt(s_a²/n_a + s_b²/n_b) (= HC2 for a two-arm regression, as estimatr's
 * difference_in_means) and a t interval with Welch-Satterthwaite degrees of
 * freedom. Null when an arm has fewer than 2 values or both variances are 0.
 */
export function welchDifference(a: readonly number[], b: readonly number[], confLevel = 0.95): Difference {
  const first = summarize(a);
  const second = summarize(b);
  if (first.sd === null || second.sd === null) return NO_DIFFERENCE;
  const varianceA = first.sd ** 2 / first.n;
  const varianceB = second.sd ** 2 / second.n;
  const se = Math.sqrt(varianceA + varianceB);
  if (!(se > 0)) return NO_DIFFERENCE;
  const estimate = first.mean! - second.mean!;
  const df = (varianceA + varianceB) ** 2 / (varianceA ** 2 / (first.n - 1) + varianceB ** 2 / (second.n - 1));
  const quantile = studentTQuantile(1 - (1 - confLevel) / 2, df);
  return { estimate, se, lower: estimate - quantile * se, upper: estimate + quantile * se, p: studentTTwoSidedP(estimate / se, df) };
}

/** Difference in proportions a - b with the unpooled Wald standard error and a normal interval. */
export function proportionDifference(successesA: number, nA: number, successesB: number, nB: number, confLevel = 0.95): Difference {
  if (nA === 0 || nB === 0) return NO_DIFFERENCE;
  const pA = successesA / nA;
  const pB = successesB / nB;
  const se = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  const estimate = pA - pB;
  if (!(se > 0)) return { estimate, se: 0, lower: estimate, upper: estimate, p: null };
  const quantile = normalQuantile(1 - (1 - confLevel) / 2);
  return { estimate, se, lower: estimate - quantile * se, upper: estimate + quantile * se, p: normalTwoSidedP(estimate / se) };
}

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/**
 * Exact two-sided binomial test of k successes in n against p, as R's
 * binom.test: the sum of the probabilities of outcomes no more likely than
 * the observed (relative tolerance 1e-7).
 *
 * @example binomialTestP(7, 20, 0.5) // 0.2631760 (R: binom.test(7, 20, 0.5)$p.value)
 */
export function binomialTestP(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const observed = logBinomialPmf(k, n, p);
  const threshold = observed + Math.log1p(1e-7);
  let total = 0;
  for (let outcome = 0; outcome <= n; outcome++) {
    const value = logBinomialPmf(outcome, n, p);
    if (value <= threshold) total += Math.exp(value);
  }
  return Math.min(1, total);
}
