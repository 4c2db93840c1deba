/**
 * Markup by construction, with the report's template: hono's `html` tagged
 * template (`hono/html`) escapes every interpolated value (`&<>"'`) unless it
 * is markup made by `html` itself or marked with `raw`, and flattens arrays
 * element by element. So a file name, a user name or a message reaches the
 * page as text, whoever forgets what. The one thing inserted without escaping
 * is a chart's SVG from Vega's `toSVG()`, which escapes its own text.
 */
import { html as honoHtml, raw } from "hono/html";

/** Markup made by `html` or `trustedSvg`. */
export type Html = ReturnType<typeof raw>;

/** What may be interpolated: markup as it is; text and numbers escaped; null, undefined and false as nothing; arrays element by element. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

/**
 * The tagged template.
 *
 * @example String(html`<td>${'<b> & "x"'}</td>`) // "<td>&lt;b&gt; &amp; &quot;x&quot;</td>"
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  const markup = honoHtml(strings, ...values.map((value) => (value === false ? null : value)));
  // hono returns a promise only when a value is one; ours never are.
  if (markup instanceof Promise) throw new Error("internal: an HTML template was given a promise");
  return markup;
}

/** A chart's SVG as rendered by Vega on the server, inserted as markup. */
export function trustedSvg(svg: string): Html {
  return raw(svg);
}
