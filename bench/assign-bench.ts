/**
 * Weekly assignment at national scale: one batch of 300,000 intake rows,
 * end to end (read and validate the CSV, open a fresh register, classify and
 * append every row in one transaction with the hash chain, write the staff
 * list as CSV and XLSX), against a reference run of a plain read + parse of
 * the same file (`readTable`).
 *
 * Run: pnpm tsx bench/assign-bench.ts [rows]   (Default: 300000)
 * Writes only into a temporary directory. The bench directory is not a
 * package, so it imports the library by path (as the other benchmarks do).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  assignBatchWithStaffList,
  checkTrialConfig,
  closeRegister,
  configHash,
  makeCpr,
  openRegister,
  readIntakeFile,
  readTable,
  verifyRegister,
} from "@jobtrial/assign";

const rows = Number(process.argv[2] ?? 300_000);
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

const perSecond = (ms: number): string => Math.round(rows / (ms / 1000)).toLocaleString("en-US");
console.log(`Weekly assignment benchmark: ${rows.toLocaleString("en-US")} rows, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`);
console.log(`  reference read + parse   ${referenceMs.toFixed(0)} ms  (${perSecond(referenceMs)} rows/s)`);
for (const [name, ms] of Object.entries(phases)) console.log(`  ${name.padEnd(35)} ${ms.toFixed(0)} ms`);
console.log(`  end to end               ${totalMs.toFixed(0)} ms  (${perSecond(totalMs)} rows/s, ${(totalMs / referenceMs).toFixed(1)}x the reference)`);
console.log(`  peak memory (RSS)        ${(peakRss / 2 ** 20).toFixed(0)} MB`);
console.log(`  assigned: intervention ${result.counts.assigned.intervention}, control ${result.counts.assigned.control}; ineligible ${ineligible}`);
rmSync(dir, { recursive: true, force: true });
