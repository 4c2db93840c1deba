/**
 * Reads indicators.json: JSON (a byte-order mark allowed), validated by
 * `IndicatorSpecSchema`; every problem names its field. Bad JSON is located by line,
 * never by quoting the parser (which quotes the file).
 */
import { readFileSync } from "node:fs";
import { jsonPath } from "@jobtrial/core";
import { IndicatorSpecSchema, type IndicatorSpec } from "./definition.ts";
import { IndicatorsError } from "./messages.ts";

export function parseIndicatorSpec(value: unknown, file = "indicators.json"): IndicatorSpec {
  const parsed = IndicatorSpecSchema.safeParse(value);
  if (!parsed.success) throw new IndicatorsError({ code: "spec_invalid", file, problems: parsed.error.issues.map((issue) => `${jsonPath(issue.path)} ${issue.message}`) });
  return parsed.data;
}

/** Reads and validates a definitions file; throws IndicatorsError "spec_invalid" with each problem. */
export function loadIndicatorSpec(path: string, name: string): IndicatorSpec {
  const content = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    const line = position ? content.slice(0, Number(position[1])).split("\n").length : null;
    throw new IndicatorsError({ code: "spec_invalid", file: name, problems: [line === null ? "not valid JSON" : `not valid JSON (line ${line})`] });
  }
  return parseIndicatorSpec(value, name);
}
