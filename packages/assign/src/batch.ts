/**
 * The weekly batch: a validated intake in, assignments appended to the
 * register, a result that says what happened to every row.
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
import type { TrialConfig } from "./config.ts";
import { formatCpr, type CprFlag } from "./cpr.ts";
import type { IsoWeek } from "./dates.ts";
import { danishDate, eligibilityCheck, INELIGIBLE_REASONS, type IneligibleReason } from "./eligibility.ts";
import { intakeProblems, type IntakeRead } from "./intake.ts";
import type { Problem } from "./messages.ts";
import {
  appendBatchRecord,
  assignmentHash,
  batchIdFor,
  GENESIS_HASH,
  lastAssignment,
  nextBatchSeq,
  voidedBatchSeqs,
  writeTransaction,
  type AssignmentRow,
  type BatchRow,
  type Register,
} from "./register.ts";
import { armForBirthDate, type Arm } from "./rule.ts";

export type RowStatus = "assigned" | "already-assigned" | "ineligible" | "invalid";

export interface BatchRowResult {
  /** 1-based line (CSV) or sheet row (XLSX) of the citizen's first row. */
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
}

export interface BatchCounts {
  /** Data rows in the file (with duplicates and invalid rows). */
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
  rows: BatchRowResult[];
  counts: BatchCounts;
  /** Every problem found in the file (also when `acceptValid` assigned the valid rows). */
  problems: Problem[];
  /** Things staff should know that did not stop the batch, in Danish; no CPR numbers. */
  warnings: string[];
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
  /** Rows to append, in file order (without seq, batch and hashes). */
  toAppend: { index: number; arm: Arm }[];
}

/**
 * Classifies the intake against the register as it stood before batch
 * `asOfBatchSeq` (exclusive), on the day `today`.
 */
function classify(register: Register, intake: IntakeRead, config: TrialConfig, asOfBatchSeq: number, today: string): Classified {
  const counts = emptyCounts(intake.rowsRead);
  counts.duplicatesCollapsed = intake.duplicatesCollapsed;
  const voided = voidedBatchSeqs(register, asOfBatchSeq);
  const lookup = register.db.prepare("SELECT batch_seq, week, arm FROM assignments WHERE cpr = ? AND batch_seq < ? ORDER BY seq");
  const eligible = eligibilityCheck(config, today);
  const rule = config.assignment.rule;
  // A large intake reads the register's active assignments once; a small one looks each citizen up by index.
  let active: Map<string, EarlierRow> | undefined;
  if (intake.records.length > 2000) {
    active = new Map();
    const all = register.db.prepare("SELECT cpr, batch_seq, week, arm FROM assignments WHERE batch_seq < ? ORDER BY seq").all(asOfBatchSeq) as (EarlierRow & { cpr: string })[];
    for (const row of all) if (!voided.has(row.batch_seq) && !active.has(row.cpr)) active.set(row.cpr, row);
  }
  const results: { row: number; result: BatchRowResult }[] = [];
  const toAppend: Classified["toAppend"] = [];
  intake.records.forEach((record, index) => {
    const base = {
      row: record.row,
      cpr: record.cpr.digits,
      firstUnemploymentDay: record.firstUnemploymentDay,
      industryGroup: record.industryGroup,
      flags: record.cpr.flags,
      assignedWeek: null,
      assignedBatchId: null,
    };
    const earlier = active ? active.get(record.cpr.digits) : (lookup.all(record.cpr.digits, asOfBatchSeq) as EarlierRow[]).find((row) => !voided.has(row.batch_seq));
    if (earlier) {
      counts.alreadyAssigned++;
      results.push({ row: record.row, result: { ...base, status: "already-assigned", arm: earlier.arm, reason: null, assignedWeek: earlier.week, assignedBatchId: batchIdFor(earlier.batch_seq) } });
      return;
    }
    const reason = eligible(record);
    if (reason !== null) {
      counts.ineligible[reason]++;
      results.push({ row: record.row, result: { ...base, status: "ineligible", arm: null, reason } });
      return;
    }
    const arm = armForBirthDate(rule, record.cpr.birthDate);
    counts.assigned[arm]++;
    for (const flag of record.cpr.flags) {
      if (flag === "replacement-number") counts.flags.replacementNumber++;
      else if (flag === "restored-leading-zero") counts.flags.restoredLeadingZero++;
      else counts.flags.noModulus11++;
    }
    toAppend.push({ index, arm });
    results.push({ row: record.row, result: { ...base, status: "assigned", arm, reason: null } });
  });
  for (const invalid of intake.invalid) {
    counts.invalid++;
    results.push({
      row: invalid.row,
      result: {
        row: invalid.row,
        cpr: invalid.cprDigits,
        status: "invalid",
        arm: null,
        reason: [...new Set(invalid.problems.map((item) => item.code))].join(","),
        assignedWeek: null,
        assignedBatchId: null,
        firstUnemploymentDay: null,
        industryGroup: null,
        flags: [],
      },
    });
  }
  results.sort((a, b) => a.row - b.row);
  return { rows: results.map((entry) => entry.result), counts, toAppend };
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
    problems,
    warnings: [] as string[],
  };
  if (intake.fileProblems.length > 0 || (intake.invalid.length > 0 && !options.acceptValid)) {
    const counts = emptyCounts(intake.rowsRead);
    counts.invalid = intake.invalid.length;
    return { ...base, outcome: "refused", batchId: null, createdAt: options.now.toISOString(), rows: [], counts };
  }

  const run = (): BatchResult => {
    const warnings: string[] = [];
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
      warnings.push(`filen er allerede tildelt for uge ${week} som batch ${same.batch_id} (${createdAt}); intet er ændret`);
      return { ...base, warnings, outcome: "unchanged", batchId: same.batch_id, createdAt, rows: classified.rows, counts: classified.counts };
    }
    for (const batch of active) {
      if (batch.week !== week) warnings.push(`den samme fil er allerede tildelt for uge ${batch.week} som batch ${batch.batch_id}; kontroller ugen`);
      else warnings.push(`den samme fil er allerede tildelt for uge ${week} som batch ${batch.batch_id} med en anden konfiguration`);
    }
    const lastConfig = register.db.prepare("SELECT config_hash FROM batches WHERE kind = 'assign' ORDER BY batch_seq DESC LIMIT 1").get() as { config_hash: string } | undefined;
    if (lastConfig && lastConfig.config_hash !== options.configHash) warnings.push("forsøgets konfiguration er ændret siden forrige batch");

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
    let appended = 0;
    for (const { index, arm } of classified.toAppend) {
      const record = intake.records[index]!;
      seq++;
      const row: Omit<AssignmentRow, "hash"> = {
        seq,
        batch_seq: batchSeq,
        cpr: record.cpr.digits,
        birth_date: record.cpr.birthDate,
        sex: record.cpr.sex,
        first_unemployment_day: record.firstUnemploymentDay,
        industry_group: record.industryGroup,
        covariates_json: JSON.stringify(record.covariates),
        week,
        arm,
        flags: record.cpr.flags.join(","),
        prev_hash: prevHash,
      };
      const hash = assignmentHash(row);
      insert.run(row.seq, row.batch_seq, row.cpr, row.birth_date, row.sex, row.first_unemployment_day, row.industry_group, row.covariates_json, row.week, row.arm, row.flags, row.prev_hash, hash);
      prevHash = hash;
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
    counts.cumulative = cumulative(register, batchSeq);
    return { ...base, warnings, outcome: "written", batchId: record.batch_id, createdAt, rows: classified.rows, counts };
  };

  if (options.dryRun) {
    // A read transaction is enough and never blocks a writer for long.
    return register.db.transaction(run).deferred();
  }
  return writeTransaction(register, run);
}

/** The machine-readable result printed by `jobtrial assign --json`. */
export function batchResultJson(result: BatchResult): unknown {
  return {
    week: result.week,
    batchId: result.batchId,
    outcome: result.outcome,
    input: { name: result.inputName, sha256: result.inputSha256 },
    rows: result.rows.map((row) => ({
      row: row.row,
      cpr: row.cpr === null ? null : formatCpr(row.cpr),
      status: row.status,
      arm: row.arm,
      reason: row.reason,
      ...(row.status === "already-assigned" ? { assignedWeek: row.assignedWeek, assignedBatchId: row.assignedBatchId } : {}),
      flags: row.flags,
    })),
    counts: result.counts,
    problems: result.problems,
    warnings: result.warnings,
  };
}
