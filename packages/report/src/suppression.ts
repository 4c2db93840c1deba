/**
 * Small-cell suppression with secondary suppression.
 *
 * Primary: a count from 1 to minCellSize - 1 is suppressed (Statistics Denmark: no cell
 * may rest on fewer than 3 observations; the trial's default minimum is 5). A count that
 * arrives already suppressed (null) stays suppressed. Zero is shown: it describes no one.
 *
 * Secondary: cells are linked by additive constraints, total = sum of parts (a flow box
 * and its branches, the weeks of an arm and the arm's total). A constraint where exactly
 * one member is suppressed gives that member away by subtraction, so another shown part
 * is suppressed as well (or, with no part left, the total); this repeats until no
 * constraint has exactly one suppressed member. The partner is never a zero when a
 * non-zero part is left: hiding a zero protects nothing, the hidden sum would still be
 * the small count. Among the non-zero parts it is the smallest that brings the hidden
 * sum to at least the minimum, else the largest. A constraint whose total is not a cell
 * (`total` undefined) has a total that is known anyway, for example because the report
 * shows it elsewhere.
 *
 * Standard practice for tables with margins (Hundepool et al., Statistical Disclosure
 * Control, Wiley 2012, ch. 4); the greedy choice of the smallest partner hides the least
 * information, though it is not guaranteed to be the minimal suppression pattern.
 */

export interface Constraint {
  /** Cell id of the total, or undefined when the total is known from elsewhere. */
  total?: string;
  parts: string[];
}

export interface SuppressionOutcome {
  /** Every cell's value to show: null when suppressed. */
  values: Map<string, number | null>;
  /** Cells suppressed because they are small (or arrived suppressed). */
  primary: Set<string>;
  /** Cells suppressed only so that a primary cell cannot be recovered. */
  secondary: Set<string>;
}

/** True when a count must not be shown on its own. */
export function isSmallCount(value: number | null, minCellSize: number): boolean {
  return value === null || (value > 0 && value < minCellSize);
}

/**
 * Applies primary and secondary suppression to a set of cells linked by constraints.
 * Constraint members that are not cells are ignored.
 *
 * @example
 * suppressCells({ total: 30, a: 3, b: 12, c: 15 }, [{ total: "total", parts: ["a", "b", "c"] }], 5)
 * // values: total 30, a null, b null, c 15; primary {a}; secondary {b}
 */
export function suppressCells(cells: Readonly<Record<string, number | null>>, constraints: readonly Constraint[], minCellSize: number): SuppressionOutcome {
  const values = new Map<string, number | null>();
  const original = new Map<string, number | null>(Object.entries(cells));
  const primary = new Set<string>();
  const secondary = new Set<string>();
  for (const [id, value] of original) {
    if (isSmallCount(value, minCellSize)) {
      primary.add(id);
      values.set(id, null);
    } else values.set(id, value);
  }
  const suppressed = (id: string) => primary.has(id) || secondary.has(id);
  let changed = true;
  while (changed) {
    changed = false;
    for (const constraint of constraints) {
      const parts = constraint.parts.filter((id) => original.has(id));
      const total = constraint.total !== undefined && original.has(constraint.total) ? constraint.total : undefined;
      const members = total === undefined ? parts : [total, ...parts];
      if (members.filter(suppressed).length !== 1) continue;
      const candidates = parts.filter((id) => !suppressed(id));
      // A count that arrived suppressed is at least 1.
      const hiddenSum = members.filter(suppressed).reduce((sum, id) => sum + (original.get(id) ?? 1), 0);
      const partner = complementPartner(candidates, (id) => original.get(id) ?? 0, hiddenSum, minCellSize) ?? (total !== undefined && !suppressed(total) ? total : candidates[0]);
      if (partner === undefined) continue;
      secondary.add(partner);
      values.set(partner, null);
      changed = true;
    }
  }
  return { values, primary, secondary };
}

/**
 * The complementary partner among shown `candidates`: the smallest non-zero one that
 * brings the hidden sum to at least `minCellSize`, else the largest non-zero one;
 * undefined when every candidate is zero (or there is none).
 */
export function complementPartner(candidates: readonly string[], valueOf: (id: string) => number, hiddenSum: number, minCellSize: number): string | undefined {
  const nonZero = candidates.filter((id) => valueOf(id) > 0);
  const enough = nonZero.filter((id) => hiddenSum + valueOf(id) >= minCellSize);
  if (enough.length > 0) return enough.reduce((best, id) => (valueOf(id) < valueOf(best) ? id : best));
  if (nonZero.length > 0) return nonZero.reduce((best, id) => (valueOf(id) > valueOf(best) ? id : best));
  return undefined;
}
