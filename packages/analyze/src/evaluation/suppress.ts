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

/** One published step of a Kaplan-Meier table (results' KmRowSchema). */
export interface KmStep {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  surv: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
}

/** The rows of a Kaplan-Meier curve (R survfit's table): one per time with an exit or a censoring. */
export interface KmCurveRows {
  time: readonly number[];
  nRisk: readonly number[];
  nEvent: readonly number[];
  nCensor: readonly number[];
  surv: readonly number[];
  stdErr: readonly number[];
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * A Kaplan-Meier table with its counts aggregated to steps that meet the minimum cell size,
 * so no published count is from 1 to minCellSize - 1 and none can be had by subtraction
 * within the table: consecutive rows are merged until the step has at least minCellSize
 * exits and either no censoring or at least minCellSize censorings. A step's row carries
 * the time and the curve (surv, standard error, band) at its last time, the number at risk
 * at its first time and the exits and censorings of the whole step, so nRisk of the next
 * step is nRisk - nEvent - nCensor of this one. Rows where fewer than minCellSize are at
 * risk are left out (the tail), and so is a last step that never meets the minimum.
 *
 * @example
 * // times 1..4, at risk 20, 18, 15, 12; exits 2, 3, 1, 4; censorings 0, 0, 2, 3 (minimum 5):
 * // steps (1-2] 5 exits, 0 censored; (3-4] 5 exits, 5 censored
 * aggregatedKmRows(curve, 5).map((row) => [row.time, row.nRisk, row.nEvent, row.nCensor]) // [[2, 20, 5, 0], [4, 15, 5, 5]]
 */
export function aggregatedKmRows(curve: KmCurveRows, minCellSize: number): KmStep[] {
  const steps: KmStep[] = [];
  let first = 0;
  let events = 0;
  let censored = 0;
  for (let index = 0; index < curve.time.length; index++) {
    if (index === first && curve.nRisk[index]! < minCellSize) break;
    events += curve.nEvent[index]!;
    censored += curve.nCensor[index]!;
    if (events < minCellSize || isSmall(censored, minCellSize)) continue;
    steps.push({
      time: curve.time[index]!,
      nRisk: curve.nRisk[first]!,
      nEvent: events,
      nCensor: censored,
      surv: curve.surv[index]!,
      stdErr: finiteOrNull(curve.stdErr[index]),
      lower: finiteOrNull(curve.lower[index]),
      upper: finiteOrNull(curve.upper[index]),
    });
    first = index + 1;
    events = 0;
    censored = 0;
  }
  return steps;
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
