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
    // 2020 is reached by no saved day of the 2017-2018 entrants: "ikke estimeret", never "0 kr." with an interval of 0 to 0
    expect(result.stdout).toMatch(/\n2020 +0 +0 kr\. +ikke estimeret +- +ikke estimeret +- +- +-\n/);
  });

  it("business-case --results --format json writes years with gross, net and intervals, and the break-even", async () => {
    const result = await run(["business-case", "--config", config, "--results", bundledResults, "--format", "json"]);
    expect(result.code).toBe(0);
    const parsed = BusinessCaseSchema.parse(JSON.parse(result.stdout));
    expect(parsed.mode).toBe("measured");
    expect(parsed.years.map((year) => year.year)).toEqual([2017, 2018, 2019, 2020]);
    for (const year of parsed.years.slice(0, 3)) {
      expect(year.netSavings!).toBeCloseTo(year.grossSavings! - year.cost, 6);
      expect(year.lower).not.toBeNull();
      expect(year.upper).not.toBeNull();
    }
    expect(parsed.breakEvenDaysSaved).toBeGreaterThan(0);
    expect(parsed.sensitivity.length).toBeGreaterThanOrEqual(5);
    expect(parsed.implied.observedParticipantsPerYear).not.toBeNull();
    expect(parsed.years[3]).toMatchObject({ year: 2020, grossSavings: null, netSavings: null, lower: null, upper: null, notEstimated: "ingen sparede dage inden for horisonten på 364 dage falder i 2020" });
  });

  it("business-case --out file.xlsx writes an overview and one sheet per section: title, frozen header with filter, numbers as numbers", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "business-case.xlsx");
    const result = await run(["business-case", "--config", config, "--results", bundledResults, "--out", out]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 6)).toEqual(["Business case", "Et år i drift", "Forudsætninger", "Besparelse pr. deltager", "Forenklet beregning", "Uge for uge"]);
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

  it("business-case --days-saved=-3 exits 1 with the reason in Danish, without the raw code", async () => {
    const result = await run(["business-case", "--config", config, "--days-saved=-3"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^jobtrial business-case: Sparede dage er -3; angiv et antal dage på 0 eller mere/);
    expect(result.stderr).not.toContain("negative_days_saved");
  });

  it("business-case --days-saved=-3 --lang en gives the reason in English", async () => {
    const result = await run(["business-case", "--config", config, "--days-saved=-3", "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("jobtrial business-case: Days saved is -3; give a number of days of 0 or more (a what-if with a harmful effect is not supported; use the measured results instead).\n");
  });

  it("business-case with results from another trial exits 1 and says which trial", async () => {
    const file = resultsFile((results) => (results.trial.id = "odense-2017"));
    const result = await run(["business-case", "--config", config, "--results", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('jobtrial business-case: Resultaterne er fra forsøget "odense-2017", men konfigurationen er for "esbjerg-2017"');
    expect(result.stderr).toMatch(/\(\S+results\.json\)\n$/);
  });

  it("business-case with a configuration lacking a rate year the savings reach exits 1 with the year", async () => {
    const raw = JSON.parse(readFileSync(join(repoRoot, config), "utf8"));
    raw.money.years = raw.money.years.filter((year: { year: number }) => year.year <= 2018);
    const file = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "trial.json");
    writeFileSync(file, JSON.stringify(raw));
    const result = await run(["business-case", "--config", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("jobtrial business-case: Sparede dage falder i 2019, men money.years i konfigurationen har ingen post for 2019");
  });

  it("business-case --format xlsx without --out is a usage error (exit 2), in Danish and with --lang en in English", async () => {
    const result = await run(["business-case", "--config", config, "--format", "xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("jobtrial business-case: --format xlsx kræver --out <fil.xlsx>");
    const english = await run(["business-case", "--config", config, "--format", "xlsx", "--lang", "en"]);
    expect(english.stderr).toContain("jobtrial business-case: --format xlsx needs --out <file.xlsx>");
  });

  it("business-case with a results file that does not exist says so in Danish", async () => {
    const result = await run(["business-case", "--config", config, "--results", "no/such/results.json"]);
    expect([result.code, result.stderr]).toEqual([1, "jobtrial business-case: no/such/results.json: filen findes ikke; kontroller stien.\n"]);
  });

  describe("at an early look, when the horizon is beyond today's follow-up", () => {
    /** The bundled results as an early look sees them: control followed to day 189, intervention to day 182, tau 364. */
    const early = () =>
      resultsFile((results) => {
        results.km.control = results.km.control.filter((row: { time: number }) => row.time <= 189);
        results.km.intervention = results.km.intervention.filter((row: { time: number }) => row.time <= 182);
        results.daysSaved = { estimate: null, se: null, lower: null, upper: null, tau: 364 };
      });

    it("business-case answers at the longest horizon with data in both arms and says so in Danish, with the what-if", async () => {
      const result = await run(["business-case", "--config", config, "--results", early()]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        "Tidligt kig: opfølgningen rækker endnu ikke til horisonten på 364 dage (sidste tid med data: kontrolgruppen 189 dage, indsatsgruppen 182 dage). Business casen er derfor beregnet ved den længste horisont med data i begge grupper, 182 dage; sparede dage efter dag 182 er ikke med. Et hvad-nu-hvis over 364 dage: kør uden --results med --days-saved <dage> (fx --days-saved 9, projektets forventning).\n",
      );
      expect(result.stdout).toContain("Tidligt kig: beregnet ved 182 dage, den længste horisont med data i begge grupper (results.json: 364 dage); se noterne.");
      expect(result.stdout).toMatch(/Sparede dage pr\. deltager +3,1 dage +målt: forskel i restricted mean \(kontrol - indsats\) op til 182 dage/);
    });

    it("business-case --lang en tells the early look in English", async () => {
      const result = await run(["business-case", "--config", config, "--results", early(), "--lang", "en", "--format", "json"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^Early look: follow-up does not yet reach the horizon of 364 days .* computed at the longest horizon with data in both arms, 182 days; .*--days-saved <days>/);
      const parsed = BusinessCaseSchema.parse(JSON.parse(result.stdout));
      expect([parsed.horizonDays, parsed.horizonShortened]).toEqual([182, { requestedDays: 364, lastFollowUpDays: { control: 189, intervention: 182 } }]);
    });

    it("business-case --horizon beyond the follow-up exits 1 naming the longest horizon and the what-if, without the raw code", async () => {
      const result = await run(["business-case", "--config", config, "--results", early(), "--horizon", "364"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        "jobtrial business-case: Horisonten på 364 dage ligger ud over den sidste opfølgningstid i indsatsgruppen (182 dage), hvor kurverne er ukendte; vælg --horizon 182 eller kortere (den længste horisont med data i begge grupper), eller lav et hvad-nu-hvis med --days-saved <dage> uden --results.\n",
      );
    });
  });

  describe("a year of the programme in operation", () => {
    /**
     * The bundled results with weekly intake (30 + 30 a week through 2017, 40 + 40 a week in
     * 2018-W01..W08, extracted 1 March 2018) and the benefit panel's expenditure saved per
     * citizen: 1,000 kr. (SE 500) at 364 days.
     */
    const panel = () =>
      resultsFile((results) => {
        const byWeek = [];
        for (let week = 1; week <= 52; week++) byWeek.push({ week: `2017-W${String(week).padStart(2, "0")}`, control: 30, intervention: 30 });
        for (let week = 1; week <= 8; week++) byWeek.push({ week: `2018-W0${week}`, control: 40, intervention: 40 });
        results.intake = { byYear: [{ year: 2017, control: 1560, intervention: 1560 }, { year: 2018, control: 320, intervention: 320 }], byWeek };
        results.asOf = "2018-03-01";
        results.daysToFirstExit = { ...results.daysSaved };
        results.daysSaved = { ...results.daysSaved, estimate: 2.5, measure: "days-on-benefit" };
        results.expenditure = { currency: "DKK", byHorizon: [{ tau: 364, saving: { estimate: 1000, se: 500 } }], saving: { estimate: 1000, se: 500, tau: 364 }, method: "IPCW" };
      });

    it("business-case --format json leads with the year of operation: 2018 projected from its 8 weeks with 2017's pattern, the weeks apart", async () => {
      const result = await run(["business-case", "--config", config, "--results", panel(), "--format", "json"]);
      expect(result.code).toBe(0);
      const parsed = BusinessCaseSchema.parse(JSON.parse(result.stdout));
      expect(Object.keys(JSON.parse(result.stdout)).indexOf("yearly")).toBeLessThan(Object.keys(JSON.parse(result.stdout)).indexOf("years"));
      const yearly = parsed.yearly!;
      // 320 entrants in weeks 1-8; 2017 had 8 x 60 = 480 of its 3,120 in those weeks: 320 x 3120 / 480 = 2,080
      expect([yearly.year, yearly.intake.method, yearly.intake.observed, yearly.intake.observedWeeks.length, yearly.intake.projectedWeeks.length]).toEqual([2018, "seasonal", 320, 8, 44]);
      expect(yearly.intake.value).toBeCloseTo(2080, 9);
      expect(yearly.intake.weeks.filter((week) => week.kind === "observed").map((week) => week.participants)).toEqual([40, 40, 40, 40, 40, 40, 40, 40]);
      // net = 2,080 x 1,000 - 2,500,000 = -420,000
      expect(yearly.savingPerParticipant).toMatchObject({ estimate: 1000, se: 500, source: "expenditure", tau: 364 });
      expect(yearly.netSavings).toBeCloseTo(-420_000, 6);
      expect(parsed.savingBasis).toBe("expenditure");
    });

    it("business-case prints the year of operation first, counted and projected weeks apart, and --year picks another year", async () => {
      const result = await run(["business-case", "--config", config, "--results", panel()]);
      expect(result.code).toBe(0);
      const lines = result.stdout.split("\n");
      expect(lines[1]).toMatch(/^Et år i drift \(2018\): nettobesparelse -420\.000 kr\. \(95 % KI -[\d.]+ kr\. til [\d.]+ kr\.; P\(netto > 0\) \d+ %, normalapproksimation\)\.$/);
      expect(result.stdout).toMatch(/\n {2}heraf talt i registret, uge 1-8 af 2018 +320\n/);
      expect(result.stdout).toMatch(/\n {2}heraf fremskrevet, uge 9-52 af 2018 \(sæsonmønster fra 2017\) +1\.760\n/);
      expect(result.stdout).toMatch(/\n2018-W08 +talt +40\n2018-W09 +fremskrevet +40,0\n/);
      const chosen = await run(["business-case", "--config", config, "--results", panel(), "--year", "2017", "--format", "json"]);
      const yearly = BusinessCaseSchema.parse(JSON.parse(chosen.stdout)).yearly!;
      expect([yearly.year, yearly.intake.value, yearly.intake.uncertainty, yearly.netSavings]).toEqual([2017, 1560, "known", 1560 * 1000 - 2_500_000]);
    });

    it("business-case --out file.xlsx puts the year of operation and its weeks first", async () => {
      const out = join(mkdtempSync(join(tmpdir(), "jobtrial-bc-")), "business-case.xlsx");
      expect((await run(["business-case", "--config", config, "--results", panel(), "--out", out])).code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual(["Business case", "Et år i drift", "Indtag uge for uge"]);
      const weeks = workbook.getWorksheet("Indtag uge for uge")!;
      expect([weeks.getRow(3).values, weeks.getRow(11).getCell(2).value]).toEqual([[undefined, "2018-W01", "talt", 40], "fremskrevet"]);
      const net = workbook.getWorksheet("Et år i drift")!.getColumn(1).values.indexOf("Nettobesparelse");
      expect(workbook.getWorksheet("Et år i drift")!.getRow(net).getCell(2).value).toBeCloseTo(-420_000, 6);
    });
  });
});
