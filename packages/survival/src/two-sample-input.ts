/**
 * Two-sample input: a numeric value and a group per row (optionally a block), the zod
 * schema and the shared preparation (internal).
 *
 * Missing data, decided once: rows with a missing value (null, undefined, NaN) or a
 * missing group (null, undefined, "") are dropped and counted in `nDropped`; rows of
 * groups other than the two compared are counted in `nExcluded`. A present but infinite
 * value is an error naming the row. Exactly two groups must remain.
 */
import { z } from "zod";
import { AnalyzeError } from "./messages.ts";
import { LabelColumnSchema, NumericColumnSchema, orderGroups } from "./survival-input.ts";

export const TwoSampleDataSchema = z.object({
  /** The outcome of each row. */
  value: NumericColumnSchema,
  /** The group of each row. */
  group: LabelColumnSchema,
  /** Block (stratum) of each row, for the blocked difference in means; optional. */
  blocks: LabelColumnSchema.optional(),
});
export type TwoSampleData = z.infer<typeof TwoSampleDataSchema>;

export interface PreparedTwoSample {
  /** [reference, other]. */
  groups: [string, string];
  reference: Float64Array;
  other: Float64Array;
  /** Block code per value (with blocks), aligned with `reference` / `other`. */
  referenceBlocks: Int32Array;
  otherBlocks: Int32Array;
  blockLabels: string[];
  nDropped: number;
  nExcluded: number;
}

function labelOf(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isNaN(value) ? undefined : String(value);
  return value === "" ? undefined : value;
}

export function prepareTwoSample(data: TwoSampleData, groups: readonly string[] | undefined, useBlocks = false): PreparedTwoSample {
  const size = data.value.length;
  if (data.group.length !== size) throw new AnalyzeError({ code: "length_mismatch", column: "group", expected: size, actual: data.group.length });
  if (useBlocks && data.blocks !== undefined && data.blocks.length !== size) {
    throw new AnalyzeError({ code: "length_mismatch", column: "blocks", expected: size, actual: data.blocks.length });
  }
  const present = new Set<string>();
  for (let row = 0; row < size; row++) {
    const label = labelOf(data.group[row]);
    const value = data.value[row];
    if (label !== undefined && value !== null && value !== undefined && !Number.isNaN(value)) present.add(label);
  }
  const order = orderGroups(present, groups);
  if (order.length < 2) throw new AnalyzeError({ code: "too_few_groups", needed: 2, present: order });
  if (order.length > 2) throw new AnalyzeError({ code: "too_many_groups", present: order });
  const [referenceLabel, otherLabel] = order as [string, string];
  const referenceValues: number[] = [];
  const otherValues: number[] = [];
  const referenceBlocks: number[] = [];
  const otherBlocks: number[] = [];
  const blockCode = new Map<string, number>();
  const blockLabels: string[] = [];
  let nDropped = 0;
  let nExcluded = 0;
  for (let row = 0; row < size; row++) {
    const value = data.value[row];
    const label = labelOf(data.group[row]);
    if (value === null || value === undefined || Number.isNaN(value) || label === undefined) {
      nDropped++;
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) throw new AnalyzeError({ code: "invalid_value", column: "value", row: row + 1, value });
    let code = 0;
    if (useBlocks && data.blocks !== undefined) {
      const block = labelOf(data.blocks[row]);
      if (block === undefined) {
        nDropped++;
        continue;
      }
      let existing = blockCode.get(block);
      if (existing === undefined) {
        existing = blockLabels.length;
        blockCode.set(block, existing);
        blockLabels.push(block);
      }
      code = existing;
    }
    if (label === referenceLabel) {
      referenceValues.push(value);
      referenceBlocks.push(code);
    } else if (label === otherLabel) {
      otherValues.push(value);
      otherBlocks.push(code);
    } else nExcluded++;
  }
  return {
    groups: [referenceLabel, otherLabel],
    reference: Float64Array.from(referenceValues),
    other: Float64Array.from(otherValues),
    referenceBlocks: Int32Array.from(referenceBlocks),
    otherBlocks: Int32Array.from(otherBlocks),
    blockLabels: blockLabels.length > 0 ? blockLabels : [""],
    nDropped,
    nExcluded,
  };
}
