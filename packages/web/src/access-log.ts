/**
 * The access log: one JSON line per action (who, when, what, the answer),
 * appended to a file. It names batches, weeks, a file's SHA-256 and row
 * counts, never a file name, a cell or a CPR number; as a last guard every
 * line is scanned with the report's personal-data scan before it is written,
 * and any field that looks like a CPR number or a birth date is replaced.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { findPersonalData } from "@jobtrial/report";

export type AccessAction =
  | "login"
  | "login_failed"
  | "login_rate_limited"
  | "logout"
  | "session_expired"
  | "upload_preview"
  | "upload_problems"
  | "upload_too_large"
  | "confirm"
  | "confirm_repeat"
  | "confirm_failed"
  | "download"
  | "void"
  | "verify"
  | "user_saved"
  | "forbidden"
  | "csrf_refused";

export interface AccessEntry {
  /** The signed-in user, or for a failed sign-in the user name when it is a known user; null otherwise. */
  user: string | null;
  action: AccessAction;
  /** The HTTP status answered. */
  status: number;
  week?: string;
  batch?: string;
  sha256?: string;
  rows?: number;
  format?: "csv" | "xlsx";
  /** Free text written by this program (never a value from a request). */
  detail?: string;
}

const REDACTED = "[fjernet: lignede et CPR-nummer eller en fødselsdato]";

export class AccessLog {
  constructor(
    readonly path: string,
    private readonly now: () => Date,
  ) {
    mkdirSync(dirname(path), { recursive: true });
  }

  /** Appends one line: `{"time": ..., "user": ..., "action": ..., ...}`. */
  write(entry: AccessEntry): void {
    const time = this.now();
    const record: Record<string, unknown> = { time: time.toISOString(), ...entry };
    for (const [key, value] of Object.entries(record)) {
      if (key !== "time" && typeof value === "string" && findPersonalData(value, time.getUTCFullYear()).length > 0) record[key] = REDACTED;
    }
    appendFileSync(this.path, JSON.stringify(record) + "\n", { mode: 0o600 });
  }
}
