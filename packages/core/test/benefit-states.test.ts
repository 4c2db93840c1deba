/**
 * The configuration's benefit states (`benefitStates`, optional): the defaults are the
 * bundled panel's codes, a trial may list its own, and every inconsistency names its path.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BenefitStatesSchema, DEFAULT_BENEFIT_STATES, trialBenefitStates } from "../src/benefit-states.ts";
import { TrialConfigSchema } from "../src/config.ts";

const bundled = JSON.parse(readFileSync(new URL("../../../data/esbjerg-2017/trial.json", import.meta.url), "utf8")) as Record<string, unknown>;

const issues = (value: unknown) => {
  const parsed = BenefitStatesSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("benefitStates", () => {
  it("DEFAULT_BENEFIT_STATES maps the bundled codes: 111 A-dagpenge, 890 sickness, 130 cash (public), 651 education, no code a job, 997 censors", () => {
    expect(DEFAULT_BENEFIT_STATES.states.map((state) => [state.name, state.codes, state.public])).toEqual([
      ["adp", ["111", "A-dagpenge", "dagpenge"], true],
      ["sickness", ["890"], true],
      ["cash", ["130"], true],
      ["education", ["651"], false],
      ["job", ["selvforsørgelse", "self-support"], false],
    ]);
    expect([DEFAULT_BENEFIT_STATES.unemploymentState, DEFAULT_BENEFIT_STATES.noCodeState, DEFAULT_BENEFIT_STATES.censorCodes, DEFAULT_BENEFIT_STATES.otherCodesState, DEFAULT_BENEFIT_STATES.supportResetWeeks]).toEqual([
      "adp",
      "job",
      ["997"],
      null,
      52,
    ]);
  });

  it("TrialConfigSchema leaves the section out of a configuration without it (the hash stays), and trialBenefitStates gives the defaults", () => {
    const config = TrialConfigSchema.parse(bundled);
    expect("benefitStates" in config).toBe(false);
    expect(trialBenefitStates(config)).toBe(DEFAULT_BENEFIT_STATES);
  });

  it("TrialConfigSchema takes a trial's own states, with ledighedsydelse as a public state and moved away as a state", () => {
    const own = {
      states: [
        { name: "adp", label: { da: "A-dagpenge", en: "A-dagpenge" }, codes: ["111"], public: true },
        { name: "ledighedsydelse", label: { da: "Ledighedsydelse", en: "Flex-job benefit" }, codes: ["140"], public: true },
        { name: "moved", label: { da: "Fraflyttet", en: "Moved away" }, codes: ["997"], public: false },
        { name: "other", label: { da: "Andet", en: "Other" }, codes: [], public: false },
      ],
      noCodeState: "other",
      censorCodes: [],
    };
    const config = TrialConfigSchema.parse({ ...bundled, benefitStates: own });
    expect(trialBenefitStates(config).states.map((state) => state.name)).toEqual(["adp", "ledighedsydelse", "moved", "other"]);
    expect(trialBenefitStates(config).unemploymentState).toBe("adp");
  });

  it("BenefitStatesSchema names every inconsistency by its path", () => {
    const states = DEFAULT_BENEFIT_STATES.states;
    expect(issues({ states: [...states, { ...states[1]!, name: "sick-again" }] })).toEqual(['states.5.codes.0: code is also a code of state "sickness"; a code can mean one state only']);
    expect(issues({ states, censorCodes: ["997", "651"] })).toEqual(['censorCodes.1: code is also a code of state "education"; a code either ends follow-up or means a state']);
    expect(issues({ states, unemploymentState: "education" })).toEqual(["unemploymentState: must be a state on public support (A-dagpenge)"]);
    expect(issues({ states, noCodeState: "holiday" })).toEqual(["noCodeState: is not one of the states (adp, sickness, cash, education, job)"]);
    expect(issues({ states: [...states, { ...states[3]!, name: "public", codes: [] }] })).toEqual(['states.5.name: "public" names the days on any public support; give the state another name']);
    expect(issues({ states: [{ ...states[0]!, name: "A-dagpenge" }, states[4]] })[0]).toMatch(/^states\.0\.name: must be lower-case letters/);
  });
});
