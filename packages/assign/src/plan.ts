/**
 * The dated conversation plan for a citizen: each conversation of the
 * protocol at the start of its programme week, counted from the first
 * unemployment day (week 1 = days 0-6, so week 4 starts on day 21). A start
 * on a Saturday or Sunday moves to the following Monday, still in that week.
 */
import type { Conversation } from "@jobtrial/core";
import { addDays, isoWeekday, type IsoDate } from "@jobtrial/core";

export interface PlannedConversation extends Conversation {
  /** The first working day (Monday-Friday) of the programme week the conversation belongs to. */
  date: IsoDate;
}

/** @example conversationPlan("2017-01-02", [{ week: 4, ... }])[0].date // "2017-01-23" (a Monday) */
export function conversationPlan(firstUnemploymentDay: IsoDate, protocol: readonly Conversation[]): PlannedConversation[] {
  return [...protocol].sort((a, b) => a.week - b.week).map((conversation) => {
    const start = addDays(firstUnemploymentDay, (conversation.week - 1) * 7);
    const weekday = isoWeekday(start);
    return { ...conversation, date: weekday >= 6 ? addDays(start, 8 - weekday) : start };
  });
}
