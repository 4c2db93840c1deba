/**
 * The frame of every screen: the skip link, the header with the trial, the
 * menu (only what the user's role may open) and the sign-out form, the main
 * content with one h1, and the style sheet. No script anywhere: every action
 * is a link or a form, so the page works with the keyboard alone and without
 * JavaScript. The layout is one column that wraps, so it reads at 200 % zoom.
 */
import { html, type Html } from "./html.ts";
import { text, type Lang } from "./texts.ts";
import { ROLE_RIGHTS, type Role } from "./users.ts";

export type Screen = "login" | "week" | "lists" | "register" | "users" | "error";

export interface PageUser {
  name: string;
  role: Role;
}

export interface PageInput {
  lang: Lang;
  title: string;
  screen: Screen;
  trialId: string;
  /** The signed-in user, or null on the login and error pages before sign-in. */
  user: PageUser | null;
  /** The CSRF token for the sign-out form (and any form on the page). */
  csrf: string;
  body: Html;
}

/** A whole page as a string, ready to send. */
export function page(input: PageInput): string {
  const { lang, user } = input;
  const t = (key: Parameters<typeof text>[1], values?: Record<string, string | number>) => text(lang, key, values);
  const link = (screen: Screen, href: string, label: string) =>
    html`<li><a href="${href}"${screen === input.screen ? html` aria-current="page"` : ""}>${label}</a></li>`;
  const menu =
    user === null
      ? ""
      : html`<nav aria-label="${t("nav_label")}"><ul>
${link("week", "/uge", t("nav_week"))}
${link("lists", "/lister", t("nav_lists"))}
${link("register", "/register", t("nav_register"))}
${ROLE_RIGHTS[user.role].manageUsers ? link("users", "/brugere", t("nav_users")) : ""}
</ul></nav>
<form method="post" action="/logout" class="logout"><input type="hidden" name="_csrf" value="${input.csrf}"><span>${t("signed_in_as", { user: user.name, role: t(`role_${user.role}`) })}</span> <button type="submit">${t("logout")}</button></form>`;
  return (
    "<!doctype html>\n" +
    String(html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${t("app_name")}</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<a class="skip" href="#main">${t("skip_to_content")}</a>
<header>
<p class="app"><strong>${t("app_name")}</strong> <span>${t("trial", { trial: input.trialId })}</span></p>
${menu}
</header>
<main id="main" tabindex="-1">
<h1>${input.title}</h1>
${input.body}
</main>
</body>
</html>`)
  );
}

/** A message box: `role="alert"` for errors so a screen reader reads it at once, `role="status"` otherwise. */
export function notice(kind: "error" | "ok" | "info", message: Html | string): Html {
  return html`<div class="notice ${kind}" role="${kind === "error" ? "alert" : "status"}">${message}</div>`;
}

/** The hidden CSRF field every form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard (a focusable region with a name). */
export function scrollTable(label: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

/** The style sheet: system fonts, AA contrast, visible focus, one wrapping column. */
export const STYLE_SHEET = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --accent: #1f5f99; --accent-dark: #17476f; --bg: #ffffff; --soft: #f3f6f9; --error: #9b1c1c; --ok: #1e5e36; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; }
a { color: var(--accent-dark); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, .table-scroll:focus-visible, main:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; background: var(--bg); padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 10; }
header { background: var(--soft); border-bottom: 1px solid var(--line); padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
header .app { margin: 0; }
header .app span { color: var(--muted); margin-left: 0.5rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a { display: inline-block; padding: 0.25rem 0.25rem; }
nav a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
.logout { margin-left: auto; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
main { max-width: 72rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin-top: 0.5rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
form.stack { display: grid; gap: 0.75rem; max-width: 36rem; }
label { font-weight: bold; display: block; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0; }
input[type="text"], input[type="password"], input[type="file"], select, textarea { font: inherit; padding: 0.4rem; border: 1px solid #6b6b6b; border-radius: 3px; width: 100%; max-width: 36rem; }
.check { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: normal; }
.check input { margin-top: 0.35rem; }
button, .button { font: inherit; background: var(--accent); color: #ffffff; border: 1px solid var(--accent-dark); border-radius: 3px; padding: 0.45rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: var(--accent-dark); }
button.secondary, .button.secondary { background: var(--bg); color: var(--accent-dark); }
button.danger { background: var(--error); border-color: #6f1414; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.notice { border-left: 6px solid var(--accent); background: var(--soft); padding: 0.75rem 1rem; margin: 1rem 0; max-width: 60rem; }
.notice.error { border-color: var(--error); background: #fbeaea; }
.notice.ok { border-color: var(--ok); background: #e9f5ee; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; min-width: 20rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
figure { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; }
`;

/**
 * A time stored as ISO 8601 (UTC) shown as staff read it: the jobcentre's local
 * time (Europe/Copenhagen), "01.03.2017 13.00" in Danish, "01/03/2017, 13:00" in English.
 */
export function localTime(iso: string, lang: "da" | "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { timeZone: "Europe/Copenhagen", dateStyle: "short", timeStyle: "short" }).format(date);
}
