/**
 * Walk-through for evaluators: why "days saved" is a restricted mean (of the
 * time on A-dagpenge, re-entries counted), and why the project's own "average
 * of completed spells" misleads at the March evaluation. Runs on a simulated
 * trial whose truth we know.
 *
 *   pnpm tsx notebooks/02-evaluering.ts
 *
 * Steps:
 *  1. Load the trial configuration.
 *  2. Simulate a trial with a known effect (9 days on A-dagpenge at 364 days), in memory,
 *     with each citizen's path through benefit states (the simulator's default).
 *  3. Evaluate it as of the evaluation date with the weekly benefit panel, exactly as
 *     `jobtrial analyze --benefit-weeks` does.
 *  4. Compare the estimates with the truth, and the naive completed-spell average with both.
 *  5. Ask what precision we have: the minimum detectable effect, and when 9 days becomes detectable.
 */
import { fileURLToPath } from "node:url";
import { evaluateTrial, evaluationDataFromSimulation, simulateTrial } from "@jobtrial/analyze";
import { randomSource } from "@jobtrial/survival";
import { loadTrialConfig } from "@jobtrial/core";

const one = (value: number | null | undefined) => (value === null || value === undefined ? "-" : value.toFixed(1));

// 1. The configuration: the rule, the protocol, the evaluation date.
const loaded = loadTrialConfig(fileURLToPath(new URL("../data/esbjerg-2017/trial.json", import.meta.url)));
if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
const config = loaded.config;
console.log(`Trial ${config.id}: evaluation on ${config.evaluation.date}, primary horizon ${config.evaluation.primaryHorizonDays} days`);

// 2. A simulated trial: 60 weeks of intake, about 50 a week, a true effect of 9 days on A-dagpenge.
const simulation = simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08", effect: { kind: "days-saved", days: 9 } }, randomSource(2018));
const truth = simulation.truth.paths!;
const trueSaved = truth.armContrast.days[String(config.evaluation.primaryHorizonDays)]!.adp.difference;
console.log(
  `Simulated ${simulation.citizens.length} citizens; true days on A-dagpenge saved ${truth.daysSaved.toFixed(2)}, the arm contrast under the rule ${trueSaved.toFixed(2)}; ` +
    `days to the first exit ${simulation.truth.daysSaved.toFixed(2)} (arm contrast ${simulation.truth.armContrast.daysSaved.toFixed(2)})`,
);

// 3. Evaluate as of the evaluation date: running spells are censored there.
const data = evaluationDataFromSimulation(simulation);
const results = evaluateTrial({ config, ...data, asOf: config.evaluation.date, seed: 1, now: new Date("2018-03-01T12:00:00Z"), toolVersion: "notebook" });
const saved = results.daysSaved;
const covers = (estimate: { lower: number | null; upper: number | null }, value: number) => (estimate.lower! <= value && value <= estimate.upper! ? "covers" : "misses");
console.log(`Days saved (restricted mean time on A-dagpenge, re-entries counted, control - intervention, ${saved.tau} days): ${one(saved.estimate)} (95 % CI ${one(saved.lower)} to ${one(saved.upper)})`);
console.log(`  the interval ${covers(saved, trueSaved)} the arm contrast ${trueSaved.toFixed(2)}`);
const firstExit = results.daysToFirstExit!;
console.log(`Days to the first exit (secondary): ${one(firstExit.estimate)} (95 % CI ${one(firstExit.lower)} to ${one(firstExit.upper)}); the interval ${covers(firstExit, simulation.truth.armContrast.daysSaved)} its truth`);

// 4. The project's own wording: the average duration of completed spells.
const completed = results.completedSpells;
console.log(`Average of completed spells: control ${one(completed.control.mean)}, intervention ${one(completed.intervention.mean)} days`);
console.log(`  difference ${one(completed.difference.estimate)} days. ${completed.caveat}`);
console.log(`  Still running: control ${results.flow.stillRunning.control}, intervention ${results.flow.stillRunning.intervention}`);

// 5. Precision.
const precision = results.precision;
console.log(`Minimum detectable days saved now (80 % power, 5 % two-sided): ${one(precision.minimumDetectableDaysSaved)}`);
console.log(`The expected ${precision.expectedDaysSaved} days become detectable from: ${precision.detectableFrom ?? "not within the projection"}`);
