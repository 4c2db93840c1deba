/**
 * Keyed pseudonyms: HMAC-SHA256 of the ten CPR digits with a secret key, so
 * the cohort and outcome files can leave the jobcentre without CPR numbers
 * and still be joined. The key is 32 random bytes, stored as 64 hex digits in
 * a file only its owner may read (mode 0600). A missing, unreadable or
 * malformed key is an error; there is never a fallback key.
 */
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { JobtrialError, mapHeader, namesDirectIdentifier, normalizeHeader } from "@jobtrial/core";
import { parseCpr } from "./cpr.ts";
import { toCsv } from "@jobtrial/core";
import { problem, type Problem } from "@jobtrial/core";
import type { Table } from "@jobtrial/core";

export type PseudonymKeyErrorCode = "key_file_exists" | "key_file_unwritable" | "key_file_not_found" | "key_file_unreadable" | "key_file_malformed";

/** A key file that cannot be written or read; `messageIn(lang)` words it, `message` is English. */
export class PseudonymKeyError extends JobtrialError {
  override name = "PseudonymKeyError";
  declare readonly code: PseudonymKeyErrorCode;
  constructor(code: PseudonymKeyErrorCode, fields: { file: string; reason?: string }) {
    super(code, fields, (lang) => pseudonymKeyMessage(code, fields, lang));
  }
}

function pseudonymKeyMessage(code: PseudonymKeyErrorCode, fields: { file: string; reason?: string }, lang: "da" | "en"): string {
  const da = lang === "da";
  const { file } = fields;
  const reason = fields.reason ?? (da ? "ukendt fejl" : "unknown error");
  switch (code) {
    case "key_file_exists":
      return da ? `${file} findes allerede; en nøgle overskrives aldrig (det ville ødelægge alle pseudonymer lavet med den)` : `${file} already exists; a key is never overwritten (it would break every pseudonym made with it)`;
    case "key_file_unwritable":
      return da ? `nøglefilen ${file} kan ikke skrives (${reason})` : `cannot write the key file ${file} (${reason})`;
    case "key_file_not_found":
      return da ? `nøglefilen findes ikke: ${file}; lav en med "jobtrial register keygen --out <fil>", eller angiv den rigtige sti` : `key file not found: ${file}; create one with "jobtrial register keygen --out <file>" or give the right path`;
    case "key_file_unreadable":
      return da ? `nøglefilen ${file} kan ikke læses (${reason})` : `cannot read the key file ${file} (${reason})`;
    case "key_file_malformed":
      return da ? `nøglefilen ${file} indeholder ikke en nøgle (64 hexcifre); brug filen, som "jobtrial register keygen" skrev` : `the key file ${file} does not hold a key (64 hex digits); use the file "jobtrial register keygen" wrote`;
  }
}

/** A loaded key. Prints as "[KEY]". */
export interface PseudonymKey {
  bytes: Buffer;
}

/** Writes a new random key to `path` with mode 0600; refuses to overwrite an existing file. */
export function writeNewKey(path: string): void {
  const key = randomBytes(32).toString("hex");
  try {
    writeFileSync(path, key + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PseudonymKeyError(code === "EEXIST" ? "key_file_exists" : "key_file_unwritable", { file: path, ...(code ? { reason: code } : {}) });
  }
}

/** Reads a key file. Throws PseudonymKeyError when it is missing, unreadable or not 64 hex digits. */
export function loadKey(path: string): PseudonymKey {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PseudonymKeyError(code === "ENOENT" ? "key_file_not_found" : "key_file_unreadable", { file: path, ...(code ? { reason: code } : {}) });
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new PseudonymKeyError("key_file_malformed", { file: path });
  const key = { bytes: Buffer.from(hex, "hex") };
  Object.defineProperty(key, "toJSON", { value: () => "[KEY]", enumerable: false });
  return key;
}

/** The pseudonym of ten CPR digits: HMAC-SHA256 (hex, 64 digits). */
export function pseudonymFor(key: PseudonymKey, cprDigits: string): string {
  return createHmac("sha256", key.bytes).update(cprDigits).digest("hex");
}

export interface PseudonymizeOptions {
  /** Header name of the CPR column (matched like other headers: case, spaces and æøå ignored). */
  column: string;
  key: PseudonymKey;
  /**
   * Header names of the columns to keep besides the CPR column (matched like
   * the CPR column's). Every other column is dropped. A column whose header
   * names a direct identifier (`namesDirectIdentifier`: name, address, phone,
   * e-mail, free-text remark, CPR number) is dropped even when listed here.
   */
  keep: readonly string[];
  /** Header name that replaces the CPR column's. Default: "pseudonym" */
  outputColumn?: string;
}

export type PseudonymizeResult =
  | {
      ok: true;
      csv: string;
      rows: number;
      /** Header names of the columns written besides the pseudonym, in file order. */
      kept: string[];
      /** Header names of the columns dropped, in file order. */
      dropped: string[];
    }
  | { ok: false; problems: Problem[] };

/**
 * Pseudonymizes a table by keeping a known set of columns: the CPR column
 * becomes the pseudonym (the same as in the cohort export), the columns in
 * `keep` stay as they are (in file order, with the file's delimiter), and
 * every other column is dropped, so a name or a remark the extract happens to
 * carry never leaves with it. Every CPR cell must parse; otherwise nothing is
 * produced and each bad cell is a problem (by row and column, never by value).
 */
export function pseudonymizeTable(table: Table, options: PseudonymizeOptions): PseudonymizeResult {
  if (table.problems.length > 0) return { ok: false, problems: table.problems };
  const mapping = mapHeader(table.header, [{ key: "cpr", aliases: [options.column] }], table.file, table.headerLine);
  if (mapping.problems.length > 0) return { ok: false, problems: mapping.problems };
  const index = mapping.index.cpr!;
  const wanted = new Set(options.keep.map(normalizeHeader));
  // The positions written, in file order: the CPR column (as the pseudonym) and the kept columns.
  const written: number[] = [];
  const dropped: string[] = [];
  table.header.forEach((name, position) => {
    if (position === index || (wanted.has(normalizeHeader(name)) && !namesDirectIdentifier(name))) written.push(position);
    else dropped.push(name);
  });
  const problems: Problem[] = [];
  const rows: string[][] = [];
  for (const row of table.rows) {
    const parsed = parseCpr(row.cells[index]!);
    if (!parsed.ok) {
      problems.push(problem(parsed.problem, { file: table.file, row: row.line, column: table.header[index]! }));
      continue;
    }
    const pseudonym = pseudonymFor(options.key, parsed.cpr.digits);
    rows.push(written.map((position) => (position === index ? pseudonym : (row.cells[position] ?? ""))));
  }
  if (problems.length > 0) return { ok: false, problems };
  const header = written.map((position) => (position === index ? (options.outputColumn ?? "pseudonym") : table.header[position]!));
  const kept = written.filter((position) => position !== index).map((position) => table.header[position]!);
  return { ok: true, csv: toCsv(header, rows, { delimiter: table.delimiter }), rows: rows.length, kept, dropped };
}

/** True when a header name looks like a CPR column (for warnings). */
export function looksLikeCprColumn(name: string): boolean {
  const normalized = normalizeHeader(name);
  return normalized.startsWith("cpr") || normalized === "personnummer";
}
