/**
 * Problems in input files are data: a code, where it is (file, row, column)
 * and the wording from this one file, saying what is wrong and how to fix it,
 * in Danish for the jobcentre's staff and in English.
 *
 * A message never quotes a cell's value: the value may be a CPR number or a
 * birth date (even in a column that should hold something else, when columns
 * are swapped), so messages describe the shape of the problem and point to
 * the row and column instead.
 */

export type ProblemCode =
  | "file_not_found"
  | "file_unreadable"
  | "file_empty"
  | "file_too_large"
  | "xlsx_unreadable"
  | "header_missing_column"
  | "header_duplicate_column"
  | "row_field_count"
  | "row_unterminated_quote"
  | "cpr_empty"
  | "cpr_bad_characters"
  | "cpr_excel_number"
  | "cpr_wrong_length"
  | "cpr_invalid_date"
  | "cpr_nine_digits_invalid"
  | "date_empty"
  | "date_format"
  | "date_impossible"
  | "value_empty"
  | "value_not_number"
  | "duplicate_conflict";

/** One problem with an input file. `row` is the 1-based line (CSV) or sheet row (XLSX); null for the whole file. */
export interface Problem {
  file: string;
  row: number | null;
  /** The column's header as written in the file; null for the whole row or file. */
  column: string | null;
  code: ProblemCode;
  message: string;
  fix: string;
  /** The same in Danish, for the jobcentre's staff (what `formatProblem` prints by default). */
  messageDa: string;
  fixDa: string;
}

/** Extra facts some messages need. None of them may be a cell's value. */
export interface ProblemDetails {
  /** The expected column names (header_missing_column). */
  expected?: readonly string[];
  /** The number of fields expected and found (row_field_count). */
  expectedCount?: number;
  foundCount?: number;
  /** Another row involved (duplicate_conflict, header_duplicate_column). */
  otherRow?: number;
  /** Columns that differ (duplicate_conflict). */
  differing?: readonly string[];
  /** Free-form reason from the system, never a cell value (file_unreadable). */
  reason?: string;
  /** The file's size and the largest size read, in megabytes (file_too_large). */
  sizeMegabytes?: number;
  limitMegabytes?: number;
  /** What the number must be (value_not_number): any finite number, at least 0, 0 or 1, or a whole number of at least 0. Default: any */
  numberRule?: NumberRule;
}

/** What a numeric cell must hold beyond being a finite number. */
export type NumberRule = "any" | ">= 0" | "0/1" | "whole >= 0";

const NUMBER_RULE_EN: Record<NumberRule, string> = { any: "a number", ">= 0": "a number of 0 or more", "0/1": "0 or 1", "whole >= 0": "a whole number of 0 or more" };
const NUMBER_RULE_DA: Record<NumberRule, string> = { any: "et tal", ">= 0": "et tal på 0 eller mere", "0/1": "0 eller 1", "whole >= 0": "et helt tal på 0 eller mere" };

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** The wording of a problem: what is wrong and how to fix it. */
export function problemText(code: ProblemCode, details: ProblemDetails = {}): { message: string; fix: string } {
  switch (code) {
    case "file_not_found":
      return { message: "file not found", fix: "check the path and the file name" };
    case "file_unreadable":
      return { message: `cannot read the file${details.reason ? ` (${details.reason})` : ""}`, fix: "check that the file exists, is not open with a lock in another program, and that you may read it" };
    case "file_empty":
      return { message: "the file has no header row", fix: "export the list again with its header row (column names) in the first line" };
    case "file_too_large":
      return {
        message: `the file is too large (${details.sizeMegabytes ?? "?"} MB); jobtrial reads files of at most ${details.limitMegabytes ?? "?"} MB`,
        fix: "check that it is the right file; split a backfill into several files (one per week or month) and give them one at a time or as a folder",
      };
    case "xlsx_unreadable":
      return { message: "the file is not a readable XLSX workbook", fix: "open it in Excel and save it again as .xlsx, or save it as CSV (semicolon separated)" };
    case "header_missing_column":
      return {
        message: `required column is missing${details.expected ? `; looked for ${quoteList(details.expected)}` : ""}`,
        fix: "add the column, or rename the existing column to one of these names (or set intake.columns in the trial configuration)",
      };
    case "header_duplicate_column":
      return {
        message: `the column appears twice in the header${details.otherRow !== undefined ? ` (also as column ${details.otherRow})` : ""}`,
        fix: "remove or rename one of the two columns",
      };
    case "row_field_count":
      return {
        message: `the row has ${details.foundCount ?? "?"} field${details.foundCount === 1 ? "" : "s"} but the header has ${details.expectedCount ?? "?"}`,
        fix: "check the row for an extra or missing separator; a value containing the separator must be in double quotes",
      };
    case "row_unterminated_quote":
      return { message: "a quoted value is never closed", fix: 'close the value with a double quote; write a quote inside a value as two quotes ("")' };
    case "cpr_empty":
      return { message: "the CPR number is empty", fix: "fill in the citizen's CPR number (DDMMYY-SSSS) or remove the row" };
    case "cpr_bad_characters":
      return { message: "the CPR number contains characters other than digits and one dash", fix: "write it as DDMMYY-SSSS or DDMMYYSSSS" };
    case "cpr_excel_number":
      return {
        message: "the CPR number was turned into a number by Excel (decimals or scientific notation)",
        fix: "format the column as Text in Excel and type or paste the CPR numbers again",
      };
    case "cpr_wrong_length":
      return { message: "the CPR number does not have 10 digits", fix: "check for missing or extra digits; write it as DDMMYY-SSSS" };
    case "cpr_invalid_date":
      return {
        message: "the first six digits of the CPR number are not a real date (the day, or the day minus 60 for a replacement number, does not exist in that month and year)",
        fix: "check the CPR number against the case system",
      };
    case "cpr_nine_digits_invalid":
      return {
        message: "the CPR number has 9 digits and adding the leading zero Excel may have dropped does not give a valid CPR number",
        fix: "check the CPR number against the case system and format the column as Text in Excel",
      };
    case "date_empty":
      return { message: "the date is empty", fix: "fill in the date as dd-mm-yyyy, for example 02-01-2017" };
    case "date_format":
      return { message: "the value is not a date in a known form", fix: "write the date as dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, for example 02-01-2017" };
    case "date_impossible":
      return { message: "the date does not exist in the calendar", fix: "check the day and the month (for example 29 February only in leap years)" };
    case "value_empty":
      return { message: "the value is empty", fix: "fill in the value or remove the row" };
    case "value_not_number":
      return {
        message: `the value is not ${NUMBER_RULE_EN[details.numberRule ?? "any"]}`,
        fix: "correct the cell (a decimal comma or point are both fine), or leave it empty or write NA when the value is unknown",
      };
    case "duplicate_conflict":
      return {
        message: `the same CPR number appears in row ${details.otherRow ?? "?"} with different values${details.differing && details.differing.length > 0 ? ` in ${quoteList(details.differing)}` : ""}`,
        fix: "keep one row per citizen with the correct values; identical repeated rows are fine",
      };
  }
}

function quoteListDa(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} og ${quoted[quoted.length - 1]}`;
}

/** The wording of a problem in Danish: hvad der er galt, og hvordan det rettes. */
export function problemTextDa(code: ProblemCode, details: ProblemDetails = {}): { message: string; fix: string } {
  switch (code) {
    case "file_not_found":
      return { message: "filen findes ikke", fix: "kontroller stien og filnavnet" };
    case "file_unreadable":
      return { message: `filen kan ikke læses${details.reason ? ` (${details.reason})` : ""}`, fix: "kontroller at filen findes, ikke er låst af et andet program, og at du har adgang til at læse den" };
    case "file_empty":
      return { message: "filen har ingen overskriftsrække", fix: "dan listen igen med kolonnenavnene i første linje" };
    case "file_too_large":
      return {
        message: `filen er for stor (${details.sizeMegabytes ?? "?"} MB); jobtrial læser filer på højst ${details.limitMegabytes ?? "?"} MB`,
        fix: "kontroller, at det er den rigtige fil; del en efterregistrering op i flere filer (én pr. uge eller måned), og giv dem én ad gangen eller som en mappe",
      };
    case "xlsx_unreadable":
      return { message: "filen er ikke en XLSX-projektmappe, der kan læses", fix: "åbn den i Excel og gem den igen som .xlsx, eller gem den som CSV (semikolonsepareret)" };
    case "header_missing_column":
      return {
        message: `en kolonne, der skal være der, mangler${details.expected ? `; der blev søgt efter ${quoteListDa(details.expected)}` : ""}`,
        fix: "tilføj kolonnen, eller omdøb den eksisterende kolonne til et af disse navne (eller angiv intake.columns i forsøgets konfiguration)",
      };
    case "header_duplicate_column":
      return {
        message: `kolonnen står to gange i overskriften${details.otherRow !== undefined ? ` (også som kolonne ${details.otherRow})` : ""}`,
        fix: "fjern eller omdøb den ene af de to kolonner",
      };
    case "row_field_count":
      return {
        message: `rækken har ${details.foundCount ?? "?"} ${details.foundCount === 1 ? "felt" : "felter"}, men overskriften har ${details.expectedCount ?? "?"}`,
        fix: "se efter et skilletegn for meget eller for lidt i rækken; en værdi, der indeholder skilletegnet, skal stå i anførselstegn",
      };
    case "row_unterminated_quote":
      return { message: "en værdi i anførselstegn bliver aldrig afsluttet", fix: 'afslut værdien med et anførselstegn; skriv et anførselstegn inde i en værdi som to ("")' };
    case "cpr_empty":
      return { message: "CPR-nummeret er tomt", fix: "udfyld borgerens CPR-nummer (DDMMÅÅ-SSSS) eller fjern rækken" };
    case "cpr_bad_characters":
      return { message: "CPR-nummeret indeholder andet end cifre og én bindestreg", fix: "skriv det som DDMMÅÅ-SSSS eller DDMMÅÅSSSS" };
    case "cpr_excel_number":
      return {
        message: "Excel har gjort CPR-nummeret til et tal (med decimaler eller som videnskabelig notation)",
        fix: "formater kolonnen som Tekst i Excel, og skriv eller indsæt CPR-numrene igen",
      };
    case "cpr_wrong_length":
      return { message: "CPR-nummeret har ikke 10 cifre", fix: "se efter manglende eller ekstra cifre; skriv det som DDMMÅÅ-SSSS" };
    case "cpr_invalid_date":
      return {
        message: "de første seks cifre i CPR-nummeret er ikke en rigtig dato (dagen, eller dagen minus 60 for et erstatningspersonnummer, findes ikke i den måned og det år)",
        fix: "kontroller CPR-nummeret i fagsystemet",
      };
    case "cpr_nine_digits_invalid":
      return {
        message: "CPR-nummeret har 9 cifre, og det giver ikke et gyldigt CPR-nummer at tilføje det foranstillede nul, som Excel kan have fjernet",
        fix: "kontroller CPR-nummeret i fagsystemet, og formater kolonnen som Tekst i Excel",
      };
    case "date_empty":
      return { message: "datoen er tom", fix: "udfyld datoen som dd-mm-åååå, for eksempel 02-01-2017" };
    case "date_format":
      return { message: "værdien er ikke en dato i en kendt form", fix: "skriv datoen som dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd, for eksempel 02-01-2017" };
    case "date_impossible":
      return { message: "datoen findes ikke i kalenderen", fix: "kontroller dagen og måneden (for eksempel findes 29. februar kun i skudår)" };
    case "value_empty":
      return { message: "værdien er tom", fix: "udfyld værdien eller fjern rækken" };
    case "value_not_number":
      return {
        message: `værdien er ikke ${NUMBER_RULE_DA[details.numberRule ?? "any"]}`,
        fix: "ret cellen (decimalkomma og decimalpunktum er begge i orden), eller lad den stå tom eller skriv NA, når værdien ikke kendes",
      };
    case "duplicate_conflict":
      return {
        message: `det samme CPR-nummer står i række ${details.otherRow ?? "?"} med andre værdier${details.differing && details.differing.length > 0 ? ` i ${quoteListDa(details.differing)}` : ""}`,
        fix: "behold én række pr. borger med de rigtige værdier; ens gentagne rækker er i orden",
      };
  }
}

/** Builds a problem with its wording in English and Danish. */
export function problem(code: ProblemCode, where: { file: string; row?: number | null; column?: string | null }, details: ProblemDetails = {}): Problem {
  const { message, fix } = problemText(code, details);
  const danish = problemTextDa(code, details);
  return { file: where.file, row: where.row ?? null, column: where.column ?? null, code, message, fix, messageDa: danish.message, fixDa: danish.fix };
}

/**
 * One line for a terminal, in Danish unless told otherwise:
 * `fil.csv: række 4, kolonne "CPR-nummer": besked; sådan rettes det`.
 */
export function formatProblem(item: Problem, lang: "da" | "en" = "da"): string {
  const [row, column] = lang === "da" ? ["række", "kolonne"] : ["row", "column"];
  const where = [item.row !== null ? `${row} ${item.row}` : null, item.column !== null ? `${column} "${item.column}"` : null].filter(Boolean).join(", ");
  const [message, fix] = lang === "da" ? [item.messageDa, item.fixDa] : [item.message, item.fix];
  return `${item.file}: ${where ? `${where}: ` : ""}${message}; ${fix}`;
}
