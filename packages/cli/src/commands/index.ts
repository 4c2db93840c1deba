/**
 * Every `jobtrial` command, in the order `jobtrial --help` lists them: its
 * name and one-line summary here, the rest (options, help, what it runs) in
 * its module, which is loaded only when the command runs. So `jobtrial assign`
 * does not load the estimators, the report and their libraries first (about
 * 0.3 s of the start of every command). A test checks that each name and
 * summary here matches its module's.
 * Add a command by adding one line to the list.
 */
import type { Command } from "../command.ts";

export interface CommandEntry {
  /** Full name as typed, e.g. "config check" (the same as the command's). */
  name: string;
  /** One line for the program's command list (the same as the command's). */
  summary: string;
  /** The command, from its module. */
  load: () => Promise<Command>;
}

export const commandIndex: CommandEntry[] = [
  { name: "config check", summary: "Validate a trial configuration and list every problem", load: async () => (await import("./config.ts")).configCheck },
  { name: "simulate", summary: "Write a synthetic trial data set with a known truth", load: async () => (await import("./simulate.ts")).simulate },
  { name: "assign", summary: "Assign a week's intake by birthdate into the register", load: async () => (await import("./assign.ts")).assign },
  { name: "assign diagnose", summary: "Check the allocation against the rule's expected share", load: async () => (await import("./assign.ts")).assignDiagnose },
  { name: "register verify", summary: "Recompute the register's hash chain", load: async () => (await import("./register.ts")).registerVerify },
  { name: "register keygen", summary: "Create a pseudonymization key", load: async () => (await import("./register.ts")).registerKeygen },
  { name: "register export", summary: "Export the pseudonymized cohort for evaluators", load: async () => (await import("./register.ts")).registerExport },
  { name: "register void", summary: "Void a mistaken batch (a new record, never a deletion)", load: async () => (await import("./register.ts")).registerVoid },
  { name: "pseudonymize", summary: "Replace the CPR column of a file with pseudonyms", load: async () => (await import("./pseudonymize.ts")).pseudonymize },
  { name: "survival", summary: "Kaplan-Meier, log-rank, RMST, Cox and cumulative incidence", load: async () => (await import("./survival.ts")).survival },
  { name: "compare", summary: "Two-sample comparisons of a value between arms", load: async () => (await import("./compare.ts")).compare },
  { name: "analyze", summary: "Evaluate the trial into results.json", load: async () => (await import("./analyze.ts")).analyze },
  { name: "power", summary: "Design diagnosis by simulation", load: async () => (await import("./power.ts")).power },
  { name: "business-case", summary: "Net savings against the budget", load: async () => (await import("./business-case.ts")).businessCaseCommand },
  { name: "report", summary: "The evaluation report (HTML, Danish by default)", load: async () => (await import("./report.ts")).report },
  { name: "demo", summary: "Run the whole job end to end on the bundled synthetic data", load: async () => (await import("./demo.ts")).demo },
];

/** Every command, loaded (for tests and tools that need all of them). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(commandIndex.map((entry) => entry.load()));
}
