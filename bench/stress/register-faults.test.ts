/**
 * The register's faults (bench/stress/register-faults.ts) in reduced form for
 * the suite: 10 kills of a 1,000-row batch instead of 100 of 20,000, and 4
 * concurrent processes instead of 8. The full run is by hand; its figures are
 * in docs/reliability.md.
 */
import { describe, expect, it } from "vitest";
import { concurrentBatches, fullDisk, killBatches, problemsOf, readOnlyRegister, tamperedRegister, unknownSchemaVersion } from "./register-faults.ts";

const MINUTES = 60_000;

describe("the register under faults, through jobtrial in separate processes", () => {
  it("10 batches killed at random moments each leave a register that verifies and holds the batch wholly or not at all; each rerun assigns every citizen exactly once", async () => {
    const summary = await killBatches({ kills: 10, rows: 1_000, seed: 17 });
    expect(summary.failures).toEqual([]);
    expect(summary.batchAbsent + summary.batchPresent).toBe(10);
  }, 15 * MINUTES);

  it("4 processes assigning overlapping intake files at once leave every citizen of the union assigned exactly once", async () => {
    const summary = await concurrentBatches({ processes: 4, rows: 600, step: 300 });
    expect(summary).toMatchObject({ citizens: 1_500, assignedRows: 1_500, distinctCitizens: 1_500, verified: true, exitCodes: [0, 0, 0, 0] });
  }, 5 * MINUTES);

  it("a read-only register gives a clear Danish error, exit 1, and stays as it was", async () => {
    const result = await readOnlyRegister();
    expect([result.code, result.unchanged, result.verified]).toEqual([1, true, true]);
    expect(result.stderr).toMatch(/^jobtrial assign: registret .*register\.sqlite kan ikke skrives \(filen eller mappen er skrivebeskyttet\); intet er ændret\. Giv skriveadgang til filen og mappen, eller brug en kopi, du må skrive i\n$/);
  }, 2 * MINUTES);

  it("a full disk (1 MB tmpfs, or SQLite's page limit where mount is not allowed) gives a clear Danish error, exit 1, and leaves the register as it was", async () => {
    const result = await fullDisk(20_000);
    expect([result.code, result.unchanged, result.verified]).toEqual([1, true, true]);
    expect(result.stderr).toMatch(/^jobtrial assign: disken med registret .*register\.sqlite er fuld; batchen er ikke skrevet, og registret er som før\. Frigør plads, og kør igen\n$/);
  }, 2 * MINUTES);

  it("a register of an unknown schema version is refused with the version and what to do, and not changed", async () => {
    const result = await unknownSchemaVersion();
    expect([result.code, result.unchanged, result.stderr]).toEqual([
      1,
      true,
      'jobtrial assign: registret har skemaversion 2; denne jobtrial læser version 1. Registret er ikke ændret; brug den jobtrial-version, der skrev det (se "jobtrial --version"), eller en nyere\n',
    ]);
  }, 2 * MINUTES);

  it.each(["edited", "deleted", "reordered"] as const)("register verify finds a row %s behind the tool's back and exits 1 naming it by sequence number", async (kind) => {
    const result = await tamperedRegister(kind);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/(tildeling|post) 3\b/);
    expect(result.stdout + result.stderr).not.toMatch(/\d{6}-?\d{4}/);
  }, 2 * MINUTES);

  it("problemsOf, the judge of the script .ci/run runs, names every kind of damage and passes a clean run", () => {
    const clean = {
      kills: { kills: 3, batchAbsent: 2, batchPresent: 1, partialStaffLists: 0, failures: [], msPerRun: 1_000 },
      concurrent: { processes: 3, citizens: 600, assignedRows: 600, distinctCitizens: 600, verified: true, exitCodes: [0, 0, 0] },
      refusals: [{ how: "1 MB tmpfs", code: 1, stderr: "jobtrial assign: disken med registret er fuld\n", unchanged: true, verified: true }],
      tampered: [{ kind: "edited", code: 1 }],
    };
    expect(problemsOf(clean)).toEqual([]);
    expect(
      problemsOf({
        kills: { ...clean.kills, batchPresent: 0, failures: ["kill 3: the batch holds 12 of 300 rows"] },
        concurrent: { ...clean.concurrent, assignedRows: 601, exitCodes: [0, 1, 0] },
        refusals: [{ ...clean.refusals[0]!, code: 1, stderr: "jobtrial assign: intern fejl: SQLITE_FULL\n" }, { ...clean.refusals[0]!, how: "read-only", unchanged: false }],
        tampered: [{ kind: "reordered", code: 0 }],
      }),
    ).toEqual([
      "kill 3: the batch holds 12 of 300 rows",
      "kills: a batch was neither wholly absent nor wholly present",
      "concurrent: 601 rows for 600 of 600 citizens, verified true, exit codes 0 1 0",
      "1 MB tmpfs: exit 1, unchanged true: jobtrial assign: intern fejl: SQLITE_FULL",
      "read-only: exit 1, unchanged false: jobtrial assign: disken med registret er fuld",
      "a register with a row reordered passed verify (exit 0)",
    ]);
  });
});
