/**
 * `jobtrial indicators` end to end on the four example projects of data/ (issue 16), run
 * in-process through `run()`. The figures behind each verdict are counted again here
 * from the example's CSV files by a second, plain route (person-weeks from
 * benefit-periods.csv, events from events.csv, spells and their status a month after),
 * and the written results must agree with them.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoWeekOf, isoWeekStart, readTable, toDayNumber, fromDayNumber } from "@jobtrial/core";
import { runDuckDbIndicatorCounts } from "@jobtrial/engine";
import { countingWindow, evaluateIndicators, INDICATOR_COLUMNS, loadIndicatorSpec, planIndicatorCounts, readIndicatorData, type CountingWindow, type IndicatorResults } from "@jobtrial/indicators";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, run, type CliRun } from "./helpers.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "jobtrial-indicators-"));

interface ExampleRun {
  cli: CliRun;
  out: string;
  results: IndicatorResults;
  /** Every written file's path (relative to out) and text. */
  files: Map<string, string>;
}

function filesUnder(dir: string, prefix = ""): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [name, text] of filesUnder(dir, path)) files.set(name, text);
    else files.set(path, readFileSync(join(dir, path), "utf8"));
  }
  return files;
}

async function runExample(project: string, extra: string[] = [], spec = `data/${project}/indicators.json`): Promise<ExampleRun> {
  const out = tempDir();
  const cli = await run(["indicators", "--spec", spec, "--data", `data/${project}`, "--out", out, ...extra]);
  if (cli.code !== 0) return { cli, out, results: null as unknown as IndicatorResults, files: new Map() };
  const files = filesUnder(out);
  return { cli, out, results: JSON.parse(files.get("indicators.json")!) as IndicatorResults, files };
}

/** Each example run once with its own definitions and no options, shared by the tests that only read what it wrote. */
const defaultRuns = new Map<string, Promise<ExampleRun>>();
function defaultRun(project: string): Promise<ExampleRun> {
  if (!defaultRuns.has(project)) defaultRuns.set(project, runExample(project));
  return defaultRuns.get(project)!;
}

const indicator = (example: ExampleRun, id: string) => example.results.indicators.find((result) => result.id === id)!;

// The second route: the example's files read as plain tables.

function tableOf(project: string, file: string): string[][] {
  const table = readTable(readFileSync(join(repoRoot, "data", project, file)), { file });
  expect(table.problems).toEqual([]);
  return table.rows.map((row) => row.cells);
}

const mondayOf = (week: string) => toDayNumber(isoWeekStart(week));
/** The ISO weeks from `first` to `last`, both included. */
function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(first); monday <= mondayOf(last); monday += 7) weeks.push(isoWeekOf(fromDayNumber(monday)));
  return weeks;
}

/** Person-weeks of `codes` in weeks `first`..`last` (each person and week once), from benefit-periods.csv; `persons` filters by pseudonym. */
function personWeeks(project: string, codes: string[], first: string, last: string, persons?: ReadonlySet<string>): number {
  const counted = new Set<string>();
  for (const [pseudonym, code, from, to] of tableOf(project, "benefit-periods.csv")) {
    if (!codes.includes(code!) || (persons !== undefined && !persons.has(pseudonym!))) continue;
    for (const week of weeksBetween(from! > first ? from! : first, to! < last ? to! : last)) counted.add(`${pseudonym}|${week}`);
  }
  return counted.size;
}

/** The calendar day `months` months after `date` (the month's last day when it has fewer days), as the indicators define it. */
function monthsAfter(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** A copy of fleksjob-andele's data in a new folder whose benefit-periods.csv has "uge 22" for a week on its row 3. */
function fleksjobWithBadWeek(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, "data/fleksjob-andele"), join(dir, "data"), { recursive: true });
  const periods = readFileSync(join(dir, "data", "benefit-periods.csv"), "utf8").split("\r\n");
  periods[2] = periods[2]!.replace(/;2016-W22;/, ";uge 22;");
  writeFileSync(join(dir, "data", "benefit-periods.csv"), periods.join("\r\n"));
  return dir;
}

describe("jobtrial indicators on the four example projects", () => {
  const runs = new Map<string, ExampleRun>();
  beforeAll(async () => {
    for (const project of ["jobcenter-maal-2020", "ressourceforloeb-status", "langvarig-kontanthjaelp", "fleksjob-andele"]) runs.set(project, await defaultRun(project));
  }, 300_000);

  it.each(["jobcenter-maal-2020", "ressourceforloeb-status", "langvarig-kontanthjaelp", "fleksjob-andele"])("%s runs from its definition to a results file and a report page with one chart per indicator", (project) => {
    const example = runs.get(project)!;
    expect(example.cli.code).toBe(0);
    const spec = JSON.parse(readFileSync(join(repoRoot, "data", project, "indicators.json"), "utf8")) as { indicators: { id: string }[] };
    const ids = spec.indicators.map((entry) => entry.id);
    // Progress on stderr: the three steps, and each indicator as it is done.
    const progress = example.cli.stderr.split("\n");
    expect(progress[0]).toBe(`[1/3] Læser definitioner og data i data/${project}`);
    expect(progress[1]).toMatch(/^\[2\/3\] Beregner \d+ indikator(er)? for [\d.]+ personer$/);
    expect(progress.slice(2, 2 + ids.length)).toEqual(ids.map((id, index) => `      ${index + 1}/${ids.length} ${id}`));
    expect(progress.slice(2 + ids.length)).toEqual([`[3/3] Bygger rapportsiden (${ids.length} ${ids.length === 1 ? "figur" : "figurer"})`, ""]);
    expect([...example.files.keys()].sort()).toEqual(["index.html", "indicators.csv", "indicators.json", "series.csv", ...ids.map((id) => `charts/${id}.vl.json`)].sort());
    expect(example.results.indicators.map((result) => result.id)).toEqual(ids);
    const html = example.files.get("index.html")!;
    expect(html).toContain('<html lang="da">');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(ids.length);
    for (const result of example.results.indicators) {
      expect(result.series.length).toBeGreaterThan(0);
      expect(result.target.threshold).not.toBeNull();
    }
  });

  it("fleksjob-andele: ledighedsydelse 154 of 1,842 person-weeks in March 2018 (8.4 % ≤ 10.3 %, met); increased hours 251 of 551 (45.6 % ≥ 35 %, met)", () => {
    const example = runs.get("fleksjob-andele")!;
    // March 2018 is weeks 2018-W09 to 2018-W13 (their Thursdays, 1 to 29 March); full-time persons are person-weeks / 5.
    const onLy = personWeeks("fleksjob-andele", ["LY"], "2018-W09", "2018-W13");
    const inScheme = personWeeks("fleksjob-andele", ["FJ", "FJS", "LY"], "2018-W09", "2018-W13");
    expect([onLy, inScheme]).toEqual([154, 1842]);
    const share = indicator(example, "ledighedsydelse-andel");
    expect(share.numerator).toBeCloseTo(154 / 5, 9);
    expect(share.denominator).toBeCloseTo(1842 / 5, 9);
    expect(share.value).toBeCloseTo((100 * 154) / 1842, 9);
    expect(share.complete).toBe(true);
    expect(share.verdict).toBe("met");
    // The baseline, June 2016 (2016-W22 to W26): the 63 of 362 full-time persons = 17.4 %.
    expect(share.baseline!.value).toBeCloseTo(17.4, 0);

    // Small flex jobs with an increased-hours event in the 52 weeks up to each week of March 2018.
    const fjs = tableOf("fleksjob-andele", "benefit-periods.csv").filter((row) => row[1] === "FJS");
    const eventMondays = new Map<string, number[]>();
    for (const [pseudonym, date, event] of tableOf("fleksjob-andele", "events.csv")) {
      if (event === "timer-øget") eventMondays.set(pseudonym!, [...(eventMondays.get(pseudonym!) ?? []), mondayOf(isoWeekOf(date!))]);
    }
    let withEvent = 0;
    let stock = 0;
    for (const week of weeksBetween("2018-W09", "2018-W13")) {
      for (const [pseudonym, , from, to] of fjs) {
        if (from! > week || to! < week) continue;
        stock++;
        if ((eventMondays.get(pseudonym!) ?? []).some((monday) => monday <= mondayOf(week) && monday > mondayOf(week) - 52 * 7)) withEvent++;
      }
    }
    expect([withEvent, stock]).toEqual([251, 551]);
    const hours = indicator(example, "timer-oeget");
    expect(hours.value).toBeCloseTo((100 * 251) / 551, 9);
    expect(hours.baseline).toMatchObject({ value: 10.2, source: "stated", numerator: 6, denominator: 59 });
    expect(hours.verdict).toBe("met");
  });

  it("langvarig-kontanthjaelp: 885.7 full-year persons in 2019, so the target is at most 835.7; 868.6 in 2020 so far (39 weeks), at risk", () => {
    const example = runs.get("langvarig-kontanthjaelp")!;
    // Everyone is born 1960-1998, so the age limits 16-66 take no one out.
    const longTerm = new Set(tableOf("langvarig-kontanthjaelp", "persons.csv").filter((row) => row[2] === "langvarig").map((row) => row[0]!));
    const baseline = personWeeks("langvarig-kontanthjaelp", ["KH"], "2019-W01", "2019-W52", longTerm) / 52;
    const soFar = personWeeks("langvarig-kontanthjaelp", ["KH"], "2020-W01", "2020-W39", longTerm) / 39;
    const result = indicator(example, "helaarspersoner");
    expect(result.baseline!.value).toBeCloseTo(baseline, 9);
    expect(result.target.threshold).toBeCloseTo(baseline - 50, 9);
    expect(result.value).toBeCloseTo(soFar, 9);
    expect(result.observedThrough).toBe("2020-09-27");
    expect(result.complete).toBe(false);
    expect(Math.round(10 * baseline) / 10).toBe(885.7);
    expect(Math.round(10 * soFar) / 10).toBe(868.6);
    // Above the threshold so far, and projected above it (the straight line is not falling fast enough): at risk.
    expect(result.projection!.value).toBeGreaterThan(result.target.threshold!);
    expect(result.verdict).toBe("at_risk");
  });

  it("jobcenter-maal-2020: 4,929 conversations in 13 weeks (379.2 a week) on track for 390; the activity-ready stock above 1,959 so far but projected below it", () => {
    const example = runs.get("jobcenter-maal-2020")!;
    const conversations = tableOf("jobcenter-maal-2020", "events.csv").filter((row) => row[2] === "samtale" && row[1]! >= "2019-12-30" && row[1]! <= "2020-03-29");
    expect(conversations).toHaveLength(4929);
    const held = indicator(example, "samtaler");
    expect(held.value).toBeCloseTo(4929 / 13, 9);
    expect(held.verdict).toBe("on_track");
    const activityReady = indicator(example, "aktivitetsparate");
    expect(activityReady.value).toBeCloseTo(personWeeks("jobcenter-maal-2020", ["KH-AP"], "2020-W01", "2020-W13") / 13, 9);
    expect(activityReady.value).toBeGreaterThan(1959);
    expect(activityReady.projection!.value).toBeLessThan(1959);
    expect(activityReady.verdict).toBe("on_track");
    const resource = indicator(example, "ressourceforloeb");
    expect(resource.value).toBeCloseTo(personWeeks("jobcenter-maal-2020", ["RF"], "2020-W01", "2020-W13") / 13, 9);
    expect(example.results.indicators.map((result) => [result.id, result.verdict])).toEqual([
      ["samtaler", "on_track"],
      ["cv", "on_track"],
      ["virksomhedsrettede-forloeb", "at_risk"],
      ["aktivitetsparate", "on_track"],
      ["ressourceforloeb", "at_risk"],
      ["fleksjob", "at_risk"],
    ]);
  });

  it("ressourceforloeb-status: 90 of 293 resource courses ended in 2019 in work, education or self-support a month later (30.7 % ≥ 23 %, met)", () => {
    const example = runs.get("ressourceforloeb-status")!;
    // Each person has one resource course and at most one period after it; a month after the course's last
    // Sunday the person is in the week's code, or self-supporting without one.
    const periods = tableOf("ressourceforloeb-status", "benefit-periods.csv");
    const count = (year: string) => {
      let ended = 0;
      let success = 0;
      for (const [pseudonym, code, , to] of periods) {
        if (code !== "RF" || to === "2020-W13") continue;
        const end = fromDayNumber(mondayOf(to!) + 6);
        if (!end.startsWith(year)) continue;
        const statusWeek = isoWeekOf(monthsAfter(end, 1));
        const after = periods.find((row) => row[0] === pseudonym && row[1] !== "RF" && row[2]! <= statusWeek && row[3]! >= statusWeek);
        ended++;
        if (after === undefined || after[1] === "LØN" || after[1] === "SU") success++;
      }
      return [success, ended];
    };
    expect(count("2019")).toEqual([90, 293]);
    expect(count("2018")).toEqual([95, 306]);
    const result = indicator(example, "status-en-maaned-efter");
    expect([result.numerator, result.denominator]).toEqual([90, 293]);
    expect(result.value).toBeCloseTo((100 * 90) / 293, 9);
    expect(result.baseline!.value).toBeCloseTo((100 * 95) / 306, 9);
    expect(result.verdict).toBe("met");
    expect(result.distribution!.map((row) => row.count).reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(293);
    // The series runs from the baseline year to the period's end: 24 months of ending, none from 2020.
    expect([result.series.length, result.series[0]!.label, result.series.at(-1)!.label]).toEqual([24, "2018-01", "2019-12"]);
  });

  it("prints a Danish summary by default: the value so far, its interval, the target and the verdict", () => {
    const example = runs.get("fleksjob-andele")!;
    expect(example.cli.stdout.replaceAll(example.out, "<out>")).toBe(
      [
        "Indikatorer: <out>/index.html (2 figurer)",
        "Resultater: <out>/indicators.json",
        "Opgjort til og med 01.04.2018:",
        "  ledighedsydelse-andel  8,4 % (95 %-interval 5,9 til 11,6); mål højst 10,3 %: nået",
        "  timer-oeget            45,6 % (95 %-interval 36,6 til 54,8); mål mindst 35,0 %: nået",
        "Antal under 5 vises ikke: 0 celler skjult.",
        "",
      ].join("\n"),
    );
  });

  it("--lang en writes the page, the summary and the progress in English", async () => {
    const example = await runExample("langvarig-kontanthjaelp", ["--lang", "en"]);
    expect(example.cli.code).toBe(0);
    expect(example.cli.stderr).toContain("[2/3] Computing 1 indicator for 3,227 persons\n");
    expect(example.cli.stdout.replaceAll(example.out, "<out>")).toBe(
      [
        "Indicators: <out>/index.html (1 chart)",
        "Results: <out>/indicators.json",
        "Counted up to and including 27 Sep 2020:",
        "  helaarspersoner  868.6 (95% interval 810.8 to 926.3); target a decrease of 50 from the baseline: at risk",
        "Counts below 5 are not shown: 0 cells hidden.",
        "",
      ].join("\n"),
    );
    const html = example.files.get("index.html")!;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Full-year persons on long-term cash benefit");
    expect(html).not.toContain("Helårspersoner");
  });

  it("--as-of counts up to the last complete week before the date", async () => {
    const example = await runExample("jobcenter-maal-2020", ["--as-of", "2020-02-05"]);
    expect(example.cli.code).toBe(0);
    expect(example.results.asOf).toBe("2020-02-05");
    const held = indicator(example, "samtaler");
    // Weeks 2020-W01 to W05 (to Sunday 2 February).
    expect(held.observedThrough).toBe("2020-02-02");
    const conversations = tableOf("jobcenter-maal-2020", "events.csv").filter((row) => row[2] === "samtale" && row[1]! >= "2019-12-30" && row[1]! <= "2020-02-02");
    expect(held.value).toBeCloseTo(conversations.length / 5, 9);
  });

  it("--as-of before the first week of data gives every indicator the verdict no data, and says so", async () => {
    const example = await runExample("fleksjob-andele", ["--as-of", "2016-05-01"]);
    expect(example.cli.code).toBe(0);
    expect(example.results.indicators.map((result) => [result.value, result.verdict])).toEqual([
      [null, "no_data"],
      [null, "no_data"],
    ]);
    expect(example.cli.stdout).toContain("  ledighedsydelse-andel  ingen data; mål højst 10,3 %: ingen data\n");
  });
});

describe("jobtrial indicators hides small counts in every file it writes", () => {
  it("ressourceforloeb-status: each month whose successes or failures number 1-4 is hidden, its share nowhere in the files", async () => {
    const project = "ressourceforloeb-status";
    const example = await defaultRun(project);
    expect(example.cli.code).toBe(0);
    // The undisclosed results, from the same package route the command takes.
    const spec = loadIndicatorSpec(join(repoRoot, "data", project, "indicators.json"), "indicators.json");
    const raw = evaluateIndicators(spec, readIndicatorData(join(repoRoot, "data", project)).data, { toolVersion: "test" }).indicators[0]!;
    const small = raw.series.filter((point) => point.numerator !== null && point.denominator !== null && [point.numerator, point.denominator - point.numerator].some((count) => count > 0 && count < 5));
    expect(small.length).toBeGreaterThan(0);
    const written = example.results.indicators[0]!;
    for (const point of small) {
      const shown = written.series.find((entry) => entry.label === point.label)!;
      expect(shown, point.label).toMatchObject({ value: null, numerator: null });
      expect(example.files.get("series.csv")).toContain(`${spec.indicators[0]!.id},${point.label},${point.start},${point.inPeriod},,,${point.denominator}`);
      for (const [name, text] of example.files) expect(text.includes(String(point.value)), `${point.label} in ${name}`).toBe(false);
    }
    expect(example.results.suppressedCells).toBeGreaterThanOrEqual(small.length);
    expect(example.cli.stdout).toContain(`Antal under 5 vises ikke: ${example.results.suppressedCells} celler skjult.`);
  });

  it.each(["jobcenter-maal-2020", "ressourceforloeb-status", "langvarig-kontanthjaelp", "fleksjob-andele"])("%s: no count of 1-4 in the results file, its tables or the charts' data", async (project) => {
    const example = await defaultRun(project);
    const small = (value: number | null | undefined) => value != null && value > 0 && value < 5;
    const found: string[] = [];
    for (const result of example.results.indicators) {
      const share = result.unit === "percent";
      for (const point of result.series) {
        if (small(point.numerator) || (share && point.numerator !== null && point.denominator !== null && small(point.denominator - point.numerator))) found.push(`${result.id} ${point.label}`);
      }
      for (const row of result.distribution ?? []) if (small(row.count)) found.push(`${result.id} ${row.status}`);
      if (small(result.persons) || (result.unit === "persons" && small(result.value))) found.push(result.id);
    }
    expect(found).toEqual([]);
    // series.csv holds the same cells as the results file.
    const lines = example.files.get("series.csv")!.trim().split("\n").slice(1).map((line) => line.split(","));
    for (const [, , , , , numerator, denominator] of lines) {
      if (numerator !== "" && denominator !== "") expect(small(Number(numerator)) || small(Number(denominator) - Number(numerator))).toBe(false);
    }
  }, 120_000);

  it("takes the minimum cell size from the definitions: with 400 the share of 30.8 full-time persons on ledighedsydelse is hidden everywhere", async () => {
    const dir = tempDir();
    const spec = JSON.parse(readFileSync(join(repoRoot, "data/fleksjob-andele/indicators.json"), "utf8"));
    writeFileSync(join(dir, "indicators.json"), JSON.stringify({ ...spec, minCellSize: 400 }));
    const example = await runExample("fleksjob-andele", [], join(dir, "indicators.json"));
    expect(example.cli.code).toBe(0);
    expect(indicator(example, "ledighedsydelse-andel")).toMatchObject({ value: null, numerator: null, interval: null, change: null, verdict: "met" });
    expect(example.cli.stdout).toContain("  ledighedsydelse-andel  skjult (for få); mål højst 10,3 %: nået\n");
    expect(example.cli.stdout).toContain("Antal under 400 vises ikke:");
    for (const [name, text] of example.files) {
      expect(text.includes("8.36047"), name).toBe(false);
      expect(text.includes("8,4 %"), name).toBe(false);
    }
  });
});

describe("jobtrial indicators refuses bad input in Danish, saying where and how to fix it", () => {
  it("a definitions file with a wrong field names the field and the values it may take, in Danish and with --lang en in English (exit 1, nothing written)", async () => {
    const dir = tempDir();
    const spec = JSON.parse(readFileSync(join(repoRoot, "data/fleksjob-andele/indicators.json"), "utf8"));
    spec.indicators[1].target = { kind: "mindst", value: 35 };
    writeFileSync(join(dir, "indicators.json"), JSON.stringify(spec, null, 2));
    const out = join(dir, "out");
    const result = await run(["indicators", "--spec", join(dir, "indicators.json"), "--data", "data/fleksjob-andele", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`jobtrial indicators: ${join(dir, "indicators.json")} er ikke en gyldig indikatorfil: $.indicators[1].target.kind skal være "atMost", "atLeast" eller "change"; ret felterne og kør igen.\n`);
    expect(existsSync(out)).toBe(false);
    const english = await run(["indicators", "--spec", join(dir, "indicators.json"), "--data", "data/fleksjob-andele", "--out", out, "--lang", "en"]);
    expect(english.stderr).toBe(`jobtrial indicators: ${join(dir, "indicators.json")} is not a valid indicator file: $.indicators[1].target.kind must be "atMost", "atLeast" or "change"; correct the fields and run again.\n`);
  });

  it("a definitions file that is not JSON names the line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "indicators.json"), '{\n  "project": {\n  ,\n}\n');
    const result = await run(["indicators", "--spec", join(dir, "indicators.json"), "--data", "data/fleksjob-andele", "--out", join(dir, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/indicators\.json er ikke en gyldig indikatorfil: ikke gyldig JSON \(linje 3\); ret felterne og kør igen\.\n$/);
  });

  it("a bad week in the data is listed with file, row and column, and nothing is written; in English with --lang en", async () => {
    const dir = fleksjobWithBadWeek();
    const out = join(dir, "out");
    const danish = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", join(dir, "data"), "--out", out]);
    expect(danish.code).toBe(1);
    expect(danish.stderr).toContain('  benefit-periods.csv, række 3, kolonne "Fra uge": ikke en ISO-uge. Ret: skriv ugen som ÅÅÅÅ-Wuu, for eksempel "2020-W05"\n');
    expect(danish.stderr).toContain("jobtrial indicators: 1 problem i data (se ovenfor); ret dem og kør igen; intet blev skrevet\n");
    expect(existsSync(out)).toBe(false);
    const english = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", join(dir, "data"), "--out", out, "--lang", "en"]);
    expect(english.stderr).toContain('  benefit-periods.csv, row 3, column "Fra uge": not an ISO week. Fix: write the week as YYYY-Www, for example "2020-W05"\n');
    expect(english.stderr).toContain("jobtrial indicators: 1 problem in the data (see above); correct them and run again; nothing was written\n");
  });

  it("a data folder without persons.csv and without a panel says which files to put there", async () => {
    const dir = tempDir();
    const result = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", dir, "--out", join(dir, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").slice(1)).toEqual([
      "  persons.csv: filen findes ikke. Ret: læg filen i datamappen, eller ret stien til --data",
      "  benefit-weeks.csv: der er intet ydelsespanel. Ret: læg benefit-weeks.csv (én række pr. person og uge) eller benefit-periods.csv (én række pr. periode) i datamappen",
      "jobtrial indicators: 2 problemer i data (se ovenfor); ret dem og kør igen; intet blev skrevet",
      "",
    ]);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("a missing definitions file or data folder is a one-line reason (exit 1); a missing --out is a usage error (exit 2)", async () => {
    const noSpec = await run(["indicators", "--spec", "nowhere/indicators.json", "--data", "data/fleksjob-andele", "--out", tempDir()]);
    expect([noSpec.code, noSpec.stderr]).toEqual([1, "jobtrial indicators: nowhere/indicators.json: filen findes ikke; kontroller stien til --spec\n"]);
    const noData = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", "nowhere", "--out", tempDir()]);
    expect([noData.code, noData.stderr]).toEqual([1, "jobtrial indicators: nowhere: mappen findes ikke; kontroller stien til --data\n"]);
    const noOut = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", "data/fleksjob-andele"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out skal angives");
    const badDate = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", "data/fleksjob-andele", "--out", tempDir(), "--as-of", "31.03.2018"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--as-of");
  });
});

/**
 * Every number of two results files equal within 1e-10 (relative to the number's size,
 * at least 1), everything else (verdicts, suppression, labels, nulls) exactly; the
 * differences as paths, so a failure shows where.
 */
function differences(memory: unknown, engine: unknown, path = "$"): string[] {
  if (typeof memory === "number" && typeof engine === "number") return Math.abs(memory - engine) <= 1e-10 * Math.max(1, Math.abs(memory)) ? [] : [`${path}: ${memory} != ${engine}`];
  if (Array.isArray(memory) && Array.isArray(engine)) {
    if (memory.length !== engine.length) return [`${path}: ${memory.length} items != ${engine.length}`];
    return memory.flatMap((item, index) => differences(item, engine[index], `${path}[${index}]`));
  }
  if (memory !== null && engine !== null && typeof memory === "object" && typeof engine === "object") {
    const keys = Object.keys(memory).sort();
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(engine).sort())) return [`${path}: keys ${keys.join(",")} != ${Object.keys(engine).sort().join(",")}`];
    return keys.flatMap((key) => differences((memory as Record<string, unknown>)[key], (engine as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return memory === engine ? [] : [`${path}: ${JSON.stringify(memory)} != ${JSON.stringify(engine)}`];
}

describe("jobtrial indicators --engine duckdb gives the results of --engine memory (issue 16)", () => {
  it("differences(...) sees a number off by more than 1e-10, a changed verdict and a hidden value", () => {
    expect(differences({ value: 8.4, verdict: "met" }, { value: 8.4 + 1e-12, verdict: "met" })).toEqual([]);
    expect(differences({ value: 8.4, verdict: "met" }, { value: 8.4001, verdict: "at_risk" })).toEqual(["$.value: 8.4 != 8.4001", '$.verdict: "met" != "at_risk"']);
    expect(differences({ persons: 3 }, { persons: null })).toEqual(["$.persons: 3 != null"]);
  });

  it.each(["jobcenter-maal-2020", "ressourceforloeb-status", "langvarig-kontanthjaelp", "fleksjob-andele"])(
    "%s: the results file from DuckDB equals memory's (numbers within 1e-10, verdicts and suppression exactly), and so does every other file",
    async (project) => {
      const memory = await runExample(project, ["--engine", "memory"]);
      const engine = await runExample(project, ["--engine", "duckdb"]);
      expect([memory.cli.code, engine.cli.code]).toEqual([0, 0]);
      expect(memory.results.indicators.length).toBeGreaterThan(0);
      expect(differences(memory.results, engine.results)).toEqual([]);
      expect(engine.results.suppressedCells).toBe(memory.results.suppressedCells);
      expect(engine.results.indicators.map((result) => result.verdict)).toEqual(memory.results.indicators.map((result) => result.verdict));
      expect([...engine.files.keys()].sort()).toEqual([...memory.files.keys()].sort());
      for (const [name, text] of memory.files) if (name !== "indicators.json") expect(engine.files.get(name), name).toBe(text);
      // The engine path says it counts in DuckDB, a line per indicator; the summary on stdout is the same.
      expect(engine.cli.stderr.split("\n").slice(0, 2)).toEqual([`[1/3] Læser definitioner og data i data/${project} med DuckDB`, expect.stringMatching(/^\[2\/3\] Tæller \d+ indikator(er)? i DuckDB$/)]);
      expect(engine.cli.stdout.replaceAll(engine.out, "OUT")).toBe(memory.cli.stdout.replaceAll(memory.out, "OUT"));
    },
    120_000,
  );

  it.each([
    ["jobcenter-maal-2020", "2020-02-12", "projected"],
    ["ressourceforloeb-status", "2019-06-30", "projected"],
    ["langvarig-kontanthjaelp", "2018-06-01", "no data"],
  ])("%s --as-of %s: DuckDB's results equal memory's mid-period (projections) and before the data (no data)", async (project, asOf, expected) => {
    const memory = await runExample(project, ["--engine", "memory", "--as-of", asOf]);
    const engine = await runExample(project, ["--engine", "duckdb", "--as-of", asOf]);
    expect([memory.cli.code, engine.cli.code]).toEqual([0, 0]);
    expect(memory.results.asOf).toBe(asOf);
    if (expected === "projected") expect(memory.results.indicators.filter((result) => result.projection !== null).length).toBeGreaterThan(0);
    else expect(memory.results.indicators.map((result) => result.verdict)).toEqual(memory.results.indicators.map(() => "no_data"));
    expect(differences(memory.results, engine.results)).toEqual([]);
  }, 120_000);

  it("chooses DuckDB by size (--engine-threshold 0) and says so, and memory below the default 16 MiB", async () => {
    const bySize = await runExample("fleksjob-andele", ["--engine-threshold", "0"]);
    expect(bySize.cli.code).toBe(0);
    expect(bySize.cli.stderr.split("\n")[0]).toBe("data/fleksjob-andele: stor fil, så DuckDB tæller rækkerne (--engine memory læser i stedet hver række og viser en fejl med række og kolonne)");
    expect(bySize.cli.stderr).toContain("med DuckDB");
    const small = await defaultRun("fleksjob-andele");
    expect(small.cli.stderr).not.toContain("DuckDB");
    expect(differences(small.results, bySize.results)).toEqual([]);
  });

  it("a bad week under DuckDB names the file, the column and the number of rows, points to --engine memory, and writes nothing; in English with --lang en", async () => {
    const dir = fleksjobWithBadWeek();
    const out = join(dir, "out");
    const file = join(dir, "data", "benefit-periods.csv");
    const danish = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", join(dir, "data"), "--out", out, "--engine", "duckdb"]);
    expect(danish.code).toBe(1);
    expect(danish.stderr).toContain(`${file}, kolonne "Fra uge": 1 række med en værdi, der ikke kan læses (uge som 2020-W05, dato som 2020-02-03, fødselsår som 1974; en person, der står i persons.csv, og kun én gang); kør med --engine memory for at få hver række nævnt med rækkenummer, og ret dem.`);
    expect(existsSync(out)).toBe(false);
    const english = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", join(dir, "data"), "--out", out, "--engine", "duckdb", "--lang", "en"]);
    expect(english.stderr).toContain(`${file}, column "Fra uge": 1 row with a value that cannot be read`);
    expect(existsSync(out)).toBe(false);
  });

  it("a Parquet file in the data folder with --engine memory is refused in Danish (English with --lang en): only DuckDB reads Parquet", async () => {
    const dir = tempDir();
    cpSync(join(repoRoot, "data/fleksjob-andele"), join(dir, "data"), { recursive: true });
    renameSync(join(dir, "data", "events.csv"), join(dir, "data", "events.parquet"));
    const argv = ["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", join(dir, "data"), "--out", join(dir, "out"), "--engine", "memory"];
    const danish = await run(argv);
    expect([danish.code, danish.stderr]).toEqual([1, `jobtrial indicators: ${join(dir, "data", "events.parquet")}: Parquet læses kun af DuckDB; kør uden --engine memory, eller læg filen i mappen som CSV\n`]);
    const english = await run([...argv, "--lang", "en"]);
    expect(english.stderr).toBe(`jobtrial indicators: ${join(dir, "data", "events.parquet")}: Parquet is read by DuckDB only; run without --engine memory, or put the file in the folder as CSV\n`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("--engine takes duckdb or memory only (exit 2)", async () => {
    const result = await run(["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--data", "data/fleksjob-andele", "--out", tempDir(), "--engine", "spark"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--engine");
  });
});

/**
 * An example's counts file as a database server would give it for the query of
 * `jobtrial sql indicators` (the columns of the engine's indicatorCountsScript, NULL as
 * an empty cell, as psql --csv writes): here DuckDB counts (runDuckDbIndicatorCounts)
 * for the window --as-of gives, and the answers are written in that format.
 */
async function countsCsv(project: string, asOf?: string): Promise<string> {
  const folder = join(repoRoot, "data", project);
  const spec = loadIndicatorSpec(join(folder, "indicators.json"), "indicators.json");
  let window: CountingWindow | null = null;
  const counted = await runDuckDbIndicatorCounts(
    { persons: { file: join(folder, "persons.csv"), columns: INDICATOR_COLUMNS.persons }, benefitPeriods: { file: join(folder, "benefit-periods.csv"), columns: INDICATOR_COLUMNS.benefitPeriods }, ...(existsSync(join(folder, "events.csv")) ? { events: { file: join(folder, "events.csv"), columns: INDICATOR_COLUMNS.events } } : {}) },
    (extent) => {
      window = countingWindow(extent, asOf);
      return planIndicatorCounts(spec, window);
    },
  );
  const lines = ["indicator,part,day,status,numerator,denominator", `,first_week,${window!.firstMonday},,,`, `,last_week,${window!.lastMonday},,,`];
  counted.answers.forEach((answer, index) => {
    const id = spec.indicators[index]!.id;
    for (const week of answer.weeks) lines.push(`${id},week,${week.monday},,${week.numerator},${week.denominator ?? ""}`);
    for (const ended of answer.ended) lines.push(`${id},ended,${ended.endDay},"${ended.status}",${ended.count},`);
    answer.persons.forEach((persons, range) => lines.push(`${id},persons,${range},,${persons},`));
  });
  return lines.join("\n") + "\n";
}

describe("jobtrial indicators --counts takes a database server's counts back and gives the results of --engine memory", () => {
  it.each(["jobcenter-maal-2020", "ressourceforloeb-status", "langvarig-kontanthjaelp", "fleksjob-andele"])(
    "%s: the results file from the counts equals memory's (numbers within 1e-10, verdicts and suppression exactly), and so does every other file",
    async (project) => {
      const dir = tempDir();
      writeFileSync(join(dir, "counts.csv"), await countsCsv(project));
      const memory = await runExample(project, ["--engine", "memory"]);
      const out = join(dir, "out");
      const cli = await run(["indicators", "--spec", `data/${project}/indicators.json`, "--counts", join(dir, "counts.csv"), "--out", out]);
      expect(cli.stderr.split("\n").slice(0, 2)).toEqual([`[1/3] Læser definitioner og tællinger i ${join(dir, "counts.csv")}`, expect.stringMatching(/^\[2\/3\] Beregner \d+ indikator(er)? ud fra tællingerne$/)]);
      expect(cli.code).toBe(0);
      const files = filesUnder(out);
      expect(differences(memory.results, JSON.parse(files.get("indicators.json")!))).toEqual([]);
      expect([...files.keys()].sort()).toEqual([...memory.files.keys()].sort());
      for (const [name, text] of memory.files) if (name !== "indicators.json") expect(files.get(name), name).toBe(text);
      expect(cli.stdout.replaceAll(out, "OUT")).toBe(memory.cli.stdout.replaceAll(memory.out, "OUT"));
    },
    120_000,
  );

  it("ressourceforloeb-status --as-of 2019-06-30: counts printed for that window give memory's mid-period results; an --as-of that ends elsewhere is refused", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "counts.csv"), await countsCsv("ressourceforloeb-status", "2019-06-30"));
    const memory = await runExample("ressourceforloeb-status", ["--engine", "memory", "--as-of", "2019-06-30"]);
    const argv = ["indicators", "--spec", "data/ressourceforloeb-status/indicators.json", "--counts", join(dir, "counts.csv"), "--out", join(dir, "out")];
    const cli = await run([...argv, "--as-of", "2019-06-30"]);
    expect(cli.code).toBe(0);
    expect(differences(memory.results, JSON.parse(readFileSync(join(dir, "out", "indicators.json"), "utf8")))).toEqual([]);
    const elsewhere = await run([...argv, "--as-of", "2019-09-30", "--out", join(dir, "elsewhere")]);
    expect([elsewhere.code, elsewhere.stderr.split("\n").at(-2)]).toEqual([1, `jobtrial indicators: ${join(dir, "counts.csv")}: tællingerne går til ugen, der begynder 2019-06-24; --as-of skal ligge i ugen efter den (eller være dens søndag), eller udelades; ellers udskriv forespørgslen igen med den --to-week, der svarer til --as-of`]);
    expect(existsSync(join(dir, "elsewhere"))).toBe(false);
  }, 120_000);

  it("a bad counts file names the file, the row and the column in Danish (English with --lang en), and nothing is written", async () => {
    const dir = tempDir();
    const lines = (await countsCsv("fleksjob-andele")).split("\n");
    const file = join(dir, "counts.csv");
    const out = join(dir, "out");
    const argv = ["indicators", "--spec", "data/fleksjob-andele/indicators.json", "--counts", file, "--out", out];
    const cases: [number, (line: string) => string, string, string][] = [
      [5, (line) => line.replace(/,(\d+),(\d*)$/, ",fem,$2"), 'række 5, kolonne "numerator": skal være et helt tal, 0 eller derover', 'row 5, column "numerator": must be a whole number, 0 or more'],
      [6, (line) => line.replace(/^[^,]+,/, "timer-oeget-2,"), 'række 6, kolonne "indicator": indikatoren findes ikke i definitionsfilen (er forespørgslen udskrevet for en anden fil?)', 'row 6, column "indicator": the indicator is not in the definitions file (was the query printed for another file?)'],
      [7, (line) => line.replace(",week,", ",ended,"), 'række 7, kolonne "part": denne del hører ikke til indikatorens måling (week for ugentlige målinger, ended for status efter afsluttet forløb)', 'row 7, column "part": this part does not belong to the indicator\'s measure (week for weekly measures, ended for the status after an ended spell)'],
    ];
    for (const [row, change, danish, english] of cases) {
      writeFileSync(file, lines.map((line, index) => (index === row - 1 ? change(line) : line)).join("\n"));
      const result = await run(argv);
      expect([result.code, result.stderr.split("\n").at(-2)]).toEqual([1, `jobtrial indicators: ${file}: ${danish}; brug svaret på forespørgslen fra jobtrial sql indicators for den samme definitionsfil, gemt som CSV; intet blev skrevet.`]);
      const inEnglish = await run([...argv, "--lang", "en"]);
      expect(inEnglish.stderr.split("\n").at(-2)).toBe(`jobtrial indicators: ${file}: ${english}; use the answer to the query of jobtrial sql indicators for the same definitions file, saved as CSV; nothing was written.`);
      expect(existsSync(out)).toBe(false);
    }
    // a missing column is named by core's header check; --data with --counts is a usage error
    writeFileSync(file, lines.map((line) => line.replace(/,[^,]*$/, "")).join("\n"));
    const noDenominator = await run(argv);
    expect(noDenominator.code).toBe(1);
    expect(noDenominator.stderr).toContain('"denominator"');
    const both = await run([...argv, "--data", "data/fleksjob-andele"]);
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([2, "jobtrial indicators: angiv enten --data <mappe> eller --counts <fil>, ikke begge"]);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
