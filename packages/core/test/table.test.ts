import { describe, expect, it } from "vitest";
import { mapHeader, normalizeHeader } from "../src/columns.ts";
import { parseDateCell } from "../src/date-cell.ts";
import { decodeText, detectDelimiter, parseDelimited, readTable, type TableRow } from "../src/table.ts";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("decodeText strips a UTF-8 BOM, reads plain UTF-8, and falls back to Windows-1252 for bytes that are not UTF-8", () => {
    const windows1252 = Uint8Array.from([0x46, 0xf8, 0x72, 0x73, 0x74, 0x65, 0x3b, 0xc6, 0xc5]); // "Første;ÆÅ"
    expect([decodeText(encode("\uFEFFæøå")), decodeText(encode("æøå")), decodeText(windows1252)]).toEqual([
      { text: "æøå", encoding: "utf-8-bom" },
      { text: "æøå", encoding: "utf-8" },
      { text: "Første;ÆÅ", encoding: "windows-1252" },
    ]);
  });
});

describe("readTable", () => {
  it("readTable detects semicolon, comma and tab and reads CRLF and LF alike", () => {
    const tables = ["a;b\r\n1;2\r\n", "a,b\n1,2\n", "a\tb\n1\t2"].map((text) => readTable(encode(text), { file: "x.csv" }));
    expect(tables.map((table) => [table.delimiter, table.header, table.rows])).toEqual([
      [";", ["a", "b"], [{ line: 2, cells: ["1", "2"] }]],
      [",", ["a", "b"], [{ line: 2, cells: ["1", "2"] }]],
      ["\t", ["a", "b"], [{ line: 2, cells: ["1", "2"] }]],
    ]);
  });

  it("readTable follows RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quotes) and keeps each row's first file line", () => {
    const text = 'navn;note\r\n"Hansen; Jens";"sagde ""hej"""\r\n\r\nx;"to\r\nlinjer"\r\ny;z\r\n';
    expect(readTable(encode(text), { file: "x.csv" }).rows).toEqual([
      { line: 2, cells: ["Hansen; Jens", 'sagde "hej"'] },
      { line: 4, cells: ["x", "to\r\nlinjer"] },
      { line: 6, cells: ["y", "z"] },
    ]);
  });

  it("readTable skips blank lines and Excel's rows of only separators, and tolerates trailing empty fields", () => {
    const table = readTable(encode("a;b\n\n1;2;;\n;;\n3;4\n"), { file: "x.csv" });
    expect(table.rows).toEqual([
      { line: 3, cells: ["1", "2"] },
      { line: 5, cells: ["3", "4"] },
    ]);
  });

  it("readTable reports a row with the wrong number of fields and an unterminated quote as problems with file and line", () => {
    const table = readTable(encode('a;b\n1;2;3\n4;"open\n'), { file: "x.csv" });
    expect(table.problems.map((item) => [item.code, item.row, item.message])).toEqual([
      ["row_field_count", 2, "the row has 3 fields but the header has 2"],
      ["row_unterminated_quote", 3, "a quoted value is never closed"],
    ]);
  });

  it("readTable of an empty file reports file_empty", () => {
    expect(readTable(encode("\r\n\r\n"), { file: "x.csv" }).problems.map((item) => item.code)).toEqual(["file_empty"]);
  });

  it("detectDelimiter prefers the semicolon on a tie and ignores delimiters inside quotes", () => {
    expect([detectDelimiter("a"), detectDelimiter('"a,b,c";d'), detectDelimiter("a,b;c")]).toEqual([";", ";", ";"]);
  });
});

describe("readTable with Danish Excel's files", () => {
  it("decodeText reads UTF-16 with a little- or big-endian byte order mark", () => {
    const units = Array.from("Første;ÆØÅ").map((char) => char.charCodeAt(0));
    const littleEndian = Uint8Array.from([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]);
    const bigEndian = Uint8Array.from([0xfe, 0xff, ...units.flatMap((unit) => [unit >> 8, unit & 0xff])]);
    expect([decodeText(littleEndian), decodeText(bigEndian)]).toEqual([
      { text: "Første;ÆØÅ", encoding: "utf-16le-bom" },
      { text: "Første;ÆØÅ", encoding: "utf-16be-bom" },
    ]);
  });

  it("readTable reads a Windows-1252 file with æøå and a quoted value over two lines, keeping each row's first line", () => {
    // 'navn;by\r\n"Søren\r\nÅ";Århus\r\nx;y\r\n' in Windows-1252.
    const bytes = Uint8Array.from([
      0x6e, 0x61, 0x76, 0x6e, 0x3b, 0x62, 0x79, 0x0d, 0x0a, 0x22, 0x53, 0xf8, 0x72, 0x65, 0x6e, 0x0d, 0x0a, 0xc5, 0x22, 0x3b, 0xc5, 0x72, 0x68, 0x75, 0x73, 0x0d, 0x0a, 0x78, 0x3b, 0x79, 0x0d,
      0x0a,
    ]);
    const table = readTable(bytes, { file: "x.csv" });
    expect([table.encoding, table.header, table.rows]).toEqual([
      "windows-1252",
      ["navn", "by"],
      [
        { line: 2, cells: ["Søren\r\nÅ", "Århus"] },
        { line: 4, cells: ["x", "y"] },
      ],
    ]);
  });

  it("readTable ends lines at a lone CR (old Mac exports) and at LF in a file of CRLF lines", () => {
    const rows = (text: string) => readTable(encode(text), { file: "x.csv" }).rows;
    expect([rows("a;b\r1;2\r3;4"), rows("a;b\r\n1;2\n3;4\r\n")]).toEqual([
      [
        { line: 2, cells: ["1", "2"] },
        { line: 3, cells: ["3", "4"] },
      ],
      [
        { line: 2, cells: ["1", "2"] },
        { line: 3, cells: ["3", "4"] },
      ],
    ]);
  });

  it("readTable keeps a quote inside an unquoted value, and reports text after a closing quote as an unterminated quote", () => {
    expect(readTable(encode('a;b\nab"c;d\n'), { file: "x.csv" }).rows).toEqual([{ line: 2, cells: ['ab"c', "d"] }]);
    const malformed = readTable(encode('a;b\n1;2\n"ab"c;d\n3;4\n'), { file: "x.csv" });
    expect([malformed.rows, malformed.problems.map((item) => [item.code, item.row])]).toEqual([[{ line: 2, cells: ["1", "2"] }], [["row_unterminated_quote", 3]]]);
  });

  it("readTable applies the same rules whether the text has no quote (split directly) or one (parsed by papaparse)", () => {
    const body = "\r\n;;\r\n1;2;;\n3;4;5\r4;5\r\n;;;\r\n6;7\r\n";
    const read = (header: string) => {
      const table = readTable(encode(header + body), { file: "x.csv" });
      return [table.rows, table.problems.map((item) => [item.code, item.row])];
    };
    const expected = [
      [
        { line: 3, cells: ["1", "2"] },
        { line: 5, cells: ["4", "5"] },
        { line: 7, cells: ["6", "7"] },
      ],
      [["row_field_count", 4]],
    ];
    expect([read("a;b"), read('"a";b')]).toEqual([expected, expected]);
  });

  it("parseDelimited drops a byte order mark and detects the delimiter on the first line with content", () => {
    const table = parseDelimited("\uFEFF\r\n,,\r\na,b\r\n1,2\r\n", { file: "x.csv" });
    expect([table.delimiter, table.header, table.headerLine, table.rows]).toEqual([",", ["a", "b"], 3, [{ line: 4, cells: ["1", "2"] }]]);
  });

  it("parseDelimited with onRow hands each row with the header and its line, and keeps none", () => {
    const seen: [TableRow, string[], number][] = [];
    const table = parseDelimited("\nid;x\n1;a\n\n2;b\n", { file: "x.csv", onRow: (row, header, headerLine) => seen.push([row, header, headerLine]) });
    expect([table.rows, seen]).toEqual([
      [],
      [
        [{ line: 3, cells: ["1", "a"] }, ["id", "x"], 2],
        [{ line: 5, cells: ["2", "b"] }, ["id", "x"], 2],
      ],
    ]);
  });
});

describe("mapHeader", () => {
  const specs = [
    { key: "cpr", aliases: ["CPR-nummer", "CPR number"] },
    { key: "day", aliases: ["Første ledighedsdag", "First unemployment day"] },
    { key: "fund", aliases: ["A-kasse"], required: false },
  ] as const;

  it("mapHeader matches Danish and English names regardless of case, spaces, punctuation and æøå spelling", () => {
    expect(normalizeHeader("FØRSTE  ledigheds-dag")).toBe(normalizeHeader("foerste_ledighedsdag"));
    const mapping = mapHeader(["cpr number", "forste ledighedsdag".replace("forste", "Første"), "Herkomst"], specs, "x.csv");
    expect([mapping.index, mapping.extra, mapping.problems]).toEqual([{ cpr: 0, day: 1 }, [{ name: "Herkomst", index: 2 }], []]);
  });

  it("mapHeader reports a missing required column naming the names it looked for, and a duplicate column", () => {
    const mapping = mapHeader(["CPR-nummer", "CPR number"], specs, "x.csv");
    expect(mapping.problems.map((item) => [item.code, item.column, item.message])).toEqual([
      ["header_duplicate_column", "CPR number", "the column appears twice in the header (also as column 1)"],
      ["header_missing_column", "Første ledighedsdag", 'required column is missing; looked for "Første ledighedsdag", "First unemployment day"'],
    ]);
  });
});

describe("parseDateCell", () => {
  it("parseDateCell reads dd-mm-yyyy, dd.mm.yyyy, d/m/yyyy and ISO, and Excel serials only when allowed", () => {
    expect(
      [
        parseDateCell("02-01-2017"),
        parseDateCell("2.1.2017"),
        parseDateCell("02/01/2017"),
        parseDateCell("2017-01-02"),
        parseDateCell("2017-01-02T00:00:00"),
        parseDateCell("42737", { excelSerial: true }),
        parseDateCell("42737"),
      ].map((result) => (result.ok ? result.date : result.problem)),
    ).toEqual(["2017-01-02", "2017-01-02", "2017-01-02", "2017-01-02", "2017-01-02", "2017-01-02", "date_format"]);
  });

  it("parseDateCell refuses empty cells, two-digit years and impossible dates such as 29-02-2017", () => {
    expect([parseDateCell(" "), parseDateCell("02-01-17"), parseDateCell("29-02-2017"), parseDateCell("29-02-2016")].map((result) => (result.ok ? result.date : result.problem))).toEqual([
      "date_empty",
      "date_format",
      "date_impossible",
      "2016-02-29",
    ]);
  });
});
