/**
 * The bundled data set data/esbjerg-2017 is what the documented command makes
 * (the path model, the simulator's default), every file has the shape the
 * simulator promises, truth.json has the path truth the README quotes, and the
 * intake files pass the assign package's intake reader.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { intakeWeeks } from "../../src/simulate/simulate-trial.ts";
import { readIntakeFile } from "@jobtrial/assign";
import { addDays, isoWeekOf, isoWeekStart } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { parseSemicolonCsv, SIMULATION_FILES } from "../../src/simulate/formats.ts";
import { randomSource } from "@jobtrial/survival";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";
import { SimulationTruthSchema } from "../../src/simulate/truth.ts";
import { simulationFiles } from "../../src/simulate/write-simulation.ts";
import { esbjergConfig, repoRoot } from "./helpers.ts";

const dir = join(repoRoot, "data/esbjerg-2017");
const config = esbjergConfig();
const weeks = intakeWeeks("2017-W01", "2018-W08");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const isoWeekAfter = (week: string) => isoWeekOf(addDays(isoWeekStart(week), 7));

describe("data/esbjerg-2017", () => {
  it("is what `jobtrial simulate --seed 20170101 --weeks 2017-W01:2018-W08` makes, byte for byte", () => {
    const truth = JSON.parse(read("truth.json"));
    expect(truth.generatedBy).toContain("--seed 20170101");
    const expected = simulationFiles(simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08" }, randomSource(20170101)), { generatedBy: truth.generatedBy });
    for (const [path, text] of expected) expect(read(path) === text, path).toBe(true);
    expect(readdirSync(join(dir, "intake")).sort()).toEqual(weeks.map((week) => `${week}.csv`));
  });

  it("has about 3,000 citizens, a truth.json with daysSaved as a number, and stays under 5 MB", () => {
    const truth = SimulationTruthSchema.parse(JSON.parse(read("truth.json")));
    expect(typeof truth.daysSaved).toBe("number");
    expect(truth.synthetic).toBe(true);
    const rows = weeks.reduce((sum, week) => sum + parseSemicolonCsv(read(`intake/${week}.csv`)).records.length, 0);
    expect(rows).toBeGreaterThan(2500);
    expect(rows).toBeLessThan(3500);
    const paths = [...weeks.map((week) => `intake/${week}.csv`), "outcomes/spells.csv", "outcomes/benefit-weeks.csv", "outcomes/conversations.csv", "outcomes/secondary.csv", "truth.json", "README.md"];
    const bytes = paths.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
    expect(bytes).toBeLessThan(5_000_000);
    expect(read("README.md")).toContain("SYNTHETIC");
  });

  it("has the path truth: 9 days on A-dagpenge saved, 8.89 on public support, 3,632 kr. expenditure (README's headline)", () => {
    const truth = SimulationTruthSchema.parse(JSON.parse(read("truth.json")));
    const paths = truth.paths!;
    expect(paths.daysSaved).toBeCloseTo(config.expectations.daysSaved, 6);
    const at364 = (contrast: typeof paths.causal) => [contrast.days["364"]!.adp.difference, contrast.days["364"]!.public.difference, contrast.expenditure["364"]!.difference];
    // The values data/esbjerg-2017/README.md quotes, rounded as there.
    expect(at364(paths.causal).map((value) => Math.round(value * 100) / 100)).toEqual([9, 8.89, 3631.78]);
    expect(at364(paths.armContrast).map((value) => Math.round(value * 100) / 100)).toEqual([8.79, 8.39, 3340.62]);
    expect([truth.daysSaved, truth.armContrast.daysSaved].map((value) => Math.round(value * 100) / 100)).toEqual([10.14, 9.84]);
  });

  it("has a panel with returns to A-dagpenge and weeks on support before the first unemployment day", () => {
    const entryWeek = new Map(parseSemicolonCsv(read("outcomes/spells.csv")).records.map((row) => [row["CPR-nummer"]!, isoWeekOf(row["Forløbsstart"]!)]));
    const weeksOf = new Map<string, { week: string; code: string }[]>();
    for (const row of parseSemicolonCsv(read("outcomes/benefit-weeks.csv")).records) {
      const list = weeksOf.get(row["CPR-nummer"]!) ?? [];
      list.push({ week: row["År-uge"]!, code: row["Ydelseskode"]! });
      weeksOf.set(row["CPR-nummer"]!, list);
    }
    let returned = 0;
    let prior = 0;
    for (const [cpr, weeks] of weeksOf) {
      const entry = entryWeek.get(cpr)!;
      if (weeks.some((row) => row.week < entry)) prior++;
      const after = weeks.filter((row) => row.week >= entry);
      // A 111 week after a week without 111 (another benefit, or a job: a missing week) is a return.
      const left = after.findIndex((row, index) => row.code !== "111" || (index > 0 && isoWeekAfter(after[index - 1]!.week) !== row.week));
      if (left > 0 && after.slice(left).some((row) => row.code === "111")) returned++;
    }
    expect(weeksOf.size).toBe(entryWeek.size);
    const moved = [...weeksOf.values()].filter((weeks) => weeks.some((row) => row.code === "997")).length;
    // The README's counts; `jobtrial analyze --benefit-weeks` on this panel reports the same
    // (paths.returned 262 + 260, paths.priorSupport 481 + 478, paths.movedAway 38 + 43).
    expect([returned, prior, moved]).toEqual([522, 959, 81]);
  });

  it("has files with BOM, CRLF, the exact header and rows that pass the simulator's schema", () => {
    const files: [string, (typeof SIMULATION_FILES)[keyof typeof SIMULATION_FILES]][] = [
      ...weeks.map((week) => [`intake/${week}.csv`, SIMULATION_FILES.intake] as [string, (typeof SIMULATION_FILES)["intake"]]),
      ["outcomes/spells.csv", SIMULATION_FILES["outcomes/spells.csv"]],
      ["outcomes/benefit-weeks.csv", SIMULATION_FILES["outcomes/benefit-weeks.csv"]],
      ["outcomes/conversations.csv", SIMULATION_FILES["outcomes/conversations.csv"]],
      ["outcomes/secondary.csv", SIMULATION_FILES["outcomes/secondary.csv"]],
    ];
    for (const [path, { header, schema }] of files) {
      const text = read(path);
      expect(text.startsWith("\uFEFF"), path).toBe(true);
      expect(text.replace(/\r\n/g, "").includes("\n"), path).toBe(false);
      const parsed = parseSemicolonCsv(text);
      expect(parsed.header, path).toEqual([...header]);
      parsed.records.forEach((record, index) => {
        const result = schema.safeParse(record);
        expect(result.success, `${path} row ${index + 2}: ${result.success ? "" : result.error.issues[0]?.message}`).toBe(true);
      });
    }
  });

  it("has intake files that the assign package's readIntakeFile reads without a problem", async () => {
    for (const week of weeks) {
      const intake = await readIntakeFile(join(dir, "intake", `${week}.csv`), config);
      expect(intake.fileProblems, week).toEqual([]);
      expect(intake.invalid, week).toEqual([]);
      expect(intake.records.length, week).toBe(parseSemicolonCsv(read(`intake/${week}.csv`)).records.length);
    }
  });
});
