import { describe, expect, it } from "vitest";
import { buildReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

describe("buildReport subgroups", () => {
  it("names the subgroup levels the forest plot cannot show", async () => {
    const results = rawResults();
    const subgroup = results.subgroups[0];
    subgroup.groups[0].daysSaved = null;
    const report = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "en" });
    const note = /<p class="note">Without an estimate[^<]*<\/p>/.exec(report.html)?.[0] ?? "";
    expect(note).toContain(subgroup.groups[0].level);
  });

  it("adds no such note when every level has an estimate", async () => {
    const results = rawResults();
    for (const subgroup of results.subgroups) {
      for (const group of subgroup.groups) Object.assign(group, { n: { control: 40, intervention: 40 }, suppressed: false, daysSaved: { estimate: 1, se: 1, lower: -1, upper: 3 } });
    }
    const report = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "en" });
    expect(report.html).not.toContain("Without an estimate");
  });
});
