/**
 * The indicators page (issue 16): one static HTML page for a project without a control
 * group, in the report's phases:
 *
 * 1. results: validate against `IndicatorResultsSchema` and disclose (`indicators-disclosure.ts`);
 * 2. chart data: per indicator the series, its baseline and target lines, the projection;
 * 3. Vega-Lite specs: one per indicator (series, baseline, target), data inline;
 * 4. validate: against the Vega-Lite schema when `validateSpecs` is set;
 * 5. render SVG (`render-svg.ts`);
 * 6. assemble HTML with the `html` template (every value escaped), then scan every file
 *    for CPR numbers and birth dates before returning it.
 *
 * Besides index.html it returns the disclosed indicators.json, indicators.csv (one row
 * per indicator), series.csv (one row per indicator and point) and each chart's spec.
 */
import { jsonPath, toCsv as csvText } from "@jobtrial/core";
import { IndicatorResultsSchema, type IndicatorResult, type IndicatorResults } from "@jobtrial/indicators";
import { toCsv } from "./csv.ts";
import { formatDate, formatInterval, formatNumber, formatSigned, type Lang } from "./format.ts";
import { CSS, documentHead, scopeSvgIds, table } from "./html-parts.ts";
import { html, trustedHtml, type Html } from "./html-template.ts";
import { discloseIndicatorResults } from "./indicators-disclosure.ts";
import { INDICATOR_TEXTS, VERDICT_TEXTS, type IndicatorTexts } from "./indicators-texts.ts";
import { ReportError } from "./messages.ts";
import { findPersonalData } from "./personal-data.ts";
import { renderSvg } from "./render-svg.ts";
import { COLORS, FULL_WIDTH, topLevel, Y_AXIS_EXTENT } from "./theme.ts";
import { specProblems } from "./validate-spec.ts";
import type { ReportFile } from "./report.ts";

export interface IndicatorsPageOptions {
  /** Default: "da" */
  lang?: Lang;
  /** The page's own date (the injected clock). */
  now: Date;
  toolVersion: string;
  /** Validate every spec against the Vega-Lite schema (slow; tests do). Default: false */
  validateSpecs?: boolean;
  /** How errors name the results. Default: "indicators.json" */
  inputName?: string;
}

export interface IndicatorsPage {
  /** index.html first, then indicators.json, indicators.csv, series.csv and charts/<id>.vl.json. */
  files: ReportFile[];
  results: IndicatorResults;
  warnings: string[];
}

function decimalsOf(result: IndicatorResult): number {
  return result.unit === "persons" && result.kind === "averageStock" ? 0 : 1;
}

function withUnit(value: number | null, result: IndicatorResult, lang: Lang, texts: IndicatorTexts): string {
  if (value === null) return formatNumber(null, lang);
  const number = formatNumber(value, lang, decimalsOf(result));
  if (result.unit === "percent") return lang === "da" ? `${number} %` : `${number}%`;
  return result.unit === "perWeek" ? `${number} ${texts.unitPerWeek}` : number;
}

/** Phases 2 and 3 for one indicator: its series, baseline and target lines and projection, as one layered spec. */
export function indicatorChartSpec(result: IndicatorResult, lang: Lang): Record<string, unknown> {
  const texts = INDICATOR_TEXTS[lang];
  const title = result.title[lang];
  const series = result.series.map((point) => ({ date: point.start, value: point.value, part: point.inPeriod ? texts.period : texts.baselineLine }));
  const lines = [
    ...(result.target.threshold === null ? [] : [{ line: texts.targetLine, value: result.target.threshold }]),
    ...(result.baseline?.value == null ? [] : [{ line: texts.baselineLine, value: result.baseline.value }]),
  ];
  const projection = result.projection === null ? [] : [{ date: result.period.to, value: result.projection.value, lower: result.projection.lower, upper: result.projection.upper, label: texts.projected }];
  const yTitle = result.unit === "percent" ? texts.share + " (%)" : result.unit === "perWeek" ? texts.unitPerWeek : texts.unitPersons;
  const x = { field: "date", type: "temporal", title: null, axis: { format: "%b %Y", labelAngle: 0 } };
  return topLevel(lang, title, `${title}: ${texts.series}, ${texts.baselineLine.toLowerCase()}, ${texts.targetLine.toLowerCase()}`, { series, lines, projection }, {
    width: FULL_WIDTH - Y_AXIS_EXTENT,
    height: 180,
    layer: [
      { data: { name: "series" }, mark: { type: "line", point: { size: 12 }, color: COLORS.intervention, strokeWidth: 1.5 }, encoding: { x, y: { field: "value", type: "quantitative", title: yTitle, scale: { zero: false } } } },
      {
        data: { name: "lines" },
        mark: { type: "rule", strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          color: { field: "line", type: "nominal", scale: { domain: [texts.targetLine, texts.baselineLine], range: [COLORS.negative, COLORS.neutral] }, legend: { title: null } },
        },
      },
      { data: { name: "projection" }, mark: { type: "rule", color: COLORS.expected, strokeWidth: 2 }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
      { data: { name: "projection" }, mark: { type: "point", filled: true, size: 50, color: COLORS.expected, shape: "diamond" }, encoding: { x, y: { field: "value", type: "quantitative" }, tooltip: { field: "label" } } },
    ],
  });
}

function summaryTable(results: IndicatorResults, lang: Lang, texts: IndicatorTexts): Html {
  const rows = results.indicators.map((result) => [
    html`<a href="#${result.id}">${result.title[lang]}</a>`,
    withUnit(result.value, result, lang, texts),
    result.baseline === null ? "" : withUnit(result.baseline.value, result, lang, texts),
    result.target.statement[lang],
    result.projection === null ? "" : withUnit(result.projection.value, result, lang, texts),
    html`<strong class="verdict-${result.verdict}">${VERDICT_TEXTS[lang][result.verdict]}</strong>`,
  ]);
  return table([texts.indicator, texts.soFar, texts.baseline, texts.target, texts.projection, texts.verdict], rows, [false, true, true, false, true, false], { id: "indicators-summary" });
}

function detailTable(result: IndicatorResult, lang: Lang, texts: IndicatorTexts): Html {
  const decimals = decimalsOf(result);
  const rows: [string, string][] = [
    [texts.period, `${formatDate(result.period.from, lang)} – ${formatDate(result.period.to, lang)}`],
    [texts.soFar, `${withUnit(result.value, result, lang, texts)}${result.interval === null ? "" : ` (${texts.interval}: ${formatInterval(result.interval.lower, result.interval.upper, lang, decimals)})`}`],
  ];
  if (result.baseline !== null) rows.push([texts.baseline, `${withUnit(result.baseline.value, result, lang, texts)}${result.baseline.label === null ? "" : ` (${result.baseline.label})`}`]);
  if (result.change !== null) rows.push([texts.change, `${formatSigned(result.change.value, lang, 1)}${result.change.interval === null ? "" : ` (${formatInterval(result.change.interval.lower, result.change.interval.upper, lang, 1)})`}`]);
  rows.push([texts.target, result.target.statement[lang] + (result.target.threshold === null ? "" : ` (${withUnit(result.target.threshold, result, lang, texts)})`)]);
  if (result.projection !== null) {
    rows.push([texts.projection, `${withUnit(result.projection.value, result, lang, texts)} (${formatInterval(result.projection.lower, result.projection.upper, lang, decimals)})`]);
    rows.push([texts.probability, lang === "da" ? `${formatNumber(100 * result.projection.probabilityMet, lang, 0)} %` : `${formatNumber(100 * result.projection.probabilityMet, lang, 0)}%`]);
  }
  rows.push([texts.verdict, VERDICT_TEXTS[lang][result.verdict]]);
  return table(["", ""], rows);
}

function distributionTable(result: IndicatorResult, lang: Lang, texts: IndicatorTexts): Html | "" {
  if (result.distribution === null) return "";
  const percent = (value: number | null) => (value === null ? formatNumber(null, lang) : lang === "da" ? `${formatNumber(value, lang, 1)} %` : `${formatNumber(value, lang, 1)}%`);
  return html`<h3>${texts.distribution}</h3>${table(
    [texts.status, texts.count, texts.share, texts.reference],
    result.distribution.map((row) => [row.label[lang], formatNumber(row.count, lang), percent(row.percent), percent(row.reference)]),
    [false, true, true, true],
  )}`;
}

function summaryCsv(results: IndicatorResults): string {
  const header = ["id", "kind", "unit", "period_from", "period_to", "observed_through", "value", "lower", "upper", "numerator", "denominator", "baseline", "threshold", "direction", "change", "change_lower", "change_upper", "projection", "projection_lower", "projection_upper", "probability_met", "verdict"];
  const rows = results.indicators.map((result) => [
    result.id, result.kind, result.unit, result.period.from, result.period.to, result.observedThrough, result.value, result.interval?.lower, result.interval?.upper, result.numerator, result.denominator,
    result.baseline?.value, result.target.threshold, result.target.direction, result.change?.value, result.change?.interval?.lower, result.change?.interval?.upper,
    result.projection?.value, result.projection?.lower, result.projection?.upper, result.projection?.probabilityMet, result.verdict,
  ]);
  return csvText(header, rows, { delimiter: ",", bom: false, lineEnd: "\n" });
}

/** Builds the indicators page and its files from results (not yet disclosed, or disclosed: disclosing twice changes nothing). */
export async function buildIndicatorsPage(resultsInput: unknown, options: IndicatorsPageOptions): Promise<IndicatorsPage> {
  const lang = options.lang ?? "da";
  const texts = INDICATOR_TEXTS[lang];
  // 1. results
  const parsed = IndicatorResultsSchema.safeParse(resultsInput);
  if (!parsed.success) throw new ReportError({ code: "results_invalid", file: options.inputName ?? "indicators.json", problems: parsed.error.issues.map((issue) => `${jsonPath(issue.path)} ${issue.message}`) });
  const results = discloseIndicatorResults({ ...parsed.data, suppressedCells: 0 });
  // 2 + 3. chart data and specs
  const charts = results.indicators.map((result) => ({ id: result.id, title: result.title[lang], spec: indicatorChartSpec(result, lang) }));
  // 4. validate
  if (options.validateSpecs) {
    for (const chart of charts) {
      const problems = specProblems(chart.spec);
      if (problems.length > 0) throw new ReportError({ code: "spec_invalid", chart: chart.id, problems });
    }
  }
  // 5. render SVG
  const warnings: string[] = [];
  const svgs = new Map<string, string>();
  for (const chart of charts) svgs.set(chart.id, await renderSvg(chart.spec, warnings));
  // 6. assemble HTML
  const sections = results.indicators.map(
    (result) => html`<section id="${result.id}"><h2>${result.title[lang]}</h2>
<figure class="chart" role="img" aria-label="${result.title[lang]}">${trustedHtml(scopeSvgIds(svgs.get(result.id)!, result.id))}</figure>
${detailTable(result, lang, texts)}${distributionTable(result, lang, texts)}</section>`,
  );
  const title = `${texts.title}: ${results.project.title[lang]}`;
  const page = html`<!DOCTYPE html>
<html lang="${lang}">
${documentHead(options.toolVersion, title, CSS)}
<body>
<main>
<h1>${results.project.title[lang]}</h1>
<p class="subtitle">${texts.title}${results.project.municipality === null ? "" : ` · ${results.project.municipality}`} · ${texts.asOf} ${formatDate(results.asOf, lang)}</p>
<h2>${texts.summary}</h2>
${summaryTable(results, lang, texts)}
<p class="note">${texts.method}</p>
${sections}
<footer>${texts.suppressed(results.minCellSize, results.suppressedCells)} ${texts.footer(options.toolVersion, formatDate(options.now.toISOString(), lang))}</footer>
</main>
</body>
</html>
`;
  const seriesRows = results.indicators.flatMap((result) => result.series.map((point) => ({ id: result.id, label: point.label, start: point.start, in_period: point.inPeriod, value: point.value, numerator: point.numerator, denominator: point.denominator })));
  const files: ReportFile[] = [
    { path: "index.html", content: String(page) },
    { path: "indicators.json", content: JSON.stringify(results, null, 2) + "\n" },
    { path: "indicators.csv", content: summaryCsv(results) },
    { path: "series.csv", content: toCsv(seriesRows) },
    ...charts.map((chart) => ({ path: `charts/${chart.id}.vl.json`, content: JSON.stringify(chart.spec, null, 2) + "\n" })),
  ];
  const referenceYear = Number(results.asOf.slice(0, 4));
  for (const file of files) {
    const hit = findPersonalData(file.content, referenceYear)[0];
    if (hit) throw new ReportError({ code: "personal_data_found", file: file.path, kind: hit.kind, line: hit.line });
  }
  return { files, results, warnings };
}
