import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectSameNumbers, readPlainCsv, writeCountedRows } from "./engine-helpers.ts";
import { repoRoot, run } from "./helpers.ts";

const fixtures = join(repoRoot, "packages/survival/test/fixtures/conformance");
const lung = join(fixtures, "lung/data.csv");
const lungExpected = JSON.parse(readFileSync(join(fixtures, "lung/expected.json"), "utf8"));
const competing = join(fixtures, "competing_shared/data.csv");

const close = (actual: number, expected: number, relative = 1e-8) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe("jobtrial survival", () => {
  it("--format json reproduces R's log-rank, median, RMST and Cox for lung", async () => {
    const result = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--groups", "male,female", "--tau", "365", "--format", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.n).toBe(228);
    expect(json.groups).toEqual(["male", "female"]);
    expect(json.confType).toBe("log-log");
    // survdiff(Surv(time, event) ~ group)
    close(json.logrank.chisq, lungExpected.logrank.unstratified.chisq);
    expect(json.logrank.observed).toEqual(lungExpected.logrank.unstratified.observed);
    // summary(survfit(...))$table with conf.type = "log-log"
    expect(json.median.male).toEqual({ median: 270, lower: 210, upper: 306 });
    expect(json.median.female).toEqual({ median: 426, lower: 345, upper: 524 });
    // summary(fit, rmean = 365)$table; difference female - male
    close(json.rmst[0].difference.estimate, lungExpected.rmst[0].difference.estimate);
    close(json.rmst[0].difference.se, lungExpected.rmst[0].difference.se);
    // coxph(Surv(time, event) ~ group), Efron, fully converged
    close(json.cox.coef, lungExpected.cox.efron.fully_converged.coef);
    expect(Object.keys(json.km)).toEqual(["male", "female"]);
    expect(json.km.male).toHaveLength(lungExpected.km.male.time.length);
  });

  it("--state gives cumulative incidence curves and values at --at times", async () => {
    const result = await run(["survival", competing, "--time", "time", "--state", "state", "--group", "group", "--at", "91,182,364", "--format", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.groups).toEqual(["control", "intervention"]);
    expect(Object.keys(json.cifAt.control).sort()).toEqual(["1", "2"]);
    expect(json.cifAt.control["1"].map((row: { time: number }) => row.time)).toEqual([91, 182, 364]);
  });

  it("a tau beyond follow-up is a user error that names the largest valid tau", async () => {
    const result = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--tau", "5000"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/largest valid tau|tau/i);
    expect(result.stderr).toContain("5000");
  });

  it("a bad cell is a user error naming file, row and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-survival-"));
    const file = join(dir, "bad.csv");
    writeFileSync(file, "time,event,group\n10,1,a\nten,0,b\n12,1,b\n");
    const result = await run(["survival", file, "--time", "time", "--event", "event", "--group", "group"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.csv");
    expect(result.stderr).toMatch(/række 3/);
    expect(result.stderr).toContain("time");
  });

  it("needs --event or --state (usage error, exit 2)", async () => {
    expect((await run(["survival", lung, "--time", "time", "--group", "group"])).code).toBe(2);
  });
});

describe("jobtrial survival --engine and --counts", () => {
  const trialDays = join(fixtures, "trial_days/data.csv");
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-survival-engine-"));
  const eventArguments = ["--time", "time", "--event", "event", "--group", "group", "--groups", "control,intervention", "--tau", "182,364", "--at", "91,182", "--format", "json"];

  it("trial_days (4,000 persons, stratified): DuckDB, memory and counted rows made by hand give the same numbers within 1e-10", async () => {
    const memory = await run(["survival", trialDays, ...eventArguments, "--strata", "stratum", "--engine", "memory"]);
    expect(memory.code).toBe(0);
    const duckdb = await run(["survival", trialDays, ...eventArguments, "--strata", "stratum", "--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    const countsFile = join(dir, "trial-days-counts.csv");
    const distinct = writeCountedRows(readPlainCsv(trialDays), { arm: "group", stratum: "stratum", time: "time", status: "event" }, countsFile);
    expect(distinct).toBeLessThan(2000);
    const counts = await run(["survival", "--counts", countsFile, "--groups", "control,intervention", "--tau", "182,364", "--at", "91,182", "--format", "json"]);
    expect(counts.stderr).toBe("");
    expect(counts.code).toBe(0);
    const perPerson = JSON.parse(memory.stdout);
    expect(perPerson.n).toBe(4000);
    expect(perPerson.logrank.stratified).toBe(true);
    expectSameNumbers(JSON.parse(duckdb.stdout), perPerson);
    expectSameNumbers(JSON.parse(counts.stdout), perPerson);
  }, 60_000);

  it("lung with a missing stratum: DuckDB drops and counts the same row for the stratified tests as memory does", async () => {
    const lungArguments = ["--time", "time", "--event", "event", "--group", "group", "--groups", "male,female", "--strata", "stratum", "--tau", "365", "--format", "json"];
    const memory = await run(["survival", lung, ...lungArguments]);
    const duckdb = await run(["survival", lung, ...lungArguments, "--engine", "duckdb"]);
    expect(memory.code).toBe(0);
    expect(duckdb.code).toBe(0);
    expect(duckdb.stderr).toBe(memory.stderr);
    expect(memory.stderr).toMatch(/1 række uden stratum/);
    expectSameNumbers(JSON.parse(duckdb.stdout), JSON.parse(memory.stdout));
  }, 60_000);

  it("--state (competing exits): DuckDB and --counts --state status give the memory path's cumulative incidence within 1e-10", async () => {
    const stateArguments = ["--groups", "control,intervention", "--at", "91,182,364", "--format", "json"];
    const memory = await run(["survival", competing, "--time", "time", "--state", "state", "--group", "group", ...stateArguments]);
    const duckdb = await run(["survival", competing, "--time", "time", "--state", "state", "--group", "group", ...stateArguments, "--engine", "duckdb"]);
    const countsFile = join(dir, "competing-counts.csv");
    writeCountedRows(readPlainCsv(competing), { arm: "group", time: "time", status: "state" }, countsFile);
    const counts = await run(["survival", "--counts", countsFile, "--state", "status", ...stateArguments]);
    for (const result of [memory, duckdb, counts]) expect(result.code).toBe(0);
    const perPerson = JSON.parse(memory.stdout);
    expect(Object.keys(perPerson.cifAt.control).sort()).toEqual(["1", "2"]);
    expectSameNumbers(JSON.parse(duckdb.stdout), perPerson);
    expectSameNumbers(JSON.parse(counts.stdout), perPerson);
  }, 60_000);

  it("without --engine, a file from --engine-threshold MiB on goes to DuckDB and says so on stderr, in Danish and with --lang en in English", async () => {
    const danish = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--engine-threshold", "0", "--format", "json"]);
    expect(danish.code).toBe(0);
    expect(danish.stderr).toBe(`${lung}: stor fil, så DuckDB tæller rækkerne (--engine memory læser i stedet hver række og viser en fejl med række og kolonne)\n`);
    const english = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--engine-threshold", "0", "--format", "json", "--lang", "en"]);
    expect(english.stderr).toBe(`${lung}: a large file, so DuckDB counts the rows (--engine memory reads every row instead and shows a problem by row and column)\n`);
    const small = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--format", "json"]);
    expect(small.stderr).toBe("");
    expectSameNumbers(JSON.parse(danish.stdout), JSON.parse(small.stdout));
  }, 60_000);

  it("usage errors in Danish: an unknown engine, --counts with --engine, --counts with a file or with column options, neither", async () => {
    const unknown = await run(["survival", lung, "--time", "time", "--event", "event", "--group", "group", "--engine", "spark"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('jobtrial survival: --engine skal være duckdb eller memory, ikke "spark"');
    const both = await run(["survival", "--counts", lung, "--engine", "duckdb"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("jobtrial survival: --counts er allerede tællede rækker; angiv ikke --engine eller --engine-threshold sammen med det");
    const fileAndCounts = await run(["survival", lung, "--counts", lung]);
    expect(fileAndCounts.code).toBe(2);
    expect(fileAndCounts.stderr).toContain("jobtrial survival: angiv enten <csv> eller --counts <fil>, ikke begge og ikke ingen");
    const columns = await run(["survival", "--counts", lung, "--time", "time"]);
    expect(columns.code).toBe(2);
    expect(columns.stderr).toContain("jobtrial survival: --time gælder ikke med --counts: de tællede rækker har faste kolonner (arm, stratum, time, status, count)");
    const neither = await run(["survival", "--time", "time", "--event", "event", "--group", "group", "--lang", "en"]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("jobtrial survival: give either <csv> or --counts <file>, not both and not neither");
  });

  it("DuckDB names the file and the missing column; a bad counted row is named by file, row and column", async () => {
    const missing = await run(["survival", lung, "--time", "varighed", "--event", "event", "--group", "group", "--engine", "duckdb"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`jobtrial survival: ${lung}: kolonnen "varighed" findes ikke (kolonner i filen: id, time, event, group, stratum, age); ret kolonnenavnet i tilvalget.\n`);
    const bad = join(dir, "bad-counts.csv");
    writeFileSync(bad, "arm;time;status;count\ncontrol;10;1;3\nintervention;12;1;2,5\n");
    const result = await run(["survival", "--counts", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`jobtrial survival: ${bad}: række 3, kolonne "count": værdien er ikke et helt tal på 0 eller mere; ret cellen (decimalkomma og decimalpunktum er begge i orden), eller lad den stå tom eller skriv NA, når værdien ikke kendes\n`);
  });
});

describe("jobtrial compare", () => {
  it("--format json gives Welch, difference in means, permutation and bootstrap, proportions null for a non-binary value", async () => {
    const result = await run(["compare", lung, "--value", "time", "--group", "group", "--groups", "male,female", "--seed", "7", "--format", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).sort()).toEqual(["bootstrap", "diffInMeans", "permutation", "proportions", "welch"]);
    expect(json.proportions).toBeNull();
    // estimatr::difference_in_means(time ~ group): female - male on all rows (censoring ignored)
    const expected = lungExpected.diff_in_means.time_all;
    close(json.diffInMeans.estimate, expected.estimate);
    close(json.diffInMeans.stdErr, expected.std_error);
    close(json.welch.p, lungExpected.welch.time_all.p, 1e-6);
  });

  it("the same seed gives the same permutation and bootstrap results", async () => {
    const args = ["compare", lung, "--value", "time", "--group", "group", "--seed", "11", "--format", "json"];
    const first = JSON.parse((await run(args)).stdout);
    const second = JSON.parse((await run(args)).stdout);
    expect(second.permutation).toEqual(first.permutation);
    expect(second.bootstrap).toEqual(first.bootstrap);
  });

  it("a 0/1 value adds the two-proportion comparison", async () => {
    const result = await run(["compare", lung, "--value", "event", "--group", "group", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).proportions).not.toBeNull();
  });
});
