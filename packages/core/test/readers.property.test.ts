/**
 * Property-based tests of core's readers (issue 17): the CSV reader, the column
 * reader, the XLSX reader, the date cell and the configuration file, on
 * arbitrary bytes, arbitrary CSV shapes, arbitrary encodings and arbitrary
 * dates. Each property states what must hold for every input fast-check
 * generates; a failure prints the smallest input it found and the seed.
 *
 * The counts of inputs tried are in docs/reliability.md.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkTrialConfig, loadTrialConfig } from "../src/config-file.ts";
import { readCsvColumns } from "../src/csv-columns.ts";
import { toCsv } from "../src/csv-write.ts";
import { parseDateCell } from "../src/date-cell.ts";
import { isValidYmd } from "../src/dates.ts";
import { readTable, type Delimiter } from "../src/table.ts";
import { readXlsxTable } from "../src/xlsx-table.ts";
import { xlsxBytes } from "../src/xlsx-write.ts";

/** Inputs per property: enough to find the shapes below in a few seconds on one core. */
const RUNS = 300;

const scratch = mkdtempSync(join(tmpdir(), "jobtrial-core-property-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Bytes that look like a delimited file more often than pure noise does: CSV punctuation, BOMs, æøå in several encodings. */
const csvLikeBytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.constantFrom(..."; , \t \" \r \n \r\n æ ø å".split(" ").map((text) => new TextEncoder().encode(text))),
      fc.constantFrom(Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff), Uint8Array.of(0xe6, 0xf8, 0xe5), Uint8Array.of(0x00)),
      fc.string({ maxLength: 12 }).map((text) => new TextEncoder().encode(text)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));

describe("readTable on arbitrary input", () => {
  it("readTable never throws on arbitrary bytes, and every row it keeps has the header's width and a line in the file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), csvLikeBytes), (bytes) => {
        const table = readTable(bytes, { file: "x.csv" });
        const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length + 1;
        for (const row of table.rows) {
          expect(row.cells).toHaveLength(table.header.length);
          expect(row.line).toBeGreaterThan(table.headerLine);
          expect(row.line).toBeLessThanOrEqual(Math.max(lines, 1) * 2);
        }
        for (const item of table.problems) expect(item.messageDa.length).toBeGreaterThan(0);
        if (table.header.length === 0) expect(table.problems.map((item) => item.code)).toContain("file_empty");
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("readTable accounts for every line of a quote-free file: each non-blank data line is a row or a field-count problem on that line", () => {
    const line = fc.array(fc.stringMatching(/^[a-zæøå0-9 ]{0,4}$/), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom<Delimiter>(";", ",", "\t"), fc.constantFrom("\n", "\r\n", "\r"), (lines, delimiter, lineEnd) => {
        const header = ["a", "b", "c"];
        const text = [header.join(delimiter), ...lines.map((cells) => cells.join(delimiter))].join(lineEnd);
        const table = readTable(new TextEncoder().encode(text), { file: "x.csv", delimiter });
        const kept = new Set(table.rows.map((row) => row.line));
        const rejected = new Set(table.problems.map((item) => item.row));
        lines.forEach((cells, index) => {
          const lineNumber = index + 2;
          const blank = cells.every((cell) => cell.trim() === "");
          const fits = cells.length === 3 || (cells.length > 3 && cells.slice(3).every((cell) => cell.trim() === ""));
          if (blank) expect(kept.has(lineNumber) || rejected.has(lineNumber)).toBe(false);
          else if (fits) expect(kept.has(lineNumber)).toBe(true);
          else expect(table.problems.find((item) => item.row === lineNumber)?.code).toBe("row_field_count");
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("readTable gives back every valid row as written by toCsv, for any cells, delimiter, line end and encoding (UTF-8, UTF-8 with BOM, UTF-16 LE/BE, Windows-1252)", () => {
    // Any text a cell may hold, quotes, delimiters and line breaks included; a formula-like start is tested below.
    // Not a lone CR: table.ts decides that it ends a line, in a quoted value too (docs/reliability.md, known limits).
    const cell = fc.string({ maxLength: 10, unit: fc.constantFrom(..."ab1 æøåÆØÅ;,\t\"'\n-.é€".split("")) }).filter((text) => !/^[=+\-@\t]/.test(text));
    const encodings = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.tuple(
            fc.uniqueArray(fc.stringMatching(/^[a-zæøå][a-z0-9æøå ]{0,6}[a-z0-9]$/), { minLength: width, maxLength: width }),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
          ),
        ),
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\r\n" as const, "\n" as const),
        fc.constantFrom(...encodings),
        ([header, rows], delimiter, lineEnd, encoding) => {
          const text = toCsv(header, rows, { delimiter, lineEnd, bom: false });
          const bytes = encode(text, encoding);
          const table = readTable(bytes, { file: "x.csv" });
          const nonBlank = rows.filter((cells) => cells.some((value) => value.trim() !== ""));
          expect(table.problems).toEqual([]);
          expect(table.header).toEqual(header);
          expect(table.rows.map((row) => row.cells)).toEqual(nonBlank);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("toCsv never writes a cell a spreadsheet would run: read back, no text cell starts with =, +, -, @, tab or CR unless it is a number", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('=HYPERLINK("http://x.example","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0")), { minLength: 1, maxLength: 6 }), (cells) => {
        const table = readTable(new TextEncoder().encode(toCsv(["h"], cells.map((value) => [value]))), { file: "x.csv" });
        for (const row of table.rows) {
          const value = row.cells[0]!;
          if (/^[=+\-@\t\r]/.test(value)) expect(value).toMatch(/^[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?%?$/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** The text in one of the encodings readTable must read (only characters Windows-1252 has are generated). */
function encode(text: string, encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252"): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.from("\uFEFF" + text, "utf8");
    case "utf-16le":
      return Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, "utf16le")]);
    case "utf-16be":
      return Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(text, "utf16le").swap16()]);
    case "windows-1252":
      // latin1 is Windows-1252 for every character here but the euro sign (0x80 in Windows-1252).
      return Uint8Array.from([...text].map((char) => (char === "€" ? 0x80 : char.charCodeAt(0))));
  }
}

describe("what the properties found", () => {
  it("decodeText reads Windows-1252's bytes 0x80-0x9F as its characters (euro sign, dashes, curly quotes), not as control characters", () => {
    expect(readTable(Uint8Array.of(0x61, 0x3b, 0x62, 0x0a, 0x80, 0x96, 0x93, 0x94, 0x3b, 0x8a, 0xe6), { file: "x.csv" }).rows).toEqual([{ line: 2, cells: ["€–“”", "Šæ"] }]);
  });
});

describe("readCsvColumns on arbitrary input", () => {
  it("readCsvColumns never throws, and either gives columns of the rows' length or problems that each name a file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), csvLikeBytes, fc.constant(new TextEncoder().encode("time;event\n"))), (bytes) => {
        const result = readCsvColumns(bytes, "x.csv", [
          { name: "time", kind: "number", rule: ">= 0" },
          { name: "event", kind: "number", rule: "0/1" },
          { name: "group", kind: "label" },
        ]);
        if (result.ok) for (const column of Object.values(result.columns.numbers)) expect(column).toHaveLength(result.columns.rows);
        else for (const item of result.problems) expect(item.file).toBe("x.csv");
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe("readXlsxTable on arbitrary input", () => {
  it("readXlsxTable never throws on bytes that start like a ZIP archive but are not a workbook", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (tail) => {
        const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]);
        const table = await readXlsxTable(bytes, { file: "x.xlsx" });
        expect(table.problems.map((item) => item.code)).toEqual(["xlsx_unreadable"]);
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it("readXlsxTable gives back every row of a workbook written by xlsxBytes, text cells exactly", async () => {
    const cell = fc.string({ maxLength: 8, unit: fc.constantFrom(..."ab1 æøå;\"'=".split("")) }).filter((text) => text.trim() !== "");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
        const bytes = await xlsxBytes([{ name: "Ark1", columns: [{ header: "a" }, { header: "b" }], rows }]);
        const table = await readXlsxTable(bytes, { file: "x.xlsx" });
        expect(table.problems).toEqual([]);
        expect(table.rows.map((row) => row.cells)).toEqual(rows);
      }),
      { numRuns: 20 },
    );
  });
});

describe("parseDateCell on arbitrary dates", () => {
  const validDate = fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => isValidYmd(year, month, day));
  const two = (value: number): string => String(value).padStart(2, "0");

  it("parseDateCell never throws on any text, and a date it accepts is a real ISO date", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 16 }), fc.stringMatching(/^\s?\d{1,4}[-./ ]\d{1,4}[-./ ]\d{1,5}\s?$/), fc.stringMatching(/^\d{1,8}(\.\d{1,3})?$/)), fc.boolean(), (text, excelSerial) => {
        const result = parseDateCell(text, { excelSerial });
        if (result.ok) {
          const [year, month, day] = result.date.split("-").map(Number) as [number, number, number];
          expect(isValidYmd(year, month, day)).toBe(true);
        } else expect(["date_empty", "date_format", "date_impossible"]).toContain(result.problem);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("parseDateCell reads every real date in each Danish form and in ISO form as the same date; a two-digit year never", () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom("-", ".", "/"), fc.boolean(), ({ year, month, day }, separator, padded) => {
        const iso = `${year}-${two(month)}-${two(day)}`;
        const danish = padded ? `${two(day)}${separator}${two(month)}${separator}${year}` : `${day}${separator}${month}${separator}${year}`;
        expect(parseDateCell(danish)).toEqual({ ok: true, date: iso });
        expect(parseDateCell(` ${iso} `)).toEqual({ ok: true, date: iso });
        expect(parseDateCell(`${two(day)}${separator}${two(month)}${separator}${two(year % 100)}`).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("parseDateCell reads an Excel serial only when asked, and serial and date agree from 1 March 1900", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const result = parseDateCell(String(serial), { excelSerial: true });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // Days from Excel's day 0 (1899-12-30) by the calendar, independently of the reader's day numbers.
        expect(Math.round((Date.parse(`${result.date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000)).toBe(serial);
        expect(parseDateCell(String(serial)).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the configuration reader on arbitrary input", () => {
  it("checkTrialConfig never throws on any JSON value, and each problem has a JSON path and a message", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom("da" as const, "en" as const), (value, lang) => {
        const result = checkTrialConfig(value, "trial.json", lang);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const item of result.problems) expect(item.path.startsWith("$") && item.message.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("loadTrialConfig never throws on arbitrary bytes in the file, and never quotes the file's text in a problem", () => {
    let file = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 120 }), fc.jsonValue({ maxDepth: 3 }).map((value) => new TextEncoder().encode(`{"x": ${JSON.stringify(value)}, "secret": "0101701234"`))), (bytes) => {
        const path = join(scratch, `config-${file++}.json`);
        writeFileSync(path, bytes);
        const result = loadTrialConfig(path, "da");
        expect(result.ok).toBe(false);
        if (!result.ok) for (const item of result.problems) expect(item.message).not.toContain("0101701234");
      }),
      { numRuns: RUNS },
    );
  });
});
