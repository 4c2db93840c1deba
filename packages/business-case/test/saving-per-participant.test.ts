import { describe, expect, it } from "vitest";
import { parseBusinessCaseResults } from "../src/results-input.ts";
import { measuredProfile, scaleProfile } from "../src/saved-days-profile.ts";
import { savingModel, savingPerParticipant } from "../src/saving-per-participant.ts";
import { esbjergConfig, flatRates, stepResults } from "./helpers.ts";

// 500 kr. a calendar day (700 x 5/7); the curves differ by 0.1 on days 21-34 (week 4 at 20 %, week 5 at 60 %): 280 kr.
const config = esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }]));
const withExpenditure = (saving: { estimate: number | null; se: number | null }) =>
  parseBusinessCaseResults({ ...stepResults(), expenditure: { byHorizon: [{ tau: 70, saving }], saving: { ...saving, tau: 70 } } });
const profile = measuredProfile(parseBusinessCaseResults(stepResults()), 70, undefined);

describe("savingPerParticipant", () => {
  it("savingPerParticipant takes results.json's expenditure difference with its 95 % interval when there is one", () => {
    const saving = savingPerParticipant(withExpenditure({ estimate: 1256, se: 2765 }), config, { profile, entryYear: 2018, priorWeeks: 0 });
    expect(saving).toEqual({
      estimate: 1256,
      se: 2765,
      lower: expect.closeTo(1256 - 1.959963984540054 * 2765, 9),
      upper: expect.closeTo(1256 + 1.959963984540054 * 2765, 9),
      source: "expenditure",
      tau: 70,
      label: "målt: kommunens gennemsnitlige udgift til forsørgelse pr. borger inden for 70 dage, kontrol - indsats, prissat pr. ydelse og medfinansieringstrin ud fra ydelsespanelet (results.json expenditure); A-dagpenge til højeste sats, en øvre grænse",
    });
    expect(savingModel(saving, profile)).toEqual({ kind: "kroner", perParticipant: 1256, se: 2765, horizon: 70 });
  });

  it("savingPerParticipant prices the days to the first exit when the expenditure is missing or not estimated, and says which", () => {
    const none = savingPerParticipant(parseBusinessCaseResults(stepResults()), config, { profile, entryYear: 2018, priorWeeks: 0 });
    expect([none.estimate, none.source, none.tau]).toEqual([expect.closeTo(280, 9), "days-saved", 70]);
    expect(none.label).toBe("målt: 1,40 sparede dage til første afgang (Kaplan-Meier, kontrol - indsats) op til 70 dage, prissat dag for dag til højeste A-dagpengesats (en øvre grænse) ved indtræden i 2018; results.json har ingen udgift pr. borger (intet ydelsespanel)");
    expect(savingModel(none, profile)).toBe(profile);
    const notEstimated = savingPerParticipant(withExpenditure({ estimate: null, se: null }), config, { profile, entryYear: 2018, priorWeeks: 0 });
    expect(notEstimated.source).toBe("days-saved");
    expect(notEstimated.label).toMatch(/; results.json's udgift pr. borger er ikke estimeret ved horisonten$/);
  });

  it("savingPerParticipant of a --days-saved what-if prices days even beside an expenditure", () => {
    const scaled = { ...scaleProfile(profile, 2), kind: "measured-scaled" as const };
    const saving = savingPerParticipant(withExpenditure({ estimate: 1256, se: 2765 }), config, { profile: scaled, entryYear: 2017, priorWeeks: 0 });
    expect([saving.estimate, saving.source]).toEqual([expect.closeTo(560, 9), "what-if"]);
  });

  it("savingPerParticipant prices an entry year whose saved days reach past money.years at the last year's rates", () => {
    // 2020 entrants' days 21-34 reach 2021 (no rates configured): priced at 2020's, the same flat 700 here
    expect(savingPerParticipant(undefined, config, { profile, entryYear: 2020, priorWeeks: 0 }).estimate).toBeCloseTo(280, 9);
  });
});
