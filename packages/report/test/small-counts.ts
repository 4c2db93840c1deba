/**
 * A scan of the files the report writes for small counts: any count from 1 to
 * minCellSize - 1, wherever it appears.
 *
 * - Chart data (charts/<id>.<table>.csv and the datasets inline in charts/<id>.vl.json):
 *   deny by default. A column whose numbers are all whole numbers is taken as counts
 *   unless it is known to hold something else (times, weeks, years, the order of rows,
 *   look numbers, layout coordinates); a column with any fraction is a share, a rate or an
 *   estimate (a count never has one). Count labels ("nRiskLabel", "cumEventsLabel") and the texts of
 *   boxes and rows ("Annulleret: 3", "(n = 3 / 12)") are read for the counts they show.
 * - The HTML: every table cell that is a whole number, or starts with one followed by a
 *   bracket ("21 (5,9 %; ...)"), unless its column is a year or a date; and, anywhere in
 *   the text, the ways the report words a count ("kontrol 3, indsats 12", "3 i indsatsen",
 *   "n = 3", "48 talt"). The charts' SVG is left out here: it is drawn from exactly the
 *   chart data scanned above.
 *
 * Numbers are read as the report writes them, Danish ("1.234") or English ("1,234").
 */
import { readCsvColumns } from "@jobtrial/core";

/** Columns of chart tables that hold whole numbers that are not counts, as "<chart>.<table>.<column>" or "*.<column>" for every table. */
const NOT_COUNTS = new Set([
  "*.time",
  "*.week",
  "*.year",
  "*.order",
  "*.look",
  "*.tau",
  "*.days",
  "*.x",
  "*.x2",
  "*.y",
  "*.y2",
  "*.xText",
  "*.yText",
  "*.at",
  "*.value",
  "*.weeks",
  // the protocol's marker of a planned conversation in a programme week (1 or empty), not a count
  "process.byWeek.planned",
]);
/** Columns that are labels of a count (the whole text is a count, perhaps in brackets). */
const COUNT_LABELS = new Set(["nRiskLabel", "cumEventsLabel"]);
/** Columns of text that may carry counts inside sentences or lines. */
const TEXT_COLUMNS = new Set(["text", "label"]);
/** HTML table headers whose whole-number cells are not counts. */
const NOT_COUNT_HEADERS = new Set(["År", "Year", "Dato", "Date"]);

export interface SmallCountHit {
  file: string;
  where: string;
  value: number;
}

/** Reads a whole number as the report writes it; null for anything else. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}([.,]\d{3})*$/.test(trimmed)) return null;
  return Number(trimmed.replace(/[.,]/g, ""));
}

/** The counts a sentence or line shows, in the report's wordings. */
function countsInText(text: string): number[] {
  const patterns = [
    /:\s*(\d[\d.,]*)\s*$/gm, // a flow box's line "Annulleret: 3"
    /\bn = (\d[\d.,]*)(?: \/ (\d[\d.,]*))?/g, // a forest row "(n = 3 / 12)"
    /\b(?:kontrol|indsats|control|intervention) (\d[\d.,]*)(?![\d.,]*\s*%)/g, // "kontrol 3, indsats 12"
    /(\d[\d.,]*) (?:i indsatsen|i kontrolgruppen|in the intervention|in control)\b/g,
    /(\d[\d.,]*) (?:borgere|citizens|talt|counted)\b/g,
  ];
  const found: number[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      for (const group of match.slice(1)) {
        if (group === undefined) continue;
        const value = wholeNumber(group.replace(/[.,]$/, ""));
        if (value !== null) found.push(value);
      }
    }
  }
  return found;
}

/** Small counts in one chart table (rows as parsed from CSV or JSON). */
function tableHits(file: string, chart: string, table: string, rows: readonly Record<string, unknown>[], minCellSize: number): SmallCountHit[] {
  const hits: SmallCountHit[] = [];
  const small = (value: number) => value >= 1 && value < minCellSize;
  const numberOf = (raw: unknown) => (typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : null);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const wholeColumns = new Set(columns.filter((column) => rows.every((row) => { const value = numberOf(row[column]); return value === null || Number.isInteger(value); })));
  rows.forEach((row, index) => {
    for (const [column, raw] of Object.entries(row)) {
      const where = `${table}[${index}].${column}`;
      if (NOT_COUNTS.has(`*.${column}`) || NOT_COUNTS.has(`${chart}.${table}.${column}`)) continue;
      if (COUNT_LABELS.has(column) && typeof raw === "string") {
        const value = wholeNumber(raw.replace(/^\(|\)$/g, ""));
        if (value !== null && small(value)) hits.push({ file, where, value });
        continue;
      }
      if (TEXT_COLUMNS.has(column) && typeof raw === "string") {
        for (const value of countsInText(raw)) if (small(value)) hits.push({ file, where, value });
        continue;
      }
      const value = numberOf(raw);
      if (wholeColumns.has(column) && value !== null && small(value)) hits.push({ file, where, value });
    }
  });
  return hits;
}

/** Small counts in the visible text and tables of an HTML document (charts' SVG left out). */
function htmlHits(file: string, html: string, minCellSize: number): SmallCountHit[] {
  const hits: SmallCountHit[] = [];
  const small = (value: number) => value >= 1 && value < minCellSize;
  const decode = (text: string) =>
    text
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;|&#160;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, " ")
      .trim();
  const withoutCharts = html.replace(/<svg[\s\S]*?<\/svg>/g, " ").replace(/<style>[\s\S]*?<\/style>/g, " ");
  for (const [tableIndex, tableMatch] of [...withoutCharts.matchAll(/<table[\s\S]*?<\/table>/g)].entries()) {
    const tableHtml = tableMatch[0];
    const headerRow = [...tableHtml.matchAll(/<tr>((?:(?!<\/tr>)[\s\S])*?<th[\s\S]*?)<\/tr>/g)].at(-1)?.[1] ?? "";
    const headers = [...headerRow.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((match) => decode(match[1]!));
    const body = /<tbody>([\s\S]*)<\/tbody>/.exec(tableHtml)?.[1] ?? "";
    for (const [rowIndex, rowMatch] of [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].entries()) {
      const cells = [...rowMatch[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => decode(match[1]!));
      cells.forEach((cell, column) => {
        if (NOT_COUNT_HEADERS.has(headers[column] ?? "")) return;
        const lead = /^(\d[\d.,]*)(?: \(|$)/.exec(cell);
        const value = lead ? wholeNumber(lead[1]!) : null;
        if (value !== null && small(value)) hits.push({ file, where: `table ${tableIndex + 1}, row ${rowIndex + 1}, column "${headers[column] ?? column}"`, value });
      });
    }
  }
  const text = decode(withoutCharts);
  for (const value of countsInText(text)) if (small(value)) hits.push({ file, where: "text", value });
  return hits;
}

/** Every small count in one file the report wrote (by its path under the output folder). */
export function smallCountsIn(path: string, content: string, minCellSize: number): SmallCountHit[] {
  const csv = /^charts\/([^.]+)\.([^.]+)\.csv$/.exec(path);
  if (csv) {
    const header = content.split("\n", 1)[0]!.split(",");
    const read = readCsvColumns(new TextEncoder().encode(content), path, header.map((name) => ({ name, kind: "label" as const })));
    if (!read.ok) throw new Error(`${path} is not the CSV the report writes: ${read.problems.map((problem) => problem.code).join(", ")}`);
    const { rows, labels } = read.columns;
    const records = Array.from({ length: rows }, (_, index) => Object.fromEntries(header.map((name) => [name, labels[name]![index] ?? null])));
    return tableHits(path, csv[1]!, csv[2]!, records, minCellSize);
  }
  const spec = /^charts\/([^.]+)\.vl\.json$/.exec(path);
  if (spec) {
    const datasets = (JSON.parse(content) as { datasets?: Record<string, Record<string, unknown>[]> }).datasets ?? {};
    return Object.entries(datasets).flatMap(([table, rows]) => tableHits(path, spec[1]!, table, rows, minCellSize));
  }
  if (path.endsWith(".html")) return htmlHits(path, content, minCellSize);
  throw new Error(`the small-count scan does not know the file type of ${path}; teach it before the report writes such a file`);
}
