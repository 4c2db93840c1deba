/**
 * Small-cell suppression in the results, not only in reports.
 *
 * Primary: a count from 1 to minCellSize - 1 (config.disclosure.minCellSize,
 * at least 3) becomes null. Zero is shown: it describes no one, and hiding it
 * would hide exactly the structural zeros a reader needs (the arm that, under
 * the rule, has nobody born on the 1st of a month).
 *
 * Secondary (complementary): within a group of counts whose total is published
 * elsewhere (the weeks of a year, the exclusion reasons of an arm), a single
 * suppressed cell could be recovered by subtraction; then a second cell of the
 * group is suppressed as well. The partner is never a zero (hiding a zero
 * protects nothing: the hidden sum would still be the small count): it is the
 * smallest non-zero cell that brings the hidden sum to at least the minimum,
 * else the largest non-zero cell, and a zero only when no other cell is left.
 */
import type { KaplanMeierCurve } from "@jobtrial/survival";
import type { KmRow } from "../results-schema.ts";

/** True when a count must not be shown: 1 to minCellSize - 1. Zero is shown. */
export function isSmall(count: number, minCellSize: number): boolean {
  return count > 0 && count < minCellSize;
}

/**
 * The count, or null when it is small (1 to minCellSize - 1).
 *
 * @example [0, 1, 4, 5].map((n) => cell(n, 5)) // [0, null, null, 5]
 */
export function cell(count: number, minCellSize: number): number | null {
  return isSmall(count, minCellSize) ? null : count;
}

/**
 * The complementary partner for one suppressed count among `candidates` (indices of
 * shown counts): the smallest non-zero count that brings the hidden sum to at least the
 * minimum, else the largest non-zero count, else the first zero; -1 when there is none.
 */
export function complementOf(counts: readonly number[], suppressedSum: number, candidates: readonly number[], minCellSize: number): number {
  const nonZero = candidates.filter((index) => counts[index]! > 0);
  const enough = nonZero.filter((index) => suppressedSum + counts[index]! >= minCellSize);
  if (enough.length > 0) return enough.reduce((best, index) => (counts[index]! < counts[best]! ? index : best));
  if (nonZero.length > 0) return nonZero.reduce((best, index) => (counts[index]! > counts[best]! ? index : best));
  return candidates[0] ?? -1;
}

/**
 * Complementary suppression within one group of counts that add up to a
 * published total: primary suppression, then, if exactly one cell is
 * suppressed, a partner too (see `complementOf`).
 * Indices in `protect` are suppressed as a complement only when no other cell is left.
 *
 * @example suppressGroup([40, 3, 0, 12], 5) // [40, null, 0, null]
 */
export function suppressGroup(counts: readonly number[], minCellSize: number, protect: ReadonlySet<number> = new Set()): (number | null)[] {
  const result = counts.map((count) => cell(count, minCellSize));
  const suppressed = counts.map((_, index) => index).filter((index) => result[index] === null);
  if (suppressed.length === 1 && counts.length > 1) {
    const suppressedSum = counts[suppressed[0]!]!;
    const shown = counts.map((_, index) => index).filter((index) => result[index] !== null);
    let partner = complementOf(counts, suppressedSum, shown.filter((index) => !protect.has(index)), minCellSize);
    if (partner === -1 || counts[partner] === 0) {
      const fallback = complementOf(counts, suppressedSum, shown.filter((index) => protect.has(index)), minCellSize);
      if (fallback !== -1 && (partner === -1 || counts[fallback]! > 0)) partner = fallback;
    }
    if (partner !== -1) result[partner] = null;
  }
  return result;
}

/** A share (or mean) computed on a count: null when the count it rests on is small. Zero counts have no share to show anyway. */
export function guarded<T>(value: T, count: number, minCellSize: number): T | null {
  return count < minCellSize ? null : value;
}

/**
 * The rows of a Kaplan-Meier curve (R survfit's table) that `aggregatedKmRows` reads: one per time
 * with an exit or a censoring.
 */
export type KmCurveRows = Readonly<Pick<KaplanMeierCurve, "time" | "nRisk" | "nEvent" | "nCensor" | "surv" | "stdErr" | "lower" | "upper">>;

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * A Kaplan-Meier table with its counts aggregated to steps that meet the minimum cell size,
 * so no published count is from 1 to minCellSize - 1 and none can be had by subtraction
 * within the table. Rows are used while at least minCellSize are at risk (the tail after
 * is left out). Consecutive rows are merged until the step has at least minCellSize exits
 * and either no censoring or at least minCellSize censorings; rows left over at the end
 * (too few exits to make a step of their own) join the last step, which ends at the last
 * row used, so the published curve reaches as far as the data do.
 *
 * A step's row carries the number at risk at its first row, the exits and censorings of
 * the whole step (so nRisk of the next step is nRisk - nEvent - nCensor of this one), and
 * the curve and band at its last row. Its time is where the curve drops: the step's exit
 * times averaged with the drops of S as weights, rounded to whole days, so the area under
 * the published step function is the Kaplan-Meier area (the restricted mean) up to the
 * rounding; placed at the step's last time instead, a curve of steps a few days long would
 * overstate the restricted mean by about two days (the bundled trial). When the last step's
 * time is before the last row used, one more row at that row's time repeats the last
 * step's curve and numbers at risk, with no exits or censorings: it says how far the data
 * reach (the business case's horizon needs it) and reveals nothing by subtraction.
 *
 * @example
 * // times 1..4, at risk 20, 18, 15, 12; exits 2, 3, 1, 4; censorings 0, 0, 2, 3 (minimum 5):
 * // step 1 = times 1-2 (5 exits; S drops 0.1 at 1 and 0.15 at 2: time 1.6 -> 2);
 * // step 2 = times 3-4 (5 exits, 5 censored; S drops 0.05 at 3 and 0.23 at 4: time 3.8 -> 4)
 * aggregatedKmRows(curve, 5).map((row) => [row.time, row.nRisk, row.nEvent, row.nCensor]) // [[2, 20, 5, 0], [4, 15, 5, 5]]
 */
export function aggregatedKmRows(curve: KmCurveRows, minCellSize: number): KmRow[] {
  let end = 0;
  while (end < curve.time.length && curve.nRisk[end]! >= minCellSize) end++;
  const steps: { first: number; last: number; events: number; censored: number }[] = [];
  let first = 0;
  let events = 0;
  let censored = 0;
  for (let index = 0; index < end; index++) {
    events += curve.nEvent[index]!;
    censored += curve.nCensor[index]!;
    if (events < minCellSize || isSmall(censored, minCellSize)) continue;
    steps.push({ first, last: index, events, censored });
    first = index + 1;
    events = 0;
    censored = 0;
  }
  if (first < end && steps.length > 0) {
    // The rows left over join the last step, and the step before while its censorings are too few.
    const last = steps.pop()!;
    let merged = { first: last.first, last: end - 1, events: last.events + events, censored: last.censored + censored };
    while (isSmall(merged.censored, minCellSize) && steps.length > 0) {
      const before = steps.pop()!;
      merged = { first: before.first, last: merged.last, events: before.events + merged.events, censored: before.censored + merged.censored };
    }
    if (!isSmall(merged.censored, minCellSize)) steps.push(merged);
  }
  const rows: KmRow[] = steps.map((step) => ({
    time: dropWeightedTime(curve, step.first, step.last),
    nRisk: curve.nRisk[step.first]!,
    nEvent: step.events,
    nCensor: step.censored,
    surv: curve.surv[step.last]!,
    stdErr: finiteOrNull(curve.stdErr[step.last]),
    lower: finiteOrNull(curve.lower[step.last]),
    upper: finiteOrNull(curve.upper[step.last]),
  }));
  const final = rows[rows.length - 1];
  const lastTime = curve.time[end - 1];
  // How far the data reach: the last step's curve continued to the last row used, with no exits or censorings of its own.
  if (final !== undefined && lastTime !== undefined && lastTime > final.time) rows.push({ ...final, time: lastTime, nEvent: 0, nCensor: 0 });
  return rows;
}

/** The exit times of rows first..last averaged with the drops of S as weights, rounded to whole days. */
function dropWeightedTime(curve: KmCurveRows, first: number, last: number): number {
  let weighted = 0;
  let drop = 0;
  for (let index = first; index <= last; index++) {
    const before = index === 0 ? 1 : curve.surv[index - 1]!;
    const fall = before - curve.surv[index]!;
    weighted += fall * curve.time[index]!;
    drop += fall;
  }
  return drop > 0 ? Math.round(weighted / drop) : curve.time[last]!;
}

/**
 * The indices of a cumulative-incidence curve to publish for one exit state: the times at
 * which the exits to that state since the last published point reach minCellSize, while
 * at least minCellSize are at risk; so every step of the published curve rests on at least
 * that many exits.
 *
 * @example cumulativeIncidenceSteps([4, 1, 3, 0, 6], [30, 26, 25, 22, 20], 5) // [1, 4]
 */
export function cumulativeIncidenceSteps(exits: readonly number[], nRisk: readonly number[], minCellSize: number): number[] {
  const published: number[] = [];
  let since = 0;
  for (let index = 0; index < exits.length; index++) {
    if (nRisk[index]! < minCellSize) break;
    since += exits[index]!;
    if (since >= minCellSize) {
      published.push(index);
      since = 0;
    }
  }
  return published;
}
