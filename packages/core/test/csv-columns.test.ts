import { describe, expect, it } from "vitest";
import { readCsvColumns, type CsvColumnRequest, type CsvColumnsResult } from "../src/csv-columns.ts";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const request: CsvColumnRequest[] = [
  { name: "time", kind: "number", rule: ">= 0" },
  { name: "group", kind: "label" },
];

/** Each problem as [code, row, column, English message]. */
const problemsOf = (result: CsvColumnsResult) => (result.ok ? [] : result.problems.map((item) => [item.code, item.row, item.column, item.message]));

describe("readCsvColumns", () => {
  it("readCsvColumns(bytes) reads a semicolon file with BOM, CRLF, decimal comma, quotes and empty cells", () => {
    const text = '\uFEFFid;time;group\r\n1;5;control\r\n2;7,5;"inter;vention"\r\n\r\n3;;control\r\n4;NA;\r\n5; . ;NA\r\n';
    const result = readCsvColumns(encode(text), "a.csv", request);
    if (!result.ok) throw new Error("expected the file to read");
    expect(result.columns.delimiter).toBe(";");
    expect(result.columns.rows).toBe(5);
    expect(Array.from(result.columns.numbers.time!)).toEqual([5, 7.5, Number.NaN, Number.NaN, Number.NaN]);
    expect(result.columns.labels.group).toEqual(["control", "inter;vention", "control", null, null]);
  });

  it("readCsvColumns(bytes) reads Danish Excel's Windows-1252 and UTF-16 files, tab separation, a value over two lines and Excel's empty ;;; rows", () => {
    // "Første;tid\r\nÆ;1,5\r\n;;\r\n" in Windows-1252: æøå are single bytes.
    const windows1252 = Uint8Array.from([0x46, 0xf8, 0x72, 0x73, 0x74, 0x65, 0x3b, 0x74, 0x69, 0x64, 0x0d, 0x0a, 0xc6, 0x3b, 0x31, 0x2c, 0x35, 0x0d, 0x0a, 0x3b, 0x3b, 0x0d, 0x0a]);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from("gruppe\ttid\r\nÅ\t2,25\r\n").flatMap((char) => [char.charCodeAt(0), 0])]);
    const quotedOverLines = encode('gruppe,tid\n"to\nlinjer",3\n"a ""b""",4.5\n');
    const read = (bytes: Uint8Array) => {
      const result = readCsvColumns(bytes, "x.csv", [
        { name: "tid", kind: "number" },
        { name: bytes === windows1252 ? "Første" : "gruppe", kind: "label" },
      ]);
      if (!result.ok) throw new Error(JSON.stringify(problemsOf(result)));
      return [result.columns.delimiter, Array.from(result.columns.numbers.tid!), Object.values(result.columns.labels)[0]];
    };
    expect([read(windows1252), read(utf16), read(quotedOverLines)]).toEqual([
      [";", [1.5], ["Æ"]],
      ["\t", [2.25], ["Å"]],
      [",", [3, 4.5], ["to\nlinjer", 'a "b"']],
    ]);
  });

  it("readCsvColumns(bytes) takes a comma in a comma-separated file as the delimiter, never as a decimal comma", () => {
    const result = readCsvColumns(encode('time,group\n"7,5",a\n'), "data.csv", request);
    expect(problemsOf(result)).toEqual([["value_not_number", 2, "time", "the value is not a number of 0 or more"]]);
  });

  it("readCsvColumns(bytes) reports a bad cell, a short row, a missing column and an empty file with file, row and column, never the value", () => {
    const badCell = readCsvColumns(encode("time,group\n5,a\nfive,b\n-1,c\n"), "data.csv", request);
    expect(problemsOf(badCell)).toEqual([
      ["value_not_number", 3, "time", "the value is not a number of 0 or more"],
      ["value_not_number", 4, "time", "the value is not a number of 0 or more"],
    ]);
    expect(badCell.ok ? "" : badCell.problems[0]!.messageDa).toBe("værdien er ikke et tal på 0 eller mere");
    expect(problemsOf(readCsvColumns(encode("time,group\n5\n"), "data.csv", request))).toEqual([["row_field_count", 2, null, "the row has 1 field but the header has 2"]]);
    expect(problemsOf(readCsvColumns(encode("tid,group\n5,a\n"), "data.csv", request))).toEqual([
      ["header_missing_column", 1, "time", 'required column is missing; looked for "time"'],
    ]);
    expect(problemsOf(readCsvColumns(encode(""), "empty.csv", request))).toEqual([["file_empty", null, null, "the file has no header row"]]);
  });

  it("readCsvColumns(bytes) checks the rules 0/1 and whole >= 0, and finds a column whatever its case, but not twice", () => {
    const rules: CsvColumnRequest[] = [
      { name: "event", kind: "number", rule: "0/1" },
      { name: "state", kind: "number", rule: "whole >= 0" },
    ];
    expect(problemsOf(readCsvColumns(encode("Event;State\n1;2\n2;1,5\n"), "x.csv", rules))).toEqual([
      ["value_not_number", 3, "Event", "the value is not 0 or 1"],
      ["value_not_number", 3, "State", "the value is not a whole number of 0 or more"],
    ]);
    expect(problemsOf(readCsvColumns(encode("event;Event;state\n1;1;0\n"), "x.csv", rules))).toEqual([
      ["header_duplicate_column", 1, "Event", "the column appears twice in the header (also as column 1)"],
    ]);
  });

  it("readCsvColumns(bytes) reads an old Mac file whose lines end in a lone CR", () => {
    const result = readCsvColumns(encode("time;group\r1;a\r2,5;b\r007;a\r"), "x.csv", request);
    expect(result.ok && [Array.from(result.columns.numbers.time!), result.columns.labels.group]).toEqual([
      [1, 2.5, 7],
      ["a", "b", "a"],
    ]);
  });

  it("readCsvColumns(bytes) of a header without rows gives empty columns", () => {
    const result = readCsvColumns(encode("time;group\r\n"), "x.csv", request);
    expect(result.ok && [result.columns.rows, Array.from(result.columns.numbers.time!), result.columns.labels.group]).toEqual([0, [], []]);
  });
});
