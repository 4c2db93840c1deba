/**
 * Each cohort member's path through the benefit states, from the first unemployment day to
 * the as-of date, read from the weekly benefit panel with the trial configuration's
 * `benefitStates` (core's benefit-states.ts). Rules, decided once:
 *
 * - Time: days since the first unemployment day (day 0). A week's state holds from its
 *   Monday; the entry week counts from the first unemployment day to its Sunday
 *   (7 - weekday days, Monday = 0), every later ISO week 7 days. So week k >= 1 covers days
 *   7k - weekday .. 7k - weekday + 6, and a state entered at week k is entered at time
 *   7k - weekday (the simulator's path model uses the same clock).
 * - A week's state: the first listed state with a code in that week (A-dagpenge first by
 *   default); none: a week with only codes in `censorCodes` ends follow-up at its start; a
 *   week without codes is `noCodeState`. A code listed nowhere goes to `otherCodesState`,
 *   or is an input problem (load-inputs.ts reports it with its row; here it throws).
 * - Entry: the path starts on A-dagpenge (`unemploymentState`). An entry week without
 *   A-dagpenge whose next week has it counts as A-dagpenge (the panel registers the benefit
 *   from the next week; as deriveSpells starts a spell then); a member with A-dagpenge in
 *   neither week has no path ("no outcome data"), as in the spell analysis.
 * - Follow-up ends at the as-of date (the first day not observed: time as-of - first
 *   unemployment day) or at the start of the first week with only a censor code (moved
 *   away), whichever comes first. A week with both a state's code and a censor code keeps
 *   the state and ends follow-up after it. Weeks starting on or after the as-of date are
 *   not read.
 * - Total time on public support (anciennitet): ISO weeks with a code of a public state,
 *   across benefits, counted from the panel's history before the entry week as far back as
 *   it goes, the current week included; after `supportResetWeeks` weeks in a row without
 *   public support the count starts again from 0 (UNCONFIRMED rule, ../shared/domain.md §4).
 * - Returns to A-dagpenge count: a path may leave and re-enter any state any number of times.
 * - Voided assignments and members whose first unemployment day is on or after the as-of
 *   date have no path and are counted apart.
 */
import { isoWeekStart, toDayNumber, type BenefitStates } from "@jobtrial/core";
import type { CohortMember, TrialArm } from "./model.ts";
import { evaluationProblem, type EvaluationProblem } from "./problems.ts";
import type { BenefitWeek } from "./read-inputs.ts";

/** One week of a path within follow-up. */
export interface PathWeek {
  /** Days since the first unemployment day: the week's first day in follow-up (0 for the entry week). */
  from: number;
  /** The day after its last day in follow-up (exclusive): the next week's start, or the end of follow-up. */
  to: number;
  /** Index of the state in `benefitStates.states`. */
  state: number;
  /** The state is public support. */
  public: boolean;
  /** The panel code that set the state, trimmed and lower-case ("" for a week without a code); prices the week. */
  code: string;
  /** Weeks on public support up to and including this one, the history before the first unemployment day included (for a week without public support: the count so far). */
  supportWeek: number;
}

/** A cohort member's observed path. */
export interface BenefitPath {
  member: CohortMember;
  arm: TrialArm;
  /** Days observed (the follow-up): the path is censored at this time. */
  followUp: number;
  /** Follow-up ended by a censor code (moved away) before the as-of date. */
  movedAway: boolean;
  /** Weeks on public support before the entry week (anciennitet at entry, after the reset rule). */
  priorSupportWeeks: number;
  /** Returns to A-dagpenge after leaving it. */
  returns: number;
  /** The weeks in follow-up, in order; the first is on A-dagpenge. */
  weeks: PathWeek[];
}

/** Per arm. */
export interface ArmCount {
  control: number;
  intervention: number;
}

export interface BenefitPathSet {
  paths: BenefitPath[];
  /** Members without a path: voided, first unemployment day on or after the as-of date, no A-dagpenge in the entry week or the next. */
  voided: ArmCount;
  lateEntry: ArmCount;
  noUnemploymentWeek: ArmCount;
}

/** How a week's codes are read: a state, or the end of follow-up. */
export interface WeekReading {
  /** State index; null when the week has only censor codes. */
  state: number | null;
  /** The code that set the state ("" for none). */
  code: string;
  /** A censor code was in the week too. */
  censor: boolean;
}

/** The configuration's codes as lookups (trimmed, lower-case). */
export interface CodeBook {
  states: BenefitStates;
  stateOfCode: Map<string, number>;
  censorCodes: Set<string>;
  unemployment: number;
  noCode: number;
  other: number | null;
  isPublic: boolean[];
}

export function normalizeCode(code: string): string {
  return code.trim().toLowerCase();
}

export function codeBook(states: BenefitStates): CodeBook {
  const stateOfCode = new Map<string, number>();
  states.states.forEach((state, index) => {
    for (const code of state.codes) stateOfCode.set(normalizeCode(code), index);
  });
  const indexOf = (name: string) => states.states.findIndex((state) => state.name === name);
  return {
    states,
    stateOfCode,
    censorCodes: new Set(states.censorCodes.map(normalizeCode)),
    unemployment: indexOf(states.unemploymentState),
    noCode: indexOf(states.noCodeState),
    other: states.otherCodesState === null ? null : indexOf(states.otherCodesState),
    isPublic: states.states.map((state) => state.public),
  };
}

/** True when the configuration knows the code (a state's, a censor code, empty, or any code with `otherCodesState`). */
export function isKnownCode(book: CodeBook, code: string): boolean {
  const key = normalizeCode(code);
  return key === "" || book.stateOfCode.has(key) || book.censorCodes.has(key) || book.other !== null;
}

/**
 * One problem per benefit code of the panel that the configuration does not know, at its
 * first row, with how many rows have it (the code itself is not quoted: messages never
 * quote a cell).
 *
 * @example unknownBenefitCodes([{ pseudonym: "p1", week: "2017-W01", code: "140", line: 2 }], codeBook(DEFAULT_BENEFIT_STATES), "panel.csv", "Ydelseskode")[0].row // 2
 */
export function unknownBenefitCodes(panel: readonly BenefitWeek[], book: CodeBook, file: string, column: string | null): EvaluationProblem[] {
  const first = new Map<string, { line: number | null; rows: number }>();
  for (const row of panel) {
    if (isKnownCode(book, row.code)) continue;
    const key = normalizeCode(row.code);
    const seen = first.get(key);
    if (seen) seen.rows++;
    else first.set(key, { line: row.line ?? null, rows: 1 });
  }
  return [...first.values()].map((seen) => evaluationProblem("benefit_code_unknown", { file, row: seen.line, column }, { foundCount: seen.rows }));
}

/**
 * Reads one week's codes (trimmed, lower-case): the first listed state with a code, else
 * the end of follow-up for a censor code, else `noCodeState`. Throws for a code the
 * configuration does not know (load-inputs.ts reports those as input problems first).
 *
 * @example readWeek(codeBook(DEFAULT_BENEFIT_STATES), ["890", "111"]) // { state: 0, code: "111", censor: false } (A-dagpenge is listed first)
 */
export function readWeek(book: CodeBook, codes: readonly string[] | undefined): WeekReading {
  let state: number | null = null;
  let code = "";
  let censor = false;
  for (const raw of codes ?? []) {
    if (raw === "") continue;
    if (book.censorCodes.has(raw)) {
      censor = true;
      continue;
    }
    const found = book.stateOfCode.get(raw) ?? book.other;
    if (found === undefined || found === null) throw new Error("internal: a benefit code the configuration does not know reached the paths (load-inputs.ts reports them)");
    if (state === null || found < state) {
      state = found;
      code = raw;
    }
  }
  if (state === null && !censor) state = book.noCode;
  return { state, code, censor };
}

/** Codes per person and week (Monday's day number), trimmed and lower-case. */
function panelByPerson(panel: readonly BenefitWeek[]): Map<string, Map<number, string[]>> {
  const byPerson = new Map<string, Map<number, string[]>>();
  const mondayOf = new Map<string, number>();
  for (const row of panel) {
    let monday = mondayOf.get(row.week);
    if (monday === undefined) mondayOf.set(row.week, (monday = toDayNumber(isoWeekStart(row.week))));
    let weeks = byPerson.get(row.pseudonym);
    if (!weeks) byPerson.set(row.pseudonym, (weeks = new Map()));
    const codes = weeks.get(monday);
    if (codes) codes.push(normalizeCode(row.code));
    else weeks.set(monday, [normalizeCode(row.code)]);
  }
  return byPerson;
}

/**
 * Weeks on public support before the entry week (Monday `entryMonday`), with the reset
 * after `resetWeeks` weeks in a row without support, and the run of weeks without support
 * just before the entry week.
 */
function priorSupport(book: CodeBook, weeks: Map<number, string[]>, entryMonday: number): { count: number; quietWeeks: number } {
  const supportMondays = [...weeks.keys()].filter((monday) => monday < entryMonday && isPublicWeek(book, readWeek(book, weeks.get(monday)))).sort((a, b) => a - b);
  let count = 0;
  let previous: number | null = null;
  for (const monday of supportMondays) {
    if (previous !== null && (monday - previous) / 7 - 1 >= book.states.supportResetWeeks) count = 0;
    count++;
    previous = monday;
  }
  const quietWeeks = previous === null ? Number.POSITIVE_INFINITY : (entryMonday - previous) / 7 - 1;
  if (quietWeeks >= book.states.supportResetWeeks) count = 0;
  return { count, quietWeeks };
}

function isPublicWeek(book: CodeBook, reading: WeekReading): boolean {
  return reading.state !== null && book.isPublic[reading.state]!;
}

/**
 * Every cohort member's path as of a date (the rules above). Rows of the panel for
 * persons outside the cohort are ignored.
 *
 * @example
 * // entry Wednesday 2017-01-04 on 111 in 2017-W01, 890 in W02, 111 again in W03, as of 2017-01-23:
 * // weeks [0, 5) adp, [5, 12) sickness, [12, 19) adp; follow-up 19 days, one return
 * benefitPaths(panel, cohort, "2017-01-23", DEFAULT_BENEFIT_STATES).paths[0].returns // 1
 */
export function benefitPaths(panel: readonly BenefitWeek[], cohort: readonly CohortMember[], asOf: string, states: BenefitStates): BenefitPathSet {
  const book = codeBook(states);
  const byPerson = panelByPerson(panel);
  const asOfDay = toDayNumber(asOf);
  const set: BenefitPathSet = {
    paths: [],
    voided: { control: 0, intervention: 0 },
    lateEntry: { control: 0, intervention: 0 },
    noUnemploymentWeek: { control: 0, intervention: 0 },
  };
  for (const member of cohort) {
    if (member.voided) {
      set.voided[member.arm]++;
      continue;
    }
    if (member.firstUnemploymentDay >= asOf) {
      set.lateEntry[member.arm]++;
      continue;
    }
    const path = pathOf(book, member, byPerson.get(member.pseudonym) ?? new Map(), asOfDay);
    if (path === null) set.noUnemploymentWeek[member.arm]++;
    else set.paths.push(path);
  }
  return set;
}

/** One member's path; null without A-dagpenge in the entry week or the next. */
function pathOf(book: CodeBook, member: CohortMember, weeks: Map<number, string[]>, asOfDay: number): BenefitPath | null {
  const entryDay = toDayNumber(member.firstUnemploymentDay);
  const weekday = (entryDay + 3) % 7; // day 0, 1970-01-01, was a Thursday; Monday = 0
  const entryMonday = entryDay - weekday;
  const observed = asOfDay - entryDay;
  const startOf = (week: number) => (week === 0 ? 0 : 7 * week - weekday);
  const reading = (week: number) => readWeek(book, weeks.get(entryMonday + 7 * week));

  const entry = reading(0);
  let first: WeekReading;
  if (entry.state === book.unemployment) first = entry;
  else {
    if (startOf(1) >= observed) return null;
    const next = reading(1);
    if (next.state !== book.unemployment) return null;
    first = { state: book.unemployment, code: next.code, censor: entry.censor };
  }

  const prior = priorSupport(book, weeks, entryMonday);
  let support = prior.count;
  let quiet = prior.quietWeeks;
  let followUp = observed;
  let movedAway = false;
  let returns = 0;
  let previousState = -1;
  const pathWeeks: PathWeek[] = [];
  for (let week = 0; startOf(week) < observed; week++) {
    const current = week === 0 ? first : reading(week);
    if (current.state === null) {
      followUp = startOf(week);
      movedAway = true;
      break;
    }
    if (book.isPublic[current.state]) {
      if (quiet >= book.states.supportResetWeeks) support = 0;
      support++;
      quiet = 0;
    } else quiet++;
    if (current.state === book.unemployment && previousState >= 0 && previousState !== book.unemployment) returns++;
    previousState = current.state;
    const to = Math.min(startOf(week + 1), observed);
    pathWeeks.push({ from: startOf(week), to, state: current.state, public: book.isPublic[current.state]!, code: current.code, supportWeek: support });
    if (current.censor && to < observed) {
      followUp = to;
      movedAway = true;
      break;
    }
  }
  return { member, arm: member.arm, followUp, movedAway, priorSupportWeeks: prior.count, returns, weeks: pathWeeks };
}

/** A path's episodes: consecutive weeks in one state merged; the last ends censored at the follow-up. */
export interface Episode {
  /** Start (exclusive) and stop (inclusive), days: the state holds on days start .. stop - 1. */
  start: number;
  stop: number;
  from: number;
  /** State entered at stop; null: censored there. */
  to: number | null;
}

/**
 * The episodes of a path for the multi-state estimator.
 *
 * @example pathEpisodes(path) // [{ start: 0, stop: 5, from: 0, to: 1 }, { start: 5, stop: 12, from: 1, to: 0 }, { start: 12, stop: 19, from: 0, to: null }]
 */
export function pathEpisodes(path: BenefitPath): Episode[] {
  const episodes: Episode[] = [];
  for (const week of path.weeks) {
    const last = episodes[episodes.length - 1];
    if (last && last.from === week.state) {
      last.stop = week.to;
      continue;
    }
    if (last) last.to = week.state;
    episodes.push({ start: week.from, stop: week.to, from: week.state, to: null });
  }
  return episodes;
}
