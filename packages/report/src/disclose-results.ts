/**
 * The results as the report may show them: every count goes through primary and
 * secondary suppression (see suppression.ts), and every figure derived from a
 * suppressed count (a share, a per-citizen rate, a subgroup estimate) is suppressed
 * with it. Every later phase reads only this, so no chart, table or CSV can show a
 * small cell.
 *
 * What is linked (secondary suppression):
 * - flow: screened = ineligible reasons + invalid + assigned per arm; assigned (per arm) =
 *   voided + excluded reasons + analysed; analysed = exited + censoring reasons (or
 *   still running when no reasons are given); assigned - voided = the arm's intake (the
 *   intake leaves voided assignments out), whose sum is shown;
 * - intake per arm: the weeks, and the years, add up to the arm's total (shown in the
 *   report), and each week's control + intervention add up to the week's n;
 * - subgroups per arm: the levels add up to the arm's analysed total;
 * - sensitivity analyses on a subset (without those born on the 1st of a month, without
 *   those born 1 January) per arm: analysed + left out = the primary analysis's analysed.
 * Counts of citizens still at risk at a horizon, and the path counts (analysed, excluded,
 * moved away, returned, prior support) are suppressed on their own; a share at risk that
 * rests on a suppressed count is hidden with it.
 * A count the input did not carry (results' `unknown`, see `isUnknown`) is no cell: it
 * stays null, is not counted as suppressed and takes no part in a constraint.
 * Kaplan-Meier curves stop where fewer than minCellSize are at risk, and cumulative
 * incidence curves (which carry no number at risk) with the last Kaplan-Meier row shown;
 * a binary covariate's share is hidden when fewer than minCellSize citizens
 * have (or lack) it; an advisor's figures are hidden when fewer than minCellSize
 * conversations were planned or held.
 */
import type { Results } from "@jobtrial/analyze";
import { isUnknown } from "./chart-data.ts";
import { isSmallCount, suppressCells, type Constraint } from "./suppression.ts";

type Arm = "control" | "intervention";
const ARMS: Arm[] = ["control", "intervention"];

export interface DisclosureSummary {
  minCellSize: number;
  /** Number of cells suppressed because they were small (including those suppressed upstream). */
  primary: number;
  /** Number of cells suppressed so that a small one cannot be recovered from totals. */
  secondary: number;
}

export interface DisclosedResults {
  results: Results;
  disclosure: DisclosureSummary;
}

/**
 * The effective minimum cell size: the larger of the results' and the configuration's,
 * and never below 3.
 */
export function effectiveMinCellSize(results: Results): number {
  return Math.max(3, results.minCellSize, results.config.disclosure.minCellSize);
}

/** Applies the disclosure rules to a copy of the results; the input is not changed. */
export function discloseResults(input: Results, minCellSize = effectiveMinCellSize(input)): DisclosedResults {
  const results = structuredClone(input);
  const cells: Record<string, number | null> = {};
  const constraints: Constraint[] = [];
  /** Setters that write the suppressed value back to its place in `results`. */
  const writeBack = new Map<string, (value: number | null) => void>();
  const register = (id: string, value: number | null, set: (value: number | null) => void) => {
    cells[id] = value;
    writeBack.set(id, set);
    return id;
  };
  /** A count the input did not carry is no cell: nothing to suppress, and not counted as suppressed. */
  const registerKnown = (path: string, id: string, value: number | null, set: (value: number | null) => void) =>
    value === null && isUnknown(input, path) ? id : register(id, value, set);

  // ---- flow ----
  const flow = results.flow;
  const screened = registerKnown("flow.screened", "flow.screened", flow.screened, (v) => (flow.screened = v));
  const ineligible = flow.ineligible.map((entry, index) => register(`flow.ineligible.${index}`, entry.n, (v) => (entry.n = v)));
  const invalid = registerKnown("flow.invalid", "flow.invalid", flow.invalid, (v) => (flow.invalid = v));
  const assigned = byArm((arm) => register(`flow.assigned.${arm}`, flow.assigned[arm], (v) => (flow.assigned[arm] = v)));
  // Without the screening counts there is no screened total to subtract from.
  if (screened in cells) constraints.push({ total: screened, parts: [...ineligible, invalid, assigned.control, assigned.intervention] });
  for (const arm of ARMS) {
    const voided = register(`flow.voided.${arm}`, flow.voided[arm], (v) => (flow.voided[arm] = v));
    const excluded = flow.excluded.map((entry, index) => register(`flow.excluded.${index}.${arm}`, entry[arm], (v) => (entry[arm] = v)));
    const analysed = register(`flow.analysed.${arm}`, flow.analysed[arm], (v) => (flow.analysed[arm] = v));
    // The intake counts leave voided assignments out, so their sum (shown: the years, the
    // weeks) is assigned - voided: a hidden voided count would be given away by a shown
    // assigned count. Linked first, so a small voided count takes the assigned count with
    // it rather than a reason in the flow (which the intake's sum would give away in turn).
    if (intakeLeavesOutVoided(input, arm)) constraints.push({ parts: [voided, assigned[arm]] });
    constraints.push({ total: assigned[arm], parts: [voided, ...excluded, analysed] });
    const exited = register(`flow.exited.${arm}`, flow.exited[arm], (v) => (flow.exited[arm] = v));
    const running = register(`flow.stillRunning.${arm}`, flow.stillRunning[arm], (v) => (flow.stillRunning[arm] = v));
    const censored = flow.censored.map((entry, index) => register(`flow.censored.${index}.${arm}`, entry[arm], (v) => (entry[arm] = v)));
    constraints.push({ total: analysed, parts: [exited, ...(censored.length > 0 ? censored : [running])] });
  }

  // ---- intake and allocation ----
  const weekIds = new Map<string, Record<Arm, string>>();
  for (const [index, row] of results.intake.byWeek.entries()) {
    weekIds.set(row.week, byArm((arm) => register(`intake.week.${index}.${arm}`, row[arm], (v) => (row[arm] = v))));
  }
  for (const arm of ARMS) constraints.push({ parts: [...weekIds.values()].map((ids) => ids[arm]) });
  const yearIds = results.intake.byYear.map((row, index) => byArm((arm) => register(`intake.year.${index}.${arm}`, row[arm], (v) => (row[arm] = v))));
  for (const arm of ARMS) constraints.push({ parts: yearIds.map((ids) => ids[arm]) });
  for (const [index, row] of results.allocation.byWeek.entries()) {
    const total = register(`allocation.week.${index}.n`, row.n, (v) => (row.n = v));
    const intake = weekIds.get(row.week);
    const intervention = register(`allocation.week.${index}.intervention`, row.intervention, (v) => (row.intervention = v));
    if (intake) constraints.push({ total, parts: [intake.control, intake.intervention] }, { total, parts: [intake.control, intervention] });
  }

  // ---- subgroups ----
  for (const [variableIndex, subgroup] of results.subgroups.entries()) {
    for (const arm of ARMS) {
      const parts = subgroup.groups.map((group, index) => register(`subgroup.${variableIndex}.${index}.${arm}`, group.n[arm], (v) => (group.n[arm] = v)));
      constraints.push({ parts });
    }
  }

  // ---- sensitivity analyses ----
  const sensitivityRows = results.sensitivity?.rows ?? [];
  const sensitivityIds = sensitivityRows.map((row, index) => ({
    analysed: byArm((arm) => register(`sensitivity.${index}.analysed.${arm}`, row.analysed[arm], (v) => (row.analysed[arm] = v))),
    leftOut: row.leftOut === null ? null : byArm((arm) => register(`sensitivity.${index}.leftOut.${arm}`, row.leftOut![arm], (v) => (row.leftOut![arm] = v))),
  }));
  const primaryIndex = sensitivityRows.findIndex((row) => row.key === "primary");
  for (const ids of sensitivityIds) {
    if (primaryIndex < 0 || ids.leftOut === null) continue;
    for (const arm of ARMS) constraints.push({ total: sensitivityIds[primaryIndex]!.analysed[arm], parts: [ids.analysed[arm], ids.leftOut[arm]] });
  }

  // ---- counts that are not linked: primary suppression only ----
  const plain = (id: string, value: number | null, set: (value: number | null) => void) => register(id, value, set);
  for (const [index, row] of results.duration.riskTable.entries()) {
    for (const arm of ARMS) {
      plain(`risk.${index}.${arm}.nRisk`, row[arm].nRisk, (v) => (row[arm].nRisk = v));
      plain(`risk.${index}.${arm}.cumEvents`, row[arm].cumEvents, (v) => (row[arm].cumEvents = v));
    }
  }
  for (const arm of ARMS) {
    const spells = results.completedSpells[arm];
    plain(`completed.${arm}`, spells.n, (v) => (spells.n = v));
    const heaping = results.allocation.heaping;
    registerKnown(`allocation.heaping.bornFirstOfMonth.${arm}`, `heaping.first.${arm}`, heaping.bornFirstOfMonth[arm].n, (v) => (heaping.bornFirstOfMonth[arm].n = v));
    registerKnown(`allocation.heaping.bornFirstJanuary.${arm}`, `heaping.january.${arm}`, heaping.bornFirstJanuary[arm].n, (v) => (heaping.bornFirstJanuary[arm].n = v));
    registerKnown(`allocation.heaping.replacementNumbers.${arm}`, `heaping.replacement.${arm}`, heaping.replacementNumbers[arm], (v) => (heaping.replacementNumbers[arm] = v));
  }
  for (const [index, row] of results.selfSupport.monthly.entries()) {
    for (const arm of ARMS) {
      plain(`monthly.${index}.${arm}.stock`, row[arm].stock, (v) => (row[arm].stock = v));
      plain(`monthly.${index}.${arm}.exits`, row[arm].exits, (v) => (row[arm].exits = v));
    }
  }
  for (const [index, row] of results.balance.entries()) {
    for (const arm of ARMS) plain(`balance.${index}.${arm}`, row[arm].n, (v) => (row[arm].n = v));
  }
  const process = results.process;
  if (process) {
    for (const [index, row] of process.byWeek.entries()) {
      for (const arm of ARMS) {
        plain(`process.${index}.${arm}.citizens`, row[arm].citizens, (v) => (row[arm].citizens = v));
        plain(`process.${index}.${arm}.held`, row[arm].held, (v) => (row[arm].held = v));
        plain(`process.${index}.${arm}.letters`, row[arm].letters, (v) => (row[arm].letters = v));
      }
    }
    for (const [index, row] of process.perAdvisor.entries()) {
      plain(`advisor.${index}.planned`, row.planned, (v) => (row.planned = v));
      plain(`advisor.${index}.held`, row.held, (v) => (row.held = v));
    }
  }
  for (const [index, row] of sensitivityRows.entries()) {
    const atRisk = row.atRisk;
    if (atRisk) for (const arm of ARMS) plain(`sensitivity.${index}.atRisk.${arm}`, atRisk[arm].n, (v) => (atRisk[arm].n = v));
  }
  const paths = results.paths;
  if (paths) {
    for (const arm of ARMS) {
      plain(`paths.analysed.${arm}`, paths.analysed[arm], (v) => (paths.analysed[arm] = v));
      plain(`paths.movedAway.${arm}`, paths.movedAway[arm], (v) => (paths.movedAway[arm] = v));
      plain(`paths.returned.${arm}`, paths.returned[arm], (v) => (paths.returned[arm] = v));
      plain(`paths.priorSupport.${arm}`, paths.priorSupport[arm], (v) => (paths.priorSupport[arm] = v));
      for (const [index, entry] of paths.excluded.entries()) plain(`paths.excluded.${index}.${arm}`, entry[arm], (v) => (entry[arm] = v));
    }
  }
  const secondaryOutcomes = results.secondary;
  if (secondaryOutcomes) {
    for (const key of ["applications", "selfFoundJob", "rating"] as const) {
      const block = secondaryOutcomes[key];
      if (!block) continue;
      for (const arm of ARMS) plain(`secondary.${key}.${arm}`, block[arm].n, (v) => (block[arm].n = v));
    }
  }

  const outcome = suppressCells(cells, constraints, minCellSize);
  for (const [id, value] of outcome.values) writeBack.get(id)!(value);

  // ---- figures derived from counts ----
  for (const row of results.allocation.byWeek) {
    const control = row.n !== null && row.intervention !== null ? row.n - row.intervention : null;
    if (row.n === null || row.intervention === null || isSmallCount(control, minCellSize)) row.share = null;
  }
  for (const arm of ARMS) {
    for (const block of [results.allocation.heaping.bornFirstOfMonth[arm], results.allocation.heaping.bornFirstJanuary[arm]]) {
      if (block.n === null) block.share = null;
    }
    if (results.completedSpells[arm].n === null) Object.assign(results.completedSpells[arm], { mean: null, sd: null });
  }
  for (const row of results.selfSupport.monthly) {
    for (const arm of ARMS) if (row[arm].exits === null || row[arm].stock === null) row[arm].share = null;
  }
  for (const row of sensitivityRows) {
    const atRisk = row.atRisk;
    if (atRisk) for (const arm of ARMS) if (atRisk[arm].n === null) atRisk[arm].share = null;
  }
  for (const row of results.balance) {
    let hidden = false;
    for (const arm of ARMS) {
      const side = row[arm];
      const n = side.n;
      const withLevel = row.kind === "binary" && n !== null && side.mean !== null ? Math.round(side.mean * n) : null;
      if (n === null || (row.kind === "binary" && (isSmallCount(withLevel, minCellSize) || isSmallCount(n - (withLevel ?? 0), minCellSize)))) {
        Object.assign(side, { mean: null, sd: null });
        hidden = true;
      }
    }
    if (hidden) row.smd = null;
  }
  if (process) {
    for (const row of process.byWeek) {
      for (const arm of ARMS) if (row[arm].citizens === null || row[arm].held === null) row[arm].perCitizen = null;
    }
    for (const row of process.perAdvisor) if (row.held === null || row.planned === null) row.onTimeShare = null;
  }
  for (const subgroup of results.subgroups) {
    for (const group of subgroup.groups) {
      if (group.suppressed || group.n.control === null || group.n.intervention === null) {
        group.suppressed = true;
        group.daysSaved = null;
      }
    }
  }
  if (secondaryOutcomes) {
    for (const key of ["applications", "rating"] as const) {
      const block = secondaryOutcomes[key];
      if (block) for (const arm of ARMS) if (block[arm].n === null) block[arm].mean = null;
    }
    const job = secondaryOutcomes.selfFoundJob;
    if (job) for (const arm of ARMS) if (job[arm].n === null) job[arm].share = null;
  }

  // ---- curves: stop where fewer than minCellSize are at risk ----
  // The incidence curves carry no number at risk: they end with the last Kaplan-Meier row
  // shown (analyze may already have aggregated or cut the Kaplan-Meier rows).
  for (const arm of ARMS) {
    const rows = results.km[arm];
    const cut = rows.findIndex((row) => row.nRisk < minCellSize);
    if (cut >= 0) results.km[arm] = rows.slice(0, cut);
    const lastTime = results.km[arm].at(-1)?.time ?? 0;
    const curves = results.selfSupport.cif[arm];
    for (const state of Object.keys(curves)) curves[state] = curves[state]!.filter((row) => row.time <= lastTime);
  }

  return { results, disclosure: { minCellSize, primary: outcome.primary.size, secondary: outcome.secondary.size } };
}

/**
 * True when the arm's intake can be assigned - voided: analyze counts the intake without
 * voided assignments, so this holds unless the input says otherwise (a voided count that
 * is known and does not match, or intake years that exceed the assigned count). A voided
 * count that arrived suppressed (null) is taken as linked: it is exactly the count the
 * link protects.
 */
function intakeLeavesOutVoided(input: Results, arm: Arm): boolean {
  const years = input.intake.byYear.map((row) => row[arm]);
  const assigned = input.flow.assigned[arm];
  if (assigned === null || years.some((count) => count === null)) return false;
  const intake = years.reduce<number>((sum, count) => sum + count!, 0);
  const voided = input.flow.voided[arm];
  return voided === null ? intake <= assigned : intake === assigned - voided;
}

function byArm<T>(make: (arm: Arm) => T): Record<Arm, T> {
  return { control: make("control"), intervention: make("intervention") };
}
