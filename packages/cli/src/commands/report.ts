import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildQuarterlyNote, buildReport, printPdf, QUARTERLY_NOTE_FILE, readJsonFile, writeReport, type Lang } from "@jobtrial/report";
import { resolvePath, stringOption, UserError, type Command } from "../command.ts";
import { VERSION } from "../version.ts";

export const report: Command = {
  name: "report",
  summary: { da: "Evalueringsrapporten eller kvartalsnotatet (HTML, som standard på dansk)", en: "The evaluation report or the quarterly note (HTML, Danish by default)" },
  usage: {
    da: "report --results <results.json> --out <mappe> [--business-case <bc.json>] [--quarterly] [--lang da|en] [--pdf]",
    en: "report --results <results.json> --out <folder> [--business-case <bc.json>] [--quarterly] [--lang da|en] [--pdf]",
  },
  help: {
    da: `
Skriver evalueringsrapporten til et udvalg og en statistiker ud fra resultaterne
fra "jobtrial analyze": én statisk HTML-fil, der kan åbnes fra disken uden net
(figurer indlejret som SVG, udskriftslayout til A4), og ved siden af den hver
figurs Vega-Lite-specifikation (JSON) og data (CSV) i charts/.

Med --quarterly skrives i stedet kvartalsnotatet til Social- og
Arbejdsmarkedsudvalget (quarterly-note.html, en eller to A4-sider): tilgangen
indtil nu, hovedresultatet med dets gentagne konfidensinterval og grænserne ved
hvert kig, pengene pr. år og hvad man kan vente ved næste kig.

Antal under den konfigurerede mindste cellestørrelse skjules i alle tabeller og
figurer, med sekundær diskretionering, så de ikke kan regnes ud fra totaler.
Kommandoen nægter at skrive noget, der ligner et CPR-nummer eller en fødselsdato.

Tilvalg:
  --results <fil>         results.json fra "jobtrial analyze" (skal gives)
  --out <mappe>           mappen, der skrives i; oprettes om nødvendigt (skal gives)
  --business-case <fil>   business casens JSON ("jobtrial business-case")
  --quarterly             skriv kvartalsnotatet (quarterly-note.html) i stedet for rapporten
  --lang da|en            sprog for tekster, tal og datoer (standard: da)
  --pdf                   udskriv også report.pdf (quarterly-note.pdf med --quarterly) med
                          Debians Chromium (/usr/bin/chromium)

Eksempler:
  jobtrial report --results out/results.json --business-case out/business-case.json --out out/report
  jobtrial report --quarterly --results out/results.json --business-case out/business-case.json --out out/kvartal --pdf
`,
    en: `
Writes the evaluation report for a committee and a statistician from the
results of "jobtrial analyze": one static HTML file that opens from disk without
a network (charts embedded as SVG, print layout for A4), and beside it every
chart's Vega-Lite specification (JSON) and data (CSV) in charts/.

With --quarterly it writes the quarterly note to the Social and Labour Market
Committee instead (quarterly-note.html, one or two A4 pages): the intake so far,
the main result with its repeated confidence interval and the boundaries at
each look, the money per year and what to expect at the next look.

Counts below the configured minimum cell size are hidden in every table and
chart, with secondary suppression so they cannot be worked out from totals.
The command refuses to write anything that looks like a CPR number or a birth
date.

Options:
  --results <file>         results.json from "jobtrial analyze" (required)
  --out <folder>           the folder written to; created when needed (required)
  --business-case <file>   the business case's JSON ("jobtrial business-case")
  --quarterly              write the quarterly note (quarterly-note.html) instead of the report
  --lang da|en             language of texts, numbers and dates (default: da)
  --pdf                    also print report.pdf (quarterly-note.pdf with --quarterly) with
                           Debian's Chromium (/usr/bin/chromium)

Examples:
  jobtrial report --results out/results.json --business-case out/business-case.json --out out/report
  jobtrial report --quarterly --results out/results.json --business-case out/business-case.json --out out/kvartal --pdf
`,
  },
  options: {
    results: { type: "string" },
    out: { type: "string" },
    "business-case": { type: "string" },
    quarterly: { type: "boolean" },
    pdf: { type: "boolean" },
  },
  async run({ io, values, lang }) {
    const resultsFile = stringOption(values, "results", true);
    const outDir = resolvePath(io, stringOption(values, "out", true));
    const businessCaseFile = stringOption(values, "business-case");
    const say = SAY[lang];
    const read = (file: string) => {
      const path = resolvePath(io, file);
      if (!existsSync(path)) throw new UserError({ da: SAY.da.notFound(file), en: SAY.en.notFound(file) });
      return readJsonFile(path, file);
    };
    // A ReportError reaches cli.ts, which words it in --lang.
    const results = read(resultsFile);
    const businessCase = businessCaseFile === undefined ? null : read(businessCaseFile);
    const inputNames = { results: resultsFile, ...(businessCaseFile === undefined ? {} : { businessCase: businessCaseFile }) };
    const quarterly = values["quarterly"] === true;
    const options = { lang, now: io.now(), toolVersion: VERSION, inputNames };
    const built = quarterly ? await buildQuarterlyNote(results, businessCase, options) : await buildReport(results, businessCase, options);
    writeReport(built, outDir);
    const html = join(outDir, quarterly ? QUARTERLY_NOTE_FILE : "index.html");
    io.stdout((quarterly ? say.writtenNote : say.written)(html, built.charts.length, join(outDir, "charts")) + "\n");
    if (values["pdf"]) {
      const pdf = join(outDir, quarterly ? "quarterly-note.pdf" : "report.pdf");
      await printPdf(html, pdf);
      io.stdout(`PDF: ${pdf}\n`);
    }
    return 0;
  },
};

/** What the command itself prints, in the report's language (Danish unless --lang en). */
type Written = (html: string, charts: number, chartsDir: string) => string;
const SAY: Record<Lang, { notFound: (file: string) => string; written: Written; writtenNote: Written }> = {
  da: {
    notFound: (file) => `${file}: filen findes ikke; kontroller stien`,
    written: (html, charts, chartsDir) => `Rapport: ${html} (${charts} ${charts === 1 ? "figur" : "figurer"}; specifikationer og data i ${chartsDir})`,
    writtenNote: (html, charts, chartsDir) => `Kvartalsnotat: ${html} (${charts} ${charts === 1 ? "figur" : "figurer"}; specifikationer og data i ${chartsDir})`,
  },
  en: {
    notFound: (file) => `${file}: file not found; check the path`,
    written: (html, charts, chartsDir) => `Report: ${html} (${charts} ${charts === 1 ? "chart" : "charts"}; specs and data in ${chartsDir})`,
    writtenNote: (html, charts, chartsDir) => `Quarterly note: ${html} (${charts} ${charts === 1 ? "chart" : "charts"}; specs and data in ${chartsDir})`,
  },
};
