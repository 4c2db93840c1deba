import { describe, expect, it } from "vitest";
import { text, textParts, texts } from "../src/texts.ts";

const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("texts", () => {
  it("has a non-empty Danish and English text for every key", () => {
    const missing = Object.entries(texts).filter(([, entry]) => !entry.da?.trim() || !entry.en?.trim()).map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in Danish and English for every key", () => {
    const mismatched = Object.entries(texts).filter(([, entry]) => placeholders(entry.da).join() !== placeholders(entry.en).join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("text(lang, key, params) fills placeholders and throws when one is missing", () => {
    expect(text("da", "flow_screened", { n: "3.380" })).toBe("Screenet: 3.380");
    expect(text("en", "flow_screened", { n: "3,380" })).toBe("Screened: 3,380");
    expect(() => text("da", "flow_screened")).toThrow(/needs \{n\}/);
  });

  it("textParts(lang, key, params) gives the wording and the values as they are, so HTML can put markup in a sentence", () => {
    expect(textParts("en", "flow_screened", { n: 3380 })).toEqual(["Screened: ", 3380]);
    const marker = { markup: true };
    expect(textParts("da", "headDaysSavedDetail", { lower: marker, upper: "3,1", expected: "9,0" })).toEqual(["Kan ligge mellem ", marker, " og ", "3,1", " dage. Forventet: ", "9,0", " dage."]);
    expect(() => textParts("da", "flow_screened", {})).toThrow(/needs \{n\}/);
  });

  it("textParts(lang, key, params) lets a value's abbreviation end the sentence: no \"kr..\"", () => {
    expect(text("da", "verdictMoneyInterval", { lower: "1,0 mio. kr.", upper: "5,0 mio. kr." })).toBe("95 %-interval: 1,0 mio. kr. til 5,0 mio. kr.");
    expect(text("en", "verdictMoneyInterval", { lower: "DKK 1.0m", upper: "DKK 5.0m" })).toBe("95 % interval: DKK 1.0m to DKK 5.0m.");
    expect(text("da", "verdictMoneyYearly_negative", { year: 2018, net: "0,4 mio. kr." })).toBe("Et år med programmet i drift (2018) koster med den målte effekt 0,4 mio. kr. mere, end det sparer.");
  });
});
