/**
 * Percentile bootstrap interval for the difference in means, with seeded randomness.
 */
import { mean as sampleMean, quantileSorted } from "simple-statistics";
import { z } from "zod";
import { AnalyzeError } from "./messages.ts";
import { uniformInt, type RandomSource } from "./random-source.ts";
import { GroupOptionSchema, parseOrThrow } from "./survival-input.ts";
import { prepareTwoSample, TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";

export const BootstrapOptionsSchema = z.object({
  /** Source of uniform numbers in [0, 1), e.g. randomSource(seed). Required. */
  randomSource: z.custom<RandomSource>((value) => typeof (value as RandomSource | undefined)?.next === "function", { message: "expected { next(): number } returning numbers in [0, 1)" }),
  /** Bootstrap replicates. Default: 2000 */
  replicates: z.number().int().min(2).default(2000),
  /** Confidence level. Default: 0.95 */
  confLevel: z.number().gt(0).lt(1).default(0.95),
  /** The two groups, reference first. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
});
export type BootstrapOptions = z.input<typeof BootstrapOptionsSchema>;

export interface BootstrapIntervalResult {
  groups: [string, string];
  /** Observed mean(other) - mean(reference). */
  estimate: number;
  /** Standard deviation of the replicates. */
  se: number;
  lower: number;
  upper: number;
  replicates: number;
  confLevel: number;
  nDropped: number;
  nExcluded: number;
}

/** Quantile of sorted values, R's default type 7 (linear interpolation): simple-statistics' `quantileSorted`. */
export function quantileType7(sorted: ArrayLike<number>, probability: number): number {
  // simple-statistics reads by index only, so a typed array serves as well as an array.
  return quantileSorted(sorted as number[], probability);
}

/**
 * Percentile bootstrap interval for mean(other) - mean(reference): each replicate resamples
 * every group with replacement at its own size (the groups were randomized separately) and
 * recomputes the difference; the interval is the α/2 and 1 - α/2 quantiles of the
 * replicates (R's quantile type 7).
 *
 * Missing data: rows with a missing value or group are dropped (`nDropped`).
 *
 * Reference: Efron & Tibshirani (1993), An Introduction to the Bootstrap, chapter 13.
 *
 * @example bootstrapInterval({ value, group }, { randomSource: randomSource(7) }) // same interval for the same seed
 */
export function bootstrapInterval(data: TwoSampleData, options: BootstrapOptions): BootstrapIntervalResult {
  const input = parseOrThrow(TwoSampleDataSchema, data, "bootstrapInterval data");
  const parsed = parseOrThrow(BootstrapOptionsSchema, options, "bootstrapInterval options");
  const prepared = prepareTwoSample(input, parsed.groups);
  for (const [label, values] of [[prepared.groups[0], prepared.reference], [prepared.groups[1], prepared.other]] as const) {
    if (values.length < 1) throw new AnalyzeError({ code: "too_few_observations", group: label, n: 0, needed: 1 });
  }
  const mean = (values: Float64Array) => sampleMean(values as unknown as number[]);
  const resampledMean = (values: Float64Array) => {
    let sum = 0;
    for (let draw = 0; draw < values.length; draw++) sum += values[uniformInt(parsed.randomSource, 0, values.length - 1)]!;
    return sum / values.length;
  };
  const estimate = mean(prepared.other) - mean(prepared.reference);
  const replicates = new Float64Array(parsed.replicates);
  for (let replicate = 0; replicate < parsed.replicates; replicate++) {
    replicates[replicate] = resampledMean(prepared.other) - resampledMean(prepared.reference);
  }
  const replicateMean = mean(replicates);
  let squares = 0;
  for (let index = 0; index < replicates.length; index++) squares += (replicates[index]! - replicateMean) ** 2;
  replicates.sort();
  const alpha = 1 - parsed.confLevel;
  return {
    groups: prepared.groups,
    estimate,
    se: Math.sqrt(squares / (replicates.length - 1)),
    lower: quantileType7(replicates, alpha / 2),
    upper: quantileType7(replicates, 1 - alpha / 2),
    replicates: parsed.replicates,
    confLevel: parsed.confLevel,
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
  };
}
