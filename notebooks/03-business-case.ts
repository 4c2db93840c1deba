/**
 * Walk-through for finance: what is a day saved worth to the municipality,
 * and what does the project's own expectation (9 days -> 1.7M DKK net a year)
 * imply? Runs on assumptions alone; no results file needed.
 *
 *   pnpm tsx notebooks/03-business-case.ts
 *
 * Steps:
 *  1. Load the trial configuration: rates, co-financing steps, budget.
 *  2. A what-if at the project's expected 9 days saved.
 *  3. The simple calculation beside the week-by-week one, factor by factor.
 *  4. Break-even and the implied number of participants.
 */
import { fileURLToPath } from "node:url";
import { businessCase } from "@jobtrial/business-case";
import { formatKroner, loadTrialConfig } from "@jobtrial/core";

const kroner = (value: number | null | undefined) => formatKroner(value === null || value === undefined ? value : Math.round(value), "da", { missing: "-" });

// 1. The configuration.
const loaded = loadTrialConfig(fileURLToPath(new URL("../data/esbjerg-2017/trial.json", import.meta.url)));
if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
const config = loaded.config;
for (const year of config.money.years) {
  console.log(`${year.year}: ${year.maxDailyBenefit} kr. per benefit day; co-financing ${year.cofinancing.map((step) => `${Math.round(step.share * 100)} % from week ${step.fromWeek}`).join(", ")}`);
}

// 2. The what-if: 9 days saved per participant, 1,000 participants a year.
const whatIf = businessCase(config, { daysSaved: config.expectations.daysSaved, participantsPerYear: 1000, configHash: loaded.hash });
for (const year of whatIf.years) {
  console.log(`${year.year}: participants ${year.participants}, gross ${kroner(year.grossSavings)}, cost ${kroner(year.cost)}, net ${kroner(year.netSavings)}`);
}

// 3. Per participant, week by week and the simple way.
for (const entry of whatIf.perParticipant) {
  const simple = entry.simple;
  console.log(
    `Entering ${entry.entryYear}: week by week ${kroner(entry.saving)}; simple ${simple.daysSaved} days x ${simple.benefitPerCalendarDay.toFixed(2)} kr. per calendar day ` +
      `(${simple.maxDailyBenefit} kr. x ${simple.benefitDaysPerWeek}/7) x ${(simple.averageShare * 100).toFixed(1)} % = ${kroner(simple.saving)}`,
  );
}

// 4. Break-even and what the expectation implies.
console.log(`Break-even days saved: ${whatIf.breakEvenDaysSaved?.toFixed(2) ?? "-"}`);
const implied = whatIf.implied;
const whole = (value: number | null) => (value === null ? "-" : String(Math.round(value)));
console.log(
  `The expectation (${implied.expectedDaysSaved} days -> ${kroner(implied.expectedNetSavingsPerYear)} net a year) implies ` +
    `${whole(implied.impliedParticipantsPerYear)} participants a year, ${implied.impliedParticipantsPerWeek?.toFixed(1) ?? "-"} a week, ` +
    `about ${whole(implied.impliedInProgrammeAtOnce)} in the 24-week programme at any one time`,
);
