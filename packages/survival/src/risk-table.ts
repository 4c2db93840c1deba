/**
 * Risk table (internal): for each group, at every distinct time with an event or a
 * censoring, the number at risk just before the time, the events (by state) and the
 * censorings, all in persons (a counted row adds its count). Built in one pass over the
 * time-sorted rows; everything in Kaplan-Meier,
 * the median, the restricted mean and the Aalen-Johansen estimator derives from it.
 */
import type { PreparedSurvival } from "./survival-input.ts";

export interface RiskTable {
  /** Persons in the group. */
  n: number;
  /** Distinct times, ascending. */
  time: number[];
  /** Rows with time >= t (at risk just before t). */
  nRisk: number[];
  /** Events of any state at t. */
  nEvent: number[];
  /** Censorings at t (they count as at risk at t: censored after events). */
  nCensor: number[];
  /** nEventByState[k - 1][j]: exits to state k at time j (multi-state data only). */
  nEventByState: number[][];
}

/** One risk table per group code of `prepared`. */
export function riskTablesByGroup(prepared: PreparedSurvival): RiskTable[] {
  const nGroups = prepared.groups.length;
  const nStates = prepared.maxStatus;
  const tables: RiskTable[] = [];
  const groupSize = new Float64Array(nGroups);
  for (let position = 0; position < prepared.size; position++) groupSize[prepared.group[position]!]! += prepared.count[position]!;
  for (let group = 0; group < nGroups; group++) {
    tables.push({
      n: groupSize[group]!,
      time: [],
      nRisk: [],
      nEvent: [],
      nCensor: [],
      nEventByState: Array.from({ length: nStates }, () => []),
    });
  }
  const lastTime = new Float64Array(nGroups).fill(Number.NaN);
  const leftBefore = new Float64Array(nGroups); // rows of the group with time < current time
  const { time, status, group, count } = prepared;
  for (let position = 0; position < prepared.size; position++) {
    const rowGroup = group[position]!;
    const table = tables[rowGroup]!;
    const rowTime = time[position]!;
    if (rowTime !== lastTime[rowGroup]) {
      // close the previous time of this group
      const count = table.time.length;
      if (count > 0) leftBefore[rowGroup]! += table.nEvent[count - 1]! + table.nCensor[count - 1]!;
      lastTime[rowGroup] = rowTime;
      table.time.push(rowTime);
      table.nRisk.push(groupSize[rowGroup]! - leftBefore[rowGroup]!);
      table.nEvent.push(0);
      table.nCensor.push(0);
      for (let state = 0; state < nStates; state++) table.nEventByState[state]!.push(0);
    }
    const last = table.time.length - 1;
    const rowStatus = status[position]!;
    const persons = count[position]!;
    if (rowStatus === 0) table.nCensor[last]! += persons;
    else {
      table.nEvent[last]! += persons;
      table.nEventByState[rowStatus - 1]![last]! += persons;
    }
  }
  return tables;
}
