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
  { name: "init", summary: "Opret et nyt forsøg for et jobcenter: spørgsmål i terminalen eller tilvalg", load: async () => (await import("./init.ts")).init },
  { name: "config check", summary: "Kontroller en forsøgskonfiguration og vis alle problemer", load: async () => (await import("./config.ts")).configCheck },
  { name: "simulate", summary: "Skriv et syntetisk forsøgsdatasæt med kendt sandhed", load: async () => (await import("./simulate.ts")).simulate },
  { name: "assign", summary: "Tildel en uges tilgang efter fødselsdato i registret", load: async () => (await import("./assign.ts")).assign },
  { name: "assign diagnose", summary: "Kontroller fordelingen mod reglens forventede andel", load: async () => (await import("./assign.ts")).assignDiagnose },
  { name: "register verify", summary: "Genberegn registrets hashkæde", load: async () => (await import("./register.ts")).registerVerify },
  { name: "register keygen", summary: "Lav en nøgle til pseudonymisering", load: async () => (await import("./register.ts")).registerKeygen },
  { name: "register export", summary: "Eksporter den pseudonymiserede kohorte til evaluatorer", load: async () => (await import("./register.ts")).registerExport },
  { name: "register columns", summary: "Vis hvilke kolonner registret holder, og hvilke der eksporteres", load: async () => (await import("./register.ts")).registerColumnsCommand },
  { name: "register void", summary: "Annuller en fejlagtig batch (en ny post, aldrig en sletning)", load: async () => (await import("./register.ts")).registerVoid },
  { name: "pseudonymize", summary: "Erstat CPR-kolonnen i en fil med pseudonymer", load: async () => (await import("./pseudonymize.ts")).pseudonymize },
  { name: "survival", summary: "Kaplan-Meier, log-rank, RMST, Cox og kumulativ incidens", load: async () => (await import("./survival.ts")).survival },
  { name: "sql", summary: "Udskriv SQL, der giver tællede rækker, for DuckDB, PostgreSQL, Spark SQL eller Trino", load: async () => (await import("./sql.ts")).sql },
  { name: "states", summary: "Tid i tilstande med genindtræden (Aalen-Johansen, multi-state)", load: async () => (await import("./states.ts")).states },
  { name: "compare", summary: "Sammenlign en værdi mellem de to grupper", load: async () => (await import("./compare.ts")).compare },
  { name: "analyze", summary: "Evaluer forsøget til results.json", load: async () => (await import("./analyze.ts")).analyze },
  { name: "power", summary: "Designdiagnose ved simulation", load: async () => (await import("./power.ts")).power },
  { name: "monitor boundaries", summary: "Grænser for løbende overvågning med alfaforbrug", load: async () => (await import("./monitor.ts")).monitorBoundaries },
  { name: "business-case", summary: "Nettobesparelse over for budgettet: et år i drift, og pr. kalenderår", load: async () => (await import("./business-case.ts")).businessCaseCommand },
  { name: "report", summary: "Evalueringsrapporten eller kvartalsnotatet (HTML, som standard på dansk)", load: async () => (await import("./report.ts")).report },
  { name: "indicators", summary: "Indikatorer og mål for projekter uden kontrolgruppe: resultatfil og rapportside", load: async () => (await import("./indicators.ts")).indicators },
  { name: "serve", summary: "Websiden til ugens tildeling (Denne uge, Listen, Registret)", load: async () => (await import("./serve.ts")).serve },
  { name: "demo", summary: "Kør hele jobbet fra ende til anden på de medfølgende syntetiske data", load: async () => (await import("./demo.ts")).demo },
];

/** Every command, loaded (for tests and tools that need all of them). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(commandIndex.map((entry) => entry.load()));
}
