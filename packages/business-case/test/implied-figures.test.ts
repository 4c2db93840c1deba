import { describe, expect, it } from "vitest";
import { expectationSaving, impliedFigures } from "../src/implied-figures.ts";
import { configuredPricing } from "../src/pricing.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { flatProfile, measuredProfile } from "../src/saved-days-profile.ts";
import { esbjergConfig, flatRates, STANDARD_STEPS, stepResults } from "./helpers.ts";

// The bundled expectation: 9 days saved -> 1,700,000 kr. net a year; budget 2,500,000 kr. in 2017 and 2018; 24 programme weeks.
const config = esbjergConfig(flatRates(849, STANDARD_STEPS));
const pricing = configuredPricing(config, 0);

describe("expectationSaving", () => {
  it("expectationSaving of a what-if prices the expected 9 days flat: 9 x 606.43 x 32.2/52 = 3,379.67 kr.", () => {
    const expectation = expectationSaving(config, flatProfile(3, 364), pricing, 2017, 2_500_000);
    const g9 = ((9 * 849 * 5) / 7) * (32.2 / 52);
    expect(expectation.expectedDaysSaved).toBe(9);
    expect(expectation.savingAtExpected).toBeCloseTo(g9, 9);
    expect(expectation.impliedPerYear).toBeCloseTo(4_200_000 / g9, 9); // 1,242.7 a year
  });

  it("expectationSaving with measured curves keeps their shape: 9 days where the curves differ, weeks 4-5", () => {
    // 1.4 measured days are worth 280 kr. (week 4 at 20 %, week 5 at 60 %, 500 kr. a day); 9 days: 280 x 9 / 1.4 = 1,800 kr.
    const stepPricing = configuredPricing(esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }])), 0);
    const profile = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);
    const expectation = expectationSaving(config, profile, stepPricing, 2017, 2_500_000);
    expect(expectation.savingAtExpected).toBeCloseTo(1800, 9);
    expect(expectation.impliedPerYear).toBeCloseTo(4_200_000 / 1800, 9);
  });

  it("expectationSaving with measured curves that save nothing falls back to the flat shape", () => {
    const same = stepResults();
    same.km.intervention = same.km.control;
    const profile = measuredProfile(parseBusinessCaseResults(same), 70, undefined);
    const expectation = expectationSaving(config, profile, pricing, 2017, 2_500_000);
    expect(expectation.savingAtExpected).toBeCloseTo(expectationSaving(config, flatProfile(0, 70), pricing, 2017, 2_500_000).savingAtExpected, 12);
  });
});

describe("impliedFigures", () => {
  it("impliedFigures writes both readings of the expectation and the register's intake per week", () => {
    const cost = new Map([[2017, 2_500_000], [2018, 2_500_000]]);
    const observed = { byYear: new Map([[2017, 1040], [2018, 1560]]), years: new Map(), notProjected: [], note: "registret", suppressed: [] };
    const implied = impliedFigures(config, { expectedDaysSaved: 9, savingAtExpected: 3000, impliedPerYear: 1400 }, [2017, 2018], cost, observed);
    expect(implied).toEqual({
      expectedDaysSaved: 9,
      expectedNetSavingsPerYear: 1_700_000,
      savingPerParticipantAtExpected: 3000,
      impliedParticipantsPerYear: 1400,
      impliedParticipantsPerWeek: 1400 / 52,
      // at most 1400/52 entries a week x 24 weeks in the programme at once: 646
      impliedInProgrammeAtOnce: (1400 / 52) * 24,
      // whole period 2017-2020: (5,000,000 + 4 x 1,700,000) / (3,000 x 2 programme years) = 1,966.7
      impliedParticipantsPerYearWholePeriod: 11_800_000 / 6000,
      observedParticipantsPerYear: 1300,
      observedParticipantsPerWeek: 25,
    });
  });

  it("impliedFigures without a saving at the expectation, or without results, leaves those figures null", () => {
    const implied = impliedFigures(config, { expectedDaysSaved: 9, savingAtExpected: 0, impliedPerYear: null }, [2017, 2018], new Map(), undefined);
    expect([implied.impliedParticipantsPerYear, implied.impliedParticipantsPerWeek, implied.impliedInProgrammeAtOnce, implied.impliedParticipantsPerYearWholePeriod]).toEqual([null, null, null, null]);
    expect([implied.observedParticipantsPerYear, implied.observedParticipantsPerWeek]).toEqual([null, null]);
  });
});
