/**
 * The business case in Danish (the default) and in English with lang "en" (issue 21,
 * "Danish all the way"): every wording of the catalogue exists in both languages, and the
 * result's texts, the printed table and the sections the XLSX is built from are all in one
 * language, over cases that reach every kind of note (a what-if, measured curves, a scaled
 * effect, the expenditure, a projected intake, an intake that cannot be found, an early look).
 */
import { describe, expect, it } from "vitest";
import { businessCase, type BusinessCaseOptions } from "../src/business-case.ts";
import { businessCaseSections, formatBusinessCaseTable } from "../src/format.ts";
import { businessCaseTexts, type BusinessCaseTexts } from "../src/messages.ts";
import type { BusinessCase } from "../src/schema.ts";
import { esbjergConfig, seasonalResults, stepResults, trialDaysResults } from "./helpers.ts";

/** Words of the business case's Danish wording that no English sentence uses ("år" and "af" as words, not inside others). */
const DANISH = /(?<!\p{L})(ikke|dage|dag|uger|uge|år|året|deltagere|deltager|sparede|sparet|besparelse|nettobesparelse|indsatsen|indsatsgruppen|kontrol|indsats|registret|fremskrevet|talt|og|af|til|med|ved|fra|pr|udgift|netto|brutto|forudsætninger|horisont|kilde|værdi|noter|antagelse|angivet|konfigurationens|hvad-nu-hvis|medfinansiering|tidligt|estimeret|indtag|indtaget|grænse|uden|efter|alle|hele|samme)(?!\p{L})/iu;
/** Words of the English wording that no Danish sentence uses. */
const ENGLISH = /\b(the|is|are|not|with|without|of|and|per|days?|weeks?|years?|participants?|saving|saved|counted|projected|measured|estimated|total|net|gross|cost|intake|register|highest|upper|lower|bound|horizon|assumptions?|notes|source|value|figure|what-if|early|look)\b/i;

const config = esbjergConfig();

/** The configuration's own texts (the trial's name, the sources of its rates): what the user wrote, in any language. */
function configTexts(value: unknown): string[] {
  if (typeof value === "string") return value.length > 3 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(configTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(configTexts);
  return [];
}
const USER_TEXT = configTexts(config).sort((a, b) => b.length - a.length);

/** The text without what is the same in both languages: the user's own text, options, file names, field paths, formulas. */
function prose(text: string): string {
  let rest = text;
  for (const own of USER_TEXT) rest = rest.split(own).join(" ");
  return rest
    .replace(/--[\w-]+|<[^>]*>/g, " ")
    .replace(/[\w$./-]*\.(json|md|xlsx|ts)\b/g, " ")
    .replace(/\b[\w$]+(\.[\w$[\]]+)+/g, " ")
    .replace(/A-dagpenge\w*|Kaplan-Meier|restricted mean|Business case|Break-even|break-even|Input/g, " ");
}

/** Every text of a result: the strings with a space in them (codes and enums such as "days-saved" have none). */
function resultTexts(value: unknown): string[] {
  if (typeof value === "string") return value.includes(" ") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(resultTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(resultTexts);
  return [];
}

/** The result with every string blanked: what must not depend on the language. */
function withoutTexts(value: unknown): unknown {
  if (typeof value === "string") return "";
  if (Array.isArray(value)) return value.map(withoutTexts);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "lang").map(([key, entry]) => [key, withoutTexts(entry)]));
  return value;
}

const saving = { estimate: 250, se: 120 };
/** Cases that between them reach every note, source and label the business case writes. */
const CASES: { name: string; options: () => BusinessCaseOptions }[] = [
  { name: "a what-if on 9 days with a year no saved day reaches", options: () => ({ daysSaved: 9, participantsPerYear: 1000 }) },
  { name: "the measured curves of trial_days", options: () => ({ results: trialDaysResults(), configHash: "another" }) },
  { name: "the measured difference scaled to --days-saved", options: () => ({ results: trialDaysResults(), daysSaved: 5, horizonDays: 182, priorWeeks: 4, operatingYear: 2018 }) },
  { name: "a partial year projected with the seasonal pattern", options: () => ({ results: seasonalResults() }) },
  { name: "the expenditure per citizen", options: () => ({ results: { ...stepResults(), expenditure: { byHorizon: [{ tau: 70, saving }], saving: { ...saving, tau: 70 } } } }) },
  { name: "a year whose intake cannot be found yet", options: () => ({ results: { ...stepResults(), asOf: "2017-06-01", intake: { from: "2017-01-02", byYear: [{ year: 2017, control: 10, intervention: null }] } } }) },
  { name: "an early look, results.json's horizon beyond the follow-up", options: () => ({ results: { ...stepResults(), daysSaved: { ...stepResults().daysSaved, tau: 100 } } }) },
];

describe("businessCase with lang", () => {
  it.each(CASES)("businessCase($name) in English differs from the Danish only in its texts, and says lang en", ({ options }) => {
    const danish = businessCase(config, options());
    const english = businessCase(config, { ...options(), lang: "en" });
    expect(danish).not.toHaveProperty("lang");
    expect(english.lang).toBe("en");
    expect(businessCase(config, { ...options(), lang: "da" })).toEqual(danish);
    expect(withoutTexts(english)).toEqual(withoutTexts(danish));
  });

  it.each(CASES)("businessCase($name): the Danish texts have no English word, the English none of the Danish", ({ options }) => {
    const danish = resultTexts(businessCase(config, options())).map(prose);
    const english = resultTexts(businessCase(config, { ...options(), lang: "en" })).map(prose);
    expect(danish.length).toBeGreaterThan(20);
    expect(english.length).toBeGreaterThan(20);
    expect(danish.filter((text) => ENGLISH.test(text))).toEqual([]);
    expect(english.filter((text) => DANISH.test(text))).toEqual([]);
  });

  it("the cases reach the notes of every kind: flat, other configuration, scaled, projected, expenditure, not estimated, early look", () => {
    const notes = CASES.flatMap(({ options }) => businessCase(config, { ...options(), lang: "en" }).notes).join("\n");
    for (const start of ["What-if:", "The results were computed with another version", "The measured difference between the curves", "The intake of 2018 is projected", "Per year and in total, the expenditure", "A year in operation (2017) is not estimated", "Early look:", "2020 is not estimated", "Continued operation:"]) {
      expect(notes).toContain(start);
    }
  });
});

describe("formatBusinessCaseTable and businessCaseSections with lang", () => {
  const lines = (result: BusinessCase, lang: "da" | "en") => [
    ...formatBusinessCaseTable(result, lang).split("\n"),
    ...businessCaseSections(result, lang).flatMap((section) => [section.title, ...section.columns, ...section.rows.flatMap((row) => row.map((cell) => String(cell.value ?? "")))]),
  ];

  it.each(CASES)("formatBusinessCaseTable($name) in English has no Danish word, in Danish no English one", ({ options }) => {
    const danish = lines(businessCase(config, options()), "da").map(prose);
    const english = lines(businessCase(config, { ...options(), lang: "en" }), "en").map(prose);
    expect(danish.filter((line) => ENGLISH.test(line))).toEqual([]);
    expect(english.filter((line) => DANISH.test(line))).toEqual([]);
  });

  it("formatBusinessCaseTable(result) speaks the result's language by default, and writes English numbers in English", () => {
    const english = businessCase(config, { daysSaved: 9, participantsPerYear: 1000, lang: "en" });
    const table = formatBusinessCaseTable(english);
    expect(table).toBe(formatBusinessCaseTable(english, "en"));
    expect(table).toMatch(/^Project cost 2017 +2,500,000 DKK +the configuration's budget\.years$/m);
    expect(table).toMatch(/^2020 +0 +0 DKK +not estimated +- +not estimated +- +- +-$/m);
    expect(table).toContain("- 2020 is not estimated: no saved day within the horizon of 364 days falls in 2020.");
    const danish = businessCase(config, { daysSaved: 9, participantsPerYear: 1000 });
    expect(formatBusinessCaseTable(danish)).toBe(formatBusinessCaseTable(danish, "da"));
    expect(formatBusinessCaseTable(danish)).toMatch(/^Projektudgift 2017 +2\.500\.000 kr\. +konfigurationens budget\.years$/m);
  });
});

/** A sample argument list for every wording that takes arguments: a new member without one does not compile. */
type Samples = { [Key in keyof BusinessCaseTexts]: BusinessCaseTexts[Key] extends (...args: infer Args) => string ? Args : null };
const SAMPLES: Samples = {
  sourceDaysScaled: null,
  sourceDaysMeasured: [364],
  sourceDaysWhatIf: null,
  sourceDaysExpectation: null,
  labelOperatingYear: null,
  labelOperatingParticipants: [2018],
  notEstimated: null,
  labelOperatingSaving: null,
  labelDaysSaved: null,
  sourceGivenHorizon: null,
  sourceHorizonShortened: [364],
  sourcePrimaryHorizon: null,
  labelHorizon: null,
  labelPriorWeeks: null,
  sourceGivenPriorWeeks: null,
  sourcePriorWeeksAssumed: null,
  labelBenefitDays: null,
  sourceConfig: ["budget.years"],
  labelMaxRate: [2017],
  labelCofinancing: [2017],
  cofinancingStep: [5, 26, 62.5],
  labelParticipants: [2017],
  labelCost: [2017],
  labelRegionalGrant: null,
  sourceGrantNotNetted: null,
  labelEntries: null,
  valueEntries: null,
  sourceEntries: null,
  labelPricing: null,
  valuePricing: null,
  sourcePricing: null,
  sourceGivenYear: null,
  sourceLatestIntakeYear: null,
  sourceFirstBudgetYear: null,
  sourceGivenParticipants: null,
  sourceYearCounted: [52, 2017],
  sourceYearProjected: [249, [1, 8], 2018, 1042, [9, 52], [2017]],
  sourceMean: [[2017, 2018], "the reason"],
  sourceImplied: null,
  reasonNoWholeYear: null,
  reasonNoReferenceIntake: [[2017]],
  reasonNoWeeklyCounts: [150],
  whyPartlyNotProjected: [2018, "the reason"],
  whyYearNotObserved: null,
  intakeNoteWeekly: ["2017-01-02", "2018-02-28"],
  intakeNoteAnnualized: ["2017-01-02", "2018-02-28"],
  intakeNoteCounted: null,
  costContinues: [2018],
  costNone: [2016],
  whyPartlyObserved: [2018, "the reason"],
  whyNoIntake: [2019],
  intakeNotFound: ["the reason"],
  intakeNotEstimated: null,
  savingExpenditure: [364],
  whyNoExpenditure: null,
  whyExpenditureNotEstimated: null,
  savingMeasured: [9.123, 364, 2018, "the reason"],
  savingScaled: [5, 2018],
  savingFlat: [9, 364, 2018],
  methodNoInterval: null,
  methodDelta: [true],
  scenarioBase: [[2017, 2018], 2017, 2020],
  scenarioContinued: [2018, "2.500.000 kr.", 2020, [2020], 2019],
  noteOperatingNotEstimated: [2018, "the reason"],
  noteOperating: [2018, "the method."],
  noteIntakeProjected: [2018, 8, 44, [2017]],
  noteExpenditure: [364],
  noteOtherConfiguration: ["abcdef012345", "543210fedcba"],
  noteFlat: null,
  noteSuppressed: [["2017-W02"]],
  notePartlyObserved: [2018, "the reason"],
  noteCurvesAggregated: [9.12, 9.2],
  noteScaled: [9.12, 5],
  noteUncertaintyExpenditure: null,
  noteUncertaintyDelta: null,
  noteSimple: null,
  noteMaxRate: null,
  noteYearNotEstimated: [2020, "the reason"],
  noteCarriedOperating: [[2020], 2019],
  noteCarriedContinued: [[2020], 2019],
  noteAfterPeriod: [1234, 2020, "100.000 kr.", 2019],
  sensBenefitRate: null,
  sensCofinancing: null,
  sensIntake: null,
  sensEffectInterval: null,
  sensEffectDays: null,
  sensHorizon: null,
  sensPriorWeeks: null,
  lowerBound: null,
  upperBound: null,
  valuePercent: ["-10"],
  valuePoints: ["-10"],
  valueDays: [182],
  valueWeeks: [26],
  headline: [2018, "1.000 kr.", null],
  headlineInterval: ["1 kr.", "2 kr.", "90 %"],
  headlineNotEstimated: [2018, "the reason"],
  modeMeasured: null,
  modeWhatIf: null,
  modeLine: ["the mode", true],
  earlyLook: [148, 364],
  total: null,
  totalYears: [2017, 2020],
  yearColumns: null,
  savingSource: null,
  intakeMethod: null,
  rowIntake: [2018, "the method"],
  rowCounted: ["the span"],
  rowProjected: ["the span", [2017]],
  rowSaving: ["the source", 364],
  rowGross: null,
  rowGrant: null,
  rowCost: ["the source"],
  rowNet: null,
  rowProbability: null,
  rowBreakEvenSaving: null,
  rowBreakEvenParticipants: null,
  noWeeks: null,
  weekSpan: [1, 8, "2018"],
  titleYearly: [2018],
  columnsFigure: null,
  titleIntakeWeeks: [2018, [2017]],
  columnsIntakeWeeks: null,
  counted: null,
  projected: null,
  titleAssumptions: null,
  columnsAssumptions: null,
  unitWeeks: null,
  unitDaysPerWeek: null,
  yes: null,
  no: null,
  titlePerParticipant: [364, true],
  columnsPerParticipant: null,
  titleSimple: null,
  columnsSimple: null,
  titleWeeks: [2017],
  columnsWeeks: null,
  titleBaseYears: ["the description"],
  titleScenario: ["the description"],
  breakEvenBase: null,
  breakEvenContinued: null,
  rowBreakEvenDays: ["the scenario", 2017, 2020],
  rowBreakEvenIntake: ["the scenario"],
  titleBreakEven: [true],
  titleSensitivity: [2017, 2020],
  columnsSensitivity: null,
  titleImplied: ["9,0 dage", "1.500.000 kr."],
  rowImpliedSaving: ["9,0 dage"],
  rowImpliedParticipants: null,
  rowPerWeek: null,
  rowInProgramme: null,
  rowImpliedWholePeriod: null,
  rowObservedParticipants: null,
  titleNotes: null,
  sheetColumn: null,
  contentsColumn: null,
  noteColumn: null,
};

/** Wordings that are the same word in both languages. */
const SAME_IN_BOTH = new Set<keyof BusinessCaseTexts>(["noteColumn"]);

/** A wording in one language as text: called with its sample, or its string, list or record of strings. */
function worded(lang: "da" | "en", key: keyof BusinessCaseTexts): string {
  const entry: unknown = businessCaseTexts(lang)[key];
  const sample = SAMPLES[key];
  if (typeof entry === "function") return (entry as (...args: unknown[]) => string)(...(sample as unknown[]));
  if (typeof entry === "string") return entry;
  return Object.values(entry as object).join(" | ");
}

/** The sample arguments, which are the same in both languages, taken out of a wording. */
function ownWords(key: keyof BusinessCaseTexts, text: string): string {
  const sample = SAMPLES[key];
  let rest = text;
  for (const argument of (sample ?? []).flat()) if (typeof argument === "string") rest = rest.split(argument).join(" ");
  return prose(rest);
}

describe("businessCaseTexts", () => {
  const keys = Object.keys(SAMPLES) as (keyof BusinessCaseTexts)[];

  it("businessCaseTexts has the same wordings in Danish and English, each with a sample here", () => {
    expect(Object.keys(businessCaseTexts("da")).sort()).toEqual([...keys].sort());
    expect(Object.keys(businessCaseTexts("en")).sort()).toEqual([...keys].sort());
    expect(businessCaseTexts()).toBe(businessCaseTexts("da"));
  });

  it.each(keys)("businessCaseTexts %s is worded in both languages, the Danish without English words and the English without Danish ones", (key) => {
    const danish = worded("da", key);
    const english = worded("en", key);
    if (SAME_IN_BOTH.has(key)) expect(english).toBe(danish);
    else expect(english).not.toBe(danish);
    expect(ownWords(key, danish)).not.toMatch(ENGLISH);
    expect(ownWords(key, english)).not.toMatch(DANISH);
  });
});
