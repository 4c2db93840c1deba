/**
 * Speed of one simulated trial, as power by simulation will run it: the model
 * prepared once, then about 3,000 citizens per trial without the conversation,
 * benefit-week and secondary tables. Run: pnpm tsx bench/simulate-speed.ts
 * The root is not a package, so the library is imported by path (as the other
 * benchmarks do). Target: well under 100 ms per trial (median over 30 trials after warm-up).
 * The same with the path model (option `paths`, each citizen's weeks through benefit
 * states and the exact truth of the path estimands) follows, for comparison.
 */
import { loadTrialConfig } from "@jobtrial/core";
import { prepareSimulation, simulateTrial, simulateWithModel } from "@jobtrial/analyze";
import { randomSource } from "@jobtrial/survival";

const loaded = loadTrialConfig(new URL("../data/esbjerg-2017/trial.json", import.meta.url).pathname);
if (!loaded.ok) throw new Error("data/esbjerg-2017/trial.json does not validate");
const config = loaded.config;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(label: string, runs: number, body: (run: number) => void): void {
  for (let run = 0; run < 5; run++) body(1_000 + run); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    body(run);
    times.push(performance.now() - start);
  }
  console.log(`${label.padEnd(58)} median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms`);
}

// The first-spell model (paths: false); the path model, the default since issue 13, below.
const fast = prepareSimulation(config, { paths: false, include: { conversations: false, benefitWeeks: false, secondary: false } });
const start = performance.now();
prepareSimulation(config, { paths: false });
console.log(`prepareSimulation (solve baseline scale and hazard ratio)      ${(performance.now() - start).toFixed(1)} ms`);
time("simulateWithModel, ~3,000 citizens, spells only", 30, (run) => void simulateWithModel(fast, randomSource(run)));
time("simulateTrial, ~3,000 citizens, every table", 10, (run) => void simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08", paths: false }, randomSource(run)));

const fastPaths = prepareSimulation(config, { paths: true, include: { conversations: false, benefitWeeks: false, secondary: false } });
const pathsStart = performance.now();
prepareSimulation(config, { paths: true });
console.log(`prepareSimulation with paths (also solves the job-rate ratio)  ${(performance.now() - pathsStart).toFixed(1)} ms`);
const truthStart = performance.now();
simulateWithModel(prepareSimulation(config, { paths: true, include: { conversations: false, benefitWeeks: false, secondary: false } }), randomSource(0));
console.log(`first trial of a fresh path model (prepare + truth + trial)    ${(performance.now() - truthStart).toFixed(1)} ms`);
time("simulateWithModel with paths, ~3,000 citizens, spells only", 30, (run) => void simulateWithModel(fastPaths, randomSource(run)));
time("simulateTrial with paths, ~3,000 citizens, every table", 10, (run) => void simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08", paths: true }, randomSource(run)));
