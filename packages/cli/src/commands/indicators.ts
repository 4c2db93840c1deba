/**
 * `jobtrial indicators`: indicators and targets for a project without a control group
 * (issue 16). From a definitions file (indicators.json) and a data folder (persons.csv,
 * the weekly benefit panel as weeks or periods, events.csv) to a results file and a
 * report page, in three steps, each announced on stderr:
 *
 * 1. read: the definitions (@jobtrial/indicators' `loadIndicatorSpec`) and the data
 *    (`readIndicatorData`); any problem in the data is listed with file, row and column,
 *    and nothing is written;
 * 2. compute as of --as-of (default: the last week with data), on the engine chosen by
 *    --engine or by the data's size (engine-options.ts): in memory `evaluateIndicators`;
 *    in DuckDB the engine's `runDuckDbIndicatorCounts` counts every measure in SQL over
 *    the folder's CSV or Parquet files and `evaluateCountedIndicators` does the rest, the
 *    same code as in memory after the counting (the same results within 1e-10, tested on
 *    the four examples); with --counts the counts come from a file, the answer of a
 *    database server to the query `jobtrial sql indicators` prints, and only
 *    `evaluateCountedIndicators` runs. Every measure moves: none needs the persons themselves, only
 *    counts per week or per ended spell and the distinct persons behind a period;
 * 3. page: the report package's `buildIndicatorsPage`, which discloses the results (the
 *    spec's minimum cell size, default 5, with secondary suppression), renders one chart
 *    per indicator and scans every file for personal data; the files are then written
 *    under --out, all or none.
 *
 * The summary printed at the end is from the disclosed results only, in --lang.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { formatProblem, fromDayNumber, mapHeader, readInputBytes, readTable } from "@jobtrial/core";
import { INDICATOR_COUNTS_COLUMNS, indicatorAnswersFromRows, type IndicatorCountsRow, type IndicatorFiles } from "@jobtrial/engine";
import {
  BENEFIT_PERIODS_FILE,
  BENEFIT_WEEKS_FILE,
  countingWindow,
  evaluateCountedIndicators,
  evaluateIndicators,
  EVENTS_FILE,
  INDICATOR_COLUMNS,
  loadIndicatorSpec,
  PERSONS_FILE,
  planIndicatorCounts,
  readIndicatorData,
  type CountingWindow,
  type EvaluateOptions,
  type IndicatorResult,
  type IndicatorResults,
  type IndicatorSpec,
} from "@jobtrial/indicators";
import { buildIndicatorsPage, formatDate, formatInterval, formatNumber, VERDICT_TEXTS, type Lang, type ReportFile } from "@jobtrial/report";
import { dateOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { ENGINE_WORDING, rowSource } from "../engine-options.ts";
import { VERSION } from "../version.ts";

/** Data problems listed before the one-line reason; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 20;

export const indicators: Command = {
  name: "indicators",
  summary: { da: "Indikatorer og mål for projekter uden kontrolgruppe: resultatfil og rapportside", en: "Indicators and targets for projects without a control group: results file and report page" },
  usage: {
    da: "indicators --spec <indicators.json> (--data <mappe> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <fil>) --out <mappe> [--as-of <dato>]",
    en: "indicators --spec <indicators.json> (--data <folder> [--engine duckdb|memory] [--engine-threshold <MiB>] | --counts <file>) --out <folder> [--as-of <date>]",
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
  --engine x        duckdb eller memory: hvor målingerne tælles (se nedenfor).
                    Standard: duckdb fra --engine-threshold MiB data og for Parquet
  --engine-threshold n  grænsen i MiB for standardvalget (standard: 16)
  --counts <fil>    tællingerne fra en databaseserver i stedet for --data: svaret på
                    forespørgslen fra jobtrial sql indicators for den samme
                    definitionsfil, gemt som CSV (fx psql --csv); --as-of skal give
                    den samme sidste uge som --to-week

Store data (en hel kommune over flere år, se docs/national.md): med --engine duckdb
tæller DuckDB alle målingerne i SQL direkte i mappens filer, der også kan være
Parquet (persons.parquet, benefit-weeks.parquet, benefit-periods.parquet,
events.parquet med de samme kolonner). Resultaterne er de samme som med --engine
memory (inden for 1e-10): ingen måling kræver de enkelte personer, kun antal pr. uge
eller pr. afsluttet forløb og antal forskellige personer i en periode. --engine
memory læser hver række og nævner hver fejl med række og kolonne; DuckDB nævner fil,
kolonne og antal rækker. Ligger panelet i en databaseserver (PostgreSQL, Spark SQL,
Trino), udskriver jobtrial sql indicators tælleforespørgslen, og --counts tager
svaret tilbage, med de samme resultater.

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
  --engine x        duckdb or memory: where the measures are counted (see below).
                    Default: duckdb from --engine-threshold MiB of data on and for Parquet
  --engine-threshold n  the size in MiB for the default choice (default: 16)
  --counts <file>   the counts from a database server instead of --data: the answer
                    to the query of jobtrial sql indicators for the same definitions
                    file, saved as CSV (e.g. psql --csv); --as-of must give the same
                    last week as --to-week

Large data (a whole municipality over years, see docs/national.md): with --engine
duckdb, DuckDB counts every measure in SQL straight from the folder's files, which
may also be Parquet (persons.parquet, benefit-weeks.parquet, benefit-periods.parquet,
events.parquet with the same columns). The results are those of --engine memory
(within 1e-10): no measure needs the persons themselves, only counts per week or per
ended spell and the number of distinct persons in a period. --engine memory reads
every row and names each problem by row and column; DuckDB names the file, the column
and the number of rows. Where the panel lives in a database server (PostgreSQL, Spark
SQL, Trino), jobtrial sql indicators prints the counting query and --counts takes its
answer back, with the same results.

Example (one of the four bundled examples):
  jobtrial indicators --spec data/fleksjob-andele/indicators.json --data data/fleksjob-andele --out out/fleksjob
`,
  },
  options: stringOptions("spec", "data", "out", "as-of", "engine", "engine-threshold", "counts"),
  async run({ io, values, lang }) {
    const specFile = stringOption(values, "spec", true);
    const countsFile = stringOption(values, "counts");
    if (countsFile !== undefined && values.data !== undefined) throw new UsageError({ da: "angiv enten --data <mappe> eller --counts <fil>, ikke begge", en: "give either --data <folder> or --counts <file>, not both" });
    const dataDir = countsFile === undefined ? stringOption(values, "data", true) : "";
    const outDir = resolvePath(io, stringOption(values, "out", true));
    const asOf = dateOption(values, "as-of");
    const say = SAY[lang];

    // 1. read: the definitions, then the data (an IndicatorsError reaches cli.ts, which words it in --lang).
    const specPath = resolvePath(io, specFile);
    if (!existsSync(specPath) || !statSync(specPath).isFile()) throw new UserError({ da: SAY.da.notFound(specFile), en: SAY.en.notFound(specFile) });
    const dataPath = resolvePath(io, dataDir);
    if (countsFile === undefined && (!existsSync(dataPath) || !statSync(dataPath).isDirectory())) throw new UserError({ da: SAY.da.noFolder(dataDir), en: SAY.en.noFolder(dataDir) });
    const spec = loadIndicatorSpec(specPath, specFile);
    const onIndicator = (done: number, total: number, id: string) => io.stderr(say.indicatorDone(done, total, id));
    const options: EvaluateOptions = { toolVersion: VERSION, onIndicator, ...(asOf === undefined ? {} : { asOf }) };
    let results: IndicatorResults;
    if (countsFile === undefined) results = await evaluateFolder(io, values, lang, spec, dataDir, options);
    else {
      rowSource(io, values, []); // --engine and --engine-threshold do not go with --counts
      results = evaluateCounts(io, spec, countsFile, options, say);
    }

    // 3. page: disclosed, charted, scanned; then written all or none.
    io.stderr(say.step(3, say.building(spec.indicators.length)));
    const page = await buildIndicatorsPage(results, { lang, now: io.now(), toolVersion: VERSION, inputName: specFile });
    writeAllOrNone(outDir, page.files, stringOption(values, "out", true));
    io.stdout(indicatorsSummary(page.results, join(outDir, "index.html"), join(outDir, "indicators.json"), lang));
    return 0;
  },
};

/**
 * The counts path: a database server's answer to `jobtrial sql indicators` (engine's
 * `indicatorCountsScript`) read back row by row (`indicatorAnswersFromRows`: a row that
 * does not fit is an EngineError with file, row and column); the window is the file's,
 * and --as-of, when given, must end it where the file ends.
 */
function evaluateCounts(io: Io, spec: IndicatorSpec, countsFile: string, options: EvaluateOptions, say: (typeof SAY)[Lang]): IndicatorResults {
  io.stderr(say.step(1, say.readingCounts(countsFile)));
  const bytes = readInputBytes(resolvePath(io, countsFile), countsFile);
  if (!bytes.ok) throw new UserError({ da: formatProblem(bytes.problem, "da"), en: formatProblem(bytes.problem, "en") });
  const table = readTable(bytes.bytes, { file: countsFile });
  const mapping = mapHeader(table.header, INDICATOR_COUNTS_COLUMNS.map((column) => ({ key: column, aliases: [column] })), countsFile, table.headerLine);
  const [first] = [...table.problems, ...mapping.problems];
  if (first !== undefined) throw new UserError({ da: formatProblem(first, "da"), en: formatProblem(first, "en") });
  const rows: IndicatorCountsRow[] = table.rows.map((row) => ({
    line: row.line,
    cells: Object.fromEntries(INDICATOR_COUNTS_COLUMNS.map((column) => [column, row.cells[mapping.index[column]!] ?? ""])) as IndicatorCountsRow["cells"],
  }));
  let window: CountingWindow | null = null;
  const read = indicatorAnswersFromRows(countsFile, rows, (found) => {
    window = { ...found, asOf: options.asOf ?? fromDayNumber(found.lastMonday + 6) };
    // The file cannot tell whether the data go on after its last week: --as-of must end exactly there.
    if (options.asOf !== undefined && countingWindow(null, options.asOf).lastMonday !== found.lastMonday) {
      const [da, en] = [SAY.da.asOfOutside(countsFile, fromDayNumber(found.lastMonday)), SAY.en.asOfOutside(countsFile, fromDayNumber(found.lastMonday))];
      throw new UserError({ da, en });
    }
    return planIndicatorCounts(spec, window).map((request, index) => ({ id: spec.indicators[index]!.id, request }));
  });
  io.stderr(say.step(2, say.computingCounts(spec.indicators.length)));
  return evaluateCountedIndicators(spec, window!, read.answers, options);
}

/**
 * The data folder's path: DuckDB counts (`evaluateInDuckDb`) when the engine options or
 * the data's size say so, else every row is read and checked, and evaluated in memory.
 */
async function evaluateFolder(io: Io, values: OptionValues, lang: Lang, spec: IndicatorSpec, dataDir: string, options: EvaluateOptions): Promise<IndicatorResults> {
  const say = SAY[lang];
  const dataPath = resolvePath(io, dataDir);
  const files = dataFiles(dataPath);
  const source = rowSource(io, values, Object.values(files).filter((file): file is string => file !== undefined));
  if (source.kind === "duckdb" && source.chosenBySize) io.stderr(`${ENGINE_WORDING.bySize(dataDir)[lang]}\n`);
  let results: IndicatorResults;
  if (source.kind === "duckdb" && files.persons !== undefined && (files.benefitWeeks !== undefined || files.benefitPeriods !== undefined)) {
    // 1-2. DuckDB reads the files and counts; the measures, intervals and verdicts follow from the counts.
    io.stderr(say.step(1, say.readingDuckDb(dataDir)));
    results = await evaluateInDuckDb(io, spec, files, options, say);
  } else {
    const parquet = Object.values(files).find((file) => file.endsWith(".parquet"));
    if (source.kind === "memory" && parquet !== undefined) {
      const named = join(dataDir, basename(parquet));
      throw new UserError({ da: SAY.da.parquetNeedsDuckDb(named), en: SAY.en.parquetNeedsDuckDb(named) });
    }
    io.stderr(say.step(1, say.reading(dataDir)));
    const { data, problems } = readIndicatorData(dataPath);
    if (problems.length > 0) {
      for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`  ${problem[lang]}\n`);
      if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say.more(problems.length - MAX_PROBLEMS_SHOWN));
      throw new UserError({ da: SAY.da.problems(problems.length), en: SAY.en.problems(problems.length) });
    }
    // 2. compute
    io.stderr(say.step(2, say.computing(spec.indicators.length, data.persons.size)));
    results = evaluateIndicators(spec, data, options);
  }
  return results;
}

/** The data folder's files: each as CSV, or else as Parquet (DuckDB only); undefined when neither is there. */
function dataFiles(dataPath: string): { persons?: string; benefitWeeks?: string; benefitPeriods?: string; events?: string } {
  const find = (csvName: string): string | undefined => {
    for (const name of [csvName, csvName.replace(/\.csv$/, ".parquet")]) if (existsSync(join(dataPath, name))) return join(dataPath, name);
    return undefined;
  };
  const found = { persons: find(PERSONS_FILE), benefitWeeks: find(BENEFIT_WEEKS_FILE), benefitPeriods: find(BENEFIT_PERIODS_FILE), events: find(EVENTS_FILE) };
  return Object.fromEntries(Object.entries(found).filter(([, file]) => file !== undefined));
}

/**
 * The engine path: DuckDB reads the folder's files and answers the counting requests of
 * `planIndicatorCounts` for the window the data's extent and --as-of give; the
 * indicators package computes everything else from the answers. A problem in the files
 * is an EngineError (file, column, number of rows), worded by cli.ts in --lang.
 */
async function evaluateInDuckDb(io: Io, spec: IndicatorSpec, files: ReturnType<typeof dataFiles>, options: EvaluateOptions, say: (typeof SAY)[Lang]): Promise<IndicatorResults> {
  const { runDuckDbIndicatorCounts } = await import("@jobtrial/engine");
  const sources: IndicatorFiles = {
    persons: { file: files.persons!, columns: INDICATOR_COLUMNS.persons },
    benefitWeeks: files.benefitWeeks === undefined ? undefined : { file: files.benefitWeeks, columns: INDICATOR_COLUMNS.benefitWeeks },
    benefitPeriods: files.benefitPeriods === undefined ? undefined : { file: files.benefitPeriods, columns: INDICATOR_COLUMNS.benefitPeriods },
    events: files.events === undefined ? undefined : { file: files.events, columns: INDICATOR_COLUMNS.events },
  };
  let window: CountingWindow | null = null;
  const counted = await runDuckDbIndicatorCounts(
    sources,
    (extent) => {
      window = countingWindow(extent, options.asOf);
      io.stderr(say.step(2, say.computingDuckDb(spec.indicators.length)));
      return planIndicatorCounts(spec, window);
    },
    // The counting is the slow part: a progress line per indicator counted.
    { onRequest: (done, total) => options.onIndicator?.(done, total, spec.indicators[done - 1]!.id) },
  );
  const { onIndicator: _counted, ...rest } = options;
  return evaluateCountedIndicators(spec, window!, counted.answers, rest);
}

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
    readingDuckDb: (dir: string) => `Læser definitioner og data i ${dir} med DuckDB`,
    readingCounts: (file: string) => `Læser definitioner og tællinger i ${file}`,
    computingCounts: (count: number) => `Beregner ${count} ${count === 1 ? "indikator" : "indikatorer"} ud fra tællingerne`,
    asOfOutside: (file: string, monday: string) => `${file}: tællingerne går til ugen, der begynder ${monday}; --as-of skal ligge i ugen efter den (eller være dens søndag), eller udelades; ellers udskriv forespørgslen igen med den --to-week, der svarer til --as-of`,
    computingDuckDb: (count: number) => `Tæller ${count} ${count === 1 ? "indikator" : "indikatorer"} i DuckDB`,
    parquetNeedsDuckDb: (file: string) => `${file}: Parquet læses kun af DuckDB; kør uden --engine memory, eller læg filen i mappen som CSV`,
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
    readingDuckDb: (dir: string) => `Reading the definitions and the data in ${dir} with DuckDB`,
    readingCounts: (file: string) => `Reading the definitions and the counts in ${file}`,
    computingCounts: (count: number) => `Computing ${count} indicator${count === 1 ? "" : "s"} from the counts`,
    asOfOutside: (file: string, monday: string) => `${file}: the counts run to the week starting ${monday}; --as-of must lie in the week after it (or be its Sunday), or be left out; otherwise print the query again with the --to-week that matches --as-of`,
    computingDuckDb: (count: number) => `Counting ${count} indicator${count === 1 ? "" : "s"} in DuckDB`,
    parquetNeedsDuckDb: (file: string) => `${file}: Parquet is read by DuckDB only; run without --engine memory, or put the file in the folder as CSV`,
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
