/**
 * Reading and validating a weekly intake file (CSV or XLSX) into citizens.
 *
 * Every row is validated before anything is decided: CPR number, first
 * unemployment day and industry group must be present and well formed.
 *
 * Data minimisation by an allow-list: the covariates the configuration
 * declares (`trialCovariates`: A-kasse, education, origin unless it says
 * otherwise) are read as covariates, the only intake values the register
 * keeps. Every other column (a name, an address, a free-text remark, anything
 * else) is passed through, cell by cell in the file's order, to that week's
 * staff list and nowhere else: it is never a covariate, and no problem
 * message quotes it.
 *
 * Identical repeated rows for a citizen collapse to the first (the columns
 * passed through do not count: a repeat with another remark is still the same
 * citizen); rows for the same citizen that differ are all invalid, each
 * naming the other row.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { mapHeader, normalizeHeader, type ColumnSpec } from "@jobtrial/core";
import { trialCovariates, type TrialConfig } from "@jobtrial/core";
import { parseCpr, type Cpr } from "./cpr.ts";
import { parseDateCell, type DateCellResult } from "@jobtrial/core";
import type { IsoDate } from "@jobtrial/core";
import { problem, type Problem } from "@jobtrial/core";
import { readInputBytes, readTable, type Table, type TableRow } from "@jobtrial/core";
import { looksLikeXlsx, readXlsxTable } from "@jobtrial/core";

export type IntakeColumn = "cpr" | "firstUnemploymentDay" | "industryGroup";

/** The intake's required columns and their usual names, Danish first (the covariates come from the configuration). */
export const INTAKE_COLUMNS: readonly ColumnSpec<IntakeColumn>[] = [
  { key: "cpr", aliases: ["CPR-nummer", "CPR", "CPR-nr", "CPR nr.", "Personnummer", "CPR number", "cpr_number", "Civil registration number"] },
  {
    key: "firstUnemploymentDay",
    aliases: ["Første ledighedsdag", "Første ledige dag", "Ledig fra", "Ledighedsdato", "First unemployment day", "first_unemployment_day", "Unemployed since", "Unemployment start"],
  },
  { key: "industryGroup", aliases: ["Branchegruppe", "Branche", "Team", "Industry group", "industry_group", "Industry"] },
];

/** The key of a covariate's column in the header mapping (apart from the required columns' keys). */
type CovariateKey = `covariate:${string}`;

/** One valid intake row: a citizen. */
export interface IntakeRecord {
  /** 1-based line (CSV) or sheet row (XLSX). */
  row: number;
  cpr: Cpr;
  firstUnemploymentDay: IsoDate;
  /** As in the configuration when it names the group (case and spacing ignored), else as written. */
  industryGroup: string;
  /** The declared covariates by name (`trialCovariates`), in the configuration's order. Empty cells are left out. */
  covariates: Record<string, string>;
  /** The cells of the columns passed through to the staff list (`IntakeRead.passThroughColumns`), as read. */
  passThrough: readonly string[];
}

/** A row that repeats an earlier row of the same citizen exactly (in every column but those passed through). */
export interface DuplicateIntakeRow {
  record: IntakeRecord;
  /** The row it repeats, which stands for the citizen. */
  firstRow: number;
}

/** A row that cannot be used, with every problem found in it. */
export interface InvalidIntakeRow {
  row: number;
  /** The row's cells as read (for the rejects file; may hold a CPR number). Empty when the row could not be split into fields. */
  cells: string[];
  /** Ten digits when the CPR cell parsed. */
  cprDigits: string | null;
  /** The CPR cell as written (for the staff list, never for a message; "" when the row could not be split). */
  cprCell: string;
  /** The first unemployment day when its cell is a valid date, else null. */
  firstUnemploymentDay: IsoDate | null;
  /** The industry group cell, trimmed; null when empty or the row could not be split. */
  industryGroup: string | null;
  /** The cells of the columns passed through to the staff list (empty when the row could not be split). */
  passThrough: readonly string[];
  problems: Problem[];
}

export interface IntakeRead {
  /** The file's name (no directory) as used in problems. */
  file: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  format: "csv" | "xlsx";
  header: string[];
  /** Header names of the columns passed through to the staff list only (every column that is neither required nor a declared covariate), in file order. */
  passThroughColumns: string[];
  records: IntakeRecord[];
  invalid: InvalidIntakeRow[];
  /** The identical repeats collapsed into an earlier row, in file order. */
  duplicates: DuplicateIntakeRow[];
  /** Problems that make the whole file unusable (missing column, unreadable file). */
  fileProblems: Problem[];
  /** Rows dropped because they repeat an earlier row exactly. */
  duplicatesCollapsed: number;
  /** Data rows read (valid, invalid and duplicates). */
  rowsRead: number;
}

/** The pass-through cells of a record in a file with no columns to pass through: one list shared by every record. */
const NOTHING_PASSED_THROUGH: readonly string[] = Object.freeze([]);

/** Every problem in an intake: file problems first, then by row. */
export function intakeProblems(intake: IntakeRead): Problem[] {
  return [...intake.fileProblems, ...intake.invalid.flatMap((row) => row.problems)];
}

function columnSpecs(config: TrialConfig): ColumnSpec<IntakeColumn | CovariateKey>[] {
  const custom = config.intake.columns ?? {};
  const required = INTAKE_COLUMNS.map((spec) => {
    const name = custom[spec.key];
    return name === undefined ? spec : { ...spec, aliases: [name, ...spec.aliases] };
  });
  return [...required, ...trialCovariates(config).map((covariate) => ({ key: `covariate:${covariate.name}` as const, aliases: covariate.headers, required: false }))];
}

/** Reads an intake file from disk. Never throws for bad input. */
export async function readIntakeFile(path: string, config: TrialConfig): Promise<IntakeRead> {
  const file = basename(path);
  // A file over core's MAX_INPUT_BYTES (100 MB) is refused before it is read.
  const read = readInputBytes(path, file);
  if (!read.ok) return { file, sha256: "", format: "csv", header: [], passThroughColumns: [], records: [], invalid: [], duplicates: [], fileProblems: [read.problem], duplicatesCollapsed: 0, rowsRead: 0 };
  return readIntakeBytes(read.bytes, { file, config });
}

/** Reads an intake from bytes (CSV or XLSX, told apart by content). Never throws for bad input. */
export async function readIntakeBytes(bytes: Uint8Array, options: { file: string; config: TrialConfig }): Promise<IntakeRead> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (looksLikeXlsx(bytes)) return validateIntakeTable(await readXlsxTable(bytes, { file: options.file }), { config: options.config, sha256, format: "xlsx" });
  // A CSV is validated row by row as it is parsed: the parsed table is never held whole (a backfill has 300,000 rows).
  const validateOptions = { config: options.config, sha256, format: "csv" as const };
  let validator: IntakeValidator | undefined;
  let rows = 0;
  const table = readTable(bytes, {
    file: options.file,
    onRow: (row, header, headerLine) => {
      rows++;
      (validator ??= new IntakeValidator(options.file, header, headerLine, validateOptions)).row(row.line, row.cells);
    },
  });
  validator ??= new IntakeValidator(options.file, table.header, table.headerLine, validateOptions);
  // The cells of conflicting repeats (rare) are read again from the bytes.
  return validator.finish(table.problems, rows, () => readTable(bytes, { file: options.file }).rows);
}

/** Validates the rows of an intake table. */
export function validateIntakeTable(table: Table, options: { config: TrialConfig; sha256: string; format: "csv" | "xlsx" }): IntakeRead {
  const validator = new IntakeValidator(table.file, table.header, table.headerLine, options);
  for (const { line, cells } of table.rows) validator.row(line, cells);
  return validator.finish(table.problems, table.rows.length, () => table.rows);
}

/** Validates an intake's rows one at a time (`row`), then gives the result (`finish`). */
class IntakeValidator {
  private readonly mapping: ReturnType<typeof mapHeader<IntakeColumn | CovariateKey>>;
  private readonly records: IntakeRecord[] = [];
  private readonly invalid: InvalidIntakeRow[] = [];
  private readonly cprIndex: number;
  private readonly dayIndex: number;
  private readonly groupIndex: number;
  private readonly cprName: string;
  private readonly dayName: string;
  private readonly groupName: string;
  /** The declared covariates found in the header, in the configuration's order. */
  private readonly covariateColumns: { key: string; index: number }[] = [];
  /** Every other column, in file order: passed through to the staff list. */
  private readonly passThroughColumns: { name: string; index: number }[] = [];
  private readonly groups = new Map<string, string>();
  private readonly excelSerial: boolean;
  // A large file has few distinct spellings of a group, few distinct days and few
  // combinations of covariate values: each is parsed once, and records with the
  // same covariate values share one covariates object (never changed after).
  private readonly groupSpelling = new Map<string, string>();
  private readonly dayCells = new Map<string, DateCellResult>();
  private readonly covariatesSeen: CovariateNode = { next: new Map() };
  private covariateObjects = 0;

  constructor(
    private readonly file: string,
    private readonly header: string[],
    headerLine: number,
    private readonly options: { config: TrialConfig; sha256: string; format: "csv" | "xlsx" },
  ) {
    const mapping = mapHeader(header, columnSpecs(options.config), file, headerLine);
    this.mapping = mapping;
    this.cprIndex = mapping.index.cpr!;
    this.dayIndex = mapping.index.firstUnemploymentDay!;
    this.groupIndex = mapping.index.industryGroup!;
    this.cprName = mapping.names.cpr!;
    this.dayName = mapping.names.firstUnemploymentDay!;
    this.groupName = mapping.names.industryGroup!;
    for (const covariate of trialCovariates(options.config)) {
      const index = mapping.index[`covariate:${covariate.name}`];
      if (index !== undefined) this.covariateColumns.push({ key: covariate.name, index });
    }
    // A column without a header name is passed through too ("Kolonne 7"), when any of its cells holds something (see finish).
    for (const extra of mapping.extra) this.passThroughColumns.push({ name: extra.name.trim() === "" ? `Kolonne ${extra.index + 1}` : extra.name, index: extra.index });
    for (const group of options.config.targetGroup.industryGroups) this.groups.set(normalizeHeader(group), group);
    this.excelSerial = options.format === "xlsx";
  }

  row(line: number, cells: string[]): void {
    if (this.mapping.problems.length > 0) return;
    const { file, covariateColumns } = this;
    const parsedCpr = parseCpr(cells[this.cprIndex]!);
    const dayCell = cells[this.dayIndex]!;
    let day = this.dayCells.get(dayCell);
    if (day === undefined) {
      day = parseDateCell(dayCell, { excelSerial: this.excelSerial });
      if (this.dayCells.size < 10_000) this.dayCells.set(dayCell, day);
    }
    const groupCell = cells[this.groupIndex]!.trim();
    if (!parsedCpr.ok || !day.ok || groupCell === "") {
      const problems: Problem[] = [];
      if (!parsedCpr.ok) problems.push(problem(parsedCpr.problem, { file, row: line, column: this.cprName }));
      if (!day.ok) problems.push(problem(day.problem, { file, row: line, column: this.dayName }));
      if (groupCell === "") problems.push(problem("value_empty", { file, row: line, column: this.groupName }));
      this.invalid.push({
        row: line,
        cells,
        cprDigits: parsedCpr.ok ? parsedCpr.cpr.digits : null,
        cprCell: cells[this.cprIndex]!,
        firstUnemploymentDay: day.ok ? day.date : null,
        industryGroup: groupCell === "" ? null : groupCell,
        passThrough: this.passThroughOf(cells),
        problems,
      });
      return;
    }
    // Shared only while there are few combinations; a file of all-distinct values gets one object per row as before.
    const share = this.covariateObjects < 10_000;
    let node: CovariateNode | undefined = this.covariatesSeen;
    for (let index = 0; node !== undefined && index < covariateColumns.length; index++) {
      const value = cells[covariateColumns[index]!.index]!.trim();
      let child: CovariateNode | undefined = node.next.get(value);
      if (child === undefined && share) node.next.set(value, (child = { next: new Map() }));
      node = child;
    }
    let covariates = node?.covariates;
    if (covariates === undefined) {
      covariates = {};
      for (const column of covariateColumns) {
        const value = cells[column.index]!.trim();
        if (value !== "") covariates[column.key] = value;
      }
      if (node !== undefined) {
        node.covariates = covariates;
        this.covariateObjects++;
      }
    }
    let industryGroup = this.groupSpelling.get(groupCell);
    if (industryGroup === undefined) {
      industryGroup = this.groups.get(normalizeHeader(groupCell)) ?? groupCell;
      this.groupSpelling.set(groupCell, industryGroup);
    }
    this.records.push({ row: line, cpr: parsedCpr.cpr, firstUnemploymentDay: day.date, industryGroup, covariates, passThrough: this.passThroughOf(cells) });
  }

  /**
   * Sets the result's pass-through columns: every column passed through, except
   * one without a header name that is empty in every row (Excel leaves such
   * columns beside a table); the rows' cells are narrowed to match.
   */
  private passThroughInto(result: IntakeRead): void {
    const filled = (position: number): boolean => [result.records, result.invalid].some((rows) => rows.some((row) => (row.passThrough[position] ?? "").trim() !== ""));
    const kept = this.passThroughColumns.map((column, position) => this.header[column.index]!.trim() !== "" || filled(position));
    result.passThroughColumns = this.passThroughColumns.filter((_, position) => kept[position]).map((column) => column.name);
    if (kept.every(Boolean)) return;
    const narrow = (cells: readonly string[]): readonly string[] => (result.passThroughColumns.length === 0 ? NOTHING_PASSED_THROUGH : cells.filter((_, position) => kept[position]));
    for (const record of result.records) record.passThrough = narrow(record.passThrough);
    for (const row of result.invalid) if (row.passThrough.length > 0) row.passThrough = narrow(row.passThrough);
  }

  /** The cells passed through to the staff list; one shared empty list when there are no such columns. */
  private passThroughOf(cells: readonly string[]): readonly string[] {
    if (this.passThroughColumns.length === 0) return NOTHING_PASSED_THROUGH;
    return this.passThroughColumns.map((column) => cells[column.index] ?? "");
  }

  /** The result, given the table's own problems, how many rows it had and (for conflicting repeats only) its rows again. */
  finish(tableProblems: Problem[], rowCount: number, tableRows: () => TableRow[]): IntakeRead {
    const { file } = this;
    const result: IntakeRead = {
      file,
      sha256: this.options.sha256,
      format: this.options.format,
      header: this.header,
      passThroughColumns: [],
      records: [],
      invalid: [],
      duplicates: [],
      fileProblems: [],
      duplicatesCollapsed: 0,
      rowsRead: rowCount,
    };
    const fileLevel = tableProblems.filter((item) => item.row === null);
    if (fileLevel.length > 0) {
      result.fileProblems = fileLevel;
      return result;
    }
    if (this.mapping.problems.length > 0) {
      result.fileProblems = this.mapping.problems;
      return result;
    }
    for (const item of tableProblems) {
      result.invalid.push({ row: item.row ?? 0, cells: [], cprDigits: null, cprCell: "", firstUnemploymentDay: null, industryGroup: null, passThrough: [], problems: [item] });
      result.rowsRead++;
    }
    for (const row of this.invalid) result.invalid.push(row);
    result.records = this.records;
    this.passThroughInto(result);
    const { covariateColumns } = this;
    collapseDuplicates(
      result,
      {
        cprName: this.cprName,
        dayName: this.dayName,
        groupName: this.groupName,
        cprIndex: this.cprIndex,
        covariateNames: new Map(covariateColumns.map((column) => [column.key, this.header[column.index]!])),
      },
      tableRows,
    );
    result.invalid.sort((a, b) => a.row - b.row);
    return result;
  }
}

/** A trie over covariate values, column by column, ending in the shared covariates object. */
interface CovariateNode {
  next: Map<string, CovariateNode>;
  covariates?: Record<string, string>;
}

function sameCovariates(a: Record<string, string>, b: Record<string, string>): string[] {
  const differing: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[key] !== b[key]) differing.push(key);
  return differing;
}

/** Collapses identical repeats; turns conflicting repeats (and their first row) into invalid rows. */
function collapseDuplicates(
  result: IntakeRead,
  names: { cprName: string; dayName: string; groupName: string; cprIndex: number; covariateNames: Map<string, string> },
  tableRows: () => TableRow[],
): void {
  const first = new CprTable(result.records.length);
  const conflicted = new Map<IntakeRecord, { otherRow: number; differing: string[] }>();
  const keep: IntakeRecord[] = [];
  const cellsByRow = new Map<number, string[]>();
  let anyRepeat = false;
  const { records } = result;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const earlierIndex = first.firstOrAdd(record.cpr.digits, index);
    if (earlierIndex < 0) {
      keep.push(record);
      continue;
    }
    const earlier = records[earlierIndex]!;
    anyRepeat = true;
    const differing: string[] = [];
    if (earlier.firstUnemploymentDay !== record.firstUnemploymentDay) differing.push(names.dayName);
    if (earlier.industryGroup !== record.industryGroup) differing.push(names.groupName);
    for (const key of sameCovariates(earlier.covariates, record.covariates)) differing.push(names.covariateNames.get(key) ?? key);
    if (differing.length === 0) {
      result.duplicatesCollapsed++;
      result.duplicates.push({ record, firstRow: earlier.row });
      continue;
    }
    conflicted.set(record, { otherRow: earlier.row, differing });
    if (!conflicted.has(earlier)) conflicted.set(earlier, { otherRow: record.row, differing });
  }
  if (!anyRepeat) return;
  if (conflicted.size === 0) {
    result.records = keep;
    return;
  }
  for (const row of tableRows()) cellsByRow.set(row.line, row.cells);
  result.records = keep.filter((record) => !conflicted.has(record));
  for (const [record, conflict] of conflicted) {
    const cells = cellsByRow.get(record.row) ?? [];
    result.invalid.push({
      row: record.row,
      cells,
      cprDigits: record.cpr.digits,
      cprCell: cells[names.cprIndex] ?? "",
      firstUnemploymentDay: record.firstUnemploymentDay,
      industryGroup: record.industryGroup,
      passThrough: record.passThrough,
      problems: [problem("duplicate_conflict", { file: result.file, row: record.row, column: names.cprName }, { otherRow: conflict.otherRow, differing: conflict.differing })],
    });
  }
}

/**
 * The first position of each CPR number, for collapsing repeats: an
 * open-addressing table over the number's ten digits read as two 5-digit
 * halves. For a backfill of 300,000 rows it took a fifth of the time a Map
 * keyed by the digits took (measured in the read phase of bench/assign-bench.ts).
 */
class CprTable {
  private readonly high: Int32Array;
  private readonly low: Int32Array;
  private readonly positions: Int32Array;
  private readonly mask: number;

  constructor(count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.high = new Int32Array(size);
    this.low = new Int32Array(size);
    this.positions = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The position recorded for `digits` (ten digits) if any, else records `position` and gives -1. */
  firstOrAdd(digits: string, position: number): number {
    let high = 0;
    for (let index = 0; index < 5; index++) high = high * 10 + digits.charCodeAt(index) - 48;
    let low = 0;
    for (let index = 5; index < 10; index++) low = low * 10 + digits.charCodeAt(index) - 48;
    // Mixed so that every digit moves every bit (numbers that differ only in their serial land apart).
    let hash = Math.imul(high, 0x9e3779b1) ^ low;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash ^= hash >>> 13;
    let slot = hash & this.mask;
    for (;;) {
      const found = this.positions[slot]!;
      if (found < 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.positions[slot] = position;
        return -1;
      }
      if (this.high[slot] === high && this.low[slot] === low) return found;
      slot = (slot + 1) & this.mask;
    }
  }
}
