import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "./helpers.ts";
import { makeReportFixtures } from "./make-results-fixture.ts";

const REGENERATE = "the fixture is stale: run `npx tsx packages/report/test/make-results-fixture.ts`, then `UPDATE_GOLDEN=1 npx vitest run packages/report/test/chart-specs.test.ts`, and read both diffs";

describe("the report's fixture", () => {
  // The report's tests (and the golden specs) rest on what analyze and the business case
  // really produce: the committed files must be exactly what the packages make today.
  const made = makeReportFixtures();

  it("results.json is evaluateTrial's results for the seeded simulated trial, byte for byte", () => {
    expect(JSON.stringify(made.results, null, 2) + "\n", REGENERATE).toBe(readFileSync(fixturePath("results.json"), "utf8"));
  });

  it("business-case.json is businessCase's answer for those results, byte for byte", () => {
    expect(JSON.stringify(made.businessCase, null, 2) + "\n", REGENERATE).toBe(readFileSync(fixturePath("business-case.json"), "utf8"));
  });

  it("exercises what the report must show: every arm analysed, suppressed flow cells, a heaping alert, a subgroup without estimate, advisors", () => {
    const { flow, allocation, subgroups, process } = made.results;
    expect([flow.analysed.control, flow.analysed.intervention].every((n) => n !== null && n > 300)).toBe(true);
    expect(flow.voided).toEqual({ control: null, intervention: null });
    // The voided cells (1-4) are hidden, so their complement is too: the smallest other
    // cell of the group that adds up to assigned (7 and 6 without outcome data).
    expect(flow.excluded.find((reason) => reason.code === "no-outcome-data")).toMatchObject({ control: null, intervention: null });
    expect(allocation.alerts?.map((alert) => alert.code)).toContain("heaping-january-1");
    expect(subgroups.some((subgroup) => subgroup.groups.some((group) => group.daysSaved === null))).toBe(true);
    expect(process?.perAdvisor.length).toBeGreaterThan(10);
  });

  it("exercises the paths, monitoring and sensitivity the report leads with: days on A-dagpenge from the benefit panel, analysed and future looks, every sensitivity row, a year of operation", () => {
    const { daysSaved, paths, expenditure, monitoring, sensitivity, daysToFirstExit } = made.results;
    expect(daysSaved.measure).toBe("days-on-benefit");
    expect(daysToFirstExit?.estimate).not.toBeNull();
    expect(paths?.whereTheDaysWent.map((entry) => entry.state)).toEqual(["sickness", "cash", "education", "job"]);
    expect(expenditure?.saving.estimate).not.toBeNull();
    expect(new Set(monitoring?.looks.map((look) => look.status))).toEqual(new Set(["not-estimable", "analysed", "future"]));
    expect(sensitivity?.rows.map((row) => (row.key === "horizon" ? `horizon-${row.tau}` : row.key))).toEqual([
      "primary",
      "without-born-first-of-month",
      "without-born-january-1",
      "horizon-182",
      "horizon-273",
      "horizon-364",
      "covariate-adjusted",
    ]);
    expect(made.businessCase.yearly?.netSavings).not.toBeNull();
  });
});
