/**
 * The monitoring section of the March report (issue 14, items 1 and 2): the boundary
 * chart's data from the looks, the sentences on where days saved stands and what the next
 * look takes, the table of looks with repeated intervals, and the section in the report.
 * The boundary chart's spec is schema-validated and kept as golden JSON with the other
 * charts in chart-specs.test.ts.
 */
import type { Results } from "@jobtrial/analyze";
import { describe, expect, it } from "vitest";
import { boundaryChart, boundaryData } from "../src/boundary-chart.ts";
import { formatNumber, formatSigned } from "../src/format.ts";
import { textMarkup } from "../src/html-parts.ts";
import { currentLookSentence, designSentence, looksTable, nextLookSentence } from "../src/monitoring-section.ts";
import { buildReport, parseResults } from "../src/report.ts";
import { NOW, rawResults } from "./helpers.ts";

type Monitoring = NonNullable<Results["monitoring"]>;
type Look = Monitoring["looks"][number];

const empty = { estimate: null, se: null, information: null, observedFraction: null, informationFraction: null, z: null, criticalValue: null, nominalP: null, alphaSpent: null, crossed: null, repeatedCi: null, projected: null };
const look = (fields: Partial<Look> & Pick<Look, "look" | "date" | "kind" | "status">): Look => ({ planned: true, ...empty, ...fields });

/** Five looks worked by hand: not yet estimable, two analysed (the second crossing), two to come. */
const handWorked: Monitoring = {
  spending: "obrien-fleming",
  alpha: 0.05,
  sided: 2,
  measure: "days-on-benefit",
  tau: 364,
  finalDate: "2019-01-01",
  expectedFinalSe: 4,
  expectedFinalInformation: 1 / 16,
  looks: [
    look({ look: 1, date: "2017-07-01", kind: "committee", status: "not-estimable" }),
    look({ look: 2, date: "2017-10-01", kind: "committee", status: "analysed", estimate: 4, se: 8, z: 0.5, informationFraction: 0.25, criticalValue: 4.3326, alphaSpent: 0.0000148, crossed: false, repeatedCi: { lower: 4 - 4.3326 * 8, upper: 4 + 4.3326 * 8 } }),
    look({ look: 3, date: "2018-03-01", kind: "evaluation", status: "analysed", estimate: 16, se: 5.5, z: 16 / 5.5, informationFraction: 0.53, criticalValue: 2.8, alphaSpent: 0.005, crossed: true, repeatedCi: { lower: 16 - 2.8 * 5.5, upper: 16 + 2.8 * 5.5 } }),
    look({ look: 4, date: "2018-07-01", kind: "committee", status: "future", criticalValue: 2.4, projected: { se: 4.6, informationFraction: 0.76, criticalValue: 2.4, estimateToCross: 2.4 * 4.6 } }),
    look({ look: 5, date: "2019-01-01", kind: "final", status: "future", criticalValue: 2.02, projected: { se: 4, informationFraction: 1, criticalValue: 2.02, estimateToCross: 8.08 } }),
  ],
  crossedAt: "2018-03-01",
  method: "hand-worked",
};

describe("boundaryData", () => {
  it("boundaryData(looks) draws the boundary where a look has one: solid up to the last analysed look, dashed from it on; z at the analysed looks", () => {
    const { boundary, z } = boundaryData(handWorked, "da");
    expect(boundary!.map((row) => [row["look"], row["segment"], row["upper"], row["lower"], row["series"]])).toEqual([
      [2, "observed", 4.3326, -4.3326, "Grænse"],
      [3, "observed", 2.8, -2.8, "Grænse"],
      [3, "projected", 2.8, -2.8, "Grænse, fremskrevet"],
      [4, "projected", 2.4, -2.4, "Grænse, fremskrevet"],
      [5, "projected", 2.02, -2.02, "Grænse, fremskrevet"],
    ]);
    expect(z!.map((row) => [row["look"], row["date"], row["z"], row["crossed"]])).toEqual([
      [2, "2017-10-01", 0.5, false],
      [3, "2018-03-01", 16 / 5.5, true],
    ]);
  });

  it("boundaryChart(results) is null without monitoring, and without any look that has a boundary", () => {
    const results = parseResults(rawResults());
    expect(boundaryChart({ ...results, monitoring: null }, "da")).toBeNull();
    const notYet = { ...handWorked, looks: handWorked.looks.map((entry) => ({ ...entry, status: "not-estimable" as const, criticalValue: null, z: null })) };
    expect(boundaryChart({ ...results, monitoring: notYet }, "da")).toBeNull();
  });
});

describe("the monitoring sentences and table", () => {
  it("say where days saved stands at the latest look and what it takes at the next (hand-worked looks)", () => {
    expect(currentLookSentence(handWorked, "da")).toBe(
      "Ved kigget 01.03.2018 er de sparede dage +16,0 (gentaget 95 %-interval 0,6 til 31,4); z = 2,91 krydser grænsen ±2,80, så forskellen er påvist, også når man tager højde for de mange kig.",
    );
    expect(nextLookSentence(handWorked, "en")).toBe(
      "At the next look, committee meeting on 1 Jul 2018, about 76% of the final information is expected; the boundary will then be about ±2.40, and the intervention must save at least 11.0 days per citizen (or cost as many) to cross it.",
    );
    expect(designSentence(handWorked, "da")).toBe(
      "Grænserne følger en O'Brien-Fleming-lignende alfaforbrugsfunktion (Lan-DeMets) med en samlet tosidet alfa på 0,05 over 5 planlagte kig; slutanalysen er 01.01.2019. Indtil nu er der brugt 0,0050 af alfa.",
    );
    const none = { ...handWorked, looks: handWorked.looks.filter((entry) => entry.status !== "future") };
    expect(nextLookSentence(none, "da")).toBe("Der er ikke flere planlagte kig.");
  });

  it("looksTable(looks) gives every look a row, the latest analysed in bold, the boundary and repeated interval of each", () => {
    const markup = String(looksTable(handWorked, textMarkup("da"), "da"));
    const rows = [...markup.matchAll(/<tr( class="[^"]+")?>((?:<td[\s\S]*?<\/td>)+)<\/tr>/g)].map((match) => [
      match[1]?.trim() ?? "",
      ...[...match[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "")),
    ]);
    expect(rows).toEqual([
      ["", "01.07.2017", "Udvalgsmøde", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "Kan ikke beregnes endnu"],
      ["", "01.10.2017", "Udvalgsmøde", "25 %", "+4,0", "0,50", "±4,33", "\u221230,7 til 38,7", "Inden for grænsen"],
      ['class="current"', "01.03.2018", "Evaluering", "53 %", "+16,0", "2,91", "±2,80", "0,6 til 31,4", "Grænsen krydset"],
      ['class="future"', "01.07.2018", "Udvalgsmøde", "(76 %)", "\u2013", "\u2013", "±2,40", "\u2013", "Kommende: kræver ±11,0 dage"],
      ['class="future"', "01.01.2019", "Slutanalyse", "(100 %)", "\u2013", "\u2013", "±2,02", "\u2013", "Kommende: kræver ±8,1 dage"],
    ]);
    const compact = String(looksTable(handWorked, textMarkup("da"), "da", { compact: true }));
    expect([...compact.matchAll(/<tr[^>]*><td>([^<]+)<\/td>/g)].map((match) => match[1])).toEqual(["01.10.2017", "01.03.2018", "01.07.2018"]);
  });
});

describe("buildReport's monitoring section", () => {
  it("follows the first table, with the boundary chart, the fixture's latest look and the table of looks; in the contents", async () => {
    const raw = rawResults();
    const report = await buildReport(raw, null, { now: NOW });
    const html = report.html;
    expect(html.indexOf('<section id="primary">')).toBeLessThan(html.indexOf('<section id="monitoring">'));
    expect(html.indexOf('<section id="monitoring">')).toBeLessThan(html.indexOf('<section id="flow">'));
    expect(html).toContain('<li><a href="#monitoring">Overvågning hvert kvartal</a></li>');
    const section = html.slice(html.indexOf('<section id="monitoring">'), html.indexOf("</section>", html.indexOf('<section id="monitoring">')));
    expect(section).toContain('<figure class="chart" id="chart-boundary"');
    const latest = raw.monitoring.looks.filter((entry: Look) => entry.status === "analysed").at(-1) as Look;
    expect([latest.date, latest.crossed]).toEqual(["2018-03-01", false]);
    expect(section).toContain(
      `Ved kigget 01.03.2018 er de sparede dage ${formatSigned(latest.estimate, "da", 1)} (gentaget 95 %-interval ${formatNumber(latest.repeatedCi!.lower, "da", 1)} til ${formatNumber(latest.repeatedCi!.upper, "da", 1)}); z = ${formatNumber(latest.z, "da", 2)} ligger inden for grænsen ±${formatNumber(latest.criticalValue, "da", 2)}, så der er endnu ingen påvist effekt.`,
    );
    expect(section.match(/<tr[ >]/g)!.length).toBe(1 + raw.monitoring.looks.length);
  }, 60_000);
});
