import {
  assignBatch,
  batchResultJson,
  closeRegister,
  diagnoseAllocation,
  formatBatchSummary,
  openRegister,
  readIntakeFile,
  registerAllocationRows,
  writeStaffList,
  type BatchResult,
  type Register,
} from "@jobtrial/assign";
import { formatPercent, formatProblem, isIsoWeek, loadTrialConfig, type Lang, type TrialConfig } from "@jobtrial/core";
import { existsSync, readdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { isoWeekOption, resolvePath, stringOption, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { DIAGNOSE_WORDING, OPTION_WORDING } from "../messages.ts";
import { VERSION } from "../version.ts";

/** Loads the configuration or raises a user error listing its problems (each in `lang`). */
export function loadConfigOrFail(io: Io, values: OptionValues, lang: Lang): { config: TrialConfig; hash: string } {
  const path = stringOption(values, "config", true);
  const result = loadTrialConfig(resolvePath(io, path), lang);
  if (!result.ok) {
    for (const item of result.problems) io.stderr(`${path}: ${item.path}: ${item.message}\n`);
    const count = result.problems.length;
    throw new UserError({
      da: `konfigurationen ${path} har ${count === 1 ? "1 problem" : `${count} problemer`}; kontroller den med "jobtrial config check ${path}"`,
      en: `the configuration ${path} has ${count === 1 ? "1 problem" : `${count} problems`}; check it with "jobtrial config check ${path}"`,
    });
  }
  return { config: result.config, hash: result.hash };
}

/** Opens a register; its errors reach cli.ts, which words them in the command's language. */
export function openRegisterOrFail(path: string, options: Parameters<typeof openRegister>[1]): Register {
  return openRegister(path, options);
}

const WEEK_IN_NAME = /(\d{4}-W\d{2})/;

/** The intake files named on the command line: files as given, directories as their .csv/.xlsx files in name order. */
function intakeFiles(io: Io, values: OptionValues): string[] {
  const given = values["intake"];
  const list = Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
  if (list.length === 0) throw new UsageError(OPTION_WORDING.required("intake"));
  const files: string[] = [];
  for (const entry of list) {
    const path = resolvePath(io, entry);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UserError({ da: `tilgangsfilen findes ikke: ${entry}; kontroller stien`, en: `the intake file does not exist: ${entry}; check the path` });
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((name) => /\.(csv|xlsx)$/i.test(name) && !name.startsWith("~$"))
      .sort();
    if (inside.length === 0) throw new UserError({ da: `ingen .csv- eller .xlsx-filer i mappen ${entry}`, en: `no .csv or .xlsx files in the folder ${entry}` });
    files.push(...inside.map((name) => join(path, name)));
  }
  return files;
}

function weekFor(file: string, givenWeek: string | undefined): string {
  if (givenWeek !== undefined) return givenWeek;
  const match = WEEK_IN_NAME.exec(basename(file));
  if (match && isIsoWeek(match[1]!)) return match[1]!;
  throw new UsageError({
    da: `ugen kan ikke ses af filnavnet ${basename(file)}; angiv --week (for eksempel --week 2017-W03)`,
    en: `the week cannot be seen from the file name ${basename(file)}; give --week (for example --week 2017-W03)`,
  });
}

export const assign: Command = {
  name: "assign",
  summary: { da: "Tildel en uges tilgang efter fødselsdato i registret", en: "Assign a week's intake by birth date in the register" },
  usage: {
    da: "assign --config <trial.json> --register <fil> --intake <fil|mappe> [--intake ...] [--week <ISO-uge>] [--operator <navn>] [--out <mappe>] [--dry-run] [--accept-valid] [--json]",
    en: "assign --config <trial.json> --register <file> --intake <file|folder> [--intake ...] [--week <ISO week>] [--operator <name>] [--out <folder>] [--dry-run] [--accept-valid] [--json]",
  },
  help: {
    da: `
Læser ugens tilgangsliste (CSV med semikolon eller komma, UTF-8 eller
Windows-1252, eller XLSX), kontrollerer hver række og tildeler hver borger i
målgruppen en gruppe efter fødselsdatoreglen i registret (oprettes første gang).
Skriver batchens liste til medarbejderne som CSV (til dansk Excel) og XLSX og
viser en opsummering.

Listen har hver række i filen med en status: Ny (tildelt nu, med gruppe,
persongruppemarkering og samtaleplan), Allerede tildelt (med første gruppe og
uge), Ikke i målgruppen (med årsagen), Ugyldig (med hvad der skal rettes) og
Gentagelse. Registret gemmer kun de kovariater, konfigurationen erklærer
(intake.covariates; som standard A-kasse, uddannelse og herkomst); filens
øvrige kolonner, fx navn og bemærkning, står på listen og ingen andre steder.

Er en række ugyldig, skrives intet, og hvert problem vises med fil, række,
kolonne, og hvordan det rettes. En borger, der allerede står i registret,
beholder sin første tildeling. Køres den samme fil for den samme uge igen,
ændres intet, og den samme liste skrives.

Tilvalg:
  --config <fil>      forsøgets konfiguration (data/esbjerg-2017/trial.json)
  --register <fil>    registret (SQLite); oprettes, hvis det mangler
  --intake <sti>      en tilgangsfil eller en mappe: alle dens .csv/.xlsx-filer i
                      navneorden, én batch hver; kan gives flere gange
  --week <ISO-uge>    tilgangens uge, fx 2017-W03. Standard: fra filnavnet
                      (2017-W03.csv); skal gives, når navnet ikke har en uge
  --operator <navn>   hvem der kører batchen; gemmes med den. Standard: brugernavnet
  --out <mappe>       hvor listerne skrives. Standard: "lister" ved siden af registret
  --dry-run           prøvekørsel: klassificer og tæl, skriv intet (heller
                      ikke registret, når det ikke findes endnu)
  --accept-valid      tildel de gyldige rækker; de ugyldige står på listen
                      med status Ugyldig og hvad der skal rettes
  --json              skriv resultatet som JSON på stdout (opsummeringen på stderr)

Eksempel:
  jobtrial assign --config data/esbjerg-2017/trial.json --register out/register.sqlite --intake data/esbjerg-2017/intake
`,
    en: `
Reads the week's intake list (CSV with semicolons or commas, UTF-8 or
Windows-1252, or XLSX), checks every row and assigns every citizen in the
target group a group by the birth-date rule in the register (created the first
time). Writes the batch's list for the staff as CSV (for Danish Excel) and XLSX
and shows a summary.

The list has every row of the file with a status: Ny (assigned now, with group,
person-group flag and conversation plan), Allerede tildelt (already assigned,
with the first group and week), Ikke i målgruppen (not in the target group,
with the reason), Ugyldig (invalid, with what to fix) and Gentagelse (repeated).
The register keeps only the covariates the configuration declares
(intake.covariates; by default A-kasse, education and origin); the file's other
columns, e.g. name and remark, are on the list and nowhere else.

When a row is invalid nothing is written, and every problem is shown with file,
row, column and how to fix it. A citizen already in the register keeps the first
assignment. Running the same file for the same week again changes nothing and
writes the same list.

Options:
  --config <file>     the trial configuration (data/esbjerg-2017/trial.json)
  --register <file>   the register (SQLite); created when missing
  --intake <path>     an intake file or a folder: all its .csv/.xlsx files in
                      name order, one batch each; may be given several times
  --week <ISO week>   the intake's week, e.g. 2017-W03. Default: from the file name
                      (2017-W03.csv); required when the name has no week
  --operator <name>   who runs the batch; stored with it. Default: the user name
  --out <folder>      where the lists are written. Default: "lister" beside the register
  --dry-run           trial run: classify and count, write nothing (not even the
                      register, when it does not exist yet)
  --accept-valid      assign the valid rows; the invalid ones are on the list
                      with status Ugyldig and what to fix
  --json              print the result as JSON on stdout (the summary on stderr)

Example:
  jobtrial assign --config data/esbjerg-2017/trial.json --register out/register.sqlite --intake data/esbjerg-2017/intake
`,
  },
  options: {
    config: { type: "string" },
    register: { type: "string" },
    intake: { type: "string", multiple: true },
    week: { type: "string" },
    operator: { type: "string" },
    out: { type: "string" },
    "dry-run": { type: "boolean" },
    "accept-valid": { type: "boolean" },
    json: { type: "boolean" },
  },
  async run({ io, values, lang }) {
    const { config, hash } = loadConfigOrFail(io, values, lang);
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const files = intakeFiles(io, values);
    const givenWeek = isoWeekOption(values, "week");
    if (givenWeek !== undefined && files.length > 1) {
      throw new UsageError({
        da: "--week gælder for én tilgangsfil; med flere filer giver hver fils navn dens uge",
        en: "--week is for one intake file; with several files each file's name gives its week",
      });
    }
    const weeks = files.map((file) => weekFor(file, givenWeek));
    const operator = stringOption(values, "operator") ?? safeUserName();
    const outOption = stringOption(values, "out");
    const outDir = outOption !== undefined ? resolvePath(io, outOption) : join(dirname(registerPath), "lister");
    const json = Boolean(values["json"]);
    const dryRun = Boolean(values["dry-run"]);
    const summaryOut = json ? io.stderr : io.stdout;

    // A dry run before the first batch classifies against an empty register held in memory: nothing is created on disk.
    const firstDryRun = dryRun && !existsSync(registerPath);
    const register = openRegisterOrFail(firstDryRun ? ":memory:" : registerPath, { create: !dryRun || firstDryRun, trialId: config.id, now: io.now() });
    if (firstDryRun) {
      summaryOut(
        lang === "da"
          ? `Registret ${registerPath} findes ikke endnu; prøvekørslen regner med et tomt register og opretter intet.\n`
          : `The register ${registerPath} does not exist yet; the dry run counts on an empty register and creates nothing.\n`,
      );
    }
    const results: unknown[] = [];
    try {
      for (let index = 0; index < files.length; index++) {
        const file = files[index]!;
        const intake = await readIntakeFile(file, config);
        // One transaction; the staff list is written after the commit (a rerun of the same file writes the same list).
        const result: BatchResult = assignBatch(register, intake, {
          config,
          configHash: hash,
          week: weeks[index]!,
          operator,
          now: io.now(),
          toolVersion: VERSION,
          acceptValid: Boolean(values["accept-valid"]),
          dryRun,
        });
        const list = result.outcome === "written" || result.outcome === "unchanged" ? await writeStaffList(result, config, outDir) : undefined;
        for (const line of result.problems.map((item) => formatProblem(item, lang))) io.stderr(line + "\n");
        if (result.outcome === "refused") {
          if (json) results.push(batchResultJson(result));
          if (json) io.stdout(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + "\n");
          const fileProblems = intake.fileProblems.length;
          const invalid = intake.invalid.length;
          const reasonDa = fileProblems > 0 ? `${intake.file} kan ikke bruges (${fileProblems === 1 ? "1 problem" : `${fileProblems} problemer`} ovenfor)` : `${invalid === 1 ? "1 ugyldig række" : `${invalid} ugyldige rækker`} i ${intake.file}`;
          const reasonEn = fileProblems > 0 ? `${intake.file} cannot be used (${fileProblems === 1 ? "1 problem" : `${fileProblems} problems`} above)` : `${invalid === 1 ? "1 invalid row" : `${invalid} invalid rows`} in ${intake.file}`;
          throw new UserError({
            da: `${reasonDa}; intet er skrevet for uge ${result.week}. Ret filen og kør igen${fileProblems > 0 ? "" : ", eller brug --accept-valid for at tildele de gyldige rækker og få de ugyldige på listen med hvad der skal rettes"}`,
            en: `${reasonEn}; nothing is written for week ${result.week}. Fix the file and run again${fileProblems > 0 ? "" : ", or use --accept-valid to assign the valid rows and get the invalid ones on the list with what to fix"}`,
          });
        }
        const lines = formatBatchSummary(result, lang);
        if (list !== undefined) {
          const written = list;
          const label = lang === "da" ? "Liste:" : "List:";
          lines.push(`  ${label.padEnd(23)}${written.csv}`, ...(written.xlsx === null ? [] : [`${" ".repeat(25)}${written.xlsx}`]));
          for (const warning of written.warnings) lines.push(`  ${lang === "da" ? "Bemærk" : "Note"}: ${warning}`);
        }
        summaryOut(lines.join("\n") + "\n");
        results.push(batchResultJson(result));
      }
    } finally {
      closeRegister(register);
    }
    if (json) io.stdout(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + "\n");
    return 0;
  },
};

function safeUserName(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

function percent(value: number | null, lang: Lang): string {
  return formatPercent(value, lang, { rounding: "exact", missing: "-" });
}

export const assignDiagnose: Command = {
  name: "assign diagnose",
  summary: { da: "Kontroller fordelingen mod reglens forventede andel", en: "Check the allocation against the rule's expected share" },
  usage: {
    da: "assign diagnose --config <trial.json> --register <fil> [--json]",
    en: "assign diagnose --config <trial.json> --register <file> [--json]",
  },
  help: {
    da: `
Sammenligner registrets fordeling med det, fødselsdatoreglen og kalenderen
forudsiger: den forventede andel i indsatsgruppen (dag 1-15 giver omkring
49,3 %, ikke 50 %), den observerede andel samlet og pr. uge med en eksakt
binomialtest, og andelen født den 1. i en måned og den 1. januar pr. gruppe
(ophobning). Viser en advarsel med årsagen for hvert tal, der afviger.
Annullerede batcher tælles ikke med.

Tilvalg:
  --config <fil>      forsøgets konfiguration
  --register <fil>    registret
  --json              skriv tallene som JSON

Eksempel:
  jobtrial assign diagnose --config data/esbjerg-2017/trial.json --register out/register.sqlite
`,
    en: `
Compares the register's allocation with what the birth-date rule and the
calendar predict: the expected share in the intervention group (days 1-15 give
about 49.3 %, not 50 %), the observed share overall and per week with an exact
binomial test, and the share born on the 1st of a month and on 1 January per
group (heaping). Shows a warning with the reason for every figure that deviates.
Voided batches are not counted.

Options:
  --config <file>     the trial configuration
  --register <file>   the register
  --json              print the figures as JSON

Example:
  jobtrial assign diagnose --config data/esbjerg-2017/trial.json --register out/register.sqlite
`,
  },
  options: { config: { type: "string" }, register: { type: "string" }, json: { type: "boolean" } },
  async run({ io, values, lang }) {
    const { config } = loadConfigOrFail(io, values, lang);
    const register = openRegisterOrFail(resolvePath(io, stringOption(values, "register", true)), { readonly: true, trialId: config.id });
    let diagnostics;
    try {
      diagnostics = await diagnoseAllocation(registerAllocationRows(register), config.assignment.rule);
    } finally {
      closeRegister(register);
    }
    if (values["json"]) {
      io.stdout(JSON.stringify(diagnostics, null, 2) + "\n");
      return 0;
    }
    const { cumulative } = diagnostics;
    const say = DIAGNOSE_WORDING[lang];
    const share = (value: number | null) => percent(value, lang);
    const p = (value: number) => (lang === "da" ? value.toPrecision(3).replace(".", ",") : value.toPrecision(3));
    const lines = [
      say.assignments(diagnostics.n),
      say.expected(share(cumulative.expectedShare), share(diagnostics.calendarShare)),
      say.observed(share(cumulative.share), cumulative.count, cumulative.n, p(cumulative.pValue)),
      say.perWeek,
      ...diagnostics.weeks.map((week) => `  ${week.week}: ${say.week(share(week.share), week.n, share(week.expectedShare), p(week.pValue))}`),
      say.bornFirst,
      ...(["intervention", "control"] as const).map(
        (arm) =>
          `  ${say.arm[arm]}: ${say.first(share(diagnostics.bornFirstOfMonth[arm].share), share(diagnostics.bornFirstOfMonth[arm].expectedShare), share(diagnostics.bornFirstOfJanuary[arm].share), share(diagnostics.bornFirstOfJanuary[arm].expectedShare))}`,
      ),
      ...(diagnostics.warnings.length === 0 ? [say.noWarnings] : diagnostics.warnings.map((warning) => `${say.warning}: ${lang === "da" ? warning.messageDa : warning.message}`)),
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
