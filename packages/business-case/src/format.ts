/**
 * The business case as tables for finance, Danish: sections of typed cells that the text
 * table and the XLSX sheet are both built from, and their Danish text (1.700.000 kr.,
 * 9,3 dage, 61,9 %) from core's one formatter: ASCII hyphen and spaces, numbers rounded
 * half away from zero as they are written (1,005 -> 1,01).
 */
import {
  formatDays as formatCoreDays,
  formatKroner as formatCoreKroner,
  formatNumber,
  formatPercent,
  type NumberFormatOptions,
} from "@jobtrial/core";
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

/** 1700000 -> "1.700.000 kr." (rounded to whole kroner first, half up: -2.5 -> "-2 kr."). */
export function formatKroner(value: number): string {
  return formatCoreKroner(Math.round(value), "da", PLAIN);
}

/** 9.3 -> "9,3 dage" (1 -> "1,0 dag"). */
export function formatDays(value: number, decimals: 1 | 2 = 1): string {
  return formatCoreDays(value, "da", { ...PLAIN, decimals });
}

/** 0.619 -> "61,9 %". */
export function formatShare(value: number): string {
  return formatPercent(value, "da", { ...PLAIN, decimals: 1 });
}

/** Formats one cell as text in Danish. */
export function formatCell(cell: Cell): string {
  const { value, kind } = cell;
  if (value === null) return "-";
  if (typeof value === "string") return value;
  switch (kind) {
    case "kr":
      return formatKroner(value);
    case "days":
      return formatDays(value, 1);
    case "days2":
      return formatDays(value, 2);
    case "share":
      return formatShare(value);
    case "probability":
      return formatPercent(value, "da", { ...PLAIN, decimals: 0 });
    case "persons":
      return formatNumber(value, "da", { ...PLAIN, decimals: 0 });
    case "persons1":
      return formatNumber(value, "da", { ...PLAIN, decimals: 1 });
    case "number":
      return formatNumber(value, "da", { ...PLAIN, decimals: 2 });
    case "text":
      return String(value);
  }
}

const text = (value: string | null): Cell => ({ value, kind: "text" });
const kr = (value: number | null): Cell => ({ value, kind: "kr" });

/** The words a year without an estimate shows instead of a number (never "0 kr."). */
const NOT_ESTIMATED = "ikke estimeret";

function yearRows(years: BusinessCaseYear[], total: BusinessCase["total"]): Cell[][] {
  // a money cell of a year that is not estimated says so, right-aligned with the numbers
  const money = (year: BusinessCaseYear, value: number | null): Cell => (year.notEstimated !== null && value === null ? { value: NOT_ESTIMATED, kind: "kr" } : kr(value));
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
    text(`I alt ${total.fromYear}-${total.toYear}`),
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

const YEAR_COLUMNS = ["År", "Deltagere (indtræden)", "Projektudgift", "Bruttobesparelse", "Beskæftigelsestilskud", "Nettobesparelse", "95 % nedre", "95 % øvre", "P(netto > 0), normalapprox."];

const SAVING_SOURCE: Record<YearlyAnswer["savingPerParticipant"]["source"], string> = {
  expenditure: "udgiftsforskel pr. borger fra ydelsespanelet",
  "days-saved": "sparede dage til første afgang, prissat",
  "what-if": "hvad-nu-hvis",
};

const INTAKE_METHOD: Record<NonNullable<YearlyAnswer["intake"]["method"]>, string> = {
  given: "angivet",
  observed: "talt i registret, hele året",
  seasonal: "fremskrevet med sæsonmønsteret",
  mean: "gennemsnit af de observerede år",
  implied: "implicit i forventningen, hvad-nu-hvis",
};

/** The headline's rows: intake (counted and projected apart), saving per participant, gross, grant, cost, net with its interval, P(net > 0), break-even. */
function yearlyRows(yearly: YearlyAnswer): Cell[][] {
  const intake = yearly.intake;
  const persons = (value: number | null): Cell => (value === null ? { value: NOT_ESTIMATED, kind: "persons" } : { value, kind: "persons" });
  const intakeInterval: [Cell, Cell] =
    intake.value === null || intake.se === null
      ? [text(""), text("")]
      : [{ value: intake.value - Z_975 * intake.se, kind: "persons" }, { value: intake.value + Z_975 * intake.se, kind: "persons" }];
  const rows: Cell[][] = [
    [text(`Deltagere i indsatsen ${yearly.year} (${intake.method === null ? "ikke estimeret" : INTAKE_METHOD[intake.method]})`), persons(intake.value), ...intakeInterval],
  ];
  if (intake.observed !== null && intake.observedWeeks.length > 0 && intake.projected !== null) {
    rows.push([text(`  heraf talt i registret, ${weekSpan(intake.observedWeeks)}`), { value: intake.observed, kind: "persons" }, text(""), text("")]);
    rows.push([text(`  heraf fremskrevet, ${weekSpan(intake.projectedWeeks)} (sæsonmønster fra ${intake.referenceYears.join(", ")})`), { value: intake.projected, kind: "persons" }, text(""), text("")]);
  }
  const saving = yearly.savingPerParticipant;
  const money = (value: number | null): Cell => (value === null && yearly.notEstimated !== null ? { value: NOT_ESTIMATED, kind: "kr" } : kr(value));
  rows.push(
    [text(`Sparet pr. deltager (${SAVING_SOURCE[saving.source]}, ${saving.tau} dage)`), kr(saving.estimate), kr(saving.lower), kr(saving.upper)],
    [text("Bruttobesparelse (deltagere x besparelse)"), money(yearly.grossSavings), text(""), text("")],
    [text("Beskæftigelsestilskud"), money(yearly.regionalGrant), text(""), text("")],
    [text(`Projektudgift (${yearly.costSource})`), kr(yearly.cost), text(""), text("")],
    [text("Nettobesparelse"), money(yearly.netSavings), kr(yearly.lower), kr(yearly.upper)],
    [text("P(netto > 0), normalapproksimation"), { value: yearly.probabilityPositive, kind: "probability" }, text(""), text("")],
    [text("Ved netto 0 (break-even): besparelse pr. deltager"), kr(yearly.breakEvenSavingPerParticipant), text(""), text("")],
    [text("Ved netto 0 (break-even): deltagere pr. år med den anvendte besparelse"), { value: yearly.breakEvenParticipants, kind: "persons" }, text(""), text("")],
  );
  return rows;
}

/** "uge 1-8 af 2018" for a run of ISO weeks of one year. */
function weekSpan(weeks: string[]): string {
  if (weeks.length === 0) return "ingen uger";
  const number = (week: string) => Number(week.slice(6));
  return `uge ${number(weeks[0]!)}-${number(weeks[weeks.length - 1]!)} af ${weeks[0]!.slice(0, 4)}`;
}

/** The business case as sections of cells, in the order they are printed: the year of operation first. */
export function businessCaseSections(result: BusinessCase): Section[] {
  const sections: Section[] = [];
  const yearly = result.yearly;
  if (yearly) {
    sections.push({ title: `Et år i drift: ${yearly.year}, deltagere x besparelse pr. deltager - årets udgift`, columns: ["Størrelse", "Værdi", "95 % nedre", "95 % øvre"], rows: yearlyRows(yearly) });
    if (yearly.intake.weeks.length > 0) {
      sections.push({
        title: `Indtag uge for uge: ${yearly.year}, talte uger og fremskrevne uger (sæsonmønster fra ${yearly.intake.referenceYears.join(", ")})`,
        columns: ["Uge", "Talt eller fremskrevet", "Deltagere i indsatsen"],
        rows: yearly.intake.weeks.map((week) => [text(week.week), text(week.kind === "observed" ? "talt" : "fremskrevet"), { value: week.participants, kind: week.kind === "observed" ? "persons" : "persons1" }]),
      });
    }
  }
  sections.push({
    title: "Forudsætninger",
    columns: ["Input", "Værdi", "Kilde"],
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
      const units: Partial<Record<typeof assumption.unit, string>> = { weeks: " uger", "days/week": " dage pr. uge", year: "" };
      const value =
        typeof assumption.value === "boolean"
          ? assumption.value
            ? "ja"
            : "nej"
          : typeof assumption.value === "number" && assumption.key === "horizonDays"
            ? `${assumption.value} dage`
            : typeof assumption.value === "number" && kind === "text"
            ? `${assumption.value}${units[assumption.unit] ?? ""}`
            : assumption.value;
      return [text(assumption.label), { value, kind }, text(assumption.source)];
    }),
  });
  sections.push({
    title: `Besparelse pr. deltager (uge for uge, horisont ${result.horizonDays} dage${result.savingBasis === "expenditure" ? ", dage til første afgang prissat, sekundært" : ""})`,
    columns: ["Indtrædelsesår", "Besparelse", "95 % nedre", "95 % øvre", "Forenklet beregning", "Forskel"],
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
    title: "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag x gennemsnitlig medfinansiering",
    columns: ["Indtrædelsesår", "Sparede dage", "Højeste sats pr. dagpengedag (øvre grænse)", "Dagpengedage pr. uge", "Dagpenge pr. kalenderdag", "Gns. medfinansiering", "Besparelse"],
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
    text("I alt"),
    text(""),
    { value: result.weeks.reduce((sum, week) => sum + week.daysSaved, 0), kind: "days2" },
    text(""),
    kr(result.weeks.reduce((sum, week) => sum + week.saving, 0)),
  ]);
  sections.push({
    title: `Uge for uge: deltager med indtræden i ${firstYear} (hver dag prissat i det kalenderår, den falder i)`,
    columns: ["Uge i forløbet", "Uge i offentlig forsørgelse", "Sparede dage", "Medfinansiering", "Besparelse"],
    rows: weekRows,
  });
  for (const scenario of result.scenarios) {
    sections.push({
      title: scenario.key === "base" ? `Nettobesparelse pr. år: ${scenario.description}` : `Scenarie: ${scenario.description}`,
      columns: YEAR_COLUMNS,
      rows: yearRows(scenario.years, scenario.total),
    });
  }
  const breakEvenRows: Cell[][] = [];
  for (const scenario of result.scenarios) {
    const name = scenario.key === "base" ? "projektperioden" : "fortsat drift";
    breakEvenRows.push([text(`Sparede dage pr. deltager ved nettobesparelse 0 (${name}, i alt ${scenario.total.fromYear}-${scenario.total.toYear})`), { value: scenario.breakEvenDaysSaved, kind: "days" }]);
    breakEvenRows.push([text(`Deltagere pr. år ved nettobesparelse 0 med den anvendte effekt (${name})`), { value: scenario.breakEvenParticipantsPerYear, kind: "persons" }]);
  }
  sections.push({
    title: `Break-even (${result.breakEvenBasis === "measured" ? "den målte kurveforskel skaleret" : "sparede dage fordelt jævnt over horisonten"})`,
    columns: ["Størrelse", "Værdi"],
    rows: breakEvenRows,
  });
  sections.push({
    title: `Følsomhed: nettobesparelse i alt ${result.total.fromYear}-${result.total.toYear}, ordnet efter udsving`,
    columns: ["Input", "Lav", "Høj", "Netto ved lav", "Netto ved høj", "Udsving"],
    rows: result.sensitivity.map((line) => [text(line.label), text(line.lowValue), text(line.highValue), kr(line.netLow), kr(line.netHigh), kr(line.impact)]),
  });
  const implied = result.implied;
  sections.push({
    title: `Implicitte tal: projektets forventning (${formatDays(implied.expectedDaysSaved)} -> ${formatKroner(implied.expectedNetSavingsPerYear)} netto om året)`,
    columns: ["Størrelse", "Værdi"],
    rows: [
      [text(`Besparelse pr. deltager ved ${formatDays(implied.expectedDaysSaved)}`), kr(implied.savingPerParticipantAtExpected)],
      [text("Deltagere pr. år, som forventningen kræver (et års udgift + forventet netto)"), { value: implied.impliedParticipantsPerYear, kind: "persons" }],
      [text("  heraf pr. uge"), { value: implied.impliedParticipantsPerWeek, kind: "persons1" }],
      [text("  i forløbet ad gangen (højst: pr. uge x programmets uger)"), { value: implied.impliedInProgrammeAtOnce, kind: "persons" }],
      [text("Deltagere pr. år, hele perioden læst samlet (samlet udgift + netto x år)"), { value: implied.impliedParticipantsPerYearWholePeriod, kind: "persons" }],
      [text("Deltagere pr. år i registret (omregnet til helår)"), { value: implied.observedParticipantsPerYear, kind: "persons" }],
      [text("  heraf pr. uge"), { value: implied.observedParticipantsPerWeek, kind: "persons1" }],
    ],
  });
  if (result.notes.length > 0) sections.push({ title: "Noter", columns: [], rows: result.notes.map((note) => [text(note)]) });
  return sections;
}

function isNumeric(cell: Cell): boolean {
  return typeof cell.value === "number" || cell.value === null || cell.value === NOT_ESTIMATED;
}

/** The business case as a plain-text table in Danish, every input and its source above the figures. */
export function formatBusinessCaseTable(result: BusinessCase): string {
  const yearly = result.yearly;
  const headline = yearly
    ? yearly.netSavings === null
      ? [`Et år i drift (${yearly.year}): nettobesparelse ikke estimeret (${yearly.notEstimated}).`]
      : [
          `Et år i drift (${yearly.year}): nettobesparelse ${formatKroner(yearly.netSavings)}${yearly.lower !== null && yearly.upper !== null ? ` (95 % KI ${formatKroner(yearly.lower)} til ${formatKroner(yearly.upper)}; P(netto > 0) ${formatCell({ value: yearly.probabilityPositive, kind: "probability" })}, normalapproksimation)` : " (intet interval)"}.`,
        ]
    : [];
  const lines: string[] = [
    `Business case: ${result.trial.name} (${result.trial.id})`,
    ...headline,
    `${result.mode === "measured" ? "Målt effekt fra results.json" : "Hvad-nu-hvis på antagne sparede dage"}; usikkerhed: ${result.uncertaintyMethod === "delta" ? "deltametoden, 95 % normalinterval" : "ingen (ingen målte kurver)"}.`,
    ...(result.horizonShortened
      ? [`Tidligt kig: beregnet ved ${result.horizonDays} dage, den længste horisont med data i begge grupper (results.json: ${result.horizonShortened.requestedDays} dage); se noterne.`]
      : []),
    "",
  ];
  for (const section of businessCaseSections(result)) {
    lines.push(section.title, "-".repeat(Math.min(100, section.title.length)));
    const texts = section.rows.map((row) => row.map(formatCell));
    const widths = section.columns.map((column, index) => Math.max(column.length, ...texts.map((row) => (row[index] ?? "").length)));
    const numericColumn = section.columns.map((_, index) => section.rows.length > 0 && section.rows.every((row) => row[index] === undefined || isNumeric(row[index]!) || row[index]!.value === ""));
    if (section.columns.length > 0) lines.push(section.columns.map((column, index) => (numericColumn[index] ? column.padStart(widths[index]!) : column.padEnd(widths[index]!))).join("  ").trimEnd());
    for (const row of texts) {
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
