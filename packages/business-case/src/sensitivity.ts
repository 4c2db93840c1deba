/**
 * Sensitivity: the total net saving over the years counted with one input moved at a time,
 * the lines ordered by how much they move it (packages/business-case/docs/business-case.md,
 * "Sensitivity").
 */
import { cashFlow, type CashFlow, type Plan } from "./cash-flow.ts";
import type { Pricing } from "./pricing.ts";
import type { BusinessCaseResultsInput } from "./results-input.ts";
import { flatProfile, measuredProfile, scaleProfile, type Profile } from "./saved-days-profile.ts";
import type { BusinessCase } from "./schema.ts";

/** What the sensitivity moves the inputs around. */
export interface SensitivityBase {
  profile: Profile;
  pricing: Pricing;
  plan: Plan;
  /** The cash flow of profile, pricing and plan as they are. */
  flow: CashFlow;
  /** The measured curves, for the horizon line; undefined in a what-if. */
  results: BusinessCaseResultsInput | undefined;
  /** The configuration's evaluation.horizonsDays. */
  horizonsDays: readonly number[];
}

/**
 * One line per input, low and high: benefit rate -10 % / +10 %; co-financing -10 / +10
 * percentage points on every step (clamped to 0-1); participants -20 % / +20 %; the effect
 * (with curves: the 95 % interval of total net savings; without: days saved -25 % / +25 %);
 * the horizon (the shortest and longest of the configured horizons within the follow-up,
 * when there are two); prior weeks 0 / +26; the regional grant netted at 0 % / max(50 %,
 * configured). Ordered by impact = |net at high - net at low|, largest first.
 *
 * @example sensitivity(base).map((line) => line.key) // ["effect", "regionalGrant", "intake", "cofinancing", "priorWeeks", "benefitRate", "horizon"] (trial_days fixture)
 */
export function sensitivity(base: SensitivityBase): BusinessCase["sensitivity"] {
  const { profile, pricing, plan: basePlan, flow, results } = base;
  const horizon = profile.diffAreas.length;
  const priorWeeks = pricing.priorWeeks;
  const netWith = (change: { pricing?: Partial<Pricing>; intakeFactor?: number; profile?: Profile }) => {
    const plan: Plan = change.intakeFactor === undefined ? basePlan : { ...basePlan, intake: new Map([...basePlan.intake].map(([year, n]) => [year, n * change.intakeFactor!])) };
    return cashFlow(change.profile ?? profile, { ...pricing, ...change.pricing }, plan).total.netSavings;
  };
  const lines: BusinessCase["sensitivity"] = [];
  const addLine = (key: string, label: string, lowValue: string, highValue: string, netLow: number, netHigh: number) =>
    lines.push({ key, label, lowValue, highValue, netLow, netHigh, impact: Math.abs(netHigh - netLow) });
  addLine("benefitRate", "Dagpengesats", "-10 %", "+10 %", netWith({ pricing: { rateFactor: 0.9 } }), netWith({ pricing: { rateFactor: 1.1 } }));
  addLine("cofinancing", "Kommunal medfinansiering (alle trin)", "-10 procentpoint", "+10 procentpoint", netWith({ pricing: { shareShift: -0.1 } }), netWith({ pricing: { shareShift: 0.1 } }));
  addLine("intake", "Deltagere pr. år", "-20 %", "+20 %", netWith({ intakeFactor: 0.8 }), netWith({ intakeFactor: 1.2 }));
  if (flow.total.lower !== null && flow.total.upper !== null) {
    addLine("effect", "Effekt (95 %-interval, deltametoden)", "nedre grænse", "øvre grænse", flow.total.lower, flow.total.upper);
  } else {
    addLine("effect", "Effekt (sparede dage)", "-25 %", "+25 %", netWith({ profile: scaleProfile(profile, 0.75) }), netWith({ profile: scaleProfile(profile, 1.25) }));
  }
  const horizons = [...new Set([...base.horizonsDays, horizon])].sort((a, b) => a - b);
  const horizonNets: { horizon: number; net: number }[] = [];
  for (const candidate of horizons) {
    if (candidate === horizon) {
      horizonNets.push({ horizon: candidate, net: flow.total.netSavings });
      continue;
    }
    if (results) {
      const lastTime = Math.min(results.km.control.at(-1)!.time, results.km.intervention.at(-1)!.time);
      if (candidate > lastTime) continue;
      const candidateProfile = measuredProfile(results, candidate, undefined);
      const scaled = profile.curves ? scaleProfile(candidateProfile, profile.curves.scale) : candidateProfile;
      horizonNets.push({ horizon: candidate, net: cashFlow(profile.kind === "flat" ? flatProfile(profile.daysSaved, candidate) : scaled, pricing, basePlan).total.netSavings });
    } else {
      horizonNets.push({ horizon: candidate, net: cashFlow(flatProfile(profile.daysSaved, candidate), pricing, basePlan).total.netSavings });
    }
  }
  if (horizonNets.length > 1) {
    const low = horizonNets[0]!;
    const high = horizonNets[horizonNets.length - 1]!;
    addLine("horizon", "Horisont (dage)", `${low.horizon} dage`, `${high.horizon} dage`, low.net, high.net);
  }
  addLine("priorWeeks", "Forudgående uger på offentlig forsørgelse (anciennitet)", `${priorWeeks} uger`, `${priorWeeks + 26} uger`, flow.total.netSavings, netWith({ pricing: { priorWeeks: priorWeeks + 26 } }));
  const grantHigh = Math.max(0.5, pricing.grantShare);
  addLine("regionalGrant", "Modregning af beskæftigelsestilskud", "0 %", `${Math.round(grantHigh * 100)} %`, netWith({ pricing: { grantShare: 0 } }), netWith({ pricing: { grantShare: grantHigh } }));
  lines.sort((a, b) => b.impact - a.impact);
  return lines;
}
