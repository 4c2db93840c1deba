/**
 * `jobtrial init`: a new trial for another jobcentre, without hand-editing trial.json.
 *
 * One list of questions (`FIELDS`) serves both ways in: from flags (each question is an
 * option, its default used when the option is left out) and in a terminal (each question
 * asked in turn, its default in brackets, a wrong answer asked again with the reason).
 * The rule's expected share of the intervention is shown for every calendar year of the
 * project, the finished configuration is checked exactly as `jobtrial config check` does,
 * and a power estimate (the `power` command's simulation, fewer trials) is shown before
 * anything is saved. An existing file is never overwritten without --force; the file is
 * written whole or not at all.
 */
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { diagnoseDesign } from "@jobtrial/analyze";
import { compactDayRanges, expectedInterventionShareForYear } from "@jobtrial/assign";
import { checkTrialConfig, formatPercent, isIsoDate, isJobtrialError, type AssignmentRule, type Lang, type TrialConfigInput } from "@jobtrial/core";
import { numberOption, resolvePath, stringOption, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";

/** A text in Danish (the default) and English (`--lang en`). */
type Wording = { da: string; en: string };
import { powerSummary } from "./power.ts";

/** What one question's answer became: a value, or why the answer cannot be used. */
type Parsed = { ok: true; value: unknown } | { ok: false; why: Wording };

interface Field {
  /** The option that answers it from the command line (`--municipality`). */
  option: string;
  /** The question, Danish and English. */
  question: Wording;
  /** The answer when none is given, from the earlier answers; undefined: an answer is required. */
  fallback?: (answers: Answers, today: string) => string | undefined;
  parse(text: string): Parsed;
}

/** The answers so far, parsed, by option name. */
type Answers = Map<string, unknown>;

const ok = (value: unknown): Parsed => ({ ok: true, value });
const no = (da: string, en: string): Parsed => ({ ok: false, why: { da, en } });

function text(raw: string): Parsed {
  return raw.trim() === "" ? no("må ikke være tom", "must not be empty") : ok(raw.trim());
}

function date(raw: string): Parsed {
  return isIsoDate(raw.trim()) ? ok(raw.trim()) : no(`skal være en dato ÅÅÅÅ-MM-DD, ikke "${raw}"`, `must be a date YYYY-MM-DD, got "${raw}"`);
}

function wholeNumber(min: number): (raw: string) => Parsed {
  return (raw) => {
    const value = Number(raw.trim());
    return raw.trim() !== "" && Number.isInteger(value) && value >= min ? ok(value) : no(`skal være et helt tal på mindst ${min}, ikke "${raw}"`, `must be a whole number of at least ${min}, got "${raw}"`);
  };
}

function amount(raw: string): Parsed {
  const value = Number(raw.trim().replace(/[ .](?=\d{3}\b)/g, "").replace(",", "."));
  return raw.trim() !== "" && Number.isFinite(value) && value >= 0 ? ok(value) : no(`skal være et beløb i kr., fx 2500000, ikke "${raw}"`, `must be an amount in DKK, such as 2500000, got "${raw}"`);
}

/** "2500000" (every year) or "2017:2500000,2018:2000000": amounts by year. */
function amountsByYear(raw: string): Parsed {
  if (!raw.includes(":")) return amount(raw);
  const years: { year: number; value: number }[] = [];
  for (const part of raw.split(",")) {
    const [year, value, extra] = part.split(":").map((piece) => piece.trim());
    const parsed = amount(value ?? "");
    if (extra !== undefined || !/^\d{4}$/.test(year ?? "") || !parsed.ok) {
      return no(`skal være ét beløb for alle år eller år:beløb adskilt af komma, fx 2017:2500000,2018:2500000, ikke "${raw}"`, `must be one amount for every year or year:amount separated by commas, such as 2017:2500000,2018:2500000, got "${raw}"`);
    }
    years.push({ year: Number(year), value: parsed.value as number });
  }
  return ok(years);
}

/** "4,8,12": programme weeks of the conversations. */
function weeks(raw: string): Parsed {
  const parts = raw.split(",").map((part) => part.trim());
  const values = parts.map(Number);
  if (parts.some((part) => part === "") || values.some((value) => !Number.isInteger(value) || value < 1 || value > 104)) {
    return no(`skal være programuger 1-104 adskilt af komma, fx 4,8,12, ikke "${raw}"`, `must be programme weeks 1-104 separated by commas, such as 4,8,12, got "${raw}"`);
  }
  return ok([...new Set(values)].sort((a, b) => a - b));
}

/** "1:0.2,5:0.6,27:0.7,53:0.8": the co-financing steps, from week : the municipality's share. */
function cofinancing(raw: string): Parsed {
  const steps: { fromWeek: number; share: number }[] = [];
  for (const part of raw.split(",")) {
    const [week, share, extra] = part.split(":").map((piece) => Number(piece.trim().replace(",", ".")));
    if (extra !== undefined || week === undefined || share === undefined || !Number.isInteger(week) || week < 1 || !(share >= 0 && share <= 1)) {
      return no(`skal være uge:andel adskilt af komma, andelen mellem 0 og 1, fx 1:0.2,5:0.6,27:0.7,53:0.8, ikke "${raw}"`, `must be week:share separated by commas, the share from 0 to 1, such as 1:0.2,5:0.6,27:0.7,53:0.8, got "${raw}"`);
    }
    steps.push({ fromWeek: week, share });
  }
  return ok(steps);
}

/**
 * The rule as typed: "1-15" or "day-of-month:1-15" (those birth days to the intervention,
 * the others to control), "odd"/"ulige" or "even"/"lige" (parity), "birthday-list:01-15,06-30".
 */
export function parseRule(raw: string): Parsed {
  const typed = raw.trim().toLowerCase();
  if (typed === "odd" || typed === "ulige") return ok({ kind: "parity", intervention: "odd" });
  if (typed === "even" || typed === "lige") return ok({ kind: "parity", intervention: "even" });
  const list = /^(birthday-list|fødselsdage):(.+)$/.exec(typed);
  if (list) {
    const birthdays = list[2]!.split(",").map((part) => part.trim());
    if (birthdays.every((birthday) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(birthday))) return ok({ kind: "birthday-list", intervention: birthdays });
  }
  const days = /^(?:(?:day-of-month|dage):)?([\d\s,-]+)$/.exec(typed);
  if (days) {
    const intervention = new Set<number>();
    let valid = true;
    for (const part of days[1]!.split(",")) {
      const [from, to, extra] = part.split("-").map((piece) => Number(piece.trim()));
      const last = to ?? from;
      if (extra !== undefined || from === undefined || last === undefined || !Number.isInteger(from) || !Number.isInteger(last) || from < 1 || last > 31 || from > last) valid = false;
      else for (let day = from; day <= last; day++) intervention.add(day);
    }
    const control = [];
    for (let day = 1; day <= 31; day++) if (!intervention.has(day)) control.push(day);
    if (valid && control.length > 0) return ok({ kind: "day-of-month", intervention: [...intervention].sort((a, b) => a - b), control });
  }
  return no(
    `skal være fødselsdage i måneden til indsatsen (fx 1-15), ulige, lige eller fødselsdage:MM-DD,... , ikke "${raw}"`,
    `must be birth days of the month for the intervention (e.g. 1-15), odd, even or birthday-list:MM-DD,..., got "${raw}"`,
  );
}

/** "ÅÅÅÅ-ÅÅÅÅ": the years the expectation covers. */
function yearRange(raw: string): Parsed {
  const match = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(raw);
  return match && Number(match[2]) >= Number(match[1]) ? ok({ fromYear: Number(match[1]), toYear: Number(match[2]) }) : no(`skal være to år fra-til, fx 2017-2020, ikke "${raw}"`, `must be two years from-to, such as 2017-2020, got "${raw}"`);
}

const LOOK_KINDS: Record<string, "committee" | "evaluation" | "final"> = { committee: "committee", udvalg: "committee", evaluation: "evaluation", evaluering: "evaluation", final: "final", endelig: "final" };

/** "standard" (quarterly looks) or "2017-07-01,2018-03-01:evaluering,2019-03-01": the planned looks, the last one final. */
function looks(raw: string): Parsed {
  if (["standard", "default", ""].includes(raw.trim().toLowerCase())) return ok(null);
  const parts = raw.split(",").map((part) => part.trim());
  const planned = [];
  for (const [index, part] of parts.entries()) {
    const [day, kindWord, extra] = part.split(":");
    const kind = kindWord === undefined ? (index === parts.length - 1 ? "final" : "committee") : LOOK_KINDS[kindWord.toLowerCase()];
    if (extra !== undefined || day === undefined || !isIsoDate(day) || kind === undefined) {
      return no(
        `skal være "standard" eller datoer ÅÅÅÅ-MM-DD[:udvalg|evaluering|endelig] adskilt af komma, den sidste endelig, ikke "${raw}"`,
        `must be "default" or dates YYYY-MM-DD[:committee|evaluation|final] separated by commas, the last final, got "${raw}"`,
      );
    }
    planned.push({ date: day, kind });
  }
  return ok(planned);
}

function reporting(raw: string): Parsed {
  const word = { quarterly: "quarterly", kvartalsvis: "quarterly", monthly: "monthly", månedlig: "monthly", yearly: "yearly", årlig: "yearly" }[raw.trim().toLowerCase()];
  return word === undefined ? no(`skal være kvartalsvis, månedlig eller årlig, ikke "${raw}"`, `must be quarterly, monthly or yearly, got "${raw}"`) : ok(word);
}

/** A date `months` whole months after an ISO date's first of the month. */
function monthsAfter(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

const yearOf = (day: unknown) => Number(String(day).slice(0, 4));
/** The last calendar year of the project (its end is exclusive). */
const lastProjectYear = (answers: Answers) => {
  const end = String(answers.get("project-end"));
  return yearOf(end) - (end.slice(5) === "01-01" ? 1 : 0);
};
const slug = (name: string) =>
  name.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

/** Every question, in the order a terminal asks them; later defaults follow earlier answers. */
const FIELDS: Field[] = [
  { option: "municipality", question: { da: "Kommune (jobcentrets navn)", en: "Municipality (the jobcentre's name)" }, parse: text },
  { option: "name", question: { da: "Forsøgets navn", en: "Name of the trial" }, fallback: () => "Tidlig og intensiveret samtaleindsats for forsikrede ledige", parse: text },
  { option: "project-start", question: { da: "Projektets første dag (ÅÅÅÅ-MM-DD)", en: "First day of the project (YYYY-MM-DD)" }, fallback: (_, today) => `${yearOf(today) + 1}-01-01`, parse: date },
  { option: "project-end", question: { da: "Første dag efter projektet (ÅÅÅÅ-MM-DD)", en: "First day after the project (YYYY-MM-DD)" }, fallback: (answers) => monthsAfter(String(answers.get("project-start")), 24), parse: date },
  {
    option: "id",
    question: { da: "Kort id (små bogstaver, tal og -)", en: "Short id (lower-case letters, digits and -)" },
    fallback: (answers) => `${slug(String(answers.get("municipality")))}-${yearOf(answers.get("project-start"))}`,
    parse: (raw) => (/^[a-z0-9][a-z0-9-]*$/.test(raw.trim()) ? ok(raw.trim()) : no(`skal være små bogstaver, tal og "-", fx "aarhus-2025", ikke "${raw}"`, `must be lower-case letters, digits and "-", such as "aarhus-2025", got "${raw}"`)),
  },
  { option: "benefit", question: { da: "Målgruppens ydelse", en: "The target group's benefit" }, fallback: () => "A-dagpenge", parse: text },
  {
    option: "industry-groups",
    question: { da: "Branchegrupper og teams i målgruppen (adskilt af ;), som de står i tilgangsfilen", en: "Industry groups and teams of the target group (separated by ;), as the intake file writes them" },
    parse: (raw) => {
      const groups = raw.split(";").map((group) => group.trim()).filter((group) => group !== "");
      return groups.length > 0 ? ok(groups) : no("skal nævne mindst én branchegruppe, adskilt af ;", "must name at least one industry group, separated by ;");
    },
  },
  {
    option: "description",
    question: { da: "Beskrivelse af målgruppen", en: "Description of the target group" },
    fallback: (answers) => `Forsikrede ledige (${answers.get("benefit")}) i ${(answers.get("industry-groups") as string[]).join(", ")} med første ledighedsdag ${answers.get("first-day-from") ?? answers.get("project-start")} eller senere`,
    parse: text,
  },
  { option: "first-day-from", question: { da: "Tidligste første ledighedsdag i målgruppen (ÅÅÅÅ-MM-DD)", en: "Earliest first unemployment day of the target group (YYYY-MM-DD)" }, fallback: (answers) => String(answers.get("project-start")), parse: date },
  {
    option: "rule",
    question: { da: "Reglen: fødselsdage i måneden til indsatsen (fx 1-15), ulige, lige eller fødselsdage:MM-DD,...", en: "The rule: birth days of the month for the intervention (e.g. 1-15), odd, even or birthday-list:MM-DD,..." },
    fallback: () => "1-15",
    parse: parseRule,
  },
  { option: "marker", question: { da: "Persongruppemarkering i sagssystemet", en: "Person-group marker in the case system" }, fallback: () => "Tidlig indsats, forsikrede", parse: text },
  { option: "programme-weeks", question: { da: "Indsatsens længde i uger", en: "Length of the programme in weeks" }, fallback: () => "24", parse: wholeNumber(1) },
  { option: "intervention-weeks", question: { da: "Indsatsgruppens samtaler, programuger adskilt af komma", en: "The intervention group's conversations, programme weeks separated by commas" }, fallback: () => "4,6,8,10,12,14,16,18,20,22,24", parse: weeks },
  { option: "control-weeks", question: { da: "Kontrolgruppens samtaler, programuger adskilt af komma", en: "The control group's conversations, programme weeks separated by commas" }, fallback: () => "4,8,12,16,20,24", parse: weeks },
  { option: "evaluation-date", question: { da: "Evalueringens dataudtræksdato (ÅÅÅÅ-MM-DD)", en: "The evaluation's data extraction date (YYYY-MM-DD)" }, fallback: (answers) => monthsAfter(String(answers.get("project-start")), 14), parse: date },
  { option: "reporting", question: { da: "Afrapportering til udvalget: kvartalsvis, månedlig eller årlig", en: "Reporting to the committee: quarterly, monthly or yearly" }, fallback: () => "kvartalsvis", parse: reporting },
  { option: "primary-horizon", question: { da: "Primær horisont for sparede dage, i dage", en: "Primary horizon for days saved, in days" }, fallback: () => "364", parse: wholeNumber(1) },
  { option: "budget", question: { da: "Budget i kr. pr. år (ét beløb, eller år:beløb,...)", en: "Budget in DKK per year (one amount, or year:amount,...)" }, parse: amountsByYear },
  { option: "daily-benefit", question: { da: "Højeste dagpengesats i kr. pr. dag (én sats, eller år:sats,...)", en: "Maximum A-dagpenge in DKK per day (one rate, or year:rate,...)" }, parse: amountsByYear },
  { option: "cofinancing", question: { da: "Kommunens medfinansiering, uge:andel,...", en: "The municipality's co-financing, week:share,..." }, fallback: () => "1:0.2,5:0.6,27:0.7,53:0.8", parse: cofinancing },
  { option: "rate-source", question: { da: "Kilde til satserne (fx STAR's budget- og konteringsvejledning)", en: "Source of the rates (e.g. STAR's budget and accounting guide)" }, parse: text },
  { option: "expected-days-saved", question: { da: "Forventede sparede dage pr. deltager", en: "Expected days saved per participant" }, fallback: () => "9", parse: amount },
  { option: "expected-net-savings", question: { da: "Forventet nettobesparelse i kr. pr. år", en: "Expected net savings in DKK per year" }, parse: amount },
  { option: "expectation-years", question: { da: "År forventningen gælder (fra-til)", en: "Years the expectation covers (from-to)" }, fallback: (answers) => `${yearOf(answers.get("project-start"))}-${lastProjectYear(answers) + 2}`, parse: yearRange },
  { option: "looks", question: { da: 'Planlagte kig på data: "standard" (hvert kvartal) eller datoer[:udvalg|evaluering|endelig],...', en: 'Planned looks at the data: "default" (every quarter) or dates[:committee|evaluation|final],...' }, fallback: () => "standard", parse: looks },
  { option: "min-cell-size", question: { da: "Mindste viste antal (diskretion, mindst 3)", en: "Smallest count shown (disclosure, at least 3)" }, fallback: () => "5", parse: wholeNumber(3) },
  { option: "weekly-intake", question: { da: "Forventet tilgang pr. uge (til styrkeberegningen)", en: "Expected intake per week (for the power estimate)" }, fallback: () => "50", parse: wholeNumber(1) },
];

/** The questions' options in the order a terminal asks them. */
export const INIT_QUESTIONS: readonly string[] = FIELDS.map((field) => field.option);

/** Which question a configuration problem at a JSON path belongs to, so the user is asked or told the right one. */
const PATH_FIELD: [RegExp, string][] = [
  [/^projectPeriod\.start/, "project-start"],
  [/^projectPeriod/, "project-end"],
  [/^intake/, "first-day-from"],
  [/^targetGroup\.industryGroups/, "industry-groups"],
  [/^targetGroup\.description/, "description"],
  [/^assignment\.rule/, "rule"],
  [/^protocol\.intervention/, "intervention-weeks"],
  [/^protocol\.control/, "control-weeks"],
  [/^protocol/, "programme-weeks"],
  [/^evaluation\.(primaryHorizonDays|horizonsDays)/, "primary-horizon"],
  [/^evaluation\.date/, "evaluation-date"],
  [/^budget/, "budget"],
  [/^money\.years\.\d+\.cofinancing/, "cofinancing"],
  [/^money\.years\.\d+\.source/, "rate-source"],
  [/^money/, "daily-benefit"],
  [/^expectations\.(fromYear|toYear)/, "expectation-years"],
  [/^expectations/, "expected-net-savings"],
  [/^monitoring/, "looks"],
  [/^disclosure/, "min-cell-size"],
];

function fieldOfPath(path: string): string {
  // jsonPath writes "$.money.years[0].source"; the patterns read "money.years.0.source".
  const dotted = path.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1");
  return PATH_FIELD.find(([pattern]) => pattern.test(dotted))?.[1] ?? "id";
}

/** The configuration the answers describe, as written in trial.json. */
export function configFromAnswers(answers: Answers): TrialConfigInput {
  const get = <T>(option: string) => answers.get(option) as T;
  const startYear = yearOf(get("project-start"));
  const projectYears = Array.from({ length: lastProjectYear(answers) - startYear + 1 }, (_, index) => startYear + index);
  const expectationYears = get<{ fromYear: number; toYear: number }>("expectation-years");
  const byYear = (value: number | { year: number; value: number }[], years: number[]) => (typeof value === "number" ? years.map((year) => ({ year, value })) : value);
  const rateYears = Array.from({ length: Math.max(lastProjectYear(answers), expectationYears.toYear) - startYear + 1 }, (_, index) => startYear + index);
  const conversations = (programmeWeeks: number[]) =>
    programmeWeeks.map((week) => ({ week, kind: "Jobsamtale", participants: ["jobrådgiver"], minutes: 30 }));
  const primary = get<number>("primary-horizon");
  const planned = get<{ date: string; kind: "committee" | "evaluation" | "final" }[] | null>("looks");
  return {
    id: get("id"),
    name: get("name"),
    municipality: get("municipality"),
    targetGroup: { benefit: get("benefit"), description: get("description"), industryGroups: get("industry-groups") },
    intake: { firstUnemploymentDayFrom: get("first-day-from"), firstUnemploymentDayTo: null },
    projectPeriod: { start: get("project-start"), end: get("project-end") },
    assignment: { rule: get<AssignmentRule>("rule"), personGroupMarker: get("marker") },
    protocol: {
      programmeWeeks: get("programme-weeks"),
      intervention: conversations(get("intervention-weeks")),
      control: conversations(get("control-weeks")),
      onTimeToleranceWeeks: 0,
      letterWhenInOffer: true,
    },
    evaluation: { date: get("evaluation-date"), reporting: get("reporting"), primaryHorizonDays: primary, horizonsDays: [...new Set([182, primary])].sort((a, b) => a - b) },
    budget: { years: byYear(get("budget"), projectYears).map(({ year, value }) => ({ year, dkk: value })) },
    expectations: { daysSaved: get("expected-days-saved"), netSavingsPerYear: get("expected-net-savings"), ...expectationYears },
    money: {
      benefitDaysPerWeek: 5,
      years: byYear(get("daily-benefit"), rateYears).map(({ year, value }) => ({ year, maxDailyBenefit: value, cofinancing: get("cofinancing"), source: get("rate-source") })),
      netRegionalGrant: false,
      regionalGrantShare: 0,
    },
    ...(planned === null ? {} : { monitoring: { looks: planned, spending: "obrien-fleming" as const, alpha: 0.05 } }),
    disclosure: { minCellSize: get("min-cell-size") },
  };
}

/** The rule's expected share of the intervention in each calendar year of the project. */
export function ruleShareLines(rule: AssignmentRule, years: number[], lang: Lang): string {
  const described =
    rule.kind === "day-of-month"
      ? lang === "da" ? `fødselsdag ${compactDayRanges(rule.intervention)} i måneden -> indsats, ${compactDayRanges(rule.control)} -> kontrol` : `birth day ${compactDayRanges(rule.intervention)} of the month -> intervention, ${compactDayRanges(rule.control)} -> control`
      : rule.kind === "parity"
        ? lang === "da" ? `${rule.intervention === "odd" ? "ulige" : "lige"} fødselsdage -> indsats` : `${rule.intervention} birth days -> intervention`
        : lang === "da" ? `${rule.intervention.length} fødselsdage på listen -> indsats` : `${rule.intervention.length} listed birthdays -> intervention`;
  const shares = years.map((year) => `${year} ${formatPercent(expectedInterventionShareForYear(rule, year), lang)}`).join(", ");
  return lang === "da" ? `Reglen: ${described}\n  forventet andel til indsatsen: ${shares}\n` : `The rule: ${described}\n  expected share to the intervention: ${shares}\n`;
}

const WORDING = {
  exists: (file: string): Wording => ({ da: `${file} findes allerede; vælg et andet navn med --out, eller overskriv med --force`, en: `${file} already exists; choose another name with --out, or overwrite with --force` }),
  required: (field: Field): Wording => ({ da: `--${field.option} skal angives (${field.question.da.toLowerCase()})`, en: `--${field.option} is required (${field.question.en.toLowerCase()})` }),
  badOption: (field: Field, why: Wording): Wording => ({ da: `--${field.option} ${why.da}`, en: `--${field.option} ${why.en}` }),
  inputEnded: { da: "indtastningen sluttede, før alle spørgsmål var besvaret; intet er gemt", en: "the input ended before every question was answered; nothing was saved" },
  problem: (option: string, path: string, message: string): Wording => ({ da: `--${option} (${path}): ${message}`, en: `--${option} (${path}): ${message}` }),
  notSaved: { da: "Intet gemt.\n", en: "Nothing saved.\n" },
  saved: (given: string): Wording => ({
    da: `Gemt: ${given}\nNæste skridt: jobtrial config check ${given}, og ret protokollens samtaletyper og deltagere i filen, hvis de ikke er jobsamtaler med jobrådgiveren.\n`,
    en: `Saved: ${given}\nNext: jobtrial config check ${given}, and edit the protocol's conversation kinds and participants in the file if they are not job conversations with the advisor.\n`,
  }),
  welcome: {
    da: "Et nyt forsøg: svar på hvert spørgsmål, eller tryk Enter for forslaget i [ ].\n",
    en: "A new trial: answer each question, or press Enter for the suggestion in [ ].\n",
  },
  again: (why: string, lang: Lang) => (lang === "da" ? `  ${why}; prøv igen\n` : `  ${why}; try again\n`),
  confirm: (file: string): Wording => ({ da: `Gem i ${file}? [J/n] `, en: `Save to ${file}? [Y/n] ` }),
  powerHeading: (trials: number): Wording => ({ da: `Styrke, skønnet ved ${trials} simulerede forsøg:\n`, en: `Power, estimated from ${trials} simulated trials:\n` }),
  noPower: (why: string): Wording => ({ da: `Styrken kan ikke skønnes: ${why}\n`, en: `The power cannot be estimated: ${why}\n` }),
  checked: { da: "Konfigurationen består kontrollen (som jobtrial config check).\n", en: "The configuration passes the check (as jobtrial config check).\n" },
};

/** One question at a time from a terminal (or any stream): the answer, or null when the input has ended. */
function questioner(io: Io): { ask(prompt: string): Promise<string | null>; close(): void } {
  const lines = createInterface({ input: io.stdin!.stream, terminal: false });
  const next = lines[Symbol.asyncIterator]();
  return {
    async ask(prompt) {
      io.stdout(prompt);
      const line = await next.next();
      return line.done ? null : line.value;
    },
    close: () => lines.close(),
  };
}

function say(io: Io, wording: Wording, lang: Lang): void {
  io.stdout(wording[lang]);
}

async function answerFields(fields: readonly Field[], answers: Answers, values: OptionValues, io: Io, lang: Lang, ask: ((prompt: string) => Promise<string | null>) | null): Promise<void> {
  const today = io.now().toISOString().slice(0, 10);
  for (const field of fields) {
    const given = stringOption(values, field.option);
    const suggestion = given ?? (answers.has(field.option) && ask ? undefined : field.fallback?.(answers, today));
    if (ask === null) {
      if (suggestion === undefined) throw new UsageError(WORDING.required(field));
      const parsed = field.parse(suggestion);
      if (!parsed.ok) throw new UsageError(WORDING.badOption(field, parsed.why));
      answers.set(field.option, parsed.value);
    } else {
      for (;;) {
        const typed = await ask(`${field.question[lang]}${suggestion === undefined ? "" : ` [${suggestion}]`}: `);
        if (typed === null) throw new UserError(WORDING.inputEnded);
        const answer = typed.trim() === "" ? suggestion : typed;
        if (answer === undefined) {
          io.stdout(WORDING.again(lang === "da" ? "et svar er nødvendigt" : "an answer is needed", lang));
          continue;
        }
        const parsed = field.parse(answer);
        if (parsed.ok) {
          answers.set(field.option, parsed.value);
          break;
        }
        io.stdout(WORDING.again(parsed.why[lang], lang));
      }
    }
    if (field.option === "rule") {
      const start = yearOf(answers.get("project-start"));
      const years = Array.from({ length: lastProjectYear(answers) - start + 1 }, (_, index) => start + index);
      io.stdout(ruleShareLines(answers.get("rule") as AssignmentRule, years, lang));
    }
  }
}

/** Writes the whole file or nothing: without --force never over an existing file, with it through a temporary file renamed into place. */
function writeConfig(path: string, shown: string, content: string, force: boolean): void {
  try {
    if (force) {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, content);
      renameSync(temporary, path);
    } else writeFileSync(path, content, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UserError(WORDING.exists(shown));
    throw new UserError({ da: `${shown} kunne ikke skrives (${code ?? "I/O"}); kontroller mappen og rettighederne`, en: `${shown} could not be written (${code ?? "I/O"}); check the folder and the permissions` });
  }
}

export const init: Command = {
  name: "init",
  summary: {
    da: "Opret et nyt forsøg for et jobcenter: spørgsmål i terminalen eller tilvalg",
    en: "Create a new trial for a jobcentre: questions in the terminal or options",
  },
  usage: "init [--out <trial.json>] [--interactive] [--force] [--<spørgsmål> <svar> ...] [--lang da|en]",
  help: { da: `
Opretter forsøgskonfigurationen (trial.json) for et nyt forsøg, så den ikke
skal skrives i hånden. I en terminal stilles spørgsmålene et ad gangen, med et
forslag i [ ]; ellers (eller med tilvalgene) besvares hvert spørgsmål af sit
tilvalg. Reglens forventede andel til indsatsen vises for hvert kalenderår,
filen kontrolleres som "jobtrial config check", og et skøn over styrken
(simulation som "jobtrial power") vises, før noget gemmes. En eksisterende fil
overskrives aldrig uden --force.

Tilvalg (spørgsmålene; uden forslag skal de besvares):
  --municipality <navn>          kommunen (jobcentrets navn)
  --name <tekst>                 forsøgets navn
  --project-start <dato>         projektets første dag (forslag: 1. januar næste år)
  --project-end <dato>           første dag efter projektet (forslag: to år efter start)
  --id <id>                      kort id (forslag: kommune-år)
  --benefit <ydelse>             målgruppens ydelse (forslag: A-dagpenge)
  --industry-groups <a;b;...>    branchegrupper og teams, som i tilgangsfilen
  --description <tekst>          beskrivelse af målgruppen
  --first-day-from <dato>        tidligste første ledighedsdag (forslag: projektstart)
  --rule <regel>                 1-15 (fødselsdage til indsatsen), ulige, lige
                                 eller fødselsdage:MM-DD,... (forslag: 1-15)
  --marker <tekst>               persongruppemarkering i sagssystemet
  --programme-weeks <n>          indsatsens længde i uger (forslag: 24)
  --intervention-weeks <uger>    indsatsgruppens samtaler (forslag: 4,6,...,24)
  --control-weeks <uger>         kontrolgruppens samtaler (forslag: 4,8,...,24)
  --evaluation-date <dato>       evalueringens udtræksdato (forslag: start + 14 måneder)
  --reporting <hyppighed>        kvartalsvis, månedlig eller årlig
  --primary-horizon <dage>       primær horisont (forslag: 364)
  --budget <kr.>                 budget pr. år, ét beløb eller år:beløb,...
  --daily-benefit <kr.>          højeste dagpengesats, én sats eller år:sats,...
  --cofinancing <uge:andel,...>  medfinansiering (forslag: 1:0.2,5:0.6,27:0.7,53:0.8)
  --rate-source <tekst>          kilden til satserne
  --expected-days-saved <d>      forventede sparede dage (forslag: 9)
  --expected-net-savings <kr.>   forventet nettobesparelse pr. år
  --expectation-years <fra-til>  år forventningen gælder
  --looks <plan>                 "standard" eller dato[:udvalg|evaluering|endelig],...
  --min-cell-size <n>            mindste viste antal (forslag: 5)
  --weekly-intake <n>            forventet tilgang pr. uge til styrken (forslag: 50)

Øvrige tilvalg:
  --out <fil>            hvor konfigurationen gemmes (standard: trial.json)
  --interactive          stil spørgsmålene, også når tilvalg er givet (de bliver forslag)
  --force                overskriv en eksisterende fil
  --power-trials <n>     simulerede forsøg til styrken (standard: 100)
  --seed <n>             frø til simulationen (standard: 20170101)
  --lang da|en           sprog (standard: da)

Eksempel:
  jobtrial init --out aarhus.json --municipality Aarhus --industry-groups "Handel og service;Team LVU" \\
    --budget 2000000 --daily-benefit 2025:949,2026:965,2027:980,2028:980 --rate-source "STAR 2025" \\
    --expected-net-savings 1500000 --project-start 2025-01-01`,
  en: `
Creates the trial configuration (trial.json) for a new trial, so it need not be
written by hand. In a terminal the questions are asked one at a time, with a
suggestion in [ ]; otherwise (or with the options) each question is answered by
its option. The rule's expected share to the intervention is shown for each
calendar year, the file is checked as by "jobtrial config check", and an
estimate of the power (simulation as by "jobtrial power") is shown before
anything is saved. An existing file is never overwritten without --force.

Options (the questions; without a suggestion they must be answered):
  --municipality <name>          the municipality (the jobcentre's name)
  --name <text>                  the trial's name
  --project-start <date>         the project's first day (suggestion: 1 January next year)
  --project-end <date>           first day after the project (suggestion: two years after start)
  --id <id>                      short id (suggestion: municipality-year)
  --benefit <benefit>            the target group's benefit (suggestion: A-dagpenge)
  --industry-groups <a;b;...>    industry groups and teams, as in the intake file
  --description <text>           description of the target group
  --first-day-from <date>        earliest first day of unemployment (suggestion: project start)
  --rule <rule>                  1-15 (birthdays to the intervention), ulige (odd), lige (even)
                                 or fødselsdage:MM-DD,... (suggestion: 1-15)
  --marker <text>                person-group marker in the case system
  --programme-weeks <n>          the programme's length in weeks (suggestion: 24)
  --intervention-weeks <weeks>   the intervention group's conversations (suggestion: 4,6,...,24)
  --control-weeks <weeks>        the control group's conversations (suggestion: 4,8,...,24)
  --evaluation-date <date>       the evaluation's extraction date (suggestion: start + 14 months)
  --reporting <frequency>        kvartalsvis (quarterly), månedlig (monthly) or årlig (yearly)
  --primary-horizon <days>       primary horizon (suggestion: 364)
  --budget <DKK>                 budget per year, one amount or year:amount,...
  --daily-benefit <DKK>          highest daily benefit rate, one rate or year:rate,...
  --cofinancing <week:share,...> state co-financing (suggestion: 1:0.2,5:0.6,27:0.7,53:0.8)
  --rate-source <text>           the source of the rates
  --expected-days-saved <d>      expected days saved (suggestion: 9)
  --expected-net-savings <DKK>   expected net savings per year
  --expectation-years <from-to>  years the expectation applies to
  --looks <plan>                 "standard" or date[:udvalg|evaluering|endelig],...
  --min-cell-size <n>            smallest count shown (suggestion: 5)
  --weekly-intake <n>            expected intake per week for the power (suggestion: 50)

Other options:
  --out <file>           where the configuration is saved (default: trial.json)
  --interactive          ask the questions even when options are given (they become suggestions)
  --force                overwrite an existing file
  --power-trials <n>     simulated trials for the power (default: 100)
  --seed <n>             seed for the simulation (default: 20170101)
  --lang da|en           language (default: da)

Example:
  jobtrial init --out aarhus.json --municipality Aarhus --industry-groups "Handel og service;Team LVU" \\
    --budget 2000000 --daily-benefit 2025:949,2026:965,2027:980,2028:980 --rate-source "STAR 2025" \\
    --expected-net-savings 1500000 --project-start 2025-01-01` },
  options: {
    ...Object.fromEntries(FIELDS.map((field) => [field.option, { type: "string" as const }])),
    out: { type: "string" },
    interactive: { type: "boolean" },
    force: { type: "boolean" },
    "power-trials": { type: "string" },
    seed: { type: "string" },
    lang: { type: "string" },
  },
  async run(context) {
    const { io, values } = context;
    // --lang is the command's own option; where the program reads it for every command, it comes in the context.
    const lang: Lang = ((context as { lang?: string }).lang ?? values["lang"]) === "en" ? "en" : "da";
    const given = stringOption(values, "out") ?? "trial.json";
    const path = resolvePath(io, given);
    const force = values["force"] === true;
    if (!force && existsSync(path)) throw new UserError(WORDING.exists(given));
    const trials = numberOption(values, "power-trials", { integer: true, min: 1 }) ?? 100;
    const seed = numberOption(values, "seed", { integer: true, min: 0 }) ?? 20170101;
    const answeredByOptions = FIELDS.some((field) => values[field.option] !== undefined);
    const interactive = values["interactive"] === true || (!answeredByOptions && io.stdin?.isTty === true);
    if (interactive && io.stdin === undefined) throw new UsageError({ da: "--interactive kræver en terminal at spørge i", en: "--interactive needs a terminal to ask in" });
    const terminal = interactive ? questioner(io) : null;
    try {
      if (terminal) say(io, WORDING.welcome, lang);
      const answers: Answers = new Map();
      await answerFields(FIELDS, answers, values, io, lang, terminal?.ask ?? null);
      // The whole configuration, checked as config check does; in a terminal the questions a problem belongs to are asked again.
      for (;;) {
        const checked = checkTrialConfig(configFromAnswers(answers), given, lang);
        if (checked.ok) break;
        const problems = checked.problems.map((problem) => ({ ...problem, option: fieldOfPath(problem.path) }));
        if (!terminal) throw new UsageError(WORDING.problem(problems[0]!.option, problems[0]!.path, problems[0]!.message));
        for (const problem of problems) io.stdout(`${WORDING.problem(problem.option, problem.path, problem.message)[lang]}\n`);
        const again = new Set(problems.map((problem) => problem.option));
        await answerFields(FIELDS.filter((field) => again.has(field.option)), answers, {}, io, lang, terminal.ask);
      }
      const input = configFromAnswers(answers);
      const checked = checkTrialConfig(input, given, lang);
      if (!checked.ok) throw new Error("init: the configuration was checked above");
      say(io, WORDING.checked, lang);

      say(io, WORDING.powerHeading(trials), lang);
      try {
        const diagnosis = diagnoseDesign({
          config: checked.config,
          simulation: { weeklyIntake: answers.get("weekly-intake") as number, effect: { kind: "days-saved", days: checked.config.expectations.daysSaved } },
          trials,
          seed,
        });
        io.stdout(powerSummary(diagnosis, trials, lang));
      } catch (error) {
        if (!isJobtrialError(error)) throw error;
        say(io, WORDING.noPower(error.messageIn(lang)), lang);
      }

      if (terminal) {
        const confirmation = await terminal.ask(WORDING.confirm(given)[lang]);
        if (confirmation === null || /^\s*n/i.test(confirmation)) {
          say(io, WORDING.notSaved, lang);
          return 1;
        }
      }
      writeConfig(path, given, JSON.stringify(input, null, 2) + "\n", force);
      say(io, WORDING.saved(given), lang);
      return 0;
    } finally {
      terminal?.close();
    }
  },
};
