import { describe, expect, it } from "vitest";
import { intakeWindow, observedIntake, resolveIntake } from "../src/intake-projection.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { trialDaysResults } from "./helpers.ts";

function results(change: (raw: any) => void) {
  const raw = trialDaysResults();
  change(raw);
  return parseBusinessCaseResults(raw);
}

describe("intakeWindow", () => {
  it("intakeWindow takes intake.from and intake.to as given", () => {
    expect(intakeWindow(results((raw) => Object.assign(raw.intake, { from: "2017-01-01", to: "2018-02-28" })))).toEqual({ from: "2017-01-01", to: "2018-02-28" });
  });

  it("intakeWindow runs from the Monday of the first byWeek week to the day before asOf", () => {
    const window = intakeWindow(
      results((raw) => {
        delete raw.intake.from;
        delete raw.intake.to;
        raw.asOf = "2018-03-01";
        raw.intake.byWeek = [{ week: "2017-W01" }, { week: "2018-W09" }];
      }),
    );
    // 2018-W09 ends on Sunday 4 March, after the extraction: the window stops on 28 February
    expect(window).toEqual({ from: "2017-01-02", to: "2018-02-28" });
  });

  it("intakeWindow ends on the Sunday of the last byWeek week when that is before asOf, and is undefined without a start", () => {
    const byWeek = results((raw) => {
      delete raw.intake.from;
      delete raw.intake.to;
      raw.asOf = "2018-06-01";
      raw.intake.byWeek = [{ week: "2017-W01" }, { week: "2018-W09" }];
    });
    expect(intakeWindow(byWeek)).toEqual({ from: "2017-01-02", to: "2018-03-04" });
    const noStart = results((raw) => {
      delete raw.intake.from;
      delete raw.intake.to;
      raw.asOf = "2018-06-01";
    });
    expect(intakeWindow(noStart)).toBeUndefined();
  });
});

describe("observedIntake", () => {
  it("observedIntake annualizes each year over the days the window covers", () => {
    // the fixture: 1,650 entries in 2017 (all 365 days) and 315 from 1 January to 28 February 2018 (59 days)
    const observed = observedIntake(parseBusinessCaseResults(trialDaysResults()));
    expect(observed.byYear.get(2017)).toBe(1650);
    expect(observed.byYear.get(2018)).toBeCloseTo((315 * 365) / 59, 9); // 1,948.7
    expect(observed.suppressed).toEqual([]);
    expect(observed.note).toBe("registret (results.json), indsatsgruppen, omregnet til helår ud fra indtag 2017-01-01 til 2018-02-28");
  });

  it("observedIntake reads a suppressed count as 0, lists its year, and leaves out a year outside the window", () => {
    const observed = observedIntake(
      results((raw) => {
        raw.intake.byYear[1].intervention = null;
        raw.intake.byYear.push({ year: 2019, control: 4, intervention: 4 });
      }),
    );
    expect(observed.suppressed).toEqual([2018]);
    expect(observed.byYear.get(2018)).toBe(0);
    expect(observed.byYear.has(2019)).toBe(false);
  });

  it("observedIntake without a window counts the years as they stand", () => {
    const observed = observedIntake(
      results((raw) => {
        delete raw.intake.from;
        delete raw.intake.to;
        delete raw.asOf;
        delete raw.intake.byWeek;
      }),
    );
    expect([...observed.byYear]).toEqual([[2017, 1650], [2018, 315]]);
    expect(observed.note).toContain("ikke omregnet til helår");
  });
});

describe("resolveIntake", () => {
  const observed = { byYear: new Map([[2017, 1000], [2018, 2000]]), note: "registret", suppressed: [] };

  it("resolveIntake takes a given figure for every year first", () => {
    const resolved = resolveIntake([2017, 2019], 800, observed, 1300);
    expect([...resolved.intake]).toEqual([[2017, 800], [2019, 800]]);
    expect(resolved.sources.get(2019)).toBe("angivet (--participants-per-year)");
  });

  it("resolveIntake takes an observed year as observed and an unobserved one as the mean of the observed", () => {
    const resolved = resolveIntake([2017, 2018, 2019], undefined, observed, 1300);
    expect([...resolved.intake]).toEqual([[2017, 1000], [2018, 2000], [2019, 1500]]);
    expect(resolved.sources.get(2017)).toBe("registret");
    expect(resolved.sources.get(2019)).toBe("gennemsnit af de observerede år i registret (året er ikke observeret)");
  });

  it("resolveIntake without results uses what the expectation implies", () => {
    const resolved = resolveIntake([2017], undefined, undefined, 1300);
    expect([...resolved.intake]).toEqual([[2017, 1300]]);
    expect(resolved.sources.get(2017)).toBe("implicit i projektets forventning (konfigurationens expectations)");
  });
});
