/**
 * The benefit states of the trial configuration (`benefitStates`, optional): how the codes
 * of the weekly benefit panel map to the states a citizen's path runs through, which of
 * them are public support (counted as days on public support, towards the total time on
 * public support that sets the municipality's share, and priced), which state is the
 * trial's benefit (A-dagpenge: its days are the days saved), what a week without a code
 * is, and which codes end follow-up (moved away: censoring).
 *
 * Left out, the section means `DEFAULT_BENEFIT_STATES`: the codes of the bundled data
 * (111 A-dagpenge, 890 sickness benefit, 130 cash benefit, 651 education, 997 moved away =
 * censoring, no code = job or self-support). The panel's codes imitate DREAM but are not
 * verified against its code list (UNCONFIRMED, docs/simulation.md); a trial with a real
 * extract lists its own codes here.
 */
import { z } from "zod";

const nonEmptyText = z.string().trim().min(1, { message: "must not be empty" });

/** One state of the paths. */
export const BenefitStateSchema = z.strictObject({
  /** Short name used in results.json ("adp", "sickness", ...): lower-case letters, digits and "-". */
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and "-", starting with a letter, for example "sickness"' }),
  /** What a report calls the state, Danish and English. */
  label: z.strictObject({ da: nonEmptyText, en: nonEmptyText }),
  /** Panel codes of the state, matched after trimming and ignoring case. May be empty for the state of weeks without a code. */
  codes: z.array(nonEmptyText),
  /** Public support: its days count as days on public support and towards the total time on public support, and are priced. */
  public: z.boolean(),
});
export type BenefitState = z.infer<typeof BenefitStateSchema>;

export const BenefitStatesSchema = z
  .strictObject({
    /**
     * The states, in priority order: a week with codes of several states takes the first
     * listed (so list A-dagpenge first: a week with any A-dagpenge is a week on A-dagpenge).
     */
    states: z.array(BenefitStateSchema).min(2, { message: "must list at least two states (A-dagpenge and what follows it)" }),
    /** The trial's benefit, where every path starts and whose days are the days saved. Default: "adp" */
    unemploymentState: z.string().default("adp"),
    /** The state of a week without any code in the panel (job or self-support). Default: "job" */
    noCodeState: z.string().default("job"),
    /**
     * Codes that end follow-up: from the first week with one of them the path is censored
     * (moved away; a later return is not followed). A week that also has a state's code
     * takes that state, and follow-up ends the week after. Default: ["997"]
     */
    censorCodes: z.array(nonEmptyText).default(["997"]),
    /** The state a code not listed anywhere goes to; null: such a code is an input problem naming its row. Default: null */
    otherCodesState: z.string().nullable().default(null),
    /**
     * Weeks in a row without public support after which the count of weeks on public
     * support starts again from 0 (UNCONFIRMED rule, ../shared/domain.md §4). Default: 52
     */
    supportResetWeeks: z.number().int().min(1).default(52),
  })
  .superRefine((section, ctx) => {
    const names = new Map<string, number>();
    const codes = new Map<string, string>();
    section.states.forEach((state, index) => {
      if (names.has(state.name)) ctx.addIssue({ code: "custom", path: ["states", index, "name"], message: `state "${state.name}" is listed twice` });
      if (state.name === "public") ctx.addIssue({ code: "custom", path: ["states", index, "name"], message: '"public" names the days on any public support; give the state another name' });
      names.set(state.name, index);
      state.codes.forEach((code, codeIndex) => {
        const key = code.trim().toLowerCase();
        const other = codes.get(key);
        if (other !== undefined) ctx.addIssue({ code: "custom", path: ["states", index, "codes", codeIndex], message: `code is also a code of state "${other}"; a code can mean one state only` });
        codes.set(key, state.name);
      });
    });
    section.censorCodes.forEach((code, index) => {
      const other = codes.get(code.trim().toLowerCase());
      if (other !== undefined) ctx.addIssue({ code: "custom", path: ["censorCodes", index], message: `code is also a code of state "${other}"; a code either ends follow-up or means a state` });
    });
    const known = [...names.keys()].join(", ");
    const unemployment = names.get(section.unemploymentState);
    if (unemployment === undefined) ctx.addIssue({ code: "custom", path: ["unemploymentState"], message: `is not one of the states (${known})` });
    else if (!section.states[unemployment]!.public) ctx.addIssue({ code: "custom", path: ["unemploymentState"], message: "must be a state on public support (A-dagpenge)" });
    if (!names.has(section.noCodeState)) ctx.addIssue({ code: "custom", path: ["noCodeState"], message: `is not one of the states (${known})` });
    if (section.noCodeState === section.unemploymentState) ctx.addIssue({ code: "custom", path: ["noCodeState"], message: "must differ from unemploymentState: a week without a code is not a week on A-dagpenge" });
    if (section.otherCodesState !== null && !names.has(section.otherCodesState)) ctx.addIssue({ code: "custom", path: ["otherCodesState"], message: `is not one of the states (${known})` });
  });
export type BenefitStates = z.infer<typeof BenefitStatesSchema>;
export type BenefitStatesInput = z.input<typeof BenefitStatesSchema>;

/** The states of the bundled data: what `benefitStates` means when left out. */
export const DEFAULT_BENEFIT_STATES: BenefitStates = BenefitStatesSchema.parse({
  states: [
    { name: "adp", label: { da: "A-dagpenge", en: "Unemployment benefit (A-dagpenge)" }, codes: ["111", "A-dagpenge", "dagpenge"], public: true },
    { name: "sickness", label: { da: "Sygedagpenge", en: "Sickness benefit" }, codes: ["890"], public: true },
    { name: "cash", label: { da: "Kontanthjælp", en: "Cash benefit" }, codes: ["130"], public: true },
    { name: "education", label: { da: "Uddannelse", en: "Education" }, codes: ["651"], public: false },
    { name: "job", label: { da: "Job og selvforsørgelse", en: "Job and self-support" }, codes: ["selvforsørgelse", "self-support"], public: false },
  ],
});

/** The benefit states a trial declares (`benefitStates`), or the bundled codes' when it declares none. */
export function trialBenefitStates(config: { benefitStates?: BenefitStates | undefined }): BenefitStates {
  return config.benefitStates ?? DEFAULT_BENEFIT_STATES;
}
