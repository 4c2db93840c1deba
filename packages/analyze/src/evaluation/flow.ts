/**
 * Counts for a CONSORT-style diagram: screened, ineligible by reason and
 * invalid (from the register's batch records when given; null otherwise, never
 * invented), assigned and voided per arm, excluded from the analysis by reason,
 * analysed, exited, still running at the as-of date and censored by reason.
 *
 * Suppression: every count from 1 to minCellSize - 1 is null (zero is shown); within an
 * arm, the voided assignments and the exclusion reasons (which add up to assigned,
 * voided included, minus analysed) and the censoring reasons (which add up to
 * analysed - exited) get complementary suppression so a suppressed count cannot be
 * recovered by subtraction.
 */
import type { Results } from "../results-schema.ts";
import { AS_OF_CENSORING, REASON_CODES, type AnalysisSet } from "./analysis-set.ts";
import { armCounts, armCountsBy } from "./arm-counts.ts";
import type { ScreeningCounts } from "./model.ts";
import { cell, suppressGroup } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;

export function flowCounts(set: AnalysisSet, screening: ScreeningCounts | null, minCellSize: number): Results["flow"] {
  const analysed = armCounts(set.rows);
  const exited = armCounts(set.rows.filter((row) => row.event));
  // The as-of date first, even when nobody is censored by it; then the reasons in the order they occur.
  const censoredBy = new Map([[AS_OF_CENSORING, { control: 0, intervention: 0 }], ...armCountsBy(set.rows, (row) => (row.event ? null : (row.censorReason ?? AS_OF_CENSORING)))]);
  const censorReasons = [...censoredBy.keys()];
  const withCode = (reason: string) => (REASON_CODES[reason] === undefined ? { reason } : { reason, code: REASON_CODES[reason] });
  const excluded = set.excluded.map((entry) => ({ ...withCode(entry.reason), control: 0 as number | null, intervention: 0 as number | null }));
  const censored = censorReasons.map((reason) => ({ ...withCode(reason), control: 0 as number | null, intervention: 0 as number | null }));
  const analysedCells = { control: cell(analysed.control, minCellSize), intervention: cell(analysed.intervention, minCellSize) };
  const exitedCells = { control: cell(exited.control, minCellSize), intervention: cell(exited.intervention, minCellSize) };
  const voidedCells = { control: cell(set.voided.control, minCellSize), intervention: cell(set.voided.intervention, minCellSize) };
  for (const arm of ARMS) {
    // [analysed, voided, ...excluded] add up to assigned (voided included, as published): protect analysed from
    // complementary suppression. Without voided in the group, a suppressed voided count was assigned minus the rest.
    const exclusion = suppressGroup([analysed[arm], set.voided[arm], ...set.excluded.map((entry) => entry[arm])], minCellSize, new Set([0]));
    analysedCells[arm] = exclusion[0]!;
    voidedCells[arm] = exclusion[1]!;
    excluded.forEach((entry, index) => (entry[arm] = exclusion[index + 2]!));
    const censoring = suppressGroup([exited[arm], ...censorReasons.map((reason) => censoredBy.get(reason)![arm])], minCellSize, new Set([0]));
    exitedCells[arm] = censoring[0]!;
    censored.forEach((entry, index) => (entry[arm] = censoring[index + 1]!));
  }
  const stillRunning = {
    control: censored.find((entry) => entry.reason === AS_OF_CENSORING)!.control,
    intervention: censored.find((entry) => entry.reason === AS_OF_CENSORING)!.intervention,
  };
  return {
    screened: screening === null ? null : cell(screening.screened, minCellSize),
    ineligible: screening === null ? [] : screening.ineligible.map((entry) => ({ reason: entry.reason, n: cell(entry.n, minCellSize) })),
    invalid: screening === null ? null : cell(screening.invalid, minCellSize),
    assigned: {
      control: cell(set.assigned.control + set.voided.control, minCellSize),
      intervention: cell(set.assigned.intervention + set.voided.intervention, minCellSize),
    },
    voided: voidedCells,
    excluded,
    analysed: analysedCells,
    exited: exitedCells,
    stillRunning,
    censored,
  };
}
