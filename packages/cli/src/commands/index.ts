/**
 * Every `jobtrial` command, in the order `jobtrial --help` lists them.
 * Add a command by importing it and adding one line to the list.
 */
import type { Command } from "../command.ts";
import { configCheck } from "./config.ts";
import { notYetAvailable } from "./not-yet.ts";

export const commands: Command[] = [
  configCheck,
  notYetAvailable("simulate", "Write a synthetic trial data set with a known truth"),
  notYetAvailable("assign", "Assign a week's intake by birthdate into the register"),
  notYetAvailable("assign diagnose", "Check the allocation against the rule's expected share"),
  notYetAvailable("register verify", "Recompute the register's hash chain"),
  notYetAvailable("register keygen", "Create a pseudonymization key"),
  notYetAvailable("register export", "Export the pseudonymized cohort for evaluators"),
  notYetAvailable("pseudonymize", "Replace the CPR column of a file with pseudonyms"),
  notYetAvailable("survival", "Kaplan-Meier, log-rank, RMST, Cox and cumulative incidence"),
  notYetAvailable("compare", "Two-sample comparisons of a value between arms"),
  notYetAvailable("analyze", "Evaluate the trial into results.json"),
  notYetAvailable("power", "Design diagnosis by simulation"),
  notYetAvailable("business-case", "Net savings against the budget"),
  notYetAvailable("report", "The evaluation report (HTML)"),
  notYetAvailable("demo", "Run the whole job end to end on the bundled data"),
];
