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
import { formatPercent, formatProblem, isIsoWeek, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import { existsSync, readdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { resolvePath, stringOption, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { VERSION } from "../version.ts";

/** Loads the configuration or raises a user error listing its problems. */
export function loadConfigOrFail(io: Io, values: OptionValues): { config: TrialConfig; hash: string } {
  const path = stringOption(values, "config", true);
  const result = loadTrialConfig(resolvePath(io, path), "da");
  if (!result.ok) {
    for (const item of result.problems) io.stderr(`${path}: ${item.path}: ${item.message}\n`);
    throw new UserError(`konfigurationen ${path} har ${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problemer`}; kontroller den med "jobtrial config check ${path}"`);
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
  if (list.length === 0) throw new UsageError("--intake skal gives");
  const files: string[] = [];
  for (const entry of list) {
    const path = resolvePath(io, entry);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UserError(`tilgangsfilen findes ikke: ${entry}; kontroller stien`);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((name) => /\.(csv|xlsx)$/i.test(name) && !name.startsWith("~$"))
      .sort();
    if (inside.length === 0) throw new UserError(`ingen .csv- eller .xlsx-filer i mappen ${entry}`);
    files.push(...inside.map((name) => join(path, name)));
  }
  return files;
}

function weekFor(file: string, givenWeek: string | undefined): string {
  if (givenWeek !== undefined) return givenWeek;
  const match = WEEK_IN_NAME.exec(basename(file));
  if (match && isIsoWeek(match[1]!)) return match[1]!;
  throw new UsageError(`ugen kan ikke ses af filnavnet ${basename(file)}; angiv --week (for eksempel --week 2017-W03)`);
}

export const assign: Command = {
  name: "assign",
  summary: "Tildel en uges tilgang efter fødselsdato i registret",
  usage: "assign --config <trial.json> --register <fil> --intake <fil|mappe> [--intake ...] [--week <ISO-uge>] [--operator <navn>] [--out <mappe>] [--dry-run] [--accept-valid] [--json]",
  help: `
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
  async run({ io, values }) {
    const { config, hash } = loadConfigOrFail(io, values);
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const files = intakeFiles(io, values);
    const givenWeek = stringOption(values, "week");
    if (givenWeek !== undefined && !isIsoWeek(givenWeek)) throw new UsageError(`--week skal være en ISO-uge som 2017-W03, ikke "${givenWeek}"`);
    if (givenWeek !== undefined && files.length > 1) throw new UsageError("--week gælder for én tilgangsfil; med flere filer giver hver fils navn dens uge");
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
    if (firstDryRun) summaryOut(`Registret ${registerPath} findes ikke endnu; prøvekørslen regner med et tomt register og opretter intet.\n`);
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
        for (const line of result.problems.map((item) => formatProblem(item))) io.stderr(line + "\n");
        if (result.outcome === "refused") {
          if (json) results.push(batchResultJson(result));
          if (json) io.stdout(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + "\n");
          // In Danish, as the problems above: the jobcentre's staff read it.
          const reason =
            intake.fileProblems.length > 0
              ? `${intake.file} kan ikke bruges (${intake.fileProblems.length === 1 ? "1 problem" : `${intake.fileProblems.length} problemer`} ovenfor)`
              : `${intake.invalid.length === 1 ? "1 ugyldig række" : `${intake.invalid.length} ugyldige rækker`} i ${intake.file}`;
          throw new UserError(
            `${reason}; intet er skrevet for uge ${result.week}. Ret filen og kør igen${intake.fileProblems.length > 0 ? "" : ", eller brug --accept-valid for at tildele de gyldige rækker og få de ugyldige på listen med hvad der skal rettes"}`,
          );
        }
        const lines = formatBatchSummary(result);
        if (list !== undefined) {
          const written = list;
          lines.push(`  Liste:                 ${written.csv}`, ...(written.xlsx === null ? [] : [`                         ${written.xlsx}`]));
          for (const warning of written.warnings) lines.push(`  Bemærk: ${warning}`);
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

function percent(value: number | null): string {
  return formatPercent(value, "da", { rounding: "exact", missing: "-" });
}

export const assignDiagnose: Command = {
  name: "assign diagnose",
  summary: "Kontroller fordelingen mod reglens forventede andel",
  usage: "assign diagnose --config <trial.json> --register <fil> [--json]",
  help: `
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
  options: { config: { type: "string" }, register: { type: "string" }, json: { type: "boolean" } },
  async run({ io, values }) {
    const { config } = loadConfigOrFail(io, values);
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
    const lines = [
      `Tildelinger: ${diagnostics.n}`,
      `Forventet andel i indsats efter reglen og kalenderen: ${percent(cumulative.expectedShare)} (et almindeligt år: ${percent(diagnostics.calendarShare)})`,
      `Observeret andel i indsats: ${percent(cumulative.share)} (${cumulative.count} af ${cumulative.n}), eksakt binomialtest p = ${cumulative.pValue.toPrecision(3).replace(".", ",")}`,
      "Pr. uge:",
      ...diagnostics.weeks.map((week) => `  ${week.week}: ${percent(week.share)} af ${week.n} (forventet ${percent(week.expectedShare)}, p = ${week.pValue.toPrecision(3).replace(".", ",")})`),
      "Født den 1. i måneden / 1. januar:",
      ...(["intervention", "control"] as const).map(
        (arm) =>
          `  ${arm === "intervention" ? "Indsats" : "Kontrol"}: ${percent(diagnostics.bornFirstOfMonth[arm].share)} den 1. (forventet ${percent(diagnostics.bornFirstOfMonth[arm].expectedShare)}), ${percent(diagnostics.bornFirstOfJanuary[arm].share)} 1. januar (forventet ${percent(diagnostics.bornFirstOfJanuary[arm].expectedShare)})`,
      ),
      ...(diagnostics.warnings.length === 0 ? ["Ingen advarsler."] : diagnostics.warnings.map((warning) => `ADVARSEL: ${warning.messageDa}`)),
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
