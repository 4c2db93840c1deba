/**
 * The users file's errors in Danish (the default) and English (`--lang en`, the page
 * in English): each names the file (by its name only) and what to do. Never a
 * password or a password hash.
 */
import type { Lang } from "@jobtrial/core";

/** One thing wrong inside a valid-JSON users file, from the file's schema. */
export type UsersFileProblem =
  | { code: "user_name_format" }
  | { code: "role_unknown"; roles: readonly string[] }
  | { code: "password_hash_format" }
  | { code: "format_wrong" }
  | { code: "version_wrong" }
  | { code: "user_name_twice"; name: string }
  | { code: "value_wrong" };

/** A users file that cannot be used, or a user that cannot be added. */
export type UsersFileIssue =
  | { code: "users_file_unreadable"; file: string }
  | { code: "users_file_not_json"; file: string }
  | { code: "users_file_invalid"; file: string; problems: { where: string; problem: UsersFileProblem }[] }
  | { code: "user_name_format" }
  | { code: "role_unknown"; roles: readonly string[] }
  | { code: "password_too_short"; minLength: number }
  | { code: "user_exists"; name: string; file: string };

/** The wording of one problem inside the file. */
export function usersFileProblemMessage(problem: UsersFileProblem, lang: Lang): string {
  const da = lang === "da";
  switch (problem.code) {
    case "user_name_format":
      return da ? "brugernavnet må kun have bogstaver, tal og . _ @ - (1-64 tegn)" : "a user name may only have letters, digits and . _ @ - (1-64 characters)";
    case "role_unknown":
      return da ? `rollen skal være en af ${problem.roles.join(", ")}` : `the role must be one of ${problem.roles.join(", ")}`;
    case "password_hash_format":
      return da ? 'adgangskoden skal være en scrypt-hash, som "jobtrial serve adduser" skriver den' : 'the password must be an scrypt hash as "jobtrial serve adduser" writes it';
    case "format_wrong":
      return da ? 'format skal være "jobtrial-users"' : 'format must be "jobtrial-users"';
    case "version_wrong":
      return da ? "version skal være 1" : "version must be 1";
    case "user_name_twice":
      return da ? `brugernavnet "${problem.name}" står to gange` : `the user name "${problem.name}" occurs twice`;
    case "value_wrong":
      return da ? 'værdien mangler eller har en forkert type; sammenlign med en fil, som "jobtrial serve adduser" har skrevet' : 'the value is missing or of the wrong type; compare with a file written by "jobtrial serve adduser"';
  }
}

/** The wording of a users file error in `lang`. */
export function usersFileMessage(issue: UsersFileIssue, lang: Lang): string {
  const da = lang === "da";
  switch (issue.code) {
    case "users_file_unreadable":
      return da
        ? `brugerfilen ${issue.file} findes ikke eller kan ikke læses; opret den første bruger med "jobtrial serve adduser <navn> --role administrator --users ${issue.file}"`
        : `the users file ${issue.file} does not exist or cannot be read; add the first user with "jobtrial serve adduser <name> --role administrator --users ${issue.file}"`;
    case "users_file_not_json":
      return da
        ? `brugerfilen ${issue.file} er ikke gyldig JSON; ret den, eller opret den igen med "jobtrial serve adduser"`
        : `the users file ${issue.file} is not valid JSON; fix it, or make it again with "jobtrial serve adduser"`;
    case "users_file_invalid": {
      const where = (path: string) => (path === "" ? (da ? "filen" : "the file") : path);
      const lines = issue.problems.map((item) => `${issue.file}: ${where(item.where)}: ${usersFileProblemMessage(item.problem, lang)}`);
      return da ? `brugerfilen ${issue.file} har fejl: ${lines.join("; ")}` : `the users file ${issue.file} has errors: ${lines.join("; ")}`;
    }
    case "user_name_format":
    case "role_unknown":
      return usersFileProblemMessage(issue, lang);
    case "password_too_short":
      return da ? `adgangskoden skal have mindst ${issue.minLength} tegn` : `the password must have at least ${issue.minLength} characters`;
    case "user_exists":
      return da
        ? `brugeren "${issue.name}" findes allerede i ${issue.file}; brug --replace for at give en ny adgangskode og rolle`
        : `the user "${issue.name}" already exists in ${issue.file}; use --replace to give a new password and role`;
  }
}
