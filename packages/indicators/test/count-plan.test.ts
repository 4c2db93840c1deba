/**
 * The counting seam (count-plan.ts) on the hand panel of measures.test.ts (fixtures/hand,
 * weeks 2020-W01..W08; Mondays as day numbers 18260, 18267, ..., 18309): the window, the
 * requests an engine is asked, and the check that two code paths agree: an engine's
 * answers worked by hand, given to `evaluateCountedIndicators`, give exactly what
 * `evaluateIndicators` counts in memory.
 *
 * cash benefit KH: stock 2, 2, 2, 1 in weeks 1-4 (a 1-4, b 1-2, c 3), 3 persons;
 * resource course RF ended by 2020-W08: j on 2020-01-05 (self-support), g on 2020-01-12
 * (wage), h on 2020-01-19 (disability pension).
 */
import { describe, expect, it } from "vitest";
import { countingWindow, evaluateCountedIndicators, evaluateIndicators, planIndicatorCounts, readIndicatorData, type IndicatorCountAnswer } from "../src/index.ts";
import { HAND_DIR, specOf } from "./helpers.ts";

const W01 = 18260;
const week = (number: number) => W01 + 7 * (number - 1);
const data = readIndicatorData(HAND_DIR).data;
const extent = { firstMonday: week(1), lastMonday: week(8) };

describe("countingWindow(extent, asOf)", () => {
  it("counts from the first week of data to the last, and the as-of date is that week's Sunday", () => {
    expect(countingWindow(extent)).toEqual({ firstMonday: week(1), lastMonday: week(8), asOf: "2020-02-23" });
  });

  it("stops at the last complete week: the as-of date's own week when it is a Sunday, else the week before", () => {
    expect(countingWindow(extent, "2020-01-26")).toEqual({ firstMonday: week(1), lastMonday: week(4), asOf: "2020-01-26" });
    expect(countingWindow(extent, "2020-01-29")).toEqual({ firstMonday: week(1), lastMonday: week(4), asOf: "2020-01-29" });
  });

  it("is empty (first after last) without data and without an as-of date, or with an as-of date before the data", () => {
    expect(countingWindow(null)).toEqual({ firstMonday: 0, lastMonday: -7, asOf: "1970-01-01" });
    expect(countingWindow(extent, "2019-12-29")).toEqual({ firstMonday: 0, lastMonday: -7, asOf: "2019-12-29" });
  });

  it("without data but with an as-of date is the last complete week alone (its counts are 0)", () => {
    // 2020-03-01 is a Sunday: its own week, 2020-W09, Monday 2020-02-24
    expect(countingWindow(null, "2020-03-01")).toEqual({ firstMonday: week(9), lastMonday: week(9), asOf: "2020-03-01" });
  });
});

const stock = { measure: { kind: "averageStock", population: { codes: ["KH"] } }, period: { from: "2020-01-01", to: "2020-01-26" }, target: { kind: "atMost", value: 2 } };
const resourceStatus = {
  measure: {
    kind: "statusAfterEnd",
    population: { codes: ["RF"] },
    months: 1,
    statuses: [
      { name: "wage", label: { da: "Løn", en: "Wage" }, codes: ["LØN"] },
      { name: "disability", label: { da: "Førtidspension", en: "Disability pension" }, codes: ["FP"] },
      { name: "self-support", label: { da: "Selvforsørgelse", en: "Self-support" }, codes: [] },
    ],
    successStatuses: ["wage", "self-support"],
  },
  period: { from: "2020-01-01", to: "2020-01-31" },
  target: { kind: "atLeast", value: 50 },
};
const conversations = { measure: { kind: "weeklyEvents", events: ["samtale"] }, period: { from: "2020-01-01", to: "2020-01-26" }, target: { kind: "atLeast", value: 1 } };

describe("planIndicatorCounts(spec, window)", () => {
  it("asks for the measure over the window and, for a stock, the persons of the period's weeks counted so far", () => {
    const [request] = planIndicatorCounts(specOf(stock), countingWindow(extent));
    expect(request).toEqual({ measure: { kind: "averageStock", population: { codes: ["KH"] } }, firstMonday: week(1), lastMonday: week(8), persons: [{ population: { codes: ["KH"] }, firstMonday: week(1), lastMonday: week(4) }] });
    // as of 2020-01-19 only weeks 1-3 of January are counted
    expect(planIndicatorCounts(specOf(stock), countingWindow(extent, "2020-01-19"))[0]!.persons).toEqual([{ population: { codes: ["KH"] }, firstMonday: week(1), lastMonday: week(3) }]);
  });

  it("asks no persons for events per week or the status after end, and nothing in an empty window", () => {
    expect(planIndicatorCounts(specOf(conversations), countingWindow(extent))[0]!.persons).toEqual([]);
    expect(planIndicatorCounts(specOf(resourceStatus), countingWindow(extent))[0]!.persons).toEqual([]);
    expect(planIndicatorCounts(specOf(stock), countingWindow(null))).toEqual([]);
  });
});

describe("evaluateCountedIndicators(spec, window, answers) gives evaluateIndicators' results (two code paths)", () => {
  const window = countingWindow(extent);

  it("the average stock from the weekly counts worked by hand (weeks 5-8 without a row count 0): 1.75, 3 persons", () => {
    const answer: IndicatorCountAnswer = { weeks: [{ monday: week(2), numerator: 2, denominator: null }, { monday: week(1), numerator: 2, denominator: null }, { monday: week(3), numerator: 2, denominator: null }, { monday: week(4), numerator: 1, denominator: null }], ended: [], persons: [3] };
    const counted = evaluateCountedIndicators(specOf(stock), window, [answer], { toolVersion: "test" });
    expect(counted.indicators[0]!.value).toBe(1.75);
    expect(counted.indicators[0]!.persons).toBe(3);
    expect(counted).toEqual(evaluateIndicators(specOf(stock), data, { toolVersion: "test" }));
  });

  it("the status after end from ended spells by day of ending: 2 of 3 in wage or self-support", () => {
    const answer: IndicatorCountAnswer = { weeks: [], ended: [{ endDay: 18266, status: "self-support", count: 1 }, { endDay: 18273, status: "wage", count: 1 }, { endDay: 18280, status: "disability", count: 1 }], persons: [] };
    const counted = evaluateCountedIndicators(specOf(resourceStatus), window, [answer], { toolVersion: "test" });
    expect([counted.indicators[0]!.numerator, counted.indicators[0]!.denominator]).toEqual([2, 3]);
    expect(counted).toEqual(evaluateIndicators(specOf(resourceStatus), data, { toolVersion: "test" }));
  });

  it("events per week 3, 1, 0, 2 (week 3 without a row) and an empty window give the same results as memory", () => {
    const answer: IndicatorCountAnswer = { weeks: [{ monday: week(1), numerator: 3, denominator: null }, { monday: week(2), numerator: 1, denominator: null }, { monday: week(4), numerator: 2, denominator: null }], ended: [], persons: [] };
    expect(evaluateCountedIndicators(specOf(conversations), window, [answer], { toolVersion: "test" })).toEqual(evaluateIndicators(specOf(conversations), data, { toolVersion: "test" }));
    const before = { toolVersion: "test", asOf: "2019-12-01" };
    const empty = evaluateCountedIndicators(specOf(stock), countingWindow(extent, before.asOf), [], before);
    expect(empty.indicators[0]!.verdict).toBe("no_data");
    expect(empty).toEqual(evaluateIndicators(specOf(stock), data, before));
  });

  it("refuses answers that do not match the requests (our own bug, not the user's)", () => {
    expect(() => evaluateCountedIndicators(specOf(stock), window, [], { toolVersion: "test" })).toThrow("0 answers for 1 requests");
  });
});
