/**
 * Reading a trial configuration from disk and turning every schema problem into
 * a line that names its JSON path, so `jobtrial config check` can list them all.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
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

/** Language of the problems' wording: Danish for the jobcentre, English for the library's default. */
export type ConfigLang = "da" | "en";

const WORDING = {
  en: {
    unknownFields: (keys: string, many: boolean) => `unknown field${many ? "s" : ""} ${keys}; remove or correct the spelling`,
    missing: (expected: string) => `is missing; add it (expected ${expected})`,
    wrongType: (expected: string, got: string) => `has the wrong type: expected ${expected}, got ${got}`,
    notFound: "file not found; check the path",
    unreadable: (reason: string) => `cannot read the file (${reason})`,
    notJson: (reason: string) => `is not valid JSON: ${reason}`,
    kinds: { null: "null", array: "an array", string: "a string" } as Record<string, string>,
  },
  da: {
    unknownFields: (keys: string, many: boolean) => `ukendt${many ? "e" : ""} felt${many ? "er" : ""} ${keys}; fjern ${many ? "dem" : "det"} eller ret stavemåden`,
    missing: (expected: string) => `mangler; tilføj feltet (forventet ${expected})`,
    wrongType: (expected: string, got: string) => `har forkert type: forventet ${expected}, fik ${got}`,
    notFound: "filen findes ikke; kontroller stien",
    unreadable: (reason: string) => `filen kan ikke læses (${reason})`,
    notJson: (reason: string) => `er ikke gyldig JSON: ${reason}`,
    kinds: { null: "null", array: "en liste", string: "en tekst", number: "et tal", boolean: "en sandhedsværdi", object: "et objekt" } as Record<string, string>,
  },
} as const;

function issueMessage(issue: z.core.$ZodIssue, lang: ConfigLang): string {
  const wording = WORDING[lang];
  if (issue.code === "unrecognized_keys") {
    return wording.unknownFields(issue.keys.map((key) => `"${key}"`).join(", "), issue.keys.length > 1);
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return wording.missing(issue.expected);
  }
  if (issue.code === "invalid_type") {
    return wording.wrongType(issue.expected, describe(issue.input, lang));
  }
  return issue.message;
}

function describe(value: unknown, lang: ConfigLang): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return WORDING[lang].kinds[kind] ?? kind;
}

/**
 * Validates a parsed JSON value as a trial configuration. Never throws. The problems
 * are worded in `lang` (zod's own messages through its locale). Default: "en"
 */
export function checkTrialConfig(value: unknown, file = "<config>", lang: ConfigLang = "en"): ConfigResult {
  const parsed = TrialConfigSchema.safeParse(value, lang === "da" ? { reportInput: true, error: z.locales.da().localeError } : { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issueMessage(issue, lang) }));
    return { ok: false, file, problems };
  }
  return { ok: true, config: parsed.data, hash: configHash(parsed.data) };
}

/** Reads and validates a trial configuration file. Never throws for bad input. Problems in `lang`; default: "en" */
export function loadTrialConfig(file: string, lang: ConfigLang = "en"): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? WORDING[lang].notFound : WORDING[lang].unreadable(code ?? "I/O");
    return { ok: false, file, problems: [{ path: "$", message: reason }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // The parser's own message quotes the file's text, which could hold anything: say only where.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split("\n").length;
    return { ok: false, file, problems: [{ path: "$", message: WORDING[lang].notJson(line === null ? "?" : lang === "da" ? `linje ${line}` : `line ${line}`) }] };
  }
  return checkTrialConfig(value, file, lang);
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
