/**
 * @jobtrial/assign: the trial configuration, CPR numbers, the birthdate rule,
 * reading delimited and XLSX tables, the append-only register, the weekly
 * batch, rule diagnostics, pseudonyms and the cohort export.
 */
export * from "./config.ts";
export * from "./config-file.ts";
export * from "./dates.ts";
export * from "./rule.ts";
export * from "./cpr.ts";
export * from "./messages.ts";
export * from "./table.ts";
export * from "./xlsx-table.ts";
export * from "./columns.ts";
export * from "./date-cell.ts";
export * from "./csv-write.ts";
export * from "./xlsx-write.ts";
export * from "./intake.ts";
export * from "./eligibility.ts";
export * from "./plan.ts";
export * from "./register.ts";
export * from "./batch.ts";
export * from "./chain.ts";
export * from "./staff-list.ts";
export * from "./batch-with-list.ts";
export * from "./summary.ts";
export * from "./binomial.ts";
export * from "./diagnose.ts";
export * from "./pseudonym.ts";
export * from "./cohort-export.ts";
export * from "./screening.ts";
