/**
 * A throwaway PostgreSQL server for the engine's tests: Debian's PostgreSQL (installed by
 * .ci/run), started on loopback in a temporary folder — initdb and pg_ctl as the postgres
 * user when run as root, since initdb refuses root — and stopped and removed afterwards.
 * In CI (CI=true) a missing PostgreSQL throws, so a test that needs it fails rather than
 * skips.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The folder with initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin, newest first. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, "bin") : undefined;
}

/** Debian's PostgreSQL programs, or undefined when it is not installed (an error under CI=true). */
export const postgresPrograms = postgresBin();
if (postgresPrograms === undefined && process.env.CI === "true") {
  throw new Error("PostgreSQL is missing: .ci/run installs Debian's postgresql; install it with apt-get install postgresql");
}

export interface PostgresServer {
  client: pg.Client;
  stop: () => Promise<void>;
}

/**
 * Start a server on 127.0.0.1 at `portBase + pid % 1000` (test files that run at once
 * take different bases) and connect to it as "jobtrial".
 */
export async function startPostgres(portBase: number, folderPrefix: string): Promise<PostgresServer> {
  const bin = postgresPrograms;
  if (bin === undefined) throw new Error("PostgreSQL is missing: install it with apt-get install postgresql");
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = join(bin, program);
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
    else execFileSync(command, args, { stdio: "pipe" });
  };
  const port = portBase + (process.pid % 1000);
  const directory = mkdtempSync(join(tmpdir(), folderPrefix));
  const dataDirectory = join(directory, "data");
  if (asRoot) chownSync(directory, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  run("initdb", ["-D", dataDirectory, "-A", "trust", "-U", "jobtrial", "--no-sync"]);
  run("pg_ctl", ["-D", dataDirectory, "-l", join(directory, "server.log"), "-w", "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${directory} -c fsync=off`, "start"]);
  const client = new pg.Client({ host: "127.0.0.1", port, user: "jobtrial", database: "postgres" });
  await client.connect();
  return {
    client,
    stop: async () => {
      await client.end();
      try {
        run("pg_ctl", ["-D", dataDirectory, "-w", "-m", "fast", "stop"]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
