/**
 * Walk-through for a project without a control group: the jobcentre's targets for 2020
 * (conversations and company-oriented courses a week, citizens with a complete CV, three
 * yearly average stocks), tracked from the same data as `jobtrial indicators` tracks them.
 * Runs on the synthetic example in data/jobcenter-maal-2020 and writes the report page
 * exactly as the command does.
 *
 *   pnpm tsx notebooks/06-indikatorer.ts
 *
 * Steps:
 *  1. Load the indicator definitions (population, measure, period, baseline, target).
 *  2. Read the municipality's data: persons, the weekly benefit panel, the event log.
 *  3. Each indicator as of the end of February and of March 2020: value so far, interval,
 *     projection to the end of the year and the verdict.
 *  4. The report page, small counts hidden, under out/notebooks/06-indikatorer/.
 */
import { fileURLToPath } from "node:url";
import { formatDate, formatNumber } from "@jobtrial/core";
import { evaluateIndicators, loadIndicatorSpec, readIndicatorData, type IndicatorResult } from "@jobtrial/indicators";
import { buildIndicatorsPage, discloseIndicatorResults, VERDICT_TEXTS, writeReport } from "@jobtrial/report";

const project = fileURLToPath(new URL("../data/jobcenter-maal-2020/", import.meta.url));
const out = fileURLToPath(new URL("../out/notebooks/06-indikatorer/", import.meta.url));
const one = (value: number | null) => (value === null ? "-" : formatNumber(value, "da", { decimals: 1 }));

// 1. The definitions: one file, validated (a wrong field is named by its path).
const spec = loadIndicatorSpec(`${project}indicators.json`, "data/jobcenter-maal-2020/indicators.json");
console.log(`${spec.project.title.da}: ${spec.indicators.length} indikatorer, mindste cellestørrelse ${spec.minCellSize}`);

// 2. The data: one panel for every definition; a problem names file, row and column.
const { data, problems } = readIndicatorData(project);
if (problems.length > 0) throw new Error(problems.map((problem) => problem.da).join("\n"));
console.log(`Data: ${formatNumber(data.persons.size, "da")} personer, ${formatNumber(data.events.length, "da")} hændelser`);

// 3. The same definitions at two dates: the verdict follows the series as it comes in.
//    Printed as disclosed, like everything that leaves the jobcentre: a count below the minimum shows as "-".
const line = (result: IndicatorResult) =>
  `  ${result.title.da}: ${one(result.value)} (${one(result.interval?.lower ?? null)} til ${one(result.interval?.upper ?? null)}), ` +
  `mål ${result.target.statement.da}, fremskrevet ${one(result.projection?.value ?? null)}: ${VERDICT_TEXTS.da[result.verdict]}`;
for (const asOf of ["2020-03-01", "2020-03-29"]) {
  const results = discloseIndicatorResults(evaluateIndicators(spec, data, { asOf, toolVersion: "notebook" }));
  console.log(`Opgjort til og med ${formatDate(results.asOf, "da")}:`);
  for (const result of results.indicators) console.log(line(result));
}

// 4. The report page: disclosed (counts below the minimum hidden), one chart per indicator.
const results = evaluateIndicators(spec, data, { asOf: "2020-03-29", toolVersion: "notebook" });
const page = await buildIndicatorsPage(results, { now: new Date("2020-03-30T12:00:00Z"), toolVersion: "notebook" });
writeReport(page, out);
console.log(`Skjulte celler: ${page.results.suppressedCells}`);
console.log("Indikatorside: out/notebooks/06-indikatorer/index.html");
