/**
 * The register's faults (bench/stress/register-faults.ts) in reduced form for
 * the suite: 10 kills of a 1,000-row batch instead of 100 of 20,000, and 4
 * concurrent processes instead of 8. The full run is by hand; its figures are
 * in docs/reliability.md.
 */
import { describe, expect, it } from "vitest";
import { concurrentBatches, fullDisk, killBatches, readOnlyRegister, tamperedRegister, unknownSchemaVersion } from "./register-faults.ts";

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
});
