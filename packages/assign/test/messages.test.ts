import { describe, expect, it } from "vitest";
import { registerMessage, type RegisterIssue } from "../src/messages.ts";

/** One issue of every code, with the fields a user would see. */
const ISSUES: RegisterIssue[] = [
  { code: "register_not_found", path: "ud/register.sqlite" },
  { code: "register_busy" },
  { code: "register_not_a_register", path: "ud/register.sqlite", reason: "cannot_open", sqliteCode: "SQLITE_NOTADB" },
  { code: "register_not_a_register", path: "ud/register.sqlite", reason: "other_sqlite_file" },
  { code: "register_not_a_register", path: "ud/register.sqlite", reason: "empty" },
  { code: "register_not_a_register", path: "ud/register.sqlite", reason: "unreadable" },
  { code: "register_schema_version", version: "2", supported: 1 },
  { code: "register_read_only", path: "ud/register.sqlite" },
  { code: "register_disk_full", path: "ud/register.sqlite" },
  { code: "register_write_failed", path: "ud/register.sqlite", sqliteCode: "SQLITE_IOERR_WRITE" },
  { code: "register_other_trial", trialId: "aarhus-2025", expected: "esbjerg-2017" },
  { code: "void_reason_missing" },
  { code: "batch_not_found", batchId: "B0099" },
  { code: "batch_already_voided", batchId: "B0001" },
  { code: "batch_is_void", batchId: "B0004" },
];

describe("registerMessage", () => {
  it("registerMessage(issue, lang) words every code in Danish and in English, each saying what to do, without the code itself", () => {
    expect(new Set(ISSUES.map((issue) => issue.code)).size).toBe(12);
    for (const issue of ISSUES) {
      const [danish, english] = [registerMessage(issue, "da"), registerMessage(issue, "en")];
      expect(danish, issue.code).not.toBe(english);
      expect(danish, issue.code).not.toMatch(/\b(the|is|not|register does|cannot|nothing)\b/);
      expect(english, issue.code).not.toMatch(/\b(ikke|registret|findes|intet|skal)\b/);
      expect(`${danish} ${english}`, issue.code).not.toContain(issue.code);
    }
  });

  it("registerMessage(register_not_a_register) names SQLite's code, never its English sentence", () => {
    expect(registerMessage({ code: "register_not_a_register", path: "r.sqlite", reason: "cannot_open", sqliteCode: "SQLITE_NOTADB" }, "da")).toBe(
      "registret r.sqlite kan ikke åbnes (SQLITE_NOTADB); kontroller, at stien peger på et jobtrial-register, og at du har adgang til det",
    );
  });
});
