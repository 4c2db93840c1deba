/**
 * The command line's own wording, in Danish (the default) and English (`--lang en`):
 * the program's help, usage errors about options, and the lines `cli.ts` prints around
 * a command. What a command prints about its own work is in its file or in its
 * package's catalogue; the wording of every package's errors is in that package's
 * messages.ts. Never a value that could be a CPR number: options and paths only.
 */
import type { Lang } from "@jobtrial/core";
import type { Wording } from "./command.ts";

const quoted = (names: readonly string[]) => names.map((name) => `--${name}`);

function orList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "da" ? "eller" : "or"} ${items[items.length - 1]}`;
}

/** Usage errors about one option's value; the option is named as typed (`--tau`). */
export const OPTION_WORDING = {
  required: (name: string): Wording => ({ da: `--${name} skal angives`, en: `--${name} is required` }),
  takesValue: (name: string): Wording => ({ da: `--${name} skal have en værdi`, en: `--${name} takes a value` }),
  notNumber: (name: string, raw: string): Wording => ({ da: `--${name} skal være et tal, ikke "${raw}"`, en: `--${name} must be a number, got "${raw}"` }),
  notWhole: (name: string, raw: string): Wording => ({ da: `--${name} skal være et helt tal, ikke "${raw}"`, en: `--${name} must be a whole number, got "${raw}"` }),
  belowMin: (name: string, raw: string, min: number): Wording => ({ da: `--${name} skal være mindst ${min}, ikke "${raw}"`, en: `--${name} must be at least ${min}, got "${raw}"` }),
  aboveMax: (name: string, raw: string, max: number): Wording => ({ da: `--${name} må højst være ${max}, ikke "${raw}"`, en: `--${name} must be at most ${max}, got "${raw}"` }),
  choice: (name: string, choices: readonly string[], raw: string): Wording => ({
    da: `--${name} skal være ${orList(choices, "da")}, ikke "${raw}"`,
    en: `--${name} must be ${orList(choices, "en")}, got "${raw}"`,
  }),
  list: (name: string, raw: string): Wording => ({
    da: `--${name} tager en liste adskilt af komma uden tomme dele, ikke "${raw}"`,
    en: `--${name} takes a comma-separated list without empty parts, got "${raw}"`,
  }),
  listCount: (name: string, count: number, raw: string): Wording => ({
    da: `--${name} tager ${count} værdier adskilt af komma${name === "groups" ? ", referencen først" : ""}, ikke "${raw}"`,
    en: `--${name} takes ${count} comma-separated values${name === "groups" ? ", reference first" : ""}, got "${raw}"`,
  }),
  numberList: (name: string, raw: string, positive: boolean): Wording => ({
    da: `--${name} tager tal ${positive ? "over 0" : "på 0 eller mere"} adskilt af komma, fx 182,364, ikke "${raw}"`,
    en: `--${name} takes ${positive ? "positive numbers" : "numbers of 0 or more"} separated by commas, such as 182,364, got "${raw}"`,
  }),
  date: (name: string, raw: string): Wording => ({ da: `--${name} skal være en dato ÅÅÅÅ-MM-DD, ikke "${raw}"`, en: `--${name} must be a date YYYY-MM-DD, got "${raw}"` }),
  isoWeek: (name: string, raw: string): Wording => ({ da: `--${name} skal være en ISO-uge som 2017-W03, ikke "${raw}"`, en: `--${name} must be an ISO week such as 2017-W03, got "${raw}"` }),
  weekRange: (name: string, raw: string): Wording => ({
    da: `--${name} skal være to ISO-uger "<fra>:<til>", fx 2017-W01:2018-W08, ikke "${raw}"`,
    en: `--${name} must be two ISO weeks "<from>:<to>", e.g. 2017-W01:2018-W08, got "${raw}"`,
  }),
  exclusive: (names: readonly string[], exactlyOne: boolean): Wording =>
    exactlyOne
      ? { da: `angiv præcis én af ${orList(quoted(names), "da")}`, en: `give exactly one of ${orList(quoted(names), "en")}` }
      : { da: `angiv kun én af ${orList(quoted(names), "da")}, ikke flere`, en: `give only one of ${orList(quoted(names), "en")}, not several` },
  lang: (raw: string): Wording => ({ da: `--lang skal være da eller en, ikke "${raw}"`, en: `--lang must be da or en, got "${raw}"` }),
};

/** What `cli.ts` prints: the program's help, the frame of a command's help and of its errors. */
export const CLI_WORDING: Record<
  Lang,
  {
    tagline: string;
    usage: string;
    commands: string;
    everyCommand: string;
    helpOption: string;
    langOption: string;
    debugOption: string;
    moreHelp: (program: string) => string;
    unknownCommand: (typed: string, known: string) => string;
    runForMore: (program: string, name: string) => string;
    unknownOption: (option: string) => string;
    optionMissingValue: (option: string) => string;
    optionTakesNoValue: (option: string) => string;
    missingArguments: (count: number) => string;
    unexpectedArgument: (argument: string) => string;
    internalError: (detail: string) => string;
  }
> = {
  da: {
    tagline: "lodtrækningsforsøg i danske jobcentre",
    usage: "Brug",
    commands: "Kommandoer",
    everyCommand: "Tilvalg til alle kommandoer",
    helpOption: "vis hjælp til kommandoen",
    langOption: "sprog for hjælp, beskeder og fejl: da (standard) eller en",
    debugOption: "vis fejlens stakspor (til fejlrapporter)",
    moreHelp: (program) => `Kør "${program} <kommando> --help" for en kommandos tilvalg.`,
    unknownCommand: (typed, known) => `ukendt kommando "${typed}"; kendte: ${known}`,
    runForMore: (program, name) => `Kør "${program} ${name} --help" for mere.`,
    unknownOption: (option) => `ukendt tilvalg '${option}'`,
    optionMissingValue: (option) => `tilvalget '${option}' mangler en værdi`,
    optionTakesNoValue: (option) => `tilvalget '${option}' tager ingen værdi`,
    missingArguments: (count) => `mangler ${count > 1 ? `${count} argumenter` : "et argument"}`,
    unexpectedArgument: (argument) => `uventet argument "${argument}"`,
    internalError: (detail) => `intern fejl: ${detail} (kør med --debug for detaljer, og rapporter fejlen)`,
  },
  en: {
    tagline: "randomized trials in Danish jobcentres",
    usage: "Usage",
    commands: "Commands",
    everyCommand: "Options of every command",
    helpOption: "show the command's help",
    langOption: "language of help, messages and errors: da (default) or en",
    debugOption: "show the error's stack trace (for bug reports)",
    moreHelp: (program) => `Run "${program} <command> --help" for a command's options.`,
    unknownCommand: (typed, known) => `unknown command "${typed}"; known: ${known}`,
    runForMore: (program, name) => `Run "${program} ${name} --help" for more.`,
    unknownOption: (option) => `unknown option '${option}'`,
    optionMissingValue: (option) => `option '${option}' needs a value`,
    optionTakesNoValue: (option) => `option '${option}' does not take a value`,
    missingArguments: (count) => `missing ${count > 1 ? `${count} arguments` : "an argument"}`,
    unexpectedArgument: (argument) => `unexpected argument "${argument}"`,
    internalError: (detail) => `internal error: ${detail} (run with --debug for details, and report the bug)`,
  },
};

/** A line of the catalogue above in both languages, for an error that `cli.ts` prints in the command's `--lang`. */
export function bothLanguages(pick: (wording: (typeof CLI_WORDING)["da"]) => string): Wording {
  return { da: pick(CLI_WORDING.da), en: pick(CLI_WORDING.en) };
}

/** `jobtrial config check`: the summary of a valid configuration. */
export const CONFIG_CHECK_WORDING: Record<
  Lang,
  {
    labels: { trial: string; rule: string; project: string; evaluation: string; protocol: string; budget: string; rateYears: string; hash: string };
    period: (start: string, end: string) => string;
    evaluation: (date: string, reporting: string, horizon: number) => string;
    protocol: (intervention: number, control: number, weeks: number) => string;
    dayOfMonth: (intervention: string, control: string) => string;
    parity: (parity: string) => string;
    birthdayList: (count: number) => string;
    problems: (count: number, file: string) => string;
  }
> = {
  da: {
    labels: { trial: "forsøg", rule: "regel", project: "projekt", evaluation: "evaluering", protocol: "protokol", budget: "budget", rateYears: "satsår", hash: "konfig-hash" },
    period: (start, end) => `${start} til ${end} (ekskl.)`,
    evaluation: (date, reporting, horizon) => `${date}, rapportering ${{ quarterly: "kvartalsvis", monthly: "månedlig", yearly: "årlig" }[reporting] ?? reporting}, primær horisont ${horizon} dage`,
    protocol: (intervention, control, weeks) => `${intervention} samtaler (indsats) mod ${control} (kontrol) på ${weeks} uger`,
    dayOfMonth: (intervention, control) => `fødselsdag i måneden ${intervention} -> indsats, ${control} -> kontrol`,
    parity: (parity) => `${parity === "even" ? "lige" : parity === "odd" ? "ulige" : parity} fødselsdage -> indsats`,
    birthdayList: (count) => `${count} opremsede fødselsdage -> indsats`,
    problems: (count, file) => `${count === 1 ? "1 problem" : `${count} problemer`} i ${file}; ret ${count === 1 ? "det" : "dem"} og kør igen`,
  },
  en: {
    labels: { trial: "trial", rule: "rule", project: "project", evaluation: "evaluation", protocol: "protocol", budget: "budget", rateYears: "rate years", hash: "config hash" },
    period: (start, end) => `${start} to ${end} (exclusive)`,
    evaluation: (date, reporting, horizon) => `${date}, ${reporting} reporting, primary horizon ${horizon} days`,
    protocol: (intervention, control, weeks) => `${intervention} conversations (intervention) vs ${control} (control) in ${weeks} weeks`,
    dayOfMonth: (intervention, control) => `birth day of month ${intervention} -> intervention, ${control} -> control`,
    parity: (parity) => `${parity} birth days -> intervention`,
    birthdayList: (count) => `${count} listed birthdays -> intervention`,
    problems: (count, file) => `${count} problem${count === 1 ? "" : "s"} in ${file}; fix ${count === 1 ? "it" : "them"} and run again`,
  },
};

/** `jobtrial survival` and `jobtrial compare`: the table's words and the notes on stderr. */
export const ESTIMATES_WORDING: Record<
  Lang,
  {
    to: string;
    header: (n: string, groups: string) => string;
    reference: string;
    median: (confType: string) => string;
    survivalAt: string;
    logrank: (stratified: boolean, chisq: string, df: number, p: string) => string;
    observedExpected: (observed: number, expected: string) => string;
    rmst: string;
    difference: string;
    coxNotEstimable: string;
    coxNotReported: string;
    cox: (ties: string, hr: string, interval: string, p: string, lrP: string, scoreP: string) => string;
    cif: string;
    state: string;
    dropped: (file: string, count: number, what: string) => string;
    droppedWhat: (event: boolean) => string;
    excluded: (file: string, count: number, groups: string) => string;
    missingStratum: (file: string, count: number) => string;
    warning: string;
    cannotRead: (file: string, reason: string) => string;
    moreProblems: (count: number) => string;
    otherMinusReference: (other: string, reference: string, nOther: number, nReference: number) => string;
    welch: string;
    diffInMeans: string;
    proportions: string;
    permutation: string;
    bootstrap: string;
    relabelings: (count: number) => string;
    replicates: (count: number) => string;
    versus: string;
    droppedValues: (file: string, count: number) => string;
  }
> = {
  da: {
    to: "til",
    header: (n, groups) => `n = ${n}; grupper: ${groups}`,
    reference: "reference",
    median: (confType) => `Median (95 % KI, ${confType}-bånd)`,
    survivalAt: "Overlevelse på de valgte tider",
    logrank: (stratified, chisq, df, p) => `Log-rank${stratified ? " (stratificeret)" : ""}: chi-i-anden ${chisq}, frihedsgrader ${df}, p ${p}`,
    observedExpected: (observed, expected) => `observeret ${observed}, forventet ${expected}`,
    rmst: "Restricted mean survival time (anden minus reference)",
    difference: "forskel",
    coxNotEstimable: "Cox: kan ikke estimeres (se advarslen)",
    coxNotReported: "Cox-modellen rapporteres ikke",
    cox: (ties, hr, interval, p, lrP, scoreP) => `Cox (${ties}): hazard ratio ${hr} (${interval}), p ${p}; LR p ${lrP}, score-p ${scoreP}`,
    cif: "Kumulativ incidens (Aalen-Johansen)",
    state: "tilstand",
    dropped: (file, count, what) => `${file}: ${count} ${count === 1 ? "række" : "rækker"} uden ${what} udeladt`,
    droppedWhat: (event) => `tid, ${event ? "hændelse" : "tilstand"} eller gruppe`,
    excluded: (file, count, groups) => `${file}: ${count} ${count === 1 ? "række" : "rækker"} fra andre grupper end ${groups} udeladt`,
    missingStratum: (file, count) => `${file}: ${count} ${count === 1 ? "række" : "rækker"} uden stratum udeladt af den stratificerede log-rank og Cox`,
    warning: "advarsel",
    cannotRead: (file, reason) => `kan ikke læse ${file}: ${reason}; kontroller stien`,
    moreProblems: (count) => ` (og ${count} ${count === 1 ? "problem" : "problemer"} mere i filen)`,
    otherMinusReference: (other, reference, nOther, nReference) => `${other} minus ${reference} (n ${nOther} og ${nReference})`,
    welch: "Welchs t-test",
    diffInMeans: "Forskel i gennemsnit",
    proportions: "Andele",
    permutation: "Permutationstest",
    bootstrap: "Bootstrap-interval",
    relabelings: (count) => `${count} ombytninger`,
    replicates: (count) => `${count} gentagelser, percentil`,
    versus: "mod",
    droppedValues: (file, count) => `${file}: ${count} ${count === 1 ? "række" : "rækker"} med tom værdi eller gruppe udeladt`,
  },
  en: {
    to: "to",
    header: (n, groups) => `n = ${n}; groups: ${groups}`,
    reference: "reference",
    median: (confType) => `Median (95 % CI, ${confType} band)`,
    survivalAt: "Survival at chosen times",
    logrank: (stratified, chisq, df, p) => `Log-rank${stratified ? " (stratified)" : ""}: chi-square ${chisq}, df ${df}, p ${p}`,
    observedExpected: (observed, expected) => `observed ${observed}, expected ${expected}`,
    rmst: "Restricted mean survival time (other minus reference)",
    difference: "difference",
    coxNotEstimable: "Cox: not estimable (see the warning)",
    coxNotReported: "the Cox model is not reported",
    cox: (ties, hr, interval, p, lrP, scoreP) => `Cox (${ties}): hazard ratio ${hr} (${interval}), p ${p}; LR p ${lrP}, score p ${scoreP}`,
    cif: "Cumulative incidence (Aalen-Johansen)",
    state: "state",
    dropped: (file, count, what) => `${file}: ${count} row(s) with a missing ${what} dropped`,
    droppedWhat: (event) => `time, ${event ? "event" : "state"} or group`,
    excluded: (file, count, groups) => `${file}: ${count} row(s) of other groups than ${groups} left out`,
    missingStratum: (file, count) => `${file}: ${count} row(s) without a stratum left out of the stratified log-rank and Cox`,
    warning: "warning",
    cannotRead: (file, reason) => `cannot read ${file}: ${reason}; check the path`,
    moreProblems: (count) => ` (and ${count} more problem${count === 1 ? "" : "s"} in the file)`,
    otherMinusReference: (other, reference, nOther, nReference) => `${other} minus ${reference} (n ${nOther} and ${nReference})`,
    welch: "Welch t-test",
    diffInMeans: "Difference in means",
    proportions: "Proportions",
    permutation: "Permutation test",
    bootstrap: "Bootstrap interval",
    relabelings: (count) => `${count} relabelings`,
    replicates: (count) => `${count} replicates, percentile`,
    versus: "vs",
    droppedValues: (file, count) => `${file}: ${count} row(s) with an empty value or group dropped`,
  },
};

/** `jobtrial assign diagnose`: the allocation against the rule. */
export const DIAGNOSE_WORDING: Record<
  Lang,
  {
    assignments: (n: number) => string;
    expected: (share: string, calendar: string) => string;
    observed: (share: string, count: number, n: number, p: string) => string;
    perWeek: string;
    week: (share: string, n: number, expected: string, p: string) => string;
    bornFirst: string;
    arm: { intervention: string; control: string };
    first: (month: string, monthExpected: string, january: string, januaryExpected: string) => string;
    noWarnings: string;
    warning: string;
  }
> = {
  da: {
    assignments: (n) => `Tildelinger: ${n}`,
    expected: (share, calendar) => `Forventet andel i indsats efter reglen og kalenderen: ${share} (et almindeligt år: ${calendar})`,
    observed: (share, count, n, p) => `Observeret andel i indsats: ${share} (${count} af ${n}), eksakt binomialtest p = ${p}`,
    perWeek: "Pr. uge:",
    week: (share, n, expected, p) => `${share} af ${n} (forventet ${expected}, p = ${p})`,
    bornFirst: "Født den 1. i måneden / 1. januar:",
    arm: { intervention: "Indsats", control: "Kontrol" },
    first: (month, monthExpected, january, januaryExpected) => `${month} den 1. (forventet ${monthExpected}), ${january} 1. januar (forventet ${januaryExpected})`,
    noWarnings: "Ingen advarsler.",
    warning: "ADVARSEL",
  },
  en: {
    assignments: (n) => `Assignments: ${n}`,
    expected: (share, calendar) => `Expected share in intervention by the rule and the calendar: ${share} (an ordinary year: ${calendar})`,
    observed: (share, count, n, p) => `Observed share in intervention: ${share} (${count} of ${n}), exact binomial test p = ${p}`,
    perWeek: "Per week:",
    week: (share, n, expected, p) => `${share} of ${n} (expected ${expected}, p = ${p})`,
    bornFirst: "Born on the 1st of the month / 1 January:",
    arm: { intervention: "Intervention", control: "Control" },
    first: (month, monthExpected, january, januaryExpected) => `${month} on the 1st (expected ${monthExpected}), ${january} on 1 January (expected ${januaryExpected})`,
    noWarnings: "No warnings.",
    warning: "WARNING",
  },
};

/** "2 kolonner" / "1 column". */
function columnCount(count: number, lang: Lang): string {
  return lang === "da" ? (count === 1 ? "1 kolonne" : `${count} kolonner`) : count === 1 ? "1 column" : `${count} columns`;
}

/** `jobtrial register ...`: verify, keygen, export, columns and void. */
export const REGISTER_WORDING: Record<
  Lang,
  {
    verifyHeader: (assignments: number, batches: number) => string;
    week: string;
    voids: string;
    arms: (intervention: number, control: number) => string;
    broken: (record: "assignment" | "batch", seq: number, reason: string) => string;
    missingTriggers: (triggers: string) => string;
    intact: string;
    keyWritten: (path: string) => string;
    cohortWritten: (out: string, rows: number, screening: string) => string;
    leftOut: (columns: readonly string[]) => string;
    exported: string;
    neverExported: string;
    declared: string;
    undeclared: string;
    assignments: string;
    fixedColumns: string;
    intakeColumns: string;
    none: string;
    noUndeclared: string;
    undeclaredHeld: (columns: readonly string[]) => string;
    voided: (batch: string, record: string, assignments: number, reason: string) => string;
  }
> = {
  da: {
    verifyHeader: (assignments, batches) => `Register: ${assignments} ${assignments === 1 ? "tildeling" : "tildelinger"} i ${batches} ${batches === 1 ? "batch" : "batches"}`,
    week: "uge",
    voids: "annullerer",
    arms: (intervention, control) => `Indsats ${intervention}, Kontrol ${control}`,
    broken: (record, seq, reason) => `registret er brudt: den første brudte post er ${record === "assignment" ? "tildeling" : "batchpost"} ${seq}: ${reason}`,
    missingTriggers: (triggers) => `registrets beskyttelse mod ændring og sletning mangler (${triggers}); nogen har ændret databasen uden om jobtrial`,
    intact: "OK: hashkæden er intakt",
    keyWritten: (path) => `Ny nøgle skrevet: ${path} (kun læsbar for dig)`,
    cohortWritten: (out, rows, screening) => `Kohorte skrevet: ${out} (${rows === 1 ? "1 person" : `${rows} personer`}, pseudonymiseret)\nScreeningtal skrevet: ${screening}`,
    leftOut: (columns) =>
      `Bemærk: registret holder ${columnCount(columns.length, "da")} fra tilgangslisterne, som ikke er erklærede kovariater, og som derfor ikke er eksporteret: ${columns.join(", ")}. "jobtrial register columns" viser, hvad registret holder.`,
    exported: "eksporteres",
    neverExported: "eksporteres aldrig (kun som pseudonym og afledte kolonner)",
    declared: "eksporteres (erklæret kovariat)",
    undeclared: "eksporteres ikke (ikke erklæret i intake.covariates)",
    assignments: "tildelinger",
    fixedColumns: "Faste kolonner:",
    intakeColumns: "Kolonner fra tilgangslisterne:",
    none: "ingen",
    noUndeclared: "Registret holder ingen kolonner ud over de erklærede.",
    undeclaredHeld: (columns) => `Registret holder ${columnCount(columns.length, "da")}, som ikke er erklærede kovariater (${columns.join(", ")}); de bliver i registret og eksporteres aldrig.`,
    voided: (batch, record, assignments, reason) => `Batch ${batch} annulleret som ${record} (${assignments} tildelinger): ${reason}`,
  },
  en: {
    verifyHeader: (assignments, batches) => `Register: ${assignments} ${assignments === 1 ? "assignment" : "assignments"} in ${batches} ${batches === 1 ? "batch" : "batches"}`,
    week: "week",
    voids: "voids",
    arms: (intervention, control) => `Intervention ${intervention}, Control ${control}`,
    broken: (record, seq, reason) => `the register is broken: the first broken record is ${record === "assignment" ? "assignment" : "batch record"} ${seq}: ${reason}`,
    missingTriggers: (triggers) => `the register's protection against change and deletion is missing (${triggers}); someone has changed the database outside jobtrial`,
    intact: "OK: the hash chain is intact",
    keyWritten: (path) => `New key written: ${path} (readable by you only)`,
    cohortWritten: (out, rows, screening) => `Cohort written: ${out} (${rows === 1 ? "1 person" : `${rows} persons`}, pseudonymized)\nScreening counts written: ${screening}`,
    leftOut: (columns) =>
      `Note: the register holds ${columnCount(columns.length, "en")} from the intake lists that are not declared covariates and are therefore not exported: ${columns.join(", ")}. "jobtrial register columns" shows what the register holds.`,
    exported: "exported",
    neverExported: "never exported (only as pseudonym and derived columns)",
    declared: "exported (declared covariate)",
    undeclared: "not exported (not declared in intake.covariates)",
    assignments: "assignments",
    fixedColumns: "Fixed columns:",
    intakeColumns: "Columns from the intake lists:",
    none: "none",
    noUndeclared: "The register holds no columns beyond the declared ones.",
    undeclaredHeld: (columns) => `The register holds ${columnCount(columns.length, "en")} that are not declared covariates (${columns.join(", ")}); they stay in the register and are never exported.`,
    voided: (batch, record, assignments, reason) => `Batch ${batch} voided as ${record} (${assignments} assignments): ${reason}`,
  },
};

/** "1 række" / "3 rows". */
function rowCount(count: number, lang: Lang): string {
  return lang === "da" ? (count === 1 ? "1 række" : `${count} rækker`) : count === 1 ? "1 row" : `${count} rows`;
}

/** `jobtrial pseudonymize`: its refusals and its summary. Never a cell value: column headers, options and files only. */
export const PSEUDONYMIZE_WORDING: Record<
  Lang,
  {
    extract: { spells: string; "benefit-weeks": string; conversations: string; secondary: string };
    outIsInput: string;
    keepsIdentifier: (columns: readonly string[]) => string;
    notFound: (file: string) => string;
    unreadable: (file: string, code: string) => string;
    keepNotInFile: (columns: readonly string[], file: string) => string;
    unknownExtract: (file: string) => string;
    problems: (count: number, file: string) => string;
    written: (out: string, rows: number, extract: string | null) => string;
    kept: string;
    dropped: string;
    none: string;
  }
> = {
  da: {
    extract: { spells: "ledighedsforløb", "benefit-weeks": "ugentligt ydelsespanel", conversations: "samtalelog", secondary: "sekundære udfald" },
    outIsInput: "--out skal være en anden fil end inputfilen",
    keepsIdentifier: (columns) =>
      `--keep nævner ${columns.map((name) => `"${name}"`).join(", ")}, som er en direkte identifikator (navn, adresse, telefon, e-mail, fritekst eller CPR-nummer); sådan en kolonne forlader aldrig jobcentret. Fjern den fra --keep; intet er skrevet`,
    notFound: (file) => `filen findes ikke: ${file}; kontroller stien`,
    unreadable: (file, code) => `${file} kan ikke læses (${code}); kontroller, at du har adgang til filen`,
    keepNotInFile: (columns, file) => `--keep nævner ${columns.map((name) => `"${name}"`).join(", ")}, som ikke er en kolonne i ${file}; ret navnet, som det står i overskriften`,
    unknownExtract: (file) =>
      `kolonnerne i ${file} passer ikke til et kendt udtræk (ledighedsforløb, ydelsespanel, samtalelog, sekundære udfald); angiv med --keep, hvilke kolonner der skal med ud over CPR-kolonnen. Intet er skrevet`,
    problems: (count, file) => `${count === 1 ? "1 problem" : `${count} problemer`} i ${file}; intet er skrevet`,
    written: (out, rows, extract) => `Pseudonymiseret: ${out} (${rowCount(rows, "da")}${extract === null ? "" : `; ${extract}`})`,
    kept: "Med:",
    dropped: "Udeladt:",
    none: "ingen",
  },
  en: {
    extract: { spells: "unemployment spells", "benefit-weeks": "weekly benefit panel", conversations: "conversation log", secondary: "secondary outcomes" },
    outIsInput: "--out must be another file than the input file",
    keepsIdentifier: (columns) =>
      `--keep names ${columns.map((name) => `"${name}"`).join(", ")}, a direct identifier (name, address, phone, e-mail, free text or CPR number); such a column never leaves the jobcentre. Remove it from --keep; nothing was written`,
    notFound: (file) => `the file does not exist: ${file}; check the path`,
    unreadable: (file, code) => `${file} cannot be read (${code}); check that you have access to the file`,
    keepNotInFile: (columns, file) => `--keep names ${columns.map((name) => `"${name}"`).join(", ")}, which is not a column of ${file}; spell it as the header does`,
    unknownExtract: (file) =>
      `the columns of ${file} do not match a known extract (unemployment spells, benefit panel, conversation log, secondary outcomes); name with --keep the columns to keep besides the CPR column. Nothing was written`,
    problems: (count, file) => `${count === 1 ? "1 problem" : `${count} problems`} in ${file}; nothing was written`,
    written: (out, rows, extract) => `Pseudonymized: ${out} (${rowCount(rows, "en")}${extract === null ? "" : `; ${extract}`})`,
    kept: "Kept:",
    dropped: "Dropped:",
    none: "none",
  },
};

/** Both languages of one line of a `Record<Lang, ...>` catalogue above. */
export function inBoth<Catalogue>(catalogue: Record<Lang, Catalogue>, pick: (wording: Catalogue) => string): Wording {
  return { da: pick(catalogue.da), en: pick(catalogue.en) };
}

/** `jobtrial simulate`: the summary of what was written and the truth it was made from (numbers already formatted in the language). */
export const SIMULATE_WORDING: Record<
  Lang,
  {
    written: (out: string, files: number, megabytes: string) => string;
    intake: (from: string, to: string, rows: number, eligible: number) => string;
    arms: (intervention: number, control: number) => string;
    extraction: (date: string, running: number) => string;
    firstSpell: (days: string, horizon: number, contrast: string) => string;
    truthFirstSpell: (firstSpell: string, hazardRatio: string) => string;
    truthAdp: (days: string, horizon: number, contrast: string) => string;
    truthPublic: (days: string, contrast: string) => string;
    truthExpenditure: (kroner: string, contrast: string) => string;
    truthFirstSpellPaths: (firstSpell: string, jobRateRatio: string) => string;
  }
> = {
  da: {
    written: (out, files, megabytes) => `SYNTETISKE data skrevet til ${out} (${files} filer, ${megabytes} MB)`,
    intake: (from, to, rows, eligible) => `  tilgang      ${from} til ${to}: ${rows} rækker, ${eligible} i målgruppen`,
    arms: (intervention, control) => `  grupper      ${intervention} indsats, ${control} kontrol`,
    extraction: (date, running) => `  udtræk       ${date}: ${running} forløb kører stadig`,
    firstSpell: (days, horizon, contrast) => `${days} sparede dage ved ${horizon} dage (forskel mellem grupperne ${contrast})`,
    truthFirstSpell: (firstSpell, hazardRatio) => `  sandhed      ${firstSpell}, hazard ratio ${hazardRatio}`,
    truthAdp: (days, horizon, contrast) => `  sandhed      ${days} sparede dage på A-dagpenge ved ${horizon} dage, genindtræden talt med (forskel mellem grupperne ${contrast})`,
    truthPublic: (days, contrast) => `               ${days} sparede dage på offentlig forsørgelse (forskel mellem grupperne ${contrast})`,
    truthExpenditure: (kroner, contrast) => `               ${kroner} kr. kommunal udgift sparet pr. borger (forskel mellem grupperne ${contrast})`,
    truthFirstSpellPaths: (firstSpell, jobRateRatio) => `               første forløb: ${firstSpell}; jobrate-ratio ${jobRateRatio}`,
  },
  en: {
    written: (out, files, megabytes) => `SYNTHETIC data written to ${out} (${files} files, ${megabytes} MB)`,
    intake: (from, to, rows, eligible) => `  intake       ${from} to ${to}: ${rows} rows, ${eligible} eligible`,
    arms: (intervention, control) => `  arms         ${intervention} intervention, ${control} control`,
    extraction: (date, running) => `  extraction   ${date}: ${running} ${running === 1 ? "spell" : "spells"} still running`,
    firstSpell: (days, horizon, contrast) => `${days} days saved at ${horizon} days (arm contrast ${contrast})`,
    truthFirstSpell: (firstSpell, hazardRatio) => `  truth        ${firstSpell}, hazard ratio ${hazardRatio}`,
    truthAdp: (days, horizon, contrast) => `  truth        ${days} days on A-dagpenge saved at ${horizon} days, re-entries counted (arm contrast ${contrast})`,
    truthPublic: (days, contrast) => `               ${days} days on public support saved (arm contrast ${contrast})`,
    truthExpenditure: (kroner, contrast) => `               ${kroner} DKK municipal expenditure saved per citizen (arm contrast ${contrast})`,
    truthFirstSpellPaths: (firstSpell, jobRateRatio) => `               first spell: ${firstSpell}; job-rate ratio ${jobRateRatio}`,
  },
};

/** `jobtrial demo`: the key figures it ends with (numbers, amounts and dates already formatted in the language). */
export const DEMO_WORDING: Record<
  Lang,
  {
    heading: (trial: string, date: string) => string;
    daysSaved: string;
    publicSupport: string;
    whereDaysWent: string;
    yearInOperation: (year: number) => string;
    participants: string;
    firstExit: string;
    minimumDetectable: string;
    selfSupport: string;
    netSavings: (year: number) => string;
    breakEven: string;
    report: string;
    everything: string;
    expected: (days: string) => string;
    savedFirstExit: (days: string, interval: string, tau: number, expected: string) => string;
    savedOnBenefit: (days: string, interval: string, tau: number, expected: string) => string;
    fewerDays: (days: string, interval: string) => string;
    whereList: (items: string) => string;
    notEstimated: (reason: string | null) => string;
    yearlyNet: (amount: string, interval: string, probability: string) => string;
    interval: (lower: string, upper: string) => string;
    noInterval: string;
    probability: (percent: string) => string;
    yearlyFormula: (intake: string, saving: string, savingKind: "expenditure" | "days", cost: string) => string;
    intakeSplit: (total: string, observed: string, observedWeeks: string, projected: string, projectedWeeks: string) => string;
    intakeTotal: (total: string) => string;
    weeks: (from: number, to: number) => string;
    arms: (intervention: string, control: string) => string;
    firstExitLine: (days: string, interval: string) => string;
    detectable: (now: string, expected: string | null, from: string | null) => string;
    selfSupportLine: (intervention: string, control: string) => string;
    hidden: string;
    yearNet: (amount: string, interval: string) => string;
    yearNotEstimated: (reason: string | null) => string;
    breakEvenLine: (days: string) => string;
  }
> = {
  da: {
    heading: (trial, date) => `Nøgletal for ${trial} (syntetiske data), pr. ${date}`,
    daysSaved: "Sparede dage",
    publicSupport: "Offentlig forsørgelse",
    whereDaysWent: "Hvor dagene gik hen",
    yearInOperation: (year) => `Et år i drift ${year}`,
    participants: "Deltagere",
    firstExit: "Første afgang",
    minimumDetectable: "Mindste påviselige",
    selfSupport: "Selvforsørgelse 26 u.",
    netSavings: (year) => `Nettobesparelse ${year}`,
    breakEven: "Break-even",
    report: "Rapport:",
    everything: "Alt i:",
    expected: (days) => `forventet ${days}`,
    savedFirstExit: (days, interval, tau, expected) => `${days} dage (95 % KI ${interval}) ved ${tau} dage, til første afgang; ${expected}`,
    savedOnBenefit: (days, interval, tau, expected) => `${days} dage på A-dagpenge (95 % KI ${interval}) ved ${tau} dage, genindtræden talt med; ${expected}`,
    fewerDays: (days, interval) => `${days} færre dage (95 % KI ${interval})`,
    whereList: (items) => `${items} dage (indsats minus kontrol)`,
    notEstimated: (reason) => `ikke estimeret: ${reason ?? "indtaget er ikke estimeret"}`,
    yearlyNet: (amount, interval, probability) => `nettobesparelse ${amount}${interval}${probability}`,
    interval: (lower, upper) => ` (95 % KI ${lower} til ${upper})`,
    noInterval: " (intet interval)",
    probability: (percent) => `; P(netto > 0) ${percent}, normalapprox.`,
    yearlyFormula: (intake, saving, savingKind, cost) =>
      `= ${intake} x ${saving} ${savingKind === "expenditure" ? "udgift sparet pr. deltager" : "sparet pr. deltager (sparede dage prissat)"} - ${cost}`,
    intakeSplit: (total, observed, observedWeeks, projected, projectedWeeks) => `${total} deltagere (${observed} talt i ${observedWeeks}, ${projected} fremskrevet i ${projectedWeeks})`,
    intakeTotal: (total) => `${total} deltagere`,
    weeks: (from, to) => `uge ${from}-${to}`,
    arms: (intervention, control) => `indsats ${intervention}, kontrol ${control}`,
    firstExitLine: (days, interval) => `${days} dage tidligere (95 % KI ${interval}), sekundært mål`,
    detectable: (now, expected, from) => `${now} dage nu${expected !== null && from !== null ? `; ${expected} dage påviselig fra ${from}` : ""}`,
    selfSupportLine: (intervention, control) => `indsats ${intervention}, kontrol ${control}`,
    hidden: "skjult",
    yearNet: (amount, interval) => `${amount}${interval}`,
    yearNotEstimated: (reason) => `ikke estimeret: ${reason ?? "ingen sparede dage falder i året"}`,
    breakEvenLine: (days) => `${days} sparede dage`,
  },
  en: {
    heading: (trial, date) => `Key figures for ${trial} (synthetic data), as of ${date}`,
    daysSaved: "Days saved",
    publicSupport: "Public support",
    whereDaysWent: "Where the days went",
    yearInOperation: (year) => `In operation ${year}`,
    participants: "Participants",
    firstExit: "First exit",
    minimumDetectable: "Minimum detectable",
    selfSupport: "Self-support 26 wk",
    netSavings: (year) => `Net saving ${year}`,
    breakEven: "Break-even",
    report: "Report:",
    everything: "All in:",
    expected: (days) => `expected ${days}`,
    savedFirstExit: (days, interval, tau, expected) => `${days} days (95 % CI ${interval}) at ${tau} days, to the first exit; ${expected}`,
    savedOnBenefit: (days, interval, tau, expected) => `${days} days on A-dagpenge (95 % CI ${interval}) at ${tau} days, re-entries counted; ${expected}`,
    fewerDays: (days, interval) => `${days} fewer days (95 % CI ${interval})`,
    whereList: (items) => `${items} days (intervention minus control)`,
    // The reason is the business case's, given when it was computed in English; else the line points to its notes.
    notEstimated: (reason) => (reason === null ? "not estimated (the reason is in the business case's notes)" : `not estimated: ${reason}`),
    yearlyNet: (amount, interval, probability) => `net saving ${amount}${interval}${probability}`,
    interval: (lower, upper) => ` (95 % CI ${lower} to ${upper})`,
    noInterval: " (no interval)",
    probability: (percent) => `; P(net > 0) ${percent}, normal approx.`,
    yearlyFormula: (intake, saving, savingKind, cost) =>
      `= ${intake} x ${saving} ${savingKind === "expenditure" ? "expenditure saved per participant" : "saved per participant (days saved, priced)"} - ${cost}`,
    intakeSplit: (total, observed, observedWeeks, projected, projectedWeeks) => `${total} participants (${observed} counted in ${observedWeeks}, ${projected} projected in ${projectedWeeks})`,
    intakeTotal: (total) => `${total} participants`,
    weeks: (from, to) => `weeks ${from}-${to}`,
    arms: (intervention, control) => `intervention ${intervention}, control ${control}`,
    firstExitLine: (days, interval) => `${days} days sooner (95 % CI ${interval}), a secondary measure`,
    detectable: (now, expected, from) => `${now} days now${expected !== null && from !== null ? `; ${expected} days detectable from ${from}` : ""}`,
    selfSupportLine: (intervention, control) => `intervention ${intervention}, control ${control}`,
    hidden: "hidden",
    yearNet: (amount, interval) => `${amount}${interval}`,
    yearNotEstimated: (reason) => (reason === null ? "not estimated (the reason is in the business case's notes)" : `not estimated: ${reason}`),
    breakEvenLine: (days) => `${days} days saved`,
  },
};
