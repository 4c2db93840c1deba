/**
 * What a referee checks on the primary estimate, computed together because they share
 * the precision projection and the primary measure's data as of the analysis date:
 * the precision (MDE now and when the expected effect becomes detectable), the
 * group-sequential monitoring at the planned looks, and the sensitivity analyses. Each
 * recomputes days saved through primary-estimate.ts, so they follow the primary measure.
 */
import type { KaplanMeierCurve } from "@jobtrial/survival";
import type { AnalyzeNoteFacts } from "../messages.ts";
import type { Results } from "../results-schema.ts";
import type { AnalysisRow } from "./analysis-set.ts";
import { monitoringMeasures } from "./monitoring.ts";
import { precisionFromProjection, precisionProjection } from "./precision.ts";
import { primaryData, type PrimaryData, type PrimaryInputs } from "./primary-estimate.ts";
import { sensitivityAnalyses } from "./sensitivity.ts";

export interface PrimaryChecks {
  /** The primary measure's data as of the analysis date (for the subgroups too). */
  data: PrimaryData;
  precision: Results["precision"];
  monitoring: NonNullable<Results["monitoring"]>;
  sensitivity: NonNullable<Results["sensitivity"]>;
  /** Notes for the evaluator, in order: sensitivity, then monitoring. */
  notes: AnalyzeNoteFacts[];
}

/**
 * Precision, monitoring and sensitivity of the primary estimate `daysSaved` as of `asOf`.
 * `rows` and `curves` are the first-spell analysis set and its Kaplan-Meier curves (the
 * precision projection's model).
 *
 * @example primaryChecks(inputs, results.daysSaved, set.rows, curves, "2018-03-01").monitoring.looks.length // 13 on the bundled configuration
 */
export function primaryChecks(
  inputs: PrimaryInputs,
  daysSaved: Results["daysSaved"],
  rows: readonly AnalysisRow[],
  curves: Record<"control" | "intervention", KaplanMeierCurve>,
  asOf: string,
): PrimaryChecks {
  const { config } = inputs;
  const data = primaryData(inputs, asOf);
  const projection = precisionProjection(rows, curves, daysSaved.se, daysSaved.tau, config, asOf);
  const precision = precisionFromProjection(projection, daysSaved, config, asOf);
  const sensitivity = sensitivityAnalyses(data, daysSaved, config.disclosure.minCellSize);
  const monitoring = monitoringMeasures(inputs, data, daysSaved, projection);
  return { data, precision, monitoring: monitoring.monitoring, sensitivity: sensitivity.sensitivity, notes: [...sensitivity.notes, ...monitoring.notes] };
}
