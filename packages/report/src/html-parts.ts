/**
 * The pieces every HTML document of the report shares (the evaluation report and the
 * quarterly note): the print CSS for A4, catalogue texts as markup, chart figures, and
 * tables. Everything is written with the `html` template of `html-template.ts`, so
 * every value is escaped by construction.
 */
import type { Results } from "@jobtrial/analyze";
import type { BusinessCase } from "./business-case.ts";
import type { ChartId } from "./chart-specs.ts";
import type { DisclosureSummary } from "./disclose-results.ts";
import type { Arm } from "./chart-data.ts";
import type { Lang } from "./format.ts";
import { html, trustedHtml, type Html, type HtmlValue } from "./html-template.ts";
import { text, textParts, type TextKey } from "./texts.ts";

/** A chart rendered to SVG, ready to be placed in a document. */
export interface RenderedChart {
  id: ChartId;
  title: string;
  svg: string;
}

/** What a document is assembled from: the disclosed results, the business case and the rendered charts. */
export interface HtmlInput {
  results: Results;
  businessCase: BusinessCase | null;
  charts: RenderedChart[];
  disclosure: DisclosureSummary;
  lang: Lang;
  /** The report's own date and time (from the injected clock). */
  now: Date;
  toolVersion: string;
}

/**
 * Gives every id in a chart's SVG (clip paths, gradients) a prefix, so several inline
 * SVGs in one document cannot refer to each other's definitions.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/**
 * The document head the report and the quarterly note share: charset, viewport, a
 * Content-Security-Policy that allows no request at all (inline styles and data: images
 * only), the generator, the title and the style sheet.
 */
export function documentHead(toolVersion: string, title: HtmlValue, css: HtmlValue): Html {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="jobtrial ${toolVersion}">
<title>${title}</title>
<style>${css}</style>
</head>`;
}

export const CSS = html`
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
:root { --ink: #1d1d1d; --muted: #555; --rule: #d6d6d6; --control: #c4681c; --intervention: #1f5f99; --accent: #eaf1f8; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.45; background: #f3f3f3; }
body { margin: 0; }
main { max-width: 190mm; margin: 0 auto; background: white; padding: 12mm 14mm; }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 4pt; }
h2 { font-size: 14pt; margin: 22pt 0 6pt; border-bottom: 1.5pt solid var(--ink); padding-bottom: 2pt; }
h3 { font-size: 11pt; margin: 14pt 0 4pt; }
p { margin: 4pt 0 8pt; }
.subtitle { color: var(--muted); margin-bottom: 14pt; }
.verdict { background: var(--accent); border-left: 5pt solid var(--intervention); padding: 8pt 12pt; margin: 10pt 0 14pt; }
.verdict h2 { border: 0; margin: 0 0 4pt; font-size: 12pt; text-transform: uppercase; letter-spacing: 0.04em; color: var(--intervention); }
.verdict p { font-size: 13pt; line-height: 1.4; margin: 4pt 0; }
.verdict p.secondary { font-size: 11pt; }
.headlines { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; margin: 10pt 0; }
.headline { border: 1pt solid var(--rule); border-radius: 3pt; padding: 8pt 10pt; break-inside: avoid; }
.headline .label { font-size: 10pt; color: var(--muted); font-weight: bold; }
.headline .value { font-size: 28pt; font-weight: bold; line-height: 1.15; margin: 2pt 0; }
.headline .unit { font-size: 13pt; font-weight: normal; }
.headline .detail { font-size: 9.5pt; color: var(--muted); }
.headline.wide { grid-column: span 2; }
figure.chart { margin: 8pt 0 12pt; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
.note { font-size: 9pt; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 9.5pt; break-inside: avoid; }
th, td { text-align: left; padding: 2.5pt 6pt; border-bottom: 0.75pt solid var(--rule); vertical-align: top; }
th { border-bottom: 1.2pt solid var(--ink); font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th.group { text-align: center; border-bottom: 0.75pt solid var(--ink); }
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 2pt 4pt; }
td { overflow-wrap: anywhere; }
code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.hash { word-break: break-all; }
nav.toc ol { columns: 2; padding-left: 16pt; }
tr.section th { background: #f4f4f4; border-bottom: 0.75pt solid var(--rule); font-size: 0.95em; padding-top: 4pt; }
tr.warn td { background: #fff4e5; }
.warn-mark { color: #b25e00; font-weight: bold; }
tr.biased td { color: var(--muted); font-style: italic; }
tr.current td { font-weight: bold; background: var(--accent); }
tr.future td { color: var(--muted); }
.sign-convention { font-size: 9.5pt; }
#looks-table td { overflow-wrap: normal; }
ul.warnings { margin: 4pt 0 8pt; padding-left: 16pt; font-size: 9.5pt; color: #7a3d00; }
section.page { break-after: page; }
section { break-inside: auto; }
footer { margin-top: 18pt; font-size: 8.5pt; color: var(--muted); border-top: 0.75pt solid var(--rule); padding-top: 4pt; }
@media print {
  html { background: white; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  nav.toc { display: none; }
  /* page one on one A4 page: the verdict, four cards and the two summary charts */
  #summary h1 { font-size: 18pt; }
  #summary .subtitle { margin-bottom: 6pt; }
  .verdict { padding: 5pt 10pt; margin: 4pt 0 6pt; }
  .verdict p { font-size: 11pt; line-height: 1.35; }
  .verdict p.secondary { font-size: 9pt; margin: 2pt 0; }
  .headlines { gap: 5pt; margin: 5pt 0; }
  .headline { padding: 4pt 8pt; }
  .headline .label { font-size: 9pt; }
  .headline .value { font-size: 19pt; }
  .headline .detail { font-size: 8.5pt; line-height: 1.3; }
  #summary figure.chart { margin: 3pt 0; }
  #summary figure.chart svg { max-height: 36mm; width: auto; }
  #summary #chart-where-days-went svg { max-height: 46mm; }
  #summary .note { font-size: 8pt; margin: 1pt 0 3pt; }
}
`;

/** A text of the catalogue as markup: its wording escaped, each parameter escaped unless it is markup. */
export type T = (key: TextKey, params?: Readonly<Record<string, HtmlValue>>) => Html;
/** A chart's figure, or nothing when the document has no such chart. */
export type Figure = (id: ChartId) => Html | "";

/** The catalogue in `lang` as markup (see `T`). */
export function textMarkup(lang: Lang): T {
  return (key, params) => html`${textParts<HtmlValue>(lang, key, params)}`;
}

/** Figures of the rendered charts: each SVG inline, its ids scoped to the chart. */
export function figures(charts: readonly RenderedChart[]): Figure {
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  return (id) => {
    const chart = byId.get(id);
    return chart ? html`<figure class="chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${chart.title}">${trustedHtml(scopeSvgIds(chart.svg, id))}</figure>` : "";
  };
}

/** A value with the raw number beside it, so tests and readers can check figures against results.json. */
export function figureSpan(key: string, value: number | null, shown: string): Html {
  return html`<span data-figure="${key}" data-value="${value === null ? "" : String(value)}">${shown}</span>`;
}

/** A table cell or header: text (escaped) or markup. */
export type Cell = HtmlValue;

export interface TableOptions {
  /** A header row above the column headers: [label, number of columns spanned]. Default: none. */
  groups?: [Cell, number][];
  /** Smaller type and padding, for tables with many columns. Default: false. */
  wide?: boolean;
  /** Full-width label rows in the body, each before the row of index `before`. Default: none. */
  sections?: { before: number; label: Cell }[];
  /** A class per body row (null for none), e.g. "warn" for a row that needs a warning. Default: none. */
  rowClasses?: readonly (string | null)[];
  /** The table's id attribute. Default: none. */
  id?: string;
}

/**
 * A table that fits the page column: numbers do not wrap, headers and text cells do.
 */
export function table(headers: readonly Cell[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[] = [], options: TableOptions = {}): Html {
  const cls = (index: number) => (numeric[index] ? html` class="num"` : null);
  const groups = options.groups ? html`<tr>${options.groups.map(([label, span]) => html`<th${span > 1 ? html` colspan="${span}" class="group"` : null}>${label}</th>`)}</tr>` : null;
  const sectionRow = (index: number) =>
    (options.sections ?? []).filter((section) => section.before === index).map((section) => html`<tr class="section"><th colspan="${headers.length}">${section.label}</th></tr>`);
  const rowClass = (index: number) => {
    const name = options.rowClasses?.[index];
    return name ? html` class="${name}"` : null;
  };
  const body = rows.map((row, rowIndex) => html`${sectionRow(rowIndex)}<tr${rowClass(rowIndex)}>${row.map((cell, index) => html`<td${cls(index)}>${cell}</td>`)}</tr>`);
  const classes = options.wide ? html` class="wide"` : null;
  const id = options.id ? html` id="${options.id}"` : null;
  return html`<table${id}${classes}><thead>${groups}<tr>${headers.map((header, index) => html`<th${cls(index)}>${header}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

export function armHeaders(t: T): Html[] {
  return [t("arm_control"), t("arm_intervention")];
}

/** An arm's name in lower case, as it follows a measure's name ("Median varighed (dage), indsats"). */
export function armLower(lang: Lang, arm: Arm): string {
  return text(lang, arm === "control" ? "arm_control" : "arm_intervention").toLowerCase();
}
