/**
 * Danish all the way (issue 21): every command of `jobtrial`, listed from
 * commands/index.ts so a new command is covered automatically, runs in Danish
 * with an unknown option, on missing, empty and wrong files, on the bad-input
 * corpus, and on its success path over one shared demo output; nothing it prints
 * may be a raw error code or an English sentence. With `--lang en` the same runs
 * print English and none of the Danish words a message is made of.
 *
 * What the user wrote is not a message: the configuration's own texts (the trial's
 * name, the sources of its rates) and the register's and cohort's column names are
 * taken out before the check.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summary as demoKeyFigures } from "../src/commands/demo.ts";
import { commandIndex } from "../src/commands/index.ts";
import { repoRoot, run, type CliRun } from "./helpers.ts";

/**
 * English function words as whole words: strict enough to catch an English
 * sentence, and none of them is a Danish word ("is", "must", "could", "the",
 * "not" do not occur in Danish text; "file" is "fil" in Danish).
 */
const ENGLISH = /\b(the|is not|must be|could not|cannot|does not|file|found|missing|expected|should|were|which|nothing|written|please)\b/i;
/** A raw error code: two or more snake_case words (horizon_beyond_follow_up), outside a path or option. */
const RAW_CODE = /(?<![\w./-])[a-z]+(?:_[a-z]+){2,}(?![\w./-])/;
/** Danish words our messages are made of and English never uses ("ikke", "skal", "rækker", "sparede"). */
const DANISH = /\b(ikke|skal|findes|skrevet|filen|kør|angiv|intet|allerede|annulleret|tildelinger|udeladt|rækker|række|dage|sparede|nøgletal|indsats|kontrol|mangler|kolonnen|stadig|færre|tidligere|fremskrevet|deltagere|forventet)\b/i;

const trial = "data/esbjerg-2017/trial.json";
const now = new Date("2018-03-01T10:00:00Z");

/** Every string in the trial configuration (its name, its sources' notes): the user's own text. */
function configTexts(value: unknown): string[] {
  if (typeof value === "string") return value.length > 3 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(configTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(configTexts);
  return [];
}
const USER_TEXT = configTexts(JSON.parse(readFileSync(join(repoRoot, trial), "utf8"))).sort((a, b) => b.length - a.length);
/** The register's and the cohort's column names (first_unemployment_day): names, not codes. */
const COLUMN_NAMES = ["first_unemployment_day", "age_at_entry", "born_1_january", "born_first_of_month", "replacement_number", "unemployment_fund", "industry_group", "batch_id", "birth_date"];

/** The lines a user reads, without paths, options, placeholders, the user's own text and column names. */
function readable(result: CliRun): string[] {
  return `${result.stdout}\n${result.stderr}`.split("\n").map((line) => {
    let text = line;
    for (const own of USER_TEXT) text = text.split(own).join("");
    for (const column of COLUMN_NAMES) text = text.split(column).join("");
    return text
      .replace(/\S*[/\\]\S*/g, "")
      .replace(/\S+\.(csv|json|xlsx|sqlite|key|html)\b/g, "")
      .replace(/--[\w-]+/g, "")
      .replace(/<[^>]*>/g, "");
  });
}

/** Lines with an English sentence or a raw code (in a Danish run). */
function leaks(result: CliRun): string[] {
  return readable(result).filter((line) => ENGLISH.test(line) || RAW_CODE.test(line));
}

/** Lines with a Danish word of a message or a raw code (in an English run). */
function danishLeaks(result: CliRun): string[] {
  return readable(result).filter((line) => DANISH.test(line) || RAW_CODE.test(line));
}

/**
 * Runs `argv` in Danish and with --lang en: the Danish run prints no English, the English
 * run ends the same way, prints no Danish and says something else.
 */
async function expectBothLanguages(argv: string[], options: Parameters<typeof run>[1]): Promise<void> {
  const danish = await run(argv, options);
  expect(leaks(danish)).toEqual([]);
  const english = await run([...argv, "--lang", "en"], options);
  expect(english.code).toBe(danish.code);
  expect(danishLeaks(english)).toEqual([]);
  expect(english.stdout + english.stderr).not.toBe(danish.stdout + danish.stderr);
}

describe("jobtrial speaks Danish by default", () => {
  const folder = mkdtempSync(join(tmpdir(), "jobtrial-language-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const empty = join(folder, "tom.csv");
  writeFileSync(empty, "");
  const wrongDelimiter = join(folder, "forkert.csv");
  writeFileSync(wrongDelimiter, "cpr|dato\n0101701234|2017-01-02\n");

  it.each(commandIndex.map((entry) => entry.name))("%s with an unknown option prints Danish only", async (name) => {
    const result = await run([...name.split(" "), "--ukendt-tilvalg"]);
    expect(result.code).toBe(2);
    expect(leaks(result)).toEqual([]);
  });

  it.each(commandIndex.map((entry) => entry.name))("%s with a missing and an empty file prints Danish only, and English with --lang en", async (name) => {
    for (const file of [join(folder, "findes-ikke.csv"), empty, wrongDelimiter]) {
      const argv = [...name.split(" "), "--config", file, "--results", file, "--out", join(folder, "ud")];
      const result = await run(argv);
      expect(result.code).not.toBe(0);
      expect(leaks(result)).toEqual([]);
      const english = await run([...argv, "--lang", "en"]);
      expect(english.code).toBe(result.code);
      expect(danishLeaks(english)).toEqual([]);
    }
  });

  it("--lang en gives the English wording of the same error, which the check above would catch in a Danish run", async () => {
    const result = await run(["register", "verify", "--register", join(folder, "findes-ikke.sqlite"), "--lang", "en"]);
    expect(result.code).not.toBe(0);
    expect(leaks(result)).not.toEqual([]);
    expect(danishLeaks(await run(["register", "verify", "--register", join(folder, "findes-ikke.sqlite")]))).not.toEqual([]);
  });
});

describe("the bad-input corpus in both languages", () => {
  const corpus = join(import.meta.dirname, "fixtures", "bad-input");
  const files = readdirSync(corpus).filter((name) => name.endsWith(".csv")).sort();
  const scratch = mkdtempSync(join(tmpdir(), "jobtrial-language-corpus-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("holds the corpus files (a missing corpus fails here)", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)("assign --dry-run on %s is Danish only, and English with --lang en", async (name) => {
    const argv = ["assign", "--config", trial, "--register", join(scratch, "register.sqlite"), "--intake", join(corpus, name), "--week", "2017-W02", "--dry-run"];
    await expectBothLanguages(argv, { now });
  });

  it.each(files)("pseudonymize on %s is Danish only, and English with --lang en", async (name) => {
    const key = join(scratch, "noegle.key");
    if (!existsSync(key)) expect((await run(["register", "keygen", "--out", key])).code).toBe(0);
    // --keep one intake column, so the file is read past the known-extract check to its rows.
    const argv = ["pseudonymize", join(corpus, name), "--column", "CPR-nummer", "--key-file", key, "--out", join(scratch, `pseudo-${name}`), "--keep", "Branchegruppe"];
    await expectBothLanguages(argv, { now });
  });
});

/**
 * Every command's success path, on one demo output: the demo runs once, and each
 * command then runs on what it wrote (the register, the cohort, results.json, the
 * business case), in Danish and in English. Survival, compare and states take the
 * survival package's conformance data (the demo writes no per-person table).
 */
describe("every command's success path in Danish, and in English with --lang en", () => {
  const folder = mkdtempSync(join(tmpdir(), "jobtrial-language-demo-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const demo = join(folder, "demo");
  const work = join(folder, "arbejde");
  const conformance = join(repoRoot, "packages/survival/test/fixtures/conformance");
  let demoRun: CliRun;

  beforeAll(async () => {
    demoRun = await run(["demo", "--out", demo], { now });
    mkdirSync(work);
    copyFileSync(join(demo, "register.sqlite"), join(work, "register.sqlite"));
    // The demo removes its key when it ends; export and pseudonymize need one.
    expect((await run(["register", "keygen", "--out", join(work, "noegle.key")])).code).toBe(0);
    // An early look: results as of three months into the trial.
    const early = await run(["analyze", "--config", trial, "--cohort", join(demo, "kohorte.csv"), "--benefit-weeks", join(demo, "udtraek", "benefit-weeks.csv"), "--as-of", "2017-06-01", "--out", join(work, "tidligt.json")], { now });
    expect(early.code).toBe(0);
  }, 240_000);

  it("demo on the bundled data prints Danish only", () => {
    expect(demoRun.code).toBe(0);
    expect(leaks(demoRun)).toEqual([]);
    expect(demoRun.stdout).toContain("Nøgletal for");
  });

  it("the demo's key figures are English with --lang en, from the same files", () => {
    const figures = (lang: "da" | "en") => demoKeyFigures(join(demo, "results.json"), join(demo, "business-case.json"), join(demo, "rapport", "index.html"), demo, 12.5, lang);
    // The Danish figures are the ones the demo printed (up to the paths and the time it took).
    const upToBreakEven = (text: string) => text.slice(text.indexOf("Nøgletal for"), text.indexOf("\n", text.indexOf("  Break-even")));
    expect(upToBreakEven(figures("da"))).toBe(upToBreakEven(demoRun.stdout));
    const english = figures("en");
    const lines = english.split("\n");
    expect(lines[1]).toMatch(/^Key figures for .* \(synthetic data\), as of 1 Mar 2018$/);
    expect(lines[2]).toMatch(/^ {2}Days saved {12}\d+\.\d days on A-dagpenge \(95 % CI −?\d+\.\d to \d+\.\d\) at 364 days, re-entries counted; expected 9\.0$/);
    expect(english).toContain("  Break-even            ");
    expect(danishLeaks({ code: 0, stdout: english, stderr: "" })).toEqual([]);
  });

  it("the demo's English key figures give the business case's reason when it was written in English, and point to its notes when it was not", async () => {
    const english = join(work, "business-case-en.json");
    const written = await run(["business-case", "--config", trial, "--results", join(demo, "results.json"), "--format", "json", "--out", english, "--lang", "en"], { now });
    expect(written.code).toBe(0);
    const figures = (businessCaseFile: string) => demoKeyFigures(join(demo, "results.json"), businessCaseFile, join(demo, "rapport", "index.html"), demo, 12.5, "en");
    expect(figures(english)).toMatch(/^ {2}Net saving 2020 +not estimated: no saved day within the horizon of 364 days falls in 2020$/m);
    expect(figures(join(demo, "business-case.json"))).toMatch(/^ {2}Net saving 2020 +not estimated \(the reason is in the business case's notes\)$/m);
    expect(danishLeaks({ code: 0, stdout: figures(english), stderr: "" })).toEqual([]);
  });

  let voided = 0;
  /** Each command's success run: its arguments (paths made at run time) and, where its output is not language-neutral, the English it must print. */
  const successes: { name: string; argv: (() => string[]) | null; english: string | null }[] = [
    { name: "init", argv: () => ["init", "--out", join(work, `ny-${Math.random().toString(36).slice(2)}.json`), "--municipality", "Aarhus", "--industry-groups", "Handel og service;Team LVU", "--budget", "2000000", "--daily-benefit", "2025:949,2026:965,2027:980,2028:980", "--rate-source", "STAR 2025", "--expected-net-savings", "1500000", "--project-start", "2025-01-01", "--power-trials", "2", "--weekly-intake", "10"], english: "Saved: " },
    { name: "config check", argv: () => ["config", "check", trial], english: "evaluation   2018-03-01, quarterly reporting, primary horizon 364 days" },
    { name: "simulate", argv: () => ["simulate", "--config", trial, "--seed", "7", "--out", join(work, "simuleret"), "--weeks", "2017-W01:2017-W02", "--weekly-intake", "10"], english: "SYNTHETIC data written to " },
    { name: "assign", argv: () => ["assign", "--config", trial, "--register", join(work, "nyt-register.sqlite"), "--intake", "data/esbjerg-2017/intake/2017-W01.csv", "--dry-run"], english: "dry run; nothing written" },
    { name: "assign diagnose", argv: () => ["assign", "diagnose", "--config", trial, "--register", join(work, "register.sqlite")], english: "Observed share in intervention" },
    { name: "register verify", argv: () => ["register", "verify", "--register", join(work, "register.sqlite")], english: "OK: the hash chain is intact" },
    { name: "register keygen", argv: () => ["register", "keygen", "--out", join(work, `noegle-${Math.random().toString(36).slice(2)}.key`)], english: "New key written: " },
    { name: "register export", argv: () => ["register", "export", "--register", join(work, "register.sqlite"), "--key-file", join(work, "noegle.key"), "--out", join(work, "kohorte.csv"), "--config", trial], english: "Cohort written: " },
    { name: "register columns", argv: () => ["register", "columns", "--register", join(work, "register.sqlite"), "--config", trial], english: "Columns from the intake lists:" },
    // A new batch each run (B0002, then B0003): both languages void one.
    { name: "register void", argv: () => ["register", "void", "--register", join(work, "register.sqlite"), "--batch", `B000${(voided += 1) + 1}`, "--reason", "forkert uge"], english: "Batch B0003 voided as " },
    { name: "pseudonymize", argv: () => ["pseudonymize", "data/esbjerg-2017/outcomes/spells.csv", "--column", "CPR-nummer", "--key-file", join(work, "noegle.key"), "--out", join(work, "forloeb.csv")], english: "Pseudonymized: " },
    { name: "survival", argv: () => ["survival", join(conformance, "lung/data.csv"), "--time", "time", "--event", "event", "--group", "group", "--strata", "stratum", "--tau", "365"], english: "Restricted mean survival time (other minus reference)" },
    { name: "sql", argv: () => ["sql", "spells", "--dialect", "duckdb", "--time", "t", "--status", "s", "--group", "g"], english: null },
    { name: "states", argv: () => ["states", join(conformance, "multistate/data.csv"), "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--initial", "adp", "--public", "adp,other", "--tau", "91,182,364"], english: "state" },
    { name: "compare", argv: () => ["compare", join(conformance, "lung/data.csv"), "--value", "time", "--group", "group", "--seed", "7"], english: "Difference in means" },
    { name: "analyze", argv: () => ["analyze", "--config", trial, "--cohort", join(demo, "kohorte.csv"), "--benefit-weeks", join(demo, "udtraek", "benefit-weeks.csv"), "--as-of", "2017-06-01", "--out", join(work, "tidligt-igen.json")], english: "The restricted mean at 182 days is not estimable" },
    { name: "power", argv: () => ["power", "--config", trial, "--trials", "2", "--seed", "1", "--weekly-intake", "20"], english: "Design diagnosis: 2 simulated trials" },
    { name: "monitor boundaries", argv: () => ["monitor", "boundaries", "--information", "0.5,1"], english: "Group-sequential boundaries" },
    // The printed table: with --lang en its every line is English, the notes and sources included.
    { name: "business-case", argv: () => ["business-case", "--config", trial, "--results", join(work, "tidligt.json")], english: "Early look: computed at 148 days" },
    { name: "indicators", argv: () => ["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", "data/fleksjob-andele", "--out", join(work, "indikatorer")], english: "Counted up to and including 1 Apr 2018:" },
    { name: "report", argv: () => ["report", "--results", join(demo, "results.json"), "--business-case", join(demo, "business-case.json"), "--out", join(work, "rapport")], english: "Report: " },
    { name: "demo", argv: null, english: null },
    // serve runs a web server until stopped, and "serve adduser" reads the password from the process's standard
    // input: serve.test.ts runs both in a child process (the Danish sign-in page, adduser in both languages).
    { name: "serve", argv: null, english: null },
  ];

  it("covers every command in commands/index.ts", () => {
    expect(successes.map((success) => success.name).sort()).toEqual(commandIndex.map((entry) => entry.name).sort());
  });

  it.each(successes.flatMap((success) => (success.argv === null ? [] : [[success.name, success.argv, success.english] as const])))(
    "%s succeeds in Danish only, and in English with --lang en",
    async (_name, argv, englishText) => {
      const danish = await run(argv(), { now });
      expect([danish.code, leaks(danish)]).toEqual([0, []]);
      const english = await run([...argv(), "--lang", "en"], { now });
      expect([english.code, danishLeaks(english)]).toEqual([0, []]);
      if (englishText !== null) expect(english.stdout + english.stderr).toContain(englishText);
    },
    120_000,
  );

  it("business-case at an early look answers at the longest horizon with data, in Danish and in English", async () => {
    const argv = ["business-case", "--config", trial, "--results", join(work, "tidligt.json")];
    const danish = await run(argv, { now });
    expect([danish.code, leaks(danish)]).toEqual([0, []]);
    expect(danish.stdout).toContain("Tidligt kig: beregnet ved 148 dage, den længste horisont med data i begge grupper (results.json: 364 dage)");
    const english = await run([...argv, "--lang", "en"], { now });
    expect([english.code, danishLeaks(english)]).toEqual([0, []]);
    expect(english.stderr).toMatch(/^Early look: follow-up does not yet reach the horizon of 364 days/);
    expect(english.stdout).toContain("Early look: computed at 148 days, the longest horizon with data in both arms (results.json: 364 days)");
    expect(english.stdout).toMatch(/^Days saved per participant +\S+ days +measured: difference in restricted mean \(control - intervention\) up to 148 days/m);
    expect(english.stdout).toContain("\nNotes\n");
  });

  it("business-case --lang en writes its JSON texts and its XLSX workbook in English, the Danish run in Danish", async () => {
    const texts = (value: unknown): string[] =>
      typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(texts) : value !== null && typeof value === "object" ? Object.values(value).flatMap(texts) : [];
    const workbookTexts = async (file: string): Promise<string[]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const found: string[] = [];
      workbook.eachSheet((sheet) => {
        found.push(sheet.name);
        sheet.eachRow((row) => row.eachCell((cell) => (typeof cell.value === "string" ? found.push(cell.value) : undefined)));
      });
      return found;
    };
    const argv = (lang: "da" | "en", file: string) => ["business-case", "--config", trial, "--results", join(demo, "results.json"), "--out", join(work, file), ...(lang === "en" ? ["--lang", "en"] : [])];
    for (const lang of ["da", "en"] as const) {
      expect((await run([...argv(lang, `bc-${lang}.json`), "--format", "json"], { now })).code).toBe(0);
      expect((await run(argv(lang, `bc-${lang}.xlsx`), { now })).code).toBe(0);
    }
    const json = (lang: "da" | "en") => JSON.parse(readFileSync(join(work, `bc-${lang}.json`), "utf8"));
    expect([json("da").lang, json("en").lang]).toEqual([undefined, "en"]);
    // every text of the result and every sheet name and cell of the workbook, one line each
    const asRun = (lines: string[]): CliRun => ({ code: 0, stdout: lines.join("\n"), stderr: "" });
    const danishTexts = [...texts(json("da")), ...(await workbookTexts(join(work, "bc-da.xlsx")))];
    const englishTexts = [...texts(json("en")), ...(await workbookTexts(join(work, "bc-en.xlsx")))];
    expect(englishTexts).toContain("A year in operation");
    expect(danishTexts).toContain("Et år i drift");
    expect(danishLeaks(asRun(englishTexts))).toEqual([]);
    expect(leaks(asRun(danishTexts))).toEqual([]);
  });
});
