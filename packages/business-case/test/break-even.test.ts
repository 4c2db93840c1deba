import { describe, expect, it } from "vitest";
import { breakEven } from "../src/break-even.ts";
import { cashFlow, type Plan } from "../src/cash-flow.ts";
import { configuredPricing } from "../src/pricing.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { flatProfile, measuredProfile, scaleProfile } from "../src/saved-days-profile.ts";
import { esbjergConfig, flatRates, stepResults } from "./helpers.ts";

// 250 kr. a saved day (700 x 5/7 x 50 %); 365 entrants in 2017; a flat week of 7 saved days each
// is worth 365 x 7 x 250 = 638,750 kr. over 2017-2018, against a cost of half that.
const pricing = configuredPricing(esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.5 }])), 0);
const plan: Plan = { programmeYears: [2017], intake: new Map([[2017, 365]]), cost: new Map([[2017, 319_375]]), fromYear: 2017, toYear: 2018 };

describe("breakEven", () => {
  it("breakEven of 7 saved days worth twice the cost is 3.5 days, or half the intake (182.5 a year)", () => {
    const profile = flatProfile(7, 7);
    const even = breakEven(profile, pricing, cashFlow(profile, pricing, plan), plan);
    expect(even.days).toBeCloseTo(3.5, 12);
    expect(even.participants).toBeCloseTo(182.5, 12);
    expect(even.basis).toBe("flat");
    // put back in, the break-even days give a net saving of 0
    expect(cashFlow(flatProfile(even.days!, 7), pricing, plan).total.netSavings).toBeCloseTo(0, 6);
  });

  it("breakEven of a profile that saves nothing prices one flat day instead, and has no break-even intake", () => {
    // one saved day, spread over the week: 365 x 250 = 91,250 kr.; 319,375 / 91,250 = 3.5 days
    const profile = flatProfile(0, 7);
    const even = breakEven(profile, pricing, cashFlow(profile, pricing, plan), plan);
    expect(even).toEqual({ days: expect.closeTo(3.5, 12), participants: null, basis: "flat" });
  });

  it("breakEven of a kroner saving gives the intake from it and the days from one flat saved day", () => {
    // 365 entrants x 1,750 kr. = 638,750 kr. against 319,375: half the intake; one flat day is worth 365 x 250 = 91,250 kr.
    const kroner = { kind: "kroner" as const, perParticipant: 1750, se: 500, horizon: 7 };
    const even = breakEven(kroner, pricing, cashFlow(kroner, pricing, plan), plan);
    expect(even).toEqual({ days: expect.closeTo(3.5, 12), participants: expect.closeTo(182.5, 12), basis: "flat" });
  });

  it("breakEven of measured curves scales their shape and says so", () => {
    const profile = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);
    const even = breakEven(profile, pricing, cashFlow(profile, pricing, plan), plan);
    expect(even.basis).toBe("measured");
    // 1.4 days are worth 365 x 1.4 x 250 = 127,750 kr.: 319,375 / 127,750 = 2.5 times the days
    expect(even.days).toBeCloseTo(3.5, 12);
    expect(cashFlow(scaleProfile(profile, 2.5), pricing, plan).total.netSavings).toBeCloseTo(0, 6);
  });
});
