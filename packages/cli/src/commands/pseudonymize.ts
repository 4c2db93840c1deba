import { formatProblem, pseudonymizeTable, readTable } from "@jobtrial/assign";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { loadKeyOrFail } from "./register.ts";

export const pseudonymize: Command = {
  name: "pseudonymize",
  summary: "Replace the CPR column of a file with pseudonyms",
  usage: "pseudonymize <csv> --column <name> --key-file <file> --out <csv>",
  help: `
Replaces the CPR column of any CSV file (for example outcome data) with the same
pseudonym the cohort export uses (HMAC-SHA256 with the key), so the file can leave
the jobcentre without CPR numbers and still be joined with the cohort. The column
is renamed "pseudonym"; every other column is kept. If any CPR cell is not a valid
CPR number nothing is written and each such row is listed.

Options:
  --column <name>     the header of the CPR column (e.g. "CPR-nummer")
  --key-file <file>   the key from "jobtrial register keygen"; required
  --out <csv>         the file to write (never the input file)

Example:
  jobtrial pseudonymize ydelser.csv --column CPR-nummer --key-file secrets/pseudonym.key --out ydelser-pseudo.csv`,
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
