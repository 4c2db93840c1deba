/**
 * Spells derived from the weekly benefit panel, with stated, configurable rules.
 *
 * The panel has one row per person and ISO week with the benefit code
 * registered that week (no row, or an empty code: no public benefit, i.e.
 * self-support). For each cohort member:
 * - The spell starts in the week of the first unemployment day and runs
 *   through consecutive weeks with an unemployment code (`unemploymentCodes`).
 *   A member without an unemployment code in that week or the next gets no
 *   spell ("no outcome data" in the flow).
 * - It ends at the last unemployment week before `weeksWithoutBenefitToEnd`
 *   consecutive weeks without one (shorter gaps are bridged and count as part
 *   of the spell). The spell's last day is the Sunday of that week (weekly
 *   precision: the panel does not say which day of the week).
 * - The exit state is read from the weeks after: the first week with a code
 *   in `exitStates` gives that state; weeks with no code give self-support
 *   when there are at least `selfSupportMinWeeks` of them in a row before any
 *   other code (fewer observed because the extract ends: self-support too,
 *   as far as can be seen). A spell whose duration reached `benefitPeriodDays`
 *   and ends into another benefit is "dagpengeret opbrugt".
 * - If the extract ends before `weeksWithoutBenefitToEnd` weeks without
 *   benefit could be seen, the spell is still running at the as-of date.
 */
import { addDays, daysBetween, isoWeekEnd, isoWeekOf, isoWeekStart } from "@jobtrial/core";
import { z } from "zod";
import type { CohortMember, Spell } from "./model.ts";
import { normalizeExitState, SELF_SUPPORT } from "./model.ts";
import type { BenefitWeek } from "./read-inputs.ts";

export const SpellRulesSchema = z.object({
  /** Benefit codes that count as unemployment. Default: ["111", "A-dagpenge", "dagpenge"] */
  unemploymentCodes: z.array(z.string()).min(1).default(["111", "A-dagpenge", "dagpenge"]),
  /** Consecutive weeks without an unemployment code that end a spell. Default: 1 */
  weeksWithoutBenefitToEnd: z.number().int().min(1).default(1),
  /** Exit state by the benefit code registered after the spell. Default: the DREAM-like codes of the simulator (651 education, 890 sickness benefit, 130 other public benefit, 997 moved away) */
  exitStates: z.record(z.string(), z.string()).default({ "651": "uddannelse", "890": "sygedagpenge", "130": "anden offentlig ydelse", "997": "fraflyttet" }),
  /** Codes meaning self-support besides an empty code or a missing week. Default: ["selvforsørgelse", "self-support"] */
  selfSupportCodes: z.array(z.string()).default(["selvforsørgelse", "self-support"]),
  /** Weeks in a row without benefit after the spell for the exit to count as self-support. Default: 1 */
  selfSupportMinWeeks: z.number().int().min(1).default(1),
  /** Length of the benefit period in days; a spell that long ending into another benefit is "dagpengeret opbrugt". Default: 730 */
  benefitPeriodDays: z.number().int().positive().default(730),
});
export type SpellRules = z.infer<typeof SpellRulesSchema>;
export type SpellRulesInput = z.input<typeof SpellRulesSchema>;

const EXHAUSTED = "dagpengeret opbrugt";

function nextWeek(week: string): string {
  return isoWeekOf(addDays(isoWeekStart(week), 7));
}

/**
 * Derives one spell per cohort member from the weekly panel, observed up to
 * the as-of date (weeks starting on or after it are ignored).
 */
export function deriveSpells(panel: readonly BenefitWeek[], cohort: readonly CohortMember[], asOf: string, rulesInput: SpellRulesInput = {}): Spell[] {
  const rules = SpellRulesSchema.parse(rulesInput);
  const unemployment = new Set(rules.unemploymentCodes.map((code) => code.trim().toLowerCase()));
  const selfSupport = new Set(rules.selfSupportCodes.map((code) => code.trim().toLowerCase()));
  const lastWeek = isoWeekOf(addDays(asOf, -1));
  const byPerson = new Map<string, Map<string, string>>();
  for (const row of panel) {
    let weeks = byPerson.get(row.pseudonym);
    if (!weeks) byPerson.set(row.pseudonym, (weeks = new Map()));
    const code = row.code.trim().toLowerCase();
    // Several codes in a week: unemployment wins (the person was unemployed that week).
    if (!weeks.has(row.week) || unemployment.has(code)) weeks.set(row.week, code);
  }
  const isSelfSupport = (code: string | undefined) => code === undefined || code === "" || selfSupport.has(code);
  const spells: Spell[] = [];
  for (const member of cohort) {
    const weeks = byPerson.get(member.pseudonym);
    if (!weeks) continue;
    let startWeek = isoWeekOf(member.firstUnemploymentDay);
    if (!unemployment.has(weeks.get(startWeek) ?? "")) {
      const following = nextWeek(startWeek);
      if (!unemployment.has(weeks.get(following) ?? "")) continue;
      startWeek = following;
    }
    let lastUnemployed = startWeek;
    let week = nextWeek(startWeek);
    let gap = 0;
    let ended = false;
    while (week <= lastWeek) {
      if (unemployment.has(weeks.get(week) ?? "")) {
        lastUnemployed = week;
        gap = 0;
      } else if (++gap >= rules.weeksWithoutBenefitToEnd) {
        ended = true;
        break;
      }
      week = nextWeek(week);
    }
    const start = isoWeekStart(startWeek) > member.firstUnemploymentDay ? isoWeekStart(startWeek) : member.firstUnemploymentDay;
    if (!ended) {
      spells.push({ pseudonym: member.pseudonym, start, end: null, exitState: null, censorReason: null });
      continue;
    }
    const end = isoWeekEnd(lastUnemployed);
    // Exit state from the weeks after the spell.
    let exitState: string = SELF_SUPPORT;
    let quiet = 0;
    for (let after = nextWeek(lastUnemployed); after <= lastWeek; after = nextWeek(after)) {
      const code = weeks.get(after);
      if (isSelfSupport(code)) {
        if (++quiet >= rules.selfSupportMinWeeks) break;
        continue;
      }
      if (unemployment.has(code!)) continue;
      exitState = rules.exitStates[code!] ?? code!;
      break;
    }
    if (exitState !== SELF_SUPPORT && daysBetween(member.firstUnemploymentDay, end) + 1 >= rules.benefitPeriodDays) exitState = EXHAUSTED;
    spells.push({ pseudonym: member.pseudonym, start, end, exitState: normalizeExitState(exitState), censorReason: null });
  }
  return spells;
}
