import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectSameNumbers, readPlainCsv } from "./engine-helpers.ts";
import { repoRoot, run } from "./helpers.ts";

// The shared multistate case, as copied into the survival package's fixtures (a missing
// file fails here, at load).
const caseDirectory = join(repoRoot, "packages/survival/test/fixtures/conformance/multistate");
const episodes = join(caseDirectory, "data.csv");
const expected = JSON.parse(readFileSync(join(caseDirectory, "expected.json"), "utf8"));

/** README tolerance for multistate: relative 1e-8, absolute 1e-12 near zero. */
function expectClose(actual: unknown, want: number, label: string): void {
  expect(typeof actual, label).toBe("number");
  const difference = Math.abs((actual as number) - want);
  expect(difference <= Math.max(1e-8 * Math.abs(want), 1e-12), `${label}: got ${actual}, R ${want}`).toBe(true);
}

const caseArguments = ["--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--initial", "adp", "--public", "adp,other", "--tau", "91,182,364"];

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "jobtrial-states-")), name);
  writeFileSync(file, text);
  return file;
}

// The three persons worked by hand in packages/survival/test/multi-state-occupancy.test.ts.
const threePersons = `id;arm;tstart;tstop;from;to
P2;g;4;8;education;censor
P1;g;5;8;adp;censor
P3;g;0;3;adp;censor
P1;g;0;2;adp;job
P2;g;0;4;adp;education
P1;g;2;5;job;adp
`;

describe("jobtrial states", () => {
  it("--format json agrees with R on the multistate case, in the shape of issue 13", async () => {
    const result = await run(["states", episodes, ...caseArguments, "--states", "adp,other,job,education", "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["states", "groups", "difference"]);
    expect(json.states).toEqual(expected.states);
    expect(Object.keys(json.groups)).toEqual(["control", "intervention"]);
    for (const arm of ["control", "intervention"]) {
      expect(Object.keys(json.groups[arm])).toEqual(["restrictedMean", "at"]);
      for (const tau of ["91", "182", "364"]) {
        const restricted = json.groups[arm].restrictedMean[tau];
        expect(Object.keys(restricted)).toEqual([...expected.states, "public"]);
        for (const key of Object.keys(restricted)) {
          expect(Object.keys(restricted[key])).toEqual(["estimate", "stdErr"]);
          expectClose(restricted[key].estimate, expected.arms[arm].rmean[tau][key].estimate, `${arm} rmean ${tau} ${key}`);
          expectClose(restricted[key].stdErr, expected.arms[arm].rmean[tau][key].std_err, `${arm} se ${tau} ${key}`);
        }
        const at = json.groups[arm].at[tau];
        expect(Object.keys(at)).toEqual(["pstate", "stdErr"]);
        for (const state of expected.states) {
          expectClose(at.pstate[state], expected.arms[arm].at[tau].pstate[state], `${arm} at ${tau} pstate ${state}`);
          expectClose(at.stdErr[state], expected.arms[arm].at[tau].std_err[state], `${arm} at ${tau} std_err ${state}`);
        }
      }
    }
    for (const tau of ["91", "182", "364"]) {
      expect(Object.keys(json.difference[tau])).toEqual([...expected.states, "public"]);
      for (const key of Object.keys(expected.difference[tau])) {
        expectClose(json.difference[tau][key].estimate, expected.difference[tau][key].estimate, `difference ${tau} ${key}`);
        expectClose(json.difference[tau][key].stdErr, expected.difference[tau][key].std_err, `difference se ${tau} ${key}`);
      }
    }
  });

  it("without --groups takes the groups in sort order, and without --states the initial state first, then sorted", async () => {
    const result = await run(["states", episodes, ...caseArguments, "--format", "json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.states).toEqual(["adp", "education", "job", "other"]);
    expect(Object.keys(json.groups)).toEqual(["control", "intervention"]);
    expectClose(json.difference["364"].public.estimate, expected.difference["364"].public.estimate, "difference 364 public");
  });

  it("prints a Danish table by default and an English one with --lang en (three persons worked by hand)", async () => {
    const file = tempFile("tre.csv", threePersons);
    const common = ["states", file, "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--public", "adp,job", "--tau", "6"];
    const danish = await run(common);
    expect(danish.code).toBe(0);
    // Up to 6: adp 11/3 = 3.67 days, se sqrt(6)/9 = 0.272; education 4/3, se sqrt(24)/9 = 0.544
    // (its complement, public = adp + job = 14/3, has the same se); job 1, with influences
    // 6/9, -3/9, -3/9 (Σ U_job × width), se sqrt(54)/9 = 0.816.
    // On day 6: adp 1/3, job 0, education 2/3, se sqrt(6)/9 (27.2 points).
    expect(danish.stdout).toBe(
      [
        `Tid i tilstande med genindtræden (Aalen-Johansen), ${file}`,
        "Grupper: g (3 personer)",
        "Tilstande: adp, education, job",
        "",
        "Forventet antal dage i tilstanden fra dag 0 til tau (standardfejl)",
        "",
        "tau = 6 dage",
        "  tilstand                           g",
        "  adp                                3,7 (0,27)",
        "  education                          1,3 (0,54)",
        "  job                                1,0 (0,82)",
        "  offentlig forsørgelse (adp + job)  4,7 (0,54)",
        "",
        "Andel i hver tilstand på dag tau (standardfejl i procentpoint)",
        "",
        "tau = 6 dage",
        "  tilstand   g",
        "  adp        33,3 % (27,2)",
        "  education  66,7 % (27,2)",
        "  job        0,0 % (0,0)",
        "",
      ].join("\n"),
    );
    const english = await run([...common, "--lang", "en"]);
    expect(english.stdout.split("\n").slice(0, 12)).toEqual([
      `Time in states with re-entry (Aalen-Johansen), ${file}`,
      "Groups: g (3 persons)",
      "States: adp, education, job",
      "",
      "Expected days in the state from day 0 to tau (standard error)",
      "",
      "tau = 6 days",
      "  state                       g",
      "  adp                         3.7 (0.27)",
      "  education                   1.3 (0.54)",
      "  job                         1.0 (0.82)",
      "  public support (adp + job)  4.7 (0.54)",
    ]);
  });

  it("bad episodes are one line naming file, row, column and the fix, never the id, and print nothing", async () => {
    const cpr = "0101701234";
    const cases: [string, string, string[]][] = [
      // a gap: row 3 starts at 12, the person's previous row (2) stopped at 10
      [`id,arm,tstart,tstop,from,to\n${cpr},a,0,10,adp,job\n${cpr},a,12,20,job,censor\n`, 'række 3, kolonne "tstart": forløbet begynder senere, end personens forrige forløb (række 2, kolonne "tstop") slutter', []],
      [`id,arm,tstart,tstop,from,to\n${cpr},a,0,10,adp,job\n${cpr},a,8,20,job,censor\n`, 'række 3, kolonne "tstart": forløbet begynder, før personens forrige forløb (række 2, kolonne "tstop") slutter', []],
      [`id,arm,tstart,tstop,from,to\n${cpr},a,0,10,adp,job\n${cpr},a,10,10,job,censor\n`, 'række 3, kolonne "tstop": forløbet slutter før eller samtidig med, at det begynder (kolonne "tstart")', []],
      [`id,arm,tstart,tstop,from,to\n${cpr},a,0,10,adp,jobb\n`, 'række 2, kolonne "to": ikke en af tilstandene ("adp", "job") eller censurmærket "censor"', ["--states", "adp,job"]],
    ];
    for (const [text, message, extra] of cases) {
      const file = tempFile("episoder.csv", text);
      const result = await run(["states", file, "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--tau", "5", ...extra]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`${file}, ${message}`);
      expect(result.stderr).not.toContain(cpr);
    }
    const english = await run(["states", tempFile("e.csv", cases[0]![0]), "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--tau", "5", "--lang", "en"]);
    expect(english.stderr).toContain('row 3, column "tstart": the episode starts later than the person\'s previous episode (row 2, column "tstop") stops');
  });

  it("a cell that is not a number and a missing column are CSV problems in Danish, naming file, row and column", async () => {
    const file = tempFile("celle.csv", "id,arm,tstart,tstop,from,to\na,g,0,10,adp,job\na,g,ti,20,job,censor\n");
    const common = ["--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--tau", "5"];
    const badCell = await run(["states", file, ...common]);
    expect(badCell.code).toBe(1);
    expect(badCell.stdout).toBe("");
    expect(badCell.stderr).toContain(`${file}: række 3, kolonne "tstart"`);
    const missing = await run(["states", file, ...common.slice(0, -4), "--to", "til", "--tau", "5"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${file}: `);
    expect(missing.stderr).toContain('"til"');
  });

  it("a tau past the shortest group's follow-up is a user error naming the largest valid tau", async () => {
    const result = await run(["states", episodes, ...caseArguments.slice(0, -1), "10000"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("10000");
    expect(result.stderr).toContain("den største gyldige tau");
  });
});

describe("jobtrial states --engine and --counts", () => {
  /** Counted paths by hand: persons with identical episodes (arm, start, stop, from, to in time order) become one path with a count. */
  function countedPathsFile(): string {
    const byPerson = new Map<string, Record<string, string>[]>();
    for (const row of readPlainCsv(episodes)) byPerson.set(row["id"]!, [...(byPerson.get(row["id"]!) ?? []), row]);
    const paths = new Map<string, { rows: Record<string, string>[]; count: number }>();
    for (const rows of byPerson.values()) {
      const ordered = [...rows].sort((a, b) => Number(a["tstart"]) - Number(b["tstart"]));
      const key = ordered.map((row) => [row["arm"], row["tstart"], row["tstop"], row["from"], row["to"]].join("|")).join(";");
      const entry = paths.get(key);
      if (entry) entry.count++;
      else paths.set(key, { rows: ordered, count: 1 });
    }
    const lines = ["path;arm;start;stop;from;to;count"];
    [...paths.values()].forEach((entry, index) => {
      for (const row of entry.rows) lines.push([`s${index + 1}`, row["arm"], row["tstart"], row["tstop"], row["from"], row["to"], entry.count].join(";"));
    });
    expect(paths.size).toBeLessThan(byPerson.size);
    return tempFile("counted-paths.csv", lines.join("\n") + "\n");
  }

  it("the multistate case: DuckDB (identical paths counted) and counted paths made by hand give the memory path's estimates and IJ standard errors within 1e-10", async () => {
    const memory = await run(["states", episodes, ...caseArguments, "--format", "json", "--engine", "memory"]);
    const duckdb = await run(["states", episodes, ...caseArguments, "--format", "json", "--engine", "duckdb"]);
    const countedArguments = ["--initial", "adp", "--public", "adp,other", "--tau", "91,182,364", "--format", "json"];
    const counts = await run(["states", "--counts", countedPathsFile(), ...countedArguments]);
    for (const result of [memory, duckdb, counts]) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    }
    const perPerson = JSON.parse(memory.stdout);
    expect(perPerson.difference["364"].public.stdErr).toBeGreaterThan(0);
    expectSameNumbers(JSON.parse(duckdb.stdout), perPerson);
    expectSameNumbers(JSON.parse(counts.stdout), perPerson);
  }, 60_000);

  it("the table says the same through DuckDB (persons, not paths, per group)", async () => {
    const memory = await run(["states", episodes, ...caseArguments]);
    const duckdb = await run(["states", episodes, ...caseArguments, "--engine", "duckdb"]);
    expect(duckdb.stdout).toBe(memory.stdout);
  }, 60_000);

  it("--count with --engine duckdb is a usage error in Danish (the rows are counted already); --counts with --engine too", async () => {
    // The three persons with a count column of 1.
    const file = tempFile("counted.csv", threePersons.trim().split("\n").map((line, index) => `${line};${index === 0 ? "n" : 1}`).join("\n") + "\n");
    const withCount = await run(["states", file, "--id", "id", "--group", "arm", "--start", "tstart", "--stop", "tstop", "--from", "from", "--to", "to", "--count", "n", "--tau", "5", "--engine", "duckdb"]);
    expect(withCount.code).toBe(2);
    expect(withCount.stderr.split("\n")[0]).toBe("jobtrial states: --count og --engine duckdb kan ikke bruges sammen: rækkerne er allerede tællede (brug --engine memory)");
    const both = await run(["states", "--counts", file, "--engine", "memory", "--tau", "5"]);
    expect(both.code).toBe(2);
    expect(both.stderr.split("\n")[0]).toBe("jobtrial states: --counts er allerede tællede rækker; angiv ikke --engine eller --engine-threshold sammen med det");
  });

  it("a counted-paths file without the path column names the file and the column", async () => {
    const file = tempFile("no-path.csv", "arm;start;stop;from;to;count\ng;0;3;adp;censor;2\n");
    const result = await run(["states", "--counts", file, "--tau", "2"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('"path"');
  });
});
