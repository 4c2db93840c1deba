import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "../src/personal-data.ts";

describe("findPersonalData", () => {
  it("finds CPR numbers with and without the hyphen and masks them", () => {
    const hits = findPersonalData("a\nreason: 010190-1234\nid 3112851234", 2018);
    expect(hits.map((hit) => [hit.kind, hit.line, hit.masked])).toEqual([
      ["cpr", 2, "01xxxx-xxxx"],
      ["cpr", 3, "31xxxxxxxx"],
    ]);
  });

  it("finds birth-date-like dates in ISO and Danish form but not the trial's own dates", () => {
    const hits = findPersonalData("born 1985-06-14; født 14.06.1985; as of 2018-03-01 and 01.03.2018; from 2016-10-01", 2018);
    expect(hits.map((hit) => hit.kind)).toEqual(["birthdate", "birthdate"]);
  });

  it("ignores ten decimal digits inside a hash, yet finds a CPR number beside a word or a short hex text", () => {
    // The hash that stopped the demo's report once: "...db0811566550" holds 08-11-56 6550.
    const hash = "1ade4301bda8a6ea094ecec550d3b2f6743494b254906e8370d2db0811566550";
    expect(findPersonalData(`<td class="hash">${hash}</td>`, 2018)).toEqual([]);
    // 2,000 SHA-256 hashes of fixed texts: about one in 150 holds a CPR-like run of ten digits; none may count.
    const hashes = Array.from({ length: 2000 }, (_, index) => createHash("sha256").update(`input ${index}`).digest("hex"));
    expect(hashes.filter((value) => /(?<!\d)[0-3]\d[01]\d{7}(?!\d)/.test(value)).length).toBeGreaterThan(5);
    expect(hashes.flatMap((value) => findPersonalData(value, 2018))).toEqual([]);
    expect(findPersonalData("cpr0101501234 and abcdef0101501234 and id:0101501234", 2018).map((hit) => hit.masked)).toEqual(["01xxxxxxxx", "01xxxxxxxx", "01xxxxxxxx"]);
    // A CPR number with a dash next to a hash is still found.
    expect(findPersonalData(`${"deadbeef".repeat(5)}010150-1234`, 2018).map((hit) => hit.masked)).toEqual(["01xxxx-xxxx"]);
  });

  it("ignores SVG coordinates, decimals and hashes", () => {
    const content = '<path d="M0.1234567890,12.0101901234"/> 0101901234.5 sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(findPersonalData(content, 2018)).toEqual([]);
  });
});
