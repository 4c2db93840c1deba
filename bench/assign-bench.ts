/**
 * Weekly assignment at national scale: one batch of 300,000 intake rows,
 * end to end (read and validate the CSV, open a fresh register, classify and
 * append every row in one transaction with the hash chain, write the staff
 * list as CSV and XLSX), against a reference run of a plain read + parse of
 * the same file (`readTable`) in the same process.
 *
 * Run: pnpm bench:assign [rows] [--runs N]   (Default: 300000 rows, 5 runs)
 * Each run is a fresh child process (the same node flags), so one run's heap
 * and worker never carry over to the next; the parent prints every run and the
 * median. Besides wall time each run reports the CPU time of its process (all
 * threads) and, on Linux, the share of the machine's time stolen by the
 * hypervisor (/proc/stat), which is what makes a shared VM's runs differ.
 * Writes only into a temporary directory. The bench directory is not a
 * package, so it imports the library by path (as the other benchmarks do).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { assignBatchWithStaffList, closeRegister, makeCpr, openRegister, readIntakeFile, verifyRegister } from "@jobtrial/assign";
import { checkTrialConfig, configHash, readTable } from "@jobtrial/core";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const child = args.includes("--child");
const rows = Number(args.find((arg, index) => /^\d+$/.test(arg) && args[index - 1] !== "--runs") ?? 300_000);

/** One run's figures, as a child prints them. */
interface RunFigures {
  rows: number;
  loadAverage: number;
  referenceMs: number;
  phases: Record<string, number>;
  totalMs: number;
  cpuMs: number;
  stealShare: number | null;
  peakRssMb: number;
  assigned: { intervention: number; control: number };
}

if (!child) {
  // The parent: N child processes one after the other, then the median.
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number of at least 1");
  const figures: RunFigures[] = [];
  console.log(`Weekly assignment benchmark: ${rows.toLocaleString("en-US")} rows, ${runs} runs (each a fresh process), ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  for (let run = 1; run <= runs; run++) {
    const done = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(rows), "--child"], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (done.status !== 0) throw new Error(`run ${run} failed:\n${done.stderr}`);
    const figure = JSON.parse(done.stdout) as RunFigures;
    figures.push(figure);
    const phaseText = Object.entries(figure.phases).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`).join(", ");
    console.log(
      `  run ${run}: ${(figure.totalMs / 1000).toFixed(2)} s, ${perSecond(figure.totalMs)} rows/s (${(figure.totalMs / figure.referenceMs).toFixed(1)}x the reference); ` +
        `CPU ${(figure.cpuMs / 1000).toFixed(1)} s; peak ${figure.peakRssMb.toFixed(0)} MB; load ${figure.loadAverage.toFixed(1)}` +
        (figure.stealShare === null ? "" : `; stolen ${(figure.stealShare * 100).toFixed(0)} %`) +
        `\n         ${phaseText}`,
    );
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const totals = figures.map((figure) => figure.totalMs);
  const medianMs = median(totals);
  console.log(
    `  median end to end ${(medianMs / 1000).toFixed(2)} s: ${perSecond(medianMs)} rows/s ` +
      `(runs from ${perSecond(Math.max(...totals))} to ${perSecond(Math.min(...totals))} rows/s; ${figures.filter((figure) => rows / (figure.totalMs / 1000) >= 50_000).length} of ${runs} at 50,000 or more)`,
  );
  console.log(`  median reference read + parse ${median(figures.map((figure) => figure.referenceMs)).toFixed(0)} ms; median ratio ${median(figures.map((figure) => figure.totalMs / figure.referenceMs)).toFixed(1)}x`);
  console.log(`  peak memory (RSS), highest of the runs: ${Math.max(...figures.map((figure) => figure.peakRssMb)).toFixed(0)} MB`);
  process.exit(0);
}

function perSecond(ms: number): string {
  return Math.round(rows / (ms / 1000)).toLocaleString("en-US");
}

/** Jiffies of the whole machine (all, stolen) from /proc/stat, or undefined off Linux. */
function cpuTimes(): { all: number; steal: number } | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { all: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}
const dir = mkdtempSync(join(tmpdir(), "jobtrial-assign-bench-"));
const checked = checkTrialConfig(JSON.parse(readFileSync(new URL("../data/esbjerg-2017/trial.json", import.meta.url), "utf8")));
if (!checked.ok) throw new Error("bundled configuration is invalid");
const config = checked.config;

// Synthetic intake: distinct citizens born 1950-1999, first unemployed in 2017-W10.
// Built in a function so the generator's own arrays are garbage before the timing starts.
function writeSyntheticIntake(path: string): void {
  const groups = config.targetGroup.industryGroups;
  const lines = ["CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst"];
  const seen = new Set<string>();
  const startDay = Date.UTC(1950, 0, 1) / 86_400_000;
  for (let index = 0; seen.size < rows; index++) {
    const birthDate = new Date((startDay + (index % 18_262)) * 86_400_000).toISOString().slice(0, 10);
    const digits = makeCpr({ birthDate, sex: index % 2 ? "male" : "female", serial: Math.floor(index / 18_262) * 7, modulus11: index % 5 !== 0 });
    if (digits === undefined || seen.has(digits)) continue;
    seen.add(digits);
    lines.push(`${digits.slice(0, 6)}-${digits.slice(6)};0${6 + (index % 4)}-03-2017;${groups[index % groups.length]};3F;Faglært;Dansk`);
  }
  writeFileSync(path, "\uFEFF" + lines.join("\r\n") + "\r\n");
}
const intakePath = join(dir, "2017-W10.csv");
writeSyntheticIntake(intakePath);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

// Reference: plain read + parse of the same file (best of 3).
let referenceMs = Infinity;
for (let attempt = 0; attempt < 3; attempt++) {
  const { value, ms } = time(() => readTable(readFileSync(intakePath), { file: "2017-W10.csv" }));
  if (value.rows.length !== rows) throw new Error("reference read lost rows");
  referenceMs = Math.min(referenceMs, ms);
}

const phases: Record<string, number> = {};
const loadAverage = loadavg()[0]!;
const cpuStart = process.cpuUsage();
const machineStart = cpuTimes();
const start = performance.now();
let phaseStart = start;
const mark = (name: string): void => {
  const at = performance.now();
  phases[name] = at - phaseStart;
  phaseStart = at;
};
const intake = await readIntakeFile(intakePath, config);
mark("read + validate");
const register = openRegister(join(dir, "register.sqlite"), { create: true, trialId: config.id, now: new Date("2017-03-13T08:00:00Z") });
// Above 20,000 rows the list is written by a worker while the transaction runs; "staff list" is what is left of it after the commit.
// ASSIGN_BENCH_WORKER=never writes it on the main thread after the commit, as for a small batch.
let transactionEnd = 0;
const { result, listInWorker } = await assignBatchWithStaffList(register, intake, {
  config,
  configHash: configHash(config),
  week: "2017-W10",
  operator: "bench",
  now: new Date("2017-03-13T08:00:00Z"),
  toolVersion: "bench",
  outDir: join(dir, "lister"),
  ...(process.env["ASSIGN_BENCH_WORKER"] === "never" ? { workerThreshold: Infinity } : {}),
  // The last progress call (the last full 1,000 rows) stands for the end of the transaction.
  onProgress: (appended) => {
    if (appended === rows - (rows % 1000)) transactionEnd = performance.now();
  },
});
closeRegister(register);
phases["classify + append (one transaction)"] = transactionEnd - phaseStart;
phaseStart = transactionEnd;
mark(listInWorker ? "staff list (worker; rest after commit)" : "staff list CSV + XLSX");
const totalMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const machineEnd = cpuTimes();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

// Outside the timing: the register's chains (hashes partly computed by the list's worker) must verify.
const reopened = openRegister(join(dir, "register.sqlite"), { readonly: true });
const verified = verifyRegister(reopened);
closeRegister(reopened);
if (!verified.ok || verified.assignments !== rows) throw new Error(`the register does not verify: ${JSON.stringify(verified)}`);

const assigned = result.counts.assigned.intervention + result.counts.assigned.control;
const ineligible = Object.values(result.counts.ineligible).reduce((sum, value) => sum + value, 0);
if (assigned + ineligible !== rows || result.counts.invalid !== 0) throw new Error(`lost rows: ${assigned} assigned + ${ineligible} ineligible of ${rows}`);

const figures: RunFigures = {
  rows,
  loadAverage,
  referenceMs,
  phases,
  totalMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  stealShare: machineStart && machineEnd && machineEnd.all > machineStart.all ? (machineEnd.steal - machineStart.steal) / (machineEnd.all - machineStart.all) : null,
  peakRssMb: peakRss / 2 ** 20,
  assigned: result.counts.assigned,
};
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(figures));
