/**
 * @jobtrial/assign: CPR numbers, eligibility, the birthdate rule, the append-only register,
 * the weekly batch and its staff list, rule diagnostics, pseudonyms and the cohort export.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { assignBatch, batchResultJson, type BatchResult } from "./batch.ts";
export { exportCohort, exportCohortCsv, registerColumns, type CohortExport, type RegisterColumn } from "./cohort-export.ts";
export { formatCpr, makeCpr, parseCpr, passesModulus11 } from "./cpr.ts";
export { diagnoseAllocation, registerAllocationRows } from "./diagnose.ts";
export { eligibilityCheck, type IneligibleReason } from "./eligibility.ts";
export { readIntakeBytes, readIntakeFile } from "./intake.ts";
export {
  loadKey,
  pseudonymFor,
  pseudonymizeTable,
  PseudonymKeyError,
  writeNewKey,
  type PseudonymKey,
} from "./pseudonym.ts";
export {
  closeRegister,
  listBatches,
  openRegister,
  RegisterError,
  verifyRegister,
  voidBatch,
  type Register,
} from "./register.ts";
export { armForBirthDate, compactDayRanges, expectedInterventionShareForYear, type Arm } from "./rule.ts";
export { screeningCounts } from "./screening.ts";
export { staffListHeader, staffListPaths, writeStaffList } from "./staff-list.ts";
export { formatBatchSummary, STATUS_LABEL, statusCounts } from "./summary.ts";
