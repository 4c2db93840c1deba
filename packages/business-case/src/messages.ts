/**
 * The business case's catalogue, Danish (the default, for the jobcentre and finance) and
 * English: errors as data plus wording (a code with the fields involved, and
 * `businessCaseMessage` that turns it into one line saying what is wrong and how to fix
 * it), notices (`businessCaseNotice`): what the business case tells its user beside
 * the figures, such as an early look computed at a shorter horizon, and the wording of the
 * result and its tables (`businessCaseTexts`: labels, sources, notes, titles, columns).
 * `BusinessCaseError` carries the issue, so the command line prints the message in the
 * user's language and a program can switch on `issue.code`.
 */
import { formatNumber, JobtrialError, type Lang } from "@jobtrial/core";

export type { Lang };

type Arm = "control" | "intervention";

export type BusinessCaseIssue =
  | { code: "results_invalid"; problems: string[] }
  | { code: "results_other_trial"; resultsTrial: string; configTrial: string }
  | { code: "results_file_not_found"; file: string }
  | { code: "results_file_unreadable"; file: string; reason: string }
  | { code: "results_not_json"; file: string; reason: string }
  | { code: "config_invalid"; file: string; problems: number }
  | { code: "xlsx_needs_out" }
  | { code: "negative_days_saved"; value: number }
  | { code: "invalid_participants"; value: number }
  | { code: "invalid_prior_weeks"; value: number }
  | { code: "invalid_horizon"; value: number }
  | { code: "horizon_beyond_follow_up"; horizon: number; arm: Arm; lastTime: number; longest: number }
  | { code: "km_not_sorted"; arm: Arm; row: number }
  | { code: "km_survival_increases"; arm: Arm; row: number }
  | { code: "results_inconsistent"; computed: number; reported: number; tau: number }
  | { code: "rate_year_missing"; year: number; configured: number[] }
  | { code: "no_effect_source" }
  | { code: "invalid_years"; fromYear: number; toYear: number };

export type BusinessCaseIssueCode = BusinessCaseIssue["code"];

export type BusinessCaseNotice =
  | { code: "horizon_shortened"; requestedDays: number; usedDays: number; lastFollowUp: Record<Arm, number>; expectedDaysSaved: number }
  | { code: "year_not_estimated"; year: number; horizonDays: number }
  | { code: "curves_shortened"; usedDays: number; expenditureDays: number }
  | { code: "file_written"; file: string };

const ARM: Record<Lang, Record<Arm, string>> = {
  da: { control: "kontrolgruppen", intervention: "indsatsgruppen" },
  en: { control: "control arm", intervention: "intervention arm" },
};

/** A number as the user's language writes it: whole numbers without, others with one decimal (235 / 9,5). */
function number(value: number, lang: Lang, decimals?: number): string {
  return formatNumber(value, lang, { decimals: decimals ?? (Number.isInteger(value) ? 0 : 1), minus: "-" });
}

/**
 * One-line wording for an issue, in Danish (the default) or English: what is wrong and how
 * to fix it.
 *
 * @example businessCaseMessage({ code: "invalid_participants", value: -5 }) // "Deltagere pr. år er -5; angiv et tal på 0 eller mere."
 */
export function businessCaseMessage(issue: BusinessCaseIssue, lang: Lang = "da"): string {
  const da = lang === "da";
  const n = (value: number, decimals?: number) => number(value, lang, decimals);
  switch (issue.code) {
    case "results_invalid": {
      const shown = issue.problems.slice(0, 5).join("; ");
      const more = issue.problems.length > 5 ? (da ? ` (og ${issue.problems.length - 5} mere)` : ` (and ${issue.problems.length - 5} more)`) : "";
      return da
        ? `Resultatfilen har ikke de felter, business casen læser: ${shown}${more}; skriv den med "jobtrial analyze", eller se packages/business-case/docs/business-case.md for felterne.`
        : `The results file does not have the fields the business case reads: ${shown}${more}; write it with "jobtrial analyze" or see packages/business-case/docs/business-case.md for the fields.`;
    }
    case "results_other_trial":
      return da
        ? `Resultaterne er fra forsøget "${issue.resultsTrial}", men konfigurationen er for "${issue.configTrial}"; brug den results.json, som "jobtrial analyze" skrev for denne konfiguration.`
        : `The results are from trial "${issue.resultsTrial}" but the configuration is for "${issue.configTrial}"; pass the results.json that "jobtrial analyze" wrote for this configuration.`;
    case "results_file_not_found":
      return da ? `${issue.file}: filen findes ikke; kontroller stien.` : `${issue.file}: file not found; check the path.`;
    case "results_file_unreadable":
      return da ? `${issue.file}: filen kan ikke læses (${issue.reason}).` : `${issue.file}: cannot read the file (${issue.reason}).`;
    case "results_not_json":
      return da
        ? `${issue.file}: er ikke gyldig JSON (${issue.reason}); brug den results.json, som "jobtrial analyze" skrev.`
        : `${issue.file}: is not valid JSON (${issue.reason}); pass the results.json that "jobtrial analyze" wrote.`;
    case "config_invalid":
      return da
        ? `${issue.file} er ikke en gyldig konfiguration (${issue.problems === 1 ? "1 problem" : `${issue.problems} problemer`}); kontroller den med "jobtrial config check ${issue.file}".`
        : `${issue.file} is not a valid configuration (${issue.problems} problem${issue.problems === 1 ? "" : "s"}); check it with "jobtrial config check ${issue.file}".`;
    case "xlsx_needs_out":
      return da ? "--format xlsx kræver --out <fil.xlsx>" : "--format xlsx needs --out <file.xlsx>";
    case "negative_days_saved":
      return da
        ? `Sparede dage er ${n(issue.value)}; angiv et antal dage på 0 eller mere (et hvad-nu-hvis med en skadelig effekt understøttes ikke; brug de målte resultater i stedet).`
        : `Days saved is ${issue.value}; give a number of days of 0 or more (a what-if with a harmful effect is not supported; use the measured results instead).`;
    case "invalid_participants":
      return da ? `Deltagere pr. år er ${n(issue.value)}; angiv et tal på 0 eller mere.` : `Participants per year is ${issue.value}; give a number of 0 or more.`;
    case "invalid_prior_weeks":
      return da
        ? `Forudgående uger på offentlig forsørgelse er ${n(issue.value)}; angiv et helt antal uger på 0 eller mere (0 = nyledig).`
        : `Prior weeks on public support is ${issue.value}; give a whole number of weeks of 0 or more (0 = newly unemployed).`;
    case "invalid_horizon":
      return da ? `Horisonten ${n(issue.value)} er ikke et helt antal dage over 0; brug for eksempel 364.` : `Horizon ${issue.value} is not a whole number of days above 0; use for example 364.`;
    case "horizon_beyond_follow_up": {
      const choose =
        issue.longest >= 1
          ? da
            ? `vælg --horizon ${n(issue.longest)} eller kortere (den længste horisont med data i begge grupper)`
            : `choose --horizon ${n(issue.longest)} or shorter (the longest horizon with data in both arms)`
          : da
            ? "der er endnu ingen hel dag med data i begge grupper"
            : "there is no whole day with data in both arms yet";
      return da
        ? `Horisonten på ${n(issue.horizon)} dage ligger ud over den sidste opfølgningstid i ${ARM.da[issue.arm]} (${n(issue.lastTime)} dage), hvor kurverne er ukendte; ${choose}, eller lav et hvad-nu-hvis med --days-saved <dage> uden --results.`
        : `Horizon ${issue.horizon} days is beyond the last follow-up time of the ${ARM.en[issue.arm]} (${n(issue.lastTime)} days), where the curves are unknown; ${choose}, or make a what-if with --days-saved <days> without --results.`;
    }
    case "km_not_sorted":
      return da
        ? `Resultaterne km.${issue.arm}[${issue.row}]: tiderne skal stige række for række (én række pr. tid); skriv Kaplan-Meier-tabellen, som survfit gør.`
        : `Results km.${issue.arm}[${issue.row}]: times must increase row by row (one row per distinct time); write the Kaplan-Meier table as survfit does.`;
    case "km_survival_increases":
      return da
        ? `Resultaterne km.${issue.arm}[${issue.row}]: overlevelsen stiger over rækken før; en Kaplan-Meier-kurve stiger aldrig, så tabellen er beskadiget; kør "jobtrial analyze" igen.`
        : `Results km.${issue.arm}[${issue.row}]: the survival rises above the row before; a Kaplan-Meier curve never rises, so the table is damaged; re-run "jobtrial analyze".`;
    case "results_inconsistent":
      return da
        ? `Kaplan-Meier-kurverne giver ${n(issue.computed, 4)} sparede dage ved horisonten ${n(issue.tau)}, men daysSaved.estimate siger ${n(issue.reported, 4)}; resultatfilen blander forskellige analyser, så kør "jobtrial analyze" igen.`
        : `The Kaplan-Meier curves give ${issue.computed.toFixed(4)} days saved at tau ${issue.tau}, but daysSaved.estimate says ${issue.reported.toFixed(4)}; the results file mixes different analyses, so re-run "jobtrial analyze".`;
    case "rate_year_missing":
      return da
        ? `Sparede dage falder i ${issue.year}, men money.years i konfigurationen har ingen post for ${issue.year} (den har ${issue.configured.join(", ")}); tilføj årets maxDailyBenefit og cofinancing, eller afgræns årene med --to-year.`
        : `Saved days fall in ${issue.year}, but money.years in the configuration has no entry for ${issue.year} (it has ${issue.configured.join(", ")}); add its maxDailyBenefit and cofinancing, or narrow the years with --to-year.`;
    case "no_effect_source":
      return da
        ? "Der er ingen effekt at prissætte: angiv --results results.json (den målte effekt) eller --days-saved <dage> (et hvad-nu-hvis)."
        : "There is no effect to price: give --results results.json (the measured effect) or --days-saved <days> (a what-if).";
    case "invalid_years":
      return da
        ? `Årene går fra ${issue.fromYear} til ${issue.toYear}; det sidste år må ikke ligge før det første.`
        : `The years run from ${issue.fromYear} to ${issue.toYear}; the last year must not be before the first.`;
  }
}

/**
 * What the business case tells its user beside the figures, in Danish (the default) or
 * English. The wording in the result's language is also what its notes and reasons carry.
 *
 * @example businessCaseNotice({ code: "year_not_estimated", year: 2020, horizonDays: 364 }) // "ingen sparede dage inden for horisonten på 364 dage falder i 2020"
 */
export function businessCaseNotice(notice: BusinessCaseNotice, lang: Lang = "da"): string {
  const da = lang === "da";
  const n = (value: number) => number(value, lang);
  switch (notice.code) {
    case "horizon_shortened": {
      const { requestedDays, usedDays, lastFollowUp, expectedDaysSaved } = notice;
      return da
        ? `Tidligt kig: opfølgningen rækker endnu ikke til horisonten på ${n(requestedDays)} dage (sidste tid med data: kontrolgruppen ${n(lastFollowUp.control)} dage, indsatsgruppen ${n(lastFollowUp.intervention)} dage). Business casen er derfor beregnet ved den længste horisont med data i begge grupper, ${n(usedDays)} dage; sparede dage efter dag ${n(usedDays)} er ikke med. Et hvad-nu-hvis over ${n(requestedDays)} dage: kør uden --results med --days-saved <dage> (fx --days-saved ${n(expectedDaysSaved)}, projektets forventning).`
        : `Early look: follow-up does not yet reach the horizon of ${n(requestedDays)} days (last time with data: control arm ${n(lastFollowUp.control)} days, intervention arm ${n(lastFollowUp.intervention)} days). The business case is therefore computed at the longest horizon with data in both arms, ${n(usedDays)} days; days saved after day ${n(usedDays)} are not included. For a what-if over ${n(requestedDays)} days: run without --results, with --days-saved <days> (e.g. --days-saved ${n(expectedDaysSaved)}, the project's expectation).`;
    }
    case "year_not_estimated":
      return da
        ? `ingen sparede dage inden for horisonten på ${n(notice.horizonDays)} dage falder i ${notice.year}`
        : `no saved day within the horizon of ${n(notice.horizonDays)} days falls in ${notice.year}`;
    case "curves_shortened":
      return da
        ? `Kaplan-Meier-kurverne i results.json rækker kun til ${n(notice.usedDays)} dage i begge grupper, så besparelsen uge for uge og den forenklede beregning (dage til første afgang) er beregnet ved ${n(notice.usedDays)} dage; et år i drift og årene bygger på udgiften pr. borger ved ${n(notice.expenditureDays)} dage.`
        : `The Kaplan-Meier curves in results.json reach only ${n(notice.usedDays)} days in both arms, so the saving week by week and the simple mode (days to the first exit) are computed at ${n(notice.usedDays)} days; the year of operation and the years rest on the expenditure per citizen at ${n(notice.expenditureDays)} days.`;
    case "file_written":
      return da ? `Skrev ${notice.file}` : `Wrote ${notice.file}`;
  }
}

/** Thrown by the public business-case functions for bad input; `issue` says what, `messageIn(lang)` words it, the message is the Danish wording. */
export class BusinessCaseError extends JobtrialError {
  override name = "BusinessCaseError";
  constructor(readonly issue: BusinessCaseIssue) {
    super(issue.code, issue, (lang) => businessCaseMessage(issue, lang), businessCaseMessage(issue, "da"));
  }
}

/** A number of days as the business case's sentences write it: "9,12" / "9.12" (two decimals). */
function days2(value: number, lang: Lang): string {
  return formatNumber(value, lang, { decimals: 2, minus: "-" });
}

/** Whole persons or days as the business case's sentences write them: "1.291" / "1,291". */
function whole(value: number, lang: Lang): string {
  return formatNumber(value, lang, { decimals: 0, minus: "-" });
}

/**
 * The wording of everything the business case writes into its result and its tables: the
 * sources and labels of the assumptions, the notes, the reasons a figure is not estimated,
 * the sensitivity's labels and values, and the table's (and the XLSX's) titles, columns and
 * row labels. Each member is a code; its arguments are the fields the wording needs. Amounts
 * arrive already written in the language (`kroner`), so this file needs no money formatter.
 * The Danish wording is what the business case has always written, to the byte.
 */
export interface BusinessCaseTexts {
  // --- the assumptions: labels, values and sources
  sourceDaysScaled: string;
  sourceDaysMeasured: (horizon: number) => string;
  sourceDaysWhatIf: string;
  sourceDaysExpectation: string;
  labelOperatingYear: string;
  labelOperatingParticipants: (year: number) => string;
  notEstimated: string;
  labelOperatingSaving: string;
  labelDaysSaved: string;
  sourceGivenHorizon: string;
  sourceHorizonShortened: (requestedDays: number) => string;
  sourcePrimaryHorizon: string;
  labelHorizon: string;
  labelPriorWeeks: string;
  sourceGivenPriorWeeks: string;
  sourcePriorWeeksAssumed: string;
  labelBenefitDays: string;
  /** "konfigurationens budget.years": a field of the configuration. */
  sourceConfig: (field: string) => string;
  labelMaxRate: (year: number) => string;
  labelCofinancing: (year: number) => string;
  /** One co-financing step: weeks from-to (to null: and on), the share in per cent. */
  cofinancingStep: (fromWeek: number, toWeek: number | null, percent: number) => string;
  labelParticipants: (year: number) => string;
  labelCost: (year: number) => string;
  labelRegionalGrant: string;
  sourceGrantNotNetted: string;
  labelEntries: string;
  valueEntries: string;
  sourceEntries: string;
  labelPricing: string;
  valuePricing: string;
  sourcePricing: string;
  sourceGivenYear: string;
  sourceLatestIntakeYear: string;
  sourceFirstBudgetYear: string;
  // --- the year of operation: intake, cost, saving per participant, method
  sourceGivenParticipants: string;
  sourceYearCounted: (weeks: number, year: number) => string;
  sourceYearProjected: (observed: number, seen: [number, number], year: number, projected: number, unseen: [number, number], referenceYears: number[]) => string;
  sourceMean: (years: number[], why: string) => string;
  sourceImplied: string;
  reasonNoWholeYear: string;
  reasonNoReferenceIntake: (referenceYears: number[]) => string;
  reasonNoWeeklyCounts: (coveredDays: number) => string;
  whyPartlyNotProjected: (year: number, reason: string) => string;
  whyYearNotObserved: string;
  intakeNoteWeekly: (from: string, to: string) => string;
  intakeNoteAnnualized: (from: string, to: string) => string;
  intakeNoteCounted: string;
  costContinues: (lastBudgetYear: number) => string;
  costNone: (year: number) => string;
  whyPartlyObserved: (year: number, reason: string) => string;
  whyNoIntake: (year: number) => string;
  intakeNotFound: (why: string) => string;
  intakeNotEstimated: string;
  savingExpenditure: (tau: number) => string;
  whyNoExpenditure: string;
  whyExpenditureNotEstimated: string;
  savingMeasured: (daysSaved: number, horizon: number, entryYear: number, why: string) => string;
  savingScaled: (daysSaved: number, entryYear: number) => string;
  savingFlat: (daysSaved: number, horizon: number, entryYear: number) => string;
  methodNoInterval: string;
  methodDelta: (intakeProjected: boolean) => string;
  // --- the scenarios
  scenarioBase: (budgetYears: number[], fromYear: number, toYear: number) => string;
  scenarioContinued: (lastBudgetYear: number, kroner: string, untilYear: number, carried: number[], lastRateYear: number) => string;
  // --- the notes
  noteOperatingNotEstimated: (year: number, reason: string) => string;
  noteOperating: (year: number, method: string) => string;
  noteIntakeProjected: (year: number, countedWeeks: number, projectedWeeks: number, referenceYears: number[]) => string;
  noteExpenditure: (tau: number) => string;
  noteOtherConfiguration: (resultsHash: string, currentHash: string) => string;
  noteFlat: string;
  noteSuppressed: (cells: string[]) => string;
  notePartlyObserved: (year: number, reason: string) => string;
  noteCurvesAggregated: (computed: number, reported: number) => string;
  noteScaled: (reported: number, daysSaved: number) => string;
  noteUncertaintyExpenditure: string;
  noteUncertaintyDelta: string;
  noteSimple: string;
  noteMaxRate: string;
  noteYearNotEstimated: (year: number, reason: string) => string;
  noteCarriedOperating: (years: number[], lastRateYear: number) => string;
  noteCarriedContinued: (years: number[], lastRateYear: number) => string;
  /** The continued programme's saving after the last year: its saved days (null for a kroner saving), gross amount, and the rate year when priced at it (null otherwise). */
  noteAfterPeriod: (savedDays: number | null, toYear: number, kroner: string, atRatesOf: number | null) => string;
  // --- the sensitivity
  sensBenefitRate: string;
  sensCofinancing: string;
  sensIntake: string;
  sensEffectInterval: string;
  sensEffectDays: string;
  sensHorizon: string;
  sensPriorWeeks: string;
  lowerBound: string;
  upperBound: string;
  /** A percentage as a sensitivity value: "-10" -> "-10 %". */
  valuePercent: (signed: string) => string;
  valuePoints: (signed: string) => string;
  valueDays: (days: number) => string;
  valueWeeks: (weeks: number) => string;
  // --- the table, the XLSX and their headline
  headline: (year: number, kroner: string, interval: string | null) => string;
  headlineInterval: (lower: string, upper: string, probability: string) => string;
  headlineNotEstimated: (year: number, reason: string | null) => string;
  modeMeasured: string;
  modeWhatIf: string;
  modeLine: (mode: string, delta: boolean) => string;
  earlyLook: (usedDays: number, requestedDays: number) => string;
  total: string;
  totalYears: (fromYear: number, toYear: number) => string;
  yearColumns: string[];
  savingSource: Record<"expenditure" | "days-saved" | "what-if", string>;
  intakeMethod: Record<"given" | "observed" | "seasonal" | "mean" | "implied", string>;
  rowIntake: (year: number, method: string) => string;
  rowCounted: (span: string) => string;
  rowProjected: (span: string, referenceYears: number[]) => string;
  rowSaving: (source: string, tau: number) => string;
  rowGross: string;
  rowGrant: string;
  rowCost: (source: string) => string;
  rowNet: string;
  rowProbability: string;
  rowBreakEvenSaving: string;
  rowBreakEvenParticipants: string;
  noWeeks: string;
  weekSpan: (first: number, last: number, year: string) => string;
  titleYearly: (year: number) => string;
  columnsFigure: string[];
  titleIntakeWeeks: (year: number, referenceYears: number[]) => string;
  columnsIntakeWeeks: string[];
  counted: string;
  projected: string;
  titleAssumptions: string;
  columnsAssumptions: string[];
  unitWeeks: string;
  unitDaysPerWeek: string;
  yes: string;
  no: string;
  titlePerParticipant: (horizon: number, expenditure: boolean) => string;
  columnsPerParticipant: string[];
  titleSimple: string;
  columnsSimple: string[];
  titleWeeks: (entryYear: number | undefined) => string;
  columnsWeeks: string[];
  titleBaseYears: (description: string) => string;
  titleScenario: (description: string) => string;
  breakEvenBase: string;
  breakEvenContinued: string;
  rowBreakEvenDays: (scenario: string, fromYear: number, toYear: number) => string;
  rowBreakEvenIntake: (scenario: string) => string;
  titleBreakEven: (measured: boolean) => string;
  titleSensitivity: (fromYear: number, toYear: number) => string;
  columnsSensitivity: string[];
  titleImplied: (days: string, kroner: string) => string;
  rowImpliedSaving: (days: string) => string;
  rowImpliedParticipants: string;
  rowPerWeek: string;
  rowInProgramme: string;
  rowImpliedWholePeriod: string;
  rowObservedParticipants: string;
  titleNotes: string;
  // --- the XLSX's overview sheet
  sheetColumn: string;
  contentsColumn: string;
  noteColumn: string;
}

const DA: BusinessCaseTexts = {
  sourceDaysScaled: "angivet (--days-saved); den målte forskel mellem kurverne skaleret til dette areal",
  sourceDaysMeasured: (horizon) => `målt: forskel i restricted mean (kontrol - indsats) op til ${horizon} dage fra Kaplan-Meier-kurverne i results.json (dage til første afgang)`,
  sourceDaysWhatIf: "angivet (--days-saved), hvad-nu-hvis; de sparede dage fordelt jævnt over horisonten",
  sourceDaysExpectation: "konfigurationens expectations.daysSaved (projektets forventning), hvad-nu-hvis; fordelt jævnt over horisonten",
  labelOperatingYear: "Et år i drift",
  labelOperatingParticipants: (year) => `Deltagere i indsatsen i et år i drift (${year})`,
  notEstimated: "ikke estimeret",
  labelOperatingSaving: "Sparet pr. deltager (et år i drift)",
  labelDaysSaved: "Sparede dage pr. deltager",
  sourceGivenHorizon: "angivet (--horizon)",
  sourceHorizonShortened: (requested) => `længste horisont med data i begge grupper (tidligt kig: results.json daysSaved.tau på ${requested} dage ligger ud over opfølgningen)`,
  sourcePrimaryHorizon: "konfigurationens evaluation.primaryHorizonDays",
  labelHorizon: "Horisont",
  labelPriorWeeks: "Forudgående uger på offentlig forsørgelse",
  sourceGivenPriorWeeks: "angivet (--prior-weeks)",
  sourcePriorWeeksAssumed: "antagelse: nyledige, uge 1 af offentlig forsørgelse er første ledighedsdag",
  labelBenefitDays: "Dagpengedage pr. uge",
  sourceConfig: (field) => `konfigurationens ${field}`,
  labelMaxRate: (year) => `Højeste dagpengesats ${year} (pr. dagpengedag; øvre grænse)`,
  labelCofinancing: (year) => `Kommunal medfinansiering ${year}`,
  cofinancingStep: (fromWeek, toWeek, percent) => `uge ${fromWeek}${toWeek !== null ? `-${toWeek}` : "+"}: ${percent} %`,
  labelParticipants: (year) => `Deltagere i indsatsen ${year}`,
  labelCost: (year) => `Projektudgift ${year}`,
  labelRegionalGrant: "Modregning af beskæftigelsestilskud",
  sourceGrantNotNetted: "ikke modregnet (konfigurationens money.netRegionalGrant: false)",
  labelEntries: "Indtræden i løbet af året",
  valueEntries: "jævnt fordelt over årets dage",
  sourceEntries: "antagelse (ingen indtrædelsesdatoer i results.json)",
  labelPricing: "Prisfastsættelse",
  valuePricing: "hver sparet dag til satsen og medfinansieringen i det kalenderår, dagen falder i",
  sourcePricing: "metode, se docs/business-case.md",
  sourceGivenYear: "angivet (--year)",
  sourceLatestIntakeYear: "året med det seneste indtag i registret (--year vælger et andet)",
  sourceFirstBudgetYear: "første budgetår (--year vælger et andet)",
  sourceGivenParticipants: "angivet (--participants-per-year)",
  sourceYearCounted: (weeks, year) => `registret (results.json), indsatsgruppen: alle ${weeks} uger af ${year}`,
  sourceYearProjected: (observed, seen, year, projected, unseen, referenceYears) =>
    `registret (results.json), indsatsgruppen: ${whole(observed, "da")} talt i uge ${seen[0]}-${seen[1]} af ${year}, ${whole(projected, "da")} fremskrevet for uge ${unseen[0]}-${unseen[1]} med sæsonmønsteret i ${referenceYears.join(", ")} (samme uger, begge grupper)`,
  sourceMean: (years, why) => `gennemsnit af ${years.join(", ")} i registret (${why})`,
  sourceImplied: "implicit i projektets forventning (konfigurationens expectations)",
  reasonNoWholeYear: "der er intet helt år i registret at tage sæsonmønsteret fra",
  reasonNoReferenceIntake: (referenceYears) => `de hele år (${referenceYears.join(", ")}) havde intet indtag i de samme uger`,
  reasonNoWeeklyCounts: (covered) => `results.json har ingen ugetal at tage sæsonmønsteret fra, og ${covered} dage tælles ikke op til et år`,
  whyPartlyNotProjected: (year, reason) => `${year} er kun delvist observeret og ikke fremskrevet: ${reason}`,
  whyYearNotObserved: "året er ikke observeret",
  intakeNoteWeekly: (from, to) => `registret (results.json), indsatsgruppen, ISO-uger fra ${from} til ${to}; et helt år talt, et delvist år fremskrevet med sæsonmønsteret i de hele år`,
  intakeNoteAnnualized: (from, to) => `registret (results.json), indsatsgruppen, omregnet til helår ud fra indtag ${from} til ${to}`,
  intakeNoteCounted: "registret (results.json), indsatsgruppen, optalt pr. år (intet indtagsvindue i results.json, ikke omregnet til helår)",
  costContinues: (last) => `som sidste budgetår ${last} (indsatsen fortsætter til samme udgift)`,
  costNone: (year) => `intet budget for ${year} i konfigurationen`,
  whyPartlyObserved: (year, reason) => `${year} er kun delvist observeret, og ${reason}`,
  whyNoIntake: (year) => `registret har intet indtag at tælle for ${year}`,
  intakeNotFound: (why) => `indtaget for et helt år kan ikke findes endnu: ${why}; angiv --participants-per-year`,
  intakeNotEstimated: "indtaget er ikke estimeret",
  savingExpenditure: (tau) =>
    `målt: kommunens gennemsnitlige udgift til forsørgelse pr. borger inden for ${tau} dage, kontrol - indsats, prissat pr. ydelse og medfinansieringstrin ud fra ydelsespanelet (results.json expenditure); A-dagpenge til højeste sats, en øvre grænse`,
  whyNoExpenditure: "results.json har ingen udgift pr. borger (intet ydelsespanel)",
  whyExpenditureNotEstimated: "results.json's udgift pr. borger er ikke estimeret ved horisonten",
  savingMeasured: (daysSaved, horizon, entryYear, why) =>
    `målt: ${days2(daysSaved, "da")} sparede dage til første afgang (Kaplan-Meier, kontrol - indsats) op til ${horizon} dage, prissat dag for dag til højeste A-dagpengesats (en øvre grænse) ved indtræden i ${entryYear}; ${why}`,
  savingScaled: (daysSaved, entryYear) =>
    `hvad-nu-hvis: den målte kurveforskel skaleret til ${days2(daysSaved, "da")} sparede dage (--days-saved), prissat dag for dag til højeste A-dagpengesats (en øvre grænse) ved indtræden i ${entryYear}`,
  savingFlat: (daysSaved, horizon, entryYear) =>
    `hvad-nu-hvis: ${days2(daysSaved, "da")} sparede dage fordelt jævnt over ${horizon} dage, prissat dag for dag til højeste A-dagpengesats (en øvre grænse) ved indtræden i ${entryYear}`,
  methodNoInterval: "Intet interval: besparelsen pr. deltager er et hvad-nu-hvis, og indtaget regnes som kendt.",
  methodDelta: (projected) =>
    `Deltametoden: Var(netto) = (1 - tilskudsandel)^2 x (n^2 SE(g)^2 + g^2 SE(n)^2), n = deltagere, g = besparelse pr. deltager; ${projected ? "indtagets usikkerhed fra fremskrivningen (Poisson-tællinger) er med" : "indtaget regnes som kendt (et helt år talt i registret, angivet eller gennemsnit)"}. 95 %-interval og P(netto > 0) ved normalapproksimation.`,
  scenarioBase: (budgetYears, fromYear, toYear) => `Projektperioden: budget ${budgetYears.join(", ")}, besparelser ${fromYear}-${toYear}`,
  scenarioContinued: (last, kroner, until, carried, lastRateYear) =>
    `Indsatsen fortsætter efter ${last} til samme udgift (${kroner} om året) og samme indtag til og med ${until}${carried.length > 0 ? `; ${carried.join(", ")} prissat med satserne for ${lastRateYear}` : ""}`,
  noteOperatingNotEstimated: (year, reason) => `Et år i drift (${year}) er ikke estimeret: ${reason}.`,
  noteOperating: (year, method) => `Et år i drift (${year}): ${method}`,
  noteIntakeProjected: (year, counted, projected, referenceYears) =>
    `Indtaget i ${year} er fremskrevet: ${counted} uger talt, ${projected} uger fremskrevet med sæsonmønsteret i ${referenceYears.join(", ")} (aldrig de første uger ganget op til et år); se tabellen over indtaget uge for uge.`,
  noteExpenditure: (tau) =>
    `Pr. år og i alt prissættes udgiftsforskellen pr. deltager (results.json expenditure), fordelt jævnt over de ${tau} dage fra første ledighedsdag, da results.json ikke har udgiften dag for dag. Besparelsen pr. deltager uge for uge og den forenklede beregning prissætter dage til første afgang (Kaplan-Meier), et sekundært mål; break-even i dage er i sparede A-dagpengedage fordelt jævnt over horisonten.`,
  noteOtherConfiguration: (resultsHash, currentHash) =>
    `Resultaterne er beregnet med en anden udgave af konfigurationen (hash ${resultsHash} mod ${currentHash}); kurverne bruges, satser og budget tages fra den nuværende konfiguration.`,
  noteFlat: "Hvad-nu-hvis: de sparede dage er fordelt jævnt over horisonten; uden målte kurver er der intet usikkerhedsinterval.",
  noteSuppressed: (cells) => `Indtaget er diskretioneret (under mindste celle) for ${cells.join(", ")} og regnet som 0.`,
  notePartlyObserved: (year, reason) => `${year} er kun delvist observeret og ikke fremskrevet, da ${reason}; årets deltagere er taget som angivet i forudsætningerne.`,
  noteCurvesAggregated: (computed, reported) =>
    `Kaplan-Meier-kurverne i results.json er offentliggjort med trin samlet til mindste cellestørrelse: arealet mellem dem er ${days2(computed, "da")} dage mod ${days2(reported, "da")} dage til første afgang i results.json; prisen på dage til første afgang bygger på de offentliggjorte kurver.`,
  // the measured difference keeps the decimal point it has always been written with
  noteScaled: (reported, daysSaved) => `Den målte forskel mellem kurverne (${reported.toFixed(2)} dage) er skaleret til ${daysSaved} dage; intervallet er skaleret med.`,
  noteUncertaintyExpenditure:
    "Usikkerhed pr. år og i alt: udgiftsforskellens standardfejl fra results.json (influensfunktionen), ganget med deltagerne; interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.",
  noteUncertaintyDelta:
    "Usikkerhed pr. år og i alt: deltametoden (Greenwood-type varians af den prisvægtede forskel mellem Kaplan-Meier-kurverne); interval og P(netto > 0) ved normalapproksimation. Deltagertal og satser regnes som kendte.",
  noteSimple: "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag (sats x dagpengedage pr. uge / 7) x gennemsnitlig medfinansiering over horisonten, til indtrædelsesårets sats.",
  noteMaxRate: "Satserne er den højeste dagpengesats: en øvre grænse, for ikke alle ledige får højeste sats; bruttobesparelsen ved en given effekt er derfor også en øvre grænse.",
  noteYearNotEstimated: (year, reason) => `${year} er ikke estimeret: ${reason}.`,
  noteCarriedOperating: (years, last) => `Et år i drift: sparede dage i ${years.join(", ")} er prissat med satserne for ${last}, det sidste år i konfigurationens money.years.`,
  noteCarriedContinued: (years, last) => `Fortsat drift: ${years.join(", ")} er prissat med satserne for ${last}, det sidste år i konfigurationens money.years.`,
  noteAfterPeriod: (savedDays, toYear, kroner, atRatesOf) =>
    `Fortsat drift: ${savedDays === null ? "Besparelsen" : `${whole(savedDays, "da")} sparede dage`} for de sidste deltagere falder efter ${toYear} og er ikke talt med i årene; prissat er de ${kroner} brutto${atRatesOf !== null ? ` (til satserne for ${atRatesOf})` : ""}.`,
  sensBenefitRate: "Dagpengesats",
  sensCofinancing: "Kommunal medfinansiering (alle trin)",
  sensIntake: "Deltagere pr. år",
  sensEffectInterval: "Effekt (95 %-interval, deltametoden)",
  sensEffectDays: "Effekt (sparede dage)",
  sensHorizon: "Horisont (dage)",
  sensPriorWeeks: "Forudgående uger på offentlig forsørgelse (anciennitet)",
  lowerBound: "nedre grænse",
  upperBound: "øvre grænse",
  valuePercent: (signed) => `${signed} %`,
  valuePoints: (signed) => `${signed} procentpoint`,
  valueDays: (days) => `${days} dage`,
  valueWeeks: (weeks) => `${weeks} uger`,
  headline: (year, kroner, interval) => `Et år i drift (${year}): nettobesparelse ${kroner}${interval ?? " (intet interval)"}.`,
  headlineInterval: (lower, upper, probability) => ` (95 % KI ${lower} til ${upper}; P(netto > 0) ${probability}, normalapproksimation)`,
  headlineNotEstimated: (year, reason) => `Et år i drift (${year}): nettobesparelse ikke estimeret (${reason}).`,
  modeMeasured: "Målt effekt fra results.json",
  modeWhatIf: "Hvad-nu-hvis på antagne sparede dage",
  modeLine: (mode, delta) => `${mode}; usikkerhed: ${delta ? "deltametoden, 95 % normalinterval" : "ingen (ingen målte kurver)"}.`,
  earlyLook: (used, requested) => `Tidligt kig: beregnet ved ${used} dage, den længste horisont med data i begge grupper (results.json: ${requested} dage); se noterne.`,
  total: "I alt",
  totalYears: (fromYear, toYear) => `I alt ${fromYear}-${toYear}`,
  yearColumns: ["År", "Deltagere (indtræden)", "Projektudgift", "Bruttobesparelse", "Beskæftigelsestilskud", "Nettobesparelse", "95 % nedre", "95 % øvre", "P(netto > 0), normalapprox."],
  savingSource: { expenditure: "udgiftsforskel pr. borger fra ydelsespanelet", "days-saved": "sparede dage til første afgang, prissat", "what-if": "hvad-nu-hvis" },
  intakeMethod: {
    given: "angivet",
    observed: "talt i registret, hele året",
    seasonal: "fremskrevet med sæsonmønsteret",
    mean: "gennemsnit af de observerede år",
    implied: "implicit i forventningen, hvad-nu-hvis",
  },
  rowIntake: (year, method) => `Deltagere i indsatsen ${year} (${method})`,
  rowCounted: (span) => `  heraf talt i registret, ${span}`,
  rowProjected: (span, referenceYears) => `  heraf fremskrevet, ${span} (sæsonmønster fra ${referenceYears.join(", ")})`,
  rowSaving: (source, tau) => `Sparet pr. deltager (${source}, ${tau} dage)`,
  rowGross: "Bruttobesparelse (deltagere x besparelse)",
  rowGrant: "Beskæftigelsestilskud",
  rowCost: (source) => `Projektudgift (${source})`,
  rowNet: "Nettobesparelse",
  rowProbability: "P(netto > 0), normalapproksimation",
  rowBreakEvenSaving: "Ved netto 0 (break-even): besparelse pr. deltager",
  rowBreakEvenParticipants: "Ved netto 0 (break-even): deltagere pr. år med den anvendte besparelse",
  noWeeks: "ingen uger",
  weekSpan: (first, last, year) => `uge ${first}-${last} af ${year}`,
  titleYearly: (year) => `Et år i drift: ${year}, deltagere x besparelse pr. deltager - årets udgift`,
  columnsFigure: ["Størrelse", "Værdi", "95 % nedre", "95 % øvre"],
  titleIntakeWeeks: (year, referenceYears) => `Indtag uge for uge: ${year}, talte uger og fremskrevne uger (sæsonmønster fra ${referenceYears.join(", ")})`,
  columnsIntakeWeeks: ["Uge", "Talt eller fremskrevet", "Deltagere i indsatsen"],
  counted: "talt",
  projected: "fremskrevet",
  titleAssumptions: "Forudsætninger",
  columnsAssumptions: ["Input", "Værdi", "Kilde"],
  unitWeeks: " uger",
  unitDaysPerWeek: " dage pr. uge",
  yes: "ja",
  no: "nej",
  titlePerParticipant: (horizon, expenditure) => `Besparelse pr. deltager (uge for uge, horisont ${horizon} dage${expenditure ? ", dage til første afgang prissat, sekundært" : ""})`,
  columnsPerParticipant: ["Indtrædelsesår", "Besparelse", "95 % nedre", "95 % øvre", "Forenklet beregning", "Forskel"],
  titleSimple: "Forenklet beregning: sparede dage x dagpenge pr. kalenderdag x gennemsnitlig medfinansiering",
  columnsSimple: ["Indtrædelsesår", "Sparede dage", "Højeste sats pr. dagpengedag (øvre grænse)", "Dagpengedage pr. uge", "Dagpenge pr. kalenderdag", "Gns. medfinansiering", "Besparelse"],
  titleWeeks: (entryYear) => `Uge for uge: deltager med indtræden i ${entryYear} (hver dag prissat i det kalenderår, den falder i)`,
  columnsWeeks: ["Uge i forløbet", "Uge i offentlig forsørgelse", "Sparede dage", "Medfinansiering", "Besparelse"],
  titleBaseYears: (description) => `Nettobesparelse pr. år: ${description}`,
  titleScenario: (description) => `Scenarie: ${description}`,
  breakEvenBase: "projektperioden",
  breakEvenContinued: "fortsat drift",
  rowBreakEvenDays: (scenario, fromYear, toYear) => `Sparede dage pr. deltager ved nettobesparelse 0 (${scenario}, i alt ${fromYear}-${toYear})`,
  rowBreakEvenIntake: (scenario) => `Deltagere pr. år ved nettobesparelse 0 med den anvendte effekt (${scenario})`,
  titleBreakEven: (measured) => `Break-even (${measured ? "den målte kurveforskel skaleret" : "sparede dage fordelt jævnt over horisonten"})`,
  titleSensitivity: (fromYear, toYear) => `Følsomhed: nettobesparelse i alt ${fromYear}-${toYear}, ordnet efter udsving`,
  columnsSensitivity: ["Input", "Lav", "Høj", "Netto ved lav", "Netto ved høj", "Udsving"],
  titleImplied: (days, kroner) => `Implicitte tal: projektets forventning (${days} -> ${kroner} netto om året)`,
  rowImpliedSaving: (days) => `Besparelse pr. deltager ved ${days}`,
  rowImpliedParticipants: "Deltagere pr. år, som forventningen kræver (et års udgift + forventet netto)",
  rowPerWeek: "  heraf pr. uge",
  rowInProgramme: "  i forløbet ad gangen (højst: pr. uge x programmets uger)",
  rowImpliedWholePeriod: "Deltagere pr. år, hele perioden læst samlet (samlet udgift + netto x år)",
  rowObservedParticipants: "Deltagere pr. år i registret (omregnet til helår)",
  titleNotes: "Noter",
  sheetColumn: "Ark",
  contentsColumn: "Indhold",
  noteColumn: "Note",
};

const EN: BusinessCaseTexts = {
  sourceDaysScaled: "given (--days-saved); the measured difference between the curves scaled to this area",
  sourceDaysMeasured: (horizon) => `measured: difference in restricted mean (control - intervention) up to ${horizon} days from the Kaplan-Meier curves in results.json (days to the first exit)`,
  sourceDaysWhatIf: "given (--days-saved), what-if; the days saved spread evenly over the horizon",
  sourceDaysExpectation: "the configuration's expectations.daysSaved (the project's expectation), what-if; spread evenly over the horizon",
  labelOperatingYear: "A year in operation",
  labelOperatingParticipants: (year) => `Participants in the programme in a year in operation (${year})`,
  notEstimated: "not estimated",
  labelOperatingSaving: "Saved per participant (a year in operation)",
  labelDaysSaved: "Days saved per participant",
  sourceGivenHorizon: "given (--horizon)",
  sourceHorizonShortened: (requested) => `the longest horizon with data in both arms (early look: results.json's daysSaved.tau of ${requested} days lies beyond the follow-up)`,
  sourcePrimaryHorizon: "the configuration's evaluation.primaryHorizonDays",
  labelHorizon: "Horizon",
  labelPriorWeeks: "Prior weeks on public support",
  sourceGivenPriorWeeks: "given (--prior-weeks)",
  sourcePriorWeeksAssumed: "assumption: newly unemployed, week 1 on public support is the first day of unemployment",
  labelBenefitDays: "Benefit days per week",
  sourceConfig: (field) => `the configuration's ${field}`,
  labelMaxRate: (year) => `Highest daily benefit rate ${year} (per benefit day; an upper bound)`,
  labelCofinancing: (year) => `Municipal co-financing ${year}`,
  cofinancingStep: (fromWeek, toWeek, percent) =>
    `${toWeek !== null ? `weeks ${fromWeek}-${toWeek}` : `week ${fromWeek}+`}: ${formatNumber(percent, "en", { decimals: Number.isInteger(percent) ? 0 : 1 })}%`,
  labelParticipants: (year) => `Participants in the programme ${year}`,
  labelCost: (year) => `Project cost ${year}`,
  labelRegionalGrant: "Deduction of the employment subsidy",
  sourceGrantNotNetted: "not deducted (the configuration's money.netRegionalGrant: false)",
  labelEntries: "Entries during the year",
  valueEntries: "spread evenly over the days of the year",
  sourceEntries: "assumption (no entry dates in results.json)",
  labelPricing: "Pricing",
  valuePricing: "each saved day at the rate and co-financing of the calendar year the day falls in",
  sourcePricing: "method, see docs/business-case.md",
  sourceGivenYear: "given (--year)",
  sourceLatestIntakeYear: "the year with the latest intake in the register (--year chooses another)",
  sourceFirstBudgetYear: "the first budget year (--year chooses another)",
  sourceGivenParticipants: "given (--participants-per-year)",
  sourceYearCounted: (weeks, year) => `the register (results.json), intervention arm: all ${weeks} weeks of ${year}`,
  sourceYearProjected: (observed, seen, year, projected, unseen, referenceYears) =>
    `the register (results.json), intervention arm: ${whole(observed, "en")} counted in weeks ${seen[0]}-${seen[1]} of ${year}, ${whole(projected, "en")} projected for weeks ${unseen[0]}-${unseen[1]} with the seasonal pattern of ${referenceYears.join(", ")} (the same weeks, both arms)`,
  sourceMean: (years, why) => `mean of ${years.join(", ")} in the register (${why})`,
  sourceImplied: "implied by the project's expectation (the configuration's expectations)",
  reasonNoWholeYear: "there is no whole year in the register to take the seasonal pattern from",
  reasonNoReferenceIntake: (referenceYears) => `the whole years (${referenceYears.join(", ")}) had no intake in the same weeks`,
  reasonNoWeeklyCounts: (covered) => `results.json has no weekly counts to take the seasonal pattern from, and ${covered} days are not counted up to a year`,
  whyPartlyNotProjected: (year, reason) => `${year} is only partly observed and not projected: ${reason}`,
  whyYearNotObserved: "the year is not observed",
  intakeNoteWeekly: (from, to) => `the register (results.json), intervention arm, ISO weeks from ${from} to ${to}; a whole year counted, a partial year projected with the seasonal pattern of the whole years`,
  intakeNoteAnnualized: (from, to) => `the register (results.json), intervention arm, annualized from the intake ${from} to ${to}`,
  intakeNoteCounted: "the register (results.json), intervention arm, counted per year (no intake window in results.json, not annualized)",
  costContinues: (last) => `as the last budget year ${last} (the programme continues at the same cost)`,
  costNone: (year) => `no budget for ${year} in the configuration`,
  whyPartlyObserved: (year, reason) => `${year} is only partly observed, and ${reason}`,
  whyNoIntake: (year) => `the register has no intake to count for ${year}`,
  intakeNotFound: (why) => `the intake of a whole year cannot be found yet: ${why}; give --participants-per-year`,
  intakeNotEstimated: "the intake is not estimated",
  savingExpenditure: (tau) =>
    `measured: the municipality's mean expenditure on public support per citizen within ${tau} days, control - intervention, priced per benefit and co-financing step from the benefit panel (results.json expenditure); A-dagpenge at the highest rate, an upper bound`,
  whyNoExpenditure: "results.json has no expenditure per citizen (no benefit panel)",
  whyExpenditureNotEstimated: "results.json's expenditure per citizen is not estimated at the horizon",
  savingMeasured: (daysSaved, horizon, entryYear, why) =>
    `measured: ${days2(daysSaved, "en")} days saved to the first exit (Kaplan-Meier, control - intervention) up to ${horizon} days, priced day by day at the highest A-dagpenge rate (an upper bound) for entry in ${entryYear}; ${why}`,
  savingScaled: (daysSaved, entryYear) =>
    `what-if: the measured curve difference scaled to ${days2(daysSaved, "en")} days saved (--days-saved), priced day by day at the highest A-dagpenge rate (an upper bound) for entry in ${entryYear}`,
  savingFlat: (daysSaved, horizon, entryYear) =>
    `what-if: ${days2(daysSaved, "en")} days saved spread evenly over ${horizon} days, priced day by day at the highest A-dagpenge rate (an upper bound) for entry in ${entryYear}`,
  methodNoInterval: "No interval: the saving per participant is a what-if, and the intake is taken as known.",
  methodDelta: (projected) =>
    `Delta method: Var(net) = (1 - grant share)^2 x (n^2 SE(g)^2 + g^2 SE(n)^2), n = participants, g = saving per participant; ${projected ? "the intake's uncertainty from the projection (Poisson counts) is included" : "the intake is taken as known (a whole year counted in the register, given, or a mean)"}. 95 % interval and P(net > 0) by the normal approximation.`,
  scenarioBase: (budgetYears, fromYear, toYear) => `The project period: budget ${budgetYears.join(", ")}, savings ${fromYear}-${toYear}`,
  scenarioContinued: (last, kroner, until, carried, lastRateYear) =>
    `The programme continues after ${last} at the same cost (${kroner} a year) and the same intake up to and including ${until}${carried.length > 0 ? `; ${carried.join(", ")} priced at the rates of ${lastRateYear}` : ""}`,
  noteOperatingNotEstimated: (year, reason) => `A year in operation (${year}) is not estimated: ${reason}.`,
  noteOperating: (year, method) => `A year in operation (${year}): ${method}`,
  noteIntakeProjected: (year, counted, projected, referenceYears) =>
    `The intake of ${year} is projected: ${counted} weeks counted, ${projected} weeks projected with the seasonal pattern of ${referenceYears.join(", ")} (never the first weeks multiplied up to a year); see the table of the intake week by week.`,
  noteExpenditure: (tau) =>
    `Per year and in total, the expenditure difference per participant (results.json expenditure) is priced, spread evenly over the ${tau} days from the first day of unemployment, as results.json does not have the expenditure day by day. The saving per participant week by week and the simple calculation price the days to the first exit (Kaplan-Meier), a secondary measure; break-even in days is in saved A-dagpenge days spread evenly over the horizon.`,
  noteOtherConfiguration: (resultsHash, currentHash) =>
    `The results were computed with another version of the configuration (hash ${resultsHash} against ${currentHash}); the curves are used, rates and budget are taken from the current configuration.`,
  noteFlat: "What-if: the days saved are spread evenly over the horizon; without measured curves there is no uncertainty interval.",
  noteSuppressed: (cells) => `The intake is suppressed (below the minimum cell size) for ${cells.join(", ")} and counted as 0.`,
  notePartlyObserved: (year, reason) => `${year} is only partly observed and not projected, as ${reason}; the year's participants are taken as given in the assumptions.`,
  noteCurvesAggregated: (computed, reported) =>
    `The Kaplan-Meier curves in results.json are published with their steps merged to the minimum cell size: the area between them is ${days2(computed, "en")} days against ${days2(reported, "en")} days to the first exit in results.json; the price of the days to the first exit rests on the published curves.`,
  noteScaled: (reported, daysSaved) => `The measured difference between the curves (${days2(reported, "en")} days) is scaled to ${daysSaved} days; the interval is scaled with it.`,
  noteUncertaintyExpenditure:
    "Uncertainty per year and in total: the standard error of the expenditure difference from results.json (the influence function), times the participants; interval and P(net > 0) by the normal approximation. Participant numbers and rates are taken as known.",
  noteUncertaintyDelta:
    "Uncertainty per year and in total: the delta method (a Greenwood-type variance of the price-weighted difference between the Kaplan-Meier curves); interval and P(net > 0) by the normal approximation. Participant numbers and rates are taken as known.",
  noteSimple: "Simple calculation: days saved x benefit per calendar day (rate x benefit days per week / 7) x mean co-financing over the horizon, at the rate of the entry year.",
  noteMaxRate: "The rates are the highest daily benefit rate: an upper bound, as not every unemployed person gets the highest rate; the gross saving of a given effect is therefore an upper bound too.",
  noteYearNotEstimated: (year, reason) => `${year} is not estimated: ${reason}.`,
  noteCarriedOperating: (years, last) => `A year in operation: the days saved in ${years.join(", ")} are priced at the rates of ${last}, the last year in the configuration's money.years.`,
  noteCarriedContinued: (years, last) => `Continued operation: ${years.join(", ")} are priced at the rates of ${last}, the last year in the configuration's money.years.`,
  noteAfterPeriod: (savedDays, toYear, kroner, atRatesOf) =>
    `Continued operation: ${savedDays === null ? "the saving of the last participants falls" : `${whole(savedDays, "en")} days saved of the last participants fall`} after ${toYear} and are not counted in the years; priced, they come to ${kroner} gross${atRatesOf !== null ? ` (at the rates of ${atRatesOf})` : ""}.`,
  sensBenefitRate: "Benefit rate",
  sensCofinancing: "Municipal co-financing (all steps)",
  sensIntake: "Participants per year",
  sensEffectInterval: "Effect (95 % interval, delta method)",
  sensEffectDays: "Effect (days saved)",
  sensHorizon: "Horizon (days)",
  sensPriorWeeks: "Prior weeks on public support (seniority)",
  lowerBound: "lower bound",
  upperBound: "upper bound",
  valuePercent: (signed) => `${signed}%`,
  valuePoints: (signed) => `${signed} percentage points`,
  valueDays: (days) => `${days} days`,
  valueWeeks: (weeks) => `${weeks} weeks`,
  headline: (year, kroner, interval) => `A year in operation (${year}): net saving ${kroner}${interval ?? " (no interval)"}.`,
  headlineInterval: (lower, upper, probability) => ` (95 % CI ${lower} to ${upper}; P(net > 0) ${probability}, normal approximation)`,
  headlineNotEstimated: (year, reason) => `A year in operation (${year}): the net saving is not estimated (${reason}).`,
  modeMeasured: "Measured effect from results.json",
  modeWhatIf: "What-if on assumed days saved",
  modeLine: (mode, delta) => `${mode}; uncertainty: ${delta ? "the delta method, 95 % normal interval" : "none (no measured curves)"}.`,
  earlyLook: (used, requested) => `Early look: computed at ${used} days, the longest horizon with data in both arms (results.json: ${requested} days); see the notes.`,
  total: "Total",
  totalYears: (fromYear, toYear) => `Total ${fromYear}-${toYear}`,
  yearColumns: ["Year", "Participants (entering)", "Project cost", "Gross saving", "Employment subsidy", "Net saving", "95 % lower", "95 % upper", "P(net > 0), normal approx."],
  savingSource: { expenditure: "expenditure difference per citizen from the benefit panel", "days-saved": "days saved to the first exit, priced", "what-if": "what-if" },
  intakeMethod: {
    given: "given",
    observed: "counted in the register, the whole year",
    seasonal: "projected with the seasonal pattern",
    mean: "mean of the years observed",
    implied: "implied by the expectation, what-if",
  },
  rowIntake: (year, method) => `Participants in the programme ${year} (${method})`,
  rowCounted: (span) => `  of which counted in the register, ${span}`,
  rowProjected: (span, referenceYears) => `  of which projected, ${span} (seasonal pattern of ${referenceYears.join(", ")})`,
  rowSaving: (source, tau) => `Saved per participant (${source}, ${tau} days)`,
  rowGross: "Gross saving (participants x saving)",
  rowGrant: "Employment subsidy",
  rowCost: (source) => `Project cost (${source})`,
  rowNet: "Net saving",
  rowProbability: "P(net > 0), normal approximation",
  rowBreakEvenSaving: "At net 0 (break-even): saving per participant",
  rowBreakEvenParticipants: "At net 0 (break-even): participants per year with the saving used",
  noWeeks: "no weeks",
  weekSpan: (first, last, year) => `weeks ${first}-${last} of ${year}`,
  titleYearly: (year) => `A year in operation: ${year}, participants x saving per participant - the year's cost`,
  columnsFigure: ["Figure", "Value", "95 % lower", "95 % upper"],
  titleIntakeWeeks: (year, referenceYears) => `Intake week by week: ${year}, counted weeks and projected weeks (seasonal pattern of ${referenceYears.join(", ")})`,
  columnsIntakeWeeks: ["Week", "Counted or projected", "Participants in the programme"],
  counted: "counted",
  projected: "projected",
  titleAssumptions: "Assumptions",
  columnsAssumptions: ["Input", "Value", "Source"],
  unitWeeks: " weeks",
  unitDaysPerWeek: " days per week",
  yes: "yes",
  no: "no",
  titlePerParticipant: (horizon, expenditure) => `Saving per participant (week by week, horizon ${horizon} days${expenditure ? ", days to the first exit priced, secondary" : ""})`,
  columnsPerParticipant: ["Entry year", "Saving", "95 % lower", "95 % upper", "Simple calculation", "Difference"],
  titleSimple: "Simple calculation: days saved x benefit per calendar day x mean co-financing",
  columnsSimple: ["Entry year", "Days saved", "Highest rate per benefit day (upper bound)", "Benefit days per week", "Benefit per calendar day", "Mean co-financing", "Saving"],
  titleWeeks: (entryYear) => `Week by week: a participant entering in ${entryYear} (each day priced in the calendar year it falls in)`,
  columnsWeeks: ["Week of the spell", "Week on public support", "Days saved", "Co-financing", "Saving"],
  titleBaseYears: (description) => `Net saving per year: ${description}`,
  titleScenario: (description) => `Scenario: ${description}`,
  breakEvenBase: "the project period",
  breakEvenContinued: "continued operation",
  rowBreakEvenDays: (scenario, fromYear, toYear) => `Days saved per participant at a net saving of 0 (${scenario}, total ${fromYear}-${toYear})`,
  rowBreakEvenIntake: (scenario) => `Participants per year at a net saving of 0 with the effect used (${scenario})`,
  titleBreakEven: (measured) => `Break-even (${measured ? "the measured curve difference scaled" : "days saved spread evenly over the horizon"})`,
  titleSensitivity: (fromYear, toYear) => `Sensitivity: total net saving ${fromYear}-${toYear}, ordered by swing`,
  columnsSensitivity: ["Input", "Low", "High", "Net at low", "Net at high", "Swing"],
  titleImplied: (days, kroner) => `Implied figures: the project's expectation (${days} -> ${kroner} net a year)`,
  rowImpliedSaving: (days) => `Saving per participant at ${days}`,
  rowImpliedParticipants: "Participants per year the expectation needs (a year's cost + expected net)",
  rowPerWeek: "  of which per week",
  rowInProgramme: "  in the programme at a time (at most: per week x the programme's weeks)",
  rowImpliedWholePeriod: "Participants per year, the whole period read together (total cost + net x years)",
  rowObservedParticipants: "Participants per year in the register (annualized)",
  titleNotes: "Notes",
  sheetColumn: "Sheet",
  contentsColumn: "Contents",
  noteColumn: "Note",
};

const TEXTS: Record<Lang, BusinessCaseTexts> = { da: DA, en: EN };

/**
 * The business case's wording in Danish (the default) or English.
 *
 * @example businessCaseTexts("en").labelHorizon // "Horizon"
 */
export function businessCaseTexts(lang: Lang = "da"): BusinessCaseTexts {
  return TEXTS[lang];
}
