/**
 * Difference in means with the Neyman (HC2) standard error, as estimatr's
 * `difference_in_means`, also blocked.
 */
import { z } from "zod";
import { studentTQuantile, studentTTwoSidedP } from "./distributions.ts";
import { AnalyzeError } from "./messages.ts";
import { GroupOptionSchema, parseOrThrow } from "./survival-input.ts";
import { meanAndVariance } from "./descriptive.ts";
import { prepareTwoSample, TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";
import { welchFromSamples } from "./welch-t-test.ts";

export const DifferenceInMeansOptionsSchema = z.object({
  /** The two groups, reference first; the estimate is other minus reference. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /** Use `data.blocks` (block-size weighted differences). Default: false */
  blocked: z.boolean().default(false),
  /** Confidence level. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
});
export type DifferenceInMeansOptions = z.input<typeof DifferenceInMeansOptionsSchema>;

export interface DifferenceInMeansResult {
  /** [reference, other]. */
  groups: [string, string];
  /** mean(other) - mean(reference) (blocked: weighted by block size). */
  estimate: number;
  stdErr: number;
  t: number;
  df: number;
  p: number;
  lower: number;
  upper: number;
  n: number;
  nDropped: number;
  nExcluded: number;
  blocked: boolean;
  /** Number of blocks (1 when not blocked). */
  nBlocks: number;
}

/**
 * Difference in means between two randomized groups with the Neyman standard error
 * (equal to HC2 in the regression of the outcome on the group indicator), as
 * `estimatr::difference_in_means(y ~ group)`: the estimate is other minus reference.
 *
 * Unblocked: d = ȳ_1 - ȳ_0, se = sqrt(s_1²/n_1 + s_0²/n_0), Welch-Satterthwaite df, t-based
 * p and interval (same SE and df as Welch's t-test, opposite sign to R's t.test order).
 * Blocked: d = Σ_b (N_b/N) d_b, se = sqrt(Σ_b (N_b/N)² se_b²), df = N - 2·B; every block
 * needs at least two rows per group (`block_too_small`; estimatr's matched-pairs variant is
 * not implemented).
 *
 * Missing data: rows with a missing value, group or (blocked) block are dropped
 * (`nDropped`); rows of other groups are excluded (`nExcluded`).
 *
 * Reference: Gerber & Green (2012), Field Experiments, eq. 3.6 and 4.x; estimatr 1.0.0.
 *
 * @example
 * // R: estimatr::difference_in_means(y ~ g, data.frame(y = c(1, 2, 3, 4, 2, 4, 6, 8, 10), g = rep(c("control", "b"), c(4, 5))))
 * differenceInMeans({ value: [1, 2, 3, 4, 2, 4, 6, 8, 10], group: ["control", "control", "control", "control", "b", "b", "b", "b", "b"] }).estimate // 3.5
 */
export function differenceInMeans(data: TwoSampleData, options: DifferenceInMeansOptions = {}): DifferenceInMeansResult {
  const input = parseOrThrow(TwoSampleDataSchema, data, "differenceInMeans data");
  const parsed = parseOrThrow(DifferenceInMeansOptionsSchema, options, "differenceInMeans options");
  if (parsed.blocked && input.blocks === undefined) throw new AnalyzeError({ code: "invalid_input", detail: "blocked: true needs a blocks column (data.blocks)" });
  const prepared = prepareTwoSample(input, parsed.groups, parsed.blocked);
  const quantileFor = (df: number) => studentTQuantile(1 - (1 - parsed.confLevel) / 2, df);
  const n = prepared.reference.length + prepared.other.length;
  const common = { groups: prepared.groups, n, nDropped: prepared.nDropped, nExcluded: prepared.nExcluded, blocked: parsed.blocked };
  if (!parsed.blocked) {
    for (const [label, values] of [[prepared.groups[0], prepared.reference], [prepared.groups[1], prepared.other]] as const) {
      if (values.length < 2) throw new AnalyzeError({ code: "too_few_observations", group: label, n: values.length, needed: 2 });
    }
    // Unblocked, the Neyman SE and Welch-Satterthwaite df are Welch's t-test of other against reference.
    const { estimate, stdErr, t, df, p, lower, upper } = welchFromSamples(prepared.other, prepared.reference, parsed.confLevel);
    return { ...common, estimate, stdErr, t, df, p, lower, upper, nBlocks: 1 };
  }
  const nBlocks = prepared.blockLabels.length;
  const split = (values: Float64Array, codes: Int32Array) => {
    const byBlock: number[][] = Array.from({ length: nBlocks }, () => []);
    for (let index = 0; index < values.length; index++) byBlock[codes[index]!]!.push(values[index]!);
    return byBlock;
  };
  const referenceByBlock = split(prepared.reference, prepared.referenceBlocks);
  const otherByBlock = split(prepared.other, prepared.otherBlocks);
  let estimate = 0;
  let variance = 0;
  for (let block = 0; block < nBlocks; block++) {
    const referenceValues = referenceByBlock[block]!;
    const otherValues = otherByBlock[block]!;
    for (const [label, values] of [[prepared.groups[0], referenceValues], [prepared.groups[1], otherValues]] as const) {
      if (values.length < 2) throw new AnalyzeError({ code: "block_too_small", block: prepared.blockLabels[block]!, group: label, n: values.length });
    }
    const reference = meanAndVariance(referenceValues);
    const other = meanAndVariance(otherValues);
    const weight = (reference.n + other.n) / n;
    estimate += weight * (other.mean - reference.mean);
    variance += weight * weight * (reference.variance / reference.n + other.variance / other.n);
  }
  const stdErr = Math.sqrt(variance);
  const df = n - 2 * nBlocks;
  const t = estimate / stdErr;
  const quantile = quantileFor(df);
  return { ...common, estimate, stdErr, t, df, p: studentTTwoSidedP(t, df), lower: estimate - quantile * stdErr, upper: estimate + quantile * stdErr, nBlocks };
}
