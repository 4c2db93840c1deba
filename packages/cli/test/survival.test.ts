import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
