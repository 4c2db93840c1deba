/**
 * The shapes of the files the simulator writes, as the real sources deliver
 * them: the weekly intake list from the case system and the outcome extract
 * (spells, weekly benefit panel, conversation log, secondary measures).
 *
 * Every file: UTF-8 with BOM, semicolon separated, CRLF line ends, one header
 * line with Danish column names. CPR numbers printed DDMMYY-SSSS. Dates in the
 * intake list as the case system prints them (dd-mm-yyyy); dates in the
 * outcome extract ISO (yyyy-mm-dd); weeks ISO ("2017-W05").
 *
 * The zod row schemas are the simulator's own contract for each file (used by
 * its tests); the readers of the assign and analyze packages must accept them.
 */
import { formatProblem, isIsoDate, isIsoWeek, parseDelimited, toCsv } from "@jobtrial/core";
import { z } from "zod";
import { EDUCATIONS, EXIT_STATES, ORIGINS } from "./model.ts";

export const INTAKE_HEADER = ["CPR-nummer", "Første ledighedsdag", "Branchegruppe", "A-kasse", "Uddannelse", "Herkomst"] as const;
export const SPELLS_HEADER = ["CPR-nummer", "Forløbsstart", "Forløbsslut", "Afgangsårsag"] as const;
export const BENEFIT_WEEKS_HEADER = ["CPR-nummer", "År-uge", "Ydelseskode"] as const;
export const CONVERSATIONS_HEADER = ["CPR-nummer", "Planlagt uge", "Dato", "Samtaletype", "Rådgiver", "Status"] as const;
export const SECONDARY_HEADER = ["CPR-nummer", "Ansøgninger", "Egen praktik eller løntilskud", "Vurdering"] as const;

/**
 * Weekly benefit codes of the panel, modelled on DREAM's ydelseskoder.
 * UNCONFIRMED: the numbers imitate DREAM's scheme but are not checked against
 * DREAM's code list; the meaning column is what the simulator means by them.
 */
export const BENEFIT_CODES = {
  "111": "A-dagpenge, ledig",
  "130": "Kontanthjælp (anden offentlig ydelse)",
  "651": "SU, uddannelse",
  "890": "Sygedagpenge",
  "997": "Udvandret",
} as const;
export type BenefitCode = keyof typeof BENEFIT_CODES;

/** Conversation status as the case system logs it. */
export const CONVERSATION_STATUSES = ["afholdt", "ikke afholdt", "som brev"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

const cprText = z.string().regex(/^\d{6}-\d{4}$/, { message: "must be a CPR number DDMMYY-SSSS" });
const danishDate = z.string().regex(/^(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-\d{4}$/, { message: "must be a date dd-mm-yyyy" });
const isoDate = z.string().refine(isIsoDate, { message: "must be an ISO date yyyy-mm-dd" });
const isoWeek = z.string().refine(isIsoWeek, { message: "must be an ISO week yyyy-Www" });
const text = z.string().min(1);

export const IntakeFileRowSchema = z.strictObject({
  "CPR-nummer": cprText,
  "Første ledighedsdag": danishDate,
  Branchegruppe: text,
  "A-kasse": text,
  Uddannelse: z.enum(EDUCATIONS),
  Herkomst: z.enum([ORIGINS.native, ORIGINS.foreign]),
});

export const SpellFileRowSchema = z
  .strictObject({
    "CPR-nummer": cprText,
    Forløbsstart: isoDate,
    /** Last day on benefit; empty while the spell runs at the extraction date. */
    Forløbsslut: z.union([isoDate, z.literal("")]),
    Afgangsårsag: z.union([z.enum(EXIT_STATES), z.literal("")]),
  })
  .refine((row) => (row.Forløbsslut === "") === (row.Afgangsårsag === ""), { message: "end and exit state must both be given or both be empty" })
  .refine((row) => row.Forløbsslut === "" || row.Forløbsslut >= row.Forløbsstart, { message: "the end must not be before the start" });

export const BenefitWeekFileRowSchema = z.strictObject({
  "CPR-nummer": cprText,
  "År-uge": isoWeek,
  Ydelseskode: z.enum(Object.keys(BENEFIT_CODES) as [BenefitCode, ...BenefitCode[]]),
});

export const ConversationFileRowSchema = z.strictObject({
  "CPR-nummer": cprText,
  /** Programme week of the protocol (week 1 = the first 7 days from the first unemployment day). */
  "Planlagt uge": z.string().regex(/^[1-9]\d*$/),
  /** Held, sent (letter) or booked-but-not-held date. */
  Dato: isoDate,
  Samtaletype: text,
  Rådgiver: z.string().regex(/^R\d{2}$/),
  Status: z.enum(CONVERSATION_STATUSES),
});

export const SecondaryFileRowSchema = z.strictObject({
  "CPR-nummer": cprText,
  /** Job applications logged in the programme period; empty when not collected. */
  Ansøgninger: z.union([z.string().regex(/^\d+$/), z.literal("")]),
  "Egen praktik eller løntilskud": z.enum(["ja", "nej"]),
  /** The citizen's rating of the conversations 1-5; empty when not collected. */
  Vurdering: z.union([z.string().regex(/^[1-5]$/), z.literal("")]),
});

/** Header and row schema of each file, by its path under the output directory (intake files share one). */
export const SIMULATION_FILES = {
  intake: { header: INTAKE_HEADER, schema: IntakeFileRowSchema },
  "outcomes/spells.csv": { header: SPELLS_HEADER, schema: SpellFileRowSchema },
  "outcomes/benefit-weeks.csv": { header: BENEFIT_WEEKS_HEADER, schema: BenefitWeekFileRowSchema },
  "outcomes/conversations.csv": { header: CONVERSATIONS_HEADER, schema: ConversationFileRowSchema },
  "outcomes/secondary.csv": { header: SECONDARY_HEADER, schema: SecondaryFileRowSchema },
} as const;

/** A semicolon CSV text with BOM and CRLF (core's `toCsv`). Fields must not contain ";", quotes or line breaks (an internal error otherwise). */
export function formatSemicolonCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    for (const field of row) {
      if (/[;"\r\n]/.test(field)) throw new Error(`internal: a simulated field needs quoting: ${JSON.stringify(field)}`);
    }
  }
  return toCsv(header, rows);
}

/**
 * Reads a file written by `formatSemicolonCsv` (BOM, CRLF, no quoting) into
 * its header and records keyed by column, with core's `parseDelimited`. Only
 * for the simulator's own files (and its tests), so a row the reader rejects is
 * an internal error; real input goes through the readers of assign and analyze.
 */
export function parseSemicolonCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const table = parseDelimited(text, { file: "simulated file", delimiter: ";" });
  if (table.problems.length > 0) throw new Error(`internal: a simulated file does not parse: ${formatProblem(table.problems[0]!)}`);
  const records = table.rows.map((row) => {
    const record: Record<string, string> = {};
    table.header.forEach((name, index) => (record[name] = row.cells[index]!));
    return record;
  });
  return { header: table.header, records };
}

/** "dd-mm-yyyy" from an ISO date, as the case system prints dates. */
export function printCaseSystemDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;
}
