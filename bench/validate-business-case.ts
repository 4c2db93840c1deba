/**
 * Validation of the business case's headline by simulation: a year of the programme in
 * operation, net = intake x saving per participant - the year's cost, with its 95 % interval
 * (delta method). Many simulated trials of the bundled configuration with the path model
 * (re-entry, other benefits, a prior benefit history; the simulator's default effect, intake
 * about 50 a week from 2017-W01 with its winter peak, data extracted on the evaluation date
 * 2018-03-01), each analysed exactly as `jobtrial analyze --benefit-weeks` does
 * (`evaluateTrial` with the weekly benefit panel) and priced exactly as
 * `jobtrial business-case --results` does (`businessCase`).
 *
 * Two years of operation:
 * - 2017, counted whole: the intake is taken as known, so the truth is the trial's own
 *   2017 intervention intake x the true expenditure saved per citizen within 364 days
 *   (`truth.paths.armContrast.expenditure["364"].difference`) - 2.5M.
 * - 2018, seen for 8 weeks and projected with 2017's weekly pattern: the interval carries
 *   the projection's uncertainty, and the truth is the expected 2018 intervention intake x
 *   the true saving - 2.5M. The expected intake is the mean, over `--intake-draws` draws of
 *   the simulator's intake for all 52 ISO weeks of 2018, of the intervention participants
 *   it assigns (its Monte Carlo SE is printed).
 *
 * Pass criteria (issue 13): coverage between 93 % and 97 % and |bias| below a tenth of the
 * empirical SE, for both years.
 *
 * Run: pnpm tsx bench/validate-business-case.ts [--trials 200] [--seed 20170101] [--weekly-intake 50]
 * Prints a Markdown summary; exit code 1 when a criterion fails.
 */
import { parseArgs } from "node:util";
import { loadTrialConfig } from "@jobtrial/core";
import { evaluateTrial, evaluationDataFromSimulation, prepareSimulation, simulateWithModel } from "@jobtrial/analyze";
import { businessCase, type BusinessCase } from "@jobtrial/business-case";
import { randomSource } from "@jobtrial/survival";

const { values } = parseArgs({
  options: {
    trials: { type: "string", default: "200" },
    seed: { type: "string", default: "20170101" },
    "weekly-intake": { type: "string", default: "50" },
    "intake-draws": { type: "string", default: "400" },
  },
});
const trials = Number(values.trials);
const seed = Number(values.seed);
const weeklyIntake = Number(values["weekly-intake"]);
const loaded = loadTrialConfig(new URL("../data/esbjerg-2017/trial.json", import.meta.url).pathname);
if (!loaded.ok) throw new Error("the bundled trial.json is not valid");
const config = loaded.config;

const model = prepareSimulation(config, { weeklyIntake, paths: true, include: { conversations: false, secondary: false, benefitWeeks: true } });
const now = new Date("2018-03-15T12:00:00Z");

// The truth of 2018's intake: the simulator's whole 2018 intake, drawn many times (no paths, no outcome tables).
const intakeDraws = Number(values["intake-draws"]);
const wholeYear = prepareSimulation(config, {
  weeklyIntake,
  fromWeek: "2018-W01",
  toWeek: "2018-W52",
  extractionDate: "2019-01-07",
  include: { conversations: false, secondary: false, benefitWeeks: false },
});
const intake2018: number[] = [];
for (let draw = 0; draw < intakeDraws; draw++) {
  const cohort = evaluationDataFromSimulation(simulateWithModel(wholeYear, randomSource(seed + 1_000_000 + draw))).cohort;
  intake2018.push(cohort.filter((member) => member.arm === "intervention" && member.intakeWeek.startsWith("2018-")).length);
}
const expectedIntake2018 = intake2018.reduce((sum, value) => sum + value, 0) / intakeDraws;
const expectedIntakeMcSe = Math.sqrt(intake2018.reduce((sum, value) => sum + (value - expectedIntake2018) ** 2, 0) / (intakeDraws - 1) / intakeDraws);

interface Draw {
  net: number;
  se: number;
  lower: number;
  upper: number;
  /** The intake the answer used, and its SE (null: taken as known). */
  intake: number;
  intakeSe: number | null;
}
const draws: { y2017: Draw[]; y2018: Draw[] } = { y2017: [], y2018: [] };
let trueSaving = Number.NaN;
let failures = 0;
const started = Date.now();
let lastReport = 0;
for (let trial = 0; trial < trials; trial++) {
  const simulation = simulateWithModel(model, randomSource(seed + trial));
  trueSaving = simulation.truth.paths!.armContrast.expenditure["364"]!.difference;
  const data = evaluationDataFromSimulation(simulation);
  const results = evaluateTrial({ config, cohort: data.cohort, spells: data.spells, benefitWeeks: data.benefitWeeks, seed: seed + trial, now, toolVersion: "bench" });
  let answers: BusinessCase[];
  try {
    answers = [businessCase(config, { results, operatingYear: 2017 }), businessCase(config, { results, operatingYear: 2018 })];
  } catch (error) {
    failures++;
    process.stderr.write(`trial ${trial}: ${(error as Error).message}\n`);
    continue;
  }
  const [y2017, y2018] = answers.map((answer) => answer.yearly!) as [NonNullable<BusinessCase["yearly"]>, NonNullable<BusinessCase["yearly"]>];
  if (y2017.savingPerParticipant.source !== "expenditure" || y2018.intake.method !== "seasonal" || y2017.se === null || y2018.se === null) {
    failures++;
    process.stderr.write(`trial ${trial}: not the expenditure or not a projection (${y2017.savingPerParticipant.source}, ${y2018.intake.method})\n`);
    continue;
  }
  draws.y2017.push({ net: y2017.netSavings!, se: y2017.se, lower: y2017.lower!, upper: y2017.upper!, intake: y2017.intake.value!, intakeSe: y2017.intake.se });
  draws.y2018.push({ net: y2018.netSavings!, se: y2018.se, lower: y2018.lower!, upper: y2018.upper!, intake: y2018.intake.value!, intakeSe: y2018.intake.se });
  if (Date.now() - lastReport > 15_000 || trial === trials - 1) {
    lastReport = Date.now();
    process.stderr.write(`${trial + 1}/${trials} trials, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
}
const seconds = (Date.now() - started) / 1000;

const cost = config.budget.years.find((entry) => entry.year === 2018)!.dkk;
const truth2018 = expectedIntake2018 * trueSaving - cost;

interface Summary {
  n: number;
  meanTruth: number;
  mean: number;
  bias: number;
  empiricalSe: number;
  meanSe: number;
  coverage: number;
}
function summarize(list: Draw[], truthOf: (draw: Draw) => number): Summary {
  const n = list.length;
  const errors = list.map((draw) => draw.net - truthOf(draw));
  const mean = list.reduce((sum, draw) => sum + draw.net, 0) / n;
  const meanTruth = list.reduce((sum, draw) => sum + truthOf(draw), 0) / n;
  const bias = errors.reduce((sum, value) => sum + value, 0) / n;
  const empiricalSe = Math.sqrt(errors.reduce((sum, value) => sum + (value - bias) ** 2, 0) / (n - 1));
  const meanSe = list.reduce((sum, draw) => sum + draw.se, 0) / n;
  const coverage = list.filter((draw) => draw.lower <= truthOf(draw) && truthOf(draw) <= draw.upper).length / n;
  return { n, meanTruth, mean, bias, empiricalSe, meanSe, coverage };
}
const s2017 = summarize(draws.y2017, (draw) => draw.intake * trueSaving - cost);
const s2018 = summarize(draws.y2018, () => truth2018);
const ok = (summary: Summary) => summary.coverage >= 0.93 && summary.coverage <= 0.97 && Math.abs(summary.bias) < 0.1 * summary.empiricalSe;
const kr = (value: number) => `${Math.round(value).toLocaleString("en-GB")} kr.`;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const row = (label: string, f: (summary: Summary) => string) => `| ${label} | ${f(s2017)} | ${f(s2018)} |`;
const meanIntake2018 = draws.y2018.reduce((sum, draw) => sum + draw.intake, 0) / draws.y2018.length;
// the projection on its own: its spread against its Poisson SE, and how often N +- 1.96 SE covers the expected intake
const intakeEmpiricalSe = Math.sqrt(draws.y2018.reduce((sum, draw) => sum + (draw.intake - meanIntake2018) ** 2, 0) / (draws.y2018.length - 1));
const intakeMeanSe = draws.y2018.reduce((sum, draw) => sum + draw.intakeSe!, 0) / draws.y2018.length;
const intakeCoverage = draws.y2018.filter((draw) => Math.abs(draw.intake - expectedIntake2018) <= 1.959963984540054 * draw.intakeSe!).length / draws.y2018.length;
console.log(`### Business case: a year of operation, validated by simulation

${trials} simulated trials (seed ${seed}) of the bundled configuration with the path model, intake about ${weeklyIntake} a week from 2017-W01 (seasonality ${model.options.seasonality}), data extracted ${model.options.extractionDate}; ${draws.y2017.length} trials answered (${failures} not); ${seconds.toFixed(0)} s.
True expenditure saved per citizen within 364 days (control - intervention, arm contrast): ${kr(trueSaving)}. Expected 2018 intervention intake: ${expectedIntake2018.toFixed(1)} (Monte Carlo SE ${expectedIntakeMcSe.toFixed(1)}, ${intakeDraws} draws of the whole year); projection from 8 weeks: mean ${meanIntake2018.toFixed(1)}, empirical SE ${intakeEmpiricalSe.toFixed(1)}, mean estimated SE ${intakeMeanSe.toFixed(1)}, 95 % coverage of the expected intake ${pct(intakeCoverage)}.

| | 2017 (counted, intake known) | 2018 (8 weeks seen, projected) |
|---|---|---|
${row("mean truth of the yearly net saving", (s) => kr(s.meanTruth))}
${row("mean estimate", (s) => kr(s.mean))}
${row("bias", (s) => `${kr(s.bias)} (${(s.bias / s.empiricalSe).toFixed(3)} empirical SE; Monte Carlo SE ${(1 / Math.sqrt(s.n)).toFixed(3)})`)}
${row("empirical SE", (s) => kr(s.empiricalSe))}
${row("mean estimated SE", (s) => kr(s.meanSe))}
${row("95 % interval coverage", (s) => `${pct(s.coverage)} (Monte Carlo SE ${pct(Math.sqrt((0.95 * 0.05) / s.n))})`)}

Criteria: coverage in [93 %, 97 %] and |bias| < 0.1 empirical SE: 2017 ${ok(s2017) ? "met" : "NOT MET"}; 2018 ${ok(s2018) ? "met" : "NOT MET"}.`);
process.exitCode = ok(s2017) && ok(s2018) && failures === 0 ? 0 : 1;
