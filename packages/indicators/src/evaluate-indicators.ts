/**
 * From definitions and data to results, per indicator in named steps:
 *
 * 1. counted rows: the measure's weekly (or monthly) numerators and denominators from the
 *    first week of data to the as-of date, and the distinct persons behind the period so
 *    far (`count-plan.ts`, the seam): in memory from the panel (`measures.ts`,
 *    `evaluateIndicators`), or from an engine's answers (`evaluateCountedIndicators`);
 *    steps 2 to 4 are the same code for both;
 * 2. the period's value so far, with its interval: Wilson for shares (n = full-time
 *    persons for stock shares, spells for the status after end), the weekly counts' mean
 *    ± z·sd/√weeks for events per week, and for stocks and full-time persons a Poisson
 *    interval (the whole population is counted; the interval is the process variation
 *    of a count of that size, not sampling error);
 * 3. the baseline (over a period of the data, or stated) and the change from it with its
 *    interval (Newcombe's hybrid score interval for two shares with counts, otherwise the
 *    two standard errors combined);
 * 4. the target's threshold, the projection to the period's end (`projection.ts`) and the
 *    verdict (`target.ts`).
 *
 * The results are not yet disclosed: small counts are still in them. The report package's
 * `discloseIndicatorResults` applies the minimum cell size before anything is written.
 */
import { fromDayNumber, isoWeekOf, type IsoDate } from "@jobtrial/core";
import { newcombeDifferenceInterval, normalQuantile, wilsonInterval } from "@jobtrial/survival";
import { countingWindow, countsFromAnswer, periodMondays, periodPersonsRange, planIndicatorCounts, type CountingWindow, type IndicatorCountAnswer, type IndicatorCounts } from "./count-plan.ts";
import { isShareMeasure, type Indicator, type IndicatorSpec, type Period } from "./definition.ts";
import { addMonths, countMeasure, fullTimePersons, mondaysBetween, type CountedPoint } from "./measures.ts";
import { membership } from "./population.ts";
import { projectToPeriodEnd } from "./projection.ts";
import type { IndicatorData } from "./read-data.ts";
import type { IndicatorResult, IndicatorResults } from "./results-schema.ts";
import { targetStatement, thresholdOf, verdictOf } from "./target.ts";

const Z95 = normalQuantile(0.975);

export interface EvaluateOptions {
  /** The last day counted: the last complete week up to it. Default: the last week with data */
  asOf?: IsoDate;
  /** Written into the results. */
  toolVersion: string;
  /** Called after each indicator (for progress lines on a large panel). Default: nothing */
  onIndicator?: (done: number, total: number, id: string) => void;
}

interface Aggregate {
  value: number | null;
  interval: { lower: number; upper: number } | null;
  numerator: number | null;
  denominator: number | null;
  persons: number | null;
  /** Points observed in the period. */
  observed: number;
}

function periodMonths(period: Period): string[] {
  const months: string[] = [];
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
}

function isMonthly(indicator: Indicator): boolean {
  return indicator.measure.kind === "statusAfterEnd";
}

/** The labels of a period's points: its weeks, or its months for the status after end. */
function periodLabels(indicator: Indicator, period: Period): string[] {
  return isMonthly(indicator) ? periodMonths(period) : periodMondays(period).map((monday) => isoWeekOf(fromDayNumber(monday)));
}

function unitOf(indicator: Indicator): IndicatorResult["unit"] {
  if (isShareMeasure(indicator.measure.kind)) return "percent";
  return indicator.measure.kind === "weeklyEvents" ? "perWeek" : "persons";
}

function pointValue(point: CountedPoint): number | null {
  if (point.denominator === null) return point.numerator;
  return point.denominator === 0 ? null : (100 * point.numerator) / point.denominator;
}

/**
 * The value of a period from its observed points (steps 2 and 3). `persons`: the distinct
 * persons behind the points, for stocks and stock shares (a baseline's are not reported).
 */
function aggregate(indicator: Indicator, points: readonly CountedPoint[], persons: number | null): Aggregate {
  const observed = points.length;
  const none: Aggregate = { value: null, interval: null, numerator: null, denominator: null, persons: null, observed };
  if (observed === 0) return none;
  const measure = indicator.measure;
  const numerator = points.reduce((sum, point) => sum + point.numerator, 0);
  const denominator = points.reduce((sum, point) => sum + (point.denominator ?? 0), 0);
  switch (measure.kind) {
    case "fullTimePersons":
    case "averageStock": {
      // Full-time persons (each person's weeks in the population / the period's weeks, summed)
      // equal the mean weekly stock over the period's weeks: the same sum counted by week.
      const value = numerator / observed;
      const half = Z95 * Math.sqrt(value);
      return { value, interval: { lower: Math.max(0, value - half), upper: value + half }, numerator: null, denominator: null, persons, observed };
    }
    case "stockShare":
    case "eventShare":
    case "statusAfterEnd": {
      // Stock shares pool person-weeks into full-time persons; the status after end counts spells.
      const scale = measure.kind === "statusAfterEnd" ? 1 : observed;
      const counted = measure.kind === "statusAfterEnd" ? denominator : persons;
      if (denominator === 0) return { ...none, numerator: 0, denominator: 0, persons: counted };
      const interval = wilsonInterval(numerator / scale, denominator / scale);
      return {
        value: (100 * numerator) / denominator,
        interval: interval === null ? null : { lower: 100 * interval.lower, upper: 100 * interval.upper },
        numerator: numerator / scale,
        denominator: denominator / scale,
        persons: counted,
        observed,
      };
    }
    case "weeklyEvents": {
      const value = numerator / observed;
      const variance = observed < 2 ? 0 : points.reduce((sum, point) => sum + (point.numerator - value) ** 2, 0) / (observed - 1);
      const half = Z95 * Math.sqrt(variance / observed);
      return { value, interval: { lower: Math.max(0, value - half), upper: value + half }, numerator: null, denominator: null, persons: numerator, observed };
    }
  }
}

function standardError(aggregate: { interval: { lower: number; upper: number } | null }): number {
  return aggregate.interval === null ? 0 : (aggregate.interval.upper - aggregate.interval.lower) / (2 * Z95);
}

function changeOf(current: Aggregate, baseline: IndicatorResult["baseline"], share: boolean): IndicatorResult["change"] {
  if (current.value === null || baseline === null || baseline.value === null) return null;
  const value = current.value - baseline.value;
  if (share && current.numerator !== null && current.denominator !== null && baseline.numerator !== null && baseline.denominator !== null) {
    const interval = newcombeDifferenceInterval(current.numerator, current.denominator, baseline.numerator, baseline.denominator);
    return { value, interval: interval === null ? null : { lower: 100 * interval.lower, upper: 100 * interval.upper } };
  }
  const half = Z95 * Math.sqrt(standardError(current) ** 2 + standardError(baseline) ** 2);
  return { value, interval: { lower: value - half, upper: value + half } };
}

function baselineOf(indicator: Indicator, counts: IndicatorCounts): IndicatorResult["baseline"] {
  const baseline = indicator.baseline;
  if (baseline === undefined) return null;
  if ("value" in baseline) {
    const withCounts = baseline.numerator !== undefined && baseline.denominator !== undefined;
    const interval = withCounts ? wilsonInterval(baseline.numerator!, baseline.denominator!) : null;
    return {
      value: baseline.value,
      interval: interval === null ? null : { lower: 100 * interval.lower, upper: 100 * interval.upper },
      source: "stated",
      period: null,
      label: baseline.label ?? null,
      numerator: baseline.numerator ?? null,
      denominator: baseline.denominator ?? null,
    };
  }
  const labels = new Set(periodLabels(indicator, baseline.period));
  const found = aggregate(indicator, counts.points.filter((point) => labels.has(point.label)), null);
  return { value: found.value, interval: found.interval, source: "data", period: baseline.period, label: null, numerator: found.numerator, denominator: found.denominator };
}

function distributionOf(indicator: Indicator, counts: IndicatorCounts, labels: ReadonlySet<string>): IndicatorResult["distribution"] {
  const measure = indicator.measure;
  if (measure.kind !== "statusAfterEnd" || counts.statusCounts === null) return null;
  const totals: Record<string, number> = {};
  for (const { month, counts: byStatus } of counts.statusCounts) {
    if (!labels.has(month)) continue;
    for (const [status, count] of Object.entries(byStatus)) totals[status] = (totals[status] ?? 0) + count;
  }
  const all = Object.values(totals).reduce((sum, count) => sum + count, 0);
  const statuses = [...measure.statuses.map((status) => ({ name: status.name, label: status.label }))];
  if (!statuses.some((status) => status.name === "other")) statuses.push({ name: "other", label: { da: "Andet", en: "Other" } });
  return statuses.map((status) => ({
    status: status.name,
    label: status.label,
    count: totals[status.name] ?? 0,
    percent: all === 0 ? null : (100 * (totals[status.name] ?? 0)) / all,
    reference: measure.reference?.[status.name] ?? null,
    success: measure.successStatuses.includes(status.name),
  }));
}

/** Steps 2 to 4 for one indicator, from its counted rows (step 1, by either path). */
function evaluateIndicator(indicator: Indicator, counts: IndicatorCounts, window: CountingWindow): IndicatorResult {
  const { lastMonday, asOf } = window;
  // 2. the period's value so far
  const labels = periodLabels(indicator, indicator.period);
  const labelSet = new Set(labels);
  const inPeriod = counts.points.filter((point) => labelSet.has(point.label));
  const current = aggregate(indicator, inPeriod, counts.periodPersons);
  const measure = indicator.measure;
  const lastDay = fromDayNumber(lastMonday + 6);
  const complete = measure.kind === "statusAfterEnd" ? addMonths(indicator.period.to, measure.months) <= asOf : lastDay >= indicator.period.to;
  // 3. the baseline and the change
  const baseline = baselineOf(indicator, counts);
  const share = isShareMeasure(measure.kind);
  // 4. the target, the projection and the verdict
  const threshold = thresholdOf(indicator.target, baseline?.value ?? null);
  const lastInPeriod = inPeriod.at(-1);
  // The line is fitted to the period's own points once there are 8 of them (a count that starts with the period, such as
  // a new conversation log, would otherwise bend it), before that to the run-up as well.
  const runUp = lastInPeriod === undefined ? [] : inPeriod.length >= 8 ? inPeriod : counts.points.filter((point) => point.start <= lastInPeriod.start);
  const projection =
    complete || current.value === null
      ? null
      : projectToPeriodEnd({
          values: runUp.map(pointValue).filter((value): value is number => value !== null),
          observedInPeriod: current.observed,
          observedValue: current.value,
          periodPoints: labels.length,
          threshold,
        });
  const firstShown = indicator.baseline !== undefined && "period" in indicator.baseline && indicator.baseline.period.from < indicator.period.from ? indicator.baseline.period.from : indicator.period.from;
  const series = counts.points
    // From the baseline (or the period) to the period's end: what comes after the target's period is not its series.
    .filter((point) => labelSet.has(point.label) || (point.start >= firstShown.slice(0, isMonthly(indicator) ? 7 : 10) && point.start <= indicator.period.to))
    .map((point) => ({ label: point.label, start: point.start, value: pointValue(point), numerator: point.numerator, denominator: point.denominator, inPeriod: labelSet.has(point.label) }));
  return {
    id: indicator.id,
    title: indicator.title,
    kind: measure.kind,
    unit: unitOf(indicator),
    period: indicator.period,
    observedThrough: current.observed === 0 ? null : lastDay < indicator.period.to ? lastDay : indicator.period.to,
    complete,
    value: current.value,
    interval: current.interval,
    numerator: current.numerator,
    denominator: current.denominator,
    persons: current.persons,
    baseline,
    target: { ...threshold, statement: { da: targetStatement(indicator.target, unitOf(indicator), "da"), en: targetStatement(indicator.target, unitOf(indicator), "en") } },
    change: changeOf(current, baseline, share),
    projection,
    verdict: verdictOf({ value: current.value, complete, projected: projection?.value ?? null, threshold }),
    series,
    distribution: distributionOf(indicator, counts, labelSet),
  };
}

/** The results' frame around the indicators. */
function resultsOf(spec: IndicatorSpec, window: CountingWindow, indicators: IndicatorResult[], options: EvaluateOptions): IndicatorResults {
  return {
    kind: "jobtrial-indicators",
    project: { id: spec.project.id, title: spec.project.title, municipality: spec.project.municipality ?? null },
    asOf: window.asOf,
    minCellSize: spec.minCellSize,
    suppressedCells: 0,
    tool: { name: "jobtrial", version: options.toolVersion },
    indicators,
  };
}

/**
 * Step 1 in memory: an indicator's counted rows from the panel (`measures.ts`) and the
 * distinct persons behind its period's weeks so far.
 */
export function countIndicatorInMemory(indicator: Indicator, data: IndicatorData, window: CountingWindow): IndicatorCounts {
  const counts = countMeasure(data, indicator.measure, window.firstMonday, window.lastMonday);
  const range = periodPersonsRange(indicator, window);
  const periodPersons = range === null ? null : fullTimePersons(data, membership(data, range.population), mondaysBetween(range.firstMonday, range.lastMonday)).persons;
  return { ...counts, periodPersons };
}

/**
 * Every indicator of `spec` on `data` as of `options.asOf`, counted in memory (not yet
 * disclosed: see the file's comment). With no data at all every indicator has the
 * verdict "no_data".
 */
export function evaluateIndicators(spec: IndicatorSpec, data: IndicatorData, options: EvaluateOptions): IndicatorResults {
  const extent = data.firstMonday === null || data.lastMonday === null ? null : { firstMonday: data.firstMonday, lastMonday: data.lastMonday };
  const window = countingWindow(extent, options.asOf);
  const indicators = spec.indicators.map((indicator, index) => {
    const result = evaluateIndicator(indicator, countIndicatorInMemory(indicator, data, window), window);
    options.onIndicator?.(index + 1, spec.indicators.length, indicator.id);
    return result;
  });
  return resultsOf(spec, window, indicators, options);
}

/**
 * Every indicator of `spec` from an engine's answers (the engine path of issue 16): the
 * window from the data's extent (the first and last Monday with data, null without data)
 * and `options.asOf`; `answers` in the order of `planIndicatorCounts(spec, window)`'s
 * requests. Gives what `evaluateIndicators` gives on the same data.
 */
export function evaluateCountedIndicators(spec: IndicatorSpec, window: CountingWindow, answers: readonly IndicatorCountAnswer[], options: EvaluateOptions): IndicatorResults {
  const planned = planIndicatorCounts(spec, window).length;
  if (answers.length !== planned) throw new Error(`evaluateCountedIndicators: ${answers.length} answers for ${planned} requests`);
  const empty: IndicatorCountAnswer = { weeks: [], ended: [], persons: [] };
  const indicators = spec.indicators.map((indicator, index) => {
    const result = evaluateIndicator(indicator, countsFromAnswer(indicator, window, answers[index] ?? empty), window);
    options.onIndicator?.(index + 1, spec.indicators.length, indicator.id);
    return result;
  });
  return resultsOf(spec, window, indicators, options);
}
