import { describe, expect, it } from "vitest";
import { buildReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

/** The verdict's money sentence from the first page's HTML. */
function moneySentence(html: string): string {
  const verdict = /<div class="verdict"[^>]*>([\s\S]*?)<\/div>/.exec(html)![1]!;
  const paragraphs = [...verdict.matchAll(/<p class="secondary">([\s\S]*?)<\/p>/g)].map((match) => match[1]!);
  return paragraphs.find((paragraph) => /overskud|underskud|surplus|deficit/.test(paragraph)) ?? "";
}

describe("buildReport verdict on money", () => {
  it("says the uncertainty is large when the interval of total net savings spans zero", async () => {
    const businessCase = rawBusinessCase();
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
    businessCase.total.netSavings = 3_000_000;
    businessCase.total.lower = 1_000_000;
    businessCase.total.upper = 5_000_000;
    const report = await buildReport(rawResults(), businessCase, { now: NOW, lang: "en" });
    const sentence = moneySentence(report.html);
    expect(sentence).toContain("95 % interval:");
    expect(sentence).not.toContain("uncertainty is large");
  });
});
