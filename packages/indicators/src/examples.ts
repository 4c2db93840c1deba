/**
 * The simulation plans of the four example projects in data/ (DESIGN.md, "Other
 * projects in the same field"), each calibrated to the figures of issue 16, for the
 * simulator's municipality (`simulateMunicipality` of @jobtrial/analyze). Their
 * indicators.json files sit beside the data; `writeExample` (run by
 * packages/indicators/scripts/write-examples.ts) writes the data again, byte for byte, as
 * persons.csv, benefit-periods.csv (one row per spell: the compact form of the weekly
 * panel) and events.csv, the files `readIndicatorData` reads.
 *
 * The benefit codes are the examples' own, not DREAM's (UNCONFIRMED, as the trial's
 * panel codes): KH-AP activity-ready cash benefit, KH cash benefit, RF resource course,
 * FJ flex job, FJS small flex job, LY ledighedsydelse, ADP A-dagpenge, LØN wage
 * employment, SU education, FP disability pension, SDP sickness benefit; no code is
 * self-support.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { simulateMunicipality, type MunicipalityPlan, type SimulatedMunicipality } from "@jobtrial/analyze";
import { writeCsvFile, type CsvValue } from "@jobtrial/core";
import { BENEFIT_PERIODS_FILE, EVENTS_FILE, PERSONS_FILE } from "./read-data.ts";

export const EXAMPLE_PLANS: Readonly<Record<string, MunicipalityPlan>> = {
  // 390 conversations a week in 2020, 75 % with a complete CV, 38 company-oriented courses a week
  // against 26; yearly average stocks of at most 1,959 activity-ready, at most 464 in resource
  // courses, at least 2,602 in flex jobs. Data to the end of March 2020.
  "jobcenter-maal-2020": {
    seed: "jobcenter-maal-2020",
    firstWeek: "2019-W27",
    lastWeek: "2020-W13",
    stocks: [
      { code: "KH-AP", from: 2040, to: 1985, meanWeeks: 104 },
      { code: "RF", from: 540, to: 505, meanWeeks: 104 },
      { code: "FJ", from: 2355, to: 2470, meanWeeks: 400 },
      { code: "ADP", from: 600, to: 600, meanWeeks: 26, events: [{ kind: "cv", from: 0.06, to: 0.1 }] },
    ],
    weeklyEvents: [
      { kind: "samtale", from: 372, to: 394, stock: "ADP", firstWeek: "2020-W01" },
      { kind: "virksomhedsrettet", from: 26, to: 36, stock: "KH-AP" },
    ],
  },
  // Status one month after an ended resource course, 2018-2019, against the national distribution.
  "ressourceforloeb-status": {
    seed: "ressourceforloeb-status",
    firstWeek: "2018-W01",
    lastWeek: "2020-W13",
    stocks: [
      {
        code: "RF",
        from: 464,
        to: 464,
        meanWeeks: 78,
        after: {
          meanWeeks: 26,
          codes: [
            { code: "LØN", weight: 6 },
            { code: "SU", weight: 3 },
            { code: "ADP", weight: 2 },
            { code: "KH", weight: 35 },
            { code: "FJ", weight: 12 },
            { code: "LY", weight: 4 },
            { code: "FP", weight: 14 },
            { code: "", weight: 10 },
            { code: "SDP", weight: 14 },
          ],
        },
      },
    ],
  },
  // 50 fewer full-year persons on long-term cash benefit in 2020 than in 2019; data to September 2020.
  "langvarig-kontanthjaelp": {
    seed: "langvarig-kontanthjaelp",
    firstWeek: "2019-W01",
    lastWeek: "2020-W39",
    stocks: [
      { code: "KH", from: 905, to: 830, meanWeeks: 156, targetGroup: "langvarig" },
      { code: "KH", from: 400, to: 420, meanWeeks: 26, targetGroup: "kort" },
    ],
  },
  // The flex-job scheme on ledighedsydelse 63/362 = 17.4 % (June 2016) to 40/387 = 10.3 % (March
  // 2018); small flex jobs with increased hours 6/59 = 10.2 % to 35/100 = 35 %.
  "fleksjob-andele": {
    seed: "fleksjob-andele",
    firstWeek: "2016-W22",
    lastWeek: "2018-W13",
    stocks: [
      { code: "FJ", from: 240, to: 247, meanWeeks: 300 },
      { code: "FJS", from: 59, to: 100, meanWeeks: 150, events: [{ kind: "timer-øget", from: 0.002, to: 0.02 }] },
      { code: "LY", from: 63, to: 37, meanWeeks: 26 },
    ],
  },
};

/** Simulates one example project and writes its data files into `dir` (created if needed); returns their paths. */
export function writeExample(project: string, dir: string): string[] {
  const plan = EXAMPLE_PLANS[project];
  if (plan === undefined) throw new Error(`internal: no example project "${project}"`);
  mkdirSync(dir, { recursive: true });
  return writeMunicipality(simulateMunicipality(plan), dir);
}

/**
 * Writes persons.csv, benefit-periods.csv and (when there are events) events.csv into
 * `dir`, semicolon-separated UTF-8 with BOM (core's `writeCsvFile`), with the columns
 * `readIndicatorData` reads.
 */
function writeMunicipality(simulated: SimulatedMunicipality, dir: string): string[] {
  const files: [string, string[], CsvValue[][]][] = [
    [PERSONS_FILE, ["Pseudonym", "Fødselsår", "Målgruppe"], simulated.persons.map((person) => [person.pseudonym, person.birthYear, person.targetGroup])],
    [BENEFIT_PERIODS_FILE, ["Pseudonym", "Ydelseskode", "Fra uge", "Til uge"], simulated.periods.map((period) => [period.pseudonym, period.code, period.fromWeek, period.toWeek])],
    [EVENTS_FILE, ["Pseudonym", "Dato", "Hændelse"], simulated.events.map((event) => [event.pseudonym, event.date, event.kind])],
  ];
  // A project without events gets no events.csv.
  return files.filter(([name, , rows]) => name !== EVENTS_FILE || rows.length > 0).map(([name, header, rows]) => {
    writeCsvFile(join(dir, name), header, rows);
    return join(dir, name);
  });
}
