/**
 * Citizens counted per arm within groups (an intake week, a censoring reason, a subgroup
 * level): one arquero group-by over a table of key and arm.
 */
import { op, table } from "arquero";
import type { ArmCounts } from "./analysis-set.ts";
import type { TrialArm } from "./model.ts";

/**
 * The number of rows in each arm for every key, keys in the order they first occur.
 * Rows whose key is null are left out; a key is listed only when a row has it.
 *
 * @example armCountsBy([{ arm: "control", week: "2017-W02" }, { arm: "intervention", week: "2017-W01" }, { arm: "control", week: "2017-W02" }], (row) => row.week)
 * // Map { "2017-W02" => { control: 2, intervention: 0 }, "2017-W01" => { control: 0, intervention: 1 } }
 */
export function armCountsBy<Row extends { arm: TrialArm }>(rows: readonly Row[], keyOf: (row: Row) => string | null): Map<string, ArmCounts> {
  const keys: string[] = [];
  const arms: TrialArm[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    keys.push(key);
    arms.push(row.arm);
  }
  const counted = table({ key: keys, arm: arms })
    .groupby("key")
    .rollup({ control: (d) => op.sum(d.arm === "control" ? 1 : 0), intervention: (d) => op.sum(d.arm === "intervention" ? 1 : 0) });
  return new Map((counted.objects() as { key: string; control: number; intervention: number }[]).map((row) => [row.key, { control: row.control, intervention: row.intervention }]));
}

/** The number of rows in each arm. */
export function armCounts(rows: readonly { arm: TrialArm }[]): ArmCounts {
  return armCountsBy(rows, () => "all").get("all") ?? { control: 0, intervention: 0 };
}
