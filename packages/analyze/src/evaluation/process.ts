/**
 * Process measures: conversations held per citizen by programme week against
 * the protocol (11 versus 6 in 24 weeks), the share held on time, letters,
 * and the same per advisor (pseudonymous advisor ids as the log carries them).
 *
 * Definitions, decided once:
 * - Programme week of a date = floor((date - first unemployment day) / 7) + 1.
 * - A citizen is "in the programme" in week w when still on benefit and
 *   followed at the start of that week (duration >= 7(w - 1) + 1 days).
 * - A conversation counts when held or sent as a letter (a citizen in an offer
 *   gets it as a letter); cancelled and no-show records do not.
 * - A planned conversation (the protocol's week p for the citizen's arm) is
 *   due when the citizen was still on benefit and followed to the end of week
 *   p + tolerance. It is on time when a conversation counted for it took place
 *   no later than week p + tolerance (early counts as on time). The log's
 *   "planned week" links a record to its planned conversation; without it the
 *   citizen's counted conversations are matched to the planned ones in date order.
 * - Advisor of a planned conversation: the advisor on its record, otherwise the
 *   advisor the citizen saw most often, otherwise "unknown".
 */
import { daysBetween, type TrialConfig } from "@jobtrial/core";
import type { Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import type { ConversationRecord } from "./model.ts";
import { cell, guarded, isSmall, suppressGroup } from "./suppress.ts";

const ARMS = ["control", "intervention"] as const;

export function programmeWeek(firstUnemploymentDay: string, date: string): number {
  return Math.floor(daysBetween(firstUnemploymentDay, date) / 7) + 1;
}

interface DueItem {
  arm: (typeof ARMS)[number];
  plannedWeek: number;
  held: boolean;
  onTime: boolean;
  advisor: string;
}

export function processMeasures(rows: readonly AnalysisRow[], conversations: readonly ConversationRecord[], config: TrialConfig): Results["process"] {
  const minCellSize = config.disclosure.minCellSize;
  const programmeWeeks = config.protocol.programmeWeeks;
  const tolerance = config.protocol.onTimeToleranceWeeks;
  const byPerson = new Map<string, ConversationRecord[]>();
  for (const record of conversations) {
    const list = byPerson.get(record.pseudonym);
    if (list) list.push(record);
    else byPerson.set(record.pseudonym, [record]);
  }
  const counted = (record: ConversationRecord) => record.status === "held" || record.status === "letter";

  const weekCounts = Array.from({ length: programmeWeeks }, () => ({
    control: { citizens: 0, held: 0, letters: 0 },
    intervention: { citizens: 0, held: 0, letters: 0 },
  }));
  const fullProgramme = { control: { citizens: 0, conversations: 0 }, intervention: { citizens: 0, conversations: 0 } };
  const letterTotals = { control: { letters: 0, all: 0 }, intervention: { letters: 0, all: 0 } };
  const due: DueItem[] = [];

  for (const row of rows) {
    const entry = row.member.firstUnemploymentDay;
    const records = (byPerson.get(row.member.pseudonym) ?? []).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let week = 1; week <= programmeWeeks; week++) if (row.time >= 7 * (week - 1) + 1) weekCounts[week - 1]![row.arm].citizens++;
    let inProgramme = 0;
    for (const record of records) {
      if (!counted(record)) continue;
      const week = programmeWeek(entry, record.date);
      if (week < 1 || week > programmeWeeks) continue;
      inProgramme++;
      letterTotals[row.arm].all++;
      if (record.status === "letter") {
        letterTotals[row.arm].letters++;
        weekCounts[week - 1]![row.arm].letters++;
      } else weekCounts[week - 1]![row.arm].held++;
    }
    if (row.time >= 7 * programmeWeeks) {
      fullProgramme[row.arm].citizens++;
      fullProgramme[row.arm].conversations += inProgramme;
    }
    // The citizen's main advisor: seen most often (ties: the first in sorted order).
    const advisorCounts = new Map<string, number>();
    for (const record of records) if (record.advisor !== null) advisorCounts.set(record.advisor, (advisorCounts.get(record.advisor) ?? 0) + 1);
    let mainAdvisor = "unknown";
    let best = 0;
    for (const [advisor, count] of [...advisorCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (count > best) {
        best = count;
        mainAdvisor = advisor;
      }
    }
    const plan = config.protocol[row.arm].map((conversation) => conversation.week).sort((a, b) => a - b);
    const countedRecords = records.filter(counted);
    const linked = records.some((record) => record.plannedWeek !== null);
    plan.forEach((plannedWeek, index) => {
      if (row.time < 7 * (plannedWeek + tolerance)) return;
      let record: ConversationRecord | undefined;
      let advisor = mainAdvisor;
      if (linked) {
        const forWeek = records.filter((item) => item.plannedWeek === plannedWeek);
        record = forWeek.find(counted);
        const withAdvisor = forWeek.find((item) => item.advisor !== null);
        if (withAdvisor) advisor = withAdvisor.advisor!;
      } else {
        record = countedRecords[index];
        if (record?.advisor) advisor = record.advisor;
      }
      const onTime = record !== undefined && programmeWeek(entry, record.date) <= plannedWeek + tolerance;
      due.push({ arm: row.arm, plannedWeek, held: record !== undefined, onTime, advisor });
    });
  }

  const byWeek = weekCounts.map((counts, index) => {
    const arm = (key: (typeof ARMS)[number]) => {
      const value = counts[key];
      // held + letters is published through perCitizen: when one of the two is suppressed, the other is too.
      const [held, letters] = suppressGroup([value.held, value.letters], minCellSize);
      const total = value.held + value.letters;
      return {
        citizens: cell(value.citizens, minCellSize),
        held: held!,
        letters: letters!,
        perCitizen: value.citizens < minCellSize || isSmall(total, minCellSize) ? null : total / value.citizens,
      };
    };
    return { week: index + 1, control: arm("control"), intervention: arm("intervention") };
  });
  const share = (part: number, whole: number) => (whole === 0 ? null : guarded(part / whole, whole, minCellSize));
  const onTimeShare = {
    control: share(due.filter((item) => item.arm === "control" && item.onTime).length, due.filter((item) => item.arm === "control").length),
    intervention: share(due.filter((item) => item.arm === "intervention" && item.onTime).length, due.filter((item) => item.arm === "intervention").length),
  };
  const advisors = [...new Set(due.map((item) => item.advisor))].sort();
  const perAdvisor = advisors.map((advisor) => {
    const items = due.filter((item) => item.advisor === advisor);
    const held = items.filter((item) => item.held).length;
    const onTime = items.filter((item) => item.onTime).length;
    return { advisor, planned: cell(items.length, minCellSize), held: cell(held, minCellSize), onTimeShare: share(onTime, items.length) };
  });
  return {
    planned: { control: config.protocol.control.length, intervention: config.protocol.intervention.length },
    toleranceWeeks: tolerance,
    byWeek,
    perCitizenInProgramme: {
      control: share(fullProgramme.control.conversations, fullProgramme.control.citizens),
      intervention: share(fullProgramme.intervention.conversations, fullProgramme.intervention.citizens),
    },
    onTimeShare,
    letterShare: { control: share(letterTotals.control.letters, letterTotals.control.all), intervention: share(letterTotals.intervention.letters, letterTotals.intervention.all) },
    perAdvisor,
  };
}
