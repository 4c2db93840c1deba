/**
 * The evaluation's data model: the cohort (one row per assigned person,
 * pseudonymized), unemployment spells, the conversation log and the secondary
 * outcomes. Readers turn files into these; `evaluateTrial` takes them as plain
 * data, so the power simulation and the validation bench call it without files.
 *
 * Nothing here holds a CPR number or a birth date; the person key is the
 * register's keyed pseudonym.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ArmSchema = z.enum(["control", "intervention"]);
export type TrialArm = z.infer<typeof ArmSchema>;

/** The exit state that counts as self-support; other exit states keep their own names. */
export const SELF_SUPPORT = "self-support";

export const CohortMemberSchema = z.object({
  pseudonym: z.string().min(1),
  arm: ArmSchema,
  /** ISO week of the first unemployment day ("2017-W03"). */
  intakeWeek: z.string().regex(/^\d{4}-W\d{2}$/),
  /** First unemployment day: the time origin of every duration. */
  firstUnemploymentDay: isoDate,
  ageAtEntry: z.number().nullable(),
  sex: z.enum(["female", "male"]).nullable(),
  industryGroup: z.string().nullable(),
  /** Registered birth date 1 January (heaping). Null when the export does not carry it. */
  bornFirstJanuary: z.boolean().nullable(),
  /** Registered birth day the 1st of a month. Null when the export does not carry it. */
  bornFirstOfMonth: z.boolean().nullable(),
  /** CPR is a replacement number (day + 60). */
  replacementNumber: z.boolean().nullable(),
  /** Assignment voided in the register (kept out of the analysis, counted in the flow). */
  voided: z.boolean(),
  /** Other intake covariates by column name: numbers or category labels. */
  covariates: z.record(z.string(), z.union([z.number(), z.string()]).nullable()),
});
export type CohortMember = z.infer<typeof CohortMemberSchema>;

/**
 * One unemployment spell. `end` is the last day on benefit (inclusive), so the
 * duration in days is end - start + 1 (a spell that starts and ends on the same
 * day lasted 1 day); null while running. A spell with an end but no exit state
 * is censored after its end (`censorReason`).
 */
export const SpellSchema = z.object({
  pseudonym: z.string().min(1),
  start: isoDate,
  end: isoDate.nullable(),
  /** "self-support" or another exit state ("other benefit", "education", ...); null = censored or running. */
  exitState: z.string().nullable(),
  /** Why follow-up stopped without an exit ("moved away", "died", ...); null otherwise. */
  censorReason: z.string().nullable(),
});
export type Spell = z.infer<typeof SpellSchema>;

export const ConversationStatusSchema = z.enum(["held", "letter", "cancelled", "no-show"]);

/** One planned or held conversation from the case system's log. */
export const ConversationRecordSchema = z.object({
  pseudonym: z.string().min(1),
  date: isoDate,
  status: ConversationStatusSchema,
  /** Pseudonymous advisor id; null when unknown. */
  advisor: z.string().nullable(),
  /** Programme week the conversation was planned for, when the log carries it. */
  plannedWeek: z.number().int().positive().nullable(),
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

/** Secondary outcomes per person; a missing measure is null. */
export const SecondaryRecordSchema = z.object({
  pseudonym: z.string().min(1),
  /** Job applications in the follow-up window. */
  applications: z.number().nonnegative().nullable(),
  /** Found an internship or wage-subsidy job themselves. */
  selfFoundJob: z.boolean().nullable(),
  /** The citizen's rating of the conversations (e.g. 1-5). */
  rating: z.number().nullable(),
});
export type SecondaryRecord = z.infer<typeof SecondaryRecordSchema>;

/** Screening counts from the register's batch records, when the cohort export carries them. */
export const ScreeningCountsSchema = z.object({
  screened: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  ineligible: z.array(z.object({ reason: z.string(), n: z.number().int().nonnegative() })),
});
export type ScreeningCounts = z.infer<typeof ScreeningCountsSchema>;

/** Normalizes an exit-state label: Danish or English self-support becomes "self-support"; others are lower-cased. */
export function normalizeExitState(raw: string): string {
  const squeezed = raw
    .trim()
    .toLowerCase()
    .replace(/ø/g, "oe")
    .replace(/[^a-z0-9]/g, "");
  if (["selvforsoergelse", "selvforsorgelse", "selfsupport", "selfsupporting", "selvforsoergende"].includes(squeezed)) return SELF_SUPPORT;
  return raw.trim().toLowerCase();
}
