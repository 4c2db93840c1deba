/**
 * What a `jobtrial` command is, and the errors a command may raise.
 *
 * A command is plain data (name, help, options) plus `run`. It gets its
 * input and output through `CommandContext`, never from globals, so tests run
 * commands in-process with their own clock and streams.
 */
import { isAbsolute, resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { isIsoDate, isIsoWeek, JobtrialError, type Lang } from "@jobtrial/core";
import { OPTION_WORDING } from "./messages.ts";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parsed values: strings, booleans or arrays of strings for `multiple` options. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** The clock; tests pass a fixed one. */
  now(): Date;
  /** Whether stderr is a terminal (progress bars only then). */
  isTty: boolean;
  /** The input a command that asks questions reads (`jobtrial init`), and whether it is a terminal. Absent: no questions can be asked. */
  stdin?: { stream: NodeJS.ReadableStream; isTty: boolean };
}

export interface CommandContext {
  io: Io;
  values: OptionValues;
  positionals: string[];
  /** `--debug` was given: show stack traces. */
  debug: boolean;
  /** The language of everything the command prints: `--lang`, which every command takes. Default: "da" */
  lang: Lang;
}

/** A text in both languages: Danish for the jobcentre, English with `--lang en`. */
export interface Wording {
  da: string;
  en: string;
}

export interface Command {
  /** Full name as typed, e.g. "config check". */
  name: string;
  /** One line for the program's command list (the Danish one is also in commands/index.ts). */
  summary: Wording;
  /** Usage line(s) without the program name, e.g. "config check <trial.json>"; one string when both languages read the same. */
  usage: string | Wording;
  /** Longer help text: what it does, each option, an example. */
  help: Wording;
  /** The command's own options; `--lang` and `--debug` are every command's and are not listed here. */
  options: OptionSpec;
  /** How many positional arguments: [min, max]. Default: [0, 0] */
  positionals?: [number, number];
  run(context: CommandContext): Promise<number | void> | number | void;
}

/** A command's own wording: one text already in the command's language, or both. */
export type CommandWording = string | Wording;

/** The text of a wording in `lang` (a single string reads the same in both). */
export function wordingIn(wording: CommandWording, lang: Lang): string {
  return typeof wording === "string" ? wording : wording[lang];
}

/**
 * A mistake by the user (bad file, bad value): exit code 1 with a one-line reason. A
 * `JobtrialError` like every package's error; the command words it itself (in the
 * language of its `--lang`, or both), so `cli.ts` prints it like any other.
 */
export class UserError extends JobtrialError {
  override name = "UserError";
  constructor(wording: CommandWording) {
    super("user_error", {}, (lang) => wordingIn(wording, lang), wordingIn(wording, "da"));
  }
}

/** A mistake in how the command was called: exit code 2 with the usage. */
export class UsageError extends JobtrialError {
  override name = "UsageError";
  constructor(wording: CommandWording) {
    super("usage_error", {}, (lang) => wordingIn(wording, lang), wordingIn(wording, "da"));
  }
}

// Option handling every command shares: each helper validates one option and names it
// in the usage error, from the catalogue (messages.ts), in both languages.

/** `{ name: { type: "string" } }` for each name: the option spec of string options. */
export function stringOptions(...names: string[]): OptionSpec {
  return Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
}

/** A string option's value, or a usage error naming it when it is required and missing. */
export function stringOption(values: OptionValues, name: string, required: true): string;
export function stringOption(values: OptionValues, name: string, required?: false): string | undefined;
export function stringOption(values: OptionValues, name: string, required = false): string | undefined {
  const value = values[name];
  if (value === undefined || value === false) {
    if (required) throw new UsageError(OPTION_WORDING.required(name));
    return undefined;
  }
  if (typeof value !== "string") throw new UsageError(OPTION_WORDING.takesValue(name));
  return value;
}

/** A numeric option, validated: a usage error when it is not a number (a decimal comma is accepted). */
export function numberOption(values: OptionValues, name: string, options: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(",", "."));
  if (!Number.isFinite(value) || raw.trim() === "") throw new UsageError(OPTION_WORDING.notNumber(name, raw));
  if (options.integer && !Number.isInteger(value)) throw new UsageError(OPTION_WORDING.notWhole(name, raw));
  if (options.min !== undefined && value < options.min) throw new UsageError(OPTION_WORDING.belowMin(name, raw, options.min));
  if (options.max !== undefined && value > options.max) throw new UsageError(OPTION_WORDING.aboveMax(name, raw, options.max));
  return value;
}

/** One of a few words (`--format table|json`): the fallback when absent, a usage error naming the choices otherwise. */
export function choiceOption<const Choice extends string>(values: OptionValues, name: string, choices: readonly Choice[], fallback: Choice): Choice {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(OPTION_WORDING.choice(name, choices, raw));
  return raw as Choice;
}

/** "a,b" -> ["a", "b"] (trimmed); an empty part is a usage error; `count` demands that many parts. */
export function listOption(values: OptionValues, name: string, count?: number): string[] | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const parts = raw.split(",").map((part) => part.trim());
  if (parts.some((part) => part === "")) throw new UsageError(OPTION_WORDING.list(name, raw));
  if (count !== undefined && parts.length !== count) throw new UsageError(OPTION_WORDING.listCount(name, count, raw));
  return parts;
}

/** "182,364" -> [182, 364]: numbers of 0 or more (above 0 with `positive`), else a usage error. */
export function numberListOption(values: OptionValues, name: string, options: { positive?: boolean } = {}): number[] | undefined {
  const parts = listOption(values, name);
  if (parts === undefined) return undefined;
  return parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0 || (options.positive && value === 0)) throw new UsageError(OPTION_WORDING.numberList(name, parts.join(","), options.positive === true));
    return value;
  });
}

/** A calendar date YYYY-MM-DD, else a usage error. */
export function dateOption(values: OptionValues, name: string): string | undefined {
  const value = stringOption(values, name);
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(OPTION_WORDING.date(name, value));
  return value;
}

/** An ISO week such as 2017-W03, else a usage error. */
export function isoWeekOption(values: OptionValues, name: string): string | undefined {
  const value = stringOption(values, name);
  if (value !== undefined && !isIsoWeek(value)) throw new UsageError(OPTION_WORDING.isoWeek(name, value));
  return value;
}

/** Two ISO weeks "<from>:<to>" (`--weeks 2017-W01:2018-W08`), else a usage error. */
export function weekRangeOption(values: OptionValues, name: string): { from: string; to: string } | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  const [from, to, extra] = value.split(":");
  if (extra !== undefined || from === undefined || to === undefined || !isIsoWeek(from) || !isIsoWeek(to)) throw new UsageError(OPTION_WORDING.weekRange(name, value));
  return { from, to };
}

/** Options that must not be given together, or exactly one of which must be given (`exactlyOne`). */
export function exclusiveOptions(values: OptionValues, names: readonly string[], exactlyOne = false): void {
  const given = names.filter((name) => values[name] !== undefined && values[name] !== false);
  if (given.length > 1 || (exactlyOne && given.length === 0)) throw new UsageError(OPTION_WORDING.exclusive(names, exactlyOne));
}

/** A path given on the command line, resolved against the directory the user ran the command in. */
export function resolvePath(io: Io, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
