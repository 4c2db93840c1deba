/**
 * @jobtrial/analyze: the trial evaluation (outcome data, spells, every measure, results.json),
 * the simulator with its known truth, and power.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { type SpellRulesInput } from "./evaluation/derive-spells.ts";
export { diagnoseDesign } from "./evaluation/design-diagnosis.ts";
export { evaluateTrial, EvaluationError } from "./evaluation/evaluate-trial.ts";
export { evaluationDataFromSimulation } from "./evaluation/from-simulation.ts";
export { loadEvaluationInputs } from "./evaluation/load-inputs.ts";
export { estimatePathMeasures, type PathEstimates } from "./evaluation/path-measures.ts";
export { pathNoteText } from "./evaluation/path-messages.ts";
export { outcomeExtractColumns, type OutcomeExtract } from "./evaluation/read-inputs.ts";
export { readBenefitWeekTable } from "./evaluation/read-inputs.ts";
export { parseDateValue, parseWeekValue, readInputTable } from "./evaluation/table.ts";
export { formatEvaluationProblem } from "./evaluation/problems.ts";
export { resultsTables } from "./evaluation/results-tables.ts";
export { aggregatedKmRows, cell as suppressedCount } from "./evaluation/suppress.ts";
export { durationBlocks, type DurationBlocks, type DurationColumns } from "./evaluation/duration.ts";
export { ResultsSchema, type PathNote, type Results } from "./results-schema.ts";
export { type AnalyzeNote } from "./results-schema.ts";
export { analyzeNoteText, type AnalyzeNoteFacts } from "./messages.ts";
export { prepareSimulation } from "./simulate/model.ts";
export { SimulationOptionsError, type SimulationOptions } from "./simulate/options.ts";
export { simulateTrial, simulateWithModel } from "./simulate/simulate-trial.ts";
export { simulateMunicipality, type MunicipalityPlan, type SimulatedMunicipality } from "./simulate/simulate-municipality.ts";
export { writeSimulation } from "./simulate/write-simulation.ts";
export { SimulationTruthSchema, type SimulationTruth } from "./simulate/truth.ts";
export { type PathContrastTruth } from "./simulate/path-truth.ts";
