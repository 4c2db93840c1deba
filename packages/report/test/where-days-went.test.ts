/**
 * The "where the saved days went" chart and the days-on-A-dagpenge wording of the summary
 * chart, on the fixture's results with a paths block written by hand (hand-worked
 * values; the fixture's own paths, from the simulated benefit panel, are in the goldens of
 * chart-specs.test.ts), and without a paths block (the report leaves the chart out). The spec is kept
 * as golden JSON beside the others' (UPDATE_GOLDEN=1 writes it; a missing golden fails).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ResultsSchema, type Results } from "@jobtrial/analyze";
import { describe, expect, it } from "vitest";
import { whereDaysWentData } from "../src/chart-data.ts";
import { buildCharts } from "../src/chart-specs.ts";
import { specProblems } from "../src/validate-spec.ts";
import { fixtureResults } from "./helpers.ts";

const goldenDir = fileURLToPath(new URL("./golden-paths/", import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";
if (update && process.env["CI"]) throw new Error("UPDATE_GOLDEN=1 in CI: goldens are written on purpose by a person, never by CI");

/** Each arm's days in every state within 364 days (they sum to 364) and the differences, as analyze writes them. */
function withPaths(): Results {
  const results = structuredClone(fixtureResults());
  const days: Record<string, [number, number, boolean]> = { adp: [140, 131, true], sickness: [18, 20.5, true], cash: [22, 24, true], education: [12, 13.5, false], job: [172, 175, false] };
  const entry = (state: string, control: number, intervention: number, isPublic: boolean) => ({
    state,
    public: isPublic,
    control: { estimate: control, se: 3 },
    intervention: { estimate: intervention, se: 3 },
    difference: { estimate: intervention - control, se: 4.25, lower: intervention - control - 8.33, upper: intervention - control + 8.33, p: 0.5 },
  });
  const states = Object.entries(days).map(([state, [control, intervention, isPublic]]) => entry(state, control, intervention, isPublic));
  results.daysSaved = { estimate: 9, se: 4.25, lower: 0.67, upper: 17.33, p: 0.034, tau: 364, measure: "days-on-benefit" };
  results.paths = {
    states: [
      { name: "adp", label: { da: "A-dagpenge", en: "Unemployment benefit (A-dagpenge)" }, public: true },
      { name: "sickness", label: { da: "Sygedagpenge", en: "Sickness benefit" }, public: true },
      { name: "cash", label: { da: "Kontanthjælp", en: "Cash benefit" }, public: true },
      { name: "education", label: { da: "Uddannelse", en: "Education" }, public: false },
      { name: "job", label: { da: "Job og selvforsørgelse", en: "Job and self-support" }, public: false },
    ],
    unemploymentState: "adp",
    analysed: { control: 300, intervention: 310 },
    excluded: [],
    movedAway: { control: 6, intervention: 8 },
    returned: { control: 40, intervention: 35 },
    priorSupport: { control: 90, intervention: 95 },
    byHorizon: [{ tau: 364, states, public: entry("public", 180, 175.5, true) }],
    publicSupportDaysSaved: { estimate: 4.5, se: 4.5, lower: -4.32, upper: 13.32, p: 0.32, tau: 364 },
    whereTheDaysWent: states.filter((state) => state.state !== "adp").map((state) => ({ state: state.state, public: state.public, ...state.difference })),
  };
  return ResultsSchema.parse(results);
}

describe("where the saved days went", () => {
  it("whereDaysWentData(results) gives one row per state at the primary horizon, intervention minus control, summing to zero", () => {
    const rows = whereDaysWentData(withPaths(), "da").states!;
    expect(rows.map((row) => [row["label"], row["support"], row["estimate"]])).toEqual([
      ["A-dagpenge", "Offentlig forsørgelse", -9],
      ["Sygedagpenge", "Offentlig forsørgelse", 2.5],
      ["Kontanthjælp", "Offentlig forsørgelse", 2],
      ["Uddannelse", "Ikke offentlig forsørgelse", 1.5],
      ["Job og selvforsørgelse", "Ikke offentlig forsørgelse", 3],
    ]);
    expect(rows.reduce((sum, row) => sum + (row["estimate"] as number), 0)).toBe(0);
    expect(whereDaysWentData({ ...fixtureResults(), paths: null }, "da")).toEqual({ states: [] });
  });

  it("buildCharts(results with paths) puts the chart after the summary, says A-dagpenge in the summary chart, and both specs are valid Vega-Lite", () => {
    const charts = buildCharts(withPaths(), null, "da", 5);
    expect(charts.slice(0, 2).map((chart) => [chart.id, chart.title])).toEqual([
      ["summary-days", "Færre dage på A-dagpenge pr. borger"],
      ["where-days-went", "Hvor de sparede dage gik hen"],
    ]);
    expect(buildCharts({ ...fixtureResults(), paths: null }, null, "da", 5).map((chart) => chart.id)).not.toContain("where-days-went");
    const problems = charts.slice(0, 2).flatMap((chart) => specProblems(chart.spec));
    expect(problems).toEqual([]);
  });

  it.each(["da", "en"] as const)("spec where-days-went (%s) matches its golden JSON (a missing golden fails; UPDATE_GOLDEN=1 writes it)", (lang) => {
    const chart = buildCharts(withPaths(), null, lang, 5).find((candidate) => candidate.id === "where-days-went")!;
    const file = `${goldenDir}where-days-went.${lang}.vl.json`;
    const actual = JSON.stringify(chart.spec, null, 2) + "\n";
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, actual);
    }
    if (!existsSync(file)) throw new Error(`no golden spec where-days-went.${lang}.vl.json in ${goldenDir}; look at the chart, then write it with UPDATE_GOLDEN=1`);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });
});
