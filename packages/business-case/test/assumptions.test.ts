import { describe, expect, it } from "vitest";
import { assumptions, businessCaseNotes, daysSavedSource } from "../src/assumptions.ts";
import { flatProfile, measuredProfile, scaleProfile } from "../src/saved-days-profile.ts";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { esbjergConfig, stepResults } from "./helpers.ts";

const none = { results: false, daysSaved: false, horizonDays: false, priorWeeks: false };
const UPPER_BOUND = "Satserne er den højeste dagpengesats: en øvre grænse, for ikke alle ledige får højeste sats; bruttobesparelsen ved en given effekt er derfor også en øvre grænse.";

describe("daysSavedSource", () => {
  it("daysSavedSource says whether the days are measured, scaled, given or the expectation", () => {
    expect(daysSavedSource({ ...none, results: true }, 364)).toBe("målt: forskel i restricted mean (kontrol - indsats) op til 364 dage fra Kaplan-Meier-kurverne i results.json");
    expect(daysSavedSource({ ...none, results: true, daysSaved: true }, 364)).toBe("angivet (--days-saved); den målte forskel mellem kurverne skaleret til dette areal");
    expect(daysSavedSource({ ...none, daysSaved: true }, 364)).toBe("angivet (--days-saved), hvad-nu-hvis; de sparede dage fordelt jævnt over horisonten");
    expect(daysSavedSource(none, 364)).toBe("konfigurationens expectations.daysSaved (projektets forventning), hvad-nu-hvis; fordelt jævnt over horisonten");
  });
});

describe("assumptions", () => {
  const config = esbjergConfig();
  const intake = { intake: new Map([[2017, 1000], [2018, 1200]]), sources: new Map([[2017, "angivet"], [2018, "angivet"]]) };
  const list = assumptions({ config, given: { ...none, priorWeeks: true }, profile: flatProfile(9, 364), horizonShortened: null, priorWeeks: 4, grantShare: 0, programmeYears: [2017, 2018], intake });

  it("assumptions lists every input with its source, in the printed order", () => {
    expect(list.map((entry) => entry.key)).toEqual([
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
  });

  it("assumptions writes the co-financing steps as week ranges", () => {
    expect(list.find((entry) => entry.key === "cofinancing.2017")!.value).toBe("uge 1-4: 20 %, uge 5-26: 60 %, uge 27-52: 70 %, uge 53+: 80 %");
  });
});

describe("businessCaseNotes", () => {
  const measured = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);

  it("businessCaseNotes of a flat what-if says there is no interval and how the simple mode is computed", () => {
    const notes = businessCaseNotes({ horizonShortened: null, notEstimatedYears: [], configHashes: undefined, profile: flatProfile(9, 364), observed: undefined, reportedDaysSaved: null, savedDaysAfterPeriod: 0, toYear: 2020 });
    expect(notes).toEqual([
      "Hvad-nu-hvis: de sparede dage er fordelt jævnt over horisonten; uden målte kurver er der intet usikkerhedsinterval.",
      "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.",
      UPPER_BOUND,
    ]);
  });

  it("businessCaseNotes of scaled curves names another configuration, suppressed years, the scaling and the days left out", () => {
    const scaled = { ...scaleProfile(measured, 9 / 1.4), kind: "measured-scaled" as const, daysSaved: 9 };
    const notes = businessCaseNotes({
      horizonShortened: "Tidligt kig: ...",
      notEstimatedYears: [{ year: 2020, notEstimated: "ingen sparede dage inden for horisonten på 364 dage falder i 2020" }],
      configHashes: { results: "a".repeat(64), current: "b".repeat(64) },
      profile: scaled,
      observed: { byYear: new Map(), note: "", suppressed: [2019] },
      reportedDaysSaved: 1.4,
      savedDaysAfterPeriod: 123.4,
      toYear: 2020,
    });
    expect(notes).toEqual([
      "Tidligt kig: ...",
      "Resultaterne er beregnet med en anden udgave af konfigurationen (hash aaaaaaaaaaaa mod bbbbbbbbbbbb); kurverne bruges, satser og budget tages fra den nuværende konfiguration.",
      "Indtaget i indsatsgruppen er diskretioneret (under mindste celle) for 2019 og regnet som 0.",
      "Den målte forskel mellem kurverne (1.40 dage) er skaleret til 9 dage; intervallet er skaleret med.",
      "Usikkerhed: deltametoden (Greenwood-type varians af den prisvægtede forskel mellem Kaplan-Meier-kurverne); interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.",
      "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.",
      UPPER_BOUND,
      "2020 er ikke estimeret: ingen sparede dage inden for horisonten på 364 dage falder i 2020.",
      "Fortsat drift: 123 sparede dage falder efter 2020 og er ikke talt med.",
    ]);
  });
});
