/**
 * National scale (issue 18): `jobtrial survival` and `jobtrial analyze` through DuckDB on
 * data the size of a national register extract, and R on the same 1,000,000-spell file.
 *
 *   pnpm tsx bench/national-bench.ts [--spells 10000000] [--panel-rows 100000000]
 *     [--r-spells 1000000] [--runs 3] [--skip-r] [--parts r,spells,panel] [--regenerate] [--memory-limit 3GB]
 *
 * 1. DuckDB itself writes the data to bench/out/national/ (git-ignored), deterministically
 *    (a hash of the row number, never a random generator, so every run times the same
 *    files): `--r-spells` spells as CSV (for R and jobtrial alike), `--spells` spells as
 *    Parquet, and a weekly panel of about `--panel-rows` rows as Parquet with its cohort.
 *    The spells are the survival bench's model (Weibull durations in whole weeks,
 *    administrative censoring at 3 + 7k days, four strata); the panel gives each person a
 *    run of weeks on benefit 111 from the entry week, then (an exit) a week of 200 and a
 *    new run of 111 that must not count.
 * 2. Times, with /usr/bin/time (wall, CPU = user + system, peak RSS), process start
 *    included, `--runs` times each, alternating jobtrial and R so both see the same load:
 *    `jobtrial survival <1M csv> --engine duckdb` against `Rscript bench/survival-bench.R`
 *    on the same file; then `jobtrial survival <spells.parquet> --engine duckdb`; then
 *    `jobtrial analyze --engine duckdb --cohort cohort.parquet --benefit-weeks panel.parquet
 *    --spell-states 111`. Checks that jobtrial and R give the same hazard ratio.
 * 3. Prints the figures against the targets and writes them to
 *    bench/out/national/figures-<time>.json, with the machine's load average before and after.
 *    Never run as a unit test.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    spells: { type: "string", default: "10000000" },
    "panel-rows": { type: "string", default: "100000000" },
    "r-spells": { type: "string", default: "1000000" },
    runs: { type: "string", default: "3" },
    "skip-r": { type: "boolean", default: false },
    parts: { type: "string", default: "r,spells,panel" },
    regenerate: { type: "boolean", default: false },
    "memory-limit": { type: "string" },
  },
});
const spells = Number(values.spells);
const panelRows = Number(values["panel-rows"]);
const rSpells = Number(values["r-spells"]);
const runs = Number(values.runs);
const parts = new Set(values.parts!.split(","));
const out = join(root, "bench", "out", "national");
mkdirSync(out, { recursive: true });

const rCsv = join(out, `spells-${rSpells}.csv`);
const spellsParquet = join(out, `spells-${spells}.parquet`);
/** Weeks per person in the panel: the spell (mean about 22 weeks), after an exit 2 more. */
const MEAN_WEEKS_PER_PERSON = 24;
const panelPersons = Math.max(1000, Math.round(panelRows / MEAN_WEEKS_PER_PERSON));
const panelParquet = join(out, `panel-${panelPersons}.parquet`);
const cohortParquet = join(out, `cohort-${panelPersons}.parquet`);

/** A uniform number in [0, 1) from the row number and a salt: DuckDB's hash, so the files are the same on every run. */
const uniform = (salt: number) => `((hash(i * 7919 + ${salt}) % 1000000007) / 1000000007.0)`;

/** The spells as the survival bench draws them: Weibull(1.1; 160 control, 150 intervention) in whole weeks, censored at 3 + 7k days. */
function spellsSelect(rows: number): string {
  return `
    WITH drawn AS (
      SELECT i,
        ${uniform(1)} < 0.5 AS intervention,
        ${uniform(2)} AS u_duration,
        ${uniform(3)} AS u_follow,
        ${uniform(4)} AS u_stratum
      FROM range(${rows}) AS t(i)
    ), timed AS (
      SELECT *,
        7 * greatest(1, ceil((CASE WHEN intervention THEN 150 ELSE 160 END) * pow(-ln(1 - u_duration), 1 / 1.1) / 7)) AS duration,
        3 + 7 * floor(u_follow * 61) AS follow_up
      FROM drawn
    )
    SELECT CAST(CASE WHEN duration <= follow_up THEN duration ELSE follow_up END AS INTEGER) AS time,
      CAST(CASE WHEN duration <= follow_up THEN 1 ELSE 0 END AS INTEGER) AS event,
      CASE WHEN intervention THEN 'intervention' ELSE 'control' END AS "group",
      (['Bygge og industri', 'Handel og service', 'Kontor og offentlig', 'LVU'])[1 + CAST(floor(u_stratum * 4) AS INTEGER)] AS stratum
    FROM timed`;
}

let panelRowsWritten: number | null = null;

async function generate(): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", values["memory-limit"] ? { memory_limit: values["memory-limit"] } : {});
  const connection = await instance.connect();
  const write = async (file: string, select: string, format: string) => {
    if (existsSync(file) && !values.regenerate) return;
    const started = performance.now();
    await connection.run(`COPY (${select}) TO '${file}' (${format})`);
    console.log(`wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  if (parts.has("r")) await write(rCsv, spellsSelect(rSpells), "FORMAT csv, HEADER true");
  if (parts.has("spells")) await write(spellsParquet, spellsSelect(spells), "FORMAT parquet");
  // The cohort: entry week 1000-1519 (ten years), a spell of 1 + Weibull weeks, an exit unless censored at the last week.
  const cohortSelect = `
    WITH drawn AS (
      SELECT i, ${uniform(11)} < 0.5 AS intervention, ${uniform(12)} AS u_weeks, ${uniform(13)} AS u_event, ${uniform(14)} AS u_stratum,
        1000 + CAST(floor(${uniform(15)} * 520) AS INTEGER) AS entry_week
      FROM range(${panelPersons}) AS t(i)
    )
    SELECT 'p' || CAST(i AS VARCHAR) AS person,
      CASE WHEN intervention THEN 'intervention' ELSE 'control' END AS arm,
      (['Bygge og industri', 'Handel og service', 'Kontor og offentlig', 'LVU'])[1 + CAST(floor(u_stratum * 4) AS INTEGER)] AS industry_group,
      entry_week,
      CAST(greatest(1, ceil((CASE WHEN intervention THEN 21 ELSE 23 END) * pow(-ln(1 - u_weeks), 1 / 1.1))) AS INTEGER) AS spell_weeks,
      u_event < 0.8 AS exits
    FROM drawn`;
  if (parts.has("panel") && (!existsSync(cohortParquet) || !existsSync(panelParquet) || values.regenerate)) {
    await connection.run(`CREATE TABLE persons AS ${cohortSelect}`);
    await write(
      cohortParquet,
      `SELECT person, arm, industry_group, entry_week, CASE WHEN exits THEN entry_week + spell_weeks + 2 ELSE entry_week + spell_weeks - 1 END AS last_week FROM persons`,
      "FORMAT parquet",
    );
    // One row per person and week on a benefit: the spell's weeks of 111; after an exit, one week of 200 and one of 111 again.
    await write(
      panelParquet,
      `SELECT person, week, CASE WHEN week < entry_week + spell_weeks THEN 111 WHEN week = entry_week + spell_weeks THEN 200 ELSE 111 END AS state
       FROM (SELECT person, entry_week, spell_weeks, unnest(range(entry_week, entry_week + spell_weeks + CASE WHEN exits THEN 2 ELSE 0 END)) AS week FROM persons)`,
      "FORMAT parquet",
    );
  }
  if (parts.has("panel")) {
    const counted = await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet('${panelParquet}')`);
    panelRowsWritten = Number(counted.getRows()[0]![0]);
    console.log(`panel: ${panelRowsWritten.toLocaleString("en")} rows for ${panelPersons.toLocaleString("en")} persons`);
  }
  connection.closeSync();
  instance.closeSync();
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

/** Wall time, CPU time (user + system, all threads) and peak memory of a command, from /usr/bin/time. */
function timed(command: string, args: string[]): Timed {
  const timeFile = join(out, "time.txt");
  const stdout = execFileSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, command, ...args], { cwd: root, maxBuffer: 1 << 28, encoding: "utf8" });
  const [seconds, user, system, kilobytes] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-4).map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, peakMb: kilobytes! / 1024, stdout };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const summary = (results: Timed[]) => results.length === 0 ? null : ({
  seconds: median(results.map((result) => result.seconds)),
  cpuSeconds: median(results.map((result) => result.cpuSeconds)),
  peakMb: Math.max(...results.map((result) => result.peakMb)),
  runs: results.map((result) => result.seconds),
});
/** `pnpm jobtrial` without pnpm: the start every user gets (the bundle, see "Starting from a bundle" above in README.md). */
const jobtrial = (args: string[]) => timed("node", ["--max-semi-space-size=64", "--min-semi-space-size=16", "--v8-pool-size=1", "packages/cli/bin/jobtrial.mjs", ...args]);

const loadBefore = loadavg();
await generate();

// 1. 1M spells, jobtrial (DuckDB) and R alternating, process start included.
const survivalArgs = ["--time", "time", "--event", "event", "--group", "group", "--tau", "182,364", "--format", "json", "--engine", "duckdb"];
const oneMillion: Timed[] = [];
const rRuns: Timed[] = [];
for (let run = 0; run < runs && parts.has("r"); run++) {
  oneMillion.push(jobtrial(["survival", rCsv, ...survivalArgs]));
  if (!values["skip-r"]) rRuns.push(timed("Rscript", [join("bench", "survival-bench.R"), rCsv]));
}
const tsHr = oneMillion.length > 0 ? (JSON.parse(oneMillion[0]!.stdout).cox.hr as number) : null;
const rHr = rRuns.length > 0 ? (JSON.parse(rRuns[0]!.stdout.trim().split("\n").at(-1)!).hr as number) : null;
if (rHr !== null && tsHr !== null && Math.abs(tsHr - rHr) > 1e-8 * rHr) throw new Error(`hazard ratios differ: jobtrial ${tsHr}, R ${rHr}`);

// 2. The spells file at national size.
const national: Timed[] = [];
for (let run = 0; run < runs && parts.has("spells"); run++) national.push(jobtrial(["survival", spellsParquet, ...survivalArgs]));

// 3. The weekly panel through DuckDB: first spells by runs of weeks, joined to the cohort, counted, estimated.
const panel: Timed[] = [];
for (let run = 0; run < runs && parts.has("panel"); run++) {
  panel.push(
    jobtrial([
      "analyze", "--config", "data/esbjerg-2017/trial.json", "--engine", "duckdb", "--cohort", cohortParquet, "--benefit-weeks", panelParquet,
      "--spell-states", "111", "--out", join(out, "panel-results.json"),
    ]),
  );
}
const loadAfter = loadavg();

const figures = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadBefore, loadAfter, node: process.version },
  sizes: { rSpells, spells, panelPersons, panelRowsAsked: panelRows, panelRowsWritten },
  oneMillion: { jobtrial: summary(oneMillion), r: summary(rRuns), ratio: rRuns.length > 0 && oneMillion.length > 0 ? median(oneMillion.map((r) => r.seconds)) / median(rRuns.map((r) => r.seconds)) : null, hr: { jobtrial: tsHr, r: rHr } },
  spells: summary(national),
  panel: panel.length === 0 ? null : { ...summary(panel)!, persons: JSON.parse(readFileSync(join(out, "panel-results.json"), "utf8")).persons },
};
writeFileSync(join(out, `figures-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.json`), JSON.stringify(figures, null, 2) + "\n");
const seconds = (value: number) => `${value.toFixed(2)} s`;
console.log(`load average before ${loadBefore.map((value) => value.toFixed(1)).join(" ")}, after ${loadAfter.map((value) => value.toFixed(1)).join(" ")}`);
const one = figures.oneMillion;
if (one.jobtrial) {
  console.log(`${rSpells.toLocaleString("en")} spells (CSV): jobtrial --engine duckdb ${seconds(one.jobtrial.seconds)} (CPU ${seconds(one.jobtrial.cpuSeconds)}, ${one.jobtrial.peakMb.toFixed(0)} MB)` +
    (one.r ? `; Rscript ${seconds(one.r.seconds)} (CPU ${seconds(one.r.cpuSeconds)}, ${one.r.peakMb.toFixed(0)} MB); ratio ${one.ratio!.toFixed(2)} (target <= 0.25)` : ""));
}
if (figures.spells) console.log(`${spells.toLocaleString("en")} spells (Parquet): ${seconds(figures.spells.seconds)} (CPU ${seconds(figures.spells.cpuSeconds)}), peak ${figures.spells.peakMb.toFixed(0)} MB (targets at 10M: < 10 s, < 4096 MB)`);
if (figures.panel) console.log(`panel ${(panelRowsWritten ?? 0).toLocaleString("en")} rows, ${panelPersons.toLocaleString("en")} persons: ${seconds(figures.panel.seconds)} (CPU ${seconds(figures.panel.cpuSeconds)}), peak ${figures.panel.peakMb.toFixed(0)} MB (targets at 100M rows: < 120 s, < 8192 MB)`);
