import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBusinessCase } from "../src/report.ts";
import { buildCharts } from "../src/chart-specs.ts";
import { riskTimesShown } from "../src/chart-data.ts";
import { discloseResults } from "../src/disclose-results.ts";
import { renderSvg } from "../src/render-svg.ts";
import { specProblems } from "../src/validate-spec.ts";
import { fixtureResults, rawBusinessCase } from "./helpers.ts";

// Golden specs: the diff shows every change of output. Only an explicit
// UPDATE_GOLDEN=1 npx vitest run packages/report/test/chart-specs.test.ts writes them;
// a missing golden file fails, in CI and everywhere else.
const goldenDir = fileURLToPath(new URL("./golden/", import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";
if (update && process.env["CI"]) throw new Error("UPDATE_GOLDEN=1 in CI: goldens are written on purpose by a person, never by CI");
const disclosed = discloseResults(fixtureResults());
const businessCase = parseBusinessCase(rawBusinessCase());
const charts = buildCharts(disclosed.results, businessCase, "da", disclosed.disclosure.minCellSize);

describe("buildCharts", () => {
  it("makes every chart of the report for complete results and a business case", () => {
    expect(charts.map((chart) => chart.id)).toEqual(["summary-days", "where-days-went", "boundary", "flow", "intake", "allocation", "balance", "km", "cif", "monthly", "process", "advisors", "forest", "net-savings", "cumulative", "tornado"]);
  });

  it("makes specs that are valid against the Vega-Lite JSON schema", () => {
    const problems = Object.fromEntries(charts.map((chart) => [chart.id, specProblems(chart.spec)]).filter(([, list]) => list!.length > 0));
    expect(problems).toEqual({});
  });

  it("rejects a spec the Vega-Lite schema does not allow (the validator is live)", () => {
    expect(specProblems({ mark: "bar", encoding: { x: { field: "a", type: "continuous" } } })).not.toEqual([]);
  });

  it.each(charts.map((chart) => [chart.id, chart] as const))("spec %s matches its golden JSON (a missing golden fails; UPDATE_GOLDEN=1 writes it)", (id, chart) => {
    const file = `${goldenDir}${id}.vl.json`;
    const actual = JSON.stringify(chart.spec, null, 2) + "\n";
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, actual);
    }
    if (!existsSync(file)) throw new Error(`no golden spec ${id}.vl.json in ${goldenDir}; look at the chart, then write it with UPDATE_GOLDEN=1`);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });

  it("has no golden file without a chart", () => {
    const stems = readdirSync(goldenDir).map((name) => name.replace(/\.vl\.json$/, ""));
    expect(stems.sort()).toEqual(charts.map((chart) => chart.id).sort());
  });

  it("leaves out the process charts without process data and the business-case charts without a business case", () => {
    const results = structuredClone(disclosed.results);
    results.process = null;
    const ids = buildCharts(results, null, "en", 5).map((chart) => chart.id);
    expect(ids).not.toContain("process");
    expect(ids).not.toContain("net-savings");
    expect(ids).toContain("km");
  });
});

describe("renderSvg", () => {
  it("gives the same SVG for the same spec, with the pinned font", async () => {
    const km = charts.find((chart) => chart.id === "km")!;
    const first = await renderSvg(km.spec);
    const second = await renderSvg(structuredClone(km.spec));
    expect(second).toBe(first);
    expect(first.startsWith("<svg")).toBe(true);
    expect(first).toContain('font-family="DejaVu Sans, Verdana, sans-serif"');
  });
});

describe("riskTimesShown", () => {
  it("riskTimesShown(times) thins every 4th week to every 8th so the at-risk table has at most 8 columns", () => {
    const everyFourWeeks = Array.from({ length: 14 }, (_, index) => index * 28);
    expect(riskTimesShown(everyFourWeeks)).toEqual([0, 56, 112, 168, 224, 280, 336]);
    expect(riskTimesShown([0, 28, 56, 84])).toEqual([0, 28, 56, 84]);
  });

  it("kmChart puts the x-axis ticks at the at-risk table's times", () => {
    const km = charts.find((chart) => chart.id === "km")!;
    const times = [...new Set(km.tables["risk"]!.map((row) => row["time"]))];
    const ticks = (km.spec as { vconcat: { layer: { encoding: { x: { axis: { values: number[] } } } }[] }[] }).vconcat[0]!.layer[0]!.encoding.x.axis.values;
    expect(ticks).toEqual(times);
    expect(times.length).toBeLessThanOrEqual(8);
  });
});
