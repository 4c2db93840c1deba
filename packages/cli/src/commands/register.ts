import {
  closeRegister,
  exportCohortCsv,
  screeningCounts,
  listBatches,
  loadKey,
  PseudonymKeyError,
  RegisterError,
  verifyRegister,
  voidBatch,
  writeNewKey,
  type PseudonymKey,
} from "@jobtrial/assign";
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolvePath, stringOption, UserError, type Command } from "../command.ts";
import { VERSION } from "../version.ts";
import { openRegisterOrFail } from "./assign.ts";

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
    try {
      writeNewKey(path);
    } catch (error) {
      if (error instanceof PseudonymKeyError) throw new UserError(error.message);
      throw error;
    }
    io.stdout(`Ny nøgle skrevet: ${path} (kun læsbar for dig)\n`);
    return 0;
  },
};

export function loadKeyOrFail(path: string): PseudonymKey {
  try {
    return loadKey(path);
  } catch (error) {
    if (error instanceof PseudonymKeyError) throw new UserError(error.message);
    throw error;
  }
}

export const registerExport: Command = {
  name: "register export",
  summary: "Eksporter den pseudonymiserede kohorte til evaluatorer",
  usage: "register export --register <fil> --key-file <fil> --out <csv>",
  help: `
Skriver kohorten til evaluatorerne: én række pr. tildelt borger (annullerede
batcher udeladt) med pseudonym (HMAC-SHA256 af CPR-nummeret med nøglen),
gruppe, uge, batch, første ledighedsdag, alder ved start, køn, branchegruppe,
tilgangslistens øvrige kolonner og 1/0-markeringer for født 1. januar,
erstatningspersonnummer og født den 1. i en måned. Intet CPR-nummer og ingen
fødselsdato. Semikolonsepareret, UTF-8 med BOM. Ved siden af den ligger
<out>.screening.json med tallene til flowdiagrammet (læste rækker, ugyldige,
uden for målgruppen efter årsag; kun antal): giv den til
"jobtrial analyze --screening".

Tilvalg:
  --register <fil>    registret
  --key-file <fil>    nøglen fra "jobtrial register keygen"; skal gives
  --out <csv>         kohortefilen, der skrives

Eksempel:
  jobtrial register export --register out/register.sqlite --key-file secrets/pseudonym.key --out out/cohort.csv
`,
  options: { register: { type: "string" }, "key-file": { type: "string" }, out: { type: "string" } },
  run({ io, values }) {
    const registerPath = resolvePath(io, stringOption(values, "register", true));
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    const register = openRegisterOrFail(registerPath, { readonly: true });
    try {
      const { csv, rows } = exportCohortCsv(register, key);
      const screeningFile = out.replace(/\.csv$/i, "") + ".screening.json";
      writeFileSync(out, csv);
      writeFileSync(screeningFile, JSON.stringify(screeningCounts(register), null, 2) + "\n");
      io.stdout(`Kohorte skrevet: ${out} (${rows} personer, pseudonymiseret)\nScreeningtal skrevet: ${screeningFile}\n`);
    } finally {
      closeRegister(register);
    }
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
