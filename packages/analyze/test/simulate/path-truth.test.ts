/**
 * The path truth's forward equations against values worked by hand: a one-cell model with
 * constant weekly probabilities, whose expected days in state and expenditure have closed
 * forms; and against an enumeration of every path of a short horizon.
 */
import type { TrialConfig } from "@jobtrial/core";
import { toDayNumber } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { calendarDayRate, municipalShare, supportWeekCap } from "../../src/simulate/benefit-prices.ts";
import { regulaFalsi } from "../../src/simulate/bisect.ts";
import { seasonalFactor } from "../../src/simulate/intake-calendar.ts";
import { SimulationOptionsError } from "../../src/simulate/options.ts";
import {
  ADP,
  CHAIN_STATE_COUNT,
  JOB,
  SICKNESS,
  weekDaysBefore,
  weekOfDay,
  weeksForHorizon,
  weekStartDay,
  weekWeightsWithin,
  type PathModel,
} from "../../src/simulate/path-model.ts";
import { entrySupportWeeks, pathExpectations } from "../../src/simulate/path-truth.ts";
import { computeTruth, SimulationTruthSchema } from "../../src/simulate/truth.ts";
import { esbjergConfig } from "./helpers.ts";

type Money = TrialConfig["money"];

/** Money with flat steps: 20 % in support weeks 1-4, 60 % from week 5. */
function money(rates: { year: number; maxDailyBenefit: number; benefitDailyRates?: Record<string, number> }[]): Money {
  return {
    benefitDaysPerWeek: 5,
    netRegionalGrant: false,
    regionalGrantShare: 0,
    years: rates.map((rate) => ({
      ...rate,
      cofinancing: [
        { fromWeek: 1, share: 0.2 },
        { fromWeek: 5, share: 0.6 },
      ],
      source: "test",
    })),
  };
}

/**
 * One cell with constant weekly probabilities: A-dagpenge -> `destination` with `leave`
 * (Λ = -log(1 - leave), every exit share on the destination), `returns` from job back to
 * A-dagpenge, no other transition; everyone entering on `entryDate`.
 */
function tinyPath(options: { leave: number; returns?: number; destination?: number; entryDate?: string; priorShare?: number; weeks?: number }): PathModel {
  const weeks = options.weeks ?? 60;
  const destination = options.destination ?? JOB;
  const day = toDayNumber(options.entryDate ?? "2017-01-02");
  const weekday = (day + 3) % 7;
  const shares = new Float64Array(CHAIN_STATE_COUNT);
  shares[destination] = 1;
  const other: number[][] = Array.from({ length: CHAIN_STATE_COUNT }, (_, state) => Array.from({ length: CHAIN_STATE_COUNT }, (__, target) => (target === state ? 1 : 0)));
  other[JOB]![ADP] = options.returns ?? 0;
  other[JOB]![JOB] = 1 - (options.returns ?? 0);
  const weekdayShares = [0, 0, 0, 0, 0, 0, 0];
  weekdayShares[weekday] = 1;
  return {
    options: { interventionRateRatios: { sickness: 1, cash: 1, education: 1 }, moveWeeklyProbability: 0, priorHistoryShare: 0, priorMeanWeeks: 1 },
    jobRateRatio: 1,
    weeks,
    programmeWeeks: 24,
    entryDays: [{ day, weekday, weight: 1 }],
    weekdayShares,
    priorHistoryShares: Float64Array.of(options.priorShare ?? 0),
    adpExitRates: new Float64Array(weeks).fill(-Math.log(1 - options.leave)),
    earlyShares: shares,
    lateShares: shares,
    otherTransitions: other,
    representative: Int32Array.of(0),
  };
}

const sum = (from: number, to: number, term: (k: number) => number) => {
  let total = 0;
  for (let k = from; k <= to; k++) total += term(k);
  return total;
};

describe("pathExpectations: one cell, constant weekly probabilities, worked by hand", () => {
  it("pathExpectations(A-dagpenge -> job 0.1, no return) gives 7 + 7 × 0.9 days on A-dagpenge within 14 days (the doc comment's example)", () => {
    const result = pathExpectations(tinyPath({ leave: 0.1 }), money([{ year: 2017, maxDailyBenefit: 700 }]), [14], [1], false);
    expect(result.days[0]![0]).toBeCloseTo(13.3, 12);
    expect(result.days[0]![3]).toBeCloseTo(0.7, 12);
  });

  it("pathExpectations(A-dagpenge <-> job 0.1 / 0.05, Monday entrants) gives 7 Σ_k [π + (1 - π)(1 - p - q)^k] days on A-dagpenge within 13 weeks, re-entries counted", () => {
    const [p, q] = [0.1, 0.05];
    const stationary = q / (p + q);
    const expected = 7 * sum(0, 12, (k) => stationary + (1 - stationary) * (1 - p - q) ** k);
    const result = pathExpectations(tinyPath({ leave: p, returns: q }), money([{ year: 2017, maxDailyBenefit: 700 }]), [91], [1], false);
    expect(result.days[0]![0]).toBeCloseTo(expected, 10);
    expect(result.days[0]![0]! + result.days[0]![3]!).toBeCloseTo(91, 10);
    expect(expected).toBeCloseTo(57.682940, 5); // 7 [13/3 + (2/3)(1 - 0.85^13) / 0.15]
  });

  it("pathExpectations for a Wednesday entrant counts 5 days in the entry week and 5 of the next week's 7 within 10 days", () => {
    const result = pathExpectations(tinyPath({ leave: 0.1, entryDate: "2017-01-04" }), money([{ year: 2017, maxDailyBenefit: 700 }]), [10], [1], false);
    expect(result.days[0]![0]).toBeCloseTo(5 + 5 * 0.9, 12);
    expect(weekDaysBefore(0, 2, 10)).toBe(5);
    expect(weekDaysBefore(1, 2, 10)).toBe(5);
    expect(Array.from(weekWeightsWithin([1, 0, 0, 0, 0, 0, 0], 10, 3))).toEqual([7, 3, 0]);
    expect([weekStartDay(1, 2), weekOfDay(4, 2), weekOfDay(5, 2), weeksForHorizon(364), weekOfDay(363, 6)]).toEqual([5, 0, 1, 53, 52]);
  });

  it("pathExpectations prices A-dagpenge days by calendar year and support-week step: 7 Σ_k s^k rate(year of week k) share(k + 1)", () => {
    // Entry Monday 18 December 2017: weeks 0-1 in 2017 (700 kr a benefit day = 500 a calendar day), weeks 2-5 in 2018 (840 = 600).
    const s = 0.9;
    const perDay = [500, 500, 600, 600, 600, 600];
    const share = (week: number) => (week + 1 <= 4 ? 0.2 : 0.6);
    const expected = sum(0, 5, (k) => 7 * s ** k * perDay[k]! * share(k));
    const prices = money([
      { year: 2017, maxDailyBenefit: 700 },
      { year: 2018, maxDailyBenefit: 840 },
    ]);
    const result = pathExpectations(tinyPath({ leave: 1 - s, entryDate: "2017-12-18" }), prices, [42], [1], false);
    expect(result.expenditure[0]).toBeCloseTo(expected, 8);
    expect(expected).toBeCloseTo(7 * (500 * 0.2 * (1 + 0.9) + 600 * 0.2 * (0.81 + 0.729) + 600 * 0.6 * (0.6561 + 0.59049)), 8);
  });

  it("pathExpectations with one prior week for 40 % starts those in support week 2, so they reach the 60 % step a week earlier", () => {
    const s = 0.9;
    const prices = money([{ year: 2017, maxDailyBenefit: 700 }]);
    const withoutHistory = sum(0, 7, (k) => 7 * 500 * s ** k * (k + 1 <= 4 ? 0.2 : 0.6));
    const withHistory = sum(0, 7, (k) => 7 * 500 * s ** k * (k + 2 <= 4 ? 0.2 : 0.6));
    const result = pathExpectations(tinyPath({ leave: 1 - s, priorShare: 0.4 }), prices, [56], [1], false);
    expect(result.expenditure[0]).toBeCloseTo(0.6 * withoutHistory + 0.4 * withHistory, 8);
  });

  it("pathExpectations counts support weeks across benefits and prices sickness benefit at its own rate", () => {
    // A-dagpenge -> sickness benefit 0.1 a week, sickness benefit for good: every week is on support, week k is support week k + 1.
    const s = 0.9;
    const prices = money([{ year: 2017, maxDailyBenefit: 700, benefitDailyRates: { "890": 350 } }]);
    const expected = sum(0, 7, (k) => 7 * (s ** k * 500 + (1 - s ** k) * 250) * (k + 1 <= 4 ? 0.2 : 0.6));
    const result = pathExpectations(tinyPath({ leave: 1 - s, destination: SICKNESS }), prices, [56], [1], false);
    expect(result.expenditure[0]).toBeCloseTo(expected, 8);
    expect(result.days[0]![1]).toBeCloseTo(56 - 7 * sum(0, 7, (k) => s ** k), 10);
  });

  it("pathExpectations agrees with the enumeration of all 2^9 paths of ten weeks with returns and a prior history", () => {
    const [p, q, priorShare] = [0.2, 0.3, 0.25];
    const prices = money([{ year: 2017, maxDailyBenefit: 700 }]);
    const weeks = 10;
    let days = 0;
    let expenditure = 0;
    for (let mask = 0; mask < 1 << (weeks - 1); mask++) {
      // bit k-1 set: on A-dagpenge in week k; week 0 always on A-dagpenge.
      const onAdp = (week: number) => week === 0 || ((mask >> (week - 1)) & 1) === 1;
      let probability = 1;
      for (let week = 1; week < weeks; week++) {
        const from = onAdp(week - 1);
        const to = onAdp(week);
        probability *= from ? (to ? 1 - p : p) : to ? q : 1 - q;
      }
      for (const [prior, weight] of [[0, 1 - priorShare], [1, priorShare]] as const) {
        let supportWeeks = prior;
        for (let week = 0; week < weeks; week++) {
          if (!onAdp(week)) continue;
          supportWeeks++;
          days += weight * probability * 7;
          expenditure += weight * probability * 7 * 500 * (supportWeeks <= 4 ? 0.2 : 0.6);
        }
      }
    }
    const result = pathExpectations(tinyPath({ leave: p, returns: q, priorShare }), prices, [70], [1], false);
    expect(result.days[0]![0]).toBeCloseTo(days, 10);
    expect(result.expenditure[0]).toBeCloseTo(expenditure, 8);
  });
});

describe("entrySupportWeeks and the prices", () => {
  it("entrySupportWeeks(0.3, 20, 53) puts 0.7 on week 1, the geometric prior weeks after it, the tail at the cap, and sums to 1", () => {
    const weeks = entrySupportWeeks(0.3, 20, 53);
    const keep = 1 - 1 / 20;
    expect(weeks[1]).toBeCloseTo(0.7, 15);
    expect(weeks[2]).toBeCloseTo(0.3 * (1 - keep), 15);
    expect(weeks[2]).toBeCloseTo(0.015, 15);
    expect(weeks[11]).toBeCloseTo(0.3 * keep ** 9 * (1 - keep), 15);
    expect(weeks[53]).toBeCloseTo(0.3 * keep ** 51, 15);
    expect(weeks.reduce((total, value) => total + value, 0)).toBeCloseTo(1, 14);
    expect(Array.from(entrySupportWeeks(0.3, 20, 1))).toEqual([0, 1]);
  });

  it("calendarDayRate and municipalShare price the bundled 2017 money: 849 × 5 / 7 kr a calendar day, 20/60/70/80 % by support week", () => {
    const year = esbjergConfig().money.years[0]!;
    expect(calendarDayRate(year, 5, "111")).toBeCloseTo(606.428571, 5);
    expect(calendarDayRate(year, 5, "890")).toBeCloseTo(606.428571, 5);
    expect(calendarDayRate({ ...year, benefitDailyRates: { "890": 700 } }, 5, "890")).toBeCloseTo(500, 10);
    expect(calendarDayRate({ ...year, benefitDailyRates: { "111": 700 } }, 5, "111")).toBeCloseTo(606.428571, 5);
    expect([1, 4, 5, 26, 27, 52, 53, 80].map((week) => municipalShare(year, week))).toEqual([0.2, 0.2, 0.6, 0.6, 0.7, 0.7, 0.8, 0.8]);
    expect(supportWeekCap(esbjergConfig().money)).toBe(53);
  });
});

describe("computeTruth with paths on the bundled configuration", () => {
  const config = esbjergConfig();

  it("computeTruth(config, { paths: true }) solves the job-rate ratio so the population saves the expected days on A-dagpenge at the primary horizon, and adds up", () => {
    const truth = computeTruth(config, { paths: true });
    expect(SimulationTruthSchema.safeParse(truth).success).toBe(true);
    const paths = truth.paths!;
    expect(paths.daysSaved).toBeCloseTo(config.expectations.daysSaved, 6);
    expect(paths.causal.days["364"]!.adp.difference).toBeCloseTo(9, 6);
    expect(paths.horizonsDays).toEqual([91, 182, 364]);
    expect(paths.jobRateRatio).toBeGreaterThan(1);
    expect(truth.hazardRatio).toBe(paths.jobRateRatio);
    for (const contrast of [paths.causal, paths.armContrast, paths.armContrastExcludingJanuary1]) {
      for (const [tau, days] of Object.entries(contrast.days)) {
        for (const arm of ["control", "intervention"] as const) {
          const total = days.adp[arm] + days.sickness[arm] + days.cash[arm] + days.job[arm] + days.education[arm];
          expect(total).toBeCloseTo(Number(tau), 4);
          expect(days.public[arm]).toBeCloseTo(days.adp[arm] + days.sickness[arm] + days.cash[arm], 4);
        }
        // More exits to a job in the programme: fewer days on A-dagpenge, more in a job.
        expect(days.adp.difference).toBeGreaterThan(0);
        expect(days.job.difference).toBeLessThan(0);
      }
      for (const expenditure of Object.values(contrast.expenditure)) expect(expenditure.difference).toBeGreaterThan(0);
    }
    expect(truth.causal.median.control).toBe(98);
    // The path model is the default; paths: false is the first-spell model without a paths block.
    expect(computeTruth(config)).toEqual(truth);
    expect(computeTruth(config, { paths: false }).paths).toBeUndefined();
  });

  it("computeTruth with paths and no effect (ratio 1 everywhere) gives no difference in any state or in expenditure", () => {
    const truth = computeTruth(config, { paths: { interventionRateRatios: { sickness: 1, cash: 1, education: 1 } }, effect: { kind: "hazard-ratio", hazardRatio: 1 } });
    for (const days of Object.values(truth.paths!.causal.days)) for (const value of Object.values(days)) expect(value.difference).toBe(0);
    for (const value of Object.values(truth.paths!.causal.expenditure)) expect(value.difference).toBe(0);
    expect(truth.daysSaved).toBe(0);
  });

  it("computeTruth with paths refuses a horizon whose days fall in a year without money, naming the year", () => {
    const short = { ...config, money: { ...config.money, years: config.money.years.filter((year) => year.year <= 2018) } };
    expect(() => computeTruth(short, { paths: true })).toThrow(SimulationOptionsError);
    expect(() => computeTruth(short, { paths: true })).toThrow(/no entry for 2019/);
  });
});

describe("the path model's helpers and options", () => {
  it("regulaFalsi(x² - 2, 0, 2) finds √2 (the doc comment's example) and refuses an interval without a sign change", () => {
    expect(regulaFalsi((x) => x * x - 2, 0, 2, 1e-14)).toBeCloseTo(Math.SQRT2, 14);
    expect(() => regulaFalsi((x) => x * x + 1, 0, 2, 1e-14)).toThrow(RangeError);
  });

  it("seasonalFactor(w, 0) is 1 every week, and the factors average 1 over weeks 1-52 with a winter peak", () => {
    expect(seasonalFactor(2, 0)).toBeCloseTo(1, 14);
    let mean = 0;
    for (let week = 1; week <= 52; week++) mean += seasonalFactor(week, 0.25) / 52;
    expect(mean).toBeCloseTo(1, 12);
    expect(seasonalFactor(2, 0.25)).toBeGreaterThan(seasonalFactor(40, 0.25));
  });

  it("computeTruth rejects path options out of range, naming the option", () => {
    expect(() => computeTruth(esbjergConfig(), { paths: { moveWeeklyProbability: 0.5 } })).toThrow(/paths\.moveWeeklyProbability/);
    expect(() => computeTruth(esbjergConfig(), { paths: { interventionRateRatios: { sickness: 0 } } })).toThrow(SimulationOptionsError);
  });
});
