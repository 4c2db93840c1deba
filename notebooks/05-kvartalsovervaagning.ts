/**
 * Walk-through for the quarterly committee report: where does days saved stand against
 * the monitoring boundary at each planned look, and what must happen by the next one?
 * Runs on a simulated trial with a known effect, evaluated as of the evaluation date, and
 * writes the quarterly note exactly as `jobtrial report --quarterly` does.
 *
 *   pnpm tsx notebooks/05-kvartalsovervaagning.ts
 *
 * Steps:
 *  1. Load the trial configuration (quarterly reporting: a look at the start of each quarter).
 *  2. Simulate a trial with 9 days saved, and evaluate it as of the evaluation date.
 *  3. The looks so far and to come: information, z, boundary, repeated interval.
 *  4. Write the quarterly note under out/notebooks/05-kvartal/.
 */
import { fileURLToPath } from "node:url";
import { evaluateTrial, evaluationDataFromSimulation, simulateTrial } from "@jobtrial/analyze";
import { formatNumber, formatPercent, loadTrialConfig } from "@jobtrial/core";
import { buildQuarterlyNote, writeReport } from "@jobtrial/report";
import { randomSource } from "@jobtrial/survival";

const out = fileURLToPath(new URL("../out/notebooks/05-kvartal/", import.meta.url));
const one = (value: number | null) => (value === null ? "-" : formatNumber(value, "da", { decimals: 1 }));
const two = (value: number | null) => (value === null ? "-" : formatNumber(value, "da", { decimals: 2 }));

// 1. The configuration.
const loaded = loadTrialConfig(fileURLToPath(new URL("../data/esbjerg-2017/trial.json", import.meta.url)));
if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
const config = loaded.config;
console.log(`Forsøg ${config.id}: afrapportering ${config.evaluation.reporting}, evaluering ${config.evaluation.date}`);

// 2. A simulated trial (60 intake weeks, 9 days saved), evaluated as `jobtrial analyze` would.
const simulation = simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08", effect: { kind: "days-saved", days: 9 } }, randomSource(2018));
const data = evaluationDataFromSimulation(simulation);
const results = evaluateTrial({ config, ...data, asOf: config.evaluation.date, seed: 1, now: new Date("2018-03-01T12:00:00Z"), toolVersion: "notebook" });
const monitoring = results.monitoring;
if (!monitoring) throw new Error("the configuration plans no looks that can be computed");
console.log(`Overvågning: ${monitoring.spending}, samlet alfa ${monitoring.alpha}, slutanalyse ${monitoring.finalDate}`);

// 3. Each look: analysed so far, projected after the evaluation date.
for (const look of monitoring.looks) {
  const fraction = look.informationFraction ?? look.projected?.informationFraction ?? null;
  const boundary = look.criticalValue ?? look.projected?.criticalValue ?? null;
  const line = look.status === "analysed"
    ? `sparede dage ${one(look.estimate)}, z ${two(look.z)}, grænse ±${two(boundary)}, gentaget interval ${one(look.repeatedCi?.lower ?? null)} til ${one(look.repeatedCi?.upper ?? null)}, ${look.crossed ? "krydset" : "inden for grænsen"}`
    : look.status === "future"
      ? `kommende: grænse ±${two(boundary)}, kræver ${one(look.projected?.estimateToCross ?? null)} dage`
      : `ingen test (${look.status})`;
  console.log(`Kig ${look.look} ${look.date} (${look.kind}, information ${fraction === null ? "-" : formatPercent(fraction, "da")}): ${line}`);
}
console.log(`Grænsen krydset: ${monitoring.crossedAt ?? "ikke endnu"}`);

// 4. The quarterly note for the committee.
const note = await buildQuarterlyNote(results, null, { now: new Date("2018-03-01T12:00:00Z") });
writeReport(note, out);
console.log("Kvartalsnotat: out/notebooks/05-kvartal/quarterly-note.html");
