/**
 * Finding columns by name: a header cell matches a column when its normalized
 * form equals one of the column's aliases (Danish or English). Normalizing
 * lowercases, spells æ/ø/å as ae/oe/aa, drops accents and every character
 * that is not a letter or digit, so "Første ledighedsdag", "forste_ledighedsdag"
 * and "FØRSTE LEDIGHEDSDAG" all match.
 */
import { problem, type Problem } from "./messages.ts";

export interface ColumnSpec<Key extends string = string> {
  /** The name the program uses. */
  key: Key;
  /** Header names that mean this column, the preferred (Danish) name first. */
  aliases: readonly string[];
  /** A missing required column is a problem; a missing optional one is left out. Default: true */
  required?: boolean;
}

export interface HeaderMapping<Key extends string = string> {
  /** Column index of each found column. */
  index: Partial<Record<Key, number>>;
  /** Header names of the found columns, as written in the file. */
  names: Partial<Record<Key, string>>;
  /** Columns that match no spec, in file order. */
  extra: { name: string; index: number }[];
  problems: Problem[];
}

/** The normalized form of a header name used for matching. */
export function normalizeHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Maps a header row to columns. Each spec takes the first header cell matching
 * one of its aliases; a second match for the same spec is a duplicate-column
 * problem, as is a missing required column.
 *
 * @param headerRow 1-based line of the header, for problems.
 */
export function mapHeader<Key extends string>(header: readonly string[], specs: readonly ColumnSpec<Key>[], file: string, headerRow: number | null = 1): HeaderMapping<Key> {
  const mapping: HeaderMapping<Key> = { index: {}, names: {}, extra: [], problems: [] };
  const byAlias = new Map<string, ColumnSpec<Key>>();
  for (const spec of specs) for (const alias of spec.aliases) if (!byAlias.has(normalizeHeader(alias))) byAlias.set(normalizeHeader(alias), spec);
  header.forEach((name, index) => {
    const spec = byAlias.get(normalizeHeader(name));
    if (!spec) {
      mapping.extra.push({ name, index });
      return;
    }
    const earlier = mapping.index[spec.key];
    if (earlier !== undefined) {
      mapping.problems.push(problem("header_duplicate_column", { file, row: headerRow, column: name }, { otherRow: earlier + 1 }));
      return;
    }
    mapping.index[spec.key] = index;
    mapping.names[spec.key] = name;
  });
  for (const spec of specs) {
    if (spec.required !== false && mapping.index[spec.key] === undefined) {
      mapping.problems.push(problem("header_missing_column", { file, row: headerRow, column: spec.aliases[0] ?? spec.key }, { expected: spec.aliases }));
    }
  }
  return mapping;
}
