/**
 * Plain-English definitions of every measure in results.json, keyed as the
 * blocks of the file. The report shows them next to the numbers.
 */
import type { TrialConfig } from "@jobtrial/core";
import { COMPLETED_SPELLS_CAVEAT } from "./duration.ts";
import { MONITORING_METHOD } from "./monitoring.ts";
import { PRECISION_METHOD } from "./precision.ts";
import { SENSITIVITY_DEFINITION, SIGN_CONVENTION } from "./sensitivity.ts";

export function measureDefinitions(config: TrialConfig, asOf: string, minCellSize: number): Record<string, string> {
  const tau = config.evaluation.primaryHorizonDays;
  return {
    analysis:
      "Intention to treat: every assigned citizen (voided assignments left out) is analysed in the arm the birthdate rule gave them, whatever they received. Duration is counted in whole days from the first unemployment day (day 1) to the last day on benefit.",
    censoring: `Spells still running on the as-of date ${asOf} (the data extraction date) are censored at the as-of date; a spell that ends without an exit state is censored at its end with its reason. Citizens who entered too recently to be followed to a horizon stay in the analysis and are censored early; the Kaplan-Meier estimator uses them as long as they are followed. Citizens whose first unemployment day is on or after the as-of date are excluded and counted in the flow.`,
    flow: "CONSORT-style counts. Screened, ineligible and invalid come from the register's batch records and are null when the cohort export does not carry them. Assigned includes voided assignments; excluded, analysed, exited (spell ended), still running (censored at the as-of date) and censored by reason follow.",
    intake: "Citizens assigned per ISO week of their first unemployment day and per year, by arm.",
    allocation:
      "The intervention share against the share the rule predicts from the calendar (days 1-15 of each month are 180 of 365 days, 49.3 %), averaged over the citizens' birth years (year of the first unemployment day minus the age at entry), with an exact two-sided binomial test, overall and per week. Heaping: the share registered as born on the 1st of a month and on 1 January in each arm against the calendar's share of those days among the arm's birth days.",
    balance:
      "Standardized mean difference (intervention minus control, divided by the square root of the mean of the two variances) of every intake covariate; categorical covariates as one indicator per level. Absolute values above 0.1 are usually taken as a sign of imbalance.",
    km: "Kaplan-Meier estimate of the share still unemployed (no exit of any kind) by days since the first unemployment day, per arm, with a 95 % log-log confidence band (Greenwood). Published as steps that each hold at least the minimum cell size of exits and either no censoring or at least that many censorings (consecutive exit times merged): the number at risk at the step's first time, the exits and censorings of the whole step, the curve and band at its last time, and as time the step's exit times averaged with the drops of the curve as weights (whole days), so the area under the published curve is the Kaplan-Meier restricted mean. Rows from where fewer citizens than the minimum are at risk are left out; a last row with no exits or censorings repeats the last step to show how far the data reach.",
    "duration.median": "Median duration: the first day the Kaplan-Meier curve is at or below 50 %, with the Brookmeyer-Crowley 95 % interval (null when the curve or a band never reaches 50 %).",
    "duration.rmst":
      "Restricted mean duration at tau: the area under the Kaplan-Meier curve from 0 to tau days, the expected number of days unemployed within the first tau days; standard error as R's survfit. A horizon beyond an arm's longest follow-up is not estimable and left out.",
    daysSaved: `Days saved: the control arm's restricted mean duration at ${tau} days minus the intervention arm's, with the standard error sqrt(se_c² + se_i²) and a 95 % normal interval. A positive value means shorter unemployment in the intervention. This is the primary effect measure.`,
    "duration.logrank": "Log-rank test of equal exit rates in the two arms; the stratified test compares within industry groups and sums over them.",
    "duration.cox": "Cox proportional hazards model with the arm as the only term (Efron ties): the hazard ratio of leaving unemployment, intervention over control (above 1 means faster exit).",
    "duration.riskTable": "Citizens still at risk and cumulative exits by arm at every 4th week, under the Kaplan-Meier chart.",
    completedSpells: COMPLETED_SPELLS_CAVEAT + " The difference is control minus intervention, shown as a number only: no standard error, interval or p-value, because a test of it would test the bias as much as the effect (label: biased-towards-short-spells).",
    selfSupport:
      "Exit to self-support: cumulative incidence (Aalen-Johansen) of leaving benefit to self-support, with the other exits (education, sickness benefit, other public benefit, moving away, benefit period used up) as competing events, per arm at 13, 26 and 52 weeks; the difference is intervention minus control (positive: more exits to self-support, a gain for the intervention, as signConvention says). Monthly: for each whole month before the as-of date, citizens on benefit on the 1st (the stock) and how many of them left to self-support in the month, in % of the stock, as the project phrased it.",
    process: `Conversations by programme week (week 1 = the first 7 days from the first unemployment day) among citizens still on benefit at the start of the week; held conversations and letters (a citizen in an offer gets a letter) count, cancelled and missed ones do not. Per citizen in the programme: conversations in the first ${config.protocol.programmeWeeks} weeks per citizen on benefit all that time, against the protocol (${config.protocol.intervention.length} versus ${config.protocol.control.length}). On time: a planned conversation held no later than ${config.protocol.onTimeToleranceWeeks} week(s) after its planned week, among planned conversations that were due (citizen still on benefit then). Per advisor: the advisor on the conversation's record, else the citizen's most frequent advisor; ids as the log carries them (pseudonymous).`,
    secondary:
      "Secondary outcomes among analysed citizens with a value: applications and the citizens' rating as differences in means (intervention minus control) with the HC2 (unequal-variance) standard error and a Welch t interval; a self-found internship or wage-subsidy job as a difference in proportions with a Wald interval.",
    subgroups: `Days saved at ${tau} days within each level of industry group, sex, born 1 January and configured covariates. A level where an arm has fewer than ${minCellSize} citizens is suppressed. Interaction: Cochran's Q test that days saved is the same in all shown levels.`,
    precision: PRECISION_METHOD,
    suppression: `Counts from 1 to ${minCellSize - 1} (below the configured minimum cell size) are null in this file, and so are means and shares that rest on them; zero counts are shown, since they describe no one. Within a group of counts whose total is published (weeks of a year, exclusion and censoring reasons of an arm) a second, non-zero cell is suppressed when one is, so the first cannot be recovered by subtraction. Kaplan-Meier tables publish steps whose exits are at least ${minCellSize} and whose censorings are 0 or at least ${minCellSize} (aggregated, not nulled: see km); cumulative-incidence curves publish a point only after at least ${minCellSize} exits to the state since the last point; both end where fewer than ${minCellSize} are at risk. Notes never write a small count (they say "fewer than ${minCellSize}"). Differences between counts published at different times (the risk table's 4-week steps) are not protected.`,
    signConvention: SIGN_CONVENTION,
    monitoring: MONITORING_METHOD,
    sensitivity: SENSITIVITY_DEFINITION,
    privacy: "No CPR number, birth date or pseudonym appears in this file; the inputs are named by file name and SHA-256 only.",
  };
}
