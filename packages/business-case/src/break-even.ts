/**
 * Break-even: the days saved per participant, and the participants per year, at which the
 * total net saving over the years counted is zero
 * (packages/business-case/docs/business-case.md, "Break-even").
 */
import { cashFlow, type CashFlow, type Plan } from "./cash-flow.ts";
import type { Pricing } from "./pricing.ts";
import { flatProfile } from "./saved-days-profile.ts";
import { modelHorizon, type SavingModel } from "./saving-model.ts";

/** Break-even of one plan; null where no effect or intake makes the net saving zero. */
export interface BreakEven {
  /** Days saved per participant at which total net savings are zero. */
  days: number | null;
  /** Participants per programme year (all years scaled alike) at which total net savings are zero. */
  participants: number | null;
  /** "measured": the profile's shape scaled; "flat": saved days spread evenly over the horizon. */
  basis: "measured" | "flat";
}

/**
 * Scaling the profile by s scales gross minus grant: net(s) = s x (gross - grant) - cost, so
 * days = daysSaved x cost / (gross - grant). When the profile saves nothing (or loses), or the
 * saving is in kroner (no days to scale), the flat profile of one day gives the price of a
 * day: days = cost / (gross - grant of 1 day). Participants: intake scales gross alike, so
 * mean intake x cost / (gross - grant), null when gross - grant <= 0.
 *
 * @example
 * // 9 days saved give gross 6M against cost 5M: break-even at 9 x 5 / 6 = 7.5 days
 * breakEven(profile, pricing, flow, plan).days // 7.5
 */
export function breakEven(model: SavingModel, pricing: Pricing, flow: CashFlow, plan: Plan): BreakEven {
  const horizon = modelHorizon(model);
  const meanIntake = plan.programmeYears.reduce((sum, year) => sum + (plan.intake.get(year) ?? 0), 0) / plan.programmeYears.length;
  let days: number | null = null;
  let basis: "measured" | "flat" = model.kind === "measured" || model.kind === "measured-scaled" ? "measured" : "flat";
  if (model.kind !== "kroner" && model.daysSaved > 0 && flow.netGross > 0) {
    days = (model.daysSaved * flow.totalCost) / flow.netGross;
  } else {
    basis = "flat";
    const perDay = cashFlow(flatProfile(1, horizon), pricing, plan).netGross;
    days = perDay > 0 ? flow.totalCost / perDay : null;
  }
  const participants = flow.netGross > 0 ? (meanIntake * flow.totalCost) / flow.netGross : null;
  return { days, participants, basis };
}
