import { describe, expect, it } from "vitest";
import { buildAnalysisSet } from "../../src/evaluation/analysis-set.ts";
import { flowCounts } from "../../src/evaluation/flow.ts";
import type { CohortMember, Spell } from "../../src/evaluation/model.ts";

const MIN_CELL_SIZE = 5;

function member(pseudonym: string, arm: "control" | "intervention", voided: boolean): CohortMember {
  return {
    pseudonym,
    arm,
    intakeWeek: "2017-W01",
    firstUnemploymentDay: "2017-01-02",
    ageAtEntry: 40,
    sex: "female",
    industryGroup: "Team LVU",
    bornFirstJanuary: false,
    bornFirstOfMonth: false,
    replacementNumber: false,
    voided,
    covariates: {},
  };
}

/**
 * A hand-worked cohort: control has 20 analysed (each exits after 30 days), 2 voided and
 * 6 without outcome data (28 assigned, voided included); intervention has 20 analysed and
 * nothing else. Rows are unsorted: voided and unmatched members come between the others.
 */
function cohortAndSpells(): { cohort: CohortMember[]; spells: Spell[] } {
  const cohort: CohortMember[] = [];
  const spells: Spell[] = [];
  for (let index = 0; index < 20; index++) {
    for (const arm of ["intervention", "control"] as const) {
      cohort.push(member(`${arm}-${index}`, arm, false));
      spells.push({ pseudonym: `${arm}-${index}`, start: "2017-01-02", end: "2017-01-31", exitState: "self-support", censorReason: null });
    }
    if (index < 2) cohort.push(member(`voided-${index}`, "control", true));
    if (index < 6) cohort.push(member(`no-outcome-${index}`, "control", false));
  }
  return { cohort, spells };
}

describe("flowCounts", () => {
  it("flowCounts(voided 2 of 28 assigned) suppresses voided together with a partner, so assigned minus the shown counts cannot give it", () => {
    const { cohort, spells } = cohortAndSpells();
    const flow = flowCounts(buildAnalysisSet(cohort, spells, "2018-03-01"), null, MIN_CELL_SIZE);
    // Control: [analysed 20, voided 2, late 0, no outcome 6] add up to the published 28. Voided (2) is
    // small; its partner is the smallest non-zero count that brings the hidden sum to 5: no outcome (6).
    expect({ assigned: flow.assigned, voided: flow.voided, analysed: flow.analysed, excluded: flow.excluded }).toEqual({
      assigned: { control: 28, intervention: 20 },
      voided: { control: null, intervention: 0 },
      analysed: { control: 20, intervention: 20 },
      excluded: [
        { reason: "entered on or after the as-of date", code: "entered-after-as-of", control: 0, intervention: 0 },
        { reason: "no outcome data", code: "no-outcome-data", control: null, intervention: 0 },
      ],
    });
    // What a reader can compute from the shown counts: only voided + no outcome together (8), never voided alone.
    const shown = [flow.analysed.control, flow.voided.control, ...flow.excluded.map((entry) => entry.control)].filter((value): value is number => value !== null);
    expect(flow.assigned.control! - shown.reduce((sum, value) => sum + value, 0)).toBe(8);
  });

  it("flowCounts(no voided assignments) shows voided as 0 and suppresses nothing more", () => {
    const { cohort, spells } = cohortAndSpells();
    const flow = flowCounts(buildAnalysisSet(cohort.filter((entry) => !entry.voided), spells, "2018-03-01"), null, MIN_CELL_SIZE);
    expect([flow.assigned.control, flow.voided.control, flow.analysed.control, flow.excluded[1]!.control]).toEqual([26, 0, 20, 6]);
  });
});
