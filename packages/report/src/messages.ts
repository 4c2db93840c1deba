/**
 * Errors of the report as data plus wording: a code with the fields involved, and
 * `reportMessage` that says in one line, in Danish or English, what is wrong and how to
 * fix it.
 */
import { JobtrialError } from "@jobtrial/core";
import type { Lang } from "./format.ts";

export type ReportIssue =
  | { code: "results_invalid"; file: string; problems: string[] }
  | { code: "business_case_invalid"; file: string; problems: string[] }
  | { code: "business_case_other_trial"; businessCaseTrial: string; resultsTrial: string }
  /** `line`: where the parser stopped, when it says; never the parser's message, which quotes the file. */
  | { code: "not_json"; file: string; line: number | null }
  | { code: "personal_data_found"; file: string; kind: "cpr" | "birthdate"; line: number }
  | { code: "spec_invalid"; chart: string; problems: string[] }
  | { code: "chromium_missing"; path: string };

export type ReportIssueCode = ReportIssue["code"];

/**
 * The issue in one line, in Danish (default) or English: what is wrong, where, and how to
 * fix it. A file's problems name the field (path in the file) and zod's reason.
 */
export function reportMessage(issue: ReportIssue, lang: Lang = "da"): string {
  const da = lang === "da";
  const firstProblems = (problems: string[], max: number) =>
    problems.slice(0, max).join("; ") + (problems.length > max ? (da ? ` (og ${problems.length - max} flere)` : ` (and ${problems.length - max} more)`) : "");
  switch (issue.code) {
    case "results_invalid":
      return da
        ? `${issue.file} er ikke en resultatfil fra denne version af jobtrial: ${firstProblems(issue.problems, 5)}; skriv den igen med "jobtrial analyze".`
        : `${issue.file} is not a results file of this jobtrial version: ${firstProblems(issue.problems, 5)}; write it again with "jobtrial analyze".`;
    case "business_case_invalid":
      return da
        ? `${issue.file} er ikke en business case-fil: ${firstProblems(issue.problems, 5)}; skriv den med "jobtrial business-case --format json".`
        : `${issue.file} is not a business-case file: ${firstProblems(issue.problems, 5)}; write it with "jobtrial business-case --format json".`;
    case "business_case_other_trial":
      return da
        ? `Business casen er for forsøget "${issue.businessCaseTrial}", men resultaterne er for "${issue.resultsTrial}"; giv den business case, der er beregnet ud fra disse resultater.`
        : `The business case is for trial "${issue.businessCaseTrial}" but the results are for "${issue.resultsTrial}"; pass the business case computed from these results.`;
    case "not_json":
      return da
        ? `${issue.file} er ikke gyldig JSON${issue.line === null ? "" : ` (fejl i linje ${issue.line})`}; giv den fil, "jobtrial analyze" skrev.`
        : `${issue.file} is not valid JSON${issue.line === null ? "" : ` (error on line ${issue.line})`}; pass the file "jobtrial analyze" wrote.`;
    case "personal_data_found": {
      const what = da ? (issue.kind === "cpr" ? "et CPR-nummer" : "en fødselsdato") : issue.kind === "cpr" ? "a CPR number" : "a birth date";
      return da
        ? `Den dannede ${issue.file} indeholder noget, der ligner ${what}, i linje ${issue.line}; intet er skrevet. Fjern personoplysninger fra resultaterne (årsagstekster, etiketter) og kør igen.`
        : `The generated ${issue.file} contains what looks like ${what} on line ${issue.line}; nothing was written. Remove personal data from the results (reason texts, labels) and run again.`;
    }
    case "spec_invalid":
      return da
        ? `intern fejl: figuren ${issue.chart} er ikke gyldig Vega-Lite: ${issue.problems.slice(0, 3).join("; ")}; meld venligst fejlen.`
        : `internal: the ${issue.chart} chart is not valid Vega-Lite: ${issue.problems.slice(0, 3).join("; ")}; please report this bug.`;
    case "chromium_missing":
      return da
        ? `--pdf kræver Chromium i ${issue.path}; installer den (apt-get install chromium), eller udelad --pdf.`
        : `--pdf needs Chromium at ${issue.path}; install it (apt-get install chromium) or leave out --pdf.`;
  }
}

/** Thrown for bad input to the report; `issue` says what, `message` says it in English, `messageIn(lang)` in either language. */
export class ReportError extends JobtrialError {
  override name = "ReportError";
  constructor(readonly issue: ReportIssue) {
    super(issue.code, issue, (lang) => reportMessage(issue, lang));
  }
}
