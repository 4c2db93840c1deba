/**
 * Writing CSV for Danish Excel: semicolon separated, CRLF, UTF-8 with a byte
 * order mark (so Excel reads æøå right), values quoted when they hold the
 * delimiter, a quote or a line break.
 */

export interface CsvWriteOptions {
  /** Default: ";" */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark. Default: true */
  bom?: boolean;
}

/** Quotes one value when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined, delimiter = ";"): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The whole file as text: header and rows, CRLF line ends, with a BOM unless told otherwise. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ";";
  const lines = [header.map((cell) => csvCell(cell, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return (options.bom === false ? "" : "\uFEFF") + lines.join("\r\n") + "\r\n";
}
