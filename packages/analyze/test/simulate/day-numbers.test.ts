import { fromDayNumber, toDayNumber } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { dayToIso, isoToDay } from "../../src/simulate/day-numbers.ts";

describe("dayToIso / isoToDay", () => {
  it("dayToIso and isoToDay agree with assign's fromDayNumber and toDayNumber on every day 1850-2100", () => {
    let mismatches = 0;
    for (let day = toDayNumber("1850-01-01"); day <= toDayNumber("2100-12-31"); day++) {
      const iso = fromDayNumber(day);
      if (dayToIso(day) !== iso || isoToDay(iso) !== day) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(dayToIso(isoToDay("2016-02-29"))).toBe("2016-02-29");
  });
});
