/**
 * parseIndicatorSpec words every problem with its JSON path, in Danish and in English:
 * the definitions' own rules, unknown and missing fields, a wrong kind, limits.
 */
import { describe, expect, it } from "vitest";
import { IndicatorsError, parseIndicatorSpec, type IndicatorSpecInput } from "../src/index.ts";

const valid = (): IndicatorSpecInput => ({
  project: { id: "test", title: { da: "Test", en: "Test" } },
  indicators: [
    {
      id: "samtaler",
      title: { da: "Samtaler", en: "Conversations" },
      measure: { kind: "weeklyEvents", events: ["samtale"] },
      period: { from: "2020-01-01", to: "2020-12-31" },
      target: { kind: "atLeast", value: 390 },
    },
  ],
});

function problemsOf(value: unknown): { da: string; en: string }[] {
  try {
    parseIndicatorSpec(value);
  } catch (error) {
    if (error instanceof IndicatorsError && error.issue.code === "spec_invalid") return error.issue.problems;
    throw error;
  }
  throw new Error("expected the definitions to be refused");
}

describe("parseIndicatorSpec", () => {
  it("accepts a valid file and fills in the minimum cell size 5", () => {
    expect(parseIndicatorSpec(valid()).minCellSize).toBe(5);
  });

  it("names each problem by its path, in Danish and in English", () => {
    const spec = valid() as Record<string, any>;
    spec["minCellSize"] = 2;
    spec["indicators"][0].extra = 1;
    spec["indicators"][0].period = { from: "2020-12-31", to: "2020-01-01" };
    spec["indicators"][0].target = { kind: "mindst", value: 35 };
    spec["indicators"][0].title.da = " ";
    delete spec["indicators"][0].measure.events;
    expect(problemsOf(spec)).toEqual([
      { da: "$.minCellSize skal være mindst 3", en: "$.minCellSize must be at least 3" },
      { da: "$.indicators[0].title.da må ikke være tom", en: "$.indicators[0].title.da must not be empty" },
      { da: "$.indicators[0].measure.events mangler; tilføj feltet (array)", en: "$.indicators[0].measure.events is missing; add it (array)" },
      { da: "$.indicators[0].period.to from må ikke ligge efter to", en: "$.indicators[0].period.to from must not be after to" },
      { da: '$.indicators[0].target.kind skal være "atMost", "atLeast" eller "change"', en: '$.indicators[0].target.kind must be "atMost", "atLeast" or "change"' },
      { da: '$.indicators[0] ukendt felt "extra"; fjern det eller ret stavemåden', en: '$.indicators[0] unknown field "extra"; remove or correct the spelling' },
    ]);
  });

  it("words the rules across indicators: an id used twice, a change without a baseline, points for a count", () => {
    const spec = valid() as Record<string, any>;
    spec["indicators"].push({ ...spec["indicators"][0], target: { kind: "change", direction: "increase", by: 5, unit: "points" } });
    expect(problemsOf(spec)).toEqual([
      { da: '$.indicators[1].id "samtaler" er brugt to gange', en: '$.indicators[1].id "samtaler" is used twice' },
      { da: "$.indicators[1].baseline et mål om en ændring kræver en basislinje (baseline)", en: "$.indicators[1].baseline a change target needs a baseline" },
      { da: '$.indicators[1].target.unit "points" gælder andele; brug "number" eller "percent"', en: '$.indicators[1].target.unit "points" is for shares; use "number" or "percent"' },
    ]);
  });

  it("the error's message lists the problems in the language asked for", () => {
    const spec = valid() as Record<string, any>;
    spec["minCellSize"] = 2;
    const error = (() => {
      try {
        parseIndicatorSpec(spec, "data/x/indicators.json");
      } catch (caught) {
        return caught as IndicatorsError;
      }
      throw new Error("expected the definitions to be refused");
    })();
    expect(error.messageIn("da")).toBe("data/x/indicators.json er ikke en gyldig indikatorfil: $.minCellSize skal være mindst 3; ret felterne og kør igen.");
    expect(error.messageIn("en")).toBe("data/x/indicators.json is not a valid indicator file: $.minCellSize must be at least 3; correct the fields and run again.");
  });
});
