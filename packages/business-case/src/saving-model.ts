/**
 * What the cash flow prices: either saved days spread over the spell (`Profile`, priced day
 * by day at the benefit rate and co-financing step of the calendar year each day falls in),
 * or a saving per participant already in kroner (`KronerSaving`: analyze's expenditure
 * difference, priced per benefit and anciennitet step from the benefit panel), spread
 * evenly over its horizon (packages/business-case/docs/business-case.md, "Per year").
 */
import { priceProfile, type Priced, type Profile } from "./saved-days-profile.ts";

/** A measured saving per participant in kroner within `horizon` days, with its standard error (null: a what-if). */
export interface KronerSaving {
  kind: "kroner";
  perParticipant: number;
  se: number | null;
  horizon: number;
}

export type SavingModel = Profile | KronerSaving;

/** The horizon the model's saving accrues over, in days. */
export function modelHorizon(model: SavingModel): number {
  return model.kind === "kroner" ? model.horizon : model.diffAreas.length;
}

/**
 * The model priced under weights per day, with its delta-method variance: for saved days
 * `priceProfile`; for a kroner saving value = saving x sum_k w_k and variance
 * (SE x sum_k w_k)^2 (linear in the saving, so exact given its SE).
 *
 * @example priceModel({ kind: "kroner", perParticipant: 1000, se: 500, horizon: 2 }, [0.5, 0.5]) // { value: 1000, variance: 250000 }
 */
export function priceModel(model: SavingModel, weights: readonly number[]): Priced {
  if (model.kind !== "kroner") return priceProfile(model, weights);
  const placed = weights.reduce((sum, weight) => sum + weight, 0);
  return { value: model.perParticipant * placed, variance: model.se === null ? null : (model.se * placed) ** 2 };
}
