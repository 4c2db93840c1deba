import { describe, expect, it } from "vitest";
import { BusinessCaseError } from "../src/messages.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { checkCurve, flatProfile, measuredProfile, priceProfile, scaleProfile } from "../src/saved-days-profile.ts";
import { weightedSurvivalArea } from "../src/weighted-area.ts";
import { kmRow, stepResults, trialDaysResults } from "./helpers.ts";

const steps = parseBusinessCaseResults(stepResults());

describe("measuredProfile", () => {
  it("measuredProfile(results, 70) is the curve difference 0.1 on days 21-34 and 0 elsewhere", () => {
    const profile = measuredProfile(steps, 70, undefined);
    expect(profile.kind).toBe("measured");
    expect(profile.diffAreas).toHaveLength(70);
    profile.diffAreas.forEach((area, day) => expect(area).toBeCloseTo(day >= 21 && day < 35 ? 0.1 : 0, 14));
    expect(profile.daysSaved).toBeCloseTo(1.4, 14);
    expect(profile.curves?.scale).toBe(1);
  });

  it("measuredProfile(results, 70, 2.8) doubles the measured difference and keeps the factor for the interval", () => {
    const profile = measuredProfile(steps, 70, 2.8);
    expect(profile.kind).toBe("measured-scaled");
    expect(profile.daysSaved).toBe(2.8);
    expect(profile.diffAreas[21]).toBeCloseTo(0.2, 14);
    expect(profile.curves?.scale).toBeCloseTo(2, 14);
  });

  it("measuredProfile with a target but no measured saving falls back to the flat profile", () => {
    const same = parseBusinessCaseResults({ ...stepResults(), km: { control: stepResults().km.control, intervention: stepResults().km.control } });
    const profile = measuredProfile(same, 70, 7);
    expect(profile.kind).toBe("flat");
    expect(profile.diffAreas[0]).toBeCloseTo(0.1, 14);
  });

  it("measuredProfile throws horizon_beyond_follow_up naming the arm whose curve ends first", () => {
    const short = stepResults();
    short.km.intervention[1] = kmRow(60, 9, 0, 9, 0.9);
    expect(() => measuredProfile(parseBusinessCaseResults(short), 70, undefined)).toThrow(BusinessCaseError);
    try {
      measuredProfile(parseBusinessCaseResults(short), 70, undefined);
    } catch (error) {
      expect((error as BusinessCaseError).issue).toEqual({ code: "horizon_beyond_follow_up", horizon: 70, arm: "intervention", lastTime: 60, longest: 60 });
    }
  });
});

describe("checkCurve", () => {
  it("checkCurve throws km_not_sorted for a time that does not increase and km_survival_increases for a rising curve", () => {
    const code = (rows: ReturnType<typeof kmRow>[]) => {
      try {
        checkCurve(rows, "control");
        return "ok";
      } catch (error) {
        return (error as BusinessCaseError).issue.code;
      }
    };
    expect(code([kmRow(5, 10, 1, 0, 0.9), kmRow(9, 9, 1, 0, 0.8)])).toBe("ok");
    expect(code([kmRow(5, 10, 1, 0, 0.9), kmRow(5, 9, 1, 0, 0.8)])).toBe("km_not_sorted");
    expect(code([kmRow(5, 10, 1, 0, 0.9), kmRow(9, 9, 1, 0, 0.95)])).toBe("km_survival_increases");
  });
});

describe("flatProfile and scaleProfile", () => {
  it("flatProfile(9, 364) spreads 9 days evenly: 9/364 a day", () => {
    const profile = flatProfile(9, 364);
    expect(profile.diffAreas).toHaveLength(364);
    expect(profile.diffAreas.every((area) => area === 9 / 364)).toBe(true);
    expect([profile.kind, profile.daysSaved, profile.curves]).toEqual(["flat", 9, undefined]);
  });

  it("scaleProfile(profile, 0.5) halves the days, every day and the curves' scale", () => {
    const half = scaleProfile(measuredProfile(steps, 70, undefined), 0.5);
    expect(half.daysSaved).toBeCloseTo(0.7, 14);
    expect(half.diffAreas[30]).toBeCloseTo(0.05, 14);
    expect(half.curves?.scale).toBe(0.5);
    expect(half.kind).toBe("measured");
  });
});

describe("priceProfile", () => {
  it("priceProfile(flatProfile(7, 7), weights) is the weighted sum of the saved days, without a variance", () => {
    expect(priceProfile(flatProfile(7, 7), [1, 1, 1, 1, 1, 1, 100])).toEqual({ value: 106, variance: null });
  });

  it("priceProfile with weight 1 is the days saved and R's variance of the RMST difference", () => {
    // R (conformance trial_days): RMST difference at tau 364 = 3.5806574087425815, se 3.9493538488249924
    const profile = measuredProfile(parseBusinessCaseResults(trialDaysResults()), 364, undefined);
    const priced = priceProfile(profile, new Array<number>(364).fill(1));
    expect(priced.value).toBeCloseTo(3.5806574087425815, 9);
    expect(Math.sqrt(priced.variance!)).toBeCloseTo(3.9493538488249924, 9);
  });

  it("priceProfile of a scaled profile scales the variance by the square of the factor", () => {
    const measured = measuredProfile(steps, 70, undefined);
    const weights = Array.from({ length: 70 }, (_, day) => 1 + day);
    const control = weightedSurvivalArea(steps.km.control, weights, 70);
    const intervention = weightedSurvivalArea(steps.km.intervention, weights, 70);
    const priced = priceProfile(scaleProfile(measured, 3), weights);
    expect(priced.variance).toBeCloseTo(9 * (control.variance + intervention.variance), 9);
    // days 21-34 at weights 22..35: 0.3 x (22 + ... + 35) = 0.3 x 399
    expect(priced.value).toBeCloseTo(0.3 * 399, 9);
  });
});
