/**
 * The exact binomial test (two-sided, as R's `binom.test`): the p-value is
 * the total probability of every outcome no more likely than the observed
 * one, with R's relative tolerance of 1e-7 for ties in probability.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0]!;
  for (let index = 1; index < 9; index++) sum += LANCZOS[index]! / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Two-sided exact binomial test of `successes` in `trials` against `p`.
 * Returns 1 for zero trials.
 *
 * @example binomialTestTwoSided(682, 925, 0.75) // 0.3825 (R: binom.test(682, 925, p = 0.75)$p.value = 0.3824916)
 */
export function binomialTestTwoSided(successes: number, trials: number, p: number): number {
  if (trials === 0) return 1;
  const observed = binomialPmf(successes, trials, p);
  const limit = observed * (1 + 1e-7);
  let total = 0;
  for (let k = 0; k <= trials; k++) {
    const probability = binomialPmf(k, trials, p);
    if (probability <= limit) total += probability;
  }
  return Math.min(1, total);
}
