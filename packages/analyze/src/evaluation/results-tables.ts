/**
 * The CSV tables written beside results.json, for Danish Excel: semicolon
 * separated, UTF-8 with BOM, decimal comma, CRLF. Each is a view of the
 * results object (nothing is computed here), so suppressed cells stay empty.
 */
import { toCsv } from "@jobtrial/core";
import type { Results } from "../results-schema.ts";

type Value = string | number | null | undefined;

/** A number with a decimal comma (10 significant digits); text and empty cells as they are. */
function excelValue(value: Value): Value {
  return typeof value === "number" && !Number.isInteger(value) ? String(Number(value.toPrecision(10))).replace(".", ",") : value;
}

/** assign's `toCsv` (BOM, ";", CRLF, quotes where needed) with decimal commas. */
function csv(header: readonly string[], rows: readonly (readonly Value[])[]): string {
  return toCsv(header, rows.map((row) => row.map(excelValue)));
}

const ARMS = ["control", "intervention"] as const;

/** File name suffix (e.g. "km") -> CSV text. */
export function resultsTables(results: Results): Map<string, string> {
  const tables = new Map<string, string>();
  tables.set("km", csv(["arm", "time", "n_risk", "n_event", "n_censor", "surv", "std_err", "lower", "upper"], ARMS.flatMap((arm) => results.km[arm].map((row) => [arm, row.time, row.nRisk, row.nEvent, row.nCensor, row.surv, row.stdErr, row.lower, row.upper]))));
  tables.set(
    "duration",
    csv(
      ["measure", "tau", "control", "control_se", "intervention", "intervention_se", "difference", "se", "lower", "upper", "p"],
      [
        ...results.duration.rmst.map((entry) => ["restricted mean (intervention - control)", entry.tau, entry.byGroup.control.rmst, entry.byGroup.control.se, entry.byGroup.intervention.rmst, entry.byGroup.intervention.se, entry.difference.estimate, entry.difference.se, entry.difference.lower, entry.difference.upper, entry.difference.p]),
        ["days saved (control - intervention)", results.daysSaved.tau, null, null, null, null, results.daysSaved.estimate, results.daysSaved.se, results.daysSaved.lower, results.daysSaved.upper, results.daysSaved.p],
        ["median", null, results.duration.median.control.median, null, results.duration.median.intervention.median, null, null, null, null, null, null],
        ["completed spells mean, biased towards short spells while spells still run (control - intervention; no interval or test)", null, results.completedSpells.control.mean, null, results.completedSpells.intervention.mean, null, results.completedSpells.difference.estimate, null, null, null, null],
        ["cox hazard ratio (intervention / control)", null, null, null, null, null, results.duration.cox.hr, results.duration.cox.se, results.duration.cox.lower, results.duration.cox.upper, results.duration.cox.p],
        ["log-rank chi-square", null, null, null, null, null, results.duration.logrank.chisq, null, null, null, results.duration.logrank.p],
        ...(results.duration.logrankStratified ? [["stratified log-rank chi-square", null, null, null, null, null, results.duration.logrankStratified.chisq, null, null, null, results.duration.logrankStratified.p] as Value[]] : []),
      ],
    ),
  );
  tables.set("risk-table", csv(["time", "control_n_risk", "control_cum_events", "intervention_n_risk", "intervention_cum_events"], results.duration.riskTable.map((row) => [row.time, row.control.nRisk, row.control.cumEvents, row.intervention.nRisk, row.intervention.cumEvents])));
  tables.set(
    "self-support",
    csv(["weeks", "control", "control_lower", "control_upper", "intervention", "intervention_lower", "intervention_upper", "difference", "lower", "upper", "p"], results.selfSupport.at.map((row) => [row.weeks, row.control.estimate, row.control.lower, row.control.upper, row.intervention.estimate, row.intervention.lower, row.intervention.upper, row.difference.estimate, row.difference.lower, row.difference.upper, row.difference.p ?? null])),
  );
  tables.set("self-support-monthly", csv(["month", "control_stock", "control_exits", "control_share", "intervention_stock", "intervention_exits", "intervention_share"], results.selfSupport.monthly.map((row) => [row.month, row.control.stock, row.control.exits, row.control.share, row.intervention.stock, row.intervention.exits, row.intervention.share])));
  tables.set("balance", csv(["covariate", "level", "kind", "control_n", "control_mean", "control_sd", "intervention_n", "intervention_mean", "intervention_sd", "smd"], results.balance.map((row) => [row.covariate, row.level, row.kind, row.control.n, row.control.mean, row.control.sd, row.intervention.n, row.intervention.mean, row.intervention.sd, row.smd])));
  tables.set("intake", csv(["week", "control", "intervention"], results.intake.byWeek.map((row) => [row.week, row.control, row.intervention])));
  tables.set("allocation", csv(["week", "n", "intervention", "share", "expected_share", "binomial_p"], results.allocation.byWeek.map((row) => [row.week, row.n, row.intervention, row.share, row.expectedShare, row.binomialP])));
  tables.set("subgroups", csv(["variable", "level", "control_n", "intervention_n", "days_saved", "se", "lower", "upper", "suppressed", "interaction_p"], results.subgroups.flatMap((variable) => variable.groups.map((group) => [variable.variable, group.level, group.n.control, group.n.intervention, group.daysSaved?.estimate, group.daysSaved?.se, group.daysSaved?.lower, group.daysSaved?.upper, group.suppressed ? "yes" : "no", variable.interaction?.p]))));
  const flow = results.flow;
  tables.set(
    "flow",
    csv(["step", "reason", "control", "intervention", "total"], [
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
  );
  if (results.monitoring) {
    tables.set(
      "monitoring",
      csv(
        ["look", "date", "kind", "planned", "status", "days_saved", "se", "information_fraction", "z", "critical_value", "nominal_p", "alpha_spent", "crossed", "rci_lower", "rci_upper", "projected_se", "projected_days_saved_to_cross"],
        results.monitoring.looks.map((look) => [look.look, look.date, look.kind, look.planned ? "yes" : "no", look.status, look.estimate, look.se, look.informationFraction ?? look.projected?.informationFraction ?? null, look.z, look.criticalValue, look.nominalP, look.alphaSpent, look.crossed === null ? null : look.crossed ? "yes" : "no", look.repeatedCi?.lower, look.repeatedCi?.upper, look.projected?.se, look.projected?.estimateToCross]),
      ),
    );
  }
  if (results.sensitivity) {
    tables.set(
      "sensitivity",
      csv(
        ["analysis", "tau", "days_saved", "se", "lower", "upper", "p", "control_n", "intervention_n", "control_left_out", "intervention_left_out", "control_at_risk", "control_at_risk_share", "intervention_at_risk", "intervention_at_risk_share", "few_at_risk", "unavailable", "precision_gain"],
        results.sensitivity.rows.map((row) => [
          row.key, row.tau, row.daysSaved.estimate, row.daysSaved.se, row.daysSaved.lower, row.daysSaved.upper, row.daysSaved.p ?? null,
          row.analysed.control, row.analysed.intervention, row.leftOut?.control, row.leftOut?.intervention,
          row.atRisk?.control.n, row.atRisk?.control.share, row.atRisk?.intervention.n, row.atRisk?.intervention.share,
          row.fewAtRisk === null ? null : row.fewAtRisk ? "yes" : "no", row.unavailable, row.adjustment?.precisionGain,
        ]),
      ),
    );
  }
  if (results.process) {
    const process = results.process;
    tables.set("process-by-week", csv(["week", "control_citizens", "control_held", "control_letters", "control_per_citizen", "intervention_citizens", "intervention_held", "intervention_letters", "intervention_per_citizen"], process.byWeek.map((row) => [row.week, row.control.citizens, row.control.held, row.control.letters, row.control.perCitizen, row.intervention.citizens, row.intervention.held, row.intervention.letters, row.intervention.perCitizen])));
    tables.set("process-per-advisor", csv(["advisor", "planned", "held", "on_time_share"], process.perAdvisor.map((row) => [row.advisor, row.planned, row.held, row.onTimeShare])));
  }
  return tables;
}
