import { describe, expect, it } from "vitest";
import { cashFlow, yearWeights, type Plan } from "../src/cash-flow.ts";
import { normalInterval } from "../src/normal-interval.ts";
import { configuredPricing } from "../src/pricing.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { flatProfile, measuredProfile } from "../src/saved-days-profile.ts";
import { esbjergConfig, flatRates, stepResults } from "./helpers.ts";

// 700 kr. per benefit day x 5 / 7 = 500 kr. per calendar day, 50 % co-financing every week: 250 kr. a saved day.
const pricing = configuredPricing(esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.5 }])), 0);
// 365 entrants in 2017, one on each day; a flat week: 1 day saved on each of spell days 0-6.
const profile = flatProfile(7, 7);
const plan: Plan = { programmeYears: [2017], intake: new Map([[2017, 365]]), cost: new Map([[2017, 319_375]]), fromYear: 2017, toYear: 2018 };

describe("cashFlow", () => {
  it("cashFlow places each entrant's saved days in the year they fall in: 2017 keeps all but 21 of the 2,555 days", () => {
    // The entrant on day d of 2017 has spell day k in 2018 when d + k >= 365: sum over k of k = 21 days in 2018.
    // 2017: 250 x (7 x 365 - 21) = 633,500 kr.; 2018: 250 x 21 = 5,250 kr.
    const flow = cashFlow(profile, pricing, plan);
    expect(flow.years.map((year) => year.year)).toEqual([2017, 2018]);
    expect(flow.years[0]!.grossSavings).toBeCloseTo(633_500, 6);
    expect(flow.years[1]!.grossSavings).toBeCloseTo(5_250, 6);
    expect(flow.years[0]!.netSavings).toBeCloseTo(633_500 - 319_375, 6);
    expect(flow.years[1]!.netSavings).toBeCloseTo(5_250, 6);
    expect(flow.years.map((year) => [year.participants, year.cost, year.regionalGrant])).toEqual([[365, 319_375, 0], [0, 0, 0]]);
    expect(flow.total).toMatchObject({ fromYear: 2017, toYear: 2018, cost: 319_375, grossSavings: expect.closeTo(638_750, 6), netSavings: expect.closeTo(319_375, 6) });
    expect([flow.netGross, flow.totalCost, flow.savedDaysAfterPeriod]).toEqual([expect.closeTo(638_750, 6), 319_375, 0]);
    // a what-if has no interval
    expect(flow.total.se).toBeNull();
  });

  it("cashFlow leaves the saved days that fall after the last year out of the years, counting them and pricing them apart", () => {
    const flow = cashFlow(profile, pricing, { ...plan, toYear: 2017 });
    expect(flow.years).toHaveLength(1);
    expect(flow.savedDaysAfterPeriod).toBeCloseTo(21, 9);
    expect(flow.savingsAfterPeriod).toBeCloseTo(21 * 250, 9);
    expect(flow.total.grossSavings).toBeCloseTo(633_500, 6);
  });

  it("cashFlow prices saved days after the last rate year at its rates: 366 entrants in 2020 spill 21 days into 2021", () => {
    // money.years ends in 2020; 2020 has 366 days: sum over k < 7 of k/366 x 366 = 21 days in 2021, at 250 kr. (2020's rates)
    const flow = cashFlow(profile, pricing, { programmeYears: [2020], intake: new Map([[2020, 366]]), cost: new Map(), fromYear: 2020, toYear: 2020 });
    expect(flow.savedDaysAfterPeriod).toBeCloseTo(21, 9);
    expect(flow.savingsAfterPeriod).toBeCloseTo(5_250, 9);
  });

  it("cashFlow of a kroner saving (the expenditure) spreads it evenly over its horizon and scales its SE alike", () => {
    // 700 kr. (SE 70) within 7 days, 365 entrants in 2017: day k falls in 2018 for k of them, on average 3/365 of the saving
    const kroner = { kind: "kroner" as const, perParticipant: 700, se: 70, horizon: 7 };
    const flow = cashFlow(kroner, pricing, plan);
    expect(flow.years[0]!.grossSavings).toBeCloseTo(365 * 700 - 2_100, 6);
    expect(flow.years[1]!.grossSavings).toBeCloseTo(2_100, 6);
    expect(flow.years[0]!.se).toBeCloseTo(70 * 362, 6);
    expect(flow.total.se).toBeCloseTo(70 * 365, 6);
    expect([flow.savedDaysAfterPeriod, flow.savingsAfterPeriod]).toEqual([null, 0]);
    // the sensitivity's rate factor scales it (the expenditure is priced at the configured rates)
    expect(cashFlow(kroner, { ...pricing, rateFactor: 1.1 }, plan).total.grossSavings).toBeCloseTo(1.1 * 365 * 700, 6);
  });

  it("cashFlow takes the regional grant's share of the gross saving and shrinks the interval by the rest", () => {
    const netted = { ...pricing, grantShare: 0.25 };
    const flow = cashFlow(profile, netted, plan);
    expect(flow.years[0]!.regionalGrant).toBeCloseTo(633_500 * 0.25, 6);
    expect(flow.years[0]!.netSavings).toBeCloseTo(633_500 * 0.75 - 319_375, 6);
    expect(flow.netGross).toBeCloseTo(638_750 * 0.75, 6);

    const measured = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);
    const gross = cashFlow(measured, pricing, plan).years[0]!;
    const net = cashFlow(measured, netted, plan).years[0]!;
    expect(net.se).toBeCloseTo(gross.se! * 0.75, 9);
    expect(net).toMatchObject(normalInterval(net.netSavings!, gross.se! ** 2, 0.75));
  });

  it("yearWeights sums the cohorts' weights: participants x calendar fraction x price", () => {
    const twoCohorts: Plan = { ...plan, programmeYears: [2017, 2018], intake: new Map([[2017, 365], [2018, 730]]) };
    const weights = yearWeights(pricing, twoCohorts, 2018, 7);
    // day 3 in 2018: the last 3 of the 365 2017 entrants, and the 2018 entrants but those of its last 3 days (730 x 362/365)
    expect(weights[3]).toBeCloseTo((365 * (3 / 365) + 730 * (362 / 365)) * 250, 9);
    expect(weights[3]).toBe(181_750);
  });
});
