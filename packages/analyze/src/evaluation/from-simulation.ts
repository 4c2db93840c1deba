/**
 * A simulated trial as the evaluation's plain inputs, in-process and without
 * files or keys: the cohort (eligible citizens with their arm; pseudonym
 * "sim-<index>"), spells, the weekly benefit panel, conversations and secondary outcomes. Used by
 * `jobtrial power`, the validation bench and the tests; the files the
 * simulator writes go through the readers instead.
 */
import type { Simulation } from "../simulate/simulate-trial.ts";
import type { CohortMember, ConversationRecord, SecondaryRecord, Spell } from "./model.ts";
import { normalizeExitState } from "./model.ts";
import type { BenefitWeek } from "./read-inputs.ts";

export interface EvaluationData {
  cohort: CohortMember[];
  spells: Spell[];
  /** The weekly benefit panel (empty when the simulation left it out). */
  benefitWeeks: BenefitWeek[];
  conversations: ConversationRecord[];
  secondary: SecondaryRecord[];
}

const pseudonymOf = (index: number) => `sim-${index}`;

export function evaluationDataFromSimulation(simulation: Simulation): EvaluationData {
  const cohort: CohortMember[] = [];
  for (const citizen of simulation.citizens) {
    if (!citizen.eligible || citizen.arm === null) continue;
    cohort.push({
      pseudonym: pseudonymOf(citizen.index),
      arm: citizen.arm,
      intakeWeek: citizen.intakeWeek,
      firstUnemploymentDay: citizen.firstUnemploymentDay,
      ageAtEntry: citizen.age,
      sex: citizen.sex,
      industryGroup: citizen.industryGroup,
      bornFirstJanuary: citizen.birthDate.slice(5) === "01-01",
      bornFirstOfMonth: citizen.birthDate.slice(8) === "01",
      replacementNumber: citizen.replacementNumber,
      voided: false,
      covariates: { education: citizen.education, origin: citizen.foreignBorn ? "Indvandrer" : "Dansk oprindelse", unemployment_fund: citizen.aKasse },
    });
  }
  const spells: Spell[] = simulation.spells.map((spell) => ({
    pseudonym: pseudonymOf(spell.citizen),
    start: spell.start,
    end: spell.end,
    exitState: spell.exit === null ? null : normalizeExitState(spell.exit),
    censorReason: null,
  }));
  const benefitWeeks: BenefitWeek[] = simulation.benefitWeeks.map((row) => ({ pseudonym: pseudonymOf(row.citizen), week: row.week, code: row.code }));
  const statusOf = { afholdt: "held", "ikke afholdt": "cancelled", "som brev": "letter" } as const;
  const conversations: ConversationRecord[] = simulation.conversations.map((conversation) => ({
    pseudonym: pseudonymOf(conversation.citizen),
    date: conversation.date,
    status: statusOf[conversation.status],
    advisor: conversation.advisor,
    plannedWeek: conversation.programmeWeek,
  }));
  const secondary: SecondaryRecord[] = simulation.secondary.map((row) => ({
    pseudonym: pseudonymOf(row.citizen),
    applications: row.applications,
    selfFoundJob: row.selfFoundPlacement,
    rating: row.rating,
  }));
  return { cohort, spells, benefitWeeks, conversations, secondary };
}
