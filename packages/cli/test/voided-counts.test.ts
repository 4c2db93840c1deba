/**
 * Counts after a voided batch (issue 17): the register's header, the cohort
 * export, its screening counts and the analysis's flow subtract the voided
 * batch's rows; running the week again assigns its citizens again, once.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";
const now = new Date("2017-03-01T12:00:00Z");
const scratch = mkdtempSync(join(tmpdir(), "jobtrial-voided-counts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Data rows of a bundled intake week (the header and the trailing line end left out). */
const rowsOf = (week: string) => readFileSync(join(repoRoot, "data/esbjerg-2017/intake", `${week}.csv`), "utf8").trim().split(/\r?\n/).length - 1;

describe("counts after a voided batch", () => {
  it("register verify, register export (cohort and screening counts) and analyze's flow leave the voided batch's rows out, and a rerun of its week counts them once", async () => {
    const register = join(scratch, "register.sqlite");
    const key = join(scratch, "keys", "pseudonym.key");
    const assign = (week: string) => run(["assign", "--config", trial, "--register", register, "--intake", `data/esbjerg-2017/intake/${week}.csv`, "--operator", "anne", "--out", join(scratch, "lister")], { now });
    const exportCohort = (name: string) => run(["register", "export", "--register", register, "--key-file", key, "--out", join(scratch, `${name}.csv`), "--config", trial]);
    expect((await assign("2017-W01")).code).toBe(0);
    expect((await assign("2017-W02")).code).toBe(0);
    const before = await run(["register", "verify", "--register", register]);
    const [week1, week2] = [/B0001 .*Indsats (\d+), Kontrol (\d+)/, /B0002 .*Indsats (\d+), Kontrol (\d+)/].map((pattern) => {
      const match = pattern.exec(before.stdout)!;
      return Number(match[1]) + Number(match[2]);
    }) as [number, number];
    expect(before.stdout.split("\n")[0]).toBe(`Register: ${week1 + week2} tildelinger i 2 batches`);

    expect((await run(["register", "void", "--register", register, "--batch", "B0001", "--reason", "forkert uge", "--operator", "anne"])).code).toBe(0);
    const after = await run(["register", "verify", "--register", register]);
    expect([after.code, after.stdout.split("\n")[0]]).toEqual([0, `Register: ${week2} tildelinger i 1 batch`]);

    // The key is kept in its own folder, away from the cohort it pseudonymizes.
    mkdirSync(join(scratch, "keys"));
    expect((await run(["register", "keygen", "--out", key])).code).toBe(0);
    expect((await exportCohort("voided")).code).toBe(0);
    expect(readFileSync(join(scratch, "voided.csv"), "utf8").trim().split("\r\n")).toHaveLength(1 + week2);
    // Screened: the rows of week 2's file only; week 1's batch is voided.
    const screening = JSON.parse(readFileSync(join(scratch, "voided.screening.json"), "utf8")) as { screened: number };
    expect(screening.screened).toBe(rowsOf("2017-W02"));

    const analyzed = await run(["analyze", "--config", trial, "--cohort", join(scratch, "voided.csv"), "--screening", join(scratch, "voided.screening.json"), "--outcomes", "data/esbjerg-2017/outcomes/spells.csv", "--key-file", key, "--as-of", "2018-03-01", "--out", join(scratch, "results.json")]);
    expect(analyzed.code).toBe(0);
    const flow = (JSON.parse(readFileSync(join(scratch, "results.json"), "utf8")) as { flow: { screened: number; assigned: { control: number; intervention: number }; voided: { control: number; intervention: number } } }).flow;
    expect([flow.screened, flow.assigned.control + flow.assigned.intervention, flow.voided]).toEqual([rowsOf("2017-W02"), week2, { control: 0, intervention: 0 }]);

    // Week 1 again: its citizens are assigned anew, once; nothing is counted twice.
    expect((await assign("2017-W01")).code).toBe(0);
    const rerun = await run(["register", "verify", "--register", register]);
    expect(rerun.stdout.split("\n")[0]).toBe(`Register: ${week1 + week2} tildelinger i 2 batches`);
    expect((await exportCohort("rerun")).code).toBe(0);
    expect(readFileSync(join(scratch, "rerun.csv"), "utf8").trim().split("\r\n")).toHaveLength(1 + week1 + week2);
  }, 120_000);
});

