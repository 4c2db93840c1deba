/**
 * The trial evaluation as one pure function: cohort, spells and the optional
 * conversation log and secondary outcomes in, the results file (ResultsSchema)
 * out. No files, no clock, no randomness of its own: `now`, `seed` and the
 * inputs' hashes are passed in, so `jobtrial analyze`, `jobtrial power` and the
 * validation bench all call the same code.
 *
 * Phases: analysis set (ITT, censoring at the as-of date) -> flow and intake
 * -> allocation and balance -> duration (KM, RMST, days saved, log-rank, Cox,
 * completed spells) -> exit to self-support -> process -> secondary ->
 * subgroups -> precision, monitoring and sensitivity of the primary estimate
 * (primary-checks.ts) -> suppression check -> schema check.
 */
import { configHash, JobtrialError, trialBenefitStates, type TrialConfig } from "@jobtrial/core";
import { analyzeNote } from "../messages.ts";
import { RESULTS_SCHEMA_VERSION, ResultsSchema, type AnalyzeNote, type Results } from "../results-schema.ts";
import { allocationMeasures, intakeCounts } from "./allocation.ts";
import { buildAnalysisSet, type AnalysisRow } from "./analysis-set.ts";
import { balanceTable } from "./balance.ts";
import { benefitPaths } from "./benefit-paths.ts";
import { measureDefinitions } from "./definitions.ts";
import { daysSavedFrom, durationMeasures, restrictedMeanAt, survivalColumns } from "./duration.ts";
import { flowCounts } from "./flow.ts";
import type { CohortMember, ConversationRecord, ScreeningCounts, SecondaryRecord, Spell } from "./model.ts";
import { pathNote } from "./path-messages.ts";
import { pathDefinitions, pathMeasures, pathsInArm } from "./path-measures.ts";
import { completedSpellsWithoutTest } from "./completed-spells.ts";
import { primaryChecks } from "./primary-checks.ts";
import { processMeasures } from "./process.ts";
import type { BenefitWeek } from "./read-inputs.ts";
import { secondaryMeasures } from "./secondary.ts";
import { selfSupportMeasures } from "./self-support.ts";
import { aggregatedKmRows } from "./suppress.ts";
import { DEFAULT_SUBGROUPS, subgroupAnalyses } from "./subgroups.ts";
import { summarize } from "./two-group.ts";

export interface EvaluateTrialInput {
  config: TrialConfig;
  cohort: readonly CohortMember[];
  spells: readonly Spell[];
  /**
   * The weekly benefit panel: with it days saved is the days on A-dagpenge with re-entries
   * (path measures and expenditure); null or absent: days to the first exit, with a note.
   */
  benefitWeeks?: readonly BenefitWeek[] | null;
  /** The conversation log; null or absent: no process block. */
  conversations?: readonly ConversationRecord[] | null;
  /** Secondary outcomes; null or absent: no secondary block. */
  secondary?: readonly SecondaryRecord[] | null;
  /** Screening counts from the register's batch records; null: unknown (null in the flow). */
  screening?: ScreeningCounts | null;
  /** Data extraction date: the first day not observed. Default: config.evaluation.date */
  asOf?: string;
  /** Seed of every random step (recorded; the estimators used here draw nothing). */
  seed: number;
  /** The clock, for `generatedAt`. */
  now: Date;
  toolVersion: string;
  /** Names, hashes and row counts of the input files. Default: [] */
  inputs?: Results["inputs"];
  /** Cohort covariate columns to add as subgroup variables. Default: [] */
  subgroupCovariates?: readonly string[];
  /** Notes from reading the inputs (rows outside the cohort, ...), copied to `notes` and `warnings`; a plain text is a note of code "text". Default: [] */
  readerNotes?: readonly (string | AnalyzeNote)[];
}

export type EvaluationErrorCode = "arm_too_few_analysed" | "no_exit_yet" | "arm_without_paths";

/** A problem with the data that makes an evaluation impossible (for example an arm with nobody analysed); `messageIn(lang)` words it, `message` is English. */
export class EvaluationError extends JobtrialError {
  override name = "EvaluationError";
  declare readonly code: EvaluationErrorCode;
  constructor(code: EvaluationErrorCode, fields: { arm?: "control" | "intervention"; analysed?: number; asOf: string }) {
    super(code, fields, (lang) => evaluationErrorMessage(code, fields, lang));
  }
}

function evaluationErrorMessage(code: EvaluationErrorCode, fields: { arm?: "control" | "intervention"; analysed?: number; asOf: string }, lang: "da" | "en"): string {
  const da = lang === "da";
  const arm = da ? (fields.arm === "control" ? "kontrolgruppen" : "indsatsgruppen") : `the ${fields.arm} arm`;
  switch (code) {
    case "arm_too_few_analysed":
      return da
        ? `${arm} har ${fields.analysed} analyserede borgere pr. ${fields.asOf}; der skal mindst være 2 (kontroller kohorten, udfaldsfilen og --as-of)`
        : `${arm} has ${fields.analysed} analysed citizen(s) as of ${fields.asOf}; at least 2 are needed (check the cohort, the outcome file and --as-of)`;
    case "no_exit_yet":
      return da ? `intet forløb er afsluttet pr. ${fields.asOf}; der kan ikke estimeres noget endnu` : `no spell has ended by ${fields.asOf}; nothing can be estimated yet`;
    case "arm_without_paths":
      return da
        ? `${arm} har ingen borger med A-dagpenge i ydelsespanelet i ugen for første ledighedsdag eller ugen efter, pr. ${fields.asOf}; kontroller panelet, dets ydelseskoder (benefitStates i konfigurationen) og --as-of`
        : `${arm} has no citizen with A-dagpenge in the benefit panel in the week of the first unemployment day or the next, as of ${fields.asOf}; check the panel, its benefit codes (benefitStates in the configuration) and --as-of`;
  }
}

/** Risk table times: every 4th week up to the primary horizon. */
function riskTableTimes(primaryHorizon: number): number[] {
  const times: number[] = [];
  for (let day = 0; day <= primaryHorizon; day += 28) times.push(day);
  return times;
}

/**
 * Evaluates the trial into a results object that parses with `ResultsSchema`.
 * Throws `EvaluationError` when an arm has fewer than 2 analysed citizens or no exit at all.
 *
 * @example evaluateTrial({ config, cohort, spells, asOf: "2018-03-01", seed: 1, now: new Date(), toolVersion: "0.1.0" }).daysSaved
 */
export function evaluateTrial(input: EvaluateTrialInput): Results {
  const { config } = input;
  const asOf = input.asOf ?? config.evaluation.date;
  const minCellSize = config.disclosure.minCellSize;
  const primaryHorizon = config.evaluation.primaryHorizonDays;
  const set = buildAnalysisSet(input.cohort, input.spells, asOf);
  for (const arm of ["control", "intervention"] as const) {
    const inArm = set.rows.filter((row) => row.arm === arm);
    if (inArm.length < 2) throw new EvaluationError("arm_too_few_analysed", { arm, analysed: inArm.length, asOf });
  }
  if (!set.rows.some((row) => row.event)) throw new EvaluationError("no_exit_yet", { asOf });

  const duration = durationMeasures(set.rows, {
    horizons: [...config.evaluation.horizonsDays, 182, 364],
    primaryHorizon,
    minCellSize,
    riskTableTimes: riskTableTimes(primaryHorizon),
  });
  const allocation = allocationMeasures(input.cohort, config.assignment.rule, minCellSize);
  const curves = { control: duration.kmResult.curves["control"]!, intervention: duration.kmResult.curves["intervention"]! };
  const paths = pathResults(input, asOf, [...config.evaluation.horizonsDays, 182, 364, primaryHorizon]);
  const daysSaved: Results["daysSaved"] = paths.daysSaved ?? { ...duration.daysSaved, measure: "days-to-first-exit" };
  // Precision, monitoring, sensitivity and subgroups follow the primary estimate (primary-estimate.ts); every note is coded (messages.ts).
  const primaryInputs = { config, cohort: input.cohort, spells: input.spells, benefitWeeks: input.benefitWeeks ?? null };
  const checks = primaryChecks(primaryInputs, daysSaved, set.rows, curves, asOf);
  const readerNotes = (input.readerNotes ?? []).map((note): AnalyzeNote => (typeof note === "string" ? { code: "text", message: note } : note));
  const notes = [...readerNotes, ...duration.notes, ...checks.notes.map(analyzeNote)];
  const results: Results = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: "jobtrial", version: input.toolVersion },
    generatedAt: input.now.toISOString(),
    trial: { id: config.id, name: config.name, configHash: configHash(config), evaluationDate: config.evaluation.date },
    asOf,
    seed: input.seed,
    inputs: input.inputs ?? [],
    config,
    minCellSize,
    definitions: { ...measureDefinitions(config, asOf, minCellSize), ...pathDefinitions(config, paths.paths !== null) },
    flow: flowCounts(set, input.screening ?? null, minCellSize),
    intake: intakeCounts(input.cohort, minCellSize),
    allocation,
    balance: balanceTable(input.cohort, minCellSize),
    km: { control: aggregatedKmRows(curves.control, minCellSize), intervention: aggregatedKmRows(curves.intervention, minCellSize) },
    duration: duration.duration,
    daysSaved,
    daysToFirstExit: duration.daysSaved,
    paths: paths.paths,
    expenditure: paths.expenditure,
    pathNotes: paths.notes,
    completedSpells: completedSpellsWithoutTest(duration.completedSpells),
    selfSupport: selfSupportMeasures(set.rows, asOf, minCellSize),
    process: input.conversations ? processMeasures(set.rows, input.conversations, config) : null,
    secondary: input.secondary ? secondaryMeasures(set.rows, input.secondary, minCellSize) : null,
    subgroups: subgroupAnalyses(checks.data, [...DEFAULT_SUBGROUPS, ...(input.subgroupCovariates ?? [])], primaryHorizon, minCellSize),
    precision: checks.precision,
    unknown: unknownCounts(input),
    warnings: notes.map((note) => note.message),
    notes,
    monitoring: checks.monitoring,
    sensitivity: checks.sensitivity,
  };
  assertNoPseudonyms(results, input.cohort);
  const parsed = ResultsSchema.safeParse(results);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`internal: the results do not match ResultsSchema at ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * The path measures of results.json: with the weekly benefit panel, days saved on
 * A-dagpenge (re-entries counted), the paths block and the expenditure; without it
 * nulls and the note saying what cannot be estimated. Throws `EvaluationError` when the
 * panel gives an arm no path.
 */
function pathResults(input: EvaluateTrialInput, asOf: string, taus: readonly number[]): { daysSaved: Results["daysSaved"] | null; paths: Results["paths"]; expenditure: Results["expenditure"]; notes: NonNullable<Results["pathNotes"]> } {
  if (!input.benefitWeeks) return { daysSaved: null, paths: null, expenditure: null, notes: [pathNote({ code: "no-benefit-panel" })] };
  const { config } = input;
  const set = benefitPaths(input.benefitWeeks, input.cohort, asOf, trialBenefitStates(config));
  for (const arm of ["control", "intervention"] as const) {
    if (pathsInArm(set, arm) === 0) throw new EvaluationError("arm_without_paths", { arm, asOf });
  }
  const measures = pathMeasures(set, config, { taus, primaryTau: config.evaluation.primaryHorizonDays, minCellSize: config.disclosure.minCellSize });
  return { daysSaved: measures.daysSaved, paths: measures.paths, expenditure: measures.expenditure, notes: measures.notes };
}

/**
 * The counts that are null because the input did not carry them (results' `unknown`):
 * the screening counts without the register's batch records, and the heaping counts
 * of an arm where no member's birthdate flags are known.
 */
function unknownCounts(input: EvaluateTrialInput): string[] {
  const unknown = input.screening ? [] : ["flow.screened", "flow.ineligible", "flow.invalid"];
  for (const arm of ["control", "intervention"] as const) {
    const inArm = input.cohort.filter((member) => !member.voided && member.arm === arm);
    if (inArm.every((member) => member.bornFirstOfMonth === null)) unknown.push(`allocation.heaping.bornFirstOfMonth.${arm}`);
    if (inArm.every((member) => member.bornFirstJanuary === null)) unknown.push(`allocation.heaping.bornFirstJanuary.${arm}`);
    if (inArm.every((member) => member.replacementNumber === null)) unknown.push(`allocation.heaping.replacementNumbers.${arm}`);
  }
  return unknown;
}

/** Throws (our bug) if any string in the results is a pseudonym of the cohort. */
function assertNoPseudonyms(results: Results, cohort: readonly CohortMember[]): void {
  const pseudonyms = new Set(cohort.map((member) => member.pseudonym));
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (pseudonyms.has(value)) throw new Error("internal: a pseudonym reached the results");
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") for (const [key, entry] of Object.entries(value)) {
      if (pseudonyms.has(key)) throw new Error("internal: a pseudonym reached the results");
      visit(entry);
    }
  };
  visit(results);
}

/** The primary estimate and the naive one, fast (for power simulations and the validation bench). */
export interface DaysSavedEstimates {
  daysSaved: Results["daysSaved"];
  /** Control minus intervention mean of completed spells (the project's wording), null when an arm has none. */
  naiveCompletedDifference: number | null;
  analysed: number;
}

/** Days saved at tau and the naive completed-spell difference, without the rest of the evaluation. */
export function estimateDaysSaved(cohort: readonly CohortMember[], spells: readonly Spell[], asOf: string, tau: number): DaysSavedEstimates {
  const set = buildAnalysisSet(cohort, spells, asOf);
  const daysSaved = daysSavedFrom(restrictedMeanAt(survivalColumns(set.rows), tau), tau);
  const completed = (arm: AnalysisRow["arm"]) => summarize(set.rows.filter((row) => row.arm === arm && row.event).map((row) => row.time)).mean;
  const control = completed("control");
  const intervention = completed("intervention");
  return { daysSaved, naiveCompletedDifference: control === null || intervention === null ? null : control - intervention, analysed: set.rows.length };
}
