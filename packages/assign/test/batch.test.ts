import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignBatch, type AssignBatchOptions } from "../src/batch.ts";
import { readIntakeFile } from "../src/intake.ts";
import {
  appendBatchRecord,
  assignmentHash,
  closeRegister,
  openRegister,
  verifyRegister,
  voidBatch,
  type AssignmentRow,
  type BatchRow,
  type Register,
} from "../src/register.ts";
import { writeStaffList } from "../src/staff-list.ts";
import { formatBatchSummary } from "../src/summary.ts";
import { configHash } from "@jobtrial/core";
import { batchOptions, citizens, cprFor, esbjergConfig, intakeCsv, repoRoot, tempDir } from "./helpers.ts";

const config = esbjergConfig();
const now = new Date("2017-03-01T12:00:00Z");
const options = (week: string, extra: Partial<AssignBatchOptions> = {}): AssignBatchOptions => batchOptions(config, now, week, extra);

function setup(): { dir: string; register: Register; file: (name: string, rows: string[][]) => string } {
  const dir = tempDir();
  const register = openRegister(join(dir, "register.sqlite"), { create: true, trialId: config.id, now });
  const file = (name: string, rows: string[][]): string => {
    const path = join(dir, name);
    writeFileSync(path, intakeCsv(rows));
    return path;
  };
  return { dir, register, file };
}

function count(register: Register, table: "assignments" | "batches"): number {
  return (register.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe("assignBatch", () => {
  it("assignBatch assigns by the birthdate rule, counts ineligible citizens by reason and records the batch with hashes", async () => {
    const { register, file } = setup();
    const rows = [
      [cprFor("1980-03-15", 1), "02-01-2017", "Handel og service", "3F", "", ""], // day 15: intervention
      [cprFor("1980-03-16", 1), "02-01-2017", "Team LVU", "", "", ""], // day 16: control
      [cprFor("1980-03-17", 1), "30-09-2016", "Handel og service", "", "", ""], // before the intake window
      [cprFor("1980-03-18", 1), "02-04-2017", "Handel og service", "", "", ""], // after today
      [cprFor("1980-03-19", 1), "02-01-2017", "Landbrug", "", "", ""], // not in the target group
    ];
    const result = assignBatch(register, await readIntakeFile(file("2017-W01.csv", rows), config), options("2017-W01"));
    expect([result.outcome, result.batchId, result.rows.map((row) => [row.row, row.status, row.arm, row.reason])]).toEqual([
      "written",
      "B0001",
      [
        [2, "assigned", "intervention", null],
        [3, "assigned", "control", null],
        [4, "ineligible", null, "before-intake-window"],
        [5, "ineligible", null, "in-the-future"],
        [6, "ineligible", null, "not-in-target-group"],
      ],
    ]);
    const batch = register.db.prepare("SELECT * FROM batches").get() as Record<string, unknown>;
    expect(batch).toMatchObject({ batch_id: "B0001", kind: "assign", week: "2017-W01", input_name: "2017-W01.csv", operator: "test", config_hash: configHash(config), tool_version: "test", created_at: now.toISOString() });
    expect(JSON.parse(String(batch["counts_json"]))).toMatchObject({ ineligible: { "before-intake-window": 1, "in-the-future": 1, "not-in-target-group": 1, "after-intake-window": 0 } });
    for (const row of rows) expect(String(batch["counts_json"])).not.toContain(row[0]!.slice(0, 6));
    expect(verifyRegister(register)).toMatchObject({ ok: true, assignments: 2, batches: 1, firstBroken: null });
    closeRegister(register);
  });

  it("assignBatch writes nothing and reports every problem when any row is invalid, and with acceptValid assigns the valid rows", async () => {
    const { register, file } = setup();
    const path = file("2017-W02.csv", [[cprFor("1980-03-15", 1), "09-01-2017", "Team LVU", "", "", ""], ["320180-1234", "09-01-2017", "Team LVU", "", "", ""]]);
    const intake = await readIntakeFile(path, config);
    const refused = assignBatch(register, intake, options("2017-W02"));
    expect([refused.outcome, refused.problems.map((item) => [item.row, item.column, item.code]), count(register, "assignments"), count(register, "batches")]).toEqual([
      "refused",
      [[3, "CPR-nummer", "cpr_invalid_date"]],
      0,
      0,
    ]);
    const accepted = assignBatch(register, intake, options("2017-W02", { acceptValid: true }));
    expect([accepted.outcome, accepted.counts.assigned, accepted.counts.invalid, accepted.rows.map((row) => row.status)]).toEqual(["written", { intervention: 1, control: 0 }, 1, ["assigned", "invalid"]]);
    closeRegister(register);
  });

  it("assignBatch run again with the same file and week changes nothing and gives the same rows and the same staff list", async () => {
    const { dir, register, file } = setup();
    const path = file("2017-W01.csv", citizens(40, "03-01-2017"));
    const first = assignBatch(register, await readIntakeFile(path, config), options("2017-W01"));
    const firstList = readFileSync((await writeStaffList(first, config, join(dir, "a"))).csv, "utf8");
    const second = assignBatch(register, await readIntakeFile(path, config), options("2017-W01", { now: new Date("2017-03-09T08:00:00Z") }));
    const secondList = readFileSync((await writeStaffList(second, config, join(dir, "b"))).csv, "utf8");
    expect([second.outcome, second.batchId, second.rows, second.counts, count(register, "batches"), count(register, "assignments")]).toEqual(["unchanged", "B0001", first.rows, first.counts, 1, 40]);
    expect(secondList).toBe(firstList);
    closeRegister(register);
  });

  it("assignBatch appends a large batch after an earlier one so that the register verifies, and a batch that fails inside its transaction leaves the register as it was", async () => {
    const { register, file } = setup();
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", citizens(30, "03-01-2017")), config), options("2017-W01"));
    const second = assignBatch(register, await readIntakeFile(file("2017-W02.csv", citizens(1500, "09-01-2017")), config), options("2017-W02"));
    expect([second.outcome, second.counts.alreadyAssigned, second.counts.assigned.intervention + second.counts.assigned.control]).toEqual(["written", 30, 1470]);
    expect(verifyRegister(register)).toMatchObject({ ok: true, assignments: 1500, batches: 2 });
    const failing = await readIntakeFile(file("2017-W03.csv", citizens(1500, "16-01-2017", 5000)), config);
    expect(() =>
      assignBatch(register, failing, options("2017-W03", {
        onProgress: () => {
          throw new Error("disk full");
        },
      })),
    ).toThrow("disk full");
    expect([count(register, "batches"), count(register, "assignments"), verifyRegister(register).ok]).toEqual([2, 1500, true]);
    closeRegister(register);
  });

  it("assignBatch keeps the first assignment of a citizen who comes back in a later week (re-entry) and lists the week", async () => {
    const { register, file } = setup();
    const cpr = cprFor("1975-05-20", 3);
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", [[cpr, "02-01-2017", "Team LVU", "", "", ""]]), config), options("2017-W01"));
    const later = assignBatch(register, await readIntakeFile(file("2017-W09.csv", [[cpr, "27-02-2017", "Handel og service", "", "", ""]]), config), options("2017-W09"));
    expect(later.rows.map((row) => [row.status, row.arm, row.assignedWeek, row.assignedBatchId])).toEqual([["already-assigned", "control", "2017-W01", "B0001"]]);
    expect([later.counts.alreadyAssigned, later.counts.cumulative, count(register, "assignments")]).toEqual([1, { intervention: 0, control: 1 }, 1]);
    expect(formatBatchSummary(later).join("\n")).toContain("række 2: allerede tildelt i uge 2017-W01 (batch B0001), Kontrol");
    closeRegister(register);
  });

  it("voidBatch records a void; the voided citizens can be assigned again and a batch cannot be voided twice", async () => {
    const { register, file } = setup();
    const path = file("2017-W01.csv", citizens(5, "03-01-2017"));
    assignBatch(register, await readIntakeFile(path, config), options("2017-W03"));
    const voided = voidBatch(register, { batchId: "B0001", reason: "forkert uge", operator: "test", now, toolVersion: "test", configHash: configHash(config) });
    expect([voided.batch_id, voided.kind, voided.reason, JSON.parse(voided.counts_json)]).toEqual(["B0002", "void", "forkert uge", { voidedAssignments: 5 }]);
    expect(() => voidBatch(register, { batchId: "B0001", reason: "igen", operator: "test", now, toolVersion: "test", configHash: "" })).toThrow("er allerede annulleret");
    expect(() => voidBatch(register, { batchId: "B0099", reason: "x", operator: "test", now, toolVersion: "test", configHash: "" })).toThrow("findes ikke i registret");
    const again = assignBatch(register, await readIntakeFile(path, config), options("2017-W01"));
    expect([again.outcome, again.batchId, again.counts.assigned.intervention + again.counts.assigned.control, again.counts.cumulative.intervention + again.counts.cumulative.control]).toEqual(["written", "B0003", 5, 5]);
    expect([count(register, "assignments"), verifyRegister(register).ok]).toEqual([10, true]);
    closeRegister(register);
  });

  it("the register refuses UPDATE and DELETE and a second active assignment of a citizen in the database itself", async () => {
    const { register, file } = setup();
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", citizens(2, "03-01-2017")), config), options("2017-W01"));
    expect(() => register.db.prepare("UPDATE assignments SET arm = 'control'").run()).toThrow("append-only");
    expect(() => register.db.prepare("DELETE FROM assignments").run()).toThrow("append-only");
    expect(() => register.db.prepare("DELETE FROM batches").run()).toThrow("append-only");
    // A tool that appends a batch whose row repeats an active citizen: the batch record is refused, so its transaction rolls back.
    const appendCopies = (batchSeq: number, ofSeqs: number[]): void => {
      const last = register.db.prepare("SELECT max(seq) AS seq FROM assignments").get() as { seq: number };
      ofSeqs.forEach((ofSeq, index) =>
        register.db
          .prepare("INSERT INTO assignments SELECT ?, ?, cpr, birth_date, sex, first_unemployment_day, industry_group, covariates_json, week, arm, flags, prev_hash, hash FROM assignments WHERE seq = ?")
          .run(last.seq + 1 + index, batchSeq, ofSeq),
      );
      register.db
        .prepare(
          `INSERT INTO batches SELECT ?, 'B9' || ?, 'assign', week, trial_id, input_name, input_sha256, operator, config_hash, tool_version, created_at,
             NULL, NULL, counts_json, ?, ?, rows_hash, prev_hash, hash FROM batches WHERE batch_seq = 1`,
        )
        .run(batchSeq, batchSeq, last.seq + 1, last.seq + ofSeqs.length);
    };
    const attempt = (batchSeq: number, ofSeqs: number[]): void => register.db.transaction(() => appendCopies(batchSeq, ofSeqs))();
    expect(() => attempt(2, [1])).toThrow("assigned only once");
    expect([count(register, "assignments"), count(register, "batches")]).toEqual([2, 1]);
    // Once batch 1 is voided its citizens may be assigned again, but still only once within the new batch.
    voidBatch(register, { batchId: "B0001", reason: "forkert uge", operator: "test", now, toolVersion: "test", configHash: configHash(config) });
    expect(() => attempt(3, [1, 1])).toThrow("assigned only once");
    attempt(3, [1, 2]);
    expect([count(register, "assignments"), count(register, "batches")]).toEqual([4, 3]);
    closeRegister(register);
  });

  it("a register made by an earlier version, with the once-rule as a row trigger on assignments, is assigned to and verified as before", async () => {
    const { register, file } = setup();
    register.db.exec(`DROP TRIGGER assignments_once;
      CREATE TRIGGER assignments_once BEFORE INSERT ON assignments
        WHEN EXISTS (
          SELECT 1 FROM assignments a
          WHERE a.cpr = NEW.cpr
            AND NOT EXISTS (SELECT 1 FROM batches v WHERE v.kind = 'void' AND v.voids_batch_seq = a.batch_seq)
        )
        BEGIN SELECT RAISE(ABORT, 'a citizen can be assigned only once'); END;`);
    const path = file("2017-W01.csv", citizens(4, "03-01-2017"));
    const first = assignBatch(register, await readIntakeFile(path, config), options("2017-W01"));
    const again = assignBatch(register, await readIntakeFile(file("2017-W02.csv", citizens(6, "04-01-2017")), config), options("2017-W02"));
    expect([first.outcome, again.outcome, again.counts.alreadyAssigned, again.counts.assigned.intervention + again.counts.assigned.control]).toEqual(["written", "written", 4, 2]);
    expect(() => register.db.prepare("INSERT INTO assignments SELECT 99, batch_seq, cpr, birth_date, sex, first_unemployment_day, industry_group, covariates_json, week, arm, flags, prev_hash, hash FROM assignments WHERE seq = 1").run()).toThrow(
      "assigned only once",
    );
    expect(verifyRegister(register)).toMatchObject({ ok: true, assignments: 6, batches: 2 });
    closeRegister(register);
  });

  it("verifyRegister finds a second active assignment of a citizen even when the once-trigger was dropped, and names it by sequence number", async () => {
    const { register, file } = setup();
    const path = file("2017-W01.csv", citizens(3, "03-01-2017"));
    assignBatch(register, await readIntakeFile(path, config), options("2017-W01"));
    register.db.exec("DROP TRIGGER assignments_once");
    // A faulty tool: the same citizens again as a new batch with a correct hash chain, as if classify had missed them.
    const first = register.db.prepare("SELECT * FROM assignments ORDER BY seq").all() as AssignmentRow[];
    let prevHash = first[first.length - 1]!.hash;
    const insert = register.db.prepare(
      "INSERT INTO assignments (seq, batch_seq, cpr, birth_date, sex, first_unemployment_day, industry_group, covariates_json, week, arm, flags, prev_hash, hash) VALUES (@seq, @batch_seq, @cpr, @birth_date, @sex, @first_unemployment_day, @industry_group, @covariates_json, @week, @arm, @flags, @prev_hash, @hash)",
    );
    for (const [index, row] of first.slice(1).entries()) {
      const again = { ...row, seq: 4 + index, batch_seq: 2, week: "2017-W02", prev_hash: prevHash };
      prevHash = assignmentHash(again);
      insert.run({ ...again, hash: prevHash });
    }
    const batch1 = register.db.prepare("SELECT * FROM batches WHERE batch_seq = 1").get() as BatchRow;
    const { batch_seq: _seq, batch_id: _id, prev_hash: _prev, hash: _hash, ...record } = batch1;
    appendBatchRecord(register, { ...record, week: "2017-W02", first_seq: 4, last_seq: 5, rows_hash: prevHash }, 2);
    expect(verifyRegister(register)).toEqual({
      ok: false,
      assignments: 5,
      batches: 2,
      firstBroken: {
        record: "assignment",
        seq: 4,
        reason: "its citizen is already assigned in record 2, which is not voided (a citizen can be assigned only once)",
        reasonDa: "dens borger er allerede tildelt i post 2, som ikke er annulleret (en borger kan kun tildeles én gang)",
      },
      missingTriggers: ["assignments_once"],
    });
    // Voiding the first batch resolves it: the register is consistent again apart from the missing trigger.
    voidBatch(register, { batchId: "B0001", reason: "fejl", operator: "test", now, toolVersion: "test", configHash: configHash(config) });
    expect(verifyRegister(register)).toMatchObject({ ok: false, firstBroken: null, missingTriggers: ["assignments_once"] });
    closeRegister(register);
  });

  it("verifyRegister finds a row changed behind the tool's back (triggers dropped) and names it by sequence number", async () => {
    const { dir, register, file } = setup();
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", citizens(6, "03-01-2017")), config), options("2017-W01"));
    closeRegister(register);
    const raw = new Database(join(dir, "register.sqlite"));
    raw.exec("DROP TRIGGER assignments_no_update; UPDATE assignments SET arm = CASE arm WHEN 'control' THEN 'intervention' ELSE 'control' END WHERE seq = 3;");
    raw.close();
    const reopened = openRegister(join(dir, "register.sqlite"), { readonly: true });
    expect(verifyRegister(reopened)).toEqual({
      ok: false,
      assignments: 6,
      batches: 1,
      firstBroken: { record: "assignment", seq: 3, reason: "its content does not match its hash (the record was changed)", reasonDa: "dens indhold passer ikke med dens hash (posten er ændret)" },
      missingTriggers: ["assignments_no_update"],
    });
    closeRegister(reopened);
  });

  it("verifyRegister finds a deleted row by the gap it leaves", async () => {
    const { dir, register, file } = setup();
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", citizens(6, "03-01-2017")), config), options("2017-W01"));
    closeRegister(register);
    const raw = new Database(join(dir, "register.sqlite"));
    raw.exec("DROP TRIGGER assignments_no_delete; DELETE FROM assignments WHERE seq = 4;");
    raw.close();
    const reopened = openRegister(join(dir, "register.sqlite"), { readonly: true });
    expect(verifyRegister(reopened).firstBroken).toEqual({ record: "assignment", seq: 4, reason: "record 4 is missing (the next one present is 5)", reasonDa: "post 4 mangler (den næste, der findes, er 5)" });
    closeRegister(reopened);
  });
});

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "packages/assign/test/fixtures/assign-child.ts"), ...args], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe("assignBatch in separate processes", () => {
  it("a process killed in the middle of a batch leaves the batch wholly absent and the register valid", async () => {
    const { dir, register, file } = setup();
    assignBatch(register, await readIntakeFile(file("2017-W01.csv", citizens(10, "03-01-2017")), config), options("2017-W01"));
    closeRegister(register);
    const big = file("2017-W02.csv", citizens(5000, "09-01-2017", 100));
    const crashed = await runChild([join(dir, "register.sqlite"), big, "2017-W02", "2500"]);
    expect(crashed.signal).toBe("SIGKILL");
    const reopened = openRegister(join(dir, "register.sqlite"), {});
    expect([verifyRegister(reopened).ok, count(reopened, "assignments"), count(reopened, "batches")]).toEqual([true, 10, 1]);
    const retried = assignBatch(reopened, await readIntakeFile(big, config), options("2017-W02"));
    expect([retried.outcome, retried.counts.assigned.intervention + retried.counts.assigned.control, count(reopened, "assignments")]).toEqual(["written", 5000, 5010]);
    closeRegister(reopened);
  });

  it("two processes assigning overlapping files to one register at once end with every citizen assigned exactly once", async () => {
    const { dir, register, file } = setup();
    closeRegister(register);
    const a = file("2017-W02.csv", citizens(6000, "09-01-2017", 0));
    const b = file("2017-W03.csv", citizens(6000, "16-01-2017", 3000));
    const [first, second] = await Promise.all([runChild([join(dir, "register.sqlite"), a, "2017-W02"]), runChild([join(dir, "register.sqlite"), b, "2017-W03"])]);
    expect([first.code, second.code, first.stderr, second.stderr]).toEqual([0, 0, "", ""]);
    const results = [first, second].map((run) => JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { assigned: { intervention: number; control: number }; already: number });
    const assigned = results.map((entry) => entry.assigned.intervention + entry.assigned.control);
    expect([assigned[0]! + assigned[1]!, results[0]!.already + results[1]!.already]).toEqual([9000, 3000]);
    const reopened = openRegister(join(dir, "register.sqlite"), { readonly: true });
    const distinct = reopened.db.prepare("SELECT count(DISTINCT cpr) AS n, count(*) AS total FROM assignments").get();
    expect([distinct, verifyRegister(reopened).ok]).toEqual([{ n: 9000, total: 9000 }, true]);
    closeRegister(reopened);
  });
});
