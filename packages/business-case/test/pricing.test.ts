import { describe, expect, it } from "vitest";
import { BusinessCaseError } from "../src/messages.ts";
import { benefitPerCalendarDay, carriedForwardYears, cofinancingShare, configuredPricing, dayPrice, moneyYear, participantWeights, supportWeekOfDay } from "../src/pricing.ts";
import { esbjergConfig } from "./helpers.ts";

// The bundled configuration: 849 kr. per benefit day in 2017, 860 in 2018, 5 benefit days a week,
// co-financing 20 % weeks 1-4, 60 % 5-26, 70 % 27-52, 80 % from week 53 (../shared/domain.md, section 4).
const pricing = configuredPricing(esbjergConfig(), 0);
const perCalendarDay2017 = (849 * 5) / 7; // 606.43 kr.

describe("pricing a saved day by the co-financing steps", () => {
  it("dayPrice(pricing, 2017, day) of a newly unemployed citizen in spell weeks 3, 10, 30 and 60 is 20, 60, 70 and 80 % of 849 x 5/7", () => {
    // spell week w holds days 7(w-1) .. 7w-1
    expect(dayPrice(pricing, 2017, 14)).toBeCloseTo(perCalendarDay2017 * 0.2, 12); // week 3: 121.29 kr.
    expect(dayPrice(pricing, 2017, 63)).toBeCloseTo(perCalendarDay2017 * 0.6, 12); // week 10: 363.86 kr.
    expect(dayPrice(pricing, 2017, 203)).toBeCloseTo(perCalendarDay2017 * 0.7, 12); // week 30: 424.50 kr.
    expect(dayPrice(pricing, 2017, 413)).toBeCloseTo(perCalendarDay2017 * 0.8, 12); // week 60: 485.14 kr.
    expect(dayPrice(pricing, 2017, 14)).toBeCloseTo(121.2857142857, 9);
    expect(dayPrice(pricing, 2017, 413)).toBeCloseTo(485.1428571429, 9);
  });

  it("dayPrice prices the step boundaries on the last and first day of weeks 4/5, 26/27 and 52/53", () => {
    expect([27, 28, 181, 182, 363, 364].map((day) => dayPrice(pricing, 2017, day) / perCalendarDay2017)).toEqual(
      [0.2, 0.6, 0.6, 0.7, 0.7, 0.8].map((share) => expect.closeTo(share, 12)),
    );
  });

  it("dayPrice with 26 prior weeks on public support moves spell week 3 to support week 29 (70 %)", () => {
    const senior = configuredPricing(esbjergConfig(), 26);
    expect(supportWeekOfDay(senior, 14)).toBe(29);
    expect(dayPrice(senior, 2017, 14)).toBeCloseTo(perCalendarDay2017 * 0.7, 12);
    // week 30 of the spell is week 56 on support: 80 %
    expect(dayPrice(senior, 2017, 203)).toBeCloseTo(perCalendarDay2017 * 0.8, 12);
  });

  it("dayPrice uses the rate of the calendar year the day falls in: 860 kr. in 2018", () => {
    expect(dayPrice(pricing, 2018, 63)).toBeCloseTo(((860 * 5) / 7) * 0.6, 12); // 368.57 kr.
  });

  it("supportWeekOfDay counts week 1 from the first unemployment day", () => {
    expect([0, 6, 7, 13, 14].map((day) => supportWeekOfDay({ priorWeeks: 0 }, day))).toEqual([1, 1, 2, 2, 3]);
  });

  it("benefitPerCalendarDay(pricing, 2017) spreads 5 benefit days over 7 calendar days", () => {
    expect(benefitPerCalendarDay(pricing, 2017)).toBeCloseTo(606.4285714286, 9);
    expect(benefitPerCalendarDay({ ...pricing, rateFactor: 1.1 }, 2017)).toBeCloseTo(606.4285714286 * 1.1, 9);
  });

  it("cofinancingShare shifts every step by shareShift and keeps the share within 0 and 1", () => {
    expect(cofinancingShare({ ...pricing, shareShift: 0.1 }, 2017, 3)).toBeCloseTo(0.3, 12);
    expect(cofinancingShare({ ...pricing, shareShift: 0.3 }, 2017, 60)).toBe(1);
    expect(cofinancingShare({ ...pricing, shareShift: -0.3 }, 2017, 3)).toBe(0);
  });

  it("configuredPricing takes the regional grant share only when the configuration nets it", () => {
    expect(configuredPricing(esbjergConfig(), 0).grantShare).toBe(0);
    const netted = esbjergConfig((raw) => {
      raw.money.netRegionalGrant = true;
      raw.money.regionalGrantShare = 0.25;
    });
    expect(configuredPricing(netted, 0).grantShare).toBe(0.25);
  });

  it("moneyYear throws rate_year_missing for a year the configuration has no rate for", () => {
    expect(() => moneyYear(pricing, 2031)).toThrow(BusinessCaseError);
    try {
      moneyYear(pricing, 2031);
    } catch (error) {
      expect((error as BusinessCaseError).issue).toEqual({ code: "rate_year_missing", year: 2031, configured: [2017, 2018, 2019, 2020] });
    }
  });
});

describe("carrying the last rate year forward", () => {
  it("moneyYear with carryForward gives a year after the last configured one that year's rates, and still refuses a gap before it", () => {
    const carried = { ...pricing, carryForward: true };
    expect(moneyYear(carried, 2021)).toBe(moneyYear(pricing, 2020));
    expect(dayPrice(carried, 2023, 14)).toBeCloseTo(((871 * 5) / 7) * 0.2, 12);
    expect(() => moneyYear(carried, 2016)).toThrow(BusinessCaseError);
    expect(() => moneyYear(pricing, 2021)).toThrow(BusinessCaseError);
  });

  it("carriedForwardYears lists the years after money.years' last, once and in order", () => {
    expect(carriedForwardYears(pricing, [2022, 2019, 2021, 2022, 2020])).toEqual([2021, 2022]);
    expect(carriedForwardYears(pricing, [2017, 2018])).toEqual([]);
  });
});

describe("participantWeights", () => {
  it("participantWeights(pricing, 2017, 364) prices a day by the calendar years it falls in", () => {
    const weights = participantWeights(pricing, 2017, 364);
    // day 0 is in 2017 for every 2017 entrant
    expect(weights[0]).toBeCloseTo(perCalendarDay2017 * 0.2, 12);
    // day 14 (week 3, 20 %): in 2017 for entries on days 0-350 (351), in 2018 for the last 14
    expect(weights[14]).toBeCloseTo((351 / 365) * perCalendarDay2017 * 0.2 + (14 / 365) * ((860 * 5) / 7) * 0.2, 12);
    expect(weights[14]).toBeCloseTo(121.3459882583, 9);
    // day 363 (week 52, 70 %): in 2017 for the first 2 entry days, in 2018 for the other 363
    expect(weights[363]).toBeCloseTo((2 / 365) * perCalendarDay2017 * 0.7 + (363 / 365) * ((860 * 5) / 7) * 0.7, 12);
  });
});
