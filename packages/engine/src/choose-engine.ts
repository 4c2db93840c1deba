/**
 * Which engine runs an analysis: DuckDB for large inputs, the in-memory arrays below a
 * size. Both give the same numbers (counted rows are exact), so the choice is speed and
 * memory only.
 */
import { statSync } from "node:fs";

export const ENGINES = ["duckdb", "memory"] as const;
export type Engine = (typeof ENGINES)[number];

/** Inputs of this many bytes or more go to DuckDB by default (about 500,000 spell rows of CSV). Default: 16 MiB */
export const DEFAULT_ENGINE_THRESHOLD_BYTES = 16 * 1024 * 1024;

/**
 * The engine asked for, or by size: "duckdb" when the files together have at least
 * `thresholdBytes` bytes, otherwise "memory". A file that cannot be stat'ed counts as 0
 * (the reader reports it).
 *
 * @example chooseEngine(undefined, ["small.csv"]) // "memory"
 */
export function chooseEngine(requested: Engine | undefined, files: readonly string[], thresholdBytes = DEFAULT_ENGINE_THRESHOLD_BYTES): Engine {
  if (requested !== undefined) return requested;
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // the reader says what is wrong with the file
    }
  }
  return total >= thresholdBytes ? "duckdb" : "memory";
}
