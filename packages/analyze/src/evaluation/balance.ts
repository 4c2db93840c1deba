/**
 * Balance of the arms at intake: the standardized mean difference of every
 * intake covariate, (mean_intervention - mean_control) / sqrt((sd_i² + sd_c²) / 2).
 * Continuous covariates (age, numeric columns) as they are; categorical ones
 * (sex, industry group, text columns with at most 20 levels) as one
 * indicator per level; the heaping flags (born 1 January, born on the 1st,
 * replacement number) as indicators. All assigned, not voided citizens count,
 * whether or not they have outcome data.
 *
 * Suppression: n is null below the minimum cell size; for an indicator, the
 * mean, sd and SMD are null when the level's count or its complement in an
 * arm is small, 1 to minCellSize - 1 (the share would reveal it). A zero is
 * shown: "nobody in the control arm is born on the 1st" is the rule's heaping
 * problem, and it identifies no one.
 */
import type { Results } from "../results-schema.ts";
import type { CohortMember } from "./model.ts";
import { cell, isSmall } from "./suppress.ts";
import { summarize } from "./two-group.ts";

const MAX_LEVELS = 20;

type Row = Results["balance"][number];

function smd(control: { mean: number | null; sd: number | null }, intervention: { mean: number | null; sd: number | null }): number | null {
  if (control.mean === null || intervention.mean === null || control.sd === null || intervention.sd === null) return null;
  const pooled = Math.sqrt((control.sd ** 2 + intervention.sd ** 2) / 2);
  if (!(pooled > 0)) return null;
  return (intervention.mean - control.mean) / pooled;
}

export function balanceTable(members: readonly CohortMember[], minCellSize: number): Results["balance"] {
  const active = members.filter((member) => !member.voided);
  const table: Row[] = [];
  const keyed = (key: string | undefined) => (key === undefined ? {} : { key });
  const continuous = (covariate: string, pick: (member: CohortMember) => number | null, key?: string) => {
    const values = { control: [] as number[], intervention: [] as number[] };
    for (const member of active) {
      const value = pick(member);
      if (value !== null && Number.isFinite(value)) values[member.arm].push(value);
    }
    if (values.control.length + values.intervention.length === 0) return;
    const arm = (list: number[]) => {
      const summary = summarize(list);
      const shown = list.length >= minCellSize;
      return { n: cell(list.length, minCellSize), mean: shown ? summary.mean : null, sd: shown ? summary.sd : null };
    };
    const control = arm(values.control);
    const intervention = arm(values.intervention);
    table.push({ covariate, ...keyed(key), level: null, kind: "continuous", control, intervention, smd: smd(control, intervention) });
  };
  const binary = (covariate: string, level: string | null, pick: (member: CohortMember) => boolean | null, key?: string) => {
    const counts = { control: { n: 0, ones: 0 }, intervention: { n: 0, ones: 0 } };
    for (const member of active) {
      const value = pick(member);
      if (value === null) continue;
      counts[member.arm].n++;
      if (value) counts[member.arm].ones++;
    }
    if (counts.control.n + counts.intervention.n === 0) return;
    const arm = (count: { n: number; ones: number }) => {
      const shown = count.n >= minCellSize && !isSmall(count.ones, minCellSize) && !isSmall(count.n - count.ones, minCellSize);
      const share = count.n === 0 ? 0 : count.ones / count.n;
      const sd = count.n < 2 ? null : Math.sqrt((share * (1 - share) * count.n) / (count.n - 1));
      return { n: cell(count.n, minCellSize), mean: shown ? share : null, sd: shown ? sd : null };
    };
    const control = arm(counts.control);
    const intervention = arm(counts.intervention);
    table.push({ covariate, ...keyed(key), level, kind: "binary", control, intervention, smd: smd(control, intervention) });
  };
  const categorical = (covariate: string, pick: (member: CohortMember) => string | null, key?: string) => {
    const levels = [...new Set(active.map(pick).filter((value): value is string => value !== null))].sort();
    if (levels.length === 0 || levels.length > MAX_LEVELS) return;
    for (const level of levels) binary(covariate, level, (member) => (pick(member) === null ? null : pick(member) === level), key);
  };

  // Built-in covariates carry a stable key (results' `key`) beside the English name.
  continuous("age at entry", (member) => member.ageAtEntry, "age");
  binary("sex", "female", (member) => (member.sex === null ? null : member.sex === "female"), "sex");
  categorical("industry group", (member) => member.industryGroup, "industryGroup");
  binary("born 1 January", null, (member) => member.bornFirstJanuary, "bornFirstJanuary");
  binary("born on the 1st of a month", null, (member) => member.bornFirstOfMonth, "bornFirstOfMonth");
  binary("replacement number", null, (member) => member.replacementNumber, "replacementNumber");
  const covariateNames = [...new Set(active.flatMap((member) => Object.keys(member.covariates)))].sort();
  for (const name of covariateNames) {
    const numeric = active.every((member) => member.covariates[name] === null || member.covariates[name] === undefined || typeof member.covariates[name] === "number");
    if (numeric) continuous(name, (member) => (member.covariates[name] as number | null | undefined) ?? null);
    else categorical(name, (member) => (member.covariates[name] === null || member.covariates[name] === undefined ? null : String(member.covariates[name])));
  }
  return table;
}
