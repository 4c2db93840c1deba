/**
 * The two-sample comparison of `jobtrial compare` in one call: Welch t-test, difference in
 * means (Neyman SE), two proportions when the value is 0/1, a seeded permutation test and
 * a seeded bootstrap interval. Every difference is other minus reference.
 */
import { z } from "zod";
import { bootstrapInterval, type BootstrapIntervalResult } from "./bootstrap-interval.ts";
import { differenceInMeans, type DifferenceInMeansResult } from "./difference-in-means.ts";
import { permutationTest, type PermutationTestResult } from "./permutation-test.ts";
import { randomSource } from "./random-source.ts";
import { GroupOptionSchema, parseOrThrow } from "./survival-input.ts";
import { twoProportions, type TwoProportionsResult } from "./two-proportions.ts";
import { prepareTwoSample, TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";
import { welchFromSamples, type WelchTTestResult } from "./welch-t-test.ts";

export const TwoSampleSummaryOptionsSchema = z.object({
  /** The two groups, reference first. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
  /** Seed of the permutation test and the bootstrap. Default: 1 */
  seed: z.number().int().default(1),
  /** Permutations. Default: 9999 */
  permutations: z.number().int().positive().default(9999),
  /** Bootstrap replicates. Default: 2000 */
  replicates: z.number().int().min(2).default(2000),
});
export type TwoSampleSummaryOptions = z.input<typeof TwoSampleSummaryOptionsSchema>;

export interface TwoSampleSummary {
  groups: [string, string];
  /** Welch t-test of mean(other) - mean(reference). */
  welch: WelchTTestResult;
  diffInMeans: DifferenceInMeansResult;
  /** Null unless every value is 0 or 1. */
  proportions: TwoProportionsResult | null;
  permutation: PermutationTestResult;
  bootstrap: BootstrapIntervalResult;
}

/**
 * All two-sample comparisons of a value between two groups (other minus reference).
 * The permutation test and the bootstrap use separate seeded sources derived from `seed`,
 * so the same seed gives the same output.
 *
 * @example twoSampleSummary({ value, group }, { seed: 42 }).diffInMeans.estimate
 */
export function twoSampleSummary(data: TwoSampleData, options: TwoSampleSummaryOptions = {}): TwoSampleSummary {
  const input = parseOrThrow(TwoSampleDataSchema, data, "twoSampleSummary data");
  const parsed = parseOrThrow(TwoSampleSummaryOptionsSchema, options, "twoSampleSummary options");
  const prepared = prepareTwoSample(input, parsed.groups);
  const groups = prepared.groups;
  const welch = welchFromSamples(prepared.other, prepared.reference, 0.95, prepared.nDropped);
  const diffInMeans = differenceInMeans(input, { groups });
  let binary = true;
  for (const values of [prepared.reference, prepared.other]) {
    for (let index = 0; index < values.length && binary; index++) if (values[index] !== 0 && values[index] !== 1) binary = false;
  }
  const proportions = binary ? twoProportions(input, { groups }) : null;
  const permutation = permutationTest(input, { groups, permutations: parsed.permutations, randomSource: randomSource(parsed.seed) });
  const bootstrap = bootstrapInterval(input, { groups, replicates: parsed.replicates, randomSource: randomSource(parsed.seed + 1) });
  return { groups, welch, diffInMeans, proportions, permutation, bootstrap };
}
