import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResultsSchema, SimulationTruthSchema } from "@jobtrial/analyze";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeSummary } from "../src/commands/analyze.ts";
import { expectSameNumbers } from "./engine-helpers.ts";
import { repoRoot, run } from "./helpers.ts";

const data = join(repoRoot, "data/esbjerg-2017");
/** The bundled data's exact truth; an unadjusted estimate converges to the arms' contrast as the rule forms them. */
const truth = SimulationTruthSchema.parse(JSON.parse(readFileSync(join(data, "truth.json"), "utf8")));
let dir: string;

beforeAll(async () => {
  // The demo's path: assign the bundled intake into a register, then export the pseudonymized cohort.
  dir = mkdtempSync(join(tmpdir(), "jobtrial-analyze-"));
  expect((await run(["register", "keygen", "--out", join(dir, "key")])).code).toBe(0);
  const assigned = await run(["assign", "--config", join(data, "trial.json"), "--register", join(dir, "register.sqlite"), "--intake", join(data, "intake"), "--operator", "test", "--accept-valid", "--out", join(dir, "lists")]);
  expect(assigned.code).toBe(0);
  expect((await run(["register", "export", "--register", join(dir, "register.sqlite"), "--key-file", join(dir, "key"), "--out", join(dir, "cohort.csv")])).code).toBe(0);
}, 300_000);

describe("jobtrial analyze", () => {
  it("jobtrial analyze (bundled data, spells only) writes results that parse, agree with truth.json's first spell and hold no CPR number", async () => {
    const out = join(dir, "out", "results.json");
    const result = await run([
      "analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--screening", join(dir, "cohort.screening.json"),
      "--outcomes", join(data, "outcomes/spells.csv"), "--conversations", join(data, "outcomes/conversations.csv"),
      "--secondary", join(data, "outcomes/secondary.csv"), "--key-file", join(dir, "key"), "--as-of", "2018-03-01", "--out", out,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const text = readFileSync(out, "utf8");
    const results = ResultsSchema.parse(JSON.parse(text));
    // Without the panel days saved is the days to the first exit: the first spell's arm contrast, 9.84 days.
    expect(truth.armContrast.daysSaved).toBeCloseTo(9.844615, 6);
    expect(results.daysSaved.lower!).toBeLessThanOrEqual(truth.armContrast.daysSaved);
    expect(results.daysSaved.upper!).toBeGreaterThanOrEqual(truth.armContrast.daysSaved);
    expect(Math.abs(results.daysSaved.estimate! - truth.armContrast.daysSaved)).toBeLessThan(2 * results.daysSaved.se!);
    expect(results.generatedAt).toBe("2018-03-01T10:00:00.000Z");
    expect(results.inputs.map((input) => input.role)).toEqual(["config", "cohort", "spells", "conversations", "secondary"]);
    // The screening counts travel beside the cohort: rows read = analysed + ineligible + invalid (nothing excluded here).
    const ineligible = results.flow.ineligible.reduce((sum, entry) => sum + (entry.n ?? 0), 0);
    expect(results.flow.screened).toBe((results.flow.analysed.control ?? 0) + (results.flow.analysed.intervention ?? 0) + ineligible + (results.flow.invalid ?? 0));
    expect(results.flow.ineligible.map((entry) => entry.reason)).toContain("not-in-target-group");
    const spellsCsv = readFileSync(join(data, "outcomes/spells.csv"), "utf8");
    const cprs = [...spellsCsv.matchAll(/^\uFEFF?(\d{6}-\d{4});/gm)].map((match) => match[1]!);
    expect(cprs.length).toBeGreaterThan(1000);
    for (const cpr of cprs) expect(text.includes(cpr) || text.includes(cpr.replace("-", ""))).toBe(false);
    const cohortCsv = readFileSync(join(dir, "cohort.csv"), "utf8");
    const pseudonyms = [...cohortCsv.matchAll(/^\uFEFF?([0-9a-f]{64});/gm)].map((match) => match[1]!);
    for (const pseudonym of pseudonyms) expect(text.includes(pseudonym)).toBe(false);
    expect(readdirSync(join(dir, "out")).filter((name) => name.endsWith(".csv")).length).toBeGreaterThanOrEqual(10);
    // The summary is Danish by default: Danish numbers and dates, Danish words.
    expect(result.stdout).toMatch(/^Resultater skrevet til .*results\.json \(\+ \d+ CSV-tabeller\)\n  pr\.           01\.03\.2018: [\d.]+ analyseret, [\d.]+ forløb kører stadig\n  sparede dage  −?\d+,\d \(95 % KI −?\d+,\d til −?\d+,\d\) ved 364 dage\n/);
    expect(result.stdout).not.toMatch(/^(Results written|  days saved)/m);
    // Without the weekly panel days saved is the days to the first exit, and the summary says what cannot be estimated.
    expect(results.daysSaved.measure).toBe("days-to-first-exit");
    expect([results.paths, results.expenditure]).toEqual([null, null]);
    expect(result.stdout).toContain("  bemærk        Uden det ugentlige ydelsespanel (--benefit-weeks) kan dage på A-dagpenge med genindtræden");
    // --lang en gives the same summary in English
    const english = analyzeSummary(results, "results.json", 12, "en");
    expect(english).toContain("  note         Without the weekly benefit panel (--benefit-weeks), days on A-dagpenge with re-entries");
    expect(english.split("\n").slice(0, 3).join("\n")).toMatch(/^Results written to results\.json \(\+ 12 CSV tables\)\n  as of        1 Mar 2018: [\d,]+ analysed, [\d,]+ spells still running\n  days saved   −?\d+\.\d \(95 % CI −?\d+\.\d to −?\d+\.\d\) at 364 days$/);
  }, 120_000);

  it("jobtrial analyze --benefit-weeks (no --outcomes) derives spells from the panel", async () => {
    const out = join(dir, "panel", "results.json");
    const result = await run([
      "analyze", "--config", join(data, "trial.json"), "--register", join(dir, "register.sqlite"),
      "--benefit-weeks", join(data, "outcomes/benefit-weeks.csv"), "--key-file", join(dir, "key"), "--out", out,
    ]);
    expect(result.code).toBe(0);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(results.flow.screened).not.toBeNull();
    expect(results.inputs.map((input) => input.role)).toEqual(["config", "register", "benefitWeeks"]);
    expect(results.daysSaved.estimate).not.toBeNull();
    // With the panel: days on A-dagpenge with re-entries, public support, where the days went and expenditure.
    expect(results.daysSaved.measure).toBe("days-on-benefit");
    expect(results.paths!.states.map((state) => state.name)).toEqual(["adp", "sickness", "cash", "education", "job"]);
    expect(results.paths!.whereTheDaysWent.reduce((sum, entry) => sum + entry.estimate!, 0)).toBeCloseTo(results.daysSaved.estimate!, 9);
    expect(results.expenditure!.saving.se).toBeGreaterThan(0);
    expect(results.daysToFirstExit!.estimate).not.toBeNull();
    // Each estimate within two standard errors of the arms' true contrast at 364 days (truth.json's paths.armContrast):
    // 8.79 days on A-dagpenge, 8.39 days on public support, 3,341 kr. expenditure; 9.84 days to the first exit.
    const armContrast = truth.paths!.armContrast;
    const within = (estimate: { estimate: number | null; se: number | null }, value: number) => Math.abs(estimate.estimate! - value) / estimate.se!;
    expect([armContrast.days["364"]!.adp.difference, armContrast.days["364"]!.public.difference, armContrast.expenditure["364"]!.difference]).toEqual([8.792822, 8.389022, 3340.616462]);
    expect(within(results.daysSaved, armContrast.days["364"]!.adp.difference)).toBeLessThan(2);
    expect(within(results.paths!.publicSupportDaysSaved, armContrast.days["364"]!.public.difference)).toBeLessThan(2);
    expect(within(results.expenditure!.saving, armContrast.expenditure["364"]!.difference)).toBeLessThan(2);
    expect(within(results.daysToFirstExit!, truth.armContrast.daysSaved)).toBeLessThan(2);
    for (const went of results.paths!.whereTheDaysWent) {
      const state = went.state as "sickness" | "cash" | "education" | "job";
      expect(within(went, -armContrast.days["364"]![state].difference), state).toBeLessThan(2);
    }
    expect(result.stdout).toMatch(/\n  sparede dage  −?\d+,\d \(95 % KI −?\d+,\d til −?\d+,\d\) på A-dagpenge ved 364 dage\n  forsørgelse   −?\d+,\d færre dage på offentlig forsørgelse \(95 % KI .+\)\n  udgift        −?[\d.]+ kr\. sparet pr\. borger inden for 364 dage \(95 % KI .+\)\n  første afgang −?\d+,\d dage tidligere \(95 % KI .+\), sekundært mål\n/);
    const english = analyzeSummary(results, "results.json", 12, "en");
    expect(english).toMatch(/\n  days saved   −?\d+\.\d \(95 % CI .+\) on A-dagpenge at 364 days\n  support      −?\d+\.\d fewer days on public support \(95 % CI .+\)\n  expenditure  DKK −?[\d,]+ saved per citizen within 364 days \(95 % CI .+\)\n  first exit   −?\d+\.\d days sooner \(95 % CI .+\), a secondary measure\n/);
  }, 120_000);

  it("jobtrial analyze --benefit-weeks with a code the configuration does not know names its row and column and writes nothing", async () => {
    const panel = join(dir, "unknown-code.csv");
    writeFileSync(panel, readFileSync(join(data, "outcomes/benefit-weeks.csv"), "utf8").replace(/;890\r?\n/, ";140\n"));
    const out = join(dir, "unknown-code", "results.json");
    const result = await run(["analyze", "--config", join(data, "trial.json"), "--register", join(dir, "register.sqlite"), "--benefit-weeks", panel, "--key-file", join(dir, "key"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^unknown-code\.csv, række \d+, kolonne "Ydelseskode": ydelseskoden er ikke i konfigurationens benefitStates\. Ret: tilføj koden til en tilstands koder i benefitStates\.states/m);
    expect(() => readdirSync(join(dir, "unknown-code"))).toThrow();
  }, 120_000);

  it("jobtrial analyze (a bad outcome row) lists file, row and column, exits 1 and writes nothing", async () => {
    const bad = join(dir, "bad-spells.csv");
    writeFileSync(bad, "pseudonym;Forløbsstart;Forløbsslut;Afgangsårsag\nx;2017-13-45;;\n");
    const out = join(dir, "bad", "results.json");
    const result = await run(["analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--outcomes", bad, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad-spells.csv, række 2, kolonne "Forløbsstart": ikke en kalenderdato');
    expect(() => readdirSync(join(dir, "bad"))).toThrow();
  });

  it("jobtrial analyze --lang fr is a usage error", async () => {
    const result = await run(["analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--outcomes", join(data, "outcomes/spells.csv"), "--lang", "fr", "--out", join(dir, "x.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang skal være da eller en, ikke "fr"');
  });

  it("jobtrial analyze without outcomes is a usage error", async () => {
    const result = await run(["analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--out", join(dir, "x.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--outcomes");
  });
});

describe("jobtrial analyze --engine duckdb and --counts (the national path)", () => {
  /** Rows of a semicolon file with a header (BOM dropped), by header name. */
  const readSemicolons = (file: string) => {
    const [header, ...lines] = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const names = header!.split(";");
    return lines.map((line) => Object.fromEntries(line.split(";").map((cell, index) => [names[index]!, cell])));
  };
  const day = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

  /**
   * The first spells counted by hand, by the analysis-set rules (packages/analyze/src/evaluation/analysis-set.ts):
   * the earliest spell starting within 14 days of the first unemployment day and before the as-of date; censored at
   * the as-of date when running then; else end - first day + 1, an event when the exit state is given.
   */
  function countFirstSpellsByHand(cohortFile: string, spellsFile: string, asOf: string, out: string): number {
    const spellsByPerson = new Map<string, Record<string, string>[]>();
    for (const spell of readSemicolons(spellsFile)) spellsByPerson.set(spell["pseudonym"]!, [...(spellsByPerson.get(spell["pseudonym"]!) ?? []), spell]);
    const counts = new Map<string, number>();
    for (const member of readSemicolons(cohortFile)) {
      const first = day(member["first_unemployment_day"]!);
      if (first >= day(asOf)) continue;
      const candidates = (spellsByPerson.get(member["pseudonym"]!) ?? []).filter((spell) => Math.abs(day(spell["Forløbsstart"]!) - first) <= 14 && day(spell["Forløbsstart"]!) < day(asOf));
      if (candidates.length === 0) continue;
      const spell = candidates.reduce((earliest, next) => (day(next["Forløbsstart"]!) < day(earliest["Forløbsstart"]!) ? next : earliest));
      const end = spell["Forløbsslut"] === "" ? null : day(spell["Forløbsslut"]!);
      const [time, status] = end === null || end >= day(asOf) ? [day(asOf) - first, 0] : [Math.max(end - first + 1, 1), spell["Afgangsårsag"] === "" ? 0 : 1];
      const key = [member["arm"], member["industry_group"], time, status].join(";");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    writeFileSync(out, ["arm;stratum;time;status;count", ...[...counts].map(([key, count]) => `${key};${count}`)].join("\n") + "\n");
    return counts.size;
  }

  it("on the bundled data, DuckDB and rows counted by hand give the memory path's Kaplan-Meier, duration measures and days saved within 1e-10", async () => {
    const spells = join(dir, "spells-pseudonymized.csv");
    expect((await run(["pseudonymize", join(data, "outcomes/spells.csv"), "--column", "CPR-nummer", "--key-file", join(dir, "key"), "--out", spells])).code).toBe(0);
    const common = ["analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--as-of", "2018-03-01"];
    const memory = await run([...common, "--outcomes", spells, "--engine", "memory", "--out", join(dir, "national", "memory.json")]);
    expect(memory.code).toBe(0);
    const duckdb = await run([...common, "--outcomes", spells, "--engine", "duckdb", "--out", join(dir, "national", "duckdb.json")]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    const countsFile = join(dir, "national", "counted.csv");
    expect(countFirstSpellsByHand(join(dir, "cohort.csv"), spells, "2018-03-01", countsFile)).toBeLessThan(2000);
    const counts = await run(["analyze", "--config", join(data, "trial.json"), "--as-of", "2018-03-01", "--counts", countsFile, "--out", join(dir, "national", "counts.json")]);
    expect(counts.stderr).toBe("");
    expect(counts.code).toBe(0);

    const full = ResultsSchema.parse(JSON.parse(readFileSync(join(dir, "national", "memory.json"), "utf8")));
    const analysed = (full.flow.analysed.control ?? 0) + (full.flow.analysed.intervention ?? 0);
    expect(analysed).toBe(3080);
    for (const name of ["duckdb", "counts"]) {
      const national = JSON.parse(readFileSync(join(dir, "national", `${name}.json`), "utf8"));
      expect(national.engine).toBe(name);
      expect(national.persons).toEqual({ control: full.flow.analysed.control, intervention: full.flow.analysed.intervention });
      expect(national.km.control.length).toBeGreaterThan(20);
      expectSameNumbers(national.km, full.km, `${name}.km`);
      expectSameNumbers(national.duration, full.duration, `${name}.duration`);
      const { measure, ...daysSaved } = full.daysSaved;
      expect(measure).toBe("days-to-first-exit");
      expectSameNumbers(national.daysSaved, daysSaved, `${name}.daysSaved`);
    }
    // The summary: Danish by default, the days to the first exit as results.json has them.
    expect(duckdb.stdout.split("\n").slice(0, 3).join("\n")).toMatch(/^Første forløb \(DuckDB\) skrevet til .*duckdb\.json\n  pr\.           01\.03\.2018: 1\.526 kontrol, 1\.554 indsats \([\d.]+ tællede rækker\)\n  dage til første afgang  8,7 færre \(95 % KI −0,9 til 18,3\) ved 364 dage$/);
  }, 180_000);

  it("the jobcentre's weekly panel (ISO weeks, codes) through DuckDB gives the memory path's first spells: as of 2018-03-01, and with --gap-weeks 3 as of 2017-11-15", async () => {
    const weeks = join(dir, "weeks-pseudonymized.csv");
    expect((await run(["pseudonymize", join(data, "outcomes/benefit-weeks.csv"), "--column", "CPR-nummer", "--key-file", join(dir, "key"), "--out", weeks])).code).toBe(0);
    for (const [asOf, extra] of [["2018-03-01", []], ["2017-11-15", ["--gap-weeks", "3"]]] as const) {
      const common = ["analyze", "--config", join(data, "trial.json"), "--cohort", join(dir, "cohort.csv"), "--benefit-weeks", weeks, "--as-of", asOf, ...extra];
      const memory = await run([...common, "--engine", "memory", "--out", join(dir, "weekly", asOf, "memory.json")]);
      const duckdb = await run([...common, "--engine", "duckdb", "--out", join(dir, "weekly", asOf, "duckdb.json")]);
      expect(memory.code).toBe(0);
      expect(duckdb.stderr).toBe("");
      expect(duckdb.code).toBe(0);
      const full = ResultsSchema.parse(JSON.parse(readFileSync(join(dir, "weekly", asOf, "memory.json"), "utf8")));
      const national = JSON.parse(readFileSync(join(dir, "weekly", asOf, "duckdb.json"), "utf8"));
      expect(national.persons, asOf).toEqual({ control: full.flow.analysed.control, intervention: full.flow.analysed.intervention });
      expectSameNumbers(national.km, full.km, `${asOf} km`);
      expectSameNumbers(national.duration, full.duration, `${asOf} duration`);
      // With the panel, results.json's days saved are days on A-dagpenge; the first spell's are daysToFirstExit.
      expect(full.daysSaved.measure).toBe("days-on-benefit");
      expectSameNumbers(national.daysSaved, full.daysToFirstExit, `${asOf} days to first exit`);
      if (asOf === "2017-11-15") expect(duckdb.stdout).toContain("  dage til første afgang  kan ikke estimeres ved 364 dage: opfølgningen er kortere i en gruppe\n");
    }
  }, 240_000);

  it("the national weekly panel (person, week, state) through DuckDB gives the numbers of the first spells worked out person by person and counted", async () => {
    // 400 persons: a spell of 1-60 weeks of state 111 from the entry week, some weeks of 300 before; after an
    // event one week of 200 and a new spell of 111 that must not count; a censored spell runs to the last week.
    const panel = ["person;week;state"];
    const cohort = ["person;arm;industry_group;entry_week;last_week"];
    const counts = new Map<string, number>();
    for (let index = 0; index < 400; index++) {
      const person = `p${index}`;
      const arm = index % 2 === 0 ? "control" : "intervention";
      const industry = ["LVU", "Handel og service", "Bygge og industri"][index % 3]!;
      const entry = 1000 + (index % 20);
      const weeks = 1 + ((index * 7 + (arm === "control" ? 3 : 0)) % 60);
      const event = index % 4 !== 0;
      for (let week = entry - (index % 3); week < entry; week++) panel.push(`${person};${week};300`);
      for (let week = entry; week < entry + weeks; week++) panel.push(`${person};${week};111`);
      if (event) panel.push(`${person};${entry + weeks};200`, `${person};${entry + weeks + 1};111`);
      cohort.push(`${person};${arm};${industry};${entry};${event ? entry + weeks + 5 : entry + weeks - 1}`);
      const key = `${arm};${industry};${7 * weeks};${event ? 1 : 0}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const folder = mkdtempSync(join(tmpdir(), "jobtrial-national-panel-"));
    writeFileSync(join(folder, "panel.csv"), panel.join("\n") + "\n");
    writeFileSync(join(folder, "cohort.csv"), cohort.join("\n") + "\n");
    writeFileSync(join(folder, "counted.csv"), ["arm;stratum;time;status;count", ...[...counts].map(([key, count]) => `${key};${count}`)].join("\n") + "\n");
    const config = ["--config", join(data, "trial.json"), "--as-of", "2018-03-01"];
    const duckdb = await run(["analyze", ...config, "--engine", "duckdb", "--cohort", "cohort.csv", "--benefit-weeks", "panel.csv", "--spell-states", "111", "--out", "duckdb.json"], { cwd: folder });
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    const byHand = await run(["analyze", ...config, "--counts", "counted.csv", "--out", "counts.json"], { cwd: folder });
    expect(byHand.code).toBe(0);
    const fromPanel = JSON.parse(readFileSync(join(folder, "duckdb.json"), "utf8"));
    expect(fromPanel.persons).toEqual({ control: 200, intervention: 200 });
    expect(fromPanel.daysSaved.estimate).not.toBeNull();
    expect(fromPanel.duration.logrankStratified).not.toBeNull();
    const { engine, ...numbers } = fromPanel;
    const { engine: countsEngine, ...expected } = JSON.parse(readFileSync(join(folder, "counts.json"), "utf8"));
    expect([engine, countsEngine]).toEqual(["duckdb", "counts"]);
    expectSameNumbers(numbers, expected);
  }, 120_000);

  it("what needs every person, and inputs that do not go together, are usage errors in Danish (English with --lang en)", async () => {
    const base = ["analyze", "--config", join(data, "trial.json"), "--out", join(dir, "refused", "x.json")];
    const cases: [string[], string][] = [
      [[...base, "--engine", "duckdb", "--cohort", "c.csv", "--outcomes", "s.csv", "--conversations", "k.csv"], "jobtrial analyze: --conversations kræver hver person og gælder kun --engine memory; med --engine duckdb og --counts beregnes kun målene for første forløb (se docs/national.md)"],
      [[...base, "--engine", "duckdb", "--register", "r.sqlite", "--outcomes", "s.csv"], "jobtrial analyze: --register kræver hver person og gælder kun --engine memory; med --engine duckdb og --counts beregnes kun målene for første forløb (se docs/national.md)"],
      [[...base, "--engine", "duckdb", "--outcomes", "s.csv"], "jobtrial analyze: --engine duckdb læser den pseudonymiserede kohorte: angiv --cohort <fil> (jobtrial register export)"],
      [[...base, "--engine", "duckdb", "--cohort", "c.csv", "--outcomes", "s.csv", "--spell-states", "111"], "jobtrial analyze: --spell-states hører til --benefit-weeks"],
      [[...base, "--counts", "t.csv", "--cohort", "c.csv"], "jobtrial analyze: angiv enten --cohort med --outcomes eller --benefit-weeks eller --counts <fil>, ikke begge og ikke ingen"],
      [[...base, "--counts", "t.csv", "--engine", "duckdb"], "jobtrial analyze: --counts er allerede tællede rækker; angiv ikke --engine eller --engine-threshold sammen med det"],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(message);
    }
    const english = await run([...base, "--engine", "duckdb", "--cohort", "c.csv", "--outcomes", "s.csv", "--secondary", "x.csv", "--lang", "en"]);
    expect(english.stderr.split("\n")[0]).toBe("jobtrial analyze: --secondary need every person and go with --engine memory only; --engine duckdb and --counts compute the first spell's measures only (see docs/national.md)");
  });

  it("a cohort DuckDB cannot find names the file in Danish, and nothing is written", async () => {
    const out = join(dir, "missing-cohort", "x.json");
    const result = await run(["analyze", "--config", join(data, "trial.json"), "--engine", "duckdb", "--cohort", join(dir, "findes-ikke.csv"), "--outcomes", join(data, "outcomes/spells.csv"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, "findes-ikke.csv")}: DuckDB kan ikke læse filen`);
    expect(() => readdirSync(join(dir, "missing-cohort"))).toThrow();
  });
});

describe("jobtrial power", () => {
  it("jobtrial power prints the diagnosis in Danish by default and in English with --lang en", async () => {
    const args = ["power", "--config", join(data, "trial.json"), "--trials", "2", "--weekly-intake", "20"];
    const danish = await run(args);
    expect(danish.code).toBe(0);
    expect(danish.stdout).toMatch(/^Designdiagnose: 2 simulerede forsøg, data pr\. 2018-03-01, horisont 364 dage/);
    expect(danish.stdout).toMatch(/mindste påviselige +\d+,\d\d dage/);
    const english = await run([...args, "--lang", "en"]);
    expect(english.stdout).toMatch(/^Design diagnosis: 2 simulated trials/);
    expect(english.stdout).toMatch(/minimum detectable +\d+\.\d\d days/);
  }, 120_000);

  it("jobtrial power --trials 3 --json reports power, bias and coverage with plain progress lines off a terminal", async () => {
    const result = await run(["power", "--config", join(data, "trial.json"), "--trials", "3", "--weekly-intake", "20", "--json"]);
    expect(result.code).toBe(0);
    const diagnosis = JSON.parse(result.stdout) as { trials: number; daysSaved: { power: number; coverage: number }; naiveCompletedSpells: { bias: number }; minimumDetectableEffect: number };
    expect(diagnosis.trials).toBe(3);
    expect(diagnosis.daysSaved.coverage).toBeGreaterThanOrEqual(0);
    expect(diagnosis.minimumDetectableEffect).toBeGreaterThan(0);
    expect(result.stderr.trim().split("\n").at(-1)).toBe("power: 3/3 forsøg simuleret");
    expect(result.stderr).not.toContain("\r");
  }, 120_000);
});
