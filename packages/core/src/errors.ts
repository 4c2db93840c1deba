/**
 * One error model for every package: an error is data plus wording. It carries
 * a `code` (snake_case, from its package's small union of codes), the `fields`
 * involved (file, row, column, option, numbers; never a value that could be a
 * CPR number), and `messageIn(lang)` gives its one-line wording from the
 * package's Danish/English message catalogue. The CLI turns any of them into
 * its one-line message in one place (packages/cli/src/cli.ts), in the language
 * of the command's `--lang` (Danish by default).
 *
 * Every package's error class extends `JobtrialError`, except survival's:
 * survival depends on nothing of ours, so `AnalyzeError` and
 * `GroupSequentialError` do not import this file but implement the same
 * structural interface (`code`, `fields`, `messageIn`). That is why
 * `isJobtrialError` checks the shape, not the prototype chain: it accepts
 * survival's errors as well as the subclasses of `JobtrialError`.
 */

/** The two languages a message is worded in. */
export type MessageLang = "da" | "en";

/** What every error of ours offers, whether or not it extends `JobtrialError`. */
export interface JobtrialErrorShape {
  /** The code from the package's union of codes, e.g. "horizon_beyond_follow_up". */
  readonly code: string;
  /** The fields involved (where, which option, which numbers); never a CPR number. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The one-line wording from the package's catalogue, in Danish or English. */
  messageIn(lang: MessageLang): string;
}

/**
 * The base of the packages' errors. `message` is the English wording (for
 * stack traces and logs of our own bugs), unless the subclass gives another;
 * a user sees `messageIn(lang)`.
 *
 * @example new JobtrialError("register_not_found", { file: "r.sqlite" }, (lang) => (lang === "da" ? "registret findes ikke" : "the register does not exist")).messageIn("da") // "registret findes ikke"
 */
export class JobtrialError extends Error implements JobtrialErrorShape {
  override name = "JobtrialError";
  readonly code: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly #wording: (lang: MessageLang) => string;

  constructor(code: string, fields: Readonly<Record<string, unknown>>, wording: (lang: MessageLang) => string, message?: string) {
    super(message ?? wording("en"));
    this.code = code;
    this.fields = fields;
    this.#wording = wording;
  }

  messageIn(lang: MessageLang): string {
    return this.#wording(lang);
  }
}

/**
 * True for any error of ours: a `JobtrialError`, or an object with the same
 * shape (a string `code`, an object `fields` and a `messageIn` function), which
 * is how survival's errors qualify without importing core.
 */
export function isJobtrialError(value: unknown): value is JobtrialErrorShape {
  if (value instanceof JobtrialError) return true;
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof JobtrialErrorShape, unknown>>;
  return typeof candidate.code === "string" && typeof candidate.fields === "object" && candidate.fields !== null && typeof candidate.messageIn === "function";
}
