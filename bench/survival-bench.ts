/**
 * Speed of the survival pipeline on 1,000,000 rows, TypeScript against R.
 *
 *   pnpm tsx bench/survival-bench.ts [--rows 1000000] [--regenerate] [--skip-r] [--runs 3] [--baseline <folder>]
 *
 * 1. Writes bench/out/survival-<rows>.csv (git-ignored): two groups, whole-day times with
 *    many ties (spells in whole weeks, administrative censoring at 3 + 7k days), a
 *    stratum column. Deterministic (seeded), so every run times the same file.
 * 2. Times `jobtrial survival <csv> --time time --event event --group group --tau 182,364
 *    --format json` end to end (process start, read, KM + median, log-rank, two RMST
 *    horizons, Cox, JSON out) with /usr/bin/time for wall time, CPU time (user + system)
 *    and peak memory, and the same pipeline in-process (no interpreter start-up), with
 *    the CSV reading alone timed apart. On a shared, loaded machine the CPU times are
 *    the steadier figure.
 * 3. With --baseline, a checkout of another revision (`git worktree add <folder> <rev>`,
 *    with its node_modules installed), its `jobtrial survival` is timed the same way,
 *    run for run alternating with this tree's, so both see the same machine load.
 * 4. Runs bench/survival-bench.R (data.table::fread, survfit, survdiff, rmean, coxph) the
 *    same two ways, and prints the ratios TS / R. Never run as a unit test.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProblem, readCsvColumns, writeCsvFile, type CsvColumnRequest } from "@jobtrial/core";
import { randomSource, survivalSummary } from "@jobtrial/survival";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    regenerate: { type: "boolean", default: false },
    "skip-r": { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    baseline: { type: "string" },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const outDirectory = join(root, "bench", "out");
mkdirSync(outDirectory, { recursive: true });
const csvPath = join(outDirectory, `survival-${rows}.csv`);

/** The rows of the benchmark file, one array handed out again for each row. */
function* benchRows(): Generator<(string | number)[]> {
  const random = randomSource(20170101);
  const strata = ["Bygge og industri", "Handel og service", "Kontor og offentlig", "LVU"];
  const row: (string | number)[] = [0, 0, "", ""];
  for (let index = 0; index < rows; index++) {
    const intervention = random.next() < 0.5;
    // Weibull(shape 1.1, scale 160 or 150) duration, rounded up to whole weeks: heavy ties.
    const scale = intervention ? 150 : 160;
    const duration = 7 * Math.max(1, Math.ceil((scale * Math.pow(-Math.log(1 - random.next()), 1 / 1.1)) / 7));
    // Administrative censoring: follow-up 3 + 7k days, k in 0..60.
    const followUp = 3 + 7 * Math.floor(random.next() * 61);
    const event = duration <= followUp ? 1 : 0;
    row[0] = event === 1 ? duration : followUp;
    row[1] = event;
    row[2] = intervention ? "intervention" : "control";
    row[3] = strata[Math.floor(random.next() * 4)]!;
    yield row;
  }
}

/** Comma separated, LF, no BOM: what R's fread and most exports expect. */
function generate(): void {
  writeCsvFile(csvPath, ["time", "event", "group", "stratum"], benchRows(), { delimiter: ",", bom: false, lineEnd: "\n" });
}

/** Wall time, CPU time (user + system, all threads) and peak memory of a command, from /usr/bin/time. */
function timed(command: string, args: string[], cwd = root): { seconds: number; cpuSeconds: number; peakMb: number; stdout: string } {
  const timeFile = join(outDirectory, "time.txt");
  const stdout = execFileSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, command, ...args], { cwd, maxBuffer: 1 << 28, encoding: "utf8" });
  const [seconds, user, system, kilobytes] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-4).map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, peakMb: kilobytes! / 1024, stdout };
}

/** CPU seconds (user + system, all threads of this process) spent by `work`. */
function cpuSecondsOf(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (values.regenerate || !existsSync(csvPath)) {
  const started = performance.now();
  generate();
  console.log(`wrote ${csvPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const requests: CsvColumnRequest[] = [
  { name: "time", kind: "number", rule: ">= 0" },
  { name: "event", kind: "number", rule: "0/1" },
  { name: "group", kind: "label" },
];

// In-process pipeline (best of 3 after the first run warms up the JIT is not what a user
// gets, so report the median of the runs, cold-ish, in this one process).
const inProcess: number[] = [];
const reading: number[] = [];
const readingCpu: number[] = [];
let n = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  let columns: ReturnType<typeof readCsvColumns> | undefined;
  readingCpu.push(cpuSecondsOf(() => (columns = readCsvColumns(readFileSync(csvPath), csvPath, requests))));
  if (!columns!.ok) throw new Error(columns!.problems.map((item) => formatProblem(item, "en")).join("\n"));
  reading.push((performance.now() - started) / 1000);
  const { numbers, labels } = columns!.columns;
  const report = survivalSummary({ time: numbers.time!, event: numbers.event!, group: labels.group! }, { taus: [182, 364] });
  JSON.stringify(report.summary);
  inProcess.push((performance.now() - started) / 1000);
  n = report.summary.n;
}
const tsPeakMb = process.resourceUsage().maxRSS / 1024;
const tsPipeline = median(inProcess);
const list = (seconds: number[]) => seconds.map((value) => value.toFixed(2)).join(", ");
console.log(`TS in-process pipeline: ${list(inProcess)} s (median ${tsPipeline.toFixed(2)} s), n = ${n}, peak RSS ${tsPeakMb.toFixed(0)} MB`);
console.log(`  of which reading the CSV: ${list(reading)} s (median ${median(reading).toFixed(2)} s); CPU ${list(readingCpu)} s (median ${median(readingCpu).toFixed(2)} s)`);

/** `jobtrial survival` on the benchmark file, run in the checkout `tree`. */
function cliRun(tree: string): { seconds: number; cpuSeconds: number; peakMb: number; hr: number } {
  const args = ["--import", "tsx", "packages/cli/src/main.ts", "survival", csvPath, "--time", "time", "--event", "event", "--group", "group", "--tau", "182,364", "--format", "json"];
  const result = timed("node", args, tree);
  return { seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMb: result.peakMb, hr: JSON.parse(result.stdout).cox.hr };
}

const baseline = values.baseline === undefined ? undefined : resolve(values.baseline);
const cliRuns: ReturnType<typeof cliRun>[] = [];
const baselineRuns: ReturnType<typeof cliRun>[] = [];
for (let run = 0; run < runs; run++) {
  cliRuns.push(cliRun(root));
  if (baseline !== undefined) baselineRuns.push(cliRun(baseline));
}
/** Prints the runs of one tree; returns the median wall and CPU seconds. */
const describe = (label: string, results: ReturnType<typeof cliRun>[]): { wall: number; cpu: number } => {
  const wall = median(results.map((result) => result.seconds));
  const cpu = median(results.map((result) => result.cpuSeconds));
  console.log(
    `${label}: ${list(results.map((result) => result.seconds))} s (median ${wall.toFixed(2)} s); CPU ${list(results.map((result) => result.cpuSeconds))} s (median ${cpu.toFixed(2)} s); peak ${Math.max(...results.map((result) => result.peakMb)).toFixed(0)} MB, HR ${results[0]!.hr.toFixed(6)}`,
  );
  return { wall, cpu };
};
const cliTimes = describe("TS jobtrial survival (end to end)", cliRuns);
const baselineTimes = baseline === undefined ? undefined : describe(`baseline ${baseline} jobtrial survival (end to end)`, baselineRuns);

if (!values["skip-r"]) {
  const r = timed("Rscript", [join("bench", "survival-bench.R"), csvPath]);
  const rResult = JSON.parse(r.stdout.trim().split("\n").pop()!);
  console.log(`R pipeline (inside Rscript): ${rResult.seconds.toFixed(2)} s; Rscript end to end ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s, peak ${r.peakMb.toFixed(0)} MB, HR ${rResult.hr.toFixed(6)}`);
  console.log(`ratio TS / R: pipeline ${(tsPipeline / rResult.seconds).toFixed(2)}, end to end ${(cliTimes.wall / r.seconds).toFixed(2)} (CPU ${(cliTimes.cpu / r.cpuSeconds).toFixed(2)})`);
  if (baselineTimes !== undefined) console.log(`ratio baseline / R: end to end ${(baselineTimes.wall / r.seconds).toFixed(2)} (CPU ${(baselineTimes.cpu / r.cpuSeconds).toFixed(2)})`);
  console.log(`hazard ratios agree: ${Math.abs(cliRuns[0]!.hr - rResult.hr) / rResult.hr < 1e-6}`);
}
