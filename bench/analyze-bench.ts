/**
 * The full evaluation of the bundled data, timed: read and pseudonymize every
 * outcome file, join with the cohort, estimate every measure, validate the
 * results against the schema (what `jobtrial analyze` does, without writing).
 * The cohort comes from assigning the bundled intake into a fresh register
 * and exporting it, as the demo does (not timed).
 *
 * Run: pnpm tsx bench/analyze-bench.ts [--runs 3]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { evaluateTrial, loadEvaluationInputs } from "@jobtrial/analyze";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const repo = new URL("..", import.meta.url).pathname;
const data = join(repo, "data/esbjerg-2017");
const dir = mkdtempSync(join(tmpdir(), "jobtrial-analyze-bench-"));
const cli = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", join(repo, "packages/cli/src/main.ts"), ...args], { stdio: "ignore" });
try {
  cli("register", "keygen", "--out", join(dir, "key"));
  cli("assign", "--config", join(data, "trial.json"), "--register", join(dir, "register.sqlite"), "--intake", join(data, "intake"), "--operator", "bench", "--accept-valid", "--out", join(dir, "lists"));
  cli("register", "export", "--register", join(dir, "register.sqlite"), "--key-file", join(dir, "key"), "--out", join(dir, "cohort.csv"));
  for (let runIndex = 0; runIndex < Number(values.runs); runIndex++) {
    const start = performance.now();
    const loaded = loadEvaluationInputs(
      {
        config: join(data, "trial.json"),
        cohort: join(dir, "cohort.csv"),
        spells: join(data, "outcomes/spells.csv"),
        conversations: join(data, "outcomes/conversations.csv"),
        secondary: join(data, "outcomes/secondary.csv"),
        keyFile: join(dir, "key"),
      },
      "2018-03-01",
    );
    if (!loaded.ok) throw new Error("bundled inputs have problems");
    const read = performance.now();
    const value = loaded.value;
    const results = evaluateTrial({ ...value, readerNotes: value.notes, seed: 1, now: new Date(), toolVersion: "bench" });
    const done = performance.now();
    console.log(`run ${runIndex + 1}: read ${((read - start) / 1000).toFixed(2)} s, evaluate ${((done - read) / 1000).toFixed(2)} s, total ${((done - start) / 1000).toFixed(2)} s; ${value.cohort.length} citizens, days saved ${results.daysSaved.estimate?.toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
