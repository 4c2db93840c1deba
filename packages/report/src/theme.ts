/**
 * The look shared by every chart: pinned font, sizes, colours and the number and
 * time locale. The font is pinned so the SVG is identical on every machine: Vega
 * has no canvas here, so it estimates text width from the font size and the number
 * of characters, independent of the fonts installed. DejaVu Sans (Debian's default,
 * also in Chromium there) comes first; Verdana has nearly the same widths.
 */
import { vegaNumberLocale, vegaTimeLocale, type Lang } from "./format.ts";
import { text } from "./texts.ts";

export const FONT = "DejaVu Sans, Verdana, sans-serif";
export const SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v6.json";
/** Width of a full-width chart's plotting area, px (fits A4 portrait with margins). */
export const FULL_WIDTH = 560;
/** Fixed width of the y-axis area, px, so stacked charts line up. */
export const Y_AXIS_EXTENT = 95;

export const COLORS = {
  control: "#c4681c",
  intervention: "#1f5f99",
  neutral: "#555555",
  band: "#d9d9d9",
  positive: "#2e7d4f",
  negative: "#b23a3a",
  expected: "#7a4fa3",
};

export type VegaLiteSpec = Record<string, unknown>;

export function baseConfig(lang: Lang): Record<string, unknown> {
  return {
    font: FONT,
    background: "white",
    padding: 6,
    locale: { number: vegaNumberLocale(lang), time: vegaTimeLocale(lang) },
    view: { stroke: null },
    axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", titleColor: "#333333", labelColor: "#333333", gridColor: "#ebebeb", domainColor: "#888888", tickColor: "#888888" },
    legend: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 10, orient: "top", direction: "horizontal", title: null, symbolOpacity: 1 },
    header: { labelFont: FONT, titleFont: FONT, labelFontSize: 11 },
    title: { font: FONT, fontSize: 12, fontWeight: "bold", anchor: "start", color: "#222222", offset: 8 },
    text: { font: FONT, fontSize: 10 },
    mark: { font: FONT },
  };
}

/** The colour encoding of the arms, control first, with translated labels. */
export function armColor(lang: Lang): Record<string, unknown> {
  return {
    field: "armLabel",
    type: "nominal",
    scale: { domain: [text(lang, "arm_control"), text(lang, "arm_intervention")], range: [COLORS.control, COLORS.intervention] },
    legend: { title: null },
  };
}

/** A top-level spec with the shared frame: schema, title, inline named datasets, config. */
export function topLevel(lang: Lang, title: string, description: string, datasets: Record<string, unknown[]>, body: VegaLiteSpec): VegaLiteSpec {
  return {
    $schema: SCHEMA_URL,
    description,
    title,
    datasets,
    ...body,
    config: baseConfig(lang),
  };
}
