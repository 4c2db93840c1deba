/**
 * `--pdf`: prints the report's HTML to an A4 PDF with Debian's Chromium through
 * playwright-core (never a downloaded browser). The page is opened from disk with
 * every network request blocked, so the PDF is exactly the HTML file.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ReportError } from "./messages.ts";

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** Prints `htmlPath` to `pdfPath`. Throws ReportError "chromium_missing" without Chromium. */
export async function printPdf(htmlPath: string, pdfPath: string, executablePath = CHROMIUM_PATH): Promise<void> {
  if (!existsSync(executablePath)) throw new ReportError({ code: "chromium_missing", path: executablePath });
  // Loaded only when a PDF is asked for, so other commands do not pay for it at start-up.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
    await page.pdf({ path: pdfPath, format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
