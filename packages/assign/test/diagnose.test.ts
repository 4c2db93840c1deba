import { describe, expect, it } from "vitest";
import { diagnoseAllocation, type AllocationRow } from "../src/diagnose.ts";
import { expectedInterventionShareForYear } from "../src/rule.ts";
import { type AssignmentRule } from "@jobtrial/core";
import { binomialTestTwoSided } from "@jobtrial/survival";

const rule: AssignmentRule = {
  kind: "day-of-month",
  intervention: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  control: [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31],
};

/** Everyone born on each day of `year` once, in week `week`. */
function calendarCohort(year: number, week: string): AllocationRow[] {
  const rows: AllocationRow[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    const birthDate = new Date(day).toISOString().slice(0, 10);
    rows.push({ birthDate, arm: Number(birthDate.slice(8)) <= 15 ? "intervention" : "control", week });
  }
  return rows;
}

describe("binomialTestTwoSided", () => {
  it("binomialTestTwoSided matches R's binom.test", () => {
    // R: binom.test(682, 925, p = 0.75)$p.value = 0.3824916
    expect(binomialTestTwoSided(682, 925, 0.75)).toBeCloseTo(0.3824916, 6);
    // R: binom.test(10, 10, p = 0.5)$p.value = 0.001953125
    expect(binomialTestTwoSided(10, 10, 0.5)).toBeCloseTo(0.001953125, 9);
    // R: binom.test(7, 20, p = 0.493)$p.value = 0.2641174
    expect(binomialTestTwoSided(7, 20, 0.493)).toBeCloseTo(0.2641174, 6);
    expect(binomialTestTwoSided(0, 0, 0.5)).toBe(1);
  });
});

describe("diagnoseAllocation", () => {
  it("diagnoseAllocation expects 180/365 = 49.3 % for days 1-15, not 50 %, and finds no problem in a full calendar year", async () => {
    const diagnostics = await diagnoseAllocation(calendarCohort(2017, "2017-W01"), rule);
    expect(expectedInterventionShareForYear(rule, 2017)).toBeCloseTo(180 / 365, 12);
    expect([diagnostics.n, diagnostics.cumulative.count, diagnostics.cumulative.pValue, diagnostics.warnings]).toEqual([365, 180, 1, []]);
    expect(diagnostics.cumulative.expectedShare).toBeCloseTo(180 / 365, 12);
    expect(diagnostics.bornFirstOfMonth.intervention).toMatchObject({ count: 12, n: 180 });
    expect(diagnostics.bornFirstOfMonth.intervention.expectedShare).toBeCloseTo(12 / 180, 12);
    expect(diagnostics.bornFirstOfJanuary.control).toMatchObject({ count: 0, n: 185, expectedShare: 0 });
  });

  it("diagnoseAllocation warns about heaping on 1 January and on the 1st, and about an intervention share off the expected one", async () => {
    const rows = [...calendarCohort(1980, "2017-W01"), ...calendarCohort(1981, "2017-W02")];
    for (let index = 0; index < 100; index++) rows.push({ birthDate: "1985-01-01", arm: "intervention", week: "2017-W02" });
    const diagnostics = await diagnoseAllocation(rows, rule);
    expect(diagnostics.warnings.map((warning) => warning.code)).toEqual(["share_off", "week_share_off", "heaping_first_of_month", "heaping_first_of_january"]);
    // The Danish wording carries the same figures as the English, with decimal commas.
    const january = diagnostics.warnings.find((warning) => warning.code === "heaping_first_of_january")!;
    expect(january.messageDa).toMatch(/^indsats: \d+,\d % født 1\. januar mod forventet \d+,\d % \(p = \d,\de-\d+\)/);
    expect(january.message.match(/\d+\.\d %/g)!.map((value) => value.replace(".", ","))).toEqual(january.messageDa.match(/\d+,\d %/g));
    expect(diagnostics.weeks.map((week) => [week.week, week.n, week.count])).toEqual([
      ["2017-W01", 366, 180],
      ["2017-W02", 465, 280],
    ]);
  });

  it("diagnoseAllocation warns when stored arms differ from the configured rule", async () => {
    const diagnostics = await diagnoseAllocation([{ birthDate: "1980-01-20", arm: "intervention", week: "2017-W01" }], rule);
    expect([diagnostics.armMismatches, diagnostics.warnings.map((warning) => warning.code)]).toEqual([1, ["arm_mismatch"]]);
  });

  it("diagnoseAllocation of no rows gives n = 0, the calendar share and no warnings", async () => {
    const diagnostics = await diagnoseAllocation([], rule);
    expect([diagnostics.n, diagnostics.cumulative.share, diagnostics.cumulative.expectedShare, diagnostics.warnings]).toEqual([0, null, 180 / 365, []]);
  });
});
