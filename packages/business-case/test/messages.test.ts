import { describe, expect, it } from "vitest";
import { BusinessCaseError, businessCaseMessage, businessCaseNotice, type BusinessCaseIssue, type BusinessCaseIssueCode, type BusinessCaseNotice } from "../src/messages.ts";

/** One issue of every code: the type makes a new code without a sample fail to compile. */
const ISSUES: { [Code in BusinessCaseIssueCode]: Extract<BusinessCaseIssue, { code: Code }> } = {
  results_invalid: { code: "results_invalid", problems: ["$.km", "$.trial.id"] },
  results_other_trial: { code: "results_other_trial", resultsTrial: "odense-2017", configTrial: "esbjerg-2017" },
  results_file_not_found: { code: "results_file_not_found", file: "results.json" },
  results_file_unreadable: { code: "results_file_unreadable", file: "results.json", reason: "EACCES" },
  results_not_json: { code: "results_not_json", file: "results.json", reason: "Unexpected token" },
  config_invalid: { code: "config_invalid", file: "trial.json", problems: 2 },
  xlsx_needs_out: { code: "xlsx_needs_out" },
  negative_days_saved: { code: "negative_days_saved", value: -3 },
  invalid_participants: { code: "invalid_participants", value: -5 },
  invalid_prior_weeks: { code: "invalid_prior_weeks", value: 2.5 },
  invalid_horizon: { code: "invalid_horizon", value: 0 },
  horizon_beyond_follow_up: { code: "horizon_beyond_follow_up", horizon: 500, arm: "intervention", lastTime: 423, longest: 423 },
  km_not_sorted: { code: "km_not_sorted", arm: "control", row: 4 },
  km_survival_increases: { code: "km_survival_increases", arm: "control", row: 4 },
  results_inconsistent: { code: "results_inconsistent", computed: 3.58065, reported: 9, tau: 364 },
  rate_year_missing: { code: "rate_year_missing", year: 2021, configured: [2017, 2018] },
  no_effect_source: { code: "no_effect_source" },
  invalid_years: { code: "invalid_years", fromYear: 2020, toYear: 2017 },
};

const NOTICES: BusinessCaseNotice[] = [
  { code: "horizon_shortened", requestedDays: 364, usedDays: 182, lastFollowUp: { control: 189, intervention: 182 }, expectedDaysSaved: 9 },
  { code: "year_not_estimated", year: 2020, horizonDays: 364 },
  { code: "curves_shortened", usedDays: 334, expenditureDays: 364 },
  { code: "file_written", file: "business-case.json" },
];

/** Words of an English sentence that no Danish message uses. */
const ENGLISH = /\b(the|is|are|must|needs?|give|choose|not|file|found|with|without|years?|days?)\b/i;

/** The message without what is the same in both languages: options, file names, field paths, placeholders. */
function prose(message: string): string {
  return message.replace(/--[\w-]+|<[^>]*>|[\w$.[\]-]*\.(json|md|xlsx|ts)\b|\b[\w$]+(\.[\w$[\]]+)+/g, " ");
}

describe("businessCaseMessage", () => {
  it.each(Object.values(ISSUES))("businessCaseMessage($code) is Danish by default and English with lang en", (issue) => {
    const danish = businessCaseMessage(issue);
    const english = businessCaseMessage(issue, "en");
    expect(danish).toBe(businessCaseMessage(issue, "da"));
    expect(danish).not.toBe(english);
    expect(prose(danish)).not.toMatch(ENGLISH);
    expect(prose(english)).toMatch(ENGLISH);
    // the wording, never the raw code, is what a user reads
    expect(danish).not.toContain(issue.code);
    expect(new BusinessCaseError(issue).message).toBe(danish);
  });

  it("businessCaseMessage(horizon_beyond_follow_up) names the longest horizon with data and the what-if, in both languages", () => {
    const issue = ISSUES.horizon_beyond_follow_up;
    expect(businessCaseMessage(issue)).toBe(
      "Horisonten på 500 dage ligger ud over den sidste opfølgningstid i indsatsgruppen (423 dage), hvor kurverne er ukendte; vælg --horizon 423 eller kortere (den længste horisont med data i begge grupper), eller lav et hvad-nu-hvis med --days-saved <dage> uden --results.",
    );
    expect(businessCaseMessage(issue, "en")).toBe(
      "Horizon 500 days is beyond the last follow-up time of the intervention arm (423 days), where the curves are unknown; choose --horizon 423 or shorter (the longest horizon with data in both arms), or make a what-if with --days-saved <days> without --results.",
    );
    expect(businessCaseMessage({ ...issue, lastTime: 0.5, longest: 0 })).toContain("der er endnu ingen hel dag med data i begge grupper");
  });

  it("businessCaseMessage writes Danish numbers with a decimal comma", () => {
    expect(businessCaseMessage(ISSUES.results_inconsistent)).toBe(
      'Kaplan-Meier-kurverne giver 3,5807 sparede dage ved horisonten 364, men daysSaved.estimate siger 9,0000; resultatfilen blander forskellige analyser, så kør "jobtrial analyze" igen.',
    );
  });
});

describe("businessCaseNotice", () => {
  it.each(NOTICES)("businessCaseNotice($code) is Danish by default and English with lang en", (notice) => {
    const danish = businessCaseNotice(notice);
    expect(danish).toBe(businessCaseNotice(notice, "da"));
    expect(danish).not.toBe(businessCaseNotice(notice, "en"));
    expect(prose(danish)).not.toMatch(ENGLISH);
  });

  it("businessCaseNotice(horizon_shortened) says what is estimated, at which horizon, and how to get the what-if", () => {
    const notice = NOTICES[0]!;
    expect(businessCaseNotice(notice)).toBe(
      "Tidligt kig: opfølgningen rækker endnu ikke til horisonten på 364 dage (sidste tid med data: kontrolgruppen 189 dage, indsatsgruppen 182 dage). Business casen er derfor beregnet ved den længste horisont med data i begge grupper, 182 dage; sparede dage efter dag 182 er ikke med. Et hvad-nu-hvis over 364 dage: kør uden --results med --days-saved <dage> (fx --days-saved 9, projektets forventning).",
    );
    expect(businessCaseNotice(notice, "en")).toBe(
      "Early look: follow-up does not yet reach the horizon of 364 days (last time with data: control arm 189 days, intervention arm 182 days). The business case is therefore computed at the longest horizon with data in both arms, 182 days; days saved after day 182 are not included. For a what-if over 364 days: run without --results, with --days-saved <days> (e.g. --days-saved 9, the project's expectation).",
    );
  });
});
