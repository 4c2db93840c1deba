/**
 * The engine options `survival`, `analyze` and `states` share: `--engine duckdb|memory`
 * (default: DuckDB from `--engine-threshold` MiB of input on and for Parquet, memory below), and
 * `--counts <file>`, the counted rows an engine produced elsewhere (for example by the
 * query `jobtrial sql` prints, run on PostgreSQL). Counted rows are exact: the three ways
 * give the same estimates, so the choice is speed and memory only.
 */
import { chooseEngine, DEFAULT_ENGINE_THRESHOLD_BYTES, ENGINES, sniffFile, type Engine } from "@jobtrial/engine";
import { choiceOption, numberOption, resolvePath, stringOption, stringOptions, UsageError, type Io, type OptionSpec, type OptionValues, type Wording } from "./command.ts";

/** The option spec of the three engine options. */
export const ENGINE_OPTION_SPEC: OptionSpec = stringOptions("engine", "engine-threshold", "counts");

/** How a command gets its rows: from counted rows in a file, through DuckDB, or read into memory. */
export type RowSource = { kind: "counts"; file: string } | { kind: Engine; chosenBySize: boolean };

/**
 * The row source from the options: `--counts` (then neither `--engine` nor an input file),
 * `--engine` as given, or by the inputs' size against `--engine-threshold` (MiB, default 16).
 */
export function rowSource(io: Io, values: OptionValues, inputs: readonly string[]): RowSource {
  const counts = stringOption(values, "counts");
  const requested = stringOption(values, "engine") === undefined ? undefined : choiceOption(values, "engine", ENGINES, "memory");
  const thresholdMiB = numberOption(values, "engine-threshold", { min: 0 });
  if (counts !== undefined) {
    if (requested !== undefined || thresholdMiB !== undefined) throw new UsageError(ENGINE_WORDING.countsWithEngine);
    return { kind: "counts", file: counts };
  }
  const thresholdBytes = thresholdMiB === undefined ? DEFAULT_ENGINE_THRESHOLD_BYTES : thresholdMiB * 1024 * 1024;
  const files = inputs.map((input) => resolvePath(io, input));
  // Parquet is read by DuckDB only, whatever its size.
  if (requested === undefined && files.some(isParquet)) return { kind: "duckdb", chosenBySize: false };
  const engine = chooseEngine(requested, files, thresholdBytes);
  return { kind: engine, chosenBySize: requested === undefined };
}

/** With --counts the columns are fixed: naming input columns too is a usage error (they would be ignored). */
export function refuseColumnsWithCounts(values: OptionValues, names: readonly string[], columns: string): void {
  const given = names.filter((name) => values[name] !== undefined);
  if (given.length > 0) {
    const options = given.map((name) => `--${name}`).join(", ");
    throw new UsageError({
      da: `${options} gælder ikke med --counts: de tællede rækker har faste kolonner (${columns})`,
      en: `${options} do not apply with --counts: counted rows have fixed columns (${columns})`,
    });
  }
}

function isParquet(file: string): boolean {
  try {
    return sniffFile(file).kind === "parquet";
  } catch {
    return false; // the reader says what is wrong with the file
  }
}

/** The engine options' wording, Danish and English. */
export const ENGINE_WORDING = {
  countsWithEngine: {
    da: "--counts er allerede tællede rækker; angiv ikke --engine eller --engine-threshold sammen med det",
    en: "--counts are counted rows already; do not give --engine or --engine-threshold with it",
  } satisfies Wording,
  inputOrCounts: (what: Wording): Wording => ({
    da: `angiv enten ${what.da} eller --counts <fil>, ikke begge og ikke ingen`,
    en: `give either ${what.en} or --counts <file>, not both and not neither`,
  }),
  bySize: (file: string): Wording => ({
    da: `${file}: stor fil, så DuckDB tæller rækkerne (--engine memory læser i stedet hver række og viser en fejl med række og kolonne)`,
    en: `${file}: a large file, so DuckDB counts the rows (--engine memory reads every row instead and shows a problem by row and column)`,
  }),
  help: {
    da: `Motor (store data, se docs/national.md):
  --engine x          duckdb (tæller rækkerne i DuckDB, også Parquet) eller memory
                      (læser hver række). Standard: duckdb fra --engine-threshold MiB og for Parquet
  --engine-threshold n  grænsen i MiB for standardvalget (standard: 16)
  --counts <fil>      tællede rækker fra en anden motor (fx PostgreSQL med det, som
                      jobtrial sql udskriver) i stedet for inputfilen; samme resultater`,
    en: `Engine (large data, see docs/national.md):
  --engine x          duckdb (counts the rows in DuckDB, Parquet too) or memory
                      (reads every row). Default: duckdb from --engine-threshold MiB on and for Parquet
  --engine-threshold n  the size in MiB for the default choice (default: 16)
  --counts <file>     counted rows from another engine (e.g. PostgreSQL running what
                      jobtrial sql prints) instead of the input file; the same results`,
  } satisfies Wording,
};
