/**
 * The staff list of a batch, in Danish. It accounts for every data row of the
 * intake file, in file order, with a status: "Ny" (assigned now: the arm, the
 * person-group marker to set in the case system for the intervention group
 * and the dated conversation plan), "Allerede tildelt" (with the first
 * assignment's arm, week and batch), "Ikke i målgruppen" (with the reason),
 * "Ugyldig" (with what to fix) and "Gentagelse" (an identical repeat of an
 * earlier row). The intake file's own columns that are not covariates (a
 * name, a remark) are passed through beside the CPR number: the list is the
 * one place they go. Written as CSV for Danish Excel (semicolon, UTF-8 BOM)
 * and as XLSX (sheet "Liste", and sheet "Samtaleplan" with one row per
 * planned conversation).
 *
 * The list holds CPR numbers and whatever the intake file held: it is for the
 * jobcentre's staff only.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BatchResult, BatchRowResult } from "./batch.ts";
import { normalizeHeader, type Problem, type TrialConfig } from "@jobtrial/core";
import { formatCpr, type CprFlag } from "./cpr.ts";
import { writeCsvFile } from "@jobtrial/core";
import { danishCount, INELIGIBLE_LABEL, STATUS_LABEL } from "./summary.ts";
import { formatDanishDate } from "@jobtrial/core";
import { conversationPlan, type PlannedConversation } from "./plan.ts";
import type { Arm } from "./rule.ts";
import { writeXlsxFile, type XlsxCell, type XlsxColumn, type XlsxSheet } from "@jobtrial/core";

/** The list's own columns before the intake file's own columns. */
const LEADING_HEADER = ["Række", "CPR-nummer"] as const;
/** The list's own columns after the intake file's own columns. */
const TRAILING_HEADER = ["Første ledighedsdag", "Branchegruppe", "Gruppe", "Persongruppemarkering", "Status", "Forklaring", "Samtaleplan"] as const;
const LEADING_WIDTHS = [8, 14];
const TRAILING_WIDTHS = [20, 22, 10, 28, 18, 40, 60];

/**
 * The list's header for a batch: "Række", "CPR-nummer", the intake file's
 * own columns in the file's order, then the list's columns. A column of the
 * file named like one of the list's own gets " (fra filen)".
 */
export function staffListHeader(passThroughColumns: readonly string[]): string[] {
  const own = new Set<string>([...LEADING_HEADER, ...TRAILING_HEADER].map(normalizeHeader));
  return [...LEADING_HEADER, ...passThroughColumns.map((name) => (own.has(normalizeHeader(name)) ? `${name} (fra filen)` : name)), ...TRAILING_HEADER];
}

export const PLAN_HEADER = ["CPR-nummer", "Dato", "Programuge", "Samtale", "Deltagere", "Minutter"] as const;

/** The XLSX list's columns: the dates are date cells, the row a number, the rest text (a CPR number too). The file's own columns get the default width. */
function listColumns(passThroughColumns: readonly string[]): XlsxColumn[] {
  const header = staffListHeader(passThroughColumns);
  const dateColumn = LEADING_HEADER.length + passThroughColumns.length;
  const widths = [...LEADING_WIDTHS, ...passThroughColumns.map(() => undefined), ...TRAILING_WIDTHS];
  return header.map((name, index) => ({ header: name, ...(widths[index] === undefined ? {} : { width: widths[index] }), ...(index === dateColumn ? { type: "date" as const } : {}) }));
}

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

/** What the rows of one list have in common: the texts that repeat, made once. */
class ListTexts {
  readonly marker: string;
  private readonly protocol: TrialConfig["protocol"]["intervention"];
  private readonly plans = new Map<string, { conversations: PlannedConversation[]; text: string; dates: string[]; participants: string[] }>();
  private readonly dayText = new Map<string, string>();
  private readonly statusText = new Map<string | null, { week: string | null; text: string }>();
  private readonly flagText = new Map<string, string>();

  private readonly problemsByRow = new Map<number, Problem[]>();

  constructor(config: TrialConfig, problems: readonly Problem[] = []) {
    this.marker = config.assignment.personGroupMarker;
    this.protocol = config.protocol.intervention;
    for (const item of problems) if (item.row !== null) this.problemsByRow.set(item.row, [...(this.problemsByRow.get(item.row) ?? []), item]);
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

  /** The "Forklaring" of a row: CPR remarks, the first assignment, the reason or what to fix. */
  explanation(row: BatchRowResult): string {
    switch (row.status) {
      case "assigned":
        return this.flags(row.flags);
      case "already-assigned": {
        let entry = this.statusText.get(row.assignedBatchId);
        if (entry === undefined || entry.week !== row.assignedWeek) {
          entry = { week: row.assignedWeek, text: `tildelt første gang i uge ${row.assignedWeek} (batch ${row.assignedBatchId}); behold gruppen` };
          this.statusText.set(row.assignedBatchId, entry);
        }
        return entry.text;
      }
      case "ineligible":
        return INELIGIBLE_LABEL[row.reason as keyof typeof INELIGIBLE_LABEL] ?? "";
      case "invalid":
        // Each problem with its column, what is wrong and how to fix it; the texts never quote a cell.
        return (this.problemsByRow.get(row.row) ?? []).map((item) => `${item.column ? `${item.column}: ` : ""}${item.messageDa}; ${item.fixDa}`).join(" | ");
      case "duplicate":
        return `samme borger med de samme oplysninger som række ${row.duplicateOf}; borgeren står på listen under den række`;
    }
  }

  flags(flags: readonly CprFlag[]): string {
    if (flags.length === 0) return "";
    const key = flags.join(",");
    let text = this.flagText.get(key);
    if (text === undefined) this.flagText.set(key, (text = flags.map((flag) => FLAG_LABEL[flag]).join("; ")));
    return text;
  }
}

/** True for a newly assigned intervention citizen: the one kind of row with a conversation plan. */
function newInIntervention(row: BatchRowResult): row is BatchRowResult & { cpr: string; firstUnemploymentDay: string } {
  return row.status === "assigned" && row.arm === "intervention" && row.cpr !== null && row.firstUnemploymentDay !== null;
}

/**
 * The list's rows: every row of the file in file order. Yields the same array each time, refilled (callers read it at once).
 * Dates are Danish text ("23.01.2017", for the CSV) or ISO dates (for the XLSX list's date cells).
 */
function* listRows(result: BatchResult, texts: ListTexts, dates: "danish" | "iso" = "danish"): Generator<(string | number)[]> {
  const passed = result.passThroughColumns.length;
  const cells = new Array<string | number>(LEADING_HEADER.length + passed + TRAILING_HEADER.length);
  for (const row of result.rows) {
    const day = row.firstUnemploymentDay;
    // Only a row that stands for a citizen in the register carries the arm (a repeat points to the row that does).
    const arm = row.status === "assigned" || row.status === "already-assigned" ? row.arm : null;
    let at = 0;
    cells[at++] = row.row;
    cells[at++] = row.cpr !== null ? formatCpr(row.cpr) : (row.cprAsWritten ?? "");
    for (let index = 0; index < passed; index++) cells[at++] = row.passThrough[index] ?? "";
    cells[at++] = day === null ? "" : dates === "iso" ? day : texts.day(day);
    cells[at++] = row.industryGroup ?? "";
    cells[at++] = arm === null ? "" : ARM_LABEL[arm];
    cells[at++] = arm === "intervention" ? texts.marker : "";
    cells[at++] = STATUS_LABEL[row.status];
    cells[at++] = texts.explanation(row);
    cells[at++] = newInIntervention(row) ? texts.plan(row.firstUnemploymentDay).text : "";
    yield cells;
  }
}

/** One row per planned conversation of every newly assigned intervention citizen, in file order. Yields the same array each time. */
function* planRows(result: BatchResult, texts: ListTexts, dates: "danish" | "iso" = "danish"): Generator<XlsxCell[]> {
  const cells = new Array<XlsxCell>(PLAN_HEADER.length);
  for (const row of result.rows) {
    if (!newInIntervention(row)) continue;
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

/** File name stem of a batch's outputs: `<trial>-<week>-<batch>`. */
export function batchFileStem(result: Pick<BatchResult, "trialId" | "week" | "batchId">): string {
  return `${result.trialId}-${result.week}-${result.batchId ?? "uden-batch"}`;
}

/**
 * The most rows a list is also written as XLSX for. exceljs, the one XLSX
 * writer, takes about 20 µs a row: a 300,000-row backfill's XLSX took longer
 * than the rest of the batch together (bench/README.md). The CSV holds every
 * list whole and opens in Excel too; a weekly batch (50-300 rows) and a year
 * of a jobcentre's intake are far below this.
 */
export const STAFF_LIST_XLSX_MAX_ROWS = 50_000;

/**
 * Writes the list as CSV and XLSX into `outDir` (created when missing); returns
 * the paths. A list of more than `STAFF_LIST_XLSX_MAX_ROWS` rows is written as
 * CSV only (`xlsx` is null, and a warning says so).
 *
 * Both files are written straight from the batch result, row by row (the CSV
 * a megabyte at a time), without building the list in memory first.
 */
export async function writeStaffList(result: BatchResult, config: TrialConfig, outDir: string): Promise<{ csv: string; xlsx: string | null; warnings: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const paths = staffListPaths(result, outDir);
  const xlsx = result.rows.length <= STAFF_LIST_XLSX_MAX_ROWS ? paths.xlsx : null;
  const warnings = await writeStaffListFiles(result, config, paths.csv, xlsx);
  if (xlsx === null) warnings.push(`listen har ${danishCount(result.rows.length)} rækker; over ${danishCount(STAFF_LIST_XLSX_MAX_ROWS)} skrives den kun som CSV (den åbner også i Excel)`);
  return { csv: paths.csv, xlsx, warnings };
}

/** Where `writeStaffList` puts the list of `result` in `outDir`. */
export function staffListPaths(result: Pick<BatchResult, "trialId" | "week" | "batchId">, outDir: string): { csv: string; xlsx: string } {
  const stem = batchFileStem(result);
  return { csv: join(outDir, `${stem}-liste.csv`), xlsx: join(outDir, `${stem}-liste.xlsx`) };
}

/** The files of `writeStaffList` at the given paths (the directory must exist; no XLSX when `xlsx` is null); returns the warnings. */
async function writeStaffListFiles(result: BatchResult, config: TrialConfig, csv: string, xlsx: string | null): Promise<string[]> {
  const { sheets, warnings } = writeCsvAndSheets(result, config, csv);
  if (xlsx === null) return [];
  await writeXlsxFile(xlsx, sheets);
  return warnings;
}

/** Writes the CSV list; returns the XLSX list's sheets (made as they are read) and the warnings about them. */
function writeCsvAndSheets(source: BatchResult, config: TrialConfig, csv: string): { sheets: XlsxSheet[]; warnings: string[] } {
  let newIntervention = 0;
  for (const row of source.rows) if (row.status === "assigned" && row.arm === "intervention") newIntervention++;
  const planRowCount = newIntervention * config.protocol.intervention.length;
  const texts = new ListTexts(config, source.problems);
  writeCsvFile(csv, staffListHeader(source.passThroughColumns), listRows(source, texts), { distinctColumns: [1] });
  const warnings: string[] = [];
  const sheets: XlsxSheet[] = [{ name: "Liste", columns: listColumns(source.passThroughColumns), rows: { [Symbol.iterator]: () => listRows(source, texts, "iso") } }];
  if (planRowCount <= EXCEL_MAX_ROWS) sheets.push({ name: "Samtaleplan", columns: PLAN_COLUMNS, rows: { [Symbol.iterator]: () => planRows(source, texts, "iso") } });
  else warnings.push(`samtaleplanen har ${danishCount(planRowCount)} rækker, flere end et Excel-ark kan rumme; den står kun i kolonnen "Samtaleplan"`);
  return { sheets, warnings };
}
