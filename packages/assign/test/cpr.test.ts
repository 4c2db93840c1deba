import { describe, expect, it } from "vitest";
import { formatCpr, makeCpr, parseCpr, passesModulus11 } from "../src/cpr.ts";
import { armForBirthDate } from "../src/rule.ts";
import { type AssignmentRule } from "@jobtrial/core";

const rule: AssignmentRule = {
  kind: "day-of-month",
  intervention: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  control: [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31],
};

/** Golden list: the value as typed, and the birth date, sex, flags and arm it must give (worked out by hand from domain.md §1). */
const golden: [string, string, "female" | "male", string[], "intervention" | "control"][] = [
  ["070761-4285", "1961-07-07", "male", [], "intervention"], // CPR-kontoret's modulus-11 example
  ["150136-0001", "1936-01-15", "male", ["no-modulus-11"], "intervention"], // 7th digit 0-3, YY 00-36 -> 19xx
  ["160137-3002", "1937-01-16", "female", ["no-modulus-11"], "control"], // 7th digit 0-3, YY 37-57 -> 19xx
  ["010100-4001", "2000-01-01", "male", ["no-modulus-11"], "intervention"], // 7th digit 4, YY 00-36 -> 20xx
  ["310157-4002", "1957-01-31", "female", ["no-modulus-11"], "control"], // 7th digit 4, YY 37-57 -> 19xx
  ["280258-9001", "1958-02-28", "male", ["no-modulus-11"], "control"], // 7th digit 9, YY 58-99 -> 19xx
  ["290236-9002", "2036-02-29", "female", ["no-modulus-11"], "control"], // 7th digit 9, YY 00-36 -> 20xx; 2036 is a leap year
  ["290200-5001", "2000-02-29", "male", ["no-modulus-11"], "control"], // 2000 is a leap year (divisible by 400)
  ["010137-5001", "2037-01-01", "male", ["no-modulus-11"], "intervention"], // 7th digit 5-8, YY 37-57 -> 20xx, not 19xx
  ["020158-6001", "1858-01-02", "male", ["no-modulus-11"], "intervention"], // 7th digit 5-8, YY 58-99 -> 18xx (first year of the table)
  ["311299-8003", "1899-12-31", "male", [], "control"], // last year of the 18xx range
  ["311257-7000", "2057-12-31", "female", ["no-modulus-11"], "control"], // last day of the table
  ["750380-1234", "1980-03-15", "female", ["replacement-number"], "intervention"], // day 75 -> 15 (passes modulus 11)
  ["760380-1235", "1980-03-16", "male", ["replacement-number", "no-modulus-11"], "control"], // day 76 -> 16
  ["610180-4111", "1980-01-01", "male", ["replacement-number", "no-modulus-11"], "intervention"], // day 61 -> 1
  ["910180-1111", "1980-01-31", "male", ["replacement-number", "no-modulus-11"], "control"], // day 91 -> 31
  ["707614285", "1961-07-07", "male", ["restored-leading-zero"], "intervention"], // Excel dropped the leading zero
  ["70761-4285", "1961-07-07", "male", ["restored-leading-zero"], "intervention"],
  ["070761-4286", "1961-07-07", "female", ["no-modulus-11"], "intervention"], // fails modulus 11: valid, flagged
  ["0101651239", "1965-01-01", "male", ["no-modulus-11"], "intervention"], // 1 Jan 1965: issued without modulus 11 since 2007
  [" 1602920000 ", "1992-02-16", "female", ["no-modulus-11"], "control"], // white space around
];

describe("parseCpr", () => {
  it.each(golden)("parseCpr(%j) gives birth date %s, sex %s, flags %j and armForBirthDate gives %s", (raw, birthDate, sex, flags, arm) => {
    const parsed = parseCpr(raw);
    if (!parsed.ok) throw new Error(`expected ${raw} to parse, got ${parsed.problem}`);
    expect({ birthDate: parsed.cpr.birthDate, sex: parsed.cpr.sex, flags: parsed.cpr.flags }).toEqual({ birthDate, sex, flags });
    expect(armForBirthDate(rule, parsed.cpr.birthDate)).toBe(arm);
  });

  it.each([
    ["", "cpr_empty"],
    ["   ", "cpr_empty"],
    ["290200-0001", "cpr_invalid_date"], // 1900 is not a leap year
    ["290258-8001", "cpr_invalid_date"], // 1858 is not a leap year
    ["290217-1234", "cpr_invalid_date"], // 2017 is not a leap year... with 7th digit 1: 1917, not leap either
    ["320180-1234", "cpr_invalid_date"], // day 32
    ["000180-1234", "cpr_invalid_date"], // day 0
    ["011380-1234", "cpr_invalid_date"], // month 13
    ["910280-1111", "cpr_invalid_date"], // replacement day 91 -> 31 February
    ["921280-1111", "cpr_invalid_date"], // day 92 is neither real nor replacement
    ["991234567", "cpr_nine_digits_invalid"], // 0991234567: month 91
    ["12345678", "cpr_wrong_length"],
    ["07076142855", "cpr_wrong_length"],
    ["0707-61-4285", "cpr_wrong_length"],
    ["070761 4285", "cpr_bad_characters"],
    ["O70761-4285", "cpr_bad_characters"],
    ["7,07614E+08", "cpr_excel_number"],
    ["707614285.0", "cpr_excel_number"],
  ])("parseCpr(%j) is invalid with %s", (raw, problem) => {
    expect(parseCpr(raw)).toEqual({ ok: false, problem });
  });

  it("parseCpr(x).cpr prints as [CPR] in strings, JSON and inspection, never as digits", async () => {
    const parsed = parseCpr("070761-4285");
    if (!parsed.ok) throw new Error("expected ok");
    const { inspect } = await import("node:util");
    expect([`${parsed.cpr}`, JSON.stringify({ cpr: parsed.cpr }), inspect(parsed.cpr)]).toEqual(["[CPR]", '{"cpr":"[CPR]"}', "[CPR]"]);
  });
});

describe("makeCpr", () => {
  it("makeCpr builds numbers that parseCpr reads back to the same birth date, sex and modulus-11 status in every century", () => {
    for (const birthDate of ["1858-01-01", "1899-12-31", "1900-03-01", "1936-12-31", "1937-01-01", "1957-06-15", "1958-01-01", "1999-12-31", "2000-02-29", "2036-02-29", "2037-01-01", "2057-12-31"]) {
      for (const sex of ["female", "male"] as const) {
        for (const modulus11 of [true, false]) {
          const digits = makeCpr({ birthDate, sex, serial: 123, modulus11 });
          if (digits === undefined) continue;
          const parsed = parseCpr(formatCpr(digits));
          expect(parsed.ok && { birthDate: parsed.cpr.birthDate, sex: parsed.cpr.sex, modulus11: passesModulus11(digits) }).toEqual({ birthDate, sex, modulus11 });
        }
      }
    }
  });

  it("makeCpr with replacement adds 60 to the day and parseCpr flags it and takes day - 60", () => {
    const digits = makeCpr({ birthDate: "1985-04-09", sex: "male", serial: 5, modulus11: true, replacement: true })!;
    expect(digits.slice(0, 2)).toBe("69");
    const parsed = parseCpr(digits);
    expect(parsed.ok && [parsed.cpr.birthDate, parsed.cpr.flags]).toEqual(["1985-04-09", ["replacement-number"]]);
  });
});
