import { describe, expect, it } from "vitest";
import { assumptions, businessCaseNotes, daysSavedSource } from "../src/assumptions.ts";
import { flatProfile, measuredProfile, scaleProfile } from "../src/saved-days-profile.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import type { SavingPerParticipant } from "../src/saving-per-participant.ts";
import { yearlyAnswer } from "../src/yearly-answer.ts";
import { esbjergConfig, stepResults } from "./helpers.ts";

const none = { results: false, daysSaved: false, horizonDays: false, priorWeeks: false };
const saving: SavingPerParticipant = { estimate: 3000, se: 1000, lower: 1040, upper: 4960, source: "days-saved", tau: 364, label: "målt: sparede dage" };
const yearly = yearlyAnswer({ year: 2018, intake: { value: 1200, se: null, method: "given", source: "angivet", detail: undefined }, saving, cost: 2_500_000, costSource: "budget", grantShare: 0 });
const UPPER_BOUND = "Satserne er den højeste dagpengesats: en øvre grænse, for ikke alle ledige får højeste sats; bruttobesparelsen ved en given effekt er derfor også en øvre grænse.";

describe("daysSavedSource", () => {
  it("daysSavedSource says whether the days are measured, scaled, given or the expectation", () => {
    expect(daysSavedSource({ ...none, results: true }, 364)).toBe("målt: forskel i restricted mean (kontrol - indsats) op til 364 dage fra Kaplan-Meier-kurverne i results.json (dage til første afgang)");
    expect(daysSavedSource({ ...none, results: true, daysSaved: true }, 364)).toBe("angivet (--days-saved); den målte forskel mellem kurverne skaleret til dette areal");
    expect(daysSavedSource({ ...none, daysSaved: true }, 364)).toBe("angivet (--days-saved), hvad-nu-hvis; de sparede dage fordelt jævnt over horisonten");
    expect(daysSavedSource(none, 364)).toBe("konfigurationens expectations.daysSaved (projektets forventning), hvad-nu-hvis; fordelt jævnt over horisonten");
  });
});

describe("assumptions", () => {
  const config = esbjergConfig();
  const intake = {
    intake: new Map([[2017, 1000], [2018, 1200]]),
    sources: new Map([[2017, "angivet"], [2018, "angivet"]]),
    methods: new Map([[2017, "given" as const], [2018, "given" as const]]),
    se: new Map([[2017, null], [2018, null]]),
  };
  const list = assumptions({ config, given: { ...none, priorWeeks: true }, profile: flatProfile(9, 364), horizonShortened: null, priorWeeks: 4, grantShare: 0, programmeYears: [2017, 2018], intake, yearly, operatingYearSource: "angivet (--year)" });

  it("assumptions lists every input with its source, in the printed order", () => {
    expect(list.map((entry) => entry.key)).toEqual([
      "operatingYear",
      "operatingYear.participants",
      "operatingYear.savingPerParticipant",
      "daysSaved",
      "horizonDays",
      "priorWeeks",
      "benefitDaysPerWeek",
      ...[2017, 2018, 2019, 2020].flatMap((year) => [`maxDailyBenefit.${year}`, `cofinancing.${year}`]),
      "participants.2017",
      "participants.2018",
      "cost.2017",
      "cost.2018",
      "regionalGrant",
      "entries",
      "pricing",
    ]);
    const byKey = Object.fromEntries(list.map((entry) => [entry.key, entry]));
    expect(byKey["priorWeeks"]).toMatchObject({ value: 4, unit: "weeks", source: "angivet (--prior-weeks)" });
    expect(byKey["horizonDays"]).toMatchObject({ value: 364, source: "konfigurationens evaluation.primaryHorizonDays" });
    expect(byKey["participants.2018"]).toMatchObject({ value: 1200, unit: "persons", source: "angivet" });
    expect(byKey["operatingYear"]).toMatchObject({ value: "2018", unit: "year", source: "angivet (--year)" });
    expect(byKey["operatingYear.participants"]).toMatchObject({ label: "Deltagere i indsatsen i et år i drift (2018)", value: 1200, unit: "persons", source: "angivet" });
    expect(byKey["operatingYear.savingPerParticipant"]).toMatchObject({ value: 3000, unit: "kr", source: "målt: sparede dage" });
  });

  it("assumptions writes the co-financing steps as week ranges", () => {
    expect(list.find((entry) => entry.key === "cofinancing.2017")!.value).toBe("uge 1-4: 20 %, uge 5-26: 60 %, uge 27-52: 70 %, uge 53+: 80 %");
  });
});

describe("businessCaseNotes", () => {
  const measured = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);
  const noteBase = { savedDaysAfterPeriod: 0, savingsAfterPeriod: 0, toYear: 2020, lastRateYear: 2020, carried: { continued: [], operating: [] }, saving, yearly };

  it("businessCaseNotes of a flat what-if says there is no interval and how the simple mode is computed", () => {
    const notes = businessCaseNotes({ ...noteBase, horizonShortened: null, notEstimatedYears: [], configHashes: undefined, profile: flatProfile(9, 364), observed: undefined, reportedDaysSaved: null });
    expect(notes).toEqual([
      `Et år i drift (2018): ${yearly.method}`,
      "Hvad-nu-hvis: de sparede dage er fordelt jævnt over horisonten; uden målte kurver er der intet usikkerhedsinterval.",
      "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.",
      UPPER_BOUND,
    ]);
  });

  it("businessCaseNotes of scaled curves names another configuration, suppressed years, the scaling and the days left out", () => {
    const scaled = { ...scaleProfile(measured, 9 / 1.4), kind: "measured-scaled" as const, daysSaved: 9 };
    const notes = businessCaseNotes({
      ...noteBase,
      horizonShortened: "Tidligt kig: ...",
      notEstimatedYears: [{ year: 2020, notEstimated: "ingen sparede dage inden for horisonten på 364 dage falder i 2020" }],
      configHashes: { results: "a".repeat(64), current: "b".repeat(64) },
      profile: scaled,
      observed: { byYear: new Map(), years: new Map(), notProjected: [{ year: 2019, reason: "der er intet helt år i registret at tage sæsonmønsteret fra" }], note: "", suppressed: ["2019-W03"] },
      reportedDaysSaved: 1.4,
      savedDaysAfterPeriod: 123.4,
      savingsAfterPeriod: 45_678.4,
      carried: { continued: [2021], operating: [2021] },
    });
    expect(notes).toEqual([
      `Et år i drift (2018): ${yearly.method}`,
      "Tidligt kig: ...",
      "Resultaterne er beregnet med en anden udgave af konfigurationen (hash aaaaaaaaaaaa mod bbbbbbbbbbbb); kurverne bruges, satser og budget tages fra den nuværende konfiguration.",
      "Indtaget er diskretioneret (under mindste celle) for 2019-W03 og regnet som 0.",
      "2019 er kun delvist observeret og ikke fremskrevet, da der er intet helt år i registret at tage sæsonmønsteret fra; årets deltagere er taget som angivet i forudsætningerne.",
      "Den målte forskel mellem kurverne (1.40 dage) er skaleret til 9 dage; intervallet er skaleret med.",
      "Usikkerhed pr. år og i alt: deltametoden (Greenwood-type varians af den prisvægtede forskel mellem Kaplan-Meier-kurverne); interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.",
      "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.",
      UPPER_BOUND,
      "2020 er ikke estimeret: ingen sparede dage inden for horisonten på 364 dage falder i 2020.",
      "Et år i drift: sparede dage i 2021 er prissat med satserne for 2020, det sidste år i konfigurationens money.years.",
      "Fortsat drift: 2021 er prissat med satserne for 2020, det sidste år i konfigurationens money.years.",
      "Fortsat drift: 123 sparede dage for de sidste deltagere falder efter 2020 og er ikke talt med i årene; prissat er de 45.678 kr. brutto (til satserne for 2020).",
    ]);
  });
});
