/**
 * The weekly assignment, end to end: `jobtrial assign` as staff run it, one
 * fresh process per run (node, tsx and the command's modules start included),
 * on a synthetic intake of distinct citizens into a fresh register, writing
 * the staff list as CSV and XLSX.
 *
 * Run: pnpm bench:assign [--rows 300,300000] [--runs 5] [--old <checkout>]
 *   --rows  intake sizes, comma separated. Default: 300 (a weekly batch) and 300000 (a backfill)
 *   --runs  runs per size and checkout. Default: 5
 *   --old   another checkout of jobtrial (e.g. a git worktree of an older revision, with its
 *           own node_modules): its `jobtrial assign` runs alternately with this one's, on the
 *           same file, so both see the same load. Default: this checkout only
 *
 * Each run is timed by wall clock around the child process; its peak memory is
 * the child's own maximum resident set size, printed by a one-line `--import`
 * hook when it exits. Each checkout runs with the node flags of its own
 * `pnpm jobtrial` script. After every run the register is verified (both hash
 * chains, the once-rule) and the staff list is checked to hold every row.
 * Writes only into a temporary directory.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeRegister, makeCpr, openRegister, verifyRegister } from "@jobtrial/assign";

const { values } = parseArgs({ options: { rows: { type: "string", default: "300,300000" }, runs: { type: "string", default: "5" }, old: { type: "string" } } });
const sizes = values.rows.split(",").map(Number);
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error("--rows takes whole numbers separated by commas, --runs a whole number of at least 1");

const here = fileURLToPath(new URL("../", import.meta.url));
const checkouts = [{ name: "new", root: here }, ...(values.old ? [{ name: "old", root: resolve(values.old) }] : [])];

/** The node flags of a checkout's `pnpm jobtrial` script (everything between "node" and the entry file). */
function nodeFlags(root: string): string[] {
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["jobtrial"]!;
  return script.split(/\s+/).slice(1, -1);
}

// Prints the process's peak resident set size (kB) and CPU time of all its threads (µs) as the last line of stderr when it exits.
const USAGE_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nusage "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

const config = JSON.parse(readFileSync(join(here, "data/esbjerg-2017/trial.json"), "utf8")) as { targetGroup: { industryGroups: string[] } };

/** Synthetic intake: `rows` distinct citizens born 1950-1999, first unemployed in 2017-W10, all in the target group. */
function writeSyntheticIntake(path: string, rows: number): void {
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

interface Run {
  seconds: number;
  /** CPU time of the process, all threads. */
  cpuSeconds: number;
  peakMb: number;
  load: number;
}

/** One `jobtrial assign` of `intake` in a fresh process of `root`'s code, into a fresh register under `dir`; checked afterwards. */
function assignOnce(root: string, intake: string, dir: string, rows: number): Run {
  mkdirSync(dir);
  const register = join(dir, "register.sqlite");
  const args = [...nodeFlags(root), "--import", USAGE_HOOK, join(root, "packages/cli/src/main.ts"), "assign", "--config", join(root, "data/esbjerg-2017/trial.json"), "--register", register, "--intake", intake, "--operator", "bench", "--out", join(dir, "lister")];
  const load = loadavg()[0]!;
  const start = performance.now();
  const done = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  const seconds = (performance.now() - start) / 1000;
  if (done.status !== 0) throw new Error(`jobtrial assign failed in ${root}:\n${done.stdout}\n${done.stderr}`);
  const usage = /usage (\d+) (\d+)\s*$/.exec(done.stderr);
  if (!usage) throw new Error(`no resource usage reported by ${root}:\n${done.stderr}`);

  // Outside the timing: the register verifies and the list has one line per citizen.
  const opened = openRegister(register, { readonly: true });
  const verified = verifyRegister(opened);
  closeRegister(opened);
  if (!verified.ok || verified.assignments !== rows) throw new Error(`the register written by ${root} does not verify: ${JSON.stringify(verified)}`);
  const csv = readdirSync(join(dir, "lister")).find((name) => name.endsWith("-liste.csv"))!;
  const listed = readFileSync(join(dir, "lister", csv), "utf8").trimEnd().split("\r\n").length - 1;
  if (listed !== rows) throw new Error(`the staff list written by ${root} has ${listed} rows, not ${rows}`);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuSeconds: Number(usage[2]) / 1e6, peakMb: Number(usage[1]) / 1024, load };
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

console.log(`jobtrial assign, end to end: ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${runs} runs per size and checkout`);
const work = mkdtempSync(join(tmpdir(), "jobtrial-assign-bench-"));
try {
  for (const rows of sizes) {
    // The file is named for its week, as staff name them; the command takes the week from the name.
    const intake = join(work, `${rows}`, "2017-W10.csv");
    mkdirSync(join(work, `${rows}`));
    writeSyntheticIntake(intake, rows);
    const results = new Map<string, Run[]>(checkouts.map((checkout) => [checkout.name, []]));
    for (let run = 0; run < runs; run++) {
      // Alternate which checkout goes first, so neither always gets the warmer file cache.
      const order = run % 2 === 0 ? checkouts : [...checkouts].reverse();
      for (const checkout of order) {
        const result = assignOnce(checkout.root, intake, join(work, `${rows}`, `${checkout.name}-${run}`), rows);
        results.get(checkout.name)!.push(result);
        console.log(`  ${rows.toLocaleString("en-US")} rows, ${checkout.name}, run ${run + 1}: ${result.seconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s, peak ${result.peakMb.toFixed(0)} MB, load ${result.load.toFixed(1)}`);
      }
    }
    for (const checkout of checkouts) {
      const list = results.get(checkout.name)!;
      const seconds = list.map((result) => result.seconds);
      console.log(
        `${rows.toLocaleString("en-US")} rows, ${checkout.name}: median ${median(seconds).toFixed(2)} s (runs ${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)} s), median CPU ${median(list.map((result) => result.cpuSeconds)).toFixed(2)} s, ` +
          `peak memory ${Math.max(...list.map((result) => result.peakMb)).toFixed(0)} MB at most, load ${Math.min(...list.map((result) => result.load)).toFixed(1)}-${Math.max(...list.map((result) => result.load)).toFixed(1)}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
