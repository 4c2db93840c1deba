/**
 * Phase 2, chart data: one table (or a few named tables) per chart, built from the
 * disclosed results only. Rows are flat records, so each table is also written as CSV
 * beside the report. Arms keep their codes ("control", "intervention") for reuse and
 * carry a translated label for the chart. Suppressed counts are null.
 */
import type { Results } from "@jobtrial/analyze";
import { isoWeekStart } from "@jobtrial/assign";
import type { BusinessCase } from "./business-case.ts";
import { formatNumber, type Lang } from "./format.ts";
import { text, textOr } from "./texts.ts";

export type Arm = "control" | "intervention";
export const ARMS: Arm[] = ["control", "intervention"];
export type Row = Record<string, string | number | boolean | null>;
/** Named tables of one chart. */
export type ChartTables = Record<string, Row[]>;

const armLabel = (lang: Lang, arm: Arm) => text(lang, arm === "control" ? "arm_control" : "arm_intervention");

/** A count as table text: the number, or "<5" when suppressed. */
export function countLabel(value: number | null, lang: Lang, minCellSize: number): string {
  return value === null ? text(lang, "suppressedMark", { min: minCellSize }) : formatNumber(value, lang);
}

/** Days saved with its interval, against the expectation and the minimum detectable effect. */
export function summaryDaysData(results: Results, lang: Lang): ChartTables {
  const { estimate, lower, upper } = results.daysSaved;
  return {
    estimate: [{ label: text(lang, "label_estimate"), estimate, lower, upper }],
    references: [
      { kind: "expected", label: text(lang, "label_expected"), days: results.precision.expectedDaysSaved },
      { kind: "zero", label: text(lang, "label_noEffect"), days: 0 },
    ],
  };
}

/** Boxes and connectors of the CONSORT-style flow diagram, in a 0-100 coordinate frame. */
export function flowData(results: Results, lang: Lang, minCellSize: number): ChartTables {
  const flow = results.flow;
  const n = (value: number | null) => countLabel(value, lang, minCellSize);
  const boxes: Row[] = [];
  const links: Row[] = [];
  const box = (id: string, x: number, x2: number, y: number, y2: number, lines: string[], emphasis = false) =>
    boxes.push({ id, x, x2, y, y2, xText: x + 1.5, yText: y + 2.2, text: lines.join("\n"), emphasis });
  const link = (x: number, y: number, x2: number, y2: number) => links.push({ x, y, x2, y2 });

  const total = (values: (number | null)[]) => (values.every((value) => value !== null) ? values.reduce<number>((a, b) => a + b!, 0) : null);
  const assignedTotal = total([flow.assigned.control, flow.assigned.intervention]);
  box("screened", 20, 60, 1, 8, [text(lang, "flow_screened", { n: n(flow.screened) })], true);
  box(
    "notAssigned",
    63,
    100,
    3,
    6 + 4 + 3.4 * (flow.ineligible.length + 1),
    [text(lang, "flow_notAssigned"), ...flow.ineligible.map((entry) => `${entry.reason}: ${n(entry.n)}`), text(lang, "flow_invalid", { n: n(flow.invalid) })],
  );
  link(40, 8, 40, 22);
  link(40, 12, 63, 12);
  box("assigned", 20, 60, 22, 29, [text(lang, "flow_assigned", { n: n(assignedTotal) })], true);
  link(40, 29, 40, 33);
  link(9, 33, 59, 33);
  const columns: Record<Arm, number> = { intervention: 0, control: 50 };
  for (const arm of ["intervention", "control"] as const) {
    const left = columns[arm];
    const mid = left + 9;
    link(mid, 33, mid, 36);
    box(`${arm}.assigned`, left, left + 28, 36, 43, [text(lang, "flow_arm", { arm: armLabel(lang, arm), n: n(flow.assigned[arm]) })], true);
    link(mid, 43, mid, 64);
    const excludedLines = [text(lang, "flow_excluded"), text(lang, "flow_voided", { n: n(flow.voided[arm]) }), ...flow.excluded.map((entry) => `${entry.reason}: ${n(entry[arm])}`)];
    box(`${arm}.excluded`, left + 17, left + 50, 46, 46 + 1.5 + 3.4 * excludedLines.length, excludedLines);
    link(mid, 50, left + 17, 50);
    box(`${arm}.analysed`, left, left + 28, 64, 71, [text(lang, "flow_analysed", { n: n(flow.analysed[arm]) })], true);
    link(mid, 71, mid, 75);
    const censoredLines =
      flow.censored.length > 0
        ? flow.censored.map((entry) => `${entry.reason}: ${n(entry[arm])}`)
        : [text(lang, "flow_stillRunning", { n: n(flow.stillRunning[arm]) })];
    box(`${arm}.outcome`, left, left + 46, 75, 75 + 5 + 3.4 * (censoredLines.length + 1), [text(lang, "flow_exited", { n: n(flow.exited[arm]) }), `${text(lang, "flow_censored")}:`, ...censoredLines.map((line) => `  ${line}`)]);
  }
  return { boxes, links };
}

/** Intake per ISO week and arm, dated by the week's Monday. */
export function intakeData(results: Results, lang: Lang): ChartTables {
  return {
    intake: results.intake.byWeek.flatMap((row) =>
      ARMS.map((arm) => ({ week: row.week, monday: isoWeekStart(row.week), arm, armLabel: armLabel(lang, arm), n: row[arm] })),
    ),
  };
}

/** Observed intervention share per week with the rule's expected share and a 95 % binomial band around it. */
export function allocationData(results: Results): ChartTables {
  return {
    allocation: results.allocation.byWeek.map((row) => {
      const spread = row.n !== null && row.n > 0 ? 1.959964 * Math.sqrt((row.expectedShare * (1 - row.expectedShare)) / row.n) : null;
      return {
        week: row.week,
        monday: isoWeekStart(row.week),
        n: row.n,
        share: row.share,
        expectedShare: row.expectedShare,
        bandLower: spread === null ? null : Math.max(0, row.expectedShare - spread),
        bandUpper: spread === null ? null : Math.min(1, row.expectedShare + spread),
      };
    }),
  };
}

/** The covariate's label: "Alder", "Branchegruppe: Team LVU". */
export function covariateLabel(covariate: string, level: string | null, lang: Lang): string {
  const name = textOr(lang, `cov_${covariate}`, covariate);
  return level === null ? name : `${name}: ${level}`;
}

export function balanceData(results: Results, lang: Lang): ChartTables {
  return {
    balance: results.balance.map((row) => ({
      covariate: row.covariate,
      level: row.level,
      label: covariateLabel(row.covariate, row.level, lang),
      smd: row.smd,
      absSmd: row.smd === null ? null : Math.abs(row.smd),
    })),
  };
}

/** Kaplan-Meier steps (from S(0) = 1), censoring marks and the number-at-risk table. */
export function kmData(results: Results, lang: Lang, minCellSize: number): ChartTables {
  const curve: Row[] = [];
  const censored: Row[] = [];
  for (const arm of ARMS) {
    const label = armLabel(lang, arm);
    curve.push({ arm, armLabel: label, time: 0, surv: 1, lower: 1, upper: 1 });
    for (const row of results.km[arm]) {
      curve.push({ arm, armLabel: label, time: row.time, surv: row.surv, lower: row.lower, upper: row.upper });
      if (row.nCensor > 0) censored.push({ arm, armLabel: label, time: row.time, surv: row.surv });
    }
  }
  const risk = results.duration.riskTable.flatMap((row) =>
    ARMS.map((arm) => ({
      arm,
      armLabel: armLabel(lang, arm),
      time: row.time,
      nRisk: row[arm].nRisk,
      cumEvents: row[arm].cumEvents,
      label: `${countLabel(row[arm].nRisk, lang, minCellSize)} (${countLabel(row[arm].cumEvents, lang, minCellSize)})`,
    })),
  );
  return { curve, censored, risk };
}

/** Cumulative incidence by arm and exit state (S(0) = 0 added). */
export function cifData(results: Results, lang: Lang): ChartTables {
  const cif: Row[] = [];
  for (const arm of ARMS) {
    for (const state of results.selfSupport.states) {
      const stateLabel = textOr(lang, `state_${state}`, state);
      cif.push({ arm, armLabel: armLabel(lang, arm), state, stateLabel, time: 0, estimate: 0 });
      for (const row of results.selfSupport.cif[arm][state] ?? []) {
        cif.push({ arm, armLabel: armLabel(lang, arm), state, stateLabel, time: row.time, estimate: row.estimate });
      }
    }
  }
  return { cif };
}

export function monthlyData(results: Results, lang: Lang): ChartTables {
  return {
    monthly: results.selfSupport.monthly.flatMap((row) =>
      ARMS.map((arm) => ({ month: row.month, date: `${row.month}-01`, arm, armLabel: armLabel(lang, arm), stock: row[arm].stock, exits: row[arm].exits, share: row[arm].share })),
    ),
  };
}

/**
 * Conversations per citizen by programme week, one row per week and arm, with
 * `planned` = 1 in the weeks the protocol plans a conversation (else null).
 */
export function processData(results: Results, lang: Lang): ChartTables {
  const process = results.process;
  if (!process) return { byWeek: [] };
  const plannedWeeks = { control: new Set(results.config.protocol.control.map((c) => c.week)), intervention: new Set(results.config.protocol.intervention.map((c) => c.week)) };
  const byWeek = process.byWeek.flatMap((row) =>
    ARMS.map((arm) => ({
      week: row.week,
      arm,
      armLabel: armLabel(lang, arm),
      citizens: row[arm].citizens,
      held: row[arm].held,
      letters: row[arm].letters,
      perCitizen: row[arm].perCitizen,
      planned: plannedWeeks[arm].has(row.week) ? 1 : null,
    })),
  );
  return { byWeek };
}

/**
 * On-time share per advisor. Advisors are never named: they are numbered 1, 2, ... in
 * order of their on-time share (highest first), whatever identifier the results carry.
 */
export function advisorData(results: Results, lang: Lang): ChartTables {
  const rows = [...(results.process?.perAdvisor ?? [])].sort((a, b) => (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1));
  return {
    advisors: rows.map((row, index) => ({ advisor: text(lang, "label_advisorN", { n: index + 1 }), order: index + 1, planned: row.planned, held: row.held, onTimeShare: row.onTimeShare })),
  };
}

/** Days saved per subgroup level, and overall, for the forest plot. */
export function forestData(results: Results, lang: Lang, minCellSize: number): ChartTables {
  const forest: Row[] = [];
  let order = 0;
  for (const subgroup of results.subgroups) {
    for (const group of subgroup.groups) {
      forest.push({
        variable: subgroup.variable,
        level: group.level,
        label: `${group.level} (n = ${countLabel(group.n.control, lang, minCellSize)} / ${countLabel(group.n.intervention, lang, minCellSize)})`,
        order: order++,
        estimate: group.daysSaved?.estimate ?? null,
        lower: group.daysSaved?.lower ?? null,
        upper: group.daysSaved?.upper ?? null,
        overall: false,
      });
    }
  }
  forest.push({ variable: "all", level: "all", label: text(lang, "label_overall"), order: order++, estimate: results.daysSaved.estimate, lower: results.daysSaved.lower, upper: results.daysSaved.upper, overall: true });
  return { forest, references: [{ kind: "expected", label: text(lang, "label_expected"), days: results.precision.expectedDaysSaved }] };
}

/** Net savings per year with the expectation, and the cumulative net savings. */
export function businessCaseData(businessCase: BusinessCase, results: Results, lang: Lang): ChartTables {
  const expected = results.config.expectations;
  const years = businessCase.years.map((year) => ({
    year: String(year.year),
    cost: year.cost,
    grossSavings: year.grossSavings,
    netSavings: year.netSavings,
    lower: year.lower,
    upper: year.upper,
    expectedNet: year.year >= expected.fromYear && year.year <= expected.toYear ? expected.netSavingsPerYear : null,
    sign: year.netSavings >= 0 ? "positive" : "negative",
  }));
  let net = 0;
  let lower: number | null = 0;
  let upper: number | null = 0;
  const cumulative = businessCase.years.map((year) => {
    net += year.netSavings;
    lower = lower === null || year.lower === null ? null : lower + year.lower;
    upper = upper === null || year.upper === null ? null : upper + year.upper;
    return { year: String(year.year), netSavings: net, lower, upper };
  });
  const totalNet = businessCase.total.netSavings;
  const tornado = businessCase.sensitivity
    .map((entry) => ({
      parameter: entry.parameter,
      label: textOr(lang, `sens_${entry.parameter}`, entry.label),
      lowValue: entry.lowValue,
      highValue: entry.highValue,
      low: entry.low,
      high: entry.high,
      base: totalNet,
      range: Math.abs(entry.high - entry.low),
    }))
    .sort((a, b) => b.range - a.range);
  const tornadoBars = tornado.flatMap((entry) => [
    { parameter: entry.parameter, label: entry.label, side: text(lang, "label_low"), from: entry.base, to: entry.low, range: entry.range },
    { parameter: entry.parameter, label: entry.label, side: text(lang, "label_high"), from: entry.base, to: entry.high, range: entry.range },
  ]);
  return { years, cumulative, tornado, tornadoBars, base: [{ base: totalNet, label: text(lang, "label_netSavings") }] };
}
