/**
 * Readers for the evaluation's tables: cohort, spells, weekly benefit panel,
 * conversation log, secondary outcomes. Each takes a parsed `InputTable` and
 * returns plain rows plus every problem (file, row, column, code, message,
 * fix); none throws on bad input. Outcome tables are keyed by pseudonym or by
 * CPR number; a CPR is turned into the pseudonym as the row is read (with the
 * injected `pseudonymize`) and dropped at once.
 *
 * Rows of persons who are not in the cohort are skipped and counted
 * (`outsideCohort`): an extract from the case system usually holds more
 * citizens than the trial.
 */
import { parseCpr } from "@jobtrial/assign";
import { isoWeekOf, mapHeader } from "@jobtrial/core";
import {
  type CohortMember,
  type ConversationRecord,
  normalizeExitState,
  type SecondaryRecord,
  type Spell,
} from "./model.ts";
import { evaluationProblem, type EvaluationProblem } from "./problems.ts";
import {
  cellOf,
  type ColumnAliases,
  type ColumnMap,
  type InputRow,
  type InputTable,
  mapColumns,
  parseArmValue,
  parseDateValue,
  parseFlagValue,
  parseNumberValue,
  parseSexValue,
  parseWeekValue,
} from "./table.ts";

/** Turns a CPR number's ten digits into the register's pseudonym. */
export type Pseudonymize = (cprDigits: string) => string;

const PSEUDONYM_ALIASES = ["pseudonym", "pseudonym id", "pseudonymid", "person id", "personid", "id"] as const;
const CPR_ALIASES = ["cpr-nummer", "cpr", "cpr nr", "cprnr", "cpr number", "personnummer"] as const;

export interface ReadResult<Row> {
  rows: Row[];
  problems: EvaluationProblem[];
  /** Rows skipped because the person is not in the cohort. */
  outsideCohort: number;
}

interface PersonKeyContext {
  pseudonymize: Pseudonymize | undefined;
  /** Pseudonyms of the cohort; undefined for the cohort itself. */
  cohort: ReadonlySet<string> | undefined;
}

type PersonKey = "pseudonym" | "cpr";

/** Resolves the person of a row; pushes a problem and returns undefined when it cannot. */
function personOf<Key extends string>(
  table: InputTable,
  map: ColumnMap<Key | PersonKey>,
  row: InputRow,
  context: PersonKeyContext,
  problems: EvaluationProblem[],
): string | undefined {
  if (map.index.pseudonym !== undefined) {
    const pseudonym = cellOf(row, map, "pseudonym");
    if (pseudonym === "") problems.push(evaluationProblem("value_empty", { file: table.file, row: row.line, column: map.name.pseudonym ?? null }));
    return pseudonym === "" ? undefined : pseudonym;
  }
  const parsed = parseCpr(cellOf(row, map, "cpr"));
  if (!parsed.ok) {
    problems.push(evaluationProblem("cpr_invalid", { file: table.file, row: row.line, column: map.name.cpr ?? null }));
    return undefined;
  }
  // The CPR goes no further than this line: only the pseudonym is kept.
  return context.pseudonymize!(parsed.cpr.digits);
}

/** Maps the columns plus the person key; a file with CPR but no key gets one problem for the whole file. */
function mapWithPerson<Key extends string>(table: InputTable, specs: readonly ColumnAliases<Key>[], context: PersonKeyContext): ColumnMap<Key | PersonKey> {
  const map = mapColumns<Key | PersonKey>(table, [
    { key: "pseudonym", aliases: PSEUDONYM_ALIASES },
    { key: "cpr", aliases: CPR_ALIASES },
    ...specs,
  ]);
  if (map.index.pseudonym === undefined && map.index.cpr === undefined) {
    map.problems.push(evaluationProblem("header_no_person_column", { file: table.file, row: 1 }, { expected: [...PSEUDONYM_ALIASES.slice(0, 1), ...CPR_ALIASES.slice(0, 1)] }));
  } else if (map.index.pseudonym === undefined && context.pseudonymize === undefined) {
    map.problems.push(evaluationProblem("cpr_without_key", { file: table.file, row: 1, column: map.name.cpr ?? null }));
  }
  return map;
}

function requiredDate<Key extends string>(table: InputTable, map: ColumnMap<Key>, row: InputRow, key: Key, problems: EvaluationProblem[]): string | undefined {
  const raw = cellOf(row, map, key);
  if (raw === "") {
    problems.push(evaluationProblem("value_empty", { file: table.file, row: row.line, column: map.name[key] ?? null }));
    return undefined;
  }
  const date = parseDateValue(raw);
  if (date === null) problems.push(evaluationProblem("date_invalid", { file: table.file, row: row.line, column: map.name[key] ?? null }));
  return date ?? undefined;
}

/** An optional number: null when empty; undefined (with a problem) when not a number. */
function optionalNumber<Key extends string>(table: InputTable, map: ColumnMap<Key>, row: InputRow, key: Key, problems: EvaluationProblem[], shape?: string): number | null | undefined {
  const raw = cellOf(row, map, key);
  if (raw === "" || raw.toUpperCase() === "NA") return null;
  const value = parseNumberValue(raw);
  if (value === null) problems.push(evaluationProblem("number_invalid", { file: table.file, row: row.line, column: map.name[key] ?? null }, shape ? { shape } : {}));
  return value ?? undefined;
}

function optionalFlag<Key extends string>(table: InputTable, map: ColumnMap<Key>, row: InputRow, key: Key, problems: EvaluationProblem[]): boolean | null | undefined {
  if (map.index[key] === undefined) return null;
  const raw = cellOf(row, map, key);
  if (raw === "" || raw.toUpperCase() === "NA") return null;
  const value = parseFlagValue(raw);
  if (value === null) problems.push(evaluationProblem("flag_invalid", { file: table.file, row: row.line, column: map.name[key] ?? null }));
  return value ?? undefined;
}

// ---------------------------------------------------------------- cohort

type CohortKey =
  | "arm"
  | "week"
  | "firstUnemploymentDay"
  | "age"
  | "sex"
  | "industryGroup"
  | "bornFirstJanuary"
  | "bornFirstOfMonth"
  | "replacementNumber"
  | "status"
  | "batch";

const COHORT_COLUMNS: ColumnAliases<CohortKey>[] = [
  { key: "arm", aliases: ["gruppe", "arm", "group", "indsatsgruppe"], required: true },
  { key: "week", aliases: ["uge", "week", "intake week", "indtagsuge", "iso week"] },
  { key: "firstUnemploymentDay", aliases: ["første ledighedsdag", "first unemployment day", "firstunemploymentday", "ledig fra", "start"], required: true },
  { key: "age", aliases: ["alder", "age", "age at entry", "alder ved start", "ageatentry"] },
  { key: "sex", aliases: ["køn", "sex", "gender"] },
  { key: "industryGroup", aliases: ["branchegruppe", "industry group", "industrygroup", "team"] },
  { key: "bornFirstJanuary", aliases: ["født 1. januar", "born 1 january", "born first january", "bornfirstjanuary", "born1january", "born 1 jan"] },
  { key: "bornFirstOfMonth", aliases: ["born_first_of_month", "født den 1.", "født 1. i måneden", "born first of month", "bornfirstofmonth", "born 1st of month"] },
  { key: "replacementNumber", aliases: ["erstatningspersonnummer", "replacement number", "replacementnumber", "erstatningsnummer"] },
  { key: "status", aliases: ["status", "annulleret", "voided"] },
  { key: "batch", aliases: ["batch_id", "batch", "kørsel"] },
];

/**
 * Reads the register's pseudonymized cohort export: one row per assigned
 * person. Required: pseudonym, arm, first unemployment day. Optional: intake
 * week (computed from the first unemployment day when absent), age at entry,
 * sex, industry group, the born-1-January / born-1st-of-month /
 * replacement-number flags and a status ("voided"/"annulleret" marks a voided
 * assignment). Every other column is an intake covariate: numeric when every
 * filled cell is a number, otherwise categorical. With `covariates` (the
 * configuration's allow-list) only those columns are read; any other (a name
 * in a cohort exported before the allow-list) is left out and counted in
 * `leftOutColumns`.
 */
export function readCohortTable(table: InputTable, options: { covariates?: readonly string[] } = {}): ReadResult<CohortMember> & { leftOutColumns: number } {
  const problems: EvaluationProblem[] = [...table.problems];
  const map = mapColumns<CohortKey | "pseudonym">(table, [{ key: "pseudonym", aliases: PSEUDONYM_ALIASES, required: true }, ...COHORT_COLUMNS]);
  problems.push(...map.problems);
  if (map.problems.some((item) => item.code === "header_missing_column")) return { rows: [], problems, outsideCohort: 0, leftOutColumns: 0 };
  const candidates = map.extra.filter((column) => column.name !== "" && !CPR_ALIASES.some((alias) => alias === column.name.toLowerCase()));
  const covariateColumns = options.covariates === undefined ? candidates : candidates.filter((column) => options.covariates!.includes(column.name));
  const numericColumn = new Map<string, boolean>();
  for (const column of covariateColumns) {
    numericColumn.set(
      column.name,
      table.rows.every((row) => {
        const raw = (row.cells[column.index] ?? "").trim();
        return raw === "" || raw.toUpperCase() === "NA" || parseNumberValue(raw) !== null;
      }),
    );
  }
  const rows: CohortMember[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = problems.length;
    const pseudonym = cellOf(row, map, "pseudonym");
    if (pseudonym === "") problems.push(evaluationProblem("value_empty", { file: table.file, row: row.line, column: map.name.pseudonym ?? null }));
    else if (seen.has(pseudonym)) problems.push(evaluationProblem("pseudonym_duplicate", { file: table.file, row: row.line, column: map.name.pseudonym ?? null }, { otherRow: seen.get(pseudonym)! }));
    else seen.set(pseudonym, row.line);
    const arm = parseArmValue(cellOf(row, map, "arm"));
    if (arm === null) problems.push(evaluationProblem("arm_invalid", { file: table.file, row: row.line, column: map.name.arm ?? null }));
    const firstUnemploymentDay = requiredDate(table, map, row, "firstUnemploymentDay", problems);
    let intakeWeek: string | null = firstUnemploymentDay === undefined ? null : isoWeekOf(firstUnemploymentDay);
    if (map.index.week !== undefined && cellOf(row, map, "week") !== "") {
      intakeWeek = parseWeekValue(cellOf(row, map, "week"));
      if (intakeWeek === null) problems.push(evaluationProblem("week_invalid", { file: table.file, row: row.line, column: map.name.week ?? null }));
    }
    const age = optionalNumber(table, map, row, "age", problems, "the age in years");
    const sexRaw = cellOf(row, map, "sex");
    const sex = sexRaw === "" ? null : parseSexValue(sexRaw);
    if (sexRaw !== "" && sex === null) problems.push(evaluationProblem("sex_invalid", { file: table.file, row: row.line, column: map.name.sex ?? null }));
    const bornFirstJanuary = optionalFlag(table, map, row, "bornFirstJanuary", problems);
    const bornFirstOfMonth = optionalFlag(table, map, row, "bornFirstOfMonth", problems);
    const replacementNumber = optionalFlag(table, map, row, "replacementNumber", problems);
    const status = cellOf(row, map, "status").toLowerCase();
    const voided = ["voided", "annulleret", "void", "ja", "yes", "true", "1"].includes(status);
    const covariates: Record<string, number | string | null> = {};
    for (const column of covariateColumns) {
      const raw = (row.cells[column.index] ?? "").trim();
      covariates[column.name] = raw === "" || raw.toUpperCase() === "NA" ? null : numericColumn.get(column.name) ? parseNumberValue(raw)! : raw;
    }
    if (problems.length > before || arm === null || firstUnemploymentDay === undefined || intakeWeek === null) continue;
    rows.push({
      pseudonym,
      arm,
      intakeWeek,
      firstUnemploymentDay,
      ageAtEntry: age ?? null,
      sex,
      industryGroup: cellOf(row, map, "industryGroup") || null,
      bornFirstJanuary: bornFirstJanuary ?? null,
      bornFirstOfMonth: bornFirstOfMonth ?? null,
      replacementNumber: replacementNumber ?? null,
      voided,
      covariates,
    });
  }
  return { rows, problems, outsideCohort: 0, leftOutColumns: candidates.length - covariateColumns.length };
}

// ---------------------------------------------------------------- spells

type SpellKey = "start" | "end" | "exit" | "censorReason";

const SPELL_COLUMNS: ColumnAliases<SpellKey>[] = [
  { key: "start", aliases: ["forløbsstart", "startdato", "start", "start date", "spell start", "første ledighedsdag", "first unemployment day"], required: true },
  { key: "end", aliases: ["forløbsslut", "slutdato", "end", "end date", "spell end", "last day", "sidste dag"], required: true },
  { key: "exit", aliases: ["afgangsårsag", "afgang til", "afgang", "exit", "exit state", "exitstate", "exit reason", "destination"], required: true },
  { key: "censorReason", aliases: ["censureret", "censoring reason", "censor reason", "censorreason", "ophørsårsag"] },
];

/**
 * Reads a spell table: person, start, end (the last day on benefit; empty
 * while running), exit state (self-support in Danish
 * or English, or another state; empty when censored or running) and an
 * optional censoring reason.
 */
export function readSpellTable(table: InputTable, options: { cohort: ReadonlySet<string>; pseudonymize?: Pseudonymize | undefined }): ReadResult<Spell> {
  const problems: EvaluationProblem[] = [...table.problems];
  const context = { cohort: options.cohort, pseudonymize: options.pseudonymize };
  const map = mapWithPerson(table, SPELL_COLUMNS, context);
  problems.push(...map.problems);
  if (map.problems.length > 0) return { rows: [], problems, outsideCohort: 0 };
  const rows: Spell[] = [];
  const lineOf = new Map<Spell, number>();
  let outsideCohort = 0;
  for (const row of table.rows) {
    const before = problems.length;
    const pseudonym = personOf(table, map, row, context, problems);
    const start = requiredDate(table, map, row, "start", problems);
    const endRaw = cellOf(row, map, "end");
    const end = endRaw === "" ? null : parseDateValue(endRaw);
    if (endRaw !== "" && end === null) problems.push(evaluationProblem("date_invalid", { file: table.file, row: row.line, column: map.name.end ?? null }));
    if (start !== undefined && end !== null && end < start) problems.push(evaluationProblem("spell_end_before_start", { file: table.file, row: row.line, column: map.name.end ?? null }));
    const exitRaw = cellOf(row, map, "exit");
    const exitState = exitRaw === "" || ["censureret", "censored", "igangværende", "running", "na"].includes(exitRaw.toLowerCase()) ? null : normalizeExitState(exitRaw);
    const reasonRaw = cellOf(row, map, "censorReason");
    if (problems.length > before || pseudonym === undefined || start === undefined) continue;
    if (!options.cohort.has(pseudonym)) {
      outsideCohort++;
      continue;
    }
    const spell: Spell = { pseudonym, start, end, exitState: end === null ? null : exitState, censorReason: reasonRaw === "" ? null : reasonRaw };
    rows.push(spell);
    lineOf.set(spell, row.line);
  }
  // Overlapping spells of one person are an error: the trial spell would be ambiguous.
  const byPerson = new Map<string, Spell[]>();
  for (const spell of rows) byPerson.set(spell.pseudonym, [...(byPerson.get(spell.pseudonym) ?? []), spell]);
  for (const spells of byPerson.values()) {
    spells.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (let index = 1; index < spells.length; index++) {
      const previous = spells[index - 1]!;
      if (previous.end === null || previous.end > spells[index]!.start) {
        problems.push(evaluationProblem("spell_overlap", { file: table.file, row: lineOf.get(spells[index]!)!, column: map.name.start ?? null }, { otherRow: lineOf.get(previous)! }));
      }
    }
  }
  return { rows, problems, outsideCohort };
}

// ---------------------------------------------------------------- weekly benefit panel

/** One person-week of the benefit panel: the benefit code registered that week. */
export interface BenefitWeek {
  pseudonym: string;
  /** ISO week. */
  week: string;
  /** Benefit code as written (e.g. "A-dagpenge", "selvforsørgelse", "kontanthjælp"); "" = nothing registered. */
  code: string;
  /** 1-based line in the file, for messages; absent for a panel made in memory. */
  line?: number;
}

type BenefitKey = "week" | "code";

const BENEFIT_COLUMNS: ColumnAliases<BenefitKey>[] = [
  { key: "week", aliases: ["år-uge", "uge", "week", "iso week", "isoweek", "year-week"], required: true },
  { key: "code", aliases: ["ydelseskode", "ydelse", "benefit", "code", "benefit code", "status"], required: true },
];

/** Reads the weekly benefit panel: person, ISO week, benefit code (empty = no benefit that week); `codeColumn` is the code's header as written. */
export function readBenefitWeekTable(table: InputTable, options: { cohort: ReadonlySet<string>; pseudonymize?: Pseudonymize | undefined }): ReadResult<BenefitWeek> & { codeColumn: string | null } {
  const problems: EvaluationProblem[] = [...table.problems];
  const context = { cohort: options.cohort, pseudonymize: options.pseudonymize };
  const map = mapWithPerson(table, BENEFIT_COLUMNS, context);
  problems.push(...map.problems);
  if (map.problems.length > 0) return { rows: [], problems, outsideCohort: 0, codeColumn: null };
  const rows: BenefitWeek[] = [];
  let outsideCohort = 0;
  for (const row of table.rows) {
    const before = problems.length;
    const pseudonym = personOf(table, map, row, context, problems);
    const week = parseWeekValue(cellOf(row, map, "week"));
    if (week === null) problems.push(evaluationProblem("week_invalid", { file: table.file, row: row.line, column: map.name.week ?? null }));
    if (problems.length > before || pseudonym === undefined || week === null) continue;
    if (!options.cohort.has(pseudonym)) {
      outsideCohort++;
      continue;
    }
    rows.push({ pseudonym, week, code: cellOf(row, map, "code"), line: row.line });
  }
  return { rows, problems, outsideCohort, codeColumn: map.name.code ?? null };
}

// ---------------------------------------------------------------- conversations

type ConversationKey = "date" | "status" | "advisor" | "plannedWeek" | "kind";

const CONVERSATION_COLUMNS: ColumnAliases<ConversationKey>[] = [
  { key: "date", aliases: ["dato", "date", "samtaledato", "conversation date"], required: true },
  { key: "status", aliases: ["status", "afholdt", "held", "form"], required: true },
  { key: "kind", aliases: ["samtaletype", "type", "kind", "conversation type"] },
  { key: "advisor", aliases: ["rådgiver", "advisor", "jobrådgiver", "sagsbehandler", "advisor id", "caseworker"] },
  { key: "plannedWeek", aliases: ["planlagt uge", "planned week", "plannedweek", "forløbsuge"] },
];

const STATUS_WORDS: Record<string, ConversationRecord["status"]> = {
  held: "held",
  afholdt: "held",
  ja: "held",
  yes: "held",
  "1": "held",
  letter: "letter",
  brev: "letter",
  "som brev": "letter",
  "ikke afholdt": "cancelled",
  "not held": "cancelled",
  cancelled: "cancelled",
  canceled: "cancelled",
  aflyst: "cancelled",
  nej: "cancelled",
  no: "cancelled",
  "0": "cancelled",
  "no-show": "no-show",
  noshow: "no-show",
  udeblevet: "no-show",
  udeblivelse: "no-show",
};

/**
 * Reads the conversation log: person, date, status (held/afholdt, letter/brev,
 * cancelled/aflyst, no-show/udeblevet), optional pseudonymous advisor id and
 * optional planned programme week.
 */
export function readConversationTable(table: InputTable, options: { cohort: ReadonlySet<string>; pseudonymize?: Pseudonymize | undefined }): ReadResult<ConversationRecord> {
  const problems: EvaluationProblem[] = [...table.problems];
  const context = { cohort: options.cohort, pseudonymize: options.pseudonymize };
  const map = mapWithPerson(table, CONVERSATION_COLUMNS, context);
  problems.push(...map.problems);
  if (map.problems.length > 0) return { rows: [], problems, outsideCohort: 0 };
  const rows: ConversationRecord[] = [];
  let outsideCohort = 0;
  for (const row of table.rows) {
    const before = problems.length;
    const pseudonym = personOf(table, map, row, context, problems);
    const date = requiredDate(table, map, row, "date", problems);
    const status = STATUS_WORDS[cellOf(row, map, "status").toLowerCase()];
    if (status === undefined) problems.push(evaluationProblem("status_invalid", { file: table.file, row: row.line, column: map.name.status ?? null }, { expected: ["held", "letter", "cancelled", "no-show", "afholdt", "brev", "aflyst", "udeblevet"] }));
    const plannedWeek = optionalNumber(table, map, row, "plannedWeek", problems, "a whole programme week");
    if (plannedWeek !== null && plannedWeek !== undefined && (!Number.isInteger(plannedWeek) || plannedWeek < 1)) {
      problems.push(evaluationProblem("number_invalid", { file: table.file, row: row.line, column: map.name.plannedWeek ?? null }, { shape: "a whole programme week from 1" }));
    }
    if (problems.length > before || pseudonym === undefined || date === undefined || status === undefined) continue;
    if (!options.cohort.has(pseudonym)) {
      outsideCohort++;
      continue;
    }
    rows.push({ pseudonym, date, status, advisor: cellOf(row, map, "advisor") || null, plannedWeek: plannedWeek ?? null });
  }
  return { rows, problems, outsideCohort };
}

// ---------------------------------------------------------------- secondary outcomes

type SecondaryKey = "applications" | "selfFoundJob" | "rating";

const SECONDARY_COLUMNS: ColumnAliases<SecondaryKey>[] = [
  { key: "applications", aliases: ["ansøgninger", "applications", "antal ansøgninger", "job applications"] },
  { key: "selfFoundJob", aliases: ["egen praktik eller løntilskud", "selvfundet praktik eller løntilskud", "selvfundet", "self-found job", "selffoundjob", "self found internship or wage subsidy"] },
  { key: "rating", aliases: ["vurdering", "rating", "borgerens vurdering", "citizen rating"] },
];

/** Reads secondary outcomes: person plus any of applications, self-found internship/wage-subsidy job (yes/no), rating. */
export function readSecondaryTable(table: InputTable, options: { cohort: ReadonlySet<string>; pseudonymize?: Pseudonymize | undefined }): ReadResult<SecondaryRecord> {
  const problems: EvaluationProblem[] = [...table.problems];
  const context = { cohort: options.cohort, pseudonymize: options.pseudonymize };
  const map = mapWithPerson(table, SECONDARY_COLUMNS, context);
  problems.push(...map.problems);
  if (map.problems.length > 0) return { rows: [], problems, outsideCohort: 0 };
  if (map.index.applications === undefined && map.index.selfFoundJob === undefined && map.index.rating === undefined) {
    problems.push(evaluationProblem("header_missing_column", { file: table.file, row: 1, column: "ansøgninger" }, { expected: SECONDARY_COLUMNS.map((spec) => spec.aliases[0]!) }));
    return { rows: [], problems, outsideCohort: 0 };
  }
  const rows: SecondaryRecord[] = [];
  const seen = new Map<string, number>();
  let outsideCohort = 0;
  for (const row of table.rows) {
    const before = problems.length;
    const pseudonym = personOf(table, map, row, context, problems);
    const applications = optionalNumber(table, map, row, "applications", problems, "a count");
    const selfFoundJob = optionalFlag(table, map, row, "selfFoundJob", problems);
    const rating = optionalNumber(table, map, row, "rating", problems, "a rating");
    if (problems.length > before || pseudonym === undefined) continue;
    if (!options.cohort.has(pseudonym)) {
      outsideCohort++;
      continue;
    }
    if (seen.has(pseudonym)) {
      problems.push(evaluationProblem("pseudonym_duplicate", { file: table.file, row: row.line, column: map.name.pseudonym ?? map.name.cpr ?? null }, { otherRow: seen.get(pseudonym)! }));
      continue;
    }
    seen.set(pseudonym, row.line);
    rows.push({ pseudonym, applications: applications ?? null, selfFoundJob: selfFoundJob ?? null, rating: rating ?? null });
  }
  return { rows, problems, outsideCohort };
}

// ---------------------------------------------------------------- the extracts' known columns

/** The outcome extracts the readers above know, and their columns (the person column aside). */
const OUTCOME_EXTRACTS = [
  { extract: "spells", columns: SPELL_COLUMNS },
  { extract: "benefit-weeks", columns: BENEFIT_COLUMNS },
  { extract: "conversations", columns: CONVERSATION_COLUMNS },
  { extract: "secondary", columns: SECONDARY_COLUMNS },
] as const;

export type OutcomeExtract = (typeof OUTCOME_EXTRACTS)[number]["extract"];

/**
 * Which known outcome extract a header is, and which of its columns belong to
 * that extract (as written, in file order; the person column aside): what
 * `jobtrial pseudonymize` keeps. An extract fits when every column its reader
 * requires is there (for secondary outcomes: at least one of its columns); of
 * several that fit, the one with the most columns present. Null when none fits.
 */
export function outcomeExtractColumns(header: readonly string[]): { extract: OutcomeExtract; columns: string[] } | null {
  let best: { extract: OutcomeExtract; columns: string[] } | null = null;
  for (const { extract, columns } of OUTCOME_EXTRACTS) {
    const specs: readonly ColumnAliases<string>[] = columns;
    const mapping = mapHeader<string>(header, specs.map((spec) => ({ key: spec.key, aliases: spec.aliases, required: false })), "header");
    const found = specs.filter((spec) => mapping.index[spec.key] !== undefined);
    const fits = found.length > 0 && specs.every((spec) => !spec.required || mapping.index[spec.key] !== undefined);
    if (!fits || (best !== null && found.length <= best.columns.length)) continue;
    best = { extract, columns: header.filter((_, index) => found.some((spec) => mapping.index[spec.key] === index)) };
  }
  return best;
}
