/**
 * Validation of the days-saved estimator by simulation: many simulated trials
 * of the bundled configuration with a known effect (the simulator's default,
 * 9 days at the primary horizon, intake about 50 a week from 2017-W01, data
 * extracted on the evaluation date 2018-03-01), each estimated exactly as
 * `jobtrial analyze` estimates days saved. Reports the interval coverage, the
 * bias and the power of days saved, and the bias of the project's naive
 * "average duration of completed spells".
 *
 * Pass criteria (the issue): coverage between 93 % and 97 %, absolute bias
 * under 0.5 day, both against the truth the intention-to-treat contrast
 * estimates (`armContrast.daysSaved` of the simulator's truth; see
 * docs/evaluation.md, "Which truth").
 *
 * Run: pnpm tsx bench/validate-days-saved.ts [--trials 1000] [--seed 20170101] [--weekly-intake 50]
 * Prints a Markdown summary; exit code 1 when a criterion fails.
 */
import { parseArgs } from "node:util";
import { loadTrialConfig } from "@jobtrial/core";
import { diagnoseDesign } from "@jobtrial/analyze";

const { values } = parseArgs({
  options: { trials: { type: "string", default: "1000" }, seed: { type: "string", default: "20170101" }, "weekly-intake": { type: "string", default: "50" } },
});
const trials = Number(values.trials);
const seed = Number(values.seed);
const weeklyIntake = Number(values["weekly-intake"]);
const loaded = loadTrialConfig(new URL("../data/esbjerg-2017/trial.json", import.meta.url).pathname);
if (!loaded.ok) throw new Error("the bundled trial.json is not valid");

const started = Date.now();
let lastReport = 0;
const diagnosis = diagnoseDesign({
  config: loaded.config,
  simulation: { weeklyIntake },
  trials,
  seed,
  onProgress: (done, total) => {
    if (Date.now() - lastReport > 15_000 || done === total) {
      lastReport = Date.now();
      process.stderr.write(`${done}/${total} trials, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  },
});
const seconds = (Date.now() - started) / 1000;
const d = diagnosis.daysSaved;
const coverageOk = d.coverage >= 0.93 && d.coverage <= 0.97;
const biasOk = Math.abs(d.bias) < 0.5;
const f = (value: number, digits = 2) => value.toFixed(digits);
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const biasMcSe = d.empiricalSe / Math.sqrt(diagnosis.estimable);
console.log(`### Days saved: validation by simulation

${trials} simulated trials (seed ${seed}), bundled configuration, intake about ${weeklyIntake} a week from 2017-W01, data extracted ${diagnosis.extractionDate}, horizon ${diagnosis.horizonDays} days, on average ${f(diagnosis.meanAnalysed, 0)} citizens analysed per trial; ${diagnosis.estimable} trials estimable; ${f(seconds, 0)} s.
Truth: causal ${f(diagnosis.truth.causal)} days; arm contrast (what the unadjusted ITT contrast estimates, arms as the rule forms them) ${f(diagnosis.truth.armContrast)} days.

| | days saved (restricted mean difference) | naive completed-spell average |
|---|---|---|
| mean estimate | ${f(d.mean)} | ${f(diagnosis.naiveCompletedSpells.mean)} |
| bias against the arm contrast | ${f(d.bias)} (Monte Carlo SE ${f(biasMcSe)}) | ${f(diagnosis.naiveCompletedSpells.bias)} |
| bias against the causal effect | ${f(d.biasCausal)} | ${f(diagnosis.naiveCompletedSpells.biasCausal)} |
| empirical SE | ${f(d.empiricalSe)} | ${f(diagnosis.naiveCompletedSpells.empiricalSe)} |
| mean estimated SE | ${f(d.meanSe)} | |
| 95 % interval coverage (arm contrast) | ${pct(d.coverage)} (Monte Carlo SE ${pct(diagnosis.coverageMonteCarloSe)}) | |
| 95 % interval coverage (causal) | ${pct(d.coverageCausal)} | |
| power (interval above 0) | ${pct(d.power)} | |
| minimum detectable effect (2.80 x mean SE) | ${f(diagnosis.minimumDetectableEffect)} days | |

Criteria: coverage in [93 %, 97 %]: ${coverageOk ? "met" : "NOT MET"}; |bias| < 0.5 day: ${biasOk ? "met" : "NOT MET"}.`);
process.exitCode = coverageOk && biasOk ? 0 : 1;
