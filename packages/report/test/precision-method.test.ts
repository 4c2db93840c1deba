import { describe, expect, it } from "vitest";
import { buildReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

describe("buildReport precision method", () => {
  it("words a known method in the report's language", async () => {
    const results = rawResults();
    results.precision.methodKey = "expected-information";
    const danish = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "da" });
    const english = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "en" });
    expect(danish.html).toContain("Fremskrivning efter forventet information");
    expect(danish.html).not.toContain("Projection by expected information");
    expect(english.html).toContain("Projection by expected information");
  });

  it("shows the results' own wording for a method it does not know", async () => {
    const results = rawResults();
    results.precision.methodKey = "some-future-method";
    results.precision.method = "A method described only in English.";
    const danish = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "da" });
    expect(danish.html).toContain("A method described only in English.");
  });
});
