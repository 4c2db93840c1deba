/**
 * `jobtrial survival`: Kaplan-Meier, median, log-rank, RMST and Cox (event data) or the
 * cumulative incidence of competing exits (state data) from a CSV file.
 */
import { readFileSync } from "node:fs";
import { formatProblem, readCsvColumns, type CsvColumnRequest, type CsvColumns, type Lang } from "@jobtrial/core";
import { survivalSummary, type SurvivalSummary } from "@jobtrial/survival";
import { resolvePath, stringOption, UsageError, UserError, type Command, type Io } from "../command.ts";

// Helpers shared with `jobtrial compare` (compare.ts imports them from here).

/**
 * Read the requested columns of the CSV named on the command line (core's
 * `readCsvColumns`); a problem in the file is a user error naming the first
 * problem's file, row and column, and how many more there are, in `lang`
 * (English unless the command is Danish first, as `jobtrial states`).
 */
export function readCommandCsv(io: Io, path: string, requests: CsvColumnRequest[], lang: Lang = "en"): CsvColumns {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolvePath(io, path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(lang === "da" ? `kan ikke læse ${path}: ${reason}; kontroller stien` : `cannot read ${path}: ${reason}; check the path`);
  }
  const read = readCsvColumns(bytes, path, requests);
  if (read.ok) return read.columns;
  const more = read.problems.length - 1;
  const moreText = lang === "da" ? ` (og ${more} problem${more === 1 ? "" : "er"} mere i filen)` : ` (and ${more} more problem${more === 1 ? "" : "s"} in the file)`;
  throw new UserError(formatProblem(read.problems[0]!, lang) + (more > 0 ? moreText : ""));
}

/** Run `compute`, turning an estimator error (bad data, tau too large, ...) into a user error. */
export function asUserError<T>(compute: () => T): T {
  // The estimators' AnalyzeError reaches cli.ts, which words it (isJobtrialError accepts its shape).
  return compute();
}

/** "a,b" -> ["a", "b"] (trimmed, empty parts are a usage error). */
export function listOption(raw: string | undefined, name: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(",").map((part) => part.trim());
  if (parts.some((part) => part === "")) throw new UsageError(`--${name} takes a comma-separated list, got "${raw}"`);
  return parts;
}

/** "182,364" -> [182, 364]. */
export function numberListOption(raw: string | undefined, name: string): number[] | undefined {
  const parts = listOption(raw, name);
  if (parts === undefined) return undefined;
  return parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} takes non-negative numbers separated by commas, got "${raw}"`);
    return value;
  });
}

/** A number for a table: fixed decimals, "-" when missing. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  return value.toFixed(digits);
}

/** A p-value for a table. */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "-";
  return value < 0.0001 ? value.toExponential(2) : value.toFixed(4);
}

function table(summary: SurvivalSummary, at: number[]): string {
  const lines: string[] = [`n = ${summary.n}; groups: ${summary.groups.join(" (reference), ")}`];
  if (summary.median !== undefined) {
    lines.push("", `Median (95 % CI, ${summary.confType} band)`);
    for (const group of summary.groups) {
      const median = summary.median[group]!;
      lines.push(`  ${group.padEnd(16)} ${formatNumber(median.median, 1)} (${formatNumber(median.lower, 1)} to ${formatNumber(median.upper, 1)})`);
    }
  }
  if (summary.km !== undefined && at.length > 0) {
    lines.push("", "Survival at chosen times");
    for (const group of summary.groups) {
      const rows = summary.km[group]!;
      for (const time of at) {
        let index = -1;
        for (let position = 0; position < rows.length && rows[position]!.time <= time; position++) index = position;
        const row = index >= 0 ? rows[index]! : undefined;
        lines.push(`  ${group.padEnd(16)} t = ${String(time).padEnd(6)} S = ${formatNumber(row?.surv ?? 1)} (${formatNumber(row?.lower)} to ${formatNumber(row?.upper)})`);
      }
    }
  }
  if (summary.logrank !== undefined) {
    const logrank = summary.logrank;
    lines.push("", `Log-rank${logrank.stratified ? " (stratified)" : ""}: chi-square ${formatNumber(logrank.chisq)}, df ${logrank.df}, p ${formatP(logrank.p)}`);
    for (const group of summary.groups) lines.push(`  ${group.padEnd(16)} observed ${logrank.observed[group]}, expected ${formatNumber(logrank.expected[group], 1)}`);
  }
  if (summary.rmst !== undefined) {
    lines.push("", "Restricted mean survival time (other minus reference)");
    for (const entry of summary.rmst) {
      const parts = summary.groups.map((group) => `${group} ${formatNumber(entry.byGroup[group]!.rmst, 1)} (se ${formatNumber(entry.byGroup[group]!.se, 2)})`);
      const difference = entry.difference;
      lines.push(`  tau ${entry.tau}: ${parts.join(", ")}` + (difference === null ? "" : `; difference ${formatNumber(difference.estimate, 2)} (${formatNumber(difference.lower, 2)} to ${formatNumber(difference.upper, 2)}), p ${formatP(difference.p)}`));
    }
  }
  if (summary.cox !== undefined) {
    const cox = summary.cox;
    lines.push("", cox === null ? "Cox: not estimable (see the warning)" : `Cox (${cox.ties}): hazard ratio ${formatNumber(cox.hr)} (${formatNumber(cox.lower)} to ${formatNumber(cox.upper)}), p ${formatP(cox.p)}; LR p ${formatP(cox.lrP)}, score p ${formatP(cox.scoreP)}`);
  }
  if (summary.cif !== undefined) {
    lines.push("", "Cumulative incidence (Aalen-Johansen)");
    const source = at.length > 0 ? summary.cifAt! : summary.cif;
    for (const group of summary.groups) {
      for (const [state, points] of Object.entries(source[group]!)) {
        const shown = at.length > 0 ? points : points.slice(-1);
        for (const point of shown) lines.push(`  ${group.padEnd(16)} state ${state} t = ${String(point.time).padEnd(6)} ${formatNumber(point.estimate)} (se ${formatNumber(point.stdErr)})`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

export const survival: Command = {
  name: "survival",
  summary: "Kaplan-Meier, log-rank, RMST, Cox og kumulativ incidens",
  usage:
    "survival <csv> --time <col> (--event <col> | --state <col>) --group <col> [--groups <reference>,<other>] [--strata <col>] [--tau <t1,t2,...>] [--at <t1,t2,...>] [--conf-type log-log|log|plain] [--ties efron|breslow] [--format table|json]",
  help: `
Survival analysis of a CSV file (semicolon, comma or tab separated, header row; UTF-8
with or without BOM, Windows-1252 or UTF-16; a decimal comma unless comma separated). Rows with an empty time, event/state or group are dropped and counted
(stderr). Results agree with R's survival package (survfit, survdiff, coxph).

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

Example:
  jobtrial survival outcomes.csv --time days --event exited --group arm --tau 182,364 --format json`,
  options: {
    time: { type: "string" },
    event: { type: "string" },
    state: { type: "string" },
    group: { type: "string" },
    groups: { type: "string" },
    strata: { type: "string" },
    tau: { type: "string" },
    at: { type: "string" },
    "conf-type": { type: "string" },
    ties: { type: "string" },
    format: { type: "string" },
  },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const file = positionals[0]!;
    const timeColumn = stringOption(values, "time", true);
    const eventColumn = stringOption(values, "event");
    const stateColumn = stringOption(values, "state");
    const groupColumn = stringOption(values, "group", true);
    const strataColumn = stringOption(values, "strata");
    if ((eventColumn === undefined) === (stateColumn === undefined)) throw new UsageError("give exactly one of --event and --state");
    const confType = stringOption(values, "conf-type") ?? "log-log";
    if (confType !== "log-log" && confType !== "log" && confType !== "plain") throw new UsageError(`--conf-type must be log-log, log or plain, got "${confType}"`);
    const ties = stringOption(values, "ties") ?? "efron";
    if (ties !== "efron" && ties !== "breslow") throw new UsageError(`--ties must be efron or breslow, got "${ties}"`);
    const format = stringOption(values, "format") ?? "table";
    if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, got "${format}"`);
    const groups = listOption(stringOption(values, "groups"), "groups");
    if (groups !== undefined && groups.length !== 2) throw new UsageError(`--groups takes two groups, reference first, got "${groups.join(",")}"`);
    const taus = numberListOption(stringOption(values, "tau"), "tau");
    if (taus !== undefined && taus.some((tau) => tau <= 0)) throw new UsageError("--tau takes positive horizons such as 182,364");
    const at = numberListOption(stringOption(values, "at"), "at") ?? [];

    const statusColumn = (eventColumn ?? stateColumn)!;
    const columns = readCommandCsv(io, file, [
      { name: timeColumn, kind: "number", rule: ">= 0" },
      eventColumn !== undefined ? { name: eventColumn, kind: "number", rule: "0/1" } : { name: statusColumn, kind: "number", rule: "whole >= 0" },
      { name: groupColumn, kind: "label" },
      ...(strataColumn !== undefined ? [{ name: strataColumn, kind: "label" as const }] : []),
    ]);
    const time = columns.numbers[timeColumn]!;
    const status = columns.numbers[statusColumn]!;
    const report = asUserError(() =>
      survivalSummary(
        {
          time,
          ...(eventColumn !== undefined ? { event: status } : { state: status }),
          group: columns.labels[groupColumn]!,
          ...(strataColumn !== undefined ? { strata: columns.labels[strataColumn]! } : {}),
        },
        { confType, ties, at, ...(groups !== undefined ? { groups } : {}), ...(taus !== undefined ? { taus } : {}) },
      ),
    );
    if (report.nDropped > 0) io.stderr(`${file}: ${report.nDropped} row(s) with a missing time, ${eventColumn !== undefined ? "event" : "state"} or group dropped\n`);
    if (report.nExcluded > 0) io.stderr(`${file}: ${report.nExcluded} row(s) of other groups than ${report.summary.groups.join(", ")} left out\n`);
    if (report.nMissingStratum > 0) io.stderr(`${file}: ${report.nMissingStratum} row(s) without a stratum left out of the stratified log-rank and Cox\n`);
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(format === "json" ? JSON.stringify(report.summary, null, 2) + "\n" : table(report.summary, at));
    return 0;
  },
};
