/**
 * Regenerates the README's two pictures in docs/images/: the report's first page and
 * the web page's preview of a week. Runs the demo on the bundled synthetic data (about a
 * minute) and `jobtrial serve` on a throw-away register, and photographs both with
 * Debian's Chromium through playwright-core (no download).
 *
 *   pnpm tsx scripts/screenshots.ts
 *
 * Everything it runs lands in out/screenshots/ (git-ignored); only the two PNGs are
 * written to docs/images/.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
const work = join(root, "out", "screenshots");
const images = join(root, "docs", "images");
const tsx = join(root, "node_modules", ".bin", "tsx");
const jobtrial = join(root, "packages", "cli", "src", "main.ts");
const CHROMIUM = "/usr/bin/chromium";
const PASSWORD = "skærmbilleder til README";
const PORT = 18089;

function run(args: string[], input?: string): void {
  const result = spawnSync(tsx, [jobtrial, ...args], { cwd: root, input, encoding: "utf8", env: { ...process.env, INIT_CWD: root } });
  if (result.status !== 0) throw new Error(`jobtrial ${args.join(" ")} failed:\n${result.stderr}`);
}

rmSync(work, { recursive: true, force: true });
mkdirSync(images, { recursive: true });

// 1. The report, from the demo on the bundled data.
run(["demo", "--out", "out/screenshots/demo"]);

// 2. The web page on a fresh register, with one user.
run(["serve", "adduser", "tina", "--role", "tildeler", "--users", "out/screenshots/brugere.json"], `${PASSWORD}\n`);
const server = spawn(tsx, [jobtrial, "serve", "--config", "data/esbjerg-2017/trial.json", "--register", "out/screenshots/register.sqlite", "--users", "out/screenshots/brugere.json", "--port", String(PORT)], {
  cwd: root,
  env: { ...process.env, INIT_CWD: root },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((ready) => server.stdout!.on("data", () => ready()));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1250 } });
  await page.goto(pathToFileURL(join(work, "demo", "rapport", "index.html")).href);
  await page.screenshot({ path: join(images, "rapport-side-1.png") });

  const web = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const base = `http://127.0.0.1:${PORT}`;
  await web.goto(`${base}/login`);
  await web.fill("#name", "tina");
  await web.fill("#password", PASSWORD);
  await Promise.all([web.waitForURL(`${base}/uge`), web.keyboard.press("Enter")]);
  await web.setInputFiles("#file", join(root, "data", "esbjerg-2017", "intake", "2017-W01.csv"));
  await Promise.all([web.waitForURL(/\/uge\/forhaandsvisning\//), web.getByRole("button", { name: "Kontroller filen" }).click()]);
  await web.screenshot({ path: join(images, "web-forhaandsvisning.png") });
} finally {
  await browser.close();
  server.kill();
}
console.log(`docs/images/rapport-side-1.png and docs/images/web-forhaandsvisning.png written`);
