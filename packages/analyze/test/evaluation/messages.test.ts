import { loadTrialConfig } from "@jobtrial/core";
import { randomSource } from "@jobtrial/survival";
import { describe, expect, it } from "vitest";
import { evaluateTrial } from "../../src/evaluation/evaluate-trial.ts";
import { evaluationDataFromSimulation } from "../../src/evaluation/from-simulation.ts";
import { analyzeNote, analyzeNoteText, type AnalyzeNoteFacts } from "../../src/messages.ts";
import { AnalyzeNoteSchema } from "../../src/results-schema.ts";
import { simulateTrial } from "../../src/simulate/simulate-trial.ts";

const repo = new URL("../../../../", import.meta.url).pathname;

/** One note of every code. */
const EVERY_NOTE: AnalyzeNoteFacts[] = [
  { code: "rows-outside-cohort", file: "spells.csv", count: null, minCellSize: 5 },
  { code: "columns-left-out", file: "kohorte.csv", columns: 2 },
  { code: "spells-from-panel", file: "benefit-weeks.csv" },
  { code: "rmst-not-estimable", tau: 182 },
  { code: "stratified-logrank-failed" },
  { code: "few-at-risk-at-tau", tau: 364, share: 0.016, threshold: 0.1 },
  { code: "estimate-changes-sign", fromTau: 182, toTau: 364 },
  { code: "heaping-flag-unknown", flag: "born-first-of-month" },
  { code: "heaping-flag-unknown", flag: "born-january-1" },
  { code: "adjustment-not-estimable", reason: "singular" },
  { code: "monitoring-boundary-crossed", look: 5, date: "2018-03-01" },
  { code: "monitoring-information-above-final", look: 4, date: "2018-01-01" },
  { code: "monitoring-no-new-information", look: 6, date: "2018-04-01" },
  { code: "monitoring-no-estimate-yet", tau: 364 },
  { code: "monitoring-unplanned-look", date: "2018-02-15" },
];

describe("analyzeNoteText", () => {
  it("analyzeNoteText words every note in Danish, with Danish numbers and dates, and in English", () => {
    expect(EVERY_NOTE.map((note) => analyzeNoteText(note, "da"))).toEqual([
      "spells.csv: færre end 5 rækker om personer uden for kohorten blev sprunget over.",
      "kohorte.csv: 2 kolonne(r), der ikke er erklæret i intake.covariates, blev udeladt.",
      "Forløbene er afledt af det ugentlige ydelsespanel benefit-weeks.csv (ugepræcision: et forløb slutter søndagen i dets sidste uge med ydelse).",
      "Den gennemsnitlige varighed inden for 182 dage (RMST) kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen.",
      "Log-rank-testen stratificeret efter branchegruppe kunne ikke beregnes (for få borgere i en branchegruppe); den ustratificerede test er vist.",
      "Ved 364 dage er kun 1,6 % af en gruppe stadig i risiko (under 10,0 %): estimatet ved denne horisont hviler på få borgere og kan skifte meget, når flere følges så længe.",
      "Sparede dage skifter fortegn mellem horisonten 182 og 364 dage: konklusionen afhænger af horisonten.",
      "Analysen uden borgere født den 1. i en måned kan ikke laves: kohorten har ikke markeringen; eksporter kohorten fra registret med jobtrial register export, eller analyser med --register.",
      "Analysen uden borgere født 1. januar kan ikke laves: kohorten har ikke markeringen; eksporter kohorten fra registret med jobtrial register export.",
      "Det kovariatjusterede estimat kan ikke beregnes (baggrundsvariablene er lineært afhængige i en gruppe).",
      "Overvågning: ved kig nr. 5 (01.03.2018) er grænsen krydset; forskellen er signifikant, også når der tages højde for de mange kig.",
      "Overvågning: ved kig nr. 4 (01.01.2018) er informationen større end den forventede ved slutanalysen; kigget bruger resten af alfa, og fremskrivningen af slutinformationen var for forsigtig.",
      "Overvågning: kig nr. 6 (01.04.2018) har ikke mere information end kigget før og bruger ingen alfa.",
      "Overvågning: sparede dage ved 364 dage kan endnu ikke beregnes ved noget kig; der er endnu ikke brugt alfa.",
      "Overvågning: udtræksdatoen 15.02.2018 er ikke et planlagt kig; den tæller som et ekstra kig og bruger alfa efter forbrugsfunktionen.",
    ]);
    expect(analyzeNoteText({ code: "rmst-not-estimable", tau: 182 }, "en")).toBe("The restricted mean at 182 days is not estimable: an arm has no follow-up that long by the as-of date.");
    expect(analyzeNoteText({ code: "few-at-risk-at-tau", tau: 364, share: 0.016, threshold: 0.1 }, "en")).toBe(
      "At 364 days only 1.6% of an arm are still at risk (below 10.0%): the estimate at this horizon rests on few citizens and can change a lot as more are followed that long.",
    );
    for (const note of EVERY_NOTE) {
      const english = analyzeNote(note);
      expect(AnalyzeNoteSchema.safeParse(english).success).toBe(true);
      expect(english.message).toBe(analyzeNoteText(note, "en"));
      expect(english.message).not.toBe(analyzeNoteText(note, "da"));
    }
  });
});

describe("notes in evaluateTrial", () => {
  it("evaluateTrial at an early look writes its notes coded, with the English wording in warnings, so analyze can print them in Danish", () => {
    const loaded = loadTrialConfig(`${repo}data/esbjerg-2017/trial.json`);
    if (!loaded.ok) throw new Error("bundled trial.json invalid");
    const data = evaluationDataFromSimulation(simulateTrial(loaded.config, { weeklyIntake: 20 }, randomSource(3)));
    const results = evaluateTrial({ config: loaded.config, ...data, benefitWeeks: null, asOf: "2017-10-01", readerNotes: ["a note as text"], seed: 1, now: new Date(0), toolVersion: "test" });
    expect(results.notes!.map((note) => note.message)).toEqual(results.warnings);
    expect(results.notes![0]).toEqual({ code: "text", message: "a note as text" });
    const rmst = results.notes!.find((note) => note.code === "rmst-not-estimable")!;
    expect(rmst).toEqual({ code: "rmst-not-estimable", tau: 364, message: "The restricted mean at 364 days is not estimable: an arm has no follow-up that long by the as-of date." });
    expect(analyzeNoteText(rmst, "da")).toBe("Den gennemsnitlige varighed inden for 364 dage (RMST) kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen.");
    expect(results.notes!.map((note) => note.code)).toEqual(expect.arrayContaining(["monitoring-no-estimate-yet", "adjustment-not-estimable"]));
  });
});
