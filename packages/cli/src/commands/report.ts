import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildReport, printPdf, readJsonFile, ReportError, writeReport, type Lang } from "@jobtrial/report";
import { resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";
import { VERSION } from "../version.ts";

export const report: Command = {
  name: "report",
  summary: "Evalueringsrapporten (HTML, som standard på dansk)",
  usage: "report --results <results.json> --out <mappe> [--business-case <bc.json>] [--lang da|en] [--pdf]",
  help: `
Skriver evalueringsrapporten til et udvalg og en statistiker ud fra resultaterne
fra "jobtrial analyze": én statisk HTML-fil, der kan åbnes fra disken uden net
(figurer indlejret som SVG, udskriftslayout til A4), og ved siden af den hver
figurs Vega-Lite-specifikation (JSON) og data (CSV) i charts/.

Antal under den konfigurerede mindste cellestørrelse skjules i alle tabeller og
figurer, med sekundær diskretionering, så de ikke kan regnes ud fra totaler.
Kommandoen nægter at skrive noget, der ligner et CPR-nummer eller en fødselsdato.

Tilvalg:
  --results <fil>         results.json fra "jobtrial analyze" (skal gives)
  --out <mappe>           mappen, der skrives i; oprettes om nødvendigt (skal gives)
  --business-case <fil>   business casens JSON ("jobtrial business-case")
  --lang da|en            sprog for tekster, tal og datoer (standard: da)
  --pdf                   udskriv også report.pdf med Debians Chromium (/usr/bin/chromium)

Eksempel:
  jobtrial report --results out/results.json --business-case out/business-case.json --out out/report
`,
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
