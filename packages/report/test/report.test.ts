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

  it("shows no suppressed count: small voided counts read as hidden in the flow chart's data, and so do the arms' assigned counts, which the intake (voided left out) would give them away from", () => {
    const text = flowText(report);
    expect(text).toMatch(/Annulleret: skjult/);
    expect(text).toMatch(/\nIndsats: skjult\n|^Indsats: skjult$/m);
    expect(text).toMatch(/^Kontrolgruppe: skjult$/m);
    // analyze hides the arms' "no outcome data" (7 and 6) in results.json as the voided cells' complement
    // (results.json publishes assigned, which analysed + exclusions + voided add up to); the report shows what it got.
    expect(text).toMatch(/Ingen ledighedsdata: skjult/);
  });

  it("shows a zero count as 0, a count from 1 to the minimum - 1 as hidden, and the minimum as itself", async () => {
    const results = rawResults();
    results.flow.voided = { control: 0, intervention: 0 };
    results.flow.excluded = [{ reason: "no outcome data", code: "no-outcome-data", control: 4, intervention: 5 }];
    results.flow.censored = [
      { reason: "as-of date", code: "as-of-date", control: results.flow.analysed.control - results.flow.exited.control, intervention: results.flow.analysed.intervention - results.flow.exited.intervention },
    ];
    results.flow.assigned = { control: results.flow.analysed.control + 4, intervention: results.flow.analysed.intervention + 5 };
    results.allocation.heaping.bornFirstOfMonth.control = { n: 0, share: 0, expectedShare: 0 };
    const built = await buildReport(results, null, { now: NOW });
    const text = flowText(built);
    expect(text).toMatch(/Indsats: [\d.]+\nIkke i analysen\nAnnulleret: 0\nIngen ledighedsdata: 5/);
    // control: 4 is hidden, and its partner is the analysed count, never the 0 of the voided
    expect(text).toMatch(/Kontrolgruppe: [\d.]+\nIkke i analysen\nAnnulleret: 0\nIngen ledighedsdata: skjult\nAnalyseret: skjult/);
    expect(built.html).toMatch(/Født den 1\. i måneden<\/td><td class="num">0 \(0,0 %/);
  });

  it("says unknown, not hidden, for screening counts the input did not carry, and does not count them as suppressed", async () => {
    const results = rawResults();
    // a results file from before the `unknown` list, whose screening counts the input did not carry
    delete results.unknown;
    Object.assign(results.flow, { screened: null, ineligible: [], invalid: null });
    const withList = await buildReport({ ...results, unknown: ["flow.screened", "flow.ineligible", "flow.invalid"] }, null, { now: NOW });
    const withoutList = await buildReport(results, null, { now: NOW, lang: "en" });
    expect(flowText(withList)).toMatch(/Screenet: ukendt[\s\S]*Ikke fordelt\nukendt\nUgyldigt CPR-nummer: ukendt/);
    expect(flowText(withoutList)).toMatch(/Screened: unknown[\s\S]*Invalid CPR number: unknown/);
    // the same nulls read as suppressed when the results say nothing is unknown: two more primary cells
    const asSuppressed = await buildReport({ ...results, unknown: [] }, null, { now: NOW });
    expect(flowText(asSuppressed)).toMatch(/Screenet: skjult/);
    expect(asSuppressed.disclosure.primary).toBe(withList.disclosure.primary + 2);
    expect(withList.html).not.toMatch(/Screenet: skjult/);
  });

  it("words reason codes, built-in covariate names and allocation alerts from the text table, unknown ones as written", async () => {
    const results = rawResults();
    results.flow.ineligible = [
      { reason: "before-intake-window", n: 95 },
      { reason: "a reason from elsewhere", n: 60 },
    ];
    results.balance[0].covariate = "age at entry";
    results.balance[0].key = "age";
    results.allocation.heaping.bornFirstOfMonth.intervention = { n: 21, share: 0.0591, expectedShare: 0.0667 };
    results.allocation.heaping.bornFirstJanuary.intervention = { n: 3, share: 0.0084, expectedShare: 0.0056 };
    results.allocation.alerts = [
      { code: "heaping-first-of-month", arm: "intervention", observed: 0.0591, expected: 0.0667 },
      { code: "heaping-january-1", arm: "intervention", observed: 0.003, expected: 0.0056 },
    ];
    const danish = await buildReport(results, null, { now: NOW });
    const inEnglish = await buildReport(results, null, { now: NOW, lang: "en" });
    expect(flowText(danish)).toContain("Ledig før indtagsperioden: 95\na reason from elsewhere: 60");
    expect(flowText(inEnglish)).toContain("Unemployed before intake period: 95\na reason from elsewhere: 60");
    expect(danish.html).toContain("<td>Alder ved start</td>");
    expect(inEnglish.html).toContain("<td>Age at entry</td>");
    expect(danish.html).toContain("<li>Ophobning: 5,9 % af indsatsgruppen er registreret som født den 1. i måneden mod 6,7 % efter kalenderen.");
    // the share rests on a suppressed count in the table, so the alert does not give it away
    expect(danish.html).toContain("<li>Ophobning: skjult af indsatsgruppen er registreret som født 1. januar mod 0,6 %");
    expect(inEnglish.html).toContain("<li>Heaping: 5.9% of the intervention arm are registered as born on the 1st of a month against 6.7%");
  });

  it("writes the business case's sensitivity values in English in the English report", async () => {
    const built = await buildReport(rawResults(), rawBusinessCase(), { now: NOW, lang: "en" });
    expect(built.html).toContain("lower bound");
    expect(built.html).toContain("182 days");
    expect(built.html).toContain("<td class=\"num\">\u221210%</td>");
    expect(built.html).toContain("<td class=\"num\">+20%</td>");
    expect(built.html).not.toMatch(/nedre grænse|procentpoint|\d dage|\d uger/);
  });
});

function flowText(built: { charts: { id: string; tables: Record<string, Record<string, unknown>[]> }[] }): string {
  const flow = built.charts.find((chart) => chart.id === "flow")!;
  return flow.tables["boxes"]!.map((row) => row["text"]).join("\n");
}
