/**
 * The measures the project promised, from the weekly benefit panel: days on A-dagpenge
 * saved (re-entries counted), days on any public support saved, where the saved days
 * went, and the municipality's expenditure per citizen priced per benefit. Builds the
 * paths (benefit-paths.ts), then time in states (time-in-states.ts) and expenditure
 * (expenditure.ts); `evaluateTrial` writes the result into results.json and the
 * validation bench calls `estimatePathMeasures` for the headline numbers alone.
 */
import { trialBenefitStates, type TrialConfig } from "@jobtrial/core";
import type { PathNote, Results } from "../results-schema.ts";
import { benefitPaths, type BenefitPathSet } from "./benefit-paths.ts";
import { EXPENDITURE_METHOD, expenditureMeasures } from "./expenditure.ts";
import type { CohortMember } from "./model.ts";
import { pathNote } from "./path-messages.ts";
import type { BenefitWeek } from "./read-inputs.ts";
import { timeInStates } from "./time-in-states.ts";

export interface PathMeasures {
  paths: NonNullable<Results["paths"]>;
  expenditure: NonNullable<Results["expenditure"]>;
  /** Days saved on A-dagpenge at the primary horizon (measure "days-on-benefit"). */
  daysSaved: Results["daysSaved"];
  notes: PathNote[];
}

export interface PathMeasureOptions {
  /** Horizons, days (the primary included). */
  taus: readonly number[];
  primaryTau: number;
  minCellSize: number;
}

/** Paths of one arm: how many. */
export function pathsInArm(set: BenefitPathSet, arm: "control" | "intervention"): number {
  return set.paths.reduce((count, path) => count + (path.arm === arm ? 1 : 0), 0);
}

/** Every path measure of a path set with at least one path in each arm. */
export function pathMeasures(set: BenefitPathSet, config: TrialConfig, options: PathMeasureOptions): PathMeasures {
  const states = trialBenefitStates(config);
  const time = timeInStates(set, states, options);
  const money = expenditureMeasures(set, states, config.money, options);
  const notes = [...time.notEstimable.map((tau) => pathNote({ code: "horizon-beyond-follow-up", tau })), ...money.notes.map(pathNote)];
  return { paths: time.paths, expenditure: money.expenditure, daysSaved: time.daysSaved, notes };
}

/** The headline path estimates at one horizon, fast (for the validation bench). */
export interface PathEstimates {
  daysSaved: Results["daysSaved"];
  publicSupportDaysSaved: NonNullable<Results["paths"]>["publicSupportDaysSaved"];
  expenditureSaving: NonNullable<Results["expenditure"]>["saving"];
  analysed: number;
}

/**
 * Days on A-dagpenge saved, days on public support saved and the expenditure saving per
 * citizen at `tau`, exactly as `evaluateTrial` estimates them from the same panel.
 * Throws when an arm has no path.
 */
export function estimatePathMeasures(cohort: readonly CohortMember[], panel: readonly BenefitWeek[], asOf: string, config: TrialConfig, tau: number): PathEstimates {
  const set = benefitPaths(panel, cohort, asOf, trialBenefitStates(config));
  for (const arm of ["control", "intervention"] as const) if (pathsInArm(set, arm) === 0) throw new Error(`the ${arm} arm has no citizen with a path in the benefit panel as of ${asOf}`);
  const measures = pathMeasures(set, config, { taus: [tau], primaryTau: tau, minCellSize: config.disclosure.minCellSize });
  return { daysSaved: measures.daysSaved, publicSupportDaysSaved: measures.paths.publicSupportDaysSaved, expenditureSaving: measures.expenditure.saving, analysed: set.paths.length };
}

/** Definitions of the path measures for results.definitions (English; the report words its own). */
export function pathDefinitions(config: TrialConfig, withPanel: boolean): Record<string, string> {
  const tau = config.evaluation.primaryHorizonDays;
  const states = trialBenefitStates(config);
  const firstExit = `Days to first exit: the control arm's restricted mean duration of the first spell on A-dagpenge at ${tau} days minus the intervention arm's (the area under the Kaplan-Meier curve of the first exit of any kind), with the standard error sqrt(se_c² + se_i²) and a 95 % normal interval. A secondary measure: a citizen who leaves A-dagpenge for sickness benefit, or comes back, counts as an exit.`;
  if (!withPanel) {
    return {
      daysSaved: `${firstExit} Without the weekly benefit panel this is what days saved measures; days on A-dagpenge with re-entries, days on public support and expenditure need the panel.`,
      daysToFirstExit: firstExit,
    };
  }
  const publicStates = states.states.filter((state) => state.public).map((state) => state.label.en).join(", ");
  return {
    daysSaved: `Days saved: the control arm's expected days on A-dagpenge within the first ${tau} days from the first unemployment day minus the intervention arm's, every day on A-dagpenge counted (returns to A-dagpenge included), from each citizen's path through benefit states in the weekly benefit panel. Per arm the Aalen-Johansen estimate of the probability of being on A-dagpenge on each day, integrated to ${tau} (restricted mean time in state), with infinitesimal-jackknife standard errors (as R's survfit); the difference has SE sqrt(se_c² + se_i²) and a 95 % normal interval. Follow-up ends at the as-of date or when a citizen moves away (censoring). A positive value means fewer days on A-dagpenge in the intervention. This is the primary effect measure.`,
    daysToFirstExit: firstExit,
    paths: `Each citizen's path from the first unemployment day: the state of every ISO week from the panel's codes (configuration benefitStates: ${states.states.map((state) => `${state.label.en}${state.public ? " (public support)" : ""}`).join(", ")}; a week without a code is ${states.noCodeState}; codes ${states.censorCodes.join(", ")} end follow-up). Expected days in each state and on any public support (${publicStates}) within each horizon per arm, with the differences intervention minus control; days on public support saved = control minus intervention. Where the saved days went: intervention minus control days in each state other than A-dagpenge at ${tau} days; they sum to days saved.`,
    expenditure: `Mean municipal expenditure per citizen within each horizon per arm, and the saving control minus intervention (positive: the intervention costs the municipality less). ${EXPENDITURE_METHOD}`,
  };
}
