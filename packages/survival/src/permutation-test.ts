/**
 * Permutation test of the difference in means between two groups, with seeded randomness.
 */
import { z } from "zod";
import { AnalyzeError } from "./messages.ts";
import { uniformInt, type RandomSource } from "./random-source.ts";
import { GroupOptionSchema, parseOrThrow } from "./survival-input.ts";
import { prepareTwoSample, TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";

export const PermutationOptionsSchema = z.object({
  /** Source of uniform numbers in [0, 1), e.g. randomSource(seed). Required: there is no hidden global randomness. */
  randomSource: z.custom<RandomSource>((value) => typeof (value as RandomSource | undefined)?.next === "function", { message: "expected { next(): number } returning numbers in [0, 1)" }),
  /** Number of random relabelings. Default: 9999 */
  permutations: z.number().int().positive().default(9999),
  /** The two groups, reference first. Default: "control" first if present, otherwise sorted. */
  groups: GroupOptionSchema,
});
export type PermutationOptions = z.input<typeof PermutationOptionsSchema>;

export interface PermutationTestResult {
  groups: [string, string];
  /** Observed mean(other) - mean(reference). */
  observed: number;
  permutations: number;
  /** Relabelings with |difference| >= |observed| (up to 1e-12 relative rounding). */
  atLeastAsExtreme: number;
  /** Two-sided Monte Carlo p-value (1 + atLeastAsExtreme) / (1 + permutations). */
  p: number;
  nDropped: number;
  nExcluded: number;
}

/**
 * Two-sided permutation (randomization) test of equal means: the group labels are
 * reshuffled `permutations` times and the difference in means recomputed; p =
 * (1 + #{|d*| >= |d|}) / (1 + B), which counts the observed labeling and so is never 0.
 * Each relabeling draws the other group's members by a partial Fisher-Yates shuffle.
 *
 * Missing data: rows with a missing value or group are dropped (`nDropped`).
 *
 * Reference: Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses;
 * Phipson & Smyth (2010), Stat Appl Genet Mol Biol 9(1) for the +1.
 *
 * @example permutationTest({ value: [1, 2, 3, 10, 11, 12], group: ["control", "control", "control", "b", "b", "b"] }, { randomSource: randomSource(1), permutations: 999 }).p // about 0.1 (exact: 2/20)
 */
export function permutationTest(data: TwoSampleData, options: PermutationOptions): PermutationTestResult {
  const input = parseOrThrow(TwoSampleDataSchema, data, "permutationTest data");
  const parsed = parseOrThrow(PermutationOptionsSchema, options, "permutationTest options");
  const prepared = prepareTwoSample(input, parsed.groups);
  const nReference = prepared.reference.length;
  const nOther = prepared.other.length;
  for (const [label, count] of [[prepared.groups[0], nReference], [prepared.groups[1], nOther]] as const) {
    if (count < 1) throw new AnalyzeError({ code: "too_few_observations", group: label, n: count, needed: 1 });
  }
  const pooled = new Float64Array(nReference + nOther);
  pooled.set(prepared.other, 0);
  pooled.set(prepared.reference, nOther);
  let total = 0;
  let otherSum = 0;
  for (let index = 0; index < pooled.length; index++) total += pooled[index]!;
  for (let index = 0; index < nOther; index++) otherSum += pooled[index]!;
  const observed = otherSum / nOther - (total - otherSum) / nReference;
  const threshold = Math.abs(observed) * (1 - 1e-12);
  const size = pooled.length;
  let atLeastAsExtreme = 0;
  for (let permutation = 0; permutation < parsed.permutations; permutation++) {
    let sum = 0;
    for (let index = 0; index < nOther; index++) {
      const pick = uniformInt(parsed.randomSource, index, size - 1);
      const value = pooled[pick]!;
      pooled[pick] = pooled[index]!;
      pooled[index] = value;
      sum += value;
    }
    const difference = sum / nOther - (total - sum) / nReference;
    if (Math.abs(difference) >= threshold) atLeastAsExtreme++;
  }
  return {
    groups: prepared.groups,
    observed,
    permutations: parsed.permutations,
    atLeastAsExtreme,
    p: (1 + atLeastAsExtreme) / (1 + parsed.permutations),
    nDropped: prepared.nDropped,
    nExcluded: prepared.nExcluded,
  };
}
