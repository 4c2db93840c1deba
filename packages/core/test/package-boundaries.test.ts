/**
 * The packages' doors hold: every package imports another only by its name
 * (`@jobtrial/<name>`, resolved to that package's `src/index.ts`), never by a
 * relative path across the boundary or a deep path past the door, and only
 * along the one-way dependency order. Bench and notebooks count as users.
 * One exception, for tests only: survival's tests read their CSV fixtures with
 * core's reader, though survival's source imports nothing of ours.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Which packages each package may import, by name. The order is the architecture. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  survival: [],
  engine: ["core"],
  assign: ["core", "survival"],
  analyze: ["core", "survival", "assign"],
  indicators: ["core", "survival", "assign", "analyze"],
  "business-case": ["core", "survival"],
  report: ["core", "survival", "assign", "analyze", "business-case", "indicators"],
  web: ["core", "survival", "assign", "report"],
  cli: ["core", "survival", "engine", "assign", "analyze", "business-case", "indicators", "report", "web"],
  bench: ["core", "survival", "assign", "analyze", "business-case", "indicators", "report", "web", "cli"],
  notebooks: ["core", "survival", "assign", "analyze", "business-case", "indicators", "report"],
  scripts: [],
};

/** What a package's test files (under its test/ folder) may import besides ALLOWED; declared in devDependencies. */
const ALLOWED_IN_TESTS: Record<string, readonly string[]> = {
  survival: ["core"],
  engine: ["survival"],
};

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    // out/: generated and git-ignored (the CLI's start bundles, bench output).
    if (name === "node_modules" || name === "fixtures" || name === "golden" || name === "out") continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs)$/.test(name)) found.push(path);
  }
  return found;
}

function unitOf(file: string): string {
  const parts = relative(root, file).split(sep);
  return parts[0] === "packages" ? parts[1]! : parts[0]!;
}

function isTestFile(file: string): boolean {
  const parts = relative(root, file).split(sep);
  return parts[0] === "packages" && parts[2] === "test";
}

/** The @jobtrial packages this file may import. */
function allowedFor(file: string): readonly string[] {
  const unit = unitOf(file);
  return [...(ALLOWED[unit] ?? []), ...(isTestFile(file) ? (ALLOWED_IN_TESTS[unit] ?? []) : [])];
}

/** A test-only import ALLOWED_IN_TESTS permits: declared in devDependencies, not dependencies. */
function isTestOnlyImport(file: string, name: string): boolean {
  return isTestFile(file) && (ALLOWED_IN_TESTS[unitOf(file)] ?? []).some((allowed) => name === `@jobtrial/${allowed}`);
}

const units = [...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name)), join(root, "bench"), join(root, "notebooks"), join(root, "scripts")];
const files = units.flatMap(sourceFiles);
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(SPECIFIER)].map((match) => (match[1] ?? match[2])!);
}

describe("package boundaries", () => {
  it("every package in packages/ is placed in the dependency order", () => {
    expect(readdirSync(join(root, "packages")).sort()).toEqual(Object.keys(ALLOWED).filter((name) => !["bench", "notebooks", "scripts"].includes(name)).sort());
  });

  it("no file imports another package by a relative path", () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith("."))
        .filter((specifier) => unitOf(resolve(dirname(file), specifier)) !== unitOf(file))
        .map((specifier) => `${relative(root, file)} -> ${specifier}`),
    );
    expect(crossings).toEqual([]);
  });

  it("no file reaches past a door or against the dependency order", () => {
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith("@jobtrial/"))
        .filter((specifier) => {
          const [, name, ...deeper] = specifier.split("/");
          return deeper.length > 0 || !allowedFor(file).includes(name!);
        })
        .map((specifier) => `${relative(root, file)} -> ${specifier}`),
    );
    expect(wrong).toEqual([]);
  });

  it("every package's door names its exports (no export *)", () => {
    const stars = units
      .map((unit) => join(unit, "src", "index.ts"))
      .filter((door) => { try { return statSync(door).isFile(); } catch { return false; } })
      .filter((door) => /export\s+\*/.test(readFileSync(door, "utf8")))
      .map((door) => relative(root, door));
    expect(stars).toEqual([]);
  });

  it("package.json declares exactly the packages a package imports, nothing unused", () => {
    const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    const mismatches: string[] = [];
    for (const unit of units) {
      const manifest = JSON.parse(readFileSync(join(unit, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      const declared = Object.keys(manifest.dependencies ?? {}).sort();
      const external = sourceFiles(unit)
        .flatMap((file) => importsOf(file).map((specifier) => ({ file, name: packageName(specifier), specifier })))
        .filter(({ specifier }) => !specifier.startsWith(".") && !specifier.startsWith("node:"));
      // A test-only library (fast-check) is a devDependency, imported by tests alone.
      const testLibrary = ({ file, name }: { file: string; name: string }) => isTestFile(file) && !name.startsWith("@jobtrial/") && name in (manifest.devDependencies ?? {});
      const used = [...new Set(external.filter((item) => !isTestOnlyImport(item.file, item.name) && !testLibrary(item)).map(({ name }) => name))]
        .filter((name) => name !== `@jobtrial/${unitOf(unit + sep + "x")}` && name !== "vitest")
        .sort();
      if (JSON.stringify(declared) !== JSON.stringify(used)) mismatches.push(`${relative(root, unit)}: declares ${declared.join(", ")}; imports ${used.join(", ")}`);
      // Our packages imported by tests alone are devDependencies, exactly those.
      const declaredForTests = Object.keys(manifest.devDependencies ?? {}).filter((name) => name.startsWith("@jobtrial/")).sort();
      const usedByTests = [...new Set(external.filter(({ file, name }) => isTestOnlyImport(file, name)).map(({ name }) => name))].sort();
      if (JSON.stringify(declaredForTests) !== JSON.stringify(usedByTests)) {
        mismatches.push(`${relative(root, unit)}: devDependencies declare ${declaredForTests.join(", ") || "none of ours"}; tests alone import ${usedByTests.join(", ") || "none of ours"}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
