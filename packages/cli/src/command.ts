/**
 * What a `jobtrial` command is, and the errors a command may raise.
 *
 * A command is plain data (name, help, options) plus `run`. It gets its
 * input and output through `CommandContext`, never from globals, so tests run
 * commands in-process with their own clock and streams.
 */
import { isAbsolute, resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { JobtrialError } from "@jobtrial/core";

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
}

export interface Command {
  /** Full name as typed, e.g. "config check". */
  name: string;
  /** One line for the program's command list. */
  summary: string;
  /** Usage line(s) without the program name, e.g. "config check <trial.json>". */
  usage: string;
  /** Longer help text: what it does, each option, an example. */
  help: string;
  options: OptionSpec;
  /** How many positional arguments: [min, max]. Default: [0, 0] */
  positionals?: [number, number];
  run(context: CommandContext): Promise<number | void> | number | void;
}

/** A command's own wording: one text already in the command's language, or both. */
export type CommandWording = string | { da: string; en: string };

function wordingIn(wording: CommandWording, lang: "da" | "en"): string {
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

/** A string option's value, or a usage error naming it when it is required and missing. */
export function stringOption(values: OptionValues, name: string, required: true): string;
export function stringOption(values: OptionValues, name: string, required?: false): string | undefined;
export function stringOption(values: OptionValues, name: string, required = false): string | undefined {
  const value = values[name];
  if (value === undefined || value === false) {
    if (required) throw new UsageError({ da: `--${name} skal angives`, en: `--${name} is required` });
    return undefined;
  }
  if (typeof value !== "string") throw new UsageError({ da: `--${name} skal have en værdi`, en: `--${name} takes a value` });
  return value;
}

/** A numeric option, validated: a usage error when it is not a number. */
export function numberOption(values: OptionValues, name: string, options: { integer?: boolean; min?: number } = {}): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(",", "."));
  if (!Number.isFinite(value) || raw.trim() === "") throw new UsageError({ da: `--${name} skal være et tal, ikke "${raw}"`, en: `--${name} must be a number, got "${raw}"` });
  if (options.integer && !Number.isInteger(value)) throw new UsageError({ da: `--${name} skal være et helt tal, ikke "${raw}"`, en: `--${name} must be a whole number, got "${raw}"` });
  if (options.min !== undefined && value < options.min) throw new UsageError({ da: `--${name} skal være mindst ${options.min}, ikke "${raw}"`, en: `--${name} must be at least ${options.min}, got "${raw}"` });
  return value;
}

/** A path given on the command line, resolved against the directory the user ran the command in. */
export function resolvePath(io: Io, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
