import { outcomeExtractColumns } from "@jobtrial/analyze";
import { pseudonymizeTable } from "@jobtrial/assign";
import { formatProblem, namesDirectIdentifier, normalizeHeader, readTable } from "@jobtrial/core";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { inBoth, PSEUDONYMIZE_WORDING } from "../messages.ts";
import { loadKeyOrFail } from "./register.ts";

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
  run({ io, values, positionals, lang }) {
    const wording = PSEUDONYMIZE_WORDING[lang];
    const both = (pick: (catalogue: (typeof PSEUDONYMIZE_WORDING)["da"]) => string) => inBoth(PSEUDONYMIZE_WORDING, pick);
    const input = resolvePath(io, positionals[0]!);
    const column = stringOption(values, "column", true);
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    if (out === input) throw new UsageError(both((catalogue) => catalogue.outIsInput));
    const keepGiven = (stringOption(values, "keep") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    const identifiers = keepGiven.filter(namesDirectIdentifier);
    if (identifiers.length > 0) throw new UserError(both((catalogue) => catalogue.keepsIdentifier(identifiers)));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(both((catalogue) => (code === "ENOENT" ? catalogue.notFound(positionals[0]!) : catalogue.unreadable(positionals[0]!, code ?? "?"))));
    }
    const table = readTable(bytes, { file: basename(input) });
    const inHeader = new Set(table.header.map(normalizeHeader));
    const unknown = keepGiven.filter((name) => !inHeader.has(normalizeHeader(name)));
    if (unknown.length > 0) throw new UsageError(both((catalogue) => catalogue.keepNotInFile(unknown, table.file)));
    // The known extract is recognized by its header, with the person (CPR) column set aside.
    const known = outcomeExtractColumns(table.header.filter((name) => normalizeHeader(name) !== normalizeHeader(column)));
    if (known === null && keepGiven.length === 0) throw new UserError(both((catalogue) => catalogue.unknownExtract(table.file)));
    const result = pseudonymizeTable(table, { column, key, keep: [...(known?.columns ?? []), ...keepGiven] });
    if (!result.ok) {
      for (const item of result.problems) io.stderr(formatProblem(item, lang) + "\n");
      throw new UserError(both((catalogue) => catalogue.problems(result.problems.length, positionals[0]!)));
    }
    writeFileSync(out, result.csv);
    const label = (text: string) => `  ${text.padEnd(10)}`;
    const lines = [
      wording.written(out, result.rows, known === null ? null : wording.extract[known.extract]),
      `${label(wording.kept)}pseudonym${result.kept.length > 0 ? `, ${result.kept.join(", ")}` : ""}`,
      `${label(wording.dropped)}${result.dropped.length > 0 ? result.dropped.join(", ") : wording.none}`,
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
