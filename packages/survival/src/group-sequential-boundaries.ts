/**
 * Group-sequential boundaries by Lan-DeMets alpha spending, as rpact's
 * `getDesignGroupSequential(typeOfDesign = "asOF" | "asP", informationRates, alpha, sided)`
 * computes them, and the crossing probabilities of given boundaries.
 */
import { z } from "zod";
import { normalCdf, normalQuantile } from "./distributions.ts";
import {
  crossingAtLook,
  crossingSlopeAtLook,
  DEFAULT_GRID_SIZE,
  firstLookDensity,
  nextLookDensity,
  type ContinuationDensity,
} from "./group-sequential-integration.ts";
import { GroupSequentialError, type GroupSequentialIssue } from "./group-sequential-messages.ts";
import { alphaSpending, SPENDING_FUNCTIONS, type SpendingFunction } from "./group-sequential-spending.ts";

const InformationRatesSchema = z.array(z.number());
const SidedSchema = z.union([z.literal(1), z.literal(2)]);

export const GroupSequentialOptionsSchema = z.object({
  /**
   * Information fractions t_1 < ... < t_K of the looks, each above 0 and at most 1: the
   * observed information at the look over the information expected at the final
   * analysis (`informationFraction`). The final analysis has t = 1 and spends what is
   * left of alpha. The list may stop before 1 (the looks so far): the boundary at a look
   * depends only on that look's and the earlier fractions, so recomputing with the
   * observed fractions as the trial goes on never changes a boundary already used.
   */
  informationRates: InformationRatesSchema,
  /** Total type I error; for `sided` = 2 the two-sided total (alpha/2 on each side). Default: 0.05 */
  alpha: z.number().default(0.05),
  /**
   * 2: reject at look k when |Z_k| >= c_k; 1: reject when Z_k >= c_k (no lower boundary,
   * no futility stopping). Default: 2 (rpact's default is 1, with alpha 0.025)
   */
  sided: SidedSchema.default(2),
  /** Lan-DeMets spending function: "obrien-fleming" (rpact "asOF") or "pocock" (rpact "asP"). Default: "obrien-fleming" */
  spending: z.enum(SPENDING_FUNCTIONS).default("obrien-fleming"),
});
export type GroupSequentialOptions = z.input<typeof GroupSequentialOptionsSchema>;

/** Boundaries of a group-sequential design, field for field as rpact reports them. */
export interface GroupSequentialBoundaries {
  informationRates: number[];
  alpha: number;
  sided: 1 | 2;
  spending: SpendingFunction;
  /** z boundary c_k of each look (reject when |Z_k| >= c_k two-sided, Z_k >= c_k one-sided); Infinity where the spending function spends nothing (underflow at a tiny fraction). */
  criticalValues: number[];
  /** Cumulative alpha spent by each look, α(t_k) (the two-sided total for sided = 2); alpha at t = 1. */
  alphaSpent: number[];
  /** One-sided nominal level of each look, 1 - Φ(c_k) (rpact's `stageLevels`; double it for the two-sided nominal p). */
  stageLevels: number[];
}

/** The first problem with the options, or the parsed options. */
function parseOptions(input: GroupSequentialOptions): z.infer<typeof GroupSequentialOptionsSchema> {
  const parsed = GroupSequentialOptionsSchema.safeParse(input);
  if (!parsed.success) throw new GroupSequentialError(issueFromSchema(parsed.error, input));
  const options = parsed.data;
  if (!(options.alpha > 0 && options.alpha < 1)) throw new GroupSequentialError({ code: "alpha_out_of_range", value: options.alpha });
  checkInformationRates(options.informationRates);
  return options;
}

/** Fractions: at least one, each in (0, 1], strictly increasing. */
export function checkInformationRates(rates: readonly number[]): void {
  if (rates.length === 0) throw new GroupSequentialError({ code: "no_looks" });
  rates.forEach((value, index) => {
    if (!(value > 0 && value <= 1)) throw new GroupSequentialError({ code: "fraction_out_of_range", position: index + 1, value });
    if (index > 0 && !(value > rates[index - 1]!)) {
      throw new GroupSequentialError({ code: "fractions_not_increasing", position: index + 1, value, previous: rates[index - 1]! });
    }
  });
}

function issueFromSchema(error: z.ZodError, input: GroupSequentialOptions): GroupSequentialIssue {
  const first = error.issues[0]!;
  const [field, index] = first.path;
  const raw = input as Record<string, unknown>;
  switch (field) {
    case "informationRates":
      if (typeof index === "number") return { code: "fraction_out_of_range", position: index + 1, value: (raw["informationRates"] as unknown[])[index] as number };
      return { code: "invalid_options", detail: `informationRates must be a list of numbers (${first.message})` };
    case "alpha":
      return { code: "alpha_out_of_range", value: raw["alpha"] };
    case "sided":
      return { code: "sided_invalid", value: raw["sided"] };
    case "spending":
      return { code: "unknown_spending", value: raw["spending"], known: SPENDING_FUNCTIONS };
    default:
      return { code: "invalid_options", detail: `${first.path.join(".") || "options"}: ${first.message}` };
  }
}

/**
 * Group-sequential boundaries by Lan-DeMets alpha spending (Lan & DeMets 1983): at look
 * k the boundary c_k is the value whose crossing probability under H0, among the paths
 * that have not crossed at looks 1..k-1, equals the alpha allotted to the look,
 *
 *     P(cross at k, not before) = α(t_k) - α(t_{k-1}),
 *
 * with "cross" meaning |Z_k| >= c_k (two-sided, symmetric) or Z_k >= c_k (one-sided).
 * The first look is closed form, c_1 = Φ⁻¹(1 - α(t_1) / sided); later looks solve the
 * equation by bisection, the probability computed under the canonical joint distribution
 * (correlation sqrt(t_i / t_j)) by recursive numerical integration (Armitage, McPherson
 * & Rowe 1969; Jennison & Turnbull 2000, ch. 19; see docs/methods.md). One look gives the
 * fixed-sample z, Φ⁻¹(1 - alpha/2) two-sided; the cumulative alpha spent at t = 1 is alpha.
 *
 * Agrees with rpact 3.3.4 to better than 1e-7 on the shared `group_sequential` case
 * (tolerance 1e-5). rpact writes the final `alphaSpent` as alpha - 1e-8 (0.04999999);
 * here it is alpha.
 *
 * @example groupSequentialBoundaries({ informationRates: [0.25, 0.5, 0.75, 1] }).criticalValues // [4.33263, 2.96313, 2.35904, 2.01409] (rpact: getDesignGroupSequential(kMax = 4, alpha = 0.05, sided = 2, typeOfDesign = "asOF", informationRates = c(0.25, 0.5, 0.75, 1)))
 */
export function groupSequentialBoundaries(options: GroupSequentialOptions): GroupSequentialBoundaries {
  const { informationRates, alpha, sided, spending } = parseOptions(options);
  return spendingBoundaries(informationRates, alpha, sided, spending);
}

/** The boundaries for validated input (internal); `gridSize` is Jennison & Turnbull's r. */
export function spendingBoundaries(
  informationRates: readonly number[],
  alpha: number,
  sided: 1 | 2,
  spending: SpendingFunction,
  gridSize: number = DEFAULT_GRID_SIZE,
): GroupSequentialBoundaries {
  const alphaSpent = informationRates.map((fraction) => alphaSpending(fraction, alpha, sided, spending));
  const criticalValues: number[] = [];
  let previous: ContinuationDensity | null = null;
  informationRates.forEach((fraction, look) => {
    const increment = alphaSpent[look]! - (look === 0 ? 0 : alphaSpent[look - 1]!);
    const criticalValue = solveCriticalValue(previous, fraction, sided, increment);
    criticalValues.push(criticalValue);
    if (look < informationRates.length - 1) {
      const lower = sided === 2 ? -criticalValue : Number.NEGATIVE_INFINITY;
      previous = previous === null ? firstLookDensity(fraction, lower, criticalValue, gridSize) : nextLookDensity(previous, fraction, lower, criticalValue, gridSize);
    }
  });
  return {
    informationRates: [...informationRates],
    alpha,
    sided,
    spending,
    criticalValues,
    alphaSpent,
    stageLevels: criticalValues.map((criticalValue) => normalCdf(-criticalValue)),
  };
}

/**
 * The c that spends `increment` at this look: P(cross at this look | running) = increment.
 * The crossing probability falls as c grows. It is at most sided · (1 - Φ(c)) (the
 * probability of crossing at this look at all), so c = Φ⁻¹(1 - increment / sided) is an
 * upper bracket; at c = 0 (two-sided) or far below (one-sided) every running path
 * crosses, which is more than the increment. Newton's method from the upper bracket,
 * kept inside the bracket (a step that leaves it is replaced by bisection), until the
 * step is below 1e-12: 3 to 5 iterations.
 */
function solveCriticalValue(previous: ContinuationDensity | null, fraction: number, sided: 1 | 2, increment: number): number {
  if (!(increment > 0)) return Number.POSITIVE_INFINITY;
  const fixedSample = -normalQuantile(increment / sided);
  if (previous === null) return fixedSample;
  let high = fixedSample;
  let low = sided === 2 ? 0 : fixedSample - 20;
  let criticalValue = fixedSample;
  for (let iteration = 0; iteration < 100; iteration++) {
    const { upper, lower } = crossingAtLook(previous, fraction, sided === 2 ? -criticalValue : Number.NEGATIVE_INFINITY, criticalValue);
    const crossing = upper + lower;
    if (crossing > increment) low = criticalValue;
    else high = criticalValue;
    // Newton on the log scale, where a normal tail is close to a parabola in c.
    const slope = crossingSlopeAtLook(previous, fraction, criticalValue, sided);
    const newtonStep = -(Math.log(crossing / increment) * crossing) / slope;
    if (Math.abs(newtonStep) < 1e-12) return criticalValue + newtonStep;
    const next = criticalValue + newtonStep;
    criticalValue = next > low && next < high ? next : (low + high) / 2;
    if (high - low < 1e-12) break;
  }
  return criticalValue;
}

export const CrossingOptionsSchema = z.object({
  /** Information fractions of the looks, increasing, each in (0, 1]. */
  informationRates: InformationRatesSchema,
  /** Boundary c_k of each look (Infinity: no boundary at that look). */
  criticalValues: z.array(z.number().or(z.literal(Number.POSITIVE_INFINITY))),
  /** 2: crossing is |Z_k| >= c_k; 1: Z_k >= c_k. Default: 2 */
  sided: SidedSchema.default(2),
});
export type CrossingOptions = z.input<typeof CrossingOptionsSchema>;

/** Probability under H0 of stopping at each look, by boundary side. */
export interface CrossingProbabilities {
  /** P(Z_k >= c_k and no crossing before look k). */
  upper: number[];
  /** P(Z_k <= -c_k and no crossing before look k); zeros for one-sided boundaries. */
  lower: number[];
  /** Cumulative probability of having crossed by look k (both sides). */
  cumulative: number[];
}

/**
 * Crossing probabilities of given boundaries under the null hypothesis, by the same
 * recursive integration as `groupSequentialBoundaries` (the canonical joint
 * distribution, correlation sqrt(t_i / t_j)). With the boundaries of a design the
 * cumulative probability is its alpha spent; with the unadjusted 1.96 at every look it is
 * the false-positive rate of the naive rule.
 *
 * @example boundaryCrossingProbabilities({ informationRates: [0.25, 0.5, 0.75, 1], criticalValues: [1.6448536269514722, 1.6448536269514722, 1.6448536269514722, 1.6448536269514722], sided: 2 }).upper // [0.05, 0.030074925, 0.020961248, 0.01595848] (rpact: getGroupSequentialProbabilities(matrix(c(rep(-qnorm(0.95), 4), rep(qnorm(0.95), 4)), nrow = 2, byrow = TRUE), (1:4) / 4): rows 3 - 2)
 */
export function boundaryCrossingProbabilities(options: CrossingOptions): CrossingProbabilities {
  const parsed = CrossingOptionsSchema.safeParse(options);
  if (!parsed.success) throw new GroupSequentialError(issueFromSchema(parsed.error, options as GroupSequentialOptions));
  const { informationRates, criticalValues, sided } = parsed.data;
  checkInformationRates(informationRates);
  if (criticalValues.length !== informationRates.length) {
    throw new GroupSequentialError({ code: "invalid_options", detail: `${criticalValues.length} critical values for ${informationRates.length} information fractions; give one per look` });
  }
  return crossingProbabilities(informationRates, criticalValues, sided);
}

/** Crossing probabilities for validated input (internal). */
export function crossingProbabilities(
  informationRates: readonly number[],
  criticalValues: readonly number[],
  sided: 1 | 2,
  gridSize: number = DEFAULT_GRID_SIZE,
): CrossingProbabilities {
  const upper: number[] = [];
  const lower: number[] = [];
  const cumulative: number[] = [];
  let previous: ContinuationDensity | null = null;
  let crossedSoFar = 0;
  informationRates.forEach((fraction, look) => {
    const upperBoundary = criticalValues[look]!;
    const lowerBoundary = sided === 2 ? -upperBoundary : Number.NEGATIVE_INFINITY;
    const crossing = crossingAtLook(previous, fraction, lowerBoundary, upperBoundary);
    upper.push(crossing.upper);
    lower.push(crossing.lower);
    crossedSoFar += crossing.upper + crossing.lower;
    cumulative.push(crossedSoFar);
    if (look < informationRates.length - 1) {
      previous = previous === null
        ? firstLookDensity(fraction, lowerBoundary, upperBoundary, gridSize)
        : nextLookDensity(previous, fraction, lowerBoundary, upperBoundary, gridSize);
    }
  });
  return { upper, lower, cumulative };
}
