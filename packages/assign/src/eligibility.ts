/**
 * Who is in the trial: first unemployment day inside the intake window and
 * not after today, and an industry group (or team) of the target group.
 */
import { normalizeHeader } from "@jobtrial/core";
import type { TrialConfig } from "@jobtrial/core";
import { addDays, type IsoDate } from "@jobtrial/core";

export type IneligibleReason = "before-intake-window" | "after-intake-window" | "in-the-future" | "not-in-target-group";
export const INELIGIBLE_REASONS: readonly IneligibleReason[] = ["before-intake-window", "after-intake-window", "in-the-future", "not-in-target-group"];

/** The intake window, inclusive: from `intake.firstUnemploymentDayFrom` to `firstUnemploymentDayTo`, or to the last project day when that is null. */
export function intakeWindow(config: TrialConfig): { from: IsoDate; to: IsoDate } {
  return { from: config.intake.firstUnemploymentDayFrom, to: config.intake.firstUnemploymentDayTo ?? addDays(config.projectPeriod.end, -1) };
}

/** Today's calendar date in Denmark for a clock reading. */
export function danishDate(now: Date): IsoDate {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
}

/** A reusable eligibility check for one configuration and one day. Returns null when eligible. */
export function eligibilityCheck(config: TrialConfig, today: IsoDate): (citizen: { firstUnemploymentDay: IsoDate; industryGroup: string }) => IneligibleReason | null {
  const { from, to } = intakeWindow(config);
  const groups = new Set(config.targetGroup.industryGroups.map(normalizeHeader));
  const member = new Map<string, boolean>();
  return ({ firstUnemploymentDay, industryGroup }) => {
    if (firstUnemploymentDay < from) return "before-intake-window";
    if (firstUnemploymentDay > to) return "after-intake-window";
    if (firstUnemploymentDay > today) return "in-the-future";
    let inGroup = member.get(industryGroup);
    if (inGroup === undefined) member.set(industryGroup, (inGroup = groups.has(normalizeHeader(industryGroup))));
    if (!inGroup) return "not-in-target-group";
    return null;
  };
}
