/**
 * The `jobtrial` program: finds the command, parses its options, runs it and
 * maps the outcome to an exit code.
 *
 * Exit codes: 0 success, 1 user error (one-line reason on stderr, no stack
 * trace unless --debug), 2 usage error (reason and the command's usage).
 *
 * This is the one place an error becomes the line a user reads: any error of
 * ours (`isJobtrialError`: every package's `JobtrialError`, and survival's
 * errors of the same shape) is printed as `messageIn(lang)` in the language
 * of the command's `--lang` (Danish by default); commands let them through
 * instead of re-wording them.
 */
import { parseArgs } from "node:util";
import { isJobtrialError } from "@jobtrial/core";
import { UsageError, type Command, type Io } from "./command.ts";
import { commandIndex, type CommandEntry } from "./commands/index.ts";
import { VERSION } from "./version.ts";

const PROGRAM = "jobtrial";

function programHelp(): string {
  const width = Math.max(...commandIndex.map((command) => command.name.length));
  const lines = commandIndex.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    `${PROGRAM} ${VERSION}: lodtrækningsforsøg i danske jobcentre`,
    "",
    `Brug: ${PROGRAM} <kommando> [tilvalg]`,
    "",
    "Kommandoer:",
    ...lines,
    "",
    "Tilvalg til alle kommandoer:",
    "  --help      vis hjælp til kommandoen",
    "  --debug     vis fejlens stakspor (til fejlrapporter)",
    "",
    `Kør "${PROGRAM} <kommando> --help" for en kommandos tilvalg.`,
  ].join("\n");
}

function commandHelp(command: Command): string {
  return [`Brug: ${PROGRAM} ${command.usage}`, "", command.summary, "", command.help.trim()].join("\n");
}

/** The longest command name that the arguments start with ("register verify" before "register"). */
function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  let best: { entry: CommandEntry; rest: string[] } | undefined;
  for (const entry of commandIndex) {
    const words = entry.name.split(" ");
    if (words.every((word, index) => argv[index] === word)) {
      if (!best || words.length > best.entry.name.split(" ").length) {
        best = { entry, rest: argv.slice(words.length) };
      }
    }
  }
  return best;
}

/** The language of the command's `--lang` ("--lang en" or "--lang=en"); Danish when absent or not "en". */
function languageOf(args: string[]): "da" | "en" {
  const index = args.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (index < 0) return "da";
  const value = args[index]!.startsWith("--lang=") ? args[index]!.slice("--lang=".length) : args[index + 1];
  return value === "en" ? "en" : "da";
}

/** Runs the program with arguments (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(programHelp() + "\n");
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    io.stdout(`${PROGRAM} ${VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commandIndex.filter((command) => command.name.startsWith(`${argv[0]} `));
    const known = group.length > 0 ? group : commandIndex;
    io.stderr(`${PROGRAM}: ukendt kommando "${argv.filter((arg) => !arg.startsWith("-")).slice(0, 2).join(" ")}"; kendte: ${known.map((command) => command.name).join(", ")}\n`);
    return 2;
  }
  const { rest } = found;
  const lang = languageOf(rest);
  // Only this command's module (and the packages it uses) is loaded.
  const command = await found.entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command) + "\n");
    return 0;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, debug: { type: "boolean" } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      // Node's wording, in Danish for the common cases.
      const english = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
      const danish = english
        .replace(/^Unknown option '([^']*)'$/, "ukendt tilvalg '$1'")
        .replace(/^Option '([^']*)' argument missing$/, "tilvalget '$1' mangler en værdi")
        .replace(/^Option '([^']*)' does not take an argument$/, "tilvalget '$1' tager ingen værdi");
      throw new UsageError({ da: danish, en: english });
    }
    const [min, max] = command.positionals ?? [0, 0];
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      const missing = min - parsed.positionals.length;
      throw new UsageError(
        parsed.positionals.length < min
          ? { da: `mangler ${missing > 1 ? `${missing} argumenter` : "et argument"}`, en: `missing argument${missing > 1 ? "s" : ""}` }
          : { da: `uventet argument "${parsed.positionals[max]}"`, en: `unexpected argument "${parsed.positionals[max]}"` },
      );
    }
    const values = { ...parsed.values };
    delete values["debug"];
    const code = await command.run({ io, values, positionals: parsed.positionals, debug });
    return code ?? 0;
  } catch (error) {
    const da = lang === "da";
    if (error instanceof UsageError) {
      io.stderr(
        da
          ? `${PROGRAM} ${command.name}: ${error.messageIn(lang)}\nBrug: ${PROGRAM} ${command.usage}\nKør "${PROGRAM} ${command.name} --help" for mere.\n`
          : `${PROGRAM} ${command.name}: ${error.messageIn(lang)}\nUsage: ${PROGRAM} ${command.usage}\nRun "${PROGRAM} ${command.name} --help" for more.\n`,
      );
      return 2;
    }
    if (isJobtrialError(error)) {
      io.stderr(`${PROGRAM} ${command.name}: ${error.messageIn(lang)}\n`);
      if (debug) io.stderr(`${(error as { stack?: string }).stack}\n`);
      return 1;
    }
    // Our own bug: still one line unless --debug, so no data leaks into a terminal log.
    const detail = (error as Error).message ?? String(error);
    io.stderr(
      da
        ? `${PROGRAM} ${command.name}: intern fejl: ${detail} (kør med --debug for detaljer, og rapporter fejlen)\n`
        : `${PROGRAM} ${command.name}: internal error: ${detail} (run with --debug for details, and report the bug)\n`,
    );
    if (debug) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}

/** Io bound to the real process. */
export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.env["INIT_CWD"] ?? process.cwd(),
    now: () => new Date(),
    isTty: Boolean(process.stderr.isTTY),
    stdin: { stream: process.stdin, isTty: Boolean(process.stdin.isTTY) },
  };
}
