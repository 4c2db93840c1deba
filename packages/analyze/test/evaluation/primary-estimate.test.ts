import { isoWeekOf, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation, type EvaluationData } from "../../src/evaluation/from-simulation.ts";
import type { CohortMember, Spell } from "../../src/evaluation/model.ts";
import { primaryData, primaryEstimate, primaryPseudoValues } from "../../src/evaluation/primary-estimate.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
let data: EvaluationData;

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  data = evaluationDataFromSimulation(simulateTrial(config, { weeklyIntake: 25 }, randomSource(11)));
});

function member(pseudonym: string, arm: "control" | "intervention", covariates: CohortMember["covariates"] = {}): CohortMember {
  return {
    pseudonym,
    arm,
    intakeWeek: isoWeekOf("2017-01-02"),
    firstUnemploymentDay: "2017-01-02",
    ageAtEntry: 40,
    sex: "female",
    industryGroup: "Handel og service",
    bornFirstJanuary: false,
    bornFirstOfMonth: false,
    replacementNumber: false,
    voided: false,
    covariates,
  };
}

/** A spell from 2 January 2017 lasting `days` days (inclusive), ended with an exit or still running. */
function spell(pseudonym: string, days: number, exit: boolean): Spell {
  const end = new Date(Date.UTC(2017, 0, 2 + days - 1)).toISOString().slice(0, 10);
  return { pseudonym, start: "2017-01-02", end: exit ? end : null, exitState: exit ? "self-support" : null, censorReason: null };
}

describe("primaryPseudoValues", () => {
  it("primaryPseudoValues(first spells) gives the hand-worked infinitesimal-jackknife pseudo-values of the restricted mean", () => {
    // Per arm: exits on day 1 and day 2, one still running on day 3 (as of 5 January); tau = 3.
    // KM: S = 2/3 after day 1, 1/3 after day 2; RMST(3) = 1 + 2/3 + 1/3 = 2. A_1 = 1, A_2 = 1/3.
    // U_i = -Σ_j A_j (dN_i(t_j) - Y_i(t_j) d_j/n_j) / (n_j - d_j): U = (-1/3, 0, 1/3); Σ U = 0;
    // Σ U² = 2/9 = Σ A² d / (n (n - d)) (R's rmean variance). Pseudo-values 2 + 3 U = (1, 2, 3),
    // the leave-one-out jackknife values too (without the first: RMST 2.5, 3·2 - 2·2.5 = 1).
    const cohort = ["c1", "c2", "c3", "i1", "i2", "i3"].map((name) => member(name, name.startsWith("c") ? "control" : "intervention"));
    const spells = [spell("c3", 0, false), spell("c1", 1, true), spell("c2", 2, true), spell("i1", 1, true), spell("i2", 2, true), spell("i3", 0, false)];
    const pseudo = primaryPseudoValues(primaryData({ config, cohort, spells }, "2017-01-05"), 3)!;
    const byName = Object.fromEntries(pseudo.values.map((value) => [value.member.pseudonym, value.value]));
    for (const [name, expected] of Object.entries({ c1: 1, c2: 2, c3: 3, i1: 1, i2: 2, i3: 3 })) expect(byName[name]).toBeCloseTo(expected, 12);
    expect(pseudo.byArm.control.estimate).toBeCloseTo(2, 12);
    expect(pseudo.byArm.control.se).toBeCloseTo(Math.sqrt(2 / 9), 12);
  });

  it("primaryPseudoValues averages to each arm's primary estimate, and their spread is its standard error, for both measures", () => {
    for (const inputs of [{ config, ...data, benefitWeeks: null }, { config, ...data }]) {
      const prepared = primaryData(inputs, "2018-03-01");
      const primary = primaryEstimate(prepared, { tau: 364 });
      const pseudo = primaryPseudoValues(prepared, 364)!;
      const unadjusted = pseudo.byArm.control.estimate - pseudo.byArm.intervention.estimate;
      expect(unadjusted).toBeCloseTo(primary.estimate!, 8);
      for (const arm of ["control", "intervention"] as const) {
        const values = pseudo.values.filter((value) => value.arm === arm);
        const mean = values.reduce((sum, value) => sum + value.value, 0) / values.length;
        const variance = values.reduce((sum, value) => sum + ((value.value - mean) / values.length) ** 2, 0);
        expect(mean).toBeCloseTo(pseudo.byArm[arm].estimate, 8);
        expect(Math.sqrt(variance)).toBeCloseTo(pseudo.byArm[arm].se, 8);
      }
    }
  });
});

describe("primaryEstimate", () => {
  it("primaryEstimate at the primary horizon is evaluateTrial's daysSaved, with the panel (days on A-dagpenge) and without (days to the first exit)", () => {
    for (const inputs of [{ config, ...data }, { config, ...data, benefitWeeks: null }]) {
      const results = evaluateTrial({ ...inputs, asOf: "2018-03-01", seed: 1, now: new Date("2018-03-02T00:00:00Z"), toolVersion: "test" });
      const primary = primaryEstimate(primaryData(inputs, "2018-03-01"), { tau: config.evaluation.primaryHorizonDays });
      expect(primary).toEqual(results.daysSaved);
    }
  });
});
