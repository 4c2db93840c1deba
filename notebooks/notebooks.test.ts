import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const notebooks = readdirSync(here).filter((name) => /^\d\d-.*\.ts$/.test(name));

/** What each walk-through must show; a notebook that stops half way or prints nothing fails. */
const expected: Record<string, RegExp[]> = {
  "01-ugentlig-tildeling.ts": [/Tildelt denne uge: +Indsats \d+, Kontrol \d+/, /Kørt igen: ingen ændringer/, /Registret er intakt/],
  "02-evaluering.ts": [/Days saved \(restricted mean.*\): -?\d+\.\d \(95 % CI/, /Minimum detectable days saved now/],
  "03-business-case.ts": [/Break-even days saved: \d+\.\d\d/, /implies \d+ participants a year/],
  // 1-15 of each month: 180 of 365 days; rpact's O'Brien-Fleming boundaries at 1/4, 1/2, 3/4, 1.
  "04-styrkeberegning.ts": [/andel til indsatsen 2017: 49,3 %/, /Tilgang 50 pr\. uge: styrke \d+,\d %, mindste påviselige effekt \d+,\d dage/, /Grænser ved fire kig: 4,33, 2,96, 2,36, 2,01/, /Gemt: out\/notebooks\/04-styrkeberegning\.json/],
  "05-kvartalsovervaagning.ts": [/Kig 5 2018-03-01 \(evaluation, information \d+,\d %\): sparede dage [−-]?\d+,\d, z [−-]?\d+,\d\d, grænse ±\d,\d\d/, /kommende: grænse ±\d,\d\d, kræver \d+,\d dage/, /Kvartalsnotat: out\/notebooks\/05-kvartal\/quarterly-note\.html/],
  // data/jobcenter-maal-2020 as of 29 March 2020: 4,929 conversations in 13 weeks (379.2 a week, projected above 390).
  "06-indikatorer.ts": [/Jobcentrets mål for 2020: 6 indikatorer, mindste cellestørrelse 5/, /Opgjort til og med 29\.03\.2020:\n  Afholdte samtaler om ugen: 379,2 \(\d+,\d til \d+,\d\), mål mindst 390 om ugen, fremskrevet \d+,\d: På vej/, /Indikatorside: out\/notebooks\/06-indikatorer\/index\.html/],
};

describe("notebooks", () => {
  it("every notebook has expectations here", () => {
    expect(notebooks.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(notebooks)("%s runs to the end and shows its key results", (name) => {
    const run = spawnSync(tsx, [`${here}${name}`], { encoding: "utf8", env: { ...process.env, TZ: "Europe/Copenhagen" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const pattern of expected[name] ?? []) expect(run.stdout).toMatch(pattern);
    // The walk-throughs print results, never a CPR number.
    expect(run.stdout).not.toMatch(/\b\d{6}-\d{4}\b/);
  }, 120_000);
});
