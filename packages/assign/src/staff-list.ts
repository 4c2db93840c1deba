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
import type { BatchResult } from "./batch.ts";
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

/**
 * The list's rows: assigned and already assigned citizens in file order.
 * Citizens with the same first unemployment day share one plan, so the plan
 * is built once per day (a backfill of 300,000 rows has a few hundred days).
 * `planRows` is false when the caller does not need the per-conversation rows.
 */
export function staffList(result: BatchResult, config: TrialConfig, options: { planRows?: boolean } = {}): StaffList {
  const rows: string[][] = [];
  const plan: XlsxCell[][] = [];
  const wantPlanRows = options.planRows !== false;
  const plans = new Map<string, { conversations: PlannedConversation[]; text: string; dates: string[]; participants: string[] }>();
  const planFor = (day: string) => {
    let entry = plans.get(day);
    if (!entry) {
      const conversations = conversationPlan(day, config.protocol.intervention);
      entry = { conversations, text: planText(conversations), dates: conversations.map((item) => formatDanishDate(item.date)), participants: conversations.map((item) => item.participants.join(", ")) };
      plans.set(day, entry);
    }
    return entry;
  };
  const marker = config.assignment.personGroupMarker;
  const dayText = new Map<string, string>();
  for (const row of result.rows) {
    if ((row.status !== "assigned" && row.status !== "already-assigned") || row.cpr === null || row.arm === null) continue;
    const cpr = formatCpr(row.cpr);
    const isNew = row.status === "assigned";
    const day = row.firstUnemploymentDay;
    let firstDay = "";
    if (day !== null) {
      firstDay = dayText.get(day) ?? formatDanishDate(day);
      dayText.set(day, firstDay);
    }
    const entry = isNew && row.arm === "intervention" && day !== null ? planFor(day) : undefined;
    rows.push([
      cpr,
      firstDay,
      row.industryGroup ?? "",
      ARM_LABEL[row.arm],
      row.arm === "intervention" ? marker : "",
      isNew ? "Ny" : `Allerede tildelt i uge ${row.assignedWeek} (batch ${row.assignedBatchId}); behold gruppen`,
      row.flags.length === 0 ? "" : row.flags.map((flag) => FLAG_LABEL[flag]).join("; "),
      entry?.text ?? "",
    ]);
    if (entry && wantPlanRows) {
      entry.conversations.forEach((item, index) => plan.push([cpr, entry.dates[index]!, item.week, item.kind, entry.participants[index]!, item.minutes]));
    }
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
  const newIntervention = result.rows.filter((row) => row.status === "assigned" && row.arm === "intervention").length;
  const planRowCount = newIntervention * config.protocol.intervention.length;
  const list = staffList(result, config, { planRows: planRowCount <= EXCEL_MAX_ROWS });
  const stem = batchFileStem(result);
  const csv = join(outDir, `${stem}-liste.csv`);
  const xlsx = join(outDir, `${stem}-liste.xlsx`);
  writeFileSync(csv, toCsv(STAFF_LIST_HEADER, list.rows));
  const warnings: string[] = [];
  const sheets: XlsxSheet[] = [{ name: "Liste", header: STAFF_LIST_HEADER, rows: list.rows, widths: [14, 20, 22, 10, 28, 24, 30, 60] }];
  if (planRowCount <= EXCEL_MAX_ROWS) sheets.push({ name: "Samtaleplan", header: PLAN_HEADER, rows: list.plan, widths: [14, 12, 12, 36, 34, 10] });
  else warnings.push(`samtaleplanen har ${planRowCount} rækker, flere end et Excel-ark kan rumme; den står kun i kolonnen "Samtaleplan"`);
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
