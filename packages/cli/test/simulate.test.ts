import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulationTruthSchema } from "@jobtrial/analyze";
import { formatNumber } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";
/** A truth value as the Danish summary shows it (6 decimals at most, decimal comma). */
const da = (value: number) => formatNumber(value, "da", { decimals: 6 });

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
    const truth = SimulationTruthSchema.parse(JSON.parse(readFileSync(join(out, "truth.json"), "utf8")));
    // The path model is the default: the trial's 9 days are days on A-dagpenge, re-entries counted.
    expect(truth.paths!.daysSaved).toBeCloseTo(9, 6);
    expect(summary.truth.paths.causal.daysOnADagpengeSaved).toBe(truth.paths!.causal.days["364"]!.adp.difference);
    expect(summary.truth.paths.armContrast.expenditureSaving).toBe(truth.paths!.armContrast.expenditure["364"]!.difference);
    expect(summary.truth.daysSaved).toBe(truth.daysSaved);
    expect(truth.generatedBy).toBe(`jobtrial simulate --config ${trial} --seed 7 --out ${out} --weeks 2017-W01:2017-W04 --weekly-intake 20`);
    expect(readFileSync(join(out, "trial.json"), "utf8")).toBe("keep me");
  });

  it("--paths false gives the first-spell model: no paths in truth.json, the 9 days are the first spell's, and the command line says so", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const result = await run(["simulate", "--config", trial, "--seed", "7", "--out", out, "--weeks", "2017-W01:2017-W02", "--weekly-intake", "20", "--paths", "false"]);
    expect(result.code).toBe(0);
    const truth = SimulationTruthSchema.parse(JSON.parse(readFileSync(join(out, "truth.json"), "utf8")));
    expect(truth.paths).toBeUndefined();
    expect(truth.daysSaved).toBeCloseTo(9, 6);
    expect(truth.generatedBy).toBe(`jobtrial simulate --config ${trial} --seed 7 --out ${out} --weeks 2017-W01:2017-W02 --weekly-intake 20 --paths false`);
    expect(result.stdout).toContain(`  sandhed      ${da(truth.daysSaved)} sparede dage ved 364 dage (forskel mellem grupperne ${da(truth.armContrast.daysSaved)}), hazard ratio ${da(truth.hazardRatio)}\n`);
    const bad = await run(["simulate", "--config", trial, "--seed", "7", "--out", out, "--paths", "yes"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--paths skal være true eller false, ikke "yes"');
  });

  it("--hazard-ratio sets the effect as a hazard ratio", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const result = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--intake-end", "2017-W02", "--hazard-ratio", "1.2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`SYNTETISKE data skrevet til ${out} (7 filer, `);
    const truth = SimulationTruthSchema.parse(JSON.parse(readFileSync(join(out, "truth.json"), "utf8")));
    // With paths the hazard ratio is the job-rate ratio in the programme weeks.
    expect([truth.hazardRatio, truth.paths!.jobRateRatio]).toEqual([1.2, 1.2]);
    expect(result.stdout).toContain(
      `  sandhed      ${da(truth.paths!.causal.days["364"]!.adp.difference)} sparede dage på A-dagpenge ved 364 dage, genindtræden talt med (forskel mellem grupperne ${da(truth.paths!.armContrast.days["364"]!.adp.difference)})\n`,
    );
    const english = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--intake-end", "2017-W02", "--hazard-ratio", "1.2", "--lang", "en"]);
    expect(english.stdout).toContain(`SYNTHETIC data written to ${out} (7 files, `);
    expect(english.stdout).toContain(
      `  truth        ${formatNumber(truth.paths!.causal.days["364"]!.adp.difference, "en", { decimals: 6 })} days on A-dagpenge saved at 364 days, re-entries counted (arm contrast `,
    );
  });

  it("is a usage error (exit 2) with both --hazard-ratio and --days-saved, or without --seed", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const both = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--hazard-ratio", "1.2", "--days-saved", "9"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("ikke begge");
    const noSeed = await run(["simulate", "--config", trial, "--out", out]);
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain("--seed skal angives");
  });

  it("is a user error (exit 1) when the intake does not end before the extraction date", async () => {
    const out = mkdtempSync(join(tmpdir(), "jobtrial-simulate-"));
    const result = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--weeks", "2018-W01:2018-W10"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("jobtrial simulate: tilgangsugen 2018-W10 slutter ikke før udtræksdatoen 2018-03-01; slut tilgangen tidligere, eller træk data senere\n");
    const english = await run(["simulate", "--config", trial, "--seed", "1", "--out", out, "--weeks", "2018-W01:2018-W10", "--lang", "en"]);
    expect(english.stderr).toBe("jobtrial simulate: the intake week 2018-W10 does not end before the extraction date 2018-03-01; end the intake earlier or extract later\n");
  });
});
