/**
 * The measures on a panel small enough to count by hand (fixtures/hand, rows unsorted):
 *
 * cash benefit KH: a weeks 1-4, b weeks 1-2, c week 3 (2020-W01..W04)
 *   full-time persons over weeks 1-4 = 4/4 + 2/4 + 1/4 = 1.75; weekly stock 2, 2, 2, 1 -> mean 1.75
 *   aged 50 or less in 2020 (a 40, b 30; c is 60): 4/4 + 2/4 = 1.5; target group "ap" (a, c): 1.25
 * flex-job scheme FJ + LY: d FJ 1-4, e LY 1-2 then FJ 3-4, f LY 1-4
 *   on LY: 2, 2, 1, 1 of 3 each week -> 1.5 of 3 full-time persons = 50 %
 * resource course RF, status one month after the end (4 weeks without RF end a spell):
 *   g RF 1-2, wage (LØN) 6-8: ends Sunday 2020-01-12, status day 2020-02-12 (W07): wage
 *   h RF 1-3, disability pension (FP) 4-8: ends 2020-01-19, status day 2020-02-19 (W08): disability pension
 *   i RF 1-2 and 4 (a one-week gap does not end it): ends 2020-01-26, status day 2020-02-26 is after
 *     the last week of data (W08): not counted yet
 *   j RF 1: ends 2020-01-05, status day 2020-02-05 (W06) without any code: self-support
 *   -> 3 ended spells: wage 1, disability 1, self-support 1; success (wage, education, self-support) 2 of 3
 * events: conversations 3, 1, 0, 2 in weeks 1-4 -> 1.5 a week, sd² = 5/3;
 *   CV within 2 weeks among KH: a (CV week 1) weeks 1-2, b (CV week 2) week 2 -> 1, 2, 0, 0 of 2, 2, 2, 1 = 3/7
 */
import { describe, expect, it } from "vitest";
import { evaluateIndicators, readIndicatorData } from "../src/index.ts";
import { countMeasure, fullTimePersons } from "../src/measures.ts";
import { membership } from "../src/population.ts";
import { mondayOf } from "../src/read-data.ts";
import { HAND_DIR, specOf } from "./helpers.ts";

const JANUARY = { from: "2020-01-01", to: "2020-01-26" };
const read = readIndicatorData(HAND_DIR);
const data = read.data;
const weeks1to4 = [1, 2, 3, 4].map((week) => mondayOf(`2020-W0${week}`));

function evaluate(indicator: Record<string, unknown>, asOf?: string) {
  const options = asOf === undefined ? { toolVersion: "test" } : { toolVersion: "test", asOf };
  return evaluateIndicators(specOf(indicator), data, options).indicators[0]!;
}

describe("readIndicatorData(fixtures/hand)", () => {
  it("reads the panel through analyze's reader without a problem, weeks 2020-W01 to W08", () => {
    expect(read.problems).toEqual([]);
    expect(data.firstMonday).toBe(mondayOf("2020-W01"));
    expect(data.lastMonday).toBe(mondayOf("2020-W08"));
    expect(data.panel.get("e")!.get(mondayOf("2020-W03"))).toEqual(["fj"]);
  });
});

describe("full-time persons and average stock", () => {
  it("fullTimePersons sums each person's weeks over the period's weeks: 4/4 + 2/4 + 1/4 = 1.75", () => {
    expect(fullTimePersons(data, membership(data, { codes: ["KH"] }), weeks1to4)).toEqual({ fullTimePersons: 1.75, persons: 3 });
  });

  it("fullTimePersons with an age range and a target group leaves out who falls outside them", () => {
    expect(fullTimePersons(data, membership(data, { codes: ["kh"], age: { min: 0, max: 50 } }), weeks1to4).fullTimePersons).toBe(1.5);
    expect(fullTimePersons(data, membership(data, { codes: ["KH"], targetGroups: ["AP"] }), weeks1to4).fullTimePersons).toBe(1.25);
  });

  it("the weekly stock is 2, 2, 2, 1 and its mean equals the full-time persons (two code paths)", () => {
    const counts = countMeasure(data, { kind: "averageStock", population: { codes: ["KH"] } }, weeks1to4[0]!, weeks1to4[3]!);
    expect(counts.points.map((point) => point.numerator)).toEqual([2, 2, 2, 1]);
    const stock = evaluate({ measure: { kind: "averageStock", population: { codes: ["KH"] } }, period: JANUARY, target: { kind: "atMost", value: 2 } });
    const fullTime = evaluate({ measure: { kind: "fullTimePersons", population: { codes: ["KH"] } }, period: JANUARY, target: { kind: "atMost", value: 2 } });
    expect(stock.value).toBe(1.75);
    expect(fullTime.value).toBe(1.75);
    expect(fullTime.persons).toBe(3);
    expect(fullTime.complete).toBe(true);
    expect(fullTime.verdict).toBe("met");
  });
});

describe("share of a stock in a state", () => {
  it("ledighedsydelse among the flex-job scheme: 1.5 of 3 full-time persons = 50 %, with the Wilson interval of 1.5 of 3", () => {
    const share = evaluate({ measure: { kind: "stockShare", population: { codes: ["FJ", "LY"] }, stateCodes: ["LY"] }, period: JANUARY, target: { kind: "atMost", value: 10.3 } });
    expect(share.numerator).toBe(1.5);
    expect(share.denominator).toBe(3);
    expect(share.value).toBe(50);
    // R: prop.test(1.5, 3, correct = FALSE) refuses fractions; the Wilson formula with n = 3, p = 0.5, z = 1.959964:
    // centre 0.5, half width 1.959964 / (1 + 1.959964^2 / 3) * sqrt(0.25 / 3 + 1.959964^2 / 36) = 0.85946 * 0.43593 = 0.37467
    expect(share.interval!.lower).toBeCloseTo(12.533, 2);
    expect(share.interval!.upper).toBeCloseTo(87.467, 2);
    expect(share.verdict).toBe("missed");
  });
});

describe("status after an ended spell", () => {
  const measure = {
    kind: "statusAfterEnd",
    population: { codes: ["RF"] },
    months: 1,
    statuses: [
      { name: "wage", label: { da: "Løn", en: "Wage" }, codes: ["LØN"] },
      { name: "education", label: { da: "Uddannelse", en: "Education" }, codes: ["SU"] },
      { name: "disability", label: { da: "Førtidspension", en: "Disability pension" }, codes: ["FP"] },
      { name: "self-support", label: { da: "Selvforsørgelse", en: "Self-support" }, codes: [] },
    ],
    successStatuses: ["wage", "education", "self-support"],
    reference: { wage: 20, education: 5, disability: 10, "self-support": 30 },
  };

  it("counts g (wage), h (disability pension) and j (self-support); i's status day is after the data", () => {
    const result = evaluate({ measure, period: { from: "2020-01-01", to: "2020-01-31" }, target: { kind: "atLeast", value: 55 } });
    expect(result.distribution!.map((row) => [row.status, row.count])).toEqual([
      ["wage", 1],
      ["education", 0],
      ["disability", 1],
      ["self-support", 1],
      ["other", 0],
    ]);
    expect(result.numerator).toBe(2);
    expect(result.denominator).toBe(3);
    expect(result.value).toBeCloseTo(200 / 3, 10);
    expect(result.distribution!.find((row) => row.status === "wage")!.reference).toBe(20);
  });

  it("a one-week gap does not end a spell, and a spell ends only after the weeks without", () => {
    const strict = evaluate({ measure: { ...measure, weeksWithout: 1 }, period: { from: "2020-01-01", to: "2020-01-31" }, target: { kind: "atLeast", value: 55 } });
    // With one week enough, i's first spell ends after week 2 (2020-01-12); its status day 2020-02-12 (W07) has no code.
    expect(strict.denominator).toBe(4);
    expect(strict.distribution!.find((row) => row.status === "self-support")!.count).toBe(2);
  });
});

describe("events", () => {
  it("conversations a week: 3, 1, 0, 2 -> 1.5, interval 1.5 ± 1.96 · sqrt(5/3 / 4)", () => {
    const result = evaluate({ measure: { kind: "weeklyEvents", events: ["samtale"] }, period: JANUARY, target: { kind: "atLeast", value: 1.5 } });
    expect(result.series.filter((point) => point.inPeriod).map((point) => point.value)).toEqual([3, 1, 0, 2]);
    expect(result.value).toBe(1.5);
    expect(result.interval!.upper - 1.5).toBeCloseTo(1.959964 * Math.sqrt(5 / 3 / 4), 5);
    expect(result.verdict).toBe("met");
  });

  it("CV within the last 2 weeks among the cash-benefit stock: 1, 2, 0, 0 of 2, 2, 2, 1 = 3/7", () => {
    const result = evaluate({ measure: { kind: "eventShare", population: { codes: ["KH"] }, events: ["cv"], withinWeeks: 2 }, period: JANUARY, target: { kind: "atLeast", value: 75 } });
    expect(result.series.filter((point) => point.inPeriod).map((point) => [point.numerator, point.denominator])).toEqual([
      [1, 2],
      [2, 2],
      [0, 2],
      [0, 1],
    ]);
    expect(result.value).toBeCloseTo(300 / 7, 10);
  });
});
