import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDanishDate,
  isIsoDate,
  isIsoWeek,
  isoWeekEnd,
  isoWeekOf,
  isoWeekStart,
  isoWeekday,
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

  it("formatDanishDate writes dd.mm.yyyy", () => {
    expect(formatDanishDate("2017-01-23")).toBe("23.01.2017");
  });
});
