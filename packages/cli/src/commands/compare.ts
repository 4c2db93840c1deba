/**
 * `jobtrial compare`: two-sample comparisons of a value between two groups.
 */
import { twoSampleSummary, type TwoSampleSummary } from "@jobtrial/survival";
import { numberOption, stringOption, UsageError, type Command } from "../command.ts";
import { asUserError, formatNumber, formatP, listOption, readCommandCsv } from "./survival.ts";

function table(summary: TwoSampleSummary): string {
  const [reference, other] = summary.groups;
  const { welch, diffInMeans, proportions, permutation, bootstrap } = summary;
  const lines = [
    `${other} minus ${reference} (n ${welch.nX} and ${welch.nY})`,
    `  Welch t-test         ${formatNumber(welch.estimate)} (${formatNumber(welch.lower)} to ${formatNumber(welch.upper)}), t ${formatNumber(welch.t)}, df ${formatNumber(welch.df, 1)}, p ${formatP(welch.p)}`,
    `  Difference in means  ${formatNumber(diffInMeans.estimate)} (se ${formatNumber(diffInMeans.stdErr)}), p ${formatP(diffInMeans.p)}`,
  ];
  if (proportions !== null) {
    lines.push(`  Proportions          ${formatNumber(proportions.proportions[1])} vs ${formatNumber(proportions.proportions[0])}: difference ${formatNumber(proportions.difference)} (${formatNumber(proportions.wald.lower)} to ${formatNumber(proportions.wald.upper)}), chi-square ${formatNumber(proportions.chiSquare.statistic)}, p ${formatP(proportions.chiSquare.p)}`);
  }
  lines.push(`  Permutation test     p ${formatP(permutation.p)} (${permutation.permutations} relabelings)`);
  lines.push(`  Bootstrap interval   ${formatNumber(bootstrap.lower)} to ${formatNumber(bootstrap.upper)} (${bootstrap.replicates} replicates, percentile)`);
  return lines.join("\n") + "\n";
}

export const compare: Command = {
  name: "compare",
  summary: "Sammenlign en værdi mellem de to grupper",
  usage: "compare <csv> --value <col> --group <col> [--groups a,b] [--seed n] [--format table|json]",
  help: `
Compares a numeric value between two groups of a CSV file (read as by "jobtrial
survival": semicolon, comma or tab separated, header row): Welch t-test, difference in means with the Neyman (HC2)
standard error (as estimatr::difference_in_means), two proportions when every value is
0 or 1 (Wald difference and prop.test(correct = FALSE)), a permutation test and a
percentile bootstrap interval. Every difference is other minus reference. Rows with an
empty value or group are dropped and counted (stderr).

Options:
  --value <col>   the numeric outcome
  --group <col>   the group
  --groups a,b    reference and other group (default: "control" if present, else sorted)
  --seed n        seed of the permutation test and the bootstrap (default 1)
  --format x      table (default) or json

Example:
  jobtrial compare outcomes.csv --value days --group arm --seed 42 --format json`,
  options: {
    value: { type: "string" },
    group: { type: "string" },
    groups: { type: "string" },
    seed: { type: "string" },
    format: { type: "string" },
  },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const file = positionals[0]!;
    const valueColumn = stringOption(values, "value", true);
    const groupColumn = stringOption(values, "group", true);
    const groups = listOption(stringOption(values, "groups"), "groups");
    if (groups !== undefined && groups.length !== 2) throw new UsageError(`--groups takes two groups, reference first, got "${groups.join(",")}"`);
    const seed = numberOption(values, "seed", { integer: true }) ?? 1;
    const format = stringOption(values, "format") ?? "table";
    if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, got "${format}"`);
    const columns = readCommandCsv(io, file, [
      { name: valueColumn, kind: "number" },
      { name: groupColumn, kind: "label" },
    ]);
    const summary = asUserError(() =>
      twoSampleSummary({ value: columns.numbers[valueColumn]!, group: columns.labels[groupColumn]! }, { seed, ...(groups !== undefined ? { groups } : {}) }),
    );
    const dropped = summary.welch.nDropped;
    if (dropped > 0) io.stderr(`${file}: ${dropped} row(s) with an empty value or group dropped\n`);
    if (format === "json") {
      const { welch, diffInMeans, proportions, permutation, bootstrap } = summary;
      io.stdout(JSON.stringify({ welch, diffInMeans, proportions, permutation, bootstrap }, null, 2) + "\n");
    } else io.stdout(table(summary));
    return 0;
  },
};
