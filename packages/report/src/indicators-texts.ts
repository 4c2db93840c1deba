/**
 * The indicators page's texts (issue 16), Danish first, English with --lang en.
 */
import type { Verdict } from "@jobtrial/indicators";
import type { Lang } from "./format.ts";

export const INDICATOR_TEXTS = {
  da: {
    title: "Indikatorer og mål",
    asOf: "Opgjort til og med",
    generated: "Dannet",
    summary: "Oversigt",
    indicator: "Indikator",
    soFar: "Indtil nu",
    interval: "95 %-interval",
    baseline: "Basislinje",
    target: "Mål",
    change: "Ændring fra basislinjen",
    projection: "Fremskrevet til periodens slut",
    probability: "Sandsynlighed for at nå målet",
    verdict: "Vurdering",
    period: "Periode",
    series: "Forløb",
    targetLine: "Mål",
    baselineLine: "Basislinje",
    projected: "Fremskrevet",
    status: "Status",
    count: "Antal",
    share: "Andel",
    reference: "Reference",
    distribution: "Fordeling af status",
    unitPersons: "personer",
    unitPercent: "%",
    unitPerWeek: "om ugen",
    suppressed: (min: number, cells: number) => `Antal under ${min} vises ikke (${cells} ${cells === 1 ? "celle" : "celler"} skjult, med sekundær diskretionering).`,
    method:
      "Målingerne følger jobindsats.dk: fuldtidspersoner er hver persons uger på ydelsen i perioden divideret med periodens uger, summeret; en andel af en bestand regnes i fuldtidspersoner. Andele har Wilson-intervaller, ændringer fra basislinjen Newcombes interval; bestande et Poisson-interval. Fremskrivningen er en ret linje gennem ugerne indtil nu.",
    footer: (version: string, date: string) => `jobtrial ${version}, ${date}.`,
  },
  en: {
    title: "Indicators and targets",
    asOf: "Counted up to and including",
    generated: "Generated",
    summary: "Overview",
    indicator: "Indicator",
    soFar: "So far",
    interval: "95% interval",
    baseline: "Baseline",
    target: "Target",
    change: "Change from the baseline",
    projection: "Projected to the period's end",
    probability: "Probability of meeting the target",
    verdict: "Verdict",
    period: "Period",
    series: "Series",
    targetLine: "Target",
    baselineLine: "Baseline",
    projected: "Projected",
    status: "Status",
    count: "Count",
    share: "Share",
    reference: "Reference",
    distribution: "Distribution of status",
    unitPersons: "persons",
    unitPercent: "%",
    unitPerWeek: "a week",
    suppressed: (min: number, cells: number) => `Counts below ${min} are not shown (${cells} ${cells === 1 ? "cell" : "cells"} hidden, with secondary suppression).`,
    method:
      "The measures follow jobindsats.dk: full-time persons are each person's weeks on the benefit in the period divided by the period's weeks, summed; a share of a stock is counted in full-time persons. Shares have Wilson intervals, changes from the baseline Newcombe's interval; stocks a Poisson interval. The projection is a straight line through the weeks so far.",
    footer: (version: string, date: string) => `jobtrial ${version}, ${date}.`,
  },
} as const;

export type IndicatorTexts = (typeof INDICATOR_TEXTS)[Lang];

export const VERDICT_TEXTS: Record<Lang, Record<Verdict, string>> = {
  da: { met: "Nået", on_track: "På vej", at_risk: "I fare", missed: "Ikke nået", no_data: "Ingen data" },
  en: { met: "Met", on_track: "On track", at_risk: "At risk", missed: "Missed", no_data: "No data" },
};
