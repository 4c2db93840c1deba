/**
 * Phase 6, assemble: the static, self-contained HTML document. Charts are inline SVG;
 * there is no script, no external resource (a Content-Security-Policy forbids any
 * request), print CSS for A4. All markup is written with the `html` template of
 * `html-template.ts`, which escapes every value by construction. Page one is for a committee member: four big numbers and
 * one plain sentence; the statistics follow on later pages.
 */
import { compactDayRanges } from "@jobtrial/assign";
import type { Results } from "@jobtrial/analyze";
import { sensitivityValueLabel, type BusinessCase } from "./business-case.ts";
import { ARMS, countLabel, covariateLabel, isUnknown, subgroupLevelLabel, type Arm } from "./chart-data.ts";
import type { ChartId } from "./chart-specs.ts";
import type { DisclosureSummary } from "./disclose-results.ts";
import { formatDate, formatDkk, formatInterval, formatMillionDkk, formatNumber, formatP, formatPercent, formatSigned, type Lang } from "./format.ts";
import { html, joinHtml, trustedHtml, type Html, type HtmlValue } from "./html-template.ts";
import { isTextKey, municipalityLabel, text, textOr, textParts, weeksLabel, type TextKey } from "./texts.ts";
import { verdictOf } from "./verdict.ts";

export interface RenderedChart {
  id: ChartId;
  title: string;
  svg: string;
}

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

const CSS = html`
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
section.page { break-after: page; }
section { break-inside: auto; }
footer { margin-top: 18pt; font-size: 8.5pt; color: var(--muted); border-top: 0.75pt solid var(--rule); padding-top: 4pt; }
@media print {
  html { background: white; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  nav.toc { display: none; }
}
`;

/**
 * The whole HTML document. Every value goes through the `html` template and is escaped
 * there; the charts' SVG is the only markup passed as trusted.
 */
export function assembleHtml(input: HtmlInput): string {
  const { results, lang } = input;
  const t: T = (key, params) => html`${textParts<HtmlValue>(lang, key, params)}`;
  const date = formatDate(input.now.toISOString(), lang);
  const svgOf = new Map(input.charts.map((chart) => [chart.id, chart]));
  const figure: Figure = (id) => {
    const chart = svgOf.get(id);
    return chart ? html`<figure class="chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${chart.title}">${trustedHtml(scopeSvgIds(chart.svg, id))}</figure>` : "";
  };
  const sections = [
    summarySection(input, t, figure),
    toc(input, t),
    flowSection(t, figure),
    intakeSection(input, t, figure),
    balanceSection(input, t, figure),
    durationSection(input, t, figure),
    selfSupportSection(input, t, figure),
    processSection(input, t, figure),
    subgroupSection(input, t, figure),
    businessCaseSection(input, t, figure),
    precisionSection(input, t),
    methodsSection(input, t),
  ].filter((section): section is Html => section !== null);
  return String(html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="jobtrial ${input.toolVersion}">
<title>${t("documentTitle", { name: results.trial.name })}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${joinHtml(sections, html`\n`)}
<footer>${t("footer", { version: input.toolVersion, date })} · ${results.trial.id} · ${results.trial.configHash.slice(0, 12)}</footer>
</main>
</body>
</html>
`);
}

/** A text of the catalogue as markup: its wording escaped, each parameter escaped unless it is markup. */
type T = (key: TextKey, params?: Readonly<Record<string, HtmlValue>>) => Html;
/** A chart's figure, or nothing when the report has no such chart. */
type Figure = (id: ChartId) => Html | "";

/** A value with the raw number beside it, so tests and readers can check figures against results.json. */
function figureSpan(key: string, value: number | null, shown: string): Html {
  return html`<span data-figure="${key}" data-value="${value === null ? "" : String(value)}">${shown}</span>`;
}

function summarySection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang, businessCase } = input;
  const days = results.daysSaved;
  const expected = results.precision.expectedDaysSaved;
  const verdict = verdictOf(results);
  const decimals1 = (value: number | null) => formatNumber(value, lang, 1);
  const difference =
    days.estimate === null ? "" : text(lang, days.estimate >= 0 ? "differenceShorter" : "differenceLonger", { days: decimals1(Math.abs(days.estimate)) });
  const verdictText = t(`verdict_${verdict}`, { difference, lower: decimals1(days.lower), upper: decimals1(days.upper), expected: decimals1(expected) });
  const precisionSentence =
    verdict === "tooEarly"
      ? results.precision.detectableFrom
        ? t("verdictDetectableFrom", { expected: decimals1(expected), date: formatDate(results.precision.detectableFrom, lang) })
        : t("verdictNotDetectable", { expected: decimals1(expected) })
      : null;
  const years = businessCase?.years ?? [];
  const totalNet = businessCase ? businessCase.total.netSavings : null;
  const from = years[0]?.year;
  const to = years[years.length - 1]?.year;
  const moneySentence =
    businessCase && totalNet !== null && from !== undefined && to !== undefined
      ? totalNet >= 0
        ? t("verdictMoney_positive", { total: formatMillionDkk(totalNet, lang), from, to })
        : t("verdictMoney_negative", { total: formatMillionDkk(Math.abs(totalNet), lang), from, to, breakEven: decimals1(businessCase.breakEvenDaysSaved) })
      : null;
  // The money sentence states its uncertainty, as the days-saved sentence does.
  const totalLower = businessCase?.total.lower ?? null;
  const totalUpper = businessCase?.total.upper ?? null;
  const moneyUncertainty =
    moneySentence !== null && totalLower !== null && totalUpper !== null
      ? t(totalLower < 0 && totalUpper > 0 ? "verdictMoneyUncertain" : "verdictMoneyInterval", { lower: formatMillionDkk(totalLower, lang), upper: formatMillionDkk(totalUpper, lang) })
      : null;

  const analysed = results.flow.analysed;
  const participantsTotal = analysed.control !== null && analysed.intervention !== null ? analysed.control + analysed.intervention : null;
  const at26 = results.selfSupport.at.find((entry) => entry.weeks === 26) ?? results.selfSupport.at[Math.floor(results.selfSupport.at.length / 2)];
  const budgetTotal = results.config.budget.years.reduce((sum, year) => sum + year.dkk, 0);
  const cards = [
    html`<div class="headline" id="head-participants"><div class="label">${t("headParticipants")}</div><div class="value">${figureSpan("participants", participantsTotal, countLabel(participantsTotal, lang, input.disclosure.minCellSize))}</div><div class="detail">${t("headParticipantsDetail", {
      intervention: countLabel(analysed.intervention, lang, input.disclosure.minCellSize),
      control: countLabel(analysed.control, lang, input.disclosure.minCellSize),
    })}</div></div>`,
    html`<div class="headline" id="head-days"><div class="label">${t("headDaysSaved")}</div><div class="value">${figureSpan("daysSaved", days.estimate, decimals1(days.estimate))} <span class="unit">${t("headDaysSavedUnit")}</span></div><div class="detail">${t("headDaysSavedDetail", {
      lower: decimals1(days.lower),
      upper: decimals1(days.upper),
      expected: decimals1(expected),
    })}</div></div>`,
    at26
      ? html`<div class="headline" id="head-self-support"><div class="label">${t("headSelfSupport", { weeks: at26.weeks })}</div><div class="value">${figureSpan("selfSupport.intervention", at26.intervention.estimate, formatPercent(at26.intervention.estimate, lang, 0))}</div><div class="detail">${t("headSelfSupportDetail", {
          intervention: formatPercent(at26.intervention.estimate, lang, 1),
          control: formatPercent(at26.control.estimate, lang, 1),
        })}</div></div>`
      : null,
    businessCase && totalNet !== null && from !== undefined && to !== undefined
      ? html`<div class="headline" id="head-net-savings"><div class="label">${t("headNetSavings", { from, to })}</div><div class="value">${figureSpan("netSavings.total", totalNet, formatMillionDkk(totalNet, lang))}</div><div class="detail">${t("headNetSavingsDetail", {
          perYear: formatMillionDkk(totalNet / years.length, lang),
          expected: formatMillionDkk(results.config.expectations.netSavingsPerYear, lang),
          budget: formatMillionDkk(budgetTotal, lang),
        })}</div></div>`
      : html`<div class="headline" id="head-net-savings"><div class="label">${t("headNetSavings", { from: results.config.expectations.fromYear, to: results.config.expectations.toYear })}</div><div class="detail">${t("headNetSavingsMissing")}</div></div>`,
  ];
  return html`<section class="page" id="summary">
<h1>${t("documentTitle", { name: results.trial.name })}</h1>
<p class="subtitle">${t("subtitle", { municipality: municipalityLabel(results.config.municipality, lang), asOf: formatDate(results.asOf, lang), date: formatDate(input.now.toISOString(), lang) })}</p>
<div class="verdict" data-verdict="${verdict}"><h2>${t("verdictHeading")}</h2><p>${verdictText}</p>${precisionSentence ? html`<p class="secondary">${precisionSentence}</p>` : null}${moneySentence ? html`<p class="secondary">${moneySentence}${moneyUncertainty ? html` ${moneyUncertainty}` : null}</p>` : null}</div>
<div class="headlines">${cards}</div>
${figure("summary-days")}
<p class="note">${t("summaryHowToRead", { expected: decimals1(expected) })}</p>
</section>`;
}

function toc(input: HtmlInput, t: T): Html {
  const entries: [string, TextKey][] = [
    ["flow", "section_flow"],
    ["intake", "section_intake"],
    ["balance", "section_balance"],
    ["duration", "section_duration"],
    ["self-support", "section_selfSupport"],
    ...(input.results.process ? ([["process", "section_process"]] as [string, TextKey][]) : []),
    ...(input.results.subgroups.length > 0 ? ([["subgroups", "section_subgroups"]] as [string, TextKey][]) : []),
    ...(input.businessCase ? ([["business-case", "section_businessCase"]] as [string, TextKey][]) : []),
    ["precision", "section_precision"],
    ["methods", "section_methods"],
  ];
  return html`<nav class="toc"><h2>${t("contents")}</h2><ol>${entries.map(([id, key]) => html`<li><a href="#${id}">${t(key)}</a></li>`)}</ol></nav>`;
}

function flowSection(t: T, figure: Figure): Html {
  return html`<section id="flow"><h2>${t("section_flow")}</h2><p>${t("section_flow_intro")}</p>${figure("flow")}</section>`;
}

/** A table cell or header: text (escaped) or markup. */
type Cell = HtmlValue;

interface TableOptions {
  /** A header row above the column headers: [label, number of columns spanned]. Default: none. */
  groups?: [Cell, number][];
  /** Smaller type and padding, for tables with many columns. Default: false. */
  wide?: boolean;
}

/**
 * A table that fits the page column: numbers do not wrap, headers and text cells do.
 */
function table(headers: readonly Cell[], rows: readonly (readonly Cell[])[], numeric: readonly boolean[] = [], options: TableOptions = {}): Html {
  const cls = (index: number) => (numeric[index] ? html` class="num"` : null);
  const groups = options.groups ? html`<tr>${options.groups.map(([label, span]) => html`<th${span > 1 ? html` colspan="${span}" class="group"` : null}>${label}</th>`)}</tr>` : null;
  return html`<table${options.wide ? html` class="wide"` : null}><thead>${groups}<tr>${headers.map((header, index) => html`<th${cls(index)}>${header}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((cell, index) => html`<td${cls(index)}>${cell}</td>`)}</tr>`)}</tbody></table>`;
}

function armHeaders(t: T): Html[] {
  return [t("arm_control"), t("arm_intervention")];
}

/** An arm's name in lower case, as it follows a measure's name ("Median varighed (dage), indsats"). */
function armLower(lang: Lang, arm: Arm): string {
  return text(lang, arm === "control" ? "arm_control" : "arm_intervention").toLowerCase();
}

function intakeSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const allocation = results.allocation;
  const min = input.disclosure.minCellSize;
  const heaping = allocation.heaping;
  const heapRow = (label: Html, path: string, block: Record<Arm, { n: number | null; share: number | null; expectedShare: number }>): Cell[] => [
    label,
    ...ARMS.map(
      (arm) =>
        `${countLabel(block[arm].n, lang, min, isUnknown(results, `${path}.${arm}`))} (${formatPercent(block[arm].share, lang, 1)}; ${text(lang, "label_expected").toLowerCase()} ${formatPercent(block[arm].expectedShare, lang, 1)})`,
    ),
  ];
  const alertLines = allocationAlerts(input);
  const warnings = alertLines.length > 0 ? html`<h3>${t("allocationWarnings")}</h3><ul>${alertLines.map((line) => html`<li>${line}</li>`)}</ul>` : null;
  return html`<section id="intake"><h2>${t("section_intake")}</h2>
<p>${t("section_intake_intro", { expected: formatPercent(allocation.expectedShare, lang, 1), observed: formatPercent(allocation.observedShare, lang, 1), p: formatP(allocation.binomialP, lang) })}</p>
${figure("intake")}${figure("allocation")}
${table(
  ["", ...armHeaders(t)],
  [
    heapRow(t("m_heapingFirst"), "allocation.heaping.bornFirstOfMonth", heaping.bornFirstOfMonth),
    heapRow(t("m_heapingJanuary"), "allocation.heaping.bornFirstJanuary", heaping.bornFirstJanuary),
    [t("m_replacement"), ...ARMS.map((arm) => countLabel(heaping.replacementNumbers[arm], lang, min, isUnknown(results, `allocation.heaping.replacementNumbers.${arm}`)))],
  ],
  [false, true, true],
)}${warnings}</section>`;
}

/**
 * The allocation warnings in the report's language: from the results' `alerts` when
 * present (a heaping share is taken from the disclosed table, so a suppressed count's
 * share stays hidden), else the English warnings as written (older files).
 */
export function allocationAlerts(input: Pick<HtmlInput, "results" | "lang">): string[] {
  const { results, lang } = input;
  const allocation = results.allocation;
  if (allocation.alerts === undefined) return allocation.warnings;
  return allocation.alerts.map((alert, index) => {
    const arm = alert.arm === undefined ? "" : text(lang, alert.arm === "control" ? "alertArm_control" : "alertArm_intervention");
    const block =
      alert.arm === undefined ? undefined : alert.code === "heaping-first-of-month" ? allocation.heaping.bornFirstOfMonth[alert.arm] : alert.code === "heaping-january-1" ? allocation.heaping.bornFirstJanuary[alert.arm] : undefined;
    const observed = block === undefined ? alert.observed : block.share;
    const params = {
      arm,
      observed: observed === null ? text(lang, "suppressedMark") : formatPercent(observed, lang, 1),
      expected: formatPercent(alert.expected, lang, 1),
      p: formatP(alert.p ?? null, lang),
    };
    const key = `alert_${alert.code}`;
    return isTextKey(key) ? text(lang, key, params) : (allocation.warnings[index] ?? alert.code);
  });
}

function balanceSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const min = input.disclosure.minCellSize;
  const describe = (side: { n: number | null; mean: number | null; sd: number | null }, binary: boolean) =>
    binary ? formatPercent(side.mean, lang, 1) : `${formatNumber(side.mean, lang, 1)} (${formatNumber(side.sd, lang, 1)})`;
  const rows = results.balance.map((row) => [
    covariateLabel(row.covariate, row.level, lang, row.key),
    describe(row.control, row.kind === "binary"),
    countLabel(row.control.n, lang, min),
    describe(row.intervention, row.kind === "binary"),
    countLabel(row.intervention.n, lang, min),
    formatNumber(row.smd, lang, 3),
  ]);
  return html`<section id="balance"><h2>${t("section_balance")}</h2><p>${t("section_balance_intro")}</p>
${table([t("th_covariate"), html`${t("th_mean")} (${t("th_sd")})`, t("th_n"), html`${t("th_mean")} (${t("th_sd")})`, t("th_n"), t("th_smd")], rows, [false, true, true, true, true, true], {
  groups: [["", 1], [t("arm_control"), 2], [t("arm_intervention"), 2], ["", 1]],
  wide: true,
})}
${figure("balance")}</section>`;
}

function durationSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const d = results.duration;
  const n1 = (value: number | null) => formatNumber(value, lang, 1);
  const interval = (lower: number | null, upper: number | null, decimals = 1) => formatInterval(lower, upper, lang, decimals);
  const rows: Cell[][] = [];
  for (const arm of ARMS) rows.push([html`${t("m_median")}, ${armLower(lang, arm)}`, n1(d.median[arm].median), interval(d.median[arm].lower, d.median[arm].upper, 0), ""]);
  for (const rmst of d.rmst) {
    for (const arm of ARMS) {
      const group = rmst.byGroup[arm];
      rows.push([html`${t("m_rmst", { tau: rmst.tau })}, ${armLower(lang, arm)}`, n1(group.rmst), interval(group.rmst - 1.959964 * group.se, group.rmst + 1.959964 * group.se), ""]);
    }
    rows.push([t("m_rmstDifference", { tau: rmst.tau }), formatSigned(rmst.difference.estimate, lang, 1), interval(rmst.difference.lower, rmst.difference.upper), formatP(rmst.difference.p ?? null, lang)]);
  }
  const days = results.daysSaved;
  rows.push([html`<strong>${t("m_daysSaved", { tau: days.tau })}</strong>`, html`<strong>${figureSpan("daysSaved.table", days.estimate, formatSigned(days.estimate, lang, 1))}</strong>`, interval(days.lower, days.upper), formatP(days.p ?? null, lang)]);
  rows.push([t("m_logrank", { chisq: formatNumber(d.logrank.chisq, lang, 2), df: d.logrank.df }), "", "", formatP(d.logrank.p, lang)]);
  if (d.logrankStratified) rows.push([t("m_logrankStratified", { chisq: formatNumber(d.logrankStratified.chisq, lang, 2) }), "", "", formatP(d.logrankStratified.p, lang)]);
  rows.push([t("m_cox", { ties: d.cox.ties }), formatNumber(d.cox.hr, lang, 3), interval(d.cox.lower, d.cox.upper, 3), formatP(d.cox.p, lang)]);
  const completed = results.completedSpells;
  for (const arm of ARMS) rows.push([html`${t("m_completed")}, ${armLower(lang, arm)}`, n1(completed[arm].mean), "", ""]);
  rows.push([t("m_completedDifference"), formatSigned(completed.difference.estimate, lang, 1), interval(completed.difference.lower, completed.difference.upper), formatP(completed.difference.p ?? null, lang)]);
  return html`<section id="duration"><h2>${t("section_duration")}</h2><p>${t("section_duration_intro", { confType: d.confType })}</p>
${figure("km")}
${table([t("th_measure"), t("th_estimate"), t("th_interval"), t("th_p")], rows, [false, true, true, true])}
<p class="note">${t("completedCaveat")}</p></section>`;
}

function selfSupportSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const pct = (value: number | null) => formatPercent(value, lang, 1);
  const ppUnit = lang === "da" ? "pct.-point" : "pp";
  const pp = (value: number | null) => (value === null ? "\u2013" : formatSigned(value * 100, lang, 1));
  const rows = results.selfSupport.at.map((entry) => [
    t("m_selfSupportAt", { weeks: entry.weeks }),
    pct(entry.control.estimate),
    pct(entry.intervention.estimate),
    `${pp(entry.difference.estimate)} ${ppUnit}`,
    `${pp(entry.difference.lower)} ${lang === "da" ? "til" : "to"} ${pp(entry.difference.upper)}`,
    formatP(entry.difference.p ?? null, lang),
  ]);
  return html`<section id="self-support"><h2>${t("section_selfSupport")}</h2><p>${t("section_selfSupport_intro")}</p>
${figure("cif")}
${table([t("th_measure"), ...armHeaders(t), t("th_difference"), t("th_interval"), t("th_p")], rows, [false, true, true, true, true, true])}
${figure("monthly")}<p class="note">${t("def_monthly")}</p></section>`;
}

function processSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { results, lang } = input;
  const process = results.process;
  if (!process) return null;
  const rows = [
    [t("m_planned"), ...ARMS.map((arm) => formatNumber(process.planned[arm], lang))],
    [t("m_perCitizenInProgramme"), ...ARMS.map((arm) => formatNumber(process.perCitizenInProgramme[arm], lang, 1))],
    [t("m_onTimeShare", { tolerance: weeksLabel(process.toleranceWeeks, lang) }), ...ARMS.map((arm) => formatPercent(process.onTimeShare[arm], lang, 1))],
    [t("m_letterShare"), ...ARMS.map((arm) => formatPercent(process.letterShare[arm], lang, 1))],
  ];
  return html`<section id="process"><h2>${t("section_process")}</h2><p>${t("section_process_intro", { intervention: process.planned.intervention, control: process.planned.control, weeks: results.config.protocol.programmeWeeks })}</p>
${figure("process")}
${table([t("th_measure"), ...armHeaders(t)], rows, [false, true, true])}
${figure("advisors")}</section>`;
}

function subgroupSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { results, lang } = input;
  if (results.subgroups.length === 0) return null;
  const interaction = results.subgroups[0]!.interaction;
  // Levels without an estimate have no mark in the forest plot; say which, so none disappears silently.
  const withoutEstimate = results.subgroups.flatMap((subgroup) =>
    subgroup.groups.filter((group) => group.daysSaved === null || group.daysSaved.estimate === null).map((group) => subgroupLevelLabel(lang, subgroup, group.level)),
  );
  const omitted = withoutEstimate.length > 0 ? html`<p class="note">${t("subgroups_withoutEstimate", { levels: withoutEstimate.join("; ") })}</p>` : null;
  return html`<section id="subgroups"><h2>${t("section_subgroups")}</h2><p>${t("section_subgroups_intro", { p: formatP(interaction?.p ?? null, lang) })}</p>${figure("forest")}${omitted}</section>`;
}

function businessCaseSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { businessCase, lang } = input;
  if (!businessCase) return null;
  const dkk = (value: number | null) => formatDkk(value, lang);
  const years = businessCase.years;
  const total = businessCase.total;
  const mio = (value: number) => formatNumber(value / 1e6, lang, 1);
  const interval = (lower: number | null, upper: number | null) => (lower === null || upper === null ? "\u2013" : `${mio(lower)} ${lang === "da" ? "til" : "to"} ${mio(upper)}`);
  const rows: Cell[][] = [
    ...years.map((year) => [String(year.year), dkk(year.cost), dkk(year.grossSavings), figureSpan(`netSavings.${year.year}`, year.netSavings, formatDkk(year.netSavings, lang)), interval(year.lower, year.upper)]),
    [html`<strong>${t("th_total")}</strong>`, dkk(total.cost), dkk(total.grossSavings), html`<strong>${dkk(total.netSavings)}</strong>`, interval(total.lower, total.upper)],
  ];
  const implied: Cell[][] = Object.entries(businessCase.implied).map(([key, value]) => [textOr(lang, `implied_${key}`, key), formatNumber(value, lang, value === null || Number.isInteger(value) ? 0 : 1)]);
  implied.unshift([t("implied_breakEvenDaysSaved"), formatNumber(businessCase.breakEvenDaysSaved, lang, 1)]);
  const sensitivity = businessCase.sensitivity.map((entry) => [
    textOr(lang, `sens_${entry.parameter}`, entry.label),
    sensitivityValueLabel(entry.lowValue, lang),
    dkk(entry.low),
    sensitivityValueLabel(entry.highValue, lang),
    dkk(entry.high),
  ]);
  return html`<section id="business-case"><h2>${t("section_businessCase")}</h2><p>${t("section_businessCase_intro", { breakEven: formatNumber(businessCase.breakEvenDaysSaved, lang, 1) })}</p>
${table([t("th_year"), t("th_cost"), t("th_gross"), t("th_net"), html`${t("th_interval")} (${t("unit_mioDkk")})`], rows, [false, true, true, true, true], { wide: true })}
${figure("net-savings")}${figure("cumulative")}
${figure("tornado")}
${sensitivity.length > 0 ? table([t("axis_assumption"), t("label_low"), t("th_net"), t("label_high"), t("th_net")], sensitivity, [false, true, true, true, true], { wide: true }) : null}
${table([t("th_figure"), t("th_value")], implied, [false, true])}
<p class="note">${t("def_businessCase")}</p></section>`;
}

function precisionSection(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const precision = results.precision;
  const detectable = precision.detectableFrom
    ? t("verdictDetectableFrom", { expected: formatNumber(precision.expectedDaysSaved, lang, 1), date: formatDate(precision.detectableFrom, lang) })
    : (precision.minimumDetectableDaysSaved ?? Infinity) > precision.expectedDaysSaved
      ? t("verdictNotDetectable", { expected: formatNumber(precision.expectedDaysSaved, lang, 1) })
      : null;
  return html`<section id="precision"><h2>${t("section_precision")}</h2>
<p>${t("section_precision_text", {
    asOf: formatDate(results.asOf, lang),
    alpha: formatPercent(precision.alpha, lang, 0),
    power: formatPercent(precision.power, lang, 0),
    mde: figureSpan("mde", precision.minimumDetectableDaysSaved, formatNumber(precision.minimumDetectableDaysSaved, lang, 1)),
    expected: formatNumber(precision.expectedDaysSaved, lang, 1),
  })} ${detectable}</p>
<p class="note">${precisionMethodText(precision, lang)}</p></section>`;
}

function methodsSection(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const config = results.config;
  const definitions: TextKey[] = ["def_duration", "def_daysSaved", "def_selfSupport", "def_monthly", "def_process", "def_balance", "def_precision", "def_businessCase"];
  const references: TextKey[] = ["ref_km", "ref_rmst", "ref_logrank", "ref_cox", "ref_cif", "ref_smd", "ref_welch"];
  const params = { tau: results.daysSaved.tau, tolerance: weeksLabel(config.protocol.onTimeToleranceWeeks, lang), confType: results.duration.confType, method: precisionMethodText(results.precision, lang) };
  const rule = config.assignment.rule;
  const ruleText =
    rule.kind === "day-of-month"
      ? t("cfg_ruleDayOfMonth", { intervention: compactDayRanges(rule.intervention) })
      : rule.kind === "parity"
        ? t("cfg_ruleParity", { parity: rule.intervention })
        : t("cfg_ruleList", { n: rule.intervention.length });
  const configRows: Cell[][] = [
    [t("cfg_rule"), ruleText],
    [t("cfg_period"), `${formatDate(config.projectPeriod.start, lang)} – ${formatDate(config.projectPeriod.end, lang)}`],
    [t("cfg_intakeFrom"), formatDate(config.intake.firstUnemploymentDayFrom, lang)],
    [t("cfg_evaluation"), formatDate(config.evaluation.date, lang)],
    [t("cfg_horizon"), html`${formatNumber(config.evaluation.primaryHorizonDays, lang)} ${t("days")}`],
    [t("cfg_protocol", { weeks: config.protocol.programmeWeeks }), html`${t("arm_intervention")}: ${config.protocol.intervention.map((c) => c.week).join(", ")}; ${t("arm_control")}: ${config.protocol.control.map((c) => c.week).join(", ")}`],
    [t("cfg_budget"), config.budget.years.map((year) => `${year.year}: ${formatDkk(year.dkk, lang)}`).join("; ")],
    [t("cfg_expectation"), t("cfg_expectationValue", { days: formatNumber(config.expectations.daysSaved, lang, 1), net: formatDkk(config.expectations.netSavingsPerYear, lang), from: config.expectations.fromYear, to: config.expectations.toYear })],
    [t("cfg_minCell"), String(input.disclosure.minCellSize)],
    [t("cfg_configHash"), html`<span class="hash">${results.trial.configHash}</span>`],
  ];
  const provenanceRows: Cell[][] = [
    [t("prov_tool"), `jobtrial ${input.toolVersion} (${results.tool.name} ${results.tool.version})`],
    [t("prov_resultsMade"), formatDate(results.generatedAt, lang)],
    [t("prov_reportMade"), formatDate(input.now.toISOString(), lang)],
    [t("prov_asOf"), formatDate(results.asOf, lang)],
    [t("prov_seed"), String(results.seed)],
  ];
  const inputRows: Cell[][] = results.inputs.map((file) => [textOr(lang, `role_${file.role}`, file.role), file.name, formatNumber(file.rows, lang), html`<span class="hash">${file.sha256}</span>`]);
  const resultDefinitions: Cell[][] = resultDefinitionTexts(results, lang).map(({ key, text: definition }) => [html`<code>${key}</code>`, definition]);
  return html`<section id="methods"><h2>${t("section_methods")}</h2>
<h3>${t("methods_definitions")}</h3><ul>${definitions.map((key) => html`<li>${t(key, params)}</li>`)}</ul>
<h3>${t("methods_estimators")}</h3><ul>${references.map((key) => html`<li>${t(key, params)}</li>`)}<li>${t("ref_precision", params)}</li></ul>
${resultDefinitions.length > 0 ? html`<h3>${t("methods_resultsDefinitions")}</h3>${table([t("th_key"), t("th_definition")], resultDefinitions)}` : null}
<h3>${t("methods_configuration")}</h3>${table(["", ""], configRows)}
<h3>${t("methods_provenance")}</h3>${table(["", ""], provenanceRows)}
${table([t("th_role"), t("th_file"), t("th_rows"), t("th_sha256")], inputRows, [false, false, true, false])}
<p class="note">${t("suppressedNote", { max: input.disclosure.minCellSize - 1, secondary: input.disclosure.secondary })}</p>
<p class="note">${t("prov_files")}</p></section>`;
}

/**
 * The results file's definitions (`definitions`, written by analyze in English) in the
 * report's language. A definition is worded from the catalogue (`resultDef_<key>`) only
 * while the catalogue's English, filled with this file's values, is exactly what the file
 * says, so a Danish text never stands for a definition it does not translate; otherwise
 * (a newer or older analyze, a key the catalogue does not know) the file's own words are
 * shown, and `translated` is false. The precision definition is the precision method.
 */
export function resultDefinitionTexts(results: Results, lang: Lang): { key: string; text: string; translated: boolean }[] {
  const config = results.config;
  // English as analyze writes it (plain numbers, ISO date); Danish as the report writes it.
  const valuesIn = (inLang: Lang) => {
    const number = (value: number) => (inLang === "en" ? String(value) : formatNumber(value, inLang));
    const tolerance = config.protocol.onTimeToleranceWeeks;
    return {
      asOf: inLang === "en" ? results.asOf : formatDate(results.asOf, inLang),
      tau: number(config.evaluation.primaryHorizonDays),
      weeks: number(config.protocol.programmeWeeks),
      intervention: number(config.protocol.intervention.length),
      control: number(config.protocol.control.length),
      tolerance: inLang === "en" ? String(tolerance) : weeksLabel(tolerance, inLang),
      minCell: number(results.minCellSize),
      max: number(results.minCellSize - 1),
    };
  };
  return Object.entries(results.definitions).map(([key, written]) => {
    if (key === "precision" && written === results.precision.method) {
      const translated = isTextKey(`precision_method_${results.precision.methodKey}`);
      return { key, text: lang === "en" ? written : precisionMethodText(results.precision, lang), translated };
    }
    const textKey = `resultDef_${key}`;
    if (!isTextKey(textKey) || text("en", textKey, valuesIn("en")) !== written) return { key, text: written, translated: false };
    return { key, text: lang === "en" ? written : text(lang, textKey, valuesIn(lang)), translated: true };
  });
}

/** The precision method in the report's language when the results name a known method; otherwise as written in the results. */
function precisionMethodText(precision: Results["precision"], lang: Lang): string {
  return precision.methodKey === undefined ? precision.method : textOr(lang, `precision_method_${precision.methodKey}`, precision.method);
}
