/**
 * `jobtrial compare`: two-sample comparisons of a value between two groups.
 */
import type { Lang } from "@jobtrial/core";
import { twoSampleSummary, type TwoSampleSummary } from "@jobtrial/survival";
import { choiceOption, listOption, numberOption, stringOption, stringOptions, type Command } from "../command.ts";
import { ESTIMATES_WORDING } from "../messages.ts";
import { formatNumber, formatP, readCommandCsv } from "./survival.ts";

function table(summary: TwoSampleSummary, lang: Lang): string {
  const say = ESTIMATES_WORDING[lang];
  const number = (value: number | null | undefined, digits = 3) => formatNumber(value, lang, digits);
  const p = (value: number | null | undefined) => formatP(value, lang);
  const interval = (lower: number | null | undefined, upper: number | null | undefined) => `${number(lower)} ${say.to} ${number(upper)}`;
  const [reference, other] = summary.groups;
  const { welch, diffInMeans, proportions, permutation, bootstrap } = summary;
  const width = Math.max(...[say.welch, say.diffInMeans, say.proportions, say.permutation, say.bootstrap].map((label) => label.length));
  const line = (label: string, text: string) => `  ${label.padEnd(width)}  ${text}`;
  const lines = [
    say.otherMinusReference(String(other), String(reference), welch.nX, welch.nY),
    line(say.welch, `${number(welch.estimate)} (${interval(welch.lower, welch.upper)}), t ${number(welch.t)}, df ${number(welch.df, 1)}, p ${p(welch.p)}`),
    line(say.diffInMeans, `${number(diffInMeans.estimate)} (se ${number(diffInMeans.stdErr)}), p ${p(diffInMeans.p)}`),
  ];
  if (proportions !== null) {
    lines.push(
      line(
        say.proportions,
        `${number(proportions.proportions[1])} ${say.versus} ${number(proportions.proportions[0])}: ${say.difference} ${number(proportions.difference)} (${interval(proportions.wald.lower, proportions.wald.upper)}), chi² ${number(proportions.chiSquare.statistic)}, p ${p(proportions.chiSquare.p)}`,
      ),
    );
  }
  lines.push(line(say.permutation, `p ${p(permutation.p)} (${say.relabelings(permutation.permutations)})`));
  lines.push(line(say.bootstrap, `${interval(bootstrap.lower, bootstrap.upper)} (${say.replicates(bootstrap.replicates)})`));
  return lines.join("\n") + "\n";
}

export const compare: Command = {
  name: "compare",
  summary: { da: "Sammenlign en værdi mellem de to grupper", en: "Compare a value between the two groups" },
  usage: {
    da: "compare <csv> --value <kol> --group <kol> [--groups a,b] [--seed n] [--format table|json]",
    en: "compare <csv> --value <col> --group <col> [--groups a,b] [--seed n] [--format table|json]",
  },
  help: {
    da: `
Sammenligner en talværdi mellem to grupper i en CSV-fil (læst som af "jobtrial
survival": semikolon-, komma- eller tabulatorsepareret, med overskriftsrække):
Welchs t-test, forskellen i gennemsnit med Neymans (HC2) standardfejl (som
estimatr::difference_in_means), to andele, når hver værdi er 0 eller 1
(Wald-forskel og prop.test(correct = FALSE)), en permutationstest og et
percentil-bootstrapinterval. Hver forskel er anden minus reference. Rækker med tom
værdi eller gruppe udelades og tælles (stderr).

Tilvalg:
  --value <kol>   udfaldet (et tal)
  --group <kol>   gruppen
  --groups a,b    reference og anden gruppe (standard: "control", hvis den findes,
                  ellers sorteret)
  --seed n        frø til permutationstesten og bootstrap (standard 1)
  --format x      table (standard) eller json

Eksempel:
  jobtrial compare udfald.csv --value dage --group arm --seed 42 --format json`,
    en: `
Compares a numeric value between two groups of a CSV file (read as by "jobtrial
survival": semicolon, comma or tab separated, header row): Welch t-test, difference in
means with the Neyman (HC2) standard error (as estimatr::difference_in_means), two
proportions when every value is 0 or 1 (Wald difference and prop.test(correct =
FALSE)), a permutation test and a percentile bootstrap interval. Every difference is
other minus reference. Rows with an empty value or group are dropped and counted
(stderr).

Options:
  --value <col>   the numeric outcome
  --group <col>   the group
  --groups a,b    reference and other group (default: "control" if present, else sorted)
  --seed n        seed of the permutation test and the bootstrap (default 1)
  --format x      table (default) or json

Example:
  jobtrial compare outcomes.csv --value days --group arm --seed 42 --format json`,
  },
  options: stringOptions("value", "group", "groups", "seed", "format"),
  positionals: [1, 1],
  run({ io, values, positionals, lang }) {
    const file = positionals[0]!;
    const valueColumn = stringOption(values, "value", true);
    const groupColumn = stringOption(values, "group", true);
    const groups = listOption(values, "groups", 2);
    const seed = numberOption(values, "seed", { integer: true }) ?? 1;
    const format = choiceOption(values, "format", ["table", "json"], "table");
    const columns = readCommandCsv(io, file, [
      { name: valueColumn, kind: "number" },
      { name: groupColumn, kind: "label" },
    ]);
    // An estimator's AnalyzeError reaches cli.ts, which words it in --lang.
    const summary = twoSampleSummary({ value: columns.numbers[valueColumn]!, group: columns.labels[groupColumn]! }, { seed, ...(groups !== undefined ? { groups } : {}) });
    const dropped = summary.welch.nDropped;
    if (dropped > 0) io.stderr(ESTIMATES_WORDING[lang].droppedValues(file, dropped) + "\n");
    if (format === "json") {
      const { welch, diffInMeans, proportions, permutation, bootstrap } = summary;
      io.stdout(JSON.stringify({ welch, diffInMeans, proportions, permutation, bootstrap }, null, 2) + "\n");
    } else io.stdout(table(summary, lang));
    return 0;
  },
};
