/**
 * @jobtrial/analyze: outcome data, cohort, estimators, trial measures, business case, simulation and power.
 */
export {};
export * from "./results-schema.ts";
// Seeded randomness for everything that draws at random: resampling, the simulator, power.
export { randomSource, forkRandomSource, uniform, uniformInt, bernoulli, normal, exponential, gamma, poisson, categorical, shuffle, type RandomSource, type SeededRandomSource } from "./random-source.ts";
// Survival and two-sample estimators (agree with R survival 3.5-3 / estimatr 1.0.0; see docs/methods.md).
export { AnalyzeError, analyzeMessage, type AnalyzeIssue, type AnalyzeIssueCode } from "./messages.ts";
export { normalCdf, normalQuantile, normalTwoSidedP, studentTCdf, studentTQuantile, studentTTwoSidedP, chiSquareSurvival } from "./distributions.ts";
export { logGamma, regularizedGammaP, regularizedGammaQ, regularizedBeta } from "./special-functions.ts";
export { SurvivalDataSchema, CompetingRisksDataSchema, type SurvivalData, type CompetingRisksData } from "./survival-input.ts";
export { confidenceLimits, ConfTypeSchema, type ConfType, type ConfidenceLimits } from "./confidence-band.ts";
export { kaplanMeier, KaplanMeierOptionsSchema, type KaplanMeierOptions, type KaplanMeierCurve, type KaplanMeierResult } from "./kaplan-meier.ts";
export { survivalMedian, type SurvivalMedian } from "./survival-median.ts";
export { survivalAtTimes, type SurvivalAtTime } from "./survival-at-times.ts";
export { logRank, LogRankOptionsSchema, type LogRankOptions, type LogRankResult } from "./log-rank.ts";
export { restrictedMeanSurvival, RestrictedMeanOptionsSchema, type RestrictedMeanOptions, type RestrictedMeanResult, type RestrictedMeanAtTau, type RestrictedMeanGroup, type RestrictedMeanDifference } from "./restricted-mean.ts";
export { coxProportionalHazards, CoxDataSchema, CoxOptionsSchema, type CoxData, type CoxOptions, type CoxResult, type CoxTerm, type CoxTest } from "./cox-model.ts";
export { cumulativeIncidence, cumulativeIncidenceAt, CumulativeIncidenceOptionsSchema, type CumulativeIncidenceOptions, type CumulativeIncidenceResult, type CumulativeIncidenceCurve, type StateProbabilityCurve, type StateProbabilityAtTime } from "./cumulative-incidence.ts";
export { TwoSampleDataSchema, type TwoSampleData } from "./two-sample-input.ts";
export { welchTTest, WelchOptionsSchema, type WelchOptions, type WelchTTestResult } from "./welch-t-test.ts";
export { differenceInMeans, DifferenceInMeansOptionsSchema, type DifferenceInMeansOptions, type DifferenceInMeansResult } from "./difference-in-means.ts";
export { twoProportions, twoProportionsFromCounts, TwoProportionsOptionsSchema, ProportionCountsSchema, type TwoProportionsOptions, type ProportionCounts, type TwoProportionsResult } from "./two-proportions.ts";
export { permutationTest, PermutationOptionsSchema, type PermutationOptions, type PermutationTestResult } from "./permutation-test.ts";
export { bootstrapInterval, BootstrapOptionsSchema, type BootstrapOptions, type BootstrapIntervalResult } from "./bootstrap-interval.ts";
export { readCsvColumns, type CsvColumnKind, type CsvColumnRequest, type CsvColumns } from "./csv-columns.ts";
export { survivalSummary, SurvivalSummaryDataSchema, SurvivalSummaryOptionsSchema, type SurvivalSummaryData, type SurvivalSummaryOptions, type SurvivalSummary, type SurvivalSummaryReport } from "./survival-summary.ts";
export { twoSampleSummary, TwoSampleSummaryOptionsSchema, type TwoSampleSummaryOptions, type TwoSampleSummary } from "./two-sample-summary.ts";
// Business case: net savings against the budget (see docs/business-case.md).
export { businessCase, type BusinessCaseOptions } from "./business-case/business-case.ts";
export { BusinessCaseResultsInputSchema, parseBusinessCaseResults, type BusinessCaseResultsInput } from "./business-case/results-input.ts";
export { BusinessCaseSchema, BusinessCaseYearSchema, BusinessCaseAssumptionSchema, type BusinessCase, type BusinessCaseYear, type BusinessCaseAssumption, type BusinessCaseScenario } from "./business-case/schema.ts";
export { BusinessCaseError, businessCaseMessage, type BusinessCaseIssue, type BusinessCaseIssueCode } from "./business-case/messages.ts";
export { businessCaseSections, formatBusinessCaseTable, formatKroner, formatDays, formatShare, formatCell, type Section as BusinessCaseSection, type Cell as BusinessCaseCell, type CellKind as BusinessCaseCellKind } from "./business-case/format.ts";
export { weightedSurvivalArea, dailySurvivalAreas } from "./business-case/weighted-area.ts";
// Simulation: seeded synthetic trials with a known truth (see docs/simulation.md).
export { SimulationOptionsSchema, SimulationEffectSchema, SimulationOptionsError, resolveSimulationOptions, type SimulationOptions, type SimulationEffect, type ResolvedSimulationOptions } from "./simulate/options.ts";
export { prepareSimulation, EDUCATIONS, EXIT_STATES, ORIGINS, AGE_BANDS, OUTSIDE_INDUSTRY_GROUPS, type SimulationModel, type ModelCell, type IndustryProfile, type Education, type ExitState } from "./simulate/model.ts";
export { computeTruth, truthOfModel, SimulationTruthSchema, ContrastTruthSchema, SELF_SUPPORT_WEEKS, type SimulationTruth, type ContrastTruth } from "./simulate/truth.ts";
export { simulateTrial, simulateWithModel, intakeWeeks, seasonalFactor, NO_MODULUS_11_COHORTS, type Simulation, type SimulatedCitizen, type SimulatedSpell, type SimulatedBenefitWeek, type SimulatedConversation, type SimulatedSecondary } from "./simulate/simulate-trial.ts";
export { writeSimulation, simulationFiles, type WrittenFile, type WriteSimulationOptions } from "./simulate/write-simulation.ts";
export { INTAKE_HEADER, SPELLS_HEADER, BENEFIT_WEEKS_HEADER, CONVERSATIONS_HEADER, SECONDARY_HEADER, BENEFIT_CODES, CONVERSATION_STATUSES, IntakeFileRowSchema, SpellFileRowSchema, BenefitWeekFileRowSchema, ConversationFileRowSchema, SecondaryFileRowSchema, SIMULATION_FILES, formatSemicolonCsv, parseSemicolonCsv, printCaseSystemDate, type BenefitCode, type ConversationStatus } from "./simulate/formats.ts";
// Trial evaluation: inputs, spells, every measure, results.json, power (see docs/evaluation.md).
export { evaluateTrial, estimateDaysSaved, EvaluationError, type EvaluateTrialInput, type DaysSavedEstimates } from "./evaluation/evaluate-trial.ts";
export { ArmSchema, CohortMemberSchema, SpellSchema, ConversationRecordSchema, ConversationStatusSchema, SecondaryRecordSchema, ScreeningCountsSchema, SELF_SUPPORT, normalizeExitState, type TrialArm, type CohortMember, type Spell, type ConversationRecord, type SecondaryRecord, type ScreeningCounts } from "./evaluation/model.ts";
export { readCohortTable, readSpellTable, readBenefitWeekTable, readConversationTable, readSecondaryTable, type BenefitWeek, type Pseudonymize, type ReadResult } from "./evaluation/read-inputs.ts";
export { parseInputTable, readInputTable, type InputTable, type InputRow } from "./evaluation/table.ts";
export { deriveSpells, SpellRulesSchema, type SpellRules, type SpellRulesInput } from "./evaluation/derive-spells.ts";
export { loadEvaluationInputs, type EvaluationFiles, type LoadedInputs, type LoadResult } from "./evaluation/load-inputs.ts";
export { evaluationProblem, formatEvaluationProblem, EvaluationInputError, type EvaluationProblem, type EvaluationProblemCode } from "./evaluation/problems.ts";
export { buildAnalysisSet, type AnalysisRow, type AnalysisSet } from "./evaluation/analysis-set.ts";
export { evaluationDataFromSimulation, type EvaluationData } from "./evaluation/from-simulation.ts";
export { diagnoseDesign, type DesignDiagnosis, type DesignDiagnosisOptions, type EstimatorDiagnosis } from "./evaluation/design-diagnosis.ts";
export { resultsTables } from "./evaluation/results-tables.ts";
