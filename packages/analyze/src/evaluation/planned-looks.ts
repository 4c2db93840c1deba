/**
 * The planned looks at the data (configuration `monitoring.looks`, or the default) and
 * the monitoring settings with their defaults. Decided once here, used by the monitoring
 * (monitoring.ts) and by the precision projection, which runs to the final analysis.
 *
 * Default looks, when the configuration lists none:
 * - the committee looks: the first day of every quarter (January, April, July, October;
 *   every month or every January by `evaluation.reporting`) after the project start and
 *   before the final analysis;
 * - the March evaluation: `evaluation.date`;
 * - the final analysis: the day the last possible entrant (intake.firstUnemploymentDayTo,
 *   else the day before projectPeriod.end) has been followed for the primary horizon,
 *   that is last entry + primaryHorizonDays (the as-of date is the first day not observed).
 * A committee date equal to the evaluation date is the evaluation.
 */
import { addDays, type TrialConfig } from "@jobtrial/core";

export type LookKind = "committee" | "evaluation" | "final";

export interface PlannedLook {
  date: string;
  kind: LookKind;
}

export interface MonitoringSettings {
  looks: PlannedLook[];
  spending: "obrien-fleming" | "pocock";
  alpha: number;
  /** True when the looks come from the configuration, false for the default. */
  configured: boolean;
}

const MONTHS_BETWEEN_LOOKS = { monthly: 1, quarterly: 3, yearly: 12 } as const;

/** The last day a citizen can enter the trial. */
export function lastEntryDay(config: TrialConfig): string {
  return config.intake.firstUnemploymentDayTo ?? addDays(config.projectPeriod.end, -1);
}

/** The default final analysis: the last possible entrant followed for the primary horizon. */
export function defaultFinalAnalysis(config: TrialConfig): string {
  return addDays(lastEntryDay(config), config.evaluation.primaryHorizonDays);
}

/** First day of the month `months` after the month of `date` ("2017-01-15", 3 -> "2017-04-01"). */
function firstOfMonthAfter(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/**
 * The planned looks in date order, the last the final analysis, and the spending settings.
 *
 * @example monitoringSettings(config).looks.slice(0, 5) // esbjerg-2017: 2017-04-01, 2017-07-01, 2017-10-01, 2018-01-01 (committee), 2018-03-01 (evaluation)
 */
export function monitoringSettings(config: TrialConfig): MonitoringSettings {
  const monitoring = config.monitoring;
  const spending = monitoring?.spending ?? "obrien-fleming";
  const alpha = monitoring?.alpha ?? 0.05;
  if (monitoring?.looks !== undefined) return { looks: monitoring.looks.map((look) => ({ ...look })), spending, alpha, configured: true };
  const final = defaultFinalAnalysis(config);
  const step = MONTHS_BETWEEN_LOOKS[config.evaluation.reporting];
  const byDate = new Map<string, LookKind>();
  // Quarters (or months, years) aligned to the calendar year: January, April, July, October.
  const start = config.projectPeriod.start;
  const startIndex = Number(start.slice(5, 7)) - 1;
  let date = firstOfMonthAfter(start, step - (startIndex % step));
  if (date <= start) date = firstOfMonthAfter(date, step);
  for (; date < final; date = firstOfMonthAfter(date, step)) byDate.set(date, "committee");
  if (config.evaluation.date < final) byDate.set(config.evaluation.date, "evaluation");
  const looks = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([lookDate, kind]) => ({ date: lookDate, kind }));
  looks.push({ date: final, kind: "final" });
  return { looks, spending, alpha, configured: false };
}
