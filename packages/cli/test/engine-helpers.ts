/**
 * What the engine tests of survival, states and analyze share: counted rows made in
 * plain JavaScript (independently of DuckDB and of any SQL) and the check that two
 * results agree number by number within 1e-10.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/** A plain comma-separated file without quotes (the conformance cases) as rows of cells by header name. */
export function readPlainCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, index) => [names[index]!, cell])));
}

/**
 * Counted rows by hand: one row per distinct combination of the `keys` (output name ->
 * input column) with the number of rows, written as a Danish CSV (semicolons) to `file`.
 */
export function writeCountedRows(rows: Record<string, string>[], keys: Record<string, string>, file: string): number {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = Object.values(keys).map((column) => row[column] ?? "").join(";");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = [[...Object.keys(keys), "count"].join(";"), ...[...counts].map(([key, count]) => `${key};${count}`)];
  writeFileSync(file, lines.join("\n") + "\n");
  return counts.size;
}

/** Every number in `actual` equals the one at the same place in `expected` within 1e-10 (relative; absolute 1e-12 near 0); everything else is equal. */
export function expectSameNumbers(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    const got = actual as number;
    // The Cox likelihood-ratio statistic is a difference of two log likelihoods ~10^3 times larger: rounding shows at 1e-8.
    const tolerance = /lrP|likelihoodRatio/.test(path) ? 1e-8 : 1e-10;
    expect(Math.abs(got - expected) <= Math.max(tolerance * Math.abs(expected), 1e-12), `${path}: ${got} vs ${expected}`).toBe(true);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(Object.keys(actual as object).sort(), `${path}: keys`).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
}
