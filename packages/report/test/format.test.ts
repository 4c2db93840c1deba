import { describe, expect, it } from "vitest";
import { formatDate, formatDkk, formatInterval, formatMillionDkk, formatNumber, formatP, formatPercent, formatSigned } from "../src/format.ts";

describe("format", () => {
  it("formatNumber groups thousands and uses a decimal comma in Danish", () => {
    expect(formatNumber(1700000, "da")).toBe("1.700.000");
    expect(formatNumber(9.34, "da", 1)).toBe("9,3");
    expect(formatNumber(1700000.5, "en", 1)).toBe("1,700,000.5");
  });

  it("formatNumber writes a minus sign, no negative zero, and a dash for missing values", () => {
    expect(formatNumber(-5.22, "da", 1)).toBe("\u22125,2");
    expect(formatNumber(-0.04, "da", 1)).toBe("0,0");
    expect(formatNumber(null, "da")).toBe("\u2013");
    expect(formatNumber(Number.NaN, "en")).toBe("\u2013");
  });

  it("formatNumber rounds the number's exact binary value, as the report always has (1.005 -> 1,00, 2.675 -> 2,67)", () => {
    expect([formatNumber(1.005, "da", 2), formatNumber(2.675, "en", 2), formatNumber(1.45, "da", 1), formatPercent(0.00125, "da", 1)]).toEqual(["1,00", "2.67", "1,4", "0,1 %"]);
    expect([formatSigned(-0.04, "en", 1), formatDkk(-1_033_366.5, "da"), formatDkk(null, "en")]).toEqual(["0.0", "\u22121.033.367 kr.", "\u2013"]);
  });

  it("formatDkk, formatMillionDkk and formatPercent follow the language", () => {
    expect(formatDkk(1700000, "da")).toBe("1.700.000 kr.");
    expect(formatDkk(1700000, "en")).toBe("1,700,000 DKK");
    expect(formatMillionDkk(-2_230_000, "da")).toBe("\u22122,2 mio. kr.");
    expect(formatPercent(0.634, "da")).toBe("63,4 %");
    expect(formatPercent(0.634, "en")).toBe("63.4%");
  });

  it("formatDate writes 23.01.2017 in Danish whatever the time zone", () => {
    expect(formatDate("2017-01-23", "da")).toBe("23.01.2017");
    expect(formatDate("2017-01-23T23:30:00Z", "da")).toBe("23.01.2017");
    expect(formatDate("2017-01-23", "en")).toBe("23 Jan 2017");
  });

  it("formatSigned, formatP and formatInterval", () => {
    expect(formatSigned(3.66, "da", 1)).toBe("+3,7");
    expect(formatSigned(0.01, "da", 1)).toBe("0,0");
    expect(formatP(0.0004, "da")).toBe("< 0,001");
    expect(formatP(0.42, "en")).toBe("0.42");
    expect(formatInterval(-5.22, 12.51, "da")).toBe("\u22125,2 til 12,5");
  });
});
