/**
 * Faults on the register (issue 17), through the real `jobtrial` command in
 * separate processes:
 *
 * - kills: a batch killed (SIGKILL) at a random moment, then run again, N
 *   times; after every kill the register verifies and holds each batch wholly
 *   or not at all, and after every rerun each citizen is assigned exactly once
 *   and the staff list is complete;
 * - concurrent: M processes assigning overlapping intake files to one register
 *   at the same moment; every citizen of the union assigned exactly once;
 * - a read-only register, a full disk (a 1 MB tmpfs when mount works, else
 *   SQLite's page limit as the simulated write error), and a register of an
 *   unknown schema version: a clear Danish error, exit 1, the register's bytes
 *   unchanged;
 * - a row edited, deleted or moved behind the tool's back: `register verify`
 *   exits 1 naming the record by sequence number.
 *
 * Usage (the full run; bench/stress/register-faults.test.ts runs it reduced, and
 * .ci/run runs this script with small counts):
 *   node --import tsx bench/stress/register-faults.ts [--kills 100] [--rows 20000] [--concurrent 8]
 *     [--concurrent-rows 2000] [--full-disk-rows 20000] [--seed 17]
 * It prints what it found and exits 1 when any fault did damage. Results of the
 * full run are in docs/reliability.md.
 */
import { assignBatch, closeRegister, makeCpr, openRegister, readIntakeFile, verifyRegister } from "@jobtrial/assign";
import { isJobtrialError, loadTrialConfig } from "@jobtrial/core";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = join(repoRoot, "data/esbjerg-2017/trial.json");
const MAIN = join(repoRoot, "packages/cli/src/main.ts");
const HEADER = "CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst;Navn";

/** A seeded random source (mulberry32), so a failing run can be repeated with its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Citizen number `index`'s CPR (distinct for every index below 3,360,000: 16,800 birth dates, 100 serials, two sexes), born 1950-1999. */
function cprOf(index: number): string {
  const year = 1950 + (index % 50);
  const month = 1 + (Math.floor(index / 50) % 12);
  const day = 1 + (Math.floor(index / 600) % 28);
  const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // makeCpr uses the first two of the serial's three digits; the last digit follows the sex.
  const serialIndex = Math.floor(index / 16_800);
  const serial = (serialIndex % 100) * 10;
  const sex = (Math.floor(serialIndex / 100) % 2 === 0 ? "female" : "male") as "female" | "male";
  const digits = makeCpr({ birthDate, sex, serial, modulus11: false })!;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Writes an intake file of citizens `from` .. `from + count - 1`, each eligible. */
export function writeIntake(path: string, from: number, count: number): void {
  const lines = [HEADER];
  for (let index = from; index < from + count; index++) lines.push(`${cprOf(index)};09-01-2017;Handel og service;3F;Faglært;Dansk;Borger ${index}`);
  const fd = openSync(path, "w");
  writeSync(fd, "\uFEFF" + lines.join("\r\n") + "\r\n");
  closeSync(fd);
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `jobtrial <args>` in a new process; kills it with SIGKILL after `killAfterMs` when given. */
export function jobtrial(args: string[], options: { killAfterMs?: number; uid?: number; gid?: number; stdin?: string } = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
      cwd: repoRoot,
      stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    });
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function assignArgs(register: string, intake: string, week: string, out: string): string[] {
  return ["assign", "--config", CONFIG, "--register", register, "--intake", intake, "--week", week, "--out", out, "--operator", "stress"];
}

export interface RegisterState {
  verified: boolean;
  /** Batches of kind assign, with their rows counted in the register. */
  batches: { batchId: string; week: string | null; rows: number; recorded: number }[];
  activeRows: number;
  distinctCitizens: number;
}

/** What the register holds: does it verify, how many rows each batch has against its record, and whether any citizen is there twice. */
export function registerState(path: string): RegisterState {
  const register = openRegister(path, { readonly: true });
  try {
    const verified = verifyRegister(register).ok;
    const batches = (register.db.prepare("SELECT batch_id, week, first_seq, last_seq, batch_seq FROM batches WHERE kind = 'assign' ORDER BY batch_seq").all() as { batch_id: string; week: string | null; first_seq: number | null; last_seq: number | null; batch_seq: number }[]).map((batch) => ({
      batchId: batch.batch_id,
      week: batch.week,
      recorded: batch.first_seq === null || batch.last_seq === null ? 0 : batch.last_seq - batch.first_seq + 1,
      rows: (register.db.prepare("SELECT count(*) AS n FROM assignments WHERE batch_seq = ?").get(batch.batch_seq) as { n: number }).n,
    }));
    const counts = register.db.prepare("SELECT count(*) AS rows, count(DISTINCT cpr) AS citizens FROM assignments").get() as { rows: number; citizens: number };
    return { verified, batches, activeRows: counts.rows, distinctCitizens: counts.citizens };
  } finally {
    closeRegister(register);
  }
}

function staffListRows(out: string, week: string): number | null {
  const name = readdirSync(out).find((entry) => entry.includes(`-${week}-`) && entry.endsWith("-liste.csv"));
  if (name === undefined) return null;
  const text = readFileSync(join(out, name), "utf8");
  return text.endsWith("\r\n") ? text.split("\r\n").length - 2 : -1;
}

const weekName = (index: number): string => `${2017 + Math.floor(index / 52)}-W${String((index % 52) + 1).padStart(2, "0")}`;

export interface KillSummary {
  kills: number;
  /** Kills after which the batch was wholly absent / wholly present. */
  batchAbsent: number;
  batchPresent: number;
  /** Kills that left a staff list that was cut off (the rerun writes it whole). */
  partialStaffLists: number;
  failures: string[];
  msPerRun: number;
}

/** Kills a batch of `rows` citizens at a random moment `kills` times, each time checking the register, then runs it again to the end. */
export async function killBatches(options: { kills: number; rows: number; seed: number; dir?: string; progress?: (summary: KillSummary) => void }): Promise<KillSummary> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "jobtrial-kills-"));
  const register = join(dir, "register.sqlite");
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  const random = seeded(options.seed);
  const failures: string[] = [];
  // One uninterrupted batch first: its time is the span the kills are spread over.
  const firstIntake = join(dir, "intake-0.csv");
  writeIntake(firstIntake, 0, options.rows);
  const first = await jobtrial(assignArgs(register, firstIntake, weekName(0), out));
  if (first.code !== 0) throw new Error(`the first batch failed: ${first.stderr}`);
  const span = first.ms;
  const summary: KillSummary = { kills: 0, batchAbsent: 0, batchPresent: 0, partialStaffLists: 0, failures, msPerRun: span };
  for (let kill = 1; kill <= options.kills; kill++) {
    const week = weekName(kill);
    const intake = join(dir, `intake-${kill}.csv`);
    writeIntake(intake, kill * options.rows, options.rows);
    const killed = await jobtrial(assignArgs(register, intake, week, out), { killAfterMs: Math.round(span * (0.2 + 0.9 * random())) });
    summary.kills++;
    const afterKill = registerState(register);
    const batch = afterKill.batches.find((item) => item.week === week);
    if (!afterKill.verified) failures.push(`kill ${kill}: the register does not verify`);
    if (afterKill.batches.some((item) => item.rows !== item.recorded)) failures.push(`kill ${kill}: a batch is partly present`);
    if (batch === undefined) summary.batchAbsent++;
    else if (batch.rows === options.rows) summary.batchPresent++;
    else failures.push(`kill ${kill}: the batch holds ${batch.rows} of ${options.rows} rows`);
    const listAfterKill = staffListRows(out, week);
    if (listAfterKill !== null && listAfterKill !== options.rows) summary.partialStaffLists++;
    if (killed.signal === null && killed.code !== 0) failures.push(`kill ${kill}: the run ended by itself with exit ${killed.code}: ${killed.stderr.trim()}`);
    const again = await jobtrial(assignArgs(register, intake, week, out));
    if (again.code !== 0) failures.push(`kill ${kill}: the rerun failed: ${again.stderr.trim()}`);
    const afterRerun = registerState(register);
    if (!afterRerun.verified || afterRerun.distinctCitizens !== afterRerun.activeRows || afterRerun.activeRows !== (kill + 1) * options.rows) {
      failures.push(`kill ${kill}: after the rerun ${afterRerun.activeRows} rows for ${afterRerun.distinctCitizens} citizens (expected ${(kill + 1) * options.rows}), verified ${afterRerun.verified}`);
    }
    if (staffListRows(out, week) !== options.rows) failures.push(`kill ${kill}: the staff list after the rerun is not complete`);
    options.progress?.(summary);
  }
  if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
  return summary;
}

export interface ConcurrentSummary {
  processes: number;
  citizens: number;
  assignedRows: number;
  distinctCitizens: number;
  verified: boolean;
  exitCodes: (number | null)[];
}

/** `processes` runs at once, run j assigning citizens j*step .. j*step + rows - 1 (each overlaps the next by rows - step). */
export async function concurrentBatches(options: { processes: number; rows: number; step: number }): Promise<ConcurrentSummary> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-concurrent-"));
  const register = join(dir, "register.sqlite");
  const runs = Array.from({ length: options.processes }, (_, index) => {
    const intake = join(dir, `intake-${index}.csv`);
    writeIntake(intake, index * options.step, options.rows);
    return assignArgs(register, intake, weekName(index), join(dir, `out-${index}`));
  });
  const results = await Promise.all(runs.map((args) => jobtrial(args)));
  const state = registerState(register);
  rmSync(dir, { recursive: true, force: true });
  return {
    processes: options.processes,
    citizens: (options.processes - 1) * options.step + options.rows,
    assignedRows: state.activeRows,
    distinctCitizens: state.distinctCitizens,
    verified: state.verified,
    exitCodes: results.map((result) => result.code),
  };
}

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

export interface RefusalResult {
  /** How the fault was made. */
  how: string;
  code: number | null;
  stderr: string;
  unchanged: boolean;
  verified: boolean;
}

/** A register with one batch of `rows` citizens, in `dir`. */
async function registerWithOneBatch(dir: string, rows: number): Promise<string> {
  const register = join(dir, "register.sqlite");
  const intake = join(dir, "intake-first.csv");
  writeIntake(intake, 0, rows);
  const first = await jobtrial(assignArgs(register, intake, weekName(0), join(dir, "out-first")));
  if (first.code !== 0) throw new Error(`the first batch failed: ${first.stderr}`);
  return register;
}

/** A read-only register (file and folder): as root, the command runs as nobody, for whom the mode counts. */
export async function readOnlyRegister(): Promise<RefusalResult> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-readonly-"));
  const registerDir = join(dir, "register");
  mkdirSync(registerDir);
  const register = await registerWithOneBatch(registerDir, 5);
  const before = sha256(register);
  const intake = join(dir, "intake.csv");
  writeIntake(intake, 100, 5);
  const out = join(dir, "out");
  mkdirSync(out);
  chmodSync(dir, 0o755);
  chmodSync(out, 0o777);
  chmodSync(register, 0o444);
  chmodSync(registerDir, 0o555);
  const asRoot = process.getuid?.() === 0;
  const result = await jobtrial(assignArgs(register, intake, weekName(1), out), asRoot ? { uid: 65_534, gid: 65_534 } : {});
  const unchanged = sha256(register) === before;
  chmodSync(registerDir, 0o755);
  const verified = registerState(register).verified;
  rmSync(dir, { recursive: true, force: true });
  return { how: asRoot ? "file 0444 in a folder 0555, run as nobody" : "file 0444 in a folder 0555", code: result.code, stderr: result.stderr, unchanged, verified };
}

/**
 * A full disk: the register on a 1 MB tmpfs (as root where mount works), a
 * batch that does not fit. Where tmpfs cannot be mounted, the same write error
 * is made by SQLite's page limit (`max_page_count`) on a register opened here,
 * and the batch run in this process.
 */
export async function fullDisk(rows: number): Promise<RefusalResult> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-full-"));
  const disk = join(dir, "disk");
  mkdirSync(disk);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk], { stdio: "ignore" });
  } catch {
    try {
      return await pageLimitedDisk(disk, rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  try {
    const register = await registerWithOneBatch(disk, 5);
    const before = sha256(register);
    const intake = join(dir, "intake.csv");
    writeIntake(intake, 100, rows);
    const result = await jobtrial(assignArgs(register, intake, weekName(1), join(dir, "out")));
    return { how: "1 MB tmpfs", code: result.code, stderr: result.stderr, unchanged: sha256(register) === before, verified: registerState(register).verified };
  } finally {
    execFileSync("umount", [disk]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pageLimitedDisk(dir: string, rows: number): Promise<RefusalResult> {
  const path = await registerWithOneBatch(dir, 5);
  const before = sha256(path);
  const intake = join(dir, "intake.csv");
  writeIntake(intake, 100, rows);
  const loaded = loadTrialConfig(CONFIG);
  if (!loaded.ok) throw new Error("the bundled configuration does not load");
  const register = openRegister(path);
  let stderr = "";
  try {
    const pages = (register.db.pragma("page_count", { simple: true }) as number) + 2;
    register.db.pragma(`max_page_count = ${pages}`);
    assignBatch(register, await readIntakeFile(intake, loaded.config), { config: loaded.config, configHash: loaded.hash, week: weekName(1), operator: "stress", now: new Date(), toolVersion: "stress" });
  } catch (error) {
    stderr = isJobtrialError(error) ? `jobtrial assign: ${error.messageIn("da")}\n` : String(error);
  } finally {
    closeRegister(register);
  }
  return { how: "SQLite max_page_count (tmpfs could not be mounted)", code: stderr === "" ? 0 : 1, stderr, unchanged: sha256(path) === before, verified: registerState(path).verified };
}

/** A register whose schema version is one this jobtrial does not know. */
export async function unknownSchemaVersion(): Promise<RefusalResult> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-schema-"));
  const register = await registerWithOneBatch(dir, 5);
  const opened = openRegister(register);
  opened.db.exec("DROP TRIGGER meta_no_update; UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  closeRegister(opened);
  const before = sha256(register);
  const intake = join(dir, "intake.csv");
  writeIntake(intake, 100, 5);
  const result = await jobtrial(assignArgs(register, intake, weekName(1), join(dir, "out")));
  const unchanged = sha256(register) === before;
  rmSync(dir, { recursive: true, force: true });
  return { how: "meta.schema_version = 2", code: result.code, stderr: result.stderr, unchanged, verified: false };
}

/** A register tampered with behind the tool's back (triggers dropped), then `register verify`. */
export async function tamperedRegister(kind: "edited" | "deleted" | "reordered"): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-tamper-"));
  const register = await registerWithOneBatch(dir, 6);
  const opened = openRegister(register);
  opened.db.exec("DROP TRIGGER assignments_no_update; DROP TRIGGER assignments_no_delete");
  if (kind === "edited") opened.db.exec("UPDATE assignments SET arm = CASE arm WHEN 'control' THEN 'intervention' ELSE 'control' END WHERE seq = 3");
  if (kind === "deleted") opened.db.exec("DELETE FROM assignments WHERE seq = 3");
  if (kind === "reordered") opened.db.exec("UPDATE assignments SET seq = -1 WHERE seq = 3; UPDATE assignments SET seq = 3 WHERE seq = 4; UPDATE assignments SET seq = 4 WHERE seq = -1");
  closeRegister(opened);
  const result = await jobtrial(["register", "verify", "--register", register]);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/**
 * What is wrong in a run's results, as lines; empty when all is as it must be. The
 * refusals must exit 1 with a Danish message (never "intern fejl") and leave the
 * register's bytes unchanged; a tampered register must fail verify.
 */
export function problemsOf(results: {
  kills: KillSummary;
  concurrent: ConcurrentSummary;
  refusals: RefusalResult[];
  tampered: { kind: string; code: number | null }[];
}): string[] {
  const problems = [...results.kills.failures];
  if (results.kills.batchAbsent + results.kills.batchPresent !== results.kills.kills) problems.push("kills: a batch was neither wholly absent nor wholly present");
  const concurrent = results.concurrent;
  if (!concurrent.verified || concurrent.assignedRows !== concurrent.citizens || concurrent.distinctCitizens !== concurrent.citizens || concurrent.exitCodes.some((code) => code !== 0)) {
    problems.push(`concurrent: ${concurrent.assignedRows} rows for ${concurrent.distinctCitizens} of ${concurrent.citizens} citizens, verified ${concurrent.verified}, exit codes ${concurrent.exitCodes.join(" ")}`);
  }
  for (const refusal of results.refusals) {
    if (refusal.code !== 1 || !refusal.unchanged || /intern fejl|internal error/.test(refusal.stderr)) problems.push(`${refusal.how}: exit ${refusal.code}, unchanged ${refusal.unchanged}: ${refusal.stderr.trim()}`);
  }
  for (const item of results.tampered) if (item.code !== 1) problems.push(`a register with a row ${item.kind} passed verify (exit ${item.code})`);
  return problems;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { kills: { type: "string" }, rows: { type: "string" }, concurrent: { type: "string" }, "concurrent-rows": { type: "string" }, "full-disk-rows": { type: "string" }, seed: { type: "string" } } });
  const kills = Number(values.kills ?? 100);
  const rows = Number(values.rows ?? 20_000);
  const processes = Number(values.concurrent ?? 8);
  const concurrentRows = Number(values["concurrent-rows"] ?? 2_000);
  const fullDiskRows = Number(values["full-disk-rows"] ?? 20_000);
  const seed = Number(values.seed ?? 17);
  console.log(`kills: ${kills} batches of ${rows} rows (seed ${seed})`);
  const killSummary = await killBatches({
    kills,
    rows,
    seed,
    // A line every 10 kills, so a long run shows where it is (and what it found so far).
    progress: (summary) => {
      if (summary.kills % 10 === 0) console.error(`  ${summary.kills} kills: absent ${summary.batchAbsent}, present ${summary.batchPresent}, cut-off lists ${summary.partialStaffLists}, failures ${summary.failures.length}`);
    },
  });
  console.log(JSON.stringify(killSummary, null, 2));
  console.log(`concurrent: ${processes} processes of ${concurrentRows} rows, each overlapping the next by half`);
  const concurrent = await concurrentBatches({ processes, rows: concurrentRows, step: Math.max(1, Math.floor(concurrentRows / 2)) });
  console.log(JSON.stringify(concurrent, null, 2));
  const refusals = [await readOnlyRegister(), await fullDisk(fullDiskRows), await unknownSchemaVersion()];
  for (const result of refusals) console.log(JSON.stringify(result));
  const tampered: { kind: string; code: number | null }[] = [];
  for (const kind of ["edited", "deleted", "reordered"] as const) {
    const result = await tamperedRegister(kind);
    tampered.push({ kind, code: result.code });
    console.log(kind, result.code, result.stdout.trim().split("\n").at(-1));
  }
  const problems = problemsOf({ kills: killSummary, concurrent, refusals, tampered });
  for (const problem of problems) console.error(`PROBLEM: ${problem}`);
  console.log(problems.length === 0 ? "register faults: no problem found" : `register faults: ${problems.length} problem(s) found`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
