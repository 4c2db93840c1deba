import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxTable } from "../src/xlsx-table.ts";
import { writeXlsxFile, xlsxBytes, type XlsxCell, type XlsxSheet } from "../src/xlsx-write.ts";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jobtrial-xlsx-"));
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const LIST: XlsxSheet = {
  name: "Liste",
  columns: [
    { header: "CPR-nummer", width: 14 },
    { header: "Første ledighedsdag", type: "date" },
    { header: "Programuge" },
    { header: "Beløb", numFmt: '#,##0 "kr."' },
    { header: "Bemærkning" },
  ],
  rows: [
    ["010190-1234", "2017-01-23", 4, 1_700_000, "=HYPERLINK(\"http://example.org\")"],
    ["0101901234", "2016-02-29", 24, { number: 0.619, numFmt: "0.0 %" }, "+45 12 34 56 78"],
    ["-1", null, null, Number.NaN, "@SUM(A1:A2)"],
    ["", "", undefined, "", " mellemrum "],
  ],
};

describe("writeXlsxFile", () => {
  it("writes dates as date cells shown dd.mm.yyyy, numbers as numbers with their format, and every text as text, never a formula", async () => {
    const path = join(tempDir(), "liste.xlsx");
    await writeXlsxFile(path, [LIST]);
    const sheet = (await readBack(path)).getWorksheet("Liste")!;
    const cells = [2, 3, 4, 5].map((rowNumber) =>
      [1, 2, 3, 4, 5].map((column) => {
        const cell = sheet.getRow(rowNumber).getCell(column);
        return [cell.type, cell.value instanceof Date ? cell.value.toISOString() : cell.value, cell.type === ExcelJS.ValueType.Null ? "" : cell.numFmt ?? ""];
      }),
    );
    const { String: text, Number: number, Date: date, Null: empty } = ExcelJS.ValueType;
    expect(cells).toEqual([
      [
        [text, "010190-1234", ""],
        [date, "2017-01-23T00:00:00.000Z", "dd.mm.yyyy"],
        [number, 4, ""],
        [number, 1_700_000, '#,##0 "kr."'],
        [text, '=HYPERLINK("http://example.org")', ""],
      ],
      [
        [text, "0101901234", ""],
        [date, "2016-02-29T00:00:00.000Z", "dd.mm.yyyy"],
        [number, 24, ""],
        [number, 0.619, "0.0 %"],
        [text, "+45 12 34 56 78", ""],
      ],
      [
        [text, "-1", ""],
        [empty, null, ""],
        [empty, null, ""],
        [empty, null, ""],
        [text, "@SUM(A1:A2)", ""],
      ],
      [
        [empty, null, ""],
        [empty, null, ""],
        [empty, null, ""],
        [empty, null, ""],
        [text, " mellemrum ", ""],
      ],
    ]);
  });

  it("gives every sheet a bold header row frozen in view, an autofilter over the header and every row, and the column widths", async () => {
    const path = join(tempDir(), "ark.xlsx");
    const plan: XlsxSheet = { name: "Samtaleplan", title: "Samtaler i uge 4", columns: [{ header: "Dato", type: "date" }, { header: "Samtale" }], rows: [["2017-02-20", "Fællessamtale"]] };
    await writeXlsxFile(path, [LIST, plan]);
    const workbook = await readBack(path);
    const list = workbook.getWorksheet("Liste")!;
    const second = workbook.getWorksheet("Samtaleplan")!;
    expect([list.autoFilter, list.views[0], list.getRow(1).getCell(1).font?.bold, list.getRow(1).values]).toMatchObject([
      "A1:E5",
      { state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" },
      true,
      [undefined, "CPR-nummer", "Første ledighedsdag", "Programuge", "Beløb", "Bemærkning"],
    ]);
    expect([1, 2, 3, 4, 5].map((column) => list.getColumn(column).width)).toEqual([14, 21, 12, 10, 12]);
    expect([second.autoFilter, second.views[0], second.getRow(1).getCell(1).value, second.getRow(2).getCell(2).value]).toMatchObject([
      "A2:B3",
      { state: "frozen", ySplit: 2, topLeftCell: "A3" },
      "Samtaler i uge 4",
      "Samtale",
    ]);
  });

  it("makes sheet names Excel accepts: forbidden characters replaced, at most 31 characters, unique", async () => {
    const sheet = (name: string): XlsxSheet => ({ name, columns: [{ header: "A" }], rows: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxBytes([sheet("Scenarie"), sheet("scenarie"), sheet("Ja/nej: [x]?"), sheet("Nettobesparelse pr. år i projektperioden og derefter")])) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Scenarie", "scenarie (2)", "Ja-nej- -x--", "Nettobesparelse pr. år i projek"]);
    expect(workbook.worksheets.map((worksheet) => worksheet.autoFilter)).toEqual(["A1:A1", "A1:A1", "A1:A1", "A1:A1"]);
  });

  it("reads back through readXlsxTable as the same table: dates as ISO dates, numbers as written", async () => {
    const bytes = await xlsxBytes([LIST]);
    const table = await readXlsxTable(bytes, { file: "liste.xlsx" });
    expect([table.header, table.rows.map((row) => row.cells)]).toEqual([
      ["CPR-nummer", "Første ledighedsdag", "Programuge", "Beløb", "Bemærkning"],
      [
        ["010190-1234", "2017-01-23", "4", "1700000", '=HYPERLINK("http://example.org")'],
        ["0101901234", "2016-02-29", "24", "0.619", "+45 12 34 56 78"],
        ["-1", "", "", "", "@SUM(A1:A2)"],
        ["", "", "", "", " mellemrum "],
      ],
    ]);
  });

  it("leaves nothing behind when a row is bad: no file, no temporary file", async () => {
    const dir = tempDir();
    const path = join(dir, "liste.xlsx");
    const rows: XlsxCell[][] = [["010190-1234", "2017-01-23"], ["020290-2345", "23.01.2017"]];
    await expect(writeXlsxFile(path, [{ name: "Liste", columns: [{ header: "CPR-nummer" }, { header: "Dato", type: "date" }], rows }])).rejects.toThrow(
      'internal: sheet "Liste", row 3, column "Dato" is a date column but holds a text that is not an ISO date',
    );
    expect([existsSync(path), readdirSync(dir)]).toEqual([false, []]);
  });

  it("streams a sheet of many turns of rows (10,000) whole and in order", async () => {
    const path = join(tempDir(), "stor.xlsx");
    const plan = Array.from({ length: 11 }, (_, index) => `0${(index % 9) + 1}.02.2017 Samtale (rådgiver, 30 min)`).join(" | ");
    const cells: XlsxCell[] = [];
    const rows = {
      *[Symbol.iterator]() {
        for (let index = 0; index < 10_000; index++) {
          cells[0] = `${String(10_000 + index).padStart(6, "0")}-${1000 + (index % 9000)}`;
          cells[1] = `2017-03-0${6 + (index % 4)}`;
          cells[2] = index % 2 ? plan : null;
          yield cells;
        }
      },
    };
    await writeXlsxFile(path, [{ name: "Liste", columns: [{ header: "CPR-nummer" }, { header: "Dato", type: "date" }, { header: "Samtaleplan" }], rows }]);
    const table = await readXlsxTable(readFileSync(path), { file: "stor.xlsx" });
    expect([table.rows.length, table.rows[9_999]!.cells, table.problems]).toEqual([10_000, ["019999-1999", "2017-03-09", plan], []]);
  });
});
