/**
 * Paths through benefit states from the weekly panel, worked by hand: a return to
 * A-dagpenge, a move to sickness benefit, a citizen with 30 prior weeks on support, a move
 * away, the entry-week rule, the reset of the count of support weeks and unknown codes.
 */
import { DEFAULT_BENEFIT_STATES } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { benefitPaths, codeBook, pathEpisodes, readWeek, unknownBenefitCodes } from "../../src/evaluation/benefit-paths.ts";
import type { BenefitWeek } from "../../src/evaluation/read-inputs.ts";
import { ASOF, COHORT, member, PANEL, weeks } from "./path-fixtures.ts";

describe("benefitPaths", () => {
  it("benefitPaths(panel) follows a return to A-dagpenge, a move to sickness benefit and 30 prior weeks on support", () => {
    const set = benefitPaths(PANEL, COHORT, ASOF, DEFAULT_BENEFIT_STATES);
    const byPerson = Object.fromEntries(set.paths.map((path) => [path.member.pseudonym, path]));
    const view = (pseudonym: string) => {
      const path = byPerson[pseudonym]!;
      return {
        followUp: path.followUp,
        movedAway: path.movedAway,
        prior: path.priorSupportWeeks,
        returns: path.returns,
        weeks: path.weeks.map((week) => `${week.from}-${week.to - 1} ${DEFAULT_BENEFIT_STATES.states[week.state]!.name} #${week.supportWeek}`),
      };
    };
    expect(view("p1")).toEqual({
      followUp: 33,
      movedAway: false,
      prior: 0,
      returns: 1,
      weeks: ["0-4 adp #1", "5-11 adp #2", "12-18 job #2", "19-25 adp #3", "26-32 adp #4"],
    });
    expect(view("p2")).toEqual({
      followUp: 35,
      movedAway: false,
      prior: 0,
      returns: 0,
      weeks: ["0-6 adp #1", "7-13 adp #2", "14-20 sickness #3", "21-27 sickness #4", "28-34 sickness #5"],
    });
    expect(view("p3")).toEqual({
      followUp: 28,
      movedAway: false,
      prior: 30,
      returns: 0,
      weeks: ["0-6 adp #31", "7-13 adp #32", "14-20 adp #33", "21-27 adp #34"],
    });
    // The multi-state episodes: (start, stop], the state, the state entered at stop (null: censored).
    expect(pathEpisodes(byPerson["p1"]!)).toEqual([
      { start: 0, stop: 12, from: 0, to: 4 },
      { start: 12, stop: 19, from: 4, to: 0 },
      { start: 19, stop: 33, from: 0, to: null },
    ]);
    expect(pathEpisodes(byPerson["p2"]!)).toEqual([
      { start: 0, stop: 14, from: 0, to: 1 },
      { start: 14, stop: 35, from: 1, to: null },
    ]);
  });

  it("benefitPaths(panel) ends follow-up at the first week with only a moved-away code, and counts who has no path", () => {
    const cohort = [
      member("mover", "control", "2017-01-02"),
      member("late", "control", "2017-02-06"),
      member("none", "intervention", "2017-01-02"),
      member("nextWeek", "intervention", "2017-01-06"),
      { ...member("voided", "control", "2017-01-02"), voided: true },
    ];
    const panel = [
      ...weeks("mover", 2017, 1, 2, "111"),
      ...weeks("mover", 2017, 3, 5, "997"),
      ...weeks("late", 2017, 6, 6, "111"),
      ...weeks("none", 2017, 1, 3, "130"),
      // Friday 6 January: the panel registers A-dagpenge from the next week; the entry week counts as A-dagpenge.
      ...weeks("nextWeek", 2017, 2, 5, "111"),
    ];
    const set = benefitPaths(panel, cohort, ASOF, DEFAULT_BENEFIT_STATES);
    expect(set.paths.map((path) => [path.member.pseudonym, path.followUp, path.movedAway, path.weeks.length])).toEqual([
      ["mover", 14, true, 2],
      ["nextWeek", 31, false, 5],
    ]);
    expect(set.paths[1]!.weeks[0]).toEqual({ from: 0, to: 3, state: 0, public: true, code: "111", supportWeek: 1 });
    expect([set.lateEntry, set.noUnemploymentWeek, set.voided]).toEqual([
      { control: 1, intervention: 0 },
      { control: 0, intervention: 1 },
      { control: 1, intervention: 0 },
    ]);
  });

  it("benefitPaths(panel) starts the count of support weeks again after 52 weeks in a row without support", () => {
    const cohort = [member("long-ago", "control", "2017-01-02"), member("recent", "control", "2017-01-02")];
    const panel = [
      // 10 weeks in 2015, then 2015-W51 .. 2016-W52 without support (54 weeks): the count starts again.
      ...weeks("long-ago", 2015, 41, 50, "130"),
      // 10 weeks in 2016 ending 2016-W02, then 51 weeks without: still counted.
      ...weeks("recent", 2015, 46, 53, "130"),
      ...weeks("recent", 2016, 1, 2, "890"),
      ...weeks("long-ago", 2017, 1, 2, "111"),
      ...weeks("recent", 2017, 1, 2, "111"),
    ];
    const set = benefitPaths(panel, cohort, "2017-01-16", DEFAULT_BENEFIT_STATES);
    expect(set.paths.map((path) => [path.member.pseudonym, path.priorSupportWeeks, path.weeks.map((week) => week.supportWeek)])).toEqual([
      ["long-ago", 0, [1, 2]],
      ["recent", 10, [11, 12]],
    ]);
  });

  it("readWeek(book, codes) takes the first listed state, and a state's code over a moved-away code", () => {
    const book = codeBook(DEFAULT_BENEFIT_STATES);
    expect(readWeek(book, ["890", "111"])).toEqual({ state: 0, code: "111", censor: false });
    expect(readWeek(book, ["997", "890"])).toEqual({ state: 1, code: "890", censor: true });
    expect(readWeek(book, ["997"])).toEqual({ state: null, code: "", censor: true });
    expect(readWeek(book, undefined)).toEqual({ state: 4, code: "", censor: false });
    expect(readWeek(book, ["selvforsørgelse"])).toEqual({ state: 4, code: "selvforsørgelse", censor: false });
  });

  it("unknownBenefitCodes(panel) names the first row of each code the configuration does not know, without quoting it", () => {
    const book = codeBook(DEFAULT_BENEFIT_STATES);
    const panel: BenefitWeek[] = [
      { pseudonym: "a", week: "2017-W01", code: "111", line: 2 },
      { pseudonym: "a", week: "2017-W02", code: "140", line: 3 },
      { pseudonym: "b", week: "2017-W02", code: " 140 ", line: 4 },
      { pseudonym: "b", week: "2017-W03", code: "", line: 5 },
      { pseudonym: "b", week: "2017-W04", code: "A-DAGPENGE", line: 6 },
    ];
    const problems = unknownBenefitCodes(panel, book, "panel.csv", "Ydelseskode");
    expect(problems).toEqual([
      {
        file: "panel.csv",
        row: 3,
        column: "Ydelseskode",
        code: "benefit_code_unknown",
        message: "the benefit code is not in the configuration's benefitStates (2 rows have this code; this is the first)",
        fix: "add the code to the codes of a state in benefitStates.states of the trial configuration (or to censorCodes if it means moved away), or set benefitStates.otherCodesState",
        facts: { foundCount: 2 },
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain("140");
    expect(unknownBenefitCodes(panel, codeBook({ ...DEFAULT_BENEFIT_STATES, otherCodesState: "cash" }), "panel.csv", "Ydelseskode")).toEqual([]);
  });
});
