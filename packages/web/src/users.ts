/**
 * The users of `jobtrial serve` and their roles, in one JSON file that
 * `jobtrial serve adduser` manages and the server reads on every login and
 * request (so a change takes effect without a restart).
 *
 * Roles follow REDCap's split of rights: only a `tildeler` assigns, only an
 * `administrator` voids batches and manages users, a `læser` views and
 * downloads. An administrator does not assign: the one who confirms a week
 * is recorded as its operator, and that should be someone whose job it is.
 *
 * Passwords are stored as scrypt hashes (node:crypto; N = 2^15, r = 8, p = 1,
 * a 16-byte random salt, 32-byte key), written as
 * `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>` so the cost can be raised
 * later without breaking existing hashes. A password is compared in constant
 * time, and an unknown user costs the same scrypt as a known one.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { JobtrialError } from "@jobtrial/core";
import { usersFileMessage, type UsersFileIssue, type UsersFileProblem } from "./messages.ts";
import { z } from "zod";

export const ROLES = ["tildeler", "læser", "administrator"] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do on the page. */
export const ROLE_RIGHTS: Record<Role, { assign: boolean; void: boolean; manageUsers: boolean }> = {
  tildeler: { assign: true, void: false, manageUsers: false },
  læser: { assign: false, void: false, manageUsers: false },
  administrator: { assign: false, void: true, manageUsers: true },
};

/** Letters, digits and . _ @ - ; 1-64 characters. */
const USER_NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;
const PASSWORD_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

export const UserSchema = z.object({
  name: z.string().regex(USER_NAME, "user_name_format"),
  role: z.enum(ROLES, { error: "role_unknown" }),
  passwordHash: z.string().regex(PASSWORD_HASH, "password_hash_format"),
  /** When the user was added or last changed, ISO 8601. */
  changedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UsersFileSchema = z
  .object({
    format: z.literal("jobtrial-users", { error: "format_wrong" }),
    version: z.literal(1, { error: "version_wrong" }),
    users: z.array(UserSchema),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.users.forEach((user, index) => {
      const key = user.name.toLowerCase();
      if (seen.has(key)) context.addIssue({ code: "custom", path: ["users", index, "name"], message: "user_name_twice", params: { name: user.name } });
      seen.add(key);
    });
  });
export type UsersFile = z.infer<typeof UsersFileSchema>;

/**
 * A users file that cannot be used, or a user that cannot be added: its code and fields
 * (`issue`), worded by messages.ts; `message` is the Danish wording, `messageIn("en")` the English.
 */
export class UsersFileError extends JobtrialError {
  override name = "UsersFileError";
  readonly issue: UsersFileIssue;
  constructor(issue: UsersFileIssue) {
    super(issue.code, issue, (lang) => usersFileMessage(issue, lang), usersFileMessage(issue, "da"));
    this.issue = issue;
  }
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
/** scrypt needs 128 * N * r bytes (32 MiB here); Node's default cap is 32 MiB, so allow twice that. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password.normalize("NFC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** The stored form of a password: `scrypt$N$r$p$salt$key`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT_MAXMEM });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when `password` matches `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  if (expected.length === 0) return false;
  const key = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: Math.max(SCRYPT_MAXMEM, 256 * n * r) });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password, compared against when the user is unknown, so that costs the same time. */
let decoyHash: Promise<string> | undefined;

/**
 * The user when `name` and `password` match a user in the file, else null.
 * The name is matched without regard to case.
 */
export async function authenticate(users: UsersFile, name: string, password: string): Promise<User | null> {
  const user = findUser(users, name);
  if (!user) {
    await verifyPassword(password, await (decoyHash ??= hashPassword(randomBytes(16).toString("hex"))));
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}

export function findUser(users: UsersFile, name: string): User | undefined {
  const key = name.trim().toLowerCase();
  return users.users.find((user) => user.name.toLowerCase() === key);
}

/** Problems of a users file: the place in the file and what is wrong (the schema's messages are the problems' codes). */
function schemaProblems(error: z.ZodError): { where: string; problem: UsersFileProblem }[] {
  return error.issues.map((issue) => {
    const code = issue.message;
    const problem: UsersFileProblem =
      code === "role_unknown"
        ? { code, roles: ROLES }
        : code === "user_name_twice"
          ? { code, name: String((issue as { params?: { name?: unknown } }).params?.name ?? "") }
          : code === "user_name_format" || code === "password_hash_format" || code === "format_wrong" || code === "version_wrong"
            ? { code }
            : { code: "value_wrong" };
    return { where: issue.path.join("."), problem };
  });
}

/** Reads and validates the users file. Throws UsersFileError for a missing, unreadable or invalid file. */
export function readUsers(path: string): UsersFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsersFileError({ code: "users_file_unreadable", file: basename(path) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsersFileError({ code: "users_file_not_json", file: basename(path) });
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) throw new UsersFileError({ code: "users_file_invalid", file: basename(path), problems: schemaProblems(parsed.error) });
  return parsed.data;
}

export interface AddUserOptions {
  name: string;
  role: Role;
  password: string;
  /** Replace the password and role of an existing user. Default: false (an existing name is refused) */
  replace?: boolean;
  now: Date;
}

/**
 * Adds a user to the file (created when missing), or with `replace` changes
 * an existing one's password and role. The file is written whole to a
 * temporary file beside it and renamed over it, readable by its owner only.
 * Throws UsersFileError (worded in both languages) for a bad name, a short
 * password, an existing user without `replace`, or an invalid file.
 */
export async function addUser(path: string, options: AddUserOptions): Promise<{ replaced: boolean }> {
  if (!USER_NAME.test(options.name)) throw new UsersFileError({ code: "user_name_format" });
  if (!(ROLES as readonly string[]).includes(options.role)) throw new UsersFileError({ code: "role_unknown", roles: ROLES });
  if ([...options.password].length < MIN_PASSWORD_LENGTH) throw new UsersFileError({ code: "password_too_short", minLength: MIN_PASSWORD_LENGTH });
  const file: UsersFile = existsSync(path) ? readUsers(path) : { format: "jobtrial-users", version: 1, users: [] };
  const existing = findUser(file, options.name);
  if (existing && !options.replace) throw new UsersFileError({ code: "user_exists", name: existing.name, file: basename(path) });
  const user: User = { name: existing?.name ?? options.name, role: options.role, passwordHash: await hashPassword(options.password), changedAt: options.now.toISOString() };
  const users = existing ? file.users.map((item) => (item === existing ? user : item)) : [...file.users, user];
  writeUsers(path, { ...file, users });
  return { replaced: existing !== undefined };
}

/** Writes the users file atomically (temporary file, then rename), mode 0600. */
export function writeUsers(path: string, file: UsersFile): void {
  const checked = UsersFileSchema.parse(file);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(checked, null, 2) + "\n", { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
