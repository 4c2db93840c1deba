/**
 * The batch summary staff read in the terminal, in Danish. It names rows by
 * their line in the file, never by CPR number, and names the intake columns
 * passed through to the staff list without any of their values, so it can be
 * logged. Its counts per status are the staff list's rows per status.
 */
import type { BatchResult, RowStatus } from "./batch.ts";
import type { IneligibleReason } from "./eligibility.ts";
import { formatCount, formatProblem } from "@jobtrial/core";

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

const OUTCOME_LABEL: Record<BatchResult["outcome"], string> = {
  written: "skrevet i registret",
  unchanged: "allerede kørt; intet ændret",
  "dry-run": "prøvekørsel; intet skrevet",
  refused: "afvist; intet skrevet",
};

/** A count as Danish text writes it: 147.911 (a dot between thousands; core's `formatCount`). */
export function danishCount(value: number): string {
  return formatCount(value, "da");
}

/** The summary as lines of text (without trailing newline). */
export function formatBatchSummary(result: BatchResult): string[] {
  const { counts } = result;
  const n = danishCount;
  const lines = [`Uge ${result.week}, batch ${result.batchId ?? "-"} (${result.inputName}): ${OUTCOME_LABEL[result.outcome]}`];
  if (result.outcome === "refused") {
    lines.push(`  Ugyldige rækker: ${n(counts.invalid)}. Ret fejlene og kør igen, eller brug --accept-valid for at tildele de gyldige rækker.`);
    return lines;
  }
  const byStatus = statusCounts(result);
  const ineligibleParts = (Object.entries(counts.ineligible) as [IneligibleReason, number][]).filter(([, count]) => count > 0).map(([reason, count]) => `${INELIGIBLE_LABEL[reason]} ${danishCount(count)}`);
  lines.push(
    `  Rækker i filen:        ${n(counts.rows)} (${(Object.keys(STATUS_LABEL) as RowStatus[]).map((status) => `${STATUS_LABEL[status]} ${n(byStatus[status])}`).join(", ")})`,
    `  Tildelt denne uge:     Indsats ${n(counts.assigned.intervention)}, Kontrol ${n(counts.assigned.control)}`,
    `  Tildelt i alt:         Indsats ${n(counts.cumulative.intervention)}, Kontrol ${n(counts.cumulative.control)}`,
    `  Allerede tildelt:      ${n(counts.alreadyAssigned)}`,
    `  Ikke i målgruppen:     ${n(byStatus.ineligible)}${ineligibleParts.length > 0 ? ` (${ineligibleParts.join(", ")})` : ""}`,
    `  Ugyldige rækker:       ${n(counts.invalid)}`,
    `  Ens gentagelser:       ${n(counts.duplicatesCollapsed)}`,
    `  Markeringer:           erstatningspersonnumre ${n(counts.flags.replacementNumber)}, genskabt foranstillet nul ${n(counts.flags.restoredLeadingZero)}, uden modulus 11 ${n(counts.flags.noModulus11)}`,
  );
  if (result.passThroughColumns.length > 0) {
    lines.push(`  Kun på listen:         ${result.passThroughColumns.join(", ")} (filens egne kolonner; gemmes ikke i registret)`);
  }
  const already = result.rows.filter((row) => row.status === "already-assigned");
  for (const row of already.slice(0, 50)) lines.push(`    række ${row.row}: allerede tildelt i uge ${row.assignedWeek} (batch ${row.assignedBatchId}), ${row.arm === "intervention" ? "Indsats" : "Kontrol"}`);
  if (already.length > 50) lines.push(`    ... og ${n(already.length - 50)} mere (se listen)`);
  for (const warning of result.warnings) lines.push(`  Bemærk: ${warning}`);
  return lines;
}

/** Every problem as one line each (file, row, column, reason, fix). */
export function formatProblems(result: BatchResult): string[] {
  return result.problems.map((item) => formatProblem(item));
}
