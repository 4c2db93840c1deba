/**
 * Small-cell suppression holds in everything the report writes (issue 14, item 5): the
 * report and the quarterly note on the fixture, in Danish and English, every file
 * scanned for a count from 1 to minCellSize - 1. The scan is shown to be live on the same
 * documents made without the disclosure step, with small counts planted where the
 * report shows counts.
 */
import { describe, expect, it } from "vitest";
import { parseBusinessCase, parseResults, buildQuarterlyNote, buildReport } from "../src/report.ts";
import { buildCharts } from "../src/chart-specs.ts";
import { toCsv } from "../src/csv.ts";
import { effectiveMinCellSize } from "../src/disclose-results.ts";
import { assembleHtml } from "../src/html.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";
import { smallCountsIn } from "./small-counts.ts";

const minCellSize = effectiveMinCellSize(parseResults(rawResults()));

describe("small counts in the files the report writes", () => {
  it.each(["da", "en"] as const)("the report and the quarterly note (%s): every file scanned, no count from 1 to the minimum - 1", async (lang) => {
    const report = await buildReport(rawResults(), rawBusinessCase(), { now: NOW, lang });
    const note = await buildQuarterlyNote(rawResults(), rawBusinessCase(), { now: NOW, lang });
    const files = [...report.files, ...note.files];
    expect(minCellSize).toBe(5);
    // Every kind of file is scanned: the two documents, every chart's spec and every chart table.
    expect(files.filter((file) => file.path.endsWith(".html")).map((file) => file.path)).toEqual(["index.html", "quarterly-note.html"]);
    expect(files.filter((file) => file.path.endsWith(".vl.json")).length).toBe(report.charts.length + note.charts.length);
    expect(files.filter((file) => file.path.endsWith(".csv")).length).toBe([...report.charts, ...note.charts].reduce((sum, chart) => sum + Object.keys(chart.tables).length, 0));
    const hits = files.flatMap((file) => smallCountsIn(file.path, file.content, minCellSize));
    expect(hits).toEqual([]);
  }, 120_000);

  it("the scan is live: without the disclosure step, the small counts planted in the results are found where the report shows them", () => {
    const raw = rawResults();
    raw.flow.voided = { control: 3, intervention: 2 };
    raw.intake.byWeek[5].control = 1;
    raw.duration.riskTable[2].intervention.nRisk = 4; // day 56, a column of the risk table shown
    raw.allocation.heaping.bornFirstOfMonth.control = { n: 2, share: 0.005, expectedShare: 0.067 };
    raw.sensitivity.rows.find((row: { key: string }) => row.key === "without-born-january-1").leftOut.intervention = 3;
    const results = parseResults(raw);
    const businessCase = parseBusinessCase(rawBusinessCase());
    const charts = buildCharts(results, businessCase, "da", minCellSize);
    const files = [
      { path: "index.html", content: assembleHtml({ results, businessCase, charts: [], disclosure: { minCellSize, primary: 0, secondary: 0 }, lang: "da", now: NOW, toolVersion: "test" }) },
      ...charts.flatMap((chart) => [
        { path: `charts/${chart.id}.vl.json`, content: JSON.stringify(chart.spec) },
        ...Object.entries(chart.tables).map(([name, rows]) => ({ path: `charts/${chart.id}.${name}.csv`, content: toCsv(rows) })),
      ]),
    ];
    const hits = files.flatMap((file) => smallCountsIn(file.path, file.content, minCellSize));
    const where = (path: string) => hits.filter((hit) => hit.file === path).map((hit) => hit.value).sort();
    expect(where("charts/flow.boxes.csv")).toEqual([2, 3]);
    expect(where("charts/flow.vl.json")).toEqual([2, 3]);
    expect(where("charts/intake.intake.csv")).toEqual([1]);
    expect(where("charts/km.risk.csv")).toEqual([4, 4]);
    // the heaping table's cell "2 (0,5 %; forventet 6,7 %)" and the first table's "udeladt: kontrol 0, indsats 3"
    expect(hits.filter((hit) => hit.file === "index.html").map((hit) => [hit.where.startsWith("table") ? "table" : hit.where, hit.value])).toEqual([
      ["table", 2],
      ["text", 3],
    ]);
  });
});
