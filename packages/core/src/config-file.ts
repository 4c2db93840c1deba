/**
 * Reading a trial configuration from disk and turning every schema problem into
 * a line that names its JSON path, so `jobtrial config check` can list them all.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { TrialConfigSchema, type TrialConfig } from "./config.ts";

/** One problem in a configuration file. */
export interface ConfigProblem {
  /** JSON path such as `$.money.years[0].cofinancing[1].share`; `$` for the whole file. */
  path: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: TrialConfig; hash: string }
  | { ok: false; file: string; problems: ConfigProblem[] };

/** Formats a zod issue path as a JSON path: `$.a.b[0].c`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}; remove or correct the spelling`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return `is missing; add it (expected ${issue.expected})`;
  }
  if (issue.code === "invalid_type") {
    return `has the wrong type: expected ${issue.expected}, got ${describe(issue.input)}`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : typeof value;
}

/** Validates a parsed JSON value as a trial configuration. Never throws. */
export function checkTrialConfig(value: unknown, file = "<config>"): ConfigResult {
  const parsed = TrialConfigSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issueMessage(issue) }));
    return { ok: false, file, problems };
  }
  return { ok: true, config: parsed.data, hash: configHash(parsed.data) };
}

/** Reads and validates a trial configuration file. Never throws for bad input. */
export function loadTrialConfig(file: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found; check the path" : `cannot read the file (${(error as Error).message})`;
    return { ok: false, file, problems: [{ path: "$", message: reason }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, file, problems: [{ path: "$", message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return checkTrialConfig(value, file);
}

/** Canonical JSON: object keys sorted, no white space. Equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical JSON of a validated configuration: recorded with every batch and result. */
export function configHash(config: TrialConfig): string {
  return createHash("sha256").update(canonicalJson(config)).digest("hex");
}
