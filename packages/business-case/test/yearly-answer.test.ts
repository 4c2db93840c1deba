import { describe, expect, it } from "vitest";
import { normalCdf } from "@jobtrial/survival";
import { businessCase } from "../src/business-case.ts";
import { BusinessCaseSchema } from "../src/schema.ts";
import { yearlyAnswer, type YearlyAnswerInputs } from "../src/yearly-answer.ts";
import { esbjergConfig, flatRates, seasonalResults } from "./helpers.ts";

const saving = { estimate: 3500, se: 1000, lower: 3500 - 1959.963984540054, upper: 3500 + 1959.963984540054, source: "expenditure" as const, tau: 364, label: "målt" };
const known: YearlyAnswerInputs = {
  year: 2018,
  intake: { value: 1300, se: null, method: "observed", source: "registret", detail: undefined },
  saving,
  cost: 2_500_000,
  costSource: "budget",
  grantShare: 0,
};

describe("yearlyAnswer", () => {
  it("yearlyAnswer of 1,300 participants saving 3,500 kr. each against 2.5M is 2.05M, SE 1.3M, P(net > 0) = Phi(1.5769)", () => {
    // gross 1,300 x 3,500 = 4,550,000; net 2,050,000; intake known: SE = 1,300 x 1,000 = 1,300,000
    const answer = yearlyAnswer(known);
    expect([answer.grossSavings, answer.regionalGrant, answer.netSavings, answer.se]).toEqual([4_550_000, 0, 2_050_000, 1_300_000]);
    expect(answer.lower).toBeCloseTo(2_050_000 - 1.959963984540054 * 1_300_000, 6);
    // R: pnorm(2050000 / 1300000) = 0.9425933870537526
    expect(answer.probabilityPositive).toBeCloseTo(0.9425933870537526, 12);
    // break-even: 2,500,000 / 1,300 = 1,923.08 kr. per participant; 2,500,000 / 3,500 = 714.29 participants
    expect(answer.breakEvenSavingPerParticipant).toBeCloseTo(2_500_000 / 1300, 9);
    expect(answer.breakEvenParticipants).toBeCloseTo(2_500_000 / 3500, 9);
    expect([answer.intake.uncertainty, answer.notEstimated]).toEqual(["known", null]);
    expect(answer.method).toMatch(/^Deltametoden: .*indtaget regnes som kendt.*P\(netto > 0\) ved normalapproksimation\.$/);
  });

  it("yearlyAnswer adds a projected intake's variance and takes the regional grant's share", () => {
    // Var = 1,300^2 x 1,000^2 + 3,500^2 x 100^2 = 1.69e12 + 1.225e11; SE x (1 - 0.5)
    const answer = yearlyAnswer({ ...known, grantShare: 0.5, intake: { ...known.intake, se: 100, method: "seasonal" } });
    expect(answer.regionalGrant).toBe(2_275_000);
    expect(answer.netSavings).toBe(4_550_000 - 2_275_000 - 2_500_000);
    expect(answer.se).toBeCloseTo(0.5 * Math.sqrt(1.69e12 + 1.225e11), 6);
    expect(answer.intake.uncertainty).toBe("projected");
    expect(answer.breakEvenSavingPerParticipant).toBeCloseTo(2_500_000 / (1300 * 0.5), 9);
    expect(answer.breakEvenParticipants).toBeCloseTo(2_500_000 / (3500 * 0.5), 9);
  });

  it("yearlyAnswer without any SE is a what-if without interval, and a saving of 0 has no break-even intake", () => {
    const answer = yearlyAnswer({ ...known, saving: { ...saving, estimate: 0, se: null, lower: null, upper: null, source: "what-if" } });
    expect([answer.netSavings, answer.se, answer.lower, answer.probabilityPositive, answer.breakEvenParticipants]).toEqual([-2_500_000, null, null, null, null]);
    expect(answer.method).toBe("Intet interval: besparelsen pr. deltager er et hvad-nu-hvis, og indtaget regnes som kendt.");
  });

  it("yearlyAnswer without an intake is not estimated: null figures and the reason, never 0 kr.", () => {
    const answer = yearlyAnswer({ ...known, intake: { value: null, se: null, method: null, source: "ingen", detail: undefined }, notEstimated: "indtaget kan ikke findes" });
    expect([answer.grossSavings, answer.netSavings, answer.lower, answer.probabilityPositive, answer.notEstimated]).toEqual([null, null, null, null, "indtaget kan ikke findes"]);
  });
});

/** seasonalResults with the benefit panel's figures: days on A-dagpenge saved 1.0, days to the first exit 1.4, expenditure saved 5,000 kr. (SE 2,000) at 70 days. */
function panelResults() {
  const results: any = seasonalResults();
  results.daysSaved = { estimate: 1.0, se: 1, lower: -1, upper: 3, tau: 70, measure: "days-on-benefit" };
  results.daysToFirstExit = { estimate: 1.4, se: 1, lower: -0.6, upper: 3.4, tau: 70 };
  results.expenditure = { currency: "DKK", byHorizon: [{ tau: 70, saving: { estimate: 5000, se: 2000 } }], saving: { estimate: 5000, se: 2000, lower: 1080, upper: 8920, tau: 70 }, method: "IPCW" };
  return results;
}

describe("businessCase: the year of operation, worked by hand", () => {
  // 500 kr. a calendar day (700 x 5/7); the curves differ by 0.1 on days 21-34 (weeks 4 at 20 % and 5 at 60 %): 280 kr. per participant
  const config = esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }]));

  it("businessCase leads with 2018: 312 participants projected x 5,000 kr. of expenditure saved - 2.5M, its interval and P(net > 0)", () => {
    const result = businessCase(config, { results: panelResults() });
    const yearly = result.yearly!;
    // intake: 6 in 2018-W01..W02, 20 of 1,040 in the same weeks of 2017: 312 (SE 144.905); saving 5,000 (SE 2,000)
    // net = 312 x 5,000 - 2,500,000 = -940,000; Var = 312^2 x 2,000^2 + 5,000^2 x 20,997.6 = 914,316,000,000
    expect([yearly.year, yearly.intake.method, yearly.intake.observed, yearly.savingPerParticipant.source]).toEqual([2018, "seasonal", 6, "expenditure"]);
    expect(yearly.intake.value).toBeCloseTo(312, 9);
    expect(yearly.intake.projected).toBeCloseTo(306, 9);
    expect(yearly.netSavings).toBeCloseTo(-940_000, 6);
    expect(yearly.se).toBeCloseTo(956_198.7241154425, 4);
    expect(yearly.probabilityPositive).toBeCloseTo(0.16278913943513124, 9);
    expect(yearly.breakEvenSavingPerParticipant).toBeCloseTo(8_012.820512820513, 6);
    expect(yearly.breakEvenParticipants).toBeCloseTo(500, 9);
    expect(result.savingBasis).toBe("expenditure");
    expect(BusinessCaseSchema.safeParse(result).success).toBe(true);
  });

  it("businessCase on the expenditure places 5,000 kr. per participant evenly over 70 days in the calendar years", () => {
    const result = businessCase(config, { results: panelResults() });
    // 520 entrants in 2017, uniform over 365 days; spell day k in 2018 for k of them in 365: share in 2018 = (1/70) sum_{k<70} k/365 = 69/730
    expect(result.years[0]!.grossSavings).toBeCloseTo(520 * 5000 * (1 - 69 / 730), 6);
    expect(result.years[0]!.se).toBeCloseTo(520 * 2000 * (1 - 69 / 730), 6);
    expect(result.total.grossSavings).toBeCloseTo((520 + 312) * 5000, 6);
    // no days in a kroner saving: the continued programme's saving after 2020 is priced, the days are not counted
    const continued = result.scenarios.find((scenario) => scenario.key === "continued")!;
    expect(continued.savedDaysAfterPeriod).toBeNull();
    // the 2020 cohort (the mean of 520 and 312) spills (1/70) sum_{k<70} k/366 = 69/732 of its saving into 2021 (2020 has 366 days)
    expect(continued.savingsAfterPeriod).toBeCloseTo(((520 + 312) / 2) * 5000 * (69 / 732), 6);
  });

  it("businessCase with the regional grant netted halves the year's gross and its SE", () => {
    const netted = esbjergConfig((raw) => {
      flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }])(raw);
      raw.money.netRegionalGrant = true;
      raw.money.regionalGrantShare = 0.5;
    });
    const yearly = businessCase(netted, { results: panelResults() }).yearly!;
    expect(yearly.netSavings).toBeCloseTo(780_000 - 2_500_000, 6);
    expect(yearly.se).toBeCloseTo(956_198.7241154425 / 2, 4);
    expect(yearly.breakEvenSavingPerParticipant).toBeCloseTo(16_025.641025641025, 6);
  });

  it("businessCase without the expenditure prices the days to the first exit for a 2018 entrant: 280 kr.", () => {
    const results = panelResults();
    delete results.expenditure;
    const yearly = businessCase(config, { results }).yearly!;
    expect(yearly.savingPerParticipant.source).toBe("days-saved");
    expect(yearly.savingPerParticipant.estimate).toBeCloseTo(280, 9);
    expect(yearly.savingPerParticipant.label).toMatch(/^målt: 1,40 sparede dage til første afgang .* ved indtræden i 2018; results.json har ingen udgift pr. borger \(intet ydelsespanel\)$/);
    expect(yearly.netSavings).toBeCloseTo(312 * 280 - 2_500_000, 6);
    const seSaving = yearly.savingPerParticipant.se!;
    expect(yearly.se).toBeCloseTo(Math.sqrt(312 ** 2 * seSaving ** 2 + 280 ** 2 * 20_997.6), 4);
  });

  it("businessCase with the expenditure and curves that end early says only the days-to-first-exit tables are at the shorter horizon", () => {
    // the curves end at day 70 in both arms; asked for a 91-day horizon they are answered at 70, the expenditure at its own 91
    const results = panelResults();
    results.daysSaved.tau = 91;
    results.daysToFirstExit = { estimate: null, se: null, tau: 91 };
    results.expenditure.saving.tau = 91;
    const result = businessCase(config, { results });
    expect([result.horizonDays, result.yearly!.savingPerParticipant.tau, result.savingBasis]).toEqual([70, 91, "expenditure"]);
    expect(result.notes).toContain(
      "Kaplan-Meier-kurverne i results.json rækker kun til 70 dage i begge grupper, så besparelsen uge for uge og den forenklede beregning (dage til første afgang) er beregnet ved 70 dage; et år i drift og årene bygger på udgiften pr. borger ved 91 dage.",
    );
    expect(result.notes.some((note) => note.startsWith("Tidligt kig"))).toBe(false);
  });

  it("businessCase with --days-saved is a what-if on days even when results have the expenditure", () => {
    const yearly = businessCase(config, { results: panelResults(), daysSaved: 2.8 }).yearly!;
    expect(yearly.savingPerParticipant.source).toBe("what-if");
    expect(yearly.savingPerParticipant.estimate).toBeCloseTo(560, 9);
  });

  it("businessCase takes the year of operation, its intake and cost as asked, and after the budget the last budget year's cost", () => {
    const result = businessCase(config, { results: panelResults(), operatingYear: 2017 });
    expect([result.yearly!.year, result.yearly!.intake.value, result.yearly!.intake.uncertainty, result.yearly!.intake.weeks]).toEqual([2017, 520, "known", []]);
    expect(result.yearly!.netSavings).toBeCloseTo(520 * 5000 - 2_500_000, 6);
    const later = businessCase(config, { results: panelResults(), operatingYear: 2020 }).yearly!;
    expect([later.intake.method, later.cost, later.costSource]).toEqual(["mean", 2_500_000, "som sidste budgetår 2018 (indsatsen fortsætter til samme udgift)"]);
    expect(later.intake.value).toBeCloseTo((520 + 312) / 2, 9);
  });

  it("businessCase with results but no year to count or project does not estimate the year of operation", () => {
    const results = panelResults();
    results.intake.byWeek = results.intake.byWeek.filter((entry: { week: string }) => entry.week >= "2018-W01");
    results.intake.byYear = [{ year: 2018, control: 8, intervention: 6 }];
    const result = businessCase(config, { results });
    expect(result.yearly).toMatchObject({
      year: 2018,
      netSavings: null,
      lower: null,
      probabilityPositive: null,
      notEstimated: "indtaget for et helt år kan ikke findes endnu: 2018 er kun delvist observeret, og der er intet helt år i registret at tage sæsonmønsteret fra; angiv --participants-per-year",
    });
    expect(result.notes[0]).toBe(`Et år i drift (2018) er ikke estimeret: ${result.yearly!.notEstimated}.`);
    // given an intake, it is answered, the intake taken as known
    const given = businessCase(config, { results, participantsPerYear: 1000 }).yearly!;
    expect([given.intake.method, given.intake.uncertainty, given.netSavings]).toEqual(["given", "known", expect.closeTo(1000 * 5000 - 2_500_000, 6)]);
    expect(given.se).toBeCloseTo(1000 * 2000, 6);
    expect(given.probabilityPositive).toBeCloseTo(normalCdf(2_500_000 / 2_000_000), 12);
  });
});
