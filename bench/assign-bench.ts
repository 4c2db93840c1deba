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
 * hook when it exits. Each checkout runs with the node flags and entry file of its own
 * `pnpm jobtrial` script, after one untimed 10-row run (tsx's transpile cache, the
 * start bundle of bin/jobtrial.mjs). After every run the register is verified (both hash
 * chains, the once-rule) and the staff list is checked to hold every row.
 * Writes only into a temporary directory.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeRegister, makeCpr, openRegister, verifyRegister } from "@jobtrial/assign";

const { values } = parseArgs({ options: { rows: { type: "string", default: "300,300000" }, runs: { type: "string", default: "5" }, old: { type: "string" }, modes: { type: "string", default: "cli,web" }, "web-rows": { type: "string", default: "300" } } });
const modes = new Set(values.modes.split(","));
const webRows = Number(values["web-rows"]);
const sizes = values.rows.split(",").map(Number);
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error("--rows takes whole numbers separated by commas, --runs a whole number of at least 1");

const here = fileURLToPath(new URL("../", import.meta.url));
const checkouts = [{ name: "new", root: here }, ...(values.old ? [{ name: "old", root: resolve(values.old) }] : [])];

/** A checkout's `pnpm jobtrial` script as node's arguments: its flags, then its entry file (src/main.ts through tsx, or bin/jobtrial.mjs). */
function startArgs(root: string): string[] {
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["jobtrial"]!;
  const words = script.split(/\s+/).slice(1);
  return [...words.slice(0, -1), join(root, words.at(-1)!)];
}

// Prints the process's peak resident set size (kB) and CPU time of all its threads (µs) as the last line of stderr when it exits.
const USAGE_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nusage "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

const config = JSON.parse(readFileSync(join(here, "data/esbjerg-2017/trial.json"), "utf8")) as { targetGroup: { industryGroups: string[] } };

/** Citizens already written into an intake of this run: every intake holds new citizens. */
const written = new Set<string>();
let nextCitizen = 0;

/**
 * Synthetic intake: `rows` citizens born 1950-1999 whom no earlier intake of this run holds, first unemployed
 * in ISO week `week` of 2017 (Monday to Thursday), all in the target group.
 */
function writeSyntheticIntake(path: string, rows: number, week = 10): void {
  const groups = config.targetGroup.industryGroups;
  const lines = ["CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst"];
  const startDay = Date.UTC(1950, 0, 1) / 86_400_000;
  const monday = Date.UTC(2017, 2, 6) / 86_400_000 + 7 * (week - 10);
  for (let count = 0; count < rows; nextCitizen++) {
    const index = nextCitizen;
    const birthDate = new Date((startDay + (index % 18_262)) * 86_400_000).toISOString().slice(0, 10);
    const digits = makeCpr({ birthDate, sex: index % 2 ? "male" : "female", serial: Math.floor(index / 18_262) * 7, modulus11: index % 5 !== 0 });
    if (digits === undefined || written.has(digits)) continue;
    written.add(digits);
    count++;
    const day = new Date((monday + (index % 4)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${digits.slice(0, 6)}-${digits.slice(6)};${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)};${groups[index % groups.length]};3F;Faglært;Dansk`);
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
  const start = startArgs(root);
  const args = [...start.slice(0, -1), "--import", USAGE_HOOK, start.at(-1)!, "assign", "--config", join(root, "data/esbjerg-2017/trial.json"), "--register", register, "--intake", intake, "--operator", "bench", "--out", join(dir, "lister")];
  const load = loadavg()[0]!;
  const started = performance.now();
  const done = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  const seconds = (performance.now() - started) / 1000;
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

interface WebRun {
  /** Upload to the second list downloaded, wall clock in this process. */
  seconds: number;
  /** CPU time the server process spent meanwhile (/proc/<pid>/stat, user + system). */
  cpuSeconds: number;
  load: number;
}

interface Serve {
  name: string;
  base: string;
  pid: number;
  dir: string;
  cookies: Map<string, string>;
  stop: () => void;
}

const PASSWORD = "bench-adgangskode-0001";

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/** `jobtrial serve` of `root`'s code on a fresh register with one user of role tildeler, signed in; started as staff start it. */
async function startServe(root: string, dir: string): Promise<Serve> {
  mkdirSync(dir);
  const start = startArgs(root);
  const users = join(dir, "brugere.json");
  const added = spawnSync(process.execPath, [...start, "serve", "adduser", "bench", "--role", "tildeler", "--users", users], { cwd: root, input: PASSWORD + "\n", encoding: "utf8" });
  if (added.status !== 0) throw new Error(`serve adduser failed in ${root}:\n${added.stdout}\n${added.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [...start, "serve", "--config", join(root, "data/esbjerg-2017/trial.json"), "--register", join(dir, "register.sqlite"), "--users", users, "--port", String(port), "--host", "127.0.0.1"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = performance.now();
  while (!output.includes(`127.0.0.1:${port}`)) {
    if (child.exitCode !== null || performance.now() - started > 60_000) throw new Error(`jobtrial serve did not start in ${root}:\n${output}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  const server: Serve = { name: root === here ? "new" : "old", base: `http://127.0.0.1:${port}`, pid: child.pid!, dir, cookies: new Map(), stop: () => child.kill("SIGINT") };
  const token = await csrfOf(server, "/login");
  const login = await request(server, "/login", { method: "POST", body: new URLSearchParams({ _csrf: token, name: "bench", password: PASSWORD }) });
  if (login.status !== 303) throw new Error(`sign-in failed on ${root}'s server: ${login.status}`);
  return server;
}

/** One request as a browser makes it: the server's cookies sent back, redirects not followed. */
async function request(server: Serve, path: string, init: RequestInit = {}): Promise<Response> {
  const cookie = [...server.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(server.base + path, { ...init, redirect: "manual", headers: { cookie } });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    server.cookies.set(name!.trim(), value.join("="));
  }
  return response;
}

/** The CSRF token of the first form on the page. */
async function csrfOf(server: Serve, path: string): Promise<string> {
  const page = await (await request(server, path)).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (token === undefined) throw new Error(`no CSRF token on ${path}`);
  return token;
}

/** CPU time of a process so far (user + system), seconds. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The week's batch on the web page, as staff do it on "Denne uge": upload the intake, see the
 * preview, confirm, see the receipt, download the list as CSV and as XLSX. Checked afterwards:
 * the CSV list has a row for every citizen.
 */
async function weeklyBatchOnThePage(server: Serve, intake: string, week: number, rows: number): Promise<WebRun> {
  const load = loadavg()[0]!;
  const cpuBefore = processCpuSeconds(server.pid);
  const start = performance.now();
  const form = new FormData();
  form.set("_csrf", await csrfOf(server, "/uge"));
  form.set("week", "");
  form.set("file", new Blob([readFileSync(intake)], { type: "text/csv" }), `2017-W${week}.csv`);
  const upload = await request(server, "/uge", { method: "POST", body: form });
  const previewUrl = upload.headers.get("location");
  if (upload.status !== 303 || previewUrl === null) throw new Error(`the upload was refused: ${upload.status} ${await upload.text()}`);
  const previewPage = await (await request(server, previewUrl)).text();
  const preview = /name="preview" value="([^"]+)"/.exec(previewPage)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(previewPage)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(previewPage)?.[1];
  if (!preview || !token || !csrf) throw new Error("no confirm form on the preview");
  const confirmed = await request(server, "/uge/bekraeft", { method: "POST", body: new URLSearchParams({ _csrf: csrf, preview, token }) });
  const receiptUrl = confirmed.headers.get("location");
  if (confirmed.status !== 303 || receiptUrl === null) throw new Error(`the confirmation was refused: ${confirmed.status}`);
  const receipt = await (await request(server, receiptUrl)).text();
  const batch = /batch (B\d{4})/.exec(receipt)?.[1];
  if (batch === undefined) throw new Error("no batch on the receipt");
  const csv = await (await request(server, `/lister/${batch}/liste.csv`)).text();
  const xlsx = await request(server, `/lister/${batch}/liste.xlsx`);
  const xlsxBytes = new Uint8Array(await xlsx.arrayBuffer());
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = processCpuSeconds(server.pid) - cpuBefore;
  const listed = csv.trimEnd().split("\r\n").length - 1;
  if (listed !== rows) throw new Error(`the list of ${batch} has ${listed} rows, not ${rows}`);
  if (xlsx.status !== 200 || xlsxBytes[0] !== 0x50 || xlsxBytes[1] !== 0x4b) throw new Error(`the XLSX list of ${batch} did not download`);
  return { seconds, cpuSeconds, load };
}

console.log(`jobtrial assign, end to end: ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${runs} runs per size and checkout`);
const work = mkdtempSync(join(tmpdir(), "jobtrial-assign-bench-"));
try {
  if (modes.has("cli")) {
    // One small run per checkout first, not timed: tsx fills its transpile cache, bin/jobtrial.mjs makes its
    // bundle; both happen once after the sources change, not on every start.
    const intake = join(work, "warm-up", "2017-W09.csv");
    mkdirSync(join(work, "warm-up"));
    writeSyntheticIntake(intake, 10, 9);
    for (const checkout of checkouts) assignOnce(checkout.root, intake, join(work, "warm-up", checkout.name), 10);
  }
  for (const rows of modes.has("cli") ? sizes : []) {
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
  if (modes.has("web")) {
    const results = new Map<string, WebRun[]>(checkouts.map((checkout) => [checkout.name, []]));
    const servers = await Promise.all(checkouts.map((checkout) => startServe(checkout.root, join(work, `serve-${checkout.name}`))));
    try {
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          // Week 11 onwards, a new week and new citizens for every batch, as the weeks of a trial come.
          const week = 11 + results.get(server.name)!.length;
          const intake = join(work, `web-${server.name}-2017-W${week}.csv`);
          writeSyntheticIntake(intake, webRows, week);
          const result = await weeklyBatchOnThePage(server, intake, week, webRows);
          results.get(server.name)!.push(result);
          console.log(`  web page, ${webRows} rows, ${server.name}, batch ${run + 1}: ${result.seconds.toFixed(3)} s, server CPU ${result.cpuSeconds.toFixed(3)} s, load ${result.load.toFixed(1)}`);
        }
      }
    } finally {
      for (const server of servers) server.stop();
    }
    for (const checkout of checkouts) {
      const list = results.get(checkout.name)!;
      const later = list.slice(1);
      const seconds = later.map((result) => result.seconds);
      console.log(
        `web page, ${webRows} rows, ${checkout.name}: first batch after the server started ${list[0]!.seconds.toFixed(3)} s (CPU ${list[0]!.cpuSeconds.toFixed(3)} s); ` +
          (later.length === 0 ? "no later batches" : `later batches median ${median(seconds).toFixed(3)} s (${Math.min(...seconds).toFixed(3)}-${Math.max(...seconds).toFixed(3)} s), median server CPU ${median(later.map((result) => result.cpuSeconds)).toFixed(3)} s`),
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
