/**
 * Comparison of two proportions: Wald difference and the Pearson chi-square test of
 * R's `prop.test(correct = FALSE)`.
 */
import { z } from "zod";
import { chiSquareSurvival, normalQuantile, normalTwoSidedP } from "./distributions.ts";
import { AnalyzeError } from "./messages.ts";
import { GroupOptionSchema, parseOrThrow } from "./survival-input.ts";
import { prepareTwoSample, TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";

export const TwoProportionsOptionsSchema = z.object({
  /** The two groups, reference first; differences are other minus reference. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /** Confidence level. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
});
export type TwoProportionsOptions = z.input<typeof TwoProportionsOptionsSchema>;

export const ProportionCountsSchema = z.object({
  /** Successes (value 1) in the reference group. */
  referenceSuccesses: z.number().int().nonnegative(),
  /** Rows in the reference group. */
  referenceTotal: z.number().int().positive(),
  /** Successes in the other group. */
  otherSuccesses: z.number().int().nonnegative(),
  /** Rows in the other group. */
  otherTotal: z.number().int().positive(),
});
export type ProportionCounts = z.infer<typeof ProportionCountsSchema>;

export interface TwoProportionsResult {
  /** [reference, other]. */
  groups: [string, string];
  successes: [number, number];
  totals: [number, number];
  proportions: [number, number];
  /** Other minus reference. */
  difference: number;
  /** Wald (unpooled) standard error sqrt(p0 q0/n0 + p1 q1/n1), z, p and interval. */
  wald: { estimate: number; se: number; z: number; p: number; lower: number; upper: number };
  /**
   * prop.test(correct = FALSE): Pearson chi-square with the pooled proportion (the score
   * test), df 1; its interval is the Wald interval cut to [-1, 1], here for other minus
   * reference (R prints it for reference minus other: negate and swap).
   */
  chiSquare: { statistic: number; df: number; p: number; lower: number; upper: number };
  /** R's warning when an expected count is below 5 ("Chi-squared approximation may be incorrect"). */
  warnings: string[];
  nDropped: number;
  nExcluded: number;
}

/** Two proportions from counts (internal, validated by the callers). */
export function twoProportionsFromCounts(counts: ProportionCounts, groups: [string, string], confLevel: number, nDropped = 0, nExcluded = 0): TwoProportionsResult {
  const { referenceSuccesses: x0, referenceTotal: n0, otherSuccesses: x1, otherTotal: n1 } = counts;
  const p0 = x0 / n0;
  const p1 = x1 / n1;
  const difference = p1 - p0;
  const se = Math.sqrt((p0 * (1 - p0)) / n0 + (p1 * (1 - p1)) / n1);
  const zValue = normalQuantile(1 - (1 - confLevel) / 2);
  const zStatistic = difference / se;
  // Pearson chi-square of the 2x2 table against the pooled proportion.
  const pooled = (x0 + x1) / (n0 + n1);
  const observed = [x0, n0 - x0, x1, n1 - x1];
  const expected = [n0 * pooled, n0 * (1 - pooled), n1 * pooled, n1 * (1 - pooled)];
  let statistic = 0;
  for (let cell = 0; cell < 4; cell++) statistic += (observed[cell]! - expected[cell]!) ** 2 / expected[cell]!;
  const warnings = expected.some((value) => value < 5) ? ["Chi-squared approximation may be incorrect"] : [];
  return {
    groups,
    successes: [x0, x1],
    totals: [n0, n1],
    proportions: [p0, p1],
    difference,
    wald: { estimate: difference, se, z: zStatistic, p: normalTwoSidedP(zStatistic), lower: difference - zValue * se, upper: difference + zValue * se },
    chiSquare: {
      statistic,
      df: 1,
      p: chiSquareSurvival(statistic, 1),
      lower: Math.max(difference - zValue * se, -1),
      upper: Math.min(difference + zValue * se, 1),
    },
    warnings,
    nDropped,
    nExcluded,
  };
}

/**
 * Difference of two proportions of a 0/1 outcome (other minus reference) with the Wald
 * (unpooled) standard error, and the chi-square test without continuity correction as
 * R's `prop.test(x, n, correct = FALSE)`.
 *
 * Wald: d = p1 - p0, se = sqrt(p0(1-p0)/n0 + p1(1-p1)/n1), z = d/se, interval d ± z·se.
 * Chi-square: Σ (O - E)²/E over the 2x2 table with the pooled proportion (= the score
 * test's z²), df 1; interval as prop.test (Wald, cut to [-1, 1]).
 *
 * Missing data: rows with a missing value or group are dropped (`nDropped`); a value other
 * than 0/1 is an error (`not_binary`).
 *
 * Reference: Agresti (2013), Categorical Data Analysis, section 3.1; R `stats::prop.test`.
 *
 * @example
 * // R: prop.test(c(15, 25), c(50, 50), correct = FALSE)$statistic
 * twoProportionsFromCounts({ referenceSuccesses: 15, referenceTotal: 50, otherSuccesses: 25, otherTotal: 50 }, ["a", "b"], 0.95)
 *   .chiSquare.statistic // 4.166666666666667
 */
export function twoProportions(data: TwoSampleData, options: TwoProportionsOptions = {}): TwoProportionsResult {
  const input = parseOrThrow(TwoSampleDataSchema, data, "twoProportions data");
  const parsed = parseOrThrow(TwoProportionsOptionsSchema, options, "twoProportions options");
  for (let row = 0; row < input.value.length; row++) {
    const value = input.value[row];
    if (value !== null && value !== undefined && !Number.isNaN(value) && value !== 0 && value !== 1) {
      throw new AnalyzeError({ code: "not_binary", value, row: row + 1 });
    }
  }
  const prepared = prepareTwoSample(input, parsed.groups);
  const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
  for (const [label, values] of [[prepared.groups[0], prepared.reference], [prepared.groups[1], prepared.other]] as const) {
    if (values.length < 1) throw new AnalyzeError({ code: "too_few_observations", group: label, n: 0, needed: 1 });
  }
  return twoProportionsFromCounts(
    { referenceSuccesses: sum(prepared.reference), referenceTotal: prepared.reference.length, otherSuccesses: sum(prepared.other), otherTotal: prepared.other.length },
    prepared.groups,
    parsed.confLevel,
    prepared.nDropped,
    prepared.nExcluded,
  );
}
