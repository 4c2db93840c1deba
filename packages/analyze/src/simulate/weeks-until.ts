/**
 * Whole weeks until a weekly chance first comes true, from one uniform by inversion: the
 * geometric distribution on 1, 2, 3, ... with P(k) = p (1 - p)^(k - 1) and mean 1 / p,
 *   k = 1 + floor(ln(1 - u) / ln(1 - p)).
 * The simulator draws its uniforms in a fixed order and turns them into weeks here: the
 * path model's move week and prior history (simulate-paths.ts) and a municipality's weeks
 * on a code after a stock (simulate-municipality.ts). A probability of 1 gives 1 week.
 *
 * @example weeksUntil(0.9, 0.5) // 4 (ln 0.1 / ln 0.5 = 3.32)
 */
export function weeksUntil(draw: number, probability: number): number {
  return 1 + Math.floor(Math.log(1 - draw) / Math.log(1 - probability));
}
