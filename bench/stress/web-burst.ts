/**
 * Load on the web page (issue 17): `jobtrial serve` in its own process, and
 * from this process on loopback a bounded burst of concurrent uploads and
 * confirmations (each preview confirmed several times at once, as a double
 * click or a second tab does) by several signed-in staff, overlapping intake
 * files included. It stops by itself after its requests; then the server must
 * still answer, no request may have had a server error, every upload must be
 * confirmed or told that its preview expired (a user keeps at most a few open
 * previews), the register must verify with every citizen of the confirmed files
 * assigned exactly once and no one else, and
 * neither the server's output nor its access log may hold a CPR number.
 *
 * Usage (bench/stress/web-burst.test.ts runs it reduced, and .ci/run runs this
 * script with small counts; it exits 1 when it finds a problem):
 *   node --import tsx bench/stress/web-burst.ts [--clients 4] [--uploads 12] [--confirms 3]
 *
 * On a problem, or when the burst cannot run at all (a user not added, the
 * server not starting within two minutes, a request unanswered for two minutes,
 * the server not stopping on SIGTERM), it prints every problem, every upload
 * that was not confirmed with the status of each of its requests, and the last
 * lines of the server's output and access log (ten-digit numbers masked), so a
 * failure in CI can be read from CI's log alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { jobtrial, registerState, repoRoot, type RegisterState, writeIntake } from "./register-faults.ts";

const PASSWORD = "korrekt hest batteri stress";
const MAIN = join(repoRoot, "packages/cli/src/main.ts");
/** How long the server may take to start, a request to be answered, and the server to stop: far beyond a loaded machine's seconds, short of a CI job hanging. */
const SERVER_START_MS = 120_000;
const REQUEST_MS = 120_000;
const SERVER_STOP_MS = 30_000;
/** Lines of the server's output and access log printed on a failure. */
const TAIL_LINES = 40;

/** A signed-in browser: cookies and the CSRF token of its session. */
class Client {
  private cookies = new Map<string, string>();
  token = "";
  constructor(
    private readonly base: string,
    private readonly statuses: Map<number, number>,
  ) {}

  async request(path: string, init: { method?: string; body?: FormData | URLSearchParams } = {}): Promise<{ status: number; location: string | null; body: string }> {
    const method = init.method ?? "GET";
    try {
      const response = await fetch(this.base + path, {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_MS),
        headers: { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
        ...(init.body ? { body: init.body } : {}),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [name, ...value] = pair!.split("=");
        this.cookies.set(name!.trim(), value.join("="));
      }
      this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
      return { status: response.status, location: response.headers.get("location"), body: await response.text() };
    } catch (error) {
      // fetch says only "fetch failed"; the cause (ECONNRESET, ECONNREFUSED, the timeout) is what a failure report needs.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`${method} ${path}: ${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message ?? String(cause)})` : ""}`);
    }
  }

  private async csrf(path: string): Promise<string> {
    const page = await this.request(path);
    return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  }

  async login(name: string): Promise<void> {
    const token = await this.csrf("/login");
    const response = await this.request("/login", { method: "POST", body: new URLSearchParams({ _csrf: token, name, password: PASSWORD }) });
    if (response.status !== 303) throw new Error(`login of ${name} gave ${response.status} "${pageMessage(response.body)}"`);
    this.token = await this.csrf("/uge");
  }

  /**
   * Uploads an intake, then confirms its preview `confirms` times at once: "confirmed" when a
   * batch was written or was there already; "expired" when the server had let the preview go
   * (a user keeps a few open previews; more uploads at once push the oldest out, and the page
   * says the preview expired, 404); "failed" otherwise, also when a request got no answer.
   * `steps` holds each request's status, for the report on a failure.
   */
  async uploadAndConfirm(file: { name: string; bytes: Buffer }, week: string, confirms: number): Promise<{ outcome: UploadOutcome; steps: string[] }> {
    const steps: string[] = [];
    try {
      return await this.uploadAndConfirmSteps(file, week, confirms, steps);
    } catch (error) {
      // A request that got no answer (the connection reset or refused, no answer within REQUEST_MS): the upload failed.
      steps.push(`no answer: ${(error as Error).message}`);
      return { outcome: "failed", steps };
    }
  }

  private async uploadAndConfirmSteps(file: { name: string; bytes: Buffer }, week: string, confirms: number, steps: string[]): Promise<{ outcome: UploadOutcome; steps: string[] }> {
    const form = new FormData();
    form.set("_csrf", this.token);
    form.set("week", week);
    form.set("file", new Blob([file.bytes], { type: "text/csv" }), file.name);
    const uploaded = await this.request("/uge", { method: "POST", body: form });
    steps.push(`POST /uge ${uploaded.status}${uploaded.location ? ` -> ${uploaded.location}` : ""}${uploaded.status === 303 ? "" : ` "${pageMessage(uploaded.body)}"`}`);
    if (uploaded.status !== 303 || uploaded.location === null) return { outcome: "failed", steps };
    const preview = await this.request(uploaded.location);
    steps.push(`GET preview ${preview.status}${preview.status === 200 ? "" : ` "${pageMessage(preview.body)}"`}`);
    if (preview.status === 404) return { outcome: "expired", steps };
    const previewId = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1];
    const previewToken = /name="token" value="([^"]+)"/.exec(preview.body)?.[1];
    if (!previewId || !previewToken) {
      steps.push("the preview page has no confirm form");
      return { outcome: "failed", steps };
    }
    const answers = await Promise.all(
      Array.from({ length: confirms }, () => this.request("/uge/bekraeft", { method: "POST", body: new URLSearchParams({ _csrf: this.token, preview: previewId, token: previewToken }) })),
    );
    steps.push(`POST /uge/bekraeft ${answers.map((answer) => `${answer.status}${answer.status === 303 ? "" : ` "${pageMessage(answer.body)}"`}`).join(", ")}`);
    if (answers.every((answer) => answer.status === 303)) return { outcome: "confirmed", steps };
    return { outcome: answers.every((answer) => answer.status === 404) ? "expired" : "failed", steps };
  }
}

type UploadOutcome = "confirmed" | "expired" | "failed";

/** The message of one of the page's error screens (its notice), without markup; ten-digit numbers masked. */
function pageMessage(body: string): string {
  const notice = /class="notice[^"]*"[^>]*>([\s\S]*?)<\/(?:div|p|section)>/.exec(body)?.[1] ?? /<title>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? body.slice(0, 200);
  return maskCpr(notice.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()).slice(0, 300);
}

/** What happened to one upload. */
export interface UploadTrace {
  /** The upload's number: its citizens are from index * rows / 2 on. */
  index: number;
  user: string;
  week: string;
  outcome: UploadOutcome;
  /** Each request and its status. */
  steps: string[];
}

export interface BurstSummary {
  requests: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  uploads: number;
  confirmedUploads: number;
  /** Uploads whose preview the server had let go before it was confirmed (more open previews than a user keeps); nothing is written for them. */
  expiredPreviews: number;
  /** Citizens in the files whose confirmations all succeeded. */
  citizens: number;
  register: RegisterState;
  /** The server answered the login page after the burst. */
  answeringAfter: boolean;
  /** The server ended with exit code 0 within 30 seconds of SIGTERM. */
  stoppedCleanly: boolean;
  /** Ten-digit numbers (with or without the dash) in the server's output and its access log; must be 0. */
  cprShapedInLogs: number;
  seconds: number;
  /** Every upload and what each of its requests got. */
  traces: UploadTrace[];
  /** Everything the server printed, and its access log. */
  serverOutput: string;
  accessLog: string;
}

/** The burst could not run to its end (a user not added, the server not starting, a request unanswered); holds what the server had said. */
export class BurstStopped extends Error {
  constructor(
    message: string,
    readonly serverOutput: string,
    readonly accessLog: string,
  ) {
    super(message);
  }
}

/** A running server and everything it has printed so far (its log). */
interface Server {
  child: ChildProcess;
  base: string;
}

function startServer(dir: string, said: { text: string }): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "serve", "--config", join(repoRoot, "data/esbjerg-2017/trial.json"), "--register", join(dir, "register.sqlite"), "--users", join(dir, "brugere.json"), "--port", "0", "--access-log", join(dir, "adgang.log")],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`jobtrial serve did not say where it listens within ${SERVER_START_MS / 1000} s`));
    }, SERVER_START_MS);
    child.stdout!.on("data", (chunk: Buffer) => {
      said.text += chunk.toString();
      // The whole line: a chunk may end inside the address.
      const address = /(http:\/\/[^\s]+)[ \n]/.exec(said.text)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve({ child, base: address });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (said.text += chunk.toString()));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`jobtrial serve ended (${code ?? signal}) before it listened`));
    });
  });
}

/** Stops the server with SIGTERM; true when it ended with exit code 0 within SERVER_STOP_MS (else it is killed). */
async function stopServer(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return false;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), SERVER_STOP_MS)))]);
  clearTimeout(timer);
  if (code === "late") {
    child.kill("SIGKILL");
    await exited;
    return false;
  }
  return code === 0;
}

/** The register's state; an empty register's when none was created (nothing confirmed). */
function registerStateOrEmpty(path: string): RegisterState {
  return existsSync(path) ? registerState(path) : { verified: true, batches: [], activeRows: 0, distinctCitizens: 0 };
}

/** The burst: `clients` staff, each uploading `uploads` overlapping files at once and confirming each `confirms` times at once. Throws BurstStopped when it cannot run to its end. */
export async function webBurst(options: { clients: number; uploads: number; confirms: number; rows?: number }): Promise<BurstSummary> {
  const rows = options.rows ?? 40;
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-web-burst-"));
  const accessLog = () => (existsSync(join(dir, "adgang.log")) ? readFileSync(join(dir, "adgang.log"), "utf8") : "");
  const said = { text: "" };
  let child: ChildProcess | undefined;
  try {
    const names = Array.from({ length: options.clients }, (_, index) => `tildeler${index}`);
    for (const name of names) {
      const added = await jobtrial(["serve", "adduser", name, "--role", "tildeler", "--users", join(dir, "brugere.json")], { stdin: PASSWORD + "\n" });
      if (added.code !== 0) throw new Error(`serve adduser ${name} ended with ${added.code ?? added.signal}: ${added.stderr}${added.stdout}`);
    }
    const server = await startServer(dir, said);
    child = server.child;
    const { base } = server;
    const statuses = new Map<number, number>();
    const started = Date.now();
    const clients = names.map(() => new Client(base, statuses));
    await Promise.all(clients.map((client, index) => client.login(names[index]!)));
    // Upload u of client c holds citizens from (c * uploads + u) * rows / 2: each file overlaps the next by half.
    const jobs = clients.flatMap((client, clientIndex) =>
      Array.from({ length: options.uploads }, (_, upload) => {
        const index = clientIndex * options.uploads + upload;
        const path = join(dir, `intake-${index}.csv`);
        writeIntake(path, (index * rows) / 2, rows);
        const week = `${2017 + Math.floor(index / 52)}-W${String((index % 52) + 1).padStart(2, "0")}`;
        return { client, user: names[clientIndex]!, index, week, file: { name: `tilgang-${week}.csv`, bytes: readFileSync(path) } };
      }),
    );
    const answers = await Promise.all(jobs.map((job) => job.client.uploadAndConfirm(job.file, job.week, options.confirms)));
    const traces: UploadTrace[] = jobs.map((job, position) => ({ index: job.index, user: job.user, week: job.week, outcome: answers[position]!.outcome, steps: answers[position]!.steps }));
    const confirmedIndexes = traces.filter((trace) => trace.outcome === "confirmed").map((trace) => trace.index);
    const citizens = new Set<number>();
    for (const index of confirmedIndexes) for (let citizen = (index * rows) / 2; citizen < (index * rows) / 2 + rows; citizen++) citizens.add(citizen);
    const answeringAfter = (await new Client(base, statuses).request("/login")).status === 200;
    const seconds = (Date.now() - started) / 1000;
    const stoppedCleanly = await stopServer(child);
    const serverOutput = said.text;
    return {
      requests: [...statuses.values()].reduce((sum, count) => sum + count, 0),
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      uploads: jobs.length,
      confirmedUploads: confirmedIndexes.length,
      expiredPreviews: traces.filter((trace) => trace.outcome === "expired").length,
      citizens: citizens.size,
      register: registerStateOrEmpty(join(dir, "register.sqlite")),
      answeringAfter,
      stoppedCleanly,
      cprShapedInLogs: cprShaped(serverOutput + accessLog()),
      seconds,
      traces,
      serverOutput,
      accessLog: accessLog(),
    };
  } catch (error) {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) await stopServer(child);
    throw new BurstStopped((error as Error).message, said.text, accessLog());
  } finally {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many free-standing ten-digit numbers, with or without the dash, a text holds (hex runs such as session ids and hashes left out). */
export function cprShaped(text: string): number {
  return [...text.replace(/[0-9a-f]{16,}/gi, "#").matchAll(/(?<![\d.,])\d{6}-?\d{4}(?!\d)/g)].length;
}

/** What is wrong after a burst, as lines; empty when all is as it must be. */
export function burstProblems(summary: BurstSummary): string[] {
  const problems: string[] = [];
  const serverErrors = Object.entries(summary.statuses).filter(([status]) => Number(status) >= 500);
  if (serverErrors.length > 0) problems.push(`server errors: ${serverErrors.map(([status, count]) => `${count} x ${status}`).join(", ")}`);
  // An expired preview is the server keeping its limit, with a page that says so; any other unconfirmed upload is a problem.
  const failed = summary.uploads - summary.confirmedUploads - summary.expiredPreviews;
  if (failed > 0) problems.push(`${failed} of ${summary.uploads} uploads were neither confirmed nor told that their preview expired`);
  if (!summary.register.verified) problems.push("the register does not verify");
  if (summary.register.activeRows !== summary.citizens || summary.register.distinctCitizens !== summary.citizens) {
    problems.push(`${summary.register.activeRows} rows for ${summary.register.distinctCitizens} citizens; the confirmed files hold ${summary.citizens}`);
  }
  if (!summary.answeringAfter) problems.push("the server no longer answers");
  if (!summary.stoppedCleanly) problems.push(`the server did not end with exit code 0 within ${SERVER_STOP_MS / 1000} s of SIGTERM`);
  if (summary.cprShapedInLogs > 0) problems.push(`${summary.cprShapedInLogs} CPR-shaped numbers in the server's output and access log`);
  return problems;
}

/** Ten-digit numbers (with or without the dash) masked, for printing a log. */
export function maskCpr(text: string): string {
  return text.replace(/(?<![\d.,])\d{6}-?\d{4}(?!\d)/g, "##########");
}

/** The last `count` lines of a text, each indented, ten-digit numbers masked. */
function tail(text: string, count = TAIL_LINES): string {
  const lines = text.trimEnd().split("\n");
  const shown = lines.slice(-count);
  return [lines.length > count ? `  ... (${lines.length - count} earlier lines)` : null, ...shown.map((line) => `  ${maskCpr(line)}`)].filter((line) => line !== null).join("\n");
}

/** What a failure report prints besides the problems: the uploads not confirmed, the server's output and its access log. */
export function failureReport(input: { traces?: UploadTrace[]; serverOutput: string; accessLog: string }): string {
  const parts: string[] = [];
  const unconfirmed = (input.traces ?? []).filter((trace) => trace.outcome !== "confirmed");
  if (unconfirmed.length > 0) {
    parts.push("uploads not confirmed:");
    for (const trace of unconfirmed) parts.push(`  upload ${trace.index} (${trace.user}, ${trace.week}): ${trace.outcome}; ${trace.steps.join("; ")}`);
  }
  parts.push(`the server's output (last ${TAIL_LINES} lines):`, tail(input.serverOutput) || "  (nothing)");
  parts.push(`the access log (last ${TAIL_LINES} lines):`, tail(input.accessLog) || "  (nothing)");
  return parts.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { clients: { type: "string" }, uploads: { type: "string" }, confirms: { type: "string" } } });
  let summary: BurstSummary;
  try {
    summary = await webBurst({ clients: Number(values.clients ?? 4), uploads: Number(values.uploads ?? 12), confirms: Number(values.confirms ?? 3) });
  } catch (error) {
    console.error(`PROBLEM: the burst could not run to its end: ${maskCpr((error as Error).message)}`);
    if (error instanceof BurstStopped) console.error(failureReport(error));
    else console.error((error as Error).stack);
    console.log("web burst: stopped by a problem");
    process.exitCode = 1;
    return;
  }
  const { traces, serverOutput, accessLog, ...shown } = summary;
  console.log(JSON.stringify({ ...shown, register: { ...summary.register, batches: summary.register.batches.length } }, null, 2));
  const problems = burstProblems(summary);
  for (const problem of problems) console.error(`PROBLEM: ${problem}`);
  if (problems.length > 0) console.error(failureReport({ traces, serverOutput, accessLog }));
  console.log(problems.length === 0 ? "web burst: no problem found" : `web burst: ${problems.length} problem(s) found`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
