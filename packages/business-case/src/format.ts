/**
 * The business case as tables for finance, in Danish (the default) or English: sections of
 * typed cells that the text table and the XLSX sheet are both built from, their wording from
 * the catalogue (messages.ts), and their numbers (1.700.000 kr., 9,3 dage, 61,9 % / 1,700,000
 * DKK, 9.3 days, 61.9%) from core's one formatter: ASCII hyphen and spaces, numbers rounded
 * half away from zero as they are written (1,005 -> 1,01).
 */
import {
  formatDays as formatCoreDays,
  formatKroner as formatCoreKroner,
  formatNumber,
  formatPercent,
  type Lang,
  type NumberFormatOptions,
} from "@jobtrial/core";
import { businessCaseTexts, type BusinessCaseTexts } from "./messages.ts";
import { Z_975 } from "./normal-interval.ts";
import type { BusinessCase, BusinessCaseYear, YearlyAnswer } from "./schema.ts";

/** How a cell's number is shown. */
export type CellKind = "kr" | "days" | "days2" | "share" | "probability" | "persons" | "persons1" | "number" | "text";

export interface Cell {
  value: number | string | null;
  kind: CellKind;
}

export interface Section {
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** The business case's conventions for core's formatter: ASCII hyphen, numbers rounded as written (as Intl's da-DK formatting did). */
const PLAIN: NumberFormatOptions = { minus: "-", rounding: "shortest", missing: "-" };

/** 1700000 -> "1.700.000 kr." / "1,700,000 DKK" (rounded to whole kroner first, half up: -2.5 -> "-2 kr."). */
export function formatKroner(value: number, lang: Lang = "da"): string {
  return formatCoreKroner(Math.round(value), lang, PLAIN);
}

/** 9.3 -> "9,3 dage" / "9.3 days" (1 -> "1,0 dag"). */
export function formatDays(value: number, decimals: 1 | 2 = 1, lang: Lang = "da"): string {
  return formatCoreDays(value, lang, { ...PLAIN, decimals });
}

/** 0.619 -> "61,9 %" / "61.9%". */
export function formatShare(value: number, lang: Lang = "da"): string {
  return formatPercent(value, lang, { ...PLAIN, decimals: 1 });
}

/** Formats one cell as text in Danish (the default) or English. */
export function formatCell(cell: Cell, lang: Lang = "da"): string {
  const { value, kind } = cell;
  if (value === null) return "-";
  if (typeof value === "string") return value;
  switch (kind) {
    case "kr":
      return formatKroner(value, lang);
    case "days":
      return formatDays(value, 1, lang);
    case "days2":
      return formatDays(value, 2, lang);
    case "share":
      return formatShare(value, lang);
    case "probability":
      return formatPercent(value, lang, { ...PLAIN, decimals: 0 });
    case "persons":
      return formatNumber(value, lang, { ...PLAIN, decimals: 0 });
    case "persons1":
      return formatNumber(value, lang, { ...PLAIN, decimals: 1 });
    case "number":
      return formatNumber(value, lang, { ...PLAIN, decimals: 2 });
    case "text":
      return String(value);
  }
}

const text = (value: string | null): Cell => ({ value, kind: "text" });
const kr = (value: number | null): Cell => ({ value, kind: "kr" });

function yearRows(years: BusinessCaseYear[], total: BusinessCase["total"], texts: BusinessCaseTexts): Cell[][] {
  // a money cell of a year that is not estimated says so in words (never "0 kr."), right-aligned with the numbers
  const money = (year: BusinessCaseYear, value: number | null): Cell => (year.notEstimated !== null && value === null ? { value: texts.notEstimated, kind: "kr" } : kr(value));
  const rows = years.map((year) => [
    text(String(year.year)),
    { value: year.participants, kind: "persons" } as Cell,
    kr(year.cost),
    money(year, year.grossSavings),
    kr(year.regionalGrant),
    money(year, year.netSavings),
    kr(year.lower),
    kr(year.upper),
    { value: year.probabilityPositive, kind: "probability" } as Cell,
  ]);
  rows.push([
    text(texts.totalYears(total.fromYear, total.toYear)),
    text(""),
    kr(total.cost),
    kr(total.grossSavings),
    kr(total.regionalGrant),
    kr(total.netSavings),
    kr(total.lower),
    kr(total.upper),
    { value: total.probabilityPositive, kind: "probability" },
  ]);
  return rows;
}

/** The headline's rows: intake (counted and projected apart), saving per participant, gross, grant, cost, net with its interval, P(net > 0), break-even. */
function yearlyRows(yearly: YearlyAnswer, texts: BusinessCaseTexts): Cell[][] {
  const intake = yearly.intake;
  const persons = (value: number | null): Cell => (value === null ? { value: texts.notEstimated, kind: "persons" } : { value, kind: "persons" });
  const intakeInterval: [Cell, Cell] =
    intake.value === null || intake.se === null
      ? [text(""), text("")]
      : [{ value: intake.value - Z_975 * intake.se, kind: "persons" }, { value: intake.value + Z_975 * intake.se, kind: "persons" }];
  const rows: Cell[][] = [
    [text(texts.rowIntake(yearly.year, intake.method === null ? texts.notEstimated : texts.intakeMethod[intake.method])), persons(intake.value), ...intakeInterval],
  ];
  if (intake.observed !== null && intake.observedWeeks.length > 0 && intake.projected !== null) {
    rows.push([text(texts.rowCounted(weekSpan(intake.observedWeeks, texts))), { value: intake.observed, kind: "persons" }, text(""), text("")]);
    rows.push([text(texts.rowProjected(weekSpan(intake.projectedWeeks, texts), intake.referenceYears)), { value: intake.projected, kind: "persons" }, text(""), text("")]);
  }
  const saving = yearly.savingPerParticipant;
  const money = (value: number | null): Cell => (value === null && yearly.notEstimated !== null ? { value: texts.notEstimated, kind: "kr" } : kr(value));
  rows.push(
    [text(texts.rowSaving(texts.savingSource[saving.source], saving.tau)), kr(saving.estimate), kr(saving.lower), kr(saving.upper)],
    [text(texts.rowGross), money(yearly.grossSavings), text(""), text("")],
    [text(texts.rowGrant), money(yearly.regionalGrant), text(""), text("")],
    [text(texts.rowCost(yearly.costSource)), kr(yearly.cost), text(""), text("")],
    [text(texts.rowNet), money(yearly.netSavings), kr(yearly.lower), kr(yearly.upper)],
    [text(texts.rowProbability), { value: yearly.probabilityPositive, kind: "probability" }, text(""), text("")],
    [text(texts.rowBreakEvenSaving), kr(yearly.breakEvenSavingPerParticipant), text(""), text("")],
    [text(texts.rowBreakEvenParticipants), { value: yearly.breakEvenParticipants, kind: "persons" }, text(""), text("")],
  );
  return rows;
}

/** "uge 1-8 af 2018" / "weeks 1-8 of 2018" for a run of ISO weeks of one year. */
function weekSpan(weeks: string[], texts: BusinessCaseTexts): string {
  if (weeks.length === 0) return texts.noWeeks;
  const number = (week: string) => Number(week.slice(6));
  return texts.weekSpan(number(weeks[0]!), number(weeks[weeks.length - 1]!), weeks[0]!.slice(0, 4));
}

/**
 * The business case as sections of cells, in the order they are printed: the year of
 * operation first. Titles, columns and row labels in `lang`; the result's own texts (notes,
 * sources, labels) are in the language it was computed in.
 * Default lang: the result's language (`result.lang`, Danish when absent).
 */
export function businessCaseSections(result: BusinessCase, lang: Lang = result.lang ?? "da"): Section[] {
  const texts = businessCaseTexts(lang);
  const sections: Section[] = [];
  const yearly = result.yearly;
  if (yearly) {
    sections.push({ title: texts.titleYearly(yearly.year), columns: texts.columnsFigure, rows: yearlyRows(yearly, texts) });
    if (yearly.intake.weeks.length > 0) {
      sections.push({
        title: texts.titleIntakeWeeks(yearly.year, yearly.intake.referenceYears),
        columns: texts.columnsIntakeWeeks,
        rows: yearly.intake.weeks.map((week) => [text(week.week), text(week.kind === "observed" ? texts.counted : texts.projected), { value: week.participants, kind: week.kind === "observed" ? "persons" : "persons1" }]),
      });
    }
  }
  sections.push({
    title: texts.titleAssumptions,
    columns: texts.columnsAssumptions,
    rows: result.assumptions.map((assumption) => {
      const kind: CellKind =
        assumption.unit === "kr" || assumption.unit === "kr/day"
          ? "kr"
          : assumption.unit === "days"
            ? "days"
            : assumption.unit === "share"
              ? "share"
              : assumption.unit === "persons"
                ? "persons"
                : "text";
      const units: Partial<Record<typeof assumption.unit, string>> = { weeks: texts.unitWeeks, "days/week": texts.unitDaysPerWeek, year: "" };
      const value =
        typeof assumption.value === "boolean"
          ? assumption.value
            ? texts.yes
            : texts.no
          : typeof assumption.value === "number" && assumption.key === "horizonDays"
            ? texts.valueDays(assumption.value)
            : typeof assumption.value === "number" && kind === "text"
            ? `${assumption.value}${units[assumption.unit] ?? ""}`
            : assumption.value;
      return [text(assumption.label), { value, kind }, text(assumption.source)];
    }),
  });
  sections.push({
    title: texts.titlePerParticipant(result.horizonDays, result.savingBasis === "expenditure"),
    columns: texts.columnsPerParticipant,
    rows: result.perParticipant.map((entry) => [
      text(String(entry.entryYear)),
      kr(entry.saving),
      kr(entry.lower),
      kr(entry.upper),
      kr(entry.simple.saving),
      kr(entry.saving - entry.simple.saving),
    ]),
  });
  sections.push({
    title: texts.titleSimple,
    columns: texts.columnsSimple,
    rows: result.perParticipant.map((entry) => [
      text(String(entry.entryYear)),
      { value: entry.simple.daysSaved, kind: "days" },
      kr(entry.simple.maxDailyBenefit),
      { value: entry.simple.benefitDaysPerWeek, kind: "persons" },
      { value: entry.simple.benefitPerCalendarDay, kind: "number" },
      { value: entry.simple.averageShare, kind: "share" },
      kr(entry.simple.saving),
    ]),
  });
  const firstYear = result.perParticipant[0]?.entryYear;
  const weekRows: Cell[][] = result.weeks.map((week) => [
    { value: week.week, kind: "persons" },
    { value: week.supportWeek, kind: "persons" },
    { value: week.daysSaved, kind: "days2" },
    { value: week.share, kind: "share" },
    kr(week.saving),
  ]);
  weekRows.push([
    text(texts.total),
    text(""),
    { value: result.weeks.reduce((sum, week) => sum + week.daysSaved, 0), kind: "days2" },
    text(""),
    kr(result.weeks.reduce((sum, week) => sum + week.saving, 0)),
  ]);
  sections.push({
    title: texts.titleWeeks(firstYear),
    columns: texts.columnsWeeks,
    rows: weekRows,
  });
  for (const scenario of result.scenarios) {
    sections.push({
      title: scenario.key === "base" ? texts.titleBaseYears(scenario.description) : texts.titleScenario(scenario.description),
      columns: texts.yearColumns,
      rows: yearRows(scenario.years, scenario.total, texts),
    });
  }
  const breakEvenRows: Cell[][] = [];
  for (const scenario of result.scenarios) {
    const name = scenario.key === "base" ? texts.breakEvenBase : texts.breakEvenContinued;
    breakEvenRows.push([text(texts.rowBreakEvenDays(name, scenario.total.fromYear, scenario.total.toYear)), { value: scenario.breakEvenDaysSaved, kind: "days" }]);
    breakEvenRows.push([text(texts.rowBreakEvenIntake(name)), { value: scenario.breakEvenParticipantsPerYear, kind: "persons" }]);
  }
  sections.push({
    title: texts.titleBreakEven(result.breakEvenBasis === "measured"),
    columns: texts.columnsFigure.slice(0, 2),
    rows: breakEvenRows,
  });
  sections.push({
    title: texts.titleSensitivity(result.total.fromYear, result.total.toYear),
    columns: texts.columnsSensitivity,
    rows: result.sensitivity.map((line) => [text(line.label), text(line.lowValue), text(line.highValue), kr(line.netLow), kr(line.netHigh), kr(line.impact)]),
  });
  const implied = result.implied;
  sections.push({
    title: texts.titleImplied(formatDays(implied.expectedDaysSaved, 1, lang), formatKroner(implied.expectedNetSavingsPerYear, lang)),
    columns: texts.columnsFigure.slice(0, 2),
    rows: [
      [text(texts.rowImpliedSaving(formatDays(implied.expectedDaysSaved, 1, lang))), kr(implied.savingPerParticipantAtExpected)],
      [text(texts.rowImpliedParticipants), { value: implied.impliedParticipantsPerYear, kind: "persons" }],
      [text(texts.rowPerWeek), { value: implied.impliedParticipantsPerWeek, kind: "persons1" }],
      [text(texts.rowInProgramme), { value: implied.impliedInProgrammeAtOnce, kind: "persons" }],
      [text(texts.rowImpliedWholePeriod), { value: implied.impliedParticipantsPerYearWholePeriod, kind: "persons" }],
      [text(texts.rowObservedParticipants), { value: implied.observedParticipantsPerYear, kind: "persons" }],
      [text(texts.rowPerWeek), { value: implied.observedParticipantsPerWeek, kind: "persons1" }],
    ],
  });
  if (result.notes.length > 0) sections.push({ title: texts.titleNotes, columns: [], rows: result.notes.map((note) => [text(note)]) });
  return sections;
}

/** Whether a cell is right-aligned with the numbers: a number, a missing number, or the words for "not estimated". */
function isNumeric(cell: Cell, texts: BusinessCaseTexts): boolean {
  return typeof cell.value === "number" || cell.value === null || cell.value === texts.notEstimated;
}

/**
 * The business case as a plain-text table in Danish (the default) or English, every input
 * and its source above the figures. Default lang: the result's language (`result.lang`,
 * Danish when absent).
 */
export function formatBusinessCaseTable(result: BusinessCase, lang: Lang = result.lang ?? "da"): string {
  const texts = businessCaseTexts(lang);
  const yearly = result.yearly;
  const headline = yearly
    ? yearly.netSavings === null
      ? [texts.headlineNotEstimated(yearly.year, yearly.notEstimated)]
      : [
          texts.headline(
            yearly.year,
            formatKroner(yearly.netSavings, lang),
            yearly.lower !== null && yearly.upper !== null
              ? texts.headlineInterval(formatKroner(yearly.lower, lang), formatKroner(yearly.upper, lang), formatCell({ value: yearly.probabilityPositive, kind: "probability" }, lang))
              : null,
          ),
        ]
    : [];
  const lines: string[] = [
    `Business case: ${result.trial.name} (${result.trial.id})`,
    ...headline,
    texts.modeLine(result.mode === "measured" ? texts.modeMeasured : texts.modeWhatIf, result.uncertaintyMethod === "delta"),
    ...(result.horizonShortened ? [texts.earlyLook(result.horizonDays, result.horizonShortened.requestedDays)] : []),
    "",
  ];
  for (const section of businessCaseSections(result, lang)) {
    lines.push(section.title, "-".repeat(Math.min(100, section.title.length)));
    const cells = section.rows.map((row) => row.map((cell) => formatCell(cell, lang)));
    const widths = section.columns.map((column, index) => Math.max(column.length, ...cells.map((row) => (row[index] ?? "").length)));
    const numericColumn = section.columns.map((_, index) => section.rows.length > 0 && section.rows.every((row) => row[index] === undefined || isNumeric(row[index]!, texts) || row[index]!.value === ""));
    if (section.columns.length > 0) lines.push(section.columns.map((column, index) => (numericColumn[index] ? column.padStart(widths[index]!) : column.padEnd(widths[index]!))).join("  ").trimEnd());
    for (const row of cells) {
      if (section.columns.length === 0) {
        lines.push(`- ${row[0]}`);
        continue;
      }
      lines.push(row.map((cell, index) => (numericColumn[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join("  ").trimEnd());
    }
    lines.push("");
  }
  return lines.join("\n");
}
