import { describe, expect, it } from "vitest";
import { readCsvColumns } from "../src/csv-columns.ts";
import { AnalyzeError } from "../src/messages.ts";

const request = [
  { name: "time", kind: "number" as const, expected: "a number of days" },
  { name: "group", kind: "label" as const },
];

describe("readCsvColumns", () => {
  it("readCsvColumns(text) reads a semicolon file with BOM, CRLF, decimal comma, quotes and empty cells", () => {
    const text = '\uFEFFid;time;group\r\n1;5;control\r\n2;7,5;"inter;vention"\r\n\r\n3;;control\r\n4;NA;\r\n';
    const columns = readCsvColumns(text, "a.csv", request);
    expect(columns.separator).toBe(";");
    expect(columns.rows).toBe(4);
    expect(Array.from(columns.numbers.time!)).toEqual([5, 7.5, Number.NaN, Number.NaN]);
    expect(columns.labels.group).toEqual(["control", "inter;vention", "control", null]);
  });

  it("readCsvColumns(text) names file, line, column and the fix for a bad cell", () => {
    expect(() => readCsvColumns("time,group\n5,a\nfive,b\n", "data.csv", request)).toThrowError(
      'data.csv, row 3, column "time": "five" is not a number of days; correct the cell or leave it empty if unknown.',
    );
    try {
      readCsvColumns("time,group\n5\n", "data.csv", request);
      expect.unreachable("a short row is an error");
    } catch (error) {
      expect((error as AnalyzeError).issue).toEqual({ code: "csv_ragged_row", file: "data.csv", row: 2, expectedCells: 2, actualCells: 1 });
    }
    expect(() => readCsvColumns("tid,group\n5,a\n", "data.csv", request)).toThrowError(/no column "time" \(columns: tid, group\)/);
    expect(() => readCsvColumns("", "empty.csv", request)).toThrowError(/no header row/);
  });
});
