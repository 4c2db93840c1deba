/**
 * Validation of the path measures by simulation (issue 13): many simulated trials of the
 * bundled configuration with the simulator's paths through benefit states (`paths: true`:
 * re-entry, other benefits, education, moving away, prior benefit history, seasonal
 * intake; 9 days saved on A-dagpenge at 364 days), each estimated exactly as
 * `jobtrial analyze --benefit-weeks` estimates them (`estimatePathMeasures`):
 *
 * - days on A-dagpenge saved (Aalen-Johansen restricted mean time in state, IJ SE),
 * - days on any public support saved (the same, over the public states),
 * - the expenditure saving per citizen (partitioned IPCW mean, influence-function SE),
 *
 * all control minus intervention at the primary horizon, against the simulator's exact
 * truth for the arms as the birth-date rule forms them (`truth.paths.armContrast`; the
 * unadjusted contrast estimates it, docs/evaluation.md "Which truth").
 *
 * Criteria (the issue): 95 % interval coverage within 93-97 % and |bias| below a tenth of
 * the empirical SE, with Monte Carlo SEs. The yearly net saving is the business case's
 * (it builds on the expenditure saving and its SE).
 *
 * Run: pnpm tsx bench/validate-paths.ts [--trials 1000] [--seed 20170101] [--weekly-intake 50]
 * Prints a Markdown summary; exit code 1 when a criterion fails.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { estimatePathMeasures, evaluationDataFromSimulation, prepareSimulation, simulateWithModel } from "@jobtrial/analyze";
import { loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { forkRandomSource, normalQuantile, randomSource } from "@jobtrial/survival";

const Z_975 = normalQuantile(0.975);

/** The three validated measures. */
export const MEASURES = ["daysOnBenefit", "daysOnPublicSupport", "expenditure"] as const;
export type Measure = (typeof MEASURES)[number];

/** One measure over the trials. */
export interface MeasureSummary {
  truth: number;
  /** Trials with an estimate. */
  estimable: number;
  meanEstimate: number;
  bias: number;
  /** Monte Carlo SE of the bias: empirical SE / sqrt(trials). */
  biasMonteCarloSe: number;
  /** Standard deviation of the estimates over the trials. */
  empiricalSe: number;
  meanSe: number;
  /** Share of 95 % intervals (estimate ± 1.96 SE) that contain the truth. */
  coverage: number;
  /** sqrt(coverage (1 - coverage) / trials). */
  coverageMonteCarloSe: number;
}

export interface PathValidation {
  trials: number;
  tau: number;
  weeklyIntake: number;
  meanAnalysed: number;
  measures: Record<Measure, MeasureSummary>;
}

export interface PathValidationOptions {
  trials: number;
  /** Seed of the master random source (each trial forks its own). */
  seed: number | string;
  /** Expected intake rows per week. Default: 50 (the bundled configuration's simulation) */
  weeklyIntake?: number;
  config?: TrialConfig;
  /** Called after each trial. */
  onProgress?: (done: number, total: number) => void;
}

/** The bundled configuration. */
export function bundledConfig(): TrialConfig {
  const loaded = loadTrialConfig(new URL("../data/esbjerg-2017/trial.json", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the bundled trial.json is not valid");
  return loaded.config;
}

/**
 * Simulates `trials` trials with paths and estimates the three measures in each at the
 * primary horizon, against `truth.paths.armContrast`. Yields to the event loop after each
 * trial (a test runner's worker must stay responsive during a long run).
 */
export async function validatePaths(options: PathValidationOptions): Promise<PathValidation> {
  const config = options.config ?? bundledConfig();
  const weeklyIntake = options.weeklyIntake ?? 50;
  const tau = config.evaluation.primaryHorizonDays;
  const model = prepareSimulation(config, { paths: true, weeklyIntake, include: { conversations: false, secondary: false, benefitWeeks: true } });
  const master = randomSource(options.seed);
  const draws: Record<Measure, { estimate: number; se: number }[]> = { daysOnBenefit: [], daysOnPublicSupport: [], expenditure: [] };
  let truth: Record<Measure, number> | null = null;
  let analysed = 0;
  for (let trial = 0; trial < options.trials; trial++) {
    const simulation = simulateWithModel(model, forkRandomSource(master));
    const contrast = simulation.truth.paths!.armContrast;
    truth ??= {
      daysOnBenefit: contrast.days[String(tau)]!.adp.difference,
      daysOnPublicSupport: contrast.days[String(tau)]!.public.difference,
      expenditure: contrast.expenditure[String(tau)]!.difference,
    };
    const data = evaluationDataFromSimulation(simulation);
    const estimates = estimatePathMeasures(data.cohort, data.benefitWeeks, simulation.options.extractionDate, config, tau);
    analysed += estimates.analysed;
    const record = (measure: Measure, value: { estimate: number | null; se: number | null }) => {
      if (value.estimate !== null && value.se !== null) draws[measure].push({ estimate: value.estimate, se: value.se });
    };
    record("daysOnBenefit", estimates.daysSaved);
    record("daysOnPublicSupport", estimates.publicSupportDaysSaved);
    record("expenditure", estimates.expenditureSaving);
    options.onProgress?.(trial + 1, options.trials);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const summary = (measure: Measure): MeasureSummary => {
    const values = draws[measure];
    const target = truth![measure];
    const n = values.length;
    const mean = values.reduce((sum, value) => sum + value.estimate, 0) / n;
    const empiricalSe = Math.sqrt(values.reduce((sum, value) => sum + (value.estimate - mean) ** 2, 0) / (n - 1));
    const coverage = values.filter((value) => Math.abs(value.estimate - target) <= Z_975 * value.se).length / n;
    return {
      truth: target,
      estimable: n,
      meanEstimate: mean,
      bias: mean - target,
      biasMonteCarloSe: empiricalSe / Math.sqrt(n),
      empiricalSe,
      meanSe: values.reduce((sum, value) => sum + value.se, 0) / n,
      coverage,
      coverageMonteCarloSe: Math.sqrt((coverage * (1 - coverage)) / n),
    };
  };
  return {
    trials: options.trials,
    tau,
    weeklyIntake,
    meanAnalysed: analysed / options.trials,
    measures: { daysOnBenefit: summary("daysOnBenefit"), daysOnPublicSupport: summary("daysOnPublicSupport"), expenditure: summary("expenditure") },
  };
}

/** The criteria: coverage within 93-97 % and |bias| below a tenth of the empirical SE. */
export function criteriaMet(summary: MeasureSummary): { coverage: boolean; bias: boolean } {
  return { coverage: summary.coverage >= 0.93 && summary.coverage <= 0.97, bias: Math.abs(summary.bias) < 0.1 * summary.empiricalSe };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { trials: { type: "string", default: "1000" }, seed: { type: "string", default: "20170101" }, "weekly-intake": { type: "string", default: "50" } },
  });
  const trials = Number(values.trials);
  const seed = Number(values.seed);
  const started = Date.now();
  let lastReport = 0;
  const result = await validatePaths({
    trials,
    seed,
    weeklyIntake: Number(values["weekly-intake"]),
    onProgress: (done, total) => {
      if (Date.now() - lastReport > 30_000 || done === total) {
        lastReport = Date.now();
        process.stderr.write(`${done}/${total} trials, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const f = (value: number, digits = 2) => value.toFixed(digits);
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const names: Record<Measure, string> = { daysOnBenefit: "days on A-dagpenge saved", daysOnPublicSupport: "days on public support saved", expenditure: "expenditure saving per citizen (DKK)" };
  const digits: Record<Measure, number> = { daysOnBenefit: 2, daysOnPublicSupport: 2, expenditure: 0 };
  let allMet = true;
  const rows = MEASURES.map((measure) => {
    const m = result.measures[measure];
    const met = criteriaMet(m);
    allMet &&= met.coverage && met.bias;
    const d = digits[measure];
    return `| ${names[measure]} | ${f(m.truth, d)} | ${f(m.meanEstimate, d)} | ${f(m.bias, d)} (MC SE ${f(m.biasMonteCarloSe, d)}) | ${f(m.bias / m.empiricalSe, 3)} | ${f(m.empiricalSe, d)} | ${f(m.meanSe, d)} | ${pct(m.coverage)} (MC SE ${pct(m.coverageMonteCarloSe)}) | ${met.coverage && met.bias ? "met" : "NOT MET"} |`;
  });
  console.log(`### Path measures: validation by simulation

${trials} simulated trials (seed ${seed}) of the bundled configuration with \`paths: true\`, intake about ${result.weeklyIntake} a week, horizon ${result.tau} days, on average ${f(result.meanAnalysed, 0)} citizens with a path per trial; ${f(seconds, 0)} s. Truth: the simulator's \`truth.paths.armContrast\` (control minus intervention).

| measure | truth | mean estimate | bias | bias / empirical SE | empirical SE | mean estimated SE | 95 % coverage | criteria |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Criteria: coverage in [93 %, 97 %] and |bias| < 0.1 x empirical SE: ${allMet ? "all met" : "NOT all met"}.`);
  process.exitCode = allMet ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
