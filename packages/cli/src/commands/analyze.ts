import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import {
  evaluateTrial,
  formatEvaluationProblem,
  loadEvaluationInputs,
  analyzeNoteText,
  pathNoteText,
  resultsTables,
  type Results,
  type SpellRulesInput,
} from "@jobtrial/analyze";
import { allocationAlerts, formatDate, formatInterval, formatNumber, formatPercent, type Lang } from "@jobtrial/report";
import { loadTrialConfig } from "@jobtrial/core";
import { dateOption, exclusiveOptions, listOption, numberOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command, type CommandContext } from "../command.ts";
import { ENGINE_OPTION_SPEC, ENGINE_WORDING, rowSource, type RowSource } from "../engine-options.ts";
import { nationalResults, type NationalResults } from "../national-analysis.ts";
import { VERSION } from "../version.ts";
import { readCountsCsv, type CountedColumns } from "./survival.ts";

const MAX_PROBLEMS_SHOWN = 50;

export const analyze: Command = {
  name: "analyze",
  summary: { da: "Evaluer forsøget til results.json", en: "Evaluate the trial to results.json" },
  usage: {
    da: "analyze --config <trial.json> [--engine duckdb|memory [--spell-states <koder>] | --counts <fil>] (--cohort <csv> [--screening <json>] | --register <fil>) (--outcomes <csv> | --benefit-weeks <csv>) [--conversations <csv>] [--secondary <csv>] [--key-file <fil>] [--as-of ÅÅÅÅ-MM-DD] [--lang da|en] --out <results.json>",
    en: "analyze --config <trial.json> [--engine duckdb|memory [--spell-states <codes>] | --counts <file>] (--cohort <csv> [--screening <json>] | --register <file>) (--outcomes <csv> | --benefit-weeks <csv>) [--conversations <csv>] [--secondary <csv>] [--key-file <file>] [--as-of YYYY-MM-DD] [--lang da|en] --out <results.json>",
  },
  help: {
    da: `
Kobler kohorten med udfaldsdata og estimerer hvert mål i evalueringen efter
intention-to-treat og ærligt under censurering. Med det ugentlige ydelsespanel
(--benefit-weeks) følges hver borgers vej gennem konfigurationens
ydelsestilstande (benefitStates: A-dagpenge, sygedagpenge, kontanthjælp,
uddannelse, job; fraflytning afslutter opfølgningen), og sparede dage er
kontrol minus indsats i forventet antal dage på A-dagpenge inden for den
primære horisont, tilbagevenden til A-dagpenge medregnet; ved siden af dage på
enhver offentlig forsørgelse, hvor de sparede dage gik hen (dage i hver anden
tilstand) og kommunens udgift pr. borger prissat pr. ydelse med besparelsen.
Uden panelet er sparede dage dagene til første afgang, og opsummeringen siger,
hvad der ikke kan estimeres. Desuden: Kaplan-Meier-kurver, medianer,
restricted means ved 26 og 52 uger, dage til første afgang (kontrol minus
indsats i første forløbs restricted mean), log-rank (også stratificeret efter
branchegruppe), Cox' hazard ratio, projektets eget gennemsnit af afsluttede
forløb (mærket som skævt), afgang til selvforsørgelse (kumulativ incidens med
konkurrerende afgange, og månedligt i % af bestanden), samtaler mod
protokollen, sekundære udfald, balance, fordelingen mod reglen, undergrupper,
den mindste påviselige effekt (og hvornår den forventede effekt kan påvises,
med tilgangens sæsonmønster) og et CONSORT-lignende flow. Ved siden af sparede
dage: den gruppesekventielle overvågning ved de planlagte kig
(konfigurationens "monitoring": Lan-DeMets-alfaforbrug, gentagne
konfidensintervaller, tidligere kig genberegnet pr. deres dato) og
følsomhedsanalyserne (uden borgere født den 1. og den 1. januar, tau 182, 273
og 364 med andelen stadig i risiko, justeret for kovariater).

Skriver <out> (results.json, beskrevet af ResultsSchema i @jobtrial/analyze) og
CSV-tabeller ved siden af (<navn>-km.csv, <navn>-duration.csv, ...). Antal under
konfigurationens mindste cellestørrelse skjules i alle filer. Intet CPR-nummer,
ingen fødselsdato og intet pseudonym skrives. Hver forkert række i hvert input
vises med fil, række, kolonne og hvordan den rettes; så skrives intet.

Input:
  --config <fil>           forsøgets konfiguration (skal gives)
  --cohort <csv>           kohorten fra "jobtrial register export" (pseudonymiseret)
  --screening <json>       med --cohort: screeningtallene, som "register export"
                           skrev ved siden af kohorten (<kohorte>.screening.json),
                           til flowdiagrammets felter for screenede, ugyldige og
                           uden for målgruppen
  --register <fil>         eller selve registret (kræver --key-file); giver også
                           flowets screeningtal
  --outcomes <csv>         forløbstabel: CPR-nummer eller pseudonym, Forløbsstart,
                           Forløbsslut (sidste dag på ydelse; tom mens forløbet
                           kører), Afgangsårsag (selvforsørgelse, uddannelse, ...)
  --benefit-weeks <csv>    ugentligt ydelsespanel (CPR-nummer eller pseudonym,
                           År-uge, Ydelseskode): vejene gennem ydelsestilstande;
                           forløbene udledes af det, når --outcomes udelades. Hver
                           kode skal stå i konfigurationens benefitStates
  --conversations <csv>    samtalelog (Planlagt uge, Dato, Rådgiver, Status)
  --secondary <csv>        ansøgninger, egen praktik/løntilskud, vurdering
  --key-file <fil>         pseudonymiseringsnøglen, når en fil har CPR-numre
                           (de erstattes af pseudonymer, mens filen læses)
  --as-of <dato>           udtræksdato: forløb, der kører da, censureres der
                           (standard: konfigurationens evalueringsdato)
  --out <fil>              resultatfilen, der skrives (skal gives)
  --seed <n>               frø, der noteres for tilfældige trin (standard 20170101)
  --subgroup <kolonne>     en kohortekolonne, der tilføjes som undergruppe (kan gentages)
  --lang da|en             sprog i opsummeringen til sidst (standard: da);
                           results.json og CSV-tabellerne er de samme på begge sprog
Regler for forløb fra det ugentlige panel (se docs/evaluation.md):
  --unemployment-codes <a,b>   ydelseskoder, der tæller som ledighed (standard 111,A-dagpenge,dagpenge)
  --gap-weeks <n>              uger uden ydelse, der afslutter et forløb (standard 1)
  --self-support-weeks <n>     uger uden ydelse, før en afgang tæller som selvforsørgelse (standard 1)

${ENGINE_WORDING.help.da}
  Med --engine duckdb eller --counts beregnes målene for første forløb (Kaplan-Meier,
  medianer, restricted means, dage til første afgang, log-rank, også stratificeret
  efter branchegruppe, Cox) af tællede rækker, med præcis de tal, hele evalueringen
  giver; <out> får km, duration og daysSaved som i results.json. DuckDB læser den
  pseudonymiserede kohorte (--cohort) og forløbstabellen efter jobtrial pseudonymize
  (--outcomes), CSV eller Parquet; eller ugepanelet efter pseudonymize (--benefit-weeks:
  pseudonym, År-uge, Ydelseskode; med --unemployment-codes og --gap-weeks som ovenfor);
  eller det nationale ugepanel (--benefit-weeks med person, week, state; kohorten med
  person, arm, industry_group, entry_week, last_week) med --spell-states <koder>.
  --counts: kolonnerne arm, stratum, time, status, count. Se docs/national.md.

Eksempel (de medfølgende data, efter "register export"):
  jobtrial analyze --config data/esbjerg-2017/trial.json --cohort kohorte.csv \\
    --outcomes data/esbjerg-2017/outcomes/spells.csv \\
    --conversations data/esbjerg-2017/outcomes/conversations.csv \\
    --secondary data/esbjerg-2017/outcomes/secondary.csv \\
    --key-file pseudonym.key --as-of 2018-03-01 --out results.json`,
    en: `
Joins the cohort with the outcome data and estimates every measure of the
evaluation, intention to treat, honestly under censoring. With the weekly
benefit panel (--benefit-weeks) it follows each citizen's path through the
benefit states of the configuration (benefitStates: A-dagpenge, sickness
benefit, cash benefit, education, job; moving away ends follow-up), and days
saved is the control minus intervention expected days on A-dagpenge within the
primary horizon, returns to A-dagpenge counted; beside it days on any public
support, where the saved days went (days in every other state) and the
municipality's expenditure per citizen priced per benefit, with its saving.
Without the panel days saved is the days to the first exit, and the summary
says what cannot be estimated. Also: Kaplan-Meier curves, medians, restricted
means at 26 and 52 weeks, days to the first exit (control minus intervention
restricted mean of the first spell), log-rank (also stratified by
industry group), Cox hazard ratio, the project's own average of completed spells
(labelled as biased), exit to self-support (cumulative incidence with competing
exits, and monthly in % of the stock), conversations against the protocol,
secondary outcomes, balance, allocation against the rule, subgroups, the
minimum detectable effect (and when the expected effect becomes detectable, with the
intake's seasonal pattern) and a CONSORT-style flow. Beside days saved: the
group-sequential monitoring at the planned looks (configuration "monitoring": Lan-DeMets
spending, repeated confidence intervals, earlier looks recomputed as of their dates) and
the sensitivity analyses (without citizens born on the 1st and on 1 January, tau 182, 273
and 364 with the share still at risk, covariate-adjusted).

Writes <out> (results.json, described by ResultsSchema of @jobtrial/analyze) and
CSV tables beside it (<name>-km.csv, <name>-duration.csv, ...). Counts below the
configuration's minimum cell size are suppressed in every file. No CPR number,
birth date or pseudonym is written. Every bad row of every input is listed with
file, row, column and how to fix it; nothing is written then.

Inputs:
  --config <file>          the trial configuration (required)
  --cohort <csv>           the cohort from "jobtrial register export" (pseudonymized)
  --screening <json>       with --cohort: the screening counts "register export"
                           wrote beside the cohort (<cohort>.screening.json), for
                           the flow diagram's screened, invalid and ineligible boxes
  --register <file>        or the register itself (needs --key-file); also gives the
                           screening counts of the flow
  --outcomes <csv>         spell table: CPR-nummer or pseudonym, Forløbsstart,
                           Forløbsslut (last day on benefit; empty while running),
                           Afgangsårsag (selvforsørgelse, uddannelse, ...)
  --benefit-weeks <csv>    weekly benefit panel (CPR-nummer or pseudonym, År-uge,
                           Ydelseskode): the paths through benefit states; spells
                           are derived from it when --outcomes is left out. Every
                           code must be in the configuration's benefitStates
  --conversations <csv>    conversation log (Planlagt uge, Dato, Rådgiver, Status)
  --secondary <csv>        applications, self-found internship/wage subsidy, rating
  --key-file <file>        pseudonymization key, when a file carries CPR numbers
                           (they are replaced by pseudonyms as the file is read)
  --as-of <date>           data extraction date: spells running then are censored
                           there (default: the configuration's evaluation date)
  --out <file>             results file to write (required)
  --seed <n>               seed recorded for random steps (default 20170101)
  --subgroup <column>      a cohort column to add as a subgroup (repeatable)
  --lang da|en             language of the summary printed at the end (default: da);
                           results.json and the CSV tables are the same either way
Rules for spells from the weekly panel (see docs/evaluation.md):
  --unemployment-codes <a,b>   benefit codes that count as unemployment (default 111,A-dagpenge,dagpenge)
  --gap-weeks <n>              weeks without benefit that end a spell (default 1)
  --self-support-weeks <n>     weeks without benefit for an exit to count as self-support (default 1)

${ENGINE_WORDING.help.en}
  With --engine duckdb or --counts the first spell's measures (Kaplan-Meier, medians,
  restricted means, days to the first exit, log-rank, also stratified by industry
  group, Cox) are computed from counted rows, exactly the numbers the full evaluation
  gives; <out> gets km, duration and daysSaved as in results.json. DuckDB reads the
  pseudonymized cohort (--cohort) and the spell table after jobtrial pseudonymize
  (--outcomes), CSV or Parquet; or the weekly panel after pseudonymize (--benefit-weeks:
  pseudonym, År-uge, Ydelseskode; with --unemployment-codes and --gap-weeks as above);
  or the national weekly panel (--benefit-weeks with person, week, state; the cohort
  with person, arm, industry_group, entry_week, last_week) with --spell-states <codes>.
  --counts: the columns arm, stratum, time, status, count. See docs/national.md.

Example (the bundled data, after "register export"):
  jobtrial analyze --config data/esbjerg-2017/trial.json --cohort cohort.csv \\
    --outcomes data/esbjerg-2017/outcomes/spells.csv \\
    --conversations data/esbjerg-2017/outcomes/conversations.csv \\
    --secondary data/esbjerg-2017/outcomes/secondary.csv \\
    --key-file pseudonym.key --as-of 2018-03-01 --out results.json`,
  },
  options: {
    ...stringOptions("config", "cohort", "screening", "register", "outcomes", "benefit-weeks", "conversations", "secondary", "key-file", "as-of", "out", "seed"),
    ...stringOptions("unemployment-codes", "gap-weeks", "self-support-weeks", "spell-states"),
    subgroup: { type: "string", multiple: true },
    ...ENGINE_OPTION_SPEC,
  },
  async run(context) {
    const { io, values, lang } = context;
    const config = stringOption(values, "config", true);
    const out = stringOption(values, "out", true);
    const outcomeFiles = ["outcomes", "benefit-weeks"].map((name) => stringOption(values, name)).filter((file): file is string => file !== undefined);
    const source = rowSource(io, values, [...outcomeFiles, ...(stringOption(values, "cohort") !== undefined ? [stringOption(values, "cohort")!] : [])]);
    if (source.kind !== "memory") return analyzeCounted(context, source, config, out);
    exclusiveOptions(values, ["cohort", "register"], true);
    const cohort = stringOption(values, "cohort");
    const register = stringOption(values, "register");
    const outcomes = stringOption(values, "outcomes");
    const benefitWeeks = stringOption(values, "benefit-weeks");
    if (outcomes === undefined && benefitWeeks === undefined) {
      throw new UsageError({
        da: "angiv udfaldene som --outcomes <forløb.csv> eller --benefit-weeks <panel.csv>",
        en: "give the outcomes as --outcomes <spells.csv> or --benefit-weeks <panel.csv>",
      });
    }
    const asOf = dateOption(values, "as-of");
    const seed = numberOption(values, "seed", { integer: true, min: 0 }) ?? 20170101;
    const keyFile = stringOption(values, "key-file");
    if (register !== undefined && keyFile === undefined) throw new UsageError({ da: "--register kræver --key-file (registret holder CPR-numre)", en: "--register needs --key-file (the register holds CPR numbers)" });
    if (register !== undefined && stringOption(values, "screening") !== undefined) {
      throw new UsageError({ da: "--screening hører til --cohort; registret har sine egne screeningtal", en: "--screening goes with --cohort; the register has its own screening counts" });
    }
    const spellRules: SpellRulesInput = {};
    const codes = stringOption(values, "unemployment-codes");
    if (codes !== undefined) spellRules.unemploymentCodes = codes.split(",").map((code) => code.trim()).filter(Boolean);
    const gap = numberOption(values, "gap-weeks", { integer: true, min: 1 });
    if (gap !== undefined) spellRules.weeksWithoutBenefitToEnd = gap;
    const selfSupportWeeks = numberOption(values, "self-support-weeks", { integer: true, min: 1 });
    if (selfSupportWeeks !== undefined) spellRules.selfSupportMinWeeks = selfSupportWeeks;
    const subgroups = (values["subgroup"] as string[] | undefined) ?? [];

    const path = (value: string | undefined) => (value === undefined ? undefined : resolvePath(io, value));
    const loaded = loadEvaluationInputs(
      {
        config: resolvePath(io, config),
        cohort: path(cohort),
        screening: path(stringOption(values, "screening")),
        register: path(register),
        spells: path(outcomes),
        benefitWeeks: path(benefitWeeks),
        conversations: path(stringOption(values, "conversations")),
        secondary: path(stringOption(values, "secondary")),
        keyFile: path(keyFile),
        spellRules,
      },
      asOf,
    );
    if (!loaded.ok) {
      const more = loaded.problems.length - MAX_PROBLEMS_SHOWN;
      for (const problem of loaded.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(formatEvaluationProblem(problem, lang) + "\n");
      if (more > 0) io.stderr(lang === "da" ? `... og ${more} mere\n` : `... and ${more} more\n`);
      const count = loaded.problems.length;
      throw new UserError({
        da: `${count} ${count === 1 ? "problem" : "problemer"} i inputfilerne; intet blev skrevet`,
        en: `${count} problem${count === 1 ? "" : "s"} in the input files; nothing was written`,
      });
    }
    const inputs = loaded.value;
    const unknownSubgroups = subgroups.filter((name) => !inputs.cohort.some((member) => name in member.covariates));
    if (unknownSubgroups.length > 0) {
      throw new UsageError({ da: `--subgroup ${unknownSubgroups.join(", ")}: ingen sådan kolonne i kohorten`, en: `--subgroup ${unknownSubgroups.join(", ")}: no such column in the cohort` });
    }
    // An EvaluationError reaches cli.ts, which words it in --lang.
    const results = evaluateTrial({
      config: inputs.config,
      cohort: inputs.cohort,
      spells: inputs.spells,
      benefitWeeks: inputs.benefitWeeks,
      conversations: inputs.conversations,
      secondary: inputs.secondary,
      screening: inputs.screening,
      ...(asOf === undefined ? {} : { asOf }),
      seed,
      now: io.now(),
      toolVersion: VERSION,
      inputs: inputs.inputs,
      subgroupCovariates: subgroups,
      readerNotes: inputs.notes,
    });

    // Write everything to temporary names first, then rename: all files or none.
    const outPath = resolvePath(io, out);
    const directory = dirname(outPath);
    const stem = basename(outPath, extname(outPath));
    const files = new Map<string, string>([[outPath, JSON.stringify(results, null, 2) + "\n"]]);
    for (const [name, text] of resultsTables(results)) files.set(join(directory, `${stem}-${name}.csv`), text);
    mkdirSync(directory, { recursive: true });
    const temporary: string[] = [];
    try {
      for (const [file, text] of files) {
        const part = `${file}.${process.pid}.part`;
        writeFileSync(part, text);
        temporary.push(part);
      }
      for (const [file] of files) renameSync(`${file}.${process.pid}.part`, file);
    } catch (error) {
      for (const part of temporary) rmSync(part, { force: true });
      throw new UserError({ da: `kan ikke skrive ${out}: ${(error as NodeJS.ErrnoException).code ?? "ukendt fejl"}`, en: `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}` });
    }

    io.stdout(analyzeSummary(results, out, files.size - 1, lang));
    return 0;
  },
};

/** Options that need a person (the full evaluation): refused with --engine duckdb and --counts. */
const MEMORY_ONLY = ["register", "screening", "key-file", "conversations", "secondary", "subgroup", "seed"];

/**
 * The national path (docs/national.md): counted rows from DuckDB (over the pseudonymized
 * cohort and the spell table, or a national weekly panel) or from --counts, and the
 * first spell's duration measures from them, the numbers the full evaluation gives.
 */
async function analyzeCounted({ io, values, lang }: CommandContext, source: Exclude<RowSource, { kind: "memory" }>, configFile: string, out: string): Promise<number> {
  const given = MEMORY_ONLY.filter((name) => values[name] !== undefined);
  if (given.length > 0) {
    throw new UsageError({
      da: `${given.map((name) => `--${name}`).join(", ")} kræver hver person og gælder kun --engine memory; med --engine duckdb og --counts beregnes kun målene for første forløb (se docs/national.md)`,
      en: `${given.map((name) => `--${name}`).join(", ")} need every person and go with --engine memory only; --engine duckdb and --counts compute the first spell's measures only (see docs/national.md)`,
    });
  }
  const loaded = loadTrialConfig(resolvePath(io, configFile), lang);
  if (!loaded.ok) {
    const first = loaded.problems[0]!;
    throw new UserError({ da: `${configFile}: ${first.path}: ${first.message}`, en: `${configFile}: ${first.path}: ${first.message}` });
  }
  const asOf = dateOption(values, "as-of") ?? loaded.config.evaluation.date;
  let rows: CountedColumns;
  if (source.kind === "counts") {
    for (const name of ["cohort", "outcomes", "benefit-weeks", "spell-states"]) {
      if (values[name] !== undefined) throw new UsageError(ENGINE_WORDING.inputOrCounts({ da: "--cohort med --outcomes eller --benefit-weeks", en: "--cohort with --outcomes or --benefit-weeks" }));
    }
    rows = readCountsCsv(io, source.file, "0/1");
  } else {
    const cohort = stringOption(values, "cohort");
    if (cohort === undefined) throw new UsageError({ da: "--engine duckdb læser den pseudonymiserede kohorte: angiv --cohort <fil> (jobtrial register export)", en: "--engine duckdb reads the pseudonymized cohort: give --cohort <file> (jobtrial register export)" });
    exclusiveOptions(values, ["outcomes", "benefit-weeks"], true);
    const outcomes = stringOption(values, "outcomes");
    const spellStates = listOption(values, "spell-states");
    const { benefitWeeksCountsSql, firstSpellCountsSql, panelCountsSql, runDuckDbCounts } = await import("@jobtrial/engine");
    if (source.chosenBySize) io.stderr(ENGINE_WORDING.bySize(outcomes ?? stringOption(values, "benefit-weeks")!)[lang] + "\n");
    let counted;
    if (outcomes !== undefined) {
      if (spellStates !== undefined) throw new UsageError({ da: "--spell-states hører til --benefit-weeks", en: "--spell-states goes with --benefit-weeks" });
      counted = await runDuckDbCounts(firstSpellCountsSql({ asOf }, "duckdb"), { cohort: resolvePath(io, cohort), spells: resolvePath(io, outcomes) });
    } else {
      const panelFile = resolvePath(io, stringOption(values, "benefit-weeks")!);
      if (spellStates !== undefined) {
        // The national weekly panel: running week numbers, the spell's benefit codes.
        const codes = spellStates.map((code) => (/^\d+$/.test(code) ? Number(code) : code));
        counted = await runDuckDbCounts(panelCountsSql({ spellStates: codes, strata: "industry_group" }, "duckdb"), { cohort: resolvePath(io, cohort), panel: panelFile });
      } else {
        // The jobcentre's weekly panel (ISO weeks, benefit codes) by analyze's spell rules.
        const unemploymentCodes = listOption(values, "unemployment-codes");
        const gapWeeks = numberOption(values, "gap-weeks", { integer: true, min: 1 });
        const sql = benefitWeeksCountsSql({ asOf, ...(unemploymentCodes !== undefined ? { unemploymentCodes } : {}), ...(gapWeeks !== undefined ? { gapWeeks } : {}) });
        counted = await runDuckDbCounts(sql, { cohort: resolvePath(io, cohort), panel: panelFile });
      }
    }
    rows = { arm: counted.arm, time: counted.time, status: counted.status, count: counted.count, ...(counted.stratum !== undefined ? { stratum: counted.stratum } : {}) };
  }
  // An estimator's AnalyzeError reaches cli.ts, which words it in --lang.
  const results = nationalResults(rows, loaded.config, asOf, source.kind === "counts" ? "counts" : "duckdb");
  const outPath = resolvePath(io, out);
  const part = `${outPath}.${process.pid}.part`;
  try {
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(part, JSON.stringify(results, null, 2) + "\n");
    renameSync(part, outPath);
  } catch (error) {
    rmSync(part, { force: true });
    throw new UserError({ da: `kan ikke skrive ${out}: ${(error as NodeJS.ErrnoException).code ?? "ukendt fejl"}`, en: `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}` });
  }
  io.stdout(nationalSummary(results, out, lang));
  return 0;
}

/** The lines printed after a national run, Danish by default, English with --lang en. */
export function nationalSummary(results: NationalResults, out: string, lang: Lang): string {
  const da = lang === "da";
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const count = (value: number) => formatNumber(value, lang);
  const saved = results.daysSaved;
  const engine = results.engine === "duckdb" ? "DuckDB" : da ? "tællede rækker" : "counted rows";
  const persons = `${count(results.persons["control"] ?? 0)} ${da ? "kontrol" : "control"}, ${count(results.persons["intervention"] ?? 0)} ${da ? "indsats" : "intervention"}`;
  const lines = da
    ? [
        `Første forløb (${engine}) skrevet til ${out}`,
        `  pr.           ${formatDate(results.asOf, lang)}: ${persons} (${count(results.countedRows)} tællede rækker)`,
        saved.estimate === null
          ? `  dage til første afgang  kan ikke estimeres ved ${saved.tau} dage: opfølgningen er kortere i en gruppe`
          : `  dage til første afgang  ${days(saved.estimate)} færre (95 % KI ${formatInterval(saved.lower, saved.upper, lang)}) ved ${saved.tau} dage`,
        `  log-rank      chi² ${formatNumber(results.duration.logrank.chisq, lang, 2)}, p ${formatNumber(results.duration.logrank.p, lang, 4)}; Cox HR ${formatNumber(results.duration.cox.hr, lang, 3)}`,
        `  bemærk        kun målene for første forløb; stier gennem ydelser, balance, samtaler og undergrupper kræver --engine memory`,
      ]
    : [
        `First spell (${engine}) written to ${out}`,
        `  as of        ${formatDate(results.asOf, lang)}: ${persons} (${count(results.countedRows)} counted rows)`,
        saved.estimate === null
          ? `  days to first exit  cannot be estimated at ${saved.tau} days: follow-up is shorter in a group`
          : `  days to first exit  ${days(saved.estimate)} fewer (95 % CI ${formatInterval(saved.lower, saved.upper, lang)}) at ${saved.tau} days`,
        `  log-rank     chi² ${formatNumber(results.duration.logrank.chisq, lang, 2)}, p ${formatNumber(results.duration.logrank.p, lang, 4)}; Cox HR ${formatNumber(results.duration.cox.hr, lang, 3)}`,
        `  note         the first spell's measures only; paths through benefits, balance, conversations and subgroups need --engine memory`,
      ];
  return lines.join("\n") + "\n";
}

/**
 * The summary printed after a run, Danish by default (the jobcentre reads it), English
 * with --lang en; numbers and dates as in the report. The notes come from the message
 * catalogues (results' coded `notes` and `pathNotes`); a file without coded notes (older
 * versions) has its English warnings printed as written.
 */
export function analyzeSummary(results: Results, out: string, csvTables: number, lang: Lang): string {
  const da = lang === "da";
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const count = (value: number) => formatNumber(value, lang);
  const saved = results.daysSaved;
  const onBenefit = saved.measure === "days-on-benefit";
  const precision = results.precision;
  const analysed = (results.flow.analysed.control ?? 0) + (results.flow.analysed.intervention ?? 0);
  const running = (results.flow.stillRunning.control ?? 0) + (results.flow.stillRunning.intervention ?? 0);
  const lines = da
    ? [
        `Resultater skrevet til ${out} (+ ${csvTables} CSV-tabeller)`,
        `  pr.           ${formatDate(results.asOf, lang)}: ${count(analysed)} analyseret, ${count(running)} forløb kører stadig`,
        `  sparede dage  ${days(saved.estimate)} (95 % KI ${formatInterval(saved.lower, saved.upper, lang)})${onBenefit ? " på A-dagpenge" : ""} ved ${saved.tau} dage`,
        ...pathLines(results, lang),
        `  påviselig     ${days(precision.minimumDetectableDaysSaved)} dage nu (styrke ${formatPercent(precision.power, lang, 0)}); ${days(precision.expectedDaysSaved)} dage ${detectableWhen(results, lang)}`,
        ...monitoringLines(results, lang),
        ...sensitivityLines(results, lang),
        ...(results.pathNotes ?? []).map((note) => `  bemærk        ${pathNoteText(note, lang)}`),
        ...noteTexts(results, lang).map((note) => `  bemærk        ${note}`),
        ...allocationAlerts({ results, lang }).map((warning) => `  advarsel      ${warning}`),
      ]
    : [
        `Results written to ${out} (+ ${csvTables} CSV tables)`,
        `  as of        ${formatDate(results.asOf, lang)}: ${count(analysed)} analysed, ${count(running)} spells still running`,
        `  days saved   ${days(saved.estimate)} (95 % CI ${formatInterval(saved.lower, saved.upper, lang)})${onBenefit ? " on A-dagpenge" : ""} at ${saved.tau} days`,
        ...pathLines(results, lang),
        `  detectable   ${days(precision.minimumDetectableDaysSaved)} days now (${formatPercent(precision.power, lang, 0)} power); ${days(precision.expectedDaysSaved)} days ${detectableWhen(results, lang)}`,
        ...monitoringLines(results, lang),
        ...sensitivityLines(results, lang),
        ...(results.pathNotes ?? []).map((note) => `  note         ${pathNoteText(note, lang)}`),
        ...noteTexts(results, lang).map((note) => `  note         ${note}`),
        ...allocationAlerts({ results, lang }).map((warning) => `  warning      ${warning}`),
      ];
  return lines.join("\n") + "\n";
}

/**
 * The summary's lines for the path measures (with the weekly benefit panel): days on public
 * support saved, the expenditure saved per citizen, and days to the first exit as the
 * secondary measure; none without the panel.
 */
function pathLines(results: Results, lang: Lang): string[] {
  const paths = results.paths;
  const expenditure = results.expenditure;
  const firstExit = results.daysToFirstExit;
  if (!paths || !expenditure) return [];
  const da = lang === "da";
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const kroner = (value: number | null) => formatNumber(value, lang, 0);
  const support = paths.publicSupportDaysSaved;
  const saving = expenditure.saving;
  const lines = da
    ? [
        `  forsørgelse   ${days(support.estimate)} færre dage på offentlig forsørgelse (95 % KI ${formatInterval(support.lower, support.upper, lang)})`,
        `  udgift        ${kroner(saving.estimate)} kr. sparet pr. borger inden for ${saving.tau} dage (95 % KI ${formatInterval(saving.lower, saving.upper, lang, 0)})`,
      ]
    : [
        `  support      ${days(support.estimate)} fewer days on public support (95 % CI ${formatInterval(support.lower, support.upper, lang)})`,
        `  expenditure  DKK ${kroner(saving.estimate)} saved per citizen within ${saving.tau} days (95 % CI ${formatInterval(saving.lower, saving.upper, lang, 0)})`,
      ];
  if (firstExit) {
    lines.push(
      da
        ? `  første afgang ${days(firstExit.estimate)} dage tidligere (95 % KI ${formatInterval(firstExit.lower, firstExit.upper, lang)}), sekundært mål`
        : `  first exit   ${days(firstExit.estimate)} days sooner (95 % CI ${formatInterval(firstExit.lower, firstExit.upper, lang)}), a secondary measure`,
    );
  }
  return lines;
}

/** The notes in the summary's language, from the catalogue; an older file's English warnings as written. */
function noteTexts(results: Results, lang: Lang): string[] {
  return results.notes ? results.notes.map((note) => analyzeNoteText(note, lang)) : (results.warnings ?? []);
}

/** When the expected effect becomes detectable: "fra <dato>", "ikke før <dato>" (not by the final analysis), or why there is no date. */
function detectableWhen(results: Results, lang: Lang): string {
  const da = lang === "da";
  const precision = results.precision;
  if (precision.detectableFrom !== null) return `${da ? "fra" : "from"} ${formatDate(precision.detectableFrom, lang)}`;
  if (precision.detectableNotBefore) return `${da ? "ikke før" : "not before"} ${formatDate(precision.detectableNotBefore, lang)}`;
  if (precision.projectionEnd && precision.projectionEnd <= results.asOf) return da ? "ikke påviselig ved slutanalysen" : "not detectable at the final analysis";
  return da ? "kan endnu ikke fremskrives" : "cannot be projected yet";
}

/** The monitoring at the current look: z against the boundary and the repeated confidence interval; and the next look. */
function monitoringLines(results: Results, lang: Lang): string[] {
  const monitoring = results.monitoring;
  if (!monitoring) return [];
  const da = lang === "da";
  const number = (value: number | null, decimals = 2) => formatNumber(value, lang, decimals);
  const kind = (look: (typeof monitoring.looks)[number]) =>
    ({ committee: da ? "udvalg" : "committee", evaluation: da ? "evaluering" : "evaluation", final: da ? "slutanalyse" : "final analysis", "as-of": da ? "ikke planlagt" : "unplanned" })[look.kind];
  const current = monitoring.looks.find((look) => look.date === results.asOf);
  const level = formatPercent(1 - monitoring.alpha, lang, 0);
  const lines: string[] = [];
  if (current && current.status === "analysed" && current.criticalValue !== null) {
    const crossed = current.crossed ? (da ? "krydset" : "crossed") : da ? "ikke krydset" : "not crossed";
    const interval = current.repeatedCi ? formatInterval(current.repeatedCi.lower, current.repeatedCi.upper, lang) : "–";
    lines.push(
      da
        ? `  overvågning   kig ${current.look} af ${monitoring.looks.length} (${kind(current)}): z = ${number(current.z)}, grænse ${number(current.criticalValue)}, ${crossed}; gentaget ${level} KI ${interval}`
        : `  monitoring   look ${current.look} of ${monitoring.looks.length} (${kind(current)}): z = ${number(current.z)}, boundary ${number(current.criticalValue)}, ${crossed}; repeated ${level} CI ${interval}`,
    );
  } else if (current) {
    lines.push(da ? `  overvågning   kig ${current.look} af ${monitoring.looks.length} (${kind(current)}): ingen test ved dette kig` : `  monitoring   look ${current.look} of ${monitoring.looks.length} (${kind(current)}): no test at this look`);
  }
  const next = monitoring.looks.find((look) => look.date > results.asOf);
  if (next?.projected?.estimateToCross !== null && next?.projected?.estimateToCross !== undefined) {
    lines.push(
      da
        ? `  næste kig     ${formatDate(next.date, lang)} (${kind(next)}): grænsen krydses ved ${number(next.projected.estimateToCross, 1)} sparede dage eller mere`
        : `  next look    ${formatDate(next.date, lang)} (${kind(next)}): the boundary is crossed at ${number(next.projected.estimateToCross, 1)} days saved or more`,
    );
  }
  return lines;
}

/** The sensitivity analyses in one line each: subsets, horizons, the covariate-adjusted estimate. */
function sensitivityLines(results: Results, lang: Lang): string[] {
  const sensitivity = results.sensitivity;
  if (!sensitivity) return [];
  const da = lang === "da";
  const days = (value: number | null) => formatNumber(value, lang, 1);
  const row = (key: string) => sensitivity.rows.find((entry) => entry.key === key);
  const horizons = sensitivity.rows.filter((entry) => entry.key === "horizon");
  const adjusted = row("covariate-adjusted");
  const withoutFirst = row("without-born-first-of-month");
  const withoutJanuary = row("without-born-january-1");
  const subsets = da
    ? `uden født d. 1. ${days(withoutFirst?.daysSaved.estimate ?? null)}; uden født 1. jan. ${days(withoutJanuary?.daysSaved.estimate ?? null)}`
    : `without born on the 1st ${days(withoutFirst?.daysSaved.estimate ?? null)}; without born 1 Jan ${days(withoutJanuary?.daysSaved.estimate ?? null)}`;
  const byHorizon = horizons
    .map((entry) => `${entry.tau}: ${days(entry.daysSaved.estimate)} (${da ? "i risiko" : "at risk"} ${formatPercent(Math.min(entry.atRisk?.control.share ?? 1, entry.atRisk?.intervention.share ?? 1), lang, 0)})`)
    .join(", ");
  const lines = [da ? `  følsomhed     ${subsets}` : `  sensitivity  ${subsets}`, da ? `  horisonter    ${byHorizon}` : `  horizons     ${byHorizon}`];
  if (adjusted?.adjustment) {
    lines.push(
      da
        ? `  justeret      ${days(adjusted.daysSaved.estimate)} (95 % KI ${formatInterval(adjusted.daysSaved.lower, adjusted.daysSaved.upper, lang)}) for baggrundsvariable; præcisionsgevinst ${formatPercent(adjusted.adjustment.precisionGain, lang, 0)}`
        : `  adjusted     ${days(adjusted.daysSaved.estimate)} (95 % CI ${formatInterval(adjusted.daysSaved.lower, adjusted.daysSaved.upper, lang)}) for baseline variables; precision gain ${formatPercent(adjusted.adjustment.precisionGain, lang, 0)}`,
    );
  }
  return lines;
}
