import { describe, expect, it } from "vitest";
import { perParticipant, weekLines } from "../src/per-participant.ts";
import { configuredPricing } from "../src/pricing.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { flatProfile, measuredProfile } from "../src/saved-days-profile.ts";
import { esbjergConfig, flatRates, stepResults } from "./helpers.ts";

// 500 kr. per calendar day (700 x 5/7); 20 % in weeks 1-4, 60 % from week 5. The curves differ by 0.1 on days 21-34.
const pricing = configuredPricing(esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }])), 0);
const profile = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);

describe("perParticipant", () => {
  it("perParticipant prices week 4 at 20 % and week 5 at 60 %, beside the simple mode at the average share", () => {
    // week 4: 0.7 days x 500 x 0.2 = 70 kr.; week 5: 0.7 x 500 x 0.6 = 210 kr.; 280 kr. in all
    // simple: 1.4 days x 500 x (4 x 0.2 + 6 x 0.6) / 10 = 1.4 x 500 x 0.44 = 308 kr.
    const [entry] = perParticipant(profile, pricing, [2017]);
    expect(entry!.entryYear).toBe(2017);
    expect(entry!.saving).toBeCloseTo(280, 9);
    expect(entry!.simple).toEqual({
      daysSaved: expect.closeTo(1.4, 12),
      maxDailyBenefit: 700,
      benefitDaysPerWeek: 5,
      benefitPerCalendarDay: expect.closeTo(500, 12),
      averageShare: expect.closeTo(0.44, 12),
      saving: expect.closeTo(308, 9),
    });
    expect(entry!.lower!).toBeLessThan(280);
    expect(entry!.upper!).toBeGreaterThan(280);
  });

  it("perParticipant prices the days a 2017 entrant saves in 2018 at the 2018 rate", () => {
    // bundled rates 849 (2017) and 860 (2018), 20 % in week 1; a flat week, 1 day saved on each of days 0-6.
    // Day k is in 2018 for k of the 365 entry days: 21/365 of the week's days at (860 - 849) x 5/7 x 0.2 more.
    const bundled = configuredPricing(esbjergConfig(), 0);
    const [entry] = perParticipant(flatProfile(7, 7), bundled, [2017]);
    expect(entry!.simple.saving).toBeCloseTo(7 * ((849 * 5) / 7) * 0.2, 9); // 849 kr.
    expect(entry!.saving).toBeCloseTo(849 + (21 / 365) * ((11 * 5) / 7) * 0.2, 9); // 849.09 kr.
    expect(entry!.se).toBeNull();
  });
});

describe("weekLines", () => {
  it("weekLines lists days saved, share and saving week by week", () => {
    const weeks = weekLines(profile, pricing, 2017);
    expect(weeks).toHaveLength(10);
    expect(weeks.slice(2, 6).map((week) => [week.week, week.supportWeek, week.share])).toEqual([[3, 3, 0.2], [4, 4, 0.2], [5, 5, 0.6], [6, 6, 0.6]]);
    expect(weeks.map((week) => week.daysSaved)).toEqual([0, 0, 0, 0.7, 0.7, 0, 0, 0, 0, 0].map((days) => expect.closeTo(days, 12)));
    expect(weeks.map((week) => week.saving)).toEqual([0, 0, 0, 70, 210, 0, 0, 0, 0, 0].map((saving) => expect.closeTo(saving, 9)));
  });

  it("weekLines with one prior week on support prices spell week 4 at support week 5 (60 %)", () => {
    const weeks = weekLines(profile, { ...pricing, priorWeeks: 1 }, 2017);
    expect([weeks[3]!.supportWeek, weeks[3]!.share, weeks[3]!.saving]).toEqual([5, 0.6, expect.closeTo(210, 9)]);
  });

  it("weekLines cuts the last week at the horizon", () => {
    const weeks = weekLines(flatProfile(10, 10), pricing, 2017);
    expect(weeks.map((week) => week.daysSaved)).toEqual([expect.closeTo(7, 12), expect.closeTo(3, 12)]);
  });
});
