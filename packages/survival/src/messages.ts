/**
 * Errors of the estimators as data plus wording: each issue is a code with the fields
 * involved; `analyzeMessage` turns it into one line that says where and how to fix it
 * (the idea of vega-lite's log/message.ts). `AnalyzeError` carries the issue, so a caller
 * (the command line) can print the message and a program can switch on `issue.code`.
 */

export type AnalyzeIssue =
  | { code: "invalid_input"; detail: string }
  | { code: "length_mismatch"; column: string; expected: number; actual: number }
  | { code: "invalid_time"; row: number; value: unknown }
  | { code: "invalid_event"; row: number; value: unknown }
  | { code: "invalid_state"; row: number; value: unknown }
  | { code: "invalid_covariate"; column: string; row: number; value: unknown }
  | { code: "invalid_value"; column: string; row: number; value: unknown }
  | { code: "unknown_group"; group: string; present: string[] }
  | { code: "too_few_groups"; needed: number; present: string[] }
  | { code: "too_many_groups"; present: string[] }
  | { code: "no_rows"; dropped: number }
  | { code: "no_events" }
  | { code: "tau_beyond_follow_up"; tau: number; largestValidTau: number; group: string }
  | { code: "invalid_tau"; tau: unknown }
  | { code: "cox_not_converged"; iterations: number }
  | { code: "cox_singular"; term: string }
  | { code: "too_few_observations"; group: string; n: number; needed: number }
  | { code: "block_too_small"; block: string; group: string; n: number }
  | { code: "not_binary"; value: unknown; row: number }
  | { code: "csv_missing_column"; file: string; column: string; available: string[] }
  | { code: "csv_bad_cell"; file: string; row: number; column: string; value: string; expected: string }
  | { code: "csv_ragged_row"; file: string; row: number; expectedCells: number; actualCells: number }
  | { code: "csv_empty"; file: string };

export type AnalyzeIssueCode = AnalyzeIssue["code"];

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** One-line wording for an issue: what is wrong, where, and how to fix it. */
export function analyzeMessage(issue: AnalyzeIssue): string {
  switch (issue.code) {
    case "invalid_input":
      return `Invalid input: ${issue.detail}.`;
    case "length_mismatch":
      return `Column "${issue.column}" has ${issue.actual} values but "time" has ${issue.expected}; give every column one value per row.`;
    case "invalid_time":
      return `Row ${issue.row}: time ${show(issue.value)} is not a duration; use a non-negative number of whole days (leave the cell empty if unknown).`;
    case "invalid_event":
      return `Row ${issue.row}: event ${show(issue.value)} is not 0 or 1; use 1 for an event, 0 for censored (leave the cell empty if unknown).`;
    case "invalid_state":
      return `Row ${issue.row}: state ${show(issue.value)} is not a whole number >= 0; use 0 for censored and 1, 2, ... for the exit states.`;
    case "invalid_covariate":
      return `Row ${issue.row}: covariate "${issue.column}" is ${show(issue.value)}; use a finite number (leave the cell empty if unknown).`;
    case "invalid_value":
      return `Row ${issue.row}: ${issue.column} is ${show(issue.value)}; use a finite number (leave the cell empty if unknown).`;
    case "unknown_group":
      return `Group "${issue.group}" does not occur in the data (groups present: ${issue.present.join(", ") || "none"}); check the spelling in --groups.`;
    case "too_few_groups":
      return `Need ${issue.needed} groups with data but found ${issue.present.length} (${issue.present.join(", ") || "none"}); check the group column and missing values.`;
    case "too_many_groups":
      return `This comparison needs exactly two groups but found ${issue.present.length} (${issue.present.join(", ")}); choose two with the groups option (--groups reference,other).`;
    case "no_rows":
      return `No usable rows (${issue.dropped} dropped for missing values); check the column names and the missing cells.`;
    case "no_events":
      return "There are no events, so the model cannot be estimated; check the event column.";
    case "tau_beyond_follow_up":
      return `tau = ${issue.tau} is beyond the last follow-up time of group "${issue.group}"; the largest valid tau is ${issue.largestValidTau} (the smallest group's last time).`;
    case "invalid_tau":
      return `tau ${show(issue.tau)} is not a positive number; give horizons such as 182,364.`;
    case "cox_not_converged":
      return `The Cox model did not converge in ${issue.iterations} iterations (the hazard ratio may be 0 or infinite, for example when one group has no events).`;
    case "cox_singular":
      return `The Cox model's information matrix is singular at term "${issue.term}"; remove the constant or collinear covariate.`;
    case "too_few_observations":
      return `Group "${issue.group}" has ${issue.n} observations; at least ${issue.needed} are needed.`;
    case "block_too_small":
      return `Block "${issue.block}" has ${issue.n} observation(s) in group "${issue.group}"; every block needs at least 2 per group (merge small blocks).`;
    case "not_binary":
      return `Row ${issue.row}: value ${show(issue.value)} is not 0 or 1; a proportion needs a 0/1 outcome.`;
    case "csv_missing_column":
      return `${issue.file}: no column "${issue.column}" (columns: ${issue.available.join(", ")}); check the header row or the option naming the column.`;
    case "csv_bad_cell":
      return `${issue.file}, row ${issue.row}, column "${issue.column}": ${show(issue.value)} is not ${issue.expected}; correct the cell or leave it empty if unknown.`;
    case "csv_ragged_row":
      return `${issue.file}, row ${issue.row}: ${issue.actualCells} cells but the header has ${issue.expectedCells}; check separators and quotes in that row.`;
    case "csv_empty":
      return `${issue.file}: no header row; the file must start with column names.`;
  }
}

/** An error of the estimators; `issue` holds the code and the fields involved. */
export class AnalyzeError extends Error {
  readonly issue: AnalyzeIssue;
  constructor(issue: AnalyzeIssue) {
    super(analyzeMessage(issue));
    this.name = "AnalyzeError";
    this.issue = issue;
  }
}
