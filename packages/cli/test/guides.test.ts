/**
 * The user guides (docs/, README.md) against the code they describe (issue 19): every
 * `jobtrial` command a guide names exists and takes every option the guide gives it;
 * every column a guide lists is one the readers accept, in Danish and in English; every
 * refusal's fix is the catalogue's own wording; and the configuration reference names
 * every field of the schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { outcomeExtractColumns } from "@jobtrial/analyze";
import { readIntakeBytes } from "@jobtrial/assign";
import { loadTrialConfig, problem, TrialConfigSchema, type Problem } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { commandIndex } from "../src/commands/index.ts";
import { repoRoot } from "./helpers.ts";

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(folder, entry.name)) : entry.name.endsWith(".md") ? [join(folder, entry.name)] : [],
  );
}

const guides = [...markdownFiles(join(repoRoot, "docs")), join(repoRoot, "README.md")].map((file) => ({ name: relative(repoRoot, file), text: readFileSync(file, "utf8") }));
const GLOBAL_OPTIONS = ["help", "lang", "debug"];

/**
 * Each `jobtrial ...` call in a guide: in code blocks each line that runs it (after an
 * optional "$ ", "pnpm " or a pipe), in prose each inline code span that holds it. A
 * line the program printed ("jobtrial assign: 2 ugyldige rækker ...") is not a call.
 */
function calls(text: string): string[] {
  const found: string[] = [];
  text.split("```").forEach((block, index) => {
    const pieces = index % 2 === 1 ? block.split("\n").filter((line) => /^\s*(?:\$\s+)?(?:.*\|\s*)?(?:pnpm\s+)?jobtrial\s/.test(line)) : [...block.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
    for (const piece of pieces) {
      const at = piece.search(/\bjobtrial /);
      const call = at < 0 ? "" : piece.slice(at + "jobtrial ".length);
      if (at >= 0 && !/^\S+:(\s|$)/.test(call)) found.push(call);
    }
  });
  return found;
}

/** The longest command name the words start with, as the program finds it. */
function commandOf(words: string[]): string | undefined {
  return commandIndex
    .map((entry) => entry.name)
    .filter((name) => name.split(" ").every((word, index) => words[index] === word))
    .sort((a, b) => b.length - a.length)[0];
}

describe("the guides name only commands and options that exist", () => {
  it.each(guides.map((guide) => [guide.name, guide] as const))("%s", async (_, guide) => {
    const named = calls(guide.text);
    const problems: string[] = [];
    for (const call of named) {
      const words = call.split(/\s+/);
      // "jobtrial <command> --help" and the program's own options stand alone.
      if (words[0] === undefined || words[0].startsWith("-") || words[0].startsWith("<")) continue;
      const name = commandOf(words);
      if (name === undefined) {
        problems.push(`unknown command: jobtrial ${call}`);
        continue;
      }
      const command = await commandIndex.find((entry) => entry.name === name)!.load();
      const known = new Set([...Object.keys(command.options), ...GLOBAL_OPTIONS]);
      for (const option of call.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)) {
        if (!known.has(option[1]!)) problems.push(`jobtrial ${name} has no --${option[1]}: ${call}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the guides together call every command a user runs", () => {
    const named = new Set(guides.flatMap((guide) => calls(guide.text)).map((call) => commandOf(call.split(/\s+/))));
    for (const name of ["init", "assign", "assign diagnose", "register verify", "register void", "register export", "pseudonymize", "analyze", "power", "business-case", "report", "serve", "config check"]) {
      expect(named.has(name), name).toBe(true);
    }
  });
});

/** The rows of the table right after `<!-- marker -->`: cells by column, header row and rule left out. */
function tableAfter(text: string, marker: string): string[][] {
  const start = text.indexOf(`<!-- ${marker} -->`);
  if (start < 0) return [];
  const lines = text.slice(start).split("\n").slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith("|")) break;
    rows.push(line.split("|").slice(1, -1).map((cell) => cell.trim()));
  }
  return rows.slice(2);
}

const evaluatorGuides = guides.filter((guide) => guide.name.endsWith("evaluator.md") || guide.name.endsWith("evaluators.md"));
const trial = loadTrialConfig(join(repoRoot, "data/esbjerg-2017/trial.json"));

describe("every column the guides list is one the readers accept", () => {
  it("both evaluator guides list the same columns", () => {
    expect(evaluatorGuides).toHaveLength(2);
    for (const marker of ["columns: intake", "columns: benefit-weeks", "columns: spells", "columns: conversations", "columns: secondary"]) {
      const [danish, english] = evaluatorGuides.map((guide) => tableAfter(guide.text, marker).map((row) => [row[0], row[1], row[3]]));
      expect(danish!.length, marker).toBeGreaterThan(0);
      expect(danish).toEqual(english);
    }
  });

  it.each([0, 1])("the intake reader takes the listed columns by their %s name (0 Danish, 1 English), none passed through", async (nameColumn) => {
    if (!trial.ok) throw new Error("the bundled trial.json does not load");
    const rows = tableAfter(evaluatorGuides[0]!.text, "columns: intake");
    const header = rows.map((row) => row[nameColumn]!);
    const example = rows.map((row) => row[3]!);
    const read = await readIntakeBytes(new TextEncoder().encode(`${header.join(";")}\n${example.join(";")}\n`), { file: "guide.csv", config: trial.config });
    expect(read.fileProblems.map((item: Problem) => item.code)).toEqual([]);
    expect(read.passThroughColumns).toEqual([]);
    expect(read.invalid).toEqual([]);
    expect(read.records).toHaveLength(1);
  });

  it.each(["benefit-weeks", "spells", "conversations", "secondary"])("the %s extract is recognised with every listed column, by its Danish and its English names", (extract) => {
    const rows = tableAfter(evaluatorGuides[0]!.text, `columns: ${extract}`);
    for (const nameColumn of [0, 1]) {
      const names = rows.map((row) => row[nameColumn]!);
      expect(outcomeExtractColumns(["pseudonym", ...names])).toEqual({ extract, columns: names });
    }
  });
});

describe("the staff guide's refusals are the catalogue's", () => {
  it("each listed code's fix is the Danish wording of packages/core/src/messages.ts", () => {
    const staff = guides.find((guide) => guide.name.endsWith("personale.md"))!;
    const rows = tableAfter(staff.text, "refusals");
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const [code, , fix] of rows) {
      const catalogue = problem(code!.replace(/`/g, "") as Problem["code"], { file: "liste.csv" });
      expect(fix, code).toBe(catalogue.fixDa);
    }
  });
});

/** Every leaf field of the configuration as the reference writes it: `money.years[].cofinancing[].share`. */
function configFields(): string[] {
  const schema = TrialConfigSchema.toJSONSchema({ io: "input", unrepresentable: "any" });
  const fields: string[] = [];
  const walk = (node: any, path: string): void => {
    for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(option, path);
    if (node.type === "array" && node.items) walk(node.items, `${path}[]`);
    if (node.type === "object" && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        const nested = (child as any).properties || (child as any).items?.properties || (child as any).anyOf?.some((option: any) => option.properties || option.items?.properties);
        if (!nested) fields.push(childPath);
        walk(child, childPath);
      }
    }
  };
  walk(schema, "");
  return [...new Set(fields)];
}

describe("the configuration reference", () => {
  it.each(["docs/da/reference/konfiguration.md", "docs/en/reference/configuration.md"])("%s names every field of the schema", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    const fields = configFields();
    expect(fields.length).toBeGreaterThan(60);
    expect(fields.filter((field) => !text.includes(`\`${field}\``))).toEqual([]);
  });
});
