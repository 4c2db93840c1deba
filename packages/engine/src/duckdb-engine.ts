/**
 * DuckDB embedded: views over the input files (CSV with Danish conventions, or Parquet),
 * one counted-rows query, and its result as columns for @jobtrial/survival.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { EngineError } from "./messages.ts";
import { quoteIdentifier } from "./queries.ts";

/** Counted rows as columns: what `survivalSummary(..., count)` takes. */
export interface CountedRows {
  arm: (string | null)[];
  /** Present when the query had a stratum. */
  stratum?: (string | null)[];
  time: (number | null)[];
  status: (number | null)[];
  count: number[];
  /** Persons the rows stand for (the sum of count). */
  persons: number;
}

/** How DuckDB should read one file. */
export interface FileReader {
  kind: "parquet" | "csv";
  /** CSV only: the delimiter found in the header row (";" "," or tab). */
  delimiter?: string;
  /** CSV only: "," when the delimiter is not a comma (Danish Excel's decimal comma), else ".". */
  decimal?: string;
}

/** Sniff a file: Parquet by its magic bytes, otherwise CSV with the delimiter its header row uses most (the BOM is skipped by DuckDB). */
export function sniffFile(file: string): FileReader {
  let descriptor: number;
  try {
    descriptor = openSync(file, "r");
  } catch (error) {
    throw new EngineError({ code: "engine_cannot_read", file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const head = Buffer.alloc(4096);
  const length = readSync(descriptor, head, 0, head.length, 0);
  closeSync(descriptor);
  if (length >= 4 && head.subarray(0, 4).toString("latin1") === "PAR1") return { kind: "parquet" };
  const firstLine = head.subarray(0, length).toString("utf8").split(/\r?\n/)[0] ?? "";
  const counts = [";", ",", "\t"].map((delimiter) => firstLine.split(delimiter).length - 1);
  const delimiter = [";", ",", "\t"][counts.indexOf(Math.max(...counts))]!;
  return { kind: "csv", delimiter, decimal: delimiter === "," ? "." : "," };
}

function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The DuckDB view statement over a file (exported for `jobtrial sql --dialect duckdb`, which prints it). */
export function duckDbViewSql(table: string, file: string, reader: FileReader = sniffFile(file)): string {
  const source =
    reader.kind === "parquet"
      ? `read_parquet(${stringLiteral(file)})`
      : `read_csv(${stringLiteral(file)}, header = true, delim = ${stringLiteral(reader.delimiter!)}, decimal_separator = ${stringLiteral(reader.decimal!)})`;
  return `CREATE VIEW ${quoteIdentifier(table, "duckdb")} AS SELECT * FROM ${source};`;
}

export interface DuckDbOptions {
  /** Threads DuckDB may use. Default: DuckDB's own (the number of cores) */
  threads?: number;
  /** DuckDB's memory limit, e.g. "3GB" (it spills to a temporary folder beyond). Default: DuckDB's own (80 % of RAM) */
  memoryLimit?: string;
}

const asNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const asLabel = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Run a counted-rows query (from `spellsCountsSql` or `panelCountsSql`, dialect "duckdb")
 * in an in-memory DuckDB over the named files (`tables`: table name -> file path).
 * A file that cannot be read or lacks a column is an `EngineError` naming the file and
 * the column; nothing is written anywhere.
 *
 * @example await runDuckDbCounts(spellsCountsSql({ time: "days", status: "exit", group: "arm" }, "duckdb"), { spells: "spells.parquet" }) // { arm: [...], time: [...], status: [...], count: [...], persons }
 */
export async function runDuckDbCounts(sql: string, tables: Record<string, string>, options: DuckDbOptions = {}): Promise<CountedRows> {
  const column = await runDuckDbQuery(sql, tables, options);
  const count = column("count").map((value) => Number(value));
  const result: CountedRows = {
    arm: column("arm").map(asLabel),
    time: column("time").map(asNumber),
    status: column("status").map(asNumber),
    count,
    persons: count.reduce((sum, value) => sum + value, 0),
  };
  const stratum = column("stratum", false);
  if (stratum !== undefined) result.stratum = stratum.map(asLabel);
  return result;
}

/** Counted paths as columns: what `multiStateOccupancy(..., count)` takes, `path` in place of the id. */
export interface CountedEpisodes {
  path: string[];
  arm: (string | null)[];
  start: (number | null)[];
  stop: (number | null)[];
  from: (string | null)[];
  to: (string | null)[];
  count: number[];
  /** Distinct paths. */
  paths: number;
}

/**
 * Run a counted-paths query (`episodesCountsSql(..., "duckdb")`) over the named files, as
 * `runDuckDbCounts` does.
 */
export async function runDuckDbEpisodeCounts(sql: string, tables: Record<string, string>, options: DuckDbOptions = {}): Promise<CountedEpisodes> {
  const column = await runDuckDbQuery(sql, tables, options);
  const path = column("path").map((value) => String(value));
  return {
    path,
    arm: column("arm").map(asLabel),
    start: column("start").map(asNumber),
    stop: column("stop").map(asNumber),
    from: column("from").map(asLabel),
    to: column("to").map(asLabel),
    count: column("count").map((value) => Number(value)),
    paths: new Set(path).size,
  };
}

type ColumnReader = ((name: string) => unknown[]) & ((name: string, required: false) => unknown[] | undefined);

/** Open DuckDB, make a view per file, run the query, and return its columns by name. */
async function runDuckDbQuery(sql: string, tables: Record<string, string>, options: DuckDbOptions): Promise<ColumnReader> {
  // Loaded here, not at the top: DuckDB's native library takes about 0.2-0.7 s to load, which
  // every command that imports this package (and runs in memory) would otherwise pay.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    ...(options.threads !== undefined ? { threads: String(options.threads) } : {}),
    ...(options.memoryLimit !== undefined ? { memory_limit: options.memoryLimit } : {}),
  });
  const connection = await instance.connect();
  try {
    // DuckDB 1.5.6's top-N window optimizer fails on ROW_NUMBER() ... = 1 over a join
    // ("INTERNAL Error: Failed to cast expression to type"), which firstSpellCountsSql
    // uses to pick each person's trial spell; without it the plan is the ordinary window.
    await connection.run("SET disabled_optimizers = 'top_n_window_elimination'");
    const columnsOf: Record<string, string[]> = {};
    for (const [table, file] of Object.entries(tables)) {
      try {
        await connection.run(duckDbViewSql(table, file));
        const probe = await connection.runAndReadAll(`SELECT * FROM ${quoteIdentifier(table, "duckdb")} LIMIT 0`);
        columnsOf[table] = probe.columnNames();
      } catch (error) {
        if (error instanceof EngineError) throw error;
        throw new EngineError({ code: "engine_cannot_read", file, reason: firstLine(error) });
      }
    }
    let reader;
    try {
      reader = await connection.runAndReadAll(sql);
    } catch (error) {
      const message = firstLine(error);
      const missing = /column "([^"]+)" not found/i.exec(message) ?? /Referenced column "?([^"\s]+)"? not found/i.exec(message);
      if (missing) {
        const table = Object.keys(tables).find((name) => !columnsOf[name]!.includes(missing[1]!)) ?? Object.keys(tables)[0]!;
        throw new EngineError({ code: "engine_missing_column", file: tables[table]!, column: missing[1]!, present: columnsOf[table] ?? [] });
      }
      throw new EngineError({ code: "engine_query_failed", file: Object.values(tables).join(", "), reason: message });
    }
    const names = reader.columnNames();
    const columns = reader.getColumns();
    return ((name: string, required = true) => {
      const index = names.indexOf(name);
      if (index < 0) return required ? [] : undefined;
      return columns[index]!;
    }) as ColumnReader;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The first line of an error's message (DuckDB adds context lines that may quote data). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}
