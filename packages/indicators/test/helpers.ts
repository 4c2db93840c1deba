import { fileURLToPath } from "node:url";
import { parseIndicatorSpec, type IndicatorSpecInput } from "../src/index.ts";
import type { Indicator } from "../src/definition.ts";

/** The hand-worked panel of test/fixtures/hand (its README-free layout is described in measures.test.ts). */
export const HAND_DIR = fileURLToPath(new URL("./fixtures/hand/", import.meta.url));

/** A spec of one indicator, validated like a file. */
export function specOf(indicator: Record<string, unknown>, minCellSize = 3) {
  const input: IndicatorSpecInput = { project: { id: "test", title: { da: "Test", en: "Test" } }, minCellSize, indicators: [{ id: "x", title: { da: "X", en: "X" }, ...indicator } as IndicatorSpecInput["indicators"][number]] };
  return parseIndicatorSpec(input);
}

export type { Indicator };
