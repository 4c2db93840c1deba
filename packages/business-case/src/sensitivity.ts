/**
 * Sensitivity: the total net saving over the years counted with one input moved at a time,
 * the lines ordered by how much they move it (packages/business-case/docs/business-case.md,
 * "Sensitivity").
 */
import type { Lang } from "@jobtrial/core";
import { cashFlow, type CashFlow, type Plan } from "./cash-flow.ts";
import { businessCaseTexts } from "./messages.ts";
import type { Pricing } from "./pricing.ts";
import type { BusinessCaseResultsInput } from "./results-input.ts";
import { flatProfile, measuredProfile, scaleProfile } from "./saved-days-profile.ts";
import { modelHorizon, type SavingModel } from "./saving-model.ts";
import type { BusinessCase } from "./schema.ts";

/** What the sensitivity moves the inputs around. */
export interface SensitivityBase {
  /** The saving priced: saved days (a profile) or a kroner saving per participant. */
  model: SavingModel;
  pricing: Pricing;
  plan: Plan;
  /** The cash flow of model, pricing and plan as they are. */
  flow: CashFlow;
  /** The measured curves (and expenditure), for the horizon line; undefined in a what-if. */
  results: BusinessCaseResultsInput | undefined;
  /** The configuration's evaluation.horizonsDays. */
  horizonsDays: readonly number[];
  /** The language of the labels and values. Default: "da" */
  lang?: Lang;
}

/**
 * One line per input, low and high: benefit rate -10 % / +10 %; co-financing -10 / +10
 * percentage points on every step (clamped to 0-1); participants -20 % / +20 %; the effect
 * (with an interval: the 95 % interval of total net savings; without: days saved -25 % / +25 %);
 * the horizon (the shortest and longest of the configured horizons within the follow-up,
 * when there are two; for a kroner saving the horizons results.json's expenditure has);
 * prior weeks 0 / +26; the regional grant netted at 0 % / max(50 %, configured). A kroner
 * saving (the expenditure, priced by analyze per citizen's own weeks on support) has no
 * co-financing or prior-weeks line. Ordered by impact = |net at high - net at low|, largest first.
 *
 * @example sensitivity(base).map((line) => line.key) // ["effect", "regionalGrant", "intake", "cofinancing", "priorWeeks", "benefitRate", "horizon"] (trial_days fixture)
 */
export function sensitivity(base: SensitivityBase): BusinessCase["sensitivity"] {
  const { model, pricing, plan: basePlan, flow, results } = base;
  const texts = businessCaseTexts(base.lang);
  const horizon = modelHorizon(model);
  const priorWeeks = pricing.priorWeeks;
  const netWith = (change: { pricing?: Partial<Pricing>; intakeFactor?: number; model?: SavingModel }) => {
    const plan: Plan = change.intakeFactor === undefined ? basePlan : { ...basePlan, intake: new Map([...basePlan.intake].map(([year, n]) => [year, n * change.intakeFactor!])) };
    return cashFlow(change.model ?? model, { ...pricing, ...change.pricing }, plan).total.netSavings;
  };
  const scaled = (factor: number): SavingModel => (model.kind === "kroner" ? { ...model, perParticipant: model.perParticipant * factor } : scaleProfile(model, factor));
  const lines: BusinessCase["sensitivity"] = [];
  const addLine = (key: string, label: string, lowValue: string, highValue: string, netLow: number, netHigh: number) =>
    lines.push({ key, label, lowValue, highValue, netLow, netHigh, impact: Math.abs(netHigh - netLow) });
  addLine("benefitRate", texts.sensBenefitRate, texts.valuePercent("-10"), texts.valuePercent("+10"), netWith({ pricing: { rateFactor: 0.9 } }), netWith({ pricing: { rateFactor: 1.1 } }));
  if (model.kind !== "kroner") {
    addLine("cofinancing", texts.sensCofinancing, texts.valuePoints("-10"), texts.valuePoints("+10"), netWith({ pricing: { shareShift: -0.1 } }), netWith({ pricing: { shareShift: 0.1 } }));
  }
  addLine("intake", texts.sensIntake, texts.valuePercent("-20"), texts.valuePercent("+20"), netWith({ intakeFactor: 0.8 }), netWith({ intakeFactor: 1.2 }));
  if (flow.total.lower !== null && flow.total.upper !== null) {
    addLine("effect", texts.sensEffectInterval, texts.lowerBound, texts.upperBound, flow.total.lower, flow.total.upper);
  } else {
    addLine("effect", texts.sensEffectDays, texts.valuePercent("-25"), texts.valuePercent("+25"), netWith({ model: scaled(0.75) }), netWith({ model: scaled(1.25) }));
  }
  const horizonNets = model.kind === "kroner" ? kronerHorizons(results, netWith) : dayHorizons(base, horizon, netWith);
  if (horizonNets.length > 1) {
    const low = horizonNets[0]!;
    const high = horizonNets[horizonNets.length - 1]!;
    addLine("horizon", texts.sensHorizon, texts.valueDays(low.horizon), texts.valueDays(high.horizon), low.net, high.net);
  }
  if (model.kind !== "kroner") {
    addLine("priorWeeks", texts.sensPriorWeeks, texts.valueWeeks(priorWeeks), texts.valueWeeks(priorWeeks + 26), flow.total.netSavings, netWith({ pricing: { priorWeeks: priorWeeks + 26 } }));
  }
  const grantHigh = Math.max(0.5, pricing.grantShare);
  addLine("regionalGrant", texts.labelRegionalGrant, texts.valuePercent("0"), texts.valuePercent(String(Math.round(grantHigh * 100))), netWith({ pricing: { grantShare: 0 } }), netWith({ pricing: { grantShare: grantHigh } }));
  lines.sort((a, b) => b.impact - a.impact);
  return lines;
}

type NetWith = (change: { model?: SavingModel }) => number;

/** Total net at each configured horizon within the curves' follow-up (saved days), ascending. */
function dayHorizons(base: SensitivityBase, horizon: number, netWith: NetWith): { horizon: number; net: number }[] {
  const { model, results, flow } = base;
  if (model.kind === "kroner") return [];
  const horizons = [...new Set([...base.horizonsDays, horizon])].sort((a, b) => a - b);
  const nets: { horizon: number; net: number }[] = [];
  for (const candidate of horizons) {
    if (candidate === horizon) {
      nets.push({ horizon: candidate, net: flow.total.netSavings });
      continue;
    }
    if (results) {
      const lastTime = Math.min(results.km.control.at(-1)!.time, results.km.intervention.at(-1)!.time);
      if (candidate > lastTime) continue;
      const candidateProfile = measuredProfile(results, candidate, undefined);
      const scaled = model.curves ? scaleProfile(candidateProfile, model.curves.scale) : candidateProfile;
      nets.push({ horizon: candidate, net: netWith({ model: model.kind === "flat" ? flatProfile(model.daysSaved, candidate) : scaled }) });
    } else {
      nets.push({ horizon: candidate, net: netWith({ model: flatProfile(model.daysSaved, candidate) }) });
    }
  }
  return nets;
}

/** Total net at each horizon results.json's expenditure has a saving for (kroner saving), ascending. */
function kronerHorizons(results: BusinessCaseResultsInput | undefined, netWith: NetWith): { horizon: number; net: number }[] {
  const byHorizon = results?.expenditure?.byHorizon ?? [];
  return byHorizon
    .filter((entry) => entry.saving.estimate !== null)
    .sort((a, b) => a.tau - b.tau)
    .map((entry) => ({ horizon: entry.tau, net: netWith({ model: { kind: "kroner", perParticipant: entry.saving.estimate!, se: entry.saving.se, horizon: entry.tau } }) }));
}
