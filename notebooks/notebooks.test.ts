import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const notebooks = readdirSync(here).filter((name) => /^\d\d-.*\.ts$/.test(name));

/** What each walk-through must show; a notebook that stops half way or prints nothing fails. */
const expected: Record<string, RegExp[]> = {
  "01-ugentlig-tildeling.ts": [/Tildelt denne uge: +Indsats \d+, Kontrol \d+/, /Kørt igen: ingen ændringer/, /Registret er intakt/],
  "02-evaluering.ts": [/Days saved \(restricted mean.*\): -?\d+\.\d \(95 % CI/, /Minimum detectable days saved now/],
  "03-business-case.ts": [/Break-even days saved: \d+\.\d\d/, /implies \d+ participants a year/],
};

describe("notebooks", () => {
  it("every notebook has expectations here", () => {
    expect(notebooks.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(notebooks)("%s runs to the end and shows its key results", (name) => {
    const run = spawnSync(tsx, [`${here}${name}`], { encoding: "utf8", env: { ...process.env, TZ: "Europe/Copenhagen" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const pattern of expected[name] ?? []) expect(run.stdout).toMatch(pattern);
    // The walk-throughs print results, never a CPR number.
    expect(run.stdout).not.toMatch(/\b\d{6}-\d{4}\b/);
  }, 120_000);
});
