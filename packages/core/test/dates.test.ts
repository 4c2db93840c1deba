import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isIsoWeek,
  isoWeekEnd,
  isoWeekOf,
  isoWeekStart,
  isoWeekday,
  toDayNumber,
} from "../src/dates.ts";

describe("dates", () => {
  it("isIsoDate knows leap years, including the century rules", () => {
    expect(["2016-02-29", "2000-02-29", "2017-02-28"].map(isIsoDate)).toEqual([true, true, true]);
    expect(["2017-02-29", "1900-02-29", "2017-13-01", "2017-1-01", "2017-04-31"].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it("isoWeekOf follows ISO 8601 at year boundaries", () => {
    expect(["2017-01-01", "2017-01-02", "2018-12-31", "2020-12-31", "2021-01-03", "2021-01-04"].map(isoWeekOf)).toEqual([
      "2016-W52", "2017-W01", "2019-W01", "2020-W53", "2020-W53", "2021-W01",
    ]);
  });

  it("isoWeekStart and isoWeekEnd give the Monday and Sunday of a week", () => {
    expect([isoWeekStart("2017-W01"), isoWeekEnd("2017-W01"), isoWeekStart("2020-W53"), isoWeekStart("2018-W08")]).toEqual([
      "2017-01-02", "2017-01-08", "2020-12-28", "2018-02-19",
    ]);
    expect([isIsoWeek("2020-W53"), isIsoWeek("2017-W53"), isIsoWeek("2017-W00")]).toEqual([true, false, false]);
  });

  it("daysBetween counts whole days across a daylight-saving change", () => {
    expect(daysBetween("2017-03-25", "2017-03-27")).toBe(2);
    expect(daysBetween("2017-01-02", "2018-03-01")).toBe(423);
    expect(addDays("2016-02-28", 1)).toBe("2016-02-29");
    expect(isoWeekday("2017-01-01")).toBe(7);
  });

  it("toDayNumber and fromDayNumber agree with Date.UTC on every day from 1850 to 2100, both ways", () => {
    const first = Date.UTC(1850, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    let mismatches = 0;
    for (let dayNumber = first; dayNumber <= last; dayNumber++) {
      const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(dayNumber) !== iso || toDayNumber(iso) !== dayNumber) mismatches++;
    }
    // 251 years of 365 days and 61 leap days (1852-2096 every fourth year but 1900).
    expect([last - first + 1, mismatches]).toEqual([251 * 365 + 61, 0]);
  });

  it("toDayNumber counts from 1970-01-01 (hand-worked: 2017-01-23 is 47 years of 365 days, 12 leap days and 22 days later)", () => {
    expect(47 * 365 + 12 + 22).toBe(17_189);
    expect([toDayNumber("1970-01-01"), toDayNumber("2017-01-23"), toDayNumber("1969-12-31"), toDayNumber("2000-03-01")]).toEqual([0, 17_189, -1, 11_017]);
    expect([fromDayNumber(0), fromDayNumber(17_189), fromDayNumber(-1), fromDayNumber(11_016)]).toEqual(["1970-01-01", "2017-01-23", "1969-12-31", "2000-02-29"]);
  });

  it("toDayNumber throws on a text that is not a valid ISO date (callers validate: a throw is a bug)", () => {
    for (const bad of ["2017-02-29", "2017-1-01", "2017-01-1", "2017/01/01", "20170101", "2017-01-011", " 2017-01-01", "", "2017-13-01", "abcd-ef-gh"]) {
      expect(() => toDayNumber(bad), bad).toThrow(/internal: not an ISO date/);
    }
  });
});
