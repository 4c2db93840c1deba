import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.ts";

// The shared case as copied into the survival package's fixtures; readFileSync throws
// (the test fails) when it is missing.
const expected = JSON.parse(readFileSync(join(repoRoot, "packages/survival/test/fixtures/conformance/group_sequential/expected.json"), "utf8"));

/** The command line for each design of the case, from its R call (rpact 3.3.4). */
const designs: Record<string, string[]> = {
  // getDesignGroupSequential(kMax = 4, alpha = 0.05, sided = 2, typeOfDesign = 'asOF', informationRates = c(0.25, 0.5, 0.75, 1))
  obf_two_sided_4: ["--information", "0.25,0.5,0.75,1", "--alpha", "0.05", "--sided", "2", "--spending", "obrien-fleming"],
  // getDesignGroupSequential(kMax = 5, alpha = 0.05, sided = 2, typeOfDesign = 'asOF', informationRates = c(0.18, 0.41, 0.63, 0.86, 1))
  obf_two_sided_uneven: ["--information", "0.18,0.41,0.63,0.86,1", "--alpha", "0.05", "--sided", "2"],
  // getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = 'asOF', informationRates = c(0.4, 0.7, 1))
  obf_one_sided_3: ["--information", "0.4,0.7,1", "--alpha", "0.025", "--sided", "1"],
};

function expectWithin(actual: number[], reference: number[], tolerance: number, label: string): void {
  expect(actual.length, label).toBe(reference.length);
  actual.forEach((value, index) => {
    expect(Math.abs(value - reference[index]!), `${label}[${index}]: ${value} vs rpact ${reference[index]}`).toBeLessThanOrEqual(tolerance);
  });
}

const monitor = (...args: string[]) => run(["monitor", "boundaries", ...args]);

describe("jobtrial monitor boundaries", () => {
  it("covers every design of the group_sequential case", () => {
    expect(Object.keys(designs).sort()).toEqual(Object.keys(expected.designs).sort());
  });

  it.each(Object.keys(designs))("--format json agrees with rpact on %s (critical values 1e-5, alpha spent and stage levels 1e-7)", async (name) => {
    const result = await monitor(...designs[name]!, "--format", "json");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["criticalValues", "alphaSpent", "stageLevels"]);
    const reference = expected.designs[name];
    expectWithin(json.criticalValues, reference.criticalValues, 1e-5, "criticalValues");
    expectWithin(json.alphaSpent, reference.alphaSpent, 1e-7, "alphaSpent");
    expectWithin(json.stageLevels, reference.stageLevels, 1e-7, "stageLevels");
  });

  it("prints a Danish table by default", async () => {
    const result = await monitor("--information", "0.25,0.5,0.75,1");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Gruppesekventielle grænser: Lan-DeMets alfaforbrug af O'Brien-Fleming-type, alfa 0,05 tosidet, 4 analyser

      analyse  informationsandel  kritisk værdi (z)  nominelt niveau (ensidet)  nominelt p (tosidet)  brugt alfa i alt
            1               0,25             4,3326                  0,0000074              0,000015          0,000015
            2               0,50             2,9631                     0,0015                0,0030            0,0031
            3               0,75             2,3590                     0,0092                0,0183            0,0193
            4               1,00             2,0141                     0,0220                0,0440            0,0500

      Forkast nulhypotesen ved analyse k, når |z| ≥ den kritiske værdi (det nominelle tosidede p er højst niveauet). En streg: grænsen kan ikke nås.
      "
    `);
  });

  it("prints an English table with --lang en (Pocock type, one-sided)", async () => {
    const result = await monitor("--information", "0.25,0.5,0.75,1", "--spending", "pocock", "--sided", "1", "--alpha", "0.025", "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Group-sequential boundaries: Lan-DeMets alpha spending of Pocock type, alpha 0.025 one-sided, 4 looks

      look  information fraction  critical value (z)  nominal level (one-sided)  alpha spent so far
         1                  0.25              2.3683                     0.0089              0.0089
         2                  0.50              2.3675                     0.0090              0.0155
         3                  0.75              2.3582                     0.0092              0.0207
         4                  1.00              2.3500                     0.0094              0.0250

      Reject the null hypothesis at look k when z >= the critical value. A dash: the boundary cannot be reached.
      "
    `);
  });

  it.each([
    [["--information", "0.5,0.25,1"], "--information: Informationsandel nr. 2 (0.25) er ikke større end nr. 1 (0.5); andelene skal stige fra analyse til analyse, fx 0.25,0.5,0.75,1."],
    [["--information", "0,0.5,1"], "--information: Informationsandel nr. 1 er 0, men skal være et tal større end 0 og højst 1 (observeret information over den forventede ved slutanalysen); brug punktum som decimaltegn, fx 0.25."],
    [["--information", "0.5,1.2"], "--information: Informationsandel nr. 2 er 1.2, men skal være et tal større end 0 og højst 1 (observeret information over den forventede ved slutanalysen); brug punktum som decimaltegn, fx 0.25."],
    [["--information", "0.5,abc,1"], '--information: værdi nr. 2 "abc" er ikke et tal; brug punktum som decimaltegn og komma mellem andelene, fx 0.25,0.5,0.75,1'],
    [["--information", "0.5;1"], '--information: værdi nr. 1 "0.5;1" er ikke et tal; brug punktum som decimaltegn og komma mellem andelene, fx 0.25,0.5,0.75,1'],
    [["--information", "0.5,,1"], "--information: værdi nr. 2 er tom; brug punktum som decimaltegn og komma mellem andelene, fx 0.25,0.5,0.75,1"],
    // Danish decimal commas split into other numbers; the first, 0, is out of range and the message says to use points.
    [["--information", "0,25,0,5,0,75,1"], "--information: Informationsandel nr. 1 er 0, men skal være et tal større end 0 og højst 1 (observeret information over den forventede ved slutanalysen); brug punktum som decimaltegn, fx 0.25."],
    [["--information", "0.5,1", "--alpha", "1.5"], "--alpha: Signifikansniveauet alfa er 1.5, men skal ligge strengt mellem 0 og 1, fx 0.05."],
    [["--information", "0.5,1", "--alpha", "0"], "--alpha: Signifikansniveauet alfa er 0, men skal ligge strengt mellem 0 og 1, fx 0.05."],
    [["--information", "0.5,1", "--spending", "haybittle"], '--spending: Ukendt forbrugsfunktion "haybittle"; brug obrien-fleming eller pocock.'],
    [["--information", "0.5,1", "--sided", "3"], '--sided: Antal sider er "3", men skal være 1 (ensidet test) eller 2 (tosidet test).'],
    [["--alpha", "0.05"], "--information mangler; angiv informationsandelene, fx --information 0.25,0.5,0.75,1"],
  ])("%j is a usage error (exit 2) that says what to fix, in Danish", async (args, message) => {
    const result = await monitor(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(`jobtrial monitor boundaries: ${message}`);
  });

  it("says it in English with --lang en", async () => {
    const result = await monitor("--information", "0.25,0.75,0.5", "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "jobtrial monitor boundaries: --information: Information fraction no. 3 (0.5) is not greater than no. 2 (0.75); the fractions must increase from look to look, e.g. 0.25,0.5,0.75,1.",
    );
  });
});
