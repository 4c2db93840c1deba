/**
 * bin/jobtrial.mjs, the command's start: from a bundle made by esbuild when the sources
 * change, otherwise through tsx (JOBTRIAL_START=tsx). Both paths must give the same output.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers.ts";

const launcher = join(repoRoot, "packages/cli/bin/jobtrial.mjs");
const cache = mkdtempSync(join(tmpdir(), "jobtrial-start-"));

function start(args: string[], how: "bundle" | "tsx"): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, JOBTRIAL_START_CACHE: cache, JOBTRIAL_START: how === "tsx" ? "tsx" : "" };
  delete env["INIT_CWD"];
  const done = spawnSync(process.execPath, [launcher, ...args], { cwd: repoRoot, encoding: "utf8", env });
  return { status: done.status, stdout: done.stdout, stderr: done.stderr };
}

/** `jobtrial assign` of the bundled first week into a fresh register under a new folder; the printout with the folder set aside, and the staff list. */
function assignFirstWeek(how: "bundle" | "tsx"): { status: number | null; printed: string; list: string } {
  const folder = mkdtempSync(join(tmpdir(), `jobtrial-start-${how}-`));
  const done = start(["assign", "--config", "data/esbjerg-2017/trial.json", "--register", join(folder, "register.sqlite"), "--intake", "data/esbjerg-2017/intake/2017-W01.csv", "--operator", "test", "--out", join(folder, "lister")], how);
  const csv = readdirSync(join(folder, "lister")).find((name) => name.endsWith("-liste.csv"))!;
  return { status: done.status, printed: done.stdout.replaceAll(folder, "<folder>"), list: readFileSync(join(folder, "lister", csv), "utf8") };
}

describe("bin/jobtrial.mjs", () => {
  beforeAll(() => {
    // The first start makes the bundle for the sources as they are.
    expect(start(["--version"], "bundle").status).toBe(0);
  }, 120_000);

  it("jobtrial.mjs makes one bundle for the sources as they are and starts from it again without making another", () => {
    const bundles = readdirSync(cache);
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatch(/^[0-9a-f]{16}$/);
    const made = statSync(join(cache, bundles[0]!, "main.mjs")).mtimeMs;
    expect(start(["--version"], "bundle").stdout).toMatch(/^jobtrial \d+\.\d+\.\d+\n$/);
    expect(readdirSync(cache)).toEqual(bundles);
    expect(statSync(join(cache, bundles[0]!, "main.mjs")).mtimeMs).toBe(made);
  });

  it("jobtrial.mjs prints the same help from the bundle as through tsx", () => {
    const bundled = start(["--help"], "bundle");
    const direct = start(["--help"], "tsx");
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toBe(direct.stdout);
    expect(bundled.stdout).toMatch(/^  assign  +\S/m);
  }, 60_000);

  it("jobtrial.mjs assign from the bundle prints and writes what it does through tsx (exceljs, better-sqlite3 and package.json found from the bundle)", () => {
    const bundled = assignFirstWeek("bundle");
    const direct = assignFirstWeek("tsx");
    expect(bundled.status).toBe(0);
    expect(bundled.printed).toBe(direct.printed);
    expect(bundled.list).toBe(direct.list);
    expect(bundled.printed).toMatch(/liste\.xlsx/);
    expect(bundled.list.split("\r\n").length).toBeGreaterThan(10);
  }, 120_000);

  it("jobtrial.mjs reports a usage error from the bundle as through tsx, without a stack trace", () => {
    const bundled = start(["config", "check"], "bundle");
    const direct = start(["config", "check"], "tsx");
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toBe(direct.stderr);
    expect(bundled.stderr).not.toContain("    at ");
  }, 60_000);
});
