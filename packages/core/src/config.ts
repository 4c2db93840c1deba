/**
 * The trial configuration: everything that describes one trial, read by every
 * package. The zod schema is the single source of the type (`TrialConfig`).
 *
 * Cross-field rules (day sets that overlap, a budget year outside the project
 * period, a missing benefit-rate year, ...) are checked in `superRefine`, so a
 * configuration that parses is a configuration the rest of jobtrial can trust.
 */
import { z } from "zod";
import { normalizeHeader } from "./columns.ts";
import { BenefitStatesSchema } from "./benefit-states.ts";
import { isIsoDate } from "./dates.ts";

const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date written "YYYY-MM-DD", for example "2017-01-01"' });

const nonEmptyText = z.string().trim().min(1, { message: "must not be empty" });

const dayOfMonth = z
  .number()
  .int({ message: "must be a whole day of the month" })
  .min(1, { message: "must be a day of the month from 1 to 31" })
  .max(31, { message: "must be a day of the month from 1 to 31" });

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a birthday written "MM-DD", for example "01-15"' });

/** Birth day of month in an explicit set: the trial's rule (days 1-15 -> intervention). */
export const DayOfMonthRuleSchema = z.strictObject({
  kind: z.literal("day-of-month"),
  /** Days of the month that go to the intervention. */
  intervention: z.array(dayOfMonth).min(1, { message: "must list at least one day" }),
  /** Days of the month that go to control. Together with `intervention` every day 1-31 exactly once. */
  control: z.array(dayOfMonth).min(1, { message: "must list at least one day" }),
});

/** Birth day of month odd or even. */
export const ParityRuleSchema = z.strictObject({
  kind: z.literal("parity"),
  /** Which birth days go to the intervention; the others go to control. */
  intervention: z.enum(["odd", "even"]),
});

/** An explicit list of birthdays (month and day); every other birthday goes to control. */
export const BirthdayListRuleSchema = z.strictObject({
  kind: z.literal("birthday-list"),
  intervention: z.array(monthDay).min(1, { message: "must list at least one birthday" }),
});

export const AssignmentRuleSchema = z.discriminatedUnion("kind", [DayOfMonthRuleSchema, ParityRuleSchema, BirthdayListRuleSchema], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? 'unknown rule kind: use "day-of-month", "parity" or "birthday-list"'
      : undefined,
});
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;

export const ConversationSchema = z.strictObject({
  /** Week of the programme, counted from the first unemployment day (week 1 = days 0-6). */
  week: z.number().int().min(1).max(104),
  /** Kind of conversation, as staff call it. */
  kind: nonEmptyText,
  /** Who takes part besides the citizen. */
  participants: z.array(nonEmptyText).min(1),
  /** Length in minutes. */
  minutes: z.number().int().positive().max(480),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const CofinancingStepSchema = z.strictObject({
  /** First week (of the citizen's total time on public support) the share applies to. */
  fromWeek: z.number().int().min(1),
  /** The municipality's share of the benefit, 0-1 (0.6 = 60 %). */
  share: z
    .number()
    .min(0, { message: "must be a share from 0 to 1 (0.6 means 60 %)" })
    .max(1, { message: "must be at most 1 (100 %); write 60 % as 0.6" }),
});

export const MoneyYearSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** Maximum A-dagpenge per benefit day for full-time insured, DKK. */
  maxDailyBenefit: z.number().positive(),
  /** Municipal co-financing of A-dagpenge by week of time on public support, first step from week 1. */
  cofinancing: z.array(CofinancingStepSchema).min(1),
  /**
   * Daily rate of other public benefits, DKK per benefit day, by the benefit's code in the
   * weekly benefit panel (for example { "890": 870, "130": 520 } for sickness and cash
   * benefit). The municipality's share follows `cofinancing`, by the same total time on
   * public support (the refusion steps mirror it, ../shared/domain.md §4). A benefit not
   * listed is priced at maxDailyBenefit. Default: none listed (every benefit at maxDailyBenefit)
   */
  benefitDailyRates: z.record(z.string().regex(/^\S+$/, { message: "must be a benefit code without spaces" }), z.number().positive()).optional(),
  /** Where the figures come from. */
  source: nonEmptyText,
});
export type MoneyYear = z.infer<typeof MoneyYearSchema>;

/**
 * Words that make a column header name a direct identifier of a person: a name, an address,
 * a phone number, an e-mail address, a free-text remark, or a CPR number. Danish and English,
 * in the normalized spelling of `identifierWords` (lower case, æ/ø/å as ae/oe/aa). A header
 * is an identifier when one of its words is one of `exact`, starts with one of `prefixes` or
 * ends with one of `suffixes` ("Borgernavn", "Mobilnr", "Hjemmeadresse", "Bemærkninger").
 * Such a column never reaches the register, a cohort export or a pseudonymized file; it may
 * only be passed through to the staff list of the week it came in (../shared/DESIGN.md, Privacy).
 */
export const DIRECT_IDENTIFIER_WORDS = {
  exact: ["navn", "name", "names", "tlf", "tel", "phone", "mobil", "mobile", "mobilnr", "mail", "note", "noter", "notes", "remark", "remarks", "comment", "comments", "cpr", "ssn"],
  prefixes: [
    "fornavn", "efternavn", "mellemnavn", "kaldenavn", "firstname", "lastname", "surname", "fullname", "givenname", "familyname",
    "adresse", "address", "telefon", "telephone", "tlf", "mobilnummer", "mobiltelefon", "cellphone", "mail", "email",
    "bemaerk", "kommentar", "comment", "remark", "fritekst", "freetext", "notat", "cpr", "personnummer",
  ],
  suffixes: ["navn", "adresse", "address", "telefon", "telefonnummer", "tlfnr", "mobilnummer", "mail", "bemaerkning", "bemaerkninger", "kommentar", "kommentarer", "notat", "notater", "fritekst"],
} as const;

/** The words of a header in the spelling `DIRECT_IDENTIFIER_WORDS` uses: "Borgers navn" -> ["borgers", "navn"]; "E-mail" -> ["e", "mail", "email"]. */
function identifierWords(header: string): string[] {
  const spelled = header.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const words = spelled.split(/[^a-z0-9]+/).filter((word) => word !== "");
  // The header without separators too, so "E-mail", "Free text" and "Tlf.nr" are read as one word as well.
  const joined = words.join("");
  return words.length > 1 ? [...words, joined] : words;
}

/**
 * True when a column header names a direct identifier (see `DIRECT_IDENTIFIER_WORDS`).
 *
 * @example namesDirectIdentifier("Bemærkning") // true
 * @example namesDirectIdentifier("Uddannelse") // false
 */
export function namesDirectIdentifier(header: string): boolean {
  const { exact, prefixes, suffixes } = DIRECT_IDENTIFIER_WORDS;
  return identifierWords(header).some(
    (word) => (exact as readonly string[]).includes(word) || prefixes.some((prefix) => word.startsWith(prefix)) || suffixes.some((suffix) => word.endsWith(suffix)),
  );
}

/** A covariate the evaluation uses: the one kind of intake column the register keeps and the cohort export writes. */
export const CovariateSchema = z.strictObject({
  /** Its name in the register and its column in the cohort export: lower-case letters, digits and "_". */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'must be lower-case letters, digits and "_", starting with a letter, for example "education"' }),
  /** Header names the intake file may give it, Danish first; matched ignoring case, spaces and punctuation. */
  headers: z.array(nonEmptyText).min(1, { message: "must list at least one header name" }),
});
export type Covariate = z.infer<typeof CovariateSchema>;

/** The covariates known today (unemployment fund, education, origin): what `intake.covariates` means when left out. */
export const DEFAULT_COVARIATES: readonly Covariate[] = [
  { name: "unemployment_fund", headers: ["A-kasse", "Arbejdsløshedskasse", "Unemployment fund", "unemployment_fund", "UI fund"] },
  { name: "education", headers: ["Uddannelse", "Uddannelsesniveau", "Education", "education_level"] },
  { name: "origin", headers: ["Herkomst", "Oprindelse", "Origin", "Country of origin"] },
];

/** The cohort export's own columns (assign's cohort-export.ts): a covariate may not take one of these names. */
const COHORT_OWN_COLUMNS = ["pseudonym", "arm", "week", "batch_id", "first_unemployment_day", "age_at_entry", "sex", "industry_group", "born_1_january", "replacement_number", "born_first_of_month", "status"];

/** The covariates a trial declares (`intake.covariates`), or the ones known today when it declares none. */
export function trialCovariates(config: { intake: { covariates?: readonly Covariate[] | undefined } }): readonly Covariate[] {
  return config.intake.covariates ?? DEFAULT_COVARIATES;
}

/** Kinds of planned looks at the data: a committee meeting, the March evaluation, the final analysis. */
export const LOOK_KINDS = ["committee", "evaluation", "final"] as const;

/**
 * Group-sequential monitoring of the primary estimate (days saved): the planned looks and
 * the alpha spending, so the committee can see the results every quarter without the
 * many looks manufacturing a finding (Lan-DeMets spending; analyze's monitoring.ts).
 */
export const MonitoringSchema = z
  .strictObject({
    /**
     * The planned looks, in date order: the data extraction date of each (the first day not
     * observed) and its kind; the last is the final analysis.
     * Default: the first day of every quarter (or month, or year, by evaluation.reporting)
     * after the project start, the evaluation date, and the final analysis on the day the
     * last possible entrant has been followed for the primary horizon
     */
    looks: z.array(z.strictObject({ date: isoDate, kind: z.enum(LOOK_KINDS) })).min(1, { message: "must list at least the final analysis" }).optional(),
    /** Lan-DeMets spending function. Default: "obrien-fleming" */
    spending: z.enum(["obrien-fleming", "pocock"]).default("obrien-fleming"),
    /** Total two-sided type I error over all looks. Default: 0.05 */
    alpha: z.number().gt(0, { message: "must be above 0, for example 0.05" }).lt(0.5, { message: "must be below 0.5, for example 0.05" }).default(0.05),
  })
  .superRefine((monitoring, ctx) => {
    const looks = monitoring.looks ?? [];
    looks.forEach((look, index) => {
      if (index > 0 && !(look.date > looks[index - 1]!.date)) {
        ctx.addIssue({ code: "custom", path: ["looks", index, "date"], message: `must be after the previous look's date ${looks[index - 1]!.date}; list the looks in date order, each once` });
      }
      if (look.kind === "final" && index !== looks.length - 1) ctx.addIssue({ code: "custom", path: ["looks", index, "kind"], message: "only the last look can be the final analysis" });
    });
    if (looks.length > 0 && looks[looks.length - 1]!.kind !== "final") {
      ctx.addIssue({ code: "custom", path: ["looks", looks.length - 1, "kind"], message: 'the last look must be the final analysis: give it kind "final"' });
    }
  });
export type Monitoring = z.infer<typeof MonitoringSchema>;

export const TrialConfigSchema = z
  .strictObject({
    /** Short identifier, also written into every register batch and results file. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and "-", for example "esbjerg-2017"' }),
    name: nonEmptyText,
    municipality: nonEmptyText,
    targetGroup: z.strictObject({
      /** The benefit the target group receives. */
      benefit: nonEmptyText,
      description: nonEmptyText,
      /** Industry groups (branchegrupper) and teams in the target group. */
      industryGroups: z.array(nonEmptyText).min(1),
    }),
    intake: z.strictObject({
      /** Earliest first unemployment day that is eligible. */
      firstUnemploymentDayFrom: isoDate,
      /** Last first unemployment day that is eligible; null = until the project ends. Default: null */
      firstUnemploymentDayTo: isoDate.nullable().default(null),
      /**
       * Header names of the intake file's columns when they are none of the
       * usual Danish or English names ("CPR-nummer", "Første ledighedsdag",
       * "Branchegruppe", ...). Default: the usual names
       */
      columns: z
        .strictObject({
          cpr: nonEmptyText.optional(),
          firstUnemploymentDay: nonEmptyText.optional(),
          industryGroup: nonEmptyText.optional(),
        })
        .optional(),
      /**
       * The covariates the evaluation uses, an allow-list (data minimisation, GDPR art.
       * 5(1)(c)): the register stores these intake columns and nothing else, and the cohort
       * export writes only these. Every other column of an intake file goes to that week's
       * staff list only. A covariate may not name a direct identifier (name, address, phone,
       * e-mail, free-text remark, CPR number). `[]` keeps none.
       * Default: the ones known today, `DEFAULT_COVARIATES` (unemployment_fund, education, origin)
       */
      covariates: z.array(CovariateSchema).optional(),
    }),
    projectPeriod: z.strictObject({
      start: isoDate,
      /** Exclusive end: the first day after the project. */
      end: isoDate,
    }),
    assignment: z.strictObject({
      rule: AssignmentRuleSchema,
      /** Marker set in the case system for the intervention group. */
      personGroupMarker: nonEmptyText,
    }),
    protocol: z.strictObject({
      /** Length of the intensified programme in weeks. */
      programmeWeeks: z.number().int().positive(),
      intervention: z.array(ConversationSchema).min(1),
      control: z.array(ConversationSchema).min(1),
      /** A conversation is on time when held at most this many weeks after its planned week. Default: 0 (within the planned week) */
      onTimeToleranceWeeks: z.number().int().min(0).default(0),
      /** A citizen in an offer (tilbud) gets the conversation as a letter. */
      letterWhenInOffer: z.boolean().default(true),
    }),
    evaluation: z.strictObject({
      /** The March evaluation's data extraction date. */
      date: isoDate,
      /** How often the committee is informed. */
      reporting: z.enum(["quarterly", "monthly", "yearly"]),
      /** Primary horizon for days saved (restricted mean), in days. Default: 364 */
      primaryHorizonDays: z.number().int().positive().default(364),
      /** Horizons for restricted means, in days. */
      horizonsDays: z.array(z.number().int().positive()).min(1).default([182, 364]),
    }),
    budget: z.strictObject({
      /** Programme cost per calendar year, DKK. */
      years: z.array(z.strictObject({ year: z.number().int(), dkk: z.number().nonnegative() })).min(1),
    }),
    expectations: z.strictObject({
      /** Expected days saved per participant. */
      daysSaved: z.number().nonnegative(),
      /** Expected net savings per year, DKK. */
      netSavingsPerYear: z.number(),
      /** Years the expectation covers, inclusive. */
      fromYear: z.number().int(),
      toYear: z.number().int(),
    }),
    money: z.strictObject({
      /** Benefit days per week. Default: 5 */
      benefitDaysPerWeek: z.number().int().min(1).max(7).default(5),
      years: z.array(MoneyYearSchema).min(1),
      /** Net out the regional employment grant (beskæftigelsestilskud). Default: false */
      netRegionalGrant: z.boolean().default(false),
      /** Share of a saving that the grant settlement takes back when netted, 0-1. Default: 0 */
      regionalGrantShare: z.number().min(0).max(1).default(0),
    }),
    /**
     * How the weekly benefit panel's codes map to the states of a citizen's path and which
     * are public support (benefit-states.ts). Default: the bundled codes, `DEFAULT_BENEFIT_STATES`
     */
    benefitStates: BenefitStatesSchema.optional(),
    /** Group-sequential monitoring of days saved at the planned looks. Default: quarterly looks, O'Brien-Fleming spending, alpha 0.05 (see MonitoringSchema) */
    monitoring: MonitoringSchema.optional(),
    disclosure: z.strictObject({
      /** Smallest count shown in any table or chart; never below 3. Default: 5 */
      minCellSize: z
        .number()
        .int()
        .min(3, { message: "must be at least 3 (Statistics Denmark never allows cells under 3)" })
        .default(5),
    }),
  })
  .superRefine((config, ctx) => {
    const rule = config.assignment.rule;
    if (rule.kind === "day-of-month") {
      const seen = new Map<number, string>();
      for (const arm of ["intervention", "control"] as const) {
        rule[arm].forEach((day, index) => {
          const earlier = seen.get(day);
          if (earlier !== undefined) {
            ctx.addIssue({
              code: "custom",
              path: ["assignment", "rule", arm, index],
              message: `day ${day} is already in ${earlier}; each day of the month belongs to exactly one arm`,
            });
          } else seen.set(day, arm);
        });
      }
      const missing = [];
      for (let day = 1; day <= 31; day++) if (!seen.has(day)) missing.push(day);
      if (missing.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["assignment", "rule"],
          message: `days ${missing.join(", ")} are in neither arm; add each to "intervention" or "control"`,
        });
      }
    }
    if (rule.kind === "birthday-list") {
      const seen = new Set<string>();
      rule.intervention.forEach((birthday, index) => {
        if (seen.has(birthday)) {
          ctx.addIssue({ code: "custom", path: ["assignment", "rule", "intervention", index], message: `birthday ${birthday} is listed twice` });
        }
        seen.add(birthday);
      });
    }

    const { start, end } = config.projectPeriod;
    if (isIsoDate(start) && isIsoDate(end) && end <= start) {
      ctx.addIssue({ code: "custom", path: ["projectPeriod", "end"], message: `must be after the start ${start}` });
    }
    const covariateNames = new Set<string>();
    const covariateHeaders = new Map<string, string>();
    (config.intake.covariates ?? []).forEach((covariate, index) => {
      const path = ["intake", "covariates", index];
      if (covariateNames.has(covariate.name)) ctx.addIssue({ code: "custom", path: [...path, "name"], message: `covariate "${covariate.name}" is declared twice` });
      else if (COHORT_OWN_COLUMNS.includes(covariate.name)) {
        ctx.addIssue({ code: "custom", path: [...path, "name"], message: `"${covariate.name}" is a column of the cohort export itself; give the covariate another name` });
      }
      covariateNames.add(covariate.name);
      if (namesDirectIdentifier(covariate.name)) {
        ctx.addIssue({ code: "custom", path: [...path, "name"], message: "names a direct identifier (name, address, phone, e-mail, free-text remark or CPR number); such a column goes to the staff list only and is never a covariate" });
      }
      covariate.headers.forEach((header, headerIndex) => {
        if (namesDirectIdentifier(header)) {
          ctx.addIssue({ code: "custom", path: [...path, "headers", headerIndex], message: "names a direct identifier (name, address, phone, e-mail, free-text remark or CPR number); such a column goes to the staff list only and is never a covariate" });
        }
        const key = normalizeHeader(header);
        const other = covariateHeaders.get(key);
        if (other !== undefined && other !== covariate.name) {
          ctx.addIssue({ code: "custom", path: [...path, "headers", headerIndex], message: `is also a header of covariate "${other}"; a header can mean one covariate only` });
        }
        covariateHeaders.set(key, covariate.name);
      });
    });
    const to = config.intake.firstUnemploymentDayTo;
    if (to !== null && to < config.intake.firstUnemploymentDayFrom) {
      ctx.addIssue({ code: "custom", path: ["intake", "firstUnemploymentDayTo"], message: "must not be before firstUnemploymentDayFrom" });
    }

    const startYear = Number(start.slice(0, 4));
    const lastYear = Number(end.slice(0, 4)) - (end.slice(5) === "01-01" ? 1 : 0);
    const budgetYears = new Set<number>();
    config.budget.years.forEach((entry, index) => {
      if (entry.year < startYear || entry.year > lastYear) {
        ctx.addIssue({
          code: "custom",
          path: ["budget", "years", index, "year"],
          message: `year ${entry.year} is outside the project period ${start} to ${end}; use ${startYear}-${lastYear} or change projectPeriod`,
        });
      }
      if (budgetYears.has(entry.year)) {
        ctx.addIssue({ code: "custom", path: ["budget", "years", index, "year"], message: `year ${entry.year} is listed twice` });
      }
      budgetYears.add(entry.year);
    });

    const moneyYears = new Set<number>();
    config.money.years.forEach((entry, index) => {
      if (moneyYears.has(entry.year)) {
        ctx.addIssue({ code: "custom", path: ["money", "years", index, "year"], message: `year ${entry.year} is listed twice` });
      }
      moneyYears.add(entry.year);
      const steps = entry.cofinancing;
      if (steps.length > 0 && steps[0]!.fromWeek !== 1) {
        ctx.addIssue({ code: "custom", path: ["money", "years", index, "cofinancing", 0, "fromWeek"], message: "the first step must start at week 1" });
      }
      for (let step = 1; step < steps.length; step++) {
        if (steps[step]!.fromWeek <= steps[step - 1]!.fromWeek) {
          ctx.addIssue({
            code: "custom",
            path: ["money", "years", index, "cofinancing", step, "fromWeek"],
            message: `must be after the previous step's week ${steps[step - 1]!.fromWeek}; list steps in increasing week order`,
          });
        }
      }
    });
    for (let year = startYear; year <= lastYear; year++) {
      if (!moneyYears.has(year)) {
        ctx.addIssue({ code: "custom", path: ["money", "years"], message: `has no entry for ${year}, a year of the project period; add its benefit rate and co-financing` });
      }
    }
    if (config.expectations.toYear < config.expectations.fromYear) {
      ctx.addIssue({ code: "custom", path: ["expectations", "toYear"], message: "must not be before fromYear" });
    }
    for (const [arm, conversations] of [["intervention", config.protocol.intervention], ["control", config.protocol.control]] as const) {
      conversations.forEach((conversation, index) => {
        if (conversation.week > config.protocol.programmeWeeks) {
          ctx.addIssue({
            code: "custom",
            path: ["protocol", arm, index, "week"],
            message: `week ${conversation.week} is after the programme's ${config.protocol.programmeWeeks} weeks`,
          });
        }
      });
    }
    const primary = config.evaluation.primaryHorizonDays;
    if (!config.evaluation.horizonsDays.includes(primary)) {
      ctx.addIssue({ code: "custom", path: ["evaluation", "horizonsDays"], message: `must include the primary horizon ${primary}` });
    }
  });

/** A validated trial configuration, defaults filled in. */
export type TrialConfig = z.infer<typeof TrialConfigSchema>;
/** The configuration as written in trial.json (defaults optional). */
export type TrialConfigInput = z.input<typeof TrialConfigSchema>;
