import { describe, expect, it } from "vitest";
import { intakeWindow, isoWeeksOfYear, observedIntake, resolveIntake, seasonalProjection, type ObservedIntake } from "../src/intake-projection.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { seasonalResults, trialDaysResults } from "./helpers.ts";

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

describe("seasonalProjection", () => {
  it("seasonalProjection(6, 20, 1040) scales the weeks seen by the whole years' share of them, with its Poisson SE", () => {
    // N = 6 x 1040 / 20 = 312; Var = (1040/20)^2 x 6 + 312^2 x (1/20 - 1/1040) = 16,224 + 4,773.6 = 20,997.6
    const projection = seasonalProjection(6, 20, 1040);
    expect(projection.value).toBeCloseTo(312, 12);
    expect(projection.se).toBeCloseTo(Math.sqrt(20_997.6), 9);
    expect(projection.se).toBeCloseTo(144.90548643857485, 9);
  });

  it("seasonalProjection with nothing seen yet projects 0 with only the Poisson spread of the 0 (none)", () => {
    expect(seasonalProjection(0, 20, 1040)).toEqual({ value: 0, se: 0 });
  });
});

describe("isoWeeksOfYear", () => {
  it("isoWeeksOfYear lists 52 weeks, or 53 in a long ISO year", () => {
    expect(isoWeeksOfYear(2017)).toHaveLength(52);
    expect(isoWeeksOfYear(2020).at(-1)).toBe("2020-W53");
  });
});

describe("observedIntake with weekly counts", () => {
  // seasonalResults: 2017 has 10 entrants a week (5 + 5) in weeks 1-26 and 30 (15 + 15) in weeks 27-52;
  // 2018-W01 has intervention 4 (control 3), 2018-W02 intervention 2 (control 5); extracted 2018-01-15.
  const observed = observedIntake(parseBusinessCaseResults(seasonalResults()));

  it("observedIntake counts a whole ISO year week by week and takes it as known", () => {
    expect(observed.years.get(2017)).toMatchObject({ value: 26 * 5 + 26 * 15, se: null, method: "observed", observed: 520, projected: 0, source: "registret (results.json), indsatsgruppen: alle 52 uger af 2017" });
  });

  it("observedIntake projects a partial year with the seasonal pattern of the whole year, never the first weeks x 52", () => {
    // O = 4 + 2 = 6 in weeks 1-2; the same weeks of 2017 had A = 20 of B = 1,040: N = 6 x 1040 / 20 = 312 (6 / 2 x 52 would be 156)
    const year = observed.years.get(2018)!;
    expect(year.method).toBe("seasonal");
    expect(year.value).toBeCloseTo(312, 12);
    expect(year.se).toBeCloseTo(144.90548643857485, 9);
    expect([year.observed, year.projected]).toEqual([6, expect.closeTo(306, 12)]);
    expect([year.observedWeeks, year.projectedWeeks.length, year.projectedWeeks[0], year.referenceYears]).toEqual([["2018-W01", "2018-W02"], 50, "2018-W03", [2017]]);
    // observed weeks as counted; weeks 3-26 at 312 x 10 / 1040 = 3, weeks 27-52 at 312 x 30 / 1040 = 9
    expect(year.weeks.slice(0, 4)).toEqual([
      { week: "2018-W01", kind: "observed", participants: 4 },
      { week: "2018-W02", kind: "observed", participants: 2 },
      { week: "2018-W03", kind: "projected", participants: expect.closeTo(3, 12) },
      { week: "2018-W04", kind: "projected", participants: expect.closeTo(3, 12) },
    ]);
    expect(year.weeks.find((week) => week.week === "2018-W27")!.participants).toBeCloseTo(9, 12);
    expect(year.weeks.reduce((sum, week) => sum + week.participants, 0)).toBeCloseTo(312, 9);
    expect(year.source).toBe("registret (results.json), indsatsgruppen: 6 talt i uge 1-2 af 2018, 306 fremskrevet for uge 3-52 med sæsonmønsteret i 2017 (samme uger, begge grupper)");
    expect(observed.byYear.get(2018)).toBeCloseTo(312, 12);
  });

  it("observedIntake reads a suppressed week as 0 and lists it; a week missing from byWeek inside the window had no entrants", () => {
    const raw = seasonalResults();
    raw.intake.byWeek[1].intervention = null; // 2017-W02
    raw.intake.byWeek = raw.intake.byWeek.filter((entry: { week: string }) => entry.week !== "2017-W03");
    const changed = observedIntake(parseBusinessCaseResults(raw));
    expect(changed.suppressed).toEqual(["2017-W02"]);
    expect(changed.years.get(2017)!.value).toBe(520 - 5 - 5);
    // the reference weeks 1-2 now hold 10 + 5 (W02's control only) = 15 of 1,040 - 5 - 10 = 1,025
    expect(changed.years.get(2018)!.value).toBeCloseTo((6 * 1025) / 15, 9);
  });

  it("observedIntake does not project a partial year without a whole year to take the pattern from", () => {
    const raw = seasonalResults();
    raw.intake.byWeek = raw.intake.byWeek.filter((entry: { week: string }) => entry.week >= "2017-W40");
    const partial = observedIntake(parseBusinessCaseResults(raw));
    expect([...partial.years.keys()]).toEqual([]);
    expect(partial.notProjected).toEqual([
      { year: 2017, reason: "der er intet helt år i registret at tage sæsonmønsteret fra" },
      { year: 2018, reason: "der er intet helt år i registret at tage sæsonmønsteret fra" },
    ]);
  });
});

describe("observedIntake without weekly counts", () => {
  it("observedIntake annualizes a year covered to within a week and does not count up a partial one", () => {
    // the fixture: 1,650 entries in 2017 (all 365 days) and 315 from 1 January to 28 February 2018 (59 days)
    const observed = observedIntake(parseBusinessCaseResults(trialDaysResults()));
    expect(observed.byYear.get(2017)).toBe(1650);
    expect(observed.byYear.has(2018)).toBe(false);
    expect(observed.notProjected).toEqual([{ year: 2018, reason: "results.json har ingen ugetal at tage sæsonmønsteret fra, og 59 dage tælles ikke op til et år" }]);
    expect(observed.suppressed).toEqual([]);
    expect(observed.note).toBe("registret (results.json), indsatsgruppen, omregnet til helår ud fra indtag 2017-01-01 til 2018-02-28");
    // a window from Monday 2 January 2017 misses one day of 2017: 1,650 x 365 / 364
    const fromMonday = observedIntake(results((raw) => (raw.intake.from = "2017-01-02")));
    expect(fromMonday.byYear.get(2017)).toBeCloseTo((1650 * 365) / 364, 9);
  });

  it("observedIntake reads a suppressed count as 0, lists its year, and leaves out a year outside the window", () => {
    const observed = observedIntake(
      results((raw) => {
        raw.intake.byYear[0].intervention = null;
        raw.intake.byYear.push({ year: 2019, control: 4, intervention: 4 });
      }),
    );
    expect(observed.suppressed).toEqual(["2017"]);
    expect(observed.byYear.get(2017)).toBe(0);
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
  const year = (value: number, method: "observed" | "seasonal", se: number | null) => ({
    year: 0, value, se, method, observed: value, projected: 0, observedWeeks: [], projectedWeeks: [], referenceYears: [], weeks: [], source: method === "observed" ? "registret" : "fremskrevet",
  });
  const observed: ObservedIntake = {
    byYear: new Map([[2017, 1000], [2018, 2000]]),
    years: new Map([[2017, year(1000, "observed", null)], [2018, year(2000, "seasonal", 150)]]),
    notProjected: [],
    note: "registret",
    suppressed: [],
  };

  it("resolveIntake takes a given figure for every year first, as known", () => {
    const resolved = resolveIntake([2017, 2019], 800, observed, 1300);
    expect([...resolved.intake]).toEqual([[2017, 800], [2019, 800]]);
    expect(resolved.sources.get(2019)).toBe("angivet (--participants-per-year)");
    expect([...resolved.se.values()]).toEqual([null, null]);
  });

  it("resolveIntake takes a counted or projected year with its SE, and an unobserved one as the mean of those", () => {
    const resolved = resolveIntake([2017, 2018, 2019], undefined, observed, 1300);
    expect([...resolved.intake]).toEqual([[2017, 1000], [2018, 2000], [2019, 1500]]);
    expect([...resolved.methods.values()]).toEqual(["observed", "seasonal", "mean"]);
    expect([...resolved.se.values()]).toEqual([null, 150, null]);
    expect(resolved.sources.get(2019)).toBe("gennemsnit af 2017, 2018 i registret (året er ikke observeret)");
  });

  it("resolveIntake says why a partial year takes the mean", () => {
    const resolved = resolveIntake([2019], undefined, { ...observed, notProjected: [{ year: 2019, reason: "der er intet helt år" }] }, 1300);
    expect(resolved.sources.get(2019)).toBe("gennemsnit af 2017, 2018 i registret (2019 er kun delvist observeret og ikke fremskrevet: der er intet helt år)");
  });

  it("resolveIntake without results uses what the expectation implies", () => {
    const resolved = resolveIntake([2017], undefined, undefined, 1300);
    expect([...resolved.intake]).toEqual([[2017, 1300]]);
    expect(resolved.sources.get(2017)).toBe("implicit i projektets forventning (konfigurationens expectations)");
    expect(resolved.methods.get(2017)).toBe("implied");
  });
});
