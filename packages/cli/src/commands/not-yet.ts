import { UserError, type Command } from "../command.ts";

/**
 * A command a later issue fills in. It says so and exits non-zero; it never
 * pretends to work. Replace the entry in commands/index.ts when it is built.
 */
export function notYetAvailable(name: string, summary: string): Command {
  return {
    name,
    summary: `${summary} (not yet available)`,
    usage: `${name} ...`,
    help: "This command is not yet available in this version of jobtrial.",
    options: {},
    positionals: [0, 100],
    run() {
      throw new UserError("not yet available in this version of jobtrial");
    },
  };
}
