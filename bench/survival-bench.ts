/**
 * Speed of the survival pipeline on 1,000,000 rows, TypeScript against R.
 *
 *   pnpm tsx bench/survival-bench.ts [--rows 1000000] [--regenerate] [--skip-r]
 *
 * 1. Writes bench/out/survival-<rows>.csv (git-ignored): two groups, whole-day times with
 *    many ties (spells in whole weeks, administrative censoring at 3 + 7k days), a
 *    stratum column. Deterministic (seeded), so every run times the same file.
 * 2. Times `jobtrial survival <csv> --time time --event event --group group --tau 182,364
 *    --format json` end to end (process start, read, KM + median, log-rank, two RMST
 *    horizons, Cox, JSON out) with /usr/bin/time for wall time and peak memory, and the
 *    same pipeline in-process (no interpreter start-up).
 * 3. Runs bench/survival-bench.R (data.table::fread, survfit, survdiff, rmean, coxph) the
 *    same two ways, and prints the ratios TS / R. Never run as a unit test.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
// bench is not a package; it reaches the estimators' source directly so the in-process
// timing does not depend on the rest of @jobtrial/analyze.
import { randomSource, readCsvColumns, survivalSummary } from "@jobtrial/survival";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, regenerate: { type: "boolean", default: false }, "skip-r": { type: "boolean", default: false } },
});
const rows = Number(values.rows);
const outDirectory = join(root, "bench", "out");
mkdirSync(outDirectory, { recursive: true });
const csvPath = join(outDirectory, `survival-${rows}.csv`);

function generate(): void {
  const random = randomSource(20170101);
  const strata = ["Bygge og industri", "Handel og service", "Kontor og offentlig", "LVU"];
  const lines: string[] = ["time,event,group,stratum"];
  for (let row = 0; row < rows; row++) {
    const intervention = random.next() < 0.5;
    // Weibull(shape 1.1, scale 160 or 150) duration, rounded up to whole weeks: heavy ties.
    const scale = intervention ? 150 : 160;
    const duration = 7 * Math.max(1, Math.ceil((scale * Math.pow(-Math.log(1 - random.next()), 1 / 1.1)) / 7));
    // Administrative censoring: follow-up 3 + 7k days, k in 0..60.
    const followUp = 3 + 7 * Math.floor(random.next() * 61);
    const event = duration <= followUp ? 1 : 0;
    const time = event === 1 ? duration : followUp;
    lines.push(`${time},${event},${intervention ? "intervention" : "control"},${strata[Math.floor(random.next() * 4)]}`);
  }
  writeFileSync(csvPath, lines.join("\n") + "\n");
}

function timed(command: string, args: string[]): { seconds: number; peakMb: number; stdout: string } {
  const timeFile = join(outDirectory, "time.txt");
  const stdout = execFileSync("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, command, ...args], { cwd: root, maxBuffer: 1 << 28, encoding: "utf8" });
  const [seconds, kilobytes] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { seconds: seconds!, peakMb: kilobytes! / 1024, stdout };
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

// In-process pipeline (best of 3 after the first run warms up the JIT is not what a user
// gets, so report the median of 3 cold-ish runs in this one process).
const inProcess: number[] = [];
let n = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const text = readFileSync(csvPath, "utf8");
  const columns = readCsvColumns(text, csvPath, [
    { name: "time", kind: "number", rule: ">= 0" },
    { name: "event", kind: "number", rule: "0/1" },
    { name: "group", kind: "label" },
  ]);
  const report = survivalSummary({ time: columns.numbers.time!, event: columns.numbers.event!, group: columns.labels.group! }, { taus: [182, 364] });
  JSON.stringify(report.summary);
  inProcess.push((performance.now() - started) / 1000);
  n = report.summary.n;
}
const tsPeakMb = process.resourceUsage().maxRSS / 1024;
const tsPipeline = median(inProcess);
console.log(`TS in-process pipeline: ${inProcess.map((value) => value.toFixed(2)).join(", ")} s (median ${tsPipeline.toFixed(2)} s), n = ${n}, peak RSS ${tsPeakMb.toFixed(0)} MB`);

const cli = timed("node", ["--import", "tsx", "packages/cli/src/main.ts", "survival", csvPath, "--time", "time", "--event", "event", "--group", "group", "--tau", "182,364", "--format", "json"]);
const cliCox = JSON.parse(cli.stdout).cox;
console.log(`TS jobtrial survival (end to end): ${cli.seconds.toFixed(2)} s, peak ${cli.peakMb.toFixed(0)} MB, HR ${cliCox.hr.toFixed(6)}`);

if (!values["skip-r"]) {
  const r = timed("Rscript", [join("bench", "survival-bench.R"), csvPath]);
  const rResult = JSON.parse(r.stdout.trim().split("\n").pop()!);
  console.log(`R pipeline (inside Rscript): ${rResult.seconds.toFixed(2)} s; Rscript end to end ${r.seconds.toFixed(2)} s, peak ${r.peakMb.toFixed(0)} MB, HR ${rResult.hr.toFixed(6)}`);
  console.log(`ratio TS / R: pipeline ${(tsPipeline / rResult.seconds).toFixed(2)}, end to end ${(cli.seconds / r.seconds).toFixed(2)}`);
  console.log(`hazard ratios agree: ${Math.abs(cliCox.hr - rResult.hr) / rResult.hr < 1e-6}`);
}
