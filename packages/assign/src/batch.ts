/**
 * The weekly batch: a validated intake in, assignments appended to the
 * register, a result that says what happened to every row.
 *
 * Every data row of the file gets one result (assigned, already assigned,
 * ineligible, invalid, or a duplicate of an earlier row), in file order, so
 * the staff list can account for each.
 *
 * Phases: validate (done by `readIntakeFile`) -> refuse when any row is
 * invalid (unless `acceptValid`) -> in one BEGIN IMMEDIATE transaction: look
 * for the same file already assigned for the same week (then nothing is
 * written and the original batch's result is rebuilt), classify each citizen
 * (already assigned / ineligible / assigned by the birthdate rule), append
 * the rows and the batch record -> commit.
 *
 * Classification happens inside the transaction, so a second run that waited
 * for the first sees the first's assignments: every citizen once.
 */
import type { TrialConfig } from "@jobtrial/core";
import { formatCpr, type CprFlag } from "./cpr.ts";
import type { IsoWeek } from "@jobtrial/core";
import { danishDate, eligibilityCheck, INELIGIBLE_REASONS, type IneligibleReason } from "./eligibility.ts";
import { intakeProblems, type IntakeRead, type IntakeRecord } from "./intake.ts";
import type { Problem } from "@jobtrial/core";
import {
  appendBatchRecord,
  assignmentHash,
  batchIdFor,
  GENESIS_HASH,
  lastAssignment,
  nextBatchSeq,
  voidedBatchSeqs,
  writeTransaction,
  type BatchRow,
  type Register,
} from "./register.ts";
import { armForBirthDate, type Arm } from "./rule.ts";

export type RowStatus = "assigned" | "already-assigned" | "ineligible" | "invalid" | "duplicate";

export interface BatchRowResult {
  /** 1-based line (CSV) or sheet row (XLSX) of the row. */
  row: number;
  /** Ten digits, or null for an invalid row whose CPR did not parse. */
  cpr: string | null;
  status: RowStatus;
  /** The arm: this batch's for assigned, the first assignment's for already assigned, else null. */
  arm: Arm | null;
  /** For ineligible: the reason code; for invalid: the problem codes joined by ","; else null. */
  reason: string | null;
  /** For already assigned: the week of the first assignment. */
  assignedWeek: IsoWeek | null;
  /** For already assigned: the batch of the first assignment. */
  assignedBatchId: string | null;
  firstUnemploymentDay: string | null;
  industryGroup: string | null;
  flags: CprFlag[];
  /** For a duplicate: the earlier row it repeats, which stands for the citizen; else null. */
  duplicateOf: number | null;
  /** For an invalid row whose CPR did not parse: the cell as written (staff see their own row on their list; never in a message); else null. */
  cprAsWritten: string | null;
  /** The row's cells of the columns passed through to the staff list (`BatchResult.passThroughColumns`). Only the staff list shows them. */
  passThrough: readonly string[];
}

export interface BatchCounts {
  /** Data rows in the file: assigned + already assigned + ineligible + invalid + duplicates collapsed. */
  rows: number;
  assigned: Record<Arm, number>;
  /** Active assignments in the register after this batch, per arm. */
  cumulative: Record<Arm, number>;
  alreadyAssigned: number;
  ineligible: Record<IneligibleReason, number>;
  invalid: number;
  duplicatesCollapsed: number;
  /** Flags among the citizens assigned in this batch. */
  flags: { replacementNumber: number; restoredLeadingZero: number; noModulus11: number };
}

export interface BatchResult {
  /** written: a new batch; unchanged: this file was already assigned for this week; dry-run: nothing written; refused: invalid rows, nothing written. */
  outcome: "written" | "unchanged" | "dry-run" | "refused";
  week: IsoWeek;
  batchId: string | null;
  trialId: string;
  inputName: string;
  inputSha256: string;
  /** When the batch was (or, for a dry run, would be) recorded. */
  createdAt: string;
  /** One per data row of the file, in file order (none when refused). */
  rows: BatchRowResult[];
  counts: BatchCounts;
  /** Header names of the intake columns passed through to the staff list only (neither required nor a declared covariate), in file order. */
  passThroughColumns: string[];
  /** Every problem found in the file (also when `acceptValid` assigned the valid rows). */
  problems: Problem[];
  /** Things staff should know that did not stop the batch, in Danish and English; no CPR numbers. */
  warnings: BatchWarning[];
}

/** A note on a batch in both languages (staff read the Danish; `--lang en` the English). */
export interface BatchWarning {
  da: string;
  en: string;
}

export interface AssignBatchOptions {
  config: TrialConfig;
  /** `configHash(config)`, recorded with the batch. */
  configHash: string;
  /** The ISO week the intake belongs to. */
  week: IsoWeek;
  /** Who ran the batch, recorded with it. */
  operator: string;
  /** The clock. */
  now: Date;
  /** The tool version, recorded with the batch. */
  toolVersion: string;
  /** Assign the valid rows when some are invalid (the invalid ones are reported). Default: false */
  acceptValid?: boolean;
  /** Classify and count but write nothing. Default: false */
  dryRun?: boolean;
  /** Called after every 1,000 rows appended inside the transaction (progress; tests use it to crash mid-batch). */
  onProgress?: (appended: number) => void;
}

function emptyCounts(rows: number): BatchCounts {
  return {
    rows,
    assigned: { intervention: 0, control: 0 },
    cumulative: { intervention: 0, control: 0 },
    alreadyAssigned: 0,
    ineligible: Object.fromEntries(INELIGIBLE_REASONS.map((reason) => [reason, 0])) as Record<IneligibleReason, number>,
    invalid: 0,
    duplicatesCollapsed: 0,
    flags: { replacementNumber: 0, restoredLeadingZero: 0, noModulus11: 0 },
  };
}

interface EarlierRow {
  batch_seq: number;
  week: string;
  arm: Arm;
}

interface Classified {
  rows: BatchRowResult[];
  counts: BatchCounts;
  /** The records to append, in file order (without seq, batch and hashes), and their arms. */
  toAppend: IntakeRecord[];
  toAppendArms: Arm[];
}

/** True when the rows are in ascending row order (what `validateIntakeTable` gives). */
function inRowOrder(items: readonly { row: number }[]): boolean {
  for (let index = 1; index < items.length; index++) if (items[index - 1]!.row > items[index]!.row) return false;
  return true;
}

/** The result of a valid intake row (or of an identical repeat of one, `duplicateOf`). */
function recordResult(
  record: IntakeRecord,
  status: "already-assigned" | "ineligible" | "assigned" | "duplicate",
  arm: Arm | null,
  reason: BatchRowResult["reason"],
  assignedWeek: string | null,
  assignedBatchId: string | null,
  duplicateOf: number | null = null,
): BatchRowResult {
  return {
    row: record.row,
    cpr: record.cpr.digits,
    firstUnemploymentDay: record.firstUnemploymentDay,
    industryGroup: record.industryGroup,
    flags: record.cpr.flags,
    assignedWeek,
    assignedBatchId,
    status,
    arm,
    reason,
    duplicateOf,
    cprAsWritten: null,
    passThrough: record.passThrough,
  };
}

/**
 * Classifies the intake against the register as it stood before batch
 * `asOfBatchSeq` (exclusive), on the day `today`.
 *
 * Speed (a backfill has 300,000 rows): one plain loop and one result object
 * per row built in one go; the results are sorted by row only when the file
 * has invalid or repeated rows.
 */
function classify(register: Register, intake: IntakeRead, config: TrialConfig, asOfBatchSeq: number, today: string): Classified {
  const counts = emptyCounts(intake.rowsRead);
  counts.duplicatesCollapsed = intake.duplicatesCollapsed;
  const voided = voidedBatchSeqs(register, asOfBatchSeq);
  const lookup = register.db.prepare("SELECT batch_seq, week, arm FROM assignments WHERE cpr = ? AND batch_seq < ? ORDER BY seq");
  const eligible = eligibilityCheck(config, today);
  const rule = config.assignment.rule;
  const { records } = intake;
  // A large intake reads the register's active assignments once; a small one looks each citizen up by index.
  let active: Map<string, EarlierRow> | undefined;
  if (records.length > 2000) {
    active = new Map();
    const all = register.db.prepare("SELECT cpr, batch_seq, week, arm FROM assignments WHERE batch_seq < ? ORDER BY seq").all(asOfBatchSeq) as (EarlierRow & { cpr: string })[];
    for (const row of all) if (!voided.has(row.batch_seq) && !active.has(row.cpr)) active.set(row.cpr, row);
  }
  const batchIds = new Map<number, string>();
  const recordResults: BatchRowResult[] = new Array(records.length);
  const toAppend: IntakeRecord[] = [];
  const toAppendArms: Arm[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const digits = record.cpr.digits;
    const earlier = active ? active.get(digits) : (lookup.all(digits, asOfBatchSeq) as EarlierRow[]).find((row) => !voided.has(row.batch_seq));
    if (earlier) {
      counts.alreadyAssigned++;
      let batchId = batchIds.get(earlier.batch_seq);
      if (batchId === undefined) batchIds.set(earlier.batch_seq, (batchId = batchIdFor(earlier.batch_seq)));
      recordResults[index] = recordResult(record, "already-assigned", earlier.arm, null, earlier.week, batchId);
      continue;
    }
    const reason = eligible(record);
    if (reason !== null) {
      counts.ineligible[reason]++;
      recordResults[index] = recordResult(record, "ineligible", null, reason, null, null);
      continue;
    }
    const arm = armForBirthDate(rule, record.cpr.birthDate);
    counts.assigned[arm]++;
    for (const flag of record.cpr.flags) {
      if (flag === "replacement-number") counts.flags.replacementNumber++;
      else if (flag === "restored-leading-zero") counts.flags.restoredLeadingZero++;
      else counts.flags.noModulus11++;
    }
    toAppend.push(record);
    toAppendArms.push(arm);
    recordResults[index] = recordResult(record, "assigned", arm, null, null, null);
  }
  const invalidResults: BatchRowResult[] = intake.invalid.map((invalid) => ({
    row: invalid.row,
    cpr: invalid.cprDigits,
    status: "invalid",
    arm: null,
    reason: [...new Set(invalid.problems.map((item) => item.code))].join(","),
    assignedWeek: null,
    assignedBatchId: null,
    firstUnemploymentDay: invalid.firstUnemploymentDay,
    industryGroup: invalid.industryGroup,
    flags: [],
    duplicateOf: null,
    cprAsWritten: invalid.cprDigits === null ? invalid.cprCell.trim() : null,
    passThrough: invalid.passThrough,
  }));
  counts.invalid += invalidResults.length;
  const duplicateResults = intake.duplicates.map(({ record, firstRow }) => recordResult(record, "duplicate", null, null, null, null, firstRow));
  if (invalidResults.length === 0 && duplicateResults.length === 0 && inRowOrder(recordResults)) return { rows: recordResults, counts, toAppend, toAppendArms };
  // A stable sort: on equal rows (a table problem and a row, never in practice) the valid row's result comes first.
  const rows = [...recordResults, ...invalidResults, ...duplicateResults].sort((a, b) => a.row - b.row);
  return { rows, counts, toAppend, toAppendArms };
}

function cumulative(register: Register, upToBatchSeq: number): Record<Arm, number> {
  const voided = voidedBatchSeqs(register, upToBatchSeq + 1);
  const rows = register.db.prepare("SELECT batch_seq, arm, count(*) AS n FROM assignments WHERE batch_seq <= ? GROUP BY batch_seq, arm").all(upToBatchSeq) as {
    batch_seq: number;
    arm: Arm;
    n: number;
  }[];
  const totals: Record<Arm, number> = { intervention: 0, control: 0 };
  for (const row of rows) if (!voided.has(row.batch_seq)) totals[row.arm] += row.n;
  return totals;
}

/**
 * Runs one weekly batch against an open register. Never writes anything when
 * the intake has a file-level problem, or invalid rows without `acceptValid`
 * (outcome "refused"). Throws RegisterError when the register is busy beyond
 * the busy timeout.
 */
export function assignBatch(register: Register, intake: IntakeRead, options: AssignBatchOptions): BatchResult {
  const { config, week } = options;
  const problems = intakeProblems(intake);
  const base = {
    week,
    trialId: config.id,
    inputName: intake.file,
    inputSha256: intake.sha256,
    passThroughColumns: intake.passThroughColumns,
    problems,
    warnings: [] as BatchWarning[],
  };
  if (intake.fileProblems.length > 0 || (intake.invalid.length > 0 && !options.acceptValid)) {
    const counts = emptyCounts(intake.rowsRead);
    counts.invalid = intake.invalid.length;
    return { ...base, outcome: "refused", batchId: null, createdAt: options.now.toISOString(), rows: [], counts };
  }

  const run = (): BatchResult => {
    const warnings: BatchWarning[] = [];
    const previous = register.db
      .prepare("SELECT * FROM batches WHERE kind = 'assign' AND input_sha256 = ? ORDER BY batch_seq")
      .all(intake.sha256) as BatchRow[];
    const voided = voidedBatchSeqs(register);
    const active = previous.filter((batch) => !voided.has(batch.batch_seq));
    const same = active.find((batch) => batch.week === week && batch.config_hash === options.configHash);
    if (same) {
      // The same file for the same week: rebuild the original result; write nothing.
      const createdAt = same.created_at;
      const classified = classify(register, intake, config, same.batch_seq, danishDate(new Date(createdAt)));
      const stored = register.db.prepare("SELECT count(*) AS n FROM assignments WHERE batch_seq = ?").get(same.batch_seq) as { n: number };
      if (stored.n !== classified.toAppend.length) {
        throw new Error(`internal: batch ${same.batch_id} holds ${stored.n} rows but the same file now gives ${classified.toAppend.length}`);
      }
      classified.counts.cumulative = cumulative(register, same.batch_seq);
      warnings.push({
        da: `filen er allerede tildelt for uge ${week} som batch ${same.batch_id} (${createdAt}); intet er ændret`,
        en: `the file is already assigned for week ${week} as batch ${same.batch_id} (${createdAt}); nothing changed`,
      });
      return { ...base, warnings, outcome: "unchanged", batchId: same.batch_id, createdAt, rows: classified.rows, counts: classified.counts };
    }
    for (const batch of active) {
      if (batch.week !== week) {
        warnings.push({
          da: `den samme fil er allerede tildelt for uge ${batch.week} som batch ${batch.batch_id}; kontroller ugen`,
          en: `the same file is already assigned for week ${batch.week} as batch ${batch.batch_id}; check the week`,
        });
      } else {
        warnings.push({
          da: `den samme fil er allerede tildelt for uge ${week} som batch ${batch.batch_id} med en anden konfiguration`,
          en: `the same file is already assigned for week ${week} as batch ${batch.batch_id} with another configuration`,
        });
      }
    }
    const lastConfig = register.db.prepare("SELECT config_hash FROM batches WHERE kind = 'assign' ORDER BY batch_seq DESC LIMIT 1").get() as { config_hash: string } | undefined;
    if (lastConfig && lastConfig.config_hash !== options.configHash) {
      warnings.push({ da: "forsøgets konfiguration er ændret siden forrige batch", en: "the trial configuration has changed since the previous batch" });
    }

    const batchSeq = nextBatchSeq(register);
    const createdAt = options.now.toISOString();
    const classified = classify(register, intake, config, batchSeq, danishDate(options.now));
    if (options.dryRun) {
      const totals = cumulative(register, batchSeq);
      classified.counts.cumulative = { intervention: totals.intervention + classified.counts.assigned.intervention, control: totals.control + classified.counts.assigned.control };
      return { ...base, warnings, outcome: "dry-run", batchId: null, createdAt, rows: classified.rows, counts: classified.counts };
    }

    const insert = register.db.prepare(
      `INSERT INTO assignments (seq, batch_seq, cpr, birth_date, sex, first_unemployment_day, industry_group, covariates_json, week, arm, flags, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const last = lastAssignment(register);
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const firstSeq = seq + 1;
    const { toAppend, toAppendArms } = classified;
    // Intake records with the same covariate values share one object (see validateIntakeTable): its JSON is made once.
    let covariatesJson = new Map<Record<string, string>, string>();
    const jsonOf = (covariates: Record<string, string>): string => {
      let json = covariatesJson.get(covariates);
      if (json === undefined) {
        if (covariatesJson.size >= 10_000) covariatesJson = new Map();
        covariatesJson.set(covariates, (json = JSON.stringify(covariates)));
      }
      return json;
    };
    const flagsOf = (record: IntakeRecord): string => (record.cpr.flags.length === 0 ? "" : record.cpr.flags.join(","));
    let appended = 0;
    for (let index = 0; index < toAppend.length; index++) {
      const record = toAppend[index]!;
      const { cpr } = record;
      seq++;
      const row = {
        seq,
        batch_seq: batchSeq,
        cpr: cpr.digits,
        birth_date: cpr.birthDate,
        sex: cpr.sex,
        first_unemployment_day: record.firstUnemploymentDay,
        industry_group: record.industryGroup,
        covariates_json: jsonOf(record.covariates),
        week,
        arm: toAppendArms[index]!,
        flags: flagsOf(record),
        prev_hash: prevHash,
      };
      prevHash = assignmentHash(row);
      insert.run(row.seq, row.batch_seq, row.cpr, row.birth_date, row.sex, row.first_unemployment_day, row.industry_group, row.covariates_json, row.week, row.arm, row.flags, row.prev_hash, prevHash);
      appended++;
      if (options.onProgress && appended % 1000 === 0) options.onProgress(appended);
    }
    const counts = classified.counts;
    const record = appendBatchRecord(
      register,
      {
        kind: "assign",
        week,
        trial_id: config.id,
        input_name: intake.file,
        input_sha256: intake.sha256,
        operator: options.operator,
        config_hash: options.configHash,
        tool_version: options.toolVersion,
        created_at: createdAt,
        voids_batch_seq: null,
        reason: null,
        counts_json: JSON.stringify({
          rows: counts.rows,
          assigned: counts.assigned,
          alreadyAssigned: counts.alreadyAssigned,
          ineligible: counts.ineligible,
          invalid: counts.invalid,
          duplicatesCollapsed: counts.duplicatesCollapsed,
          flags: counts.flags,
        }),
        first_seq: appended > 0 ? firstSeq : null,
        last_seq: appended > 0 ? seq : null,
        rows_hash: prevHash,
      },
      batchSeq,
    );
    // The batch's own rows are all active: the register's earlier total plus this batch's (no scan of the rows just appended).
    const before = cumulative(register, batchSeq - 1);
    counts.cumulative = { intervention: before.intervention + counts.assigned.intervention, control: before.control + counts.assigned.control };
    return { ...base, warnings, outcome: "written", batchId: record.batch_id, createdAt, rows: classified.rows, counts };
  };

  if (options.dryRun) {
    // A read transaction is enough and never blocks a writer for long.
    return register.db.transaction(run).deferred();
  }
  return writeTransaction(register, run);
}

/**
 * The machine-readable result printed by `jobtrial assign --json`. It names
 * the columns passed through to the staff list but never holds their cells
 * (names, remarks): those are on the staff list only.
 */
export function batchResultJson(result: BatchResult): unknown {
  return {
    week: result.week,
    batchId: result.batchId,
    outcome: result.outcome,
    input: { name: result.inputName, sha256: result.inputSha256 },
    passThroughColumns: result.passThroughColumns,
    rows: result.rows.map((row) => ({
      row: row.row,
      cpr: row.cpr === null ? null : formatCpr(row.cpr),
      status: row.status,
      arm: row.arm,
      reason: row.reason,
      ...(row.status === "already-assigned" ? { assignedWeek: row.assignedWeek, assignedBatchId: row.assignedBatchId } : {}),
      ...(row.status === "duplicate" ? { duplicateOf: row.duplicateOf } : {}),
      flags: row.flags,
    })),
    counts: result.counts,
    problems: result.problems,
    warnings: result.warnings.map((warning) => warning.da),
  };
}
