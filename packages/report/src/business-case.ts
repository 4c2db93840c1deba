/**
 * The business case as the report reads it. The business case owns its JSON
 * (`BusinessCaseSchema` of @jobtrial/analyze, written by `jobtrial business-case
 * --format json`); `businessCaseView` takes the part the report shows, so the charts
 * and tables depend on a handful of fields only.
 */
import { BusinessCaseSchema, type BusinessCase as BusinessCaseFile } from "@jobtrial/analyze";

export { BusinessCaseSchema };
export type { BusinessCaseFile };

export interface BusinessCaseYearView {
  year: number;
  cost: number;
  grossSavings: number;
  netSavings: number;
  /** 95 % interval of net savings; null without curves (a what-if). */
  lower: number | null;
  upper: number | null;
}

export interface BusinessCase {
  trialId: string;
  years: BusinessCaseYearView[];
  total: Omit<BusinessCaseYearView, "year">;
  breakEvenDaysSaved: number | null;
  /** One-at-a-time sensitivity of total net savings, largest impact first. */
  sensitivity: { parameter: string; label: string; lowValue: string; highValue: string; low: number; high: number }[];
  /** Implied and observed figures, keyed as in the business case's `implied`. */
  implied: Record<string, number | null>;
}

/** The report's view of a (validated) business case. */
export function businessCaseView(file: BusinessCaseFile): BusinessCase {
  const pick = (year: BusinessCaseFile["years"][number]): BusinessCaseYearView => ({
    year: year.year,
    cost: year.cost,
    grossSavings: year.grossSavings,
    netSavings: year.netSavings,
    lower: year.lower,
    upper: year.upper,
  });
  return {
    trialId: file.trial.id,
    years: file.years.map(pick),
    total: { cost: file.total.cost, grossSavings: file.total.grossSavings, netSavings: file.total.netSavings, lower: file.total.lower, upper: file.total.upper },
    breakEvenDaysSaved: file.breakEvenDaysSaved,
    sensitivity: file.sensitivity.map((line) => ({ parameter: line.key, label: line.label, lowValue: line.lowValue, highValue: line.highValue, low: line.netLow, high: line.netHigh })),
    implied: { ...file.implied, breakEvenParticipantsPerYear: file.breakEvenParticipantsPerYear },
  };
}
