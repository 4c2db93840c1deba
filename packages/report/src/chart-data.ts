/**
 * Phase 2, chart data: one table (or a few named tables) per chart, built from the
 * disclosed results only. Rows are flat records, so each table is also written as CSV
 * beside the report. Arms keep their codes ("control", "intervention") for reuse and
 * carry a translated label for the chart. Suppressed counts are null.
 */
import type { Results } from "@jobtrial/analyze";
import { isoWeekStart } from "@jobtrial/core";
import type { BusinessCase } from "./business-case.ts";
import { formatNumber, type Lang } from "./format.ts";
import { text, textOr } from "./texts.ts";

export type Arm = "control" | "intervention";
export const ARMS: Arm[] = ["control", "intervention"];
export type Row = Record<string, string | number | boolean | null>;
/** Named tables of one chart. */
export type ChartTables = Record<string, Row[]>;

const armLabel = (lang: Lang, arm: Arm) => text(lang, arm === "control" ? "arm_control" : "arm_intervention");

/**
 * A count as table text: the number (zero included), "skjult" / "hidden" when suppressed,
 * or "ukendt" / "unknown" when `unknown` says the input did not carry it.
 */
export function countLabel(value: number | null, lang: Lang, minCellSize: number, unknown = false): string {
  if (value !== null) return formatNumber(value, lang);
  return unknown ? text(lang, "unknownMark") : text(lang, "suppressedMark", { min: minCellSize });
}

/**
 * True when the count at a dotted path ("flow.screened") is unknown rather than suppressed:
 * listed in the results' `unknown`, or, for files written before that field, the
 * screening counts when the flow has no ineligible reasons and no screened count at all
 * (suppression never empties the list of reasons).
 */
export function isUnknown(results: Results, path: string): boolean {
  if (results.unknown !== undefined) return results.unknown.includes(path);
  const flow = results.flow;
  return ["flow.screened", "flow.ineligible", "flow.invalid"].includes(path) && flow.screened === null && flow.ineligible.length === 0;
}

/**
 * A reason in the flow through the text table: an ineligibility reason from assign is
 * its own code ("before-intake-window"); analyze's exclusion and censoring reasons carry
 * a `code` beside the English text. Reasons without a known code are shown as written.
 */
export function reasonLabel(lang: Lang, entry: { reason: string; code?: string | undefined }, prefix: "ineligible" | "reason"): string {
  const code = entry.code ?? LEGACY_REASON_CODES[entry.reason] ?? entry.reason;
  return textOr(lang, `${prefix}_${code}`, entry.reason);
}

/** Codes of the English reasons analyze wrote before results carried codes. */
const LEGACY_REASON_CODES: Readonly<Record<string, string>> = {
  "as-of date": "as-of-date",
  "ended without exit state": "ended-without-exit-state",
  "entered on or after the as-of date": "entered-after-as-of",
  "no outcome data": "no-outcome-data",
};

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

/**
 * Where the saved days went: per benefit state, intervention minus control expected days
 * within the primary horizon with the 95 % interval (A-dagpenge negative when days are
 * saved; the rows sum to zero). Empty without the weekly benefit panel's paths or when the
 * primary horizon is not estimable.
 */
export function whereDaysWentData(results: Results, lang: Lang): ChartTables {
  const paths = results.paths;
  const horizon = paths?.byHorizon.find((entry) => entry.tau === paths.publicSupportDaysSaved.tau);
  if (!paths || !horizon) return { states: [] };
  const labels = new Map(paths.states.map((state) => [state.name, state.label[lang]]));
  return {
    states: horizon.states.map((entry, order) => ({
      state: entry.state,
      label: labels.get(entry.state) ?? entry.state,
      order,
      public: entry.public,
      support: text(lang, entry.public ? "label_publicSupport" : "label_notPublicSupport"),
      estimate: entry.difference.estimate,
      lower: entry.difference.lower,
      upper: entry.difference.upper,
    })),
  };
}

/** Boxes and connectors of the CONSORT-style flow diagram, in a 0-100 coordinate frame. */
export function flowData(results: Results, lang: Lang, minCellSize: number): ChartTables {
  const flow = results.flow;
  const n = (value: number | null, path?: string) => countLabel(value, lang, minCellSize, path !== undefined && isUnknown(results, path));
  const boxes: Row[] = [];
  const links: Row[] = [];
  const box = (id: string, x: number, x2: number, y: number, y2: number, lines: string[], emphasis = false) =>
    boxes.push({ id, x, x2, y, y2, xText: x + 1.5, yText: y + 2.2, text: lines.join("\n"), emphasis });
  const link = (x: number, y: number, x2: number, y2: number) => links.push({ x, y, x2, y2 });

  const total = (values: (number | null)[]) => (values.every((value) => value !== null) ? values.reduce<number>((a, b) => a + b!, 0) : null);
  // Both arms, or (when an arm's count is hidden) what the screening gives: a sum of shown cells, so it reveals nothing the diagram does not.
  const assignedTotal =
    total([flow.assigned.control, flow.assigned.intervention]) ??
    (flow.screened === null || flow.ineligible.length === 0 ? null : total([flow.screened, ...flow.ineligible.map((entry) => (entry.n === null ? null : -entry.n)), flow.invalid === null ? null : -flow.invalid]));
  box("screened", 20, 60, 1, 8, [text(lang, "flow_screened", { n: n(flow.screened, "flow.screened") })], true);
  const ineligibleLines = isUnknown(results, "flow.ineligible") && flow.ineligible.length === 0 ? [text(lang, "unknownMark")] : flow.ineligible.map((entry) => `${reasonLabel(lang, entry, "ineligible")}: ${n(entry.n)}`);
  box(
    "notAssigned",
    63,
    100,
    3,
    6 + 4 + 3.4 * (ineligibleLines.length + 1),
    [text(lang, "flow_notAssigned"), ...ineligibleLines, text(lang, "flow_invalid", { n: n(flow.invalid, "flow.invalid") })],
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
    const excludedLines = [text(lang, "flow_excluded"), text(lang, "flow_voided", { n: n(flow.voided[arm]) }), ...flow.excluded.map((entry) => `${reasonLabel(lang, entry, "reason")}: ${n(entry[arm])}`)];
    box(`${arm}.excluded`, left + 17, left + 50, 46, 46 + 1.5 + 3.4 * excludedLines.length, excludedLines);
    link(mid, 50, left + 17, 50);
    box(`${arm}.analysed`, left, left + 28, 64, 71, [text(lang, "flow_analysed", { n: n(flow.analysed[arm]) })], true);
    link(mid, 71, mid, 75);
    const censoredLines =
      flow.censored.length > 0
        ? flow.censored.map((entry) => `${reasonLabel(lang, entry, "reason")}: ${n(entry[arm])}`)
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

/** Keys of the built-in covariates by the English names analyze wrote before results carried keys. */
const LEGACY_COVARIATE_KEYS: Readonly<Record<string, string>> = {
  "age at entry": "age",
  sex: "sex",
  "industry group": "industryGroup",
  "born 1 January": "bornFirstJanuary",
  "born on the 1st of a month": "bornFirstOfMonth",
  "replacement number": "replacementNumber",
};

/**
 * The covariate's label through the text table: "Alder ved start", "Køn: kvinde",
 * "Branchegruppe: Team LVU", "A-kasse: 3F". The name is looked up by its key (or, for a
 * cohort column, its column name); a level is data and stays as written, except the
 * codes analyze itself writes (female, male, yes, no). Unknown names are shown as written.
 */
export function covariateLabel(covariate: string, level: string | null, lang: Lang, key?: string): string {
  const name = textOr(lang, `cov_${key ?? LEGACY_COVARIATE_KEYS[covariate] ?? covariate}`, covariate);
  return level === null ? name : `${name}: ${levelLabel(lang, level)}`;
}

/** A level as shown: analyze's own codes (female, male, yes, no) translated, data as written. */
export function levelLabel(lang: Lang, level: string): string {
  return ["female", "male", "yes", "no"].includes(level) ? textOr(lang, `level_${level}`, level) : level;
}

export function balanceData(results: Results, lang: Lang): ChartTables {
  return {
    balance: results.balance.map((row) => ({
      covariate: row.covariate,
      level: row.level,
      label: covariateLabel(row.covariate, row.level, lang, row.key),
      smd: row.smd,
      absSmd: row.smd === null ? null : Math.abs(row.smd),
    })),
  };
}

/** At most this many columns in the number-at-risk table, so the numbers do not run into each other. */
const MAX_RISK_COLUMNS = 8;

/**
 * The times of the number-at-risk table under the Kaplan-Meier chart, which are also the
 * chart's x-axis ticks: the results' risk-table times (every 4th week) thinned to every
 * 8th week, 12th, ... so there are at most 8 columns.
 *
 * @example riskTimesShown([0, 28, 56, ..., 364]) // [0, 56, 112, 168, 224, 280, 336]
 */
export function riskTimesShown(times: readonly number[]): number[] {
  if (times.length <= MAX_RISK_COLUMNS) return [...times];
  const base = times.find((time) => time > 0) ?? 1;
  for (let step = base; ; step += base) {
    const shown = times.filter((time) => time % step === 0);
    if (shown.length <= MAX_RISK_COLUMNS) return shown;
  }
}

/**
 * Kaplan-Meier steps (from S(0) = 1), censoring marks and the number-at-risk table (at
 * `riskTimesShown`), with the number at risk and the cumulative exits as separate labels.
 */
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
  const times = new Set(riskTimesShown(results.duration.riskTable.map((row) => row.time)));
  const risk = results.duration.riskTable
    .filter((row) => times.has(row.time))
    .flatMap((row) =>
      ARMS.map((arm) => ({
        arm,
        armLabel: armLabel(lang, arm),
        time: row.time,
        nRisk: row[arm].nRisk,
        cumEvents: row[arm].cumEvents,
        nRiskLabel: countLabel(row[arm].nRisk, lang, minCellSize),
        cumEventsLabel: `(${countLabel(row[arm].cumEvents, lang, minCellSize)})`,
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

/**
 * A subgroup level for the forest plot: an industry group as written, a sex as
 * "Kvinde", a yes/no variable with its name ("Født 1. januar: ja").
 */
export function subgroupLevelLabel(lang: Lang, subgroup: Results["subgroups"][number], level: string): string {
  const key = subgroup.key ?? LEGACY_COVARIATE_KEYS[subgroup.variable] ?? subgroup.variable;
  if (key === "industryGroup") return level;
  if (key === "sex") {
    const label = levelLabel(lang, level);
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  return covariateLabel(subgroup.variable, level, lang, key);
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
        label: `${subgroupLevelLabel(lang, subgroup, group.level)} (n = ${countLabel(group.n.control, lang, minCellSize)} / ${countLabel(group.n.intervention, lang, minCellSize)})`,
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
