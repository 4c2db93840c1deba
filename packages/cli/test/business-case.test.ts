import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BusinessCaseSchema } from "@jobtrial/business-case";
import { repoRoot, run } from "./helpers.ts";

const config = "data/esbjerg-2017/trial.json";
const bundledResults = "packages/business-case/test/fixtures/results-trial-days.json";

function resultsFile(change: (results: any) => void): string {
  const results = JSON.parse(readFileSync(join(repoRoot, bundledResults), "utf8"));
  change(results);
  const file = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "results.json");
  writeFileSync(file, JSON.stringify(results));
  return file;
}

describe("jobtrial business-case", () => {
  it("business-case --config on assumptions alone prints a Danish what-if table and exits 0", async () => {
    const result = await run(["business-case", "--config", config]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Hvad-nu-hvis på antagne sparede dage");
    expect(result.stdout).toMatch(/Sparede dage pr\. deltager +9,0 dage +konfigurationens expectations\.daysSaved/);
    expect(result.stdout).toMatch(/I alt 2017-2020 +5\.000\.000 kr\./);
  });

  it("business-case --results --format json writes years with gross, net and intervals, and the break-even", async () => {
    const result = await run(["business-case", "--config", config, "--results", bundledResults, "--format", "json"]);
    expect(result.code).toBe(0);
    const parsed = BusinessCaseSchema.parse(JSON.parse(result.stdout));
    expect(parsed.mode).toBe("measured");
    expect(parsed.years.map((year) => year.year)).toEqual([2017, 2018, 2019, 2020]);
    for (const year of parsed.years.slice(0, 3)) {
      expect(year.netSavings).toBeCloseTo(year.grossSavings - year.cost, 6);
      expect(year.lower).not.toBeNull();
      expect(year.upper).not.toBeNull();
    }
    expect(parsed.breakEvenDaysSaved).toBeGreaterThan(0);
    expect(parsed.sensitivity.length).toBeGreaterThanOrEqual(5);
    expect(parsed.implied.observedParticipantsPerYear).not.toBeNull();
  });

  it("business-case --out file.xlsx writes an overview and one sheet per section: title, frozen header with filter, numbers as numbers", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "business-case.xlsx");
    const result = await run(["business-case", "--config", config, "--results", bundledResults, "--out", out]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 5)).toEqual(["Business case", "Forudsætninger", "Besparelse pr. deltager", "Forenklet beregning", "Uge for uge"]);
    expect(names).toContain("Nettobesparelse pr. år");
    // The overview lists every other sheet with its section's title.
    const overview = workbook.getWorksheet("Business case")!;
    expect(overview.getRow(2).values).toEqual([undefined, "Ark", "Indhold"]);
    expect(overview.getColumn(1).values.slice(3)).toEqual(names.slice(1));
    // The yearly table: its title, the column headers, then 2017 with the cost as a number in kroner.
    const yearly = workbook.getWorksheet("Nettobesparelse pr. år")!;
    expect(String(yearly.getRow(1).getCell(1).value)).toMatch(/^Nettobesparelse pr. år: /);
    expect([yearly.getRow(2).getCell(3).value, yearly.getRow(3).getCell(1).value]).toEqual(["Projektudgift", "2017"]);
    const costCell = yearly.getRow(3).getCell(3);
    expect([costCell.type, costCell.value, costCell.numFmt]).toEqual([ExcelJS.ValueType.Number, 2_500_000, '#,##0 "kr."']);
    expect(yearly.getColumn(1).values).toContain("I alt 2017-2020");
    // Every sheet: the header row (row 2, under the title) frozen in view and filtered.
    for (const sheet of workbook.worksheets) {
      expect([sheet.name, sheet.views[0]?.state, (sheet.views[0] as ExcelJS.WorksheetViewFrozen | undefined)?.ySplit, sheet.autoFilter]).toEqual([sheet.name, "frozen", 2, `A2:${String.fromCharCode(64 + sheet.getRow(2).cellCount)}${sheet.rowCount}`]);
    }
  });

  it("business-case --days-saved=-3 exits 1 with the reason, not a number", async () => {
    const result = await run(["business-case", "--config", config, "--days-saved=-3"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^jobtrial business-case: negative_days_saved: Days saved is -3; give a number of days of 0 or more/);
  });

  it("business-case with results from another trial exits 1 and says which trial", async () => {
    const file = resultsFile((results) => (results.trial.id = "odense-2017"));
    const result = await run(["business-case", "--config", config, "--results", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('results_other_trial: The results are from trial "odense-2017" but the configuration is for "esbjerg-2017"');
  });

  it("business-case with a configuration lacking a rate year the savings reach exits 1 with the year", async () => {
    const raw = JSON.parse(readFileSync(join(repoRoot, config), "utf8"));
    raw.money.years = raw.money.years.filter((year: { year: number }) => year.year <= 2018);
    const file = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "trial.json");
    writeFileSync(file, JSON.stringify(raw));
    const result = await run(["business-case", "--config", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("rate_year_missing: Saved days fall in 2019, but money.years in the configuration has no entry for 2019");
  });

  it("business-case --format xlsx without --out is a usage error (exit 2)", async () => {
    const result = await run(["business-case", "--config", config, "--format", "xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--format xlsx needs --out <file.xlsx>");
  });
});
