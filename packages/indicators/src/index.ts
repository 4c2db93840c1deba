/**
 * @jobtrial/indicators: indicators and targets for projects without a control group.
 * Definitions (zod), the jobindsats measures from the weekly benefit panel and event logs,
 * baselines, changes, projections and verdicts, and the simulated example projects.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { IndicatorSpecSchema, isShareMeasure, type Indicator, type IndicatorSpec, type IndicatorSpecInput, type Measure } from "./definition.ts";
export { countingWindow, planIndicatorCounts, type CountingWindow, type IndicatorCountAnswer, type IndicatorCountRequest } from "./count-plan.ts";
export { evaluateCountedIndicators, evaluateIndicators, type EvaluateOptions } from "./evaluate-indicators.ts";
export { IndicatorsError, indicatorsMessage, type IndicatorProblem, type IndicatorsIssue, type WordedProblem } from "./messages.ts";
export { BENEFIT_PERIODS_FILE, BENEFIT_WEEKS_FILE, EVENTS_FILE, INDICATOR_COLUMNS, PERSONS_FILE, readIndicatorData, type IndicatorData } from "./read-data.ts";
export { IndicatorResultsSchema, VERDICTS, type IndicatorResult, type IndicatorResults, type SeriesPoint, type Verdict } from "./results-schema.ts";
export { loadIndicatorSpec, parseIndicatorSpec } from "./spec-file.ts";
