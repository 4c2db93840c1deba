/**
 * Small-cell suppression in the results, not only in reports.
 *
 * Primary: a count below the minimum cell size (config.disclosure.minCellSize,
 * at least 3) becomes null; zero included, because "nobody in this arm" is
 * also a statement about individuals in a small population.
 *
 * Secondary (complementary): within a group of counts whose total is published
 * elsewhere (the weeks of a year, the exclusion reasons of an arm), a single
 * suppressed cell could be recovered by subtraction; then the smallest other
 * cell of the group is suppressed as well.
 */

/** The count, or null when below the minimum cell size. */
export function cell(count: number, minCellSize: number): number | null {
  return count < minCellSize ? null : count;
}

/**
 * Complementary suppression within one group of counts that add up to a
 * published total: primary suppression, then, if exactly one cell is
 * suppressed, the smallest remaining cell too (the first of equals).
 * Indices in `protect` are suppressed as a complement only when no other cell is left.
 */
export function suppressGroup(counts: readonly number[], minCellSize: number, protect: ReadonlySet<number> = new Set()): (number | null)[] {
  const result = counts.map((count) => cell(count, minCellSize));
  const suppressed = result.filter((value) => value === null).length;
  if (suppressed === 1 && counts.length > 1) {
    let best = -1;
    for (const pass of [false, true]) {
      for (let index = 0; index < counts.length; index++) {
        if (result[index] === null || protect.has(index) !== pass) continue;
        if (best === -1 || counts[index]! < counts[best]!) best = index;
      }
      if (best !== -1) break;
    }
    if (best !== -1) result[best] = null;
  }
  return result;
}

/** A share (or mean) computed on a count: null when the count it rests on is suppressed. */
export function guarded<T>(value: T, count: number, minCellSize: number): T | null {
  return count < minCellSize ? null : value;
}
