import { describe, expect, it } from "vitest";
import { businessCase } from "../src/business-case.ts";
import { formatBusinessCaseTable, formatDays, formatKroner, formatShare } from "../src/format.ts";
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
    const order = ["Forudsætninger", "Besparelse pr. deltager", "Forenklet beregning", "Uge for uge", "Nettobesparelse pr. år", "Scenarie", "Break-even", "Følsomhed", "Implicitte tal"].map((title) =>
      table.indexOf(`\n${title}`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(table).toMatch(/Højeste dagpengesats 2017 \(pr\. dagpengedag\) +849 kr\. +Højeste dagpengesats 2017: 849 kr\. pr\. dag/);
    expect(table).toMatch(/Projektudgift 2017 +2\.500\.000 kr\. +konfigurationens budget\.years/);
  });
});
