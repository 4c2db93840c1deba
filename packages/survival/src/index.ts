/**
 * @jobtrial/survival: generic estimators that know nothing of jobcentres: Kaplan-Meier,
 * log-rank, restricted mean survival, Cox, cumulative incidence, two-sample tests,
 * distributions and seeded randomness. Agrees with R survival / estimatr (derivations in docs/methods.md).
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { binomialTestTwoSided } from "./binomial.ts";
export { coxProportionalHazards } from "./cox-model.ts";
export {
  cumulativeIncidence,
  cumulativeIncidenceAt,
  type CumulativeIncidenceCurve,
} from "./cumulative-incidence.ts";
export { meanAndStandardError, meanAndVariance } from "./descriptive.ts";
export { chiSquareSurvival, normalCdf, normalQuantile, normalTwoSidedP } from "./distributions.ts";
export {
  boundaryCrossingProbabilities,
  groupSequentialBoundaries,
  type CrossingProbabilities,
  type GroupSequentialBoundaries,
  type GroupSequentialOptions,
} from "./group-sequential-boundaries.ts";
export { informationFraction } from "./group-sequential-information.ts";
export { repeatedConfidenceIntervals, type LookEstimate, type RepeatedInterval } from "./group-sequential-intervals.ts";
export { GroupSequentialError, groupSequentialMessage, type GroupSequentialIssue } from "./group-sequential-messages.ts";
export { SPENDING_FUNCTIONS, type SpendingFunction } from "./group-sequential-spending.ts";
export { kaplanMeier, type KaplanMeierCurve, type KaplanMeierResult } from "./kaplan-meier.ts";
export { logRank, type LogRankResult } from "./log-rank.ts";
export { AnalyzeError, analyzeMessage, episodeMessage } from "./messages.ts";
export {
  multiStateOccupancy,
  multiStateOccupancyAt,
  type MultiStateOptions,
  type MultiStateResult,
  type StateOccupancyCurve,
  type TimeInState,
} from "./multi-state-occupancy.ts";
export {
  bernoulli,
  categorical,
  exponential,
  forkRandomSource,
  normal,
  poisson,
  randomSource,
  uniformInt,
  type RandomSource,
} from "./random-source.ts";
export { restrictedMeanSurvival } from "./restricted-mean.ts";
export { survivalSummary, type SurvivalSummary } from "./survival-summary.ts";
export { twoProportionsFromCounts } from "./two-proportions.ts";
export { twoSampleSummary, type TwoSampleSummary } from "./two-sample-summary.ts";
export { welchTTest } from "./welch-t-test.ts";
export { newcombeDifferenceInterval, wilsonInterval, type ProportionInterval } from "./wilson-interval.ts";
