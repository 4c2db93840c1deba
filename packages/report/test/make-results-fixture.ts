/**
 * Writes the report's test fixtures, results.json and business-case.json, with the
 * packages themselves: a small seeded trial simulated by `simulateTrial` with paths
 * through benefit states (re-entries, other benefits, education, a prior benefit history,
 * seasonal intake) and the weekly benefit panel they give, evaluated by `evaluateTrial`
 * (both @jobtrial/analyze, the same code `jobtrial analyze` runs) and priced by
 * `businessCase` (@jobtrial/business-case). Nothing here estimates anything, so the
 * fixture's Kaplan-Meier curves, restricted means, log-rank test, cumulative incidences,
 * days on A-dagpenge, expenditure, monitoring and sensitivity analyses are the packages'
 * own, checked against R (and rpact) in their tests.
 *
 * What the fixture adds to the simulation, so the report meets what a real extract
 * brings (each is an input, never an output):
 * - the screening counts of the intake rows the simulator drew (as the register's
 *   batch records give them to `jobtrial analyze --screening`);
 * - a few voided assignments and a few citizens without outcome data (no spell and no
 *   week in the benefit panel), small enough to be suppressed, so the flow shows primary
 *   and secondary suppression;
 * - the inputs' names, row counts and SHA-256 of their content, as `analyze` records
 *   the files it read.
 *
 * Deterministic: the same seed gives byte-identical files, so the golden Vega-Lite
 * specs change only when the packages or this script do. Regenerate deliberately, then
 * the goldens, and read both diffs:
 *
 *   pnpm tsx packages/report/test/make-results-fixture.ts
 *   UPDATE_GOLDEN=1 pnpm vitest run packages/report/test/chart-specs.test.ts
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateTrial, evaluationDataFromSimulation, ResultsSchema, simulateTrial, type Results } from "@jobtrial/analyze";
import { businessCase, BusinessCaseSchema, type BusinessCase } from "@jobtrial/business-case";
import { loadTrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";

/** The simulation's and the evaluation's seed. */
export const FIXTURE_SEED = 20180301;
/** Expected intake rows per week: about 700 citizens over the 60 weeks to the March evaluation. */
const WEEKLY_INTAKE = 12;
/** The clock of the evaluation (results' generatedAt). */
const EVALUATED_AT = new Date("2018-03-02T09:15:00Z");
/**
 * Voided assignments per arm: below the minimum cell size (5), so each is suppressed, and
 * its complement in the flow is the smallest shown part, the citizens without outcome data.
 */
const VOIDED = { control: 3, intervention: 2 } as const;
/** Citizens per arm with no outcome data at all: shown by themselves, hidden as the voided counts' complement. */
const NO_OUTCOME = { control: 7, intervention: 6 } as const;

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** The fixture's results and business case, made by the packages from a seeded simulation. */
export function makeReportFixtures(): { results: Results; businessCase: BusinessCase } {
  const loaded = loadTrialConfig(fileURLToPath(new URL("../../../data/esbjerg-2017/trial.json", import.meta.url)));
  if (!loaded.ok) throw new Error("data/esbjerg-2017/trial.json does not parse");
  const config = loaded.config;
  const simulation = simulateTrial(config, { weeklyIntake: WEEKLY_INTAKE, paths: true }, randomSource(FIXTURE_SEED));
  const data = evaluationDataFromSimulation(simulation);

  const voided = new Set<string>();
  const withoutOutcome = new Set<string>();
  for (const arm of ["control", "intervention"] as const) {
    const members = data.cohort.filter((member) => member.arm === arm);
    // Spread over the intake: the k-th of n picks sits at (k + 1/2) / n of the arm's members.
    const spread = (count: number, offset: number) => Array.from({ length: count }, (_, k) => members[Math.floor(((k + offset) / count) * members.length)]!.pseudonym);
    for (const pseudonym of spread(VOIDED[arm], 0.5)) voided.add(pseudonym);
    for (const pseudonym of spread(NO_OUTCOME[arm], 0.25)) withoutOutcome.add(pseudonym);
  }
  const cohort = data.cohort.map((member) => (voided.has(member.pseudonym) ? { ...member, voided: true } : member));
  const spells = data.spells.filter((spell) => !withoutOutcome.has(spell.pseudonym));
  const benefitWeeks = data.benefitWeeks.filter((row) => !withoutOutcome.has(row.pseudonym));

  const ineligible = new Map<string, number>();
  for (const citizen of simulation.citizens) if (citizen.ineligibleReason !== null) ineligible.set(citizen.ineligibleReason, (ineligible.get(citizen.ineligibleReason) ?? 0) + 1);
  const screening = { screened: simulation.citizens.length, invalid: 0, ineligible: [...ineligible].map(([reason, n]) => ({ reason, n })) };

  const results = ResultsSchema.parse(
    evaluateTrial({
      config,
      cohort,
      spells,
      benefitWeeks,
      conversations: data.conversations,
      secondary: data.secondary,
      screening,
      seed: FIXTURE_SEED,
      now: EVALUATED_AT,
      toolVersion: "0.1.0",
      inputs: [
        { role: "config", name: "trial.json", sha256: loaded.hash, rows: null },
        { role: "cohort", name: "kohorte.csv", sha256: sha256(cohort), rows: cohort.length },
        { role: "spells", name: "spells.csv", sha256: sha256(spells), rows: spells.length },
        { role: "benefitWeeks", name: "benefit-weeks.csv", sha256: sha256(benefitWeeks), rows: benefitWeeks.length },
        { role: "conversations", name: "conversations.csv", sha256: sha256(data.conversations), rows: data.conversations.length },
        { role: "secondary", name: "secondary.csv", sha256: sha256(data.secondary), rows: data.secondary.length },
      ],
    }),
  );
  const priced = BusinessCaseSchema.parse(businessCase(config, { results, configHash: loaded.hash }));
  return { results, businessCase: priced };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { results, businessCase: priced } = makeReportFixtures();
  const here = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  writeFileSync(here("results.json"), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(here("business-case.json"), JSON.stringify(priced, null, 2) + "\n");
  const { daysSaved, precision, flow } = results;
  console.log(
    `results.json: ${flow.analysed.control} + ${flow.analysed.intervention} analysed, days saved (${daysSaved.measure}) ${daysSaved.estimate?.toFixed(2)} (${daysSaved.lower?.toFixed(2)}; ${daysSaved.upper?.toFixed(2)}), MDE ${precision.minimumDetectableDaysSaved?.toFixed(2)}; yearly net ${priced.yearly?.netSavings?.toFixed(0)}`,
  );
}
