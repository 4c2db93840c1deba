/**
 * The staff list of a batch, in Danish: who was assigned (and who was
 * already assigned earlier), the arm, the person-group marker to set in the
 * case system for the intervention group and the dated conversation plan.
 * Written as CSV for Danish Excel (semicolon, UTF-8 BOM) and as XLSX (sheet
 * "Liste", and sheet "Samtaleplan" with one row per planned conversation).
 *
 * The list holds CPR numbers: it is for the jobcentre's staff only. The
 * rejects file (`--accept-valid`) holds the invalid rows as read, with reasons.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchResult, BatchRowResult } from "./batch.ts";
import type { TrialConfig } from "./config.ts";
import { formatCpr, type CprFlag } from "./cpr.ts";
import { toCsv } from "./csv-write.ts";
import { formatDanishDate } from "./dates.ts";
import type { IntakeRead } from "./intake.ts";
import { conversationPlan, type PlannedConversation } from "./plan.ts";
import type { Arm } from "./rule.ts";
import { xlsxBytes, type XlsxCell, type XlsxSheet } from "./xlsx-write.ts";

export const STAFF_LIST_HEADER = [
  "CPR-nummer",
  "Første ledighedsdag",
  "Branchegruppe",
  "Gruppe",
  "Persongruppemarkering",
  "Status",
  "Bemærkning",
  "Samtaleplan",
] as const;

export const PLAN_HEADER = ["CPR-nummer", "Dato", "Programuge", "Samtale", "Deltagere", "Minutter"] as const;

/** The most rows an Excel sheet holds (1,048,576 with the header). */
const EXCEL_MAX_ROWS = 1_048_575;

export const ARM_LABEL: Record<Arm, string> = { intervention: "Indsats", control: "Kontrol" };

const FLAG_LABEL: Record<CprFlag, string> = {
  "replacement-number": "erstatningspersonnummer: fødselsdag = dag - 60, kontroller fødselsdatoen",
  "restored-leading-zero": "foranstillet nul genskabt",
  "no-modulus-11": "uden modulus 11-kontrol (gyldigt)",
};

function planText(plan: readonly PlannedConversation[]): string {
  return plan.map((item) => `${formatDanishDate(item.date)} ${item.kind} (${item.participants.join(", ")}, ${item.minutes} min)`).join(" | ");
}

export interface StaffList {
  rows: string[][];
  plan: XlsxCell[][];
}

/** The list's rows: assigned and already assigned citizens in file order. */
export function staffList(result: BatchResult, config: TrialConfig): StaffList {
  const rows: string[][] = [];
  const plan: XlsxCell[][] = [];
  const listed = result.rows.filter((row): row is BatchRowResult & { cpr: string; arm: Arm } => (row.status === "assigned" || row.status === "already-assigned") && row.cpr !== null && row.arm !== null);
  for (const row of listed) {
    const cpr = formatCpr(row.cpr);
    const isNew = row.status === "assigned";
    const conversations = isNew && row.arm === "intervention" && row.firstUnemploymentDay !== null ? conversationPlan(row.firstUnemploymentDay, config.protocol.intervention) : [];
    rows.push([
      cpr,
      row.firstUnemploymentDay === null ? "" : formatDanishDate(row.firstUnemploymentDay),
      row.industryGroup ?? "",
      ARM_LABEL[row.arm],
      row.arm === "intervention" ? config.assignment.personGroupMarker : "",
      isNew ? "Ny" : `Allerede tildelt i uge ${row.assignedWeek} (batch ${row.assignedBatchId}); behold gruppen`,
      row.flags.map((flag) => FLAG_LABEL[flag]).join("; "),
      planText(conversations),
    ]);
    for (const item of conversations) plan.push([cpr, formatDanishDate(item.date), item.week, item.kind, item.participants.join(", "), item.minutes]);
  }
  return { rows, plan };
}

/** File name stem of a batch's outputs: `<trial>-<week>-<batch>`. */
export function batchFileStem(result: BatchResult): string {
  return `${result.trialId}-${result.week}-${result.batchId ?? "uden-batch"}`;
}

/** Writes the list as CSV and XLSX into `outDir` (created when missing); returns the paths. */
export function writeStaffList(result: BatchResult, config: TrialConfig, outDir: string): { csv: string; xlsx: string; warnings: string[] } {
  mkdirSync(outDir, { recursive: true });
  const list = staffList(result, config);
  const stem = batchFileStem(result);
  const csv = join(outDir, `${stem}-liste.csv`);
  const xlsx = join(outDir, `${stem}-liste.xlsx`);
  writeFileSync(csv, toCsv(STAFF_LIST_HEADER, list.rows));
  const warnings: string[] = [];
  const sheets: XlsxSheet[] = [{ name: "Liste", header: STAFF_LIST_HEADER, rows: list.rows, widths: [14, 20, 22, 10, 28, 24, 30, 60] }];
  if (list.plan.length <= EXCEL_MAX_ROWS) sheets.push({ name: "Samtaleplan", header: PLAN_HEADER, rows: list.plan, widths: [14, 12, 12, 36, 34, 10] });
  else warnings.push(`the conversation plan has ${list.plan.length} rows, more than an Excel sheet holds; it is in the CSV list's "Samtaleplan" column only`);
  writeFileSync(xlsx, xlsxBytes(sheets));
  return { csv, xlsx, warnings };
}

/** Writes the invalid rows with their reasons (`--accept-valid`): the original columns, then "Række" and "Fejl". */
export function writeRejects(result: BatchResult, intake: IntakeRead, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${batchFileStem(result)}-afviste.csv`);
  const rows = intake.invalid.map((row) => [
    ...intake.header.map((_, index) => row.cells[index] ?? ""),
    String(row.row),
    row.problems.map((item) => `${item.column ? `${item.column}: ` : ""}${item.message}; ${item.fix}`).join(" | "),
  ]);
  writeFileSync(path, toCsv([...intake.header, "Række", "Fejl"], rows));
  return path;
}
