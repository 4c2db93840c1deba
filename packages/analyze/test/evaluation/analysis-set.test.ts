import { daysBetween, isoWeekOf, loadTrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { describe, expect, it } from "vitest";
import { trialSpellOf } from "../../src/evaluation/analysis-set.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import type { CohortMember, Spell } from "../../src/evaluation/model.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

function member(pseudonym: string, firstUnemploymentDay: string): CohortMember {
  return {
    pseudonym,
    arm: "control",
    intakeWeek: isoWeekOf(firstUnemploymentDay),
    firstUnemploymentDay,
    ageAtEntry: null,
    sex: null,
    industryGroup: null,
    bornFirstJanuary: null,
    bornFirstOfMonth: null,
    replacementNumber: false,
    voided: false,
    covariates: {},
  };
}

function spell(pseudonym: string, start: string): Spell {
  return { pseudonym, start, end: null, exitState: null, censorReason: null };
}

describe("trialSpellOf", () => {
  it("trialSpellOf(cohort, spells, asOf) joins by pseudonym and takes the earliest spell within 14 days before the as-of date, the first listed on equal starts", () => {
    const cohort = [member("a", "2017-01-16"), member("b", "2017-01-16"), member("c", "2017-01-16"), member("d", "2017-01-16"), member("e", "2017-02-20")];
    const spells = [
      // a: 30 January is 14 days after (kept), 1 January 15 days before (left out), 10 January 6 days before (the earliest kept).
      spell("a", "2017-01-30"),
      spell("a", "2017-01-01"),
      spell("a", "2017-01-10"),
      // b: two spells on the same day; the first listed (index 4) is the trial spell.
      spell("b", "2017-01-17"),
      spell("b", "2017-01-17"),
      spell("b", "2017-01-20"),
      // c: only a spell 15 days after: no trial spell.
      spell("c", "2017-01-31"),
      // e: starts on the as-of date, which is not observed: no trial spell.
      spell("e", "2017-03-01"),
      // x is not in the cohort; d has no spell.
      spell("x", "2017-01-16"),
    ];
    expect(trialSpellOf(cohort, spells, "2017-03-01")).toEqual(
      new Map([
        [0, 2],
        [1, 3],
      ]),
    );
  });

  it("trialSpellOf(no cohort or no spells) is empty", () => {
    expect(trialSpellOf([], [spell("a", "2017-01-16")], "2017-03-01").size).toBe(0);
    expect(trialSpellOf([member("a", "2017-01-16")], [], "2017-03-01").size).toBe(0);
  });

  it("trialSpellOf on a simulated trial agrees with a plain loop over each person's spells", () => {
    const loaded = loadTrialConfig(new URL("../../../../data/esbjerg-2017/trial.json", import.meta.url).pathname);
    if (!loaded.ok) throw new Error("bundled trial.json invalid");
    const { cohort, spells } = evaluationDataFromSimulation(simulateTrial(loaded.config, { weeklyIntake: 20 }, randomSource(11)));
    const asOf = "2017-09-01";
    const expected = new Map<number, number>();
    cohort.forEach((person, index) => {
      let best: number | undefined;
      spells.forEach((candidate, spellIndex) => {
        if (candidate.pseudonym !== person.pseudonym || candidate.start >= asOf || Math.abs(daysBetween(person.firstUnemploymentDay, candidate.start)) > 14) return;
        if (best === undefined || candidate.start < spells[best]!.start) best = spellIndex;
      });
      if (best !== undefined) expected.set(index, best);
    });
    expect(expected.size).toBeGreaterThan(100);
    expect(trialSpellOf(cohort, spells, asOf)).toEqual(expected);
  });
});
