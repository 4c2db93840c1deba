/**
 * Writing a simulation to disk in the shapes the real sources deliver
 * (formats.ts): intake/<ISO week>.csv, outcomes/spells.csv,
 * outcomes/benefit-weeks.csv, outcomes/conversations.csv,
 * outcomes/secondary.csv and truth.json. Only these paths are written; other
 * files in the directory (trial.json, README.md) are left alone. No time stamp
 * or other run-dependent value goes into any file, so the same seed gives
 * byte-identical files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatCpr } from "@jobtrial/assign";
import {
  BENEFIT_WEEKS_HEADER,
  CONVERSATIONS_HEADER,
  formatSemicolonCsv,
  INTAKE_HEADER,
  printCaseSystemDate,
  SECONDARY_HEADER,
  SPELLS_HEADER,
} from "./formats.ts";
import { ORIGINS } from "./model.ts";
import type { Simulation } from "./simulate-trial.ts";

export interface WrittenFile {
  /** Path relative to the output directory, with "/" separators. */
  path: string;
  bytes: number;
}

export interface WriteSimulationOptions {
  /** Recorded in truth.json as `generatedBy` (the command and seed). Default: not recorded */
  generatedBy?: string;
}

/** The files of a simulation as path -> text, without touching the disk. */
export function simulationFiles(sim: Simulation, options: WriteSimulationOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const byWeek = new Map<string, string[][]>(sim.weeks.map((week) => [week, []]));
  for (const citizen of sim.citizens) {
    byWeek.get(citizen.intakeWeek)!.push([
      formatCpr(citizen.cpr),
      printCaseSystemDate(citizen.firstUnemploymentDay),
      citizen.industryGroup,
      citizen.aKasse,
      citizen.education,
      citizen.foreignBorn ? ORIGINS.foreign : ORIGINS.native,
    ]);
  }
  for (const [week, rows] of byWeek) files.set(`intake/${week}.csv`, formatSemicolonCsv(INTAKE_HEADER, rows));
  files.set(
    "outcomes/spells.csv",
    formatSemicolonCsv(
      SPELLS_HEADER,
      sim.spells.map((spell) => [formatCpr(spell.cpr), spell.start, spell.end ?? "", spell.exit ?? ""]),
    ),
  );
  if (sim.options.include.benefitWeeks) {
    files.set("outcomes/benefit-weeks.csv", formatSemicolonCsv(BENEFIT_WEEKS_HEADER, sim.benefitWeeks.map((row) => [formatCpr(row.cpr), row.week, row.code])));
  }
  if (sim.options.include.conversations) {
    files.set(
      "outcomes/conversations.csv",
      formatSemicolonCsv(
        CONVERSATIONS_HEADER,
        sim.conversations.map((row) => [formatCpr(row.cpr), String(row.programmeWeek), row.date, row.kind, row.advisor, row.status]),
      ),
    );
  }
  if (sim.options.include.secondary) {
    files.set(
      "outcomes/secondary.csv",
      formatSemicolonCsv(
        SECONDARY_HEADER,
        sim.secondary.map((row) => [
          formatCpr(row.cpr),
          row.applications === null ? "" : String(row.applications),
          row.selfFoundPlacement ? "ja" : "nej",
          row.rating === null ? "" : String(row.rating),
        ]),
      ),
    );
  }
  const truth = options.generatedBy === undefined ? sim.truth : { ...sim.truth, generatedBy: options.generatedBy };
  files.set("truth.json", JSON.stringify(orderTruth(truth), null, 2) + "\n");
  return files;
}

/** Puts the headline fields first so a reader of truth.json sees them at once. */
function orderTruth(truth: Simulation["truth"]): Record<string, unknown> {
  const { synthetic, description, trialId, generatedBy, horizonDays, daysSaved, hazardRatio, ...rest } = truth;
  return { synthetic, description, trialId, ...(generatedBy === undefined ? {} : { generatedBy }), horizonDays, daysSaved, hazardRatio, ...rest };
}

/**
 * Writes the simulation under `dir` (created when missing) and returns what it
 * wrote. Overwrites only the simulator's own paths; never trial.json.
 */
export function writeSimulation(dir: string, sim: Simulation, options: WriteSimulationOptions = {}): WrittenFile[] {
  const written: WrittenFile[] = [];
  for (const [path, text] of simulationFiles(sim, options)) {
    const target = join(dir, ...path.split("/"));
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, text, "utf8");
    written.push({ path, bytes: Buffer.byteLength(text, "utf8") });
  }
  return written;
}
