import { loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { kaplanMeier, randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import { resultsTables } from "../../src/evaluation/results-tables.ts";
import { aggregatedKmRows, cumulativeIncidenceSteps } from "../../src/evaluation/suppress.ts";
import type { Results } from "../../src/results-schema.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";
import { smallCountsInCsv, smallCountsInJson } from "./small-counts.ts";

const repo = new URL("../../../../", import.meta.url).pathname;
let config: TrialConfig;
/** The bundled demo trial (data/esbjerg-2017 is this simulation written to files), analysed with its weekly benefit panel. */
let results: Results;

beforeAll(() => {
  const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  // The command that made data/esbjerg-2017 (its README): seed 20170101, weeks 2017-W01 to 2018-W08.
  const data = evaluationDataFromSimulation(simulateTrial(config, { fromWeek: "2017-W01", toWeek: "2018-W08" }, randomSource(20170101)));
  expect(data.benefitWeeks.length).toBeGreaterThan(10_000);
  results = evaluateTrial({ config, ...data, asOf: config.evaluation.date, seed: 20170101, now: new Date("2018-03-02T00:00:00Z"), toolVersion: "test" });
}, 300_000);

describe("aggregatedKmRows", () => {
  it("aggregatedKmRows(curve, 5) merges rows until a step has at least 5 exits and 0 or at least 5 censorings", () => {
    const curve = { time: [1, 2, 3, 4], nRisk: [20, 18, 15, 12], nEvent: [2, 3, 1, 4], nCensor: [0, 0, 2, 3], surv: [0.9, 0.75, 0.7, 0.47], stdErr: [0.1, 0.1, 0.1, 0.1], lower: [null, null, null, null], upper: [null, null, null, null] };
    expect(aggregatedKmRows(curve, 5).map((row) => [row.time, row.nRisk, row.nEvent, row.nCensor, row.surv])).toEqual([
      [2, 20, 5, 0, 0.75],
      [4, 15, 5, 5, 0.47],
    ]);
  });

  it("aggregatedKmRows places a step at its exit times weighted by the drops of the curve, and continues the last step to the last row used", () => {
    // 30 at risk; 4 exits on day 1 (S 1 -> 26/30), 1 on day 9 (-> 25/30): a step; then only censorings on day 10 (5) and
    // day 12 (2), no exits for a step of their own: they join it. Drop-weighted time (4/30 · 1 + 1/30 · 9) / (5/30) = 2.6 -> 3.
    const curve = { time: [1, 9, 10, 12], nRisk: [30, 26, 25, 20], nEvent: [4, 1, 0, 0], nCensor: [0, 0, 5, 2], surv: [26 / 30, 25 / 30, 25 / 30, 25 / 30], stdErr: [0.1, 0.1, 0.1, 0.1], lower: [null, null, null, null], upper: [null, null, null, null] };
    expect(aggregatedKmRows(curve, 5).map((row) => [row.time, row.nRisk, row.nEvent, row.nCensor])).toEqual([
      [3, 30, 5, 7],
      [12, 30, 0, 0],
    ]);
  });

  it("aggregatedKmRows stops where fewer than the minimum are at risk, and drops a last step that never meets it", () => {
    const curve = { time: [1, 2, 3], nRisk: [12, 6, 4], nEvent: [5, 1, 1], nCensor: [1, 0, 3], surv: [0.6, 0.5, 0.4], stdErr: [0.1, 0.1, 0.1], lower: [null, null, null], upper: [null, null, null] };
    // step 1 (time 1): 5 exits but 1 censoring: not yet; times 1-2: 6 exits, 1 censoring: not yet; time 3: 7 exits, 4 censorings: not yet. Nothing.
    expect(aggregatedKmRows(curve, 5)).toEqual([]);
  });
});

describe("cumulativeIncidenceSteps", () => {
  it("cumulativeIncidenceSteps publishes a point after every 5 exits to the state while 5 are at risk", () => {
    expect(cumulativeIncidenceSteps([4, 1, 3, 0, 6], [30, 26, 25, 22, 20], 5)).toEqual([1, 4]);
    expect(cumulativeIncidenceSteps([5, 5], [6, 4], 5)).toEqual([0]);
  });
});

describe("no small count in what analyze writes", () => {
  it("results.json and every CSV table of the bundled demo trial hold no count from 1 to 4", () => {
    expect(results.daysSaved.measure).toBe("days-on-benefit");
    const found = smallCountsInJson(JSON.parse(JSON.stringify(results)), config.disclosure.minCellSize);
    const tables = resultsTables(results);
    expect([...tables.keys()]).toEqual(expect.arrayContaining(["km", "duration", "risk-table", "self-support", "flow", "monitoring", "sensitivity"]));
    for (const [name, text] of tables) found.push(...smallCountsInCsv(`results-${name}.csv`, text, config.disclosure.minCellSize));
    expect(found).toEqual([]);
  });

  it("the scan finds the small counts an unaggregated Kaplan-Meier table has (so it is not blind)", () => {
    const curve = kaplanMeier({ time: [3, 5, 5, 8, 9, 12, 12, 12, 15, 20], event: [1, 1, 0, 1, 1, 1, 0, 1, 1, 0], group: new Array<string>(10).fill("g") }).curves["g"]!;
    const rows = curve.time.map((time, index) => ({ time, nEvent: curve.nEvent[index]!, nCensor: curve.nCensor[index]! }));
    expect(smallCountsInJson({ km: { control: rows } }, 5).length).toBeGreaterThan(5);
    expect(smallCountsInCsv("results-km.csv", "\uFEFFarm;time;n_event\r\ncontrol;3;1\r\ncontrol;5;5\r\n", 5)).toEqual([{ where: "results-km.csv, line 2, column n_event", value: 1 }]);
    expect(smallCountsInJson({ warnings: ["x.csv: 3 row(s) of persons not in the cohort were skipped"] }, 5)).toEqual([{ where: "warnings[0] (text)", value: 3 }]);
  });

  it("definitions.suppression says that Kaplan-Meier steps are aggregated, as the code does", () => {
    expect(results.definitions["suppression"]).toMatch(/Kaplan-Meier tables publish steps whose exits are at least 5 and whose censorings are 0 or at least 5 \(aggregated, not nulled/);
    expect(results.definitions["km"]).toMatch(/Published as steps that each hold at least the minimum cell size of exits/);
    for (const arm of ["control", "intervention"] as const) {
      const rows = results.km[arm];
      const last = rows[rows.length - 1]!;
      // the last row repeats the last step to show how far the data reach
      expect([last.nEvent, last.nCensor, last.nRisk, last.surv]).toEqual([0, 0, rows[rows.length - 2]!.nRisk, rows[rows.length - 2]!.surv]);
      for (const row of rows.slice(0, -1)) {
        expect(row.nEvent).toBeGreaterThanOrEqual(5);
        expect(row.nCensor === 0 || row.nCensor >= 5).toBe(true);
      }
      // the area under the published curve is the restricted mean (the time of a step is its drop-weighted exit time)
      const rmst = results.duration.rmst.find((entry) => entry.tau === 182)!.byGroup[arm].rmst;
      let area = 0;
      let time = 0;
      let surv = 1;
      for (const row of rows) {
        if (row.time >= 182) break;
        area += (row.time - time) * surv;
        time = row.time;
        surv = row.surv;
      }
      area += (182 - time) * surv;
      expect(Math.abs(area - rmst)).toBeLessThan(0.25);
    }
  });
});
