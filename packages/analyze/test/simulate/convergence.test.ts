/**
 * The simulator's sample quantities converge to truth.json's values, which are
 * computed from the model by summation, not from any sample. One large trial
 * (about 100,000 citizens, no files, no conversation or benefit tables).
 *
 * Nothing is censored here: each citizen's full (latent) duration is used, so
 * the restricted mean is the sample mean of min(D, tau), and a tiny in-test
 * Kaplan-Meier on the same data must give the same number.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prepareSimulation } from "../../src/simulate/model.ts";
import { randomSource } from "@jobtrial/survival";
import { simulateWithModel, type SimulatedCitizen, type Simulation } from "../../src/simulate/simulate-trial.ts";
import { meanAndStandardError as meanAndError } from "@jobtrial/survival";
import { esbjergConfig } from "./helpers.ts";

/** Kaplan-Meier restricted mean up to tau for whole-day durations, all observed: Σ_{d<tau} S(d). */
function kaplanMeierRestrictedMean(durations: readonly number[], tau: number): number {
  const exitsOnDay = new Map<number, number>();
  for (const duration of durations) exitsOnDay.set(duration, (exitsOnDay.get(duration) ?? 0) + 1);
  let atRisk = durations.length;
  let survival = 1;
  let area = 0;
  for (let day = 1; day <= tau; day++) {
    area += survival; // S on [day - 1, day)
    const exits = exitsOnDay.get(day) ?? 0;
    if (exits > 0) {
      survival *= 1 - exits / atRisk;
      atRisk -= exits;
    }
  }
  return area;
}

describe("simulateWithModel on about 100,000 citizens", () => {
  const config = esbjergConfig();
  let sim: Simulation;
  let eligible: SimulatedCitizen[];
  beforeAll(() => {
    // The first-spell model (paths: false); the path model's convergence is path-convergence.test.ts.
    const model = prepareSimulation(config, { weeklyIntake: 1700, paths: false, include: { conversations: false, benefitWeeks: false, secondary: false } });
    sim = simulateWithModel(model, randomSource(1_000_003));
    eligible = sim.citizens.filter((citizen) => citizen.eligible);
  });

  it("simulates at least 100,000 eligible citizens", () => {
    expect(eligible.length).toBeGreaterThanOrEqual(100_000);
  });

  it("gives a causal restricted-mean difference at 364 days within 0.5 day of truth.daysSaved", () => {
    const tau = sim.truth.horizonDays;
    const differences = eligible.map((citizen) => Math.min(citizen.potentialDurations!.control, tau) - Math.min(citizen.potentialDurations!.intervention, tau));
    const { mean, error } = meanAndError(differences);
    expect(Math.abs(mean - sim.truth.daysSaved)).toBeLessThan(0.5);
    expect(Math.abs(mean - sim.truth.daysSaved)).toBeLessThan(4 * error);
  });

  it("gives arm restricted means at 182 and 364 days that match truth.armContrast, by sample mean and by Kaplan-Meier", () => {
    for (const [horizon, truth] of Object.entries(sim.truth.armContrast.restrictedMean)) {
      const tau = Number(horizon);
      const byArm = (arm: "control" | "intervention") => eligible.filter((citizen) => citizen.arm === arm).map((citizen) => citizen.durationDays!);
      const control = meanAndError(byArm("control").map((duration) => Math.min(duration, tau)));
      const intervention = meanAndError(byArm("intervention").map((duration) => Math.min(duration, tau)));
      expect(kaplanMeierRestrictedMean(byArm("control"), tau)).toBeCloseTo(control.mean, 8);
      expect(kaplanMeierRestrictedMean(byArm("intervention"), tau)).toBeCloseTo(intervention.mean, 8);
      expect(Math.abs(control.mean - truth.control)).toBeLessThan(4 * control.error);
      expect(Math.abs(intervention.mean - truth.intervention)).toBeLessThan(4 * intervention.error);
      const differenceError = Math.hypot(control.error, intervention.error);
      expect(Math.abs(control.mean - intervention.mean - truth.difference)).toBeLessThan(4 * differenceError);
    }
  });

  it("gives cumulative exit to self-support at 13, 26 and 52 weeks that matches truth.armContrast", () => {
    for (const [weeks, truth] of Object.entries(sim.truth.armContrast.exitToSelfSupport)) {
      for (const arm of ["control", "intervention"] as const) {
        const exited = eligible
          .filter((citizen) => citizen.arm === arm)
          .map((citizen) => (citizen.durationDays! <= Number(weeks) * 7 && citizen.exit === "selvforsørgelse" ? 1 : 0));
        const { mean, error } = meanAndError(exited);
        expect(Math.abs(mean - truth[arm])).toBeLessThan(4 * error);
      }
    }
  });

  it("gives medians within 3 days of the true medians", () => {
    for (const arm of ["control", "intervention"] as const) {
      const durations = eligible.filter((citizen) => citizen.arm === arm).map((citizen) => citizen.durationDays!).sort((a, b) => a - b);
      const median = durations[Math.ceil(durations.length / 2) - 1]!;
      expect(Math.abs(median - sim.truth.armContrast.median[arm])).toBeLessThanOrEqual(3);
    }
  });

  it("has the configured shares born abroad, registered on 1 January and born 1 January, and the rule's intervention share", () => {
    const share = (test: (citizen: SimulatedCitizen) => boolean) => meanAndError(eligible.map((citizen) => (test(citizen) ? 1 : 0)));
    const checks: [ReturnType<typeof share>, number][] = [
      [share((citizen) => citizen.foreignBorn), sim.options.foreignBornShare],
      [share((citizen) => citizen.registeredJanuary1), sim.options.foreignBornShare * sim.options.januaryFirstShareOfForeignBorn],
      [share((citizen) => citizen.birthDate.endsWith("-01-01")), sim.truth.composition.bornJanuary1Share],
      [share((citizen) => citizen.arm === "intervention"), sim.truth.composition.interventionShare],
    ];
    for (const [{ mean, error }, expected] of checks) expect(Math.abs(mean - expected)).toBeLessThan(4 * error);
    const foreignInIntervention = meanAndError(eligible.filter((citizen) => citizen.arm === "intervention").map((citizen) => (citizen.foreignBorn ? 1 : 0)));
    expect(Math.abs(foreignInIntervention.mean - sim.truth.composition.foreignBornShareByArm.intervention)).toBeLessThan(4 * foreignInIntervention.error);
  });

  it("gives the arm contrast without those born 1 January that matches truth.armContrastExcludingJanuary1", () => {
    const tau = sim.truth.horizonDays;
    const rest = eligible.filter((citizen) => !citizen.birthDate.endsWith("-01-01"));
    const byArm = (arm: "control" | "intervention") => meanAndError(rest.filter((citizen) => citizen.arm === arm).map((citizen) => Math.min(citizen.durationDays!, tau)));
    const control = byArm("control");
    const intervention = byArm("intervention");
    const difference = control.mean - intervention.mean;
    expect(Math.abs(difference - sim.truth.armContrastExcludingJanuary1.daysSaved)).toBeLessThan(4 * Math.hypot(control.error, intervention.error));
  });
});
