/**
 * The register's errors in Danish (staff read them) and English (`--lang en`): each
 * says what is wrong with which register file and what to do, and never holds a
 * CPR number (the register's path, batch ids, trial ids and SQLite's error code only).
 */
import type { Lang } from "@jobtrial/core";

/** A register problem the user can act on: its code and the fields the wording needs. */
export type RegisterIssue =
  | { code: "register_not_found"; path: string }
  | { code: "register_busy" }
  | { code: "register_not_a_register"; path: string; reason: "cannot_open" | "other_sqlite_file" | "empty" | "unreadable"; sqliteCode?: string }
  | { code: "register_schema_version"; version: string; supported: number }
  | { code: "register_read_only"; path: string }
  | { code: "register_disk_full"; path: string }
  | { code: "register_write_failed"; path: string; sqliteCode: string }
  | { code: "register_other_trial"; trialId: string; expected: string }
  | { code: "void_reason_missing" }
  | { code: "batch_not_found"; batchId: string }
  | { code: "batch_already_voided"; batchId: string }
  | { code: "batch_is_void"; batchId: string };

export type RegisterErrorCode = RegisterIssue["code"];

/** SQLite's own code in parentheses ("(SQLITE_NOTADB)"), or nothing. */
function detail(sqliteCode: string | undefined): string {
  return sqliteCode ? ` (${sqliteCode})` : "";
}

/** The wording of a register problem in `lang`. */
export function registerMessage(issue: RegisterIssue, lang: Lang): string {
  const da = lang === "da";
  switch (issue.code) {
    case "register_not_found":
      return da
        ? `registret findes ikke: ${issue.path}; kontroller stien (assign opretter registret første gang)`
        : `the register does not exist: ${issue.path}; check the path (assign creates the register the first time)`;
    case "register_busy":
      return da
        ? "registret bruges af en anden jobtrial-kørsel, som ikke blev færdig i tide; vent, til den er færdig, og kør igen"
        : "the register is in use by another jobtrial run that did not finish in time; wait until it is done and run again";
    case "register_not_a_register":
      switch (issue.reason) {
        case "cannot_open":
          return da
            ? `registret ${issue.path} kan ikke åbnes${detail(issue.sqliteCode)}; kontroller, at stien peger på et jobtrial-register, og at du har adgang til det`
            : `the register ${issue.path} cannot be opened${detail(issue.sqliteCode)}; check that the path points to a jobtrial register and that you have access to it`;
        case "other_sqlite_file":
          return da
            ? `${issue.path} er en SQLite-fil, men ikke et jobtrial-register; angiv forsøgets register med --register`
            : `${issue.path} is an SQLite file but not a jobtrial register; give the trial's register with --register`;
        case "empty":
          return da
            ? `${issue.path} er tom, ikke et jobtrial-register; angiv forsøgets register med --register (assign opretter det første gang)`
            : `${issue.path} is empty, not a jobtrial register; give the trial's register with --register (assign creates it the first time)`;
        case "unreadable":
          return da
            ? `registret ${issue.path} kan ikke læses${detail(issue.sqliteCode)}, og det kan være beskadiget; kør "jobtrial register verify", og brug en sikkerhedskopi, hvis den fejler`
            : `the register ${issue.path} cannot be read${detail(issue.sqliteCode)} and may be damaged; run "jobtrial register verify", and use a backup if it fails`;
      }
      break;
    case "register_schema_version":
      return da
        ? `registret har skemaversion ${issue.version}; denne jobtrial læser version ${issue.supported}. Registret er ikke ændret; brug den jobtrial-version, der skrev det (se "jobtrial --version"), eller en nyere`
        : `the register has schema version ${issue.version}; this jobtrial reads version ${issue.supported}. The register was not changed; use the jobtrial version that wrote it (see "jobtrial --version") or a newer one`;
    case "register_read_only":
      return da
        ? `registret ${issue.path} kan ikke skrives (filen eller mappen er skrivebeskyttet); intet er ændret. Giv skriveadgang til filen og mappen, eller brug en kopi, du må skrive i`
        : `the register ${issue.path} cannot be written (the file or its folder is read-only); nothing was changed. Give write access to the file and its folder, or use a copy you may write to`;
    case "register_disk_full":
      return da
        ? `disken med registret ${issue.path} er fuld; batchen er ikke skrevet, og registret er som før. Frigør plads, og kør igen`
        : `the disk holding the register ${issue.path} is full; the batch was not written and the register is as it was. Free some space and run again`;
    case "register_write_failed":
      return da
        ? `registret ${issue.path} kunne ikke skrives (I/O-fejl ${issue.sqliteCode}); batchen er ikke skrevet. Kontroller disken eller netværksdrevet, og kør igen; kør derefter "jobtrial register verify"`
        : `the register ${issue.path} could not be written (I/O error ${issue.sqliteCode}); the batch was not written. Check the disk or network drive and run again; then run "jobtrial register verify"`;
    case "register_other_trial":
      return da
        ? `registret hører til forsøget "${issue.trialId}", ikke "${issue.expected}"; brug dette forsøgs register`
        : `the register belongs to the trial "${issue.trialId}", not "${issue.expected}"; use this trial's register`;
    case "void_reason_missing":
      return da ? "en annullering skal have en begrundelse; angiv --reason" : "a void needs a reason; give --reason";
    case "batch_not_found":
      return da
        ? `batch ${issue.batchId} findes ikke i registret; se batchene med "jobtrial register verify"`
        : `batch ${issue.batchId} is not in the register; see the batches with "jobtrial register verify"`;
    case "batch_is_void":
      return da
        ? `${issue.batchId} er en annullering, ikke en tildelingsbatch; angiv den batch, der skal annulleres`
        : `${issue.batchId} is a void, not an assignment batch; give the batch to void`;
    case "batch_already_voided":
      return da ? `batch ${issue.batchId} er allerede annulleret; intet er ændret` : `batch ${issue.batchId} is already voided; nothing was changed`;
  }
  return issue satisfies never;
}
