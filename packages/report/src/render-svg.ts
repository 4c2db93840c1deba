/**
 * Phase 5, render: a Vega-Lite spec compiled to Vega and rendered to an SVG string on
 * the server, with `renderer: "none"` and no canvas. Without a canvas Vega estimates
 * text width from the font size and character count, so the same spec gives the same
 * SVG on every machine (the font itself is pinned in theme.ts).
 */
import type { LoggerInterface } from "vega";
import type { TopLevelSpec } from "vega-lite";

/**
 * Renders one Vega-Lite spec to SVG. Throws when Vega-Lite or Vega reject the spec (a bug of ours).
 * Vega and Vega-Lite load on first use: they take seconds to import, and every
 * `jobtrial` command would otherwise pay for them at start-up.
 */
export async function renderSvg(spec: Record<string, unknown>, warnings: string[] = []): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const vegaSpec = compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings) }).spec;
  const view = new View(parse(vegaSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A Vega logger that collects warnings instead of printing them; errors throw. */
class CollectingLogger {
  #level = 2;
  constructor(private readonly warnings: string[]) {}
  level(value?: number): number | this {
    if (value === undefined) return this.#level;
    this.#level = value;
    return this;
  }
  error(...args: unknown[]): this {
    throw new Error(args.map(String).join(" "));
  }
  warn(...args: unknown[]): this {
    this.warnings.push(args.map(String).join(" "));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

function collectingLogger(warnings: string[]): LoggerInterface {
  return new CollectingLogger(warnings);
}
