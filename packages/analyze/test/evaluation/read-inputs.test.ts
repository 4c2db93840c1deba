import { describe, expect, it } from "vitest";
import { readCohortTable, readConversationTable, readSpellTable } from "../../src/evaluation/read-inputs.ts";
import { readInputTable } from "../../src/evaluation/table.ts";
import { binomialTestTwoSided } from "@jobtrial/survival";
import { welchDifference } from "../../src/evaluation/two-group.ts";
import { suppressGroup } from "../../src/evaluation/suppress.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const cohort = new Set(["p1", "p2"]);

describe("readSpellTable", () => {
  it("readSpellTable(Danish headers, BOM, semicolons) reads spells and normalizes the exit state", () => {
    const table = readInputTable(encode("\uFEFFpseudonym;Forløbsstart;Forløbsslut;Afgangsårsag\r\np1;2017-01-02;2017-02-07;selvforsørgelse\r\np2;02.01.2017;;\r\n"), "spells.csv");
    const result = readSpellTable(table, { cohort });
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      { pseudonym: "p1", start: "2017-01-02", end: "2017-02-07", exitState: "self-support", censorReason: null },
      { pseudonym: "p2", start: "2017-01-02", end: null, exitState: null, censorReason: null },
    ]);
  });

  it("readSpellTable(English headers, commas) reports every bad row with file, row, column and fix", () => {
    const table = readInputTable(encode("pseudonym,start,end,exit\np1,2017-01-02,2016-12-01,job\np2,not a date,,\np3,2017-01-02,,\n"), "spells.csv");
    const result = readSpellTable(table, { cohort });
    expect(result.problems.map((problem) => [problem.file, problem.row, problem.column, problem.code])).toEqual([
      ["spells.csv", 2, "end", "spell_end_before_start"],
      ["spells.csv", 3, "start", "date_invalid"],
    ]);
    expect(result.problems.every((problem) => problem.fix.length > 0)).toBe(true);
    expect(result.outsideCohort).toBe(1);
  });

  it("readSpellTable(CPR column without a key) is one problem for the whole file and never quotes the CPR", () => {
    const table = readInputTable(encode("CPR-nummer;Forløbsstart;Forløbsslut;Afgangsårsag\n070761-4285;2017-01-02;;\n"), "spells.csv");
    const result = readSpellTable(table, { cohort });
    expect(result.problems.map((problem) => problem.code)).toEqual(["cpr_without_key"]);
    expect(JSON.stringify(result.problems)).not.toContain("070761");
  });

  it("readSpellTable(CPR column with a key) keeps only the pseudonym", () => {
    const table = readInputTable(encode("CPR-nummer;Forløbsstart;Forløbsslut;Afgangsårsag\n070761-4285;2017-01-02;;\n"), "spells.csv");
    const result = readSpellTable(table, { cohort: new Set(["pseudo-0707614285"]), pseudonymize: (digits) => `pseudo-${digits}` });
    expect(result.rows.map((row) => row.pseudonym)).toEqual(["pseudo-0707614285"]);
  });
});

describe("readCohortTable and readConversationTable", () => {
  it("readCohortTable(register export) reads flags and keeps other columns as covariates", () => {
    const text = "pseudonym;arm;week;batch_id;first_unemployment_day;age_at_entry;sex;industry_group;education;born_1_january;replacement_number\np1;intervention;2017-W01;B0001;2017-01-02;41;female;Team LVU;LVU;1;0\n";
    const result = readCohortTable(readInputTable(encode(text), "cohort.csv"));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ pseudonym: "p1", arm: "intervention", ageAtEntry: 41, bornFirstJanuary: true, replacementNumber: false, covariates: { education: "LVU" } });
  });

  it("readConversationTable(unknown status) names the row and column", () => {
    const text = "pseudonym;Planlagt uge;Dato;Rådgiver;Status\np1;4;2017-01-27;R01;afholdt\np1;6;2017-02-10;R01;maybe\n";
    const result = readConversationTable(readInputTable(encode(text), "log.csv"), { cohort });
    expect(result.rows).toHaveLength(1);
    expect(result.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([[3, "Status", "status_invalid"]]);
  });
});

describe("small helpers", () => {
  it("binomialTestTwoSided(7, 20, 0.5), the allocation check's test, matches R's binom.test", () => {
    // R: binom.test(7, 20, 0.5)$p.value = 0.2631760
    expect(binomialTestTwoSided(7, 20, 0.5)).toBeCloseTo(0.263176, 6);
  });

  it("welchDifference(a, b) is mean(a) - mean(b) with se sqrt(var_a/n_a + var_b/n_b)", () => {
    // a: mean 2, var 1; b: mean 5, var 4 -> se = sqrt(1/3 + 4/3)
    const result = welchDifference([1, 2, 3], [3, 5, 7]);
    expect(result.estimate).toBe(-3);
    expect(result.se).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it("suppressGroup(counts) suppresses a second cell when one alone could be recovered from the total", () => {
    expect(suppressGroup([120, 3, 40, 9], 5)).toEqual([120, null, 40, null]);
    expect(suppressGroup([120, 3, 1], 5)).toEqual([120, null, null]);
    expect(suppressGroup([120, 3], 5, new Set([0]))).toEqual([null, null]);
  });
});
