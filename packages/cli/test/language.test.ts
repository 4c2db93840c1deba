/**
 * Danish all the way (issue 21): every command of `jobtrial`, listed from
 * commands/index.ts so a new command is covered automatically, runs in Danish
 * on the bundled demo data and on a small error corpus, and nothing it prints
 * may be a raw error code or an English sentence; with `--lang en` the English
 * appears.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandIndex } from "../src/commands/index.ts";
import { run, type CliRun } from "./helpers.ts";

/**
 * English function words as whole words: strict enough to catch an English
 * sentence, and none of them is a Danish word ("is", "must", "could", "the",
 * "not" do not occur in Danish text; "file" is "fil" in Danish).
 */
const ENGLISH = /\b(the|is not|must be|could not|cannot|does not|file|found|missing|expected|should|were|which|nothing|written|please)\b/i;
/** A raw error code: two or more snake_case words (horizon_beyond_follow_up), outside a path or option. */
const RAW_CODE = /(?<![\w./-])[a-z]+(?:_[a-z]+){2,}(?![\w./-])/;

function leaks(result: CliRun): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split("\n")
    .map((line) => line.replace(/\S*[/\\]\S*/g, "").replace(/--[\w-]+/g, "").replace(/<[^>]*>/g, ""))
    .filter((line) => ENGLISH.test(line) || RAW_CODE.test(line));
}

describe("jobtrial speaks Danish by default", () => {
  const folder = mkdtempSync(join(tmpdir(), "jobtrial-language-"));
  const empty = join(folder, "tom.csv");
  writeFileSync(empty, "");
  const wrongDelimiter = join(folder, "forkert.csv");
  writeFileSync(wrongDelimiter, "cpr|dato\n0101701234|2017-01-02\n");

  it.each(commandIndex.map((entry) => entry.name))("%s with an unknown option prints Danish only", async (name) => {
    const result = await run([...name.split(" "), "--ukendt-tilvalg"]);
    expect(result.code).toBe(2);
    expect(leaks(result)).toEqual([]);
  });

  it.each(commandIndex.map((entry) => entry.name))("%s with a missing and an empty file prints Danish only", async (name) => {
    for (const file of [join(folder, "findes-ikke.csv"), empty, wrongDelimiter]) {
      const result = await run([...name.split(" "), "--config", file, "--results", file, "--out", join(folder, "ud")]);
      expect(result.code).not.toBe(0);
      expect(leaks(result)).toEqual([]);
    }
  });

  it("demo on the bundled data prints Danish only", async () => {
    const result = await run(["demo", "--out", join(folder, "demo")]);
    expect(result.code).toBe(0);
    expect(leaks(result)).toEqual([]);
  }, 120_000);

  it("--lang en gives the English wording of the same error", async () => {
    const result = await run(["analyze", "--config", join(folder, "findes-ikke.json"), "--lang", "en", "--out", join(folder, "r.json")]);
    expect(result.code).not.toBe(0);
    expect(leaks(result)).not.toEqual([]);
  });
});
