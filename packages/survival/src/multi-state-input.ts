/**
 * Multi-state input: the episode columns the multi-state estimator takes, their checks,
 * and the one preparation step (drop and count incomplete persons, check every person's
 * path, merge censoring splits, code states and groups).
 *
 * An episode is one row: person `id`, `group`, the interval (`start`, `stop`] in whole
 * days since the person's first day (the origin, time 0), the state `from` the person is
 * in during the interval and `to`, the state entered at `stop` or the censor label when
 * follow-up ends there. A person's rows, in time order, must form one unbroken path:
 * each row starts where the previous one stopped, in the state the previous one went to.
 * The first row may start after 0 (staggered entry: the person is counted from `start`
 * on, left truncation).
 *
 * Missing data, decided once: a row without an id belongs to no one and is dropped; a
 * person with a missing group, time or state in any row is left out whole (dropping one
 * row would cut the path in two). Both are counted (`nDroppedRows`, `nDroppedIds`).
 * Everything else that is wrong is an error naming the row (and the other row involved),
 * never quoting a value: an id may be a CPR number. Present but impossible: a negative or
 * infinite time, stop <= start, a state not in `states`, `from` equal to `to`, a count
 * that is not a positive number, overlapping rows, a gap between rows, a row starting in
 * another state than the previous one went to, a group or count that changes within a
 * person, and (with `initial`) a first row starting elsewhere.
 *
 * A row ending in the censor label followed directly by a row in the same state is a
 * split, not a censoring: the two are merged (R's survfit does the same for a split in
 * the middle of a path).
 */
import { z } from "zod";
import { AnalyzeError, type EpisodeWhere } from "./messages.ts";
import { GroupOptionSchema, isMissingNumber, labelOf, LabelColumnSchema, NumericColumnSchema, orderGroups } from "./survival-input.ts";

/** Episode columns, one value per row. */
export const MultiStateDataSchema = z.object({
  /** Person identifier (kept inside: never shown in a result or a message). */
  id: LabelColumnSchema,
  /** Randomized group of the person (the same in all the person's rows). */
  group: LabelColumnSchema,
  /** Start of the episode (exclusive), whole days >= 0 since the person's time 0. */
  start: NumericColumnSchema,
  /** End of the episode (inclusive), > start. */
  stop: NumericColumnSchema,
  /** State during the episode. */
  from: LabelColumnSchema,
  /** State entered at `stop`, or the censor label. */
  to: LabelColumnSchema,
  /** Persons the row stands for (counted rows: a frequency weight, the same in all rows of an id). Default: 1 per row */
  count: NumericColumnSchema.optional(),
});
export type MultiStateData = z.infer<typeof MultiStateDataSchema>;

/** How the episodes are read: states, censor label, initial state, groups. */
export const MultiStateInputOptionsSchema = z.object({
  /** The states, in the order results list them; a state not listed is an error. Default: the initial state (if given), then the other states in sorted order (so the order of the rows does not matter) */
  states: z.array(z.string().min(1)).min(1).optional(),
  /** The label in `to` that ends follow-up without a transition. Default: "censor" */
  censor: z.string().min(1).default("censor"),
  /** The state every person starts in; a person whose first row starts elsewhere is an error. Default: none (the first row's `from`) */
  initial: z.string().min(1).optional(),
  /** Groups to use, first group first (differences are first minus second). Default: all groups, "control" first if present, otherwise sorted */
  groups: GroupOptionSchema,
  /** Where the rows come from, for messages: the file, and what to add to the 1-based row index (1 when the file has a header row). Default: no file, rows counted from 1 */
  source: z.object({ file: z.string(), rowOffset: z.number().int().min(0) }).optional(),
  /** Column names for messages. Default: group, start, stop, from, to, count */
  columnNames: z
    .object({
      group: z.string(),
      start: z.string(),
      stop: z.string(),
      from: z.string(),
      to: z.string(),
      count: z.string(),
    })
    .partial()
    .optional(),
});
export type MultiStateInputOptions = z.input<typeof MultiStateInputOptionsSchema>;

/** One group's episodes, ready for the Aalen-Johansen pass (internal). */
export interface GroupEpisodes {
  /** Persons in the group (distinct ids). */
  nIds: number;
  /** Persons the ids stand for (sum of counts). */
  nPersons: number;
  /** Frequency weight per person index. */
  count: Float64Array;
  /** The id of each person index, as a label (for per-person results such as the influence). */
  ids: string[];
  /** Per episode: person index, entry (start), exit (stop), state codes (to: -1 = censored). */
  person: Int32Array;
  entry: Float64Array;
  exit: Float64Array;
  from: Int32Array;
  to: Int32Array;
}

/** The prepared episodes (internal). */
export interface PreparedMultiState {
  states: string[];
  groups: string[];
  nRows: number;
  /** Rows dropped: without an id, or of a person with a missing cell. */
  nDroppedRows: number;
  /** Persons left out whole for a missing cell. */
  nDroppedIds: number;
  /** Rows of groups not requested. */
  nExcludedRows: number;
  byGroup: GroupEpisodes[];
}

function numberOf(value: number | null | undefined): number | undefined {
  return isMissingNumber(value) ? undefined : (value as number);
}

/**
 * Check and prepare episode columns (internal: the public function parses with zod first).
 *
 * @example
 * // one person: adp (0, 14], job (14, 30] censored
 * prepareMultiState({ id: ["a", "a"], group: ["g", "g"], start: [0, 14], stop: [14, 30], from: ["adp", "job"], to: ["job", "censor"] }, { censor: "censor" }).states // ["adp", "job"]
 */
export function prepareMultiState(data: MultiStateData, options: z.output<typeof MultiStateInputOptionsSchema>): PreparedMultiState {
  const nRows = data.id.length;
  const names = options.columnNames ?? {};
  const columns = {
    group: names.group ?? "group",
    start: names.start ?? "start",
    stop: names.stop ?? "stop",
    from: names.from ?? "from",
    to: names.to ?? "to",
    count: names.count ?? "count",
  };
  for (const key of ["group", "start", "stop", "from", "to", "count"] as const) {
    const column = data[key];
    if (column !== undefined && column.length !== nRows) {
      throw new AnalyzeError({ code: "length_mismatch", column: columns[key], expected: nRows, actual: column.length });
    }
  }
  const file = options.source?.file;
  const rowOffset = options.source?.rowOffset ?? 0;
  const where = (row: number, column: string, otherRow?: number): EpisodeWhere => ({
    ...(file !== undefined ? { file } : {}),
    row: row + 1 + rowOffset,
    column,
    ...(otherRow !== undefined ? { otherRow: otherRow + 1 + rowOffset } : {}),
  });
  const fail = (issue: ConstructorParameters<typeof AnalyzeError>[0]): never => {
    throw new AnalyzeError(issue);
  };

  // 1. Rows by id; persons with a missing cell are dropped whole.
  const rowsOfId = new Map<string, number[]>();
  let nDroppedRows = 0;
  for (let row = 0; row < nRows; row++) {
    const id = labelOf(data.id[row]);
    if (id === undefined) {
      nDroppedRows++;
      continue;
    }
    let rows = rowsOfId.get(id);
    if (rows === undefined) rowsOfId.set(id, (rows = []));
    rows.push(row);
  }
  const isComplete = (row: number): boolean =>
    labelOf(data.group[row]) !== undefined &&
    numberOf(data.start[row]) !== undefined &&
    numberOf(data.stop[row]) !== undefined &&
    labelOf(data.from[row]) !== undefined &&
    labelOf(data.to[row]) !== undefined &&
    (data.count === undefined || numberOf(data.count[row]) !== undefined);
  const persons: number[][] = [];
  let nDroppedIds = 0;
  for (const rows of rowsOfId.values()) {
    if (rows.every(isComplete)) persons.push(rows);
    else {
      nDroppedIds++;
      nDroppedRows += rows.length;
    }
  }

  // 2. Row checks, and the states in order.
  const stateCode = new Map<string, number>();
  const states: string[] = [];
  const addState = (label: string) => {
    if (!stateCode.has(label)) {
      stateCode.set(label, states.length);
      states.push(label);
    }
  };
  if (options.states !== undefined) options.states.forEach(addState);
  else if (options.initial !== undefined) addState(options.initial);
  if (options.states !== undefined && options.initial !== undefined && !stateCode.has(options.initial)) {
    fail({ code: "episode_option_state", option: "initial", state: options.initial, states: options.states });
  }
  if (options.states?.includes(options.censor)) {
    fail({ code: "invalid_input", detail: `the censor label "${options.censor}" is also listed as a state; choose another censor label` });
  }
  const fixedStates = options.states !== undefined;
  const checkState = (label: string, row: number, column: string) => {
    if (stateCode.has(label)) return;
    if (fixedStates) fail({ code: "episode_unknown_state", where: where(row, column), states, censor: options.censor });
    addState(label);
  };
  // Rows in the order given, so the first error is the first in the file.
  const keptRows = persons.flat().sort((a, b) => a - b);
  for (const row of keptRows) {
    const start = numberOf(data.start[row])!;
    const stop = numberOf(data.stop[row])!;
    if (!(start >= 0) || !Number.isFinite(start)) fail({ code: "episode_invalid_time", where: where(row, columns.start) });
    if (!Number.isFinite(stop)) fail({ code: "episode_invalid_time", where: where(row, columns.stop) });
    if (!(stop > start)) fail({ code: "episode_empty_interval", where: where(row, columns.stop), startColumn: columns.start });
    const from = labelOf(data.from[row])!;
    const to = labelOf(data.to[row])!;
    if (from === options.censor) fail({ code: "episode_unknown_state", where: where(row, columns.from), states, censor: options.censor });
    checkState(from, row, columns.from);
    if (to !== options.censor) checkState(to, row, columns.to);
    if (from === to) fail({ code: "episode_same_state", where: where(row, columns.to), fromColumn: columns.from });
    if (data.count !== undefined) {
      const count = numberOf(data.count[row])!;
      if (!(count > 0) || !Number.isFinite(count)) fail({ code: "episode_invalid_count", where: where(row, columns.count) });
    }
  }

  if (!fixedStates) {
    const sorted = [...states].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (options.initial !== undefined) sorted.splice(sorted.indexOf(options.initial), 1);
    states.length = 0;
    stateCode.clear();
    if (options.initial !== undefined) addState(options.initial);
    sorted.forEach(addState);
  }

  // 3. Groups.
  const presentGroups = new Set<string>();
  for (const rows of persons) presentGroups.add(labelOf(data.group[rows[0]!])!);
  if (persons.length === 0) throw new AnalyzeError({ code: "no_rows", dropped: nDroppedRows });
  const groups = orderGroups(presentGroups, options.groups);
  const groupIndex = new Map(groups.map((label, index) => [label, index] as const));

  // 4. Each person's path: sorted by start, unbroken, consistent.
  const episodesByGroup: { person: number[]; entry: number[]; exit: number[]; from: number[]; to: number[]; count: number[]; ids: string[] }[] = groups.map(() => ({
    ids: [],
    person: [],
    entry: [],
    exit: [],
    from: [],
    to: [],
    count: [],
  }));
  let nExcludedRows = 0;
  for (const rows of persons) {
    const first = rows[0]!;
    const group = labelOf(data.group[first])!;
    const count = data.count === undefined ? 1 : numberOf(data.count[first])!;
    for (const row of rows) {
      if (labelOf(data.group[row]) !== group) fail({ code: "episode_group_changes", where: where(row, columns.group, first) });
      if (data.count !== undefined && numberOf(data.count[row]) !== count) fail({ code: "episode_count_changes", where: where(row, columns.count, first) });
    }
    const sorted = [...rows].sort((a, b) => numberOf(data.start[a])! - numberOf(data.start[b])! || a - b);
    const initialRow = sorted[0]!;
    if (options.initial !== undefined && labelOf(data.from[initialRow]) !== options.initial) {
      fail({ code: "episode_initial_state", where: where(initialRow, columns.from), initial: options.initial });
    }
    // merged episodes of this person
    const path: { entry: number; exit: number; from: number; to: number }[] = [];
    let previous = -1;
    for (const row of sorted) {
      const start = numberOf(data.start[row])!;
      const stop = numberOf(data.stop[row])!;
      const from = stateCode.get(labelOf(data.from[row])!)!;
      const toLabel = labelOf(data.to[row])!;
      const to = toLabel === options.censor ? -1 : stateCode.get(toLabel)!;
      if (previous >= 0) {
        const last = path[path.length - 1]!;
        if (start < last.exit) fail({ code: "episode_overlap", where: where(row, columns.start, previous), stopColumn: columns.stop });
        if (start > last.exit) fail({ code: "episode_gap", where: where(row, columns.start, previous), stopColumn: columns.stop });
        const stateBefore = last.to >= 0 ? last.to : last.from;
        if (from !== stateBefore) fail({ code: "episode_state_jump", where: where(row, columns.from, previous), toColumn: columns.to });
        if (last.to < 0) {
          // a censoring split: continue the same episode
          last.exit = stop;
          last.to = to;
          previous = row;
          continue;
        }
      }
      path.push({ entry: start, exit: stop, from, to });
      previous = row;
    }
    const code = groupIndex.get(group);
    if (code === undefined) {
      nExcludedRows += rows.length;
      continue;
    }
    const target = episodesByGroup[code]!;
    const personIndex = target.count.length;
    target.count.push(count);
    target.ids.push(labelOf(data.id[first])!);
    for (const episode of path) {
      target.person.push(personIndex);
      target.entry.push(episode.entry);
      target.exit.push(episode.exit);
      target.from.push(episode.from);
      target.to.push(episode.to);
    }
  }

  const byGroup = episodesByGroup.map((episodes) => {
    const count = Float64Array.from(episodes.count);
    return {
      nIds: count.length,
      nPersons: count.reduce((sum, value) => sum + value, 0),
      count,
      ids: episodes.ids,
      person: Int32Array.from(episodes.person),
      entry: Float64Array.from(episodes.entry),
      exit: Float64Array.from(episodes.exit),
      from: Int32Array.from(episodes.from),
      to: Int32Array.from(episodes.to),
    };
  });
  return { states, groups, nRows, nDroppedRows, nDroppedIds, nExcludedRows, byGroup };
}
