import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResultsSchema } from "@jobtrial/analyze";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

describe("jobtrial demo", () => {
  it("runs every step on the bundled data and prints the key figures and the report's path", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jobtrial-demo-")), "demo");
    const result = await run(["demo", "--out", out]);
    expect(result.code).toBe(0);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(out, "results.json"), "utf8")));
    expect(existsSync(join(out, "rapport", "index.html"))).toBe(true);
    expect(existsSync(join(out, "business-case.xlsx"))).toBe(true);
    expect(results.flow.screened).not.toBeNull();
    // Every step is shown as the command a user would type.
    for (const command of ["assign", "register verify", "register keygen", "register export", "pseudonymize", "analyze", "business-case", "report"]) {
      expect(result.stderr).toContain(`$ jobtrial ${command} `);
    }
    const danish = (value: number) => value.toFixed(1).replace(".", ",");
    expect(result.stdout).toContain(`Sparede dage          ${danish(results.daysSaved.estimate!)} dage`);
    // A year no saved day reaches says so, never "0 kr. (95 % KI 0 kr. til 0 kr.)" (issue 13, item 5).
    expect(result.stdout).toContain("  Nettobesparelse 2020  ikke estimeret: ingen sparede dage inden for horisonten på 364 dage falder i 2020\n");
    expect(result.stdout).not.toContain("0 kr. til 0 kr.");
    expect(result.stdout).toContain(`Rapport: `);
    expect(result.stdout).toMatch(/rapport\/index\.html/);
    // No CPR number reaches the terminal.
    expect(result.stdout + result.stderr).not.toMatch(/\b\d{6}-?\d{4}\b/);
  }, 180_000);

  it("replaces its own folder on a rerun but never deletes a folder it did not make", async () => {
    const foreign = mkdtempSync(join(tmpdir(), "jobtrial-demo-foreign-"));
    mkdirSync(join(foreign, "x"));
    writeFileSync(join(foreign, "x", "keep.txt"), "mine");
    const result = await run(["demo", "--out", join(foreign, "x")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/exists and was not made by the demo; give another folder with --out\n$/);
    expect(readFileSync(join(foreign, "x", "keep.txt"), "utf8")).toBe("mine");
  });

  it("names a missing trial folder", async () => {
    const result = await run(["demo", "--data", "no/such/folder", "--out", join(mkdtempSync(join(tmpdir(), "jobtrial-demo-")), "d")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/trial\.json is missing; give the trial folder with --data/);
  });
});
