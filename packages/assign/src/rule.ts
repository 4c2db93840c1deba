/**
 * The assignment rule: which arm a birthdate goes to. Deterministic, and the
 * one place in jobtrial that decides it (the simulator calls the same function).
 */
import type { AssignmentRule } from "@jobtrial/core";
import { daysInMonth, isLeapYear } from "@jobtrial/core";

export type Arm = "intervention" | "control";
export const ARMS: readonly Arm[] = ["control", "intervention"];

/**
 * The arm for a birthdate under the rule.
 *
 * @param birthDate ISO date "YYYY-MM-DD" (the real birth date; for a
 *   replacement number, day - 60).
 * @example armForBirthDate({ kind: "day-of-month", intervention: [1..15], control: [16..31] }, "1980-03-15") // "intervention"
 */
export function armForBirthDate(rule: AssignmentRule, birthDate: string): Arm {
  const day = Number(birthDate.slice(8, 10));
  switch (rule.kind) {
    case "day-of-month":
      return rule.intervention.includes(day) ? "intervention" : "control";
    case "parity":
      return (day % 2 === 1) === (rule.intervention === "odd") ? "intervention" : "control";
    case "birthday-list":
      return rule.intervention.includes(birthDate.slice(5, 10)) ? "intervention" : "control";
  }
}

/**
 * The share of birthdays in a year that the rule sends to the intervention,
 * counting every calendar day once (365 or 366 days). Days 1-15 give
 * 180/365 = 49.3 %, not 50 %, because months have 28-31 days.
 */
export function expectedInterventionShareForYear(rule: AssignmentRule, year: number): number {
  let intervention = 0;
  const days = isLeapYear(year) ? 366 : 365;
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      if (armForBirthDate(rule, date) === "intervention") intervention++;
    }
  }
  return intervention / days;
}

/**
 * Days of the month as compact ranges, for people: [1, 2, 3, 5, 16, 17] -> "1-3, 5, 16-17".
 * Order and duplicates in the input do not matter.
 */
export function compactDayRanges(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    ranges.push(end === index ? `${sorted[index]}` : `${sorted[index]}-${sorted[end]}`);
    index = end + 1;
  }
  return ranges.join(", ");
}
