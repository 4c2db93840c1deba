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
  summary: "Recompute the register's hash chain",
  usage: "register verify --register <file> [--json]",
  help: `
Recomputes the hash chain of every assignment and every batch record and checks
that the append-only triggers are in place. Lists the batches. Exits 1 naming the
first broken record by its sequence number (never by CPR number).

Options:
  --register <file>   the register
  --json              print the result as JSON

Example:
  jobtrial register verify --register out/register.sqlite`,
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
      throw new UserError(`the register is broken: first broken record is ${result.firstBroken.record} ${result.firstBroken.seq}: ${result.firstBroken.reason}`);
    }
    if (result.missingTriggers.length > 0) {
      throw new UserError(`the register's append-only triggers are missing (${result.missingTriggers.join(", ")}); someone changed the database outside jobtrial`);
    }
    if (!values["json"]) io.stdout("OK: hash chain intact\n");
    return 0;
  },
};

export const registerKeygen: Command = {
  name: "register keygen",
  summary: "Create a pseudonymization key",
  usage: "register keygen --out <file>",
  help: `
Writes a new random key (32 bytes, as hex) readable only by you (mode 0600). The
key turns CPR numbers into pseudonyms for the cohort export and for outcome files;
keep it in the jobcentre, never with the exported data. An existing file is never
overwritten.

Example:
  jobtrial register keygen --out secrets/pseudonym.key`,
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
  summary: "Export the pseudonymized cohort for evaluators",
  usage: "register export --register <file> --key-file <file> --out <csv>",
  help: `
Writes the cohort for evaluators: one row per assigned citizen (voided batches
left out) with pseudonym (HMAC-SHA256 of the CPR number with the key), arm, week,
batch, first unemployment day, age at entry, sex, industry group, the other intake
columns, and 1/0 flags for born on 1 January, replacement number and born on the
1st of a month. No CPR number and no birth date. Semicolon separated, UTF-8 with
BOM. Beside it, <out>.screening.json holds the screening counts for the flow
diagram (rows read, invalid, ineligible by reason; counts only): give it to
"jobtrial analyze --screening".

Options:
  --register <file>   the register
  --key-file <file>   the key from "jobtrial register keygen"; required
  --out <csv>         the cohort file to write

Example:
  jobtrial register export --register out/register.sqlite --key-file secrets/pseudonym.key --out out/cohort.csv`,
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
  summary: "Void a mistaken batch (a new record, never a deletion)",
  usage: "register void --register <file> --batch <id> --reason <text> [--operator <name>]",
  help: `
Records that a batch was a mistake. Its citizens count as not assigned from then
on and are assigned again when their intake is run again. Nothing is deleted: the
void is a new record in the register with the reason, the operator and the time.

Options:
  --register <file>   the register
  --batch <id>        the batch id, e.g. B0003 ("jobtrial register verify" lists them)
  --reason <text>     why the batch is voided; required
  --operator <name>   who voids it. Default: the login name

Example:
  jobtrial register void --register out/register.sqlite --batch B0003 --reason "forkert uge"`,
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
