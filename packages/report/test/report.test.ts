import { describe, expect, it } from "vitest";
import { buildReport } from "../src/report.ts";
import { findPersonalData } from "../src/personal-data.ts";
import { formatNumber } from "../src/format.ts";
import { ReportError } from "../src/messages.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

const report = await buildReport(rawResults(), rawBusinessCase(), { now: NOW });
const english = await buildReport(rawResults(), null, { now: NOW, lang: "en" });

describe("buildReport", () => {
  it("writes index.html, a Vega-Lite spec per chart and a CSV per chart table", () => {
    const paths = report.files.map((file) => file.path);
    expect(paths[0]).toBe("index.html");
    for (const chart of report.charts) {
      expect(paths).toContain(`charts/${chart.id}.vl.json`);
      for (const table of Object.keys(chart.tables)) expect(paths).toContain(`charts/${chart.id}.${table}.csv`);
    }
  });

  it("puts every chart inline as SVG in a static page with no script and no external resource", () => {
    for (const chart of report.charts) expect(report.html).toMatch(new RegExp(`<figure class="chart" id="chart-${chart.id}"[^>]*><svg`));
    expect(report.html).not.toMatch(/<script/i);
    expect(report.html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
    expect(report.html).toContain("default-src 'none'");
    expect(report.warnings).toEqual([]);
  });

  it("shows the headline figures of results.json in Danish format", () => {
    const results = rawResults();
    expect(report.html).toContain(`data-figure="daysSaved" data-value="${results.daysSaved.estimate}">${formatNumber(results.daysSaved.estimate, "da", 1)}<`);
    const participants = results.flow.analysed.control + results.flow.analysed.intervention;
    expect(report.html).toContain(`data-figure="participants" data-value="${participants}">${formatNumber(participants, "da")}<`);
    expect(report.html).toContain('data-verdict="tooEarly"');
    expect(report.html).toContain(`rapporten er dannet 05.03.2018`);
  });

  it("writes English when asked, and says the business case is missing when none is given", () => {
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain("It is too early to tell");
    expect(english.html).toContain("The business case is not included");
    expect(english.charts.map((chart) => chart.id)).not.toContain("tornado");
  });

  it("contains no CPR number and no birth date in any generated file", () => {
    const hits = [...report.files, ...english.files].flatMap((file) => findPersonalData(file.content, 2018).map((hit) => `${file.path}:${hit.line} ${hit.kind}`));
    expect(hits).toEqual([]);
  });

  it("names no advisor: advisor identifiers from the results do not reach any file", () => {
    const ids = rawResults().process.perAdvisor.map((row: { advisor: string }) => row.advisor);
    const leaks = report.files.filter((file) => ids.some((id: string) => new RegExp(`\\b${id}\\b`).test(file.content))).map((file) => file.path);
    expect(leaks).toEqual([]);
  });

  it("refuses to produce a report when a text in the results holds a CPR number", async () => {
    const results = rawResults();
    results.flow.ineligible[0].reason = "not insured (see 0101901234)";
    await expect(buildReport(results, null, { now: NOW })).rejects.toMatchObject({ issue: { code: "personal_data_found", kind: "cpr", file: "index.html" } });
  });

  it("rejects results that do not match the schema, naming the field", async () => {
    const results = rawResults();
    delete results.daysSaved;
    const error = await buildReport(results, null, { now: NOW }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/daysSaved/);
  });

  it("rejects a business case for another trial", async () => {
    const businessCase = rawBusinessCase();
    businessCase.trial.id = "odense-2019";
    await expect(buildReport(rawResults(), businessCase, { now: NOW })).rejects.toMatchObject({ issue: { code: "business_case_other_trial" } });
  });

  it("shows no suppressed count: secondary-suppressed flow cells read as hidden in the flow chart's data", () => {
    const flow = report.charts.find((chart) => chart.id === "flow")!;
    const text = flow.tables["boxes"]!.map((row) => row["text"]).join("\n");
    expect(text).toMatch(/Annulleret: skjult/);
    expect(text).toMatch(/no outcome data: skjult/);
  });
});
