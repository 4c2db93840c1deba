/**
 * The project's own "average duration of completed spells" as results.json publishes it
 * (issue 14, item 4): the arms' means and their difference, without standard error,
 * interval or p-value, labelled as biased towards short spells. While many spells still
 * run, the completed ones are the short ones, and the arm whose citizens leave faster has
 * more of its spells counted; a test on this difference would test the bias as much as the
 * effect. The effect is days saved.
 */
import type { Results } from "../results-schema.ts";

/** The label results.completedSpells carries. */
export const COMPLETED_SPELLS_LABEL = "biased-towards-short-spells" as const;

/**
 * The completed-spell block with the difference as a bare number (control minus intervention) and the label.
 *
 * @example completedSpellsWithoutTest(block).difference // { estimate: 12.3, se: null, lower: null, upper: null, p: null }
 */
export function completedSpellsWithoutTest(block: Results["completedSpells"]): Results["completedSpells"] {
  return { ...block, difference: { estimate: block.difference.estimate, se: null, lower: null, upper: null, p: null }, label: COMPLETED_SPELLS_LABEL };
}
