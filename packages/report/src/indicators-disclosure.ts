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
 *   cell. The files publish two totals over points: the period's value (its numerator
 *   and denominator are the sums over the period's points) and a baseline measured on
 *   the data (the sums over the baseline period's points), so each is a constraint and
 *   `suppressCells` adds secondary suppression within it (primary and secondary as in the
 *   evaluation report). A hidden cell alone in either group could be worked out by
 *   subtraction; points in neither group are linked by no published total.
 * - The status distribution: each status count is a cell; the ended spells are their
 *   total, and the success statuses sum to the published numerator (the others to the
 *   rest), so both parts are constraints too.
 */
import { addDays } from "@jobtrial/core";
import type { IndicatorResult, IndicatorResults, SeriesPoint } from "@jobtrial/indicators";
import { isSmallCount, suppressCells, type Constraint } from "./suppression.ts";

/** Whether a point (a week from its Monday, a month from its label) lies in a period, by the rule the indicators count periods with: a week by its Thursday. */
function pointInPeriod(point: SeriesPoint, period: { from: string; to: string }): boolean {
  if (/^\d{4}-\d{2}$/.test(point.label)) return point.label >= period.from.slice(0, 7) && point.label <= period.to.slice(0, 7);
  const thursday = addDays(point.start, 3);
  return thursday >= period.from && thursday <= period.to;
}

function discloseSeries(result: IndicatorResult, minCellSize: number): { series: IndicatorResult["series"]; hidden: number } {
  const share = result.unit === "percent";
  const cells: Record<string, number | null> = {};
  result.series.forEach((point, index) => {
    cells[`n${index}`] = point.numerator;
    if (share && point.numerator !== null && point.denominator !== null) cells[`c${index}`] = point.denominator - point.numerator;
  });
  const indices = (keep: (point: SeriesPoint) => boolean) => result.series.flatMap((point, index) => (keep(point) ? [String(index)] : []));
  const groups = [indices((point) => point.inPeriod)];
  const baseline = result.baseline;
  if (baseline !== null && baseline.source === "data" && baseline.period !== null) groups.push(indices((point) => pointInPeriod(point, baseline.period!)));
  const constraints: Constraint[] = [];
  for (const group of groups) {
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
  const statuses = (keep: (row: NonNullable<IndicatorResult["distribution"]>[number]) => boolean) => result.distribution!.filter(keep).map((row) => row.status);
  // The parts before the whole: a partner found within a part also covers the whole.
  const constraints: Constraint[] = [{ parts: statuses((row) => row.success) }, { parts: statuses((row) => !row.success) }, { parts: statuses(() => true) }];
  const outcome = suppressCells(cells, constraints, minCellSize);
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
