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

  it("ignores SVG coordinates, decimals and hashes", () => {
    const content = '<path d="M0.1234567890,12.0101901234"/> 0101901234.5 sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(findPersonalData(content, 2018)).toEqual([]);
  });
});
