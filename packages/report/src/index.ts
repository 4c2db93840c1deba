/**
 * @jobtrial/report: Vega-Lite charts built from results.json, server-side SVG, the
 * static HTML evaluation report and the quarterly note.
 */
export { buildReport, buildQuarterlyNote, QUARTERLY_NOTE_FILE, writeReport, parseResults, parseBusinessCase, readJsonFile, type Report, type ReportFile, type ReportOptions } from "./report.ts";
export { businessCaseView, type BusinessCase, type BusinessCaseYearView, type YearlyAnswerView } from "./business-case.ts";
export { buildCharts, type Chart, type ChartId } from "./chart-specs.ts";
export { buildIndicatorsPage, indicatorChartSpec, type IndicatorsPage, type IndicatorsPageOptions } from "./indicators-page.ts";
export { discloseIndicatorResults } from "./indicators-disclosure.ts";
export { VERDICT_TEXTS } from "./indicators-texts.ts";
export { discloseResults, effectiveMinCellSize, type DisclosedResults, type DisclosureSummary } from "./disclose-results.ts";
export { suppressCells, isSmallCount, type Constraint, type SuppressionOutcome } from "./suppression.ts";
export { findPersonalData, type PersonalDataHit } from "./personal-data.ts";
export { specProblems } from "./validate-spec.ts";
export { renderSvg } from "./render-svg.ts";
export { printPdf, CHROMIUM_PATH, CHROMIUM_ARGS } from "./pdf.ts";
export { verdictOf, type VerdictCode } from "./verdict.ts";
export { allocationAlerts } from "./html.ts";
export { texts, text, type TextKey } from "./texts.ts";
export { formatNumber, formatDkk, formatDate, formatPercent, formatInterval, type Lang } from "./format.ts";
export { ReportError, reportMessage, type ReportIssue, type ReportIssueCode } from "./messages.ts";
