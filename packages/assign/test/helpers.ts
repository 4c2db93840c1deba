import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AssignBatchOptions } from "../src/batch.ts";
import { makeCpr } from "../src/cpr.ts";
import { checkTrialConfig, configHash, type TrialConfig } from "@jobtrial/core";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The bundled trial configuration. */
export function esbjergConfig(): TrialConfig {
  const result = checkTrialConfig(JSON.parse(readFileSync(join(repoRoot, "data/esbjerg-2017/trial.json"), "utf8")));
  if (!result.ok) throw new Error("bundled config invalid");
  return result.config;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jobtrial-assign-"));
}

export const INTAKE_HEADER = "CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst";

/** A synthetic citizen's CPR (formatted DDMMYY-SSSS) for a birth date. */
export function cprFor(birthDate: string, serial: number, sex: "female" | "male" = "female"): string {
  const digits = makeCpr({ birthDate, sex, serial, modulus11: true }) ?? makeCpr({ birthDate, sex, serial, modulus11: false })!;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Intake CSV text (semicolon, BOM, CRLF) with one line per row. */
export function intakeCsv(rows: string[][]): string {
  return "\uFEFF" + [INTAKE_HEADER, ...rows.map((row) => row.join(";"))].join("\r\n") + "\r\n";
}

/** `count` distinct citizens born in 1970-1999, first unemployed on `day` (dd-mm-yyyy). */
export function citizens(count: number, day: string, offset = 0): string[][] {
  const rows: string[][] = [];
  for (let index = offset; index < offset + count; index++) {
    const year = 1970 + (index % 30);
    const month = 1 + (Math.floor(index / 30) % 12);
    const dayOfMonth = 1 + (Math.floor(index / 360) % 28);
    const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
    rows.push([cprFor(birthDate, Math.floor(index / 10080), index % 2 ? "male" : "female"), day, "Handel og service", "3F", "Faglært", "Dansk"]);
  }
  return rows;
}

/** The options of a test batch for `week`, run by operator "test" at `now`. */
export function batchOptions(config: TrialConfig, now: Date, week: string, extra: Partial<AssignBatchOptions> = {}): AssignBatchOptions {
  return { config, configHash: configHash(config), week, operator: "test", now, toolVersion: "test", ...extra };
}
