import { describe, expect, it } from "vitest";
import { calendarFraction, daysBetweenYears, yearLength, yearsReached } from "../src/calendar-placement.ts";

describe("yearLength and daysBetweenYears", () => {
  it("yearLength(year) counts 366 days in leap years, 1900 not among them, 2000 among them", () => {
    expect([2016, 2017, 1900, 2000].map(yearLength)).toEqual([366, 365, 365, 366]);
  });

  it("daysBetweenYears(from, to) counts from 1 January to 1 January, negative backwards", () => {
    expect(daysBetweenYears(2016, 2018)).toBe(731);
    expect(daysBetweenYears(2018, 2017)).toBe(-365);
    expect(daysBetweenYears(2017, 2017)).toBe(0);
  });
});

describe("calendarFraction", () => {
  it("calendarFraction(2017, year, 100) splits a 2017 cohort's spell day 100 between 2017 and 2018", () => {
    // entries on days 0-264 of 2017 have day 100 in 2017 (265 of them), days 265-364 in 2018 (100)
    expect(calendarFraction(2017, 2017, 100)).toBe(265 / 365);
    expect(calendarFraction(2017, 2018, 100)).toBe(100 / 365);
    expect(calendarFraction(2017, 2016, 100)).toBe(0);
    expect(calendarFraction(2017, 2019, 100)).toBe(0);
  });

  it("calendarFraction in a leap entry year divides by 366 and reaches the second year after for late days", () => {
    expect(calendarFraction(2016, 2017, 1)).toBe(1 / 366);
    // day 500: entries on days 0-230 land in 2017 (231), days 231-365 in 2018 (135)
    expect(calendarFraction(2016, 2017, 500)).toBe(231 / 366);
    expect(calendarFraction(2016, 2018, 500)).toBe(135 / 366);
  });

  it("calendarFraction sums to 1 over the years reached, for every spell day", () => {
    for (const day of [0, 1, 182, 363, 364, 729]) {
      const total = yearsReached(2017, 730).reduce((sum, year) => sum + calendarFraction(2017, year, day), 0);
      expect(total).toBeCloseTo(1, 14);
    }
  });
});

describe("yearsReached", () => {
  it("yearsReached(entryYear, horizon) lists the entry year and the years the last entrant's days reach", () => {
    expect(yearsReached(2017, 1)).toEqual([2017]);
    expect(yearsReached(2017, 2)).toEqual([2017, 2018]);
    expect(yearsReached(2017, 364)).toEqual([2017, 2018]);
    // the last 2017 entrant (31 December, day 364) has spell day 365 on 31 December 2018 and day 366 on 1 January 2019
    expect(yearsReached(2017, 366)).toEqual([2017, 2018]);
    expect(yearsReached(2017, 367)).toEqual([2017, 2018, 2019]);
  });
});
