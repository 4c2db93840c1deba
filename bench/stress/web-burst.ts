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
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { jobtrial, registerState, repoRoot, type RegisterState, writeIntake } from "./register-faults.ts";

const PASSWORD = "korrekt hest batteri stress";
const MAIN = join(repoRoot, "packages/cli/src/main.ts");

/** A signed-in browser: cookies and the CSRF token of its session. */
class Client {
  private cookies = new Map<string, string>();
  token = "";
  constructor(
    private readonly base: string,
    private readonly statuses: Map<number, number>,
  ) {}

  async request(path: string, init: { method?: string; body?: FormData | URLSearchParams } = {}): Promise<{ status: number; location: string | null; body: string }> {
    const response = await fetch(this.base + path, {
      method: init.method ?? "GET",
      redirect: "manual",
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
  }

  private async csrf(path: string): Promise<string> {
    const page = await this.request(path);
    return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  }

  async login(name: string): Promise<void> {
    const token = await this.csrf("/login");
    const response = await this.request("/login", { method: "POST", body: new URLSearchParams({ _csrf: token, name, password: PASSWORD }) });
    if (response.status !== 303) throw new Error(`login of ${name} gave ${response.status}`);
    this.token = await this.csrf("/uge");
  }

  /**
   * Uploads an intake, then confirms its preview `confirms` times at once: "confirmed" when a
   * batch was written or was there already; "expired" when the server had let the preview go
   * (a user keeps a few open previews; more uploads at once push the oldest out, and the page
   * says the preview expired, 404); "failed" otherwise.
   */
  async uploadAndConfirm(file: { name: string; bytes: Buffer }, week: string, confirms: number): Promise<"confirmed" | "expired" | "failed"> {
    const form = new FormData();
    form.set("_csrf", this.token);
    form.set("week", week);
    form.set("file", new Blob([file.bytes], { type: "text/csv" }), file.name);
    const uploaded = await this.request("/uge", { method: "POST", body: form });
    if (uploaded.status !== 303 || uploaded.location === null) return "failed";
    const preview = await this.request(uploaded.location);
    if (preview.status === 404) return "expired";
    const previewId = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1];
    const previewToken = /name="token" value="([^"]+)"/.exec(preview.body)?.[1];
    if (!previewId || !previewToken) return "failed";
    const answers = await Promise.all(
      Array.from({ length: confirms }, () => this.request("/uge/bekraeft", { method: "POST", body: new URLSearchParams({ _csrf: this.token, preview: previewId, token: previewToken }) })),
    );
    if (answers.every((answer) => answer.status === 303)) return "confirmed";
    return answers.every((answer) => answer.status === 404) ? "expired" : "failed";
  }
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
  /** Ten-digit numbers (with or without the dash) in the server's output and its access log; must be 0. */
  cprShapedInLogs: number;
  seconds: number;
}

/** A running server and everything it has printed so far (its log). */
interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

function startServer(dir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "serve", "--config", join(repoRoot, "data/esbjerg-2017/trial.json"), "--register", join(dir, "register.sqlite"), "--users", join(dir, "brugere.json"), "--port", "0", "--access-log", join(dir, "adgang.log")],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let said = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      const address = /(http:\/\/\S+)/.exec(said)?.[1];
      if (address) resolve({ child, base: address, output: () => said });
    });
    child.stderr!.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`jobtrial serve ended (${code}): ${said}`)));
  });
}

/** The burst: `clients` staff, each uploading `uploads` overlapping files at once and confirming each `confirms` times at once. */
export async function webBurst(options: { clients: number; uploads: number; confirms: number; rows?: number }): Promise<BurstSummary> {
  const rows = options.rows ?? 40;
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-web-burst-"));
  const names = Array.from({ length: options.clients }, (_, index) => `tildeler${index}`);
  for (const name of names) {
    const added = await jobtrial(["serve", "adduser", name, "--role", "tildeler", "--users", join(dir, "brugere.json")], { stdin: PASSWORD + "\n" });
    if (added.code !== 0) throw new Error(`serve adduser failed: ${added.stderr}`);
  }
  const { child, base, output } = await startServer(dir);
  const statuses = new Map<number, number>();
  const started = Date.now();
  try {
    const clients = names.map(() => new Client(base, statuses));
    await Promise.all(clients.map((client, index) => client.login(names[index]!)));
    // Upload u of client c holds citizens from (c * uploads + u) * rows / 2: each file overlaps the next by half.
    const jobs = clients.flatMap((client, clientIndex) =>
      Array.from({ length: options.uploads }, (_, upload) => {
        const index = clientIndex * options.uploads + upload;
        const path = join(dir, `intake-${index}.csv`);
        writeIntake(path, (index * rows) / 2, rows);
        const week = `${2017 + Math.floor(index / 52)}-W${String((index % 52) + 1).padStart(2, "0")}`;
        return { client, index, week, file: { name: `tilgang-${week}.csv`, bytes: readFileSync(path) } };
      }),
    );
    const confirmed = await Promise.all(jobs.map((job) => job.client.uploadAndConfirm(job.file, job.week, options.confirms)));
    const confirmedIndexes = jobs.filter((_, position) => confirmed[position] === "confirmed").map((job) => job.index);
    const citizens = new Set<number>();
    for (const index of confirmedIndexes) for (let citizen = (index * rows) / 2; citizen < (index * rows) / 2 + rows; citizen++) citizens.add(citizen);
    const answeringAfter = (await new Client(base, statuses).request("/login")).status === 200;
    const seconds = (Date.now() - started) / 1000;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    return {
      requests: [...statuses.values()].reduce((sum, count) => sum + count, 0),
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      uploads: jobs.length,
      confirmedUploads: confirmedIndexes.length,
      expiredPreviews: confirmed.filter((outcome) => outcome === "expired").length,
      citizens: citizens.size,
      register: registerState(join(dir, "register.sqlite")),
      answeringAfter,
      cprShapedInLogs: cprShaped(output() + readFileSync(join(dir, "adgang.log"), "utf8")),
      seconds,
    };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
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
  if (summary.cprShapedInLogs > 0) problems.push(`${summary.cprShapedInLogs} CPR-shaped numbers in the server's output and access log`);
  return problems;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { clients: { type: "string" }, uploads: { type: "string" }, confirms: { type: "string" } } });
  const summary = await webBurst({ clients: Number(values.clients ?? 4), uploads: Number(values.uploads ?? 12), confirms: Number(values.confirms ?? 3) });
  console.log(JSON.stringify({ ...summary, register: { ...summary.register, batches: summary.register.batches.length } }, null, 2));
  const problems = burstProblems(summary);
  for (const problem of problems) console.error(`PROBLEM: ${problem}`);
  console.log(problems.length === 0 ? "web burst: no problem found" : `web burst: ${problems.length} problem(s) found`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
