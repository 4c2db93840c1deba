/**
 * Wilson score interval for a binomial proportion: the set of proportions p whose score
 * test (x/n - p) / sqrt(p (1 - p) / n) does not reject at the level, without continuity
 * correction. Unlike the Wald interval it stays inside [0, 1] and keeps its coverage for
 * small counts and proportions near 0 or 1.
 *
 * Formula, with z the normal quantile and p̂ = x / n:
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n)
 *   halfWidth = z / (1 + z²/n) * sqrt(p̂ (1 - p̂) / n + z² / (4n²))
 *
 * `trials` may be fractional (a share of full-time persons, where n is the full-time
 * persons): the formula needs no integers. Zero trials give null: nothing is known.
 *
 * Reference: Wilson (1927), JASA 22, 209-212; Newcombe (1998), Stat Med 17, 857-872,
 * method 3. R: `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 * @example wilsonInterval(63, 362) // { lower: 0.13845, upper: 0.21646 } (R: prop.test(63, 362, correct = FALSE)$conf.int = 0.1384547 0.2164571)
 */
import { normalQuantile } from "./distributions.ts";

export interface ProportionInterval {
  lower: number;
  upper: number;
}

export function wilsonInterval(successes: number, trials: number, confLevel = 0.95): ProportionInterval | null {
  if (!(trials > 0) || successes < 0 || successes > trials) return null;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const zSquared = z * z;
  const share = successes / trials;
  const shrink = 1 + zSquared / trials;
  const centre = (share + zSquared / (2 * trials)) / shrink;
  const halfWidth = (z / shrink) * Math.sqrt((share * (1 - share)) / trials + zSquared / (4 * trials * trials));
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * p1 - p2 (Newcombe 1998, method 10), built from each proportion's Wilson interval
 * (l1, u1), (l2, u2):
 *   lower = d - sqrt((p1 - l1)² + (u2 - p2)²),  upper = d + sqrt((u1 - p1)² + (p2 - l2)²).
 * Null when either proportion has zero trials.
 *
 * @example newcombeDifferenceInterval(56, 70, 48, 80) // { lower: 0.05243, upper: 0.33387 } (Newcombe 1998, Table II: 0.0524 to 0.3339)
 */
export function newcombeDifferenceInterval(successes1: number, trials1: number, successes2: number, trials2: number, confLevel = 0.95): ProportionInterval | null {
  const first = wilsonInterval(successes1, trials1, confLevel);
  const second = wilsonInterval(successes2, trials2, confLevel);
  if (first === null || second === null) return null;
  const share1 = successes1 / trials1;
  const share2 = successes2 / trials2;
  const difference = share1 - share2;
  return {
    lower: difference - Math.sqrt((share1 - first.lower) ** 2 + (second.upper - share2) ** 2),
    upper: difference + Math.sqrt((first.upper - share1) ** 2 + (share2 - second.lower) ** 2),
  };
}
