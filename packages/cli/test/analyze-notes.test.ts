import { join } from "node:path";
import { evaluateTrial, evaluationDataFromSimulation, formatEvaluationProblem, loadEvaluationInputs, simulateTrial, type Results } from "@jobtrial/analyze";
import { loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeSummary } from "../src/commands/analyze.ts";
import { repoRoot } from "./helpers.ts";

const data = join(repoRoot, "data/esbjerg-2017");
let config: TrialConfig;
let early: Results;
let march: Results;

beforeAll(() => {
  const loaded = loadTrialConfig(join(data, "trial.json"));
  if (!loaded.ok) throw new Error("bundled trial.json invalid");
  config = loaded.config;
  const simulated = evaluationDataFromSimulation(simulateTrial(config, { weeklyIntake: 25 }, randomSource(9)));
  const evaluate = (asOf: string) => evaluateTrial({ config, ...simulated, benefitWeeks: null, asOf, seed: 1, now: new Date("2018-03-02T00:00:00Z"), toolVersion: "test" });
  early = evaluate("2017-10-01");
  march = evaluate("2018-03-01");
}, 120_000);

describe("analyzeSummary in Danish", () => {
  it("analyzeSummary at an early look prints the notes from the Danish catalogue and 'ikke før' the final analysis", () => {
    const danish = analyzeSummary(early, "results.json", 14, "da");
    expect(danish).toContain("\n  bemærk        Den gennemsnitlige varighed inden for 364 dage (RMST) kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen.\n");
    expect(danish).toContain("\n  bemærk        Overvågning: sparede dage ved 364 dage kan endnu ikke beregnes ved noget kig; der er endnu ikke brugt alfa.\n");
    expect(danish).toMatch(/\n  påviselig     – dage nu \(styrke 80 %\); 9,0 dage (fra \d\d\.\d\d\.\d{4}|ikke før 30\.12\.2019)\n/);
    expect(danish).not.toContain("ikke inden for fremskrivningen");
    // No English note reaches the Danish summary.
    for (const note of early.notes!) expect(danish).not.toContain(note.message);
    expect(danish).not.toMatch(/not estimable|Monitoring:|The covariate-adjusted/);
    const english = analyzeSummary(early, "results.json", 14, "en");
    expect(english).toContain("\n  note         The restricted mean at 364 days is not estimable: an arm has no follow-up that long by the as-of date.\n");
    expect(english).toMatch(/\n  detectable   – days now \(80% power\); 9\.0 days (from \d+ \w+ \d{4}|not before 30 Dec 2019)\n/);
  });

  it("analyzeSummary at the evaluation prints the monitoring look, the next look and the sensitivity analyses", () => {
    const danish = analyzeSummary(march, "results.json", 14, "da");
    const current = march.monitoring!.looks.find((look) => look.date === "2018-03-01")!;
    expect(current.status).toBe("analysed");
    expect(danish).toMatch(/\n  overvågning   kig 5 af 13 \(evaluering\): z = −?\d+,\d\d, grænse \d+,\d\d, (ikke )?krydset; gentaget 95 % KI −?\d+,\d til −?\d+,\d\n  næste kig     01\.04\.2018 \(udvalg\): grænsen krydses ved \d+,\d sparede dage eller mere\n/);
    expect(danish).toMatch(/\n  følsomhed     uden født d\. 1\. −?\d+,\d; uden født 1\. jan\. −?\d+,\d\n  horisonter    182: −?\d+,\d \(i risiko \d+ %\), 273: −?\d+,\d \(i risiko \d+ %\), 364: −?\d+,\d \(i risiko \d+ %\)\n  justeret      −?\d+,\d \(95 % KI .+\) for baggrundsvariable; præcisionsgevinst −?\d+ %\n/);
    const english = analyzeSummary(march, "results.json", 14, "en");
    expect(english).toMatch(/\n  monitoring   look 5 of 13 \(evaluation\): z = −?\d+\.\d\d, boundary \d+\.\d\d, (not )?crossed; repeated 95% CI .+\n/);
  });
});

describe("formatEvaluationProblem", () => {
  it("formatEvaluationProblem words an input problem in Danish, and in English with lang en", () => {
    const loaded = loadEvaluationInputs({ config: join(data, "trial.json"), cohort: join(data, "no-such-cohort.csv"), spells: join(data, "outcomes/spells.csv") }, "2018-03-01");
    expect(loaded.ok).toBe(false);
    const problem = !loaded.ok ? loaded.problems[0]! : null;
    expect(formatEvaluationProblem(problem!, "da")).toBe("no-such-cohort.csv: filen findes ikke. Ret: kontroller stien og filnavnet");
    expect(formatEvaluationProblem(problem!, "en")).toBe("no-such-cohort.csv: file not found. Fix: check the path and the file name");
  });
});
