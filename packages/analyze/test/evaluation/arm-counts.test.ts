import { describe, expect, it } from "vitest";
import { armCounts, armCountsBy } from "../../src/evaluation/arm-counts.ts";

describe("armCountsBy", () => {
  it("armCountsBy(rows, key) counts each arm per key, keys in the order they first occur, rows without a key left out", () => {
    const rows = [
      { arm: "control" as const, reason: "moved" },
      { arm: "intervention" as const, reason: null },
      { arm: "intervention" as const, reason: "as-of date" },
      { arm: "control" as const, reason: "moved" },
      { arm: "intervention" as const, reason: "moved" },
    ];
    expect([...armCountsBy(rows, (row) => row.reason)]).toEqual([
      ["moved", { control: 2, intervention: 1 }],
      ["as-of date", { control: 0, intervention: 1 }],
    ]);
  });

  it("armCountsBy of no rows is empty, and armCounts of no rows is zero in both arms", () => {
    expect(armCountsBy([], () => "any").size).toBe(0);
    expect(armCounts([])).toEqual({ control: 0, intervention: 0 });
    expect(armCounts([{ arm: "intervention" }, { arm: "intervention" }, { arm: "control" }])).toEqual({ control: 1, intervention: 2 });
  });
});
