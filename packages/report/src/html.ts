/**
 * Phase 6, assemble: the static, self-contained HTML document. Charts are inline SVG;
 * there is no script, no external resource (a Content-Security-Policy forbids any
 * request), print CSS for A4. All markup is written with the `html` template of
 * `html-template.ts`, which escapes every value by construction. Page one is for a
 * committee member: four big numbers, where the saved days went and one plain sentence;
 * the first table (the primary estimate beside its sensitivity analyses) and the
 * quarterly monitoring follow, then the statistics.
 */
import { compactDayRanges } from "@jobtrial/assign";
import type { Results } from "@jobtrial/analyze";
import { trialBenefitStates } from "@jobtrial/core";
import { sensitivityValueLabel, type BusinessCase } from "./business-case.ts";
import { isSmallCount } from "./suppression.ts";
import { ARMS, countLabel, covariateLabel, isUnknown, subgroupLevelLabel, type Arm } from "./chart-data.ts";
import { formatDate, formatDkk, formatInterval, formatMillionDkk, formatNumber, formatP, formatPercent, formatSigned, type Lang } from "./format.ts";
import { armHeaders, armLower, CSS, documentHead, figures, figureSpan, table, textMarkup, type Cell, type Figure, type HtmlInput, type RenderedChart, type T } from "./html-parts.ts";
import { html, joinHtml, type Html } from "./html-template.ts";
import { monitoringSection } from "./monitoring-section.ts";
import { primarySection } from "./primary-section.ts";
import { isTextKey, municipalityLabel, text, textOr, weeksLabel, type TextKey } from "./texts.ts";
import { verdictOf } from "./verdict.ts";

export type { HtmlInput, RenderedChart };

/**
 * The whole HTML document. Every value goes through the `html` template and is escaped
 * there; the charts' SVG is the only markup passed as trusted.
 */
export function assembleHtml(input: HtmlInput): string {
  const { results, lang } = input;
  const t = textMarkup(lang);
  const date = formatDate(input.now.toISOString(), lang);
  const figure = figures(input.charts);
  const sections = [
    summarySection(input, t, figure),
    toc(input, t),
    primarySection(input, t),
    monitoringSection(input, t, figure),
    flowSection(t, figure),
    intakeSection(input, t, figure),
    balanceSection(input, t, figure),
    durationSection(input, t, figure),
    selfSupportSection(input, t, figure),
    processSection(input, t, figure),
    subgroupSection(input, t, figure),
    businessCaseSection(input, t, figure),
    precisionSection(input, t),
    methodsSection(input, t),
  ].filter((section): section is Html => section !== null);
  return String(html`<!DOCTYPE html>
<html lang="${lang}">
${documentHead(input.toolVersion, t("documentTitle", { name: results.trial.name }), CSS)}
<body>
<main>
${joinHtml(sections, html`\n`)}
<footer>${t("footer", { version: input.toolVersion, date })} · ${results.trial.id} · ${results.trial.configHash.slice(0, 12)}</footer>
</main>
</body>
</html>
`);
}

function summarySection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const days = results.daysSaved;
  const onBenefit = days.measure === "days-on-benefit";
  const expected = results.precision.expectedDaysSaved;
  const verdict = verdictOf(results);
  const decimals1 = (value: number | null) => formatNumber(value, lang, 1);
  const verdictText = verdictSentence(results, t, lang);
  const precisionSentence = verdict === "tooEarly" ? detectabilityText(results, t, lang) : null;
  const pathsSentence = onBenefit ? pathsText(results, t, lang) : null;
  const money = moneyText(input, t);

  const analysed = results.flow.analysed;
  const participantsTotal = analysed.control !== null && analysed.intervention !== null ? analysed.control + analysed.intervention : null;
  const at26 = results.selfSupport.at.find((entry) => entry.weeks === 26) ?? results.selfSupport.at[Math.floor(results.selfSupport.at.length / 2)];
  const cards = [
    html`<div class="headline" id="head-participants"><div class="label">${t("headParticipants")}</div><div class="value">${figureSpan("participants", participantsTotal, countLabel(participantsTotal, lang, input.disclosure.minCellSize))}</div><div class="detail">${t("headParticipantsDetail", {
      intervention: countLabel(analysed.intervention, lang, input.disclosure.minCellSize),
      control: countLabel(analysed.control, lang, input.disclosure.minCellSize),
    })}</div></div>`,
    html`<div class="headline" id="head-days"><div class="label">${t(onBenefit ? "headDaysSavedOnBenefit" : "headDaysSaved")}</div><div class="value">${figureSpan("daysSaved", days.estimate, decimals1(days.estimate))} <span class="unit">${t("headDaysSavedUnit")}</span></div><div class="detail">${t("headDaysSavedDetail", {
      lower: decimals1(days.lower),
      upper: decimals1(days.upper),
      expected: decimals1(expected),
    })}</div></div>`,
    at26
      ? html`<div class="headline" id="head-self-support"><div class="label">${t("headSelfSupport", { weeks: at26.weeks })}</div><div class="value">${figureSpan("selfSupport.intervention", at26.intervention.estimate, formatPercent(at26.intervention.estimate, lang, 0))}</div><div class="detail">${t("headSelfSupportDetail", {
          intervention: formatPercent(at26.intervention.estimate, lang, 1),
          control: formatPercent(at26.control.estimate, lang, 1),
        })}</div></div>`
      : null,
    netSavingsCard(input, t),
  ];
  return html`<section class="page" id="summary">
<h1>${t("documentTitle", { name: results.trial.name })}</h1>
<p class="subtitle">${t("subtitle", { municipality: municipalityLabel(results.config.municipality, lang), asOf: formatDate(results.asOf, lang), date: formatDate(input.now.toISOString(), lang) })}</p>
<div class="verdict" data-verdict="${verdict}"><h2>${t("verdictHeading")}</h2><p>${verdictText}</p>${pathsSentence ? html`<p class="secondary">${pathsSentence}</p>` : null}${precisionSentence ? html`<p class="secondary">${precisionSentence}</p>` : null}${money ? html`<p class="secondary">${money}</p>` : null}</div>
<div class="headlines">${cards}</div>
${figure("summary-days")}
<p class="note">${t("summaryHowToRead", { expected: decimals1(expected) })}</p>
${onBenefit && results.paths ? html`${figure("where-days-went")}<p class="note">${t("whereDaysWentHowToRead", { tau: days.tau })}</p>` : null}
</section>`;
}

/** The plain verdict on days saved (see verdict.ts for the rules). */
export function verdictSentence(results: Results, t: T, lang: Lang): Html {
  const days = results.daysSaved;
  const decimals1 = (value: number | null) => formatNumber(value, lang, 1);
  const difference =
    days.estimate === null ? "" : text(lang, days.estimate >= 0 ? "differenceShorter" : "differenceLonger", { days: decimals1(Math.abs(days.estimate)) });
  return t(`verdict_${verdictOf(results)}`, { difference, lower: decimals1(days.lower), upper: decimals1(days.upper), expected: decimals1(results.precision.expectedDaysSaved) });
}

/** When the expected effect becomes detectable: from a date, not before the end of the projection, or not within it. */
export function detectabilityText(results: Results, t: T, lang: Lang): Html {
  const precision = results.precision;
  const expected = formatNumber(precision.expectedDaysSaved, lang, 1);
  if (precision.detectableFrom) return t("verdictDetectableFrom", { expected, date: formatDate(precision.detectableFrom, lang) });
  if (precision.detectableNotBefore) return t("verdictDetectableNotBefore", { expected, date: formatDate(precision.detectableNotBefore, lang) });
  return t("verdictNotDetectable", { expected });
}

/** Days on any public support saved and the expenditure saved per citizen, beside days on A-dagpenge; null without them. */
export function pathsText(results: Results, t: T, lang: Lang): Html | null {
  const paths = results.paths ?? null;
  const expenditure = results.expenditure ?? null;
  if (!paths || !expenditure) return null;
  const support = paths.publicSupportDaysSaved;
  const saving = expenditure.saving;
  return t("verdictPaths", {
    tau: formatNumber(results.daysSaved.tau, lang),
    support: formatSigned(support.estimate, lang, 1),
    supportLower: formatNumber(support.lower, lang, 1),
    supportUpper: formatNumber(support.upper, lang, 1),
    saving: formatDkk(saving.estimate, lang),
    savingLower: formatDkk(saving.lower, lang),
    savingUpper: formatDkk(saving.upper, lang),
  });
}

/**
 * The money sentence of page one with its uncertainty: a year of the programme in
 * operation when the business case answers it, else the total over the calendar years;
 * null without a business case.
 */
export function moneyText(input: HtmlInput, t: T): Html | null {
  const { businessCase, lang } = input;
  if (!businessCase) return null;
  const mio = (value: number) => formatMillionDkk(value, lang);
  const uncertainty = (lower: number | null, upper: number | null) =>
    lower === null || upper === null ? null : t(lower < 0 && upper > 0 ? "verdictMoneyUncertain" : "verdictMoneyInterval", { lower: mio(lower), upper: mio(upper) });
  const yearly = businessCase.yearly;
  if (yearly) {
    if (yearly.netSavings === null) return t("verdictMoneyYearly_notEstimated", { year: yearly.year, reason: notEstimatedReason(yearly.notEstimated, businessCase.textsLang, lang) });
    const sentence = t(yearly.netSavings >= 0 ? "verdictMoneyYearly_positive" : "verdictMoneyYearly_negative", { year: yearly.year, net: mio(Math.abs(yearly.netSavings)) });
    const interval = uncertainty(yearly.lower, yearly.upper);
    return interval ? html`${sentence} ${interval}` : sentence;
  }
  const years = businessCase.years;
  const totalNet = businessCase.total.netSavings;
  const from = years[0]?.year;
  const to = years[years.length - 1]?.year;
  if (from === undefined || to === undefined) return null;
  const sentence =
    totalNet >= 0
      ? t("verdictMoney_positive", { total: mio(totalNet), from, to })
      : t("verdictMoney_negative", { total: mio(Math.abs(totalNet)), from, to, breakEven: formatNumber(businessCase.breakEvenDaysSaved, lang, 1) });
  const interval = uncertainty(businessCase.total.lower, businessCase.total.upper);
  return interval ? html`${sentence} ${interval}` : sentence;
}

/** The business case's reason a year is not estimated: its own words when it wrote them in the report's language, else the catalogue's general reason. */
function notEstimatedReason(reason: string | null, reasonLang: Lang, lang: Lang): string {
  return lang === reasonLang && reason !== null ? reason : text(lang, "notEstimatedReason");
}

/** The fourth card: a year of operation (finance's headline) when the business case has it, else the calendar years' total, else what is missing. */
function netSavingsCard(input: HtmlInput, t: T): Html {
  const { results, businessCase, lang } = input;
  const expectations = results.config.expectations;
  if (!businessCase) {
    return html`<div class="headline" id="head-net-savings"><div class="label">${t("headNetSavings", { from: expectations.fromYear, to: expectations.toYear })}</div><div class="detail">${t("headNetSavingsMissing")}</div></div>`;
  }
  const yearly = businessCase.yearly;
  if (yearly) {
    const detail =
      yearly.netSavings === null
        ? t("headYearlyNotEstimated", { reason: notEstimatedReason(yearly.notEstimated, businessCase.textsLang, lang) })
        : t("headYearlyDetail", {
            lower: formatMillionDkk(yearly.lower, lang),
            upper: formatMillionDkk(yearly.upper, lang),
            probability: formatPercent(yearly.probabilityPositive, lang, 0),
            expected: formatMillionDkk(expectations.netSavingsPerYear, lang),
          });
    return html`<div class="headline" id="head-net-savings"><div class="label">${t("headYearlyNet", { year: yearly.year })}</div><div class="value">${figureSpan("netSavings.yearly", yearly.netSavings, formatMillionDkk(yearly.netSavings, lang))}</div><div class="detail">${detail}</div></div>`;
  }
  const years = businessCase.years;
  const from = years[0]?.year ?? expectations.fromYear;
  const to = years[years.length - 1]?.year ?? expectations.toYear;
  const totalNet = businessCase.total.netSavings;
  const budgetTotal = results.config.budget.years.reduce((sum, year) => sum + year.dkk, 0);
  return html`<div class="headline" id="head-net-savings"><div class="label">${t("headNetSavings", { from, to })}</div><div class="value">${figureSpan("netSavings.total", totalNet, formatMillionDkk(totalNet, lang))}</div><div class="detail">${t("headNetSavingsDetail", {
    perYear: formatMillionDkk(years.length > 0 ? totalNet / years.length : null, lang),
    expected: formatMillionDkk(expectations.netSavingsPerYear, lang),
    budget: formatMillionDkk(budgetTotal, lang),
  })}</div></div>`;
}

function toc(input: HtmlInput, t: T): Html {
  const entries: [string, TextKey][] = [
    ["primary", "section_primary"],
    ...(input.results.monitoring ? ([["monitoring", "section_monitoring"]] as [string, TextKey][]) : []),
    ["flow", "section_flow"],
    ["intake", "section_intake"],
    ["balance", "section_balance"],
    ["duration", "section_duration"],
    ["self-support", "section_selfSupport"],
    ...(input.results.process ? ([["process", "section_process"]] as [string, TextKey][]) : []),
    ...(input.results.subgroups.length > 0 ? ([["subgroups", "section_subgroups"]] as [string, TextKey][]) : []),
    ...(input.businessCase ? ([["business-case", "section_businessCase"]] as [string, TextKey][]) : []),
    ["precision", "section_precision"],
    ["methods", "section_methods"],
  ];
  return html`<nav class="toc"><h2>${t("contents")}</h2><ol>${entries.map(([id, key]) => html`<li><a href="#${id}">${t(key)}</a></li>`)}</ol></nav>`;
}

function flowSection(t: T, figure: Figure): Html {
  return html`<section id="flow"><h2>${t("section_flow")}</h2><p>${t("section_flow_intro")}</p>${figure("flow")}</section>`;
}

function intakeSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const allocation = results.allocation;
  const min = input.disclosure.minCellSize;
  const heaping = allocation.heaping;
  const heapRow = (label: Html, path: string, block: Record<Arm, { n: number | null; share: number | null; expectedShare: number }>): Cell[] => [
    label,
    ...ARMS.map(
      (arm) =>
        `${countLabel(block[arm].n, lang, min, isUnknown(results, `${path}.${arm}`))} (${formatPercent(block[arm].share, lang, 1)}; ${text(lang, "label_expected").toLowerCase()} ${formatPercent(block[arm].expectedShare, lang, 1)})`,
    ),
  ];
  const alertLines = allocationAlerts(input);
  const warnings = alertLines.length > 0 ? html`<h3>${t("allocationWarnings")}</h3><ul>${alertLines.map((line) => html`<li>${line}</li>`)}</ul>` : null;
  return html`<section id="intake"><h2>${t("section_intake")}</h2>
<p>${t("section_intake_intro", { expected: formatPercent(allocation.expectedShare, lang, 1), observed: formatPercent(allocation.observedShare, lang, 1), p: formatP(allocation.binomialP, lang) })}</p>
${figure("intake")}${figure("allocation")}
${table(
  ["", ...armHeaders(t)],
  [
    heapRow(t("m_heapingFirst"), "allocation.heaping.bornFirstOfMonth", heaping.bornFirstOfMonth),
    heapRow(t("m_heapingJanuary"), "allocation.heaping.bornFirstJanuary", heaping.bornFirstJanuary),
    [t("m_replacement"), ...ARMS.map((arm) => countLabel(heaping.replacementNumbers[arm], lang, min, isUnknown(results, `allocation.heaping.replacementNumbers.${arm}`)))],
  ],
  [false, true, true],
)}${warnings}</section>`;
}

/**
 * The allocation warnings in the report's language: from the results' `alerts` when
 * present (a heaping share is taken from the disclosed table, so a suppressed count's
 * share stays hidden), else the English warnings as written (older files).
 */
export function allocationAlerts(input: Pick<HtmlInput, "results" | "lang">): string[] {
  const { results, lang } = input;
  const allocation = results.allocation;
  if (allocation.alerts === undefined) return allocation.warnings;
  return allocation.alerts.map((alert, index) => {
    const arm = alert.arm === undefined ? "" : text(lang, alert.arm === "control" ? "alertArm_control" : "alertArm_intervention");
    const block =
      alert.arm === undefined ? undefined : alert.code === "heaping-first-of-month" ? allocation.heaping.bornFirstOfMonth[alert.arm] : alert.code === "heaping-january-1" ? allocation.heaping.bornFirstJanuary[alert.arm] : undefined;
    const observed = block === undefined ? alert.observed : block.share;
    const params = {
      arm,
      observed: observed === null ? text(lang, "suppressedMark") : formatPercent(observed, lang, 1),
      expected: formatPercent(alert.expected, lang, 1),
      p: formatP(alert.p ?? null, lang),
    };
    const key = `alert_${alert.code}`;
    return isTextKey(key) ? text(lang, key, params) : (allocation.warnings[index] ?? alert.code);
  });
}

function balanceSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const min = input.disclosure.minCellSize;
  const describe = (side: { n: number | null; mean: number | null; sd: number | null }, binary: boolean) =>
    binary ? formatPercent(side.mean, lang, 1) : `${formatNumber(side.mean, lang, 1)} (${formatNumber(side.sd, lang, 1)})`;
  const rows = results.balance.map((row) => [
    covariateLabel(row.covariate, row.level, lang, row.key),
    describe(row.control, row.kind === "binary"),
    countLabel(row.control.n, lang, min),
    describe(row.intervention, row.kind === "binary"),
    countLabel(row.intervention.n, lang, min),
    formatNumber(row.smd, lang, 3),
  ]);
  return html`<section id="balance"><h2>${t("section_balance")}</h2><p>${t("section_balance_intro")}</p>
${table([t("th_covariate"), html`${t("th_mean")} (${t("th_sd")})`, t("th_n"), html`${t("th_mean")} (${t("th_sd")})`, t("th_n"), t("th_smd")], rows, [false, true, true, true, true, true], {
  groups: [["", 1], [t("arm_control"), 2], [t("arm_intervention"), 2], ["", 1]],
  wide: true,
})}
${figure("balance")}</section>`;
}

function durationSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const d = results.duration;
  const n1 = (value: number | null) => formatNumber(value, lang, 1);
  const interval = (lower: number | null, upper: number | null, decimals = 1) => formatInterval(lower, upper, lang, decimals);
  const rows: Cell[][] = [];
  for (const arm of ARMS) rows.push([html`${t("m_median")}, ${armLower(lang, arm)}`, n1(d.median[arm].median), interval(d.median[arm].lower, d.median[arm].upper, 0), ""]);
  for (const rmst of d.rmst) {
    for (const arm of ARMS) {
      const group = rmst.byGroup[arm];
      rows.push([html`${t("m_rmst", { tau: rmst.tau })}, ${armLower(lang, arm)}`, n1(group.rmst), interval(group.rmst - 1.959964 * group.se, group.rmst + 1.959964 * group.se), ""]);
    }
    // results.json writes the RMST difference as intervention − control; the report shows every difference as a gain for the intervention.
    const saved = gainOf(rmst.difference);
    rows.push([t("m_rmstDifference", { tau: rmst.tau }), formatSigned(saved.estimate, lang, 1), interval(saved.lower, saved.upper), formatP(rmst.difference.p ?? null, lang)]);
  }
  // The restricted mean of the first spell: the primary measure without the benefit panel, a secondary one with it.
  const firstExit = results.daysSaved.measure === "days-on-benefit" ? (results.daysToFirstExit ?? null) : results.daysSaved;
  if (firstExit) {
    const label = results.daysSaved.measure === "days-on-benefit" ? t("m_daysToFirstExit", { tau: firstExit.tau }) : html`<strong>${t("m_daysSaved", { tau: firstExit.tau })}</strong>`;
    rows.push([label, figureSpan("daysToFirstExit.table", firstExit.estimate, formatSigned(firstExit.estimate, lang, 1)), interval(firstExit.lower, firstExit.upper), formatP(firstExit.p ?? null, lang)]);
  }
  rows.push([t("m_logrank", { chisq: formatNumber(d.logrank.chisq, lang, 2), df: d.logrank.df }), "", "", formatP(d.logrank.p, lang)]);
  if (d.logrankStratified) rows.push([t("m_logrankStratified", { chisq: formatNumber(d.logrankStratified.chisq, lang, 2) }), "", "", formatP(d.logrankStratified.p, lang)]);
  rows.push([t("m_cox", { ties: d.cox.ties }), formatNumber(d.cox.hr, lang, 3), interval(d.cox.lower, d.cox.upper, 3), formatP(d.cox.p, lang)]);
  const completed = results.completedSpells;
  for (const arm of ARMS) rows.push([html`${t("m_completed")}, ${armLower(lang, arm)}`, n1(completed[arm].mean), "", ""]);
  // Biased towards short spells while spells still run: shown without interval or test (issue 14, item 4).
  rows.push([t("m_completedDifference"), formatSigned(completed.difference.estimate, lang, 1), "\u2013", "\u2013"]);
  return html`<section id="duration"><h2>${t("section_duration")}</h2><p>${t("section_duration_intro", { confType: d.confType })}</p>
${figure("km")}
${table([t("th_measure"), t("th_estimate"), t("th_interval"), t("th_p")], rows, [false, true, true, true])}
<p class="note">${t("completedCaveat")}</p></section>`;
}

/**
 * An intervention − control difference as a gain for the intervention (control −
 * intervention): the estimate negated and the interval's ends swapped.
 *
 * @example gainOf({ estimate: -5.9, lower: -12, upper: 0.2 }) // { estimate: 5.9, lower: -0.2, upper: 12 }
 */
export function gainOf(difference: { estimate: number | null; lower: number | null; upper: number | null }): { estimate: number | null; lower: number | null; upper: number | null } {
  const negate = (value: number | null) => (value === null ? null : -value);
  return { estimate: negate(difference.estimate), lower: negate(difference.upper), upper: negate(difference.lower) };
}

function selfSupportSection(input: HtmlInput, t: T, figure: Figure): Html {
  const { results, lang } = input;
  const pct = (value: number | null) => formatPercent(value, lang, 1);
  const ppUnit = lang === "da" ? "pct.-point" : "pp";
  const pp = (value: number | null) => (value === null ? "\u2013" : formatSigned(value * 100, lang, 1));
  const rows = results.selfSupport.at.map((entry) => [
    t("m_selfSupportAt", { weeks: entry.weeks }),
    pct(entry.control.estimate),
    pct(entry.intervention.estimate),
    `${pp(entry.difference.estimate)} ${ppUnit}`,
    `${pp(entry.difference.lower)} ${lang === "da" ? "til" : "to"} ${pp(entry.difference.upper)}`,
    formatP(entry.difference.p ?? null, lang),
  ]);
  return html`<section id="self-support"><h2>${t("section_selfSupport")}</h2><p>${t("section_selfSupport_intro")}</p>
${figure("cif")}
${table([t("th_measure"), ...armHeaders(t), t("th_difference"), t("th_interval"), t("th_p")], rows, [false, true, true, true, true, true])}
${figure("monthly")}<p class="note">${t("def_monthly")}</p></section>`;
}

function processSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { results, lang } = input;
  const process = results.process;
  if (!process) return null;
  const rows = [
    [t("m_planned"), ...ARMS.map((arm) => formatNumber(process.planned[arm], lang))],
    [t("m_perCitizenInProgramme"), ...ARMS.map((arm) => formatNumber(process.perCitizenInProgramme[arm], lang, 1))],
    [t("m_onTimeShare", { tolerance: weeksLabel(process.toleranceWeeks, lang) }), ...ARMS.map((arm) => formatPercent(process.onTimeShare[arm], lang, 1))],
    [t("m_letterShare"), ...ARMS.map((arm) => formatPercent(process.letterShare[arm], lang, 1))],
  ];
  return html`<section id="process"><h2>${t("section_process")}</h2><p>${t("section_process_intro", { intervention: process.planned.intervention, control: process.planned.control, weeks: results.config.protocol.programmeWeeks })}</p>
${figure("process")}
${table([t("th_measure"), ...armHeaders(t)], rows, [false, true, true])}
${figure("advisors")}</section>`;
}

function subgroupSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { results, lang } = input;
  if (results.subgroups.length === 0) return null;
  const interaction = results.subgroups[0]!.interaction;
  // Levels without an estimate have no mark in the forest plot; say which, so none disappears silently.
  const withoutEstimate = results.subgroups.flatMap((subgroup) =>
    subgroup.groups.filter((group) => group.daysSaved === null || group.daysSaved.estimate === null).map((group) => subgroupLevelLabel(lang, subgroup, group.level)),
  );
  const omitted = withoutEstimate.length > 0 ? html`<p class="note">${t("subgroups_withoutEstimate", { levels: withoutEstimate.join("; ") })}</p>` : null;
  return html`<section id="subgroups"><h2>${t("section_subgroups")}</h2><p>${t("section_subgroups_intro", { p: formatP(interaction?.p ?? null, lang) })}</p>${figure("forest")}${omitted}</section>`;
}

function businessCaseSection(input: HtmlInput, t: T, figure: Figure): Html | null {
  const { businessCase, lang } = input;
  if (!businessCase) return null;
  const dkk = (value: number | null) => formatDkk(value, lang);
  const years = businessCase.years;
  const total = businessCase.total;
  const mio = (value: number) => formatNumber(value / 1e6, lang, 1);
  const interval = (lower: number | null, upper: number | null) => (lower === null || upper === null ? "\u2013" : `${mio(lower)} ${lang === "da" ? "til" : "to"} ${mio(upper)}`);
  const rows: Cell[][] = [
    ...years.map((year) => [String(year.year), dkk(year.cost), dkk(year.grossSavings), figureSpan(`netSavings.${year.year}`, year.netSavings, formatDkk(year.netSavings, lang)), interval(year.lower, year.upper)]),
    [html`<strong>${t("th_total")}</strong>`, dkk(total.cost), dkk(total.grossSavings), html`<strong>${dkk(total.netSavings)}</strong>`, interval(total.lower, total.upper)],
  ];
  const implied: Cell[][] = Object.entries(businessCase.implied).map(([key, value]) => [textOr(lang, `implied_${key}`, key), formatNumber(value, lang, value === null || Number.isInteger(value) ? 0 : 1)]);
  implied.unshift([t("implied_breakEvenDaysSaved"), formatNumber(businessCase.breakEvenDaysSaved, lang, 1)]);
  const sensitivity = businessCase.sensitivity.map((entry) => [
    textOr(lang, `sens_${entry.parameter}`, entry.label),
    sensitivityValueLabel(entry.lowValue, lang),
    dkk(entry.low),
    sensitivityValueLabel(entry.highValue, lang),
    dkk(entry.high),
  ]);
  return html`<section id="business-case"><h2>${t("section_businessCase")}</h2><p>${t("section_businessCase_intro", { breakEven: formatNumber(businessCase.breakEvenDaysSaved, lang, 1) })}</p>
${yearlyAnswerTable(businessCase, t, lang, input.disclosure.minCellSize)}
${businessCase.yearly ? html`<h3>${t("businessCaseCalendarYears")}</h3>` : null}
${table([t("th_year"), t("th_cost"), t("th_gross"), t("th_net"), html`${t("th_interval")} (${t("unit_mioDkk")})`], rows, [false, true, true, true, true], { wide: true })}
${figure("net-savings")}${figure("cumulative")}
${figure("tornado")}
${sensitivity.length > 0 ? table([t("axis_assumption"), t("label_low"), t("th_net"), t("label_high"), t("th_net")], sensitivity, [false, true, true, true, true], { wide: true }) : null}
${table([t("th_figure"), t("th_value")], implied, [false, true])}
<p class="note">${t("def_businessCase")}</p></section>`;
}

/**
 * Finance's headline as a table: a year of the programme in operation, its intake
 * (counted and projected), the saving per participant, cost, net with its 95 % interval
 * and P(net > 0); null when the business case has no yearly answer.
 */
function yearlyAnswerTable(businessCase: BusinessCase, t: T, lang: Lang, minCellSize: number): Html | null {
  const yearly = businessCase.yearly;
  if (!yearly) return null;
  const dkk = (value: number | null) => formatDkk(value, lang);
  const dkkInterval = (lower: number | null, upper: number | null) => (lower === null || upper === null ? "\u2013" : `${dkk(lower)} ${lang === "da" ? "til" : "to"} ${dkk(upper)}`);
  // The participants counted in the weeks seen are a count: a small one is hidden, and so is the projection that would give it away.
  const counted = yearly.observedParticipants;
  const intake =
    yearly.projectedParticipants !== null && counted !== null && !isSmallCount(counted, minCellSize)
      ? t("yearlyIntakeProjected", { total: formatNumber(yearly.participants, lang), observed: formatNumber(yearly.observedParticipants, lang), projected: formatNumber(yearly.projectedParticipants, lang) })
      : formatNumber(yearly.participants, lang);
  const saving = yearly.savingPerParticipant;
  const rows: Cell[][] = [
    [t("yearlyRow_participants"), intake, ""],
    [t(saving.source === "expenditure" ? "yearlyRow_savingExpenditure" : "yearlyRow_savingDays", { tau: saving.tau }), dkk(saving.estimate), dkkInterval(saving.lower, saving.upper)],
    [t("yearlyRow_gross"), dkk(yearly.grossSavings), ""],
    [t("yearlyRow_cost"), dkk(yearly.cost), ""],
    [html`<strong>${t("yearlyRow_net")}</strong>`, html`<strong>${figureSpan("netSavings.yearly.table", yearly.netSavings, dkk(yearly.netSavings))}</strong>`, dkkInterval(yearly.lower, yearly.upper)],
    [t("yearlyRow_probability"), formatPercent(yearly.probabilityPositive, lang, 0), ""],
    [t("yearlyRow_breakEven"), formatNumber(yearly.breakEvenParticipants, lang), ""],
  ];
  const notEstimated = yearly.netSavings === null ? html`<p class="note">${t("headYearlyNotEstimated", { reason: notEstimatedReason(yearly.notEstimated, businessCase.textsLang, lang) })}</p>` : null;
  return html`<h3>${t("businessCaseYearly", { year: yearly.year })}</h3>
${table([t("th_figure"), t("th_value"), t("th_interval")], rows, [false, true, true], { id: "yearly-answer" })}${notEstimated}
<p class="note">${t("yearlyMethod")}</p>`;
}

function precisionSection(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const precision = results.precision;
  const detectable =
    precision.detectableFrom || precision.detectableNotBefore || (precision.minimumDetectableDaysSaved ?? Infinity) > precision.expectedDaysSaved ? detectabilityText(results, t, lang) : null;
  const atEnd =
    precision.projectionEnd && precision.minimumDetectableAtEnd !== undefined && precision.minimumDetectableAtEnd !== null
      ? t("precisionAtEnd", { date: formatDate(precision.projectionEnd, lang), mde: formatNumber(precision.minimumDetectableAtEnd, lang, 1) })
      : null;
  const intake = precision.intakeAssumptionKey === "seasonal-same-weeks" ? t("intakeAssumption_seasonal-same-weeks") : (precision.intakeAssumption ?? null);
  return html`<section id="precision"><h2>${t("section_precision")}</h2>
<p>${t("section_precision_text", {
    asOf: formatDate(results.asOf, lang),
    alpha: formatPercent(precision.alpha, lang, 0),
    power: formatPercent(precision.power, lang, 0),
    mde: figureSpan("mde", precision.minimumDetectableDaysSaved, formatNumber(precision.minimumDetectableDaysSaved, lang, 1)),
    expected: formatNumber(precision.expectedDaysSaved, lang, 1),
  })} ${detectable}${atEnd ? html` ${atEnd}` : null}</p>
${intake ? html`<p>${intake}</p>` : null}
<p class="note">${precisionMethodText(precision, lang)}</p></section>`;
}

function methodsSection(input: HtmlInput, t: T): Html {
  const { results, lang } = input;
  const config = results.config;
  const onBenefit = results.daysSaved.measure === "days-on-benefit";
  const definitions: TextKey[] = [
    "def_duration",
    onBenefit ? "def_daysSavedOnBenefit" : "def_daysSaved",
    ...(onBenefit ? (["def_daysToFirstExit"] as TextKey[]) : []),
    ...(results.sensitivity ? (["def_sensitivity"] as TextKey[]) : []),
    ...(results.monitoring ? (["def_monitoring"] as TextKey[]) : []),
    "def_signConvention",
    "def_selfSupport",
    "def_monthly",
    "def_process",
    "def_balance",
    "def_precision",
    "def_businessCase",
  ];
  const references: TextKey[] = [
    "ref_km",
    "ref_rmst",
    ...(results.paths ? (["ref_multistate"] as TextKey[]) : []),
    "ref_logrank",
    "ref_cox",
    "ref_cif",
    ...(results.sensitivity?.rows.some((row) => row.adjustment !== null) ? (["ref_adjustment"] as TextKey[]) : []),
    ...(results.monitoring ? (["ref_groupSequential"] as TextKey[]) : []),
    "ref_smd",
    "ref_welch",
  ];
  const params = { tau: results.daysSaved.tau, tolerance: weeksLabel(config.protocol.onTimeToleranceWeeks, lang), confType: results.duration.confType, method: precisionMethodText(results.precision, lang) };
  const rule = config.assignment.rule;
  const ruleText =
    rule.kind === "day-of-month"
      ? t("cfg_ruleDayOfMonth", { intervention: compactDayRanges(rule.intervention) })
      : rule.kind === "parity"
        ? t("cfg_ruleParity", { parity: rule.intervention })
        : t("cfg_ruleList", { n: rule.intervention.length });
  const configRows: Cell[][] = [
    [t("cfg_rule"), ruleText],
    [t("cfg_period"), `${formatDate(config.projectPeriod.start, lang)} – ${formatDate(config.projectPeriod.end, lang)}`],
    [t("cfg_intakeFrom"), formatDate(config.intake.firstUnemploymentDayFrom, lang)],
    [t("cfg_evaluation"), formatDate(config.evaluation.date, lang)],
    [t("cfg_horizon"), html`${formatNumber(config.evaluation.primaryHorizonDays, lang)} ${t("days")}`],
    [t("cfg_protocol", { weeks: config.protocol.programmeWeeks }), html`${t("arm_intervention")}: ${config.protocol.intervention.map((c) => c.week).join(", ")}; ${t("arm_control")}: ${config.protocol.control.map((c) => c.week).join(", ")}`],
    [t("cfg_budget"), config.budget.years.map((year) => `${year.year}: ${formatDkk(year.dkk, lang)}`).join("; ")],
    [t("cfg_expectation"), t("cfg_expectationValue", { days: formatNumber(config.expectations.daysSaved, lang, 1), net: formatDkk(config.expectations.netSavingsPerYear, lang), from: config.expectations.fromYear, to: config.expectations.toYear })],
    [t("cfg_minCell"), String(input.disclosure.minCellSize)],
    [t("cfg_configHash"), html`<span class="hash">${results.trial.configHash}</span>`],
  ];
  const provenanceRows: Cell[][] = [
    [t("prov_tool"), `jobtrial ${input.toolVersion} (${results.tool.name} ${results.tool.version})`],
    [t("prov_resultsMade"), formatDate(results.generatedAt, lang)],
    [t("prov_reportMade"), formatDate(input.now.toISOString(), lang)],
    [t("prov_asOf"), formatDate(results.asOf, lang)],
    [t("prov_seed"), String(results.seed)],
  ];
  const inputRows: Cell[][] = results.inputs.map((file) => [textOr(lang, `role_${file.role}`, file.role), file.name, formatNumber(file.rows, lang), html`<span class="hash">${file.sha256}</span>`]);
  const resultDefinitions: Cell[][] = resultDefinitionTexts(results, lang).map(({ key, text: definition }) => [html`<code>${key}</code>`, definition]);
  return html`<section id="methods"><h2>${t("section_methods")}</h2>
<h3>${t("methods_definitions")}</h3><ul>${definitions.map((key) => html`<li>${t(key, params)}</li>`)}</ul>
<h3>${t("methods_estimators")}</h3><ul>${references.map((key) => html`<li>${t(key, params)}</li>`)}<li>${t("ref_precision", params)}</li></ul>
${resultDefinitions.length > 0 ? html`<h3>${t("methods_resultsDefinitions")}</h3>${table([t("th_key"), t("th_definition")], resultDefinitions)}` : null}
<h3>${t("methods_configuration")}</h3>${table(["", ""], configRows)}
<h3>${t("methods_provenance")}</h3>${table(["", ""], provenanceRows)}
${table([t("th_role"), t("th_file"), t("th_rows"), t("th_sha256")], inputRows, [false, false, true, false])}
<p class="note">${t("suppressedNote", { max: input.disclosure.minCellSize - 1, secondary: input.disclosure.secondary })}</p>
<p class="note">${t("prov_files")}</p></section>`;
}

/**
 * The results file's definitions (`definitions`, written by analyze in English) in the
 * report's language. A definition is worded from the catalogue (`resultDef_<key>`) only
 * while the catalogue's English, filled with this file's values, is exactly what the file
 * says, so a Danish text never stands for a definition it does not translate; otherwise
 * (a newer or older analyze, a key the catalogue does not know) the file's own words are
 * shown, and `translated` is false. The precision definition is the precision method.
 */
export function resultDefinitionTexts(results: Results, lang: Lang): { key: string; text: string; translated: boolean }[] {
  const config = results.config;
  // English as analyze writes it (plain numbers, ISO date); Danish as the report writes it.
  const valuesIn = (inLang: Lang) => {
    const number = (value: number) => (inLang === "en" ? String(value) : formatNumber(value, inLang));
    const tolerance = config.protocol.onTimeToleranceWeeks;
    return {
      asOf: inLang === "en" ? results.asOf : formatDate(results.asOf, inLang),
      tau: number(config.evaluation.primaryHorizonDays),
      weeks: number(config.protocol.programmeWeeks),
      intervention: number(config.protocol.intervention.length),
      control: number(config.protocol.control.length),
      tolerance: inLang === "en" ? String(tolerance) : weeksLabel(tolerance, inLang),
      minCell: number(results.minCellSize),
      max: number(results.minCellSize - 1),
      // The benefit states of the paths, as analyze lists them (labels in the language, the public ones marked).
      states: benefitStates.states.map((state) => `${state.label[inLang]}${state.public ? ` (${text(inLang, "publicSupportMark")})` : ""}`).join(", "),
      publicStates: benefitStates.states.filter((state) => state.public).map((state) => state.label[inLang]).join(", "),
      noCodeState: inLang === "en" ? benefitStates.noCodeState : (benefitStates.states.find((state) => state.name === benefitStates.noCodeState)?.label.da ?? benefitStates.noCodeState).toLowerCase(),
      censorCodes: benefitStates.censorCodes.join(", "),
    };
  };
  const benefitStates = trialBenefitStates(config);
  return Object.entries(results.definitions).map(([key, written]) => {
    if (key === "precision" && written === results.precision.method) {
      const methodKey = `precision_method_${results.precision.methodKey}`;
      const translated = isTextKey(methodKey) && text("en", methodKey) === written;
      return { key, text: lang === "en" ? written : precisionMethodText(results.precision, lang), translated };
    }
    // A definition may have variants (days saved with and without the benefit panel): the one whose English is the file's.
    const textKey = [`resultDef_${key}`, `resultDef_${key}|noPanel`].find((candidate) => isTextKey(candidate) && text("en", candidate, valuesIn("en")) === written);
    if (textKey === undefined || !isTextKey(textKey)) return { key, text: written, translated: false };
    return { key, text: lang === "en" ? written : text(lang, textKey, valuesIn(lang)), translated: true };
  });
}

/**
 * The precision method in the report's language: the catalogue's wording of the method's
 * key while the catalogue's English is exactly what the results say (as for the
 * definitions), otherwise the results' own words.
 */
function precisionMethodText(precision: Results["precision"], lang: Lang): string {
  const key = `precision_method_${precision.methodKey}`;
  if (precision.methodKey === undefined || !isTextKey(key) || text("en", key) !== precision.method) return precision.method;
  return text(lang, key);
}
