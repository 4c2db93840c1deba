/**
 * The cohort for evaluators: one row per active (not voided) assignment,
 * keyed by pseudonym, with no CPR number and no birth date. Age at entry is
 * in whole years at the first unemployment day; "born_1_january",
 * "replacement_number" and "born_first_of_month" are 1 or 0 (flags for the
 * heaping diagnostics: a rule on the day of the month sends everyone
 * registered on the 1st to one arm). Intake covariates follow in a fixed order
 * (unemployment_fund, education, origin), then any other intake column under
 * its header name, in alphabetical order.
 */
import { toCsv } from "@jobtrial/core";
import { pseudonymFor, type PseudonymKey } from "./pseudonym.ts";
import { batchIdFor, voidedBatchSeqs, type AssignmentRow, type Register } from "./register.ts";

export const COHORT_COLUMNS = [
  "pseudonym",
  "arm",
  "week",
  "batch_id",
  "first_unemployment_day",
  "age_at_entry",
  "sex",
  "industry_group",
  "unemployment_fund",
  "education",
  "origin",
  "born_1_january",
  "replacement_number",
  "born_first_of_month",
] as const;

const KNOWN_COVARIATES: Record<string, string> = { unemploymentFund: "unemployment_fund", education: "education", origin: "origin" };

/** Whole years from a birth date to a later date. */
export function ageInYears(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age--;
  return age;
}

/** The cohort as header and rows. */
export function exportCohort(register: Register, key: PseudonymKey): { header: string[]; rows: (string | number)[][] } {
  const voided = voidedBatchSeqs(register);
  const assignments = (register.db.prepare("SELECT * FROM assignments ORDER BY seq").all() as AssignmentRow[]).filter((row) => !voided.has(row.batch_seq));
  const extra = new Set<string>();
  const parsed = assignments.map((row) => {
    const covariates = JSON.parse(row.covariates_json) as Record<string, string>;
    for (const name of Object.keys(covariates)) if (!(name in KNOWN_COVARIATES)) extra.add(name);
    return { row, covariates };
  });
  const extraColumns = [...extra].filter((name) => !(COHORT_COLUMNS as readonly string[]).includes(name)).sort();
  const header = [...COHORT_COLUMNS, ...extraColumns];
  const rows = parsed.map(({ row, covariates }) => {
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
      covariates["unemploymentFund"] ?? "",
      covariates["education"] ?? "",
      covariates["origin"] ?? "",
      row.birth_date.slice(5) === "01-01" ? 1 : 0,
      flags.includes("replacement-number") ? 1 : 0,
      row.birth_date.slice(8, 10) === "01" ? 1 : 0,
      ...extraColumns.map((name) => covariates[name] ?? ""),
    ];
  });
  return { header, rows };
}

/** The cohort as CSV text (semicolon, UTF-8 BOM). */
export function exportCohortCsv(register: Register, key: PseudonymKey): { csv: string; rows: number } {
  const { header, rows } = exportCohort(register, key);
  return { csv: toCsv(header, rows), rows: rows.length };
}
