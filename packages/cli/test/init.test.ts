import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { loadTrialConfig } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import type { Io } from "../src/command.ts";
import { runCli } from "../src/cli.ts";
import { INIT_QUESTIONS, parseRule } from "../src/commands/init.ts";
import { repoRoot, run } from "./helpers.ts";

/** The questions without a suggestion, answered; everything else left to its suggestion. */
const REQUIRED = [
  "--municipality", "Aarhus",
  "--industry-groups", "Handel og service;Team LVU",
  "--budget", "2000000",
  "--daily-benefit", "2025:949,2026:965,2027:980,2028:980",
  "--rate-source", "STAR budget- og konteringsvejledning 2025",
  "--expected-net-savings", "1500000",
  "--project-start", "2025-01-01",
  "--power-trials", "5",
];

/** The terminal's lines: each question's answer (Enter for its suggestion), a wrong answer first where `wrong` has one, then the confirmation. */
function terminalLines(answers: Record<string, string>, wrong: Record<string, string>, confirmation: string): string[] {
  return [...INIT_QUESTIONS.flatMap((option) => [...(option in wrong ? [wrong[option]!] : []), answers[option] ?? ""]), confirmation];
}

const VEJLE = { municipality: "Vejle", "project-start": "2026-01-01", "industry-groups": "Bygge og industri", budget: "2500000", "daily-benefit": "955", "rate-source": "STAR 2026", "expected-net-savings": "1700000" };

function folder(): string {
  return mkdtempSync(join(tmpdir(), "jobtrial-init-"));
}

/** Runs `jobtrial` in-process with the given lines as the terminal's input. */
async function runWithInput(argv: string[], lines: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: repoRoot,
    now: () => new Date("2024-06-01T10:00:00Z"),
    isTty: false,
    stdin: { stream: Readable.from(lines.map((line) => `${line}\n`)), isTty: true },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe("jobtrial init from options", () => {
  it("writes a configuration that passes config check, after the rule's shares and a power estimate", async () => {
    const out = join(folder(), "aarhus.json");
    const result = await run(["init", "--out", out, ...REQUIRED]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // 1-15 of each month: 180 of 365 days (2025, 2026 are not leap years).
    expect(result.stdout).toContain("Reglen: fødselsdag 1-15 i måneden -> indsats, 16-31 -> kontrol\n  forventet andel til indsatsen: 2025 49,3 %, 2026 49,3 %");
    expect(result.stdout).toMatch(/Styrke, skønnet ved 5 simulerede forsøg:\nDesigndiagnose: 5 simulerede forsøg, data pr\. 2026-03-01/);
    expect(result.stdout.indexOf("Designdiagnose")).toBeLessThan(result.stdout.indexOf("Gemt:"));
    const loaded = loadTrialConfig(out);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const config = loaded.config;
    expect(config.id).toBe("aarhus-2025");
    expect(config.projectPeriod).toEqual({ start: "2025-01-01", end: "2027-01-01" });
    expect(config.evaluation.date).toBe("2026-03-01");
    expect(config.budget.years).toEqual([{ year: 2025, dkk: 2000000 }, { year: 2026, dkk: 2000000 }]);
    expect(config.money.years.map((year) => [year.year, year.maxDailyBenefit])).toEqual([[2025, 949], [2026, 965], [2027, 980], [2028, 980]]);
    expect(config.expectations).toEqual({ daysSaved: 9, netSavingsPerYear: 1500000, fromYear: 2025, toYear: 2028 });
    expect(config.protocol.intervention.map((conversation) => conversation.week)).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(config.protocol.control.map((conversation) => conversation.week)).toEqual([4, 8, 12, 16, 20, 24]);
    expect(config.monitoring).toBeUndefined();
    expect((await run(["config", "check", out])).code).toBe(0);
  }, 60_000);

  it("takes the rule, the looks and the reporting from their options, and shows the parity rule's share per year", async () => {
    const out = join(folder(), "odense.json");
    const result = await run([
      "init", "--out", out, ...REQUIRED, "--rule", "ulige", "--project-end", "2025-07-01", "--evaluation-date", "2026-06-01",
      "--reporting", "månedlig", "--looks", "2025-10-01,2026-06-01:evaluering,2026-09-01", "--min-cell-size", "10", "--budget", "2025:1000000",
      "--expectation-years", "2025-2027",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // Odd days: 186 of 365 in 2025.
    expect(result.stdout).toContain("ulige fødselsdage -> indsats\n  forventet andel til indsatsen: 2025 51,0 %\n");
    const loaded = loadTrialConfig(out);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.assignment.rule).toEqual({ kind: "parity", intervention: "odd" });
    expect(loaded.config.evaluation.reporting).toBe("monthly");
    expect(loaded.config.monitoring?.looks).toEqual([
      { date: "2025-10-01", kind: "committee" },
      { date: "2026-06-01", kind: "evaluation" },
      { date: "2026-09-01", kind: "final" },
    ]);
    expect(loaded.config.disclosure.minCellSize).toBe(10);
  }, 60_000);

  it("never overwrites an existing file without --force, and overwrites it whole with --force", async () => {
    const out = join(folder(), "trial.json");
    writeFileSync(out, "the old file\n");
    const refused = await run(["init", "--out", out, ...REQUIRED]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("findes allerede; vælg et andet navn med --out, eller overskriv med --force");
    expect(readFileSync(out, "utf8")).toBe("the old file\n");
    const forced = await run(["init", "--out", out, ...REQUIRED, "--force"]);
    expect(forced.code).toBe(0);
    expect(loadTrialConfig(out).ok).toBe(true);
  }, 60_000);

  it("a missing answer without a suggestion is a usage error naming its option, and nothing is written", async () => {
    const out = join(folder(), "trial.json");
    const result = await run(["init", "--out", out, ...REQUIRED.filter((_, index) => index > 1)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jobtrial init: --municipality skal angives \(kommune \(jobcentrets navn\)\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("an answer the configuration refuses names the option to change (a budget year outside the project)", async () => {
    const out = join(folder(), "trial.json");
    const result = await run(["init", "--out", out, ...REQUIRED, "--budget", "2024:1000000"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jobtrial init: --budget \(\$\.budget\.years\[0\]\.year\): /);
    expect(existsSync(out)).toBe(false);
  });

  it("a rule it cannot read is a usage error in English with --lang en", async () => {
    const result = await run(["init", "--out", join(folder(), "t.json"), ...REQUIRED, "--rule", "1-40", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rule must be birth days of the month for the intervention (e.g. 1-15), odd, even or birthday-list:MM-DD,..., got "1-40"');
  });

  it("parseRule reads day ranges, parity and birthday lists", () => {
    expect(parseRule("1-10, 20")).toEqual({ ok: true, value: { kind: "day-of-month", intervention: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20], control: [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31] } });
    expect(parseRule("even")).toEqual({ ok: true, value: { kind: "parity", intervention: "even" } });
    expect(parseRule("fødselsdage:01-15,06-30")).toEqual({ ok: true, value: { kind: "birthday-list", intervention: ["01-15", "06-30"] } });
    expect(parseRule("1-31").ok).toBe(false);
  });
});

describe("jobtrial init in a terminal", () => {
  it("asks each question with its suggestion, asks again after a wrong answer, and saves on yes", async () => {
    const out = join(folder(), "trial.json");
    const result = await runWithInput(["init", "--out", out, "--power-trials", "5"], terminalLines(VEJLE, { rule: "1-99" }, "j"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Kommune (jobcentrets navn): ");
    expect(result.stdout).toContain("Projektets første dag (ÅÅÅÅ-MM-DD) [2025-01-01]: ");
    expect(result.stdout).toContain("Kort id (små bogstaver, tal og -) [vejle-2026]: ");
    expect(result.stdout).toContain('skal være fødselsdage i måneden til indsatsen (fx 1-15), ulige, lige eller fødselsdage:MM-DD,... , ikke "1-99"; prøv igen');
    expect(result.stdout).toContain("forventet andel til indsatsen: 2026 49,3 %, 2027 49,3 %");
    expect(result.stdout).toMatch(/Designdiagnose[^]*Gem i .*trial\.json\? \[J\/n\] Gemt:/);
    const loaded = loadTrialConfig(out);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.id).toBe("vejle-2026");
    expect(loaded.config.money.years.map((year) => year.maxDailyBenefit)).toEqual([955, 955, 955, 955]);
  }, 60_000);

  it("saves nothing when the answer to the last question is no", async () => {
    const out = join(folder(), "trial.json");
    const result = await runWithInput(["init", "--out", out, "--power-trials", "5"], terminalLines(VEJLE, {}, "n"));
    expect(result.code).toBe(1);
    expect(result.stdout.endsWith("Intet gemt.\n")).toBe(true);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("input that ends early saves nothing and says so", async () => {
    const out = join(folder(), "trial.json");
    const result = await runWithInput(["init", "--out", out], ["Vejle"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("jobtrial init: indtastningen sluttede, før alle spørgsmål var besvaret; intet er gemt\n");
    expect(existsSync(out)).toBe(false);
  });

  it("runs in a pseudo-terminal (script from util-linux): the questions in English, answered as they appear", async () => {
    const dir = folder();
    const tsx = join(repoRoot, "node_modules/.bin/tsx");
    const main = join(repoRoot, "packages/cli/src/main.ts");
    const command = `${tsx} ${main} init --out trial.json --power-trials 5 --lang en`;
    const answers: [RegExp, string][] = [
      [/Municipality \(the jobcentre's name\): $/, "Kolding"],
      [/Industry groups .*: $/, "Handel og service"],
      [/Budget in DKK .*: $/, "2500000"],
      [/Maximum A-dagpenge .*: $/, "900"],
      [/Source of the rates .*: $/, "STAR"],
      [/Expected net savings in DKK per year: $/, "1000000"],
      [/Save to .*\? \[Y\/n\] $/, "y"],
    ];
    // INIT_CWD would make jobtrial resolve --out against the folder pnpm was started in.
    const { INIT_CWD: _, ...env } = process.env;
    const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: dir, env: { ...env, TZ: "Europe/Copenhagen" } });
    let screen = "";
    // Where the last answer was typed: the next question is the text after its echo's line break.
    let answeredAt = -1;
    const code = await new Promise<number | null>((done) => {
      child.stdout.on("data", (chunk: Buffer) => {
        screen += chunk.toString("utf8");
        const lineStart = screen.lastIndexOf("\n") + 1;
        if (lineStart <= answeredAt) return;
        const pending = screen.slice(lineStart);
        const match = answers.find(([prompt]) => prompt.test(pending));
        const answer = match ? match[1] : /\]: $/.test(pending) ? "" : undefined;
        if (answer === undefined) return;
        child.stdin.write(`${answer}\n`);
        answeredAt = screen.length;
      });
      child.on("close", done);
    });
    expect(code).toBe(0);
    expect(screen).toMatch(/First day of the project \(YYYY-MM-DD\) \[\d{4}-01-01\]: /);
    expect(screen).toContain("The rule: birth day 1-15 of the month -> intervention, 16-31 -> control");
    expect(screen).toContain("Saved: trial.json");
    const loaded = loadTrialConfig(join(dir, "trial.json"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.municipality).toBe("Kolding");
  }, 60_000);
});
