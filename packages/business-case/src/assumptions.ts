/**
 * Assumptions and notes: every input of the business case with its value and where it comes
 * from, and the notes on method and data printed under the figures, so finance can check
 * each number against its source (packages/business-case/docs/business-case.md).
 */
import { formatNumber, type TrialConfig } from "@jobtrial/core";
import { formatKroner } from "./format.ts";
import type { IntakeResolution, ObservedIntake } from "./intake-projection.ts";
import type { Profile } from "./saved-days-profile.ts";
import type { SavingPerParticipant } from "./saving-per-participant.ts";
import type { BusinessCase, BusinessCaseAssumption, BusinessCaseYear, YearlyAnswer } from "./schema.ts";

/** Which inputs the user gave rather than left to their defaults. */
export interface GivenInputs {
  /** Whether results.json (the measured curves) was given. */
  results: boolean;
  daysSaved: boolean;
  horizonDays: boolean;
  priorWeeks: boolean;
}

/**
 * Where the days saved come from, as printed: measured from the curves, the measured
 * difference scaled to --days-saved, or a what-if (--days-saved or the expectation)
 * spread evenly over the horizon.
 */
export function daysSavedSource(given: GivenInputs, horizon: number): string {
  return given.results
    ? given.daysSaved
      ? "angivet (--days-saved); den målte forskel mellem kurverne skaleret til dette areal"
      : `målt: forskel i restricted mean (kontrol - indsats) op til ${horizon} dage fra Kaplan-Meier-kurverne i results.json (dage til første afgang)`
    : given.daysSaved
      ? "angivet (--days-saved), hvad-nu-hvis; de sparede dage fordelt jævnt over horisonten"
      : "konfigurationens expectations.daysSaved (projektets forventning), hvad-nu-hvis; fordelt jævnt over horisonten";
}

/** What the assumptions list is made from. */
export interface AssumptionInputs {
  config: TrialConfig;
  given: GivenInputs;
  profile: Profile;
  /** Set at an early look: the horizon asked for, beyond the follow-up. */
  horizonShortened: BusinessCase["horizonShortened"];
  priorWeeks: number;
  grantShare: number;
  programmeYears: number[];
  intake: IntakeResolution;
  /** The year of operation (the headline). */
  yearly: YearlyAnswer;
  /** Why that year, as printed. */
  operatingYearSource: string;
}

/**
 * The inputs in the order printed: the year of operation, its intake and the saving per
 * participant the headline uses; days saved, horizon, prior weeks, benefit days a week,
 * each year's rate and co-financing steps (with the configuration's source), participants
 * per programme year, the cost of each budget year, the regional grant, how entries are
 * spread and how days are priced.
 *
 * @example assumptions(inputs).find((entry) => entry.key === "cofinancing.2017").value // "uge 1-4: 20 %, uge 5-26: 60 %, uge 27-52: 70 %, uge 53+: 80 %"
 */
export function assumptions(inputs: AssumptionInputs): BusinessCaseAssumption[] {
  const { config, given, profile, priorWeeks } = inputs;
  const horizon = profile.diffAreas.length;
  const list: BusinessCaseAssumption[] = [];
  const { yearly } = inputs;
  list.push({ key: "operatingYear", label: "Et år i drift", value: String(yearly.year), unit: "year", source: inputs.operatingYearSource });
  list.push({
    key: "operatingYear.participants",
    label: `Deltagere i indsatsen i et år i drift (${yearly.year})`,
    value: yearly.intake.value ?? "ikke estimeret",
    unit: yearly.intake.value === null ? "text" : "persons",
    source: yearly.intake.source,
  });
  list.push({ key: "operatingYear.savingPerParticipant", label: "Sparet pr. deltager (et år i drift)", value: yearly.savingPerParticipant.estimate, unit: "kr", source: yearly.savingPerParticipant.label });
  list.push({ key: "daysSaved", label: "Sparede dage pr. deltager", value: profile.daysSaved, unit: "days", source: daysSavedSource(given, horizon) });
  const horizonSource = given.horizonDays
    ? "angivet (--horizon)"
    : inputs.horizonShortened
      ? `længste horisont med data i begge grupper (tidligt kig: results.json daysSaved.tau på ${inputs.horizonShortened.requestedDays} dage ligger ud over opfølgningen)`
      : given.results
        ? "results.json daysSaved.tau"
        : "konfigurationens evaluation.primaryHorizonDays";
  list.push({ key: "horizonDays", label: "Horisont", value: horizon, unit: "days", source: horizonSource });
  list.push({ key: "priorWeeks", label: "Forudgående uger på offentlig forsørgelse", value: priorWeeks, unit: "weeks", source: given.priorWeeks ? "angivet (--prior-weeks)" : "antagelse: nyledige, uge 1 af offentlig forsørgelse er første ledighedsdag" });
  list.push({ key: "benefitDaysPerWeek", label: "Dagpengedage pr. uge", value: config.money.benefitDaysPerWeek, unit: "days/week", source: "konfigurationens money.benefitDaysPerWeek" });
  for (const entry of config.money.years) {
    list.push({ key: `maxDailyBenefit.${entry.year}`, label: `Højeste dagpengesats ${entry.year} (pr. dagpengedag; øvre grænse)`, value: entry.maxDailyBenefit, unit: "kr/day", source: entry.source });
    list.push({
      key: `cofinancing.${entry.year}`,
      label: `Kommunal medfinansiering ${entry.year}`,
      value: entry.cofinancing.map((step, index) => `uge ${step.fromWeek}${index + 1 < entry.cofinancing.length ? `-${entry.cofinancing[index + 1]!.fromWeek - 1}` : "+"}: ${Math.round(step.share * 1000) / 10} %`).join(", "),
      unit: "text",
      source: entry.source,
    });
  }
  for (const year of inputs.programmeYears) {
    list.push({ key: `participants.${year}`, label: `Deltagere i indsatsen ${year}`, value: inputs.intake.intake.get(year)!, unit: "persons", source: inputs.intake.sources.get(year)! });
  }
  for (const entry of config.budget.years) list.push({ key: `cost.${entry.year}`, label: `Projektudgift ${entry.year}`, value: entry.dkk, unit: "kr", source: "konfigurationens budget.years" });
  list.push({
    key: "regionalGrant",
    label: "Modregning af beskæftigelsestilskud",
    value: inputs.grantShare,
    unit: "share",
    source: config.money.netRegionalGrant ? "konfigurationens money.regionalGrantShare (netRegionalGrant: true)" : "ikke modregnet (konfigurationens money.netRegionalGrant: false)",
  });
  list.push({ key: "entries", label: "Indtræden i løbet af året", value: "jævnt fordelt over årets dage", unit: "text", source: "antagelse (ingen indtrædelsesdatoer i results.json)" });
  list.push({ key: "pricing", label: "Prisfastsættelse", value: "hver sparet dag til satsen og medfinansieringen i det kalenderår, dagen falder i", unit: "text", source: "metode, se docs/business-case.md" });
  return list;
}

/** What the notes are made from. */
export interface NoteInputs {
  /** The early-look notice (Danish) when the horizon was shortened to the follow-up; null otherwise. */
  horizonShortened: string | null;
  /** Years of the base scenario that are not estimated, with their reason. */
  notEstimatedYears: Pick<BusinessCaseYear, "year" | "notEstimated">[];
  /** The configHash the results were computed with and the current one, when both are known and differ. */
  configHashes: { results: string; current: string } | undefined;
  profile: Profile;
  observed: ObservedIntake | undefined;
  /** daysSaved.estimate of results.json (the measured difference before scaling). */
  reportedDaysSaved: number | null;
  /** Saved days of the continued scenario falling after the last year counted (null for a kroner saving). */
  savedDaysAfterPeriod: number | null;
  /** Their gross saving, a year after the last rate year at that year's rates. */
  savingsAfterPeriod: number;
  /** The area between the published curves and results.json's days to the first exit, when they differ (steps merged for disclosure); null otherwise. Default: null */
  curvesAggregated?: { computed: number; reported: number } | null;
  toYear: number;
  /** The last year of money.years. */
  lastRateYear: number;
  /** Years priced at the last rate year's rates: in the continued scenario, and in the year of operation's saving. */
  carried: { continued: number[]; operating: number[] };
  saving: SavingPerParticipant;
  yearly: YearlyAnswer;
}

/**
 * The notes, in order: the year of operation (how its interval is computed, whether the
 * intake is projected, why it is not estimated); what the years price when it is the
 * expenditure; an early look at a shortened horizon; another configuration's
 * results; a flat what-if has no interval; suppressed intake read as 0; a year seen in
 * part and not projected; a scaled measured difference; how the uncertainty is computed;
 * the simple calculation; the maximum rate as an upper bound; years not estimated; years
 * priced at the last rate year's rates; the continued programme's saving after the last year.
 */
export function businessCaseNotes(inputs: NoteInputs): string[] {
  const { profile, observed, yearly } = inputs;
  const notes: string[] = [];
  if (yearly.notEstimated !== null) notes.push(`Et år i drift (${yearly.year}) er ikke estimeret: ${yearly.notEstimated}.`);
  else notes.push(`Et år i drift (${yearly.year}): ${yearly.method}`);
  if (yearly.intake.method === "seasonal") {
    notes.push(
      `Indtaget i ${yearly.year} er fremskrevet: ${yearly.intake.observedWeeks.length} uger talt, ${yearly.intake.projectedWeeks.length} uger fremskrevet med sæsonmønsteret i ${yearly.intake.referenceYears.join(", ")} (aldrig de første uger ganget op til et år); se tabellen over indtaget uge for uge.`,
    );
  }
  if (inputs.saving.source === "expenditure") {
    notes.push(
      `Pr. år og i alt prissættes udgiftsforskellen pr. deltager (results.json expenditure), fordelt jævnt over de ${inputs.saving.tau} dage fra første ledighedsdag, da results.json ikke har udgiften dag for dag. Besparelsen pr. deltager uge for uge og den forenklede beregning prissætter dage til første afgang (Kaplan-Meier), et sekundært mål; break-even i dage er i sparede A-dagpengedage fordelt jævnt over horisonten.`,
    );
  }
  if (inputs.horizonShortened !== null) notes.push(inputs.horizonShortened);
  if (inputs.configHashes) {
    notes.push(
      `Resultaterne er beregnet med en anden udgave af konfigurationen (hash ${inputs.configHashes.results.slice(0, 12)} mod ${inputs.configHashes.current.slice(0, 12)}); kurverne bruges, satser og budget tages fra den nuværende konfiguration.`,
    );
  }
  if (profile.kind === "flat") notes.push("Hvad-nu-hvis: de sparede dage er fordelt jævnt over horisonten; uden målte kurver er der intet usikkerhedsinterval.");
  if (observed && observed.suppressed.length > 0) notes.push(`Indtaget er diskretioneret (under mindste celle) for ${observed.suppressed.join(", ")} og regnet som 0.`);
  for (const partial of observed?.notProjected ?? []) notes.push(`${partial.year} er kun delvist observeret og ikke fremskrevet, da ${partial.reason}; årets deltagere er taget som angivet i forudsætningerne.`);
  if (inputs.curvesAggregated) {
    const days = (value: number) => formatNumber(value, "da", { decimals: 2, minus: "-" });
    notes.push(
      `Kaplan-Meier-kurverne i results.json er offentliggjort med trin samlet til mindste cellestørrelse: arealet mellem dem er ${days(inputs.curvesAggregated.computed)} dage mod ${days(inputs.curvesAggregated.reported)} dage til første afgang i results.json; prisen på dage til første afgang bygger på de offentliggjorte kurver.`,
    );
  }
  if (profile.kind === "measured-scaled") notes.push(`Den målte forskel mellem kurverne (${(inputs.reportedDaysSaved ?? 0).toFixed(2)} dage) er skaleret til ${profile.daysSaved} dage; intervallet er skaleret med.`);
  if (inputs.saving.source === "expenditure") {
    notes.push("Usikkerhed pr. år og i alt: udgiftsforskellens standardfejl fra results.json (influensfunktionen), ganget med deltagerne; interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.");
  } else if (profile.curves) {
    notes.push("Usikkerhed pr. år og i alt: deltametoden (Greenwood-type varians af den prisvægtede forskel mellem Kaplan-Meier-kurverne); interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.");
  }
  notes.push("Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.");
  notes.push("Satserne er den højeste dagpengesats: en øvre grænse, for ikke alle ledige får højeste sats; bruttobesparelsen ved en given effekt er derfor også en øvre grænse.");
  for (const year of inputs.notEstimatedYears) notes.push(`${year.year} er ikke estimeret: ${year.notEstimated}.`);
  if (inputs.carried.operating.length > 0) {
    notes.push(`Et år i drift: sparede dage i ${inputs.carried.operating.join(", ")} er prissat med satserne for ${inputs.lastRateYear}, det sidste år i konfigurationens money.years.`);
  }
  if (inputs.carried.continued.length > 0) {
    notes.push(`Fortsat drift: ${inputs.carried.continued.join(", ")} er prissat med satserne for ${inputs.lastRateYear}, det sidste år i konfigurationens money.years.`);
  }
  if (inputs.savingsAfterPeriod !== 0) {
    const days = inputs.savedDaysAfterPeriod === null ? "Besparelsen" : `${formatNumber(inputs.savedDaysAfterPeriod, "da", { decimals: 0, minus: "-" })} sparede dage`;
    notes.push(
      `Fortsat drift: ${days} for de sidste deltagere falder efter ${inputs.toYear} og er ikke talt med i årene; prissat er de ${formatKroner(inputs.savingsAfterPeriod)} brutto${inputs.savedDaysAfterPeriod !== null && inputs.toYear >= inputs.lastRateYear ? ` (til satserne for ${inputs.lastRateYear})` : ""}.`,
    );
  }
  return notes;
}
