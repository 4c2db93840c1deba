/**
 * The rule diagnostics as charts, through the report's chart machinery:
 * diagnostics -> chart data -> Vega-Lite spec -> validated against the
 * Vega-Lite schema (`specProblems`) -> SVG rendered on the server
 * (`renderSvg`, no canvas, no script) -> served as an image beside a table
 * with the same figures.
 *
 * 1. Intervention share per week: the observed share (points), the share the
 *    rule and the calendar predict for the week's citizens (a tick) and a
 *    95 % band around it (a grey bar), expected +- 1.959964 * sqrt(p (1 - p) / n) (normal
 *    approximation of the binomial, as the report's allocation chart).
 * 2. Heaping: the share born on the 1st of a month and on 1 January in each
 *    group, observed (bars) against the calendar's expectation (ticks).
 */
import type { diagnoseAllocation } from "@jobtrial/assign";
import { renderSvg, specProblems } from "@jobtrial/report";
import { text, type Lang } from "./texts.ts";

export type AllocationDiagnostics = Awaited<ReturnType<typeof diagnoseAllocation>>;
export type DiagnosticChartId = "uger" | "ophobning";

const FONT = "DejaVu Sans, Verdana, sans-serif";
/** The report's colours for the arms and the expectation. */
const COLORS = { intervention: "#1f5f99", control: "#c4681c", expected: "#7a4fa3", band: "#d9d9d9" };

function config(lang: Lang): Record<string, unknown> {
  return {
    font: FONT,
    background: "white",
    padding: 6,
    locale: { number: lang === "da" ? { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] } : { decimal: ".", thousands: ",", grouping: [3], currency: ["", " DKK"] } },
    view: { stroke: null },
    axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", titleColor: "#333333", labelColor: "#333333", gridColor: "#ebebeb" },
    legend: { labelFont: FONT, labelFontSize: 11, orient: "top", title: null },
    title: { font: FONT, fontSize: 13, anchor: "start", color: "#222222" },
  };
}

/** 95 % band half-width around `share` for `n` citizens (normal approximation). */
function bandHalfWidth(share: number, n: number): number {
  return 1.959964 * Math.sqrt((share * (1 - share)) / n);
}

export function weekShareSpec(diagnostics: AllocationDiagnostics, lang: Lang): Record<string, unknown> {
  const rows = diagnostics.weeks.map((week) => {
    const spread = week.n > 0 ? bandHalfWidth(week.expectedShare, week.n) : null;
    return {
      week: week.week,
      n: week.n,
      share: week.share,
      expectedShare: week.expectedShare,
      bandLower: spread === null ? null : Math.max(0, week.expectedShare - spread),
      bandUpper: spread === null ? null : Math.min(1, week.expectedShare + spread),
    };
  });
  // Weeks as ordered categories: every layer sits in the middle of its week's band, also when there is one week.
  const x = { field: "week", type: "ordinal", sort: "ascending", title: text(lang, "axis_week"), axis: { labelAngle: -90, labelOverlap: "greedy", grid: false } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: text(lang, "chart_week_desc"),
    title: text(lang, "chart_week_title"),
    datasets: { weeks: rows },
    data: { name: "weeks" },
    width: 560,
    height: 200,
    layer: [
      // Per week a grey bar for the band and a tick for the expected share: readable from the first week on (a line needs two).
      { transform: [{ filter: "isValid(datum.bandLower)" }], mark: { type: "rule", color: COLORS.band, strokeWidth: 10 }, encoding: { x, y: { field: "bandLower", type: "quantitative" }, y2: { field: "bandUpper" } } },
      { mark: { type: "tick", color: COLORS.expected, thickness: 2, size: 14, orient: "horizontal" }, encoding: { x, y: { field: "expectedShare", type: "quantitative" } } },
      {
        transform: [{ filter: "isValid(datum.share)" }],
        mark: { type: "point", filled: true, size: 40, color: COLORS.intervention },
        encoding: { x, y: { field: "share", type: "quantitative", title: text(lang, "axis_share"), scale: { domain: [0, 1] }, axis: { format: ".0%" } } },
      },
    ],
    config: config(lang),
  };
}

export function heapingSpec(diagnostics: AllocationDiagnostics, lang: Lang): Record<string, unknown> {
  const rows = (["intervention", "control"] as const).flatMap((arm) =>
    (
      [
        ["first", diagnostics.bornFirstOfMonth[arm]],
        ["january", diagnostics.bornFirstOfJanuary[arm]],
      ] as const
    ).map(([measure, test]) => ({
      label: `${text(lang, arm === "intervention" ? "arm_intervention" : "arm_control")}: ${text(lang, measure === "first" ? "heaping_first" : "heaping_january")}`,
      arm,
      observed: test.share,
      expected: test.expectedShare,
    })),
  );
  const y = { field: "label", type: "nominal", title: null, sort: null, axis: { labelLimit: 260 } };
  const x = { type: "quantitative", title: text(lang, "axis_share_born"), axis: { format: ".0%" }, scale: { domainMin: 0 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: text(lang, "chart_heaping_desc"),
    title: text(lang, "chart_heaping_title"),
    datasets: { heaping: rows },
    data: { name: "heaping" },
    width: 400,
    height: { step: 28 },
    layer: [
      {
        transform: [{ filter: "isValid(datum.observed)" }],
        mark: { type: "bar", height: { band: 0.6 } },
        encoding: { y, x: { field: "observed", ...x }, color: { field: "arm", type: "nominal", scale: { domain: ["intervention", "control"], range: [COLORS.intervention, COLORS.control] }, legend: null } },
      },
      { mark: { type: "tick", color: COLORS.expected, thickness: 3, size: 22 }, encoding: { y, x: { field: "expected", ...x } } },
    ],
    config: config(lang),
  };
}

/** The SVG of a diagnostics chart. Throws when the spec fails the Vega-Lite schema (a bug of ours). */
export async function diagnosticChartSvg(id: DiagnosticChartId, diagnostics: AllocationDiagnostics, lang: Lang): Promise<string> {
  const spec = id === "uger" ? weekShareSpec(diagnostics, lang) : heapingSpec(diagnostics, lang);
  const problems = specProblems(spec);
  if (problems.length > 0) throw new Error(`internal: chart ${id} fails the Vega-Lite schema: ${problems.join("; ")}`);
  return renderSvg(spec);
}
