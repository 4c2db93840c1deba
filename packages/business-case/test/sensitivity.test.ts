import { describe, expect, it } from "vitest";
import { cashFlow, type Plan } from "../src/cash-flow.ts";
import { configuredPricing } from "../src/pricing.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { flatProfile, measuredProfile } from "../src/saved-days-profile.ts";
import { sensitivity } from "../src/sensitivity.ts";
import { esbjergConfig, flatRates, stepResults } from "./helpers.ts";

// Gross G = 365 entrants x 7 saved days x 250 kr. = 638,750 kr. over 2017-2018; cost C = 319,375 kr.; net = G - C.
const G = 638_750;
const C = 319_375;
const pricing = configuredPricing(esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.5 }])), 0);
const plan: Plan = { programmeYears: [2017], intake: new Map([[2017, 365]]), cost: new Map([[2017, C]]), fromYear: 2017, toYear: 2018 };

describe("sensitivity", () => {
  it("sensitivity of a flat what-if moves each input alone: rate, share, intake, effect, anciennitet, grant", () => {
    const profile = flatProfile(7, 7);
    const lines = sensitivity({ model: profile, pricing, plan, flow: cashFlow(profile, pricing, plan), results: undefined, horizonsDays: [7] });
    const byKey = Object.fromEntries(lines.map((line) => [line.key, [line.lowValue, line.highValue, line.netLow, line.netHigh]]));
    expect(byKey).toEqual({
      // the rate scales G
      benefitRate: ["-10 %", "+10 %", expect.closeTo(0.9 * G - C, 6), expect.closeTo(1.1 * G - C, 6)],
      // 50 % -> 40 % and 60 %: G x 0.8 and G x 1.2
      cofinancing: ["-10 procentpoint", "+10 procentpoint", expect.closeTo(0.8 * G - C, 6), expect.closeTo(1.2 * G - C, 6)],
      intake: ["-20 %", "+20 %", expect.closeTo(0.8 * G - C, 6), expect.closeTo(1.2 * G - C, 6)],
      // no interval in a what-if: days saved -25 % / +25 %
      effect: ["-25 %", "+25 %", expect.closeTo(0.75 * G - C, 6), expect.closeTo(1.25 * G - C, 6)],
      // one share for every week: anciennitet changes nothing
      priorWeeks: ["0 uger", "26 uger", expect.closeTo(G - C, 6), expect.closeTo(G - C, 6)],
      // the grant is not netted in the configuration: 0 % and 50 %
      regionalGrant: ["0 %", "50 %", expect.closeTo(G - C, 6), expect.closeTo(0.5 * G - C, 6)],
    });
    // one horizon only: no horizon line; ordered by impact
    const impacts = lines.map((line) => line.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(lines.at(-1)!.key).toBe("priorWeeks");
  });

  it("sensitivity with measured curves takes the effect line from the 95 % interval and the horizon line from the curves", () => {
    const results = parseBusinessCaseResults(stepResults());
    const profile = measuredProfile(results, 70, undefined);
    const flow = cashFlow(profile, pricing, plan);
    const lines = sensitivity({ model: profile, pricing, plan, flow, results, horizonsDays: [28, 70] });
    const effect = lines.find((line) => line.key === "effect")!;
    expect([effect.label, effect.netLow, effect.netHigh]).toEqual(["Effekt (95 %-interval, deltametoden)", flow.total.lower, flow.total.upper]);
    // up to 28 days the curves differ on days 21-27 only: 0.7 days x 365 entrants x 250 kr.
    const horizon = lines.find((line) => line.key === "horizon")!;
    expect([horizon.lowValue, horizon.highValue]).toEqual(["28 dage", "70 dage"]);
    expect(horizon.netLow).toBeCloseTo(365 * 0.7 * 250 - C, 6);
    expect(horizon.netHigh).toBeCloseTo(flow.total.netSavings, 9);
  });

  it("sensitivity leaves out a configured horizon beyond the curves' follow-up", () => {
    const results = parseBusinessCaseResults(stepResults());
    const profile = measuredProfile(results, 70, undefined);
    const lines = sensitivity({ model: profile, pricing, plan, flow: cashFlow(profile, pricing, plan), results, horizonsDays: [70, 364] });
    expect(lines.some((line) => line.key === "horizon")).toBe(false);
  });

  it("sensitivity of a kroner saving (the expenditure) has no co-financing or anciennitet line and takes its horizons from the expenditure", () => {
    // 365 entrants in 2017 saving 1,000 kr. each (SE 400) within 7 days: G = 365,000 over 2017-2018
    const model = { kind: "kroner" as const, perParticipant: 1000, se: 400, horizon: 7 };
    const results = parseBusinessCaseResults({
      ...stepResults(),
      expenditure: { byHorizon: [{ tau: 3, saving: { estimate: 400, se: 200 } }, { tau: 7, saving: { estimate: 1000, se: 400 } }], saving: { estimate: 1000, se: 400, tau: 7 } },
    });
    const flow = cashFlow(model, pricing, plan);
    const lines = sensitivity({ model, pricing, plan, flow, results, horizonsDays: [7] });
    const byKey = Object.fromEntries(lines.map((line) => [line.key, [line.lowValue, line.highValue, line.netLow, line.netHigh]]));
    expect(byKey).toEqual({
      // the rates scale the expenditure alike
      benefitRate: ["-10 %", "+10 %", expect.closeTo(0.9 * 365_000 - C, 6), expect.closeTo(1.1 * 365_000 - C, 6)],
      intake: ["-20 %", "+20 %", expect.closeTo(0.8 * 365_000 - C, 6), expect.closeTo(1.2 * 365_000 - C, 6)],
      effect: ["nedre grænse", "øvre grænse", flow.total.lower, flow.total.upper],
      // 400 kr. within 3 days against 1,000 within 7
      horizon: ["3 dage", "7 dage", expect.closeTo(365 * 400 - C, 6), expect.closeTo(365_000 - C, 6)],
      regionalGrant: ["0 %", "50 %", expect.closeTo(365_000 - C, 6), expect.closeTo(182_500 - C, 6)],
    });
    // the interval: 365 x 400 x 1.959964 either side
    expect(flow.total.upper! - flow.total.netSavings).toBeCloseTo(365 * 400 * 1.959963984540054, 6);
  });
});
