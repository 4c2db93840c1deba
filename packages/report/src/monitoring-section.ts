/**
 * Quarterly monitoring in words and a table (issue 14, items 1 and 2): what the
 * boundary means, where days saved stands at the latest look against it, the repeated
 * confidence intervals of every look, and what it takes to cross the boundary at the
 * next look. Used by the March report's monitoring section and by the quarterly note.
 */
import type { Results } from "@jobtrial/analyze";
import { lookKindLabel } from "./boundary-chart.ts";
import { formatDate, formatInterval, formatNumber, formatPercent, formatSigned, type Lang } from "./format.ts";
import { table, type Cell, type Figure, type HtmlInput, type T } from "./html-parts.ts";
import { html, type Html } from "./html-template.ts";
import { text } from "./texts.ts";

type Monitoring = NonNullable<Results["monitoring"]>;
type Look = Monitoring["looks"][number];

/** The latest look analysed from the data (the March evaluation in March); undefined before any. */
export function currentLook(monitoring: Monitoring): Look | undefined {
  return monitoring.looks.filter((look) => look.status === "analysed").at(-1);
}

/** The first look still to come; undefined after the final analysis. */
export function nextLook(monitoring: Monitoring): Look | undefined {
  return monitoring.looks.find((look) => look.status === "future");
}

/** The spending function in words ("O'Brien-Fleming-type", "Pocock-type"). */
function spendingLabel(monitoring: Monitoring, lang: Lang): string {
  return text(lang, monitoring.spending === "pocock" ? "spending_pocock" : "spending_obrienFleming");
}

/**
 * Where the primary estimate stands at the latest look: the estimate, its repeated 95 %
 * interval, z against the boundary, and whether it is crossed; or that no look has an
 * estimate yet.
 */
export function currentLookSentence(monitoring: Monitoring, lang: Lang): string {
  const look = currentLook(monitoring);
  if (!look || look.estimate === null || look.z === null || look.criticalValue === null || look.repeatedCi === null) {
    return text(lang, "monitoringNow_none", { tau: formatNumber(monitoring.tau, lang) });
  }
  return text(lang, look.crossed ? "monitoringNow_crossed" : "monitoringNow_notCrossed", {
    date: formatDate(look.date, lang),
    estimate: formatSigned(look.estimate, lang, 1),
    lower: formatNumber(look.repeatedCi.lower, lang, 1),
    upper: formatNumber(look.repeatedCi.upper, lang, 1),
    z: formatNumber(look.z, lang, 2),
    boundary: formatNumber(look.criticalValue, lang, 2),
  });
}

/** What the next look brings: its date, the boundary expected then and the days saved (or lost) it takes to cross it. */
export function nextLookSentence(monitoring: Monitoring, lang: Lang): string {
  const look = nextLook(monitoring);
  if (!look) return text(lang, "monitoringNext_none");
  const projected = look.projected;
  if (!projected || projected.criticalValue === null || projected.estimateToCross === null) {
    return text(lang, "monitoringNext_unknown", { date: formatDate(look.date, lang), kind: lookKindLabel(look.kind, lang).toLowerCase() });
  }
  return text(lang, "monitoringNext", {
    date: formatDate(look.date, lang),
    kind: lookKindLabel(look.kind, lang).toLowerCase(),
    boundary: formatNumber(projected.criticalValue, lang, 2),
    days: formatNumber(projected.estimateToCross, lang, 1),
    fraction: formatPercent(projected.informationFraction, lang, 0),
  });
}

/** The design in one sentence: spending function, total alpha, the planned looks and the final analysis. */
export function designSentence(monitoring: Monitoring, lang: Lang): string {
  const planned = monitoring.looks.filter((look) => look.planned).length;
  const spent = currentLook(monitoring)?.alphaSpent ?? 0;
  return text(lang, "monitoringDesign", {
    spending: spendingLabel(monitoring, lang),
    alpha: formatNumber(monitoring.alpha, lang, 2),
    looks: formatNumber(planned, lang),
    final: formatDate(monitoring.finalDate, lang),
    spent: formatNumber(spent, lang, 4),
  });
}

/** The outcome of a look in words: crossed or not, not yet estimable, to come (and what it takes), ... */
function lookOutcome(look: Look, lang: Lang): string {
  switch (look.status) {
    case "analysed":
      return text(lang, look.crossed ? "lookOutcome_crossed" : "lookOutcome_notCrossed");
    case "not-estimable":
      return text(lang, "lookOutcome_notEstimable");
    case "no-new-information":
      return text(lang, "lookOutcome_noNewInformation");
    case "after-final-information":
      return text(lang, "lookOutcome_afterFinal");
    case "future":
      return look.projected?.estimateToCross === null || look.projected?.estimateToCross === undefined
        ? text(lang, "lookOutcome_future")
        : text(lang, "lookOutcome_futureToCross", { days: formatNumber(look.projected.estimateToCross, lang, 1) });
  }
}

/**
 * The table of looks: date and kind, information fraction (projected for looks to come),
 * days saved with z, the boundary ±c_k, the repeated 95 % interval and the outcome.
 * Option `compact`: only the looks analysed so far and the next one. Default: false
 */
export function looksTable(monitoring: Monitoring, t: T, lang: Lang, options: { compact?: boolean } = {}): Html {
  const current = currentLook(monitoring);
  const next = nextLook(monitoring);
  // Compact (the quarterly note): the looks analysed so far and the next one.
  const looks = options.compact ? monitoring.looks.filter((look) => look.status === "analysed" || look.status === "no-new-information" || look === next) : monitoring.looks;
  const rows: Cell[][] = looks.map((look) => {
    const fraction = look.informationFraction ?? look.projected?.informationFraction ?? null;
    const boundary = look.criticalValue ?? look.projected?.criticalValue ?? null;
    return [
      html`${formatDate(look.date, lang)}${look.planned ? null : html` *`}`,
      lookKindLabel(look.kind, lang),
      look.status === "future" && fraction !== null ? html`(${formatPercent(fraction, lang, 0)})` : formatPercent(fraction, lang, 0),
      formatSigned(look.estimate, lang, 1),
      formatNumber(look.z, lang, 2),
      boundary === null ? "\u2013" : html`±${formatNumber(boundary, lang, 2)}`,
      look.repeatedCi === null ? "\u2013" : formatInterval(look.repeatedCi.lower, look.repeatedCi.upper, lang),
      lookOutcome(look, lang),
    ];
  });
  return table(
    [t("th_lookDate"), t("th_lookKind"), t("th_informationFraction"), t("th_daysSaved"), t("th_z"), t("th_boundary"), t("th_repeatedCi"), t("th_outcome")],
    rows,
    [false, false, true, true, true, true, true, false],
    { wide: true, id: "looks-table", rowClasses: looks.map((look) => (look === current ? "current" : look.status === "future" ? "future" : null)) },
  );
}

/** The March report's monitoring section; null when the results carry no monitoring. */
export function monitoringSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { results, lang } = input;
  const monitoring = results.monitoring ?? null;
  if (!monitoring) return null;
  const unplanned = monitoring.looks.some((look) => !look.planned);
  return html`<section id="monitoring"><h2>${t("section_monitoring")}</h2>
<p>${t("monitoringWhy")}</p>
<p>${designSentence(monitoring, lang)}</p>
<p><strong>${currentLookSentence(monitoring, lang)}</strong> ${nextLookSentence(monitoring, lang)}</p>
${figure("boundary")}
<p class="note">${t("monitoringHowToRead")}</p>
${looksTable(monitoring, t, lang)}
<p class="note">${t("monitoringTableNote")}${unplanned ? html` ${t("monitoringUnplannedNote")}` : null}</p></section>`;
}
