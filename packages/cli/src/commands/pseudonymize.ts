import { pseudonymizeTable } from "@jobtrial/assign";
import { formatProblem, readTable } from "@jobtrial/core";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { loadKeyOrFail } from "./register.ts";

export const pseudonymize: Command = {
  name: "pseudonymize",
  summary: "Erstat CPR-kolonnen i en fil med pseudonymer",
  usage: "pseudonymize <csv> --column <navn> --key-file <fil> --out <csv>",
  help: `
Erstatter CPR-kolonnen i en vilkårlig CSV-fil (fx udfaldsdata) med det samme
pseudonym, som kohorteudtrækket bruger (HMAC-SHA256 med nøglen), så filen kan
forlade jobcentret uden CPR-numre og stadig kobles med kohorten. Kolonnen får
navnet "pseudonym"; alle andre kolonner bevares. Er en CPR-celle ikke et
gyldigt CPR-nummer, skrives intet, og hver sådan række vises.

Tilvalg:
  --column <navn>     overskriften på CPR-kolonnen (fx "CPR-nummer")
  --key-file <fil>    nøglen fra "jobtrial register keygen"; skal gives
  --out <csv>         filen, der skrives (aldrig inputfilen)

Eksempel:
  jobtrial pseudonymize ydelser.csv --column CPR-nummer --key-file secrets/pseudonym.key --out ydelser-pseudo.csv
`,
  options: { column: { type: "string" }, "key-file": { type: "string" }, out: { type: "string" } },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const input = resolvePath(io, positionals[0]!);
    const column = stringOption(values, "column", true);
    const key = loadKeyOrFail(resolvePath(io, stringOption(values, "key-file", true)));
    const out = resolvePath(io, stringOption(values, "out", true));
    if (out === input) throw new UsageError("--out must be another file than the input");
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(code === "ENOENT" ? `file not found: ${positionals[0]}` : `cannot read ${positionals[0]} (${code})`);
    }
    const result = pseudonymizeTable(readTable(bytes, { file: basename(input) }), { column, key });
    if (!result.ok) {
      for (const item of result.problems) io.stderr(formatProblem(item) + "\n");
      throw new UserError(`${result.problems.length} problem(s) in ${positionals[0]}; nothing was written`);
    }
    writeFileSync(out, result.csv);
    io.stdout(`Pseudonymiseret: ${out} (${result.rows} rækker)\n`);
    return 0;
  },
};
