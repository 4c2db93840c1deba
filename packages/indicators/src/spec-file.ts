/**
 * Reads indicators.json: JSON (a byte-order mark allowed), validated by
 * `IndicatorSpecSchema`; every problem names its field (a JSON path) and is worded in
 * Danish and English. Bad JSON is located by line, never by quoting the parser (which
 * quotes the file).
 */
import { readFileSync } from "node:fs";
import { jsonPath } from "@jobtrial/core";
import { z } from "zod";
import { IndicatorSpecSchema, SPEC_RULES, type IndicatorSpec } from "./definition.ts";
import { IndicatorsError, type WordedProblem } from "./messages.ts";

const DANISH_RULES = new Map<string, string>(Object.values(SPEC_RULES).map((rule) => [rule.en, rule.da]));

/** One issue in one language: our own rules in their words; zod's checks in ours where they are the common ones, else in zod's locale. */
function issueText(issue: z.core.$ZodIssue, lang: "da" | "en"): string {
  const da = lang === "da";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    const many = issue.keys.length > 1;
    return da ? `ukendt${many ? "e" : ""} felt${many ? "er" : ""} ${keys}; fjern ${many ? "dem" : "det"} eller ret stavemåden` : `unknown field${many ? "s" : ""} ${keys}; remove or correct the spelling`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return da ? `mangler; tilføj feltet (${issue.expected})` : `is missing; add it (${issue.expected})`;
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
    const options = (issue.options as unknown[]).map((option) => `"${String(option)}"`);
    const listed = options.length === 1 ? options[0]! : `${options.slice(0, -1).join(", ")} ${da ? "eller" : "or"} ${options.at(-1)!}`;
    return da ? `skal være ${listed}` : `must be ${listed}`;
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number" && !DANISH_RULES.has(issue.message)) {
    const limit = issue.code === "too_small" ? issue.minimum : issue.maximum;
    if (issue.code === "too_small") return da ? `skal være mindst ${limit}` : `must be at least ${limit}`;
    return da ? `må højst være ${limit}` : `must be at most ${limit}`;
  }
  if (!da) return issue.message;
  const params = (issue as { params?: { da?: unknown } }).params;
  if (typeof params?.da === "string") return params.da;
  return DANISH_RULES.get(issue.message) ?? issue.message;
}

export function parseIndicatorSpec(value: unknown, file = "indicators.json"): IndicatorSpec {
  const parsed = IndicatorSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // The same value again under zod's Danish locale: the issues come in the same order.
  const danish = IndicatorSpecSchema.safeParse(value, { error: z.locales.da().localeError });
  const danishIssues = danish.success ? [] : danish.error.issues;
  const problems: WordedProblem[] = parsed.error.issues.map((issue, index) => ({
    da: `${jsonPath(issue.path)} ${issueText(danishIssues[index] ?? issue, "da")}`,
    en: `${jsonPath(issue.path)} ${issueText(issue, "en")}`,
  }));
  throw new IndicatorsError({ code: "spec_invalid", file, problems });
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
    const problem = line === null ? { da: "ikke gyldig JSON", en: "not valid JSON" } : { da: `ikke gyldig JSON (linje ${line})`, en: `not valid JSON (line ${line})` };
    throw new IndicatorsError({ code: "spec_invalid", file: name, problems: [problem] });
  }
  return parseIndicatorSpec(value, name);
}
