/**
 * Phase 3, Vega-Lite specifications: one function per chart, from its chart data
 * (chart-data.ts) to a self-contained spec with the data inline as named datasets.
 * `buildCharts` runs phases 2 and 3 for every chart the results support.
 */
import type { Results } from "@jobtrial/analyze";
import type { BusinessCase } from "./business-case.ts";
import {
  advisorData,
  allocationData,
  balanceData,
  businessCaseData,
  cifData,
  flowData,
  forestData,
  intakeData,
  kmData,
  monthlyData,
  riskTimesShown,
  processData,
  summaryDaysData,
  whereDaysWentData,
  type ChartTables,
  type Row,
} from "./chart-data.ts";
import { boundaryChart } from "./boundary-chart.ts";
import type { Lang } from "./format.ts";
import { text, textOr, type TextKey } from "./texts.ts";
import { armColor, COLORS, FULL_WIDTH, topLevel, Y_AXIS_EXTENT, type VegaLiteSpec } from "./theme.ts";

export type ChartId =
  | "summary-days"
  | "where-days-went"
  | "boundary"
  | "flow"
  | "intake"
  | "allocation"
  | "balance"
  | "km"
  | "cif"
  | "monthly"
  | "process"
  | "advisors"
  | "forest"
  | "net-savings"
  | "cumulative"
  | "tornado";

export interface Chart {
  /** File stem of the chart's JSON and CSV files, and the figure's id in the HTML. */
  id: ChartId;
  title: string;
  /** The chart's data, named tables; each is written as `<id>.<name>.csv`. */
  tables: ChartTables;
  spec: VegaLiteSpec;
}

const yFixed = { minExtent: Y_AXIS_EXTENT, maxExtent: Y_AXIS_EXTENT };
const num = (rows: Row[], field: string) => rows.map((row) => row[field]).filter((value): value is number => typeof value === "number");

function chart(id: ChartId, lang: Lang, titleKey: TextKey, tables: ChartTables, body: VegaLiteSpec): Chart {
  const title = text(lang, titleKey);
  return { id, title, tables, spec: topLevel(lang, title, title, tables, body) };
}

export function summaryDaysChart(results: Results, lang: Lang): Chart {
  const tables = summaryDaysData(results, lang);
  const values = [...num(tables.estimate!, "lower"), ...num(tables.estimate!, "upper"), ...num(tables.references!, "days")];
  const domain = [Math.floor(Math.min(...values) - 2), Math.ceil(Math.max(...values) + 2)];
  const onBenefit = results.daysSaved.measure === "days-on-benefit";
  const x = { type: "quantitative", scale: { domain, nice: false, zero: false }, axis: { title: text(lang, onBenefit ? "axis_daysSavedOnBenefit" : "axis_daysSaved"), tickMinStep: 1, grid: false } };
  return chart("summary-days", lang, onBenefit ? "chart_summaryDaysOnBenefit" : "chart_summaryDays", tables, {
    width: FULL_WIDTH,
    height: 60,
    layer: [
      {
        data: { name: "references" },
        mark: { type: "rule", strokeWidth: 1.5 },
        encoding: {
          x: { field: "days", ...x },
          color: { field: "kind", type: "nominal", scale: { domain: ["expected", "zero"], range: [COLORS.expected, COLORS.neutral] }, legend: null },
          strokeDash: { field: "kind", type: "nominal", scale: { domain: ["expected", "zero"], range: [[5, 3], [1, 0]] }, legend: null },
        },
      },
      {
        data: { name: "references" },
        mark: { type: "text", align: "left", dx: 4, baseline: "top", y: 2, fontSize: 10 },
        encoding: { x: { field: "days", type: "quantitative" }, text: { field: "label" }, color: { field: "kind", type: "nominal", legend: null } },
      },
      { data: { name: "estimate" }, mark: { type: "rule", strokeWidth: 5, color: COLORS.intervention, opacity: 0.45, y: 38 }, encoding: { x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } } },
      { data: { name: "estimate" }, mark: { type: "point", filled: true, size: 220, color: COLORS.intervention, opacity: 1, y: 38 }, encoding: { x: { field: "estimate", type: "quantitative" } } },
    ],
  });
}

/** Where the saved days went: a bar per benefit state (intervention minus control days within tau) with its 95 % interval. */
export function whereDaysWentChart(results: Results, lang: Lang): Chart {
  const tables = whereDaysWentData(results, lang);
  const values = [...num(tables.states!, "lower"), ...num(tables.states!, "upper"), 0];
  const x = {
    type: "quantitative",
    scale: { domain: [Math.floor(Math.min(...values) - 1), Math.ceil(Math.max(...values) + 1)], nice: false },
    title: text(lang, "axis_whereDaysWent", { tau: results.daysSaved.tau }),
    axis: { tickMinStep: 1 },
  };
  // The states in the configuration's order (A-dagpenge first), given explicitly: a layered chart ignores a sort by field.
  const y = { field: "label", type: "nominal", sort: tables.states!.map((row) => row["label"]), title: null, axis: { labelLimit: 300 } };
  return chart("where-days-went", lang, "chart_whereDaysWent", { ...tables, zero: [{ days: 0 }] }, {
    width: 420,
    height: { step: 26 },
    layer: [
      { data: { name: "zero" }, mark: { type: "rule", color: COLORS.neutral }, encoding: { x: { field: "days", ...x } } },
      {
        data: { name: "states" },
        transform: [{ filter: "isValid(datum.estimate)" }],
        mark: { type: "bar", height: { band: 0.6 } },
        encoding: {
          y,
          x: { field: "estimate", ...x },
          color: { field: "support", type: "nominal", scale: { domain: [text(lang, "label_publicSupport"), text(lang, "label_notPublicSupport")], range: [COLORS.control, COLORS.intervention] }, legend: { labelLimit: 300 } },
        },
      },
      { data: { name: "states" }, transform: [{ filter: "isValid(datum.lower)" }], mark: { type: "rule", color: "#222222" }, encoding: { y, x: { field: "lower", ...x }, x2: { field: "upper" } } },
    ],
  });
}

export function flowChart(results: Results, lang: Lang, minCellSize: number): Chart {
  const tables = flowData(results, lang, minCellSize);
  const frame = (axis: "x" | "y") => ({ type: "quantitative", scale: { domain: axis === "x" ? [0, 100] : [0, 100], reverse: axis === "y", nice: false, zero: false }, axis: null });
  return chart("flow", lang, "chart_flow", tables, {
    width: 640,
    height: 560,
    layer: [
      { data: { name: "links" }, mark: { type: "rule", color: COLORS.neutral, strokeWidth: 1 }, encoding: { x: { field: "x", ...frame("x") }, y: { field: "y", ...frame("y") }, x2: { field: "x2" }, y2: { field: "y2" } } },
      {
        data: { name: "boxes" },
        mark: { type: "rect", stroke: COLORS.neutral, strokeWidth: 1, cornerRadius: 2 },
        encoding: {
          x: { field: "x", ...frame("x") },
          x2: { field: "x2" },
          y: { field: "y", ...frame("y") },
          y2: { field: "y2" },
          fill: { field: "emphasis", type: "nominal", scale: { domain: [true, false], range: ["#eaf1f8", "#ffffff"] }, legend: null },
        },
      },
      {
        data: { name: "boxes" },
        mark: { type: "text", align: "left", baseline: "top", lineBreak: "\n", fontSize: 10.5, lineHeight: 14 },
        encoding: { x: { field: "xText", ...frame("x") }, y: { field: "yText", ...frame("y") }, text: { field: "text" } },
      },
    ],
  });
}

const weekAxis = (lang: Lang) => ({ field: "monday", type: "temporal", timeUnit: "utcyearweek", title: text(lang, "axis_week"), axis: { format: "%b %Y", labelAngle: 0, tickCount: 8, grid: false } });

export function intakeChart(results: Results, lang: Lang): Chart {
  const tables = intakeData(results, lang);
  return chart("intake", lang, "chart_intake", tables, {
    width: FULL_WIDTH,
    height: 180,
    data: { name: "intake" },
    transform: [{ filter: "isValid(datum.n)" }],
    mark: { type: "bar" },
    encoding: {
      x: weekAxis(lang),
      y: { field: "n", type: "quantitative", aggregate: "sum", stack: "zero", title: text(lang, "axis_citizens"), axis: yFixed },
      color: armColor(lang),
      order: { field: "arm", sort: "ascending" },
    },
  });
}

export function allocationChart(results: Results, lang: Lang): Chart {
  const tables = allocationData(results);
  const x = weekAxis(lang);
  return chart("allocation", lang, "chart_allocation", tables, {
    width: FULL_WIDTH,
    height: 160,
    data: { name: "allocation" },
    layer: [
      { transform: [{ filter: "isValid(datum.bandLower)" }], mark: { type: "area", color: COLORS.band, opacity: 0.6, interpolate: "step" }, encoding: { x, y: { field: "bandLower", type: "quantitative" }, y2: { field: "bandUpper" } } },
      { mark: { type: "line", color: COLORS.expected, strokeDash: [5, 3], interpolate: "step" }, encoding: { x, y: { field: "expectedShare", type: "quantitative" } } },
      {
        transform: [{ filter: "isValid(datum.share)" }],
        mark: { type: "point", filled: true, size: 22, color: COLORS.intervention },
        encoding: { x, y: { field: "share", type: "quantitative", title: text(lang, "axis_share"), scale: { domain: [0, 1] }, axis: { format: ".0%", ...yFixed } } },
      },
    ],
  });
}

export function balanceChart(results: Results, lang: Lang): Chart {
  const tables = balanceData(results, lang);
  const extreme = Math.max(0.25, ...num(tables.balance!, "absSmd").map((value) => value + 0.05));
  const x = { type: "quantitative", scale: { domain: [-extreme, extreme], nice: false }, title: text(lang, "axis_smd"), axis: { format: ".2f" } };
  return chart("balance", lang, "chart_balance", { ...tables, lines: [{ at: -0.1 }, { at: 0 }, { at: 0.1 }] }, {
    width: 360,
    height: { step: 20 },
    layer: [
      { data: { name: "lines" }, mark: { type: "rule", color: "#999999", strokeDash: [3, 3] }, encoding: { x: { field: "at", ...x } } },
      {
        data: { name: "balance" },
        transform: [{ filter: "isValid(datum.smd)" }],
        mark: { type: "point", filled: true, size: 50, color: COLORS.intervention },
        encoding: { x: { field: "smd", ...x }, y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: 400 } } },
      },
    ],
  });
}

export function kmChart(results: Results, lang: Lang, minCellSize: number): Chart {
  const tables = kmData(results, lang, minCellSize);
  const riskTimes = riskTimesShown(results.duration.riskTable.map((row) => row.time));
  const maxTime = Math.max(...num(tables.curve!, "time"), ...riskTimes);
  const xScale = { domain: [0, maxTime], nice: false, zero: true };
  const x = { field: "time", type: "quantitative", scale: xScale, title: text(lang, "axis_days"), axis: { values: riskTimes, grid: true } };
  const title = text(lang, "chart_km");
  return {
    id: "km",
    title,
    tables,
    spec: topLevel(lang, title, title, tables, {
      spacing: 6,
      vconcat: [
        {
          width: FULL_WIDTH,
          height: 260,
          layer: [
            { data: { name: "curve" }, transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper)" }], mark: { type: "area", interpolate: "step-after", opacity: 0.18 }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" }, color: armColor(lang) } },
            {
              data: { name: "curve" },
              mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
              encoding: { x, y: { field: "surv", type: "quantitative", scale: { domain: [0, 1] }, title: text(lang, "axis_shareUnemployed"), axis: { format: ".0%", ...yFixed } }, color: armColor(lang) },
            },
            { data: { name: "censored" }, mark: { type: "tick", orient: "vertical", thickness: 1, size: 6, opacity: 0.7 }, encoding: { x, y: { field: "surv", type: "quantitative" }, color: armColor(lang) } },
          ],
        },
        {
          width: FULL_WIDTH,
          height: 52,
          title: { text: text(lang, "label_atRisk"), fontSize: 9, fontWeight: "normal", offset: 4 },
          data: { name: "risk" },
          encoding: {
            x: { field: "time", type: "quantitative", scale: xScale, axis: null },
            y: { field: "armLabel", type: "nominal", sort: [text(lang, "arm_control"), text(lang, "arm_intervention")], title: null, axis: { domain: false, ticks: false, labelPadding: 8, labelFontSize: 9, ...yFixed } },
            color: armColor(lang),
          },
          // Number at risk above, cumulative exits below it in each arm's row. The first column
          // starts at the axis, the last ends at the plot's edge, the others are centred on their time.
          layer: [
            ...riskLabelLayers("nRiskLabel", -5, 9, maxTime),
            ...riskLabelLayers("cumEventsLabel", 7, 8, maxTime),
          ],
        },
      ],
    }),
  };
}

/** Text layers of one line of the number-at-risk table, aligned to the x-axis ticks. */
function riskLabelLayers(field: string, dy: number, fontSize: number, maxTime: number): VegaLiteSpec[] {
  const mark = (align: string) => ({ type: "text", fontSize, dy, align, ...(fontSize < 9 ? { opacity: 0.8 } : {}) });
  return [
    { transform: [{ filter: "datum.time == 0" }], mark: mark("left"), encoding: { text: { field } } },
    { transform: [{ filter: `datum.time > 0 && datum.time < ${maxTime}` }], mark: mark("center"), encoding: { text: { field } } },
    { transform: [{ filter: `datum.time >= ${maxTime}` }], mark: mark("right"), encoding: { text: { field } } },
  ];
}

export function cifChart(results: Results, lang: Lang): Chart {
  const tables = cifData(results, lang);
  const stateLabels = results.selfSupport.states.map((state) => textOr(lang, `state_${state}`, state));
  return chart("cif", lang, "chart_cif", tables, {
    data: { name: "cif" },
    facet: { column: { field: "stateLabel", type: "nominal", sort: stateLabels, title: null, header: { labelFontWeight: "bold" } } },
    spec: {
      width: 165,
      height: 190,
      mark: { type: "line", interpolate: "step-after", strokeWidth: 1.8 },
      encoding: {
        x: { field: "time", type: "quantitative", title: text(lang, "axis_days"), axis: { tickCount: 4 } },
        y: { field: "estimate", type: "quantitative", scale: { domain: [0, 1] }, title: text(lang, "axis_cumulativeShare"), axis: { format: ".0%" } },
        color: armColor(lang),
      },
    },
  });
}

export function monthlyChart(results: Results, lang: Lang): Chart {
  const tables = monthlyData(results, lang);
  const x = { field: "date", type: "temporal", timeUnit: "utcyearmonth", title: text(lang, "axis_month"), axis: { format: "%b %y", labelAngle: 0, tickCount: 8 } };
  return chart("monthly", lang, "chart_monthly", tables, {
    width: FULL_WIDTH,
    height: 170,
    data: { name: "monthly" },
    transform: [{ filter: "isValid(datum.share)" }],
    layer: [
      { mark: { type: "line", strokeWidth: 1.8 }, encoding: { x, y: { field: "share", type: "quantitative", title: text(lang, "axis_monthlyShare"), axis: { format: ".0%", ...yFixed } }, color: armColor(lang) } },
      { mark: { type: "point", filled: true, size: 22 }, encoding: { x, y: { field: "share", type: "quantitative" }, color: armColor(lang) } },
    ],
  });
}

export function processChart(results: Results, lang: Lang): Chart {
  const tables = processData(results, lang);
  const x = { field: "week", type: "ordinal", title: text(lang, "axis_programmeWeek"), axis: { labelAngle: 0 } };
  return chart("process", lang, "chart_process", tables, {
    data: { name: "byWeek" },
    facet: { row: { field: "armLabel", type: "nominal", sort: [text(lang, "arm_intervention"), text(lang, "arm_control")], title: null, header: { labelAngle: 0, labelAlign: "left", labelFontWeight: "bold" } } },
    spacing: 10,
    spec: {
      width: 500,
      height: 95,
      layer: [
        { transform: [{ filter: "isValid(datum.perCitizen)" }], mark: { type: "bar" }, encoding: { x, y: { field: "perCitizen", type: "quantitative", title: text(lang, "axis_perCitizen"), scale: { domain: [0, 1.2] } }, color: armColor(lang) } },
        { transform: [{ filter: "isValid(datum.planned)" }], mark: { type: "tick", color: "#222222", thickness: 2 }, encoding: { x, y: { field: "planned", type: "quantitative" } } },
      ],
    },
  });
}

export function advisorChart(results: Results, lang: Lang): Chart {
  const tables = advisorData(results, lang);
  return chart("advisors", lang, "chart_advisors", tables, {
    width: 420,
    height: { step: 14 },
    data: { name: "advisors" },
    transform: [{ filter: "isValid(datum.onTimeShare)" }],
    mark: { type: "bar", color: COLORS.intervention },
    encoding: {
      y: { field: "advisor", type: "nominal", sort: { field: "order" }, title: null },
      x: { field: "onTimeShare", type: "quantitative", scale: { domain: [0, 1] }, title: text(lang, "axis_onTime"), axis: { format: ".0%" } },
    },
  });
}

export function forestChart(results: Results, lang: Lang, minCellSize: number): Chart {
  const tables = forestData(results, lang, minCellSize);
  const values = [...num(tables.forest!, "lower"), ...num(tables.forest!, "upper"), 0, results.precision.expectedDaysSaved];
  const x = { type: "quantitative", scale: { domain: [Math.floor(Math.min(...values) - 2), Math.ceil(Math.max(...values) + 2)], nice: false }, title: text(lang, "axis_daysSaved") };
  const y = { field: "label", type: "nominal", sort: { field: "order" }, title: null, axis: { labelLimit: 400 } };
  return chart("forest", lang, "chart_forest", { ...tables, zero: [{ days: 0 }] }, {
    width: 360,
    height: { step: 24 },
    layer: [
      { data: { name: "zero" }, mark: { type: "rule", color: COLORS.neutral }, encoding: { x: { field: "days", ...x } } },
      { data: { name: "references" }, mark: { type: "rule", color: COLORS.expected, strokeDash: [5, 3] }, encoding: { x: { field: "days", ...x } } },
      { data: { name: "forest" }, transform: [{ filter: "isValid(datum.estimate)" }], mark: { type: "rule", strokeWidth: 2, color: COLORS.intervention }, encoding: { y, x: { field: "lower", ...x }, x2: { field: "upper" } } },
      { data: { name: "forest" }, transform: [{ filter: "isValid(datum.estimate) && !datum.overall" }], mark: { type: "point", shape: "square", size: 60, filled: true, color: COLORS.intervention }, encoding: { y, x: { field: "estimate", ...x } } },
      { data: { name: "forest" }, transform: [{ filter: "isValid(datum.estimate) && datum.overall" }], mark: { type: "point", shape: "diamond", size: 170, filled: true, color: COLORS.intervention }, encoding: { y, x: { field: "estimate", ...x } } },
    ],
  });
}

export function businessCaseCharts(businessCase: BusinessCase, results: Results, lang: Lang): Chart[] {
  const tables = businessCaseData(businessCase, results, lang);
  const mio = (field: string) => ({ calculate: `isValid(datum.${field}) ? datum.${field} / 1e6 : null`, as: `${field}Mio` });
  const yMio = { type: "quantitative", title: text(lang, "axis_mioDkk"), axis: { format: ",.1f", ...yFixed } };
  const xYear = { field: "year", type: "ordinal", title: text(lang, "axis_year"), axis: { labelAngle: 0 } };
  const net = chart("net-savings", lang, "chart_netSavings", { years: tables.years!, zero: [{ value: 0 }] }, {
    width: 380,
    height: 200,
    layer: [
      { data: { name: "zero" }, mark: { type: "rule", color: COLORS.neutral }, encoding: { y: { field: "value", ...yMio } } },
      {
        data: { name: "years" },
        transform: [mio("netSavings")],
        mark: { type: "bar", width: { band: 0.55 } },
        encoding: { x: xYear, y: { field: "netSavingsMio", ...yMio }, color: { field: "sign", type: "nominal", scale: { domain: ["positive", "negative"], range: [COLORS.positive, COLORS.negative] }, legend: null } },
      },
      { data: { name: "years" }, transform: [mio("lower"), mio("upper"), { filter: "isValid(datum.lowerMio)" }], mark: { type: "rule", color: "#222222" }, encoding: { x: xYear, y: { field: "lowerMio", ...yMio }, y2: { field: "upperMio" } } },
      { data: { name: "years" }, transform: [mio("expectedNet"), { filter: "isValid(datum.expectedNetMio)" }], mark: { type: "tick", color: COLORS.expected, thickness: 2, strokeDash: [4, 2] }, encoding: { x: xYear, y: { field: "expectedNetMio", ...yMio } } },
    ],
  });
  const cumulative = chart("cumulative", lang, "chart_cumulative", { cumulative: tables.cumulative!, breakEven: [{ value: 0, label: text(lang, "label_breakEven") }] }, {
    width: 380,
    height: 200,
    layer: [
      { data: { name: "breakEven" }, mark: { type: "rule", color: COLORS.neutral, strokeDash: [5, 3] }, encoding: { y: { field: "value", ...yMio } } },
      { data: { name: "breakEven" }, mark: { type: "text", align: "left", baseline: "bottom", dy: -3, x: 2, color: COLORS.neutral }, encoding: { y: { field: "value", type: "quantitative" }, text: { field: "label" } } },
      { data: { name: "cumulative" }, transform: [mio("lower"), mio("upper"), { filter: "isValid(datum.lowerMio)" }], mark: { type: "area", color: COLORS.intervention, opacity: 0.15 }, encoding: { x: xYear, y: { field: "lowerMio", ...yMio }, y2: { field: "upperMio" } } },
      { data: { name: "cumulative" }, transform: [mio("netSavings")], mark: { type: "line", color: COLORS.intervention, point: true, strokeWidth: 2 }, encoding: { x: xYear, y: { field: "netSavingsMio", ...yMio } } },
    ],
  });
  const charts = [net, cumulative];
  if (tables.tornado!.length > 0) {
    const x = { type: "quantitative", title: `${text(lang, "label_netSavings")}, ${text(lang, "unit_mioDkk")}`, axis: { format: ",.1f" } };
    const y = { field: "label", type: "nominal", sort: { field: "range", order: "descending" }, title: null, axis: { labelLimit: 400 } };
    charts.push(
      chart("tornado", lang, "chart_tornado", { tornadoBars: tables.tornadoBars!, base: tables.base! }, {
        width: 300,
        height: { step: 22 },
        layer: [
          {
            data: { name: "tornadoBars" },
            transform: [mio("from"), mio("to")],
            mark: { type: "bar" },
            encoding: { y, x: { field: "fromMio", ...x }, x2: { field: "toMio" }, color: { field: "side", type: "nominal", scale: { range: ["#9bb7d4", COLORS.intervention] }, legend: { title: null } } },
          },
          { data: { name: "base" }, transform: [mio("base")], mark: { type: "rule", color: "#222222" }, encoding: { x: { field: "baseMio", ...x } } },
        ],
      }),
    );
  }
  return charts;
}

/**
 * Phases 2 and 3 for the whole report: the chart data and the Vega-Lite spec of every
 * chart the results support (where the saved days went only with the benefit panel's
 * paths, the monitoring boundary only when a look has one, process charts only with
 * process data, business-case charts only with a business case), in report order.
 */
export function buildCharts(results: Results, businessCase: BusinessCase | null, lang: Lang, minCellSize: number): Chart[] {
  const charts = [
    summaryDaysChart(results, lang),
    ...(whereDaysWentData(results, lang).states!.length > 0 ? [whereDaysWentChart(results, lang)] : []),
    ...optional(boundaryChart(results, lang)),
    flowChart(results, lang, minCellSize),
    intakeChart(results, lang),
    allocationChart(results, lang),
    balanceChart(results, lang),
    kmChart(results, lang, minCellSize),
    cifChart(results, lang),
    monthlyChart(results, lang),
  ];
  if (results.process) charts.push(processChart(results, lang), advisorChart(results, lang));
  if (results.subgroups.length > 0) charts.push(forestChart(results, lang, minCellSize));
  if (businessCase) charts.push(...businessCaseCharts(businessCase, results, lang));
  return charts;
}

/** A chart the results may not support, as a list of zero or one. */
function optional(chart: Chart | null): Chart[] {
  return chart === null ? [] : [chart];
}
