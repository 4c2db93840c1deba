/**
 * The monitoring boundary across the planned looks (issue 14, item 1): phases 2 and 3
 * for one chart. At each look with a boundary, the two-sided critical value ±c_k of the
 * Lan-DeMets spending function (recomputed for the observed information fractions;
 * projected for the looks still to come), and the z statistic of days saved at every
 * analysed look. The boundary is crossed when |z| >= c_k. Dates on the x-axis, so a
 * committee reads it as a calendar; the table of looks gives the information fractions.
 */
import type { Results } from "@jobtrial/analyze";
import type { Chart } from "./chart-specs.ts";
import type { ChartTables, Row } from "./chart-data.ts";
import type { Lang } from "./format.ts";
import { text } from "./texts.ts";
import { COLORS, FULL_WIDTH, topLevel, Y_AXIS_EXTENT } from "./theme.ts";

type Monitoring = NonNullable<Results["monitoring"]>;
type Look = Monitoring["looks"][number];

/** The look's kind as a short label ("Udvalgsmøde", "Evaluering", "Slutanalyse", "Udtræksdato"). */
export function lookKindLabel(kind: Look["kind"], lang: Lang): string {
  return text(lang, kind === "committee" ? "lookKind_committee" : kind === "evaluation" ? "lookKind_evaluation" : kind === "final" ? "lookKind_final" : "lookKind_asOf");
}

/**
 * The boundary chart's tables:
 * - `boundary`: one row per look with a boundary and per segment, `segment` "observed"
 *   (looks analysed so far) or "projected" (the last analysed look and the looks to come),
 *   with `upper` = c_k and `lower` = −c_k;
 * - `z`: the z statistic of every analysed look.
 * Both empty when no look has a boundary yet.
 */
export function boundaryData(monitoring: Monitoring, lang: Lang): ChartTables {
  const observedLabel = text(lang, "series_boundary");
  const projectedLabel = text(lang, "series_boundaryProjected");
  const withBoundary = monitoring.looks.filter((look) => look.criticalValue !== null);
  const analysed = withBoundary.filter((look) => look.status !== "future");
  const future = withBoundary.filter((look) => look.status === "future");
  const row = (look: Look, segment: "observed" | "projected"): Row => ({
    look: look.look,
    date: look.date,
    kind: look.kind,
    kindLabel: lookKindLabel(look.kind, lang),
    status: look.status,
    segment,
    series: segment === "observed" ? observedLabel : projectedLabel,
    informationFraction: look.informationFraction ?? look.projected?.informationFraction ?? null,
    upper: look.criticalValue,
    lower: look.criticalValue === null ? null : -look.criticalValue,
  });
  const lastAnalysed = analysed[analysed.length - 1];
  const boundary = [
    ...analysed.map((look) => row(look, "observed")),
    ...(future.length > 0 && lastAnalysed ? [row(lastAnalysed, "projected")] : []),
    ...future.map((look) => row(look, "projected")),
  ];
  const z = monitoring.looks
    .filter((look) => look.status === "analysed" && look.z !== null)
    .map((look) => ({ look: look.look, date: look.date, kindLabel: lookKindLabel(look.kind, lang), series: text(lang, "series_z"), z: look.z, crossed: look.crossed }));
  return { boundary, z };
}

/**
 * The chart: the boundary as two lines (solid where observed, dashed where projected),
 * z as points, zero as a rule; the y-axis symmetric around zero. Null when no look has a
 * boundary (the primary horizon not yet estimable at any look, and no projection).
 */
export function boundaryChart(results: Results, lang: Lang): Chart | null {
  const monitoring = results.monitoring ?? null;
  if (!monitoring) return null;
  const tables = boundaryData(monitoring, lang);
  if (tables["boundary"]!.length === 0) return null;
  const magnitudes = [...tables["boundary"]!.map((row) => row["upper"]), ...tables["z"]!.map((row) => row["z"])].filter((value): value is number => typeof value === "number").map(Math.abs);
  const extent = Math.ceil(Math.max(2, ...magnitudes)) + 0.5;
  const x = { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", scale: { padding: 14 }, title: text(lang, "axis_lookDate"), axis: { format: "%b %Y", labelAngle: 0, grid: false, tickCount: 8 } };
  const y = { type: "quantitative", scale: { domain: [-extent, extent], nice: false }, title: text(lang, "axis_z"), axis: { minExtent: Y_AXIS_EXTENT, maxExtent: Y_AXIS_EXTENT, tickMinStep: 1 } };
  const seriesDomain = [text(lang, "series_boundary"), text(lang, "series_boundaryProjected"), text(lang, "series_z")];
  const color = { field: "series", type: "nominal", scale: { domain: seriesDomain, range: [COLORS.negative, "#d99a9a", COLORS.intervention] }, legend: { title: null } };
  const line = (segment: "observed" | "projected", field: "upper" | "lower") => ({
    data: { name: "boundary" },
    transform: [{ filter: `datum.segment == '${segment}'` }],
    mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 30 }, ...(segment === "projected" ? { strokeDash: [5, 3] } : {}) },
    encoding: { x, y: { field, ...y }, color },
  });
  const title = text(lang, "chart_boundary");
  return {
    id: "boundary",
    title,
    tables: { ...tables, zero: [{ value: 0 }] },
    spec: topLevel(lang, title, title, { ...tables, zero: [{ value: 0 }] }, {
      width: FULL_WIDTH,
      height: 220,
      layer: [
        { data: { name: "zero" }, mark: { type: "rule", color: COLORS.neutral }, encoding: { y: { field: "value", ...y } } },
        line("observed", "upper"),
        line("observed", "lower"),
        line("projected", "upper"),
        line("projected", "lower"),
        { data: { name: "z" }, mark: { type: "point", filled: true, size: 80, opacity: 1 }, encoding: { x, y: { field: "z", ...y }, color } },
      ],
    }),
  };
}
