/**
 * `jobtrial survival`: Kaplan-Meier, median, log-rank, RMST and Cox (event data) or the
 * cumulative incidence of competing exits (state data) from a CSV file.
 */
import { readFileSync } from "node:fs";
import { formatNumber as formatLocal, formatProblem, readCsvColumns, type CsvColumnRequest, type CsvColumns, type Lang } from "@jobtrial/core";
import { analyzeMessage, survivalSummary, type SurvivalSummary } from "@jobtrial/survival";
import { choiceOption, exclusiveOptions, listOption, numberListOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command, type Io } from "../command.ts";
import { ENGINE_OPTION_SPEC, ENGINE_WORDING, refuseColumnsWithCounts, rowSource } from "../engine-options.ts";
import { ESTIMATES_WORDING } from "../messages.ts";

// Helpers shared with `jobtrial compare` and `jobtrial states` (they import them from here).

/**
 * Read the requested columns of the CSV named on the command line (core's
 * `readCsvColumns`); a problem in the file is a user error naming the first
 * problem's file, row and column, and how many more there are, in both languages.
 */
export function readCommandCsv(io: Io, path: string, requests: CsvColumnRequest[]): CsvColumns {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolvePath(io, path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError({ da: ESTIMATES_WORDING.da.cannotRead(path, reason), en: ESTIMATES_WORDING.en.cannotRead(path, reason) });
  }
  const read = readCsvColumns(bytes, path, requests);
  if (read.ok) return read.columns;
  const more = read.problems.length - 1;
  const inLang = (lang: Lang) => formatProblem(read.problems[0]!, lang) + (more > 0 ? ESTIMATES_WORDING[lang].moreProblems(more) : "");
  throw new UserError({ da: inLang("da"), en: inLang("en") });
}

/** Counted rows as columns: the persons' columns plus how many persons each row stands for. */
export interface CountedColumns {
  arm: (string | null)[];
  stratum?: (string | null)[];
  time: ArrayLike<number | null>;
  status: ArrayLike<number | null>;
  count: ArrayLike<number | null>;
}

/**
 * Read a counted-rows file (the output of the query \`jobtrial sql\` prints: arm,
 * optionally stratum, time, status, count) like any CSV the command reads: a bad cell is
 * a user error with file, row and column. \`statusRule\` is "0/1" for events, "whole >= 0"
 * for exit states.
 */
export function readCountsCsv(io: Io, path: string, statusRule: "0/1" | "whole >= 0"): CountedColumns {
  const requests: CsvColumnRequest[] = [
    { name: "arm", kind: "label" },
    { name: "time", kind: "number", rule: ">= 0" },
    { name: "status", kind: "number", rule: statusRule },
    { name: "count", kind: "number", rule: "whole >= 0" },
  ];
  let columns = readCommandCsv(io, path, requests);
  const withStratum = columns.header.some((name) => name.trim().toLowerCase() === "stratum");
  if (withStratum) columns = readCommandCsv(io, path, [...requests, { name: "stratum", kind: "label" }]);
  return {
    arm: columns.labels["arm"]!,
    time: columns.numbers["time"]!,
    status: columns.numbers["status"]!,
    count: columns.numbers["count"]!,
    ...(withStratum ? { stratum: columns.labels["stratum"]! } : {}),
  };
}

/** A number for a table in the command's language: fixed decimals, "-" when missing. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 3): string {
  return formatLocal(value, lang, { decimals: digits, missing: "-" });
}

/** A p-value for a table: four decimals, or two significant digits below 0.0001. */
export function formatP(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  const text = value < 0.0001 ? value.toExponential(2) : value.toFixed(4);
  return lang === "da" ? text.replace(".", ",") : text;
}

function table(summary: SurvivalSummary, at: number[], lang: Lang): string {
  const say = ESTIMATES_WORDING[lang];
  const number = (value: number | null | undefined, digits = 3) => formatNumber(value, lang, digits);
  const p = (value: number | null | undefined) => formatP(value, lang);
  const interval = (lower: number | null | undefined, upper: number | null | undefined, digits = 3) => `${number(lower, digits)} ${say.to} ${number(upper, digits)}`;
  const lines: string[] = [say.header(String(summary.n), summary.groups.join(` (${say.reference}), `))];
  if (summary.median !== undefined) {
    lines.push("", say.median(summary.confType));
    for (const group of summary.groups) {
      const median = summary.median[group]!;
      lines.push(`  ${group.padEnd(16)} ${number(median.median, 1)} (${interval(median.lower, median.upper, 1)})`);
    }
  }
  if (summary.km !== undefined && at.length > 0) {
    lines.push("", say.survivalAt);
    for (const group of summary.groups) {
      const rows = summary.km[group]!;
      for (const time of at) {
        let index = -1;
        for (let position = 0; position < rows.length && rows[position]!.time <= time; position++) index = position;
        const row = index >= 0 ? rows[index]! : undefined;
        lines.push(`  ${group.padEnd(16)} t = ${String(time).padEnd(6)} S = ${number(row?.surv ?? 1)} (${interval(row?.lower, row?.upper)})`);
      }
    }
  }
  if (summary.logrank !== undefined) {
    const logrank = summary.logrank;
    lines.push("", say.logrank(logrank.stratified, number(logrank.chisq), logrank.df, p(logrank.p)));
    for (const group of summary.groups) lines.push(`  ${group.padEnd(16)} ${say.observedExpected(logrank.observed[group]!, number(logrank.expected[group], 1))}`);
  }
  if (summary.rmst !== undefined) {
    lines.push("", say.rmst);
    for (const entry of summary.rmst) {
      const parts = summary.groups.map((group) => `${group} ${number(entry.byGroup[group]!.rmst, 1)} (se ${number(entry.byGroup[group]!.se, 2)})`);
      const difference = entry.difference;
      lines.push(`  tau ${entry.tau}: ${parts.join(", ")}` + (difference === null ? "" : `; ${say.difference} ${number(difference.estimate, 2)} (${interval(difference.lower, difference.upper, 2)}), p ${p(difference.p)}`));
    }
  }
  if (summary.cox !== undefined) {
    const cox = summary.cox;
    lines.push("", cox === null ? say.coxNotEstimable : say.cox(cox.ties, number(cox.hr), interval(cox.lower, cox.upper), p(cox.p), p(cox.lrP), p(cox.scoreP)));
  }
  if (summary.cif !== undefined) {
    lines.push("", say.cif);
    const source = at.length > 0 ? summary.cifAt! : summary.cif;
    for (const group of summary.groups) {
      for (const [state, points] of Object.entries(source[group]!)) {
        const shown = at.length > 0 ? points : points.slice(-1);
        for (const point of shown) lines.push(`  ${group.padEnd(16)} ${say.state} ${state} t = ${String(point.time).padEnd(6)} ${number(point.estimate)} (se ${number(point.stdErr)})`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

export const survival: Command = {
  name: "survival",
  summary: { da: "Kaplan-Meier, log-rank, RMST, Cox og kumulativ incidens", en: "Kaplan-Meier, log-rank, RMST, Cox and cumulative incidence" },
  usage: {
    da: "survival (<csv> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <fil>) --time <kol> (--event <kol> | --state <kol>) --group <kol> [--groups <reference>,<anden>] [--strata <kol>] [--tau <t1,t2,...>] [--at <t1,t2,...>] [--conf-type log-log|log|plain] [--ties efron|breslow] [--format table|json]",
    en: "survival (<csv> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <file>) --time <col> (--event <col> | --state <col>) --group <col> [--groups <reference>,<other>] [--strata <col>] [--tau <t1,t2,...>] [--at <t1,t2,...>] [--conf-type log-log|log|plain] [--ties efron|breslow] [--format table|json]",
  },
  help: {
    da: `
Overlevelsesanalyse af en CSV-fil (semikolon-, komma- eller tabulatorsepareret, med
overskriftsrække; UTF-8 med eller uden BOM, Windows-1252 eller UTF-16; decimalkomma,
medmindre filen er kommasepareret). Rækker med tom tid, hændelse/tilstand eller gruppe
udelades og tælles (stderr). Resultaterne stemmer med R-pakken survival (survfit,
survdiff, coxph).

Med --event (1 = hændelse, 0 = censureret): Kaplan-Meier pr. gruppe med
konfidensbånd, medianen med dens interval, log-rank-test, restricted mean survival time
(RMST) pr. tau og forskellen (anden minus reference), Cox' hazard ratio for anden mod
reference. Med --state (0 = censureret, 1, 2, ... = afgangstilstande): den kumulative
incidens af hver afgangstilstand pr. gruppe (Aalen-Johansen, standardfejl ved
infinitesimal jackknife).

Tilvalg:
  --time <kol>        opfølgningstid i hele dage
  --event <kol>       1 = hændelse, 0 = censureret
  --state <kol>       0 = censureret, 1, 2, ... = afgangstilstand (i stedet for --event)
  --group <kol>       den lodtrukne gruppe
  --groups a,b        reference og anden gruppe (standard: "control", hvis den findes,
                      ellers sorteret)
  --strata <kol>      stratificer log-rank-testen og Cox-modellen
  --tau t1,t2         RMST-horisonter (standard: den mindste gruppes sidste tid); en tau
                      efter den er en fejl, der nævner den største gyldige tau
  --at t1,t2          tider for den kumulative incidens (cifAt) og tabellens overlevelse
  --conf-type x       Kaplan-Meier-bånd: log-log (standard), log (R's standard) eller plain
  --ties x            Cox-bånd for samtidige hændelser: efron (standard, som R) eller breslow
  --format x          table (standard) eller json

${ENGINE_WORDING.help.da}
  Med --counts læses kolonnerne arm, time, status, count (og stratum, hvis den
  findes; så stratificeres); --time, --event og --group gives ikke, --state status
  læser status som afgangstilstande.

Eksempel:
  jobtrial survival udfald.csv --time dage --event afgang --group arm --tau 182,364 --format json
  jobtrial survival --counts taellede.csv --tau 182,364`,
    en: `
Survival analysis of a CSV file (semicolon, comma or tab separated, header row; UTF-8
with or without BOM, Windows-1252 or UTF-16; a decimal comma unless comma separated).
Rows with an empty time, event/state or group are dropped and counted (stderr). Results
agree with R's survival package (survfit, survdiff, coxph).

With --event (1 = event, 0 = censored): Kaplan-Meier per group with a confidence band,
median with its interval, log-rank test, restricted mean survival time (RMST) per tau
and its difference (other minus reference), Cox hazard ratio of other vs reference.
With --state (0 = censored, 1, 2, ... = exit states): the cumulative incidence of each
exit state per group (Aalen-Johansen, infinitesimal-jackknife standard errors).

Options:
  --time <col>        follow-up time in whole days
  --event <col>       1 = event, 0 = censored
  --state <col>       0 = censored, 1, 2, ... = exit state (instead of --event)
  --group <col>       the randomized group
  --groups a,b        reference and other group (default: "control" if present, else sorted)
  --strata <col>      stratify the log-rank test and the Cox model
  --tau t1,t2         RMST horizons (default: the smallest group's last time); a tau past
                      that is an error naming the largest valid tau
  --at t1,t2          times for the cumulative incidence (cifAt) and the table's survival
  --conf-type x       Kaplan-Meier band: log-log (default), log (R's default) or plain
  --ties x            Cox ties: efron (default, as R) or breslow
  --format x          table (default) or json

${ENGINE_WORDING.help.en}
  With --counts the columns arm, time, status, count are read (and stratum when
  present; then stratified); --time, --event and --group are not given, --state status
  reads status as exit states.

Example:
  jobtrial survival outcomes.csv --time days --event exited --group arm --tau 182,364 --format json
  jobtrial survival --counts counted.csv --tau 182,364`,
  },
  options: { ...stringOptions("time", "event", "state", "group", "groups", "strata", "tau", "at", "conf-type", "ties", "format"), ...ENGINE_OPTION_SPEC },
  positionals: [0, 1],
  async run({ io, values, positionals, lang }) {
    const source = rowSource(io, values, positionals);
    if ((source.kind === "counts") === (positionals.length === 1)) throw new UsageError(ENGINE_WORDING.inputOrCounts({ da: "<csv>", en: "<csv>" }));
    const file = source.kind === "counts" ? source.file : positionals[0]!;
    const say = ESTIMATES_WORDING[lang];
    exclusiveOptions(values, ["event", "state"], source.kind !== "counts");
    const eventColumn = stringOption(values, "event");
    const stateColumn = stringOption(values, "state");
    const byEvent = stateColumn === undefined;
    const confType = choiceOption(values, "conf-type", ["log-log", "log", "plain"], "log-log");
    const ties = choiceOption(values, "ties", ["efron", "breslow"], "efron");
    const format = choiceOption(values, "format", ["table", "json"], "table");
    const groups = listOption(values, "groups", 2);
    const taus = numberListOption(values, "tau", { positive: true });
    const at = numberListOption(values, "at") ?? [];

    let rows: CountedColumns;
    if (source.kind === "counts") {
      refuseColumnsWithCounts(values, ["time", "event", "group", "strata"], "arm, stratum, time, status, count");
      rows = readCountsCsv(io, file, byEvent ? "0/1" : "whole >= 0");
    } else {
      const timeColumn = stringOption(values, "time", true);
      const groupColumn = stringOption(values, "group", true);
      const strataColumn = stringOption(values, "strata");
      const statusColumn = (eventColumn ?? stateColumn)!;
      if (source.kind === "duckdb") {
        if (source.chosenBySize) io.stderr(ENGINE_WORDING.bySize(file)[lang] + "\n");
        const { runDuckDbCounts, spellsCountsSql } = await import("@jobtrial/engine");
        const counted = await runDuckDbCounts(spellsCountsSql({ time: timeColumn, status: statusColumn, group: groupColumn, strata: strataColumn }, "duckdb"), { spells: resolvePath(io, file) });
        rows = { arm: counted.arm, time: counted.time, status: counted.status, count: counted.count, ...(counted.stratum !== undefined ? { stratum: counted.stratum } : {}) };
      } else {
        const columns = readCommandCsv(io, file, [
          { name: timeColumn, kind: "number", rule: ">= 0" },
          eventColumn !== undefined ? { name: eventColumn, kind: "number", rule: "0/1" } : { name: statusColumn, kind: "number", rule: "whole >= 0" },
          { name: groupColumn, kind: "label" },
          ...(strataColumn !== undefined ? [{ name: strataColumn, kind: "label" as const }] : []),
        ]);
        rows = {
          arm: columns.labels[groupColumn]!,
          time: columns.numbers[timeColumn]!,
          status: columns.numbers[statusColumn]!,
          count: new Float64Array(columns.rows).fill(1),
          ...(strataColumn !== undefined ? { stratum: columns.labels[strataColumn]! } : {}),
        };
      }
    }
    // An estimator's AnalyzeError reaches cli.ts, which words it in --lang.
    const report = survivalSummary(
      {
        time: rows.time,
        ...(byEvent ? { event: rows.status } : { state: rows.status }),
        group: rows.arm,
        ...(rows.stratum !== undefined ? { strata: rows.stratum } : {}),
        ...(source.kind === "memory" ? {} : { count: rows.count }),
      },
      { confType, ties, at, ...(groups !== undefined ? { groups } : {}), ...(taus !== undefined ? { taus } : {}) },
    );
    if (report.nDropped > 0) io.stderr(say.dropped(file, report.nDropped, say.droppedWhat(byEvent)) + "\n");
    if (report.nExcluded > 0) io.stderr(say.excluded(file, report.nExcluded, report.summary.groups.join(", ")) + "\n");
    if (report.nMissingStratum > 0) io.stderr(say.missingStratum(file, report.nMissingStratum) + "\n");
    if (report.coxNotReported !== null) io.stderr(`${say.warning}: ${say.coxNotReported}: ${analyzeMessage(report.coxNotReported, lang)}\n`);
    io.stdout(format === "json" ? JSON.stringify(report.summary, null, 2) + "\n" : table(report.summary, at, lang));
    return 0;
  },
};
