/**
 * The indicators' wording, Danish and English: input problems (each with where and how to
 * fix it, never a cell's value) and the errors the package throws.
 */
import { JobtrialError, type MessageLang } from "@jobtrial/core";

/** One problem with an input file, worded in both languages (each line says where and how to fix it). */
export interface IndicatorProblem {
  file: string;
  row: number | null;
  column: string | null;
  da: string;
  en: string;
}

export type IndicatorProblemCode = "week_invalid" | "weeks_reversed" | "birth_year_invalid" | "person_unknown" | "event_empty" | "data_missing" | "no_panel";

function whereOf(where: { file: string; row: number | null; column: string | null }, lang: MessageLang): string {
  const da = lang === "da";
  return [where.file, where.row !== null ? `${da ? "række" : "row"} ${where.row}` : null, where.column !== null ? `${da ? "kolonne" : "column"} "${where.column}"` : null].filter(Boolean).join(", ");
}

const WORDING: Record<IndicatorProblemCode, Record<MessageLang, { message: string; fix: string }>> = {
  week_invalid: {
    da: { message: "ikke en ISO-uge", fix: 'skriv ugen som ÅÅÅÅ-Wuu, for eksempel "2020-W05"' },
    en: { message: "not an ISO week", fix: 'write the week as YYYY-Www, for example "2020-W05"' },
  },
  weeks_reversed: {
    da: { message: "perioden slutter før den begynder", fix: "byt om på fra- og til-ugen, eller ret den forkerte" },
    en: { message: "the period ends before it starts", fix: "swap the from and to weeks, or correct the wrong one" },
  },
  birth_year_invalid: {
    da: { message: "ikke et fødselsår", fix: "skriv et årstal med fire cifre, for eksempel 1975, eller lad cellen stå tom" },
    en: { message: "not a birth year", fix: "write a four-digit year, for example 1975, or leave the cell empty" },
  },
  person_unknown: {
    da: { message: "personen står ikke i persons.csv", fix: "tilføj personen til persons.csv, eller fjern rækken" },
    en: { message: "the person is not in persons.csv", fix: "add the person to persons.csv, or remove the row" },
  },
  event_empty: {
    da: { message: "hændelsen er tom", fix: 'skriv hændelsens navn, for eksempel "samtale"' },
    en: { message: "the event is empty", fix: 'write the event\'s name, for example "samtale"' },
  },
  data_missing: {
    da: { message: "filen findes ikke", fix: "læg filen i datamappen, eller ret stien til --data" },
    en: { message: "the file does not exist", fix: "put the file in the data folder, or correct the --data path" },
  },
  no_panel: {
    da: { message: "der er intet ydelsespanel", fix: "læg benefit-weeks.csv (én række pr. person og uge) eller benefit-periods.csv (én række pr. periode) i datamappen" },
    en: { message: "there is no benefit panel", fix: "put benefit-weeks.csv (one row per person and week) or benefit-periods.csv (one row per period) in the data folder" },
  },
};

/** A problem of ours, worded in both languages. */
export function indicatorProblem(code: IndicatorProblemCode, where: { file: string; row?: number | null; column?: string | null }): IndicatorProblem {
  const located = { file: where.file, row: where.row ?? null, column: where.column ?? null };
  const line = (lang: MessageLang) => `${whereOf(located, lang)}: ${WORDING[code][lang].message}. ${lang === "da" ? "Ret" : "Fix"}: ${WORDING[code][lang].fix}`;
  return { ...located, da: line("da"), en: line("en") };
}

/** A problem with the definitions file, worded in both languages (its JSON path first). */
export interface WordedProblem {
  da: string;
  en: string;
}

export type IndicatorsIssue =
  | { code: "data_problems"; problems: IndicatorProblem[] }
  | { code: "spec_invalid"; file: string; problems: WordedProblem[] }
  | { code: "as_of_invalid" };

/** The package's error: an issue with its wording. Nothing is written when one is thrown. */
export class IndicatorsError extends JobtrialError {
  override name = "IndicatorsError";
  constructor(readonly issue: IndicatorsIssue) {
    super(issue.code, { ...issue }, (lang) => indicatorsMessage(issue, lang));
  }
}

/** One line: what is wrong, where, how to fix it; the first problems of a list. */
export function indicatorsMessage(issue: IndicatorsIssue, lang: MessageLang = "da"): string {
  const da = lang === "da";
  switch (issue.code) {
    case "data_problems": {
      const count = issue.problems.length;
      const first = issue.problems.slice(0, 3).map((item) => item[lang]).join("; ");
      return da ? `${count} ${count === 1 ? "problem" : "problemer"} i data; intet blev skrevet: ${first}` : `${count} problem${count === 1 ? "" : "s"} in the data; nothing was written: ${first}`;
    }
    case "spec_invalid": {
      const listed = issue.problems.slice(0, 5).map((item) => item[lang]).join("; ") + (issue.problems.length > 5 ? (da ? ` (og ${issue.problems.length - 5} flere)` : ` (and ${issue.problems.length - 5} more)`) : "");
      return da ? `${issue.file} er ikke en gyldig indikatorfil: ${listed}; ret felterne og kør igen.` : `${issue.file} is not a valid indicator file: ${listed}; correct the fields and run again.`;
    }
    case "as_of_invalid":
      return da ? "--as-of skal være en dato ÅÅÅÅ-MM-DD, for eksempel 2020-06-30" : "--as-of must be a date YYYY-MM-DD, for example 2020-06-30";
  }
}
