/**
 * Mean expenditure per citizen (partitioned IPCW): the three citizens of path-fixtures.ts
 * priced by hand at the right co-financing steps, a small case of the estimator and its
 * influence function by hand, the same estimate by the Kaplan-Meier route of Bang &
 * Tsiatis (another code path), the standard error against a numerical derivative, the
 * calendar standardization of prices, and a year without rates.
 */
import { DEFAULT_BENEFIT_STATES, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { kaplanMeier, randomSource } from "@jobtrial/survival";
import { describe, expect, it } from "vitest";
import { benefitPaths, type BenefitPath } from "../../src/evaluation/benefit-paths.ts";
import { armExpenditure, dayPrices, expenditureMeasures, type DayPrices } from "../../src/evaluation/expenditure.ts";
import { ASOF, COHORT, member, PANEL } from "./path-fixtures.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
function bundledMoney(): TrialConfig["money"] {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  return loaded.config.money;
}

/** A path of whole weeks: [from, to, public] per week, followed `followUp` days. */
function pathOf(followUp: number, spans: [number, number, boolean][], arm: "control" | "intervention" = "control"): BenefitPath {
  return {
    member: member(`x${followUp}-${spans.length}`, arm, "2017-01-02"),
    arm,
    followUp,
    movedAway: false,
    priorSupportWeeks: 0,
    returns: 0,
    weeks: spans.map(([from, to, isPublic]) => ({ from, to, state: isPublic ? 0 : 4, public: isPublic, code: isPublic ? "111" : "", supportWeek: 1 })),
  };
}

const flat = (price: number, days: number): DayPrices => () => new Float64Array(days).fill(price);

describe("expenditureMeasures", () => {
  it("expenditureMeasures(paths of three citizens) prices each benefit at its rate and each week at its co-financing step", () => {
    // 2017: A-dagpenge 849 kr. a benefit day, sickness benefit 700, 5 benefit days a week:
    // 606.43 and 500 kr. a calendar day; the municipality pays 20 % in support weeks 1-4,
    // 60 % in 5-26, 70 % in 27-52. Every day here falls in 2017.
    const money = bundledMoney();
    money.years = money.years.map((year) => (year.year === 2017 ? { ...year, benefitDailyRates: { "890": 700 } } : year));
    const set = benefitPaths(PANEL, COHORT, ASOF, DEFAULT_BENEFIT_STATES);
    const result = expenditureMeasures(set, DEFAULT_BENEFIT_STATES, money, { taus: [28, 33], primaryTau: 33 });
    // Within 28 days:
    // p1 (control): 21 days on A-dagpenge, support weeks 1-4: 21 × 849 × 5/7 × 0.2 = 2547.
    // p2: 14 days A-dagpenge (weeks 1-2) + 14 days sickness benefit (weeks 3-4): 14 × 121.29 + 14 × 500 × 0.2 = 1698 + 1400 = 3098.
    // p3: 28 days A-dagpenge in support weeks 31-34 (30 prior weeks): 28 × 606.43 × 0.7 = 11886.
    // Intervention mean (3098 + 11886) / 2 = 7492; influence ±(11886 - 3098) / 4 = ±2197, SE 2197 √2.
    // Within 33 days: p1 has 26 days on A-dagpenge (849 × 26 / 7 = 3153.43); p3 is censored at 28, so
    // days 28-32 are p2's alone: sickness benefit in support week 5, 500 × 0.6 = 300 a day, + 1500.
    const byTau = result.expenditure.byHorizon.map((entry) => ({ tau: entry.tau, control: entry.control, intervention: entry.intervention, saving: entry.saving.estimate }));
    const close = (value: number) => expect.closeTo(value, 8);
    expect(byTau).toEqual([
      { tau: 28, control: { estimate: close(2547), se: 0 }, intervention: { estimate: close(7492), se: close(2197 * Math.SQRT2) }, saving: close(2547 - 7492) },
      { tau: 33, control: { estimate: close((849 * 26) / 7), se: 0 }, intervention: { estimate: close(8992), se: close(2197 * Math.SQRT2) }, saving: close((849 * 26) / 7 - 8992) },
    ]);
    expect(result.expenditure.saving.tau).toBe(33);
    expect(result.expenditure.saving.se).toBeCloseTo(2197 * Math.SQRT2, 8);
    expect(result.notes).toEqual([]);
  });

  it("expenditureMeasures(...) leaves out a horizon whose days fall in a year without rates, and says so", () => {
    const money = { ...bundledMoney(), years: bundledMoney().years.filter((year) => year.year === 2017) };
    const cohort = [member("a", "control", "2017-12-04"), member("b", "intervention", "2017-12-04")];
    const panel = ["a", "b"].flatMap((pseudonym) => ["2017-W49", "2017-W50", "2017-W51", "2017-W52", "2018-W01"].map((week) => ({ pseudonym, week, code: "111" })));
    const set = benefitPaths(panel, cohort, "2018-01-08", DEFAULT_BENEFIT_STATES);
    const result = expenditureMeasures(set, DEFAULT_BENEFIT_STATES, money, { taus: [14, 35], primaryTau: 35 });
    expect(result.expenditure.byHorizon.map((entry) => entry.tau)).toEqual([14]);
    expect(result.expenditure.saving).toEqual({ estimate: null, se: null, lower: null, upper: null, p: null, tau: 35 });
    expect(result.notes).toEqual([{ code: "money-year-missing", tau: 35, year: 2018 }]);
  });
});

describe("armExpenditure", () => {
  it("armExpenditure(paths, flat price) is the sum of each day's mean cost among those followed on it, with the influence-function SE", () => {
    // Followed 20 days: a on A-dagpenge days 0-9, b days 0-3, then jobs; c on A-dagpenge, censored at 5.
    // R_d = 3 (d < 5), 2 after; m_d = 100 (d < 4), 200/3 (d = 4), 50 (5 <= d < 10), 0 after: 2150/3.
    // U_a = (100 - 200/3)/3 + 5 (100 - 50)/2 = 1225/9, U_b = -1325/9, U_c = 100/9.
    const paths = [pathOf(20, [[0, 10, true], [10, 20, false]]), pathOf(20, [[0, 4, true], [4, 20, false]]), pathOf(5, [[0, 5, true]])];
    const result = armExpenditure(paths, flat(100, 20), [4, 20]);
    expect(result.mean[0]).toBeCloseTo(400, 10);
    expect(result.mean[1]).toBeCloseTo(2150 / 3, 10);
    expect(result.se[0]).toBe(0);
    expect(result.se[1]).toBeCloseTo(Math.sqrt(1225 ** 2 + 1325 ** 2 + 100 ** 2) / 9, 10);
  });

  it("armExpenditure(...) equals Bang & Tsiatis' partitioned estimator with the censoring distribution from kaplanMeier, and its SE the numerical influence", () => {
    // 60 citizens with random weekly paths and follow-up (some beyond tau), prices varying by day.
    const random = randomSource(13);
    const tau = 60;
    const paths: BenefitPath[] = [];
    for (let person = 0; person < 60; person++) {
      const followUp = 3 + Math.floor(random.next() * 80);
      const spans: [number, number, boolean][] = [];
      for (let from = 0; from < followUp; from += 7) spans.push([from, Math.min(from + 7, followUp), random.next() < 0.6]);
      paths.push(pathOf(followUp, spans));
    }
    const price = Float64Array.from({ length: tau }, (_, day) => 100 + 3 * day);
    const prices: DayPrices = () => price;
    const result = armExpenditure(paths, prices, [tau]);

    const cost = (path: BenefitPath, day: number) => (path.weeks.some((week) => week.public && week.from <= day && day < week.to) ? price[day]! : 0);
    // K̂(d) = P(C > d) by Kaplan-Meier of the follow-up times, every one an event (nothing else ends follow-up).
    const km = kaplanMeier({ time: paths.map((path) => path.followUp), event: paths.map(() => 1), group: paths.map(() => "all") }).curves["all"]!;
    const censoringSurvival = (day: number) => {
      let value = 1;
      km.time.forEach((time, index) => {
        if (time <= day) value = km.surv[index]!;
      });
      return value;
    };
    let bangTsiatis = 0;
    for (let day = 0; day < tau; day++) for (const path of paths) if (path.followUp > day) bangTsiatis += cost(path, day) / censoringSurvival(day) / paths.length;
    expect(result.mean[0]).toBeCloseTo(bangTsiatis, 8);

    // The influence of citizen i: the derivative of the weighted estimator in w_i, by central differences.
    const weighted = (weights: number[]) => {
      let total = 0;
      for (let day = 0; day < tau; day++) {
        let numerator = 0;
        let denominator = 0;
        paths.forEach((path, index) => {
          if (path.followUp > day) {
            numerator += weights[index]! * cost(path, day);
            denominator += weights[index]!;
          }
        });
        total += numerator / denominator;
      }
      return total;
    };
    const step = 1e-5;
    let variance = 0;
    paths.forEach((_, index) => {
      const up = paths.map((__, other) => (other === index ? 1 + step : 1));
      const down = paths.map((__, other) => (other === index ? 1 - step : 1));
      variance += ((weighted(up) - weighted(down)) / (2 * step)) ** 2;
    });
    expect(result.se[0]! / Math.sqrt(variance)).toBeCloseTo(1, 6);
  });
});

describe("dayPrices", () => {
  it("dayPrices(...) prices a day at the intake calendar's average over the years it falls in", () => {
    const money = bundledMoney();
    money.years = money.years.map((year) => (year.year === 2017 ? { ...year, benefitDailyRates: { "890": 700 } } : year));
    // Entries 1 June and 30 December 2017: from day 2 on, half the intake's days fall in 2018 (849 -> 860).
    const entries = Float64Array.from([17318, 17530]); // 2017-06-01, 2017-12-30 as day numbers
    const prices = dayPrices(DEFAULT_BENEFIT_STATES, money, entries, 5);
    const perDay = (rate: number, share: number) => (rate * 5 * share) / 7;
    expect(Array.from(prices("111", 5))).toEqual([0, 1, 2, 3, 4].map((day) => expect.closeTo(day < 2 ? perDay(849, 0.6) : (perDay(849, 0.6) + perDay(860, 0.6)) / 2, 10)));
    // Sickness benefit: 700 in 2017, maxDailyBenefit (860) in 2018, where no rate is listed.
    expect(prices("890", 1)[4]).toBeCloseTo((perDay(700, 0.2) + perDay(860, 0.2)) / 2, 10);
    expect(prices("111", 53)[0]).toBeCloseTo(perDay(849, 0.8), 10);
  });
});
