/**
 * HTML by construction: the report writes markup only through the `html` tagged
 * template, which escapes every interpolated value (`&<>"'`, for element content and
 * quoted attribute values alike) unless the value is itself markup made by `html` or
 * marked with `trustedHtml`. A label from results.json that holds `<script>` or a quote
 * therefore reaches the page as text, whoever forgets what.
 *
 * The template is hono's `html` helper (`hono/html`): a tagged template that escapes by
 * default, flattens arrays (each element escaped on its own), and marks trusted markup
 * explicitly with `raw`. Chosen over html-template-tag (joins arrays without escaping
 * them and drops interpolations in `href`/`content` attributes), @kitajs/html and
 * typed-html (JSX: a compile setting, and kitajs escapes only children marked `safe`),
 * htm + vhtml (re-serializes every element, so the report's bytes would change) and
 * lit-html's server renderer (part markers in the output). hono has no dependencies,
 * runs in Node 20 as it is, is among the most used and most actively kept packages on
 * npm, and the same helper can serve the staff web page.
 */
import { html as honoHtml, raw } from "hono/html";

/** Markup: made by `html`, `joinHtml` or `trustedHtml`, never by string concatenation. */
export type Html = ReturnType<typeof raw>;

/**
 * What may be interpolated: markup as it is; text and numbers escaped; null and
 * undefined as nothing; arrays element by element.
 */
export type HtmlValue = Html | string | number | null | undefined | readonly HtmlValue[];

/**
 * The tagged template: `html\`<td>${label}</td>\`` escapes `label` unless it is `Html`.
 *
 * @example String(html`<td>${'<b> & "x"'}</td>`) // "<td>&lt;b&gt; &amp; &quot;x&quot;</td>"
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  const markup = honoHtml(strings, ...values);
  // hono returns a promise only when a value is one; the report's values never are.
  if (markup instanceof Promise) throw new Error("internal: an HTML template was given a promise");
  return markup;
}

/**
 * Markup the report made itself and vouches for, inserted without escaping: only the
 * server-rendered SVG of a chart (Vega's `toSVG()`, which escapes its own text).
 */
export function trustedHtml(markup: string): Html {
  return raw(markup);
}

/** Markup fragments with `separator` between them. */
export function joinHtml(parts: readonly Html[], separator: Html): Html {
  return html`${parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))}`;
}
