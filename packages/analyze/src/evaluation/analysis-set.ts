/**
 * The analysis set: one row per assigned (not voided) person with an outcome,
 * the time from the first unemployment day to exit or censoring, in whole days.
 *
 * Rules, decided once:
 * - Time origin: the cohort's first unemployment day (day 1 is that day).
 * - The trial spell is the person's earliest spell starting within 14 days of
 *   the first unemployment day (registers and weekly panels date the start a
 *   little differently); a person without one is excluded ("no outcome data").
 * - Duration = last day on benefit - first unemployment day + 1.
 * - The as-of date (data extraction) is the first day not observed: a spell
 *   still running then, or ending on or after it, is censored at
 *   as-of - first unemployment day ("as-of date").
 * - A spell with an end but no exit state is censored at its duration with its
 *   censoring reason (default "ended without exit state").
 * - Persons whose first unemployment day is on or after the as-of date are
 *   excluded ("entered on or after the as-of date"): they have no follow-up.
 *   Persons entering shortly before are kept and censored early; the
 *   Kaplan-Meier estimator handles their short follow-up.
 * - Voided assignments are counted in the flow and left out.
 */
import { daysBetween, toDayNumber } from "@jobtrial/core";
import { op, table } from "arquero";
import type { CohortMember, Spell, TrialArm } from "./model.ts";

export const AS_OF_CENSORING = "as-of date";
export const NO_EXIT_STATE_CENSORING = "ended without exit state";
export const EXCLUDED_LATE_ENTRY = "entered on or after the as-of date";
export const EXCLUDED_NO_OUTCOME = "no outcome data";

/**
 * Stable codes of the reasons this module writes, for readers that translate them
 * (results carry both). A censoring reason from the spell file has no code.
 */
export const REASON_CODES: Readonly<Record<string, string>> = {
  [AS_OF_CENSORING]: "as-of-date",
  [NO_EXIT_STATE_CENSORING]: "ended-without-exit-state",
  [EXCLUDED_LATE_ENTRY]: "entered-after-as-of",
  [EXCLUDED_NO_OUTCOME]: "no-outcome-data",
};
const SPELL_MATCH_WINDOW_DAYS = 14;

export interface AnalysisRow {
  member: CohortMember;
  arm: TrialArm;
  /** Days from the first unemployment day to exit (event) or censoring. */
  time: number;
  event: boolean;
  /** Exit state when `event`. */
  state: string | null;
  /** Why follow-up stopped when not `event`. */
  censorReason: string | null;
}

export interface ArmCounts {
  control: number;
  intervention: number;
}

export interface AnalysisSet {
  rows: AnalysisRow[];
  assigned: ArmCounts;
  voided: ArmCounts;
  excluded: { reason: string; control: number; intervention: number }[];
}

/**
 * The join of cohort and outcomes: for each cohort member (by index) the index of
 * the trial spell, the earliest spell of the same pseudonym starting within
 * 14 days of the first unemployment day and before the as-of date; on equal
 * starts the spell that comes first in `spells`. Members without one are absent.
 *
 * @example trialSpellOf([{ pseudonym: "a", firstUnemploymentDay: "2017-01-02", … }], [{ pseudonym: "a", start: "2017-01-30", … }, { pseudonym: "a", start: "2017-01-03", … }], "2018-03-01")
 * // Map { 0 => 1 }
 */
export function trialSpellOf(cohort: readonly CohortMember[], spells: readonly Spell[], asOf: string): Map<number, number> {
  const members = table({
    member: cohort.map((_, index) => index),
    pseudonym: cohort.map((member) => member.pseudonym),
    firstDay: cohort.map((member) => toDayNumber(member.firstUnemploymentDay)),
  });
  const starts = table({
    spell: spells.map((_, index) => index),
    pseudonym: spells.map((spell) => spell.pseudonym),
    startDay: spells.map((spell) => toDayNumber(spell.start)),
  });
  const trialSpells = members
    .join(starts, "pseudonym")
    .params({ asOfDay: toDayNumber(asOf), window: SPELL_MATCH_WINDOW_DAYS })
    .filter((row: { firstDay: number; startDay: number }, $: { asOfDay: number; window: number }) => op.abs(row.startDay - row.firstDay) <= $.window && row.startDay < $.asOfDay)
    .orderby("member", "startDay", "spell")
    .dedupe("member");
  return new Map((trialSpells.objects() as { member: number; spell: number }[]).map((row) => [row.member, row.spell]));
}

/** Builds the analysis set from the cohort and spells as of a date (see the rules above). */
export function buildAnalysisSet(cohort: readonly CohortMember[], spells: readonly Spell[], asOf: string): AnalysisSet {
  const trialSpell = trialSpellOf(cohort, spells, asOf);
  const assigned = { control: 0, intervention: 0 };
  const voided = { control: 0, intervention: 0 };
  const late = { control: 0, intervention: 0 };
  const noOutcome = { control: 0, intervention: 0 };
  const rows: AnalysisRow[] = [];
  for (const [index, member] of cohort.entries()) {
    if (member.voided) {
      voided[member.arm]++;
      continue;
    }
    assigned[member.arm]++;
    if (member.firstUnemploymentDay >= asOf) {
      late[member.arm]++;
      continue;
    }
    const spellIndex = trialSpell.get(index);
    if (spellIndex === undefined) {
      noOutcome[member.arm]++;
      continue;
    }
    const spell = spells[spellIndex]!;
    const followUp = daysBetween(member.firstUnemploymentDay, asOf);
    if (spell.end === null || spell.end >= asOf) {
      rows.push({ member, arm: member.arm, time: followUp, event: false, state: null, censorReason: AS_OF_CENSORING });
      continue;
    }
    const duration = Math.max(daysBetween(member.firstUnemploymentDay, spell.end) + 1, 1);
    if (spell.exitState === null) {
      rows.push({ member, arm: member.arm, time: duration, event: false, state: null, censorReason: spell.censorReason ?? NO_EXIT_STATE_CENSORING });
    } else {
      rows.push({ member, arm: member.arm, time: duration, event: true, state: spell.exitState, censorReason: null });
    }
  }
  return {
    rows,
    assigned,
    voided,
    excluded: [
      { reason: EXCLUDED_LATE_ENTRY, ...late },
      { reason: EXCLUDED_NO_OUTCOME, ...noOutcome },
    ],
  };
}
