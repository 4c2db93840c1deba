import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildReport, printPdf, readJsonFile, ReportError, writeReport, type Lang } from "@jobtrial/report";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { VERSION } from "../version.ts";

export const report: Command = {
  name: "report",
  summary: "Evalueringsrapporten (HTML, som standard på dansk)",
  usage: "report --results <results.json> --out <dir> [--business-case <bc.json>] [--lang da|en] [--pdf]",
  help: `
Writes the evaluation report for a committee and a statistician from the results
of "jobtrial analyze": one static HTML file that opens from disk without network
(charts inline as SVG, print CSS for A4), and beside it every chart's Vega-Lite
specification (JSON) and data (CSV) in charts/.

Counts below the configured minimum cell size are hidden in every table and chart,
with secondary suppression so they cannot be worked out from totals. The command
refuses to write anything that looks like a CPR number or a birth date.

Options:
  --results <file>        results.json from "jobtrial analyze" (required)
  --out <dir>             output directory, created if needed (required)
  --business-case <file>  the business case's JSON ("jobtrial business-case")
  --lang da|en            language of texts, numbers and dates (default: da)
  --pdf                   also print report.pdf with Debian's Chromium (/usr/bin/chromium)

Example:
  jobtrial report --results out/results.json --business-case out/business-case.json --out out/report`,
  options: {
    results: { type: "string" },
    out: { type: "string" },
    "business-case": { type: "string" },
    lang: { type: "string" },
    pdf: { type: "boolean" },
  },
  async run({ io, values }) {
    const resultsFile = stringOption(values, "results", true);
    const outDir = resolvePath(io, stringOption(values, "out", true));
    const businessCaseFile = stringOption(values, "business-case");
    const lang = stringOption(values, "lang") ?? "da";
    if (lang !== "da" && lang !== "en") throw new UsageError(`--lang must be "da" or "en", got "${lang}"`);
    const read = (file: string) => {
      const path = resolvePath(io, file);
      if (!existsSync(path)) throw new UserError(`${file}: file not found; check the path`);
      return readJsonFile(path, file);
    };
    try {
      const results = read(resultsFile);
      const businessCase = businessCaseFile === undefined ? null : read(businessCaseFile);
      const built = await buildReport(results, businessCase, { lang: lang as Lang, now: io.now(), toolVersion: VERSION });
      writeReport(built, outDir);
      const html = join(outDir, "index.html");
      io.stdout(`Report: ${html} (${built.charts.length} charts; specs and data in ${join(outDir, "charts")})\n`);
      if (values["pdf"]) {
        const pdf = join(outDir, "report.pdf");
        await printPdf(html, pdf);
        io.stdout(`PDF: ${pdf}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof ReportError) throw new UserError(error.message);
      throw error;
    }
  },
};
