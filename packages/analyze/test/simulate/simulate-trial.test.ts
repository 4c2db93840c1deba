import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { armForBirthDate, parseCpr } from "@jobtrial/assign";
import { addDays, isoWeekOf, isoWeekStart } from "@jobtrial/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSemicolonCsv } from "../../src/simulate/formats.ts";
import { prepareSimulation } from "../../src/simulate/model.ts";
import { SimulationOptionsError } from "../../src/simulate/options.ts";
import { randomSource } from "@jobtrial/survival";
import { simulateTrial, simulateWithModel, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { simulationFiles, writeSimulation } from "../../src/simulate/write-simulation.ts";
import { esbjergConfig } from "./helpers.ts";

const config = esbjergConfig();
/** The first-spell model (one spell per citizen); the path model, the default, is checked in simulate-paths.test.ts. */
const options = { fromWeek: "2017-W01", toWeek: "2018-W08", paths: false } as const;

function filesIn(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path)));
    }
  };
  walk("");
  return files;
}

describe("simulateTrial + writeSimulation", () => {
  it("writeSimulation(dir, simulateTrial(config, options, randomSource(seed))) writes byte-identical files for the same seed", () => {
    const first = mkdtempSync(join(tmpdir(), "jobtrial-sim-"));
    const second = mkdtempSync(join(tmpdir(), "jobtrial-sim-"));
    writeSimulation(first, simulateTrial(config, options, randomSource(42)), { generatedBy: "test" });
    writeSimulation(second, simulateTrial(config, options, randomSource(42)), { generatedBy: "test" });
    const firstFiles = filesIn(first);
    const secondFiles = filesIn(second);
    expect([...firstFiles.keys()].sort()).toEqual([...secondFiles.keys()].sort());
    expect(firstFiles.size).toBe(60 + 5);
    for (const [path, bytes] of firstFiles) expect(bytes.equals(secondFiles.get(path)!), path).toBe(true);
  });

  it("simulateTrial with another seed gives other data but the same truth", () => {
    const a = simulateTrial(config, options, randomSource(42));
    const b = simulateTrial(config, options, randomSource(43));
    expect(simulationFiles(b).get("outcomes/spells.csv")).not.toEqual(simulationFiles(a).get("outcomes/spells.csv"));
    expect(b.truth).toEqual(a.truth);
  });

  it("simulateWithModel leaves intake and spells unchanged when the other tables are skipped", () => {
    const full = simulateTrial(config, options, randomSource(9));
    const fast = simulateWithModel(prepareSimulation(config, { ...options, include: { conversations: false, benefitWeeks: false, secondary: false } }), randomSource(9));
    expect(fast.citizens).toEqual(full.citizens);
    expect(fast.spells).toEqual(full.spells);
    expect(fast.benefitWeeks).toEqual([]);
    expect(fast.conversations).toEqual([]);
    expect(simulationFiles(fast).has("outcomes/conversations.csv")).toBe(false);
  });

  it("simulateTrial rejects an intake that does not end before the extraction date", () => {
    expect(() => simulateTrial(config, { toWeek: "2018-W09" }, randomSource(1))).toThrow(SimulationOptionsError);
    expect(() => simulateTrial(config, { effect: { kind: "days-saved", days: 190 } }, randomSource(1))).toThrow(SimulationOptionsError);
  });
});

describe("simulateTrial: one citizen's records agree", () => {
  let sim: Simulation;
  let files: Map<string, string>;
  beforeAll(() => {
    sim = simulateTrial(config, options, randomSource(20170101));
    files = simulationFiles(sim);
  });
  const table = (path: string) => parseSemicolonCsv(files.get(path)!).records;

  it("assigns every eligible citizen by armForBirthDate of the birth date in the CPR number", () => {
    let replacements = 0;
    for (const citizen of sim.citizens) {
      const parsed = parseCpr(citizen.cpr);
      if (!parsed.ok) throw new Error(`simulated CPR does not parse: ${parsed.problem}`);
      expect(parsed.cpr.birthDate).toBe(citizen.birthDate);
      if (citizen.replacementNumber) {
        replacements++;
        expect(parsed.cpr.flags).toContain("replacement-number");
      }
      if (citizen.eligible) expect(citizen.arm).toBe(armForBirthDate(config.assignment.rule, parsed.cpr.birthDate));
      else expect(citizen.arm).toBeNull();
    }
    expect(replacements).toBeGreaterThan(0);
    expect(new Set(sim.citizens.map((citizen) => citizen.cpr)).size).toBe(sim.citizens.length);
  });

  it("puts registered-1-January citizens on 1 January, in the day-1 arm, some without modulus 11 in the listed cohorts", () => {
    const registered = sim.citizens.filter((citizen) => citizen.registeredJanuary1);
    expect(registered.length).toBeGreaterThan(0);
    for (const citizen of registered) {
      expect(citizen.foreignBorn).toBe(true);
      expect(citizen.birthDate.slice(5)).toBe("01-01");
      if (citizen.eligible) expect(citizen.arm).toBe(armForBirthDate(config.assignment.rule, "2000-01-01"));
    }
    const withoutModulus11 = sim.citizens.filter((citizen) => !citizen.modulus11);
    expect(withoutModulus11.length).toBeGreaterThan(0);
    for (const citizen of withoutModulus11) expect(citizen.birthDate.slice(5)).toBe("01-01");
  });

  it("gives ineligible intake rows no outcomes and names the reason as the assign package does", () => {
    const ineligible = sim.citizens.filter((citizen) => !citizen.eligible);
    expect(new Set(ineligible.map((citizen) => citizen.ineligibleReason))).toEqual(new Set(["before-intake-window", "not-in-target-group"]));
    const outcomeCprs = new Set([...sim.spells, ...sim.benefitWeeks, ...sim.conversations, ...sim.secondary].map((row) => row.cpr));
    for (const citizen of ineligible) expect(outcomeCprs.has(citizen.cpr)).toBe(false);
    expect(sim.spells.length).toBe(sim.citizens.length - ineligible.length);
  });

  it("lists each eligible citizen in the intake file of the week of the first unemployment day", () => {
    for (const week of sim.weeks) {
      for (const row of table(`intake/${week}.csv`)) {
        const [day, month, year] = row["Første ledighedsdag"]!.split("-");
        const date = `${year}-${month}-${day}`;
        const citizen = sim.citizens.find((candidate) => candidate.cpr === row["CPR-nummer"]!.replace("-", ""))!;
        expect(citizen.firstUnemploymentDay).toBe(date);
        if (citizen.eligible) expect(isoWeekOf(date)).toBe(week);
      }
    }
  });

  it("has spells, benefit weeks and conversations that agree for every citizen", () => {
    const extraction = sim.options.extractionDate;
    const lastObserved = addDays(extraction, -1);
    const codeAfter: Record<string, string | undefined> = { uddannelse: "651", sygedagpenge: "890", "anden offentlig ydelse": "130", fraflyttet: "997", "dagpengeret opbrugt": "130" };
    const weeksByCpr = new Map<string, { week: string; code: string }[]>();
    for (const row of table("outcomes/benefit-weeks.csv")) {
      const list = weeksByCpr.get(row["CPR-nummer"]!) ?? [];
      list.push({ week: row["År-uge"]!, code: row["Ydelseskode"]! });
      weeksByCpr.set(row["CPR-nummer"]!, list);
    }
    const conversationsByCpr = new Map<string, Record<string, string>[]>();
    for (const row of table("outcomes/conversations.csv")) conversationsByCpr.set(row["CPR-nummer"]!, [...(conversationsByCpr.get(row["CPR-nummer"]!) ?? []), row]);
    const spells = table("outcomes/spells.csv");
    expect(new Set(spells.map((row) => row["CPR-nummer"])).size).toBe(spells.length);

    for (const spell of spells) {
      const cpr = spell["CPR-nummer"]!;
      const start = spell["Forløbsstart"]!;
      const end = spell["Forløbsslut"]! === "" ? null : spell["Forløbsslut"]!;
      const lastDay = end ?? lastObserved;
      expect(lastDay < extraction).toBe(true);
      // Benefit weeks: 111 in exactly the ISO weeks from the start week to the last day's week ...
      const weeks = weeksByCpr.get(cpr) ?? [];
      const expected: string[] = [];
      for (let monday = isoWeekStart(isoWeekOf(start)); monday <= lastDay; monday = addDays(monday, 7)) expected.push(isoWeekOf(monday));
      expect(weeks.filter((row) => row.code === "111").map((row) => row.week)).toEqual(expected);
      // ... then the code of the exit state in every later week up to the extraction week (none for self-support).
      const after = weeks.filter((row) => row.code !== "111");
      const exitCode = end === null ? undefined : codeAfter[spell["Afgangsårsag"]!];
      for (const row of after) {
        expect(row.code).toBe(exitCode);
        expect(row.week > isoWeekOf(lastDay) && row.week <= isoWeekOf(lastObserved)).toBe(true);
      }
      if (exitCode === undefined) expect(after).toEqual([]);
      // Conversations: inside the spell, in a protocol week of the citizen's arm.
      const parsed = parseCpr(cpr);
      if (!parsed.ok) throw new Error("CPR does not parse");
      const plan = armForBirthDate(config.assignment.rule, parsed.cpr.birthDate) === "intervention" ? config.protocol.intervention : config.protocol.control;
      const conversations = conversationsByCpr.get(cpr) ?? [];
      expect(conversations.length).toBeLessThanOrEqual(plan.length);
      for (const conversation of conversations) {
        expect(conversation["Dato"]! >= start && conversation["Dato"]! <= lastDay).toBe(true);
        const step = plan.find((entry) => entry.week === Number(conversation["Planlagt uge"]));
        expect(step?.kind).toBe(conversation["Samtaletype"]);
        expect(conversation["Dato"]! >= addDays(start, (step!.week - 1) * 7)).toBe(true);
      }
    }
    expect(conversationsByCpr.size).toBeGreaterThan(0);
  });

  it("logs conversations mostly held, some late, some as letters, some not held", () => {
    const statuses = new Map<string, number>();
    for (const row of sim.conversations) statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
    expect([...statuses.keys()].sort()).toEqual(["afholdt", "ikke afholdt", "som brev"]);
    expect(statuses.get("afholdt")! / sim.conversations.length).toBeGreaterThan(0.75);
    expect(sim.conversations.some((row) => row.status === "afholdt" && row.date > row.plannedDate)).toBe(true);
  });

  it("collects a rating only from citizens who had a conversation held", () => {
    const held = new Set(sim.conversations.filter((row) => row.status === "afholdt").map((row) => row.cpr));
    expect(sim.secondary.length).toBe(sim.spells.length);
    const rated = sim.secondary.filter((row) => row.rating !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const row of rated) expect(held.has(row.cpr)).toBe(true);
  });
});
