#!/usr/bin/env -S node --max-semi-space-size=64 --min-semi-space-size=16 --v8-pool-size=1
/**
 * How `jobtrial` starts: from a bundle of its TypeScript made by esbuild, or through tsx.
 *
 * Through tsx every start pays for tsx's loader thread and a round trip per module (about
 * 0.4-0.5 s of CPU of the 1.1 s a 300-row `jobtrial assign` took; bench/README.md). So the
 * command runs from a bundle of `src/main.ts` with the packages it uses (esbuild, split so a
 * command loads only its own chunks; libraries stay outside and load from node_modules as
 * before). There is no build step to forget: the bundle is kept under `out/start/<stamp>/`,
 * the stamp a hash of the path, size and time of every file it is made from (each package's
 * `src/` and package.json, the lockfile, this file); when no bundle has the sources' stamp,
 * one is made before the command runs (about 0.3 s of CPU, once per change). Whatever fails
 * on that path (esbuild missing, a read-only folder, a syntax error) falls back to tsx,
 * which then runs or reports the error as before.
 *
 * In the bundle every `import.meta.url` of our code is the URL of its own source file, so
 * `createRequire(import.meta.url)` and files found next to the code resolve as they do
 * unbundled.
 *
 * JOBTRIAL_START=tsx starts through tsx always; JOBTRIAL_START_CACHE names another folder for
 * the bundles (tests). The V8 flags on the first line are explained in `src/main.ts`.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cli = fileURLToPath(new URL("../", import.meta.url));
const packages = join(cli, "..");
const root = join(packages, "..");
const cache = process.env["JOBTRIAL_START_CACHE"] ?? join(cli, "out", "start");
const ENTRY = "main.mjs";

/** A hash of the path, size and modification time of every file the bundle is made from. */
function sourceStamp() {
  const hash = createHash("sha256");
  const add = (path) => {
    const stat = statSync(path);
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  for (const name of readdirSync(packages).sort()) {
    if (existsSync(join(packages, name, "src"))) walk(join(packages, name, "src"));
    if (existsSync(join(packages, name, "package.json"))) add(join(packages, name, "package.json"));
  }
  if (existsSync(join(root, "pnpm-lock.yaml"))) add(join(root, "pnpm-lock.yaml"));
  add(fileURLToPath(import.meta.url));
  return hash.digest("hex").slice(0, 16);
}

/** Bundles `src/main.ts` into `folder` (made under a temporary name and renamed, so a second start at once never sees half a bundle). */
async function makeBundle(folder) {
  const { build } = await import("esbuild");
  const temporary = `${folder}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(cli, "src", "main.ts")],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    logLevel: "silent",
    plugins: [
      {
        name: "jobtrial-start",
        setup(bundler) {
          // Libraries stay outside the bundle, imported by the path esbuild resolves from the importing file.
          bundler.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith("@jobtrial/") || args.path.startsWith("node:") || args.pluginData === "resolving") return undefined;
            const resolved = await bundler.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: "resolving" });
            if (resolved.errors.length > 0) return { errors: resolved.errors };
            return { path: resolved.path, external: true };
          });
          bundler.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
            loader: "ts",
          }));
        },
      },
    ],
  });
  try {
    renameSync(temporary, folder);
  } catch (error) {
    // Another start made the same bundle first.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(join(folder, ENTRY))) throw error;
  }
  // Bundles of earlier sources, left alone for a while in case a command still runs from one.
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== folder && statSync(path).mtimeMs < Date.now() - 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

/** The bundle's entry file for the sources as they are now; undefined when it cannot be had. */
async function bundledEntry() {
  if (process.env["JOBTRIAL_START"] === "tsx") return undefined;
  try {
    const folder = join(cache, sourceStamp());
    if (!existsSync(join(folder, ENTRY))) await makeBundle(folder);
    return join(folder, ENTRY);
  } catch {
    return undefined;
  }
}

const entry = await bundledEntry();
if (entry !== undefined) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
