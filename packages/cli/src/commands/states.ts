/**
 * `jobtrial states`: time in state with re-entry from an episode file. State occupancy
 * (Aalen-Johansen), restricted mean time in each state and in public support up to each
 * tau with infinitesimal-jackknife standard errors, per group, and the difference between
 * the first two groups; as a Danish (or English) table or as JSON.
 */
import { formatNumber, formatPercent, type Lang } from "@jobtrial/core";
import {
  multiStateOccupancy,
  multiStateOccupancyAt,
  normalQuantile,
  type MultiStateResult,
  type TimeInState,
} from "@jobtrial/survival";
import { choiceOption, listOption, numberListOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command } from "../command.ts";
import { ENGINE_OPTION_SPEC, ENGINE_WORDING, refuseColumnsWithCounts, rowSource } from "../engine-options.ts";
import { readCommandCsv } from "./survival.ts";

/** The key of the union of public-support states in the output. */
const PUBLIC = "public";

/** The JSON the command prints (issue 13): per group the restricted means and the occupancy at each tau, and the difference. */
export interface StatesOutput {
  states: string[];
  groups: Record<
    string,
    {
      restrictedMean: Record<string, Record<string, { estimate: number; stdErr: number }>>;
      at: Record<string, { pstate: Record<string, number>; stdErr: Record<string, number> }>;
    }
  >;
  /** First group minus second; null with one group. */
  difference: Record<string, Record<string, { estimate: number; stdErr: number }>> | null;
}

/** The result in the command's JSON shape. */
export function statesOutput(result: MultiStateResult): StatesOutput {
  const pick = (value: TimeInState) => ({ estimate: value.estimate, stdErr: value.stdErr });
  const groups: StatesOutput["groups"] = {};
  for (const group of result.groups) {
    const taus = result.restrictedMean.map((entry) => entry.tau);
    const atTaus = multiStateOccupancyAt(result.curves[group]!, taus);
    groups[group] = {
      restrictedMean: Object.fromEntries(
        result.restrictedMean.map((entry) => [String(entry.tau), Object.fromEntries(Object.entries(entry.byGroup[group]!).map(([key, value]) => [key, pick(value)]))]),
      ),
      at: Object.fromEntries(atTaus.map((point) => [String(point.time), { pstate: point.pstate, stdErr: point.stdErr }])),
    };
  }
  const difference =
    result.groups.length === 2
      ? Object.fromEntries(
          result.restrictedMean.map((entry) => [String(entry.tau), Object.fromEntries(Object.entries(entry.difference!).map(([key, value]) => [key, pick(value)]))]),
        )
      : null;
  return { states: result.states, groups, difference };
}

function pad(cells: string[], widths: number[]): string {
  return "  " + cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd();
}

function tableLines(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => pad(row, widths));
}

/** The readable table: Danish by default, English with --lang en. */
export function statesTable(result: MultiStateResult, file: string, lang: Lang): string {
  const da = lang === "da";
  const days = (value: number) => formatNumber(value, lang, { decimals: 1 });
  const stdErr = (value: number) => formatNumber(value, lang, { decimals: 2 });
  const zValue = normalQuantile(0.975);
  const publicMembers = result.sets[PUBLIC];
  const label = (key: string) => (key === PUBLIC ? `${da ? "offentlig forsørgelse" : "public support"} (${publicMembers!.join(" + ")})` : key);
  const keys = [...result.states, ...(publicMembers !== undefined ? [PUBLIC] : [])];
  const [first, second] = result.groups;
  const lines: string[] = [
    da ? `Tid i tilstande med genindtræden (Aalen-Johansen), ${file}` : `Time in states with re-entry (Aalen-Johansen), ${file}`,
    (da ? "Grupper: " : "Groups: ") +
      result.groups.map((group) => `${group} (${formatNumber(result.curves[group]!.nPersons, lang)} ${da ? "personer" : "persons"})`).join(", "),
    (da ? "Tilstande: " : "States: ") + result.states.join(", "),
  ];
  if (second !== undefined) lines.push(da ? `Forskel = ${first} minus ${second}, 95 % konfidensinterval (normalfordeling).` : `Difference = ${first} minus ${second}, 95% confidence interval (normal).`);

  lines.push("", da ? "Forventet antal dage i tilstanden fra dag 0 til tau (standardfejl)" : "Expected days in the state from day 0 to tau (standard error)");
  for (const entry of result.restrictedMean) {
    lines.push("", `tau = ${formatNumber(entry.tau, lang)} ${da ? "dage" : "days"}`);
    const header = [da ? "tilstand" : "state", ...result.groups, ...(second !== undefined ? [da ? "forskel (95 % KI)" : "difference (95% CI)"] : [])];
    const rows = keys.map((key) => {
      const cells = [label(key), ...result.groups.map((group) => `${days(entry.byGroup[group]![key]!.estimate)} (${stdErr(entry.byGroup[group]![key]!.stdErr)})`)];
      if (entry.difference !== null) {
        const { estimate, stdErr: se } = entry.difference[key]!;
        cells.push(`${days(estimate)} (${days(estimate - zValue * se)} ${da ? "til" : "to"} ${days(estimate + zValue * se)})`);
      }
      return cells;
    });
    lines.push(...tableLines([header, ...rows]));
  }

  lines.push("", da ? "Andel i hver tilstand på dag tau (standardfejl i procentpoint)" : "Share in each state on day tau (standard error in percentage points)");
  const taus = result.restrictedMean.map((entry) => entry.tau);
  const atByGroup = Object.fromEntries(result.groups.map((group) => [group, multiStateOccupancyAt(result.curves[group]!, taus)]));
  taus.forEach((tau, index) => {
    lines.push("", `tau = ${formatNumber(tau, lang)} ${da ? "dage" : "days"}`);
    const header = [da ? "tilstand" : "state", ...result.groups];
    const rows = result.states.map((state) => [
      state,
      ...result.groups.map((group) => {
        const point = atByGroup[group]![index]!;
        return `${formatPercent(point.pstate[state]!, lang)} (${formatNumber(point.stdErr[state]! * 100, lang, { decimals: 1 })})`;
      }),
    ]);
    lines.push(...tableLines([header, ...rows]));
  });
  return lines.join("\n") + "\n";
}

export const states: Command = {
  name: "states",
  summary: { da: "Tid i tilstande med genindtræden (Aalen-Johansen, multi-state)", en: "Time in states with re-entry (Aalen-Johansen, multi-state)" },
  usage: {
    da: "states (<episoder.csv> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <fil>) --id <kol> --group <kol> [--groups a,b] --start <kol> --stop <kol> --from <kol> --to <kol> [--censor <mærke>] [--initial <tilstand>] [--states a,b,...] [--count <kol>] [--public a,b] --tau <t1,t2,...> [--format table|json] [--lang da|en]",
    en: "states (<episodes.csv> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <file>) --id <col> --group <col> [--groups a,b] --start <col> --stop <col> --from <col> --to <col> [--censor <label>] [--initial <state>] [--states a,b,...] [--count <col>] [--public a,b] --tau <t1,t2,...> [--format table|json] [--lang da|en]",
  },
  help: {
    da: `
Tid i tilstande, hvor en borger kan vende tilbage (fx til A-dagpenge), fra en fil med
én række pr. forløb: person, gruppe, forløbets start og slut i dage fra personens dag 0,
tilstanden i forløbet og tilstanden bagefter (eller censurmærket, når opfølgningen
slutter). Et første forløb, der begynder efter dag 0, tælles først fra sin start
(forskudt indgang). Pr. gruppe: andelen i hver tilstand over tid (Aalen-Johansen), det
forventede antal dage i hver tilstand og i offentlig forsørgelse fra dag 0 til tau
(restricted mean) med standardfejl (infinitesimal jackknife), og forskellen mellem den
første og den anden gruppe. Resultaterne stemmer med R's survfit(Surv(tstart, tstop,
event) ~ arm, id = id, istate = istate, influence = TRUE).

Hver persons forløb skal hænge sammen: et forløb begynder, hvor det forrige sluttede,
i den tilstand det forrige gik til. Overlap, huller, ukendte tilstande og slut før start
er fejl med fil, række og kolonne, og intet skrives. En person med en tom celle
udelades helt og tælles (stderr).

Tilvalg:
  --id <kol>           personens id (vises aldrig)
  --group <kol>        gruppen (fx arm)
  --groups a,b         grupperne i rækkefølge; forskellen er første minus anden.
                       Standard: de to grupper i sorteret rækkefølge
  --start <kol>        forløbets start (dage, 0 eller mere)
  --stop <kol>         forløbets slut (dage, efter start)
  --from <kol>         tilstanden i forløbet
  --to <kol>           tilstanden ved slut, eller censurmærket
  --censor <mærke>     censurmærket i --to. Standard: censor
  --initial <tilstand> den tilstand alle begynder i (kontrolleres)
  --states a,b,...     tilstandene i den rækkefølge, de vises; andre er fejl.
                       Standard: --initial først, så de øvrige sorteret
  --count <kol>        antal personer pr. række (optalte rækker). Standard: 1
  --public a,b         tilstandene, der tilsammen er offentlig forsørgelse ("public")
  --tau t1,t2          horisonter i dage; en tau efter den korteste gruppes sidste
                       tid er en fejl, der nævner den største gyldige
  --format x           table (standard) eller json
  --lang da|en         tabellens og fejlenes sprog. Standard: da

${ENGINE_WORDING.help.da}
  DuckDB tæller personer med ens forløb (gruppe, start, slut, fra, til) som én sti;
  --counts læser sådanne stier: kolonnerne path, arm, start, stop, from, to, count
  (i stedet for --id, --group, --start, --stop, --from, --to).

JSON: { "states": [...], "groups": { "<gruppe>": { "restrictedMean": { "<tau>":
{ "<tilstand>|public": { "estimate", "stdErr" } } }, "at": { "<tau>": { "pstate": {...},
"stdErr": {...} } } } }, "difference": { "<tau>": { "<tilstand>|public": { "estimate",
"stdErr" } } } }; difference er null med én gruppe.

Eksempel:
  jobtrial states episoder.csv --id id --group arm --groups control,intervention --start tstart --stop tstop --from from --to to --initial adp --public adp,other --tau 91,182,364 --format json`,
    en: `
Time in states where a citizen can return (e.g. to A-dagpenge), from a file with one
row per episode: person, group, the episode's start and stop in days since the
person's day 0, the state during the episode and the state after it (or the censor
label when follow-up ends). A first episode that starts after day 0 counts from its
start (delayed entry). Per group: the share in each state over time
(Aalen-Johansen), the expected number of days in each state and in public support
from day 0 to tau (restricted mean) with standard errors (infinitesimal jackknife),
and the difference between the first and the second group. The results agree with
R's survfit(Surv(tstart, tstop, event) ~ arm, id = id, istate = istate,
influence = TRUE).

Each person's episodes must join up: an episode starts where the previous one
stopped, in the state the previous one went to. Overlaps, gaps, unknown states and
a stop before the start are errors with file, row and column, and nothing is
written. A person with an empty cell is left out entirely and counted (stderr).

Options:
  --id <col>           the person's id (never shown)
  --group <col>        the group (e.g. arm)
  --groups a,b         the groups in order; the difference is first minus second.
                       Default: the two groups in sorted order
  --start <col>        the episode's start (days, 0 or more)
  --stop <col>         the episode's stop (days, after the start)
  --from <col>         the state during the episode
  --to <col>           the state at the stop, or the censor label
  --censor <label>     the censor label in --to. Default: censor
  --initial <state>    the state everyone starts in (checked)
  --states a,b,...     the states in the order they are shown; others are errors.
                       Default: --initial first, then the others sorted
  --count <col>        persons per row (counted rows). Default: 1
  --public a,b         the states that together are public support ("public")
  --tau t1,t2          horizons in days; a tau after the shortest group's last time
                       is an error naming the largest valid one
  --format x           table (default) or json
  --lang da|en         language of the table and the errors. Default: da

${ENGINE_WORDING.help.en}
  DuckDB counts persons with identical episodes (group, start, stop, from, to) as
  one path; --counts reads such paths: the columns path, arm, start, stop, from, to,
  count (instead of --id, --group, --start, --stop, --from, --to).

JSON: { "states": [...], "groups": { "<group>": { "restrictedMean": { "<tau>":
{ "<state>|public": { "estimate", "stdErr" } } }, "at": { "<tau>": { "pstate": {...},
"stdErr": {...} } } } }, "difference": { "<tau>": { "<state>|public": { "estimate",
"stdErr" } } } }; difference is null with one group.

Example:
  jobtrial states episodes.csv --id id --group arm --groups control,intervention --start tstart --stop tstop --from from --to to --initial adp --public adp,other --tau 91,182,364 --format json`,
  },
  options: { ...stringOptions("id", "group", "groups", "start", "stop", "from", "to", "censor", "initial", "states", "count", "public", "tau", "format"), ...ENGINE_OPTION_SPEC },
  positionals: [0, 1],
  async run({ io, values, positionals, lang }) {
    let source = rowSource(io, values, positionals);
    if ((source.kind === "counts") === (positionals.length === 1)) throw new UsageError(ENGINE_WORDING.inputOrCounts({ da: "<episoder.csv>", en: "<episodes.csv>" }));
    const file = source.kind === "counts" ? source.file : positionals[0]!;
    const da = lang === "da";
    const format = choiceOption(values, "format", ["table", "json"], "table");
    if (source.kind === "counts") refuseColumnsWithCounts(values, ["id", "group", "start", "stop", "from", "to", "count"], "path, arm, start, stop, from, to, count");
    // Counted paths (--counts, or what DuckDB returns) have fixed column names: the output of episodesCountsSql.
    const counted = source.kind !== "memory";
    const column = (name: string, countedName: string) => (source.kind === "counts" ? countedName : stringOption(values, name, true));
    const columns = {
      id: column("id", "path"),
      group: column("group", "arm"),
      start: column("start", "start"),
      stop: column("stop", "stop"),
      from: column("from", "from"),
      to: column("to", "to"),
    };
    let countColumn = source.kind === "counts" ? "count" : stringOption(values, "count");
    if (source.kind === "duckdb" && countColumn !== undefined) {
      // Rows counted already: DuckDB would count them again as persons.
      if (!source.chosenBySize) throw new UsageError({ da: "--count og --engine duckdb kan ikke bruges sammen: rækkerne er allerede tællede (brug --engine memory)", en: "--count and --engine duckdb cannot be used together: the rows are counted already (use --engine memory)" });
      source = { kind: "memory", chosenBySize: true };
    }
    stringOption(values, "tau", true);
    const taus = numberListOption(values, "tau", { positive: true })!;
    const requestedGroups = listOption(values, "groups");
    const stateOrder = listOption(values, "states");
    const publicStates = listOption(values, "public");
    const censor = stringOption(values, "censor") ?? "censor";
    const initial = stringOption(values, "initial");

    if (source.kind === "duckdb" && source.chosenBySize) io.stderr(ENGINE_WORDING.bySize(file)[lang] + "\n");
    const read =
      source.kind === "duckdb"
        ? await countPathsInDuckDb(resolvePath(io, file), columns)
        : readCommandCsv(io, file, [
      { name: columns.id, kind: "label" },
      { name: columns.group, kind: "label" },
      { name: columns.start, kind: "number", rule: ">= 0" },
      { name: columns.stop, kind: "number", rule: ">= 0" },
      { name: columns.from, kind: "label" },
      { name: columns.to, kind: "label" },
      ...(countColumn !== undefined ? [{ name: countColumn, kind: "number" as const, rule: ">= 0" as const }] : []),
    ]);
    if (source.kind === "duckdb") countColumn = "count";
    const groupLabels = read.labels[columns.group]!;
    let groups = requestedGroups;
    if (groups === undefined) {
      // The rule: without --groups, the groups in sort order (first minus second).
      groups = [...new Set(groupLabels.filter((label): label is string => label !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (groups.length > 2) {
        throw new UserError({
          da: `${file}: kolonnen "${columns.group}" har ${groups.length} grupper (${groups.join(", ")}); vælg de to, der skal sammenlignes, med --groups`,
          en: `${file}: column "${columns.group}" has ${groups.length} groups (${groups.join(", ")}); choose the two to compare with --groups`,
        });
      }
    }
    // An episode problem (AnalyzeError) reaches cli.ts, which words it in --lang with file, row and column.
    const result: MultiStateResult = multiStateOccupancy(
      {
        id: read.labels[columns.id]!,
        group: groupLabels,
        start: read.numbers[columns.start]!,
        stop: read.numbers[columns.stop]!,
        from: read.labels[columns.from]!,
        to: read.labels[columns.to]!,
        ...(countColumn !== undefined ? { count: read.numbers[countColumn]! } : {}),
      },
      {
        groups,
        taus,
        censor,
        ...(initial !== undefined ? { initial } : {}),
        ...(stateOrder !== undefined ? { states: stateOrder } : {}),
        ...(publicStates !== undefined ? { sets: { [PUBLIC]: publicStates } } : {}),
        // Rows DuckDB returned are not the file's rows: the problem then names the file only.
        source: source.kind === "duckdb" ? { file: `${file} (DuckDB)`, rowOffset: 1 } : { file, rowOffset: 1 },
        columnNames: { group: columns.group, start: columns.start, stop: columns.stop, from: columns.from, to: columns.to, ...(countColumn !== undefined ? { count: countColumn } : {}) },
      },
    );

    if (result.nDroppedRows > 0 && counted) {
      io.stderr(
        da
          ? `${file}: ${result.nDroppedIds} tællede forløb (${result.nDroppedRows} rækker) udeladt: en tom celle eller intet id\n`
          : `${file}: ${result.nDroppedIds} counted path(s) (${result.nDroppedRows} rows) left out: an empty cell or no id\n`,
      );
    } else if (result.nDroppedRows > 0) {
      io.stderr(
        da
          ? `${file}: ${result.nDroppedRows} række(r) udeladt: ${result.nDroppedIds} person(er) med en tom celle (alle deres rækker) og rækker uden id\n`
          : `${file}: ${result.nDroppedRows} row(s) left out: ${result.nDroppedIds} person(s) with an empty cell (all their rows) and rows without an id\n`,
      );
    }
    if (result.nExcludedRows > 0) {
      io.stderr(da ? `${file}: ${result.nExcludedRows} række(r) fra andre grupper end ${result.groups.join(", ")} udeladt\n` : `${file}: ${result.nExcludedRows} row(s) of other groups than ${result.groups.join(", ")} left out\n`);
    }
    io.stdout(format === "json" ? JSON.stringify(statesOutput(result), null, 2) + "\n" : statesTable(result, file, lang));
    return 0;
  },
};

/** The episodes counted into paths by DuckDB, in the shape `readCommandCsv` gives (labels and numbers by column name). */
async function countPathsInDuckDb(path: string, columns: { id: string; group: string; start: string; stop: string; from: string; to: string }) {
  const { episodesCountsSql, runDuckDbEpisodeCounts } = await import("@jobtrial/engine");
  const counted = await runDuckDbEpisodeCounts(episodesCountsSql({ id: columns.id, group: columns.group, start: columns.start, stop: columns.stop, from: columns.from, to: columns.to }, "duckdb"), { episodes: path });
  const numbers = (values: (number | null)[]) => Float64Array.from(values, (value) => (value === null ? Number.NaN : value));
  return {
    labels: { [columns.id]: counted.path, [columns.group]: counted.arm, [columns.from]: counted.from, [columns.to]: counted.to } as Record<string, (string | null)[]>,
    numbers: { [columns.start]: numbers(counted.start), [columns.stop]: numbers(counted.stop), count: Float64Array.from(counted.count) } as Record<string, Float64Array>,
  };
}
