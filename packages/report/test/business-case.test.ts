import { describe, expect, it } from "vitest";
import { sensitivityValueLabel } from "../src/business-case.ts";

describe("sensitivityValueLabel", () => {
  it("sensitivityValueLabel(value, lang) translates the business case's Danish words and units, and shows anything else as written", () => {
    const values = ["nedre grænse", "øvre grænse", "182 dage", "0 uger", "26 uger", "-10 procentpoint", "+10 procentpoint", "-20 %", "50 %", "1,5 %", "base"];
    expect(values.map((value) => sensitivityValueLabel(value, "en"))).toEqual([
      "lower bound",
      "upper bound",
      "182 days",
      "0 weeks",
      "26 weeks",
      "\u221210 percentage points",
      "+10 percentage points",
      "\u221220%",
      "50%",
      "1.5%",
      "base",
    ]);
    expect(values.map((value) => sensitivityValueLabel(value, "da"))).toEqual([
      "nedre grænse",
      "øvre grænse",
      "182 dage",
      "0 uger",
      "26 uger",
      "\u221210 procentpoint",
      "+10 procentpoint",
      "\u221220 %",
      "50 %",
      "1,5 %",
      "base",
    ]);
  });
});
