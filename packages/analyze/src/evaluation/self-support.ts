/**
 * Exit to self-support: cumulative incidence (Aalen-Johansen) with the other
 * exits as competing events, read at 13, 26 and 52 weeks, and the project's
 * own "monthly exit to self-support in % of the stock". The differences are
 * intervention minus control: more exits to self-support, a gain for the
 * intervention, is positive (the sign convention of days saved).
 */
import { addDays, daysBetween } from "@jobtrial/core";
import { cumulativeIncidence, cumulativeIncidenceAt, type CumulativeIncidenceCurve } from "@jobtrial/survival";
import { normalQuantile, normalTwoSidedP } from "@jobtrial/survival";
import type { Estimate, Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import { SELF_SUPPORT } from "./model.ts";
import { cell, cumulativeIncidenceSteps, isSmall } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;
export const SELF_SUPPORT_WEEKS = [13, 26, 52] as const;

/** Exit states in the data: self-support first, then the others in alphabetical order. */
export function exitStates(rows: readonly AnalysisRow[]): string[] {
  const others = new Set<string>();
  for (const row of rows) if (row.event && row.state !== null && row.state !== SELF_SUPPORT) others.add(row.state);
  return [SELF_SUPPORT, ...[...others].sort()];
}

/** The published points of one state's curve: steps of at least minCellSize exits to the state (suppress.ts). */
function curvePoints(curve: CumulativeIncidenceCurve, stateCode: string, minCellSize: number) {
  const incidence = curve.incidence[stateCode];
  const exits = curve.nEvent[stateCode];
  if (incidence === undefined || exits === undefined) return [];
  return cumulativeIncidenceSteps(exits, curve.nRisk, minCellSize).map((index) => {
    const stdErr = incidence.stdErr[index]!;
    return { time: curve.time[index]!, estimate: incidence.estimate[index]!, stdErr: Number.isFinite(stdErr) ? stdErr : null };
  });
}

/** Cumulative incidence and monthly exits; `asOf` bounds the months (only whole months before it). */
export function selfSupportMeasures(rows: readonly AnalysisRow[], asOf: string, minCellSize: number): Results["selfSupport"] {
  const states = exitStates(rows);
  const code = new Map(states.map((state, index) => [state, index + 1]));
  const result = cumulativeIncidence(
    {
      time: rows.map((row) => row.time),
      state: rows.map((row) => (row.event ? code.get(row.state ?? "")! : 0)),
      group: rows.map((row) => row.arm),
    },
    { groups: [...ARMS] },
  );
  const selfSupportCode = "1";
  const cif = {} as Results["selfSupport"]["cif"];
  for (const arm of ARMS) {
    const curve = result.curves[arm]!;
    const byState: Record<string, { time: number; estimate: number; stdErr: number | null }[]> = {};
    states.forEach((state, index) => (byState[state] = curvePoints(curve, String(index + 1), minCellSize)));
    cif[arm] = byState;
  }
  const z = normalQuantile(0.975);
  const at = SELF_SUPPORT_WEEKS.map((weeks) => {
    const days = weeks * 7;
    const estimateFor = (arm: (typeof ARMS)[number]): { value: Estimate; nRisk: number; maxTime: number } => {
      const curve = result.curves[arm]!;
      const point = cumulativeIncidenceAt(curve, selfSupportCode, [days])[0];
      const maxTime = curve.time.length > 0 ? curve.time[curve.time.length - 1]! : 0;
      if (point === undefined) return { value: { estimate: 0, se: 0, lower: null, upper: null }, nRisk: 0, maxTime };
      return { value: { estimate: point.estimate, se: point.stdErr, lower: point.lower, upper: point.upper }, nRisk: point.nRisk, maxTime };
    };
    const control = estimateFor("control");
    const intervention = estimateFor("intervention");
    // Beyond an arm's follow-up, or with fewer than the minimum at risk, the value is not shown.
    const usable = (entry: { nRisk: number; maxTime: number }) => entry.maxTime >= days && entry.nRisk >= minCellSize;
    const empty: Estimate = { estimate: null, se: null, lower: null, upper: null };
    const controlValue = usable(control) ? control.value : empty;
    const interventionValue = usable(intervention) ? intervention.value : empty;
    let difference: Estimate = { ...empty, p: null };
    if (controlValue.estimate !== null && interventionValue.estimate !== null && controlValue.se !== null && interventionValue.se !== null) {
      const estimate = interventionValue.estimate - controlValue.estimate;
      const se = Math.sqrt(controlValue.se ** 2 + interventionValue.se ** 2);
      difference = { estimate, se, lower: estimate - z * se, upper: estimate + z * se, p: se > 0 ? normalTwoSidedP(estimate / se) : null };
    }
    return { weeks, days, control: controlValue, intervention: interventionValue, difference };
  });
  return { states, cif, at, monthly: monthlyExits(rows, asOf, minCellSize) };
}

function firstOfNextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/**
 * Monthly exit to self-support in % of the stock, as the project phrased it:
 * for each whole calendar month before the as-of date, the stock is everyone
 * on benefit on the 1st (entered on or before it, spell not yet ended), the
 * exits are those of the stock whose spell ended in the month with exit to
 * self-support, the share is exits / stock. Counts from 1 to minCellSize - 1
 * are suppressed, and so is the share resting on them.
 */
export function monthlyExits(rows: readonly AnalysisRow[], asOf: string, minCellSize: number): Results["selfSupport"]["monthly"] {
  if (rows.length === 0) return [];
  let earliest = rows[0]!.member.firstUnemploymentDay;
  for (const row of rows) if (row.member.firstUnemploymentDay < earliest) earliest = row.member.firstUnemploymentDay;
  const months: Results["selfSupport"]["monthly"] = [];
  for (let start = firstOfNextMonth(earliest); firstOfNextMonth(start) <= asOf; start = firstOfNextMonth(start)) {
    const end = firstOfNextMonth(start);
    const counts = { control: { stock: 0, exits: 0 }, intervention: { stock: 0, exits: 0 } };
    for (const row of rows) {
      const entry = row.member.firstUnemploymentDay;
      if (entry > start) continue;
      // Last day observed on benefit: for an exit, the last benefit day; for a censored spell, the last day followed.
      const lastDay = addDays(entry, row.time - 1);
      if (lastDay < start) continue;
      counts[row.arm].stock++;
      if (row.event && row.state === SELF_SUPPORT && lastDay < end && daysBetween(start, lastDay) >= 0) counts[row.arm].exits++;
    }
    const arm = (key: (typeof ARMS)[number]) => ({
      stock: cell(counts[key].stock, minCellSize),
      exits: cell(counts[key].exits, minCellSize),
      share: counts[key].stock < minCellSize || isSmall(counts[key].exits, minCellSize) ? null : counts[key].exits / counts[key].stock,
    });
    months.push({ month: start.slice(0, 7), control: arm("control"), intervention: arm("intervention") });
  }
  return months;
}
