import { describe, expect, it } from "vitest";
import { simulationIssueMessage, type SimulationIssue } from "../src/messages-simulation.ts";

/** One issue of every code. */
const ISSUES: SimulationIssue[] = [
  { code: "simulation_option_invalid", option: "weeklyIntake", detail: "Too small: expected number to be >0" },
  { code: "intake_end_before_start", fromWeek: "2017-W10", toWeek: "2017-W02" },
  { code: "intake_not_before_extraction", toWeek: "2018-W10", extractionDate: "2018-03-01" },
  { code: "horizon_beyond_benefit_period", horizonDays: 800, benefitPeriodDays: 730 },
  { code: "control_median_too_long", controlMedianDays: 800, benefitPeriodDays: 730 },
  { code: "money_year_missing", year: 2021, tau: 364 },
  { code: "effect_unreachable_hazard_ratio", days: 150, horizonDays: 364, controlMeanDays: 120.44 },
  { code: "effect_unreachable_job_rate", days: 190, horizonDays: 364, controlAdpDays: 150.06 },
];

describe("simulationIssueMessage", () => {
  it("simulationIssueMessage(issue, lang) words every code in Danish and in English, without the code and without zod's English in Danish", () => {
    for (const issue of ISSUES) {
      const [danish, english] = [simulationIssueMessage(issue, "da"), simulationIssueMessage(issue, "en")];
      expect(danish, issue.code).not.toMatch(/\b(the|is|not|no|expected|must|of|days)\b/i);
      expect(english, issue.code).not.toMatch(/\b(ikke|skal|dage|intet|ingen)\b/);
      expect(`${danish} ${english}`, issue.code).not.toContain(issue.code);
    }
  });

  it("simulationIssueMessage formats numbers in the language: 120,4 dage and 120.4 days", () => {
    const issue = ISSUES[6]!;
    expect([simulationIssueMessage(issue, "da"), simulationIssueMessage(issue, "en")]).toEqual([
      "ingen hazard ratio giver 150 sparede dage ved 364 dage (kontrolgruppens restricted mean er 120,4 dage); vælg en mindre effekt",
      "no hazard ratio gives 150 days saved at 364 days (the control restricted mean is 120.4 days); ask for a smaller effect",
    ]);
  });
});
