/**
 * The business case's catalogue, Danish (the default, for the jobcentre and finance) and
 * English: errors as data plus wording (a code with the fields involved, and
 * `businessCaseMessage` that turns it into one line saying what is wrong and how to fix
 * it), and notices (`businessCaseNotice`): what the business case tells its user beside
 * the figures, such as an early look computed at a shorter horizon. `BusinessCaseError`
 * carries the issue, so the command line prints the message in the user's language and a
 * program can switch on `issue.code`.
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
 * English. The Danish wording is also what the result's notes and reasons carry.
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
