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
import { readUsers } from "@jobtrial/web";
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
    expect(badRole.stderr).toContain('--role skal være en af tildeler, læser, administrator, ikke "chef"');
    const short = jobtrial(["serve", "adduser", "bo", "--role", "læser", "--users", users], "kort\n");
    expect([short.status, short.stderr]).toEqual([1, "jobtrial serve: adgangskoden skal have mindst 10 tegn\n"]);
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
