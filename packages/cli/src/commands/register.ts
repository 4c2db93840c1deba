import {
  closeRegister,
  exportCohortCsv,
  screeningCounts,
  listBatches,
  loadKey,
  registerColumns,
  RegisterError,
  verifyRegister,
  voidBatch,
  writeNewKey,
  type PseudonymKey,
} from "@jobtrial/assign";
import { trialCovariates, DEFAULT_COVARIATES, type Covariate } from "@jobtrial/core";
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolvePath, stringOption, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { VERSION } from "../version.ts";
import { loadConfigOrFail, openRegisterOrFail } from "./assign.ts";

/** The covariates the export may write: the configuration's (`--config`), or the ones known today without it. */
function allowedCovariates(io: Io, values: OptionValues): readonly Covariate[] {
  return values["config"] === undefined ? DEFAULT_COVARIATES : trialCovariates(loadConfigOrFail(io, values).config);
}

/** "2 kolonner" / "1 kolonne". */
function columnCount(count: number): string {
  return count === 1 ? "1 kolonne" : `${count} kolonner`;
}

export const registerVerify: Command = {
  name: "register verify",
  summary: "Genberegn registrets hashkæde",
  usage: "register verify --register <fil> [--json]",
  help: `
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
  options: { register: { type: "string" }, json: { type: "boolean" } },
  run({ io, values }) {
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
      const lines = [`Register: ${result.assignments} tildelinger i ${batches.filter((batch) => batch.kind === "assign").length} batches`];
      for (const batch of batches) {
        const counts = JSON.parse(batch.counts_json) as { assigned?: { intervention: number; control: number } };
        lines.push(
          batch.kind === "assign"
            ? `  ${batch.batch_id}  uge ${batch.week}  ${batch.input_name}  Indsats ${counts.assigned?.intervention ?? 0}, Kontrol ${counts.assigned?.control ?? 0}  ${batch.created_at}  ${batch.operator}`
            : `  ${batch.batch_id}  annullerer ${batches.find((other) => other.batch_seq === batch.voids_batch_seq)?.batch_id ?? "?"}: ${batch.reason}  ${batch.created_at}  ${batch.operator}`,
        );
      }
      io.stdout(lines.join("\n") + "\n");
    }
    if (result.firstBroken) {
      const { record, seq, reasonDa } = result.firstBroken;
      throw new UserError(`registret er brudt: den første brudte post er ${record === "assignment" ? "tildeling" : "batchpost"} ${seq}: ${reasonDa}`);
    }
    if (result.missingTriggers.length > 0) {
      throw new UserError(`registrets beskyttelse mod ændring og sletning mangler (${result.missingTriggers.join(", ")}); nogen har ændret databasen uden om jobtrial`);
    }
    if (!values["json"]) io.stdout("OK: hashkæden er intakt\n");
    return 0;
  },
};

export const registerKeygen: Command = {
  name: "register keygen",
  summary: "Lav en nøgle til pseudonymisering",
  usage: "register keygen --out <fil>",
  help: `
Skriver en ny tilfældig nøgle (32 byte som hex), som kun du kan læse (mode 0600).
Nøglen gør CPR-numre til pseudonymer i kohorteudtrækket og i filer med
udfaldsdata; opbevar den i jobcentret, aldrig sammen med de udleverede data.
En eksisterende fil overskrives aldrig.

Eksempel:
  jobtrial register keygen --out secrets/pseudonym.key
`,
  options: { out: { type: "string" } },
  run({ io, values }) {
    const path = resolvePath(io, stringOption(values, "out", true));
    // A PseudonymKeyError reaches cli.ts, which words it in the command's language.
    writeNewKey(path);
    io.stdout(`Ny nøgle skrevet: ${path} (kun læsbar for dig)\n`);
    return 0;
  },
};

/** Loads the key; a PseudonymKeyError reaches cli.ts, which words it in the command's language. */
export function loadKeyOrFail(path: string): PseudonymKey {
  return loadKey(path);
}

export const registerExport: Command = {
  name: "register export",
  summary: "Eksporter den pseudonymiserede kohorte til evaluatorer",
  usage: "register export --register <fil> --key-file <fil> --out <csv> [--config <trial.json>]",
  help: `
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
  options: { register: { type: "string" }, "key-file": { type: "string" }, out: { type: "string" }, config: { type: "string" } },
  run({ io, values }) {
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    const covariates = allowedCovariates(io, values);
    const register = openRegisterOrFail(registerPath, { readonly: true });
    try {
      const { csv, rows, leftOut } = exportCohortCsv(register, key, { covariates });
      const screeningFile = out.replace(/\.csv$/i, "") + ".screening.json";
      writeFileSync(out, csv);
      writeFileSync(screeningFile, JSON.stringify(screeningCounts(register), null, 2) + "\n");
      io.stdout(`Kohorte skrevet: ${out} (${rows === 1 ? "1 person" : `${rows} personer`}, pseudonymiseret)\nScreeningtal skrevet: ${screeningFile}\n`);
      if (leftOut.length > 0) {
        io.stdout(
          `Bemærk: registret holder ${columnCount(leftOut.length)} fra tilgangslisterne, som ikke er erklærede kovariater, og som derfor ikke er eksporteret: ${leftOut.join(", ")}. "jobtrial register columns" viser, hvad registret holder.\n`,
        );
      }
    } finally {
      closeRegister(register);
    }
    return 0;
  },
};

export const registerColumnsCommand: Command = {
  name: "register columns",
  summary: "Vis hvilke kolonner registret holder, og hvilke der eksporteres",
  usage: "register columns --register <fil> [--config <trial.json>] [--json]",
  help: `
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
  options: { register: { type: "string" }, config: { type: "string" }, json: { type: "boolean" } },
  run({ io, values }) {
    const covariates = allowedCovariates(io, values);
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
      const use =
        column.kind === "fixed"
          ? column.exported
            ? "eksporteres"
            : "eksporteres aldrig (kun som pseudonym og afledte kolonner)"
          : column.exported
            ? "eksporteres (erklæret kovariat)"
            : "eksporteres ikke (ikke erklæret i intake.covariates)";
      return `  ${column.name.padEnd(width)}  ${String(column.assignments).padStart(7)} tildelinger  ${use}`;
    };
    const undeclared = columns.filter((column) => column.kind === "covariate" && !column.exported);
    io.stdout(
      [
        "Faste kolonner:",
        ...columns.filter((column) => column.kind === "fixed").map(line),
        "Kolonner fra tilgangslisterne:",
        ...(columns.some((column) => column.kind === "covariate") ? columns.filter((column) => column.kind === "covariate").map(line) : ["  ingen"]),
        undeclared.length === 0
          ? "Registret holder ingen kolonner ud over de erklærede."
          : `Registret holder ${columnCount(undeclared.length)}, som ikke er erklærede kovariater (${undeclared.map((column) => column.name).join(", ")}); de bliver i registret og eksporteres aldrig.`,
      ].join("\n") + "\n",
    );
    return 0;
  },
};

export const registerVoid: Command = {
  name: "register void",
  summary: "Annuller en fejlagtig batch (en ny post, aldrig en sletning)",
  usage: "register void --register <fil> --batch <id> --reason <tekst> [--operator <navn>]",
  help: `
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
  options: { register: { type: "string" }, batch: { type: "string" }, reason: { type: "string" }, operator: { type: "string" } },
  run({ io, values }) {
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
      io.stdout(`Batch ${batchId} annulleret som ${record.batch_id} (${counts.voidedAssignments} tildelinger): ${record.reason}\n`);
    } catch (error) {
      if (error instanceof RegisterError) throw new UserError(error.message);
      throw error;
    } finally {
      closeRegister(register);
    }
    return 0;
  },
};
