/**
 * Errors of the business case as data plus wording: a code with the fields involved,
 * and `businessCaseMessage` that turns it into one line saying what is wrong and how to
 * fix it. `BusinessCaseError` carries the issue so the command line prints the message
 * and a program can switch on `issue.code`.
 */

export type BusinessCaseIssue =
  | { code: "results_invalid"; problems: string[] }
  | { code: "results_other_trial"; resultsTrial: string; configTrial: string }
  | { code: "negative_days_saved"; value: number }
  | { code: "invalid_participants"; value: number }
  | { code: "invalid_prior_weeks"; value: number }
  | { code: "invalid_horizon"; value: number }
  | { code: "horizon_beyond_follow_up"; horizon: number; arm: "control" | "intervention"; lastTime: number }
  | { code: "km_not_sorted"; arm: "control" | "intervention"; row: number }
  | { code: "km_survival_increases"; arm: "control" | "intervention"; row: number }
  | { code: "results_inconsistent"; computed: number; reported: number; tau: number }
  | { code: "rate_year_missing"; year: number; configured: number[] }
  | { code: "no_effect_source" }
  | { code: "invalid_years"; fromYear: number; toYear: number };

export type BusinessCaseIssueCode = BusinessCaseIssue["code"];

/** One-line wording for an issue: what is wrong and how to fix it. */
export function businessCaseMessage(issue: BusinessCaseIssue): string {
  switch (issue.code) {
    case "results_invalid":
      return `The results file does not have the fields the business case reads: ${issue.problems.slice(0, 5).join("; ")}${issue.problems.length > 5 ? ` (and ${issue.problems.length - 5} more)` : ""}; write it with "jobtrial analyze" or see packages/business-case/docs/business-case.md for the fields.`;
    case "results_other_trial":
      return `The results are from trial "${issue.resultsTrial}" but the configuration is for "${issue.configTrial}"; pass the results.json that "jobtrial analyze" wrote for this configuration.`;
    case "negative_days_saved":
      return `Days saved is ${issue.value}; give a number of days of 0 or more (a what-if with a harmful effect is not supported; use the measured results instead).`;
    case "invalid_participants":
      return `Participants per year is ${issue.value}; give a number of 0 or more.`;
    case "invalid_prior_weeks":
      return `Prior weeks on public support is ${issue.value}; give a whole number of weeks of 0 or more (0 = newly unemployed).`;
    case "invalid_horizon":
      return `Horizon ${issue.value} is not a whole number of days above 0; use for example 364.`;
    case "horizon_beyond_follow_up":
      return `Horizon ${issue.horizon} days is beyond the last follow-up time of the ${issue.arm} arm (${issue.lastTime} days); the curves are unknown there, so choose a horizon of at most ${issue.lastTime} days.`;
    case "km_not_sorted":
      return `Results km.${issue.arm}[${issue.row}]: times must increase row by row (one row per distinct time); write the Kaplan-Meier table as survfit does.`;
    case "km_survival_increases":
      return `Results km.${issue.arm}[${issue.row}]: the survival rises above the row before; a Kaplan-Meier curve never rises, so the table is damaged.`;
    case "results_inconsistent":
      return `The Kaplan-Meier curves give ${issue.computed.toFixed(4)} days saved at tau ${issue.tau}, but daysSaved.estimate says ${issue.reported.toFixed(4)}; the results file mixes different analyses, so re-run "jobtrial analyze".`;
    case "rate_year_missing":
      return `Saved days fall in ${issue.year}, but money.years in the configuration has no entry for ${issue.year} (it has ${issue.configured.join(", ")}); add its maxDailyBenefit and cofinancing, or narrow the years with --to-year.`;
    case "no_effect_source":
      return `There is no effect to price: give --results results.json (the measured effect) or --days-saved <days> (a what-if).`;
    case "invalid_years":
      return `The years run from ${issue.fromYear} to ${issue.toYear}; the last year must not be before the first.`;
  }
}

/** Thrown by the public business-case functions for bad input; `issue` says what. */
export class BusinessCaseError extends Error {
  override name = "BusinessCaseError";
  constructor(readonly issue: BusinessCaseIssue) {
    super(businessCaseMessage(issue));
  }
}
