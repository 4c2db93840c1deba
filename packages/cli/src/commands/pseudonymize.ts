import { outcomeExtractColumns, type OutcomeExtract } from "@jobtrial/analyze";
import { pseudonymizeTable } from "@jobtrial/assign";
import { formatProblem, namesDirectIdentifier, normalizeHeader, readTable } from "@jobtrial/core";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { loadKeyOrFail } from "./register.ts";

/** The known extracts as staff call them. */
const EXTRACT_LABEL: Record<OutcomeExtract, string> = {
  spells: "ledighedsforløb",
  "benefit-weeks": "ugentligt ydelsespanel",
  conversations: "samtalelog",
  secondary: "sekundære udfald",
};

export const pseudonymize: Command = {
  name: "pseudonymize",
  summary: { da: "Erstat CPR-kolonnen i en fil med pseudonymer", en: "Replace the CPR column of a file with pseudonyms" },
  usage: {
    da: "pseudonymize <csv> --column <navn> --key-file <fil> --out <csv> [--keep <kolonne,...>]",
    en: "pseudonymize <csv> --column <name> --key-file <file> --out <csv> [--keep <column,...>]",
  },
  help: {
    da: `
Gør et udtræk klar til at forlade jobcentret: CPR-kolonnen erstattes med det
samme pseudonym, som kohorteudtrækket bruger (HMAC-SHA256 med nøglen), så
filen stadig kan kobles med kohorten, og kun udtrækkets kendte kolonner tages
med. jobtrial kender ledighedsforløb (forløbsstart, forløbsslut,
afgangsårsag), det ugentlige ydelsespanel (år-uge, ydelseskode), samtaleloggen
(dato, status, samtaletype, rådgiver, planlagt uge) og sekundære udfald
(ansøgninger, egen praktik eller løntilskud, vurdering). Alle andre kolonner
udelades, og kommandoen siger hvilke. Andre kolonner tages kun med, når de
nævnes i --keep; en kolonne, hvis overskrift er en direkte identifikator
(navn, adresse, telefon, e-mail, bemærkning, kommentar, note, fritekst,
CPR-nummer), tages aldrig med.

Er en CPR-celle ikke et gyldigt CPR-nummer, skrives intet, og hver sådan
række vises (uden værdien).

Tilvalg:
  --column <navn>     overskriften på CPR-kolonnen (fx "CPR-nummer")
  --key-file <fil>    nøglen fra "jobtrial register keygen"; skal gives
  --out <csv>         filen, der skrives (aldrig inputfilen)
  --keep <kolonner>   flere kolonner at tage med, adskilt af komma; skal gives,
                      når filen ikke er et kendt udtræk

Eksempel:
  jobtrial pseudonymize ydelser.csv --column CPR-nummer --key-file secrets/pseudonym.key --out ydelser-pseudo.csv
`,
    en: `
Makes an extract ready to leave the jobcentre: the CPR column is replaced by the
same pseudonym the cohort export uses (HMAC-SHA256 with the key), so the file
can still be linked with the cohort, and only the extract's known columns are
kept. jobtrial knows unemployment spells (forløbsstart, forløbsslut,
afgangsårsag), the weekly benefit panel (år-uge, ydelseskode), the conversation
log (dato, status, samtaletype, rådgiver, planlagt uge) and secondary outcomes
(ansøgninger, own internship or wage subsidy, rating). Every other column is
left out, and the command says which. Other columns are kept only when named
in --keep; a column whose header is a direct identifier (name, address, phone,
e-mail, remark, comment, note, free text, CPR number) is never kept.

When a CPR cell is not a valid CPR number nothing is written, and every such
row is shown (without the value).

Options:
  --column <name>     the header of the CPR column (e.g. "CPR-nummer")
  --key-file <file>   the key from "jobtrial register keygen"; required
  --out <csv>         the file to write (never the input file)
  --keep <columns>    more columns to keep, separated by commas; required when
                      the file is not a known extract

Example:
  jobtrial pseudonymize ydelser.csv --column CPR-nummer --key-file secrets/pseudonym.key --out ydelser-pseudo.csv
`,
  },
  options: { column: { type: "string" }, "key-file": { type: "string" }, out: { type: "string" }, keep: { type: "string" } },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const input = resolvePath(io, positionals[0]!);
    const column = stringOption(values, "column", true);
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    if (out === input) throw new UsageError("--out skal være en anden fil end inputfilen");
    const keepGiven = (stringOption(values, "keep") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    const identifiers = keepGiven.filter(namesDirectIdentifier);
    if (identifiers.length > 0) {
      throw new UserError(
        `--keep nævner ${identifiers.map((name) => `"${name}"`).join(", ")}, som er en direkte identifikator (navn, adresse, telefon, e-mail, fritekst eller CPR-nummer); sådan en kolonne forlader aldrig jobcentret. Fjern den fra --keep; intet er skrevet`,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(code === "ENOENT" ? `filen findes ikke: ${positionals[0]}; kontroller stien` : `${positionals[0]} kan ikke læses (${code})`);
    }
    const table = readTable(bytes, { file: basename(input) });
    const inHeader = new Set(table.header.map(normalizeHeader));
    const unknown = keepGiven.filter((name) => !inHeader.has(normalizeHeader(name)));
    if (unknown.length > 0) throw new UsageError(`--keep nævner ${unknown.map((name) => `"${name}"`).join(", ")}, som ikke er en kolonne i ${table.file}`);
    // The known extract is recognized by its header, with the person (CPR) column set aside.
    const known = outcomeExtractColumns(table.header.filter((name) => normalizeHeader(name) !== normalizeHeader(column)));
    if (known === null && keepGiven.length === 0) {
      throw new UserError(
        `kolonnerne i ${table.file} passer ikke til et kendt udtræk (ledighedsforløb, ydelsespanel, samtalelog, sekundære udfald); angiv med --keep, hvilke kolonner der skal med ud over CPR-kolonnen. Intet er skrevet`,
      );
    }
    const result = pseudonymizeTable(table, { column, key, keep: [...(known?.columns ?? []), ...keepGiven] });
    if (!result.ok) {
      for (const item of result.problems) io.stderr(formatProblem(item) + "\n");
      throw new UserError(`${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problemer`} i ${positionals[0]}; intet er skrevet`);
    }
    writeFileSync(out, result.csv);
    const lines = [
      `Pseudonymiseret: ${out} (${result.rows === 1 ? "1 række" : `${result.rows} rækker`}${known === null ? "" : `; ${EXTRACT_LABEL[known.extract]}`})`,
      `  Med:      pseudonym${result.kept.length > 0 ? `, ${result.kept.join(", ")}` : ""}`,
      `  Udeladt:  ${result.dropped.length > 0 ? result.dropped.join(", ") : "ingen"}`,
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
