/**
 * Errors of the report as data plus wording: a code with the fields involved, and
 * `reportMessage` that says in one line what is wrong and how to fix it.
 */

export type ReportIssue =
  | { code: "results_invalid"; file: string; problems: string[] }
  | { code: "business_case_invalid"; file: string; problems: string[] }
  | { code: "business_case_other_trial"; businessCaseTrial: string; resultsTrial: string }
  | { code: "not_json"; file: string; reason: string }
  | { code: "personal_data_found"; file: string; kind: "cpr" | "birthdate"; line: number }
  | { code: "spec_invalid"; chart: string; problems: string[] }
  | { code: "chromium_missing"; path: string };

export type ReportIssueCode = ReportIssue["code"];

export function reportMessage(issue: ReportIssue): string {
  switch (issue.code) {
    case "results_invalid":
      return `${issue.file} is not a results file of this jobtrial version: ${issue.problems.slice(0, 5).join("; ")}${issue.problems.length > 5 ? ` (and ${issue.problems.length - 5} more)` : ""}; write it again with "jobtrial analyze".`;
    case "business_case_invalid":
      return `${issue.file} is not a business-case file: ${issue.problems.slice(0, 5).join("; ")}; write it with "jobtrial business-case".`;
    case "business_case_other_trial":
      return `The business case is for trial "${issue.businessCaseTrial}" but the results are for "${issue.resultsTrial}"; pass the business case computed from these results.`;
    case "not_json":
      return `${issue.file} is not valid JSON (${issue.reason}); pass the file "jobtrial analyze" wrote.`;
    case "personal_data_found":
      return `The generated ${issue.file} contains what looks like a ${issue.kind === "cpr" ? "CPR number" : "birth date"} on line ${issue.line}; nothing was written. Remove personal data from the results (reason texts, labels) and run again.`;
    case "spec_invalid":
      return `internal: the ${issue.chart} chart is not valid Vega-Lite: ${issue.problems.slice(0, 3).join("; ")}; please report this bug.`;
    case "chromium_missing":
      return `--pdf needs Chromium at ${issue.path}; install it (apt-get install chromium) or leave out --pdf.`;
  }
}

/** Thrown for bad input to the report; `issue` says what. */
export class ReportError extends Error {
  override name = "ReportError";
  constructor(readonly issue: ReportIssue) {
    super(reportMessage(issue));
  }
}
