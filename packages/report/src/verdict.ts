/**
 * The plain-language verdict on page one: which of a few fixed sentences fits the
 * measured days saved, its 95 % interval, the expectation and the minimum detectable
 * effect. The rules, in order:
 *
 * 1. no estimate or interval                                  -> "noData"
 * 2. upper < 0 (the intervention lengthens unemployment)       -> "harmful"
 * 3. lower > 0 and lower >= expected                           -> "asExpected"
 * 4. lower > 0 and estimate >= expected                        -> "likelyAsExpected"
 * 5. lower > 0                                                 -> "belowExpectation"
 * 6. the interval includes 0 and MDE > expected (or unknown)   -> "tooEarly"
 * 7. the interval includes 0 and upper < expected              -> "noEffectLikely"
 * 8. otherwise                                                 -> "notShown"
 *
 * "Too early to tell" is only said while the data could not have detected the
 * expected effect; once they could, a null result is reported as such.
 */
import type { Results } from "@jobtrial/analyze";

export type VerdictCode = "noData" | "harmful" | "asExpected" | "likelyAsExpected" | "belowExpectation" | "tooEarly" | "noEffectLikely" | "notShown";

/** Decides the verdict from the results (see the module comment for the rules). */
export function verdictOf(results: Pick<Results, "daysSaved" | "precision">): VerdictCode {
  const { estimate, lower, upper } = results.daysSaved;
  const expected = results.precision.expectedDaysSaved;
  const mde = results.precision.minimumDetectableDaysSaved;
  if (estimate === null || lower === null || upper === null) return "noData";
  if (upper < 0) return "harmful";
  if (lower > 0) {
    if (lower >= expected) return "asExpected";
    if (estimate >= expected) return "likelyAsExpected";
    return "belowExpectation";
  }
  if (mde === null || mde > expected) return "tooEarly";
  if (upper < expected) return "noEffectLikely";
  return "notShown";
}
