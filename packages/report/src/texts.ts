/**
 * Every word the report prints, in Danish and English, in one table. A key holds
 * `{ da, en }`; `{name}` marks a value filled in by `text`. Danish is the default
 * language; the wording on page one avoids statistical terms on purpose.
 */
import { formatNumber, type Lang } from "./format.ts";

export const texts = {
  // ---- document ----
  documentTitle: { da: "Evaluering: {name}", en: "Evaluation: {name}" },
  subtitle: { da: "{municipality} · data pr. {asOf} · rapporten er dannet {date}", en: "{municipality} · data as of {asOf} · report made {date}" },
  arm_control: { da: "Kontrolgruppe", en: "Control" },
  arm_intervention: { da: "Indsats", en: "Intervention" },
  suppressedMark: { da: "skjult", en: "hidden" },
  unknownMark: { da: "ukendt", en: "unknown" },
  suppressedNote: {
    da: "\"Skjult\": tal fra 1 til {max} er skjult af hensyn til diskretion (Danmarks Statistiks regler); {secondary} yderligere tal er skjult, så de skjulte ikke kan regnes ud fra totaler. Et nul vises, da det ikke udpeger nogen. \"Ukendt\": tallet findes ikke i de data, analysen fik.",
    en: "\"Hidden\": numbers from 1 to {max} are hidden for confidentiality (Statistics Denmark's rules); {secondary} further numbers are hidden so the hidden ones cannot be worked out from totals. A zero is shown, since it identifies no one. \"Unknown\": the number is not in the data the analysis was given.",
  },
  notAvailable: { da: "Ikke tilgængelig", en: "Not available" },
  // The bundled example trial marks its municipality as synthetic in English; the report
  // writes that marker, in either language, in its own (see `municipalityLabel`).
  syntheticMarker: { da: "syntetisk eksempel; ikke rigtige data", en: "synthetic example; not real data" },
  contents: { da: "Indhold", en: "Contents" },
  footer: { da: "Dannet med jobtrial {version} den {date}", en: "Made with jobtrial {version} on {date}" },

  // ---- page one ----
  summaryHeading: { da: "Kort fortalt", en: "In brief" },
  headParticipants: { da: "Borgere i forsøget", en: "Citizens in the trial" },
  headParticipantsDetail: { da: "{intervention} i indsatsen · {control} i kontrolgruppen", en: "{intervention} in the intervention · {control} in control" },
  headDaysSaved: { da: "Færre dage ledig pr. borger", en: "Fewer days unemployed per citizen" },
  headDaysSavedUnit: { da: "dage", en: "days" },
  headDaysSavedOnBenefit: { da: "Færre dage på A-dagpenge pr. borger", en: "Fewer days on A-dagpenge per citizen" },
  headDaysSavedDetail: { da: "Kan ligge mellem {lower} og {upper} dage. Forventet: {expected} dage.", en: "Could be anywhere from {lower} to {upper} days. Expected: {expected} days." },
  headSelfSupport: { da: "Selvforsørgende efter {weeks} uger", en: "Self-supporting after {weeks} weeks" },
  headSelfSupportDetail: { da: "Indsats {intervention} · kontrolgruppe {control}", en: "Intervention {intervention} · control {control}" },
  headNetSavings: { da: "Nettobesparelse {from}–{to}", en: "Net savings {from}–{to}" },
  headNetSavingsDetail: { da: "I snit {perYear} pr. år · forventet {expected} pr. år · budget {budget} i alt", en: "On average {perYear} a year · expected {expected} a year · budget {budget} in total" },
  headNetSavingsMissing: { da: "Business casen er ikke vedlagt; kør jobtrial business-case og giv filen med --business-case.", en: "The business case is not included; run jobtrial business-case and pass the file with --business-case." },
  verdictHeading: { da: "Konklusion", en: "Conclusion" },
  verdictPaths: {
    da: "Dagene er dage på A-dagpenge inden for de første {tau} dage, også når borgeren vender tilbage til A-dagpenge. På offentlig forsørgelse i alt er forskellen {support} dage (mellem {supportLower} og {supportUpper}), og kommunen sparer {saving} pr. borger i udgifter til forsørgelse (mellem {savingLower} og {savingUpper}; et negativt beløb er en merudgift).",
    en: "The days are days on A-dagpenge within the first {tau} days, returns to A-dagpenge included. On public support in all the difference is {support} days (between {supportLower} and {supportUpper}), and the municipality saves {saving} per citizen in support expenditure (between {savingLower} and {savingUpper}; a negative amount is an extra cost).",
  },
  differenceShorter: { da: "{days} dage kortere", en: "{days} days shorter" },
  differenceLonger: { da: "{days} dage længere", en: "{days} days longer" },
  verdict_tooEarly: {
    da: "Det er for tidligt at sige, om indsatsen virker. Indtil nu er borgerne i indsatsen ledige {difference} end kontrolgruppen, men den sande forskel kan ligge mellem {lower} og {upper} dage. Med det antal borgere, der er med nu, kan en effekt på {expected} dage endnu ikke skelnes fra tilfældigheder.",
    en: "It is too early to tell whether the intervention works. So far citizens in the intervention are unemployed {difference} than the control group, but the true difference could be anywhere from {lower} to {upper} days. With the number of citizens so far, an effect of {expected} days cannot yet be told apart from chance.",
  },
  verdict_asExpected: {
    da: "Indsatsen virker som forventet: borgerne i indsatsen er ledige {difference} end kontrolgruppen (mellem {lower} og {upper} dage). Det er mindst de forventede {expected} dage.",
    en: "The intervention works as expected: citizens in the intervention are unemployed {difference} than the control group (between {lower} and {upper} days). That is at least the expected {expected} days.",
  },
  verdict_likelyAsExpected: {
    da: "Indsatsen forkorter ledigheden: borgerne i indsatsen er ledige {difference} end kontrolgruppen (mellem {lower} og {upper} dage). Det svarer til de forventede {expected} dage, men kan også være mindre.",
    en: "The intervention shortens unemployment: citizens in the intervention are unemployed {difference} than the control group (between {lower} and {upper} days). That matches the expected {expected} days, but it may also be less.",
  },
  verdict_belowExpectation: {
    da: "Indsatsen forkorter ledigheden, men mindre end forventet: borgerne i indsatsen er ledige {difference} end kontrolgruppen (mellem {lower} og {upper} dage) mod forventet {expected} dage.",
    en: "The intervention shortens unemployment, but less than expected: citizens in the intervention are unemployed {difference} than the control group (between {lower} and {upper} days) against the expected {expected} days.",
  },
  verdict_noEffectLikely: {
    da: "Der er ingen påviselig effekt, og en effekt på {expected} dage er usandsynlig: forskellen er {difference} (mellem {lower} og {upper} dage).",
    en: "There is no detectable effect, and an effect of {expected} days is unlikely: the difference is {difference} (between {lower} and {upper} days).",
  },
  verdict_notShown: {
    da: "Der er endnu ingen sikker effekt: forskellen er {difference} (mellem {lower} og {upper} dage). En effekt på {expected} dage kan hverken bekræftes eller udelukkes.",
    en: "There is no certain effect yet: the difference is {difference} (between {lower} and {upper} days). An effect of {expected} days can be neither confirmed nor ruled out.",
  },
  verdict_harmful: {
    da: "Borgerne i indsatsen er ledige længere end kontrolgruppen: {difference} (mellem {lower} og {upper} dage).",
    en: "Citizens in the intervention are unemployed longer than the control group: {difference} (between {lower} and {upper} days).",
  },
  verdict_noData: { da: "Der er endnu ikke data nok til at beregne en effekt.", en: "There are not yet enough data to estimate an effect." },
  verdictDetectableFrom: { da: "Med det nuværende indtag kan en effekt på {expected} dage forventes at kunne påvises fra omkring {date}.", en: "At the current intake, an effect of {expected} days can be expected to be detectable from about {date}." },
  verdictNotDetectable: { da: "Med det nuværende indtag kan en effekt på {expected} dage ikke påvises inden for fremskrivningen.", en: "At the current intake, an effect of {expected} days cannot be detected within the projection." },
  verdictMoney_positive: { da: "Med den målte effekt giver projektet et overskud på {total} over {from}–{to}.", en: "With the measured effect the project yields a surplus of {total} over {from}–{to}." },
  verdictMoney_negative: { da: "Med den målte effekt giver projektet et underskud på {total} over {from}–{to}; det skal spare {breakEven} dage pr. borger for at hvile i sig selv.", en: "With the measured effect the project runs a deficit of {total} over {from}–{to}; it must save {breakEven} days per citizen to break even." },
  verdictMoneyUncertain: {
    da: "Usikkerheden er stor: med 95 % sikkerhed ligger resultatet mellem {lower} og {upper}, så både overskud og underskud er muligt.",
    en: "The uncertainty is large: with 95 % confidence the result lies between {lower} and {upper}, so both a surplus and a deficit are possible.",
  },
  verdictMoneyInterval: { da: "95 %-interval: {lower} til {upper}.", en: "95 % interval: {lower} to {upper}." },
  summaryChartDays: { da: "Færre dage ledig pr. borger", en: "Fewer days unemployed per citizen" },
  summaryHowToRead: {
    da: "Punktet er det bedste bud, stregen viser, hvor den sande værdi med 95 % sikkerhed ligger. Den stiplede linje er forventningen på {expected} dage.",
    en: "The dot is the best estimate; the line shows where the true value lies with 95 % confidence. The dashed line is the expected {expected} days.",
  },

  // ---- section headings and introductions ----
  section_flow: { da: "Forløbet for borgerne i forsøget", en: "The flow of citizens through the trial" },
  section_flow_intro: { da: "Fra alle screenede borgere til dem, der indgår i analysen, fordelt på indsats og kontrolgruppe (CONSORT-diagram).", en: "From every citizen screened to those analysed, by intervention and control (CONSORT diagram)." },
  section_intake: { da: "Tilgang og fordeling", en: "Intake and allocation" },
  section_intake_intro: {
    da: "Borgere fordeles efter fødselsdag i CPR-nummeret. Reglens forventede andel i indsatsen er {expected}; den observerede er {observed} (binomialtest p = {p}).",
    en: "Citizens are assigned by the birthday in their CPR number. The rule's expected intervention share is {expected}; the observed share is {observed} (binomial test p = {p}).",
  },
  section_balance: { da: "Balance mellem grupperne", en: "Balance between the arms" },
  section_balance_intro: { da: "Standardiseret middelforskel (SMD) = (indsats − kontrol) / samlet standardafvigelse. Forskelle under 0,1 regnes som ubetydelige.", en: "Standardized mean difference (SMD) = (intervention − control) / pooled standard deviation. Differences below 0.1 are considered negligible." },
  section_duration: { da: "Ledighedens varighed", en: "Duration of unemployment" },
  section_duration_intro: {
    da: "Kaplan-Meier-kurver: andelen, der stadig er ledige, efter dage siden første ledighedsdag. Lodrette streger markerer censurerede forløb (stadig ledige ved dataudtræk eller fraflyttet). Båndet er et 95 %-konfidensbånd ({confType}).",
    en: "Kaplan-Meier curves: the share still unemployed by days since the first unemployment day. Vertical ticks mark censored spells (still unemployed at extraction or moved away). The band is a 95 % confidence band ({confType}).",
  },
  section_selfSupport: { da: "Afgang til selvforsørgelse", en: "Exit to self-support" },
  section_selfSupport_intro: { da: "Kumuleret incidens af afgang til selvforsørgelse med andre afgange (uddannelse, anden ydelse) som konkurrerende hændelser (Aalen-Johansen).", en: "Cumulative incidence of exit to self-support with other exits (education, other benefit) as competing events (Aalen-Johansen)." },
  section_process: { da: "Samtaleforløbet", en: "The conversation programme" },
  section_process_intro: {
    da: "Samtaler pr. borger efter uge siden første ledighedsdag blandt borgere, der stadig er i forløbet. Protokollen: {intervention} samtaler i indsatsen mod {control} i kontrolgruppen på {weeks} uger.",
    en: "Conversations per citizen by week since the first unemployment day among citizens still in the programme. The protocol: {intervention} conversations in the intervention against {control} in control over {weeks} weeks.",
  },
  section_subgroups: { da: "Undergrupper", en: "Subgroups" },
  section_subgroups_intro: { da: "Færre dage ledig pr. borger i undergrupper (branchegruppe, køn, fødselsdato). Undergrupper har få borgere; brede intervaller er forventelige. Test for ens effekt: p = {p}.", en: "Fewer days unemployed per citizen in subgroups (industry group, sex, birthdate). Subgroups are small; wide intervals are to be expected. Test of equal effect: p = {p}." },
  subgroups_withoutEstimate: {
    da: "Uden estimat (for få borgere, eller ingen i den ene gruppe, fx fordi reglen sender dem alle til samme gruppe): {levels}.",
    en: "Without an estimate (too few citizens, or none in one arm, e.g. because the rule sends them all to the same arm): {levels}.",
  },
  section_businessCase: { da: "Business case", en: "Business case" },
  section_businessCase_intro: {
    da: "Sparede dage omregnet til kommunens udgift til A-dagpenge (medfinansiering efter uge på offentlig forsørgelse) mod projektets budget. Break-even: {breakEven} sparede dage pr. borger. Stregerne i figuren er 95 %-intervaller; de lilla streger er den forventede nettobesparelse pr. år.",
    en: "Days saved converted to the municipality's A-dagpenge expenditure (co-financing by week on public support) against the project budget. Break-even: {breakEven} days saved per citizen. The lines in the chart are 95 % intervals; the purple marks are the expected net savings per year.",
  },
  section_precision: { da: "Præcision", en: "Precision" },
  section_precision_text: {
    da: "Med data pr. {asOf} er den mindste effekt, der kan påvises (signifikansniveau {alpha}, styrke {power}), {mde} dage. Forventningen er {expected} dage.",
    en: "With data as of {asOf} the minimum detectable effect (significance level {alpha}, power {power}) is {mde} days. The expectation is {expected} days.",
  },
  "precision_method_expected-information": {
    da: "Mindste påviselige effekt = (z_0,975 + z_0,80) × SE(sparede dage) = 2,80 × SE. Fremskrivning efter forventet information: variansen af forskellen i restricted mean (summen over afgangstidspunkter af A(t)² h(t) / (n(t)(1 − h(t)))) regnes igen for kommende datoer med antal i risiko n(t) = N(t) · S(t−) fra borgerne i forsøget plus det fremskrevne indtag (sæsonmønsteret i de uger, der allerede er set), indtil indtaget slutter; hazard og S tages fra de nuværende Kaplan-Meier-kurver for første afgang (efter den længste opfølgning fortsætter hazarden fra de sidste 8 uger). Den observerede SE af sparede dage skaleres med kvadratroden af forholdet mellem fremskreven og nuværende varians (før den primære horisont kan estimeres, bruges modellens egen varians). Fremskrivningen løber til slutanalysen; datoen er den første uge, hvor den fremskrevne mindste påviselige effekt når den forventede effekt, eller 'ikke før' slutanalysen, når den ikke gør.",
    en: "Minimum detectable days saved = (z_0.975 + z_0.80) x SE(days saved) = 2.80 x SE. Projection by expected information: the restricted-mean variance sum over exit times, Σ A(t)² h(t) / (n(t)(1 - h(t))), is recomputed for future dates with the numbers at risk n(t) = N(t) · S(t-) from the citizens already in the trial plus the projected intake (the seasonal pattern of the weeks already seen) until the end of intake, the hazards and S taken from the current Kaplan-Meier curves of the first exit (beyond the longest follow-up the hazard of the last 8 weeks continues); the observed SE of days saved is scaled by the square root of the ratio of projected to current variance (before the primary horizon is estimable the model's own variance is used). The projection runs to the final analysis; the date is the first week at which the projected minimum detectable effect reaches the expected effect, or 'not before' the final analysis when it does not.",
  },
  section_methods: { da: "Metode og dokumentation", en: "Methods and provenance" },

  // ---- chart titles and axes ----
  chart_summaryDays: { da: "Færre dage ledig pr. borger", en: "Fewer days unemployed per citizen" },
  chart_summaryDaysOnBenefit: { da: "Færre dage på A-dagpenge pr. borger", en: "Fewer days on A-dagpenge per citizen" },
  chart_whereDaysWent: { da: "Hvor de sparede dage gik hen", en: "Where the saved days went" },
  chart_flow: { da: "Forløbsdiagram", en: "Flow diagram" },
  chart_intake: { da: "Tilgang pr. uge", en: "Intake per week" },
  chart_allocation: { da: "Andel i indsatsen pr. uge mod reglens forventede andel", en: "Intervention share per week against the rule's expected share" },
  chart_balance: { da: "Standardiseret middelforskel (love plot)", en: "Standardized mean differences (love plot)" },
  chart_km: { da: "Andel stadig ledige (Kaplan-Meier)", en: "Share still unemployed (Kaplan-Meier)" },
  chart_cif: { da: "Kumuleret afgang efter type", en: "Cumulative exit by type" },
  chart_monthly: { da: "Månedlig afgang til selvforsørgelse i % af bestanden", en: "Monthly exit to self-support in % of the stock" },
  chart_process: { da: "Samtaler pr. borger efter uge i forløbet", en: "Conversations per citizen by programme week" },
  chart_advisors: { da: "Andel samtaler afholdt til tiden pr. rådgiver", en: "Share of conversations on time per advisor" },
  chart_forest: { da: "Færre dage ledig efter undergruppe", en: "Fewer days unemployed by subgroup" },
  chart_netSavings: { da: "Nettobesparelse pr. år mod budget", en: "Net savings per year against the budget" },
  chart_cumulative: { da: "Kumuleret nettobesparelse", en: "Cumulative net savings" },
  chart_tornado: { da: "Følsomhed: samlet nettobesparelse", en: "Sensitivity: total net savings" },
  axis_days: { da: "Dage siden første ledighedsdag", en: "Days since first unemployment day" },
  axis_daysSaved: { da: "Færre dage ledig (kontrol − indsats)", en: "Fewer days unemployed (control − intervention)" },
  axis_daysSavedOnBenefit: { da: "Færre dage på A-dagpenge (kontrol − indsats)", en: "Fewer days on A-dagpenge (control − intervention)" },
  axis_whereDaysWent: { da: "Dage pr. borger inden for {tau} dage (indsats − kontrol)", en: "Days per citizen within {tau} days (intervention − control)" },
  label_publicSupport: { da: "Offentlig forsørgelse", en: "Public support" },
  label_notPublicSupport: { da: "Ikke offentlig forsørgelse", en: "Not public support" },
  whereDaysWentHowToRead: {
    da: "Forskellen i forventede dage i hver tilstand inden for {tau} dage, indsats minus kontrol, med 95 %-interval. Søjlerne summer til nul: de dage, indsatsen sparer på A-dagpenge, findes i de andre tilstande. En flytning ud af kommunen afslutter opfølgningen; den er ikke en tilstand.",
    en: "The difference in expected days in each state within {tau} days, intervention minus control, with its 95 % interval. The bars sum to zero: the days the intervention saves on A-dagpenge are found in the other states. Moving away ends follow-up; it is not a state.",
  },
  axis_shareUnemployed: { da: "Andel stadig ledige", en: "Share still unemployed" },
  axis_cumulativeShare: { da: "Kumuleret andel", en: "Cumulative share" },
  axis_week: { da: "Uge (første ledighedsdag)", en: "Week (first unemployment day)" },
  axis_citizens: { da: "Borgere", en: "Citizens" },
  axis_share: { da: "Andel i indsatsen", en: "Intervention share" },
  axis_smd: { da: "Standardiseret middelforskel", en: "Standardized mean difference" },
  axis_month: { da: "Måned", en: "Month" },
  axis_monthlyShare: { da: "Afgang i % af bestanden", en: "Exits in % of stock" },
  axis_programmeWeek: { da: "Uge siden første ledighedsdag", en: "Week since first unemployment day" },
  axis_perCitizen: { da: "Samtaler pr. borger", en: "Conversations per citizen" },
  axis_onTime: { da: "Andel til tiden", en: "Share on time" },
  axis_advisor: { da: "Rådgiver", en: "Advisor" },
  axis_year: { da: "År", en: "Year" },
  axis_dkk: { da: "Kroner", en: "DKK" },
  axis_mioDkk: { da: "Mio. kr.", en: "DKK million" },
  unit_mioDkk: { da: "mio. kr.", en: "DKK million" },
  axis_group: { da: "Gruppe", en: "Group" },
  axis_state: { da: "Afgang", en: "Exit" },
  axis_assumption: { da: "Antagelse", en: "Assumption" },
  legend_arm: { da: "Gruppe", en: "Arm" },
  legend_series: { da: "Serie", en: "Series" },
  label_expected: { da: "Forventet", en: "Expected" },
  label_expectedShare: { da: "Forventet andel", en: "Expected share" },
  label_protocol: { da: "Planlagt samtale (protokol)", en: "Planned conversation (protocol)" },
  label_estimate: { da: "Målt", en: "Measured" },
  label_noEffect: { da: "Ingen forskel", en: "No difference" },
  label_mde: { da: "Mindste påviselige effekt", en: "Minimum detectable effect" },
  label_budget: { da: "Budget", en: "Budget" },
  label_netSavings: { da: "Nettobesparelse", en: "Net savings" },
  label_grossSavings: { da: "Bruttobesparelse", en: "Gross savings" },
  label_breakEven: { da: "Break-even", en: "Break-even" },
  label_low: { da: "Lav værdi", en: "Low value" },
  label_high: { da: "Høj værdi", en: "High value" },
  label_atRisk: { da: "Antal i risiko (kumulerede afgange)", en: "Number at risk (cumulative exits)" },
  label_allArms: { da: "I alt", en: "Total" },
  label_advisorN: { da: "Rådgiver {n}", en: "Advisor {n}" },
  label_overall: { da: "Alle", en: "All" },

  // ---- reasons in the flow (codes from assign's batch counts and from analyze; others shown as given) ----
  "ineligible_before-intake-window": { da: "Ledig før indtagsperioden", en: "Unemployed before intake period" },
  "ineligible_after-intake-window": { da: "Ledig efter indtagsperioden", en: "Unemployed after intake period" },
  "ineligible_in-the-future": { da: "Ledighedsdag i fremtiden", en: "Unemployment day in the future" },
  "ineligible_not-in-target-group": { da: "Uden for målgruppen", en: "Outside the target group" },
  "reason_entered-after-as-of": { da: "Startet på/efter dataudtræk", en: "Entered on/after extraction" },
  "reason_no-outcome-data": { da: "Ingen ledighedsdata", en: "No outcome data" },
  "reason_as-of-date": { da: "Stadig ledig ved dataudtræk", en: "Still unemployed at extraction" },
  "reason_ended-without-exit-state": { da: "Sluttet uden kendt afgang", en: "Ended without known exit" },

  // ---- allocation alerts (results' allocation.alerts) ----
  "alert_share-differs": {
    da: "Andelen i indsatsen er {observed} mod reglens forventede {expected} (eksakt binomialtest p = {p}). Tjek for forkert indtastede fødselsdatoer eller borgere flyttet mellem grupperne.",
    en: "The intervention share is {observed} against the rule's expected {expected} (exact binomial test p = {p}). Check for birthdates entered wrongly or citizens moved between arms.",
  },
  "alert_heaping-first-of-month": {
    da: "Ophobning: {observed} af {arm} er registreret som født den 1. i måneden mod {expected} efter kalenderen. Reglen sender dem alle til samme gruppe (se balancen og undergruppen uden dem).",
    en: "Heaping: {observed} of the {arm} arm are registered as born on the 1st of a month against {expected} from the calendar. The rule sends all of them to one arm (see the balance and the subgroup without them).",
  },
  "alert_heaping-january-1": {
    da: "Ophobning: {observed} af {arm} er registreret som født 1. januar mod {expected} efter kalenderen. Reglen sender dem alle til samme gruppe (se balancen og undergruppen uden dem).",
    en: "Heaping: {observed} of the {arm} arm are registered as born on 1 January against {expected} from the calendar. The rule sends all of them to one arm (see the balance and the subgroup without them).",
  },
  alertArm_control: { da: "kontrolgruppen", en: "control" },
  alertArm_intervention: { da: "indsatsgruppen", en: "intervention" },

  // ---- flow diagram ----
  flow_screened: { da: "Screenet: {n}", en: "Screened: {n}" },
  flow_notAssigned: { da: "Ikke fordelt", en: "Not assigned" },
  flow_invalid: { da: "Ugyldigt CPR-nummer: {n}", en: "Invalid CPR number: {n}" },
  flow_assigned: { da: "Fordelt efter fødselsdag: {n}", en: "Assigned by birthday: {n}" },
  flow_arm: { da: "{arm}: {n}", en: "{arm}: {n}" },
  flow_excluded: { da: "Ikke i analysen", en: "Not analysed" },
  flow_voided: { da: "Annulleret: {n}", en: "Voided: {n}" },
  flow_analysed: { da: "Analyseret: {n}", en: "Analysed: {n}" },
  flow_exited: { da: "Afsluttet forløb: {n}", en: "Spell ended: {n}" },
  flow_censored: { da: "Censureret", en: "Censored" },
  flow_stillRunning: { da: "Stadig ledig: {n}", en: "Still unemployed: {n}" },

  // ---- tables ----
  th_measure: { da: "Mål", en: "Measure" },
  th_estimate: { da: "Estimat", en: "Estimate" },
  th_interval: { da: "95 %-interval", en: "95 % interval" },
  th_p: { da: "p", en: "p" },
  th_covariate: { da: "Baggrundsvariabel", en: "Covariate" },
  th_n: { da: "Antal", en: "N" },
  th_mean: { da: "Gns. / andel", en: "Mean / share" },
  th_sd: { da: "SD", en: "SD" },
  th_smd: { da: "SMD", en: "SMD" },
  th_weeks: { da: "Uger", en: "Weeks" },
  th_difference: { da: "Forskel", en: "Difference" },
  th_year: { da: "År", en: "Year" },
  th_cost: { da: "Udgift (budget)", en: "Cost (budget)" },
  th_gross: { da: "Bruttobesparelse", en: "Gross savings" },
  th_net: { da: "Nettobesparelse", en: "Net savings" },
  th_total: { da: "I alt", en: "Total" },
  th_figure: { da: "Tal", en: "Figure" },
  th_value: { da: "Værdi", en: "Value" },
  th_file: { da: "Fil", en: "File" },
  th_role: { da: "Rolle", en: "Role" },
  th_rows: { da: "Rækker", en: "Rows" },
  th_sha256: { da: "SHA-256", en: "SHA-256" },
  th_key: { da: "Nøgle", en: "Key" },
  th_definition: { da: "Definition", en: "Definition" },
  th_level: { da: "Niveau", en: "Level" },
  m_median: { da: "Median varighed (dage)", en: "Median duration (days)" },
  m_rmst: { da: "Gennemsnitlig varighed op til {tau} dage (RMST)", en: "Restricted mean duration up to {tau} days (RMST)" },
  m_rmstDifference: { da: "Forskel i RMST op til {tau} dage (kontrol − indsats)", en: "Difference in RMST up to {tau} days (control − intervention)" },
  m_daysSaved: { da: "Færre dage ledig op til {tau} dage (kontrol − indsats)", en: "Days saved up to {tau} days (control − intervention)" },
  m_daysToFirstExit: { da: "Færre dage til første afgang op til {tau} dage (kontrol − indsats)", en: "Days to the first exit saved up to {tau} days (control − intervention)" },
  m_logrank: { da: "Log-rank-test (χ² = {chisq}, df = {df})", en: "Log-rank test (χ² = {chisq}, df = {df})" },
  m_logrankStratified: { da: "Log-rank-test stratificeret på branchegruppe (χ² = {chisq})", en: "Log-rank test stratified by industry group (χ² = {chisq})" },
  m_cox: { da: "Hazard ratio for afgang (Cox, {ties})", en: "Hazard ratio of exit (Cox, {ties})" },
  m_completed: { da: "Gennemsnit af afsluttede forløb (dage)", en: "Mean of completed spells (days)" },
  m_completedDifference: {
    da: "Forskel i afsluttede forløb (kontrol − indsats): skævt mod korte forløb, derfor uden interval og test",
    en: "Difference in completed spells (control − intervention): biased towards short spells, so without interval or test",
  },
  m_selfSupportAt: { da: "Selvforsørgende efter {weeks} uger", en: "Self-supporting after {weeks} weeks" },
  m_perCitizenInProgramme: { da: "Samtaler pr. borger i forløbet", en: "Conversations per citizen in the programme" },
  m_onTimeShare: { da: "Andel afholdt til tiden (±{tolerance})", en: "Share held on time (±{tolerance})" },
  m_letterShare: { da: "Andel som brev (borger i tilbud)", en: "Share as a letter (citizen in an offer)" },
  m_planned: { da: "Planlagte samtaler (protokol)", en: "Planned conversations (protocol)" },
  m_heapingFirst: { da: "Født den 1. i måneden", en: "Born on the 1st of the month" },
  m_heapingJanuary: { da: "Født 1. januar", en: "Born 1 January" },
  m_replacement: { da: "Erstatningspersonnumre", en: "Replacement CPR numbers" },
  completedCaveat: {
    da: "Gennemsnittet af afsluttede forløb er projektets eget mål. Mens mange forløb stadig kører, er det skævt mod korte forløb og er derfor ikke effekten.",
    en: "The mean of completed spells is the project's own measure. While many spells are still running it is biased towards short spells, so it is not the effect.",
  },
  allocationWarnings: { da: "Advarsler om fordelingen", en: "Allocation warnings" },

  // ---- covariates, states, assumptions, implied figures (known keys; others shown as given) ----
  cov_age: { da: "Alder ved start", en: "Age at entry" },
  cov_sex: { da: "Køn", en: "Sex" },
  cov_female: { da: "Kvinde", en: "Female" },
  cov_bornFirstJanuary: { da: "Født 1. januar", en: "Born 1 January" },
  cov_bornFirstOfMonth: { da: "Født den 1. i en måned", en: "Born on the 1st of a month" },
  cov_replacementNumber: { da: "Erstatningspersonnummer", en: "Replacement CPR number" },
  cov_education: { da: "Uddannelse", en: "Education" },
  cov_unemployment_fund: { da: "A-kasse", en: "Unemployment fund" },
  cov_origin: { da: "Herkomst", en: "Origin" },
  level_female: { da: "kvinde", en: "female" },
  level_male: { da: "mand", en: "male" },
  level_yes: { da: "ja", en: "yes" },
  level_no: { da: "nej", en: "no" },
  cov_priorUnemploymentWeeks: { da: "Tidligere ledighed (uger)", en: "Prior unemployment (weeks)" },
  cov_industryGroup: { da: "Branchegruppe", en: "Industry group" },
  "state_self-support": { da: "Selvforsørgelse", en: "Self-support" },
  state_education: { da: "Uddannelse", en: "Education" },
  "state_other benefit": { da: "Anden ydelse", en: "Other benefit" },
  sens_effect: { da: "Effekt (95 %-interval)", en: "Effect (95 % interval)" },
  sens_regionalGrant: { da: "Modregning af beskæftigelsestilskud", en: "Netting of the regional employment grant" },
  sens_intake: { da: "Deltagere pr. år", en: "Participants per year" },
  sens_cofinancing: { da: "Kommunal medfinansiering (alle trin)", en: "Municipal co-financing (all steps)" },
  sens_priorWeeks: { da: "Uger på offentlig forsørgelse før start", en: "Weeks on public support before entry" },
  sens_benefitRate: { da: "Dagpengesats", en: "Daily benefit rate" },
  sens_horizon: { da: "Horisont (dage)", en: "Horizon (days)" },
  sensValue_lower: { da: "nedre grænse", en: "lower bound" },
  sensValue_upper: { da: "øvre grænse", en: "upper bound" },
  unit_days: { da: "dage", en: "days" },
  unit_weeks: { da: "uger", en: "weeks" },
  unit_percentagePoints: { da: "procentpoint", en: "percentage points" },
  role_config: { da: "Konfiguration", en: "Configuration" },
  role_cohort: { da: "Kohorte", en: "Cohort" },
  role_register: { da: "Register", en: "Register" },
  role_spells: { da: "Ledighedsforløb", en: "Spells" },
  role_benefitWeeks: { da: "Ydelsesuger", en: "Benefit weeks" },
  role_conversations: { da: "Samtaler", en: "Conversations" },
  role_secondary: { da: "Sekundære udfald", en: "Secondary outcomes" },
  implied_expectedDaysSaved: { da: "Forventede sparede dage pr. borger", en: "Expected days saved per citizen" },
  implied_expectedNetSavingsPerYear: { da: "Forventet nettobesparelse pr. år (kr.)", en: "Expected net savings per year (DKK)" },
  implied_savingPerParticipantAtExpected: { da: "Besparelse pr. deltager ved forventet effekt (kr.)", en: "Saving per participant at the expected effect (DKK)" },
  implied_impliedParticipantsPerYear: { da: "Deltagere pr. år, som forventningen forudsætter", en: "Participants per year the expectation implies" },
  implied_impliedParticipantsPerWeek: { da: "Deltagere pr. uge, som forventningen forudsætter", en: "Participants per week the expectation implies" },
  implied_impliedInProgrammeAtOnce: { da: "Højst i forløbet på én gang (forudsat)", en: "At most in the programme at once (implied)" },
  implied_impliedParticipantsPerYearWholePeriod: { da: "Deltagere pr. år forudsat over hele perioden", en: "Participants per year implied over the whole period" },
  implied_observedParticipantsPerYear: { da: "Observerede deltagere i indsatsen pr. år", en: "Observed intervention participants per year" },
  implied_observedParticipantsPerWeek: { da: "Observerede deltagere i indsatsen pr. uge", en: "Observed intervention participants per week" },
  implied_breakEvenParticipantsPerYear: { da: "Break-even: deltagere pr. år ved den målte effekt", en: "Break-even: participants per year at the measured effect" },
  implied_breakEvenDaysSaved: { da: "Break-even: sparede dage pr. borger", en: "Break-even: days saved per citizen" },

  // ---- methods ----
  methods_definitions: { da: "Definitioner", en: "Definitions" },
  def_daysSaved: {
    da: "Færre dage ledig: forskellen i gennemsnitlig ledighedsvarighed op til {tau} dage (restricted mean survival time, arealet under Kaplan-Meier-kurven), kontrol minus indsats. Positiv betyder kortere ledighed i indsatsen. Alle fordelte borgere analyseres i den gruppe, reglen gav dem (intention to treat).",
    en: "Days saved: the difference in mean unemployment duration up to {tau} days (restricted mean survival time, the area under the Kaplan-Meier curve), control minus intervention. Positive means shorter unemployment in the intervention. Every assigned citizen is analysed in the arm the rule gave them (intention to treat).",
  },
  def_duration: { da: "Ledighedsforløb: dage fra første ledighedsdag til første afgang af enhver art; forløb, der stadig kører ved dataudtrækket, er censureret dér.", en: "Unemployment spell: days from the first unemployment day to the first exit of any kind; spells still running at the data extraction are censored there." },
  def_selfSupport: { da: "Selvforsørgelse: afgang til beskæftigelse uden offentlig ydelse; andelen efter 13, 26 og 52 uger er den kumulerede incidens med andre afgange som konkurrerende hændelser.", en: "Self-support: exit to employment without public benefit; the share after 13, 26 and 52 weeks is the cumulative incidence with other exits as competing events." },
  def_monthly: { da: "Månedlig afgang i % af bestanden: afgange til selvforsørgelse i måneden delt med antallet, der var ledige ved månedens start (projektets eget mål).", en: "Monthly exit in % of the stock: exits to self-support in the month divided by the number unemployed at the start of the month (the project's own measure)." },
  def_process: { da: "Samtaler: afholdte samtaler og breve pr. borger, der stadig er i forløbet i den pågældende uge; til tiden betyder senest {tolerance} efter den planlagte uge.", en: "Conversations: conversations held and letters per citizen still in the programme that week; on time means at most {tolerance} after the planned week." },
  def_balance: { da: "SMD: forskellen i gennemsnit (eller andel) mellem indsats og kontrol delt med den samlede standardafvigelse.", en: "SMD: the difference in mean (or share) between intervention and control divided by the pooled standard deviation." },
  def_precision: { da: "Mindste påviselige effekt: den effekt, der med den givne styrke ville give et signifikant resultat med de data, der er nu.", en: "Minimum detectable effect: the effect that with the given power would give a significant result with the data so far." },
  def_businessCase: { da: "Business case: forskellen mellem de to gruppers Kaplan-Meier-kurver prissat uge for uge med dagpengesats og kommunal medfinansiering (20 % uge 1-4, 60 % uge 5-26, 70 % uge 27-52, 80 % derefter), minus projektets budget.", en: "Business case: the difference between the arms' Kaplan-Meier curves priced week by week with the benefit rate and municipal co-financing (20 % weeks 1-4, 60 % weeks 5-26, 70 % weeks 27-52, 80 % after), minus the project budget." },
  methods_estimators: { da: "Estimatorer og referencer", en: "Estimators and references" },
  ref_km: { da: "Kaplan-Meier med Greenwoods varians og {confType}-konfidensbånd (Kaplan & Meier 1958; Greenwood 1926; R survival::survfit).", en: "Kaplan-Meier with Greenwood's variance and a {confType} confidence band (Kaplan & Meier 1958; Greenwood 1926; R survival::survfit)." },
  ref_rmst: { da: "Restricted mean survival time med Greenwood-type varians (Royston & Parmar 2013; R survival print.survfit(rmean = tau)).", en: "Restricted mean survival time with a Greenwood-type variance (Royston & Parmar 2013; R survival print.survfit(rmean = tau))." },
  ref_logrank: { da: "Log-rank-test, også stratificeret (Mantel 1966; R survival::survdiff).", en: "Log-rank test, also stratified (Mantel 1966; R survival::survdiff)." },
  ref_cox: { da: "Cox' proportional hazards-model (Cox 1972; R survival::coxph).", en: "Cox proportional hazards model (Cox 1972; R survival::coxph)." },
  ref_cif: { da: "Kumuleret incidens med konkurrerende hændelser (Aalen & Johansen 1978; R survival::survfit med multistate).", en: "Cumulative incidence with competing events (Aalen & Johansen 1978; R survival::survfit multistate)." },
  ref_smd: { da: "Standardiseret middelforskel (Austin 2009).", en: "Standardized mean difference (Austin 2009)." },
  ref_welch: { da: "Welch' t-interval for afsluttede forløb.", en: "Welch t interval for completed spells." },
  ref_precision: { da: "Præcision: {method}", en: "Precision: {method}" },
  publicSupportMark: { da: "offentlig forsørgelse", en: "public support" },
  methods_resultsDefinitions: { da: "Definitioner fra resultatfilen", en: "Definitions from the results file" },

  // ---- the results file's definitions (analyze's `measureDefinitions`), key "resultDef_" + the file's key ----
  // The English is analyze's wording, filled with the same values; the report shows the
  // Danish only while the English here equals what the file says (else the file's own
  // text), so a changed definition in analyze never gets a stale translation.
  // {asOf} is the ISO date in English (as the file writes it) and the Danish date in Danish;
  // {tolerance} is the number in English ("week(s)" follows) and "1 uge" / "2 uger" in Danish.
  resultDef_analysis: {
    da: "Intention to treat: alle fordelte borgere (annullerede fordelinger undtaget) analyseres i den gruppe, fødselsdagsreglen gav dem, uanset hvad de fik. Varigheden tælles i hele dage fra første ledighedsdag (dag 1) til sidste dag på ydelse.",
    en: "Intention to treat: every assigned citizen (voided assignments left out) is analysed in the arm the birthdate rule gave them, whatever they received. Duration is counted in whole days from the first unemployment day (day 1) to the last day on benefit.",
  },
  resultDef_censoring: {
    da: "Forløb, der stadig kører på opgørelsesdatoen {asOf} (datoen for dataudtrækket), censureres på den dato; et forløb, der slutter uden kendt afgang, censureres ved sin afslutning med sin årsag. Borgere, der er startet for nylig og ikke kan følges til en horisont, bliver i analysen og censureres tidligt; Kaplan-Meier-estimatoren bruger dem, så længe de følges. Borgere med første ledighedsdag på eller efter opgørelsesdatoen udelukkes og tælles i forløbsdiagrammet.",
    en: "Spells still running on the as-of date {asOf} (the data extraction date) are censored at the as-of date; a spell that ends without an exit state is censored at its end with its reason. Citizens who entered too recently to be followed to a horizon stay in the analysis and are censored early; the Kaplan-Meier estimator uses them as long as they are followed. Citizens whose first unemployment day is on or after the as-of date are excluded and counted in the flow.",
  },
  resultDef_flow: {
    da: "Antal som i et CONSORT-diagram. Screenede, ikke omfattede og ugyldige kommer fra registrets kørselsposter og er tomme, når kohorteudtrækket ikke har dem. Fordelte omfatter annullerede fordelinger; derefter følger udelukkede, analyserede, afsluttede (forløbet er slut), stadig ledige (censureret på opgørelsesdatoen) og censurerede efter årsag.",
    en: "CONSORT-style counts. Screened, ineligible and invalid come from the register's batch records and are null when the cohort export does not carry them. Assigned includes voided assignments; excluded, analysed, exited (spell ended), still running (censored at the as-of date) and censored by reason follow.",
  },
  resultDef_intake: {
    da: "Fordelte borgere pr. ISO-uge for deres første ledighedsdag og pr. år, efter gruppe.",
    en: "Citizens assigned per ISO week of their first unemployment day and per year, by arm.",
  },
  resultDef_allocation: {
    da: "Andelen i indsatsen mod den andel, reglen giver efter kalenderen (dag 1-15 i hver måned er 180 af årets 365 dage, 49,3 %), som gennemsnit over borgernes fødselsår (året for første ledighedsdag minus alderen ved start), med en eksakt tosidet binomialtest, samlet og pr. uge. Ophobning: andelen, der er registreret som født den 1. i en måned og den 1. januar, i hver gruppe mod kalenderens andel af de dage blandt gruppens fødselsdage.",
    en: "The intervention share against the share the rule predicts from the calendar (days 1-15 of each month are 180 of 365 days, 49.3 %), averaged over the citizens' birth years (year of the first unemployment day minus the age at entry), with an exact two-sided binomial test, overall and per week. Heaping: the share registered as born on the 1st of a month and on 1 January in each arm against the calendar's share of those days among the arm's birth days.",
  },
  resultDef_balance: {
    da: "Standardiseret middelforskel (indsats minus kontrol, delt med kvadratroden af gennemsnittet af de to varianser) for hver baggrundsvariabel ved tilgangen; kategoriske variabler som én indikator pr. niveau. Absolutte værdier over 0,1 tages normalt som tegn på ubalance.",
    en: "Standardized mean difference (intervention minus control, divided by the square root of the mean of the two variances) of every intake covariate; categorical covariates as one indicator per level. Absolute values above 0.1 are usually taken as a sign of imbalance.",
  },
  resultDef_km: {
    da: "Kaplan-Meier-estimat af andelen, der stadig er ledige (ingen afgang af nogen art), efter dage siden første ledighedsdag, pr. gruppe, med et 95 %-konfidensbånd på log-log-skala (Greenwood). Offentliggjort som trin, der hver rummer mindst den mindste cellestørrelse af afgange og enten ingen censureringer eller mindst lige så mange censureringer (på hinanden følgende afgangstidspunkter lagt sammen): antallet i risiko ved trinnets første tidspunkt, afgange og censureringer for hele trinnet, kurve og bånd ved dets sidste tidspunkt, og som tid trinnets afgangstidspunkter i gennemsnit vægtet med kurvens fald (hele dage), så arealet under den offentliggjorte kurve er Kaplan-Meier-estimatets restricted mean. Rækker fra det sted, hvor færre borgere end minimum er i risiko, er udeladt; en sidste række uden afgange og censureringer gentager det sidste trin for at vise, hvor langt data rækker.",
    en: "Kaplan-Meier estimate of the share still unemployed (no exit of any kind) by days since the first unemployment day, per arm, with a 95 % log-log confidence band (Greenwood). Published as steps that each hold at least the minimum cell size of exits and either no censoring or at least that many censorings (consecutive exit times merged): the number at risk at the step's first time, the exits and censorings of the whole step, the curve and band at its last time, and as time the step's exit times averaged with the drops of the curve as weights (whole days), so the area under the published curve is the Kaplan-Meier restricted mean. Rows from where fewer citizens than the minimum are at risk are left out; a last row with no exits or censorings repeats the last step to show how far the data reach.",
  },
  "resultDef_duration.median": {
    da: "Median varighed: den første dag, hvor Kaplan-Meier-kurven er på eller under 50 %, med Brookmeyer-Crowleys 95 %-interval (tomt, når kurven eller et bånd aldrig når 50 %).",
    en: "Median duration: the first day the Kaplan-Meier curve is at or below 50 %, with the Brookmeyer-Crowley 95 % interval (null when the curve or a band never reaches 50 %).",
  },
  "resultDef_duration.rmst": {
    da: "Gennemsnitlig varighed op til tau dage (restricted mean): arealet under Kaplan-Meier-kurven fra 0 til tau dage, det forventede antal ledige dage inden for de første tau dage; standardfejl som i R's survfit. En horisont ud over en gruppes længste opfølgning kan ikke estimeres og er udeladt.",
    en: "Restricted mean duration at tau: the area under the Kaplan-Meier curve from 0 to tau days, the expected number of days unemployed within the first tau days; standard error as R's survfit. A horizon beyond an arm's longest follow-up is not estimable and left out.",
  },
  resultDef_daysSaved: {
    da: "Sparede dage: kontrolgruppens forventede dage på A-dagpenge inden for de første {tau} dage fra første ledighedsdag minus indsatsgruppens, hvor hver dag på A-dagpenge tæller (tilbagevenden til A-dagpenge medregnet), ud fra hver borgers forløb gennem ydelser i det ugentlige ydelsespanel. For hver gruppe Aalen-Johansen-estimatet af sandsynligheden for at være på A-dagpenge hver dag, integreret til {tau} (restricted mean time in state), med infinitesimal jackknife-standardfejl (som R's survfit); forskellen har SE sqrt(se_k² + se_i²) og et 95 %-interval efter normalfordelingen. Opfølgningen slutter på opgørelsesdatoen, eller når en borger flytter (censurering). En positiv værdi betyder færre dage på A-dagpenge i indsatsen. Det er det primære effektmål.",
    en: "Days saved: the control arm's expected days on A-dagpenge within the first {tau} days from the first unemployment day minus the intervention arm's, every day on A-dagpenge counted (returns to A-dagpenge included), from each citizen's path through benefit states in the weekly benefit panel. Per arm the Aalen-Johansen estimate of the probability of being on A-dagpenge on each day, integrated to {tau} (restricted mean time in state), with infinitesimal-jackknife standard errors (as R's survfit); the difference has SE sqrt(se_c² + se_i²) and a 95 % normal interval. Follow-up ends at the as-of date or when a citizen moves away (censoring). A positive value means fewer days on A-dagpenge in the intervention. This is the primary effect measure.",
  },
  "resultDef_duration.logrank": {
    da: "Log-rank-test af ens afgangsrater i de to grupper; den stratificerede test sammenligner inden for branchegrupper og lægger sammen over dem.",
    en: "Log-rank test of equal exit rates in the two arms; the stratified test compares within industry groups and sums over them.",
  },
  "resultDef_duration.cox": {
    da: "Cox' proportional hazards-model med gruppen som eneste led (Efrons metode ved samtidige afgange): hazard ratio for afgang fra ledighed, indsats over kontrol (over 1 betyder hurtigere afgang).",
    en: "Cox proportional hazards model with the arm as the only term (Efron ties): the hazard ratio of leaving unemployment, intervention over control (above 1 means faster exit).",
  },
  "resultDef_duration.riskTable": {
    da: "Borgere stadig i risiko og kumulerede afgange pr. gruppe hver 4. uge, under Kaplan-Meier-figuren.",
    en: "Citizens still at risk and cumulative exits by arm at every 4th week, under the Kaplan-Meier chart.",
  },
  resultDef_completedSpells: {
    da: "Projektets egen formulering: den gennemsnitlige varighed af de forløb, der er afsluttet på opgørelsesdatoen. Mens mange forløb stadig kører, er de afsluttede de korte (et forløb, der begyndte for et år siden, tælles kun med, hvis det er slut), og den gruppe, hvis borgere kommer hurtigere ud, får flere af sine forløb talt med. Gennemsnittet er derfor skævt mod korte forløb og er ikke effekten; effekten er sparede dage (forskellen i restricted mean), som også bruger de forløb, der stadig kører. Forskellen er kontrol minus indsats og vises kun som et tal: ingen standardfejl, intet interval og ingen p-værdi, fordi en test af den ville teste skævheden lige så meget som effekten (mærkat: biased-towards-short-spells).",
    en: "The project's own wording: the average duration of spells that have ended by the as-of date. While many spells are still running, the completed ones are the short ones (a spell that began a year ago can only be counted if it ended), and the arm whose citizens leave faster has more of its spells counted. This average is therefore biased towards short spells and is not the effect; the effect is days saved (the restricted mean difference), which uses the running spells too. The difference is control minus intervention, shown as a number only: no standard error, interval or p-value, because a test of it would test the bias as much as the effect (label: biased-towards-short-spells).",
  },
  resultDef_selfSupport: {
    da: "Afgang til selvforsørgelse: kumuleret incidens (Aalen-Johansen) af afgang fra ydelse til selvforsørgelse med de andre afgange (uddannelse, sygedagpenge, anden offentlig ydelse, fraflytning, opbrugt dagpengeret) som konkurrerende hændelser, pr. gruppe efter 13, 26 og 52 uger; forskellen er indsats minus kontrol (positiv: flere afgange til selvforsørgelse, en gevinst for indsatsen, som signConvention siger). Månedligt: for hver hel måned før opgørelsesdatoen borgerne på ydelse den 1. (bestanden), og hvor mange af dem der gik til selvforsørgelse i måneden, i % af bestanden, som projektet formulerede det.",
    en: "Exit to self-support: cumulative incidence (Aalen-Johansen) of leaving benefit to self-support, with the other exits (education, sickness benefit, other public benefit, moving away, benefit period used up) as competing events, per arm at 13, 26 and 52 weeks; the difference is intervention minus control (positive: more exits to self-support, a gain for the intervention, as signConvention says). Monthly: for each whole month before the as-of date, citizens on benefit on the 1st (the stock) and how many of them left to self-support in the month, in % of the stock, as the project phrased it.",
  },
  resultDef_process: {
    da: "Samtaler efter uge i forløbet (uge 1 = de første 7 dage fra første ledighedsdag) blandt borgere, der stadig er på ydelse ved ugens start; afholdte samtaler og breve (en borger i tilbud får et brev) tæller med, aflyste og udeblevne gør ikke. Pr. borger i forløbet: samtaler i de første {weeks} uger pr. borger, der var på ydelse hele den tid, mod protokollen ({intervention} mod {control}). Til tiden: en planlagt samtale holdt senest {tolerance} efter den planlagte uge, blandt de planlagte samtaler, der var forfaldne (borgeren stadig på ydelse da). Pr. rådgiver: rådgiveren på samtalens registrering, ellers borgerens hyppigste rådgiver; id'er som i loggen (pseudonyme).",
    en: "Conversations by programme week (week 1 = the first 7 days from the first unemployment day) among citizens still on benefit at the start of the week; held conversations and letters (a citizen in an offer gets a letter) count, cancelled and missed ones do not. Per citizen in the programme: conversations in the first {weeks} weeks per citizen on benefit all that time, against the protocol ({intervention} versus {control}). On time: a planned conversation held no later than {tolerance} week(s) after its planned week, among planned conversations that were due (citizen still on benefit then). Per advisor: the advisor on the conversation's record, else the citizen's most frequent advisor; ids as the log carries them (pseudonymous).",
  },
  resultDef_secondary: {
    da: "Sekundære udfald blandt analyserede borgere med en værdi: ansøgninger og borgernes vurdering som forskelle i gennemsnit (indsats minus kontrol) med HC2-standardfejl (forskellige varianser) og et Welch t-interval; selvfundet praktik eller løntilskudsjob som forskel i andele med et Wald-interval.",
    en: "Secondary outcomes among analysed citizens with a value: applications and the citizens' rating as differences in means (intervention minus control) with the HC2 (unequal-variance) standard error and a Welch t interval; a self-found internship or wage-subsidy job as a difference in proportions with a Wald interval.",
  },
  resultDef_subgroups: {
    da: "Færre dage ledig op til {tau} dage inden for hvert niveau af branchegruppe, køn, født 1. januar og konfigurerede baggrundsvariabler. Et niveau, hvor en gruppe har færre end {minCell} borgere, skjules. Vekselvirkning: Cochrans Q-test af, at effekten er den samme i alle viste niveauer.",
    en: "Days saved at {tau} days within each level of industry group, sex, born 1 January and configured covariates. A level where an arm has fewer than {minCell} citizens is suppressed. Interaction: Cochran's Q test that days saved is the same in all shown levels.",
  },
  resultDef_suppression: {
    da: "Antal fra 1 til {max} (under den konfigurerede mindste cellestørrelse) er tomme i resultatfilen, og det samme er gennemsnit og andele, der bygger på dem; nuller vises, da de ikke beskriver nogen. Inden for en gruppe af antal, hvis total offentliggøres (et års uger, en gruppes årsager til udelukkelse og censurering), skjules endnu en celle, der ikke er nul, når én er skjult, så den første ikke kan regnes ud ved at trække fra. Kaplan-Meier-tabeller offentliggør trin med mindst {minCell} afgange og 0 eller mindst {minCell} censureringer (lagt sammen, ikke tomme: se km); kurver for kumuleret incidens offentliggør først et punkt efter mindst {minCell} afgange til tilstanden siden det forrige punkt; begge slutter, hvor færre end {minCell} er i risiko. Bemærkninger skriver aldrig et lille antal (de siger \"færre end {minCell}\"). Forskelle mellem antal offentliggjort på forskellige tidspunkter (risikotabellens 4-ugers trin) er ikke beskyttet.",
    en: "Counts from 1 to {max} (below the configured minimum cell size) are null in this file, and so are means and shares that rest on them; zero counts are shown, since they describe no one. Within a group of counts whose total is published (weeks of a year, exclusion and censoring reasons of an arm) a second, non-zero cell is suppressed when one is, so the first cannot be recovered by subtraction. Kaplan-Meier tables publish steps whose exits are at least {minCell} and whose censorings are 0 or at least {minCell} (aggregated, not nulled: see km); cumulative-incidence curves publish a point only after at least {minCell} exits to the state since the last point; both end where fewer than {minCell} are at risk. Notes never write a small count (they say \"fewer than {minCell}\"). Differences between counts published at different times (the risk table's 4-week steps) are not protected.",
  },
  resultDef_daysToFirstExit: {
    da: "Dage til første afgang: kontrolgruppens gennemsnitlige varighed af det første forløb på A-dagpenge op til {tau} dage (restricted mean) minus indsatsgruppens (arealet under Kaplan-Meier-kurven for første afgang af enhver art), med standardfejlen sqrt(se_k² + se_i²) og et 95 %-interval efter normalfordelingen. Et sekundært mål: en borger, der går fra A-dagpenge til sygedagpenge eller vender tilbage, tæller som en afgang.",
    en: "Days to first exit: the control arm's restricted mean duration of the first spell on A-dagpenge at {tau} days minus the intervention arm's (the area under the Kaplan-Meier curve of the first exit of any kind), with the standard error sqrt(se_c² + se_i²) and a 95 % normal interval. A secondary measure: a citizen who leaves A-dagpenge for sickness benefit, or comes back, counts as an exit.",
  },
  "resultDef_daysSaved|noPanel": {
    da: "Dage til første afgang: kontrolgruppens gennemsnitlige varighed af det første forløb på A-dagpenge op til {tau} dage (restricted mean) minus indsatsgruppens (arealet under Kaplan-Meier-kurven for første afgang af enhver art), med standardfejlen sqrt(se_k² + se_i²) og et 95 %-interval efter normalfordelingen. Et sekundært mål: en borger, der går fra A-dagpenge til sygedagpenge eller vender tilbage, tæller som en afgang. Uden det ugentlige ydelsespanel er det dette, sparede dage måler; dage på A-dagpenge med tilbagevenden, dage på offentlig forsørgelse og udgiften kræver panelet.",
    en: "Days to first exit: the control arm's restricted mean duration of the first spell on A-dagpenge at {tau} days minus the intervention arm's (the area under the Kaplan-Meier curve of the first exit of any kind), with the standard error sqrt(se_c² + se_i²) and a 95 % normal interval. A secondary measure: a citizen who leaves A-dagpenge for sickness benefit, or comes back, counts as an exit. Without the weekly benefit panel this is what days saved measures; days on A-dagpenge with re-entries, days on public support and expenditure need the panel.",
  },
  resultDef_signConvention: {
    da: "Hver effekt i denne fil er vendt, så et positivt tal er en gevinst for indsatsen: sparede dage og sparede dage på offentlig forsørgelse er kontrol minus indsats i dage (færre dage i indsatsen er positivt), udgiftsbesparelsen er kontrol minus indsats i kroner, afgang til selvforsørgelse og de sekundære udfald er indsats minus kontrol (flere afgange, ansøgninger, selvfundne praktikker, en højere vurdering er positivt), hazard ratio er indsats over kontrol (over 1: hurtigere afgang). Det samme gælder følsomheds-, undergruppe- og overvågningsestimaterne, deres z-værdier og intervaller. To beskrivende forskelle beholder R's rækkefølge indsats minus kontrol og er ikke effekter: de gennemsnitlige varigheder (duration.rmst) og dagene i hver ydelsestilstand (paths.byHorizon); deres negative værdier er sparede dage.",
    en: "Every effect in this file is oriented so that a positive number is a gain for the intervention: days saved and days on public support saved are control minus intervention days (fewer days in the intervention is positive), the expenditure saving is control minus intervention kroner, exit to self-support and the secondary outcomes are intervention minus control (more exits, applications, self-found placements, a higher rating is positive), the hazard ratio is intervention over control (above 1: faster exit). The same holds for the sensitivity, subgroup and monitoring estimates, their z statistics and intervals. Two descriptive differences keep R's order intervention minus control and are not effects: the restricted mean durations (duration.rmst) and the days in each benefit state (paths.byHorizon); their negatives are days saved.",
  },
  resultDef_monitoring: {
    da: "Lan-DeMets' alfaforbrug (O'Brien-Fleming- eller Pocock-type, tosidet) over de planlagte kig. Ved hvert kig beregnes sparede dage igen med data pr. kiggets dato; informationsandelen er den observerede information 1/SE² over den information, der ventes ved slutanalysen (1/SE² af den standardfejl, præcisionsfremskrivningen venter da); slutanalysen bruger andelen 1, et mellemliggende kig, hvis information når den ventede slutinformation, behandles som slutanalysen, og kig, hvor sparede dage endnu ikke kan estimeres, bruger ingen alfa. Grænsen c regnes igen for de observerede andele; grænsen er krydset, når |z| >= c, z = sparede dage / SE; det gentagne konfidensinterval er sparede dage ± c x SE (Jennison & Turnbull 1989) og dækker den sande effekt ved alle kig samtidig med sandsynligheden 1 - alfa. Tidligere kig er genberegnet ud fra det nuværende udtræk pr. deres dato.",
    en: "Lan-DeMets alpha spending (O'Brien-Fleming or Pocock type, two-sided) over the planned looks. At each look days saved is recomputed from the data as of the look's date; the information fraction is the observed information 1/SE² over the information expected at the final analysis (1/SE² of the standard error the precision projection expects then); the final analysis uses fraction 1, an interim look whose information reaches the expected final information is treated as the final analysis, and looks where days saved is not yet estimable spend no alpha. The boundary c is recomputed for the observed fractions; the boundary is crossed when |z| >= c, z = days saved / SE; the repeated confidence interval is days saved ± c x SE (Jennison & Turnbull 1989), jointly covering the true effect at all looks with probability 1 - alpha. Earlier looks are recomputed from the current extract as of their dates.",
  },
  resultDef_sensitivity: {
    da: "Det primære estimat (sparede dage ved den primære horisont, som daysSaved) ved siden af de analyser, en bedømmer beder om, hver beregnet på samme måde: uden borgere registreret som født den 1. i en måned og uden dem født 1. januar (ophobning af fødselsdatoer sender dem alle i gruppen for dag 1; en borger, hvis markering er ukendt, bliver med); horisonten tau ved 182, 273 og 364 dage med antal og andel af hver gruppe, der stadig er i risiko ved tau (fulgt så længe, og for dage til første afgang stadig i det første forløb), og fewAtRisk, når en gruppe er under atRiskThreshold (10 %); og det kovariatjusterede estimat, hvis metode er nævnt i rækken, med den andel af variansen, baggrundsvariablene fjerner (precisionGain).",
    en: "The primary estimate (days saved at the primary horizon, as daysSaved) beside analyses a referee asks for, each recomputed the same way: without the citizens registered as born on the 1st of a month, and without those born 1 January (birth-date heaping puts them all in the arm of day 1; a citizen whose flag is unknown stays in); the horizon tau at 182, 273 and 364 days, with the number and share of each arm still at risk at tau (followed that long, and for days to the first exit still in the first spell) and fewAtRisk when an arm is below atRiskThreshold (10 %); and the covariate-adjusted estimate, whose method is named in the row, with the share of the variance the baseline variables remove (precisionGain).",
  },
  resultDef_paths: {
    da: "Hver borgers forløb fra første ledighedsdag: tilstanden i hver ISO-uge ud fra panelets koder (konfigurationens benefitStates: {states}; en uge uden kode er {noCodeState}; koderne {censorCodes} afslutter opfølgningen). Forventede dage i hver tilstand og på offentlig forsørgelse i alt ({publicStates}) inden for hver horisont pr. gruppe, med forskellene indsats minus kontrol; sparede dage på offentlig forsørgelse = kontrol minus indsats. Hvor de sparede dage gik hen: indsats minus kontrol i dage i hver tilstand ud over A-dagpenge ved {tau} dage; de summer til de sparede dage.",
    en: "Each citizen's path from the first unemployment day: the state of every ISO week from the panel's codes (configuration benefitStates: {states}; a week without a code is {noCodeState}; codes {censorCodes} end follow-up). Expected days in each state and on any public support ({publicStates}) within each horizon per arm, with the differences intervention minus control; days on public support saved = control minus intervention. Where the saved days went: intervention minus control days in each state other than A-dagpenge at {tau} days; they sum to days saved.",
  },
  resultDef_expenditure: {
    da: "Kommunens gennemsnitlige udgift pr. borger inden for hver horisont pr. gruppe og besparelsen kontrol minus indsats (positiv: indsatsen koster kommunen mindre). Opdelt middelværdi vægtet med den inverse sandsynlighed for ikke at være censureret (Bang & Tsiatis 2000; Lin m.fl. 1997) med intervaller på én dag og censureringsfordelingen ved Kaplan-Meier: summen over dage d < tau af gennemsnitsprisen for dag d blandt gruppens borgere, der stadig følges den dag. En dag på en offentlig ydelse koster ydelsens dagssats (maxDailyBenefit eller kodens benefitDailyRates) x benefitDaysPerWeek / 7 x kommunens medfinansieringsandel for ugen på offentlig forsørgelse i alt (på tværs af ydelser, med historikken før første ledighedsdag), gennemsnit over de kalenderår, dagen falder i for forsøgets tilgang. Standardfejl fra influensfunktionen, inklusive den estimerede censureringsfordeling (docs/evaluation.md).",
    en: "Mean municipal expenditure per citizen within each horizon per arm, and the saving control minus intervention (positive: the intervention costs the municipality less). Partitioned inverse-probability-of-censoring-weighted mean (Bang & Tsiatis 2000; Lin et al. 1997) with one-day intervals and the censoring distribution by Kaplan-Meier: the sum over days d < tau of the mean price of day d among the arm's citizens still followed on it. A day on a public benefit costs the benefit's daily rate (maxDailyBenefit, or benefitDailyRates of its code) x benefitDaysPerWeek / 7 x the municipality's co-financing share for the week of total time on public support (across benefits, with the history before the first unemployment day), averaged over the calendar years the day falls in for the trial's intake. Standard error from the influence function including the estimated censoring distribution (docs/evaluation.md).",
  },
  resultDef_privacy: {
    da: "Resultatfilen indeholder intet CPR-nummer, ingen fødselsdato og intet pseudonym; input er kun nævnt ved filnavn og SHA-256.",
    en: "No CPR number, birth date or pseudonym appears in this file; the inputs are named by file name and SHA-256 only.",
  },
  methods_configuration: { da: "Konfiguration", en: "Configuration" },
  cfg_rule: { da: "Fordelingsregel", en: "Assignment rule" },
  cfg_ruleDayOfMonth: { da: "Fødselsdag {intervention} i måneden → indsats, øvrige → kontrol", en: "Birth day {intervention} of the month → intervention, others → control" },
  cfg_ruleParity: { da: "{parity} fødselsdage → indsats", en: "{parity} birth days → intervention" },
  cfg_ruleList: { da: "{n} udvalgte fødselsdage → indsats", en: "{n} listed birthdays → intervention" },
  cfg_period: { da: "Projektperiode", en: "Project period" },
  cfg_intakeFrom: { da: "Første ledighedsdag fra", en: "First unemployment day from" },
  cfg_evaluation: { da: "Evalueringsdato", en: "Evaluation date" },
  cfg_horizon: { da: "Primær horisont", en: "Primary horizon" },
  cfg_protocol: { da: "Samtaler i {weeks} uger", en: "Conversations in {weeks} weeks" },
  cfg_budget: { da: "Budget", en: "Budget" },
  cfg_expectation: { da: "Forventning", en: "Expectation" },
  cfg_expectationValue: { da: "{days} færre dage ledig; nettobesparelse {net} pr. år {from}–{to}", en: "{days} fewer days unemployed; net savings {net} a year {from}–{to}" },
  cfg_minCell: { da: "Mindste viste antal", en: "Smallest count shown" },
  cfg_configHash: { da: "Konfigurationens hash", en: "Configuration hash" },
  methods_provenance: { da: "Oprindelse", en: "Provenance" },
  prov_tool: { da: "Værktøj", en: "Tool" },
  prov_resultsMade: { da: "Resultater beregnet", en: "Results computed" },
  prov_reportMade: { da: "Rapport dannet", en: "Report made" },
  prov_asOf: { da: "Dataudtræk", en: "Data extraction" },
  prov_seed: { da: "Seed", en: "Seed" },
  prov_files: { da: "Specifikationer (Vega-Lite JSON) og data (CSV) for hver figur ligger ved siden af rapporten i mappen charts/.", en: "Specifications (Vega-Lite JSON) and data (CSV) for every chart are beside the report in the folder charts/." },
  days: { da: "dage", en: "days" },
  week: { da: "uge", en: "week" },
  weeksUnit: { da: "uger", en: "weeks" },

  // ---- the first table: the primary estimate beside its sensitivity analyses (primary-section.ts) ----
  section_primary: { da: "Hovedresultat og følsomhedsanalyser", en: "Primary result and sensitivity analyses" },
  section_primary_intro: {
    da: "Det primære effektmål står øverst; under det de samme dage beregnet på andre måder, så man kan se, om konklusionen afhænger af valgene: uden borgere med en fødselsdato, der ofte er registreret i stedet for den rigtige, ved andre horisonter end {tau} dage og justeret for borgernes baggrund. Til sidst de sekundære mål.",
    en: "The primary effect measure comes first; below it the same days computed in other ways, to show whether the conclusion depends on the choices: without citizens whose birth date is often registered in place of the real one, at horizons other than {tau} days, and adjusted for the citizens' background. The secondary measures follow.",
  },
  th_analysis: { da: "Analyse", en: "Analysis" },
  th_note: { da: "Borgere og bemærkninger", en: "Citizens and remarks" },
  primaryGroup_primary: { da: "Primært effektmål", en: "Primary effect measure" },
  primaryGroup_sensitivity: { da: "Følsomhedsanalyser", en: "Sensitivity analyses" },
  primaryGroup_secondary: { da: "Sekundære mål", en: "Secondary measures" },
  primaryRow_onBenefit: { da: "Færre dage på A-dagpenge inden for {tau} dage (genindtræden talt med)", en: "Fewer days on A-dagpenge within {tau} days (re-entries counted)" },
  primaryRow_firstExit: { da: "Færre dage til første afgang inden for {tau} dage", en: "Fewer days to the first exit within {tau} days" },
  primaryRow_withoutFirstOfMonth: { da: "Uden borgere registreret som født den 1. i en måned", en: "Without citizens registered as born on the 1st of a month" },
  primaryRow_withoutJanuary1: { da: "Uden borgere registreret som født 1. januar", en: "Without citizens registered as born on 1 January" },
  primaryRow_horizon: { da: "Horisont {tau} dage", en: "Horizon {tau} days" },
  primaryRow_adjusted: { da: "Justeret for baggrundsvariable", en: "Adjusted for baseline variables" },
  primaryRow_publicSupport: { da: "Færre dage på offentlig forsørgelse inden for {tau} dage", en: "Fewer days on public support within {tau} days" },
  primaryRow_expenditure: { da: "Lavere udgift til forsørgelse pr. borger inden for {tau} dage", en: "Lower support expenditure per citizen within {tau} days" },
  primaryRow_completed: {
    da: "Gennemsnit af afsluttede forløb, kontrol − indsats: skævt mod korte forløb, mens forløb stadig kører",
    en: "Mean of completed spells, control − intervention: biased towards short spells while spells still run",
  },
  primaryNote_perArm: { da: "analyseret: kontrol {control}, indsats {intervention}", en: "analysed: control {control}, intervention {intervention}" },
  primaryNote_atRisk: { da: "stadig fulgt ved {tau} dage: kontrol {control}, indsats {intervention}", en: "still at risk at {tau} days: control {control}, intervention {intervention}" },
  primaryNote_leftOut: { da: "udeladt: kontrol {control}, indsats {intervention}", en: "left out: control {control}, intervention {intervention}" },
  primaryNote_adjusted: { da: "{method}; {covariates} baggrundsvariable; præcisionsgevinst {gain}", en: "{method}; {covariates} baseline variables; precision gain {gain}" },
  primaryNote_publicSupport: { da: "A-dagpenge og andre offentlige ydelser tilsammen", en: "A-dagpenge and other public benefits together" },
  primaryNote_expenditure: { da: "kommunens andel, prissat pr. ydelse og medfinansieringstrin", en: "the municipality's share, priced per benefit and co-financing step" },
  primaryNote_firstExitSecondary: {
    da: "sekundært mål: en afgang til sygedagpenge eller en tilbagevenden til A-dagpenge tæller som afgang",
    en: "secondary measure: an exit to sickness benefit or a return to A-dagpenge counts as an exit",
  },
  primaryNote_completed: { da: "projektets eget mål; ikke en effekt og derfor uden interval og test", en: "the project's own measure; not an effect, so shown without interval or test" },
  "primaryUnavailable_not-estimable": { da: "kan ikke beregnes endnu: horisonten ligger ud over opfølgningen", en: "not estimable yet: the horizon lies beyond the follow-up" },
  "primaryUnavailable_flag-unknown": { da: "kan ikke beregnes: kohorten har ikke markeringen", en: "not estimable: the cohort does not carry the flag" },
  "primaryUnavailable_no-covariates": { da: "kan ikke beregnes: ingen baggrundsvariable med variation", en: "not estimable: no baseline variable varies" },
  primaryUnavailable_singular: { da: "kan ikke beregnes: baggrundsvariablene er lineært afhængige", en: "not estimable: the baseline variables are linearly dependent" },
  "adjustmentMethod_pseudo-observation-regression": {
    da: "regression på pseudo-observationer pr. gruppe (Andersen, Hansen & Klein 2004)",
    en: "regression of pseudo-observations within each arm (Andersen, Hansen & Klein 2004)",
  },
  adjustmentCovariates: { da: "Justeret for: {covariates}.", en: "Adjusted for: {covariates}." },
  primaryWarning_fewAtRisk: {
    da: "{label}: under {threshold} af en gruppe er stadig fulgt ved horisonten, så estimatet hviler på få borgere og kan ændre sig meget, når flere følges så længe.",
    en: "{label}: fewer than {threshold} of an arm are still at risk at the horizon, so the estimate rests on few citizens and can change a lot as more are followed that long.",
  },
  signConvention: {
    da: "Fortegn: et positivt tal er en gevinst for indsatsen (færre dage på ydelse eller en lavere udgift end i kontrolgruppen, dvs. kontrol minus indsats); et negativt tal er et tab.",
    en: "Sign: a positive number is a gain for the intervention (fewer days on benefit or a lower expenditure than in the control group, that is control minus intervention); a negative number is a loss.",
  },

  // ---- quarterly monitoring (monitoring-section.ts, boundary-chart.ts) ----
  section_monitoring: { da: "Overvågning hvert kvartal", en: "Quarterly monitoring" },
  monitoringWhy: {
    da: "Udvalget får resultaterne hvert kvartal. Kigger man på resultatet otte gange og bruger den almindelige 5 %-grænse hver gang, er risikoen for at finde en effekt, der ikke er der, tæt på 20 %. Derfor har hvert kig sin egen grænse: tidligt, når der er få data, er den høj, og den falder mod den almindelige grænse ved slutanalysen. Et resultat tæller først som påvist, når det krydser grænsen.",
    en: "The committee sees the results every quarter. Looking at the result eight times with the usual 5 % threshold each time gives close to a 20 % risk of finding an effect that is not there. So each look has its own boundary: high early on, when there are few data, and falling towards the usual threshold at the final analysis. A result only counts as shown when it crosses the boundary.",
  },
  monitoringDesign: {
    da: "Grænserne følger en {spending} alfaforbrugsfunktion (Lan-DeMets) med en samlet tosidet alfa på {alpha} over {looks} planlagte kig; slutanalysen er {final}. Indtil nu er der brugt {spent} af alfa.",
    en: "The boundaries follow an {spending} alpha-spending function (Lan-DeMets) with a total two-sided alpha of {alpha} over {looks} planned looks; the final analysis is {final}. So far {spent} of alpha has been spent.",
  },
  spending_obrienFleming: { da: "O'Brien-Fleming-lignende", en: "O'Brien-Fleming-type" },
  spending_pocock: { da: "Pocock-lignende", en: "Pocock-type" },
  monitoringNow_none: { da: "Sparede dage inden for {tau} dage kan endnu ikke beregnes ved noget kig.", en: "Days saved within {tau} days cannot yet be estimated at any look." },
  monitoringNow_notCrossed: {
    da: "Ved kigget {date} er de sparede dage {estimate} (gentaget 95 %-interval {lower} til {upper}); z = {z} ligger inden for grænsen ±{boundary}, så der er endnu ingen påvist effekt.",
    en: "At the look of {date} the days saved are {estimate} (repeated 95 % interval {lower} to {upper}); z = {z} lies within the boundary ±{boundary}, so no effect is shown yet.",
  },
  monitoringNow_crossed: {
    da: "Ved kigget {date} er de sparede dage {estimate} (gentaget 95 %-interval {lower} til {upper}); z = {z} krydser grænsen ±{boundary}, så forskellen er påvist, også når man tager højde for de mange kig.",
    en: "At the look of {date} the days saved are {estimate} (repeated 95 % interval {lower} to {upper}); z = {z} crosses the boundary ±{boundary}, so the difference is shown, allowing for the many looks.",
  },
  monitoringNext: {
    da: "Ved næste kig, {kind} {date}, ventes omkring {fraction} af den endelige information; grænsen bliver da omkring ±{boundary}, og indsatsen skal spare mindst {days} dage pr. borger (eller koste lige så mange) for at krydse den.",
    en: "At the next look, {kind} on {date}, about {fraction} of the final information is expected; the boundary will then be about ±{boundary}, and the intervention must save at least {days} days per citizen (or cost as many) to cross it.",
  },
  monitoringNext_unknown: { da: "Næste kig er {kind} {date}; grænsen der kan endnu ikke fremskrives.", en: "The next look is {kind} on {date}; its boundary cannot be projected yet." },
  monitoringNext_none: { da: "Der er ikke flere planlagte kig.", en: "There are no more planned looks." },
  monitoringHowToRead: {
    da: "De røde linjer er grænserne ved hvert kig (stiplet: fremskrevet til de kommende kig), de blå punkter z-værdien af de sparede dage (sparede dage delt med standardfejlen). Et punkt uden for linjerne betyder en påvist forskel.",
    en: "The red lines are the boundaries at each look (dashed: projected for the looks to come), the blue points the z value of days saved (days saved divided by the standard error). A point outside the lines means a difference shown.",
  },
  monitoringTableNote: {
    da: "Informationsandel: den observerede information (1/SE²) i forhold til den, der ventes ved slutanalysen; i parentes fremskrevet. Det gentagne 95 %-interval er sparede dage ± grænsen × SE og dækker den sande effekt ved alle kig samtidig med 95 % sikkerhed. Tidligere kig er genberegnet ud fra det nuværende udtræk pr. deres dato.",
    en: "Information fraction: the observed information (1/SE²) relative to that expected at the final analysis; in brackets when projected. The repeated 95 % interval is days saved ± the boundary × SE and covers the true effect at all looks at once with 95 % confidence. Earlier looks are recomputed from the current extract as of their dates.",
  },
  monitoringUnplannedNote: { da: "* Et kig, der ikke var planlagt; det bruger også alfa.", en: "* A look that was not planned; it spends alpha too." },
  chart_boundary: { da: "Grænser og z-værdier ved hvert kig", en: "Boundaries and z values at each look" },
  axis_lookDate: { da: "Kig (dato for dataudtræk)", en: "Look (data extraction date)" },
  axis_z: { da: "z (sparede dage / SE)", en: "z (days saved / SE)" },
  series_boundary: { da: "Grænse", en: "Boundary" },
  series_boundaryProjected: { da: "Grænse, fremskrevet", en: "Boundary, projected" },
  series_z: { da: "z ved kigget", en: "z at the look" },
  lookKind_committee: { da: "Udvalgsmøde", en: "Committee meeting" },
  lookKind_evaluation: { da: "Evaluering", en: "Evaluation" },
  lookKind_final: { da: "Slutanalyse", en: "Final analysis" },
  lookKind_asOf: { da: "Udtræksdato (ikke planlagt)", en: "Extraction date (not planned)" },
  lookOutcome_crossed: { da: "Grænsen krydset", en: "Boundary crossed" },
  lookOutcome_notCrossed: { da: "Inden for grænsen", en: "Within the boundary" },
  lookOutcome_notEstimable: { da: "Kan ikke beregnes endnu", en: "Not estimable yet" },
  lookOutcome_noNewInformation: { da: "Ingen ny information", en: "No new information" },
  lookOutcome_afterFinal: { da: "Efter den endelige information", en: "After the final information" },
  lookOutcome_future: { da: "Kommende kig", en: "Look to come" },
  lookOutcome_futureToCross: { da: "Kommende: kræver ±{days} dage", en: "To come: needs ±{days} days" },
  th_lookDate: { da: "Dato", en: "Date" },
  th_lookKind: { da: "Kig", en: "Look" },
  th_informationFraction: { da: "Informationsandel", en: "Information fraction" },
  th_daysSaved: { da: "Sparede dage", en: "Days saved" },
  th_z: { da: "z", en: "z" },
  th_boundary: { da: "Grænse", en: "Boundary" },
  th_repeatedCi: { da: "Gentaget 95 %-interval", en: "Repeated 95 % interval" },
  th_outcome: { da: "Resultat", en: "Outcome" },

  // ---- page one and the business case: a year of operation; precision's "not before" ----
  verdictDetectableNotBefore: {
    da: "Med det forventede indtag kan en effekt på {expected} dage ikke påvises før slutanalysen {date}.",
    en: "At the expected intake, an effect of {expected} days cannot be detected before the final analysis on {date}.",
  },
  verdictMoneyYearly_positive: { da: "Et år med programmet i drift ({year}) giver med den målte effekt en nettobesparelse på {net}.", en: "A year of the programme in operation ({year}) yields a net saving of {net} with the measured effect." },
  verdictMoneyYearly_negative: { da: "Et år med programmet i drift ({year}) koster med den målte effekt {net} mere, end det sparer.", en: "A year of the programme in operation ({year}) costs {net} more than it saves with the measured effect." },
  verdictMoneyYearly_notEstimated: { da: "Et år med programmet i drift ({year}) kan ikke beregnes endnu: {reason}.", en: "A year of the programme in operation ({year}) cannot be estimated yet: {reason}." },
  notEstimatedReason: { da: "indtaget er ikke estimeret", en: "the business case has no estimate for it" },
  headYearlyNet: { da: "Nettobesparelse pr. år i drift ({year})", en: "Net saving per year in operation ({year})" },
  headYearlyDetail: {
    da: "95 %-interval {lower} til {upper} · sandsynlighed for overskud {probability} (normalapproksimation) · forventet {expected} pr. år",
    en: "95 % interval {lower} to {upper} · probability of a surplus {probability} (normal approximation) · expected {expected} a year",
  },
  headYearlyNotEstimated: { da: "Ikke estimeret: {reason}.", en: "Not estimated: {reason}." },
  businessCaseYearly: { da: "Et år med programmet i drift ({year})", en: "A year of the programme in operation ({year})" },
  businessCaseCalendarYears: { da: "Pengestrømmen efter kalenderår", en: "The cash flow by calendar year" },
  yearlyIntakeProjected: { da: "{total} ({observed} talt, {projected} fremskrevet med sæsonmønsteret)", en: "{total} ({observed} counted, {projected} projected with the seasonal pattern)" },
  yearlyRow_participants: { da: "Deltagere i indsatsen i året", en: "Intervention participants in the year" },
  yearlyRow_savingExpenditure: { da: "Besparelse pr. deltager (udgift til forsørgelse inden for {tau} dage)", en: "Saving per participant (support expenditure within {tau} days)" },
  yearlyRow_savingDays: { da: "Besparelse pr. deltager (sparede dage inden for {tau} dage, prissat)", en: "Saving per participant (days saved within {tau} days, priced)" },
  yearlyRow_gross: { da: "Bruttobesparelse", en: "Gross saving" },
  yearlyRow_cost: { da: "Årets udgift til programmet", en: "The programme's cost of the year" },
  yearlyRow_net: { da: "Nettobesparelse", en: "Net saving" },
  yearlyRow_probability: { da: "Sandsynlighed for overskud (normalapproksimation)", en: "Probability of a surplus (normal approximation)" },
  yearlyRow_breakEven: { da: "Break-even: deltagere pr. år ved den målte besparelse", en: "Break-even: participants a year at the measured saving" },
  yearlyMethod: {
    da: "Nettobesparelse = deltagere × besparelse pr. deltager − årets udgift. Intervallet er 95 % efter deltametoden med usikkerheden på besparelsen og, når indtaget er fremskrevet, på indtaget.",
    en: "Net saving = participants × saving per participant − the year's cost. The interval is 95 % by the delta method, with the uncertainty of the saving and, when the intake is projected, of the intake.",
  },
  precisionAtEnd: { da: "Ved slutanalysen {date} ventes den mindste påviselige effekt at være {mde} dage.", en: "At the final analysis on {date} the minimum detectable effect is expected to be {mde} days." },
  "intakeAssumption_seasonal-same-weeks": {
    da: "Antagelse om indtaget: efter udtræksdatoen fremskrives hver gruppes indtag uge for uge som gennemsnittet af de samme uger i året (± 2 uger), der allerede er set; en uge, der ikke er set endnu, får gennemsnittet af alle sete uger. Der er ingen trend, og indtaget slutter ved indtagsperiodens udløb.",
    en: "Intake assumption: after the extraction date each arm's intake is projected week by week as the mean of the same weeks of the year (± 2 weeks) already seen; a week not yet seen gets the mean of all weeks seen. There is no trend, and intake ends when the intake period ends.",
  },
  def_daysSavedOnBenefit: {
    da: "Færre dage på A-dagpenge (primært effektmål): forskellen i forventede dage på A-dagpenge inden for de første {tau} dage fra første ledighedsdag, kontrol minus indsats, hvor hver dag på A-dagpenge tæller, også efter en tilbagevenden. Beregnet ud fra hver borgers forløb gennem ydelser i det ugentlige ydelsespanel (Aalen-Johansen, restricted mean time in state). Alle fordelte borgere analyseres i den gruppe, reglen gav dem (intention to treat).",
    en: "Fewer days on A-dagpenge (primary effect measure): the difference in expected days on A-dagpenge within the first {tau} days from the first unemployment day, control minus intervention, every day on A-dagpenge counted, also after a return. Computed from each citizen's path through benefits in the weekly benefit panel (Aalen-Johansen, restricted mean time in state). Every assigned citizen is analysed in the arm the rule gave them (intention to treat).",
  },
  def_daysToFirstExit: {
    da: "Færre dage til første afgang (sekundært mål): forskellen i gennemsnitlig varighed af det første forløb op til {tau} dage (arealet under Kaplan-Meier-kurven), kontrol minus indsats; en afgang til sygedagpenge eller en tilbagevenden tæller som afgang.",
    en: "Fewer days to the first exit (secondary measure): the difference in restricted mean duration of the first spell up to {tau} days (the area under the Kaplan-Meier curve), control minus intervention; an exit to sickness benefit or a return counts as an exit.",
  },
  def_sensitivity: {
    da: "Følsomhedsanalyser: det primære effektmål beregnet igen uden borgere registreret som født den 1. i en måned og uden dem født 1. januar (fødselsdatoer, der ofte står i stedet for en ukendt, og som reglen sender til samme gruppe), ved horisonterne 182, 273 og 364 dage med andelen, der stadig følges, og justeret for baggrundsvariable som en præcisionsgevinst. En advarsel markerer en horisont, hvor under 10 % af en gruppe stadig følges.",
    en: "Sensitivity analyses: the primary effect measure recomputed without citizens registered as born on the 1st of a month and without those born 1 January (birth dates often standing in for an unknown one, which the rule sends to one arm), at the horizons 182, 273 and 364 days with the share still followed, and adjusted for baseline variables as a precision gain. A warning marks a horizon where fewer than 10 % of an arm are still followed.",
  },
  def_monitoring: {
    da: "Overvågning: ved hvert planlagt kig beregnes de sparede dage med data pr. kiggets dato; informationsandelen er den observerede information (1/SE²) over den, der ventes ved slutanalysen, og grænsen følger Lan-DeMets' alfaforbrug for de observerede andele. Grænsen er krydset, når |z| ≥ grænsen; det gentagne konfidensinterval er sparede dage ± grænsen × SE.",
    en: "Monitoring: at each planned look days saved is computed with the data as of the look's date; the information fraction is the observed information (1/SE²) over that expected at the final analysis, and the boundary follows Lan-DeMets alpha spending for the observed fractions. The boundary is crossed when |z| ≥ the boundary; the repeated confidence interval is days saved ± the boundary × SE.",
  },
  def_signConvention: {
    da: "Fortegn: i hele rapporten er et positivt tal en gevinst for indsatsen: færre dage (kontrol minus indsats), lavere udgift (kontrol minus indsats), flere selvforsørgende (indsats minus kontrol). Undtagelsen er figuren over, hvor de sparede dage gik hen, der viser indsats minus kontrol i hver tilstand.",
    en: "Sign: throughout the report a positive number is a gain for the intervention: fewer days (control minus intervention), lower expenditure (control minus intervention), more self-supporting (intervention minus control). The exception is the chart of where the saved days went, which shows intervention minus control in each state.",
  },
  ref_multistate: {
    da: "Forløb gennem ydelser: Aalen-Johansen-estimat af sandsynligheden for at være i hver tilstand, restricted mean time in state og infinitesimal jackknife-standardfejl (Aalen & Johansen 1978; R survival::survfit med istate og id).",
    en: "Paths through benefits: Aalen-Johansen estimate of the probability of being in each state, restricted mean time in state and infinitesimal-jackknife standard errors (Aalen & Johansen 1978; R survival::survfit with istate and id).",
  },
  ref_adjustment: {
    da: "Justering for baggrundsvariable: regression på pseudo-observationer (Andersen, Hansen & Klein 2004) med vekselvirkninger med gruppen (Tsiatis m.fl. 2008; Lin 2013).",
    en: "Covariate adjustment: regression of pseudo-observations (Andersen, Hansen & Klein 2004) with interactions with the arm (Tsiatis et al. 2008; Lin 2013).",
  },
  ref_groupSequential: {
    da: "Gruppesekventiel overvågning: Lan-DeMets' alfaforbrugsfunktioner (Lan & DeMets 1983) og gentagne konfidensintervaller (Jennison & Turnbull 1989; R rpact).",
    en: "Group-sequential monitoring: Lan-DeMets alpha-spending functions (Lan & DeMets 1983) and repeated confidence intervals (Jennison & Turnbull 1989; R rpact).",
  },

  // ---- the quarterly note (quarterly-note.ts) ----
  noteTitle: { da: "Kvartalsnotat: {name}", en: "Quarterly note: {name}" },
  noteSubtitle: { da: "Til Social- og Arbejdsmarkedsudvalget · {municipality} · data pr. {asOf} · notatet er dannet {date}", en: "For the Social and Labour Market Committee · {municipality} · data as of {asOf} · note made {date}" },
  noteLookOf: { da: "kig {look} af {looks} planlagte", en: "look {look} of {looks} planned" },
  noteNoMonitoring: {
    da: "Resultatfilen har ingen overvågning af de planlagte kig; kør jobtrial analyze igen med denne version.",
    en: "The results file has no monitoring of the planned looks; run jobtrial analyze again with this version.",
  },
  noteIntake: { da: "Tilgang indtil nu", en: "Intake so far" },
  noteIntakeText: {
    da: "Fra {from} til dataudtrækket {asOf} er {total} borgere fordelt efter fødselsdag; {analysed} af dem indgår i analysen.",
    en: "From {from} to the data extraction on {asOf}, {total} citizens have been assigned by birthday; {analysed} of them are analysed.",
  },
  notePrimaryHeading: { da: "Hovedresultat og grænsen for en påvist effekt", en: "Primary result and the boundary for a shown effect" },
  notePrimary: {
    da: "{measure}: {estimate} dage. Det gentagne 95 %-interval, der tager højde for, at udvalget ser resultatet hvert kvartal, går fra {repeatedLower} til {repeatedUpper} dage (det almindelige 95 %-interval: {interval}).",
    en: "{measure}: {estimate} days. The repeated 95 % interval, which allows for the committee seeing the result every quarter, runs from {repeatedLower} to {repeatedUpper} days (the ordinary 95 % interval: {interval}).",
  },
  notePrimaryNoRepeated: {
    da: "{measure}: {estimate} dage (95 %-interval {interval}); et gentaget interval kan endnu ikke beregnes.",
    en: "{measure}: {estimate} days (95 % interval {interval}); a repeated interval cannot be computed yet.",
  },
  noteMoney: { da: "Penge pr. år", en: "Money per year" },
  noteNext: { da: "Ved næste kig", en: "At the next look" },
} as const satisfies Record<string, { da: string; en: string }>;

export type TextKey = keyof typeof texts;

/** True when `key` is a key of the text table (for keys built at run time, e.g. "cov_" + name). */
export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

/**
 * The text for `key` in `lang` with `{name}` placeholders filled from `params`.
 * A placeholder without a value is a bug in the report and throws.
 *
 * @example text("da", "flow_screened", { n: "3.380" }) // "Screenet: 3.380"
 */
export function text(lang: Lang, key: TextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return textParts(lang, key, params).join("");
}

/**
 * The text for `key` in `lang` as its pieces: the catalogue's wording between the
 * placeholders, and each placeholder's value as given (not turned into a string), so
 * the HTML can put markup in a sentence while the wording itself stays text.
 * A placeholder without a value throws, as in `text`. A value that ends in an
 * abbreviation's full stop ("1,5 mio. kr.") also ends the sentence: the wording's own
 * full stop right after it is left out, so no sentence ends in "kr..".
 *
 * @example textParts("en", "flow_screened", { n: 3380 }) // ["Screened: ", 3380]
 * @example textParts("da", "verdictMoneyInterval", { lower: "1,0 mio. kr.", upper: "5,0 mio. kr." }) // ["95 %-interval: ", "1,0 mio. kr.", " til ", "5,0 mio. kr."]
 */
export function textParts<V>(lang: Lang, key: TextKey, params: Readonly<Record<string, V>> = {}): (string | V)[] {
  const parts: (string | V)[] = [];
  const template: string = texts[key][lang];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    const value = params[name];
    if (value === undefined) throw new Error(`internal: text "${key}" needs {${name}}`);
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts.flatMap((part, index) => {
    const before = parts[index - 1];
    if (typeof part !== "string" || typeof before !== "string" || !before.endsWith(".") || !part.startsWith(".")) return [part];
    return part.length > 1 ? [part.slice(1)] : [];
  });
}

/** The text for a key built at run time, or `fallback` when the table has no such key. */
export function textOr(lang: Lang, key: string, fallback: string): string {
  return isTextKey(key) ? text(lang, key) : fallback;
}

/**
 * A number of weeks with the unit in singular or plural: "1 uge", "0 uger", "2 weeks".
 *
 * @example weeksLabel(1, "da") // "1 uge"
 */
export function weeksLabel(weeks: number, lang: Lang): string {
  return `${formatNumber(weeks, lang)} ${text(lang, weeks === 1 ? "week" : "weeksUnit")}`;
}

/**
 * The municipality as the configuration names it, with the synthetic-data marker (in
 * either language) written in the report's language; anything else as written.
 *
 * @example municipalityLabel("Esbjerg (synthetic example; not real data)", "da") // "Esbjerg (syntetisk eksempel; ikke rigtige data)"
 */
export function municipalityLabel(municipality: string, lang: Lang): string {
  const marker = texts.syntheticMarker;
  return municipality.replace(marker.en, marker[lang]).replace(marker.da, marker[lang]);
}
