/**
 * The simulator's municipality (the indicator examples' data): a stock follows its planned
 * path, what follows a spell starts the week after it, events happen to persons in the
 * stock on weekdays, the same plan gives the same rows, and a plan that cannot be
 * simulated is refused. The examples' bytes are pinned in packages/indicators/test/examples.test.ts.
 */
import { isoWeekOf, isoWeekStart, toDayNumber } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { simulateMunicipality, type MunicipalityPlan, type SimulatedMunicipality } from "../../src/simulate/simulate-municipality.ts";
import { weeksUntil } from "../../src/simulate/weeks-until.ts";

const monday = (week: string) => toDayNumber(isoWeekStart(week));

/** Persons on `code` in each week from `firstWeek` on, from the periods. */
function weeklyStock(simulated: SimulatedMunicipality, code: string, firstWeek: string, weeks: number): number[] {
  const counts = new Array<number>(weeks).fill(0);
  for (const period of simulated.periods) {
    if (period.code !== code) continue;
    for (let day = monday(period.fromWeek); day <= monday(period.toWeek); day += 7) counts[(day - monday(firstWeek)) / 7]!++;
  }
  return counts;
}

const plan: MunicipalityPlan = {
  seed: "test",
  firstWeek: "2019-W01",
  lastWeek: "2019-W52",
  stocks: [
    {
      code: "RF",
      from: 1000,
      to: 500,
      meanWeeks: 20,
      targetGroup: "rf",
      birthYears: [1970, 1979],
      after: { codes: [{ code: "KH", weight: 3 }, { code: "", weight: 1 }], meanWeeks: 8 },
      events: [{ kind: "cv", from: 0.01, to: 0.05 }],
    },
  ],
  weeklyEvents: [{ kind: "samtale", from: 100, to: 200, stock: "RF", firstWeek: "2019-W27" }],
};

describe("simulateMunicipality(plan)", () => {
  const simulated = simulateMunicipality(plan);

  it("gives one week's stock as planned when nobody leaves", () => {
    expect(simulateMunicipality({ seed: "x", firstWeek: "2020-W01", lastWeek: "2020-W01", stocks: [{ code: "KH", from: 2, to: 2, meanWeeks: 1e9 }] })).toMatchInlineSnapshot(`
      {
        "events": [],
        "periods": [
          {
            "code": "KH",
            "fromWeek": "2020-W01",
            "pseudonym": "p00001",
            "toWeek": "2020-W01",
          },
          {
            "code": "KH",
            "fromWeek": "2020-W01",
            "pseudonym": "p00002",
            "toWeek": "2020-W01",
          },
        ],
        "persons": [
          {
            "birthYear": 1961,
            "pseudonym": "p00001",
            "targetGroup": "",
          },
          {
            "birthYear": 1978,
            "pseudonym": "p00002",
            "targetGroup": "",
          },
        ],
      }
    `);
  });

  it("follows the stock's planned line from 1,000 to 500 within Poisson noise", () => {
    const stock = weeklyStock(simulated, "RF", plan.firstWeek, 52);
    expect(stock[0]).toBe(1000);
    for (const [week, count] of stock.entries()) {
      const planned = 1000 - (500 * week) / 51;
      expect(Math.abs(count - planned), `week ${week + 1}`).toBeLessThan(5 * Math.sqrt(planned) + 20);
    }
    expect(Math.abs(stock[51]! - 500)).toBeLessThan(80);
  });

  it("gives each person one spell in the stock, with the stock's target group and birth years, and what follows it from the next week on", () => {
    const spells = simulated.periods.filter((period) => period.code === "RF");
    expect(spells.map((period) => period.pseudonym).sort()).toEqual(simulated.persons.map((person) => person.pseudonym).sort());
    expect(simulated.persons.map((person) => person.pseudonym)).toEqual(simulated.persons.map((_, index) => `p${String(index + 1).padStart(5, "0")}`));
    expect(new Set(simulated.persons.map((person) => person.targetGroup))).toEqual(new Set(["rf"]));
    for (const person of simulated.persons) expect(person.birthYear >= 1970 && person.birthYear <= 1979, person.pseudonym).toBe(true);
    const spellOf = new Map(spells.map((period) => [period.pseudonym, period]));
    const after = simulated.periods.filter((period) => period.code !== "RF");
    expect(new Set(after.map((period) => period.code))).toEqual(new Set(["KH"]));
    for (const period of after) {
      const spell = spellOf.get(period.pseudonym)!;
      expect(monday(period.fromWeek), period.pseudonym).toBe(monday(spell.toWeek) + 7);
      expect(period.toWeek <= plan.lastWeek && period.fromWeek <= period.toWeek, period.pseudonym).toBe(true);
    }
    // Three in four ended spells before the last week go on to KH.
    const ended = spells.filter((period) => period.toWeek < plan.lastWeek).length;
    expect(after.length / ended).toBeGreaterThan(0.72);
    expect(after.length / ended).toBeLessThan(0.78);
  });

  it("logs events on weekdays, by date, to persons in the stock that week, the weekly ones only from their first week", () => {
    const spellOf = new Map(simulated.periods.filter((period) => period.code === "RF").map((period) => [period.pseudonym, period]));
    const dates = simulated.events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    for (const event of simulated.events) {
      const day = toDayNumber(event.date);
      expect((day + 3) % 7, event.date).toBeLessThan(5);
      const spell = spellOf.get(event.pseudonym)!;
      expect(isoWeekOf(event.date) >= spell.fromWeek && isoWeekOf(event.date) <= spell.toWeek, `${event.pseudonym} ${event.date}`).toBe(true);
    }
    const conversations = simulated.events.filter((event) => event.kind === "samtale");
    expect(conversations.every((event) => isoWeekOf(event.date) >= "2019-W27")).toBe(true);
    // 26 weeks at a mean rising from 100 to 200: 3,900 in all.
    expect(Math.abs(conversations.length - 3900)).toBeLessThan(5 * Math.sqrt(3900));
  });

  it("gives the same rows for the same plan and other rows for another seed", () => {
    expect(simulateMunicipality(plan)).toEqual(simulated);
    expect(simulateMunicipality({ ...plan, seed: "other" }).persons.length).not.toBe(simulated.persons.length);
  });

  it("refuses a plan whose weeks run backwards or whose weekly events name no stock", () => {
    expect(() => simulateMunicipality({ ...plan, lastWeek: "2018-W52" })).toThrow(/lastWeek must not be before firstWeek/);
    expect(() => simulateMunicipality({ ...plan, weeklyEvents: [{ kind: "samtale", from: 1, to: 1, stock: "KH" }] })).toThrow(/must be the code of one of the stocks/);
    expect(() => simulateMunicipality({ ...plan, firstWeek: "2019-W60" })).toThrow(/ISO week/);
  });
});

describe("weeksUntil(draw, probability)", () => {
  it("inverts the geometric distribution: 1 + floor(ln(1 - u) / ln(1 - p))", () => {
    expect(weeksUntil(0.9, 0.5)).toBe(4);
    expect(weeksUntil(0, 0.5)).toBe(1);
    expect(weeksUntil(0.49, 0.5)).toBe(1);
    expect(weeksUntil(0.5, 0.5)).toBe(2);
    expect(weeksUntil(0.999, 1)).toBe(1);
  });

  it("has mean 1/p over evenly spaced draws", () => {
    const draws = 100_000;
    let sum = 0;
    for (let index = 0; index < draws; index++) sum += weeksUntil((index + 0.5) / draws, 0.1);
    expect(sum / draws).toBeCloseTo(10, 1);
  });
});
