/**
 * Counted rows: every conformance case (test/fixtures/conformance, copied from
 * ../shared/conformance) compressed to one row per distinct (group, stratum, time, event)
 * with a count — what a database's GROUP BY hands back — gives the numbers of the
 * per-person rows within 1e-10 (relative; absolute 1e-12 near zero) in every estimator:
 * Kaplan-Meier, log-rank (plain and stratified), RMST, Cox (Efron and Breslow, plain and
 * stratified, and with a covariate when the rows are grouped on it too), the
 * Aalen-Johansen cumulative incidence with its IJ standard error, the summary, and the
 * multi-state occupancy with its IJ standard error and restricted mean times.
 */
import { describe, expect, it } from "vitest";
import { coxProportionalHazards } from "../src/cox-model.ts";
import { cumulativeIncidence } from "../src/cumulative-incidence.ts";
import { kaplanMeier } from "../src/kaplan-meier.ts";
import { logRank } from "../src/log-rank.ts";
import { AnalyzeError } from "../src/messages.ts";
import { multiStateOccupancy } from "../src/multi-state-occupancy.ts";
import { restrictedMeanSurvival } from "../src/restricted-mean.ts";
import { survivalSummary } from "../src/survival-summary.ts";
import { PENN_DIRECTORY, readCase } from "./conformance-helpers.ts";

const TOLERANCE = 1e-10;
/**
 * The likelihood-ratio statistic is 2 (l(β) - l(0)), a difference of two log partial
 * likelihoods some 10^3-10^4 times larger than itself (penn: -4·10^4 against 6), so the
 * rounding of the sums (in another order on counted rows) reaches it magnified by that
 * factor; the log likelihoods themselves are held to 1e-10.
 */
const LIKELIHOOD_RATIO_TOLERANCE = 1e-8;

type Cell = number | string | null;

/** One row per distinct combination of the key columns, with the number of rows it stands for (a GROUP BY ... COUNT(*)). */
function compress(columns: Record<string, ArrayLike<Cell>>): { columns: Record<string, Cell[]>; count: number[] } {
  const names = Object.keys(columns);
  const length = columns[names[0]!]!.length;
  const index = new Map<string, number>();
  const out: Record<string, Cell[]> = Object.fromEntries(names.map((name) => [name, []]));
  const count: number[] = [];
  for (let row = 0; row < length; row++) {
    const cells = names.map((name) => {
      const value = columns[name]![row]!;
      return typeof value === "number" && Number.isNaN(value) ? null : value;
    });
    const key = JSON.stringify(cells);
    const existing = index.get(key);
    if (existing !== undefined) {
      count[existing]!++;
      continue;
    }
    index.set(key, count.length);
    count.push(1);
    names.forEach((name, position) => out[name]!.push(cells[position]!));
  }
  // Reverse, so the counted rows are not in the order of the per-person rows.
  for (const name of names) out[name]!.reverse();
  count.reverse();
  return { columns: out, count };
}

/** Every number in `actual` equals the one at the same place in `expected` within the tolerance; everything else is equal. */
function expectSameNumbers(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    const got = actual as number;
    if (Number.isNaN(expected) || !Number.isFinite(expected)) {
      expect(Object.is(got, expected) || (Number.isNaN(got) && Number.isNaN(expected)), `${path}: ${got} vs ${expected}`).toBe(true);
      return;
    }
    const tolerance = /likelihoodRatio|lrP/.test(path) ? LIKELIHOOD_RATIO_TOLERANCE : TOLERANCE;
    const allowed = Math.max(tolerance * Math.abs(expected), 1e-12);
    expect(Math.abs(got - expected) <= allowed, `${path}: counted ${got}, per person ${expected}`).toBe(true);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  const expectedEntries = ArrayBuffer.isView(expected) ? Array.from(expected as unknown as ArrayLike<number>) : expected;
  const actualEntries = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<number>) : actual;
  expect(actualEntries !== null && typeof actualEntries === "object", `${path}: not an object`).toBe(true);
  expect(Object.keys(actualEntries as object).sort(), `${path}: keys`).toEqual(Object.keys(expectedEntries as object).sort());
  for (const key of Object.keys(expectedEntries as object)) {
    expectSameNumbers((actualEntries as Record<string, unknown>)[key], (expectedEntries as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

interface EventCase {
  label: string;
  time: ArrayLike<number>;
  event: ArrayLike<number>;
  group: ArrayLike<string | null>;
  strata?: ArrayLike<string | null>;
  covariate?: ArrayLike<number>;
  groups: string[];
  taus: number[];
}

function checkEventCase(test: EventCase): void {
  const perPerson = { time: test.time, event: test.event, group: test.group, ...(test.strata ? { strata: test.strata } : {}) };
  const keyColumns: Record<string, ArrayLike<Cell>> = { time: test.time, event: test.event, group: test.group };
  if (test.strata) keyColumns.strata = test.strata;
  const compressed = compress(keyColumns);
  const counted = {
    time: compressed.columns.time as (number | null)[],
    event: compressed.columns.event as (number | null)[],
    group: compressed.columns.group as (string | null)[],
    ...(test.strata ? { strata: compressed.columns.strata as (string | null)[] } : {}),
    count: compressed.count,
  };
  const { groups, taus } = test;
  describe(`${test.label} as counted rows`, () => {
    it(`stands for the same persons (${test.time.length} rows)`, () => {
      expect(compressed.count.length).toBeLessThanOrEqual(test.time.length);
      expect(compressed.count.reduce((sum, value) => sum + value, 0)).toBe(test.time.length);
    });
    it("kaplanMeier(counted) equals kaplanMeier(per person) for every band", () => {
      for (const confType of ["log-log", "log", "plain"] as const) {
        expectSameNumbers(kaplanMeier(counted, { groups, confType }), kaplanMeier(perPerson, { groups, confType }), confType);
      }
    });
    it("logRank(counted) equals logRank(per person), plain and stratified", () => {
      expectSameNumbers(logRank(counted, { groups }), logRank(perPerson, { groups }));
      if (test.strata) expectSameNumbers(logRank(counted, { groups, stratified: true }), logRank(perPerson, { groups, stratified: true }));
    });
    it("restrictedMeanSurvival(counted) equals restrictedMeanSurvival(per person) at every tau", () => {
      expectSameNumbers(restrictedMeanSurvival(counted, { groups, taus }), restrictedMeanSurvival(perPerson, { groups, taus }));
    });
    it("coxProportionalHazards(counted) equals coxProportionalHazards(per person): efron, breslow, plain and stratified", () => {
      for (const ties of ["efron", "breslow"] as const) {
        for (const stratified of test.strata ? [false, true] : [false]) {
          const { iterations: _countedIterations, ...fromCounts } = coxProportionalHazards(counted, { groups, ties, stratified });
          const { iterations: _personIterations, ...fromPersons } = coxProportionalHazards(perPerson, { groups, ties, stratified });
          expectSameNumbers(fromCounts, fromPersons, `${ties} stratified=${stratified}`);
        }
      }
    });
    it("survivalSummary(counted) equals survivalSummary(per person)", () => {
      expectSameNumbers(survivalSummary(counted, { groups, taus }), survivalSummary(perPerson, { groups, taus }));
    });
    if (test.covariate) {
      it("coxProportionalHazards with a covariate is exact on rows counted over the covariate too", () => {
        const withCovariate = compress({ ...keyColumns, covariate: test.covariate! });
        const countedWithCovariate = {
          time: withCovariate.columns.time as (number | null)[],
          event: withCovariate.columns.event as (number | null)[],
          group: withCovariate.columns.group as (string | null)[],
          count: withCovariate.count,
          covariates: { age: withCovariate.columns.covariate as (number | null)[] },
        };
        const { iterations: _a, ...fromCounts } = coxProportionalHazards(countedWithCovariate, { groups });
        const { iterations: _b, ...fromPersons } = coxProportionalHazards({ ...perPerson, covariates: { age: test.covariate! } }, { groups });
        expectSameNumbers(fromCounts, fromPersons);
      });
    }
  });
}

for (const name of ["lung", "tiny_edge", "trial_days"]) {
  const data = readCase(name, ["time", "event", "age"], ["group", "stratum"]);
  checkEventCase({
    label: name,
    time: data.numbers.time!,
    event: data.numbers.event!,
    group: data.labels.group!,
    strata: data.labels.stratum!,
    covariate: data.numbers.age!,
    groups: data.expected.meta.group_levels,
    taus: data.expected.meta.taus,
  });
}

{
  const data = readCase("penn", ["time", "event", "event_exhaustion_censored"], ["group"], PENN_DIRECTORY);
  for (const column of ["event", "event_exhaustion_censored"]) {
    checkEventCase({
      label: `penn ${column}`,
      time: data.numbers.time!,
      event: data.numbers[column]!,
      group: data.labels.group!,
      groups: data.expected.meta.group_levels,
      taus: data.expected.meta.taus,
    });
  }
}

describe("competing_shared as counted rows", () => {
  const data = readCase("competing_shared", ["time", "state", "age"], ["group", "stratum"]);
  const groups: string[] = data.expected.meta.group_levels;
  const time = data.numbers.time!;
  const state = data.numbers.state!;
  const group = data.labels.group!;
  const compressed = compress({ time, state, group });
  const counted = {
    time: compressed.columns.time as (number | null)[],
    state: compressed.columns.state as (number | null)[],
    group: compressed.columns.group as (string | null)[],
    count: compressed.count,
  };
  it("cumulativeIncidence(counted) equals cumulativeIncidence(per person): counts, estimates, IJ standard errors, bands", () => {
    expect(compressed.count.length).toBeLessThan(time.length);
    expectSameNumbers(cumulativeIncidence(counted, { groups }), cumulativeIncidence({ time, state, group }, { groups }));
  });
  it("survivalSummary(counted state data) equals survivalSummary(per person)", () => {
    expectSameNumbers(survivalSummary(counted, { groups, at: [91, 182, 364] }), survivalSummary({ time, state, group }, { groups, at: [91, 182, 364] }));
  });
  for (const code of [1, 2]) {
    const event = Float64Array.from(state, (value) => (value === code ? 1 : value > 0 ? 0 : value));
    checkEventCase({ label: `competing_shared exit ${code}`, time, event, group, strata: data.labels.stratum!, groups, taus: data.expected.meta.taus });
  }
});

describe("multistate as counted rows", () => {
  const data = readCase("multistate", ["tstart", "tstop"], ["id", "arm", "from", "to"]);
  const expected = data.expected;
  const options = { states: expected.states as string[], censor: "censor", initial: "adp", groups: ["control", "intervention"], taus: expected.taus as number[], sets: { public: ["adp", "other"] } };
  const episodes = {
    id: data.labels.id!,
    group: data.labels.arm!,
    start: data.numbers.tstart!,
    stop: data.numbers.tstop!,
    from: data.labels.from!,
    to: data.labels.to!,
  };
  // Persons with the same group and the same path become one id with a count.
  const rowsOfId = new Map<string, number[]>();
  episodes.id.forEach((id, row) => {
    const rows = rowsOfId.get(id!) ?? [];
    rows.push(row);
    rowsOfId.set(id!, rows);
  });
  const pathCount = new Map<string, { rows: number[]; count: number }>();
  for (const rows of rowsOfId.values()) {
    const path = JSON.stringify(rows.map((row) => [episodes.group[row], episodes.start[row], episodes.stop[row], episodes.from[row], episodes.to[row]]));
    const entry = pathCount.get(path);
    if (entry) entry.count++;
    else pathCount.set(path, { rows, count: 1 });
  }
  const counted = { id: [] as string[], group: [] as string[], start: [] as number[], stop: [] as number[], from: [] as string[], to: [] as string[], count: [] as number[] };
  [...pathCount.values()].reverse().forEach((entry, pathIndex) => {
    for (const row of entry.rows) {
      counted.id.push(`path${pathIndex}`);
      counted.group.push(episodes.group[row]!);
      counted.start.push(episodes.start[row]!);
      counted.stop.push(episodes.stop[row]!);
      counted.from.push(episodes.from[row]!);
      counted.to.push(episodes.to[row]!);
      counted.count.push(entry.count);
    }
  });

  it("multiStateOccupancy(counted paths) equals multiStateOccupancy(per person): pstate, IJ std_err, restricted means and their difference", () => {
    expect(pathCount.size).toBeLessThan(rowsOfId.size);
    const fromCounts = multiStateOccupancy(counted, options);
    const fromPersons = multiStateOccupancy(episodes, options);
    expect(fromCounts.curves.control!.nPersons).toBe(fromPersons.curves.control!.nPersons);
    expectSameNumbers(
      { curves: Object.values(fromCounts.curves).map(({ nIds: _ids, ...curve }) => curve), restrictedMean: fromCounts.restrictedMean },
      { curves: Object.values(fromPersons.curves).map(({ nIds: _ids, ...curve }) => curve), restrictedMean: fromPersons.restrictedMean },
    );
  });
});

describe("counted rows worked by hand", () => {
  // Persons: times 2, 3, 3 (censored), 5, 5, 8 (censored); counted: 2x1, 3x1 event, 3x1 censored, 5x2, 8x1.
  it("kaplanMeier on counted rows, unsorted, with a missing count, gives the hand-worked curve", () => {
    const result = kaplanMeier({ time: [5, 3, 8, 2, 3, 4], event: [1, 0, 0, 1, 1, 1], group: ["a", "a", "a", "a", "a", "a"], count: [2, 1, 1, 1, 1, null] });
    const curve = result.curves.a!;
    expect(result.n).toBe(6);
    expect(result.nDropped).toBe(1);
    expect(curve.time).toEqual([2, 3, 5, 8]);
    expect(curve.nRisk).toEqual([6, 5, 3, 1]);
    expect(curve.nEvent).toEqual([1, 1, 2, 0]);
    // 5/6, then 5/6 · 4/5 = 2/3, then 2/3 · 1/3 = 2/9
    expect(curve.surv.map((value) => value.toFixed(12))).toEqual([5 / 6, 2 / 3, 2 / 9, 2 / 9].map((value) => value.toFixed(12)));
  });
  it("a count that is not a whole number >= 1 is an error naming the row", () => {
    for (const bad of [0, 1.5, -2]) {
      const call = () => kaplanMeier({ time: [1, 2], event: [1, 0], group: ["a", "a"], count: [1, bad] });
      expect(call).toThrowError(AnalyzeError);
      expect(call).toThrowError(/Row 2: count/);
    }
  });
});
