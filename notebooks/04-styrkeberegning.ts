/**
 * Walk-through for planning, before a trial starts: can the expected effect be seen at
 * all with the intake and follow-up the trial will have? The same simulation as
 * `jobtrial power` (and the estimate `jobtrial init` shows before it saves).
 *
 *   pnpm tsx notebooks/04-styrkeberegning.ts
 *
 * Steps:
 *  1. Load the trial configuration.
 *  2. The rule's expected share of the intervention in each calendar year of the project.
 *  3. Power and minimum detectable effect at two weekly intakes, under the expected effect.
 *  4. The monitoring boundaries the committee's quarterly looks will face.
 *  5. Save the figures under out/notebooks/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { diagnoseDesign } from "@jobtrial/analyze";
import { expectedInterventionShareForYear } from "@jobtrial/assign";
import { formatNumber, formatPercent, loadTrialConfig } from "@jobtrial/core";
import { groupSequentialBoundaries } from "@jobtrial/survival";

const out = fileURLToPath(new URL("../out/notebooks/", import.meta.url));

// 1. The configuration: the rule, the evaluation date, the expected 9 days.
const loaded = loadTrialConfig(fileURLToPath(new URL("../data/esbjerg-2017/trial.json", import.meta.url)));
if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
const config = loaded.config;
console.log(`Forsøg ${config.id}: forventet effekt ${config.expectations.daysSaved} sparede dage, evaluering ${config.evaluation.date}`);

// 2. The rule sends days 1-15 to the intervention: 180 of 365 days, not half.
for (const year of [2017, 2018]) {
  console.log(`Reglens forventede andel til indsatsen ${year}: ${formatPercent(expectedInterventionShareForYear(config.assignment.rule, year), "da")}`);
}

// 3. Power by simulation: each trial evaluated exactly as `jobtrial analyze` does.
const trials = 60;
const designs = [30, 50].map((weeklyIntake) => {
  const diagnosis = diagnoseDesign({ config, simulation: { weeklyIntake, effect: { kind: "days-saved", days: config.expectations.daysSaved } }, trials, seed: 20170101 });
  console.log(
    `Tilgang ${weeklyIntake} pr. uge: styrke ${formatPercent(diagnosis.daysSaved.power, "da")}, mindste påviselige effekt ${formatNumber(diagnosis.minimumDetectableEffect, "da", { decimals: 1 })} dage, ` +
      `dækning ${formatPercent(diagnosis.daysSaved.coverage, "da")} (${trials} simulerede forsøg)`,
  );
  return { weeklyIntake, diagnosis };
});

// 4. The boundaries at four equally spaced looks (O'Brien-Fleming spending, alpha 0.05).
const boundaries = groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.75, 1] });
console.log(`Grænser ved fire kig: ${boundaries.criticalValues.map((value) => formatNumber(value, "da", { decimals: 2 })).join(", ")}`);

// 5. The figures, for the planning note.
mkdirSync(out, { recursive: true });
writeFileSync(`${out}04-styrkeberegning.json`, JSON.stringify({ trial: config.id, trials, designs, boundaries: boundaries.criticalValues }, null, 2) + "\n");
console.log("Gemt: out/notebooks/04-styrkeberegning.json");
