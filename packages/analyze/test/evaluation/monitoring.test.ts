import { loadTrialConfig, TrialConfigSchema, type TrialConfig } from "@jobtrial/core";
import { groupSequentialBoundaries, randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation, type EvaluationData } from "../../src/evaluation/from-simulation.ts";
import { monitoringMeasures } from "../../src/evaluation/monitoring.ts";
import { monitoringSettings } from "../../src/evaluation/planned-looks.ts";
import { primaryData, primaryEstimate } from "../../src/evaluation/primary-estimate.ts";
import type { Results } from "../../src/results-schema.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
let data: EvaluationData;
let results: Results;
/** The bundled configuration with looks of its own: one before anyone is followed a year, two taken, two ahead. */
let monitored: TrialConfig;

const evaluate = (asOf: string, trialConfig: TrialConfig = config) =>
  evaluateTrial({ config: trialConfig, ...data, benefitWeeks: null, asOf, seed: 1, now: new Date("2018-03-02T00:00:00Z"), toolVersion: "test" });

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  data = evaluationDataFromSimulation(simulateTrial(config, { weeklyIntake: 30 }, randomSource(5)));
  monitored = TrialConfigSchema.parse({
    ...structuredClone(config),
    monitoring: {
      looks: [
        { date: "2017-10-01", kind: "committee" },
        { date: "2018-01-15", kind: "committee" },
        { date: "2018-03-01", kind: "evaluation" },
        { date: "2018-07-01", kind: "committee" },
        { date: "2019-12-30", kind: "final" },
      ],
    },
  });
  results = evaluate("2018-03-01", monitored);
});

describe("monitoringSettings", () => {
  it("monitoringSettings(bundled configuration) plans the quarters, the March evaluation and the final analysis a primary horizon after the last entry", () => {
    const settings = monitoringSettings(config);
    expect(settings).toEqual({
      spending: "obrien-fleming",
      alpha: 0.05,
      configured: false,
      looks: [
        { date: "2017-04-01", kind: "committee" },
        { date: "2017-07-01", kind: "committee" },
        { date: "2017-10-01", kind: "committee" },
        { date: "2018-01-01", kind: "committee" },
        { date: "2018-03-01", kind: "evaluation" },
        { date: "2018-04-01", kind: "committee" },
        { date: "2018-07-01", kind: "committee" },
        { date: "2018-10-01", kind: "committee" },
        { date: "2019-01-01", kind: "committee" },
        { date: "2019-04-01", kind: "committee" },
        { date: "2019-07-01", kind: "committee" },
        { date: "2019-10-01", kind: "committee" },
        // last entry 2018-12-31 (the project ends 2019-01-01) + 364 days
        { date: "2019-12-30", kind: "final" },
      ],
    });
  });

  it("TrialConfigSchema refuses monitoring looks out of order or without the final analysis last, and keeps Pocock and alpha as given", () => {
    const raw = (monitoring: unknown) => TrialConfigSchema.safeParse({ ...structuredClone(config), monitoring });
    const outOfOrder = raw({ looks: [{ date: "2018-03-01", kind: "evaluation" }, { date: "2018-01-01", kind: "committee" }, { date: "2019-12-30", kind: "final" }] });
    expect(outOfOrder.success).toBe(false);
    expect(outOfOrder.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["monitoring.looks.1.date", "must be after the previous look's date 2018-03-01; list the looks in date order, each once"],
    ]);
    const noFinal = raw({ looks: [{ date: "2018-03-01", kind: "evaluation" }] });
    expect(noFinal.error!.issues.map((issue) => issue.message)).toEqual(['the last look must be the final analysis: give it kind "final"']);
    const pocock = raw({ looks: [{ date: "2018-01-01", kind: "committee" }, { date: "2018-03-01", kind: "evaluation" }, { date: "2019-06-30", kind: "final" }], spending: "pocock", alpha: 0.1 });
    expect(pocock.success).toBe(true);
    expect(monitoringSettings(pocock.data!)).toEqual({ looks: [{ date: "2018-01-01", kind: "committee" }, { date: "2018-03-01", kind: "evaluation" }, { date: "2019-06-30", kind: "final" }], spending: "pocock", alpha: 0.1, configured: true });
  });
});

describe("monitoring in evaluateTrial", () => {
  it("evaluateTrial(...).monitoring recomputes each earlier look as of its date, as evaluateTrial at that date would", () => {
    const monitoring = results.monitoring!;
    const january = monitoring.looks.find((look) => look.date === "2018-01-15")!;
    const earlier = evaluate("2018-01-15", monitored);
    expect(january.status).toBe("analysed");
    expect(january.estimate).toBe(earlier.daysSaved.estimate);
    expect(january.se).toBe(earlier.daysSaved.se);
    // the first look: nobody followed for 364 days yet, so no test and no alpha
    expect([monitoring.looks[0]!.status, monitoring.looks[0]!.criticalValue, monitoring.looks[0]!.alphaSpent]).toEqual(["not-estimable", null, null]);
  });

  it("evaluateTrial(...).monitoring uses the fraction of the final information the precision projection expects, and the boundaries, z and repeated intervals of survival's group-sequential functions", () => {
    const monitoring = results.monitoring!;
    expect(monitoring.expectedFinalSe).toBe(results.precision.projectedFinalSe);
    const taken = monitoring.looks.filter((look) => look.status === "analysed");
    expect(taken.map((look) => look.date)).toEqual(["2018-01-15", "2018-03-01"]);
    const current = taken[1]!;
    expect(current.estimate).toBe(results.daysSaved.estimate);
    expect(current.informationFraction).toBeCloseTo(results.precision.projectedFinalSe! ** 2 / results.daysSaved.se! ** 2, 12);
    // The boundaries of the looks taken depend only on their own fractions, not on the projected later ones.
    const boundaries = groupSequentialBoundaries({ informationRates: taken.map((look) => look.informationFraction!), alpha: 0.05, sided: 2, spending: "obrien-fleming" });
    taken.forEach((look, index) => {
      expect(look.criticalValue).toBeCloseTo(boundaries.criticalValues[index]!, 9);
      expect(look.alphaSpent).toBeCloseTo(boundaries.alphaSpent[index]!, 12);
      expect(look.z).toBeCloseTo(look.estimate! / look.se!, 12);
      expect(look.crossed).toBe(Math.abs(look.z!) >= look.criticalValue!);
      expect(look.repeatedCi!.lower).toBeCloseTo(look.estimate! - look.criticalValue! * look.se!, 9);
      expect(look.repeatedCi!.upper).toBeCloseTo(look.estimate! + look.criticalValue! * look.se!, 9);
    });
    // the final analysis spends all of alpha at fraction 1; a future look says what it would take to cross
    const final = monitoring.looks[monitoring.looks.length - 1]!;
    expect([final.kind, final.status, final.projected!.informationFraction, final.alphaSpent]).toEqual(["final", "future", 1, 0.05]);
    const next = monitoring.looks.find((look) => look.date === "2018-07-01")!;
    expect(next.projected!.estimateToCross).toBeCloseTo(next.projected!.criticalValue! * next.projected!.se, 12);
  });

  it("evaluateTrial at a date that is not a planned look adds it as an unplanned look that spends alpha, with a note", () => {
    const unplanned = evaluate("2018-02-15", monitored);
    const look = unplanned.monitoring!.looks.find((entry) => entry.date === "2018-02-15")!;
    expect([look.kind, look.planned, look.status]).toEqual(["as-of", false, "analysed"]);
    expect(look.alphaSpent).toBeGreaterThan(0);
    expect(unplanned.notes!.filter((note) => note.code.startsWith("monitoring"))).toEqual([
      { code: "monitoring-unplanned-look", date: "2018-02-15", message: "Monitoring: the as-of date 15 Feb 2018 is not a planned look; it counts as an extra look and spends alpha by the spending function." },
    ]);
  });

  it("monitoringMeasures treats an interim look whose information exceeds the expected final information as the final analysis", () => {
    const inputs = { config: monitored, ...data, benefitWeeks: null };
    const current = primaryData(inputs, "2018-03-01");
    const daysSaved = primaryEstimate(current, { tau: 364 });
    // A projection far too cautious: the final analysis is expected to have a standard error of 50 days.
    const cautious = { end: "2019-12-30", scaledToObserved: true, seAt: () => 50 };
    const { monitoring, notes } = monitoringMeasures(inputs, current, daysSaved, cautious);
    const january = monitoring.looks.find((look) => look.date === "2018-01-15")!;
    expect([january.status, january.informationFraction, january.alphaSpent]).toEqual(["analysed", 1, 0.05]);
    expect(january.observedFraction).toBeGreaterThan(1);
    // 1.959964: the whole alpha at one look
    expect(january.criticalValue).toBeCloseTo(1.959964, 6);
    const march = monitoring.looks.find((look) => look.date === "2018-03-01")!;
    expect([march.status, march.criticalValue, march.crossed]).toEqual(["after-final-information", null, null]);
    expect(notes).toContainEqual({ code: "monitoring-information-above-final", look: 2, date: "2018-01-15" });
  });

  it("evaluateTrial with Pocock spending in the configuration uses Pocock boundaries", () => {
    const pocock = TrialConfigSchema.parse({ ...structuredClone(monitored), monitoring: { ...monitored.monitoring, spending: "pocock" } });
    const monitoring = evaluate("2018-03-01", pocock).monitoring!;
    const taken = monitoring.looks.filter((look) => look.status === "analysed");
    const boundaries = groupSequentialBoundaries({ informationRates: taken.map((look) => look.informationFraction!), spending: "pocock" });
    expect(monitoring.spending).toBe("pocock");
    expect(taken.map((look) => look.criticalValue)).toEqual(boundaries.criticalValues.map((value) => expect.closeTo(value, 9)));
  });
});
