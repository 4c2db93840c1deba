/**
 * Errors of the group-sequential functions as data plus wording, in Danish (the default
 * for anything a jobcentre user sees) and English. Each issue names the input involved
 * (which information fraction, which look) and the message says how to fix it. The
 * values quoted are design parameters and estimates, never personal data.
 */

export type GroupSequentialIssue =
  | { code: "no_looks" }
  | { code: "fraction_out_of_range"; position: number; value: number }
  | { code: "fractions_not_increasing"; position: number; value: number; previous: number }
  | { code: "alpha_out_of_range"; value: unknown }
  | { code: "sided_invalid"; value: unknown }
  | { code: "unknown_spending"; value: unknown; known: readonly string[] }
  | { code: "invalid_standard_error"; look: number | null; value: unknown }
  | { code: "invalid_estimate"; look: number; value: unknown }
  | { code: "too_many_looks"; looks: number; boundaries: number }
  | { code: "invalid_final_information"; value: unknown }
  | { code: "invalid_options"; detail: string };

export type GroupSequentialIssueCode = GroupSequentialIssue["code"];

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** One line: what is wrong, where, and how to fix it; Danish by default. */
export function groupSequentialMessage(issue: GroupSequentialIssue, lang: "da" | "en" = "da"): string {
  const da = lang === "da";
  switch (issue.code) {
    case "no_looks":
      return da
        ? "Der er ingen informationsandele; angiv én pr. analyse, stigende og med 1 ved den sidste, fx 0.25,0.5,0.75,1."
        : "There are no information fractions; give one per look, increasing and 1 at the last, e.g. 0.25,0.5,0.75,1.";
    case "fraction_out_of_range":
      return da
        ? `Informationsandel nr. ${issue.position} er ${show(issue.value)}, men skal være et tal større end 0 og højst 1 (observeret information over den forventede ved slutanalysen); brug punktum som decimaltegn, fx 0.25.`
        : `Information fraction no. ${issue.position} is ${show(issue.value)} but must be a number above 0 and at most 1 (observed information over that expected at the final analysis); use a point as decimal sign, e.g. 0.25.`;
    case "fractions_not_increasing":
      return da
        ? `Informationsandel nr. ${issue.position} (${issue.value}) er ikke større end nr. ${issue.position - 1} (${issue.previous}); andelene skal stige fra analyse til analyse, fx 0.25,0.5,0.75,1.`
        : `Information fraction no. ${issue.position} (${issue.value}) is not greater than no. ${issue.position - 1} (${issue.previous}); the fractions must increase from look to look, e.g. 0.25,0.5,0.75,1.`;
    case "alpha_out_of_range":
      return da
        ? `Signifikansniveauet alfa er ${show(issue.value)}, men skal ligge strengt mellem 0 og 1, fx 0.05.`
        : `The significance level alpha is ${show(issue.value)} but must lie strictly between 0 and 1, e.g. 0.05.`;
    case "sided_invalid":
      return da
        ? `Antal sider er ${show(issue.value)}, men skal være 1 (ensidet test) eller 2 (tosidet test).`
        : `Sided is ${show(issue.value)} but must be 1 (one-sided test) or 2 (two-sided test).`;
    case "unknown_spending":
      return da
        ? `Ukendt forbrugsfunktion ${show(issue.value)}; brug ${issue.known.join(" eller ")}.`
        : `Unknown spending function ${show(issue.value)}; use ${issue.known.join(" or ")}.`;
    case "invalid_standard_error":
      if (issue.look === null) {
        return da
          ? `Standardfejlen er ${show(issue.value)}, men skal være et endeligt tal større end 0; kontroller estimatet.`
          : `The standard error is ${show(issue.value)} but must be a finite number above 0; check the estimate.`;
      }
      return da
        ? `Analyse nr. ${issue.look}: standardfejlen er ${show(issue.value)}, men skal være et endeligt tal større end 0; kontroller estimatet ved den analyse.`
        : `Look ${issue.look}: the standard error is ${show(issue.value)} but must be a finite number above 0; check the estimate at that look.`;
    case "invalid_estimate":
      return da
        ? `Analyse nr. ${issue.look}: estimatet er ${show(issue.value)}, men skal være et endeligt tal; kontroller estimatet ved den analyse.`
        : `Look ${issue.look}: the estimate is ${show(issue.value)} but must be a finite number; check the estimate at that look.`;
    case "too_many_looks":
      return da
        ? `Der er ${issue.looks} analyser, men grænser for kun ${issue.boundaries}; beregn grænserne for alle analysers informationsandele.`
        : `There are ${issue.looks} looks but boundaries for only ${issue.boundaries}; compute the boundaries for the information fractions of every look.`;
    case "invalid_final_information":
      return da
        ? `Den forventede information ved slutanalysen er ${show(issue.value)}, men skal være et endeligt tal større end 0 (1 / forventet standardfejl²).`
        : `The information expected at the final analysis is ${show(issue.value)} but must be a finite number above 0 (1 / expected standard error²).`;
    case "invalid_options":
      return da ? `Ugyldige tilvalg: ${issue.detail}.` : `Invalid options: ${issue.detail}.`;
  }
}

/**
 * An error of the group-sequential functions; `issue` holds the code and the values involved.
 * Its message is English; `messageIn("da")` gives the Danish. Survival depends on nothing of
 * ours, so this does not extend core's `JobtrialError`; it offers the same shape (`code`,
 * `fields`, `messageIn`), which core's structural `isJobtrialError` accepts.
 */
export class GroupSequentialError extends Error {
  readonly issue: GroupSequentialIssue;
  readonly code: GroupSequentialIssueCode;
  readonly fields: Readonly<Record<string, unknown>>;
  constructor(issue: GroupSequentialIssue) {
    super(groupSequentialMessage(issue, "en"));
    this.name = "GroupSequentialError";
    this.issue = issue;
    this.code = issue.code;
    this.fields = issue;
  }

  /** The wording in Danish or English. */
  messageIn(lang: "da" | "en"): string {
    return groupSequentialMessage(this.issue, lang);
  }
}
