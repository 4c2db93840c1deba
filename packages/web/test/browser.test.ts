/**
 * The weekly routine in Debian's Chromium (playwright-core; never a downloaded
 * browser), as a user walks it: sign in with the keyboard, upload a bundled
 * intake week, read the preview, confirm from two tabs at once, download the
 * list and check its rows against the register; a broken file shows each
 * problem with nothing written; a læser cannot assign; the administrator's
 * screens. Every screen is checked with axe-core (no serious or critical
 * issue), for a page that still fits at 200 % zoom (a 640 px wide window),
 * and photographed into out/web-screenshots/ (git-ignored).
 *
 * Fails, never skips, when /usr/bin/chromium is absent; .ci/run installs it.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { closeRegister, listBatches, openRegister, verifyRegister } from "@jobtrial/assign";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@jobtrial/report";
import axe from "axe-core";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeDir, intakeFile, PASSWORD, repoRoot, server, USERS, workspace, type Workspace } from "./helpers.ts";

const SHOTS = join(repoRoot, "out", "web-screenshots");

let browser: Browser;
let app: FastifyInstance;
let space: Workspace;
let base: string;
const screens: string[] = [];

/** axe-core's serious and critical violations on the page, as "rule: target" lines. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    // Runs in the page: its window is globalThis (this package's TypeScript has no DOM types).
    const inPage = globalThis as unknown as { axe: typeof axe; document: Parameters<typeof axe.run>[0] };
    const result = await inPage.axe.run(inPage.document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact ?? null, targets: violation.nodes.map((node) => String(node.target)) }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.targets.join(", ")}`);
}

/** Photographs the screen, checks it with axe, and checks it fits a 640 px window (the 1280 px screen at 200 % zoom). */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  screens.push(name);
  expect(await accessibilityProblems(page), name).toEqual([]);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  await page.setViewportSize(size);
  expect(overflow, `${name} at 200 % zoom`).toBeLessThanOrEqual(0);
}

/** A new window signed in with the keyboard alone. */
async function signIn(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  // The name field has autofocus: the keyboard starts there.
  await page.locator("#name:focus").waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await Promise.all([page.waitForURL(`${base}/uge`), page.keyboard.press("Enter")]);
  return page;
}

function registerState() {
  const register = openRegister(space.options.registerPath, { readonly: true });
  try {
    return {
      batches: listBatches(register),
      assignments: register.db.prepare("SELECT cpr, arm FROM assignments ORDER BY seq").all() as { cpr: string; arm: string }[],
      ok: verifyRegister(register).ok,
    };
  } finally {
    closeRegister(register);
  }
}

describe("jobtrial serve in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium); .ci/run does`);
    mkdirSync(SHOTS, { recursive: true });
    space = await workspace({ loginAttempts: 20 });
    app = await server(space);
    base = await app.listen({ host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a tildeler signs in, uploads a week, confirms from two tabs (one batch) and downloads a list whose rows are the register's", async () => {
    // bypassCSP only lets the test add axe-core's script; the pages themselves carry none.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/login`);
    await checkScreen(page, "01-log-ind");
    await page.close();

    const week = await signIn(context, USERS.tildeler);
    await expect(week.locator("h1").textContent()).resolves.toBe("Denne uge: tildel ugens tilgang");
    await checkScreen(week, "02-denne-uge");

    await week.setInputFiles("#file", join(intakeDir, "2017-W01.csv"));
    await Promise.all([week.waitForURL(/\/uge\/forhaandsvisning\//), week.getByRole("button", { name: "Kontroller filen" }).click()]);
    await expect(week.locator("h1").textContent()).resolves.toBe("Forhåndsvisning: uge 2017-W01");
    expect(await week.locator("tr[data-row]").count()).toBe(71);
    await checkScreen(week, "03-forhaandsvisning");
    // The first screenful, as the README shows it (packages/web/docs/forhaandsvisning.png is a copy).
    await week.screenshot({ path: join(SHOTS, "03-forhaandsvisning-skaerm.png") });
    expect(existsSync(space.options.registerPath)).toBe(false);

    // The same preview in a second tab; both press Confirm at once.
    const second = await context.newPage();
    await second.goto(week.url());
    await Promise.all([
      week.waitForURL(/\/uge\/kvittering\//),
      second.waitForURL(/\/uge\/kvittering\//),
      week.getByRole("button", { name: "Bekræft og skriv i registret" }).click(),
      second.getByRole("button", { name: "Bekræft og skriv i registret" }).click(),
    ]);
    await expect(week.locator("h1").textContent()).resolves.toBe("Skrevet: batch B0001, uge 2017-W01");
    await expect(second.locator("h1").textContent()).resolves.toBe("Skrevet: batch B0001, uge 2017-W01");
    const state = registerState();
    expect([state.ok, state.batches.map((batch) => batch.batch_id)]).toEqual([true, ["B0001"]]);
    await checkScreen(week, "04-kvittering");

    const [download] = await Promise.all([week.waitForEvent("download"), week.getByRole("link", { name: "Hent CSV: listen for batch B0001" }).click()]);
    expect(download.suggestedFilename()).toBe("esbjerg-2017-2017-W01-B0001-liste.csv");
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(";"));
    const at = (name: string) => csv[0]!.indexOf(name);
    const newRows = csv.slice(1).filter((cells) => cells[at("Status")] === "Ny").map((cells) => [cells[at("CPR-nummer")]!.replace("-", ""), cells[at("Gruppe")] === "Indsats" ? "intervention" : "control"]);
    expect(newRows).toEqual(state.assignments.map((row) => [row.cpr, row.arm]));
    expect(csv.length - 1).toBe(71);
    await context.close();
  });

  it("a broken file shows each problem by row and column, and nothing is written", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await signIn(context, USERS.tildeler);
    const before = registerState().batches.length;
    const lines = intakeFile("2017-W02").toString("utf8").split("\r\n");
    lines[2] = lines[2]!.replace(/^\d{6}-\d{4}/, "12345"); // row 3: too few digits
    lines[7] = lines[7]!.replace(/;\d{2}-\d{2}-\d{4};/, ";;"); // row 8: no first unemployment day
    await page.setInputFiles("#file", { name: "2017-W02.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
    await page.getByRole("button", { name: "Kontroller filen" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Filen kan ikke bruges: intet er skrevet");
    const problems = await page.locator("tr[data-problem]").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].slice(0, 2).map((cell) => cell.textContent)));
    expect(problems).toEqual([
      ["3", "CPR-nummer"],
      ["8", "Første ledighedsdag"],
    ]);
    await checkScreen(page, "05-problemer");
    expect(registerState().batches).toHaveLength(before);
    await context.close();
  });

  it("Listen and Registret show the batches, and the diagnostics charts load as images", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await signIn(context, USERS.læser);
    await expect(page.locator(".notice").first().textContent()).resolves.toContain("Din rolle er læser");
    expect(await page.locator("input[type=file]").count()).toBe(0);
    await page.getByRole("link", { name: "Listen" }).click();
    await expect(page.locator("tr[data-batch]").count()).resolves.toBe(1);
    await checkScreen(page, "06-listen");
    await page.getByRole("link", { name: "Registret" }).click();
    await page.getByRole("button", { name: "Kontroller kæden nu" }).click();
    await expect(page.locator("[data-verify]").getAttribute("data-verify")).resolves.toBe("ok");
    const images = await page.locator("figure img").evaluateAll((nodes) => nodes.map((node) => (node as unknown as { naturalWidth: number }).naturalWidth));
    expect(images).toHaveLength(2);
    for (const width of images) expect(width).toBeGreaterThan(100);
    await checkScreen(page, "07-registret");
    await context.close();
  });

  it("the administrator's screens: voiding a batch asks for a reason and a confirmation; the users", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await signIn(context, USERS.administrator);
    await page.goto(`${base}/register/annuller/B0001`);
    await checkScreen(page, "08-annuller");
    await page.fill("#reason", "prøve i browsertesten");
    await page.getByLabel("Jeg har kontrolleret, at batch B0001 skal annulleres").check();
    await Promise.all([page.waitForURL(/annulleret=B0001/), page.getByRole("button", { name: "Annuller batchen" }).click()]);
    await expect(page.locator(".notice.ok").first().textContent()).resolves.toBe("Batch B0001 er annulleret som B0002.");
    await page.getByRole("link", { name: "Brugere" }).click();
    await checkScreen(page, "09-brugere");
    await context.close();
    expect(screens).toHaveLength(9);
  });
});
