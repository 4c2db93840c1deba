import { describe, expect, it } from "vitest";
import { BusinessCaseSchema, businessCaseView, sensitivityValueLabel } from "../src/business-case.ts";
import { rawBusinessCase } from "./helpers.ts";

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

describe("businessCaseView", () => {
  it("businessCaseView(file) carries the yearly answer as the business case states it, and null for a file written before it", () => {
    const file = BusinessCaseSchema.parse(rawBusinessCase());
    const yearly = file.yearly!;
    expect(businessCaseView(file).yearly).toEqual({
      year: yearly.year,
      participants: yearly.intake.value,
      intakeMethod: yearly.intake.method,
      observedParticipants: yearly.intake.observed,
      projectedParticipants: yearly.intake.projected,
      savingPerParticipant: {
        estimate: yearly.savingPerParticipant.estimate,
        lower: yearly.savingPerParticipant.lower,
        upper: yearly.savingPerParticipant.upper,
        source: yearly.savingPerParticipant.source,
        tau: yearly.savingPerParticipant.tau,
      },
      cost: yearly.cost,
      grossSavings: yearly.grossSavings,
      netSavings: yearly.netSavings,
      lower: yearly.lower,
      upper: yearly.upper,
      probabilityPositive: yearly.probabilityPositive,
      breakEvenParticipants: yearly.breakEvenParticipants,
      notEstimated: null,
    });
    // The fixture's year of operation: intake counted in the weeks seen and projected for the rest, priced by the expenditure.
    expect([yearly.year, yearly.intake.method, yearly.savingPerParticipant.source]).toEqual([2018, "seasonal", "expenditure"]);
    const older = rawBusinessCase();
    delete older.yearly;
    expect(businessCaseView(BusinessCaseSchema.parse(older)).yearly).toBeNull();
  });
});
