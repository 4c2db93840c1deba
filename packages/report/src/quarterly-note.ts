/**
 * The quarterly note for Social- og Arbejdsmarkedsudvalget (issue 14, item 2): one or
 * two A4 pages, Danish by default, assembled from the same disclosed results, business
 * case and rendered charts as the report. In order:
 *
 * 1. in brief: the verdict and where days saved stands against the boundary;
 * 2. intake so far: citizens assigned per year and arm, and how many are analysed;
 * 3. the primary estimate with its repeated confidence interval (and the ordinary one),
 *    days on public support and expenditure beside it, and the boundary chart across the
 *    looks with the looks so far and the next one;
 * 4. money per year: a year of the programme in operation (or the calendar years' total);
 * 5. what to expect at the next look, and when the expected effect becomes detectable.
 *
 * Like the report it is one static file: charts inline as SVG, no script, no request.
 */
import { ARMS, countLabel } from "./chart-data.ts";
import { formatDate, formatInterval, formatNumber, formatSigned } from "./format.ts";
import { detectabilityText, moneyText, pathsText, verdictSentence } from "./html.ts";
import { CSS, documentHead, figures, table, textMarkup, type Cell, type HtmlInput, type T } from "./html-parts.ts";
import { html, joinHtml, type Html } from "./html-template.ts";
import { currentLook, currentLookSentence, looksTable, nextLookSentence } from "./monitoring-section.ts";
import { municipalityLabel, text } from "./texts.ts";

/** Extra print rules of the note: tighter than the report, so it fits on two A4 pages. */
const NOTE_CSS = html`
main.quarterly { padding: 10mm 12mm; }
main.quarterly h1 { font-size: 17pt; }
main.quarterly h2 { font-size: 12pt; margin: 12pt 0 4pt; }
main.quarterly .verdict p { font-size: 11pt; }
main.quarterly figure.chart { margin: 4pt 0 6pt; }
main.quarterly table { margin: 4pt 0 8pt; }
main.quarterly p { margin: 3pt 0 6pt; }
@media print { main.quarterly { padding: 0; } }
`;

/** The whole note as one HTML document; every value escaped by the `html` template. */
export function assembleQuarterlyNote(input: HtmlInput): string {
  const { results, lang } = input;
  const t = textMarkup(lang);
  const figure = figures(input.charts);
  const monitoring = results.monitoring ?? null;
  const look = monitoring ? currentLook(monitoring) : undefined;
  const plannedLooks = monitoring ? monitoring.looks.filter((entry) => entry.planned).length : 0;
  const subtitle = t("noteSubtitle", {
    municipality: municipalityLabel(results.config.municipality, lang),
    asOf: formatDate(results.asOf, lang),
    date: formatDate(input.now.toISOString(), lang),
  });
  const lookLine = monitoring && look ? html` · ${t("noteLookOf", { look: look.look, looks: plannedLooks })}` : null;
  const sections = [
    html`<div class="verdict" id="note-in-brief"><h2>${t("summaryHeading")}</h2><p>${verdictSentence(results, t, lang)}</p>${monitoring ? html`<p class="secondary">${currentLookSentence(monitoring, lang)}</p>` : html`<p class="secondary">${t("noteNoMonitoring")}</p>`}</div>`,
    intakePart(input, t),
    primaryPart(input, t, figure),
    html`<section id="note-money"><h2>${t("noteMoney")}</h2><p>${moneyText(input, t) ?? t("headNetSavingsMissing")}</p></section>`,
    html`<section id="note-next"><h2>${t("noteNext")}</h2><p>${monitoring ? nextLookSentence(monitoring, lang) : t("noteNoMonitoring")} ${detectabilityText(results, t, lang)}</p></section>`,
  ];
  return String(html`<!DOCTYPE html>
<html lang="${lang}">
${documentHead(input.toolVersion, t("noteTitle", { name: results.trial.name }), html`${CSS}${NOTE_CSS}`)}
<body>
<main class="quarterly">
<h1>${t("noteTitle", { name: results.trial.name })}</h1>
<p class="subtitle">${subtitle}${lookLine}</p>
${joinHtml(sections, html`\n`)}
<footer>${t("suppressedNote", { max: input.disclosure.minCellSize - 1, secondary: input.disclosure.secondary })} ${t("footer", { version: input.toolVersion, date: formatDate(input.now.toISOString(), lang) })} · ${results.trial.id}</footer>
</main>
</body>
</html>
`);
}

/**
 * Intake so far: citizens assigned per year and arm (disclosed counts, voided assignments
 * left out as in the intake), their totals, and how many are analysed.
 */
function intakePart(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const min = input.disclosure.minCellSize;
  const count = (value: number | null) => countLabel(value, lang, min);
  const sum = (values: (number | null)[]) => (values.every((value) => value !== null) ? values.reduce<number>((total, value) => total + value!, 0) : null);
  const years = results.intake.byYear;
  const intake = { control: sum(years.map((row) => row.control)), intervention: sum(years.map((row) => row.intervention)) };
  const analysed = results.flow.analysed;
  const rows: Cell[][] = years.map((row) => [String(row.year), ...ARMS.map((arm) => count(row[arm])), count(sum([row.control, row.intervention]))]);
  rows.push([html`<strong>${t("th_total")}</strong>`, ...ARMS.map((arm) => html`<strong>${count(intake[arm])}</strong>`), html`<strong>${count(sum([intake.control, intake.intervention]))}</strong>`]);
  return html`<section id="note-intake"><h2>${t("noteIntake")}</h2>
<p>${t("noteIntakeText", {
    from: formatDate(results.config.intake.firstUnemploymentDayFrom, lang),
    asOf: formatDate(results.asOf, lang),
    total: count(sum([intake.control, intake.intervention])),
    analysed: count(sum([analysed.control, analysed.intervention])),
  })}</p>
${table([t("th_year"), t("arm_control"), t("arm_intervention"), t("th_total")], rows, [false, true, true, true], { id: "note-intake-table" })}</section>`;
}

/** The primary estimate with its repeated and ordinary intervals, the other money-relevant measures, and the boundary across the looks. */
function primaryPart(input: HtmlInput, t: T, figure: ReturnType<typeof figures>): Html {
  const { results, lang } = input;
  const days = results.daysSaved;
  const monitoring = results.monitoring ?? null;
  const look = monitoring ? currentLook(monitoring) : undefined;
  const measure = text(lang, days.measure === "days-on-benefit" ? "primaryRow_onBenefit" : "primaryRow_firstExit", { tau: formatNumber(days.tau, lang) });
  const repeated = look?.repeatedCi ?? null;
  const estimateSentence = t(repeated ? "notePrimary" : "notePrimaryNoRepeated", {
    measure,
    estimate: html`<strong><span data-figure="daysSaved" data-value="${days.estimate === null ? "" : String(days.estimate)}">${formatSigned(days.estimate, lang, 1)}</span></strong>`,
    repeatedLower: repeated ? formatNumber(repeated.lower, lang, 1) : "",
    repeatedUpper: repeated ? formatNumber(repeated.upper, lang, 1) : "",
    interval: formatInterval(days.lower, days.upper, lang),
  });
  const paths = days.measure === "days-on-benefit" ? pathsText(results, t, lang) : null;
  return html`<section id="note-primary"><h2>${t("notePrimaryHeading")}</h2>
<p>${estimateSentence}${paths ? html` ${paths}` : null}</p>
${monitoring ? html`${figure("boundary")}<p class="note">${t("monitoringHowToRead")}</p>${looksTable(monitoring, t, lang, { compact: true })}` : null}
<p class="note">${t("signConvention")}</p></section>`;
}
