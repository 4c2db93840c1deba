import { describe, expect, it } from "vitest";
import { formatMillionDkk } from "../src/format.ts";
import { buildReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

/** The verdict's money sentence from the first page's HTML. */
function moneySentence(html: string): string {
  const verdict = /<div class="verdict"[^>]*>([\s\S]*?)<\/div>/.exec(html)![1]!;
  const paragraphs = [...verdict.matchAll(/<p class="secondary">([\s\S]*?)<\/p>/g)].map((match) => match[1]!);
  return paragraphs.find((paragraph) => /overskud|underskud|surplus|deficit|i drift|in operation/.test(paragraph)) ?? "";
}

describe("buildReport verdict on money", () => {
  it("leads with a year of the programme in operation and its interval when the business case answers it", async () => {
    const businessCase = rawBusinessCase();
    const yearly = businessCase.yearly;
    const report = await buildReport(rawResults(), businessCase, { now: NOW, lang: "da" });
    // The fixture's year of operation loses money, with an interval across zero.
    expect([yearly.year, yearly.netSavings < 0, yearly.lower < 0 && yearly.upper > 0]).toEqual([2018, true, true]);
    const sentence = moneySentence(report.html);
    expect(sentence).toBe(
      `Et år med programmet i drift (2018) koster med den målte effekt ${formatMillionDkk(-yearly.netSavings, "da")} mere, end det sparer. Usikkerheden er stor: med 95 % sikkerhed ligger resultatet mellem ${formatMillionDkk(yearly.lower, "da")} og ${formatMillionDkk(yearly.upper, "da")}, så både overskud og underskud er muligt.`,
    );
    expect(report.html).toContain(`data-figure="netSavings.yearly" data-value="${yearly.netSavings}">${formatMillionDkk(yearly.netSavings, "da")}<`);
  });

  it("says a year that is not estimated is not estimated, never 0 kr.", async () => {
    const businessCase = rawBusinessCase();
    Object.assign(businessCase.yearly, { grossSavings: null, netSavings: null, se: null, lower: null, upper: null, probabilityPositive: null, notEstimated: "intet indtag i året" });
    const danish = await buildReport(rawResults(), businessCase, { now: NOW, lang: "da" });
    expect(moneySentence(danish.html)).toBe("Et år med programmet i drift (2018) kan ikke beregnes endnu: intet indtag i året.");
    expect(danish.html).toContain('<div class="detail">Ikke estimeret: intet indtag i året.</div>');
    const english = await buildReport(rawResults(), businessCase, { now: NOW, lang: "en" });
    expect(moneySentence(english.html)).toBe("A year of the programme in operation (2018) cannot be estimated yet: the business case has no estimate for it.");
  });

  it("gives the business case's own reason in the language it was written in, and the catalogue's reason in the other", async () => {
    const businessCase = rawBusinessCase();
    Object.assign(businessCase, { lang: "en" });
    Object.assign(businessCase.yearly, { grossSavings: null, netSavings: null, se: null, lower: null, upper: null, probabilityPositive: null, notEstimated: "no intake in the year" });
    const english = await buildReport(rawResults(), businessCase, { now: NOW, lang: "en" });
    expect(moneySentence(english.html)).toBe("A year of the programme in operation (2018) cannot be estimated yet: no intake in the year.");
    const danish = await buildReport(rawResults(), businessCase, { now: NOW, lang: "da" });
    expect(moneySentence(danish.html)).toBe("Et år med programmet i drift (2018) kan ikke beregnes endnu: indtaget er ikke estimeret.");
  });

  it("says the uncertainty is large when the interval of total net savings spans zero (a business case without a yearly answer)", async () => {
    const businessCase = rawBusinessCase();
    delete businessCase.yearly;
    businessCase.total.netSavings = 1_400_000;
    businessCase.total.lower = -9_500_000;
    businessCase.total.upper = 12_300_000;
    const report = await buildReport(rawResults(), businessCase, { now: NOW, lang: "da" });
    const sentence = moneySentence(report.html);
    expect(sentence).toContain("overskud på 1,4 mio. kr.");
    expect(sentence).toContain("Usikkerheden er stor");
    expect(sentence).toContain("både overskud og underskud er muligt");
  });

  it("gives the plain interval when it lies on one side of zero", async () => {
    const businessCase = rawBusinessCase();
    delete businessCase.yearly;
    businessCase.total.netSavings = 3_000_000;
    businessCase.total.lower = 1_000_000;
    businessCase.total.upper = 5_000_000;
    const report = await buildReport(rawResults(), businessCase, { now: NOW, lang: "en" });
    const sentence = moneySentence(report.html);
    expect(sentence).toContain("95 % interval:");
    expect(sentence).not.toContain("uncertainty is large");
  });
});
