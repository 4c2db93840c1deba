/**
 * The evaluation report and the quarterly note: results.json (and optionally the
 * business case) to one static HTML file plus the charts' Vega-Lite specs and CSV data.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ResultsSchema, type Results } from "@jobtrial/analyze";
import { jsonPath } from "@jobtrial/core";
import { BusinessCaseSchema, businessCaseView, type BusinessCase } from "./business-case.ts";
import { buildCharts, type Chart, type ChartId } from "./chart-specs.ts";
import { toCsv } from "./csv.ts";
import { discloseResults, type DisclosureSummary } from "./disclose-results.ts";
import type { Lang } from "./format.ts";
import { assembleHtml } from "./html.ts";
import { assembleQuarterlyNote } from "./quarterly-note.ts";
import { ReportError } from "./messages.ts";
import { findPersonalData } from "./personal-data.ts";
import { renderSvg } from "./render-svg.ts";
import { specProblems } from "./validate-spec.ts";

export interface ReportOptions {
  /** Language of every text, number and date. Default: "da" */
  lang?: Lang;
  /** The clock: the report shows this date as its own. Required, so tests pin it. */
  now: Date;
  /** Tool version written into the report. Default: the results' tool version */
  toolVersion?: string;
  /**
   * Validate every spec against the Vega-Lite JSON schema before rendering. Compiling
   * the schema takes several seconds, so the tests do it once for all specs and the
   * command line does not. Default: false
   */
  validateSpecs?: boolean;
  /** How error messages name the inputs, e.g. the paths given on the command line. Default: "results.json" and "business-case.json" */
  inputNames?: { results?: string; businessCase?: string };
}

/** One generated file, path relative to the output directory. */
export interface ReportFile {
  path: string;
  content: string;
}

export interface Report {
  /** The document first (index.html, or quarterly-note.html for the note), then charts/<id>.vl.json and charts/<id>.<table>.csv. */
  files: ReportFile[];
  html: string;
  charts: Chart[];
  disclosure: DisclosureSummary;
  /** Vega-Lite warnings while compiling (none expected). */
  warnings: string[];
}

/** Parses results.json content (already JSON-parsed); throws ReportError "results_invalid" listing each bad field. */
export function parseResults(value: unknown, file = "results.json"): Results {
  const parsed = ResultsSchema.safeParse(value);
  if (!parsed.success) throw new ReportError({ code: "results_invalid", file, problems: parsed.error.issues.map((issue) => `${jsonPath(issue.path)} ${issue.message}`) });
  return parsed.data;
}

/**
 * Parses a business-case file (the JSON of `jobtrial business-case --format json`,
 * `BusinessCaseSchema` of @jobtrial/analyze) into the report's view of it; throws
 * ReportError "business_case_invalid" listing each bad field.
 */
export function parseBusinessCase(value: unknown, file = "business-case.json"): BusinessCase {
  const parsed = BusinessCaseSchema.safeParse(value);
  if (!parsed.success) throw new ReportError({ code: "business_case_invalid", file, problems: parsed.error.issues.map((issue) => `${jsonPath(issue.path)} ${issue.message}`) });
  return businessCaseView(parsed.data);
}

/**
 * Reads and parses a JSON file; throws ReportError "not_json" for bad JSON, with the line
 * where the parser stopped when it says (never its message: it quotes the file, which
 * could be a CSV with CPR numbers). Missing files throw the fs error.
 */
export function readJsonFile(path: string, name: string): unknown {
  const content = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  try {
    return JSON.parse(content);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    const line = position ? content.slice(0, Number(position[1])).split("\n").length : null;
    throw new ReportError({ code: "not_json", file: name, line });
  }
}

/**
 * Builds the evaluation report in named phases (the model is vega-lite's compile
 * pipeline):
 *
 * 1. results: validate results.json (and the business case) against their schemas, and
 *    apply the disclosure rules (`discloseResults`: small counts suppressed, with
 *    secondary suppression; everything later sees only the disclosed results);
 * 2. chart data: one flat table (or a few) per chart (`chart-data.ts`, `boundary-chart.ts`);
 * 3. Vega-Lite specs: one self-contained spec per chart, data inline (`chart-specs.ts`);
 * 4. validate: against the Vega-Lite JSON schema when `validateSpecs` is set;
 * 5. render SVG: Vega View with renderer "none", `toSVG()`, no canvas, pinned font
 *    (`render-svg.ts`), so equal input gives equal SVG on every machine;
 * 6. assemble HTML: one static file, charts inline, no script, no network (`html.ts`);
 *    then every file is scanned for CPR numbers and birth dates before it is returned.
 *
 * Input that is not a results file throws `ReportError`; so does a business case for
 * another trial, and any generated text that looks like a CPR number or birth date.
 */
export async function buildReport(resultsInput: unknown, businessCaseInput: unknown | null, options: ReportOptions): Promise<Report> {
  return buildDocument("report", resultsInput, businessCaseInput, options);
}

/** The quarterly note's file name beside its charts/ folder (the report's is index.html). */
export const QUARTERLY_NOTE_FILE = "quarterly-note.html";

/**
 * Builds the quarterly note for the committee (`quarterly-note.ts`): the same phases
 * as `buildReport`, with only the monitoring boundary chart, assembled as one or two A4
 * pages into quarterly-note.html.
 */
export async function buildQuarterlyNote(resultsInput: unknown, businessCaseInput: unknown | null, options: ReportOptions): Promise<Report> {
  return buildDocument("quarterly", resultsInput, businessCaseInput, options);
}

/** The charts of the quarterly note. */
const QUARTERLY_CHARTS: readonly ChartId[] = ["boundary"];

async function buildDocument(kind: "report" | "quarterly", resultsInput: unknown, businessCaseInput: unknown | null, options: ReportOptions): Promise<Report> {
  const lang = options.lang ?? "da";
  // 1. results
  const results = parseResults(resultsInput, options.inputNames?.results);
  const businessCase = businessCaseInput === null ? null : parseBusinessCase(businessCaseInput, options.inputNames?.businessCase);
  if (businessCase && businessCase.trialId !== results.trial.id) {
    throw new ReportError({ code: "business_case_other_trial", businessCaseTrial: businessCase.trialId, resultsTrial: results.trial.id });
  }
  const disclosed = discloseResults(results);
  // 2 + 3. chart data and specs
  const allCharts = buildCharts(disclosed.results, businessCase, lang, disclosed.disclosure.minCellSize);
  const charts = kind === "report" ? allCharts : allCharts.filter((chart) => QUARTERLY_CHARTS.includes(chart.id));
  // 4. validate
  if (options.validateSpecs) {
    for (const chart of charts) {
      const problems = specProblems(chart.spec);
      if (problems.length > 0) throw new ReportError({ code: "spec_invalid", chart: chart.id, problems });
    }
  }
  // 5. render SVG
  const warnings: string[] = [];
  const rendered = [];
  for (const chart of charts) rendered.push({ id: chart.id, title: chart.title, svg: await renderSvg(chart.spec, warnings) });
  // 6. assemble HTML
  const input = {
    results: disclosed.results,
    businessCase,
    charts: rendered,
    disclosure: disclosed.disclosure,
    lang,
    now: options.now,
    toolVersion: options.toolVersion ?? results.tool.version,
  };
  const html = kind === "report" ? assembleHtml(input) : assembleQuarterlyNote(input);
  const files: ReportFile[] = [{ path: kind === "report" ? "index.html" : QUARTERLY_NOTE_FILE, content: html }];
  for (const chart of charts) {
    files.push({ path: `charts/${chart.id}.vl.json`, content: JSON.stringify(chart.spec, null, 2) + "\n" });
    for (const [name, rows] of Object.entries(chart.tables)) files.push({ path: `charts/${chart.id}.${name}.csv`, content: toCsv(rows) });
  }
  const referenceYear = Number(results.asOf.slice(0, 4));
  for (const file of files) {
    const hit = findPersonalData(file.content, referenceYear)[0];
    if (hit) throw new ReportError({ code: "personal_data_found", file: file.path, kind: hit.kind, line: hit.line });
  }
  return { files, html, charts, disclosure: disclosed.disclosure, warnings };
}

/** Writes the report's (or the note's, or the indicators page's) files under `outDir` (created if needed); returns the paths written. */
export function writeReport(report: Pick<Report, "files">, outDir: string): string[] {
  const written: string[] = [];
  mkdirSync(join(outDir, "charts"), { recursive: true });
  for (const file of report.files) {
    const path = join(outDir, file.path);
    writeFileSync(path, file.content);
    written.push(path);
  }
  return written;
}
