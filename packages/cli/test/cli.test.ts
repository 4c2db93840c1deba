import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandIndex, loadCommands } from "../src/commands/index.ts";
import { repoRoot, run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";

function brokenConfig(mutate: (config: Record<string, any>) => void): string {
  const config = JSON.parse(readFileSync(join(repoRoot, trial), "utf8"));
  mutate(config);
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-cli-"));
  const file = join(dir, "trial.json");
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe("jobtrial", () => {
  it("the command list's names and summaries are the commands' own, and every command is listed once", async () => {
    const loaded = await loadCommands();
    expect(commandIndex.map((entry) => [entry.name, entry.summary])).toEqual(loaded.map((command) => [command.name, command.summary.da]));
    expect(new Set(commandIndex.map((entry) => entry.name)).size).toBe(commandIndex.length);
  });

  it("--help lists every command and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of commandIndex) expect(result.stdout).toContain(`  ${command.name} `);
  });

  it("without a command prints the help and exits 2", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Brug: jobtrial <kommando>");
  });

  it("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `jobtrial ${version}\n`, stderr: "" });
  });

  it("an unknown command is a usage error (exit 2)", async () => {
    const result = await run(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jobtrial: ukendt kommando "frobnicate"/);
  });

  it.each(commandIndex.map((command) => command.name))("%s --help exits 0 with a usage line", async (name) => {
    const result = await run([...name.split(" "), "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`Brug: jobtrial ${name}`)).toBe(true);
  });

});

describe("jobtrial config check", () => {
  it("accepts the bundled trial (exit 0)", async () => {
    const result = await run(["config", "check", trial]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("OK: data/esbjerg-2017/trial.json");
    expect(result.stdout).toContain("fødselsdag i måneden 1-15 -> indsats, 16-31 -> kontrol");
  });

  it("lists each problem with its JSON path and exits 1", async () => {
    const file = brokenConfig((config) => {
      config.money.years[0].cofinancing[1].share = 60;
      config.budget.years.push({ year: 2021, dkk: 1 });
      config.assignment.rule.kind = "lottery";
    });
    const result = await run(["config", "check", file]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.slice(0, -1).map((line) => line.slice(file.length + 2))).toEqual([
      '$.assignment.rule.kind: unknown rule kind: use "day-of-month", "parity" or "birthday-list"',
      "$.money.years[0].cofinancing[1].share: must be at most 1 (100 %); write 60 % as 0.6",
    ]);
    expect(lines.at(-1)).toMatch(/^jobtrial config check: 2 problemer i .*; ret dem og kør igen$/);
  });

  it("reports an overlapping day set and a budget year outside the project with their paths", async () => {
    const file = brokenConfig((config) => {
      config.assignment.rule.control.push(1);
      config.budget.years[1].year = 2019;
    });
    const result = await run(["config", "check", file, "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [
        { path: "$.assignment.rule.control[16]", message: "day 1 is already in intervention; each day of the month belongs to exactly one arm" },
        { path: "$.budget.years[1].year", message: "year 2019 is outside the project period 2017-01-01 to 2019-01-01; use 2017-2018 or change projectPeriod" },
      ],
    });
  });

  it("a missing file is a user error with one line (exit 1)", async () => {
    const result = await run(["config", "check", "no/such/trial.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("no/such/trial.json: $: filen findes ikke; kontroller stien\njobtrial config check: 1 problem i no/such/trial.json; ret det og kør igen\n");
  });

  it("a missing argument or unknown option is a usage error (exit 2)", async () => {
    expect((await run(["config", "check"])).code).toBe(2);
    const unknown = await run(["config", "check", trial, "--frob"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")).toEqual(["jobtrial config check: ukendt tilvalg '--frob'", `Brug: jobtrial config check <trial.json> [--json]`, 'Kør "jobtrial config check --help" for mere.', ""]);
    const missing = await run(["assign", "--config"]);
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([2, "jobtrial assign: tilvalget '--config <value>' mangler en værdi"]);
  });
});

describe("the jobtrial process", () => {
  it("exits with the command's code and writes no stack trace without --debug", () => {
    const main = join(repoRoot, "packages/cli/src/main.ts");
    const tsx = join(repoRoot, "node_modules/.bin/tsx");
    expect(execFileSync(tsx, [main, "--version"], { cwd: repoRoot, encoding: "utf8" })).toMatch(/^jobtrial \d+\.\d+\.\d+\n$/);
    const failed = spawnSync(tsx, [main, "config", "check", "missing.json"], { cwd: repoRoot, encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stderr).not.toContain("    at ");
    const usage = spawnSync(tsx, [main, "config", "check"], { cwd: repoRoot, encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
