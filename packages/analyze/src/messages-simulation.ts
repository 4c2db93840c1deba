/**
 * The wording of the simulation's option errors (`jobtrial simulate`, `jobtrial power`),
 * Danish by default and English with `--lang en`: each names the option or the
 * configuration field and says what to change. Options and numbers only.
 */
import { formatNumber, type Lang } from "@jobtrial/core";

/** A problem with the simulation's options: its code and the facts the wording needs. */
export type SimulationIssue =
  | { code: "simulation_option_invalid"; option: string; detail: string }
  | { code: "intake_end_before_start"; fromWeek: string; toWeek: string }
  | { code: "intake_not_before_extraction"; toWeek: string; extractionDate: string }
  | { code: "horizon_beyond_benefit_period"; horizonDays: number; benefitPeriodDays: number }
  | { code: "control_median_too_long"; controlMedianDays: number; benefitPeriodDays: number }
  | { code: "money_year_missing"; year: number; tau: number }
  | { code: "effect_unreachable_hazard_ratio"; days: number; horizonDays: number; controlMeanDays: number }
  | { code: "effect_unreachable_job_rate"; days: number; horizonDays: number; controlAdpDays: number };

/** The wording of a simulation option problem in `lang`. */
export function simulationIssueMessage(issue: SimulationIssue, lang: Lang): string {
  const da = lang === "da";
  const number = (value: number) => formatNumber(value, lang, { decimals: Number.isInteger(value) ? 0 : 1 });
  switch (issue.code) {
    case "simulation_option_invalid":
      return da
        ? `simulationens indstilling ${issue.option} er ugyldig; ret værdien`
        : `the simulation option ${issue.option} is invalid (${issue.detail}); correct the value`;
    case "intake_end_before_start":
      return da
        ? `tilgangens sidste uge ${issue.toWeek} ligger før dens første uge ${issue.fromWeek}; ret --weeks eller --intake-end`
        : `the end of intake ${issue.toWeek} is before its start ${issue.fromWeek}; correct --weeks or --intake-end`;
    case "intake_not_before_extraction":
      return da
        ? `tilgangsugen ${issue.toWeek} slutter ikke før udtræksdatoen ${issue.extractionDate}; slut tilgangen tidligere, eller træk data senere`
        : `the intake week ${issue.toWeek} does not end before the extraction date ${issue.extractionDate}; end the intake earlier or extract later`;
    case "horizon_beyond_benefit_period":
      return da
        ? `horisonten på ${number(issue.horizonDays)} dage ligger ud over dagpengeperioden på ${number(issue.benefitPeriodDays)} dage; vælg en kortere horisont`
        : `the horizon ${number(issue.horizonDays)} days is beyond the benefit period of ${number(issue.benefitPeriodDays)} days; choose a shorter horizon`;
    case "control_median_too_long":
      return da
        ? `kontrolgruppens median på ${number(issue.controlMedianDays)} dage skal være kortere end dagpengeperioden på ${number(issue.benefitPeriodDays)} dage`
        : `the control median of ${number(issue.controlMedianDays)} days must be shorter than the benefit period of ${number(issue.benefitPeriodDays)} days`;
    case "money_year_missing":
      return da
        ? `money.years i forsøgskonfigurationen har intet år ${issue.year}, men dage på offentlig forsørgelse inden for ${number(issue.tau)} dage efter tilgangen falder i det; tilføj årets maxDailyBenefit og cofinancing, eller slut tilgangen tidligere`
        : `money.years in the trial configuration has no entry for ${issue.year}, but days on public support within ${number(issue.tau)} days of the intake fall in it; add the year's maxDailyBenefit and cofinancing, or end the intake earlier`;
    case "effect_unreachable_hazard_ratio":
      return da
        ? `ingen hazard ratio giver ${number(issue.days)} sparede dage ved ${number(issue.horizonDays)} dage (kontrolgruppens restricted mean er ${number(issue.controlMeanDays)} dage); vælg en mindre effekt`
        : `no hazard ratio gives ${number(issue.days)} days saved at ${number(issue.horizonDays)} days (the control restricted mean is ${number(issue.controlMeanDays)} days); ask for a smaller effect`;
    case "effect_unreachable_job_rate":
      return da
        ? `ingen jobrate-ratio giver ${number(issue.days)} sparede dage på A-dagpenge ved ${number(issue.horizonDays)} dage (kontrol: ${number(issue.controlAdpDays)} dage på A-dagpenge); vælg en mindre effekt`
        : `no job-rate ratio gives ${number(issue.days)} days saved on A-dagpenge at ${number(issue.horizonDays)} days (control: ${number(issue.controlAdpDays)} days on A-dagpenge); ask for a smaller effect`;
  }
}
