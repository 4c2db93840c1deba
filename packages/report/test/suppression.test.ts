import { describe, expect, it } from "vitest";
import { parseResults } from "../src/report.ts";
import { discloseResults, effectiveMinCellSize } from "../src/disclose-results.ts";
import { isSmallCount, suppressCells } from "../src/suppression.ts";
import { rawResults } from "./helpers.ts";

describe("isSmallCount", () => {
  it("isSmallCount(n, 5) is false for 0, true for 1 to 4, false from 5; a count that arrived suppressed (null) stays small", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => isSmallCount(n, 5))).toEqual([false, true, true, true, true, false, false]);
    expect(isSmallCount(null, 5)).toBe(true);
  });
});

describe("suppressCells", () => {
  it("shows a zero part and never hides it as the complement of a small one", () => {
    const outcome = suppressCells({ total: 40, a: 3, zero: 0, b: 37 }, [{ total: "total", parts: ["a", "zero", "b"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ total: 40, a: null, zero: 0, b: null });
    expect([...outcome.secondary]).toEqual(["b"]);
  });

  it("hides the total when every other part is zero", () => {
    const outcome = suppressCells({ total: 3, a: 3, z1: 0, z2: 0 }, [{ total: "total", parts: ["a", "z1", "z2"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ total: null, a: null, z1: 0, z2: 0 });
  });

  it("picks the smallest non-zero shown part as the complement of a count that arrived suppressed", () => {
    const outcome = suppressCells({ x: null, z: 0, c: 8, d: 30 }, [{ parts: ["x", "z", "c", "d"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ x: null, z: 0, c: null, d: 30 });
  });

  it("suppresses a small part and the smallest other part when the total is shown", () => {
    const outcome = suppressCells({ total: 30, a: 3, b: 12, c: 15 }, [{ total: "total", parts: ["a", "b", "c"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ total: 30, a: null, b: null, c: 15 });
    expect([...outcome.primary]).toEqual(["a"]);
    expect([...outcome.secondary]).toEqual(["b"]);
  });

  it("keeps zeros and leaves a line alone when two parts are already suppressed", () => {
    const outcome = suppressCells({ total: 20, a: 2, b: 4, c: 14, d: 0 }, [{ total: "total", parts: ["a", "b", "c", "d"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ total: 20, a: null, b: null, c: 14, d: 0 });
    expect(outcome.secondary.size).toBe(0);
  });

  it("follows a chain of constraints: a partner suppressed in one line is protected in the next", () => {
    const outcome = suppressCells(
      { all: 100, x: 40, y: 60, x1: 2, x2: 38, y1: 30, y2: 30 },
      [
        { total: "all", parts: ["x", "y"] },
        { total: "x", parts: ["x1", "x2"] },
      ],
      5,
    );
    // x1 is small; x is shown, so x2 = x - x1 would give it away: x2 is hidden too
    expect(Object.fromEntries(outcome.values)).toMatchObject({ x1: null, x2: null, x: 40 });
  });

  it("treats a constraint without a total cell as having a known total", () => {
    const outcome = suppressCells({ w1: 20, w2: 3, w3: 25 }, [{ parts: ["w1", "w2", "w3"] }], 5);
    expect(Object.fromEntries(outcome.values)).toEqual({ w1: null, w2: null, w3: 25 });
  });
});

describe("discloseResults", () => {
  it("never uses a minimum cell size below 3 or below the configuration's", () => {
    const raw = rawResults();
    raw.minCellSize = 2;
    raw.config.disclosure.minCellSize = 4;
    expect(effectiveMinCellSize(parseResults(raw))).toBe(4);
  });

  it("suppresses a small flow count and a partner so it cannot be recovered from the arm's total", () => {
    const raw = rawResults();
    raw.flow.voided = { control: 13, intervention: 9 };
    raw.flow.excluded = [
      { reason: "no outcome data", control: 3, intervention: 6 },
      { reason: "entered after the as-of date", control: 8, intervention: 0 },
    ];
    const { results, disclosure } = discloseResults(parseResults(raw));
    expect(results.flow.excluded).toEqual([
      { reason: "no outcome data", control: null, intervention: 6 },
      { reason: "entered after the as-of date", control: null, intervention: 0 },
    ]);
    expect(results.flow.voided).toEqual({ control: 13, intervention: 9 });
    expect(disclosure.secondary).toBeGreaterThan(0);
  });

  it("hides the assigned count with a small voided count: the intake leaves voided assignments out, so assigned minus the intake's sum would give it away", () => {
    const raw = rawResults();
    const years = (arm: "control" | "intervention") => raw.intake.byYear.reduce((sum: number, row: Record<string, number>) => sum + row[arm]!, 0);
    raw.flow.voided = { control: 3, intervention: 0 };
    raw.flow.assigned = { control: years("control") + 3, intervention: years("intervention") };
    // results as an analyze that had not hidden the exclusion themselves (the fixture's analyze hides them as voided's complement)
    raw.flow.excluded.find((entry: { code: string }) => entry.code === "no-outcome-data")!.control = 7;
    raw.flow.excluded.find((entry: { code: string }) => entry.code === "no-outcome-data")!.intervention = 6;
    const { results } = discloseResults(parseResults(raw));
    expect(results.flow.voided).toEqual({ control: null, intervention: 0 });
    expect(results.flow.assigned).toEqual({ control: null, intervention: years("intervention") });
    // the reason for exclusion stays shown: with assigned hidden, nothing gives the voided count away
    expect(results.flow.excluded.find((entry) => entry.code === "no-outcome-data")).toMatchObject({ control: 7, intervention: 6 });
    expect(results.intake.byYear).toEqual(raw.intake.byYear);
  });

  it("does not link assigned and intake when the input's numbers say the intake is something else", () => {
    const raw = rawResults();
    raw.flow.voided = { control: 3, intervention: 0 };
    raw.flow.assigned.control += 10; // 10 more assigned than intake + voided: no such link
    raw.flow.excluded.find((entry: { code?: string }) => entry.code === "no-outcome-data").control += 7;
    const { results } = discloseResults(parseResults(raw));
    expect(results.flow.assigned.control).toBe(raw.flow.assigned.control);
  });

  it("hides a week's count when the other arm's count in that week is small, since the week's n is shown", () => {
    const raw = rawResults();
    const week = raw.intake.byWeek[10];
    week.control = 2;
    const allocationWeek = raw.allocation.byWeek.find((row: { week: string }) => row.week === week.week);
    allocationWeek.n = 2 + week.intervention;
    const { results } = discloseResults(parseResults(raw));
    const disclosedWeek = results.intake.byWeek[10]!;
    expect(disclosedWeek.control).toBeNull();
    expect(disclosedWeek.intervention).toBeNull();
    expect(results.allocation.byWeek.find((row) => row.week === week.week)!.share).toBeNull();
  });

  it("stops the Kaplan-Meier curves where fewer than the minimum are at risk, and the incidence curves with them", () => {
    const { results } = discloseResults(parseResults(rawResults()));
    for (const arm of ["control", "intervention"] as const) {
      expect(results.km[arm].every((row) => row.nRisk >= 5)).toBe(true);
      const lastTime = results.km[arm].at(-1)!.time;
      for (const curve of Object.values(results.selfSupport.cif[arm])) expect(curve.every((row) => row.time <= lastTime)).toBe(true);
    }
  });

  it("hides the share of a binary covariate held by fewer than the minimum, and its SMD", () => {
    const raw = rawResults();
    const row = raw.balance.find((entry: { kind: string }) => entry.kind === "binary");
    row.intervention.mean = 3 / row.intervention.n;
    const { results } = discloseResults(parseResults(raw));
    const disclosed = results.balance.find((entry) => entry.covariate === row.covariate && entry.level === row.level)!;
    expect([disclosed.intervention.mean, disclosed.smd]).toEqual([null, null]);
  });

  it("hides a subgroup's estimate when one arm's count is suppressed, and protects it against the arm total", () => {
    const raw = rawResults();
    raw.subgroups[0].groups[3].n.control = 4;
    const { results } = discloseResults(parseResults(raw));
    const groups = results.subgroups[0]!.groups;
    expect(groups[3]!.daysSaved).toBeNull();
    expect(groups.filter((group) => group.n.control === null).length).toBe(2);
  });

  it("does not change its input", () => {
    const input = parseResults(rawResults());
    const before = JSON.stringify(input);
    discloseResults(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
