/**
 * Shows that a change kept the demo's outputs: runs `jobtrial demo` on a git
 * revision (in a temporary worktree) and on the working tree, then compares
 * every file the two runs wrote, content by content.
 *
 *   pnpm tsx scripts/compare-demo.ts [--base <revision>] [--keep]
 *
 * `--base` defaults to HEAD (so it shows what the uncommitted change does);
 * `--base 86eccbf` compares with the last commit before the packages were
 * reorganized. Exit code 0 when every file is the same, 1 otherwise.
 *
 * What is allowed to differ, and how it is set aside:
 * - the pseudonymization key is made at random on each run, so pseudonyms and
 *   the SHA-256 of files that hold them differ: every 64-digit hex string is
 *   replaced by a token numbered by first appearance in its file;
 * - clock time: ISO timestamps, today's date (ISO and Danish) and the demo's
 *   own "(2,7 s)" timing are replaced by placeholders;
 * - XLSX files are compared by their cells (sheet, row, value, number format),
 *   SQLite registers by the rows of every table, JSON by its parsed value.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";

const root = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { base: { type: "string", default: "HEAD" }, keep: { type: "boolean", default: false } } });
const pnpm = ["--yes", `pnpm@${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1]}`];

function run(command: string, args: string[], cwd: string): string {
  // pnpm and npx set INIT_CWD, which the CLI takes as its working folder: drop it, so each
  // demo reads the data of its own tree.
  const env = { ...process.env };
  delete env["INIT_CWD"];
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28, env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function demo(tree: string, out: string): string {
  return run("node", ["--import", "tsx", "packages/cli/src/main.ts", "demo", "--out", out], tree);
}

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const today = new Date();
const isoToday = today.toISOString().slice(0, 10);
const danishToday = `${isoToday.slice(8, 10)}.${isoToday.slice(5, 7)}.${isoToday.slice(0, 4)}`;

/** Text with the run's own randomness and clock set aside (see the file's comment). */
function normalize(text: string): string {
  const tokens = new Map<string, string>();
  return text
    .replace(/\b[0-9a-f]{64}\b/g, (hex) => {
      if (!tokens.has(hex)) tokens.set(hex, `<hex${tokens.size + 1}>`);
      return tokens.get(hex)!;
    })
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?/g, "<time>")
    .replaceAll(isoToday, "<today>")
    .replaceAll(danishToday, "<today>")
    .replace(/\(\d+,\d s\)/g, "(<seconds>)");
}

async function xlsxText(path: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(`# ${sheet.name}`);
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value instanceof Date ? cell.value.toISOString() : JSON.stringify(cell.value);
        cells.push(cell.numFmt ? `${value} [${cell.numFmt}]` : String(value));
      });
      lines.push(`${rowNumber}: ${cells.join(" | ")}`);
    });
  });
  return lines.join("\n");
}

function sqliteText(path: string): string {
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return tables
      .map(({ name }) => {
        const rows = database.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all();
        return `# ${name}\n${rows.map((row) => JSON.stringify(row)).join("\n")}`;
      })
      .join("\n");
  } finally {
    database.close();
  }
}

async function comparable(path: string): Promise<string> {
  switch (extname(path)) {
    case ".xlsx":
      return normalize(await xlsxText(path));
    case ".sqlite":
      return normalize(sqliteText(path));
    case ".json":
      return normalize(JSON.stringify(JSON.parse(readFileSync(path, "utf8")), null, 1));
    default:
      return normalize(readFileSync(path, "utf8"));
  }
}

function firstDifference(a: string, b: string): string {
  const left = a.split("\n");
  const right = b.split("\n");
  for (let line = 0; line < Math.max(left.length, right.length); line++) {
    if (left[line] !== right[line]) {
      const clip = (text: string | undefined) => (text === undefined ? "(no line)" : text.length > 240 ? `${text.slice(0, 240)}…` : text);
      return `line ${line + 1}\n      base: ${clip(left[line])}\n      now:  ${clip(right[line])}`;
    }
  }
  return "(same lines)";
}

const work = mkdtempSync(join(tmpdir(), "jobtrial-compare-demo-"));
const baseTree = join(work, "base");
try {
  const revision = execFileSync("git", ["rev-parse", "--short", values.base!], { cwd: root, encoding: "utf8" }).trim();
  console.log(`== base ${values.base} (${revision}) in a temporary worktree`);
  run("git", ["worktree", "add", "--detach", baseTree, revision], root);
  run("npx", [...pnpm, "install", "--frozen-lockfile", "--prefer-offline"], baseTree);
  console.log("== demo on the base");
  const baseStdout = demo(baseTree, join(work, "out-base"));
  console.log("== demo on the working tree");
  const nowStdout = demo(root, join(work, "out-now"));

  const baseFiles = new Set(files(join(work, "out-base")).map((path) => relative(join(work, "out-base"), path)));
  const nowFiles = new Set(files(join(work, "out-now")).map((path) => relative(join(work, "out-now"), path)));
  const differences: string[] = [];
  // The key is random on every run, and since issue 17 the demo keeps it outside its output folder.
  const KEY = "pseudonym.key";
  for (const name of [...baseFiles].filter((name) => !nowFiles.has(name) && name !== KEY)) differences.push(`${name}: only in the base`);
  for (const name of [...nowFiles].filter((name) => !baseFiles.has(name) && name !== KEY)) differences.push(`${name}: only in the working tree`);
  let same = 0;
  for (const name of [...baseFiles].filter((name) => nowFiles.has(name)).sort()) {
    if (name === KEY) continue;
    const before = await comparable(join(work, "out-base", name));
    const after = await comparable(join(work, "out-now", name));
    if (before === after) same++;
    else differences.push(`${name}: ${firstDifference(before, after)}`);
  }
  // The demo prints its output folder as given or relative to its tree, which lies elsewhere for the base.
  const outFolder = (stdout: string, tree: string, out: string) => normalize(stdout.replaceAll(relative(tree, join(work, out)), "<out>").replaceAll(join(work, out), "<out>").replaceAll(out, "<out>"));
  const stdoutBefore = outFolder(baseStdout, baseTree, "out-base");
  const stdoutAfter = outFolder(nowStdout, root, "out-now");
  if (stdoutBefore === stdoutAfter) same++;
  else differences.push(`the demo's printed output: ${firstDifference(stdoutBefore, stdoutAfter)}`);

  console.log(`== ${same} outputs the same (the pseudonymization key aside)`);
  for (const difference of differences) console.log(`!! ${difference}`);
  process.exitCode = differences.length === 0 ? 0 : 1;
} finally {
  if (existsSync(baseTree)) spawnSync("git", ["worktree", "remove", "--force", baseTree], { cwd: root });
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
