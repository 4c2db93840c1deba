/**
 * The indicators page (issue 16) on small results written by hand: labels that hold
 * markup reach the page as text; one chart per indicator with its series, baseline and
 * target; and small counts hidden, with secondary suppression against every total the
 * files publish (the period's value and a baseline measured on the data).
 */
import type { IndicatorResult, IndicatorResults } from "@jobtrial/indicators";
import { describe, expect, it } from "vitest";
import { discloseIndicatorResults } from "../src/indicators-disclosure.ts";
import { buildIndicatorsPage } from "../src/indicators-page.ts";
import { specProblems } from "../src/validate-spec.ts";
import { NOW } from "./helpers.ts";

const SCRIPT = `<script>alert("x")</script>`;

type Point = [label: string, start: string, numerator: number, denominator: number | null, inPeriod: boolean];

function seriesOf(points: Point[]): IndicatorResult["series"] {
  return points.map(([label, start, numerator, denominator, inPeriod]) => ({ label, start, numerator, denominator, inPeriod, value: denominator === null ? numerator : (100 * numerator) / denominator }));
}

/**
 * A monthly share (ended spells in work a month later): 2019 is the period, 2018 the
 * baseline measured on the data (its numerator and denominator published), and
 * 2017-12 before both. 2018-01 has 3 successes of 41: a small count.
 */
function shareIndicator(): IndicatorResult {
  const series = seriesOf([
    ["2017-12", "2017-12-01", 10, 40, false],
    ["2018-01", "2018-01-01", 3, 41, false],
    ["2018-02", "2018-02-01", 20, 40, false],
    ["2019-01", "2019-01-01", 12, 30, true],
    ["2019-02", "2019-02-01", 14, 30, true],
    ["2019-03", "2019-03-01", 9, 30, true],
  ]);
  return {
    id: "status",
    title: { da: `Status ${SCRIPT} & "citat"`, en: `Status ${SCRIPT} & "quote"` },
    kind: "statusAfterEnd",
    unit: "percent",
    period: { from: "2019-01-01", to: "2019-12-31" },
    observedThrough: "2019-03-31",
    complete: false,
    value: (100 * 35) / 90,
    interval: { lower: 29.4, upper: 49.1 },
    numerator: 35,
    denominator: 90,
    persons: 90,
    baseline: { value: (100 * 23) / 81, interval: { lower: 19.6, upper: 39.4 }, source: "data", period: { from: "2018-01-01", to: "2018-12-31" }, label: null, numerator: 23, denominator: 81 },
    target: { direction: "atLeast", threshold: 23, statement: { da: "mindst 23,0 %", en: "at least 23.0%" } },
    change: { value: (100 * 35) / 90 - (100 * 23) / 81, interval: { lower: -3.2, upper: 23.4 } },
    projection: { value: 38.1, lower: 30.2, upper: 46, probabilityMet: 0.99 },
    verdict: "on_track",
    series,
    distribution: [
      { status: "wage", label: { da: `Løn ${SCRIPT}`, en: `Wage ${SCRIPT}` }, count: 33, percent: (100 * 33) / 90, reference: 30, success: true },
      { status: "education", label: { da: "Uddannelse", en: "Education" }, count: 2, percent: (100 * 2) / 90, reference: 5, success: true },
      { status: "cash", label: { da: "Kontanthjælp", en: "Cash benefit" }, count: 40, percent: (100 * 40) / 90, reference: 40, success: false },
      { status: "other", label: { da: "Andet", en: "Other" }, count: 15, percent: (100 * 15) / 90, reference: 25, success: false },
    ],
  };
}

/** Conversations a week: a count with a stated baseline and no small cells. */
function eventsIndicator(): IndicatorResult {
  return {
    id: "samtaler",
    title: { da: "Samtaler om ugen", en: "Conversations a week" },
    kind: "weeklyEvents",
    unit: "perWeek",
    period: { from: "2020-01-01", to: "2020-12-31" },
    observedThrough: "2020-01-19",
    complete: false,
    value: 381,
    interval: { lower: 360.2, upper: 401.8 },
    numerator: null,
    denominator: null,
    persons: 1143,
    baseline: { value: 350, interval: null, source: "stated", period: null, label: "2019", numerator: null, denominator: null },
    target: { direction: "atLeast", threshold: 390, statement: { da: "mindst 390 om ugen", en: "at least 390 a week" } },
    change: { value: 31, interval: { lower: 10.2, upper: 51.8 } },
    projection: null,
    verdict: "at_risk",
    series: seriesOf([
      ["2019-W52", "2019-12-23", 355, null, false],
      ["2020-W01", "2019-12-30", 370, null, true],
      ["2020-W02", "2020-01-06", 385, null, true],
      ["2020-W03", "2020-01-13", 388, null, true],
    ]),
    distribution: null,
  };
}

function resultsOf(...indicators: IndicatorResult[]): IndicatorResults {
  return {
    kind: "jobtrial-indicators",
    project: { id: "test", title: { da: `Projekt ${SCRIPT}`, en: `Project ${SCRIPT}` }, municipality: `Kommune <img src=x onerror="alert(1)">` },
    asOf: "2020-01-19",
    minCellSize: 5,
    suppressedCells: 0,
    tool: { name: "jobtrial", version: "test" },
    indicators,
  };
}

const build = (lang: "da" | "en" = "da") => buildIndicatorsPage(resultsOf(shareIndicator(), eventsIndicator()), { lang, now: NOW, toolVersion: "test", validateSpecs: true });

describe("buildIndicatorsPage", () => {
  it.each(["da", "en"] as const)("writes the labels as text, never as markup (%s)", async (lang) => {
    const page = (await build(lang)).files[0]!;
    expect(page.path).toBe("index.html");
    expect(page.content).not.toMatch(/<script/i);
    expect(page.content).not.toMatch(/<img/i);
    const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
    expect(page.content).toContain(lang === "da" ? `<h1>Projekt ${escaped}</h1>` : `<h1>Project ${escaped}</h1>`);
    expect(page.content).toContain("Kommune &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(page.content).toContain(lang === "da" ? `<h2>Status ${escaped} &amp; &quot;citat&quot;</h2>` : `<h2>Status ${escaped} &amp; &quot;quote&quot;</h2>`);
    expect(page.content).toContain(lang === "da" ? `Løn ${escaped}` : `Wage ${escaped}`);
    expect(page.content).toContain(`<html lang="${lang}">`);
  });

  it("draws one chart per indicator, each with its series, its baseline and its target line, valid Vega-Lite", async () => {
    const built = await build();
    expect(built.files.map((file) => file.path)).toEqual(["index.html", "indicators.json", "indicators.csv", "series.csv", "charts/status.vl.json", "charts/samtaler.vl.json"]);
    expect(built.files[0]!.content.match(/<figure class="chart"/g)).toHaveLength(2);
    const spec = (id: string) => JSON.parse(built.files.find((file) => file.path === `charts/${id}.vl.json`)!.content) as { datasets: Record<string, Record<string, unknown>[]>; layer: { data: { name: string } }[] };
    const status = spec("status");
    expect(specProblems(status)).toEqual([]);
    expect(status.layer.map((layer) => layer.data.name)).toEqual(["series", "lines", "projection", "projection"]);
    expect(status.datasets["lines"]).toEqual([
      { line: "Mål", value: 23 },
      { line: "Basislinje", value: (100 * 23) / 81 },
    ]);
    // The series as disclosed: 2018-01 (3 of 41) and its partner in the baseline year are hidden, the rest as counted.
    expect(status.datasets["series"]!.map((point) => point["value"])).toEqual([25, null, null, 40, (100 * 14) / 30, 30]);
    expect(status.datasets["projection"]).toEqual([{ date: "2019-12-31", value: 38.1, lower: 30.2, upper: 46, label: "Fremskrevet" }]);
    const events = spec("samtaler");
    expect(events.datasets["series"]).toEqual([
      { date: "2019-12-23", value: 355, part: "Basislinje" },
      { date: "2019-12-30", value: 370, part: "Periode" },
      { date: "2020-01-06", value: 385, part: "Periode" },
      { date: "2020-01-13", value: 388, part: "Periode" },
    ]);
    expect(events.datasets["lines"]).toEqual([
      { line: "Mål", value: 390 },
      { line: "Basislinje", value: 350 },
    ]);
    expect(events.datasets["projection"]).toEqual([]);
  });

  it("hides a count below the minimum in the results file, the tables, the chart and the page, and says how many cells it hid", async () => {
    const built = await build();
    const disclosed = JSON.parse(built.files[1]!.content) as IndicatorResults;
    const status = disclosed.indicators[0]!;
    expect(status.series.find((point) => point.label === "2018-01")).toMatchObject({ value: null, numerator: null, denominator: 41 });
    // The distribution: education (2) and its partner among the successes, wage (their sum is the published numerator).
    expect(status.distribution!.map((row) => row.count)).toEqual([null, null, 40, 15]);
    expect(built.files[3]!.content).toContain("status,2018-01,2018-01-01,false,,,41");
    for (const file of built.files) expect(file.content.includes(String((100 * 3) / 41)), file.path).toBe(false);
    expect(built.files[0]!.content).toContain(`Antal under 5 vises ikke (${disclosed.suppressedCells} celler skjult, med sekundær diskretionering).`);
    // 2018-01 and 2018-02 in the series, education and wage in the distribution.
    expect(disclosed.suppressedCells).toBe(4);
  });
});

describe("discloseIndicatorResults", () => {
  /** Each group whose total the results publish: a hidden cell alone in it could be worked out by subtraction. */
  function alonePerGroup(result: IndicatorResult): string[] {
    const hidden = (label: string) => result.series.find((point) => point.label === label)!.numerator === null;
    const groups: [string, string[]][] = [["period", result.series.filter((point) => point.inPeriod).map((point) => point.label)]];
    if (result.baseline?.source === "data" && result.baseline.numerator !== null) {
      const { from, to } = result.baseline.period!;
      groups.push(["baseline", result.series.filter((point) => point.label >= from.slice(0, 7) && point.label <= to.slice(0, 7)).map((point) => point.label)]);
    }
    return groups.filter(([, labels]) => labels.filter(hidden).length === 1).map(([name]) => name);
  }

  it("hides a second month inside the baseline's year when one is small, since the baseline's numerator and denominator are published", () => {
    const disclosed = discloseIndicatorResults(resultsOf(shareIndicator())).indicators[0]!;
    expect(disclosed.baseline).toMatchObject({ numerator: 23, denominator: 81 });
    expect(disclosed.series.map((point) => [point.label, point.numerator])).toEqual([
      ["2017-12", 10],
      ["2018-01", null],
      ["2018-02", null],
      ["2019-01", 12],
      ["2019-02", 14],
      ["2019-03", 9],
    ]);
    expect(alonePerGroup(disclosed)).toEqual([]);
  });

  it("hides a second cell among the success statuses, since their sum is the published numerator", () => {
    // Education 2 and wage 33 are the successes (35, the published numerator); cash and other the rest (55).
    const disclosed = discloseIndicatorResults(resultsOf(shareIndicator())).indicators[0]!;
    const hidden = disclosed.distribution!.filter((row) => row.count === null).map((row) => row.status);
    expect(hidden).toContain("education");
    expect(hidden).toContain("wage");
  });

  it("leaves results without small counts as they are (disclosing twice changes nothing)", () => {
    const once = discloseIndicatorResults(resultsOf(eventsIndicator()));
    expect(once.indicators[0]).toEqual(eventsIndicator());
    expect(once.suppressedCells).toBe(0);
    expect(discloseIndicatorResults(once)).toEqual(once);
  });
});
