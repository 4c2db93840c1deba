/**
 * @jobtrial/core: the shared base. The trial configuration (zod) and its file, dates and ISO weeks,
 * reading and writing delimited and XLSX tables with Danish conventions, and the problem
 * catalogue every input error is reported through.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { mapHeader, normalizeHeader, type ColumnSpec } from "./columns.ts";
export {
  BenefitStateSchema,
  BenefitStatesSchema,
  DEFAULT_BENEFIT_STATES,
  trialBenefitStates,
  type BenefitState,
  type BenefitStates,
  type BenefitStatesInput,
} from "./benefit-states.ts";
export { checkTrialConfig, configHash, jsonPath, loadTrialConfig } from "./config-file.ts";
export {
  CovariateSchema,
  DEFAULT_COVARIATES,
  DIRECT_IDENTIFIER_WORDS,
  namesDirectIdentifier,
  trialCovariates,
  TrialConfigSchema,
  type AssignmentRule,
  type Covariate,
  type Conversation,
  type MoneyYear,
  type TrialConfig,
  type TrialConfigInput,
} from "./config.ts";
export { readCsvColumns, type CsvColumnRequest, type CsvColumns, type CsvColumnsResult } from "./csv-columns.ts";
export { excelSafeText, toCsv, writeCsvFile, type CsvValue } from "./csv-write.ts";
export {
  EN_DASH,
  formatCount,
  formatDanishDate,
  formatDate,
  formatDays,
  formatKroner,
  formatMillionKroner,
  formatMonth,
  formatNumber,
  formatPercent,
  MINUS_SIGN,
  MONTHS_DA_LONG,
  MONTHS_EN_LONG,
  type Lang,
  type NumberFormatOptions,
} from "./danish-format.ts";
export { parseDateCell, type DateCellResult } from "./date-cell.ts";
export {
  addDays,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isIsoWeek,
  isLeapYear,
  isoWeekday,
  isoWeekEnd,
  isoWeekOf,
  isoWeekStart,
  isValidYmd,
  toDayNumber,
  type IsoDate,
  type IsoWeek,
} from "./dates.ts";
export { isJobtrialError, JobtrialError, type JobtrialErrorShape, type MessageLang } from "./errors.ts";
export { formatProblem, problem, type NumberRule, type Problem } from "./messages.ts";
export { decodeText, MAX_INPUT_BYTES, parseDelimited, readInputBytes, readTable, type Table, type TableRow } from "./table.ts";
export { looksLikeXlsx, readXlsxTable } from "./xlsx-table.ts";
export { DANISH_DATE_FORMAT, writeXlsxFile, xlsxBytes, type XlsxCell, type XlsxColumn, type XlsxNumber, type XlsxSheet } from "./xlsx-write.ts";
