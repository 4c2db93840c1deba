/**
 * Secondary outcomes where data exist, intention to treat among the analysed
 * citizens with a value: applications (difference in means with the HC2
 * standard error), a self-found internship or wage-subsidy job (difference in
 * proportions), the citizens' rating of the conversations (difference in
 * means, HC2). Differences are intervention minus control. A measure nobody
 * has a value for is null; so is the whole block without a secondary file.
 */
import { mean, sum } from "simple-statistics";
import type { Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import type { SecondaryRecord } from "./model.ts";
import { cell, guarded, isSmall } from "./suppress.ts";
import { NO_DIFFERENCE, proportionDifference, welchDifference } from "./two-group.ts";

type SecondaryBlock = NonNullable<Results["secondary"]>;

export function secondaryMeasures(rows: readonly AnalysisRow[], records: readonly SecondaryRecord[], minCellSize: number): SecondaryBlock {
  const armOf = new Map(rows.map((row) => [row.member.pseudonym, row.arm]));
  const values = (pick: (record: SecondaryRecord) => number | null) => {
    const byArm = { control: [] as number[], intervention: [] as number[] };
    for (const record of records) {
      const arm = armOf.get(record.pseudonym);
      const value = pick(record);
      if (arm !== undefined && value !== null) byArm[arm].push(value);
    }
    return byArm;
  };
  const meanBlock = (pick: (record: SecondaryRecord) => number | null) => {
    const byArm = values(pick);
    if (byArm.control.length + byArm.intervention.length === 0) return null;
    const arm = (list: number[]) => ({ n: cell(list.length, minCellSize), mean: list.length === 0 ? null : guarded(mean(list), list.length, minCellSize) });
    const enough = byArm.control.length >= minCellSize && byArm.intervention.length >= minCellSize;
    return { control: arm(byArm.control), intervention: arm(byArm.intervention), difference: enough ? welchDifference(byArm.intervention, byArm.control) : NO_DIFFERENCE };
  };
  const jobs = values((record) => (record.selfFoundJob === null ? null : record.selfFoundJob ? 1 : 0));
  let selfFoundJob: SecondaryBlock["selfFoundJob"] = null;
  if (jobs.control.length + jobs.intervention.length > 0) {
    const arm = (list: number[]) => {
      const yes = sum(list);
      const shown = list.length >= minCellSize && !isSmall(yes, minCellSize) && !isSmall(list.length - yes, minCellSize);
      return { n: cell(list.length, minCellSize), share: shown ? yes / list.length : null };
    };
    const control = arm(jobs.control);
    const intervention = arm(jobs.intervention);
    selfFoundJob = {
      control,
      intervention,
      difference:
        control.share !== null && intervention.share !== null
          ? proportionDifference(sum(jobs.intervention), jobs.intervention.length, sum(jobs.control), jobs.control.length)
          : NO_DIFFERENCE,
    };
  }
  return {
    applications: meanBlock((record) => record.applications),
    selfFoundJob,
    rating: meanBlock((record) => record.rating),
  };
}
