/**
 * A scan of what analyze writes for published counts from 1 to minCellSize - 1 (issue 14,
 * item 5): every whole number in results.json and in every CSV table beside it, except
 * the fields that are not counts of persons (listed below with why), and counts of
 * persons written into text ("3 rows ..."). Returns where each one is, so a failing test
 * says which field to fix.
 */
import { parseDelimited } from "@jobtrial/core";

/** JSON keys whose whole-number values are not counts of persons: days, weeks, years, look numbers, degrees of freedom, design figures. */
const NOT_COUNTS = new Set([
  "schemaVersion", "minCellSize", "seed", "sided",
  "tau", "fromTau", "toTau", "time", "days", "weeks", "week", "year", "toleranceWeeks",
  "median", "lower", "upper", // days from the first unemployment day (medians and their intervals)
  "df", "look",
  // probabilities and fractions, which can be exactly 1
  "p", "binomialP", "share", "expectedShare", "surv", "informationFraction", "observedFraction", "nominalP", "alphaSpent", "alpha", "power",
]);
/** Path prefixes that are not counts: the configuration as given, the protocol's planned conversations per arm. */
const NOT_COUNT_PATHS = ["config.", "process.planned."];
/** CSV columns that are not counts of persons. */
const NOT_COUNT_COLUMNS = new Set(["time", "tau", "weeks", "week", "year", "look", "df", "lower", "upper", "control_lower", "control_upper", "intervention_lower", "intervention_upper", "rci_lower", "rci_upper", "p", "binomial_p", "share", "expected_share", "surv", "information_fraction", "nominal_p", "alpha_spent"]);
/** A small number next to a word for persons or rows, in a text. */
const COUNT_IN_TEXT = /(?<![\d.,])([1-9]\d*)\s+(?:row|rows|row\(s\)|citizen|citizens|person|persons|people|borger|borgere|rækker|række|personer)\b/giu;

export interface SmallCount {
  where: string;
  value: number;
}

function small(value: number, minCellSize: number): boolean {
  return Number.isInteger(value) && value >= 1 && value < minCellSize;
}

/** Small counts in a results object (the parsed results.json). */
export function smallCountsInJson(value: unknown, minCellSize: number, path = ""): SmallCount[] {
  const found: SmallCount[] = [];
  const visit = (node: unknown, at: string, key: string) => {
    if (NOT_COUNT_PATHS.some((prefix) => `${at}.`.startsWith(prefix))) return;
    if (typeof node === "number") {
      if (!NOT_COUNTS.has(key) && small(node, minCellSize)) found.push({ where: at, value: node });
    } else if (typeof node === "string") {
      for (const match of node.matchAll(COUNT_IN_TEXT)) if (small(Number(match[1]), minCellSize)) found.push({ where: `${at} (text)`, value: Number(match[1]) });
    } else if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${at}[${index}]`, key));
    else if (node !== null && typeof node === "object") for (const [name, item] of Object.entries(node)) visit(item, at === "" ? name : `${at}.${name}`, name);
  };
  visit(value, path, "");
  return found;
}

/** Small counts in a CSV table as resultsTables writes it (";", BOM, decimal comma). */
export function smallCountsInCsv(name: string, text: string, minCellSize: number): SmallCount[] {
  const table = parseDelimited(text, { file: name, delimiter: ";" });
  const found: SmallCount[] = [];
  table.rows.forEach((row) => {
    row.cells.forEach((cell, column) => {
      const header = table.header[column] ?? "";
      if (NOT_COUNT_COLUMNS.has(header) || !/^\d+$/.test(cell.trim())) return;
      if (small(Number(cell), minCellSize)) found.push({ where: `${name}, line ${row.line}, column ${header}`, value: Number(cell) });
    });
  });
  return found;
}
