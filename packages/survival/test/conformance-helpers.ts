/**
 * Shared helpers of the conformance tests: reading a case and comparing with R's numbers
 * under the tolerances of ../shared/conformance/README.md.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { formatProblem, readCsvColumns, type CsvColumnRequest } from "@jobtrial/core";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "conformance");

/** Relative tolerance for estimates, standard errors, statistics and limits. */
export const ESTIMATE_TOLERANCE = 1e-8;
/** Relative tolerance for p-values. */
export const P_TOLERANCE = 1e-6;

/** R value as written in expected.json: a number, "NaN", "Inf", "-Inf" or null (NA). */
export type RValue = number | string | null;

function decode(value: RValue): number | null {
  if (value === null) return null;
  if (value === "NaN") return Number.NaN;
  if (value === "Inf") return Number.POSITIVE_INFINITY;
  if (value === "-Inf") return Number.NEGATIVE_INFINITY;
  return value as number;
}

/** Compare one number with R's: relative `tolerance` (absolute 1e-12 near zero), exact NaN/Inf/null. */
export function expectR(actual: number | null | undefined, expected: RValue, tolerance: number, label: string): void {
  const want = decode(expected);
  if (want === null) {
    expect(actual ?? null, `${label}: R gives NA`).toBeNull();
    return;
  }
  expect(actual, `${label}: missing`).not.toBeNull();
  expect(actual, `${label}: missing`).not.toBeUndefined();
  const got = actual as number;
  if (Number.isNaN(want)) {
    expect(Number.isNaN(got), `${label}: R gives NaN, got ${got}`).toBe(true);
    return;
  }
  if (!Number.isFinite(want)) {
    expect(got, label).toBe(want);
    return;
  }
  const difference = Math.abs(got - want);
  const allowed = Math.max(tolerance * Math.abs(want), 1e-12);
  expect(difference <= allowed, `${label}: got ${got}, R ${want} (difference ${difference}, allowed ${allowed})`).toBe(true);
}

/** Compare arrays element by element. */
export function expectRArray(actual: ArrayLike<number | null>, expected: readonly RValue[], tolerance: number, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) expectR(actual[index], expected[index]!, tolerance, `${label}[${index}]`);
}

/** Exact comparison (counts, times, medians). */
export function expectExactArray(actual: ArrayLike<number | null>, expected: readonly RValue[], label: string): void {
  expect(Array.from(actual), label).toEqual(expected.map(decode));
}

export interface CaseData {
  expected: any;
  numbers: Record<string, Float64Array>;
  labels: Record<string, (string | null)[]>;
}

/** Read a conformance case's data.csv (with core's CSV reader; a problem in the file fails the test) and expected.json. */
export function readCase(name: string, numberColumns: string[], labelColumns: string[], directory = join(FIXTURES, name)): CaseData {
  const requests: CsvColumnRequest[] = [
    ...numberColumns.map((column) => ({ name: column, kind: "number" as const })),
    ...labelColumns.map((column) => ({ name: column, kind: "label" as const })),
  ];
  const read = readCsvColumns(readFileSync(join(directory, "data.csv")), `${name}/data.csv`, requests);
  if (!read.ok) throw new Error(read.problems.map((item) => formatProblem(item, "en")).join("\n"));
  const expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8"));
  return { expected, numbers: read.columns.numbers, labels: read.columns.labels };
}

/** The penn case's data is copied into the fixtures like every other case's, so the test never depends on a path outside the repository. */
export const PENN_DIRECTORY = join(FIXTURES, "penn");
