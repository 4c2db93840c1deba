/**
 * The quarterly note in Debian's Chromium (playwright-core; never a downloaded browser):
 * it loads from disk without console errors or requests, shows the boundary chart, and
 * prints to at most two A4 pages, in Danish and in English. Fails, never skips, when
 * /usr/bin/chromium is absent; .ci/run installs it.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../src/format.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../src/pdf.ts";
import { buildQuarterlyNote, QUARTERLY_NOTE_FILE, writeReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

interface Opened {
  consoleErrors: string[];
  requests: string[];
  pages: number;
  mediaBoxes: number[][];
  chart: { width: number; height: number } | null;
  daysSaved: { value: string; text: string } | null;
  headings: string[];
}

/** Pages of a PDF: its page objects (/Type /Page, not /Pages), and each page's media box in points. */
function pdfPages(pdf: Buffer): { pages: number; mediaBoxes: number[][] } {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
  return { pages, mediaBoxes };
}

describe("the quarterly note in Chromium", () => {
  let browser: Browser;
  const opened: Partial<Record<"da" | "en", Opened>> = {};

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium); .ci/run does`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    for (const lang of ["da", "en"] as const) {
      const outDir = mkdtempSync(join(tmpdir(), `jobtrial-quarterly-${lang}-`));
      writeReport(await buildQuarterlyNote(rawResults(), rawBusinessCase(), { now: NOW, lang }), outDir);
      const page = await browser.newPage({ viewport: { width: 900, height: 1270 } });
      const seen: Opened = { consoleErrors: [], requests: [], pages: 0, mediaBoxes: [], chart: null, daysSaved: null, headings: [] };
      page.on("console", (message) => void (message.type() === "error" && seen.consoleErrors.push(message.text())));
      page.on("pageerror", (error) => void seen.consoleErrors.push(error.message));
      page.on("request", (request) => void (request.url().startsWith("file:") || seen.requests.push(request.url())));
      await page.goto(pathToFileURL(join(outDir, QUARTERLY_NOTE_FILE)).href, { waitUntil: "load" });
      seen.chart = await page.locator("#chart-boundary svg").boundingBox();
      seen.daysSaved = await page.$eval('[data-figure="daysSaved"]', (node) => ({ value: node.getAttribute("data-value")!, text: node.textContent! }));
      seen.headings = await page.$$eval("h2", (nodes) => nodes.map((node) => node.textContent!.trim()));
      await page.emulateMedia({ media: "print" });
      Object.assign(seen, pdfPages(await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })));
      await page.close();
      opened[lang] = seen;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(["da", "en"] as const)("(%s) loads without console errors and without any network request", (lang) => {
    expect(opened[lang]!.consoleErrors).toEqual([]);
    expect(opened[lang]!.requests).toEqual([]);
  });

  it.each(["da", "en"] as const)("(%s) prints to one or two A4 pages", (lang) => {
    const { pages, mediaBoxes } = opened[lang]!;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(mediaBoxes.length).toBe(pages);
    for (const box of mediaBoxes) expect(box).toEqual([595, 842]);
  });

  it("shows the boundary chart, the primary estimate of results.json and the note's sections in Danish", () => {
    const seen = opened.da!;
    expect(seen.chart!.width).toBeGreaterThan(300);
    expect(seen.chart!.height).toBeGreaterThan(150);
    const days = rawResults().daysSaved.estimate as number;
    expect(Number(seen.daysSaved!.value)).toBe(days);
    expect(seen.daysSaved!.text).toBe(`${days < 0 ? "\u2212" : "+"}${formatNumber(Math.abs(days), "da", 1)}`);
    expect(seen.headings).toEqual(["Kort fortalt", "Tilgang indtil nu", "Hovedresultat og grænsen for en påvist effekt", "Penge pr. år", "Ved næste kig"]);
    expect(opened.en!.headings).toEqual(["In brief", "Intake so far", "Primary result and the boundary for a shown effect", "Money per year", "At the next look"]);
  });
});
