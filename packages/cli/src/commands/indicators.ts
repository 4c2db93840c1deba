/**
 * `jobtrial indicators`: indicators and targets for a project without a control group
 * (issue 16). From a definitions file (indicators.json) and a data folder (persons.csv,
 * the weekly benefit panel as weeks or periods, events.csv) to a results file and a
 * report page, in three steps, each announced on stderr:
 *
 * 1. read: the definitions (@jobtrial/indicators' `loadIndicatorSpec`) and the data
 *    (`readIndicatorData`); any problem in the data is listed with file, row and column,
 *    and nothing is written;
 * 2. compute: `evaluateIndicators` as of --as-of (default: the last week with data);
 * 3. page: the report package's `buildIndicatorsPage`, which discloses the results (the
 *    spec's minimum cell size, default 5, with secondary suppression), renders one chart
 *    per indicator and scans every file for personal data; the files are then written
 *    under --out, all or none.
 *
 * The summary printed at the end is from the disclosed results only, in --lang.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { evaluateIndicators, loadIndicatorSpec, readIndicatorData, type IndicatorResult, type IndicatorResults } from "@jobtrial/indicators";
import { buildIndicatorsPage, formatDate, formatInterval, formatNumber, VERDICT_TEXTS, type Lang, type ReportFile } from "@jobtrial/report";
import { dateOption, resolvePath, stringOption, stringOptions, UserError, type Command } from "../command.ts";
import { VERSION } from "../version.ts";

/** Data problems listed before the one-line reason; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 20;

export const indicators: Command = {
  name: "indicators",
  summary: { da: "Indikatorer og mål for projekter uden kontrolgruppe: resultatfil og rapportside", en: "Indicators and targets for projects without a control group: results file and report page" },
  usage: {
    da: "indicators --spec <indicators.json> --data <mappe> --out <mappe> [--as-of <dato>]",
    en: "indicators --spec <indicators.json> --data <folder> --out <folder> [--as-of <date>]",
  },
  help: {
    da: `
Følger et projekt, hvis succes måles mod mål og ikke mod en kontrolgruppe: antal
samtaler om ugen, en gennemsnitlig bestand, helårspersoner, en andel af en bestand,
status en måned efter et afsluttet forløb. Målingerne regnes som på jobindsats.dk.
Definitionerne (population, måling, periode, basislinje og mål) står i én fil,
indicators.json; data ligger i én mappe: persons.csv (pseudonym, fødselsår,
målgruppe), det ugentlige ydelsespanel som benefit-weeks.csv eller benefit-periods.csv
og eventuelt events.csv (pseudonym, dato, hændelse).

For hver indikator skrives forløbet over tid, værdien indtil nu med 95 %-interval
(Wilson for andele), ændringen fra basislinjen, målet, en fremskrivning til
periodens slut og en vurdering: nået, på vej, i fare eller ikke nået.

I --out skrives:
  index.html         rapportsiden med én figur pr. indikator (forløb, basislinje, mål)
  indicators.json    resultatfilen
  indicators.csv     én række pr. indikator
  series.csv         én række pr. indikator og uge (eller måned)
  charts/<id>.vl.json  hver figurs Vega-Lite-specifikation

Antal under mindste cellestørrelse (minCellSize i definitionsfilen, standard 5)
skjules i alle filer, med sekundær diskretionering. Er der fejl i data, nævnes fil,
række og kolonne, og intet skrives.

Tilvalg:
  --spec <fil>      definitionsfilen (skal gives)
  --data <mappe>    mappen med data (skal gives)
  --out <mappe>     mappen, der skrives i; oprettes om nødvendigt (skal gives)
  --as-of <dato>    opgør til og med den sidste hele uge før datoen, ÅÅÅÅ-MM-DD
                    (standard: den sidste uge med data)
  --lang da|en      sprog for siden og opsummeringen (standard: da)

Eksempel (et af de fire medfølgende eksempler):
  jobtrial indicators --spec data/fleksjob-andele/indicators.json --data data/fleksjob-andele --out out/fleksjob
`,
    en: `
Tracks a project whose success is judged against targets, not against a control
group: conversations a week, an average stock, full-time persons, a share of a stock,
the status one month after an ended spell. The measures are computed as jobindsats.dk
computes them. The definitions (population, measure, period, baseline and target) are
in one file, indicators.json; the data in one folder: persons.csv (pseudonym, birth
year, target group), the weekly benefit panel as benefit-weeks.csv or
benefit-periods.csv, and optionally events.csv (pseudonym, date, event).

For each indicator it writes the series over time, the value so far with its 95%
interval (Wilson for shares), the change from the baseline, the target, a projection
to the period's end and a verdict: met, on track, at risk or missed.

Written to --out:
  index.html         the report page with one chart per indicator (series, baseline, target)
  indicators.json    the results file
  indicators.csv     one row per indicator
  series.csv         one row per indicator and week (or month)
  charts/<id>.vl.json  each chart's Vega-Lite specification

Counts below the minimum cell size (minCellSize in the definitions file, default 5)
are hidden in every file, with secondary suppression. Problems in the data are named
by file, row and column, and nothing is written.

Options:
  --spec <file>     the definitions file (required)
  --data <folder>   the folder with the data (required)
  --out <folder>    the folder written to; created when needed (required)
  --as-of <date>    count up to the last complete week before the date, YYYY-MM-DD
                    (default: the last week with data)
  --lang da|en      language of the page and the summary (default: da)

Example (one of the four bundled examples):
  jobtrial indicators --spec data/fleksjob-andele/indicators.json --data data/fleksjob-andele --out out/fleksjob
`,
  },
  options: stringOptions("spec", "data", "out", "as-of"),
  async run({ io, values, lang }) {
    const specFile = stringOption(values, "spec", true);
    const dataDir = stringOption(values, "data", true);
    const outDir = resolvePath(io, stringOption(values, "out", true));
    const asOf = dateOption(values, "as-of");
    const say = SAY[lang];

    // 1. read: the definitions, then the data (an IndicatorsError reaches cli.ts, which words it in --lang).
    const specPath = resolvePath(io, specFile);
    if (!existsSync(specPath) || !statSync(specPath).isFile()) throw new UserError({ da: SAY.da.notFound(specFile), en: SAY.en.notFound(specFile) });
    const dataPath = resolvePath(io, dataDir);
    if (!existsSync(dataPath) || !statSync(dataPath).isDirectory()) throw new UserError({ da: SAY.da.noFolder(dataDir), en: SAY.en.noFolder(dataDir) });
    const spec = loadIndicatorSpec(specPath, specFile);
    io.stderr(say.step(1, say.reading(dataDir)));
    const { data, problems } = readIndicatorData(dataPath);
    if (problems.length > 0) {
      for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`  ${problem[lang]}\n`);
      if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say.more(problems.length - MAX_PROBLEMS_SHOWN));
      throw new UserError({ da: SAY.da.problems(problems.length), en: SAY.en.problems(problems.length) });
    }

    // 2. compute
    io.stderr(say.step(2, say.computing(spec.indicators.length, data.persons.size)));
    const onIndicator = (done: number, total: number, id: string) => io.stderr(say.indicatorDone(done, total, id));
    const results = evaluateIndicators(spec, data, { toolVersion: VERSION, onIndicator, ...(asOf === undefined ? {} : { asOf }) });

    // 3. page: disclosed, charted, scanned; then written all or none.
    io.stderr(say.step(3, say.building(spec.indicators.length)));
    const page = await buildIndicatorsPage(results, { lang, now: io.now(), toolVersion: VERSION, inputName: specFile });
    writeAllOrNone(outDir, page.files, stringOption(values, "out", true));
    io.stdout(indicatorsSummary(page.results, join(outDir, "index.html"), join(outDir, "indicators.json"), lang));
    return 0;
  },
};

/** Writes every file under `outDir` to a temporary name first, then renames them: all files or none. */
function writeAllOrNone(outDir: string, files: readonly ReportFile[], outName: string): void {
  const temporary: string[] = [];
  try {
    for (const file of files) {
      const path = join(outDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      const part = `${path}.${process.pid}.part`;
      writeFileSync(part, file.content);
      temporary.push(part);
    }
    for (const file of files) {
      const path = join(outDir, file.path);
      renameSync(`${path}.${process.pid}.part`, path);
    }
  } catch (error) {
    for (const part of temporary) rmSync(part, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError({ da: SAY.da.cannotWrite(outName, code ?? "ukendt fejl"), en: SAY.en.cannotWrite(outName, code ?? "unknown error") });
  }
}

/** A value in its unit, as on the page: "8,4 %", "379,2 om ugen", "1.961". */
function valueText(value: number | null, result: IndicatorResult, lang: Lang): string {
  if (value === null) return result.verdict === "no_data" ? SAY[lang].noData : SAY[lang].hidden;
  const decimals = result.kind === "averageStock" ? 0 : 1;
  const number = formatNumber(value, lang, decimals);
  if (result.unit === "percent") return lang === "da" ? `${number} %` : `${number}%`;
  return result.unit === "perWeek" ? `${number} ${lang === "da" ? "om ugen" : "a week"}` : number;
}

/**
 * The summary printed after a run, from the disclosed results: where the page and the
 * results are, then per indicator its value so far with its interval, the target and the
 * verdict; a hidden value reads as hidden, never as a number, and a period without data as such.
 */
export function indicatorsSummary(results: IndicatorResults, page: string, resultsFile: string, lang: Lang): string {
  const say = SAY[lang];
  const width = Math.max(...results.indicators.map((result) => result.id.length));
  const lines = [
    say.written(page, results.indicators.length),
    say.resultsFile(resultsFile),
    say.asOf(formatDate(results.asOf, lang)),
    ...results.indicators.map((result) => {
      const interval = result.interval === null ? "" : ` (${say.interval} ${formatInterval(result.interval.lower, result.interval.upper, lang, result.kind === "averageStock" ? 0 : 1)})`;
      return `  ${result.id.padEnd(width)}  ${valueText(result.value, result, lang)}${interval}; ${say.target} ${result.target.statement[lang]}: ${VERDICT_TEXTS[lang][result.verdict].toLowerCase()}`;
    }),
    say.suppressed(results.minCellSize, results.suppressedCells),
  ];
  return lines.join("\n") + "\n";
}

/** What the command itself prints, Danish unless --lang en. */
const SAY = {
  da: {
    notFound: (file: string) => `${file}: filen findes ikke; kontroller stien til --spec`,
    noFolder: (dir: string) => `${dir}: mappen findes ikke; kontroller stien til --data`,
    step: (index: number, text: string) => `[${index}/3] ${text}\n`,
    reading: (dir: string) => `Læser definitioner og data i ${dir}`,
    computing: (count: number, persons: number) => `Beregner ${count} ${count === 1 ? "indikator" : "indikatorer"} for ${formatNumber(persons, "da")} personer`,
    indicatorDone: (done: number, total: number, id: string) => `      ${done}/${total} ${id}\n`,
    building: (count: number) => `Bygger rapportsiden (${count} ${count === 1 ? "figur" : "figurer"})`,
    more: (count: number) => `  ... og ${count} mere\n`,
    problems: (count: number) => `${count} ${count === 1 ? "problem" : "problemer"} i data (se ovenfor); ret dem og kør igen; intet blev skrevet`,
    cannotWrite: (out: string, code: string) => `kan ikke skrive i ${out}: ${code}; intet blev skrevet`,
    written: (page: string, count: number) => `Indikatorer: ${page} (${count} ${count === 1 ? "figur" : "figurer"})`,
    resultsFile: (file: string) => `Resultater: ${file}`,
    asOf: (date: string) => `Opgjort til og med ${date}:`,
    interval: "95 %-interval",
    target: "mål",
    hidden: "skjult (for få)",
    noData: "ingen data",
    suppressed: (min: number, cells: number) => `Antal under ${min} vises ikke: ${cells} ${cells === 1 ? "celle" : "celler"} skjult.`,
  },
  en: {
    notFound: (file: string) => `${file}: file not found; check the path given to --spec`,
    noFolder: (dir: string) => `${dir}: folder not found; check the path given to --data`,
    step: (index: number, text: string) => `[${index}/3] ${text}\n`,
    reading: (dir: string) => `Reading the definitions and the data in ${dir}`,
    computing: (count: number, persons: number) => `Computing ${count} indicator${count === 1 ? "" : "s"} for ${formatNumber(persons, "en")} persons`,
    indicatorDone: (done: number, total: number, id: string) => `      ${done}/${total} ${id}\n`,
    building: (count: number) => `Building the report page (${count} chart${count === 1 ? "" : "s"})`,
    more: (count: number) => `  ... and ${count} more\n`,
    problems: (count: number) => `${count} problem${count === 1 ? "" : "s"} in the data (see above); correct them and run again; nothing was written`,
    cannotWrite: (out: string, code: string) => `cannot write to ${out}: ${code}; nothing was written`,
    written: (page: string, count: number) => `Indicators: ${page} (${count} chart${count === 1 ? "" : "s"})`,
    resultsFile: (file: string) => `Results: ${file}`,
    asOf: (date: string) => `Counted up to and including ${date}:`,
    interval: "95% interval",
    target: "target",
    hidden: "hidden (too few)",
    noData: "no data",
    suppressed: (min: number, cells: number) => `Counts below ${min} are not shown: ${cells} ${cells === 1 ? "cell" : "cells"} hidden.`,
  },
} satisfies Record<Lang, unknown>;
