/**
 * Survival input: the columns every survival estimator takes, their zod schemas, and the
 * one preparation step they share (validate, drop missing rows and count them, code the
 * groups and strata, sort once by time).
 *
 * Missing data, decided once: a row whose time, event (or state) or group is missing
 * (null, undefined, NaN or an empty string) is dropped and counted in `nDropped`. With
 * strata, a row with a missing stratum is dropped from the stratified analysis only and
 * counted in `nMissingStratum`; with covariates (Cox), a row with a missing covariate is
 * dropped from that model and counted in `nDropped`. A present but impossible value (a
 * negative or infinite time, an event that is not 0/1, a state that is not a whole
 * number >= 0) is an error naming the row (1-based, in the order given).
 *
 * Times are compared exactly (no rounding, no jitter); they should be whole days, which
 * also lets the sort run as a counting sort in O(n).
 *
 * Counted rows: an optional `count` column says how many persons a row stands for (a
 * frequency weight, a whole number >= 1), so a GROUP BY over (group, stratum, time,
 * event) in a database gives rows every estimator takes and gets exactly the numbers the
 * expanded rows give. Row counts in results (`n`, `nDropped`, ...) are then persons; a
 * row with a missing count is dropped and counted as one.
 */
import { z } from "zod";
import { AnalyzeError } from "./messages.ts";

function isColumn(value: unknown): boolean {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A numeric column: an array (null/undefined/NaN = missing) or a typed array. */
export const NumericColumnSchema = z.custom<ArrayLike<number | null | undefined>>(isColumn, {
  message: "expected an array or a typed array of numbers",
});
/** An event column: 1/true = event, 0/false = censored, null/undefined/NaN = missing. */
export const EventColumnSchema = z.custom<ArrayLike<number | boolean | null | undefined>>(isColumn, {
  message: "expected an array of 0/1 (or true/false)",
});
/** A label column (group or stratum): null/undefined/"" = missing; numbers become strings. */
export const LabelColumnSchema = z.custom<ArrayLike<string | number | null | undefined>>(isColumn, {
  message: "expected an array of labels",
});

/** Columns of a two-state (event / censored) survival data set, one value per row. */
export const SurvivalDataSchema = z.object({
  /** Follow-up time in whole days, >= 0. */
  time: NumericColumnSchema,
  /** 1 = event (exit), 0 = censored at `time`. */
  event: EventColumnSchema,
  /** Randomized group of each row. */
  group: LabelColumnSchema,
  /** Stratum of each row (for stratified log-rank and Cox); optional. */
  strata: LabelColumnSchema.optional(),
  /** Persons each row stands for (counted rows; a whole number >= 1). Default: 1 per row */
  count: NumericColumnSchema.optional(),
});
export type SurvivalData = z.infer<typeof SurvivalDataSchema>;

/** Columns of a competing-exits data set: `state` 0 = censored, 1, 2, ... = exit states. */
export const CompetingRisksDataSchema = z.object({
  /** Follow-up time in whole days, >= 0. */
  time: NumericColumnSchema,
  /** 0 = censored at `time`, k >= 1 = exit to state k at `time`. */
  state: NumericColumnSchema,
  /** Randomized group of each row. */
  group: LabelColumnSchema,
  /** Persons each row stands for (counted rows; a whole number >= 1). Default: 1 per row */
  count: NumericColumnSchema.optional(),
});
export type CompetingRisksData = z.infer<typeof CompetingRisksDataSchema>;

/** Group selection shared by the estimators. */
export const GroupOptionSchema = z
  .array(z.string().min(1))
  .min(1)
  .optional()
  .describe("groups to use, reference first; other groups' rows are excluded");

/** Parse with zod and rethrow as an `AnalyzeError` naming the first problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const path = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
    throw new AnalyzeError({ code: "invalid_input", detail: `${what}${path}: ${first?.message ?? "invalid"}` });
  }
  return result.data;
}

/** The default reference group: "control" when present, otherwise the first in sorted order. */
export function orderGroups(present: Iterable<string>, requested?: readonly string[]): string[] {
  const labels = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (requested !== undefined) {
    for (const label of requested) {
      if (!labels.includes(label)) throw new AnalyzeError({ code: "unknown_group", group: label, present: labels });
    }
    return [...requested];
  }
  const controlIndex = labels.indexOf("control");
  if (controlIndex > 0) {
    labels.splice(controlIndex, 1);
    labels.unshift("control");
  }
  return labels;
}

/** A label, or undefined when missing (null, undefined, NaN or ""); numbers become strings. */
export function labelOf(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isNaN(value) ? undefined : String(value);
  return value === "" ? undefined : value;
}

/** Whether a number cell is missing: null, undefined or NaN. */
export function isMissingNumber(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** Rows sorted by time, coded, ready for the internal estimators. */
export interface PreparedSurvival {
  /** Rows given. */
  nInput: number;
  /** Rows dropped for a missing time, status, group (or covariate, for Cox). */
  nDropped: number;
  /** Rows whose group was not among the requested groups. */
  nExcluded: number;
  /** Rows dropped from a stratified analysis for a missing stratum (already left out here). */
  nMissingStratum: number;
  /** Group labels, reference first; `group` codes index into it. */
  groups: string[];
  /** Stratum labels in sorted order ([""] without strata); `stratum` codes index into it. */
  strata: string[];
  /** Rows kept. */
  size: number;
  /** Persons the kept rows stand for (the sum of `count`; equals `size` without counts). */
  total: number;
  /** Persons per row (1 without a count column), in the same (sorted) row order. */
  count: Float64Array;
  /** Times, ascending. */
  time: Float64Array;
  /** 0 = censored, k >= 1 = event (state k). */
  status: Int32Array;
  /** Group code per row. */
  group: Int32Array;
  /** Stratum code per row (0 without strata). */
  stratum: Int32Array;
  /** Covariate columns, in the same (sorted) row order. */
  covariates: Float64Array[];
  /** Largest status code seen (1 for event data). */
  maxStatus: number;
}

export interface PrepareOptions {
  groups?: readonly string[] | undefined;
  /** Use the strata column (rows with a missing stratum are left out and counted). */
  useStrata?: boolean;
  /** Status column holds states 0..K instead of 0/1 events. */
  multiState?: boolean;
  covariates?: Record<string, ArrayLike<number | null | undefined>> | undefined;
  /** Persons per row (counted rows); missing: one per row. */
  count?: ArrayLike<number | null | undefined> | undefined;
}

/**
 * Validate the columns, drop and count missing rows, code groups/strata and sort by time
 * (a stable counting sort when all times are whole numbers below 50 million, otherwise a
 * comparison sort). Internal: the public functions call it after their zod parse.
 */
export function prepareSurvival(
  time: ArrayLike<number | null | undefined>,
  status: ArrayLike<number | boolean | null | undefined>,
  groupColumn: ArrayLike<string | number | null | undefined>,
  strataColumn: ArrayLike<string | number | null | undefined> | undefined,
  options: PrepareOptions = {},
): PreparedSurvival {
  const nInput = time.length;
  const checkLength = (column: string, values: ArrayLike<unknown>) => {
    if (values.length !== nInput) throw new AnalyzeError({ code: "length_mismatch", column, expected: nInput, actual: values.length });
  };
  checkLength(options.multiState ? "state" : "event", status);
  checkLength("group", groupColumn);
  if (options.useStrata && strataColumn !== undefined) checkLength("strata", strataColumn);
  const covariateNames = Object.keys(options.covariates ?? {});
  const covariateColumns = covariateNames.map((name) => options.covariates![name]!);
  covariateNames.forEach((name, index) => checkLength(name, covariateColumns[index]!));
  const countColumn = options.count;
  if (countColumn !== undefined) checkLength("count", countColumn);

  // Pass 1: group labels present among complete rows (for the default order).
  const groupCodeOf = new Map<string, number>();
  const presentLabels: string[] = [];
  const rawGroupCode = new Int32Array(nInput);
  for (let row = 0; row < nInput; row++) {
    const label = labelOf(groupColumn[row]);
    if (label === undefined) {
      rawGroupCode[row] = -1;
      continue;
    }
    let code = groupCodeOf.get(label);
    if (code === undefined) {
      code = presentLabels.length;
      groupCodeOf.set(label, code);
      presentLabels.push(label);
    }
    rawGroupCode[row] = code;
  }
  const groups = orderGroups(presentLabels, options.groups);
  const remap = new Int32Array(presentLabels.length).fill(-2);
  groups.forEach((label, index) => {
    remap[groupCodeOf.get(label)!] = index;
  });

  const useStrata = options.useStrata === true && strataColumn !== undefined;
  const stratumCodeOf = new Map<string, number>();
  const stratumLabels: string[] = [];

  // Pass 2: validate, keep complete rows.
  const keptRows = new Int32Array(nInput);
  const keptStratum = new Int32Array(nInput);
  let size = 0;
  let nDropped = 0;
  let nExcluded = 0;
  let nMissingStratum = 0;
  let maxStatus = 0;
  let allWholeNumbers = true;
  let maxTime = 0;
  let total = 0;
  for (let row = 0; row < nInput; row++) {
    const rowTime = time[row];
    const rowStatus = status[row];
    const rawCode = rawGroupCode[row]!;
    let persons = 1;
    if (countColumn !== undefined) {
      const rowCount = countColumn[row];
      if (isMissingNumber(rowCount)) {
        nDropped++;
        continue;
      }
      if (typeof rowCount !== "number" || !Number.isInteger(rowCount) || rowCount < 1) {
        throw new AnalyzeError({ code: "invalid_count", row: row + 1, value: rowCount });
      }
      persons = rowCount;
    }
    if (isMissingNumber(rowTime) || isMissingNumber(rowStatus) || rawCode < 0) {
      nDropped += persons;
      continue;
    }
    if (typeof rowTime !== "number" || !(rowTime >= 0) || rowTime === Number.POSITIVE_INFINITY) {
      throw new AnalyzeError({ code: "invalid_time", row: row + 1, value: rowTime });
    }
    let statusValue: number;
    if (typeof rowStatus === "boolean") statusValue = rowStatus ? 1 : 0;
    else statusValue = rowStatus as number;
    if (options.multiState) {
      if (!Number.isInteger(statusValue) || statusValue < 0) throw new AnalyzeError({ code: "invalid_state", row: row + 1, value: rowStatus });
    } else if (statusValue !== 0 && statusValue !== 1) {
      throw new AnalyzeError({ code: "invalid_event", row: row + 1, value: rowStatus });
    }
    let missingCovariate = false;
    for (let k = 0; k < covariateColumns.length; k++) {
      const value = covariateColumns[k]![row];
      if (isMissingNumber(value)) {
        missingCovariate = true;
        break;
      }
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new AnalyzeError({ code: "invalid_covariate", column: covariateNames[k]!, row: row + 1, value });
      }
    }
    if (missingCovariate) {
      nDropped += persons;
      continue;
    }
    const groupCode = remap[rawCode]!;
    if (groupCode < 0) {
      nExcluded += persons;
      continue;
    }
    let stratumCode = 0;
    if (useStrata) {
      const label = labelOf(strataColumn![row]);
      if (label === undefined) {
        nMissingStratum += persons;
        continue;
      }
      let code = stratumCodeOf.get(label);
      if (code === undefined) {
        code = stratumLabels.length;
        stratumCodeOf.set(label, code);
        stratumLabels.push(label);
      }
      stratumCode = code;
    }
    if (statusValue > maxStatus) maxStatus = statusValue;
    if (allWholeNumbers && !Number.isInteger(rowTime)) allWholeNumbers = false;
    if (rowTime > maxTime) maxTime = rowTime;
    keptRows[size] = row;
    keptStratum[size] = stratumCode;
    total += persons;
    size++;
  }

  if (size === 0) throw new AnalyzeError({ code: "no_rows", dropped: nDropped + nExcluded + nMissingStratum });

  // Strata in sorted label order (R's factor order).
  let strata = [""];
  const stratumRemap = new Int32Array(Math.max(1, stratumLabels.length));
  if (useStrata) {
    strata = [...stratumLabels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    stratumLabels.forEach((label, code) => {
      stratumRemap[code] = strata.indexOf(label);
    });
  }

  // Sort once by time.
  const order = sortByTime(time as ArrayLike<number>, keptRows, size, allWholeNumbers && maxTime < 5e7, maxTime);
  const sortedTime = new Float64Array(size);
  const sortedStatus = new Int32Array(size);
  const sortedGroup = new Int32Array(size);
  const sortedStratum = new Int32Array(size);
  const sortedCount = new Float64Array(size).fill(1);
  const sortedCovariates = covariateColumns.map(() => new Float64Array(size));
  for (let position = 0; position < size; position++) {
    const kept = order[position]!;
    const row = keptRows[kept]!;
    sortedTime[position] = time[row] as number;
    const rowStatus = status[row];
    sortedStatus[position] = typeof rowStatus === "boolean" ? (rowStatus ? 1 : 0) : (rowStatus as number);
    sortedGroup[position] = remap[rawGroupCode[row]!]!;
    sortedStratum[position] = useStrata ? stratumRemap[keptStratum[kept]!]! : 0;
    if (countColumn !== undefined) sortedCount[position] = countColumn[row] as number;
    for (let k = 0; k < covariateColumns.length; k++) sortedCovariates[k]![position] = covariateColumns[k]![row] as number;
  }
  return {
    nInput,
    nDropped,
    nExcluded,
    nMissingStratum,
    groups,
    strata,
    size,
    total,
    count: sortedCount,
    time: sortedTime,
    status: sortedStatus,
    group: sortedGroup,
    stratum: sortedStratum,
    covariates: sortedCovariates,
    maxStatus,
  };
}

/** Positions 0..size-1 into `keptRows`, ordered by time (stable). */
function sortByTime(time: ArrayLike<number>, keptRows: Int32Array, size: number, counting: boolean, maxTime: number): Int32Array {
  const order = new Int32Array(size);
  if (counting) {
    const buckets = new Int32Array(maxTime + 2);
    for (let position = 0; position < size; position++) buckets[(time[keptRows[position]!] as number) + 1]!++;
    for (let value = 1; value < buckets.length; value++) buckets[value]! += buckets[value - 1]!;
    for (let position = 0; position < size; position++) {
      const bucket = time[keptRows[position]!] as number;
      order[buckets[bucket]!++] = position;
    }
    return order;
  }
  for (let position = 0; position < size; position++) order[position] = position;
  const keys = new Float64Array(size);
  for (let position = 0; position < size; position++) keys[position] = time[keptRows[position]!] as number;
  const sorted = Array.from(order).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return Int32Array.from(sorted);
}

/**
 * Order of the (time-sorted) rows by stratum, keeping time order within a stratum
 * (a stable counting sort on the stratum code). Returns the permutation and the start of
 * each stratum's block (length strata + 1).
 */
export function orderByStratum(prepared: PreparedSurvival): { order: Int32Array; blockStart: Int32Array } {
  const nStrata = prepared.strata.length;
  const blockStart = new Int32Array(nStrata + 1);
  for (let position = 0; position < prepared.size; position++) blockStart[prepared.stratum[position]! + 1]!++;
  for (let stratum = 1; stratum <= nStrata; stratum++) blockStart[stratum]! += blockStart[stratum - 1]!;
  const next = blockStart.slice(0, nStrata);
  const order = new Int32Array(prepared.size);
  for (let position = 0; position < prepared.size; position++) order[next[prepared.stratum[position]!]!++] = position;
  return { order, blockStart };
}
