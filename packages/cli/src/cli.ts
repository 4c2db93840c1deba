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
import { isJobtrialError, type Lang } from "@jobtrial/core";
import { UsageError, wordingIn, type Command, type Io, type Wording } from "./command.ts";
import { commandIndex, loadCommands, type CommandEntry } from "./commands/index.ts";
import { bothLanguages, CLI_WORDING, OPTION_WORDING } from "./messages.ts";
import { VERSION } from "./version.ts";

const PROGRAM = "jobtrial";

/** The program's help: every command with its summary (the Danish ones from the index, the English ones from the modules). */
async function programHelp(lang: Lang): Promise<string> {
  const say = CLI_WORDING[lang];
  const summaries = lang === "da" ? commandIndex.map((entry) => entry.summary) : (await loadCommands()).map((command) => command.summary.en);
  const width = Math.max(...commandIndex.map((command) => command.name.length));
  const lines = commandIndex.map((command, index) => `  ${command.name.padEnd(width)}  ${summaries[index]}`);
  return [
    `${PROGRAM} ${VERSION}: ${say.tagline}`,
    "",
    `${say.usage}: ${PROGRAM} <${lang === "da" ? "kommando" : "command"}> [${lang === "da" ? "tilvalg" : "options"}]`,
    "",
    `${say.commands}:`,
    ...lines,
    "",
    `${say.everyCommand}:`,
    ...globalOptionLines(lang),
    "",
    say.moreHelp(PROGRAM),
  ].join("\n");
}

function globalOptionLines(lang: Lang): string[] {
  const say = CLI_WORDING[lang];
  return [`  --help         ${say.helpOption}`, `  --lang da|en   ${say.langOption}`, `  --debug        ${say.debugOption}`];
}

function commandHelp(command: Command, lang: Lang): string {
  const say = CLI_WORDING[lang];
  return [
    `${say.usage}: ${PROGRAM} ${wordingIn(command.usage, lang)}`,
    "",
    command.summary[lang],
    "",
    command.help[lang].trim(),
    "",
    `${say.everyCommand}:`,
    ...globalOptionLines(lang),
  ].join("\n");
}

/** Node's parseArgs wording ("Unknown option '--x'") in the catalogue's words. */
function parseError(message: string): Wording {
  const english = message.replace(/\. To specify a positional argument.*$/s, "");
  const option = /'([^']*)'/.exec(english)?.[1] ?? "";
  const word = bothLanguages;
  if (/^Unknown option/.test(english)) return word((say) => say.unknownOption(option));
  if (/argument missing$/.test(english)) return word((say) => say.optionMissingValue(option));
  if (/does not take an argument$/.test(english)) return word((say) => say.optionTakesNoValue(option));
  return { da: english, en: english };
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

/** The value of `--lang` ("--lang en" or "--lang=en"), undefined when absent. */
function langArgument(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (index < 0) return undefined;
  return args[index]!.startsWith("--lang=") ? args[index]!.slice("--lang=".length) : (args[index + 1] ?? "");
}

/** The language of the arguments' `--lang`: English for "en", Danish otherwise (a bad value is reported in Danish). */
function languageOf(args: string[]): Lang {
  return langArgument(args) === "en" ? "en" : "da";
}

/** Runs the program with arguments (without node and script) and returns the exit code. */
export async function runCli(given: string[], io: Io): Promise<number> {
  // "jobtrial --lang en survival ..." is "jobtrial survival ... --lang en".
  const leadingLang = given[0] === "--lang" ? 2 : given[0]?.startsWith("--lang=") ? 1 : 0;
  const argv = [...given.slice(leadingLang), ...given.slice(0, leadingLang)];
  const debug = argv.includes("--debug");
  const lang = languageOf(argv);
  const say = CLI_WORDING[lang];
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help" || argv[0]?.startsWith("--lang")) {
    io.stdout((await programHelp(lang)) + "\n");
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
    const typed = argv.filter((arg) => !arg.startsWith("-")).slice(0, 2).join(" ");
    io.stderr(`${PROGRAM}: ${say.unknownCommand(typed, known.map((command) => command.name).join(", "))}\n`);
    return 2;
  }
  const { rest } = found;
  // Only this command's module (and the packages it uses) is loaded.
  const command = await found.entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command, lang) + "\n");
    return 0;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, debug: { type: "boolean" }, lang: { type: "string" } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(parseError((error as Error).message));
    }
    const langValue = parsed.values["lang"];
    if (langValue !== undefined && langValue !== "da" && langValue !== "en") throw new UsageError(OPTION_WORDING.lang(String(langValue)));
    const [min, max] = command.positionals ?? [0, 0];
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      const missing = min - parsed.positionals.length;
      throw new UsageError(
        parsed.positionals.length < min
          ? bothLanguages((wording) => wording.missingArguments(missing))
          : bothLanguages((wording) => wording.unexpectedArgument(parsed.positionals[max]!)),
      );
    }
    const values = { ...parsed.values };
    delete values["debug"];
    delete values["lang"];
    const code = await command.run({ io, values, positionals: parsed.positionals, debug, lang });
    return code ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM} ${command.name}: ${error.messageIn(lang)}\n${say.usage}: ${PROGRAM} ${wordingIn(command.usage, lang)}\n${say.runForMore(PROGRAM, command.name)}\n`);
      return 2;
    }
    if (isJobtrialError(error)) {
      io.stderr(`${PROGRAM} ${command.name}: ${error.messageIn(lang)}\n`);
      if (debug) io.stderr(`${(error as { stack?: string }).stack}\n`);
      return 1;
    }
    // Our own bug: still one line unless --debug, so no data leaks into a terminal log.
    const detail = (error as Error).message ?? String(error);
    io.stderr(`${PROGRAM} ${command.name}: ${say.internalError(detail)}\n`);
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
