/**
 * The evaluation report for the bundled data, timed: results.json and the business
 * case are made once from data/esbjerg-2017 the way the demo makes them (assign the
 * intake into a fresh register, export the cohort, `jobtrial analyze`, `jobtrial
 * business-case --format json`; not timed), then `buildReport` + `writeReport` run
 * in Danish and English (the work of `jobtrial report`: validate, disclose, chart
 * data, Vega-Lite specs, SVG rendering, HTML, privacy scan, writing the files).
 *
 * Run: pnpm tsx bench/report-bench.ts [--runs 3] [--keep]   (--keep leaves the output in a temp dir)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildReport, writeReport } from "@jobtrial/report";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, keep: { type: "boolean", default: false } } });
const repo = new URL("..", import.meta.url).pathname;
const data = join(repo, "data/esbjerg-2017");
const dir = mkdtempSync(join(tmpdir(), "jobtrial-report-bench-"));
const cli = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", join(repo, "packages/cli/src/main.ts"), ...args], { stdio: "ignore" });
try {
  cli("register", "keygen", "--out", join(dir, "key"));
  cli("assign", "--config", join(data, "trial.json"), "--register", join(dir, "register.sqlite"), "--intake", join(data, "intake"), "--operator", "bench", "--accept-valid", "--out", join(dir, "lists"));
  cli("register", "export", "--register", join(dir, "register.sqlite"), "--key-file", join(dir, "key"), "--out", join(dir, "cohort.csv"));
  cli(
    "analyze",
    "--config", join(data, "trial.json"),
    "--cohort", join(dir, "cohort.csv"),
    "--outcomes", join(data, "outcomes/spells.csv"),
    "--conversations", join(data, "outcomes/conversations.csv"),
    "--secondary", join(data, "outcomes/secondary.csv"),
    "--key-file", join(dir, "key"),
    "--as-of", "2018-03-01",
    "--out", join(dir, "results.json"),
  );
  cli("business-case", "--config", join(data, "trial.json"), "--results", join(dir, "results.json"), "--format", "json", "--out", join(dir, "business-case.json"));
  const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
  const businessCase = JSON.parse(readFileSync(join(dir, "business-case.json"), "utf8"));
  const now = new Date("2018-03-05T10:00:00Z");
  for (let runIndex = 0; runIndex < Number(values.runs); runIndex++) {
    for (const lang of ["da", "en"] as const) {
      const start = performance.now();
      const report = await buildReport(results, businessCase, { lang, now });
      const built = performance.now();
      writeReport(report, join(dir, `report-${lang}`));
      const done = performance.now();
      const bytes = report.files.reduce((sum, file) => sum + file.content.length, 0);
      console.log(
        `run ${runIndex + 1} ${lang}: build ${((built - start) / 1000).toFixed(2)} s, write ${((done - built) / 1000).toFixed(2)} s, total ${((done - start) / 1000).toFixed(2)} s; ${report.charts.length} charts, ${report.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, index.html ${(report.html.length / 1e6).toFixed(2)} MB`,
      );
    }
  }
  if (values.keep) console.log(`output: ${dir}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
