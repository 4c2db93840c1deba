/**
 * The assignment register: one SQLite file, append-only, hash-chained.
 *
 * - `assignments`: one row per assigned citizen (the one place CPR digits are
 *   stored), with the birth date derived from the CPR, the intake covariates
 *   as JSON, the week, batch, arm and flags. Rows are chained: each row's
 *   `hash` is SHA-256 over the previous row's hash and the row's canonical
 *   content (`JSON.stringify` of its column values in a fixed order).
 * - `batches`: one record per batch, written after its rows: the week, the
 *   input file's name and SHA-256, the operator, the configuration hash, the
 *   tool version, the time, the counts (ineligible by reason, invalid, ...;
 *   never a CPR), the first and last row it added and the last row's hash.
 *   Batches form a second chain. A void is a batch record of kind "void"
 *   naming the batch it voids and why; nothing is ever deleted.
 * - Triggers make the database itself refuse UPDATE and DELETE on both
 *   tables, and refuse a second active assignment of the same CPR.
 *   The once-rule (`assignments_once`) fires on the batch record, which is
 *   appended after its rows in the same transaction: it looks up every row of
 *   the new batch once, in one statement. Registers made by earlier versions
 *   carry the older form, a row trigger on `assignments` with the same check
 *   per row (about 0.8 s more per 300,000 rows). A row added without its
 *   batch record passes the new form, but `verifyRegister` reports it (it
 *   belongs to no batch) and checks the once-rule itself as well.
 *
 * Writers use BEGIN IMMEDIATE with a busy timeout: a second writer waits for
 * the first to commit, then sees its rows. A batch is one transaction, so a
 * crash leaves it wholly present or wholly absent.
 */
import type Database from "better-sqlite3";
import * as crypto from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { JobtrialError } from "@jobtrial/core";
import { registerMessage, type RegisterErrorCode, type RegisterIssue } from "./messages.ts";
import type { Arm } from "./rule.ts";

let sqlite: typeof Database | undefined;
/** better-sqlite3, loaded on the first register opened, so commands that never open one start without it. */
function loadSqlite(): typeof Database {
  return (sqlite ??= createRequire(import.meta.url)("better-sqlite3") as typeof Database);
}

export const REGISTER_SCHEMA_VERSION = 1;
export const GENESIS_HASH = "0".repeat(64);

export type { RegisterErrorCode, RegisterIssue } from "./messages.ts";

/**
 * A register problem that the user can act on: its code and fields (`issue`), worded by
 * messages.ts; `message` is the Danish wording (staff read it), `messageIn("en")` the
 * English one. Never carries a CPR.
 */
export class RegisterError extends JobtrialError {
  override name = "RegisterError";
  declare readonly code: RegisterErrorCode;
  readonly issue: RegisterIssue;
  constructor(issue: RegisterIssue) {
    super(issue.code, issue, (lang) => registerMessage(issue, lang), registerMessage(issue, "da"));
    this.issue = issue;
  }
}

export interface Register {
  db: Database.Database;
  path: string;
  /** The trial id the register was created for. */
  trialId: string;
}

export interface OpenRegisterOptions {
  /** Create the file when missing (for `assign`). Default: false */
  create?: boolean;
  /** The trial id written into a new register and checked against an existing one. Default: not checked */
  trialId?: string;
  /** How long a writer waits for another writer, in milliseconds. Default: 60000 */
  busyTimeoutMs?: number;
  /** Open read-only (verify, export, diagnose). Default: false */
  readonly?: boolean;
  /** The clock, for the creation time of a new register. Default: none (creation time "unknown") */
  now?: Date;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE assignments (
  seq INTEGER PRIMARY KEY,
  batch_seq INTEGER NOT NULL,
  cpr TEXT NOT NULL CHECK (length(cpr) = 10),
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  first_unemployment_day TEXT NOT NULL,
  industry_group TEXT NOT NULL,
  covariates_json TEXT NOT NULL,
  week TEXT NOT NULL,
  arm TEXT NOT NULL CHECK (arm IN ('intervention', 'control')),
  flags TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX assignments_cpr ON assignments (cpr);
CREATE TABLE batches (
  batch_seq INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('assign', 'void')),
  week TEXT,
  trial_id TEXT NOT NULL,
  input_name TEXT,
  input_sha256 TEXT,
  operator TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  voids_batch_seq INTEGER UNIQUE,
  reason TEXT,
  counts_json TEXT NOT NULL,
  first_seq INTEGER,
  last_seq INTEGER,
  rows_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX batches_input ON batches (input_sha256);
CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: assignments cannot be changed; void the batch instead'); END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: assignments cannot be deleted; void the batch instead'); END;
CREATE TRIGGER batches_no_update BEFORE UPDATE ON batches
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: batches cannot be changed'); END;
CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: batches cannot be deleted'); END;
CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: metadata cannot be changed'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
  BEGIN SELECT RAISE(ABORT, 'the register is append-only: metadata cannot be deleted'); END;
CREATE TRIGGER assignments_once BEFORE INSERT ON batches
  WHEN NEW.kind = 'assign' AND EXISTS (
    SELECT 1 FROM assignments n JOIN assignments a ON a.cpr = n.cpr AND a.seq < n.seq
    WHERE n.seq BETWEEN NEW.first_seq AND NEW.last_seq
      AND NOT EXISTS (SELECT 1 FROM batches v WHERE v.kind = 'void' AND v.voids_batch_seq = a.batch_seq)
  )
  BEGIN SELECT RAISE(ABORT, 'a citizen can be assigned only once'); END;
`;

/** The triggers a healthy register has; `verifyRegister` reports missing ones. */
export const REGISTER_TRIGGERS = [
  "assignments_no_update",
  "assignments_no_delete",
  "batches_no_update",
  "batches_no_delete",
  "meta_no_update",
  "meta_no_delete",
  "assignments_once",
] as const;

/**
 * Opens (or with `create`, creates) a register. Throws RegisterError for a
 * missing file, a file that is not a register, another schema version or
 * another trial.
 */
export function openRegister(path: string, options: OpenRegisterOptions = {}): Register {
  try {
    return openRegisterOnce(path, options);
  } catch (error) {
    const interrupted = error instanceof RegisterError && error.issue.code === "register_not_a_register" && error.issue.sqliteCode === "SQLITE_READONLY_ROLLBACK";
    if (!options.readonly || !interrupted) throw error;
    // A batch was cut off mid-write (the process killed, the power lost) and left its rollback journal. A read-only
    // connection cannot roll it back, so `register verify` or `register export` called the register unreadable, maybe
    // damaged. Rolling back restores it as it was before that batch, which the next writer would do first anyway
    // (bench/stress/register-faults.ts found this at kill 71 of 100). Where we may not write, the first error stands.
    try {
      const Sqlite = loadSqlite();
      const writer = new Sqlite(path, { fileMustExist: true, timeout: options.busyTimeoutMs ?? 60_000 });
      try {
        writer.prepare("SELECT count(*) FROM sqlite_master").get();
      } finally {
        writer.close();
      }
    } catch {
      throw error;
    }
    return openRegisterOnce(path, options);
  }
}

function openRegisterOnce(path: string, options: OpenRegisterOptions): Register {
  const exists = existsSync(path);
  if (!exists && !options.create) throw new RegisterError({ code: "register_not_found", path });
  let db: Database.Database;
  try {
    const Sqlite = loadSqlite();
    db = new Sqlite(path, { readonly: Boolean(options.readonly) && exists, timeout: options.busyTimeoutMs ?? 60_000, fileMustExist: !options.create });
  } catch (error) {
    throw registerWriteError(error, path) ?? new RegisterError({ code: "register_not_a_register", path, reason: "cannot_open", ...sqliteCodeOf(error) });
  }
  try {
    // 32 MB of page cache. A batch of 300,000 rows (about 100 MB of pages) spills to the file mid-transaction; against
    // 128 MB that was within the run-to-run noise in bench/assign-bench.ts and kept the peak 50-80 MB lower.
    db.pragma("cache_size = -32768");
    const hasMeta = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() as { n: number };
    if (hasMeta.n === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
      if (tables.n > 0) throw new RegisterError({ code: "register_not_a_register", path, reason: "other_sqlite_file" });
      if (!options.create || options.trialId === undefined) throw new RegisterError({ code: "register_not_a_register", path, reason: "empty" });
      try {
        createSchema(db, options.trialId, options.now);
      } catch (error) {
        throw registerWriteError(error, path) ?? error;
      }
    }
    const meta = Object.fromEntries((db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((row) => [row.key, row.value]));
    if (meta["schema_version"] !== String(REGISTER_SCHEMA_VERSION)) {
      const version = meta["schema_version"] ?? "?";
      throw new RegisterError({ code: "register_schema_version", version, supported: REGISTER_SCHEMA_VERSION });
    }
    const trialId = meta["trial_id"] ?? "";
    if (options.trialId !== undefined && trialId !== options.trialId) {
      throw new RegisterError({ code: "register_other_trial", trialId, expected: options.trialId });
    }
    return { db, path, trialId };
  } catch (error) {
    db.close();
    if (error instanceof RegisterError) throw error;
    throw new RegisterError({ code: "register_not_a_register", path, reason: "unreadable", ...sqliteCodeOf(error) });
  }
}

function createSchema(db: Database.Database, trialId: string, now: Date | undefined): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    // Another process may have created it while we waited for the lock.
    const again = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() as { n: number };
    if (again.n === 0) {
      db.exec(SCHEMA);
      const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      insert.run("schema_version", String(REGISTER_SCHEMA_VERSION));
      insert.run("trial_id", trialId);
      insert.run("created_at", now ? now.toISOString() : "unknown");
    }
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

export function closeRegister(register: Register): void {
  register.db.close();
}

/** The columns of an assignment row, as stored. */
export interface AssignmentRow {
  seq: number;
  batch_seq: number;
  cpr: string;
  birth_date: string;
  sex: "female" | "male";
  first_unemployment_day: string;
  industry_group: string;
  covariates_json: string;
  week: string;
  arm: Arm;
  flags: string;
  prev_hash: string;
  hash: string;
}

/** The columns of a batch record, as stored. */
export interface BatchRow {
  batch_seq: number;
  batch_id: string;
  kind: "assign" | "void";
  week: string | null;
  trial_id: string;
  input_name: string | null;
  input_sha256: string | null;
  operator: string;
  config_hash: string;
  tool_version: string;
  created_at: string;
  voids_batch_seq: number | null;
  reason: string | null;
  counts_json: string;
  first_seq: number | null;
  last_seq: number | null;
  rows_hash: string;
  prev_hash: string;
  hash: string;
}

/** SHA-256 of an assignment row: previous hash, newline, the row's values in column order. */
export function assignmentHash(row: Omit<AssignmentRow, "hash">): string {
  const content = JSON.stringify([
    row.seq,
    row.batch_seq,
    row.cpr,
    row.birth_date,
    row.sex,
    row.first_unemployment_day,
    row.industry_group,
    row.covariates_json,
    row.week,
    row.arm,
    row.flags,
  ]);
  return chainHash(row.prev_hash, content);
}

/**
 * SHA-256 (hex) of `previousHash`, a newline and `content`: the link of both
 * chains. One-shot `crypto.hash` over one string gives the same digest as
 * feeding the three parts to a Hash object, without an object per row.
 */
export function chainHash(previousHash: string, content: string): string {
  // crypto.hash is Node >= 20.12; the engines field allows 20.11.
  if (oneShotHash) return oneShotHash("sha256", previousHash + "\n" + content, "hex");
  return crypto.createHash("sha256").update(previousHash).update("\n").update(content).digest("hex");
}
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

/** SHA-256 of a batch record: previous batch hash, newline, the record's values in column order. */
export function batchHash(row: Omit<BatchRow, "hash">): string {
  const content = JSON.stringify([
    row.batch_seq,
    row.batch_id,
    row.kind,
    row.week,
    row.trial_id,
    row.input_name,
    row.input_sha256,
    row.operator,
    row.config_hash,
    row.tool_version,
    row.created_at,
    row.voids_batch_seq,
    row.reason,
    row.counts_json,
    row.first_seq,
    row.last_seq,
    row.rows_hash,
  ]);
  return chainHash(row.prev_hash, content);
}

/** "B0007": the batch id staff see. */
export function batchIdFor(batchSeq: number): string {
  return `B${String(batchSeq).padStart(4, "0")}`;
}

/**
 * The user's error for SQLite refusing to write the register: a read-only
 * file or folder, a full disk, or an I/O error. SQLite has rolled the
 * transaction back, so the register is as it was. Undefined for other errors.
 */
export function registerWriteError(error: unknown, path: string): RegisterError | undefined {
  const code = String((error as { code?: unknown }).code ?? "");
  if (code.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN" || code === "SQLITE_PERM") {
    return new RegisterError({ code: "register_read_only", path });
  }
  if (code === "SQLITE_FULL") {
    return new RegisterError({ code: "register_disk_full", path });
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return new RegisterError({ code: "register_write_failed", path, sqliteCode: code });
  }
  return undefined;
}

/** SQLite's error code ("SQLITE_NOTADB") as a field, or nothing; never SQLite's English sentence. */
function sqliteCodeOf(error: unknown): { sqliteCode?: string } {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? { sqliteCode: code } : {};
}

/** Runs `work` in a BEGIN IMMEDIATE transaction (waiting for other writers up to the busy timeout); rolls back on any error. */
export function writeTransaction<T>(register: Register, work: () => T): T {
  try {
    register.db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new RegisterError({ code: "register_busy" });
    }
    throw registerWriteError(error, register.path) ?? error;
  }
  try {
    const result = work();
    register.db.exec("COMMIT");
    return result;
  } catch (error) {
    if (register.db.inTransaction) register.db.exec("ROLLBACK");
    throw registerWriteError(error, register.path) ?? error;
  }
}

/** Sequence numbers of the batches voided, optionally only by voids recorded before `beforeBatchSeq`. */
export function voidedBatchSeqs(register: Register, beforeBatchSeq = Number.MAX_SAFE_INTEGER): Set<number> {
  const rows = register.db.prepare("SELECT voids_batch_seq AS v FROM batches WHERE kind = 'void' AND batch_seq < ?").all(beforeBatchSeq) as { v: number }[];
  return new Set(rows.map((row) => row.v));
}

export function lastBatch(register: Register): BatchRow | undefined {
  return register.db.prepare("SELECT * FROM batches ORDER BY batch_seq DESC LIMIT 1").get() as BatchRow | undefined;
}

export function lastAssignment(register: Register): Pick<AssignmentRow, "seq" | "hash"> | undefined {
  return register.db.prepare("SELECT seq, hash FROM assignments ORDER BY seq DESC LIMIT 1").get() as Pick<AssignmentRow, "seq" | "hash"> | undefined;
}

export function findBatch(register: Register, batchId: string): BatchRow | undefined {
  return register.db.prepare("SELECT * FROM batches WHERE batch_id = ?").get(batchId) as BatchRow | undefined;
}

export function listBatches(register: Register): BatchRow[] {
  return register.db.prepare("SELECT * FROM batches ORDER BY batch_seq").all() as BatchRow[];
}

/**
 * Appends a batch record (after its rows, inside the caller's transaction).
 * Fills in batch_seq, batch_id, prev_hash and hash.
 */
export function appendBatchRecord(register: Register, record: Omit<BatchRow, "batch_seq" | "batch_id" | "prev_hash" | "hash">, batchSeq: number): BatchRow {
  const previous = lastBatch(register);
  const withoutHash: Omit<BatchRow, "hash"> = { ...record, batch_seq: batchSeq, batch_id: batchIdFor(batchSeq), prev_hash: previous?.hash ?? GENESIS_HASH };
  const row: BatchRow = { ...withoutHash, hash: batchHash(withoutHash) };
  register.db
    .prepare(
      `INSERT INTO batches (batch_seq, batch_id, kind, week, trial_id, input_name, input_sha256, operator, config_hash, tool_version, created_at,
        voids_batch_seq, reason, counts_json, first_seq, last_seq, rows_hash, prev_hash, hash)
       VALUES (@batch_seq, @batch_id, @kind, @week, @trial_id, @input_name, @input_sha256, @operator, @config_hash, @tool_version, @created_at,
        @voids_batch_seq, @reason, @counts_json, @first_seq, @last_seq, @rows_hash, @prev_hash, @hash)`,
    )
    .run(row);
  return row;
}

/** The next batch sequence number (inside a write transaction). */
export function nextBatchSeq(register: Register): number {
  return (lastBatch(register)?.batch_seq ?? 0) + 1;
}

export interface VoidBatchOptions {
  batchId: string;
  reason: string;
  operator: string;
  now: Date;
  toolVersion: string;
  configHash: string;
}

/**
 * Voids an assignment batch: appends a void record naming it and the reason.
 * Its citizens count as not assigned from then on and can be assigned again
 * by a later batch. Nothing is deleted. Throws RegisterError for an unknown
 * batch, a void record or a batch already voided.
 */
export function voidBatch(register: Register, options: VoidBatchOptions): BatchRow {
  if (options.reason.trim() === "") throw new RegisterError({ code: "void_reason_missing" });
  return writeTransaction(register, () => {
    const target = findBatch(register, options.batchId);
    if (!target) throw new RegisterError({ code: "batch_not_found", batchId: options.batchId });
    if (target.kind === "void") throw new RegisterError({ code: "batch_is_void", batchId: options.batchId });
    if (voidedBatchSeqs(register).has(target.batch_seq)) throw new RegisterError({ code: "batch_already_voided", batchId: options.batchId });
    const rows = register.db.prepare("SELECT count(*) AS n FROM assignments WHERE batch_seq = ?").get(target.batch_seq) as { n: number };
    const last = lastAssignment(register);
    return appendBatchRecord(
      register,
      {
        kind: "void",
        week: target.week,
        trial_id: register.trialId,
        input_name: null,
        input_sha256: null,
        operator: options.operator,
        config_hash: options.configHash,
        tool_version: options.toolVersion,
        created_at: options.now.toISOString(),
        voids_batch_seq: target.batch_seq,
        reason: options.reason.trim(),
        counts_json: JSON.stringify({ voidedAssignments: rows.n }),
        first_seq: null,
        last_seq: null,
        rows_hash: last?.hash ?? GENESIS_HASH,
      },
      nextBatchSeq(register),
    );
  });
}

export interface VerifyResult {
  ok: boolean;
  assignments: number;
  batches: number;
  /** The first record whose content or link does not match, by sequence number (never by CPR). */
  firstBroken: { record: "assignment" | "batch"; seq: number; reason: string; reasonDa: string } | null;
  /** Append-only triggers that are missing. */
  missingTriggers: string[];
}

/**
 * Recomputes both hash chains and checks that every row belongs to the batch
 * that claims it. Reports the first broken record by sequence number.
 */
export function verifyRegister(register: Register): VerifyResult {
  const { db } = register;
  let firstBroken: VerifyResult["firstBroken"] = null;
  const fail = (record: "assignment" | "batch", seq: number, reason: string, reasonDa: string): void => {
    if (firstBroken === null) firstBroken = { record, seq, reason, reasonDa };
  };
  const rowHashBySeq = new Map<number, { hash: string; batch: number }>();
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let assignments = 0;
  for (const row of db.prepare("SELECT * FROM assignments ORDER BY seq").iterate() as IterableIterator<AssignmentRow>) {
    assignments++;
    if (firstBroken === null) {
      if (row.seq !== expectedSeq) fail("assignment", expectedSeq, `record ${expectedSeq} is missing (the next one present is ${row.seq})`, `post ${expectedSeq} mangler (den næste, der findes, er ${row.seq})`);
      else if (row.prev_hash !== previousHash) fail("assignment", row.seq, "its link to the previous record does not match (a record before it was changed, removed or inserted)", "dens kæde til den forrige post passer ikke (en post før den er ændret, fjernet eller indsat)");
      else if (assignmentHash(row) !== row.hash) fail("assignment", row.seq, "its content does not match its hash (the record was changed)", "dens indhold passer ikke med dens hash (posten er ændret)");
    }
    rowHashBySeq.set(row.seq, { hash: row.hash, batch: row.batch_seq });
    previousHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  let previousBatchHash = GENESIS_HASH;
  let expectedBatch = 1;
  let batches = 0;
  let coveredUpTo = 0;
  let assignmentBroken = firstBroken !== null;
  for (const batch of db.prepare("SELECT * FROM batches ORDER BY batch_seq").all() as BatchRow[]) {
    batches++;
    if (batch.batch_seq !== expectedBatch) fail("batch", expectedBatch, `batch record ${expectedBatch} is missing (the next one present is ${batch.batch_seq})`, `batchpost ${expectedBatch} mangler (den næste, der findes, er ${batch.batch_seq})`);
    else if (batch.prev_hash !== previousBatchHash) fail("batch", batch.batch_seq, "its link to the previous batch record does not match", "dens kæde til den forrige batchpost passer ikke");
    else if (batchHash(batch) !== batch.hash) fail("batch", batch.batch_seq, "its content does not match its hash (the record was changed)", "dens indhold passer ikke med dens hash (posten er ændret)");
    else if (batch.kind === "assign" && batch.first_seq !== null && batch.last_seq !== null) {
      if (batch.first_seq !== coveredUpTo + 1) fail("batch", batch.batch_seq, "its rows do not start right after the previous batch's rows", "dens rækker begynder ikke lige efter den forrige batchs rækker");
      for (let seq = batch.first_seq; seq <= batch.last_seq && !assignmentBroken; seq++) {
        const row = rowHashBySeq.get(seq);
        if (!row) {
          fail("assignment", seq, `record ${seq} of batch ${batch.batch_id} is missing`, `post ${seq} i batch ${batch.batch_id} mangler`);
          assignmentBroken = true;
        } else if (row.batch !== batch.batch_seq) {
          fail("assignment", seq, `record ${seq} names another batch than ${batch.batch_id}`, `post ${seq} nævner en anden batch end ${batch.batch_id}`);
          assignmentBroken = true;
        }
      }
      if (!assignmentBroken && rowHashBySeq.get(batch.last_seq)?.hash !== batch.rows_hash) fail("batch", batch.batch_seq, "the hash of its last row does not match", "hashen af dens sidste række passer ikke");
      coveredUpTo = batch.last_seq;
    }
    previousBatchHash = batch.hash;
    expectedBatch = batch.batch_seq + 1;
  }
  if (firstBroken === null && assignments > coveredUpTo) fail("assignment", coveredUpTo + 1, "the record belongs to no batch (added outside jobtrial)", "posten hører ikke til nogen batch (tilføjet uden om jobtrial)");
  if (firstBroken === null) {
    // The once-rule, checked here as well as by the trigger: no citizen has two active assignments.
    const twice = db
      .prepare(
        `SELECT n.seq AS seq, a.seq AS earlier FROM assignments n JOIN assignments a ON a.cpr = n.cpr AND a.seq < n.seq
         WHERE a.batch_seq NOT IN (SELECT voids_batch_seq FROM batches WHERE kind = 'void')
           AND n.batch_seq NOT IN (SELECT voids_batch_seq FROM batches WHERE kind = 'void')
         ORDER BY n.seq LIMIT 1`,
      )
      .get() as { seq: number; earlier: number } | undefined;
    if (twice) fail("assignment", twice.seq, `its citizen is already assigned in record ${twice.earlier}, which is not voided (a citizen can be assigned only once)`, `dens borger er allerede tildelt i post ${twice.earlier}, som ikke er annulleret (en borger kan kun tildeles én gang)`);
  }
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((row) => row.name));
  const missingTriggers = REGISTER_TRIGGERS.filter((name) => !present.has(name));
  return { ok: firstBroken === null && missingTriggers.length === 0, assignments, batches, firstBroken, missingTriggers };
}
