import { fileURLToPath } from "node:url";
import type { Io } from "../src/command.ts";
import { runCli } from "../src/cli.ts";

/** The repository root, for reaching bundled data from tests. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `jobtrial` in-process with captured output and a fixed clock. */
export async function run(argv: string[], options: { cwd?: string; now?: Date } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? repoRoot,
    now: () => options.now ?? new Date("2018-03-01T10:00:00Z"),
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
