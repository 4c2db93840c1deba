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
import type { TrialConfig } from "@jobtrial/core";
import { formatCpr, type CprFlag } from "./cpr.ts";
import { toCsv, writeCsvFile } from "@jobtrial/core";
import { danishCount } from "./summary.ts";
import { formatDanishDate } from "@jobtrial/core";
import type { IntakeRead } from "./intake.ts";
import { conversationPlan, type PlannedConversation } from "./plan.ts";
import type { Arm } from "./rule.ts";
import { writeXlsxFile, type XlsxCell, type XlsxColumn, type XlsxSheet } from "@jobtrial/core";

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

/** The XLSX list's columns: the dates are date cells, week and minutes numbers, the rest text (a CPR number too). */
const LIST_COLUMNS: readonly XlsxColumn[] = STAFF_LIST_HEADER.map((header, index) => ({ header, width: [14, 20, 22, 10, 28, 24, 30, 60][index]!, ...(index === 1 ? { type: "date" as const } : {}) }));
const PLAN_COLUMNS: readonly XlsxColumn[] = PLAN_HEADER.map((header, index) => ({ header, width: [14, 12, 12, 36, 34, 10][index]!, ...(index === 1 ? { type: "date" as const } : {}) }));

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

/** What the rows of one list have in common: the texts that repeat, made once. */
class ListTexts {
  readonly marker: string;
  private readonly protocol: TrialConfig["protocol"]["intervention"];
  private readonly plans = new Map<string, { conversations: PlannedConversation[]; text: string; dates: string[]; participants: string[] }>();
  private readonly dayText = new Map<string, string>();
  private readonly statusText = new Map<string | null, { week: string | null; text: string }>();
  private readonly flagText = new Map<string, string>();

  constructor(config: TrialConfig) {
    this.marker = config.assignment.personGroupMarker;
    this.protocol = config.protocol.intervention;
  }

  /** The plan of a first unemployment day: citizens with the same day share one plan (a backfill of 300,000 rows has a few hundred days). */
  plan(day: string) {
    let entry = this.plans.get(day);
    if (!entry) {
      const conversations = conversationPlan(day, this.protocol);
      entry = { conversations, text: planText(conversations), dates: conversations.map((item) => formatDanishDate(item.date)), participants: conversations.map((item) => item.participants.join(", ")) };
      this.plans.set(day, entry);
    }
    return entry;
  }

  day(day: string): string {
    let text = this.dayText.get(day);
    if (text === undefined) this.dayText.set(day, (text = formatDanishDate(day)));
    return text;
  }

  status(row: BatchRowResult): string {
    if (row.status === "assigned") return "Ny";
    let entry = this.statusText.get(row.assignedBatchId);
    if (entry === undefined || entry.week !== row.assignedWeek) {
      entry = { week: row.assignedWeek, text: `Allerede tildelt i uge ${row.assignedWeek} (batch ${row.assignedBatchId}); behold gruppen` };
      this.statusText.set(row.assignedBatchId, entry);
    }
    return entry.text;
  }

  flags(flags: readonly CprFlag[]): string {
    if (flags.length === 0) return "";
    const key = flags.join(",");
    let text = this.flagText.get(key);
    if (text === undefined) this.flagText.set(key, (text = flags.map((flag) => FLAG_LABEL[flag]).join("; ")));
    return text;
  }
}

/** True for a row that is on the list: assigned or already assigned, with a CPR and an arm. */
function onList(row: BatchRowResult): row is BatchRowResult & { cpr: string; arm: Arm } {
  return (row.status === "assigned" || row.status === "already-assigned") && row.cpr !== null && row.arm !== null;
}

/**
 * The list's rows in file order. Yields the same array each time, refilled (callers read it at once).
 * Dates are Danish text ("23.01.2017", for the CSV) or ISO dates (for the XLSX list's date cells).
 */
function* listRows(result: BatchResult, texts: ListTexts, dates: "danish" | "iso" = "danish"): Generator<string[]> {
  const cells = new Array<string>(STAFF_LIST_HEADER.length);
  for (const row of result.rows) {
    if (!onList(row)) continue;
    const day = row.firstUnemploymentDay;
    cells[0] = formatCpr(row.cpr);
    cells[1] = day === null ? "" : dates === "iso" ? day : texts.day(day);
    cells[2] = row.industryGroup ?? "";
    cells[3] = ARM_LABEL[row.arm];
    cells[4] = row.arm === "intervention" ? texts.marker : "";
    cells[5] = texts.status(row);
    cells[6] = texts.flags(row.flags);
    cells[7] = row.status === "assigned" && row.arm === "intervention" && day !== null ? texts.plan(day).text : "";
    yield cells;
  }
}

/** One row per planned conversation of every newly assigned intervention citizen, in file order. Yields the same array each time. */
function* planRows(result: BatchResult, texts: ListTexts, dates: "danish" | "iso" = "danish"): Generator<XlsxCell[]> {
  const cells = new Array<XlsxCell>(PLAN_HEADER.length);
  for (const row of result.rows) {
    if (!onList(row) || row.status !== "assigned" || row.arm !== "intervention" || row.firstUnemploymentDay === null) continue;
    const entry = texts.plan(row.firstUnemploymentDay);
    const cpr = formatCpr(row.cpr);
    for (let index = 0; index < entry.conversations.length; index++) {
      const item = entry.conversations[index]!;
      cells[0] = cpr;
      cells[1] = dates === "iso" ? item.date : entry.dates[index]!;
      cells[2] = item.week;
      cells[3] = item.kind;
      cells[4] = entry.participants[index]!;
      cells[5] = item.minutes;
      yield cells;
    }
  }
}

/**
 * The list's rows: assigned and already assigned citizens in file order.
 * Citizens with the same first unemployment day share one plan, so the plan
 * is built once per day (a backfill of 300,000 rows has a few hundred days).
 * `planRows` is false when the caller does not need the per-conversation rows.
 */
export function staffList(result: BatchResult, config: TrialConfig, options: { planRows?: boolean } = {}): StaffList {
  const texts = new ListTexts(config);
  const rows: string[][] = [];
  for (const cells of listRows(result, texts)) rows.push(cells.slice());
  const plan: XlsxCell[][] = [];
  if (options.planRows !== false) for (const cells of planRows(result, texts)) plan.push(cells.slice());
  return { rows, plan };
}

/** File name stem of a batch's outputs: `<trial>-<week>-<batch>`. */
export function batchFileStem(result: Pick<BatchResult, "trialId" | "week" | "batchId">): string {
  return `${result.trialId}-${result.week}-${result.batchId ?? "uden-batch"}`;
}

/**
 * Writes the list as CSV and XLSX into `outDir` (created when missing); returns the paths.
 *
 * Both files are written straight from the batch result, row by row (the CSV
 * a megabyte at a time), without building the list in memory first: for a
 * backfill of 300,000 citizens that list was most of the time and memory.
 */
export async function writeStaffList(result: BatchResult, config: TrialConfig, outDir: string): Promise<{ csv: string; xlsx: string; warnings: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const { csv, xlsx } = staffListPaths(result, outDir);
  const warnings = await writeStaffListFiles(result, config, csv, xlsx);
  return { csv, xlsx, warnings };
}

/** Where `writeStaffList` puts the list of `result` in `outDir`. */
export function staffListPaths(result: Pick<BatchResult, "trialId" | "week" | "batchId">, outDir: string): { csv: string; xlsx: string } {
  const stem = batchFileStem(result);
  return { csv: join(outDir, `${stem}-liste.csv`), xlsx: join(outDir, `${stem}-liste.xlsx`) };
}

/** The two files of `writeStaffList` at the given paths (the directory must exist); returns the warnings. Reads only `rows` of the result. */
async function writeStaffListFiles(result: Pick<BatchResult, "rows">, config: TrialConfig, csv: string, xlsx: string): Promise<string[]> {
  const { sheets, warnings } = writeCsvAndSheets(result as BatchResult, config, csv);
  await writeXlsxFile(xlsx, sheets);
  return warnings;
}

/** Writes the CSV list; returns the XLSX list's sheets (made as they are read) and the warnings about them. */
function writeCsvAndSheets(source: BatchResult, config: TrialConfig, csv: string): { sheets: XlsxSheet[]; warnings: string[] } {
  let newIntervention = 0;
  for (const row of source.rows) if (row.status === "assigned" && row.arm === "intervention") newIntervention++;
  const planRowCount = newIntervention * config.protocol.intervention.length;
  const texts = new ListTexts(config);
  writeCsvFile(csv, STAFF_LIST_HEADER, listRows(source, texts), { distinctColumns: [0] });
  const warnings: string[] = [];
  const sheets: XlsxSheet[] = [{ name: "Liste", columns: LIST_COLUMNS, rows: { [Symbol.iterator]: () => listRows(source, texts, "iso") } }];
  if (planRowCount <= EXCEL_MAX_ROWS) sheets.push({ name: "Samtaleplan", columns: PLAN_COLUMNS, rows: { [Symbol.iterator]: () => planRows(source, texts, "iso") } });
  else warnings.push(`samtaleplanen har ${danishCount(planRowCount)} rækker, flere end et Excel-ark kan rumme; den står kun i kolonnen "Samtaleplan"`);
  return { sheets, warnings };
}

/** Writes the invalid rows with their reasons (`--accept-valid`): the original columns, then "Række" and "Fejl". */
export function writeRejects(result: BatchResult, intake: IntakeRead, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${batchFileStem(result)}-afviste.csv`);
  const rows = intake.invalid.map((row) => [
    ...intake.header.map((_, index) => row.cells[index] ?? ""),
    String(row.row),
    row.problems.map((item) => `${item.column ? `${item.column}: ` : ""}${item.messageDa}; ${item.fixDa}`).join(" | "),
  ]);
  writeFileSync(path, toCsv([...intake.header, "Række", "Fejl"], rows));
  return path;
}
