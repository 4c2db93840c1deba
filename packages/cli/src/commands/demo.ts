/**
 * `jobtrial demo`: the whole job on the bundled synthetic data, in the order
 * the three users do it. Each step runs the same command a user would type
 * (so the demo shows the real commands, and breaks when they break):
 *
 *   staff      assign every intake week into a fresh register, verify it
 *   jobcentre  make a key, export the pseudonymized cohort, pseudonymize the outcome extracts
 *   evaluator  analyze as of the evaluation date
 *   finance    the business case
 *   committee  the report, and the quarterly note
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { formatNumber as formatCoreNumber, isJobtrialError, loadTrialConfig, MINUS_SIGN, type Lang } from "@jobtrial/core";
import { formatDate, formatDkk, formatInterval, formatNumber, formatPercent } from "@jobtrial/report";
import { resolvePath, stringOption, stringOptions, UserError, type Command, type Io, type OptionValues, type Wording } from "../command.ts";
import { DEMO_WORDING } from "../messages.ts";
import { analyze } from "./analyze.ts";
import { assign } from "./assign.ts";
import { businessCaseCommand } from "./business-case.ts";
import { pseudonymize } from "./pseudonymize.ts";
import { registerExport, registerKeygen, registerVerify } from "./register.ts";
import { report } from "./report.ts";

/** A file in the output folder that says the demo made it, so a rerun may replace the folder. */
const MARKER = ".jobtrial-demo";
const OUTCOME_FILES = ["spells", "benefit-weeks", "conversations", "secondary"] as const;

interface Step {
  label: Wording;
  command: Command;
  values: OptionValues;
  positionals?: string[];
}

export const demo: Command = {
  name: "demo",
  summary: { da: "Kør hele jobbet fra ende til anden på de medfølgende syntetiske data", en: "Run the whole job end to end on the bundled synthetic data" },
  usage: { da: "demo [--data <mappe>] [--out <mappe>] [--lang da|en]", en: "demo [--data <folder>] [--out <folder>] [--lang da|en]" },
  help: {
    da: `
Kører hvert trin på det medfølgende syntetiske forsøg (data/esbjerg-2017) med de
samme kommandoer, som en bruger skriver, og viser hver kommando, mens den kører:

  1. tildel hver uges tilgangsfil i et nyt register (medarbejderlister i lister/)
  2. kontroller registrets hashkæde
  3. lav en pseudonymiseringsnøgle, eksporter kohorten, pseudonymiser udfaldsudtrækkene
  4. analyser pr. forsøgets evalueringsdato med det ugentlige ydelsespanel
     (results.json og CSV-tabeller)
  5. business casen (business-case.json og .xlsx)
  6. rapporten (report/index.html)
  7. kvartalsnotatet til udvalget (kvartal/quarterly-note.html)

og slutter med nøgletallene og stien til rapporten. Outputmappen laves på ny
hver gang; en mappe, demoen ikke selv har lavet, slettes aldrig.

Tilvalg:
  --data <mappe>   forsøgsmappen med trial.json, intake/ og outcomes/. Standard: data/esbjerg-2017
  --out <mappe>    hvor alt skrives. Standard: out/demo
  --lang da|en     sproget i demoens linjer, rapporten og notatet. Standard: da

Eksempel:
  jobtrial demo
`,
    en: `
Runs every step on the bundled synthetic trial (data/esbjerg-2017) with the same
commands a user types, and shows each command as it runs:

  1. assign every week's intake file into a new register (staff lists in lister/)
  2. verify the register's hash chain
  3. make a pseudonymization key, export the cohort, pseudonymize the outcome extracts
  4. analyze as of the trial's evaluation date with the weekly benefit panel
     (results.json and CSV tables)
  5. the business case (business-case.json and .xlsx)
  6. the report (report/index.html)
  7. the quarterly note to the committee (kvartal/quarterly-note.html)

and ends with the key figures and the path of the report. The output folder is
made anew every time; a folder the demo did not make itself is never deleted.

Options:
  --data <folder>  the trial folder with trial.json, intake/ and outcomes/. Default: data/esbjerg-2017
  --out <folder>   where everything is written. Default: out/demo
  --lang da|en     language of the demo's lines, the report and the note. Default: da

Example:
  jobtrial demo
`,
  },
  options: stringOptions("data", "out"),
  async run({ io, values, debug, lang }) {
    const data = resolvePath(io, stringOption(values, "data") ?? "data/esbjerg-2017");
    const out = resolvePath(io, stringOption(values, "out") ?? "out/demo");
    const config = join(data, "trial.json");
    for (const needed of [config, join(data, "intake"), ...OUTCOME_FILES.map((name) => join(data, "outcomes", `${name}.csv`))]) {
      if (!existsSync(needed)) throw new UserError({ da: `${relative(io.cwd, needed)} mangler; angiv forsøgsmappen med --data`, en: `${relative(io.cwd, needed)} is missing; give the trial folder with --data` });
    }
    const loaded = loadTrialConfig(config, lang);
    if (!loaded.ok) throw new UserError({
        da: `${relative(io.cwd, config)} er ikke en gyldig konfiguration; kør "jobtrial config check ${relative(io.cwd, config)}"`,
        en: `${relative(io.cwd, config)} is not a valid configuration; run "jobtrial config check ${relative(io.cwd, config)}"`,
      });
    freshFolder(out, io);

    const file = (...parts: string[]) => join(out, ...parts);
    // The key is never written beside the data (issue 17): it lives in a private temporary
    // folder while export and pseudonymize need it, and is deleted when the demo ends.
    const keyFolder = mkdtempSync(join(tmpdir(), "jobtrial-demo-noegle-"));
    const key = join(keyFolder, "pseudonym.key");
    const steps: Step[] = [
      { label: { da: "Tildeler ugernes tilgang efter fødselsdato", en: "Assigning the weeks' intake by birth date" }, command: assign, values: { config, register: file("register.sqlite"), intake: [join(data, "intake")], operator: "demo", out: file("lister") } },
      { label: { da: "Kontrollerer registrets hashkæde", en: "Verifying the register's hash chain" }, command: registerVerify, values: { register: file("register.sqlite") } },
      { label: { da: "Laver pseudonymiseringsnøgle", en: "Making a pseudonymization key" }, command: registerKeygen, values: { out: key } },
      { label: { da: "Eksporterer pseudonymiseret kohorte", en: "Exporting the pseudonymized cohort" }, command: registerExport, values: { register: file("register.sqlite"), "key-file": key, out: file("kohorte.csv") } },
      ...OUTCOME_FILES.map((name) => ({
        label: { da: `Pseudonymiserer udtræk ${name}.csv`, en: `Pseudonymizing extract ${name}.csv` },
        command: pseudonymize,
        values: { column: "CPR-nummer", "key-file": key, out: file("udtraek", `${name}.csv`) },
        positionals: [join(data, "outcomes", `${name}.csv`)],
      })),
      {
        label: { da: `Analyserer pr. ${loaded.config.evaluation.date}`, en: `Analysing as of ${loaded.config.evaluation.date}` },
        command: analyze,
        values: {
          config,
          cohort: file("kohorte.csv"),
          screening: file("kohorte.screening.json"),
          outcomes: file("udtraek", "spells.csv"),
          "benefit-weeks": file("udtraek", "benefit-weeks.csv"),
          conversations: file("udtraek", "conversations.csv"),
          secondary: file("udtraek", "secondary.csv"),
          "as-of": loaded.config.evaluation.date,
          out: file("results.json"),
        },
      },
      { label: { da: "Beregner business case", en: "Computing the business case" }, command: businessCaseCommand, values: { config, results: file("results.json"), format: "json", out: file("business-case.json") } },
      { label: { da: "Beregner business case (XLSX til økonomi)", en: "Computing the business case (XLSX for finance)" }, command: businessCaseCommand, values: { config, results: file("results.json"), format: "xlsx", out: file("business-case.xlsx") } },
      { label: { da: "Skriver rapporten", en: "Writing the report" }, command: report, values: { results: file("results.json"), "business-case": file("business-case.json"), out: file("rapport") } },
      { label: { da: "Skriver kvartalsnotatet til udvalget", en: "Writing the quarterly note to the committee" }, command: report, values: { results: file("results.json"), "business-case": file("business-case.json"), out: file("kvartal"), quarterly: true } },
    ];

    mkdirSync(file("udtraek"), { recursive: true });
    const started = Date.now();
    try {
      for (const [index, step] of steps.entries()) {
        io.stderr(`[${index + 1}/${steps.length}] ${step.label[lang]}\n      $ jobtrial ${commandLine(step, io.cwd, lang)}\n`);
        await runStep(step, io, debug, lang);
      }
    } finally {
      rmSync(keyFolder, { recursive: true, force: true });
    }

    io.stdout(summary(file("results.json"), file("business-case.json"), file("rapport", "index.html"), io.cwd, (Date.now() - started) / 1000, lang));
    return 0;
  },
};

/** Makes `out` an empty folder marked as the demo's; refuses to delete a folder the demo did not make. */
function freshFolder(out: string, io: Io): void {
  if (existsSync(out)) {
    if (!existsSync(join(out, MARKER))) {
      throw new UserError({
      da: `${relative(io.cwd, out) || out} findes og er ikke lavet af demoen; angiv en anden mappe med --out`,
      en: `${relative(io.cwd, out) || out} exists and was not made by the demo; give another folder with --out`,
    });
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), "Made by `jobtrial demo`; the demo replaces this folder on every run.\n");
}

/** Runs one step with its output captured; on failure shows what the command said. */
async function runStep(step: Step, io: Io, debug: boolean, lang: Lang): Promise<void> {
  let stdout = "";
  let stderr = "";
  const captured: Io = { ...io, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  let code: number | void;
  try {
    code = await step.command.run({ io: captured, values: step.values, positionals: step.positionals ?? [], debug, lang });
  } catch (error) {
    io.stderr(stderr);
    const reason = (inLang: Lang) => (isJobtrialError(error) ? error.messageIn(inLang) : (error as Error).message);
    throw new UserError({ da: `trinnet "${step.label.da}" fejlede: ${reason("da")}`, en: `step "${step.label.en}" failed: ${reason("en")}` });
  }
  if ((code ?? 0) !== 0) {
    io.stderr(stderr);
    throw new UserError({ da: `trinnet "${step.label.da}" fejlede (slutkode ${code})`, en: `step "${step.label.en}" failed (exit ${code})` });
  }
}

function commandLine(step: Step, cwd: string, lang: Lang): string {
  const show = (value: string) => {
    const shown = value.startsWith("/") ? relative(cwd, value) || "." : value;
    return /\s/.test(shown) ? JSON.stringify(shown) : shown;
  };
  const options = Object.entries(step.values).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((item) => [`--${name}`, show(item)]) : value === true ? [`--${name}`] : typeof value === "string" ? [`--${name}`, show(value)] : [],
  );
  return [step.command.name, ...(step.positionals ?? []).map(show), ...options, ...(lang === "en" ? ["--lang", "en"] : [])].join(" ");
}

/** The part of business-case.json's year of operation the key figures show. */
interface YearlyFigures {
  year: number;
  intake: { value: number | null; method: string | null; observed: number | null; projected: number | null; observedWeeks: string[]; projectedWeeks: string[] };
  savingPerParticipant: { estimate: number; source: string };
  cost: number;
  netSavings: number | null;
  lower: number | null;
  upper: number | null;
  probabilityPositive: number | null;
  notEstimated: string | null;
}

/** A key figure's line: the label in a column of 22 characters, then the value. */
function figure(label: string, value: string): string {
  return `  ${label.padEnd(21)} ${value}`;
}

/**
 * The first key figures: a year of the programme in operation, its net saving with the 95 %
 * interval and P(net > 0) (a normal approximation), then how it is made (participants, counted
 * and projected weeks apart, x the saving per participant - the year's cost). Nothing when the
 * business case predates the yearly answer.
 */
function yearlyLines(yearly: YearlyFigures | null, lang: Lang): string[] {
  if (yearly === null) return [];
  const wording = DEMO_WORDING[lang];
  const label = wording.yearInOperation(yearly.year);
  if (yearly.netSavings === null) return [figure(label, wording.notEstimated(yearly.notEstimated))];
  const interval = yearly.lower !== null && yearly.upper !== null ? wording.interval(formatDkk(yearly.lower, lang), formatDkk(yearly.upper, lang)) : wording.noInterval;
  const probability = yearly.probabilityPositive !== null ? wording.probability(formatPercent(yearly.probabilityPositive, lang, 0)) : "";
  const weeks = (list: string[]) => wording.weeks(Number(list[0]!.slice(6)), Number(list[list.length - 1]!.slice(6)));
  const intake =
    yearly.intake.projected !== null && yearly.intake.observed !== null
      ? wording.intakeSplit(formatNumber(yearly.intake.value, lang), formatNumber(yearly.intake.observed, lang), weeks(yearly.intake.observedWeeks), formatNumber(yearly.intake.projected, lang), weeks(yearly.intake.projectedWeeks))
      : wording.intakeTotal(formatNumber(yearly.intake.value, lang));
  const savingKind = yearly.savingPerParticipant.source === "expenditure" ? "expenditure" : "days";
  return [
    figure(label, wording.yearlyNet(formatDkk(yearly.netSavings, lang), interval, probability)),
    figure("", wording.yearlyFormula(intake, formatDkk(yearly.savingPerParticipant.estimate, lang), savingKind, formatDkk(yearly.cost, lang))),
  ];
}

/** The part of results.json the days lines show (paths and daysToFirstExit are absent in older files). */
interface Estimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}
interface DaysFigures {
  daysSaved: Estimate & { tau: number; measure?: string };
  daysToFirstExit?: Estimate;
  paths?: {
    states: { name: string; label: { da: string; en?: string } }[];
    publicSupportDaysSaved: Estimate;
    whereTheDaysWent: (Estimate & { state: string })[];
  } | null;
  config: { expectations: { daysSaved: number } };
}

/**
 * The key figures about days, first: days on A-dagpenge saved (re-entries counted) with the
 * 95 % interval, days on public support saved, and where the saved days went (intervention
 * minus control days in each other state; they sum to the days saved). Without the weekly
 * benefit panel the days saved are the days to the first exit, and only that line is shown.
 */
function daysLines(results: DaysFigures, lang: Lang): string[] {
  const wording = DEMO_WORDING[lang];
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const saved = results.daysSaved;
  const expected = wording.expected(days(results.config.expectations.daysSaved));
  const paths = results.paths;
  if (!paths || saved.measure !== "days-on-benefit") {
    return [figure(wording.daysSaved, wording.savedFirstExit(days(saved.estimate), formatInterval(saved.lower, saved.upper, lang), saved.tau, expected))];
  }
  const signed = (value: number | null) => formatCoreNumber(value, lang, { decimals: 1, minus: MINUS_SIGN, signed: true, rounding: "exact" });
  const label = (state: string) => {
    const labels = paths.states.find((entry) => entry.name === state)?.label;
    return ((lang === "en" ? labels?.en : labels?.da) ?? labels?.da ?? state).toLowerCase();
  };
  const support = paths.publicSupportDaysSaved;
  return [
    figure(wording.daysSaved, wording.savedOnBenefit(days(saved.estimate), formatInterval(saved.lower, saved.upper, lang), saved.tau, expected)),
    figure(wording.publicSupport, wording.fewerDays(days(support.estimate), formatInterval(support.lower, support.upper, lang))),
    figure(wording.whereDaysWent, wording.whereList(paths.whereTheDaysWent.map((entry) => `${label(entry.state)} ${signed(entry.estimate)}`).join(", "))),
  ];
}

/** Days to the first exit from A-dagpenge, the secondary measure, when days saved are days on A-dagpenge. */
function firstExitLines(results: DaysFigures, lang: Lang): string[] {
  const firstExit = results.daysToFirstExit;
  if (!firstExit || results.daysSaved.measure !== "days-on-benefit") return [];
  const wording = DEMO_WORDING[lang];
  return [figure(wording.firstExit, wording.firstExitLine(formatNumber(firstExit.estimate, lang, 1), formatInterval(firstExit.lower, firstExit.upper, lang)))];
}

/** The key figures, in the language of `--lang`, from the files the steps wrote (numbers formatted as in the report). Exported for the language test. */
export function summary(resultsFile: string, businessCaseFile: string, reportFile: string, cwd: string, seconds: number, lang: Lang): string {
  const wording = DEMO_WORDING[lang];
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  const businessCase = JSON.parse(readFileSync(businessCaseFile, "utf8"));
  // The business case's reasons are in the language it was computed in (lang, absent: Danish): shown only in that language.
  const reason = (text: string | null | undefined): string | null => ((businessCase.lang ?? "da") === lang ? (text ?? null) : null);
  const count = (value: number | null) => (value === null ? wording.hidden : formatNumber(value, lang));
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const selfSupport = results.selfSupport.at.find((entry: { weeks: number }) => entry.weeks === 26);
  const detectableFrom: string | null = results.precision.detectableFrom ?? null;
  const lines = [
    "",
    wording.heading(results.trial.name, formatDate(results.asOf, lang)),
    ...daysLines(results, lang),
    ...yearlyLines(businessCase.yearly ? { ...businessCase.yearly, notEstimated: reason(businessCase.yearly.notEstimated) } : null, lang),
    figure(wording.participants, wording.arms(count(results.flow.analysed.intervention), count(results.flow.analysed.control))),
    ...firstExitLines(results, lang),
    figure(
      wording.minimumDetectable,
      wording.detectable(days(results.precision.minimumDetectableDaysSaved), detectableFrom === null ? null : days(results.config.expectations.daysSaved), detectableFrom === null ? null : formatDate(detectableFrom, lang)),
    ),
    figure(wording.selfSupport, selfSupport ? wording.selfSupportLine(formatPercent(selfSupport.intervention.estimate, lang), formatPercent(selfSupport.control.estimate, lang)) : "-"),
    ...businessCase.years.map((year: { year: number; netSavings: number | null; lower: number | null; upper: number | null; notEstimated?: string | null }) =>
      figure(
        wording.netSavings(year.year),
        year.netSavings === null ? wording.yearNotEstimated(reason(year.notEstimated)) : wording.yearNet(formatDkk(year.netSavings, lang), wording.interval(formatDkk(year.lower, lang), formatDkk(year.upper, lang))),
      ),
    ),
    figure(wording.breakEven, wording.breakEvenLine(days(businessCase.breakEvenDaysSaved))),
    "",
    `${wording.report.padEnd(8)} ${relative(cwd, reportFile)}`,
    `${wording.everything.padEnd(8)} ${relative(cwd, resultsFile).replace(/results\.json$/, "") || "."} (${formatNumber(seconds, lang, 1)} s)`,
    "",
  ];
  return lines.join("\n");
}
