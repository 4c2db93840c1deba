import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";

describe("jobtrial simulate", () => {
  it("writes the intake weeks, the outcome extract and truth.json, and leaves other files alone", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    writeFileSync(join(out, "trial.json"), "keep me");
    const result = await run(["simulate", "--config", trial, "--seed", "7", "--out", out, "--weeks", "2017-W01:2017-W04", "--weekly-intake", "20", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.weeks).toEqual({ from: "2017-W01", to: "2017-W04" });
    expect(readdirSync(join(out, "intake")).sort()).toEqual(["2017-W01.csv", "2017-W02.csv", "2017-W03.csv", "2017-W04.csv"]);
    for (const file of ["spells.csv", "benefit-weeks.csv", "conversations.csv", "secondary.csv"]) expect(existsSync(join(out, "outcomes", file))).toBe(true);
    const truth = JSON.parse(readFileSync(join(out, "truth.json"), "utf8"));
    expect(truth.daysSaved).toBeCloseTo(9, 6);
    expect(truth.generatedBy).toBe(`jobtrial simulate --config ${trial} --seed 7 --out ${out} --weeks 2017-W01:2017-W04 --weekly-intake 20`);
    expect(readFileSync(join(out, "trial.json"), "utf8")).toBe("keep me");
  });

  it("--hazard-ratio sets the effect as a hazard ratio", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const result = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--intake-end", "2017-W02", "--hazard-ratio", "1.2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SYNTHETIC data written");
    expect(JSON.parse(readFileSync(join(out, "truth.json"), "utf8")).hazardRatio).toBe(1.2);
  });

  it("is a usage error (exit 2) with both --hazard-ratio and --days-saved, or without --seed", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const both = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--hazard-ratio", "1.2", "--days-saved", "9"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("not both");
    const noSeed = await run(["simulate", "--config", trial, "--out", out]);
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain("--seed is required");
  });

  it("is a user error (exit 1) when the intake does not end before the extraction date", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const result = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--weeks", "2018-W01:2018-W10"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("does not end before the extraction date");
  });
});
