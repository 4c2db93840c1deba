/**
 * Phase 4, validate: every spec is checked against the Vega-Lite JSON schema shipped
 * with vega-lite (build/vega-lite-schema.json, draft-07) before it is rendered, so a
 * spec that Vega-Lite would silently misread never reaches the report.
 */
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ValidateFunction } from "ajv";

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validator) {
    const require = createRequire(import.meta.url);
    const schema = require("vega-lite/vega-lite-schema.json") as Record<string, unknown>;
    // Loaded on first use (tests, or validateSpecs: true), not when the CLI starts.
    const { Ajv } = require("ajv") as { Ajv: typeof AjvClass };
    // strict: false for vega-lite's own keywords; allowUnionTypes for its type lists; formats (uri, color-hex) are not checked.
    const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true, validateFormats: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** Problems of a spec against the Vega-Lite schema ("/layer/0/mark: must be ..."); empty when valid. */
export function specProblems(spec: unknown): string[] {
  const validate = schemaValidator();
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`);
}
