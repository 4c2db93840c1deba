import ExcelJS from "exceljs";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignBatch } from "../src/batch.ts";
import { readIntakeFile } from "../src/intake.ts";
import { closeRegister, openRegister } from "../src/register.ts";
import { PLAN_HEADER, STAFF_LIST_XLSX_MAX_ROWS, staffListHeader, writeStaffList } from "../src/staff-list.ts";
import { danishCount } from "../src/summary.ts";
import { configHash, formatDanishDate, readTable } from "@jobtrial/core";
import { citizens, esbjergConfig, intakeCsv, tempDir } from "./helpers.ts";

const config = esbjergConfig();
const now = new Date("2017-03-01T12:00:00Z");

/** The sheets' cells as text: a date cell as the CSV writes it (23.01.2017), so the two lists can be compared. */
async function sheets(path: string): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const result = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push(
        Array.from({ length: sheet.columnCount }, (_, index) => {
          const value = values[index + 1];
          return value == null ? "" : value instanceof Date ? formatDanishDate(value.toISOString().slice(0, 10)) : String(value);
        }),
      );
    });
    result.set(sheet.name, rows);
  }
  return result;
}

describe("staff list", () => {
  it("the XLSX list holds the CSV list's rows, and the plan sheet one row per planned conversation with the citizen's CPR number", async () => {
    const dir = tempDir();
    const register = openRegister(join(dir, "register.sqlite"), { create: true, trialId: config.id, now });
    const options = { config, configHash: configHash(config), operator: "test", now, toolVersion: "test" };
    writeFileSync(join(dir, "w01.csv"), intakeCsv(citizens(6, "03-01-2017")));
    writeFileSync(join(dir, "w02.csv"), intakeCsv(citizens(12, "09-01-2017")));
    assignBatch(register, await readIntakeFile(join(dir, "w01.csv"), config), { ...options, week: "2017-W01" });
    const result = assignBatch(register, await readIntakeFile(join(dir, "w02.csv"), config), { ...options, week: "2017-W02" });
    closeRegister(register);
    const { csv, xlsx: written } = await writeStaffList(result, config, join(dir, "lister"));
    const xlsx = written!;

    const csvTable = readTable(readFileSync(csv), { file: "liste.csv" });
    const workbook = await sheets(xlsx);
    expect([...workbook.keys()]).toEqual(["Liste", "Samtaleplan"]);
    const list = workbook.get("Liste")!;
    expect(list[0]).toEqual(staffListHeader([]));
    expect(list.slice(1)).toEqual(csvTable.rows.map((row) => row.cells));
    const column = (name: string): number => list[0]!.indexOf(name);
    expect(list.slice(1).map((row) => row[column("Status")]).filter((status) => status === "Allerede tildelt")).toHaveLength(6);

    const plan = workbook.get("Samtaleplan")!;
    expect(plan[0]).toEqual([...PLAN_HEADER]);
    const newIntervention = list.slice(1).filter((row) => row[column("Gruppe")] === "Indsats" && row[column("Status")] === "Ny").map((row) => row[column("CPR-nummer")]);
    const perConversation = config.protocol.intervention.length;
    expect(plan.slice(1).map((row) => row[0])).toEqual(newIntervention.flatMap((cpr) => Array<string>(perConversation).fill(cpr!)));
    expect(newIntervention.length).toBeGreaterThan(0);

    // Typed cells: the dates are date cells shown as dd.mm.yyyy, week and minutes numbers, the CPR number text.
    const typed = new ExcelJS.Workbook();
    await typed.xlsx.readFile(xlsx);
    const cellOf = (sheetName: string, column: string) => {
      const sheet = typed.getWorksheet(sheetName)!;
      const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf(column);
      return sheet.getRow(2).getCell(header);
    };
    const typeOf = (sheetName: string, column: string) => [cellOf(sheetName, column).type, cellOf(sheetName, column).numFmt ?? ""];
    const { String: text, Number: number, Date: date } = ExcelJS.ValueType;
    expect([typeOf("Liste", "CPR-nummer"), typeOf("Liste", "Første ledighedsdag"), typeOf("Samtaleplan", "Dato"), typeOf("Samtaleplan", "Programuge"), typeOf("Samtaleplan", "Minutter")]).toEqual([
      [text, ""],
      [date, "dd.mm.yyyy"],
      [date, "dd.mm.yyyy"],
      [number, ""],
      [number, ""],
    ]);
    expect((cellOf("Liste", "Første ledighedsdag").value as Date).toISOString()).toBe("2017-01-09T00:00:00.000Z");
    // Every sheet: the header frozen in view, a filter over the header and every row.
    for (const sheet of typed.worksheets) {
      expect([sheet.views[0], sheet.autoFilter]).toMatchObject([{ state: "frozen", ySplit: 1 }, `A1:${String.fromCharCode(64 + sheet.getRow(1).cellCount)}${sheet.rowCount}`]);
    }
  });
});

describe("writeStaffList of a backfill", () => {
  it("writeStaffList writes a list of more than STAFF_LIST_XLSX_MAX_ROWS rows as CSV only, every row in it, and says so", async () => {
    const dir = tempDir();
    const register = openRegister(join(dir, "register.sqlite"), { create: true, trialId: config.id, now });
    writeFileSync(join(dir, "w01.csv"), intakeCsv(citizens(3, "03-01-2017")));
    const small = assignBatch(register, await readIntakeFile(join(dir, "w01.csv"), config), { config, configHash: configHash(config), operator: "test", now, toolVersion: "test", week: "2017-W01" });
    closeRegister(register);
    // The same three rows over and over, as many as one more than the limit.
    const rows = Array.from({ length: STAFF_LIST_XLSX_MAX_ROWS + 1 }, (_, index) => ({ ...small.rows[index % 3]!, row: index + 2 }));
    const { csv, xlsx, warnings } = await writeStaffList({ ...small, rows }, config, join(dir, "lister"));
    expect([xlsx, warnings, readdirSync(join(dir, "lister"))]).toEqual([null, ["listen har 50.001 rækker; over 50.000 skrives den kun som CSV (den åbner også i Excel)"], ["esbjerg-2017-2017-W01-B0001-liste.csv"]]);
    expect(readFileSync(csv, "utf8").trimEnd().split("\r\n")).toHaveLength(STAFF_LIST_XLSX_MAX_ROWS + 2);
  });
});

describe("danishCount", () => {
  it("writes counts with a dot between thousands, as Danish text does", () => {
    expect([0, 7, 999, 1000, 147911, 1627021].map(danishCount)).toEqual(["0", "7", "999", "1.000", "147.911", "1.627.021"]);
  });
});
