/**
 * Finance's headline: what a year of the programme in operation is worth, net of its cost
 * (packages/business-case/docs/business-case.md, "A year of operation").
 */
import type { Lang } from "@jobtrial/core";
import type { IntakeMethod, YearIntake } from "./intake-projection.ts";
import { businessCaseTexts } from "./messages.ts";
import { normalInterval } from "./normal-interval.ts";
import type { SavingPerParticipant } from "./saving-per-participant.ts";
import type { YearlyAnswer } from "./schema.ts";

/** The intake of the year and how it was found; `value` null when it cannot be estimated. */
export interface YearlyIntakeInput {
  value: number | null;
  /** SE of a projection; null: taken as known. */
  se: number | null;
  method: IntakeMethod | null;
  source: string;
  /** The register's weeks behind a counted or projected year. */
  detail: YearIntake | undefined;
}

/** What the yearly answer is made from. */
export interface YearlyAnswerInputs {
  year: number;
  intake: YearlyIntakeInput;
  saving: SavingPerParticipant;
  cost: number;
  costSource: string;
  /** Share of gross savings taken back by the regional grant (0 when not netted). */
  grantShare: number;
  /** Why the year is not estimated, when the intake is null. */
  notEstimated?: string;
}

/**
 * A year of operation: with n participants a year (SE s_n, 0 when taken as known), a saving
 * of g per participant (SE s_g) and k = 1 - grant share,
 *
 *   gross = n g,  net = k n g - cost,
 *   Var(net) = k^2 (n^2 s_g^2 + g^2 s_n^2)          (delta method; n and g independent),
 *
 * 95 % interval net +- 1.959964 SE and P(net > 0) = Phi(net / SE), a normal approximation.
 * Break-even: the saving per participant cost / (k n), and the intake cost / (k g) (null when
 * g <= 0). No interval when neither g nor n has an SE (a what-if on known figures). Not
 * estimated (null figures and the reason) when the intake is null.
 *
 * @example
 * // 1,300 participants (known), 3,500 kr. saved each (SE 1,000), cost 2.5M, no grant:
 * // net = 4,550,000 - 2,500,000 = 2,050,000; SE = 1,300 x 1,000 = 1,300,000; P(net > 0) = Phi(1.5769) = 0.9426
 * yearlyAnswer(inputs).netSavings // 2050000
 */
export function yearlyAnswer(inputs: YearlyAnswerInputs, lang: Lang = "da"): YearlyAnswer {
  const texts = businessCaseTexts(lang);
  const { intake, saving, cost, grantShare } = inputs;
  const keep = 1 - grantShare;
  const projected = intake.se !== null;
  const detail = intake.detail;
  const intakeOut: YearlyAnswer["intake"] = {
    value: intake.value,
    se: intake.se,
    method: intake.method,
    source: intake.source,
    uncertainty: projected ? "projected" : "known",
    observed: detail && detail.observedWeeks.length > 0 ? detail.observed : null,
    projected: detail && detail.method === "seasonal" ? detail.projected : null,
    observedWeeks: detail?.observedWeeks ?? [],
    projectedWeeks: detail?.projectedWeeks ?? [],
    referenceYears: detail?.referenceYears ?? [],
    weeks: detail && detail.method === "seasonal" ? detail.weeks : [],
  };
  const base = {
    year: inputs.year,
    intake: intakeOut,
    savingPerParticipant: { estimate: saving.estimate, se: saving.se, lower: saving.lower, upper: saving.upper, source: saving.source, tau: saving.tau, label: saving.label },
    cost,
    costSource: inputs.costSource,
    method: saving.se === null && !projected ? texts.methodNoInterval : texts.methodDelta(projected),
  };
  if (intake.value === null) {
    const nothing = { grossSavings: null, regionalGrant: null, netSavings: null, se: null, lower: null, upper: null, probabilityPositive: null };
    return { ...base, ...nothing, breakEvenSavingPerParticipant: null, breakEvenParticipants: saving.estimate > 0 && keep > 0 ? cost / (saving.estimate * keep) : null, notEstimated: inputs.notEstimated ?? texts.intakeNotEstimated };
  }
  const participants = intake.value;
  const gross = participants * saving.estimate;
  const regionalGrant = gross * grantShare;
  const net = gross - regionalGrant - cost;
  const variance =
    saving.se === null && intake.se === null ? null : participants * participants * (saving.se ?? 0) ** 2 + saving.estimate * saving.estimate * (intake.se ?? 0) ** 2;
  return {
    ...base,
    grossSavings: gross,
    regionalGrant,
    netSavings: net,
    ...normalInterval(net, variance, keep),
    breakEvenSavingPerParticipant: participants > 0 && keep > 0 ? cost / (participants * keep) : null,
    breakEvenParticipants: saving.estimate > 0 && keep > 0 ? cost / (saving.estimate * keep) : null,
    notEstimated: null,
  };
}
