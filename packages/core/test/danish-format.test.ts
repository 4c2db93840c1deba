import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDanishDate,
  formatDate,
  formatDays,
  formatKroner,
  formatMillionKroner,
  formatMonth,
  formatNumber,
  formatPercent,
} from "../src/danish-format.ts";

describe("formatNumber", () => {
  it("groups thousands with a dot and writes a decimal comma in Danish, the other way round in English", () => {
    expect([formatNumber(1700000, "da"), formatNumber(1700000.5, "da", { decimals: 1 }), formatNumber(999, "da"), formatNumber(1000, "da")]).toEqual([
      "1.700.000",
      "1.700.000,5",
      "999",
      "1.000",
    ]);
    expect([formatNumber(1700000, "en"), formatNumber(1234567.891, "en", { decimals: 2 })]).toEqual(["1,700,000", "1,234,567.89"]);
  });

  it("writes the hyphen by default, the minus sign U+2212 on request, never a negative zero, and + when signed", () => {
    expect(formatNumber(-5.22, "da", { decimals: 1 })).toBe("-5,2");
    expect(formatNumber(-5.22, "da", { decimals: 1, minus: "\u2212" })).toBe("\u22125,2");
    expect([formatNumber(-0.04, "da", { decimals: 1 }), formatNumber(-0, "en"), formatNumber(-0.4, "da")]).toEqual(["0,0", "0", "0"]);
    expect([formatNumber(3.66, "da", { decimals: 1, signed: true }), formatNumber(0.01, "da", { decimals: 1, signed: true }), formatNumber(-3.66, "da", { decimals: 1, signed: true })]).toEqual([
      "+3,7",
      "0,0",
      "-3,7",
    ]);
  });

  it("prints missing and non-finite values as an en dash, or as the text asked for", () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((value) => formatNumber(value, "da"))).toEqual(Array(5).fill("\u2013"));
    expect(formatNumber(null, "da", { missing: "-" })).toBe("-");
  });

  it("rounds half away from zero: the number as written by default (1.005 -> 1,01), its exact binary value with rounding 'exact' (1.005 -> 1,00)", () => {
    // Hand-worked: 1.005 is stored as 1.00499999999999989..., 2.675 as 2.67499999999999982..., 1.45 as 1.44999999999999996...;
    // 0.125 and 2.5 are stored exactly, so both ways round the tie away from zero.
    const values = [1.005, 2.675, 0.125, 2.5, -2.5, 9.995, 0.05];
    expect(values.map((value) => formatNumber(value, "en", { decimals: value === 2.5 || value === -2.5 ? 0 : 2 }))).toEqual(["1.01", "2.68", "0.13", "3", "-3", "10.00", "0.05"]);
    expect(values.map((value) => formatNumber(value, "en", { decimals: value === 2.5 || value === -2.5 ? 0 : 2, rounding: "exact" }))).toEqual(["1.00", "2.67", "0.13", "3", "-3", "9.99", "0.05"]);
    expect([formatNumber(1.45, "da", { decimals: 1 }), formatNumber(1.45, "da", { decimals: 1, rounding: "exact" })]).toEqual(["1,5", "1,4"]);
    expect([formatNumber(0.004, "da", { decimals: 1 }), formatNumber(0.5, "da"), formatNumber(0.05, "da", { decimals: 1 }), formatNumber(1e-7, "da", { decimals: 2 }), formatNumber(0, "da", { decimals: 2 })]).toEqual([
      "0,0",
      "1",
      "0,1",
      "0,00",
      "0,00",
    ]);
  });

  it("with rounding 'shortest' gives what Intl.NumberFormat da-DK gives (the business case's earlier formatter), on 20,000 seeded values", () => {
    const intl = [0, 1, 2].map((decimals) => new Intl.NumberFormat("da-DK", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
    // A small linear congruential generator: the same values on every run.
    let state = 20170101;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const mismatches: string[] = [];
    for (let index = 0; index < 20_000; index++) {
      const scale = [1, 10, 1000, 1e6, 1e9][index % 5]!;
      const value = (next() - 0.3) * scale;
      // Every fourth value has exactly three decimals, so ties in the written form are common.
      const written = index % 4 === 0 ? Math.round(value * 1000) / 1000 : value;
      const decimals = index % 3;
      const expected = intl[decimals]!.format(written).replace(/\u2212/g, "-").replace(/^-(0([,.]0*)?)$/, "$1");
      const actual = formatNumber(written, "da", { decimals });
      if (actual !== expected) mismatches.push(`${written} (${decimals}): ${actual} vs ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("with rounding 'exact' gives what toFixed gives (the report's earlier formatter), on 20,000 seeded values", () => {
    let state = 42;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const mismatches: string[] = [];
    for (let index = 0; index < 20_000; index++) {
      const value = Math.round((next() - 0.3) * 1e7) / 1000;
      const decimals = index % 3;
      const fixed = Math.abs(value).toFixed(decimals);
      const [whole, fraction] = fixed.split(".") as [string, string | undefined];
      const expected = `${value < 0 && Number(fixed) !== 0 ? "\u2212" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction === undefined ? "" : "." + fraction}`;
      const actual = formatNumber(value, "en", { decimals, minus: "\u2212", rounding: "exact" });
      if (actual !== expected) mismatches.push(`${value} (${decimals}): ${actual} vs ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("formatCount, formatKroner, formatMillionKroner, formatPercent, formatDays", () => {
  it("formatCount writes a count as the staff's summary does", () => {
    expect([0, 7, 999, 1000, 147911, 1627021].map((value) => formatCount(value))).toEqual(["0", "7", "999", "1.000", "147.911", "1.627.021"]);
    expect(formatCount(1627021, "en")).toBe("1,627,021");
  });

  it("formatKroner and formatMillionKroner put the unit after a Danish amount and DKK around an English one", () => {
    expect([formatKroner(1700000, "da"), formatKroner(1700000, "en"), formatKroner(-2500000, "da"), formatKroner(null, "da"), formatKroner(null, "da", { missing: "-" })]).toEqual([
      "1.700.000 kr.",
      "1,700,000 DKK",
      "-2.500.000 kr.",
      "\u2013",
      "-",
    ]);
    expect([formatMillionKroner(-2_230_000, "da", { minus: "\u2212" }), formatMillionKroner(1_700_000, "en"), formatMillionKroner(1_750_000, "da", { decimals: 2 })]).toEqual([
      "\u22122,2 mio. kr.",
      "DKK 1.7m",
      "1,75 mio. kr.",
    ]);
  });

  it("formatPercent writes an ASCII space before % in Danish and none in English", () => {
    expect([formatPercent(0.634, "da"), formatPercent(0.634, "en"), formatPercent(0.5, "da", { decimals: 0 }), formatPercent(Number.NaN, "en")]).toEqual(["63,4 %", "63.4%", "50 %", "\u2013"]);
  });

  it("formatDays writes the singular only for a number that reads as one", () => {
    expect([formatDays(9.34, "da"), formatDays(1, "da"), formatDays(1, "da", { decimals: 2 }), formatDays(1.04, "da"), formatDays(-1, "da"), formatDays(1.06, "da")]).toEqual([
      "9,3 dage",
      "1,0 dag",
      "1,00 dag",
      "1,0 dag",
      "-1,0 dage",
      "1,1 dage",
    ]);
    expect([formatDays(9.34, "en"), formatDays(1, "en", { decimals: 0 })]).toEqual(["9.3 days", "1 day"]);
  });
});

describe("formatDate, formatDanishDate, formatMonth", () => {
  it("formatDate writes 23.01.2017 in Danish and 23 Jan 2017 in English from the text alone, whatever the time zone", () => {
    expect([formatDate("2017-01-23", "da"), formatDate("2017-01-23T23:30:00Z", "da"), formatDate("2017-01-23", "en"), formatDate("2017-12-01", "en")]).toEqual([
      "23.01.2017",
      "23.01.2017",
      "23 Jan 2017",
      "1 Dec 2017",
    ]);
    expect([formatDate(null, "da"), formatDate(undefined, "en", { missing: "" }), formatDate("uge 3", "da")]).toEqual(["\u2013", "", "uge 3"]);
    expect(formatDanishDate("2017-01-23")).toBe("23.01.2017");
  });

  it("formatMonth names the month", () => {
    expect([formatMonth("2017-03", "da"), formatMonth("2017-03", "en"), formatMonth("2017-13", "da"), formatMonth("marts", "da")]).toEqual(["marts 2017", "March 2017", "2017-13", "marts"]);
  });
});
