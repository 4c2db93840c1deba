/**
 * Chart data as CSV for evaluators: comma-separated, "." decimals, UTF-8 without
 * BOM, LF line ends, a header row, empty fields for missing (suppressed) values.
 * Machine readable on purpose (R's read.csv, pandas); the report's Danish
 * formatting is for people and stays in the HTML. Written by core's one CSV
 * writer (RFC 4180 quoting, formula-safe text).
 */
import { toCsv as csvText } from "@jobtrial/core";
import type { Row } from "./chart-data.ts";

/** The rows as CSV; the columns are every key of any row, in order of first appearance. */
export function toCsv(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return csvText(
    columns,
    rows.map((row) => columns.map((column) => row[column])),
    { delimiter: ",", bom: false, lineEnd: "\n" },
  );
}
