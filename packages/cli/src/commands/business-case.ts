import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { loadTrialConfig, writeXlsxFile, type XlsxCell, type XlsxSheet } from "@jobtrial/core";
import {
  businessCase,
  BusinessCaseError,
  businessCaseSections,
  formatBusinessCaseTable,
  type BusinessCase,
  type BusinessCaseCellKind,
  type BusinessCaseOptions,
} from "@jobtrial/business-case";
import { numberOption, resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";

const NUMBER_FORMATS: Record<BusinessCaseCellKind, string | undefined> = {
  kr: '#,##0 "kr."',
  days: '0.0 "dage"',
  days2: '0.00 "dage"',
  share: "0.0 %",
  probability: "0 %",
  persons: "#,##0",
  persons1: "#,##0.0",
  number: "#,##0.00",
  text: undefined,
};

/** A sheet's name from its section's title: the words before ":" or "(" ("Nettobesparelse pr. år: ..." -> "Nettobesparelse pr. år"). */
function sheetName(title: string): string {
  return title.split(/:|\s\(/)[0]!.trim();
}

/** A column's width: its longest text (a number counts as 16 characters, "1.700.000 kr."), within 10-60. */
function columnWidth(header: string, cells: readonly ({ value: number | string | null } | undefined)[]): number {
  const longest = Math.max(header.length, ...cells.map((cell) => (cell === undefined || cell.value === null ? 0 : typeof cell.value === "number" ? 16 : cell.value.length)));
  return Math.min(60, Math.max(10, longest + 2));
}

/**
 * The business case as XLSX sheets: first an overview naming the other sheets, then one
 * sheet per section (its title above the header row), numbers as numbers with their
 * number format, texts as text.
 */
export function businessCaseSheets(result: BusinessCase): XlsxSheet[] {
  const seen = new Map<string, number>();
  const sheets: XlsxSheet[] = businessCaseSections(result).map((section) => {
    // Two scenarios share a name: the second is "Scenarie (2)".
    const base = sheetName(section.title);
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    const header = section.columns.length > 0 ? section.columns : ["Note"];
    return {
      name: count === 1 ? base : `${base} (${count})`,
      title: section.title,
      columns: header.map((name, index) => ({ header: name, width: columnWidth(name, section.rows.map((row) => row[index])) })),
      rows: section.rows.map((cells) =>
        cells.map((cell): XlsxCell => {
          const numFmt = NUMBER_FORMATS[cell.kind];
          return typeof cell.value === "number" && numFmt !== undefined ? { number: cell.value, numFmt } : cell.value;
        }),
      ),
    };
  });
  const overview: XlsxSheet = {
    name: "Business case",
    title: `Business case: ${result.trial.name} (${result.trial.id}). ${result.mode === "measured" ? "Målt effekt fra results.json" : "Hvad-nu-hvis på antagne sparede dage"}`,
    columns: [
      { header: "Ark", width: 26 },
      { header: "Indhold", width: 100 },
    ],
    rows: sheets.map((sheet) => [sheet.name, sheet.title ?? ""]),
  };
  return [overview, ...sheets];
}

export const businessCaseCommand: Command = {
  name: "business-case",
  summary: "Nettobesparelse over for budgettet",
  usage:
    "business-case --config <trial.json> [--results results.json] [--days-saved <d>] [--participants-per-year <n>] [--horizon <days>] [--prior-weeks <w>] [--from-year <y>] [--to-year <y>] [--format table|json|xlsx] [--out <file>]",
  help: `
Prices the difference between the arms' Kaplan-Meier curves week by week: for each
day of the spell up to the horizon, (share still unemployed in control minus share
still unemployed in intervention) x the maximum A-dagpenge of the calendar year the
day falls in (per benefit day x benefit days per week / 7) x the municipality's
co-financing share for that week on public support. Beside it, the simple mode:
days saved x benefit per calendar day x the average co-financing share.

Per year: intervention participants entering that year x the saving, placed in the
years the saved days fall in, minus the programme cost; the regional employment grant
is netted when the configuration says so. Intervals and P(net > 0) by the delta
method (normal approximation). Also break-even, sensitivity, a scenario where the
programme continues after the budget years, and the participants per year that the
project's expectation (expectations.daysSaved -> netSavingsPerYear) implies.

Without --results it is a what-if on --days-saved (default: the configuration's
expected days), spread evenly over the horizon, without intervals.

Options:
  --config <file>               trial configuration (required)
  --results <file>              results.json of "jobtrial analyze" (the measured effect)
  --days-saved <d>              days saved per participant; with --results the measured
                                curve difference is scaled to it
  --participants-per-year <n>   intervention participants per year (default: observed in
                                results, else implied by the expectation)
  --horizon <days>              horizon of the curves (default: results' tau, else
                                evaluation.primaryHorizonDays)
  --prior-weeks <w>             weeks on public support before the first unemployment
                                day (default: 0, newly unemployed)
  --from-year <y>, --to-year <y>  years counted (default: expectations.fromYear-toYear)
  --format table|json|xlsx      output (default: table, Danish; xlsx needs --out)
  --out <file>                  write to a file instead of standard output; a name
                                ending in .xlsx writes the XLSX workbook

Examples:
  jobtrial business-case --config data/esbjerg-2017/trial.json
  jobtrial business-case --config data/esbjerg-2017/trial.json --results results.json --out business-case.xlsx`,
  options: {
    config: { type: "string" },
    results: { type: "string" },
    "days-saved": { type: "string" },
    "participants-per-year": { type: "string" },
    horizon: { type: "string" },
    "prior-weeks": { type: "string" },
    "from-year": { type: "string" },
    "to-year": { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  },
  async run({ io, values }) {
    const configArgument = stringOption(values, "config", true);
    const out = stringOption(values, "out");
    let format = stringOption(values, "format") ?? (out !== undefined && extname(out).toLowerCase() === ".xlsx" ? "xlsx" : "table");
    if (format !== "table" && format !== "json" && format !== "xlsx") throw new UsageError(`--format must be table, json or xlsx, got "${format}"`);
    if (format === "xlsx" && out === undefined) throw new UsageError("--format xlsx needs --out <file.xlsx>");

    const loaded = loadTrialConfig(resolvePath(io, configArgument));
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.stderr(`${configArgument}: ${problem.path}: ${problem.message}\n`);
      throw new UserError(`${configArgument} is not a valid configuration; run "jobtrial config check ${configArgument}"`);
    }

    const options: BusinessCaseOptions = { configHash: loaded.hash };
    const resultsArgument = stringOption(values, "results");
    if (resultsArgument !== undefined) {
      let text: string;
      try {
        text = readFileSync(resolvePath(io, resultsArgument), "utf8");
      } catch (error) {
        throw new UserError(`${resultsArgument}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found; check the path" : (error as Error).message}`);
      }
      try {
        options.results = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (error) {
        throw new UserError(`${resultsArgument}: is not valid JSON (${(error as Error).message})`);
      }
    }
    const numeric: [keyof BusinessCaseOptions, string, boolean][] = [
      ["daysSaved", "days-saved", false],
      ["participantsPerYear", "participants-per-year", false],
      ["horizonDays", "horizon", true],
      ["priorWeeks", "prior-weeks", true],
      ["fromYear", "from-year", true],
      ["toYear", "to-year", true],
    ];
    for (const [key, name, integer] of numeric) {
      const value = numberOption(values, name, { integer });
      if (value !== undefined) (options as Record<string, unknown>)[key] = value;
    }

    let result: BusinessCase;
    try {
      result = businessCase(loaded.config, options);
    } catch (error) {
      if (error instanceof BusinessCaseError) {
        throw new UserError(`${error.issue.code}: ${error.message}${error.issue.code.startsWith("results") && resultsArgument ? ` (${resultsArgument})` : ""}`);
      }
      throw error;
    }

    if (format === "xlsx") {
      await writeXlsxFile(resolvePath(io, out!), businessCaseSheets(result));
      io.stderr(`Wrote ${out}\n`);
      return 0;
    }
    const text = format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatBusinessCaseTable(result);
    if (out !== undefined) {
      writeFileSync(resolvePath(io, out), text);
      io.stderr(`Wrote ${out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
