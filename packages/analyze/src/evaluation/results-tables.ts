/**
 * The CSV tables written beside results.json, for Danish Excel: semicolon
 * separated, UTF-8 with BOM, decimal comma, CRLF. Each is a view of the
 * results object (nothing is computed here), so suppressed cells stay empty.
 *
 * Every table is an arquero table whose columns are named as the CSV names
 * them, each column given by what it reads from a result row; lists nested in
 * the results (the curve of each arm, the levels of each subgroup variable) are
 * flattened with arquero's `unroll`. The tables are written by core's one CSV
 * writer.
 */
import { toCsv } from "@jobtrial/core";
import { from, table, type ColumnTable } from "arquero";
import type { Results } from "../results-schema.ts";

type Value = string | number | null | undefined;

/** A number with a decimal comma (10 significant digits); text and empty cells as they are. */
function excelValue(value: Value): Value {
  return typeof value === "number" && !Number.isInteger(value) ? String(Number(value.toPrecision(10))).replace(".", ",") : value;
}

/** A table with one column per entry of `columns`, in order: the CSV column's name and what it reads from a row. */
function view<Row>(rows: readonly Row[], columns: Record<string, (row: Row) => Value>): ColumnTable {
  return table(Object.fromEntries(Object.entries(columns).map(([name, read]) => [name, rows.map(read)])));
}

/** A table written row by row (rows that are not alike: a label and the figures it has). */
function rowTable(header: readonly string[], rows: readonly (readonly Value[])[]): ColumnTable {
  return table(Object.fromEntries(header.map((name, column) => [name, rows.map((row) => row[column])])));
}

/** Core's `toCsv` (BOM, ";", CRLF, quotes where needed) of a table, with decimal commas. */
function csv(data: ColumnTable): string {
  const header = data.columnNames();
  const columns = header.map((name) => data.array(name) as ArrayLike<Value>);
  return toCsv(header, Array.from({ length: data.numRows() }, (_, row) => columns.map((column) => excelValue(column[row]))));
}

const ARMS = ["control", "intervention"] as const;

/** File name suffix (e.g. "km") -> CSV text. */
export function resultsTables(results: Results): Map<string, string> {
  const tables = new Map<string, string>();
  const curves = from(ARMS.map((arm) => ({ arm, point: results.km[arm] }))).unroll("point").objects() as { arm: string; point: Results["km"]["control"][number] }[];
  tables.set("km", csv(view(curves, { arm: (row) => row.arm, time: (row) => row.point.time, n_risk: (row) => row.point.nRisk, n_event: (row) => row.point.nEvent, n_censor: (row) => row.point.nCensor, surv: (row) => row.point.surv, std_err: (row) => row.point.stdErr, lower: (row) => row.point.lower, upper: (row) => row.point.upper })));
  tables.set(
    "duration",
    csv(
      rowTable(["measure", "tau", "control", "control_se", "intervention", "intervention_se", "difference", "se", "lower", "upper", "p"], [
        ...results.duration.rmst.map((entry) => ["restricted mean (intervention - control)", entry.tau, entry.byGroup.control.rmst, entry.byGroup.control.se, entry.byGroup.intervention.rmst, entry.byGroup.intervention.se, entry.difference.estimate, entry.difference.se, entry.difference.lower, entry.difference.upper, entry.difference.p]),
        ["days saved (control - intervention)", results.daysSaved.tau, null, null, null, null, results.daysSaved.estimate, results.daysSaved.se, results.daysSaved.lower, results.daysSaved.upper, results.daysSaved.p],
        ["median", null, results.duration.median.control.median, null, results.duration.median.intervention.median, null, null, null, null, null, null],
        ["completed spells mean, biased towards short spells while spells still run (control - intervention; no interval or test)", null, results.completedSpells.control.mean, null, results.completedSpells.intervention.mean, null, results.completedSpells.difference.estimate, null, null, null, null],
        ["cox hazard ratio (intervention / control)", null, null, null, null, null, results.duration.cox.hr, results.duration.cox.se, results.duration.cox.lower, results.duration.cox.upper, results.duration.cox.p],
        ["log-rank chi-square", null, null, null, null, null, results.duration.logrank.chisq, null, null, null, results.duration.logrank.p],
        ...(results.duration.logrankStratified ? [["stratified log-rank chi-square", null, null, null, null, null, results.duration.logrankStratified.chisq, null, null, null, results.duration.logrankStratified.p] as Value[]] : []),
      ]),
    ),
  );
  tables.set("risk-table", csv(view(results.duration.riskTable, { time: (row) => row.time, control_n_risk: (row) => row.control.nRisk, control_cum_events: (row) => row.control.cumEvents, intervention_n_risk: (row) => row.intervention.nRisk, intervention_cum_events: (row) => row.intervention.cumEvents })));
  tables.set(
    "self-support",
    csv(
      view(results.selfSupport.at, {
        weeks: (row) => row.weeks,
        control: (row) => row.control.estimate,
        control_lower: (row) => row.control.lower,
        control_upper: (row) => row.control.upper,
        intervention: (row) => row.intervention.estimate,
        intervention_lower: (row) => row.intervention.lower,
        intervention_upper: (row) => row.intervention.upper,
        difference: (row) => row.difference.estimate,
        lower: (row) => row.difference.lower,
        upper: (row) => row.difference.upper,
        p: (row) => row.difference.p ?? null,
      }),
    ),
  );
  tables.set(
    "self-support-monthly",
    csv(
      view(results.selfSupport.monthly, {
        month: (row) => row.month,
        control_stock: (row) => row.control.stock,
        control_exits: (row) => row.control.exits,
        control_share: (row) => row.control.share,
        intervention_stock: (row) => row.intervention.stock,
        intervention_exits: (row) => row.intervention.exits,
        intervention_share: (row) => row.intervention.share,
      }),
    ),
  );
  tables.set(
    "balance",
    csv(
      view(results.balance, {
        covariate: (row) => row.covariate,
        level: (row) => row.level,
        kind: (row) => row.kind,
        control_n: (row) => row.control.n,
        control_mean: (row) => row.control.mean,
        control_sd: (row) => row.control.sd,
        intervention_n: (row) => row.intervention.n,
        intervention_mean: (row) => row.intervention.mean,
        intervention_sd: (row) => row.intervention.sd,
        smd: (row) => row.smd,
      }),
    ),
  );
  tables.set("intake", csv(view(results.intake.byWeek, { week: (row) => row.week, control: (row) => row.control, intervention: (row) => row.intervention })));
  tables.set("allocation", csv(view(results.allocation.byWeek, { week: (row) => row.week, n: (row) => row.n, intervention: (row) => row.intervention, share: (row) => row.share, expected_share: (row) => row.expectedShare, binomial_p: (row) => row.binomialP })));
  const levels = from(results.subgroups).unroll("groups").objects() as (Omit<Results["subgroups"][number], "groups"> & { groups: Results["subgroups"][number]["groups"][number] })[];
  tables.set(
    "subgroups",
    csv(
      view(levels, {
        variable: (row) => row.variable,
        level: (row) => row.groups.level,
        control_n: (row) => row.groups.n.control,
        intervention_n: (row) => row.groups.n.intervention,
        days_saved: (row) => row.groups.daysSaved?.estimate,
        se: (row) => row.groups.daysSaved?.se,
        lower: (row) => row.groups.daysSaved?.lower,
        upper: (row) => row.groups.daysSaved?.upper,
        suppressed: (row) => (row.groups.suppressed ? "yes" : "no"),
        interaction_p: (row) => row.interaction?.p,
      }),
    ),
  );
  const flow = results.flow;
  tables.set(
    "flow",
    csv(
      rowTable(["step", "reason", "control", "intervention", "total"], [
        ["screened", null, null, null, flow.screened],
        ...flow.ineligible.map((entry) => ["ineligible", entry.reason, null, null, entry.n] as Value[]),
        ["invalid", null, null, null, flow.invalid],
        ["assigned", null, flow.assigned.control, flow.assigned.intervention, null],
        ["voided", null, flow.voided.control, flow.voided.intervention, null],
        ...flow.excluded.map((entry) => ["excluded", entry.reason, entry.control, entry.intervention, null] as Value[]),
        ["analysed", null, flow.analysed.control, flow.analysed.intervention, null],
        ["exited", null, flow.exited.control, flow.exited.intervention, null],
        ["still running", null, flow.stillRunning.control, flow.stillRunning.intervention, null],
        ...flow.censored.map((entry) => ["censored", entry.reason, entry.control, entry.intervention, null] as Value[]),
      ]),
    ),
  );
  if (results.monitoring) {
    tables.set(
      "monitoring",
      csv(
        view(results.monitoring.looks, {
          look: (look) => look.look,
          date: (look) => look.date,
          kind: (look) => look.kind,
          planned: (look) => (look.planned ? "yes" : "no"),
          status: (look) => look.status,
          days_saved: (look) => look.estimate,
          se: (look) => look.se,
          information_fraction: (look) => look.informationFraction ?? look.projected?.informationFraction ?? null,
          z: (look) => look.z,
          critical_value: (look) => look.criticalValue,
          nominal_p: (look) => look.nominalP,
          alpha_spent: (look) => look.alphaSpent,
          crossed: (look) => (look.crossed === null ? null : look.crossed ? "yes" : "no"),
          rci_lower: (look) => look.repeatedCi?.lower,
          rci_upper: (look) => look.repeatedCi?.upper,
          projected_se: (look) => look.projected?.se,
          projected_days_saved_to_cross: (look) => look.projected?.estimateToCross,
        }),
      ),
    );
  }
  if (results.sensitivity) {
    tables.set(
      "sensitivity",
      csv(
        view(results.sensitivity.rows, {
          analysis: (row) => row.key,
          tau: (row) => row.tau,
          days_saved: (row) => row.daysSaved.estimate,
          se: (row) => row.daysSaved.se,
          lower: (row) => row.daysSaved.lower,
          upper: (row) => row.daysSaved.upper,
          p: (row) => row.daysSaved.p ?? null,
          control_n: (row) => row.analysed.control,
          intervention_n: (row) => row.analysed.intervention,
          control_left_out: (row) => row.leftOut?.control,
          intervention_left_out: (row) => row.leftOut?.intervention,
          control_at_risk: (row) => row.atRisk?.control.n,
          control_at_risk_share: (row) => row.atRisk?.control.share,
          intervention_at_risk: (row) => row.atRisk?.intervention.n,
          intervention_at_risk_share: (row) => row.atRisk?.intervention.share,
          few_at_risk: (row) => (row.fewAtRisk === null ? null : row.fewAtRisk ? "yes" : "no"),
          unavailable: (row) => row.unavailable,
          precision_gain: (row) => row.adjustment?.precisionGain,
        }),
      ),
    );
  }
  if (results.process) {
    const process = results.process;
    tables.set(
      "process-by-week",
      csv(
        view(process.byWeek, {
          week: (row) => row.week,
          control_citizens: (row) => row.control.citizens,
          control_held: (row) => row.control.held,
          control_letters: (row) => row.control.letters,
          control_per_citizen: (row) => row.control.perCitizen,
          intervention_citizens: (row) => row.intervention.citizens,
          intervention_held: (row) => row.intervention.held,
          intervention_letters: (row) => row.intervention.letters,
          intervention_per_citizen: (row) => row.intervention.perCitizen,
        }),
      ),
    );
    tables.set("process-per-advisor", csv(view(process.perAdvisor, { advisor: (row) => row.advisor, planned: (row) => row.planned, held: (row) => row.held, on_time_share: (row) => row.onTimeShare })));
  }
  return tables;
}
