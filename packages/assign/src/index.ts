/**
 * @jobtrial/assign: the trial configuration, CPR numbers, the birthdate rule,
 * the append-only register and the weekly batch.
 */
export * from "./config.ts";
export * from "./config-file.ts";
export * from "./dates.ts";
export * from "./rule.ts";
export * from "./cpr.ts";
