import {
  closeRegister,
  exportCohortCsv,
  screeningCounts,
  listBatches,
  loadKey,
  registerColumns,
  verifyRegister,
  voidBatch,
  writeNewKey,
  type PseudonymKey,
} from "@jobtrial/assign";
import { trialCovariates, DEFAULT_COVARIATES, type Covariate, type Lang } from "@jobtrial/core";
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolvePath, stringOption, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { REGISTER_WORDING } from "../messages.ts";
import { VERSION } from "../version.ts";
import { loadConfigOrFail, openRegisterOrFail } from "./assign.ts";

/** The covariates the export may write: the configuration's (`--config`), or the ones known today without it. */
function allowedCovariates(io: Io, values: OptionValues, lang: Lang): readonly Covariate[] {
  return values["config"] === undefined ? DEFAULT_COVARIATES : trialCovariates(loadConfigOrFail(io, values, lang).config);
}

export const registerVerify: Command = {
  name: "register verify",
  summary: { da: "Genberegn registrets hashkæde", en: "Recompute the register's hash chain" },
  usage: {
    da: "register verify --register <fil> [--json]",
    en: "register verify --register <file> [--json]",
  },
  help: {
    da: `
Genberegner hashkæden for hver tildeling og hver batchpost, kontrollerer at
ingen borger er tildelt to gange, og at registrets beskyttelse mod ændring og
sletning (triggerne) er på plads. Viser batcherne. Afslutter med kode 1 og
nævner den første brudte post ved dens løbenummer (aldrig ved CPR-nummer).

Tilvalg:
  --register <fil>    registret
  --json              skriv resultatet som JSON

Eksempel:
  jobtrial register verify --register out/register.sqlite
`,
    en: `
Recomputes the hash chain of every assignment and every batch record, checks
that no citizen is assigned twice, and that the register's protection against
change and deletion (the triggers) is in place. Shows the batches. Exits with
code 1 and names the first broken record by its sequence number (never by CPR
number).

Options:
  --register <file>   the register
  --json              print the result as JSON

Example:
  jobtrial register verify --register out/register.sqlite
`,
  },
  options: { register: { type: "string" }, json: { type: "boolean" } },
  run({ io, values, lang }) {
    const say = REGISTER_WORDING[lang];
    const register = openRegisterOrFail(resolvePath(io, stringOption(values, "register", true)), { readonly: true });
    let result;
    let batches;
    try {
      result = verifyRegister(register);
      batches = listBatches(register);
    } finally {
      closeRegister(register);
    }
    if (values["json"]) {
      io.stdout(JSON.stringify(result, null, 2) + "\n");
    } else {
      // The header counts what is in force: a voided batch's assignments and the batch itself are subtracted
      // (the lines below still list it, and the void that names it).
      const voids = batches.filter((batch) => batch.kind === "void");
      const voidedAssignments = voids.reduce((sum, batch) => sum + ((JSON.parse(batch.counts_json) as { voidedAssignments?: number }).voidedAssignments ?? 0), 0);
      const activeBatches = batches.filter((batch) => batch.kind === "assign" && !voids.some((entry) => entry.voids_batch_seq === batch.batch_seq)).length;
      const lines = [say.verifyHeader(result.assignments - voidedAssignments, activeBatches)];
      for (const batch of batches) {
        const counts = JSON.parse(batch.counts_json) as { assigned?: { intervention: number; control: number } };
        lines.push(
          batch.kind === "assign"
            ? `  ${batch.batch_id}  ${say.week} ${batch.week}  ${batch.input_name}  ${say.arms(counts.assigned?.intervention ?? 0, counts.assigned?.control ?? 0)}  ${batch.created_at}  ${batch.operator}`
            : `  ${batch.batch_id}  ${say.voids} ${batches.find((other) => other.batch_seq === batch.voids_batch_seq)?.batch_id ?? "?"}: ${batch.reason}  ${batch.created_at}  ${batch.operator}`,
        );
      }
      io.stdout(lines.join("\n") + "\n");
    }
    if (result.firstBroken) {
      const { record, seq, reasonDa, reason } = result.firstBroken;
      throw new UserError({ da: REGISTER_WORDING.da.broken(record, seq, reasonDa), en: REGISTER_WORDING.en.broken(record, seq, reason) });
    }
    if (result.missingTriggers.length > 0) {
      const triggers = result.missingTriggers.join(", ");
      throw new UserError({ da: REGISTER_WORDING.da.missingTriggers(triggers), en: REGISTER_WORDING.en.missingTriggers(triggers) });
    }
    if (!values["json"]) io.stdout(say.intact + "\n");
    return 0;
  },
};

export const registerKeygen: Command = {
  name: "register keygen",
  summary: { da: "Lav en nøgle til pseudonymisering", en: "Make a key for pseudonymization" },
  usage: {
    da: "register keygen --out <fil>",
    en: "register keygen --out <file>",
  },
  help: {
    da: `
Skriver en ny tilfældig nøgle (32 byte som hex), som kun du kan læse (mode 0600).
Nøglen gør CPR-numre til pseudonymer i kohorteudtrækket og i filer med
udfaldsdata; opbevar den i jobcentret, aldrig sammen med de udleverede data.
En eksisterende fil overskrives aldrig.

Eksempel:
  jobtrial register keygen --out secrets/pseudonym.key
`,
    en: `
Writes a new random key (32 bytes as hex) that only you can read (mode 0600).
The key turns CPR numbers into pseudonyms in the cohort export and in files of
outcome data; keep it in the jobcentre, never together with the data handed
out. An existing file is never overwritten.

Example:
  jobtrial register keygen --out secrets/pseudonym.key
`,
  },
  options: { out: { type: "string" } },
  run({ io, values, lang }) {
    const say = REGISTER_WORDING[lang];
    const path = resolvePath(io, stringOption(values, "out", true));
    // A PseudonymKeyError reaches cli.ts, which words it in the command's language.
    writeNewKey(path);
    io.stdout(say.keyWritten(path) + "\n");
    return 0;
  },
};

/** Loads the key; a PseudonymKeyError reaches cli.ts, which words it in the command's language. */
export function loadKeyOrFail(path: string): PseudonymKey {
  return loadKey(path);
}

export const registerExport: Command = {
  name: "register export",
  summary: { da: "Eksporter den pseudonymiserede kohorte til evaluatorer", en: "Export the pseudonymized cohort for the evaluators" },
  usage: {
    da: "register export --register <fil> --key-file <fil> --out <csv> [--config <trial.json>]",
    en: "register export --register <file> --key-file <file> --out <csv> [--config <trial.json>]",
  },
  help: {
    da: `
Skriver kohorten til evaluatorerne: én række pr. tildelt borger (annullerede
batcher udeladt) med pseudonym (HMAC-SHA256 af CPR-nummeret med nøglen),
gruppe, uge, batch, første ledighedsdag, alder ved start, køn, branchegruppe,
de kovariater, konfigurationen erklærer (intake.covariates; uden --config
dem, jobtrial kender: A-kasse, uddannelse, herkomst), og 1/0-markeringer for
født 1. januar, erstatningspersonnummer og født den 1. i en måned. Intet
CPR-nummer, ingen fødselsdato og ingen anden kolonne: holder et ældre
register fx navne eller bemærkninger, udelades de og nævnes ved navn
("jobtrial register columns" viser, hvad registret holder).
Semikolonsepareret, UTF-8 med BOM. Ved siden af den ligger
<out>.screening.json med tallene til flowdiagrammet (læste rækker, ugyldige,
uden for målgruppen efter årsag; kun antal): giv den til
"jobtrial analyze --screening".

Tilvalg:
  --register <fil>    registret
  --key-file <fil>    nøglen fra "jobtrial register keygen"; skal gives
  --out <csv>         kohortefilen, der skrives
  --config <fil>      forsøgets konfiguration: dens kovariater skrives.
                      Standard: A-kasse, uddannelse og herkomst

Eksempel:
  jobtrial register export --register out/register.sqlite --key-file secrets/pseudonym.key --out out/cohort.csv
`,
    en: `
Writes the cohort for the evaluators: one row per assigned citizen (voided
batches left out) with pseudonym (HMAC-SHA256 of the CPR number with the key),
group, week, batch, first day of unemployment, age at start, sex, industry
group, the covariates the configuration declares (intake.covariates; without
--config the ones jobtrial knows: A-kasse, education, origin), and 1/0 flags
for born on 1 January, replacement personal number and born on the 1st of a
month. No CPR number, no birth date and no other column: when an older register
holds e.g. names or remarks, they are left out and named
("jobtrial register columns" shows what the register holds).
Semicolon separated, UTF-8 with BOM. Beside it lies <out>.screening.json with
the figures for the flow diagram (rows read, invalid, not in the target group
by reason; counts only): give it to "jobtrial analyze --screening".

Options:
  --register <file>   the register
  --key-file <file>   the key from "jobtrial register keygen"; required
  --out <csv>         the cohort file to write
  --config <file>     the trial configuration: its covariates are written.
                      Default: A-kasse, education and origin

Example:
  jobtrial register export --register out/register.sqlite --key-file secrets/pseudonym.key --out out/cohort.csv
`,
  },
  options: { register: { type: "string" }, "key-file": { type: "string" }, out: { type: "string" }, config: { type: "string" } },
  run({ io, values, lang }) {
    const say = REGISTER_WORDING[lang];
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    const covariates = allowedCovariates(io, values, lang);
    const register = openRegisterOrFail(registerPath, { readonly: true });
    try {
      const { csv, rows, leftOut } = exportCohortCsv(register, key, { covariates });
      const screeningFile = out.replace(/\.csv$/i, "") + ".screening.json";
      writeFileSync(out, csv);
      writeFileSync(screeningFile, JSON.stringify(screeningCounts(register), null, 2) + "\n");
      io.stdout(say.cohortWritten(out, rows, screeningFile) + "\n");
      if (leftOut.length > 0) io.stdout(say.leftOut(leftOut) + "\n");
    } finally {
      closeRegister(register);
    }
    return 0;
  },
};

export const registerColumnsCommand: Command = {
  name: "register columns",
  summary: { da: "Vis hvilke kolonner registret holder, og hvilke der eksporteres", en: "Show which columns the register holds, and which are exported" },
  usage: {
    da: "register columns --register <fil> [--config <trial.json>] [--json]",
    en: "register columns --register <file> [--config <trial.json>] [--json]",
  },
  help: {
    da: `
Viser, hvilke kolonner registrets tildelinger holder: de faste (CPR-nummer,
fødselsdato, køn, første ledighedsdag, branchegruppe) og hver kolonne fra
tilgangslisterne, med antallet af tildelinger, der har en værdi i den, og om
kohorteudtrækket skriver den. Kun navne og antal, aldrig en værdi.

jobtrial gemmer kun de kovariater, konfigurationen erklærer
(intake.covariates), men et register skrevet af en ældre version kan holde
alle tilgangslistens kolonner, også navne og fritekst. Registret er kun til
tilføjelse, så de bliver stående i filen (som holder CPR-numre og opbevares
som medarbejderlisterne), men de forlader den aldrig: "register export"
udelader dem.

Tilvalg:
  --register <fil>    registret
  --config <fil>      forsøgets konfiguration: dens kovariater eksporteres.
                      Standard: A-kasse, uddannelse og herkomst
  --json              skriv kolonnerne som JSON

Eksempel:
  jobtrial register columns --register out/register.sqlite --config data/esbjerg-2017/trial.json
`,
    en: `
Shows which columns the register's assignments hold: the fixed ones (CPR
number, birth date, sex, first day of unemployment, industry group) and every
column from the intake lists, with the number of assignments that have a value
in it, and whether the cohort export writes it. Only names and counts, never a
value.

jobtrial stores only the covariates the configuration declares
(intake.covariates), but a register written by an older version may hold all
the intake list's columns, names and free text too. The register is
append-only, so they stay in the file (which holds CPR numbers and is kept like
the staff lists), but they never leave it: "register export" leaves them out.

Options:
  --register <file>   the register
  --config <file>     the trial configuration: its covariates are exported.
                      Default: A-kasse, education and origin
  --json              print the columns as JSON

Example:
  jobtrial register columns --register out/register.sqlite --config data/esbjerg-2017/trial.json
`,
  },
  options: { register: { type: "string" }, config: { type: "string" }, json: { type: "boolean" } },
  run({ io, values, lang }) {
    const say = REGISTER_WORDING[lang];
    const covariates = allowedCovariates(io, values, lang);
    const register = openRegisterOrFail(resolvePath(io, stringOption(values, "register", true)), { readonly: true });
    let columns;
    try {
      columns = registerColumns(register, covariates);
    } finally {
      closeRegister(register);
    }
    if (values["json"]) {
      io.stdout(JSON.stringify(columns, null, 2) + "\n");
      return 0;
    }
    const width = Math.max(...columns.map((column) => column.name.length));
    const line = (column: (typeof columns)[number]): string => {
      const use = column.kind === "fixed" ? (column.exported ? say.exported : say.neverExported) : column.exported ? say.declared : say.undeclared;
      return `  ${column.name.padEnd(width)}  ${String(column.assignments).padStart(7)} ${say.assignments}  ${use}`;
    };
    const undeclared = columns.filter((column) => column.kind === "covariate" && !column.exported);
    io.stdout(
      [
        say.fixedColumns,
        ...columns.filter((column) => column.kind === "fixed").map(line),
        say.intakeColumns,
        ...(columns.some((column) => column.kind === "covariate") ? columns.filter((column) => column.kind === "covariate").map(line) : [`  ${say.none}`]),
        undeclared.length === 0 ? say.noUndeclared : say.undeclaredHeld(undeclared.map((column) => column.name)),
      ].join("\n") + "\n",
    );
    return 0;
  },
};

export const registerVoid: Command = {
  name: "register void",
  summary: { da: "Annuller en fejlagtig batch (en ny post, aldrig en sletning)", en: "Void a mistaken batch (a new record, never a deletion)" },
  usage: {
    da: "register void --register <fil> --batch <id> --reason <tekst> [--operator <navn>]",
    en: "register void --register <file> --batch <id> --reason <text> [--operator <name>]",
  },
  help: {
    da: `
Registrerer, at en batch var en fejl. Dens borgere regnes fra da af som ikke
tildelt og tildeles igen, når deres tilgang køres igen. Intet slettes:
annulleringen er en ny post i registret med begrundelsen, hvem der gjorde det,
og tidspunktet.

Tilvalg:
  --register <fil>    registret
  --batch <id>        batchens id, fx B0003 ("jobtrial register verify" viser dem)
  --reason <tekst>    hvorfor batchen annulleres; skal gives
  --operator <navn>   hvem der annullerer. Standard: brugernavnet

Eksempel:
  jobtrial register void --register out/register.sqlite --batch B0003 --reason "forkert uge"
`,
    en: `
Records that a batch was a mistake. From then on its citizens count as not
assigned and are assigned again when their intake is run again. Nothing is
deleted: the voiding is a new record in the register with the reason, who did
it, and the time.

Options:
  --register <file>   the register
  --batch <id>        the batch's id, e.g. B0003 ("jobtrial register verify" shows them)
  --reason <text>     why the batch is voided; required
  --operator <name>   who voids it. Default: the user name

Example:
  jobtrial register void --register out/register.sqlite --batch B0003 --reason "wrong week"
`,
  },
  options: { register: { type: "string" }, batch: { type: "string" }, reason: { type: "string" }, operator: { type: "string" } },
  run({ io, values, lang }) {
    const say = REGISTER_WORDING[lang];
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const batchId = stringOption(values, "batch", true);
    const reason = stringOption(values, "reason", true);
    let operator = stringOption(values, "operator");
    if (operator === undefined) {
      try {
        operator = userInfo().username || "unknown";
      } catch {
        operator = "unknown";
      }
    }
    const register = openRegisterOrFail(registerPath, {});
    try {
      const record = voidBatch(register, { batchId, reason, operator, now: io.now(), toolVersion: VERSION, configHash: "" });
      const counts = JSON.parse(record.counts_json) as { voidedAssignments: number };
      io.stdout(say.voided(batchId, record.batch_id, counts.voidedAssignments, record.reason ?? reason) + "\n");
    } finally {
      closeRegister(register);
    }
    return 0;
  },
};
