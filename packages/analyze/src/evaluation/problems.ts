/**
 * Problems with the evaluation's input files (cohort, spells, weekly benefit
 * panel, conversation log, secondary outcomes) as data: a code, where it is
 * (file, 1-based row, column as written in the header) and the wording from
 * this one file, saying what is wrong and how to fix it.
 *
 * A message never quotes a cell's value: a cell may hold a CPR number or a
 * birth date (also in a column meant for something else), so messages
 * describe the shape of the problem and point at the row and column. Worded in
 * English (kept in the problem) and Danish (`formatEvaluationProblem(item, "da")`).
 */
import { JobtrialError, type Lang } from "@jobtrial/core";

export type EvaluationProblemCode =
  | "file_not_found"
  | "file_unreadable"
  | "file_too_large"
  | "config_invalid"
  | "key_invalid"
  | "screening_invalid"
  | "file_empty"
  | "header_missing_column"
  | "header_duplicate_column"
  | "header_no_person_column"
  | "row_field_count"
  | "row_unterminated_quote"
  | "value_empty"
  | "date_invalid"
  | "week_invalid"
  | "number_invalid"
  | "arm_invalid"
  | "sex_invalid"
  | "flag_invalid"
  | "status_invalid"
  | "cpr_invalid"
  | "cpr_without_key"
  | "pseudonym_unknown"
  | "pseudonym_duplicate"
  | "spell_end_before_start"
  | "spell_overlap"
  | "benefit_code_unknown";

/** One problem with an input file. `row` is the 1-based line; null for the whole file. */
export interface EvaluationProblem {
  file: string;
  row: number | null;
  column: string | null;
  code: EvaluationProblemCode;
  /** The English wording (what results and logs keep); `formatEvaluationProblem` words it in Danish too. */
  message: string;
  fix: string;
  /** The facts the wording uses, so it can be worded in another language. */
  facts?: ProblemFacts;
}

/** Facts a message may need; never a cell's value. */
export interface ProblemFacts {
  expected?: readonly string[];
  expectedCount?: number;
  foundCount?: number;
  otherRow?: number;
  /** What the cell should hold, e.g. "a date YYYY-MM-DD". */
  shape?: string;
  /** The file's size and the largest size read, in megabytes (file_too_large). */
  sizeMegabytes?: number;
  limitMegabytes?: number;
}

const list = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/** Danish for the shapes the readers name (`ProblemFacts.shape`); another shape is shown as written. */
const SHAPES_DA: Readonly<Record<string, string>> = { "a whole programme week from 1": "en hel programuge fra 1" };

/**
 * The wording of a problem: what is wrong and how to fix it, in English (the default, as
 * results and the stored problem keep it) or Danish.
 *
 * @example evaluationProblemText("date_invalid", {}, "da") // { message: "ikke en kalenderdato", fix: "skriv datoer som ÅÅÅÅ-MM-DD (2017-01-23) eller DD.MM.ÅÅÅÅ (23.01.2017)" }
 */
export function evaluationProblemText(code: EvaluationProblemCode, facts: ProblemFacts = {}, lang: Lang = "en"): { message: string; fix: string } {
  return lang === "da" ? danishText(code, facts) : englishText(code, facts);
}

function danishText(code: EvaluationProblemCode, facts: ProblemFacts): { message: string; fix: string } {
  switch (code) {
    case "file_not_found":
      return { message: "filen findes ikke", fix: "kontroller stien og filnavnet" };
    case "file_unreadable":
      return { message: "filen kan ikke læses", fix: "kontroller, at filen findes, og at du må læse den" };
    case "file_too_large":
      return {
        message: `filen er for stor (${facts.sizeMegabytes ?? "?"} MB); jobtrial læser filer på højst ${facts.limitMegabytes ?? "?"} MB`,
        fix: "kontroller, at det er den rigtige fil; udtræk kun forsøgets borgere og opfølgningsperioden (rækker om andre bliver alligevel sprunget over)",
      };
    case "config_invalid":
      return { message: "forsøgskonfigurationen er ikke gyldig", fix: 'kør "jobtrial config check" på den og ret det, den viser' };
    case "key_invalid":
      return { message: "pseudonymiseringsnøglen kan ikke bruges", fix: 'angiv den nøglefil, "jobtrial register keygen" skrev til dette register' };
    case "screening_invalid":
      return { message: "screeningtallene er ikke gyldig JSON af den forventede form", fix: 'angiv den .screening.json-fil, "jobtrial register export" skrev ved siden af kohorten, uændret' };
    case "file_empty":
      return { message: "filen har ingen overskriftsrække", fix: "eksporter tabellen igen med kolonnenavnene i første linje" };
    case "header_missing_column":
      return { message: `en nødvendig kolonne mangler${facts.expected ? `; der blev ledt efter ${list(facts.expected)}` : ""}`, fix: "tilføj kolonnen, eller omdøb den eksisterende kolonne til et af disse navne" };
    case "header_duplicate_column":
      return { message: "to kolonner betyder det samme", fix: "fjern eller omdøb den ene af de to kolonner" };
    case "header_no_person_column":
      return {
        message: `filen har hverken en pseudonym- eller en CPR-kolonne${facts.expected ? `; der blev ledt efter ${list(facts.expected)}` : ""}`,
        fix: 'tilføj en "pseudonym"-kolonne (fra "jobtrial register export" eller "jobtrial pseudonymize") eller en "CPR-nummer"-kolonne og angiv --key-file',
      };
    case "row_field_count":
      return {
        message: `rækken har ${facts.foundCount ?? "?"} felter, men overskriften har ${facts.expectedCount ?? "?"}`,
        fix: "kontroller rækken for en skilletegn for meget eller for lidt; en værdi med skilletegnet i skal stå i dobbelte anførselstegn",
      };
    case "row_unterminated_quote":
      return { message: "en værdi i anførselstegn bliver aldrig lukket", fix: 'luk værdien med et dobbelt anførselstegn; skriv et anførselstegn inde i en værdi som to ("")' };
    case "value_empty":
      return { message: "værdien er tom", fix: "udfyld værdien, eller fjern rækken" };
    case "date_invalid":
      return { message: "ikke en kalenderdato", fix: "skriv datoer som ÅÅÅÅ-MM-DD (2017-01-23) eller DD.MM.ÅÅÅÅ (23.01.2017)" };
    case "week_invalid":
      return { message: "ikke en ISO-uge", fix: 'skriv ugen som "2017-W03" (en uge, der findes i det år)' };
    case "number_invalid":
      return { message: `ikke et tal${facts.shape ? ` (forventet ${SHAPES_DA[facts.shape] ?? facts.shape})` : ""}`, fix: "skriv et tal; decimalkomma og decimalpunktum er begge i orden" };
    case "arm_invalid":
      return { message: "ukendt gruppe", fix: 'skriv "indsats" (eller "intervention") eller "kontrol" (eller "control")' };
    case "sex_invalid":
      return { message: "ukendt køn", fix: 'skriv "K"/"kvinde"/"female" eller "M"/"mand"/"male", eller lad feltet være tomt' };
    case "flag_invalid":
      return { message: "ikke en ja/nej-værdi", fix: 'skriv "ja"/"nej", "yes"/"no", "1"/"0" eller "true"/"false"' };
    case "status_invalid":
      return { message: `ukendt værdi${facts.expected ? `; forventet en af ${list(facts.expected)}` : ""}`, fix: "brug en af de viste værdier" };
    case "cpr_invalid":
      return { message: "CPR-nummeret er ikke gyldigt (10 cifre, en rigtig dato)", fix: "kontroller CPR-nummeret mod sagssystemet" };
    case "cpr_without_key":
      return { message: "filen indeholder CPR-numre, men der er ikke angivet en pseudonymiseringsnøgle", fix: "angiv --key-file med registrets nøgle; CPR-numrene erstattes af pseudonymer, mens filen læses" };
    case "pseudonym_unknown":
      return {
        message: "personen er ikke i kohorten",
        fix: "kontroller, at udfaldsfilen og kohorten kommer fra samme register og nøgle; rækker om personer uden for forsøget skal fjernes",
      };
    case "pseudonym_duplicate":
      return { message: `personen optræder to gange${facts.otherRow !== undefined ? ` (også i række ${facts.otherRow})` : ""}`, fix: "behold én række pr. person" };
    case "spell_end_before_start":
      return { message: "forløbet slutter, før det begynder", fix: "kontroller forløbets start- og slutdato" };
    case "spell_overlap":
      return { message: `forløbet overlapper et andet forløb for samme person${facts.otherRow !== undefined ? ` (række ${facts.otherRow})` : ""}`, fix: "slå de to forløb sammen, eller ret deres datoer" };
    case "benefit_code_unknown":
      return {
        message: `ydelseskoden er ikke i konfigurationens benefitStates${facts.foundCount !== undefined && facts.foundCount > 1 ? ` (${facts.foundCount} rækker har denne kode; dette er den første)` : ""}`,
        fix: "tilføj koden til en tilstands koder i benefitStates.states i forsøgskonfigurationen (eller til censorCodes, hvis den betyder fraflytning), eller sæt benefitStates.otherCodesState",
      };
  }
}

function englishText(code: EvaluationProblemCode, facts: ProblemFacts): { message: string; fix: string } {
  switch (code) {
    case "file_not_found":
      return { message: "file not found", fix: "check the path and the file name" };
    case "file_unreadable":
      return { message: "cannot read the file", fix: "check that the file exists and that you may read it" };
    case "file_too_large":
      return {
        message: `the file is too large (${facts.sizeMegabytes ?? "?"} MB); jobtrial reads files of at most ${facts.limitMegabytes ?? "?"} MB`,
        fix: "check that it is the right file; extract only the trial's citizens and the follow-up period (rows about others are skipped anyway)",
      };
    case "config_invalid":
      return { message: "the trial configuration is not valid", fix: 'run "jobtrial config check" on it and fix what it lists' };
    case "key_invalid":
      return { message: "the pseudonymization key cannot be used", fix: 'give the key file "jobtrial register keygen" wrote for this register' };
    case "screening_invalid":
      return { message: "the screening counts are not valid JSON of the expected shape", fix: 'give the .screening.json file "jobtrial register export" wrote beside the cohort, unchanged' };
    case "file_empty":
      return { message: "the file has no header row", fix: "export the table again with its column names in the first line" };
    case "header_missing_column":
      return {
        message: `required column is missing${facts.expected ? `; looked for ${list(facts.expected)}` : ""}`,
        fix: "add the column, or rename the existing column to one of these names",
      };
    case "header_duplicate_column":
      return { message: "two columns mean the same thing", fix: "remove or rename one of the two columns" };
    case "header_no_person_column":
      return {
        message: `the file has neither a pseudonym nor a CPR column${facts.expected ? `; looked for ${list(facts.expected)}` : ""}`,
        fix: 'add a "pseudonym" column (from "jobtrial register export" or "jobtrial pseudonymize") or a "CPR-nummer" column and pass --key-file',
      };
    case "row_field_count":
      return {
        message: `the row has ${facts.foundCount ?? "?"} fields but the header has ${facts.expectedCount ?? "?"}`,
        fix: "check the row for an extra or missing separator; a value containing the separator must be in double quotes",
      };
    case "row_unterminated_quote":
      return { message: "a quoted value is never closed", fix: 'close the value with a double quote; write a quote inside a value as two quotes ("")' };
    case "value_empty":
      return { message: "the value is empty", fix: "fill in the value or remove the row" };
    case "date_invalid":
      return { message: "not a calendar date", fix: "write dates as YYYY-MM-DD (2017-01-23) or DD.MM.YYYY (23.01.2017)" };
    case "week_invalid":
      return { message: "not an ISO week", fix: 'write the week as "2017-W03" (a week that exists in that year)' };
    case "number_invalid":
      return { message: `not a number${facts.shape ? ` (expected ${facts.shape})` : ""}`, fix: "write a number; a decimal comma or point are both fine" };
    case "arm_invalid":
      return { message: "unknown arm", fix: 'write "intervention" (or "indsats") or "control" (or "kontrol")' };
    case "sex_invalid":
      return { message: "unknown sex", fix: 'write "K"/"kvinde"/"female" or "M"/"mand"/"male", or leave it empty' };
    case "flag_invalid":
      return { message: "not a yes/no value", fix: 'write "ja"/"nej", "yes"/"no", "1"/"0" or "true"/"false"' };
    case "status_invalid":
      return {
        message: `unknown value${facts.expected ? `; expected one of ${list(facts.expected)}` : ""}`,
        fix: "use one of the listed values",
      };
    case "cpr_invalid":
      return { message: "the CPR number is not valid (10 digits, a real date)", fix: "check the CPR number against the case system" };
    case "cpr_without_key":
      return {
        message: "the file holds CPR numbers but no pseudonymization key was given",
        fix: "pass --key-file with the register's key; CPR numbers are replaced by pseudonyms as the file is read",
      };
    case "pseudonym_unknown":
      return {
        message: "the person is not in the cohort",
        fix: "check that the outcome file and the cohort come from the same register and key; rows of persons outside the trial must be removed",
      };
    case "pseudonym_duplicate":
      return {
        message: `the person appears twice${facts.otherRow !== undefined ? ` (also in row ${facts.otherRow})` : ""}`,
        fix: "keep one row per person",
      };
    case "spell_end_before_start":
      return { message: "the spell ends before it starts", fix: "check the start and end dates of the spell" };
    case "spell_overlap":
      return {
        message: `the spell overlaps another spell of the same person${facts.otherRow !== undefined ? ` (row ${facts.otherRow})` : ""}`,
        fix: "merge the two spells or correct their dates",
      };
    case "benefit_code_unknown":
      return {
        message: `the benefit code is not in the configuration's benefitStates${facts.foundCount !== undefined && facts.foundCount > 1 ? ` (${facts.foundCount} rows have this code; this is the first)` : ""}`,
        fix: "add the code to the codes of a state in benefitStates.states of the trial configuration (or to censorCodes if it means moved away), or set benefitStates.otherCodesState",
      };
  }
}

/** A problem with its wording. */
export function evaluationProblem(
  code: EvaluationProblemCode,
  where: { file: string; row?: number | null; column?: string | null },
  facts: ProblemFacts = {},
): EvaluationProblem {
  return { file: where.file, row: where.row ?? null, column: where.column ?? null, code, ...evaluationProblemText(code, facts), facts };
}

/**
 * One line, English by default: "spells.csv, row 12, column "Slutdato": not a calendar date. Fix: ...";
 * in Danish "spells.csv, række 12, kolonne "Slutdato": ikke en kalenderdato. Ret: ...".
 */
export function formatEvaluationProblem(item: EvaluationProblem, lang: Lang = "en"): string {
  const da = lang === "da";
  const text = da ? evaluationProblemText(item.code, item.facts ?? {}, "da") : { message: item.message, fix: item.fix };
  const where = [item.file, item.row !== null ? `${da ? "række" : "row"} ${item.row}` : null, item.column !== null ? `${da ? "kolonne" : "column"} "${item.column}"` : null].filter(Boolean).join(", ");
  return `${where}: ${text.message}. ${da ? "Ret" : "Fix"}: ${text.fix}`;
}

/** Thrown by the file readers when inputs have problems; nothing is written then. `messageIn(lang)` gives the count and the first problem. */
export class EvaluationInputError extends JobtrialError {
  override name = "EvaluationInputError";
  constructor(readonly problems: EvaluationProblem[]) {
    super("input_problems", { problems: problems.length }, (lang) => {
      const count = problems.length;
      const first = problems[0] ? `: ${formatEvaluationProblem(problems[0], lang)}` : "";
      return lang === "da" ? `${count} ${count === 1 ? "problem" : "problemer"} i inputfilerne; intet blev skrevet${first}` : `${count} problem${count === 1 ? "" : "s"} in the input files; nothing was written${first}`;
    }, `${problems.length} problem${problems.length === 1 ? "" : "s"} in the input files`);
  }
}
