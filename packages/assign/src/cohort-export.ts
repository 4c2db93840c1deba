/**
 * The cohort for evaluators: one row per active (not voided) assignment,
 * keyed by pseudonym, with no CPR number and no birth date. Age at entry is
 * in whole years at the first unemployment day; "born_1_january",
 * "replacement_number" and "born_first_of_month" are 1 or 0 (flags for the
 * heaping diagnostics: a rule on the day of the month sends everyone
 * registered on the 1st to one arm).
 *
 * The intake covariates are an allow-list: the covariates the configuration
 * declares (`trialCovariates`), in its order, after industry_group, and
 * nothing else. A register written before the allow-list may hold other
 * intake columns (a name, a remark) in its rows: they are never exported, and
 * `registerColumns` shows what a register holds.
 */
import { toCsv, type Covariate } from "@jobtrial/core";
import { pseudonymFor, type PseudonymKey } from "./pseudonym.ts";
import { batchIdFor, voidedBatchSeqs, type AssignmentRow, type Register } from "./register.ts";

/** The cohort's own columns before the covariates. */
const LEADING_COLUMNS = ["pseudonym", "arm", "week", "batch_id", "first_unemployment_day", "age_at_entry", "sex", "industry_group"] as const;
/** The cohort's own columns after the covariates. */
const TRAILING_COLUMNS = ["born_1_january", "replacement_number", "born_first_of_month"] as const;

/**
 * Covariates stored under another name by registers written before the
 * configuration declared them (the register's rows never change): the stored
 * name and the declared name it stands for.
 */
const STORED_NAMES: Record<string, string> = { unemploymentFund: "unemployment_fund" };

/** The declared name of a covariate as stored in a register row. */
export function declaredName(stored: string): string {
  return STORED_NAMES[stored] ?? stored;
}

export interface CohortExportOptions {
  /** The covariates to write: the configuration's allow-list (`trialCovariates(config)`). Any other stored column is left out. */
  covariates: readonly Covariate[];
}

export interface CohortExport {
  header: string[];
  rows: (string | number)[][];
  /** Columns the register holds in its rows that the allow-list leaves out, by stored name, sorted (the names only: never a value). */
  leftOut: string[];
}

/** Whole years from a birth date to a later date. */
export function ageInYears(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age--;
  return age;
}

/** The cohort as header and rows, with the declared covariates only. */
export function exportCohort(register: Register, key: PseudonymKey, options: CohortExportOptions): CohortExport {
  const voided = voidedBatchSeqs(register);
  const assignments = (register.db.prepare("SELECT * FROM assignments ORDER BY seq").all() as AssignmentRow[]).filter((row) => !voided.has(row.batch_seq));
  const declared = options.covariates.map((covariate) => covariate.name);
  const allowed = new Set(declared);
  const leftOut = new Set<string>();
  const header = [...LEADING_COLUMNS, ...declared, ...TRAILING_COLUMNS];
  const rows = assignments.map((row) => {
    const covariates: Record<string, string> = {};
    for (const [stored, value] of Object.entries(JSON.parse(row.covariates_json) as Record<string, string>)) {
      const name = declaredName(stored);
      if (allowed.has(name)) covariates[name] = value;
      else leftOut.add(stored);
    }
    const flags = row.flags === "" ? [] : row.flags.split(",");
    return [
      pseudonymFor(key, row.cpr),
      row.arm,
      row.week,
      batchIdFor(row.batch_seq),
      row.first_unemployment_day,
      ageInYears(row.birth_date, row.first_unemployment_day),
      row.sex,
      row.industry_group,
      ...declared.map((name) => covariates[name] ?? ""),
      row.birth_date.slice(5) === "01-01" ? 1 : 0,
      flags.includes("replacement-number") ? 1 : 0,
      row.birth_date.slice(8, 10) === "01" ? 1 : 0,
    ];
  });
  return { header, rows, leftOut: [...leftOut].sort() };
}

/** The cohort as CSV text (semicolon, UTF-8 BOM), with the declared covariates only. */
export function exportCohortCsv(register: Register, key: PseudonymKey, options: CohortExportOptions): { csv: string; rows: number; leftOut: string[] } {
  const { header, rows, leftOut } = exportCohort(register, key, options);
  return { csv: toCsv(header, rows), rows: rows.length, leftOut };
}

/** One column the register's rows hold: the fixed ones and each stored intake column. */
export interface RegisterColumn {
  /** The stored name (a register written before the allow-list may hold an intake column under its header, "Navn"). */
  name: string;
  kind: "fixed" | "covariate";
  /** Active and voided assignments whose row holds a value in it. */
  assignments: number;
  /** Whether the cohort export writes it (fixed columns: as its pseudonym or derived columns; covariates: when declared). */
  exported: boolean;
}

/** The fixed columns of an assignment row and how the cohort export uses them. */
const FIXED_COLUMNS: { name: string; exported: boolean }[] = [
  { name: "cpr", exported: false },
  { name: "birth_date", exported: false },
  { name: "sex", exported: true },
  { name: "first_unemployment_day", exported: true },
  { name: "industry_group", exported: true },
];

/**
 * What a register holds: its fixed columns, and every intake column stored in
 * its rows' covariates with the number of assignments holding it and whether
 * the export writes it under `covariates`. Names and counts only, never a value.
 */
export function registerColumns(register: Register, covariates: readonly Covariate[]): RegisterColumn[] {
  const total = (register.db.prepare("SELECT count(*) AS n FROM assignments").get() as { n: number }).n;
  const held = new Map<string, number>();
  for (const row of register.db.prepare("SELECT covariates_json FROM assignments").iterate() as IterableIterator<{ covariates_json: string }>) {
    for (const name of Object.keys(JSON.parse(row.covariates_json) as Record<string, string>)) held.set(name, (held.get(name) ?? 0) + 1);
  }
  const declared = new Set(covariates.map((covariate) => covariate.name));
  return [
    ...FIXED_COLUMNS.map((column) => ({ name: column.name, kind: "fixed" as const, assignments: total, exported: column.exported })),
    ...[...held].map(([name, assignments]) => ({ name, kind: "covariate" as const, assignments, exported: declared.has(declaredName(name)) })),
  ];
}
