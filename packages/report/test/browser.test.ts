/**
 * Opens the generated report from disk in Debian's Chromium (playwright-core; never a
 * downloaded browser) and checks what a reader sees. Fails, never skips, when
 * /usr/bin/chromium is absent; .ci/run installs it.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, writeReport } from "../src/report.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../src/pdf.ts";
import { formatNumber } from "../src/format.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

describe("the report in Chromium", () => {
  let browser: Browser;
  const outDir = mkdtempSync(join(tmpdir(), "jobtrial-report-"));
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let chartBoxes: Record<string, { width: number; height: number } | null> = {};
  let figures: { key: string; value: string; text: string }[] = [];
  let chartIds: string[] = [];
  let pageOnePages = 0;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium); .ci/run does`);
    const report = await buildReport(rawResults(), rawBusinessCase(), { now: NOW });
    writeReport(report, outDir);
    chartIds = report.charts.map((chart) => chart.id);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 900, height: 1270 } });
    page.on("console", (message) => void (message.type() === "error" && consoleErrors.push(message.text())));
    page.on("pageerror", (error) => void consoleErrors.push(error.message));
    page.on("request", (request) => void (request.url().startsWith("file:") || requests.push(request.url())));
    await page.goto(pathToFileURL(join(outDir, "index.html")).href, { waitUntil: "load" });
    for (const id of chartIds) chartBoxes[id] = await page.locator(`#chart-${id} svg`).boundingBox();
    figures = await page.$$eval("[data-figure]", (nodes) => nodes.map((node) => ({ key: node.getAttribute("data-figure")!, value: node.getAttribute("data-value")!, text: node.textContent! })));
    await page.locator("#summary").screenshot({ path: join(outDir, "first-page.png") });
    // Page one alone, printed: everything but the summary hidden.
    await page.addStyleTag({ content: "main > :not(#summary) { display: none !important; }" });
    const pageOne = (await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })).toString("latin1");
    pageOnePages = [...pageOne.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads without console errors and without any network request", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("shows every chart with a non-zero size", () => {
    const empty = chartIds.filter((id) => !chartBoxes[id] || chartBoxes[id]!.width <= 0 || chartBoxes[id]!.height <= 0);
    expect(empty).toEqual([]);
    expect(chartIds.length).toBe(16);
  });

  it("shows the headline figures of results.json", () => {
    const results = rawResults();
    const byKey = Object.fromEntries(figures.map((figure) => [figure.key, figure]));
    expect(Number(byKey["daysSaved"]!.value)).toBe(results.daysSaved.estimate);
    expect(byKey["daysSaved"]!.text).toBe(formatNumber(results.daysSaved.estimate, "da", 1));
    const participants = results.flow.analysed.control + results.flow.analysed.intervention;
    expect(byKey["participants"]!.text).toBe(formatNumber(participants, "da"));
    expect(Number(byKey["mde"]!.value)).toBe(results.precision.minimumDetectableDaysSaved);
    // finance's headline: a year of the programme in operation
    const net = rawBusinessCase().yearly.netSavings;
    expect(Number(byKey["netSavings.yearly"]!.value)).toBe(net);
    expect(Number(byKey["netSavings.yearly.table"]!.value)).toBe(net);
    expect(Number(byKey["first-table.primary"]!.value)).toBe(results.daysSaved.estimate);
  });

  it("prints page one (verdict, four cards, days saved and where the saved days went) on one A4 page", () => {
    expect(pageOnePages).toBe(1);
  });

  it("saves a screenshot of the first page outside the repository", () => {
    expect(existsSync(join(outDir, "first-page.png"))).toBe(true);
    console.info(`first page screenshot: ${join(outDir, "first-page.png")}`);
  });
});
