import { fileURLToPath } from "node:url";
import { loadTrialConfig, type TrialConfig } from "@jobtrial/core";

/** The repository root, for the bundled data. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The bundled trial configuration, validated. */
export function esbjergConfig(): TrialConfig {
  const result = loadTrialConfig(`${repoRoot}data/esbjerg-2017/trial.json`);
  if (!result.ok) throw new Error(`bundled trial.json does not validate: ${JSON.stringify(result.problems)}`);
  return result.config;
}
