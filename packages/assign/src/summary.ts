/**
 * The batch summary staff read in the terminal, in Danish (English with `lang` "en"). It names rows by
 * their line in the file, never by CPR number, and names the intake columns
 * passed through to the staff list without any of their values, so it can be
 * logged. Its counts per status are the staff list's rows per status.
 */
import type { BatchResult, RowStatus } from "./batch.ts";
import type { IneligibleReason } from "./eligibility.ts";
import { formatCount, formatProblem, type Lang } from "@jobtrial/core";

export const INELIGIBLE_LABEL: Record<IneligibleReason, string> = {
  "before-intake-window": "første ledighedsdag før indtagsperioden",
  "after-intake-window": "første ledighedsdag efter indtagsperioden",
  "in-the-future": "første ledighedsdag ligger i fremtiden",
  "not-in-target-group": "branchegruppe uden for målgruppen",
};

/** The status of a row on the staff list, as staff read it. */
export const STATUS_LABEL: Record<RowStatus, string> = {
  assigned: "Ny",
  "already-assigned": "Allerede tildelt",
  ineligible: "Ikke i målgruppen",
  invalid: "Ugyldig",
  duplicate: "Gentagelse",
};

/** How many rows of the result have each status, in the order of `STATUS_LABEL`. */
export function statusCounts(result: Pick<BatchResult, "counts">): Record<RowStatus, number> {
  const { counts } = result;
  return {
    assigned: counts.assigned.intervention + counts.assigned.control,
    "already-assigned": counts.alreadyAssigned,
    ineligible: Object.values(counts.ineligible).reduce((sum, value) => sum + value, 0),
    invalid: counts.invalid,
    duplicate: counts.duplicatesCollapsed,
  };
}

const OUTCOME_LABEL: Record<Lang, Record<BatchResult["outcome"], string>> = {
  da: {
    written: "skrevet i registret",
    unchanged: "allerede kørt; intet ændret",
    "dry-run": "prøvekørsel; intet skrevet",
    refused: "afvist; intet skrevet",
  },
  en: {
    written: "written to the register",
    unchanged: "already run; nothing changed",
    "dry-run": "dry run; nothing written",
    refused: "refused; nothing written",
  },
};

const INELIGIBLE_LABEL_EN: Record<IneligibleReason, string> = {
  "before-intake-window": "first day of unemployment before the intake period",
  "after-intake-window": "first day of unemployment after the intake period",
  "in-the-future": "first day of unemployment in the future",
  "not-in-target-group": "industry group outside the target group",
};

const STATUS_LABEL_EN: Record<RowStatus, string> = {
  assigned: "New",
  "already-assigned": "Already assigned",
  ineligible: "Not in the target group",
  invalid: "Invalid",
  duplicate: "Repeated",
};

/** The summary's words; the staff list's labels (`STATUS_LABEL`, `INELIGIBLE_LABEL`) are the Danish ones. */
const SUMMARY_WORDING = {
  da: {
    status: STATUS_LABEL,
    ineligible: INELIGIBLE_LABEL,
    week: "Uge",
    refusedRows: (count: string) => `  Ugyldige rækker: ${count}. Ret fejlene og kør igen, eller brug --accept-valid for at tildele de gyldige rækker.`,
    rows: "Rækker i filen:",
    thisWeek: "Tildelt denne uge:",
    total: "Tildelt i alt:",
    already: "Allerede tildelt:",
    notTarget: "Ikke i målgruppen:",
    invalid: "Ugyldige rækker:",
    repeated: "Ens gentagelser:",
    flags: "Markeringer:",
    flagText: (replacement: string, zero: string, modulus: string) => `erstatningspersonnumre ${replacement}, genskabt foranstillet nul ${zero}, uden modulus 11 ${modulus}`,
    listOnly: "Kun på listen:",
    listOnlyText: (columns: string) => `${columns} (filens egne kolonner; gemmes ikke i registret)`,
    arms: (intervention: string, control: string) => `Indsats ${intervention}, Kontrol ${control}`,
    alreadyRow: (row: number, week: string, batch: string, arm: string) => `række ${row}: allerede tildelt i uge ${week} (batch ${batch}), ${arm}`,
    arm: { intervention: "Indsats", control: "Kontrol" },
    more: (count: string) => `... og ${count} mere (se listen)`,
    note: "Bemærk",
  },
  en: {
    status: STATUS_LABEL_EN,
    ineligible: INELIGIBLE_LABEL_EN,
    week: "Week",
    refusedRows: (count: string) => `  Invalid rows: ${count}. Fix the errors and run again, or use --accept-valid to assign the valid rows.`,
    rows: "Rows in the file:",
    thisWeek: "Assigned this week:",
    total: "Assigned in total:",
    already: "Already assigned:",
    notTarget: "Not in target group:",
    invalid: "Invalid rows:",
    repeated: "Identical repeats:",
    flags: "Flags:",
    flagText: (replacement: string, zero: string, modulus: string) => `replacement personal numbers ${replacement}, restored leading zero ${zero}, without modulus 11 ${modulus}`,
    listOnly: "Only on the list:",
    listOnlyText: (columns: string) => `${columns} (the file's own columns; not stored in the register)`,
    arms: (intervention: string, control: string) => `Intervention ${intervention}, Control ${control}`,
    alreadyRow: (row: number, week: string, batch: string, arm: string) => `row ${row}: already assigned in week ${week} (batch ${batch}), ${arm}`,
    arm: { intervention: "Intervention", control: "Control" },
    more: (count: string) => `... and ${count} more (see the list)`,
    note: "Note",
  },
};

/** A count as Danish text writes it: 147.911 (a dot between thousands; core's `formatCount`). */
export function danishCount(value: number): string {
  return formatCount(value, "da");
}

/** The summary as lines of text (without trailing newline), in Danish unless `lang` is "en". */
export function formatBatchSummary(result: BatchResult, lang: Lang = "da"): string[] {
  const { counts } = result;
  const say = SUMMARY_WORDING[lang];
  const n = (value: number) => formatCount(value, lang);
  const label = (text: string) => `  ${text.padEnd(23)}`;
  const lines = [`${say.week} ${result.week}, batch ${result.batchId ?? "-"} (${result.inputName}): ${OUTCOME_LABEL[lang][result.outcome]}`];
  if (result.outcome === "refused") {
    lines.push(say.refusedRows(n(counts.invalid)));
    return lines;
  }
  const byStatus = statusCounts(result);
  const ineligibleParts = (Object.entries(counts.ineligible) as [IneligibleReason, number][]).filter(([, count]) => count > 0).map(([reason, count]) => `${say.ineligible[reason]} ${n(count)}`);
  lines.push(
    `${label(say.rows)}${n(counts.rows)} (${(Object.keys(STATUS_LABEL) as RowStatus[]).map((status) => `${say.status[status]} ${n(byStatus[status])}`).join(", ")})`,
    `${label(say.thisWeek)}${say.arms(n(counts.assigned.intervention), n(counts.assigned.control))}`,
    `${label(say.total)}${say.arms(n(counts.cumulative.intervention), n(counts.cumulative.control))}`,
    `${label(say.already)}${n(counts.alreadyAssigned)}`,
    `${label(say.notTarget)}${n(byStatus.ineligible)}${ineligibleParts.length > 0 ? ` (${ineligibleParts.join(", ")})` : ""}`,
    `${label(say.invalid)}${n(counts.invalid)}`,
    `${label(say.repeated)}${n(counts.duplicatesCollapsed)}`,
    `${label(say.flags)}${say.flagText(n(counts.flags.replacementNumber), n(counts.flags.restoredLeadingZero), n(counts.flags.noModulus11))}`,
  );
  if (result.passThroughColumns.length > 0) lines.push(`${label(say.listOnly)}${say.listOnlyText(result.passThroughColumns.join(", "))}`);
  const already = result.rows.filter((row) => row.status === "already-assigned");
  for (const row of already.slice(0, 50)) lines.push(`    ${say.alreadyRow(row.row, String(row.assignedWeek), String(row.assignedBatchId), say.arm[row.arm === "intervention" ? "intervention" : "control"])}`);
  if (already.length > 50) lines.push(`    ${say.more(n(already.length - 50))}`);
  for (const warning of result.warnings) lines.push(`  ${say.note}: ${warning[lang]}`);
  return lines;
}

/** Every problem as one line each (file, row, column, reason, fix). */
export function formatProblems(result: BatchResult): string[] {
  return result.problems.map((item) => formatProblem(item));
}
