/**
 * The report's first table: the primary estimate beside its sensitivity analyses (issue
 * 14, item 3) and the secondary measures (issue 13, item 2), with the sign convention
 * said once under it and a warning for every horizon where few are still followed.
 *
 * Rows, in order (each only when the results carry it):
 * - primary: days saved as results.json measures it (days on A-dagpenge with re-entries
 *   when the weekly benefit panel was given, else days to the first exit);
 * - sensitivity: without citizens registered born on the 1st of a month, without those
 *   born 1 January, the horizons (182, 273, 364 days) with the share still followed at
 *   each, and the covariate-adjusted estimate with its method and precision gain;
 * - secondary: days on any public support saved, expenditure per citizen saved, days to
 *   the first exit (when it is not the primary), and the project's own average of
 *   completed spells, shown without interval and test and labelled as biased.
 *
 * One sign convention: every estimate in the table is a gain for the intervention when
 * positive (control minus intervention for days and kroner).
 */
import { analyzeNoteText, type Results } from "@jobtrial/analyze";
import { countLabel, covariateLabel } from "./chart-data.ts";
import { formatDkk, formatInterval, formatNumber, formatP, formatPercent, formatSigned, type Lang } from "./format.ts";
import { table, type Cell, type HtmlInput, type T } from "./html-parts.ts";
import { html, type Html } from "./html-template.ts";
import { text, type TextKey } from "./texts.ts";

type SensitivityRow = NonNullable<Results["sensitivity"]>["rows"][number];

/** One row of the first table, as data. */
export interface PrimaryTableRow {
  /** Stable key: "primary", "without-born-first-of-month", "horizon-182", "covariate-adjusted", "public-support", "expenditure", "days-to-first-exit", "completed-spells". */
  key: string;
  group: "primary" | "sensitivity" | "secondary";
  label: string;
  unit: "days" | "dkk";
  estimate: number | null;
  /** 95 % interval and p-value; null where none is shown (the completed-spell average never has one). */
  lower: number | null;
  upper: number | null;
  p: number | null;
  /** Who is in the analysis, the share still followed, the method, or why there is no estimate. */
  note: string;
  /** Fewer than the threshold still followed at the row's horizon. */
  warn: boolean;
}

/** The first table's rows from the (disclosed) results; see the module comment for the order. */
export function primaryTableRows(results: Results, lang: Lang, minCellSize: number): PrimaryTableRow[] {
  const rows: PrimaryTableRow[] = [];
  const sensitivity = results.sensitivity ?? null;
  const onBenefit = results.daysSaved.measure === "days-on-benefit";
  const days = results.daysSaved;
  const count = (value: number | null) => countLabel(value, lang, minCellSize);
  const perArm = (block: { control: number | null; intervention: number | null }) => text(lang, "primaryNote_perArm", { control: count(block.control), intervention: count(block.intervention) });
  const atRiskNote = (row: SensitivityRow) =>
    row.atRisk === null
      ? ""
      : text(lang, "primaryNote_atRisk", {
          tau: formatNumber(row.tau, lang),
          control: formatPercent(row.atRisk.control.share, lang, 0),
          intervention: formatPercent(row.atRisk.intervention.share, lang, 0),
        });
  const estimateOf = (row: SensitivityRow) => ({ estimate: row.daysSaved.estimate, lower: row.daysSaved.lower, upper: row.daysSaved.upper, p: row.daysSaved.p ?? null });
  const joinNotes = (...notes: string[]) => notes.filter((note) => note !== "").join("; ");

  const primaryRow = sensitivity?.rows.find((row) => row.key === "primary");
  rows.push({
    key: "primary",
    group: "primary",
    label: text(lang, onBenefit ? "primaryRow_onBenefit" : "primaryRow_firstExit", { tau: formatNumber(days.tau, lang) }),
    unit: "days",
    estimate: days.estimate,
    lower: days.lower,
    upper: days.upper,
    p: days.p ?? null,
    note: primaryRow ? joinNotes(perArm(primaryRow.analysed), atRiskNote(primaryRow)) : perArm(results.flow.analysed),
    warn: primaryRow?.fewAtRisk === true,
  });

  for (const row of sensitivity?.rows ?? []) {
    if (row.key === "primary") continue;
    const unavailable = row.unavailable === null ? "" : text(lang, `primaryUnavailable_${row.unavailable}`);
    if (row.key === "without-born-first-of-month" || row.key === "without-born-january-1") {
      rows.push({
        key: row.key,
        group: "sensitivity",
        label: text(lang, row.key === "without-born-first-of-month" ? "primaryRow_withoutFirstOfMonth" : "primaryRow_withoutJanuary1"),
        unit: "days",
        ...estimateOf(row),
        note: joinNotes(unavailable, row.leftOut === null ? "" : text(lang, "primaryNote_leftOut", { control: count(row.leftOut.control), intervention: count(row.leftOut.intervention) })),
        warn: false,
      });
    } else if (row.key === "horizon") {
      rows.push({
        key: `horizon-${row.tau}`,
        group: "sensitivity",
        label: text(lang, "primaryRow_horizon", { tau: formatNumber(row.tau, lang) }),
        unit: "days",
        ...estimateOf(row),
        note: joinNotes(unavailable, atRiskNote(row)),
        warn: row.fewAtRisk === true,
      });
    } else {
      const adjustment = row.adjustment;
      const method = adjustment
        ? text(lang, "primaryNote_adjusted", {
            method: text(lang, "adjustmentMethod_pseudo-observation-regression"),
            covariates: formatNumber(adjustment.covariates.length, lang),
            gain: formatPercent(adjustment.precisionGain, lang, 0),
          })
        : "";
      rows.push({ key: row.key, group: "sensitivity", label: text(lang, "primaryRow_adjusted"), unit: "days", ...estimateOf(row), note: joinNotes(unavailable, method), warn: false });
    }
  }

  const paths = results.paths ?? null;
  if (paths) {
    const support = paths.publicSupportDaysSaved;
    rows.push({
      key: "public-support",
      group: "secondary",
      label: text(lang, "primaryRow_publicSupport", { tau: formatNumber(support.tau, lang) }),
      unit: "days",
      estimate: support.estimate,
      lower: support.lower,
      upper: support.upper,
      p: support.p ?? null,
      note: text(lang, "primaryNote_publicSupport"),
      warn: false,
    });
  }
  const expenditure = results.expenditure ?? null;
  if (expenditure) {
    const saving = expenditure.saving;
    rows.push({
      key: "expenditure",
      group: "secondary",
      label: text(lang, "primaryRow_expenditure", { tau: formatNumber(saving.tau, lang) }),
      unit: "dkk",
      estimate: saving.estimate,
      lower: saving.lower,
      upper: saving.upper,
      p: saving.p ?? null,
      note: text(lang, "primaryNote_expenditure"),
      warn: false,
    });
  }
  const firstExit = results.daysToFirstExit;
  if (onBenefit && firstExit) {
    rows.push({
      key: "days-to-first-exit",
      group: "secondary",
      label: text(lang, "primaryRow_firstExit", { tau: formatNumber(firstExit.tau, lang) }),
      unit: "days",
      estimate: firstExit.estimate,
      lower: firstExit.lower,
      upper: firstExit.upper,
      p: firstExit.p ?? null,
      note: text(lang, "primaryNote_firstExitSecondary"),
      warn: false,
    });
  }
  const completed = results.completedSpells;
  rows.push({
    key: "completed-spells",
    group: "secondary",
    label: text(lang, "primaryRow_completed"),
    unit: "days",
    estimate: completed.difference.estimate,
    lower: null,
    upper: null,
    p: null,
    note: text(lang, "primaryNote_completed"),
    warn: false,
  });
  return rows;
}

/**
 * The warnings under the first table: every row whose horizon has fewer than the
 * threshold still followed, and the analysis's own notes on the primary estimate (a
 * sign change between horizons, a heaping flag the cohort does not carry, an adjusted
 * estimate that cannot be computed), worded by analyze's message catalogue.
 */
export function primaryWarnings(results: Results, rows: readonly PrimaryTableRow[], lang: Lang): string[] {
  const threshold = results.sensitivity?.atRiskThreshold ?? 0.1;
  const few = rows.filter((row) => row.warn).map((row) => text(lang, "primaryWarning_fewAtRisk", { label: row.label, threshold: formatPercent(threshold, lang, 0) }));
  const codes = new Set(["estimate-changes-sign", "heaping-flag-unknown", "adjustment-not-estimable"]);
  const notes = (results.notes ?? []).filter((note) => codes.has(note.code)).map((note) => analyzeNoteText(note, lang));
  return [...few, ...notes];
}

/** The section with the first table, right after page one. */
export function primarySection(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const rows = primaryTableRows(results, lang, input.disclosure.minCellSize);
  const warnings = primaryWarnings(results, rows, lang);
  const value = (row: PrimaryTableRow, shown: number | null) => (row.unit === "dkk" ? formatDkk(shown, lang) : formatSigned(shown, lang, 1));
  const interval = (row: PrimaryTableRow) =>
    row.lower === null || row.upper === null ? "\u2013" : row.unit === "dkk" ? `${formatDkk(row.lower, lang)} ${lang === "da" ? "til" : "to"} ${formatDkk(row.upper, lang)}` : formatInterval(row.lower, row.upper, lang);
  const cells: Cell[][] = rows.map((row) => [
    row.group === "primary" ? html`<strong>${row.label}</strong>` : row.label,
    html`<span data-figure="first-table.${row.key}" data-value="${row.estimate === null ? "" : String(row.estimate)}">${row.group === "primary" ? html`<strong>${value(row, row.estimate)}</strong>` : value(row, row.estimate)}</span>`,
    interval(row),
    formatP(row.p, lang),
    row.warn ? html`<span class="warn-mark">⚠</span> ${row.note}` : row.note,
  ]);
  const firstOf = (group: PrimaryTableRow["group"]) => rows.findIndex((row) => row.group === group);
  const sections: { before: number; label: Cell }[] = [];
  const groupLabels: [PrimaryTableRow["group"], TextKey][] = [
    ["primary", "primaryGroup_primary"],
    ["sensitivity", "primaryGroup_sensitivity"],
    ["secondary", "primaryGroup_secondary"],
  ];
  for (const [group, key] of groupLabels) if (firstOf(group) >= 0) sections.push({ before: firstOf(group), label: t(key) });
  const adjusted = results.sensitivity?.rows.find((row) => row.key === "covariate-adjusted")?.adjustment ?? null;
  const covariates = adjusted ? [...new Set(adjusted.covariates.map((name) => covariateName(name, lang)))].join(", ") : null;
  return html`<section id="primary"><h2>${t("section_primary")}</h2><p>${t("section_primary_intro", { tau: results.daysSaved.tau })}</p>
${table([t("th_analysis"), t("th_estimate"), t("th_interval"), t("th_p"), t("th_note")], cells, [false, true, true, true, false], {
  id: "first-table",
  sections,
  rowClasses: rows.map((row) => (row.warn ? "warn" : row.key === "completed-spells" ? "biased" : null)),
  wide: true,
})}
<p class="sign-convention" id="sign-convention">${t("signConvention")}</p>
${warnings.length > 0 ? html`<ul class="warnings">${warnings.map((warning) => html`<li>${warning}</li>`)}</ul>` : null}
${covariates !== null ? html`<p class="note">${t("adjustmentCovariates", { covariates })}</p>` : null}
<p class="note">${t("completedCaveat")}</p></section>`;
}

/**
 * A baseline variable's name as the adjustment lists it ("age at entry", "sex: male",
 * "education: LVU" -> "Alder ved start", "Køn", "Uddannelse"): the levels of one
 * variable are one variable to a reader.
 */
function covariateName(name: string, lang: Lang): string {
  const colon = name.indexOf(": ");
  return covariateLabel(colon < 0 ? name : name.slice(0, colon), null, lang);
}
