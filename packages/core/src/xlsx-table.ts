/**
 * Reading the first sheet of an XLSX workbook into the same `Table` shape as
 * a delimited file. Cells become text: numbers as written by `String` (so a
 * CPR number stored as a number loses its leading zero exactly as Excel shows
 * it, and the CPR parser restores it), date-formatted cells as ISO dates, and
 * other numbers as they are (a date column stored as plain numbers is read
 * as Excel serials by `parseDateCell(cell, { excelSerial: true })`).
 */
import type ExcelJS from "exceljs";
import { problem } from "./messages.ts";
import type { Table, TableRow } from "./table.ts";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ("error" in value) return "";
  }
  return String(value);
}

/** True when the bytes start like a ZIP archive (an XLSX file). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the first worksheet. Never throws for bad input; an unreadable workbook is a problem. */
export async function readXlsxTable(bytes: Uint8Array, options: { file: string }): Promise<Table> {
  const { file } = options;
  const empty: Table = { file, header: [], headerLine: 0, rows: [], delimiter: ";", encoding: "utf-8", problems: [] };
  // exceljs takes most of a second to load: only commands that read an XLSX pay for it.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ...empty, problems: [problem("xlsx_unreadable", { file })] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ...empty, problems: [problem("file_empty", { file })] };
  const table: Table = { ...empty, problems: [] };
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let index = 1; index < values.length; index++) cells.push(cellText(values[index]));
    if (cells.every((cell) => cell.trim() === "")) return;
    if (header === undefined) {
      header = cells.map((cell) => cell.trim());
      table.headerLine = rowNumber;
      return;
    }
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== "")) {
      table.problems.push(problem("row_field_count", { file, row: rowNumber }, { expectedCount: header.length, foundCount: cells.length }));
      return;
    }
    cells.length = header.length;
    for (let index = 0; index < cells.length; index++) if (cells[index] === undefined) cells[index] = "";
    rows.push({ line: rowNumber, cells });
  });
  if (header === undefined) return { ...empty, problems: [problem("file_empty", { file })] };
  table.header = header;
  table.rows = rows;
  return table;
}
