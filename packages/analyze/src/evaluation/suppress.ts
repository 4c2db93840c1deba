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
