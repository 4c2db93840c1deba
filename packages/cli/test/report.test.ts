import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

const results = "packages/report/test/fixtures/results.json";
const businessCase = "packages/report/test/fixtures/business-case.json";
const outDir = () => mkdtempSync(join(tmpdir(), "jobtrial-report-cli-"));

describe("jobtrial report", () => {
  it("writes index.html and the charts' specs and data, dated by the clock, and exits 0", async () => {
    const out = outDir();
    const result = await run(["report", "--results", results, "--business-case", businessCase, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Rapport: ${join(out, "index.html")} (16 figurer; specifikationer og data i ${join(out, "charts")})\n`);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('<html lang="da">');
    expect(html).toContain("rapporten er dannet 01.03.2018");
    expect(existsSync(join(out, "charts", "km.vl.json"))).toBe(true);
    expect(readFileSync(join(out, "charts", "km.risk.csv"), "utf8").split("\n")[0]).toBe("arm,armLabel,time,nRisk,cumEvents,nRiskLabel,cumEventsLabel");
  });

  it("--lang en writes the report in English", async () => {
    const out = outDir();
    const result = await run(["report", "--results", results, "--out", out, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Report: ${join(out, "index.html")} (13 charts; specs and data in ${join(out, "charts")})\n`);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<html lang="en">');
  });

  it("--quarterly writes the quarterly note for the committee with its boundary chart, in Danish, and in English with --lang en", async () => {
    const out = outDir();
    const result = await run(["report", "--quarterly", "--results", results, "--business-case", businessCase, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Kvartalsnotat: ${join(out, "quarterly-note.html")} (1 figur; specifikationer og data i ${join(out, "charts")})\n`);
    const html = readFileSync(join(out, "quarterly-note.html"), "utf8");
    expect(html).toContain('<html lang="da">');
    expect(html).toContain("<h1>Kvartalsnotat: ");
    expect(html).toContain("Til Social- og Arbejdsmarkedsudvalget");
    expect(existsSync(join(out, "index.html"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "charts", "boundary.vl.json"), "utf8")).title).toBe("Grænser og z-værdier ved hvert kig");
    const english = outDir();
    const inEnglish = await run(["report", "--quarterly", "--results", results, "--out", english, "--lang", "en"]);
    expect(inEnglish.stdout).toBe(`Quarterly note: ${join(english, "quarterly-note.html")} (1 chart; specs and data in ${join(english, "charts")})\n`);
    expect(readFileSync(join(english, "quarterly-note.html"), "utf8")).toContain("The business case is not included");
  });

  it("an unknown --lang is a usage error (exit 2)", async () => {
    const result = await run(["report", "--results", results, "--out", outDir(), "--lang", "de"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang skal være da eller en, ikke "de"');
  });

  it("a missing results file is a user error with a one-line reason (exit 1)", async () => {
    const result = await run(["report", "--results", "nowhere/results.json", "--out", outDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nowhere/results.json: filen findes ikke; kontroller stien");
  });

  it("a file that is not a results file names the field and says how to fix it, in Danish and with --lang en in English (exit 1)", async () => {
    const danish = await run(["report", "--results", "data/esbjerg-2017/trial.json", "--out", outDir()]);
    expect(danish.code).toBe(1);
    expect(danish.stderr).toMatch(/data\/esbjerg-2017\/trial\.json er ikke en resultatfil fra denne version af jobtrial: .*schemaVersion.*; skriv den igen med "jobtrial analyze"/);
    const english = await run(["report", "--results", "data/esbjerg-2017/trial.json", "--out", outDir(), "--lang", "en"]);
    expect(english.stderr).toMatch(/not a results file of this jobtrial version: .*schemaVersion.*; write it again with "jobtrial analyze"/);
  });

  it("a file that is not JSON says so in Danish (exit 1)", async () => {
    const result = await run(["report", "--results", "packages/report/test/make-results-fixture.ts", "--out", outDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('jobtrial report: packages/report/test/make-results-fixture.ts er ikke gyldig JSON; giv den fil, "jobtrial analyze" skrev.\n');
  });
});
