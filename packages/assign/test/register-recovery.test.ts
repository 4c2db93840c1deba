/**
 * A register left by a batch cut off mid-write (issue 17; found by
 * bench/stress/register-faults.ts at kill 71 of 100): the file and its rollback
 * journal as they are on disk when the process dies inside the transaction.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeRegister, openRegister, verifyRegister } from "../src/register.ts";
import { tempDir } from "./helpers.ts";

/** Copies the register and its hot journal while a write transaction that has spilled pages to the file is open: what a crash leaves. */
function crashedRegister(): string {
  const dir = tempDir();
  const path = join(dir, "register.sqlite");
  closeRegister(openRegister(path, { create: true, trialId: "crash-test" }));
  const writer = openRegister(path);
  const crashed = join(dir, "crashed");
  mkdirSync(crashed);
  try {
    // A page cache of a few pages: the transaction spills to the file, and SQLite has synced the journal first.
    writer.db.pragma("cache_size = 2");
    writer.db.exec("BEGIN IMMEDIATE");
    writer.db.exec("CREATE TABLE half_written (x BLOB)");
    const insert = writer.db.prepare("INSERT INTO half_written VALUES (randomblob(400))");
    for (let row = 0; row < 2_000; row++) insert.run();
    copyFileSync(path, join(crashed, "register.sqlite"));
    copyFileSync(`${path}-journal`, join(crashed, "register.sqlite-journal"));
    writer.db.exec("ROLLBACK");
  } finally {
    closeRegister(writer);
  }
  return join(crashed, "register.sqlite");
}

describe("openRegister after a batch cut off mid-write", () => {
  it("openRegister(readonly) rolls back the interrupted batch's journal and reads the register as it was before it, instead of calling it unreadable", () => {
    const path = crashedRegister();
    expect(existsSync(`${path}-journal`)).toBe(true);
    const register = openRegister(path, { readonly: true });
    try {
      expect(verifyRegister(register).ok).toBe(true);
      expect(register.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_written'").get()).toEqual({ n: 0 });
      expect(register.trialId).toBe("crash-test");
    } finally {
      closeRegister(register);
    }
  });
});
