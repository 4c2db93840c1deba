/**
 * `jobtrial analyze` at national scale: the duration measures of the first spell (days to
 * the first exit) from counted rows, as DuckDB returns them or as another engine wrote
 * them (`--counts`). The numbers are those `jobtrial analyze` computes person by person
 * (packages/analyze/src/evaluation/duration.ts: the same estimators, the same options),
 * because every estimator here depends on the persons only through counts of identical
 * (arm, stratum, time, status); what needs a person (paths through states, balance,
 * conversations, subgroups) is not part of this output.
 *
 * Phases: counted rows -> Kaplan-Meier (log-log) and medians -> restricted means at the
 * configuration's horizons (and 182, 364) -> days saved at the primary horizon ->
 * log-rank, stratified by industry group -> Cox (Efron) -> risk table -> validated against
 * the results schema's blocks.
 */
import { aggregatedKmRows, durationBlocks, ResultsSchema, suppressedCount, type Results } from "@jobtrial/analyze";
import type { TrialConfig } from "@jobtrial/core";
import type { CountedColumns } from "./commands/survival.ts";

const ARMS = ["control", "intervention"] as const;

/** The blocks of results.json this output shares, validated by the results schema itself. */
const SharedBlocksSchema = ResultsSchema.pick({ km: true, duration: true, daysSaved: true });

/** What `jobtrial analyze --engine duckdb` or `--counts` writes. */
export interface NationalResults {
  /** Where the counted rows came from. */
  engine: "duckdb" | "counts";
  /** Always the first spell's days to exit. */
  measure: "days-to-first-exit";
  asOf: string;
  /** Persons the counted rows stand for, per arm (all arms in the rows). */
  persons: Record<string, number>;
  /** Counted rows (distinct arm, stratum, time, status). */
  countedRows: number;
  km: Results["km"];
  duration: Results["duration"];
  daysSaved: Results["daysSaved"];
}

/**
 * The first spell's duration measures from counted rows. Rows of other arms than control
 * and intervention are left out by the estimators; a row with a missing stratum is left
 * out of the stratified log-rank only.
 */
export function nationalResults(rows: CountedColumns, config: TrialConfig, asOf: string, engine: NationalResults["engine"]): NationalResults {
  const minCellSize = config.disclosure.minCellSize;
  const primaryHorizon = config.evaluation.primaryHorizonDays;
  // The estimates of analyze's duration.ts from the counted rows (the same estimators and options, the horizons as evaluate-trial.ts).
  const { kmResult, median, rmst, daysSaved, logrank, logrankStratified, cox } = durationBlocks(
    { time: rows.time, event: rows.status, group: rows.arm, strata: rows.stratum, count: rows.count },
    { horizons: [...config.evaluation.horizonsDays, 182, 364], primaryHorizon },
  );
  const curve = (arm: (typeof ARMS)[number]) => kmResult.curves[arm]!;
  // The curve's rows as results.json holds them: steps of at least minCellSize exits (suppress.ts).
  const km = { control: aggregatedKmRows(curve("control"), minCellSize), intervention: aggregatedKmRows(curve("intervention"), minCellSize) };

  // The risk table under the KM chart: every 28 days up to the primary horizon, as evaluate-trial.ts.
  const riskTable: Results["duration"]["riskTable"] = [];
  for (let time = 0; time <= primaryHorizon; time += 28) {
    const at = (arm: (typeof ARMS)[number]) => {
      let nRisk = 0;
      let cumEvents = 0;
      for (let row = 0; row < rows.arm.length; row++) {
        const rowTime = rows.time[row];
        const count = rows.count[row];
        if (rows.arm[row] !== arm || rowTime === null || rowTime === undefined || count === null || count === undefined || !Number.isFinite(rowTime)) continue;
        if (rowTime >= time) nRisk += count;
        if (rows.status[row] === 1 && rowTime <= time) cumEvents += count;
      }
      return { nRisk: suppressedCount(nRisk, minCellSize), cumEvents: suppressedCount(cumEvents, minCellSize) };
    };
    riskTable.push({ time, control: at("control"), intervention: at("intervention") });
  }

  const persons: Record<string, number> = {};
  for (let row = 0; row < rows.arm.length; row++) {
    const arm = rows.arm[row];
    const count = rows.count[row];
    if (arm === null || arm === undefined || count === null || count === undefined || !Number.isFinite(count)) continue;
    persons[arm] = (persons[arm] ?? 0) + count;
  }
  const shared = SharedBlocksSchema.parse({ km, duration: { confType: "log-log", median, rmst, logrank, logrankStratified, cox, riskTable }, daysSaved });
  return { engine, measure: "days-to-first-exit", asOf, persons, countedRows: rows.arm.length, ...shared };
}
