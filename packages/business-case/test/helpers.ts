import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TrialConfigSchema, type TrialConfig, type TrialConfigInput } from "@jobtrial/core";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The bundled configuration, optionally changed before validation. */
export function esbjergConfig(change: (config: TrialConfigInput) => void = () => {}): TrialConfig {
  const raw = JSON.parse(readFileSync(`${repoRoot}data/esbjerg-2017/trial.json`, "utf8")) as TrialConfigInput;
  change(raw);
  return TrialConfigSchema.parse(raw);
}

/** Every money year at the same rate and co-financing steps, so calendar-year pricing cannot matter. */
export function flatRates(maxDailyBenefit: number, steps: { fromWeek: number; share: number }[]) {
  return (config: TrialConfigInput) => {
    for (const year of config.money.years) {
      year.maxDailyBenefit = maxDailyBenefit;
      year.cofinancing = steps;
    }
  };
}

/** results.json of the conformance case trial_days (R's survfit tables), see fixtures/make-results-trial-days.ts. */
export function trialDaysResults(): any {
  return JSON.parse(readFileSync(new URL("./fixtures/results-trial-days.json", import.meta.url), "utf8"));
}

/** A Kaplan-Meier row with the fields the schema wants; the bands are not read. */
export function kmRow(time: number, nRisk: number, nEvent: number, nCensor: number, surv: number) {
  return { time, nRisk, nEvent, nCensor, surv, stdErr: null, lower: null, upper: null };
}
