/**
 * @jobtrial/business-case: what the measured effect is worth in DKK against the budget:
 * a year of the programme in operation first, then net savings per calendar year,
 * break-even and sensitivity.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { businessCase, type BusinessCaseOptions } from "./business-case.ts";
export {
  businessCaseSections,
  formatBusinessCaseTable,
  type CellKind as BusinessCaseCellKind,
} from "./format.ts";
export {
  BusinessCaseError,
  businessCaseMessage,
  businessCaseNotice,
  businessCaseTexts,
  type BusinessCaseIssue,
  type BusinessCaseIssueCode,
  type BusinessCaseNotice,
  type BusinessCaseTexts,
} from "./messages.ts";
export { BusinessCaseSchema, type BusinessCase, type YearlyAnswer } from "./schema.ts";
