/**
 * The analyze package's notes on the path measures (days on A-dagpenge with re-entries,
 * days on public support, where the saved days went, expenditure), in Danish and English:
 * what could not be estimated and why. results.json carries each note as a code with its
 * facts and the English wording; `jobtrial analyze` prints the Danish one unless --lang en.
 */
import type { Lang } from "@jobtrial/core";
import type { PathNote } from "../results-schema.ts";

/** A note's facts, without its wording. */
export type PathNoteFacts = Omit<PathNote, "message">;

/**
 * The wording of a note in a language.
 *
 * @example pathNoteText({ code: "money-year-missing", tau: 364, year: 2021 }, "da") // "Udgiften pr. borger inden for 364 dage kan ikke beregnes: konfigurationens money.years har ingen satser for 2021; tilføj årets dagpengesats og medfinansiering."
 */
export function pathNoteText(note: PathNoteFacts, lang: Lang): string {
  const da = lang === "da";
  switch (note.code) {
    case "no-benefit-panel":
      return da
        ? 'Uden det ugentlige ydelsespanel (--benefit-weeks) kan dage på A-dagpenge med genindtræden, dage på offentlig forsørgelse, hvor de sparede dage gik hen, og kommunens udgift pr. borger ikke beregnes; "sparede dage" er her dage til første afgang fra A-dagpenge.'
        : 'Without the weekly benefit panel (--benefit-weeks), days on A-dagpenge with re-entries, days on public support, where the saved days went and the municipality\'s expenditure per citizen cannot be estimated; "days saved" here is the days to the first exit from A-dagpenge.';
    case "horizon-beyond-follow-up":
      return da
        ? `Dage i hver ydelse og udgiften pr. borger inden for ${note.tau} dage kan ikke beregnes endnu: en af grupperne er ikke fulgt så længe på udtræksdatoen.`
        : `Days in each benefit state and the expenditure per citizen within ${note.tau} days cannot be estimated yet: one of the arms has not been followed that long by the as-of date.`;
    case "money-year-missing":
      return da
        ? `Udgiften pr. borger inden for ${note.tau} dage kan ikke beregnes: konfigurationens money.years har ingen satser for ${note.year}; tilføj årets dagpengesats og medfinansiering.`
        : `The expenditure per citizen within ${note.tau} days cannot be estimated: money.years in the configuration has no rates for ${note.year}; add that year's benefit rate and co-financing.`;
  }
}

/** The note with its English wording, as results.json carries it. */
export function pathNote(facts: PathNoteFacts): PathNote {
  return { ...facts, message: pathNoteText(facts, "en") };
}
