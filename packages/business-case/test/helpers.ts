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

/** The co-financing steps of A-dagpenge from 2016 (../shared/domain.md, section 4): 20 % weeks 1-4, 60 % 5-26, 70 % 27-52, 80 % after. */
export const STANDARD_STEPS = [
  { fromWeek: 1, share: 0.2 },
  { fromWeek: 5, share: 0.6 },
  { fromWeek: 27, share: 0.7 },
  { fromWeek: 53, share: 0.8 },
];

/**
 * Intervention exits at day 21, control at day 35, 10% of each arm: the curves differ by 0.1
 * on [21, 35), spell weeks 4 (days 21-27, co-financing 20 %) and 5 (days 28-34, 60 %).
 */
export function stepResults() {
  return {
    trial: { id: "esbjerg-2017", configHash: "not-compared" },
    km: {
      control: [kmRow(35, 10, 1, 0, 0.9), kmRow(70, 9, 0, 9, 0.9)],
      intervention: [kmRow(21, 10, 1, 0, 0.9), kmRow(70, 9, 0, 9, 0.9)],
    },
    daysSaved: { estimate: 1.4, se: 1, lower: -0.6, upper: 3.4, tau: 70 },
    intake: { byYear: [{ year: 2017, control: 10, intervention: 10 }] },
  };
}

/**
 * stepResults with weekly intake: 2017 has 10 entrants a week (control 5, intervention 5) in
 * weeks 1-26 and 30 (15 + 15) in weeks 27-52 (1,040 in all, 520 in the intervention arm);
 * 2018-W01 has intervention 4 and control 3, 2018-W02 intervention 2 and control 5; data
 * extracted on Monday 15 January 2018, so the window ends on Sunday 14 January (2018-W02).
 */
export function seasonalResults(): any {
  const byWeek: { week: string; control: number | null; intervention: number | null }[] = [];
  for (let week = 1; week <= 52; week++) byWeek.push({ week: `2017-W${String(week).padStart(2, "0")}`, control: week <= 26 ? 5 : 15, intervention: week <= 26 ? 5 : 15 });
  byWeek.push({ week: "2018-W01", control: 3, intervention: 4 }, { week: "2018-W02", control: 5, intervention: 2 });
  return {
    ...stepResults(),
    asOf: "2018-01-15",
    intake: { byYear: [{ year: 2017, control: 520, intervention: 520 }, { year: 2018, control: 8, intervention: 6 }], byWeek },
  };
}
