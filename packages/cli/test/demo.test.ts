import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResultsSchema, SimulationTruthSchema } from "@jobtrial/analyze";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.ts";

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
    // One decimal as the report prints it: a comma, the minus sign U+2212, no sign on a value that rounds to zero.
    const danish = (value: number) => (Math.abs(value) < 0.05 ? "0.0" : value.toFixed(1)).replace(".", ",").replace("-", "\u2212");
    // The panel is pseudonymized and analysed: days saved are days on A-dagpenge, re-entries counted.
    expect(result.stderr).toContain("$ jobtrial pseudonymize ");
    expect(result.stderr).toMatch(/\$ jobtrial analyze .*--benefit-weeks \S*udtraek\/benefit-weeks\.csv/);
    expect(results.daysSaved.measure).toBe("days-on-benefit");
    // The key figures lead with days on A-dagpenge saved, days on public support saved, where the days went, then the year in operation.
    const figures = result.stdout.slice(result.stdout.indexOf("Nøgletal for")).split("\n");
    const support = results.paths!.publicSupportDaysSaved;
    expect(figures[1]).toBe(`  Sparede dage          ${danish(results.daysSaved.estimate!)} dage på A-dagpenge (95 % KI ${danish(results.daysSaved.lower!)} til ${danish(results.daysSaved.upper!)}) ved 364 dage, genindtræden talt med; forventet 9,0`);
    expect(figures[2]).toBe(`  Offentlig forsørgelse ${danish(support.estimate!)} færre dage (95 % KI ${danish(support.lower!)} til ${danish(support.upper!)})`);
    expect(figures[3]).toMatch(/^  Hvor dagene gik hen   sygedagpenge [+−]\d+,\d, kontanthjælp [+−]\d+,\d, uddannelse [+−]\d+,\d, job og selvforsørgelse [+−]\d+,\d dage \(indsats minus kontrol\)$/);
    expect(figures[4]).toMatch(/^  Et år i drift 2018    nettobesparelse −?[\d.]+ kr\. \(95 % KI −?[\d.]+ kr\. til −?[\d.]+ kr\.\)/);
    // The bundled data's truth (truth.json, paths.armContrast at 364 days): 8.79 days on A-dagpenge and 8.39 on public support;
    // the demo's estimates lie within one standard error of them.
    const truth = SimulationTruthSchema.parse(JSON.parse(readFileSync(join(repoRoot, "data/esbjerg-2017/truth.json"), "utf8"))).paths!.armContrast.days["364"]!;
    expect(Math.abs(results.daysSaved.estimate! - truth.adp.difference)).toBeLessThan(results.daysSaved.se!);
    expect(Math.abs(support.estimate! - truth.public.difference)).toBeLessThan(support.se!);
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
    expect(result.stderr).toMatch(/findes og er ikke lavet af demoen; angiv en anden mappe med --out\n$/);
    expect(readFileSync(join(foreign, "x", "keep.txt"), "utf8")).toBe("mine");
  });

  it("names a missing trial folder", async () => {
    const result = await run(["demo", "--data", "no/such/folder", "--out", join(mkdtempSync(join(tmpdir(), "jobtrial-demo-")), "d")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/trial\.json mangler; angiv forsøgsmappen med --data/);
  });
});
