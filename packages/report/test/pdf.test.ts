/**
 * `--pdf`: the report printed to A4 by Debian's Chromium. Fails, never skips, when
 * /usr/bin/chromium is absent; .ci/run installs it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportError } from "../src/messages.ts";
import { printPdf } from "../src/pdf.ts";
import { buildReport, writeReport } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

describe("printPdf", () => {
  it("prints the report to a multi-page A4 PDF (Chromium must be installed; a missing one fails)", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "jobtrial-pdf-"));
    const report = await buildReport(rawResults(), rawBusinessCase(), { now: NOW });
    writeReport(report, outDir);
    const pdf = join(outDir, "report.pdf");
    await printPdf(join(outDir, "index.html"), pdf);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = bytes.toString("latin1");
    // A4 in points is 595 x 842 (rounded); every page has that media box.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  }, 120_000);

  it("names the missing browser instead of downloading one", async () => {
    const error = await printPdf("/nonexistent.html", join(tmpdir(), "x.pdf"), "/no/such/chromium").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).issue.code).toBe("chromium_missing");
  });
});
