import { addDays, loadTrialConfig, toDayNumber, type TrialConfig } from "@jobtrial/core";
import { normalQuantile, randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation, type EvaluationData } from "../../src/evaluation/from-simulation.ts";
import { seasonalIntake } from "../../src/evaluation/intake-projection.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
let data: EvaluationData;

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  data = evaluationDataFromSimulation(simulateTrial(config, { weeklyIntake: 30 }, randomSource(5)));
});

/** Entry day numbers: `perWeek(monday)` entrants on the Monday of every week from `from` (a Monday) to before `to`. */
function entries(from: string, to: string, perWeek: (monday: string) => number): number[] {
  const days: number[] = [];
  for (let monday = from; monday < to; monday = addDays(monday, 7)) for (let k = 0; k < perWeek(monday); k++) days.push(toDayNumber(monday));
  return days;
}

describe("seasonalIntake", () => {
  it("seasonalIntake projects a week with the mean intake of the same weeks of the year already seen, not the last weeks", () => {
    // 2017: 10 a week, 30 a week in the second half; as of 2018-01-01.
    const seen = entries("2017-01-02", "2018-01-01", (monday) => (monday >= "2017-07-03" ? 30 : 10));
    const projection = seasonalIntake(seen, toDayNumber("2018-01-01"), toDayNumber("2018-12-31"));
    expect(projection.weekly(toDayNumber("2018-03-05"))).toBe(10);
    expect(projection.weekly(toDayNumber("2018-09-03"))).toBe(30);
    // Around the turn of the year the ± 17-day window mixes the seasons: the week of 1 January 2018
    // averages the Mondays 18 and 25 December (30) and 2, 9 and 16 January 2017 (10): 18; the week of
    // 8 January averages 25 December and 2, 9, 16, 23 January: 14. Through Sunday 14 January: 18 + 14.
    expect(projection.weekly(toDayNumber("2018-01-01"))).toBe(18);
    expect(projection.cumulativeThrough(toDayNumber("2018-01-14"))).toBeCloseTo(32, 10);
    expect(projection.cumulativeThrough(toDayNumber("2017-12-31"))).toBe(0);
  });

  it("seasonalIntake after a winter peak projects the summer at the summer's level (the last 13 weeks x 52 would triple it)", () => {
    // 10 a week from January 2017, 30 a week from December to February; as of 2018-03-01.
    const winter = (monday: string) => ["12", "01", "02"].includes(monday.slice(5, 7));
    const seen = entries("2017-01-02", "2018-03-01", (monday) => (winter(monday) ? 30 : 10));
    const projection = seasonalIntake(seen, toDayNumber("2018-03-01"), toDayNumber("2018-12-31"));
    expect(projection.weekly(toDayNumber("2018-06-04"))).toBe(10);
    expect(projection.weekly(toDayNumber("2018-12-17"))).toBeGreaterThan(20);
    // a week of the year not seen yet gets the mean of all weeks seen: here every week of the year was seen
    const early = seasonalIntake(entries("2017-01-02", "2017-03-06", () => 12), toDayNumber("2017-03-06"), toDayNumber("2018-12-31"));
    expect(early.weekly(toDayNumber("2017-08-07"))).toBe(12);
  });
});

describe("precision in evaluateTrial", () => {
  it("evaluateTrial at an early look names a date or 'not before' the final analysis instead of nothing", () => {
    const early = evaluateTrial({ config, ...data, benefitWeeks: null, asOf: "2017-10-01", seed: 1, now: new Date(0), toolVersion: "test" });
    expect(early.daysSaved.estimate).toBeNull();
    expect(early.precision.projectionEnd).toBe("2019-12-30");
    expect(early.precision.detectableFrom !== null || early.precision.detectableNotBefore === "2019-12-30").toBe(true);
    expect(early.precision.projectedFinalSe).toBeGreaterThan(0);
    expect(early.precision.intakeAssumptionKey).toBe("seasonal-same-weeks");
  });

  it("evaluateTrial's precision projects the standard error to the final analysis, and the MDE there is 2.80 times it", () => {
    const results = evaluateTrial({ config, ...data, benefitWeeks: null, asOf: "2018-03-01", seed: 1, now: new Date(0), toolVersion: "test" });
    const zSum = normalQuantile(0.975) + normalQuantile(0.8);
    const precision = results.precision;
    expect(precision.minimumDetectableDaysSaved).toBeCloseTo(zSum * results.daysSaved.se!, 12);
    expect(precision.minimumDetectableAtEnd).toBeCloseTo(zSum * precision.projectedFinalSe!, 12);
    // More follow-up and intake: the final analysis is more precise than now.
    expect(precision.projectedFinalSe!).toBeLessThan(results.daysSaved.se!);
    // A date is named exactly when the expected effect is detectable by the final analysis.
    if (precision.minimumDetectableAtEnd! <= precision.expectedDaysSaved) {
      expect(precision.detectableFrom! <= precision.projectionEnd!).toBe(true);
      expect(precision.detectableNotBefore).toBeNull();
    } else {
      expect([precision.detectableFrom, precision.detectableNotBefore]).toEqual([null, precision.projectionEnd]);
    }
  });
});
