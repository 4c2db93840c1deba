/**
 * The business case as the report reads it. The business case owns its JSON
 * (`BusinessCaseSchema` of @jobtrial/analyze, written by `jobtrial business-case
 * --format json`); `businessCaseView` takes the part the report shows, so the charts
 * and tables depend on a handful of fields only.
 */
import { BusinessCaseSchema, type BusinessCase as BusinessCaseFile } from "@jobtrial/business-case";
import { formatNumber, type Lang } from "./format.ts";
import { text, type TextKey } from "./texts.ts";

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

/**
 * Finance's headline: a year of the programme in operation (the business case's
 * `yearly`): intake x saving per participant - the year's cost, with its 95 % interval
 * (delta method) and P(net > 0) (normal approximation).
 */
export interface YearlyAnswerView {
  year: number;
  /** Intervention participants in the year: counted, projected with the seasonal pattern, or given; null when not estimated. */
  participants: number | null;
  /** How the intake was found ("observed", "seasonal", "given", "mean", "implied"). */
  intakeMethod: string | null;
  /** Participants counted in the weeks seen, and projected for the weeks not yet seen (null when none). */
  observedParticipants: number | null;
  projectedParticipants: number | null;
  savingPerParticipant: { estimate: number; lower: number | null; upper: number | null; source: string; tau: number };
  cost: number;
  grossSavings: number | null;
  netSavings: number | null;
  lower: number | null;
  upper: number | null;
  probabilityPositive: number | null;
  breakEvenParticipants: number | null;
  /** The business case's reason, in its language (`textsLang`), when the year is not estimated; null when it is. */
  notEstimated: string | null;
}

export interface BusinessCase {
  trialId: string;
  /** The language the business case wrote its texts in (its reasons not estimated): "da" unless it says "en". */
  textsLang: Lang;
  /** A year of operation; null when the business case has no yearly answer (files written before it). */
  yearly: YearlyAnswerView | null;
  years: BusinessCaseYearView[];
  total: Omit<BusinessCaseYearView, "year">;
  breakEvenDaysSaved: number | null;
  /** One-at-a-time sensitivity of total net savings, largest impact first. */
  sensitivity: { parameter: string; label: string; lowValue: string; highValue: string; low: number; high: number }[];
  /** Implied and observed figures, keyed as in the business case's `implied`. */
  implied: Record<string, number | null>;
}

/**
 * The report's view of a (validated) business case. A year the business case did not
 * estimate (no saved day within the horizon falls in it: null savings) is left out, so no
 * chart or table shows an estimate the business case does not have.
 */
export function businessCaseView(file: BusinessCaseFile): BusinessCase {
  const years: BusinessCaseYearView[] = [];
  for (const year of file.years) {
    if (year.grossSavings === null || year.netSavings === null) continue;
    years.push({ year: year.year, cost: year.cost, grossSavings: year.grossSavings, netSavings: year.netSavings, lower: year.lower, upper: year.upper });
  }
  const yearly = file.yearly;
  return {
    trialId: file.trial.id,
    textsLang: file.lang ?? "da",
    yearly: yearly
      ? {
          year: yearly.year,
          participants: yearly.intake.value,
          intakeMethod: yearly.intake.method,
          observedParticipants: yearly.intake.observed,
          projectedParticipants: yearly.intake.projected,
          savingPerParticipant: {
            estimate: yearly.savingPerParticipant.estimate,
            lower: yearly.savingPerParticipant.lower,
            upper: yearly.savingPerParticipant.upper,
            source: yearly.savingPerParticipant.source,
            tau: yearly.savingPerParticipant.tau,
          },
          cost: yearly.cost,
          grossSavings: yearly.grossSavings,
          netSavings: yearly.netSavings,
          lower: yearly.lower,
          upper: yearly.upper,
          probabilityPositive: yearly.probabilityPositive,
          breakEvenParticipants: yearly.breakEvenParticipants,
          notEstimated: yearly.notEstimated,
        }
      : null,
    years,
    total: { cost: file.total.cost, grossSavings: file.total.grossSavings, netSavings: file.total.netSavings, lower: file.total.lower, upper: file.total.upper },
    breakEvenDaysSaved: file.breakEvenDaysSaved,
    sensitivity: file.sensitivity.map((line) => ({ parameter: line.key, label: line.label, lowValue: line.lowValue, highValue: line.highValue, low: line.netLow, high: line.netHigh })),
    implied: { ...file.implied, breakEvenParticipantsPerYear: file.breakEvenParticipantsPerYear },
  };
}

const VALUE_WORDS: Readonly<Record<string, TextKey>> = {
  "nedre grænse": "sensValue_lower",
  "lower bound": "sensValue_lower",
  "øvre grænse": "sensValue_upper",
  "upper bound": "sensValue_upper",
};
const VALUE_UNITS: Readonly<Record<string, TextKey | "%">> = {
  dage: "unit_days",
  days: "unit_days",
  uger: "unit_weeks",
  weeks: "unit_weeks",
  procentpoint: "unit_percentagePoints",
  "percentage points": "unit_percentagePoints",
  "%": "%",
};

/**
 * A sensitivity value of the business case ("182 dage", "-10 procentpoint", "nedre
 * grænse") in the report's language: the business case writes its values in Danish, so
 * the known words and units are translated and the number is written with the report's
 * decimal mark and minus sign. Anything else is shown as written.
 *
 * @example sensitivityValueLabel("-10 procentpoint", "en") // "−10 percentage points"
 */
export function sensitivityValueLabel(value: string, lang: Lang): string {
  const trimmed = value.trim();
  const word = VALUE_WORDS[trimmed.toLowerCase()];
  if (word !== undefined) return text(lang, word);
  const match = /^([-+\u2212]?)(\d+(?:[.,]\d+)?)\s*(dage|days|uger|weeks|procentpoint|percentage points|%)$/.exec(trimmed);
  if (!match) return value;
  const [, sign, digits, unitWord] = match as unknown as [string, string, string, string];
  const decimals = digits.split(/[.,]/)[1]?.length ?? 0;
  const magnitude = formatNumber(Number(digits.replace(",", ".")), lang, decimals);
  const signed = sign === "+" ? `+${magnitude}` : sign === "" ? magnitude : `\u2212${magnitude}`;
  const unit = VALUE_UNITS[unitWord]!;
  if (unit === "%") return lang === "da" ? `${signed} %` : `${signed}%`;
  return `${signed} ${text(lang, unit)}`;
}
