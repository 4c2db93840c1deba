import { describe, expect, it } from "vitest";
import { armForBirthDate, compactDayRanges, expectedInterventionShareForYear } from "../src/rule.ts";
import { type AssignmentRule } from "@jobtrial/core";

const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const firstHalf: AssignmentRule = { kind: "day-of-month", intervention: days(1, 15), control: days(16, 31) };

describe("armForBirthDate", () => {
  it("sends days 1-15 to the intervention and 16-31 to control under the trial's rule", () => {
    expect(["1980-01-01", "1980-01-15", "1980-01-16", "1980-02-29", "1999-12-31"].map((date) => armForBirthDate(firstHalf, date))).toEqual([
      "intervention", "intervention", "control", "control", "control",
    ]);
  });

  it("follows parity and explicit birthday lists", () => {
    expect(armForBirthDate({ kind: "parity", intervention: "odd" }, "1980-05-07")).toBe("intervention");
    expect(armForBirthDate({ kind: "parity", intervention: "even" }, "1980-05-07")).toBe("control");
    expect(armForBirthDate({ kind: "birthday-list", intervention: ["05-07"] }, "1980-05-07")).toBe("intervention");
    expect(armForBirthDate({ kind: "birthday-list", intervention: ["05-07"] }, "1980-05-08")).toBe("control");
  });
});

describe("expectedInterventionShareForYear", () => {
  it("gives 180/365 for days 1-15 in a common year and 180/366 in a leap year", () => {
    // Each month has 15 days numbered 1-15: 12 * 15 = 180 intervention birthdays.
    expect(expectedInterventionShareForYear(firstHalf, 1981)).toBe(180 / 365);
    expect(expectedInterventionShareForYear(firstHalf, 1980)).toBe(180 / 366);
  });

  it("gives 186/365 for odd days (seven months have a 31st)", () => {
    // Odd days: 16 in 31-day months (7), 15 in 30-day months (4), 14 in February = 112 + 60 + 14.
    expect(expectedInterventionShareForYear({ kind: "parity", intervention: "odd" }, 1981)).toBe(186 / 365);
  });
});

describe("compactDayRanges", () => {
  it("writes runs as ranges whatever the input order, duplicates once", () => {
    expect(compactDayRanges([17, 1, 2, 3, 5, 16, 3])).toBe("1-3, 5, 16-17");
    expect(compactDayRanges(days(1, 15))).toBe("1-15");
    expect(compactDayRanges([])).toBe("");
  });
});
