import { describe, expect, it } from "vitest";
import { businessCase } from "../src/business-case.ts";
import { businessCaseSections, formatBusinessCaseTable, formatDays, formatKroner, formatShare } from "../src/format.ts";
import { esbjergConfig } from "./helpers.ts";

describe("Danish number formatting", () => {
  it("formatKroner(1700000) writes thousands with dots and kr.", () => {
    expect(formatKroner(1_700_000)).toBe("1.700.000 kr.");
    expect(formatKroner(-1_033_366.97)).toBe("-1.033.367 kr.");
    expect(formatKroner(-0.4)).toBe("0 kr.");
  });

  it("formatDays(9.3) writes a decimal comma and dage", () => {
    expect(formatDays(9.3)).toBe("9,3 dage");
    expect(formatDays(1)).toBe("1,0 dag");
    expect(formatDays(0.0512, 2)).toBe("0,05 dage");
  });

  it("formatShare(0.6192) writes a percentage with a decimal comma and no non-breaking space", () => {
    expect(formatShare(0.61923)).toBe("61,9 %");
  });
});

describe("formatBusinessCaseTable", () => {
  it("formatBusinessCaseTable(result) prints every input and its source above the figures, without non-breaking spaces", () => {
    const table = formatBusinessCaseTable(businessCase(esbjergConfig(), { daysSaved: 9, participantsPerYear: 1000 }));
    expect(table).not.toMatch(/[\u00a0\u202f\u2212]/);
    const order = ["Et år i drift", "Forudsætninger", "Besparelse pr. deltager", "Forenklet beregning", "Uge for uge", "Nettobesparelse pr. år", "Scenarie", "Break-even", "Følsomhed", "Implicitte tal"].map((title) =>
      table.indexOf(`\n${title}`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(table).toMatch(/Højeste dagpengesats 2017 \(pr\. dagpengedag; øvre grænse\) +849 kr\. +Højeste dagpengesats 2017: 849 kr\. pr\. dag/);
    expect(table).toMatch(/Projektudgift 2017 +2\.500\.000 kr\. +konfigurationens budget\.years/);
  });
});

describe("formatBusinessCaseTable: what the figures cannot say", () => {
  const table = formatBusinessCaseTable(businessCase(esbjergConfig(), { daysSaved: 9, participantsPerYear: 1000 }));

  it("formatBusinessCaseTable writes a year no saved day reaches as ikke estimeret, never 0 kr.", () => {
    // base scenario: entries in 2017-2018, horizon 364 days: nothing falls in 2020
    const row2020 = table.split("\n").find((line) => line.startsWith("2020"))!;
    expect(row2020.split(/ {2,}/)).toEqual(["2020", "0", "0 kr.", "ikke estimeret", "-", "ikke estimeret", "-", "-", "-"]);
    expect(table).toContain("- 2020 er ikke estimeret: ingen sparede dage inden for horisonten på 364 dage falder i 2020.");
  });

  it("formatBusinessCaseTable says P(net > 0) is a normal approximation and the maximum rate an upper bound", () => {
    expect(table).toMatch(/95 % øvre +P\(netto > 0\), normalapprox\.\n/);
    expect(table).toContain("Højeste sats pr. dagpengedag (øvre grænse)");
    expect(table).toContain("- Satserne er den højeste dagpengesats: en øvre grænse, for ikke alle ledige får højeste sats; bruttobesparelsen ved en given effekt er derfor også en øvre grænse.");
  });
});

describe("businessCaseSections", () => {
  it("businessCaseSections gives the XLSX a year that is not estimated as words in the money columns, not a 0", () => {
    const sections = businessCaseSections(businessCase(esbjergConfig(), { daysSaved: 9, participantsPerYear: 1000 }));
    const yearly = sections.find((section) => section.title.startsWith("Nettobesparelse pr. år"))!;
    expect(yearly.columns.at(-1)).toBe("P(netto > 0), normalapprox.");
    const row2020 = yearly.rows.find((row) => row[0]!.value === "2020")!;
    expect(row2020.slice(2).map((cell) => cell.value)).toEqual([0, "ikke estimeret", null, "ikke estimeret", null, null, null]);
  });
});
