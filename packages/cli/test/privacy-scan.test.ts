/**
 * The privacy scan (issue 17): the demo pipeline (assign, export, pseudonymize,
 * analyze, business-case, report, quarterly note), the same analysis on a
 * cohort of 40 (where small cells occur), and every file of the bad-input
 * corpus given to pseudonymize and analyze as an outcome extract keyed by CPR.
 * Every file written and everything printed is scanned:
 *
 * - no CPR number (ten digits, with or without the dash) and no birth date of
 *   a bundled citizen (dd.mm.yyyy, dd-mm-yyyy, yyyy-mm-dd, ddmmyy) outside the
 *   register and the staff lists, the two places they belong;
 * - the pseudonymization key is never written beside the data;
 * - no published table (results CSV and JSON, chart data, business case)
 *   shows a count from 1 to the minimum cell size minus one.
 */
import ExcelJS from "exceljs";
import { createHash, createHmac } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { parseCpr } from "@jobtrial/assign";
import { readTable } from "@jobtrial/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, run, type CliRun } from "./helpers.ts";

const MINUTES = 60_000;
const trial = "data/esbjerg-2017/trial.json";
const MIN_CELL_SIZE = (JSON.parse(readFileSync(join(repoRoot, trial), "utf8")) as { disclosure: { minCellSize: number } }).disclosure.minCellSize;
const corpus = join(import.meta.dirname, "fixtures", "bad-input");
const scratch = mkdtempSync(join(tmpdir(), "jobtrial-privacy-scan-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Files under `folder`, relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** Where CPR numbers and names belong: the register and the staff lists. */
const isRegisterOrStaffList = (path: string) => basename(path) === "register.sqlite" || /-liste\.(csv|xlsx)$/.test(path);

/** A file's text as a program could have written it: UTF-8 and, for an XLSX workbook, every cell of every sheet. */
async function textOf(path: string): Promise<string> {
  if (!path.endsWith(".xlsx")) return readFileSync(path, "utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.text ?? cell.value)))));
  return texts.join("\n");
}

/** Every birth date of the citizens in the bundled intake and outcome files, in the four forms a file could hold it. */
function bundledBirthDates(): Set<string> {
  const dates = new Set<string>();
  const folders = ["data/esbjerg-2017/intake", "data/esbjerg-2017/outcomes"];
  for (const folder of folders) {
    for (const name of readdirSync(join(repoRoot, folder))) {
      for (const match of readFileSync(join(repoRoot, folder, name), "utf8").matchAll(/^\uFEFF?(\d{6}-\d{4});/gm)) {
        const parsed = parseCpr(match[1]!);
        if (!parsed.ok) continue;
        const [year, month, day] = parsed.cpr.birthDate.split("-") as [string, string, string];
        dates.add(`${day}.${month}.${year}`).add(`${day}-${month}-${year}`).add(`${year}-${month}-${day}`).add(`${day}${month}${year.slice(2)}`);
      }
    }
  }
  return dates;
}

/**
 * What in `text` has the shape of a CPR number or is one of `birthDates`. Hex
 * runs of 16 or more characters (pseudonyms, SHA-256 hashes) are left out
 * first, and a run of digits is taken whole (a decimal's fraction is not a CPR
 * number), so only a free-standing number is found.
 */
function personalDataIn(text: string, birthDates: ReadonlySet<string>): string[] {
  const plain = text.replace(/[0-9a-f]{16,}/gi, "#");
  const found: string[] = [];
  for (const match of plain.matchAll(/(?<![\d.,])\d{6}-?\d{4}(?![\d]|[.,]\d)/g)) found.push(`CPR-shaped ${match[0].slice(0, 2)}…`);
  for (const match of plain.matchAll(/(?<![\d.,])(\d{2}\.\d{2}\.\d{4}|\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2}|\d{6})(?![\d]|[.,]\d)/g)) {
    if (birthDates.has(match[1]!)) found.push(`birth date ${match[1]!.slice(0, 2)}…`);
  }
  return found;
}

/** Scans every file under `folder` but the register and the staff lists, plus what the runs printed; returns "file: finding" lines. */
async function scan(folder: string, runs: readonly CliRun[], birthDates: ReadonlySet<string>): Promise<string[]> {
  const findings: string[] = [];
  for (const path of filesUnder(folder).filter((path) => !isRegisterOrStaffList(path))) {
    for (const finding of personalDataIn(await textOf(join(folder, path)), birthDates)) findings.push(`${path}: ${finding}`);
  }
  runs.forEach((result, index) => {
    for (const finding of personalDataIn(result.stdout + result.stderr, birthDates)) findings.push(`run ${index + 1} printed: ${finding}`);
  });
  return findings;
}

/** Column and key names that hold counts of persons or events in the published tables (CSV headers and results.json keys). */
const COUNT_NAME =
  /^(n|total|control|intervention|control_n|intervention_n|n_risk|n_event|n_censor|nRisk|nEvent|nCensor|cumEvents|control_n_risk|control_cum_events|intervention_n_risk|intervention_cum_events|(control|intervention)_(citizens|held|letters|stock|exits|left_out|at_risk)|citizens|held|letters|planned|stock|exits|screened|invalid|assigned|voided|analysed|exited|stillRunning|events|atRisk|count|persons|members)$/;

/** Count-named columns that hold settings, not counts: the protocol's planned conversations in a week (per citizen). */
const NOT_COUNTS = new Set(["process.byWeek.csv:planned"]);

/** A count from 1 to minCellSize - 1 where a whole number of persons is published. */
const smallCount = (value: number) => Number.isInteger(value) && value >= 1 && value < MIN_CELL_SIZE;

/** Small counts in a published CSV table: cells of count columns whose whole-number value is 1..minCellSize - 1. */
function smallCellsInCsv(path: string): string[] {
  const table = readTable(readFileSync(path), { file: basename(path) });
  const found: string[] = [];
  table.header.forEach((name, column) => {
    if (!COUNT_NAME.test(name) || NOT_COUNTS.has(`${basename(path)}:${name}`)) return;
    for (const row of table.rows) {
      const raw = (row.cells[column] ?? "").trim();
      if (/^\d+$/.test(raw) && smallCount(Number(raw))) found.push(`${basename(path)} row ${row.line} column ${name}`);
    }
  });
  return [...found, ...smallCountsInLabels(path)];
}

/** Counts written into labels of chart data and the report's pages: "(n = 3 / 12)", "(n = 1.526 / 1.429)" with Danish thousands. */
function smallCountsInLabels(path: string): string[] {
  const found: string[] = [];
  for (const match of readFileSync(path, "utf8").matchAll(/\bn = (\d{1,3}(?:\.\d{3})*)(?: \/ (\d{1,3}(?:\.\d{3})*))?/g)) {
    for (const value of [match[1], match[2]]) if (value !== undefined && smallCount(Number(value.replaceAll(".", "")))) found.push(`${basename(path)} label "${match[0]}"`);
  }
  return found;
}

/** Small counts in a published JSON document: whole numbers under count keys (the config block, which holds settings, left out). */
function smallCellsInJson(path: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, at: string, key: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${at}[${index}]`, key));
    else if (value !== null && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) if (!(at === "" && name === "config")) walk(inner, `${at}.${name}`, name);
    } else if (typeof value === "number" && COUNT_NAME.test(key) && smallCount(value)) found.push(`${basename(path)} ${at}`);
  };
  walk(JSON.parse(readFileSync(path, "utf8")), "", "");
  return found;
}

/** Every published table under `folder` (results CSVs and JSON, the chart data, the business case), and the labels of the report's pages. */
function smallCellsUnder(folder: string): { tables: number; found: string[] } {
  const files = filesUnder(folder);
  const published = files.filter((path) => /(^|\/)results(-[\w-]+)?\.(csv|json)$|charts\/[^/]+\.csv$|^business-case\.json$/.test(path));
  const pages = files.filter((path) => path.endsWith(".html"));
  return {
    tables: published.length,
    found: [
      ...published.flatMap((path) => (path.endsWith(".json") ? smallCellsInJson(join(folder, path)) : smallCellsInCsv(join(folder, path)))),
      ...pages.flatMap((path) => smallCountsInLabels(join(folder, path))),
    ],
  };
}

describe("the privacy scan over the demo", () => {
  const out = join(scratch, "demo");
  let demo: CliRun;
  let birthDates: Set<string>;
  beforeAll(async () => {
    birthDates = bundledBirthDates();
    demo = await run(["demo", "--out", out]);
  }, 5 * MINUTES);

  it("the demo runs, and the scan knows the bundled citizens' birth dates", () => {
    expect(demo.code).toBe(0);
    // 3,180 citizens screened; four forms of each distinct birth date.
    expect(birthDates.size).toBeGreaterThan(4 * 2_000);
  });

  it("no CPR number or bundled birth date in any file the demo writes outside the register and the staff lists, nor in what it prints", async () => {
    const written = filesUnder(out);
    // The scan covers analyze's, business-case's and report's files, not only the staff's.
    for (const expected of ["results.json", "results-flow.csv", "business-case.json", "business-case.xlsx", "rapport/index.html", "kvartal/quarterly-note.html", "kohorte.csv", "udtraek/spells.csv"]) expect(written).toContain(expected);
    expect(await scan(out, [demo], birthDates)).toEqual([]);
    // The same scan finds them where they belong, in an XLSX staff list too (so an unreadable workbook cannot pass unseen).
    const staffList = written.find((path) => path.endsWith("-liste.xlsx"))!;
    expect(personalDataIn(await textOf(join(out, staffList)), birthDates).length).toBeGreaterThan(10);
  });

  it("the scan finds a CPR number and a birth date when they are there (it can fail)", () => {
    expect(personalDataIn("x;0401801234;y", birthDates)).toHaveLength(1);
    expect(personalDataIn("pseudonym 3f0a9c8e7d6b5a4f3e2d1c0b9a8f7e6d; 0,5538461538; 1.526 kr.", birthDates)).toEqual([]);
    const someone = [...birthDates][0]!;
    expect(personalDataIn(`født ${someone}`, birthDates)).toHaveLength(1);
  });

  it("the pseudonymization key is never written beside the data: not in the output folder, and gone when the demo ends", () => {
    const keyPath = /--key-file (\S+)/.exec(demo.stderr)?.[1];
    expect(keyPath).toBeDefined();
    const absoluteKey = join(repoRoot, keyPath!);
    expect(relative(out, absoluteKey).startsWith("..")).toBe(true);
    expect(existsSync(absoluteKey)).toBe(false);
    const keyShaped = filesUnder(out).filter((path) => path.endsWith(".key") || /^[0-9a-f]{64}\s*$/i.test(readFileSync(join(out, path), "latin1")));
    expect(keyShaped).toEqual([]);
  });

  it("the cohort's pseudonyms cannot be found from CPR numbers without the key: none is an unkeyed SHA-256 or an HMAC with an empty key of a bundled CPR number", () => {
    const pseudonyms = new Set(readFileSync(join(out, "kohorte.csv"), "utf8").split("\r\n").slice(1, -1).map((line) => line.split(";")[0]!));
    expect(pseudonyms.size).toBeGreaterThan(3_000);
    const cprs = new Set<string>();
    for (const name of readdirSync(join(repoRoot, "data/esbjerg-2017/intake"))) {
      for (const match of readFileSync(join(repoRoot, "data/esbjerg-2017/intake", name), "utf8").matchAll(/^\uFEFF?(\d{6})-(\d{4});/gm)) cprs.add(match[1]! + match[2]!);
    }
    // Every citizen screened (3,180), of whom the eligible are in the cohort.
    expect(cprs.size).toBeGreaterThanOrEqual(pseudonyms.size);
    const guesses = [...cprs].flatMap((digits) => [`${digits}`, `${digits.slice(0, 6)}-${digits.slice(6)}`].flatMap((form) => [createHash("sha256").update(form).digest("hex"), createHmac("sha256", "").update(form).digest("hex")]));
    expect(guesses.filter((guess) => pseudonyms.has(guess))).toEqual([]);
  });

  it("no published table of the demo shows a count from 1 to the minimum cell size minus one", () => {
    const { tables, found } = smallCellsUnder(out);
    expect(tables).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });

  it("analyze, business-case and report on a cohort of 40 (where small cells occur) suppress every count below the minimum and leak nothing", async () => {
    const small = join(scratch, "small");
    mkdirSync(small);
    const cohort = readFileSync(join(out, "kohorte.csv"), "utf8").split("\r\n");
    writeFileSync(join(small, "kohorte.csv"), cohort.slice(0, 41).join("\r\n") + "\r\n");
    copyFileSync(join(out, "kohorte.screening.json"), join(small, "kohorte.screening.json"));
    const udtraek = (name: string) => join(out, "udtraek", name);
    const runs = [
      await run(["analyze", "--config", trial, "--cohort", join(small, "kohorte.csv"), "--screening", join(small, "kohorte.screening.json"), "--benefit-weeks", udtraek("benefit-weeks.csv"), "--conversations", udtraek("conversations.csv"), "--secondary", udtraek("secondary.csv"), "--as-of", "2018-03-01", "--out", join(small, "results.json")]),
      await run(["business-case", "--config", trial, "--results", join(small, "results.json"), "--format", "json", "--out", join(small, "business-case.json")]),
      await run(["business-case", "--config", trial, "--results", join(small, "results.json"), "--format", "xlsx", "--out", join(small, "business-case.xlsx")]),
      await run(["report", "--results", join(small, "results.json"), "--business-case", join(small, "business-case.json"), "--out", join(small, "rapport")]),
    ];
    expect(runs.map((result) => result.code)).toEqual([0, 0, 0, 0]);
    const { tables, found } = smallCellsUnder(small);
    expect(tables).toBeGreaterThan(40);
    expect(found).toEqual([]);
    // The check is not empty here: suppressed cells are there, written as empty cells.
    expect(readFileSync(join(small, "results-subgroups.csv"), "utf8")).toMatch(/;;/);
    expect(await scan(small, runs, birthDates)).toEqual([]);
  }, 5 * MINUTES);
});

describe("the privacy scan over the bad-input corpus as outcome extracts", () => {
  const files = readdirSync(corpus).filter((name) => name.endsWith(".csv")).sort();
  const base = join(scratch, "corpus-base");
  let birthDates: Set<string>;
  beforeAll(async () => {
    birthDates = bundledBirthDates();
    mkdirSync(base);
    // A small register and cohort to analyze against: the first bundled week.
    const ready = [
      await run(["assign", "--config", trial, "--register", join(base, "register.sqlite"), "--intake", "data/esbjerg-2017/intake/2017-W01.csv", "--operator", "scan", "--out", join(base, "lister")]),
      await run(["register", "keygen", "--out", join(scratch, "corpus.key")]),
      await run(["register", "export", "--register", join(base, "register.sqlite"), "--key-file", join(scratch, "corpus.key"), "--out", join(base, "kohorte.csv"), "--config", trial]),
    ];
    expect(ready.map((result) => result.code)).toEqual([0, 0, 0]);
  }, 2 * MINUTES);

  /** The CPR numbers of a corpus file and their birth dates: what must not come back out. */
  function secretsOf(name: string): Set<string> {
    const bytes = readFileSync(join(corpus, name));
    const text = new TextDecoder(name === "utf-16.csv" ? "utf-16le" : name === "windows-1252.csv" ? "latin1" : "utf-8").decode(bytes);
    const secrets = new Set(birthDates);
    for (const match of text.matchAll(/(\d{2})(\d{2})(\d{2})-?(\d{4})/g)) {
      const [, day, month, year] = match as unknown as [string, string, string, string];
      for (const century of ["19", "20"]) secrets.add(`${day}.${month}.${century}${year}`).add(`${day}-${month}-${century}${year}`).add(`${century}${year}-${month}-${day}`);
      secrets.add(`${day}${month}${year}`);
    }
    return secrets;
  }

  it.each(files)("%s through pseudonymize and analyze (as the spell table, keyed by CPR): no CPR number or birth date printed or written, no crash", async (name) => {
    const folder = mkdtempSync(join(scratch, "corpus-"));
    const runs = [
      await run(["pseudonymize", join(corpus, name), "--column", "CPR-nummer", "--key-file", join(scratch, "corpus.key"), "--out", join(folder, "pseudo.csv")]),
      await run(["analyze", "--config", trial, "--cohort", join(base, "kohorte.csv"), "--outcomes", join(corpus, name), "--key-file", join(scratch, "corpus.key"), "--as-of", "2018-03-01", "--out", join(folder, "results.json")]),
    ];
    for (const result of runs) {
      expect([0, 1]).toContain(result.code);
      expect(result.stdout + result.stderr).not.toMatch(/intern fejl|internal error|\bError\b|\n\s+at /);
    }
    // A corpus file is not a spell table: analyze refuses it with its reasons and writes nothing.
    expect(runs[1]!.code).toBe(1);
    expect(existsSync(join(folder, "results.json"))).toBe(false);
    expect(await scan(folder, runs, secretsOf(name))).toEqual([]);
  });
});
