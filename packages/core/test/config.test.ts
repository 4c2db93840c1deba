import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canonicalJson, checkTrialConfig, configHash, jsonPath, loadTrialConfig, type ConfigProblem } from "../src/config-file.ts";
import { namesDirectIdentifier, trialCovariates } from "../src/config.ts";

const bundledPath = fileURLToPath(new URL("../../../data/esbjerg-2017/trial.json", import.meta.url));
const bundled = (): Record<string, any> => JSON.parse(readFileSync(bundledPath, "utf8"));

function problemsOf(mutate: (config: Record<string, any>) => void): ConfigProblem[] {
  const config = bundled();
  mutate(config);
  const result = checkTrialConfig(config);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("checkTrialConfig", () => {
  it("accepts the bundled trial and fills in defaults", () => {
    const result = loadTrialConfig(bundledPath);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.assignment.rule).toEqual({
      kind: "day-of-month",
      intervention: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
      control: [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31],
    });
    expect(result.config.protocol.intervention.map((conversation) => conversation.week)).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(result.config.protocol.control).toHaveLength(6);
    expect(result.config.protocol.intervention.reduce((sum, conversation) => sum + conversation.minutes, 0)).toBe(4 * 45 + 7 * 30);
    expect(result.config.money.years.find((year) => year.year === 2017)?.maxDailyBenefit).toBe(849);
    expect(result.config.money.years.find((year) => year.year === 2018)?.maxDailyBenefit).toBe(860);
    expect(result.config.disclosure.minCellSize).toBe(5);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fills documented defaults when optional fields are left out", () => {
    const result = checkTrialConfig(
      (() => {
        const config = bundled();
        delete config.disclosure.minCellSize;
        delete config.evaluation.primaryHorizonDays;
        delete config.money.netRegionalGrant;
        return config;
      })(),
    );
    expect(result.ok && [result.config.disclosure.minCellSize, result.config.evaluation.primaryHorizonDays, result.config.money.netRegionalGrant]).toEqual([5, 364, false]);
  });

  it("names the JSON path of a value of the wrong type", () => {
    expect(problemsOf((config) => (config.budget.years[0].dkk = "2.500.000"))).toEqual([
      { path: "$.budget.years[0].dkk", message: "has the wrong type: expected number, got a string" },
    ]);
  });

  it("names a missing field and how to add it", () => {
    expect(problemsOf((config) => delete config.assignment.personGroupMarker)).toEqual([
      { path: "$.assignment.personGroupMarker", message: "is missing; add it (expected string)" },
    ]);
  });

  it("rejects an unknown rule kind with the kinds it knows", () => {
    expect(problemsOf((config) => (config.assignment.rule = { kind: "lottery" }))).toEqual([
      { path: "$.assignment.rule.kind", message: 'unknown rule kind: use "day-of-month", "parity" or "birthday-list"' },
    ]);
  });

  it("rejects day sets that overlap, naming the day and where it already is", () => {
    expect(problemsOf((config) => config.assignment.rule.control.unshift(15))).toEqual([
      { path: "$.assignment.rule.control[0]", message: "day 15 is already in intervention; each day of the month belongs to exactly one arm" },
    ]);
  });

  it("rejects day sets that leave days out", () => {
    expect(problemsOf((config) => (config.assignment.rule.control = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]))).toEqual([
      { path: "$.assignment.rule", message: 'days 31 are in neither arm; add each to "intervention" or "control"' },
    ]);
  });

  it("rejects a co-financing share above 100 %", () => {
    expect(problemsOf((config) => (config.money.years[1].cofinancing[1].share = 60))).toEqual([
      { path: "$.money.years[1].cofinancing[1].share", message: "must be at most 1 (100 %); write 60 % as 0.6" },
    ]);
  });

  it("rejects a budget year outside the project period", () => {
    expect(problemsOf((config) => config.budget.years.push({ year: 2019, dkk: 2_500_000 }))).toEqual([
      { path: "$.budget.years[2].year", message: "year 2019 is outside the project period 2017-01-01 to 2019-01-01; use 2017-2018 or change projectPeriod" },
    ]);
  });

  it("rejects a project year without a benefit rate", () => {
    expect(problemsOf((config) => (config.money.years = config.money.years.filter((year: { year: number }) => year.year !== 2018)))).toEqual([
      { path: "$.money.years", message: "has no entry for 2018, a year of the project period; add its benefit rate and co-financing" },
    ]);
  });

  it("rejects an impossible calendar date", () => {
    expect(problemsOf((config) => (config.evaluation.date = "2018-02-30"))).toEqual([
      { path: "$.evaluation.date", message: 'must be a calendar date written "YYYY-MM-DD", for example "2017-01-01"' },
    ]);
  });

  it("rejects a minimum cell size below 3", () => {
    expect(problemsOf((config) => (config.disclosure.minCellSize = 2))).toEqual([
      { path: "$.disclosure.minCellSize", message: "must be at least 3 (Statistics Denmark never allows cells under 3)" },
    ]);
  });

  it("rejects co-financing steps out of week order", () => {
    expect(problemsOf((config) => (config.money.years[0].cofinancing[2].fromWeek = 5))).toEqual([
      { path: "$.money.years[0].cofinancing[2].fromWeek", message: "must be after the previous step's week 5; list steps in increasing week order" },
    ]);
  });

  it("rejects an unknown field so a misspelling is not silently ignored", () => {
    expect(problemsOf((config) => (config.evaluation.dato = "2018-03-01"))).toEqual([
      { path: "$.evaluation", message: 'unknown field "dato"; remove or correct the spelling' },
    ]);
  });

  it("lists every problem at once, not only the first", () => {
    const problems = problemsOf((config) => {
      config.budget.years[0].dkk = -1;
      config.money.years[0].cofinancing[0].share = 1.5;
      config.assignment.rule.intervention.push(16);
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "$.assignment.rule.control[0]",
      "$.budget.years[0].dkk",
      "$.money.years[0].cofinancing[0].share",
    ]);
  });
});

describe("loadTrialConfig", () => {
  it("reports a missing file and invalid JSON as problems at $", () => {
    expect(loadTrialConfig("/nonexistent/trial.json")).toEqual({ ok: false, file: "/nonexistent/trial.json", problems: [{ path: "$", message: "file not found; check the path" }] });
  });
});

describe("configHash", () => {
  it("does not depend on key order", () => {
    const a = checkTrialConfig(bundled());
    const reordered = Object.fromEntries(Object.entries(bundled()).reverse());
    const b = checkTrialConfig(reordered);
    expect(a.ok && b.ok && configHash(a.config) === configHash(b.config)).toBe(true);
  });
});

describe("jsonPath", () => {
  it("writes indices in brackets and odd keys quoted", () => {
    expect(jsonPath(["money", "years", 0, "co-financing"])).toBe('$.money.years[0]["co-financing"]');
  });
});

describe("intake.covariates", () => {
  it("left out means the covariates known today, and the configuration's hash is the one it had before the field existed", () => {
    const result = checkTrialConfig(bundled());
    expect(result.ok && [result.config.intake.covariates, trialCovariates(result.config).map((covariate) => covariate.name)]).toEqual([undefined, ["unemployment_fund", "education", "origin"]]);
    // No default is filled in, so the hash (recorded with every batch and result) stays what it was before the field existed.
    expect(result.ok && canonicalJson(result.config).includes("covariates")).toBe(false);
  });

  it("a declared list replaces the default, and [] declares none", () => {
    const declared = checkTrialConfig({ ...bundled(), intake: { ...bundled().intake, covariates: [{ name: "kommune", headers: ["Kommune", "Bopælskommune"] }] } });
    const none = checkTrialConfig({ ...bundled(), intake: { ...bundled().intake, covariates: [] } });
    expect([declared.ok && trialCovariates(declared.config), none.ok && trialCovariates(none.config)]).toEqual([[{ name: "kommune", headers: ["Kommune", "Bopælskommune"] }], []]);
  });

  it("refuses a covariate that names a direct identifier, a name used twice or by the cohort export, and a header of two covariates", () => {
    const problems = problemsOf((config) => {
      config.intake.covariates = [
        { name: "education", headers: ["Uddannelse"] },
        { name: "education", headers: ["Uddannelsesniveau"] },
        { name: "kommune", headers: ["Borgerens navn", "uddannelse"] },
        { name: "remark", headers: ["Kommentar"] },
        { name: "sex", headers: ["Køn"] },
      ];
    });
    const identifier = "names a direct identifier (name, address, phone, e-mail, free-text remark or CPR number); such a column goes to the staff list only and is never a covariate";
    expect(problems).toEqual([
      { path: "$.intake.covariates[1].name", message: 'covariate "education" is declared twice' },
      { path: "$.intake.covariates[2].headers[0]", message: identifier },
      { path: "$.intake.covariates[2].headers[1]", message: 'is also a header of covariate "education"; a header can mean one covariate only' },
      { path: "$.intake.covariates[3].name", message: identifier },
      { path: "$.intake.covariates[3].headers[0]", message: identifier },
      { path: "$.intake.covariates[4].name", message: '"sex" is a column of the cohort export itself; give the covariate another name' },
    ]);
  });
});

describe("namesDirectIdentifier", () => {
  it("finds names, addresses, phone numbers, e-mail, free-text remarks and CPR numbers in Danish and English headers, compounds included", () => {
    const identifiers = [
      "Navn", "Fornavn", "Efternavn", "Borgernavn", "Borgers navn", "Fulde navn", "Name", "First name", "Surname",
      "Adresse", "Hjemmeadresse", "Address", "Telefon", "Telefonnummer", "Tlf.", "Tlf.nr", "Mobil", "Mobilnummer", "Phone",
      "E-mail", "Email", "Mail", "Mailadresse", "Bemærkning", "Bemærkninger", "Kommentar", "Note", "Noter", "Notat", "Fritekst",
      "Free text", "Remark", "Comments", "CPR-nummer", "CPR partner", "Personnummer",
    ];
    const covariatesAndOutcomes = [
      "Uddannelse", "A-kasse", "Herkomst", "Kommune", "Branchegruppe", "Første ledighedsdag", "Forløbsstart", "Afgangsårsag",
      "År-uge", "Ydelseskode", "Planlagt uge", "Samtaletype", "Rådgiver", "Status", "Ansøgninger", "Egen praktik eller løntilskud",
      "Vurdering", "pseudonym", "Geografisk mobilitet", "Notification week", "born_first_of_month", "age_at_entry",
    ];
    expect([identifiers.filter((header) => !namesDirectIdentifier(header)), covariatesAndOutcomes.filter(namesDirectIdentifier)]).toEqual([[], []]);
  });
});
