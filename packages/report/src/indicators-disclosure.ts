/**
 * Small-cell suppression for the indicators results (issue 16), before anything is
 * written: the results file, its CSV and the page all show the disclosed results only.
 *
 * - An indicator's period value (and baseline) rests on `persons` (distinct persons, or
 *   ended spells, or events): fewer than the minimum hides the value, its interval, its
 *   counts, the change and the projection. A stock or full-time-person value below the
 *   minimum is itself a small count.
 * - A share also hides its value when the part in the state or the part outside it is
 *   small (either gives a few persons away).
 * - The series: each point's numerator (and for shares the part outside the state) is a
 *   cell; the points of the period, and the points before it, are each linked by a known
 *   total, so `suppressCells` adds secondary suppression (primary and secondary as in the
 *   evaluation report).
 * - The status distribution: each status count is a cell, the ended spells their total.
 */
import type { IndicatorResult, IndicatorResults } from "@jobtrial/indicators";
import { isSmallCount, suppressCells, type Constraint } from "./suppression.ts";

function discloseSeries(result: IndicatorResult, minCellSize: number): { series: IndicatorResult["series"]; hidden: number } {
  const share = result.unit === "percent";
  const cells: Record<string, number | null> = {};
  const inPeriod: string[] = [];
  const before: string[] = [];
  result.series.forEach((point, index) => {
    cells[`n${index}`] = point.numerator;
    if (share && point.numerator !== null && point.denominator !== null) cells[`c${index}`] = point.denominator - point.numerator;
    (point.inPeriod ? inPeriod : before).push(String(index));
  });
  const constraints: Constraint[] = [];
  for (const group of [inPeriod, before]) {
    constraints.push({ parts: group.map((index) => `n${index}`) });
    if (share) constraints.push({ parts: group.map((index) => `c${index}`) });
  }
  const outcome = suppressCells(cells, constraints, minCellSize);
  const series = result.series.map((point, index) => {
    const numeratorHidden = outcome.values.get(`n${index}`) === null || (share && outcome.values.get(`c${index}`) === null);
    if (!numeratorHidden) return point;
    const denominator = point.denominator !== null && isSmallCount(point.denominator, minCellSize) ? null : point.denominator;
    return { ...point, value: null, numerator: null, denominator };
  });
  return { series, hidden: outcome.primary.size + outcome.secondary.size };
}

function valueHidden(result: IndicatorResult, minCellSize: number): boolean {
  if (result.persons !== null && isSmallCount(result.persons, minCellSize)) return true;
  if (result.unit === "persons" && result.value !== null && isSmallCount(result.value, minCellSize)) return true;
  if (result.unit === "percent" && result.numerator !== null && result.denominator !== null) {
    return isSmallCount(result.numerator, minCellSize) || isSmallCount(result.denominator - result.numerator, minCellSize);
  }
  return false;
}

function discloseBaseline(baseline: IndicatorResult["baseline"], unit: IndicatorResult["unit"], minCellSize: number): IndicatorResult["baseline"] {
  if (baseline === null || baseline.source === "stated") return baseline;
  const small =
    (unit === "persons" && baseline.value !== null && isSmallCount(baseline.value, minCellSize)) ||
    (unit === "percent" && baseline.numerator !== null && baseline.denominator !== null && (isSmallCount(baseline.numerator, minCellSize) || isSmallCount(baseline.denominator - baseline.numerator, minCellSize)));
  return small ? { ...baseline, value: null, interval: null, numerator: null, denominator: null } : baseline;
}

function discloseDistribution(result: IndicatorResult, minCellSize: number): { distribution: IndicatorResult["distribution"]; hidden: number } {
  if (result.distribution === null) return { distribution: null, hidden: 0 };
  const cells = Object.fromEntries(result.distribution.map((row) => [row.status, row.count]));
  const outcome = suppressCells(cells, [{ parts: result.distribution.map((row) => row.status) }], minCellSize);
  const distribution = result.distribution.map((row) => (outcome.values.get(row.status) === null ? { ...row, count: null, percent: null } : row));
  return { distribution, hidden: outcome.primary.size + outcome.secondary.size };
}

/** The results with every small count hidden; `suppressedCells` counts what was hidden. */
export function discloseIndicatorResults(results: IndicatorResults): IndicatorResults {
  const minCellSize = results.minCellSize;
  let hidden = 0;
  const indicators = results.indicators.map((result) => {
    const series = discloseSeries(result, minCellSize);
    const distribution = discloseDistribution(result, minCellSize);
    hidden += series.hidden + distribution.hidden;
    const baseline = discloseBaseline(result.baseline, result.unit, minCellSize);
    const disclosed: IndicatorResult = { ...result, series: series.series, distribution: distribution.distribution, baseline, change: baseline?.value === null ? null : result.change };
    if (!valueHidden(result, minCellSize)) return disclosed;
    hidden++;
    return { ...disclosed, value: null, interval: null, numerator: null, denominator: null, persons: null, change: null, projection: null };
  });
  return { ...results, suppressedCells: results.suppressedCells + hidden, indicators };
}
