/**
 * @jobtrial/analyze: outcome data, cohort, estimators, trial measures, business case, simulation and power.
 */
export {};
export * from "./results-schema.ts";
