/**
 * The analyze package's message catalogue: the wording of every note `jobtrial analyze`
 * writes into results.json and prints, in Danish (the default for anything a jobcentre
 * user sees) and English. results.json carries each note as a code with its facts and the
 * English wording (`analyzeNote`); a reader words it in its own language with
 * `analyzeNoteText`. Numbers and dates follow core's Danish formatting.
 *
 * A note never quotes a cell of an input file; file names and counts are facts, and a
 * count of persons below the minimum cell size is never written (null: "færre end 5").
 */
import { formatDate, formatNumber, formatPercent, type Lang } from "@jobtrial/core";
import type { AnalyzeNote } from "./results-schema.ts";

/** A note's facts, without its wording. */
export type AnalyzeNoteFacts = AnalyzeNote extends infer Note ? (Note extends AnalyzeNote ? Omit<Note, "message"> : never) : never;

const days = (value: number, lang: Lang) => formatNumber(value, lang);
const share = (value: number, lang: Lang) => formatPercent(value, lang, { decimals: 1 });

/**
 * The wording of a note in a language.
 *
 * @example analyzeNoteText({ code: "rmst-not-estimable", tau: 182, message: "" }, "da") // "Den gennemsnitlige varighed inden for 182 dage (RMST) kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen."
 */
export function analyzeNoteText(note: AnalyzeNoteFacts | AnalyzeNote, lang: Lang): string {
  const da = lang === "da";
  switch (note.code) {
    case "text":
      return "message" in note ? note.message : "";
    case "rows-outside-cohort": {
      const count = note.count === null ? `${da ? "færre end" : "fewer than"} ${note.minCellSize}` : formatNumber(note.count, lang);
      return da
        ? `${note.file}: ${count} rækker om personer uden for kohorten blev sprunget over.`
        : `${note.file}: ${count} row(s) of persons not in the cohort were skipped.`;
    }
    case "columns-left-out":
      return da
        ? `${note.file}: ${formatNumber(note.columns, lang)} kolonne(r), der ikke er erklæret i intake.covariates, blev udeladt.`
        : `${note.file}: ${formatNumber(note.columns, lang)} column(s) not declared in intake.covariates were left out.`;
    case "spells-from-panel":
      return da
        ? `Forløbene er afledt af det ugentlige ydelsespanel ${note.file} (ugepræcision: et forløb slutter søndagen i dets sidste uge med ydelse).`
        : `Spells derived from the weekly benefit panel ${note.file} (weekly precision: a spell ends on the Sunday of its last benefit week).`;
    case "rmst-not-estimable":
      return da
        ? `Den gennemsnitlige varighed inden for ${days(note.tau, lang)} dage (RMST) kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen.`
        : `The restricted mean at ${days(note.tau, lang)} days is not estimable: an arm has no follow-up that long by the as-of date.`;
    case "stratified-logrank-failed":
      return da
        ? "Log-rank-testen stratificeret efter branchegruppe kunne ikke beregnes (for få borgere i en branchegruppe); den ustratificerede test er vist."
        : "The log-rank test stratified by industry group could not be computed (too few citizens in an industry group); the unstratified test is shown.";
    case "few-at-risk-at-tau":
      return da
        ? `Ved ${days(note.tau, lang)} dage er kun ${share(note.share, lang)} af en gruppe stadig i risiko (under ${share(note.threshold, lang)}): estimatet ved denne horisont hviler på få borgere og kan skifte meget, når flere følges så længe.`
        : `At ${days(note.tau, lang)} days only ${share(note.share, lang)} of an arm are still at risk (below ${share(note.threshold, lang)}): the estimate at this horizon rests on few citizens and can change a lot as more are followed that long.`;
    case "estimate-changes-sign":
      return da
        ? `Sparede dage skifter fortegn mellem horisonten ${days(note.fromTau, lang)} og ${days(note.toTau, lang)} dage: konklusionen afhænger af horisonten.`
        : `Days saved changes sign between the horizons ${days(note.fromTau, lang)} and ${days(note.toTau, lang)} days: the conclusion depends on the horizon.`;
    case "heaping-flag-unknown":
      return note.flag === "born-first-of-month"
        ? da
          ? "Analysen uden borgere født den 1. i en måned kan ikke laves: kohorten har ikke markeringen; eksporter kohorten fra registret med jobtrial register export, eller analyser med --register."
          : "The analysis without citizens born on the 1st of a month cannot be made: the cohort does not carry the flag; export the cohort from the register with jobtrial register export, or analyse with --register."
        : da
          ? "Analysen uden borgere født 1. januar kan ikke laves: kohorten har ikke markeringen; eksporter kohorten fra registret med jobtrial register export."
          : "The analysis without citizens born 1 January cannot be made: the cohort does not carry the flag; export the cohort from the register with jobtrial register export.";
    case "adjustment-not-estimable":
      return da
        ? `Det kovariatjusterede estimat kan ikke beregnes (${note.reason === "no-covariates" ? "ingen baggrundsvariable med variation" : note.reason === "singular" ? "baggrundsvariablene er lineært afhængige i en gruppe" : "hovedestimatet kan ikke beregnes"}).`
        : `The covariate-adjusted estimate cannot be computed (${note.reason === "no-covariates" ? "no baseline variable varies" : note.reason === "singular" ? "the baseline variables are linearly dependent within an arm" : "the primary estimate is not estimable"}).`;
    case "monitoring-boundary-crossed":
      return da
        ? `Overvågning: ved kig nr. ${note.look} (${formatDate(note.date, lang)}) er grænsen krydset; forskellen er signifikant, også når der tages højde for de mange kig.`
        : `Monitoring: at look ${note.look} (${formatDate(note.date, lang)}) the boundary is crossed; the difference is significant, allowing for the many looks.`;
    case "monitoring-information-above-final":
      return da
        ? `Overvågning: ved kig nr. ${note.look} (${formatDate(note.date, lang)}) er informationen større end den forventede ved slutanalysen; kigget bruger resten af alfa, og fremskrivningen af slutinformationen var for forsigtig.`
        : `Monitoring: at look ${note.look} (${formatDate(note.date, lang)}) the information exceeds that expected at the final analysis; the look spends what is left of alpha, and the projection of the final information was too cautious.`;
    case "monitoring-no-new-information":
      return da
        ? `Overvågning: kig nr. ${note.look} (${formatDate(note.date, lang)}) har ikke mere information end kigget før og bruger ingen alfa.`
        : `Monitoring: look ${note.look} (${formatDate(note.date, lang)}) has no more information than the look before and spends no alpha.`;
    case "monitoring-no-estimate-yet":
      return da
        ? `Overvågning: sparede dage ved ${days(note.tau, lang)} dage kan endnu ikke beregnes ved noget kig; der er endnu ikke brugt alfa.`
        : `Monitoring: days saved at ${days(note.tau, lang)} days is not yet estimable at any look; no alpha has been spent yet.`;
    case "monitoring-unplanned-look":
      return da
        ? `Overvågning: udtræksdatoen ${formatDate(note.date, lang)} er ikke et planlagt kig; den tæller som et ekstra kig og bruger alfa efter forbrugsfunktionen.`
        : `Monitoring: the as-of date ${formatDate(note.date, lang)} is not a planned look; it counts as an extra look and spends alpha by the spending function.`;
  }
}

/** The note with its English wording, as results.json carries it. */
export function analyzeNote(facts: AnalyzeNoteFacts): AnalyzeNote {
  return { ...facts, message: analyzeNoteText(facts, "en") } as AnalyzeNote;
}
