/**
 * `jobtrial serve` as a user starts it: `serve adduser` with the password on
 * standard input, then the server in its own process on a free port on
 * 127.0.0.1, stopped with SIGTERM. And the server beside a CLI run on the same
 * register.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeRegister, listBatches, openRegister, verifyRegister } from "@jobtrial/assign";
import { configHash, loadTrialConfig } from "@jobtrial/core";
import { addUser, createServer, readUsers } from "@jobtrial/web";
import { repoRoot } from "./helpers.ts";

const MAIN = join(repoRoot, "packages", "cli", "src", "main.ts");
const TRIAL = join(repoRoot, "data", "esbjerg-2017", "trial.json");

function jobtrial(args: string[], input = "") {
  return spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: repoRoot, input, encoding: "utf8", env: { ...process.env, INIT_CWD: repoRoot } });
}

describe("jobtrial serve", () => {
  it("serve adduser reads the password from standard input and writes a scrypt hash; a bad role or a short password is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-serve-"));
    const users = join(dir, "brugere.json");
    const added = jobtrial(["serve", "adduser", "ada", "--role", "administrator", "--users", users], "en lang adgangskode\n");
    expect([added.status, added.stderr, added.stdout]).toEqual([0, "", `Tilføjet: ada med rollen administrator i ${users}\n`]);
    const file = readUsers(users);
    expect(file.users.map((user) => [user.name, user.role])).toEqual([["ada", "administrator"]]);
    expect(readFileSync(users, "utf8")).not.toContain("en lang adgangskode");
    const badRole = jobtrial(["serve", "adduser", "bo", "--role", "chef", "--users", users], "en lang adgangskode\n");
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role skal være tildeler, læser eller administrator, ikke "chef"');
    const short = jobtrial(["serve", "adduser", "bo", "--role", "læser", "--users", users], "kort\n");
    expect([short.status, short.stderr]).toEqual([1, "jobtrial serve: adgangskoden skal have mindst 10 tegn\n"]);
    const shortEnglish = jobtrial(["serve", "adduser", "bo", "--role", "læser", "--users", users, "--lang", "en"], "kort\n");
    expect([shortEnglish.status, shortEnglish.stderr]).toEqual([1, "jobtrial serve: the password must have at least 10 characters\n"]);
    expect(readUsers(users).users).toHaveLength(1);
  });

  it("serve listens on 127.0.0.1 only, answers with the Danish sign-in page, and stops on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-serve-"));
    const users = join(dir, "brugere.json");
    expect(jobtrial(["serve", "adduser", "tina", "--role", "tildeler", "--users", users], "en lang adgangskode\n").status).toBe(0);
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve", "--config", TRIAL, "--register", join(dir, "register.sqlite"), "--users", users, "--port", "0"], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /lytter på (http:\/\/[^ ]+) /.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on("exit", () => reject(new Error(`serve stopped before listening: ${stderr}`)));
    });
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${address}/login`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<html lang="da">');
    expect(body).toContain("<h1>Log ind</h1>");
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("jobtrial serve er stoppet.\n");
    expect(stderr).toBe("");
  });
});

describe("jobtrial serve beside jobtrial assign on one register", () => {
  it("a confirmation on the page while a CLI run assigns three weeks in another process leaves one batch per week, a chain that verifies, and the same batches on both sides", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-serve-cli-"));
    const loaded = loadTrialConfig(TRIAL);
    if (!loaded.ok) throw new Error("trial.json does not load");
    const usersPath = join(dir, "brugere.json");
    await addUser(usersPath, { name: "tina", role: "tildeler", password: "en lang adgangskode", now: new Date("2017-03-01T12:00:00Z") });
    const registerPath = join(dir, "register.sqlite");
    const app = await createServer({
      config: loaded.config,
      configHash: configHash(loaded.config),
      registerPath,
      usersPath,
      listsDir: join(dir, "lister"),
      accessLogPath: join(dir, "adgang.log"),
      toolVersion: "test",
      now: () => new Date("2017-03-01T12:00:00Z"),
    });
    try {
      // Sign in and preview week 1 on the page.
      const cookies = new Map<string, string>();
      const keep = (headers: Record<string, unknown>) => {
        for (const line of ([] as string[]).concat((headers["set-cookie"] as string[] | string | undefined) ?? [])) {
          const [pair] = line.split(";");
          const [name, ...value] = pair!.split("=");
          cookies.set(name!, value.join("="));
        }
      };
      const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const get = async (url: string) => {
        const response = await app.inject({ method: "GET", url, headers: { cookie: cookie() } });
        keep(response.headers);
        return response;
      };
      const form = async (url: string, fields: Record<string, string>) => {
        const response = await app.inject({ method: "POST", url, headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
        keep(response.headers);
        return response;
      };
      const csrf = async (url: string) => /name="_csrf" value="([^"]+)"/.exec((await get(url)).body)![1]!;
      await form("/login", { _csrf: await csrf("/login"), name: "tina", password: "en lang adgangskode" });
      const boundary = "----jobtrialcli";
      const week1 = readFileSync(join(repoRoot, "data", "esbjerg-2017", "intake", "2017-W01.csv"));
      const token = await csrf("/uge");
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="2017-W01.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        week1,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const upload = await app.inject({ method: "POST", url: "/uge", headers: { cookie: cookie(), "content-type": `multipart/form-data; boundary=${boundary}` }, payload });
      expect(upload.statusCode).toBe(303);
      const previewPage = (await get(String(upload.headers["location"]))).body;
      const preview = /name="preview" value="([^"]+)"/.exec(previewPage)![1]!;
      const previewToken = /name="token" value="([^"]+)"/.exec(previewPage)![1]!;

      // The CLI assigns weeks 1-3 in its own process while the page confirms week 1.
      const intake = (week: string) => join(repoRoot, "data", "esbjerg-2017", "intake", `${week}.csv`);
      const cli = spawn(process.execPath, ["--import", "tsx", MAIN, "assign", "--config", TRIAL, "--register", registerPath, "--intake", intake("2017-W01"), "--intake", intake("2017-W02"), "--intake", intake("2017-W03"), "--operator", "cli"], { cwd: repoRoot });
      let cliOut = "";
      cli.stdout.on("data", (chunk: Buffer) => void (cliOut += chunk.toString()));
      cli.stderr.on("data", (chunk: Buffer) => void (cliOut += chunk.toString()));
      const cliDone = new Promise<number | null>((resolve) => cli.on("exit", (code) => resolve(code)));
      const confirmed = await form("/uge/bekraeft", { _csrf: await csrf("/uge"), preview, token: previewToken });
      expect(confirmed.statusCode).toBe(303);
      expect(await cliDone).toBe(0);

      const register = openRegister(registerPath, { readonly: true });
      let batches;
      try {
        expect(verifyRegister(register).ok).toBe(true);
        batches = listBatches(register);
        const twice = register.db.prepare("SELECT count(*) AS n FROM (SELECT cpr FROM assignments GROUP BY cpr HAVING count(*) > 1)").get() as { n: number };
        expect(twice.n).toBe(0);
      } finally {
        closeRegister(register);
      }
      expect(batches.map((batch) => batch.week).sort()).toEqual(["2017-W01", "2017-W02", "2017-W03"]);
      const week1Batch = batches.find((batch) => batch.week === "2017-W01")!;
      // Whoever came second found the first's batch of the same file and wrote nothing.
      expect(cliOut).toContain(`Uge 2017-W01, batch ${week1Batch.batch_id} (2017-W01.csv): ${week1Batch.operator === "tina" ? "allerede kørt; intet ændret" : "skrevet i registret"}`);
      const receipt = (await get(`/uge/kvittering/${preview}`)).body;
      expect(receipt).toContain(`Skrevet: batch ${week1Batch.batch_id}, uge 2017-W01`);
      const lists = (await get("/lister")).body;
      expect([...lists.matchAll(/<tr data-batch="(B\d{4})">/g)].map((match) => match[1]).sort()).toEqual(batches.map((batch) => batch.batch_id).sort());
      const verify = await form("/register/verify", { _csrf: await csrf("/register") });
      expect(verify.body).toContain('data-verify="ok"');
    } finally {
      await app.close();
    }
  });
});
