/**
 * Reading every input of `jobtrial analyze` from files: the configuration,
 * the cohort (the register's pseudonymized export, or the register itself
 * plus the key), the outcomes (a spell table, or the weekly benefit panel
 * from which spells are derived), the conversation log and the secondary
 * outcomes. Outcome files keyed by CPR are pseudonymized with the key as
 * they are read; the CPR is dropped at once.
 *
 * All problems of all files are collected and returned together (file, row,
 * column, code, message, fix); the caller writes nothing when there are any.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { basename } from "node:path";
import {
  closeRegister,
  exportCohort,
  loadKey,
  openRegister,
  pseudonymFor,
  screeningCounts,
  type PseudonymKey,
} from "@jobtrial/assign";
import { loadTrialConfig, MAX_INPUT_BYTES, readInputBytes, trialBenefitStates, trialCovariates, type TrialConfig } from "@jobtrial/core";
import { analyzeNote } from "../messages.ts";
import type { AnalyzeNote, Results } from "../results-schema.ts";
import { cell } from "./suppress.ts";
import { codeBook, unknownBenefitCodes } from "./benefit-paths.ts";
import { deriveSpells, type SpellRulesInput } from "./derive-spells.ts";
import {
  ScreeningCountsSchema,
  type CohortMember,
  type ConversationRecord,
  type ScreeningCounts,
  type SecondaryRecord,
  type Spell,
} from "./model.ts";
import { evaluationProblem, type EvaluationProblem } from "./problems.ts";
import {
  readBenefitWeekTable,
  readCohortTable,
  readConversationTable,
  readSecondaryTable,
  readSpellTable,
  type BenefitWeek,
  type Pseudonymize,
} from "./read-inputs.ts";
import { type InputTable, readInputTable } from "./table.ts";

export interface EvaluationFiles {
  config: string;
  /** The register's pseudonymized cohort export (CSV). One of cohort or register. */
  cohort?: string | undefined;
  /** The register (SQLite); needs `keyFile`. Gives screening counts and birth-day flags too. */
  register?: string | undefined;
  /** Screening counts written beside the cohort by `register export` (JSON); only with `cohort`. */
  screening?: string | undefined;
  /** Spell table. One of spells or benefitWeeks. */
  spells?: string | undefined;
  benefitWeeks?: string | undefined;
  conversations?: string | undefined;
  secondary?: string | undefined;
  /** Pseudonymization key: needed for the register and for outcome files keyed by CPR. */
  keyFile?: string | undefined;
  /** Rules for deriving spells from the weekly panel. Default: SpellRulesSchema's defaults */
  spellRules?: SpellRulesInput | undefined;
}

export interface LoadedInputs {
  config: TrialConfig;
  cohort: CohortMember[];
  spells: Spell[];
  /** The weekly benefit panel's rows of cohort members; null when no panel was given. */
  benefitWeeks: BenefitWeek[] | null;
  conversations: ConversationRecord[] | null;
  secondary: SecondaryRecord[] | null;
  screening: ScreeningCounts | null;
  inputs: Results["inputs"];
  /** Notes on reading the inputs, coded (messages.ts). */
  notes: AnalyzeNote[];
}

export type LoadResult = { ok: true; value: LoadedInputs } | { ok: false; problems: EvaluationProblem[] };

interface FileBytes {
  bytes: Uint8Array;
  name: string;
  sha256: string;
}

/**
 * Reads an input file whole with core's `readInputBytes`: a file over its
 * limit (`MAX_INPUT_BYTES`, 100 MB) is refused before it is read, so a wrong
 * file never fills the memory. Never throws; a problem names the file.
 */
function readBytes(path: string, problems: EvaluationProblem[]): FileBytes | undefined {
  const name = basename(path);
  const limit = MAX_INPUT_BYTES;
  const read = readInputBytes(path, name, limit);
  if (!read.ok) {
    const { code } = read.problem;
    if (code === "file_too_large") {
      const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
      const size = statSync(path, { throwIfNoEntry: false })?.size ?? limit + 1;
      problems.push(evaluationProblem("file_too_large", { file: name }, { sizeMegabytes: megabytes(Math.max(size, limit + 1)), limitMegabytes: Math.floor(limit / (1024 * 1024)) }));
    } else {
      problems.push(evaluationProblem(code === "file_not_found" ? "file_not_found" : "file_unreadable", { file: name }));
    }
    return undefined;
  }
  return { bytes: read.bytes, name, sha256: createHash("sha256").update(read.bytes).digest("hex") };
}

/** Reads, validates and joins every input; never throws for bad input. */
export function loadEvaluationInputs(files: EvaluationFiles, asOf: string | undefined): LoadResult {
  const problems: EvaluationProblem[] = [];
  const inputs: Results["inputs"] = [];
  const notes: AnalyzeNote[] = [];
  const configBytes = readBytes(files.config, problems);
  const configResult = loadTrialConfig(files.config);
  if (configBytes === undefined) return { ok: false, problems };
  if (!configResult.ok) {
    for (const item of configResult.problems) problems.push({ ...evaluationProblem("config_invalid", { file: configBytes.name, column: item.path }), message: item.message });
    return { ok: false, problems };
  }
  const config = configResult.config;
  inputs.push({ role: "config", name: configBytes.name, sha256: configBytes.sha256, rows: null });

  let key: PseudonymKey | undefined;
  if (files.keyFile !== undefined) {
    try {
      key = loadKey(files.keyFile);
    } catch {
      problems.push(evaluationProblem("key_invalid", { file: basename(files.keyFile) }));
      return { ok: false, problems };
    }
  }
  const pseudonymize: Pseudonymize | undefined = key === undefined ? undefined : (digits) => pseudonymFor(key, digits);

  // The cohort.
  let cohort: CohortMember[] = [];
  let screening: ScreeningCounts | null = null;
  if (files.register !== undefined) {
    const registerBytes = readBytes(files.register, problems);
    if (registerBytes === undefined) return { ok: false, problems };
    if (key === undefined) {
      problems.push(evaluationProblem("cpr_without_key", { file: registerBytes.name }));
      return { ok: false, problems };
    }
    const fromRegister = cohortFromRegister(files.register, key, registerBytes.name, config);
    problems.push(...fromRegister.problems);
    cohort = fromRegister.cohort;
    screening = fromRegister.screening;
    inputs.push({ role: "register", name: registerBytes.name, sha256: registerBytes.sha256, rows: cohort.length });
  } else if (files.cohort !== undefined) {
    const cohortBytes = readBytes(files.cohort, problems);
    if (cohortBytes !== undefined) {
      // Only the declared covariates (the allow-list); a cohort exported before it may hold other intake columns.
      const read = readCohortTable(readInputTable(cohortBytes.bytes, cohortBytes.name), { covariates: trialCovariates(config).map((covariate) => covariate.name) });
      problems.push(...read.problems);
      if (read.leftOutColumns > 0) notes.push(analyzeNote({ code: "columns-left-out", file: cohortBytes.name, columns: read.leftOutColumns }));
      cohort = read.rows;
      inputs.push({ role: "cohort", name: cohortBytes.name, sha256: cohortBytes.sha256, rows: read.rows.length });
    }
    if (files.screening !== undefined) screening = readScreening(files.screening, problems);
  }
  const members = new Set(cohort.map((member) => member.pseudonym));
  const options = { cohort: members, pseudonymize };
  const outside = (count: number, name: string) => {
    if (count > 0) notes.push(analyzeNote({ code: "rows-outside-cohort", file: name, count: cell(count, config.disclosure.minCellSize), minCellSize: config.disclosure.minCellSize }));
  };

  let spells: Spell[] = [];
  let benefitWeeks: BenefitWeek[] | null = null;
  if (files.spells !== undefined) {
    const bytes = readBytes(files.spells, problems);
    if (bytes !== undefined) {
      const read = readSpellTable(readInputTable(bytes.bytes, bytes.name), options);
      problems.push(...read.problems);
      spells = read.rows;
      outside(read.outsideCohort, bytes.name);
      inputs.push({ role: "spells", name: bytes.name, sha256: bytes.sha256, rows: read.rows.length });
    }
  }
  if (files.benefitWeeks !== undefined) {
    const bytes = readBytes(files.benefitWeeks, problems);
    if (bytes !== undefined) {
      const read = readBenefitWeekTable(readInputTable(bytes.bytes, bytes.name), options);
      problems.push(...read.problems);
      // Every code must mean a state (or the end of follow-up) for the paths through benefit states.
      problems.push(...unknownBenefitCodes(read.rows, codeBook(trialBenefitStates(config)), bytes.name, read.codeColumn));
      benefitWeeks = read.rows;
      outside(read.outsideCohort, bytes.name);
      inputs.push({ role: "benefitWeeks", name: bytes.name, sha256: bytes.sha256, rows: read.rows.length });
      // With a spell table too, the first-exit measures use the spell table; the paths always use the panel.
      if (files.spells === undefined) {
        spells = deriveSpells(read.rows, cohort, asOf ?? config.evaluation.date, files.spellRules ?? {});
        notes.push(analyzeNote({ code: "spells-from-panel", file: bytes.name }));
      }
    }
  }
  const optionalTable = <Row>(path: string | undefined, role: "conversations" | "secondary", reader: (table: InputTable) => { rows: Row[]; problems: EvaluationProblem[]; outsideCohort: number }): Row[] | null => {
    if (path === undefined) return null;
    const bytes = readBytes(path, problems);
    if (bytes === undefined) return null;
    const read = reader(readInputTable(bytes.bytes, bytes.name));
    problems.push(...read.problems);
    outside(read.outsideCohort, bytes.name);
    inputs.push({ role, name: bytes.name, sha256: bytes.sha256, rows: read.rows.length });
    return read.rows;
  };
  const conversations = optionalTable(files.conversations, "conversations", (table) => readConversationTable(table, options));
  const secondary = optionalTable(files.secondary, "secondary", (table) => readSecondaryTable(table, options));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { config, cohort, spells, benefitWeeks, conversations, secondary, screening, inputs, notes } };
}

/** The cohort straight from the register, as `register export` writes it, with the batches' screening counts. */
function cohortFromRegister(path: string, key: PseudonymKey, name: string, config: TrialConfig): { cohort: CohortMember[]; screening: ScreeningCounts | null; problems: EvaluationProblem[] } {
  const register = openRegister(path, { readonly: true });
  try {
    const exported = exportCohort(register, key, { covariates: trialCovariates(config) });
    const table: InputTable = {
      file: name,
      header: exported.header,
      rows: exported.rows.map((row, index) => ({ line: index + 2, cells: row.map((value) => String(value)) })),
      problems: [],
    };
    const read = readCohortTable(table);
    return { cohort: read.rows, screening: screeningCounts(register), problems: read.problems };
  } finally {
    closeRegister(register);
  }
}

/** Screening counts from the JSON file `register export` writes beside the cohort. */
function readScreening(path: string, problems: EvaluationProblem[]): ScreeningCounts | null {
  const bytes = readBytes(path, problems);
  if (bytes === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes.bytes));
  } catch {
    problems.push(evaluationProblem("screening_invalid", { file: bytes.name }));
    return null;
  }
  const parsed = ScreeningCountsSchema.safeParse(value);
  if (!parsed.success) {
    problems.push(evaluationProblem("screening_invalid", { file: bytes.name, column: parsed.error.issues[0]?.path.join(".") ?? "" }));
    return null;
  }
  return parsed.data;
}
