import { describe, expect, it } from "vitest";
import { businessCase } from "../src/business-case.ts";
import { BusinessCaseError, type BusinessCaseIssueCode } from "../src/messages.ts";
import { BusinessCaseSchema } from "../src/schema.ts";
import { normalCdf } from "@jobtrial/survival";
import { esbjergConfig, flatRates, STANDARD_STEPS, stepResults, trialDaysResults } from "./helpers.ts";

function issueCode(run: () => unknown): BusinessCaseIssueCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessCaseError) return error.issue.code;
    throw error;
  }
  return undefined;
}

describe("businessCase: hand-worked cases", () => {
  it("businessCase(config, { daysSaved }) with a flat effect gives the same saving per participant in both modes", () => {
    // Flat what-if: the curves differ by 9/364 on every day of the 364-day horizon; one rate for every year.
    // Benefit per calendar day = 849 x 5 / 7 = 606.43 kr.; average share over 52 weeks = (4 x 0.2 + 22 x 0.6 + 26 x 0.7) / 52 = 32.2 / 52
    // Weekly model = sum over weeks of (9 / 52) x 7 x 606.43 x share = 9 x 606.43 x 32.2 / 52 = simple mode = 3,379.67 kr.
    const config = esbjergConfig(flatRates(849, STANDARD_STEPS));
    const result = businessCase(config, { daysSaved: 9, participantsPerYear: 1000 });
    const expected = (9 * 849 * 5) / 7 * (32.2 / 52);
    expect(result.perParticipant[0]!.saving).toBeCloseTo(expected, 6);
    expect(result.perParticipant[0]!.simple.saving).toBeCloseTo(expected, 6);
    expect(result.perParticipant[0]!.simple.averageShare).toBeCloseTo(32.2 / 52, 12);
    expect(result.profile).toBe("flat");
    expect(result.years[0]!.lower).toBeNull();
  });

  it("businessCase prices each saved week at its own co-financing step when the step changes inside the saved period", () => {
    // Rate 700 kr. per benefit day -> 700 x 5 / 7 = 500 kr. per calendar day; shares 20 % weeks 1-4, 60 % from week 5.
    // Week 4: 0.1 x 7 days x 500 x 0.2 = 70 kr.; week 5: 0.1 x 7 x 500 x 0.6 = 210 kr.; per participant 280 kr.
    // Simple mode: 1.4 days x 500 x average share over 10 weeks (4 x 0.2 + 6 x 0.6) / 10 = 0.44 -> 308 kr.
    const config = esbjergConfig(flatRates(700, [{ fromWeek: 1, share: 0.2 }, { fromWeek: 5, share: 0.6 }]));
    const result = businessCase(config, { results: stepResults() });
    expect(result.daysSaved.estimate).toBeCloseTo(1.4, 12);
    expect(result.perParticipant[0]!.saving).toBeCloseTo(280, 9);
    expect(result.perParticipant[0]!.simple.saving).toBeCloseTo(308, 9);
    const week4 = result.weeks.find((week) => week.week === 4)!;
    const week5 = result.weeks.find((week) => week.week === 5)!;
    expect([week4.daysSaved, week4.share, week4.saving]).toEqual([expect.closeTo(0.7, 12), 0.2, expect.closeTo(70, 9)]);
    expect([week5.daysSaved, week5.share, week5.saving]).toEqual([expect.closeTo(0.7, 12), 0.6, expect.closeTo(210, 9)]);
    // Ten entries in 2017, uniform over its 365 days: spell day k falls in 2017 for (365 - k) of them.
    // 2017: 10 x [10 kr. x sum_{k=21..27} (365 - k)/365 + 30 kr. x sum_{k=28..34} (365 - k)/365]
    //     = 10 x (10 x 2387 + 30 x 2338) / 365 = 940100 / 365 = 2,575.62 kr.
    // 2018 (no 2018 count: the mean of observed years, 10): the 2017 spill 10 x (10 x 168 + 30 x 217) / 365 = 224.38 kr.
    //      plus the 2018 cohort's own 2,575.62 kr. = 2,800 kr. = 10 x 280.
    expect(result.years[0]!.grossSavings).toBeCloseTo(940100 / 365, 9);
    expect(result.years[1]!.grossSavings).toBeCloseTo(2800, 9);
    expect(result.years[0]!.netSavings).toBeCloseTo(940100 / 365 - 2_500_000, 6);
  });

  it("businessCase places saved days in the calendar years they fall in, entries uniform within the year", () => {
    // One share (50 %) and rate: price 849 x 5/7 x 0.5 per day; flat 9 days over 364 days.
    // Share of a 2017 cohort's saved days falling in 2017 = (1/364) sum_{k=0..363} (365 - k)/365 = 1 - 363/730.
    const config = esbjergConfig(flatRates(849, [{ fromWeek: 1, share: 0.5 }]));
    const result = businessCase(config, { daysSaved: 9, participantsPerYear: 1000 });
    const cohortSaving = ((9 * 849 * 5) / 7) * 0.5;
    expect(result.years.map((year) => year.year)).toEqual([2017, 2018, 2019, 2020]);
    expect(result.years[0]!.grossSavings).toBeCloseTo(1000 * cohortSaving * (1 - 363 / 730), 6);
    expect(result.years[1]!.grossSavings).toBeCloseTo(1000 * cohortSaving, 6);
    expect(result.years[2]!.grossSavings).toBeCloseTo(1000 * cohortSaving * (363 / 730), 6);
    // 2020: the 2018 cohort's saved days end in 2019, so nothing within the horizon falls in 2020: not estimated, not 0
    expect(result.years[3]).toMatchObject({ year: 2020, grossSavings: null, netSavings: null, notEstimated: "ingen sparede dage inden for horisonten på 364 dage falder i 2020" });
    expect(result.total.netSavings).toBeCloseTo(2000 * cohortSaving - 5_000_000, 5);
  });

  it("businessCase with a zero effect saves nothing, loses the cost and has no break-even intake", () => {
    const results = trialDaysResults();
    results.km.intervention = results.km.control;
    results.daysSaved = { estimate: 0, se: 3.9, lower: -7.6, upper: 7.6, tau: 364 };
    const result = businessCase(esbjergConfig(), { results });
    // a zero effect is an estimate of 0 where saved days fall (2017-2019); 2020 is not reached: not estimated
    expect(result.years.map((year) => year.grossSavings)).toEqual([0, 0, 0, null]);
    expect(result.years.map((year) => year.netSavings)).toEqual([-2_500_000, -2_500_000, 0, null]);
    expect(result.breakEvenParticipantsPerYear).toBeNull();
    expect(result.breakEvenBasis).toBe("flat");
    // the zero estimate is still uncertain: P(net > 0) = Phi(net / se) with the delta-method se, below one half
    const { netSavings, se } = result.total;
    expect(result.total.probabilityPositive).toBeCloseTo(normalCdf(netSavings / se!), 6);
    expect(result.total.probabilityPositive!).toBeLessThan(0.5);
  });

  it("businessCase's breakEvenDaysSaved, put back in as days saved, gives zero net savings (measured curves)", () => {
    const config = esbjergConfig();
    const measured = businessCase(config, { results: trialDaysResults() });
    expect(measured.breakEvenDaysSaved).toBeGreaterThan(measured.daysSaved.estimate);
    const atBreakEven = businessCase(config, { results: trialDaysResults(), daysSaved: measured.breakEvenDaysSaved! });
    expect(atBreakEven.profile).toBe("measured-scaled");
    expect(atBreakEven.total.netSavings).toBeCloseTo(0, 4);
  });

  it("businessCase's breakEvenDaysSaved and breakEvenParticipantsPerYear solve back to zero (what-if)", () => {
    const config = esbjergConfig();
    const whatIf = businessCase(config, { daysSaved: 9, participantsPerYear: 1000 });
    expect(businessCase(config, { daysSaved: whatIf.breakEvenDaysSaved!, participantsPerYear: 1000 }).total.netSavings).toBeCloseTo(0, 4);
    expect(businessCase(config, { daysSaved: 9, participantsPerYear: whatIf.breakEvenParticipantsPerYear! }).total.netSavings).toBeCloseTo(0, 4);
    // the zero-effect break-even (flat basis) also solves back
    const results = trialDaysResults();
    results.km.intervention = results.km.control;
    results.daysSaved.estimate = 0;
    const zero = businessCase(config, { results });
    const observedIntake = zero.years.filter((year) => year.participants > 0).map((year) => year.participants);
    expect(observedIntake).toHaveLength(2);
    expect(businessCase(config, { results, daysSaved: zero.breakEvenDaysSaved! }).total.netSavings).toBeCloseTo(0, 4);
  });

  it("businessCase's SE per participant with a constant price is price x R's SE of the RMST difference", () => {
    // price = 849 x 5/7 x 0.5 every day; R: se of the RMST difference at tau 364 = 3.9493538488249924
    const config = esbjergConfig(flatRates(849, [{ fromWeek: 1, share: 0.5 }]));
    const result = businessCase(config, { results: trialDaysResults() });
    const price = ((849 * 5) / 7) * 0.5;
    expect(result.uncertaintyMethod).toBe("delta");
    expect(result.perParticipant[0]!.se).toBeCloseTo(price * 3.9493538488249924, 6);
    expect(result.perParticipant[0]!.saving).toBeCloseTo(price * 3.5806574087425815, 6);
  });
});

describe("businessCase on the bundled results (trial_days, R's survfit tables)", () => {
  const result = businessCase(esbjergConfig(), { results: trialDaysResults() });

  it("businessCase(config, { results }) follows BusinessCaseSchema and net = gross - grant - cost every year", () => {
    expect(BusinessCaseSchema.safeParse(result).success).toBe(true);
    for (const year of [...result.years.slice(0, 3), result.total]) expect(year.netSavings!).toBeCloseTo(year.grossSavings! - year.regionalGrant! - year.cost, 6);
  });

  it("businessCase(config, { results }) gives intervals around net savings in the years with savings", () => {
    // R: days saved at tau 364 = 3.5806574087425815, se 3.9493538488249924
    expect(result.daysSaved.estimate).toBeCloseTo(3.5806574087425815, 9);
    expect(result.daysSaved.se).toBeCloseTo(3.9493538488249924, 9);
    for (const year of result.years.slice(0, 3)) {
      expect(year.lower!).toBeLessThan(year.netSavings!);
      expect(year.upper!).toBeGreaterThan(year.netSavings!);
      expect(year.probabilityPositive!).toBeGreaterThan(0);
      expect(year.probabilityPositive!).toBeLessThan(1);
    }
    // 2020: no saved day within the 364-day horizon falls in it: not estimated (null and a reason), never 0 kr. (0 to 0)
    expect(result.years[3]).toEqual({
      year: 2020,
      participants: 0,
      cost: 0,
      grossSavings: null,
      regionalGrant: null,
      netSavings: null,
      se: null,
      lower: null,
      upper: null,
      probabilityPositive: null,
      notEstimated: "ingen sparede dage inden for horisonten på 364 dage falder i 2020",
    });
    expect(result.notes).toContain("2020 er ikke estimeret: ingen sparede dage inden for horisonten på 364 dage falder i 2020.");
  });

  it("businessCase(config, { results }) counts a whole year and never scales up the first weeks of a partial one", () => {
    // 2017: 1,650 entries over all 365 days; 2018: 315 entries in 59 days (1 Jan - 28 Feb) and no weekly counts to
    // take a seasonal pattern from: not 315 x 365 / 59 but the mean of the whole years, 1,650, and said so
    expect(result.years[0]!.participants).toBe(1650);
    expect(result.years[1]!.participants).toBe(1650);
    expect(result.assumptions.find((entry) => entry.key === "participants.2018")!.source).toBe(
      "gennemsnit af 2017 i registret (2018 er kun delvist observeret og ikke fremskrevet: results.json har ingen ugetal at tage sæsonmønsteret fra, og 59 dage tælles ikke op til et år)",
    );
    // the year of operation is the latest year counted whole: 2017, its intake taken as known
    expect([result.yearly!.year, result.yearly!.intake.value, result.yearly!.intake.uncertainty]).toEqual([2017, 1650, "known"]);
  });

  it("businessCase(config, { results }) orders the sensitivity by impact and covers the issue's inputs", () => {
    const impacts = result.sensitivity.map((line) => line.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(result.sensitivity.map((line) => line.key).sort()).toEqual(["benefitRate", "cofinancing", "effect", "horizon", "intake", "priorWeeks", "regionalGrant"]);
    const effect = result.sensitivity.find((line) => line.key === "effect")!;
    expect([effect.netLow, effect.netHigh]).toEqual([result.total.lower, result.total.upper]);
  });

  it("businessCase(config, { results }) states what the project's 9 days and 1.7M imply about intake, beside the register", () => {
    const implied = result.implied;
    // one year's cost + expected net = intake x saving per participant at 9 days
    expect(implied.impliedParticipantsPerYear! * implied.savingPerParticipantAtExpected).toBeCloseTo(2_500_000 + 1_700_000, 4);
    expect(implied.impliedParticipantsPerWeek).toBeCloseTo(implied.impliedParticipantsPerYear! / 52, 9);
    // register: 2017 counted whole (2018 is partial and not projected)
    expect(implied.observedParticipantsPerYear).toBe(1650);
  });

  it("businessCase(config, { results }) adds the continued-programme scenario at the same cost after 2018", () => {
    const continued = result.scenarios.find((scenario) => scenario.key === "continued")!;
    expect(continued.years.map((year) => year.cost)).toEqual([2_500_000, 2_500_000, 2_500_000, 2_500_000]);
    expect(continued.years[2]!.participants).toBeGreaterThan(0);
    expect(continued.savedDaysAfterPeriod).toBeGreaterThan(0);
  });

  it("businessCase reads the intake window from byWeek and asOf of a full results file, and null (suppressed) counts as 0", () => {
    const results = trialDaysResults();
    delete results.intake.from;
    delete results.intake.to;
    results.asOf = "2018-03-01";
    results.intake.byWeek = [{ week: "2017-W01" }, { week: "2018-W09" }];
    results.intake.byYear.push({ year: 2019, control: null, intervention: null });
    const full = businessCase(esbjergConfig(), { results });
    // window 2017-01-02 (Monday of 2017-W01) to 2018-02-28 (the day before asOf): 364 days of 2017 (annualized), 59 of 2018 (not counted up)
    expect(full.years[0]!.participants).toBeCloseTo((1650 * 365) / 364, 9);
    expect(full.years[1]!.participants).toBeCloseTo((1650 * 365) / 364, 9);
    expect(full.notes.some((note) => note.includes("2019"))).toBe(true);
  });
});

describe("businessCase: bad input is an error, not a number", () => {
  const config = esbjergConfig();

  it("businessCase rejects negative days saved", () => {
    expect(issueCode(() => businessCase(config, { daysSaved: -3 }))).toBe("negative_days_saved");
  });

  it("businessCase rejects a year in which saved days fall but the configuration has no rate", () => {
    // The 2018 cohort's saved days reach 2019; keep only the project years 2017 and 2018.
    const short = esbjergConfig((raw) => {
      raw.money.years = raw.money.years.filter((year) => year.year <= 2018);
    });
    expect(issueCode(() => businessCase(short, { daysSaved: 9 }))).toBe("rate_year_missing");
    expect(() => businessCase(short, { daysSaved: 9 })).toThrow(/money\.years i konfigurationen har ingen post for 2019/);
  });

  it("businessCase rejects results from another trial", () => {
    const results = trialDaysResults();
    results.trial.id = "odense-2017";
    expect(() => businessCase(config, { results })).toThrow('Resultaterne er fra forsøget "odense-2017", men konfigurationen er for "esbjerg-2017"');
  });

  it("businessCase rejects results without the Kaplan-Meier tables, naming the field", () => {
    const results = trialDaysResults();
    delete results.km;
    expect(() => businessCase(config, { results })).toThrow(/\$\.km/);
  });

  it("businessCase rejects a horizon given beyond the follow-up of the curves, naming the longest one with data", () => {
    expect(issueCode(() => businessCase(config, { results: trialDaysResults(), horizonDays: 500 }))).toBe("horizon_beyond_follow_up");
    expect(() => businessCase(config, { results: trialDaysResults(), horizonDays: 500 })).toThrow(/vælg --horizon \d+ eller kortere .*--days-saved <dage> uden --results/);
  });

  it("businessCase rejects results whose days saved disagree with their own curves", () => {
    const results = trialDaysResults();
    results.daysSaved.estimate = 9;
    expect(issueCode(() => businessCase(config, { results }))).toBe("results_inconsistent");
  });

  it("businessCase compares the curves with daysToFirstExit when daysSaved measures days on A-dagpenge", () => {
    // with the benefit panel daysSaved is days on A-dagpenge (re-entries counted), not the area between the first-spell curves
    const results = trialDaysResults();
    results.daysToFirstExit = { ...results.daysSaved };
    results.daysSaved = { estimate: 2.1, se: 4, lower: -5.7, upper: 9.9, tau: 364, measure: "days-on-benefit" };
    expect(businessCase(config, { results }).daysSaved.estimate).toBeCloseTo(3.5806574087425815, 9);
    results.daysToFirstExit.estimate = 9;
    expect(issueCode(() => businessCase(config, { results }))).toBe("results_inconsistent");
  });

  it("businessCase accepts curves published with merged steps, a small part of the SE away from the restricted mean, and says so", () => {
    // analyze merges Kaplan-Meier steps to the minimum cell size; the area moves by less than a quarter of the SE (3.95 days: 0.99)
    const results = trialDaysResults();
    results.daysSaved.estimate = 3.5806574087425815 + 0.9;
    const result = businessCase(config, { results });
    expect(result.daysSaved.estimate).toBeCloseTo(3.5806574087425815, 9);
    expect(result.notes).toContain(
      "Kaplan-Meier-kurverne i results.json er offentliggjort med trin samlet til mindste cellestørrelse: arealet mellem dem er 3,58 dage mod 4,48 dage til første afgang i results.json; prisen på dage til første afgang bygger på de offentliggjorte kurver.",
    );
    results.daysSaved.estimate = 3.5806574087425815 + 1.0;
    expect(issueCode(() => businessCase(config, { results }))).toBe("results_inconsistent");
  });
});

/** The trial_days results as an early look would see them: control followed to day 189, intervention to day 182. */
function earlyResults() {
  const results = trialDaysResults();
  results.km.control = results.km.control.filter((row: { time: number }) => row.time <= 189);
  results.km.intervention = results.km.intervention.filter((row: { time: number }) => row.time <= 182);
  results.daysSaved = { estimate: null, se: null, lower: null, upper: null, tau: 364 };
  return results;
}

describe("businessCase at an early look", () => {
  const config = esbjergConfig();
  const early = businessCase(config, { results: earlyResults() });

  it("businessCase answers at the longest horizon with data in both arms instead of failing, and labels it", () => {
    expect(early.horizonDays).toBe(182);
    expect(early.horizonShortened).toEqual({ requestedDays: 364, lastFollowUpDays: { control: 189, intervention: 182 } });
    expect(early.assumptions.find((entry) => entry.key === "horizonDays")).toMatchObject({
      value: 182,
      source: "længste horisont med data i begge grupper (tidligt kig: results.json daysSaved.tau på 364 dage ligger ud over opfølgningen)",
    });
    expect(early.notes.find((note) => note.startsWith("Tidligt kig"))).toMatch(/^Tidligt kig: opfølgningen rækker endnu ikke til horisonten på 364 dage .* beregnet ved den længste horisont med data i begge grupper, 182 dage; .*--days-saved <dage>/);
    expect(BusinessCaseSchema.safeParse(early).success).toBe(true);
  });

  it("businessCase at an early look estimates R's RMST difference at 182 days", () => {
    // R (conformance trial_days): summary(survfit(...), rmean = 182): difference 3.1258685154554655, se 2.1186205622633945
    expect(early.daysSaved.estimate).toBeCloseTo(3.1258685154554655, 9);
    expect(early.daysSaved.se).toBeCloseTo(2.1186205622633945, 9);
  });

  it("businessCase at an early look prices as the full curves do with --horizon 182", () => {
    const full = businessCase(config, { results: trialDaysResults(), horizonDays: 182 });
    expect(full.horizonShortened).toBeNull();
    expect(early.years).toEqual(full.years);
    expect(early.total).toEqual(full.total);
    expect(early.perParticipant).toEqual(full.perParticipant);
    expect(early.weeks).toEqual(full.weeks);
  });

  it("businessCase keeps a horizon the user gave and refuses it beyond the follow-up", () => {
    expect(businessCase(config, { results: earlyResults(), horizonDays: 91 }).horizonShortened).toBeNull();
    expect(issueCode(() => businessCase(config, { results: earlyResults(), horizonDays: 364 }))).toBe("horizon_beyond_follow_up");
  });

  it("businessCase with no whole day of follow-up in an arm explains that no horizon is possible yet", () => {
    const results = earlyResults();
    results.km.intervention = [{ ...results.km.intervention[0], time: 0.5 }];
    expect(() => businessCase(config, { results })).toThrow(/der er endnu ingen hel dag med data i begge grupper, eller lav et hvad-nu-hvis med --days-saved/);
  });
});
