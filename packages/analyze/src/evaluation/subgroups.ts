/**
 * Days saved in subgroups: by industry group, sex, born 1 January and any
 * configured intake covariate (a categorical column of the cohort), with a
 * test that days saved is the same in every level.
 *
 * Each level's days saved is the primary estimate (primary-estimate.ts: days
 * on A-dagpenge from the paths, or days to the first exit) at the primary
 * horizon within the level; the counts are the citizens the primary measure analyses. A level where either arm has fewer citizens than
 * the minimum cell size has no estimate (`suppressed: true`); its counts are
 * shown unless small (a zero is shown), with complementary suppression within
 * each arm, whose levels add up to the arm's total. The interaction test is Cochran's Q on the shown
 * levels' estimates: Q = Σ w_k (d_k - d̄)², w_k = 1 / se_k², d̄ the
 * inverse-variance weighted mean, chi-square with (levels - 1) df; null with
 * fewer than two estimable levels.
 */
import { chiSquareSurvival } from "@jobtrial/survival";
import type { Results } from "../results-schema.ts";
import { armCountsBy } from "./arm-counts.ts";
import type { CohortMember } from "./model.ts";
import { primaryEstimate, primaryUnits, type PrimaryData } from "./primary-estimate.ts";
import { suppressGroup } from "./suppress.ts";

export const DEFAULT_SUBGROUPS = ["industry group", "sex", "born 1 January"] as const;
/** Stable keys of the built-in subgroup variables (results' `key`). */
const SUBGROUP_KEYS: Readonly<Record<string, string>> = { "industry group": "industryGroup", sex: "sex", "born 1 January": "bornFirstJanuary" };

/** The level of a subgroup variable for a citizen; null when unknown. */
export function subgroupLevel(member: CohortMember, variable: string): string | null {
  switch (variable) {
    case "industry group":
      return member.industryGroup;
    case "sex":
      return member.sex;
    case "born 1 January":
      return member.bornFirstJanuary === null ? null : member.bornFirstJanuary ? "yes" : "no";
    default: {
      const value = member.covariates[variable];
      return value === null || value === undefined ? null : String(value);
    }
  }
}

export function subgroupAnalyses(data: PrimaryData, variables: readonly string[], tau: number, minCellSize: number): Results["subgroups"] {
  const result: Results["subgroups"] = [];
  const rows = primaryUnits(data);
  for (const variable of variables) {
    const counts = armCountsBy(rows, (row) => subgroupLevel(row.member, variable));
    const levels = [...counts.keys()].sort();
    if (levels.length === 0) continue;
    const countsOf = (arm: "control" | "intervention") => levels.map((level) => counts.get(level)![arm]);
    // The levels of an arm add up to the arm's analysed total: complementary suppression.
    const shownControl = suppressGroup(countsOf("control"), minCellSize);
    const shownIntervention = suppressGroup(countsOf("intervention"), minCellSize);
    const groups = levels.map((level, index) => {
      const { control, intervention } = counts.get(level)!;
      if (control < minCellSize || intervention < minCellSize) {
        return { level, n: { control: shownControl[index]!, intervention: shownIntervention[index]! }, daysSaved: null, suppressed: true };
      }
      const saved = primaryEstimate(data, { tau, keep: (member) => subgroupLevel(member, variable) === level });
      const estimate = { estimate: saved.estimate, se: saved.se, lower: saved.lower, upper: saved.upper, p: saved.p ?? null };
      return { level, n: { control: shownControl[index]!, intervention: shownIntervention[index]! }, daysSaved: estimate.estimate === null ? null : estimate, suppressed: false };
    });
    const estimable = groups.filter((group) => group.daysSaved !== null && group.daysSaved.se !== null && group.daysSaved.se > 0);
    let interaction: Results["subgroups"][number]["interaction"] = null;
    if (estimable.length >= 2) {
      const weights = estimable.map((group) => 1 / group.daysSaved!.se! ** 2);
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const pooled = estimable.reduce((sum, group, index) => sum + weights[index]! * group.daysSaved!.estimate!, 0) / totalWeight;
      const chisq = estimable.reduce((sum, group, index) => sum + weights[index]! * (group.daysSaved!.estimate! - pooled) ** 2, 0);
      const df = estimable.length - 1;
      interaction = { chisq, df, p: chiSquareSurvival(chisq, df) };
    }
    const key = SUBGROUP_KEYS[variable];
    result.push({ variable, ...(key === undefined ? {} : { key }), groups, interaction });
  }
  return result;
}
