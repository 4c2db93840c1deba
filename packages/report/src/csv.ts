/**
 * Chart data as CSV for evaluators: comma-separated, "." decimals, UTF-8, a header
 * row, empty fields for missing (suppressed) values, RFC 4180 quoting. Machine
 * readable on purpose (R's read.csv, pandas); the report's Danish formatting is for
 * people and stays in the HTML.
 */
import type { Row } from "./chart-data.ts";

export function toCsv(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Row[string] | undefined) => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((column) => cell(column)).join(","), ...rows.map((row) => columns.map((column) => cell(row[column])).join(","))].join("\n") + "\n";
}
