import { fileURLToPath } from "node:url";
import { loadTrialConfig, type TrialConfig } from "@jobtrial/assign";

/** The repository root, for the bundled data. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The bundled trial configuration, validated. */
export function esbjergConfig(): TrialConfig {
  const result = loadTrialConfig(`${repoRoot}data/esbjerg-2017/trial.json`);
  if (!result.ok) throw new Error(`bundled trial.json does not validate: ${JSON.stringify(result.problems)}`);
  return result.config;
}

/** Mean and standard error of the mean. */
export function meanAndError(values: readonly number[]): { mean: number; error: number } {
  const count = values.length;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / count;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, error: Math.sqrt(squares / (count - 1) / count) };
}
