/**
 * Walk-through for jobcentre staff: one week's assignment, step by step, with
 * the library functions behind `jobtrial assign`. Uses the bundled synthetic
 * intake file for 2017-W03 and a throw-away register in a temporary folder.
 *
 *   pnpm tsx notebooks/01-ugentlig-tildeling.ts
 *
 * Steps:
 *  1. Load the trial configuration (the rule: born on day 1-15 -> intervention).
 *  2. Read the week's intake file as the case system delivers it.
 *  3. Assign the eligible citizens into the register (one transaction).
 *  4. Write the staff list (CSV for Danish Excel, and XLSX) with the conversation plan.
 *  5. Run the same file again: nothing changes.
 *  6. Verify the register's hash chain.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  assignBatch,
  closeRegister,
  formatBatchSummary,
  openRegister,
  readIntakeFile,
  verifyRegister,
  writeStaffList,
} from "@jobtrial/assign";
import { loadTrialConfig } from "@jobtrial/core";

const data = fileURLToPath(new URL("../data/esbjerg-2017/", import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), "jobtrial-notebook-"));

// 1. The configuration.
const loaded = loadTrialConfig(join(data, "trial.json"));
if (!loaded.ok) throw new Error(loaded.problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
const { config, hash } = loaded;
console.log(`Forsøg ${config.id}; persongruppemarkering "${config.assignment.personGroupMarker}"`);

// 2. The week's intake, validated row by row (problems would name file, row and column).
const intake = await readIntakeFile(join(data, "intake", "2017-W03.csv"), config);
console.log(`Indtag 2017-W03: ${intake.rowsRead} rækker, ${intake.invalid.length} ugyldige`);

// 3. Assign into a fresh register. The clock and the operator are passed in and recorded with the batch.
const register = openRegister(join(workspace, "register.sqlite"), { create: true, trialId: config.id });
const now = new Date("2017-01-23T09:00:00Z");
const batchOptions = { config, configHash: hash, week: "2017-W03", operator: "notebook", now, toolVersion: "notebook" };
const first = assignBatch(register, intake, batchOptions);
console.log(formatBatchSummary(first).join("\n"));

// 4. The staff list: who is in the intervention, with the marker and the dated plan.
const list = await writeStaffList(first, config, join(workspace, "lister"));
const csvLines = readFileSync(list.csv, "utf8").replace(/^\uFEFF/, "").split("\r\n");
console.log(`Liste: ${csvLines[0]}`);
console.log(`       ${csvLines.length - 2} borgere; XLSX ved siden af`);

// 5. Running the same file for the same week again changes nothing.
const again = assignBatch(register, intake, batchOptions);
console.log(again.outcome === "unchanged" ? "Kørt igen: ingen ændringer" : `Kørt igen: UVENTET ${again.outcome}`);

// 6. The hash chain: a row changed behind the tool's back would be found here.
const verified = verifyRegister(register);
console.log(verified.ok ? `Registret er intakt: ${verified.assignments} tildelinger, ${verified.batches} batch` : `Registret er brudt ved ${verified.firstBroken?.record} ${verified.firstBroken?.seq}`);
closeRegister(register);
