/**
 * Errors of the estimators as data plus wording: each issue is a code with the fields
 * involved; `analyzeMessage` turns it into one line that says where and how to fix it
 * (the idea of vega-lite's log/message.ts). `AnalyzeError` carries the issue, so a caller
 * (the command line) can print the message and a program can switch on `issue.code`.
 */

export type AnalyzeIssue =
  | { code: "invalid_input"; detail: string }
  | { code: "length_mismatch"; column: string; expected: number; actual: number }
  | { code: "invalid_time"; row: number; value: unknown }
  | { code: "invalid_event"; row: number; value: unknown }
  | { code: "invalid_state"; row: number; value: unknown }
  | { code: "invalid_covariate"; column: string; row: number; value: unknown }
  | { code: "invalid_value"; column: string; row: number; value: unknown }
  | { code: "invalid_count"; row: number; value: unknown }
  | { code: "unknown_group"; group: string; present: string[] }
  | { code: "too_few_groups"; needed: number; present: string[] }
  | { code: "too_many_groups"; present: string[] }
  | { code: "no_rows"; dropped: number }
  | { code: "no_events" }
  | { code: "tau_beyond_follow_up"; tau: number; largestValidTau: number; group: string }
  | { code: "invalid_tau"; tau: unknown }
  | { code: "cox_not_converged"; iterations: number }
  | { code: "cox_singular"; term: string }
  | { code: "too_few_observations"; group: string; n: number; needed: number }
  | { code: "block_too_small"; block: string; group: string; n: number }
  | { code: "not_binary"; value: unknown; row: number }
  | EpisodeIssue;

/** Where an episode problem is: the file (when known), the row as the user counts it, the column, and the other row involved. */
export interface EpisodeWhere {
  file?: string;
  row: number;
  column: string;
  otherRow?: number;
}

/** Problems in a multi-state episode table (multi-state-input.ts); worded in Danish and English by `episodeMessage`. */
export type EpisodeIssue =
  | { code: "episode_unknown_state"; where: EpisodeWhere; states: string[]; censor: string }
  | { code: "episode_invalid_time"; where: EpisodeWhere }
  | { code: "episode_empty_interval"; where: EpisodeWhere; startColumn: string }
  | { code: "episode_same_state"; where: EpisodeWhere; fromColumn: string }
  | { code: "episode_invalid_count"; where: EpisodeWhere }
  | { code: "episode_group_changes"; where: EpisodeWhere }
  | { code: "episode_count_changes"; where: EpisodeWhere }
  | { code: "episode_initial_state"; where: EpisodeWhere; initial: string }
  | { code: "episode_overlap"; where: EpisodeWhere; stopColumn: string }
  | { code: "episode_gap"; where: EpisodeWhere; stopColumn: string }
  | { code: "episode_state_jump"; where: EpisodeWhere; toColumn: string }
  | { code: "episode_option_state"; option: string; state: string; states: string[] };

export type AnalyzeIssueCode = AnalyzeIssue["code"];

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/**
 * An episode problem in Danish (the default, for the jobcentre's staff) or English: where,
 * what is wrong, how to fix it. Never a cell's value: an id may be a CPR number, and a
 * swapped column may put one anywhere.
 */
export function episodeMessage(issue: EpisodeIssue, lang: "da" | "en" = "da"): string {
  const da = lang === "da";
  const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");
  if (issue.code === "episode_option_state") {
    return da
      ? `${issue.option}: "${issue.state}" er ikke en af tilstandene i data (${quoted(issue.states)}); ret stavemåden.`
      : `${issue.option}: "${issue.state}" is not one of the states in the data (${quoted(issue.states)}); check the spelling.`;
  }
  const { file, row, column, otherRow } = issue.where;
  const place = `${file !== undefined ? `${file}, ` : ""}${da ? "række" : "row"} ${row}, ${da ? "kolonne" : "column"} "${column}"`;
  switch (issue.code) {
    case "episode_unknown_state":
      return da
        ? `${place}: ikke en af tilstandene (${quoted(issue.states)}) eller censurmærket "${issue.censor}"; ret cellen, eller tilføj tilstanden til listen over tilstande (--states).`
        : `${place}: not one of the states (${quoted(issue.states)}) or the censor label "${issue.censor}"; correct the cell, or add the state to the list of states (--states).`;
    case "episode_invalid_time":
      return da
        ? `${place}: ikke et tidspunkt; skriv et helt antal dage (0 eller mere) fra personens start.`
        : `${place}: not a time; write a whole number of days (0 or more) since the person's start.`;
    case "episode_empty_interval":
      return da
        ? `${place}: forløbet slutter før eller samtidig med, at det begynder (kolonne "${issue.startColumn}"); sluttidspunktet skal ligge efter starttidspunktet: ret tiderne, eller slet rækken, hvis forløbet er tomt.`
        : `${place}: the episode ends on or before it starts (column "${issue.startColumn}"); the stop time must be after the start time: correct the times, or delete the row if the episode is empty.`;
    case "episode_same_state":
      return da
        ? `${place}: rækken går til den tilstand, den allerede er i (kolonne "${issue.fromColumn}"); en række slutter med et skift af tilstand eller med censurmærket: slå rækken sammen med personens næste række, eller skriv censurmærket, hvis opfølgningen slutter her.`
        : `${place}: the row goes to the state it is already in (column "${issue.fromColumn}"); a row ends with a change of state or with the censor label: merge the row with the person's next row, or write the censor label if follow-up ends here.`;
    case "episode_invalid_count":
      return da
        ? `${place}: ikke et positivt antal personer; skriv 1 eller mere (eller udelad kolonnen: én person pr. række).`
        : `${place}: not a positive number of persons; write 1 or more (or leave the column out: one person per row).`;
    case "episode_group_changes":
      return da
        ? `${place}: personens gruppe er en anden end i række ${otherRow}; en person hører til én gruppe: ret gruppen i en af rækkerne.`
        : `${place}: the person's group differs from row ${otherRow}; a person belongs to one group: correct the group in one of the rows.`;
    case "episode_count_changes":
      return da
        ? `${place}: antallet er et andet end i række ${otherRow} for samme id; alle rækker for et id skal have samme antal: ret antallet.`
        : `${place}: the count differs from row ${otherRow} of the same id; all rows of an id carry the same count: correct the count.`;
    case "episode_initial_state":
      return da
        ? `${place}: personens første forløb begynder ikke i starttilstanden "${issue.initial}"; ret tilstanden, tilføj det manglende første forløb, eller udelad --initial.`
        : `${place}: the person's first episode does not start in the initial state "${issue.initial}"; correct the state, add the missing first episode, or leave out --initial.`;
    case "episode_overlap":
      return da
        ? `${place}: forløbet begynder, før personens forrige forløb (række ${otherRow}, kolonne "${issue.stopColumn}") slutter; en person er i én tilstand ad gangen: ret tiderne, så hvert forløb begynder, hvor det forrige sluttede.`
        : `${place}: the episode starts before the person's previous episode (row ${otherRow}, column "${issue.stopColumn}") ends; a person is in one state at a time: correct the times so that each episode starts where the previous one stopped.`;
    case "episode_gap":
      return da
        ? `${place}: forløbet begynder senere, end personens forrige forløb (række ${otherRow}, kolonne "${issue.stopColumn}") slutter; tilføj det manglende forløb, eller lad det forrige slutte, hvor dette begynder. Blev personen ikke fulgt i mellemtiden, så afslut forløbet med censurmærket og udelad de senere rækker.`
        : `${place}: the episode starts later than the person's previous episode (row ${otherRow}, column "${issue.stopColumn}") stops; add the missing episode, or let the previous one end where this one starts. If the person was not followed in between, end the path with the censor label and leave out the later rows.`;
    case "episode_state_jump":
      return da
        ? `${place}: forløbet begynder i en anden tilstand, end personens forrige forløb (række ${otherRow}, kolonne "${issue.toColumn}") gik til; ret en af de to tilstande, eller tilføj den manglende overgang.`
        : `${place}: the episode starts in another state than the person's previous episode (row ${otherRow}, column "${issue.toColumn}") went to; correct one of the two states, or add the missing transition.`;
  }
}

/** One-line wording for an issue: what is wrong, where, and how to fix it; English by default, Danish with "da". */
export function analyzeMessage(issue: AnalyzeIssue, lang: "da" | "en" = "en"): string {
  return lang === "da" ? analyzeMessageDa(issue) : analyzeMessageEn(issue);
}

function analyzeMessageEn(issue: AnalyzeIssue): string {
  switch (issue.code) {
    case "invalid_input":
      return `Invalid input: ${issue.detail}.`;
    case "length_mismatch":
      return `Column "${issue.column}" has ${issue.actual} values but "time" has ${issue.expected}; give every column one value per row.`;
    case "invalid_time":
      return `Row ${issue.row}: time ${show(issue.value)} is not a duration; use a non-negative number of whole days (leave the cell empty if unknown).`;
    case "invalid_event":
      return `Row ${issue.row}: event ${show(issue.value)} is not 0 or 1; use 1 for an event, 0 for censored (leave the cell empty if unknown).`;
    case "invalid_state":
      return `Row ${issue.row}: state ${show(issue.value)} is not a whole number >= 0; use 0 for censored and 1, 2, ... for the exit states.`;
    case "invalid_covariate":
      return `Row ${issue.row}: covariate "${issue.column}" is ${show(issue.value)}; use a finite number (leave the cell empty if unknown).`;
    case "invalid_value":
      return `Row ${issue.row}: ${issue.column} is ${show(issue.value)}; use a finite number (leave the cell empty if unknown).`;
    case "invalid_count":
      return `Row ${issue.row}: count ${show(issue.value)} is not a number of persons; use a whole number >= 1 (or leave the column out: one person per row).`;
    case "unknown_group":
      return `Group "${issue.group}" does not occur in the data (groups present: ${issue.present.join(", ") || "none"}); check the spelling in --groups.`;
    case "too_few_groups":
      return `Need ${issue.needed} groups with data but found ${issue.present.length} (${issue.present.join(", ") || "none"}); check the group column and missing values.`;
    case "too_many_groups":
      return `This comparison needs exactly two groups but found ${issue.present.length} (${issue.present.join(", ")}); choose two with the groups option (--groups reference,other).`;
    case "no_rows":
      return `No usable rows (${issue.dropped} dropped for missing values); check the column names and the missing cells.`;
    case "no_events":
      return "There are no events, so the model cannot be estimated; check the event column.";
    case "tau_beyond_follow_up":
      return `tau = ${issue.tau} is beyond the last follow-up time of group "${issue.group}"; the largest valid tau is ${issue.largestValidTau} (the smallest group's last time).`;
    case "invalid_tau":
      return `tau ${show(issue.tau)} is not a positive number; give horizons such as 182,364.`;
    case "cox_not_converged":
      return `The Cox model did not converge in ${issue.iterations} iterations (the hazard ratio may be 0 or infinite, for example when one group has no events).`;
    case "cox_singular":
      return `The Cox model's information matrix is singular at term "${issue.term}"; remove the constant or collinear covariate.`;
    case "too_few_observations":
      return `Group "${issue.group}" has ${issue.n} observations; at least ${issue.needed} are needed.`;
    case "block_too_small":
      return `Block "${issue.block}" has ${issue.n} observation(s) in group "${issue.group}"; every block needs at least 2 per group (merge small blocks).`;
    case "not_binary":
      return `Row ${issue.row}: value ${show(issue.value)} is not 0 or 1; a proportion needs a 0/1 outcome.`;
    case "episode_unknown_state":
    case "episode_invalid_time":
    case "episode_empty_interval":
    case "episode_same_state":
    case "episode_invalid_count":
    case "episode_group_changes":
    case "episode_count_changes":
    case "episode_initial_state":
    case "episode_overlap":
    case "episode_gap":
    case "episode_state_jump":
    case "episode_option_state":
      return episodeMessage(issue, "en");
  }
}

function analyzeMessageDa(issue: AnalyzeIssue): string {
  switch (issue.code) {
    case "invalid_input":
      return `Ugyldigt input: ${issue.detail}.`;
    case "length_mismatch":
      return `Kolonnen "${issue.column}" har ${issue.actual} værdier, men "time" har ${issue.expected}; giv hver kolonne én værdi pr. række.`;
    case "invalid_time":
      return `Række ${issue.row}: tiden ${show(issue.value)} er ikke en varighed; brug et ikke-negativt helt antal dage (lad cellen stå tom, hvis den er ukendt).`;
    case "invalid_event":
      return `Række ${issue.row}: hændelsen ${show(issue.value)} er hverken 0 eller 1; brug 1 for en hændelse og 0 for censureret (lad cellen stå tom, hvis den er ukendt).`;
    case "invalid_state":
      return `Række ${issue.row}: tilstanden ${show(issue.value)} er ikke et helt tal >= 0; brug 0 for censureret og 1, 2, ... for afgangstilstandene.`;
    case "invalid_covariate":
      return `Række ${issue.row}: baggrundsvariablen "${issue.column}" er ${show(issue.value)}; brug et endeligt tal (lad cellen stå tom, hvis den er ukendt).`;
    case "invalid_value":
      return `Række ${issue.row}: ${issue.column} er ${show(issue.value)}; brug et endeligt tal (lad cellen stå tom, hvis den er ukendt).`;
    case "invalid_count":
      return `Række ${issue.row}: antallet ${show(issue.value)} er ikke et antal personer; brug et helt tal >= 1 (eller udelad kolonnen: én person pr. række).`;
    case "unknown_group":
      return `Gruppen "${issue.group}" findes ikke i data (grupper i data: ${issue.present.join(", ") || "ingen"}); kontroller stavningen i --groups.`;
    case "too_few_groups":
      return `Der skal være ${issue.needed} grupper med data, men der er ${issue.present.length} (${issue.present.join(", ") || "ingen"}); kontroller gruppekolonnen og manglende værdier.`;
    case "too_many_groups":
      return `Sammenligningen kræver præcis to grupper, men der er ${issue.present.length} (${issue.present.join(", ")}); vælg to med --groups reference,anden.`;
    case "no_rows":
      return `Ingen brugbare rækker (${issue.dropped} udeladt for manglende værdier); kontroller kolonnenavnene og de tomme celler.`;
    case "no_events":
      return "Der er ingen hændelser, så modellen kan ikke estimeres; kontroller hændelseskolonnen.";
    case "tau_beyond_follow_up":
      return `tau = ${issue.tau} ligger efter den sidste opfølgningstid i gruppen "${issue.group}"; den største gyldige tau er ${issue.largestValidTau} (den mindste gruppes sidste tid).`;
    case "invalid_tau":
      return `tau ${show(issue.tau)} er ikke et positivt tal; giv horisonter som 182,364.`;
    case "cox_not_converged":
      return `Cox-modellen konvergerede ikke på ${issue.iterations} iterationer (hazard ratio kan være 0 eller uendelig, fx når en gruppe ingen hændelser har).`;
    case "cox_singular":
      return `Cox-modellens informationsmatrix er singulær ved leddet "${issue.term}"; fjern den konstante eller kollineære baggrundsvariabel.`;
    case "too_few_observations":
      return `Gruppen "${issue.group}" har ${issue.n} observationer; der skal mindst være ${issue.needed}.`;
    case "block_too_small":
      return `Blokken "${issue.block}" har ${issue.n} observation(er) i gruppen "${issue.group}"; hver blok skal have mindst 2 pr. gruppe (slå små blokke sammen).`;
    case "not_binary":
      return `Række ${issue.row}: værdien ${show(issue.value)} er hverken 0 eller 1; en andel kræver et 0/1-udfald.`;
    default:
      return episodeMessage(issue, "da");
  }
}

/**
 * An error of the estimators; `issue` holds the code and the fields involved.
 * Survival depends on nothing of ours, so this does not extend core's
 * `JobtrialError`; it offers the same shape (`code`, `fields`, `messageIn`),
 * which core's structural `isJobtrialError` accepts. `message` is English.
 */
export class AnalyzeError extends Error {
  readonly issue: AnalyzeIssue;
  readonly code: AnalyzeIssueCode;
  readonly fields: Readonly<Record<string, unknown>>;
  constructor(issue: AnalyzeIssue) {
    super(analyzeMessage(issue));
    this.name = "AnalyzeError";
    this.issue = issue;
    this.code = issue.code;
    this.fields = issue;
  }

  /** The wording in Danish or English. */
  messageIn(lang: "da" | "en"): string {
    return analyzeMessage(this.issue, lang);
  }
}
