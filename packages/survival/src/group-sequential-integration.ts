/**
 * The joint distribution of sequentially computed z statistics under the null
 * hypothesis, by recursive numerical integration on a grid (Armitage, McPherson & Rowe
 * 1969; Jennison & Turnbull 2000, "Group Sequential Methods with Applications to
 * Clinical Trials", chapter 19). The derivation is in docs/methods.md, "Group-sequential
 * boundaries".
 *
 * Canonical joint distribution: Z_1, ..., Z_K at information fractions
 * t_1 < ... < t_K are jointly normal with mean 0, variance 1 and
 * Cov(Z_i, Z_j) = sqrt(t_i / t_j) for i <= j. Equivalently, with the score
 * S_k = Z_k sqrt(t_k), the increments S_k - S_{k-1} are independent N(0, t_k - t_{k-1}).
 * So the density of Z_k among the paths still running after look k-1 is
 *
 *     g_1(z) = φ(z)
 *     g_k(z) = ∫_{C_{k-1}} g_{k-1}(y) · sqrt(t_k / Δ_k) · φ((z sqrt(t_k) - y sqrt(t_{k-1})) / sqrt(Δ_k)) dy
 *
 * with Δ_k = t_k - t_{k-1} and C_{k-1} the continuation interval (lower_{k-1}, upper_{k-1})
 * of look k-1. Each integral is Simpson's rule on Jennison & Turnbull's grid (section
 * 19.2.1), which puts points densely where the normal density is large and sparsely in
 * its tails.
 *
 * Internal: the public functions (`groupSequentialBoundaries`,
 * `boundaryCrossingProbabilities`) validate their input; these trust it.
 */
import { normalCdf, normalDensity } from "./distributions.ts";

/**
 * Jennison & Turnbull's grid size parameter r: 6r - 1 points before trimming, 12r - 3 with
 * Simpson's midpoints. With r = 32 the crossing probabilities agree with r = 128 to about
 * 2e-9 and the critical values to better than 1e-7 (test/group-sequential.test.ts);
 * r = 16 gives about 1e-6 in the critical values.
 */
export const DEFAULT_GRID_SIZE = 32;

/** Points and Simpson weights for ∫_lower^upper f(x) dx ≈ Σ weights[i] f(points[i]). */
export interface IntegrationGrid {
  points: Float64Array;
  weights: Float64Array;
}

/**
 * Jennison & Turnbull's grid (2000, section 19.2.1) for integrating a function times a
 * density close to N(0, 1) over (lower, upper), either end possibly infinite.
 *
 * The 6r - 1 raw points are
 *
 *     x_i = -3 - 4 log(r / i)              i = 1, ..., r - 1        (the lower tail, log-spaced)
 *     x_i = -3 + 3 (i - r) / (2r)          i = r, ..., 5r           (the middle, evenly spaced)
 *     x_i =  3 + 4 log(r / (6r - i))       i = 5r + 1, ..., 6r - 1  (the upper tail)
 *
 * reaching ±(3 + 4 log r). Points below `lower` are dropped except the largest, which is
 * moved to `lower`; the same at `upper`. With the m points left, z_1 < ... < z_m, each
 * panel [z_i, z_{i+1}] gets Simpson's rule with its midpoint: 2m - 1 points, weights
 * h/6, 4h/6, h/6 per panel of width h.
 */
export function integrationGrid(lower: number, upper: number, gridSize: number = DEFAULT_GRID_SIZE): IntegrationGrid {
  const rawCount = 6 * gridSize - 1;
  const raw = new Float64Array(rawCount);
  for (let i = 1; i <= rawCount; i++) {
    let point: number;
    if (i < gridSize) point = -3 - 4 * Math.log(gridSize / i);
    else if (i <= 5 * gridSize) point = -3 + (3 * (i - gridSize)) / (2 * gridSize);
    else point = 3 + 4 * Math.log(gridSize / (6 * gridSize - i));
    raw[i - 1] = point;
  }
  const nodes: number[] = [];
  if (raw[0]! <= lower) nodes.push(lower);
  for (const point of raw) if (point > lower && point < upper) nodes.push(point);
  if (raw[rawCount - 1]! >= upper) nodes.push(upper);

  const panels = nodes.length - 1;
  const points = new Float64Array(2 * panels + 1);
  const weights = new Float64Array(2 * panels + 1);
  for (let panel = 0; panel < panels; panel++) {
    const left = nodes[panel]!;
    const right = nodes[panel + 1]!;
    const width = right - left;
    points[2 * panel] = left;
    points[2 * panel + 1] = (left + right) / 2;
    points[2 * panel + 2] = right;
    weights[2 * panel]! += width / 6;
    weights[2 * panel + 1]! += (4 * width) / 6;
    weights[2 * panel + 2]! += width / 6;
  }
  return { points, weights };
}

/**
 * The sub-density g_k of Z_k over the paths that have not crossed a boundary at looks
 * 1, ..., k (so it integrates to the probability of continuing past look k), on the grid
 * of the continuation interval of look k.
 */
export interface ContinuationDensity {
  /** Information fraction t_k of the look. */
  fraction: number;
  grid: IntegrationGrid;
  /** g_k at `grid.points`. */
  density: Float64Array;
}

/** g_1 = φ on the continuation interval (lower, upper) of the first look. */
export function firstLookDensity(fraction: number, lower: number, upper: number, gridSize: number = DEFAULT_GRID_SIZE): ContinuationDensity {
  const grid = integrationGrid(lower, upper, gridSize);
  const density = new Float64Array(grid.points.length);
  for (let j = 0; j < density.length; j++) density[j] = normalDensity(grid.points[j]!);
  return { fraction, grid, density };
}

/**
 * g_k from g_{k-1}: for each point z of look k's grid,
 * g_k(z) = Σ_i w_i g_{k-1}(y_i) sqrt(t_k / Δ_k) φ((z sqrt(t_k) - y_i sqrt(t_{k-1})) / sqrt(Δ_k)).
 */
export function nextLookDensity(previous: ContinuationDensity, fraction: number, lower: number, upper: number, gridSize: number = DEFAULT_GRID_SIZE): ContinuationDensity {
  const grid = integrationGrid(lower, upper, gridSize);
  const rootPrevious = Math.sqrt(previous.fraction);
  const rootCurrent = Math.sqrt(fraction);
  const rootIncrement = Math.sqrt(fraction - previous.fraction);
  const previousPoints = previous.grid.points;
  // Weighted previous density: w_i g_{k-1}(y_i), computed once.
  const weightedPrevious = new Float64Array(previousPoints.length);
  for (let i = 0; i < previousPoints.length; i++) weightedPrevious[i] = previous.grid.weights[i]! * previous.density[i]!;
  const density = new Float64Array(grid.points.length);
  for (let j = 0; j < density.length; j++) {
    const scaledPoint = grid.points[j]! * rootCurrent;
    let sum = 0;
    for (let i = 0; i < previousPoints.length; i++) {
      const standardized = (scaledPoint - previousPoints[i]! * rootPrevious) / rootIncrement;
      sum += weightedPrevious[i]! * Math.exp(-0.5 * standardized * standardized);
    }
    density[j] = (sum * rootCurrent) / (rootIncrement * Math.sqrt(2 * Math.PI));
  }
  return { fraction, grid, density };
}

/**
 * Probability that a path still running after the previous look crosses at this look:
 * above `upper` (Z_k >= upper) and below `lower` (Z_k <= lower),
 *
 *     P(upper) = Σ_i w_i g_{k-1}(y_i) (1 - Φ((upper sqrt(t_k) - y_i sqrt(t_{k-1})) / sqrt(Δ_k)))
 *     P(lower) = Σ_i w_i g_{k-1}(y_i) Φ((lower sqrt(t_k) - y_i sqrt(t_{k-1})) / sqrt(Δ_k))
 *
 * (the inner integral over z is done exactly by Φ). For the first look pass
 * `previous = null`: P(upper) = 1 - Φ(upper), P(lower) = Φ(lower).
 */
export function crossingAtLook(previous: ContinuationDensity | null, fraction: number, lower: number, upper: number): { upper: number; lower: number } {
  if (previous === null) return { upper: normalCdf(-upper), lower: normalCdf(lower) };
  const rootPrevious = Math.sqrt(previous.fraction);
  const rootCurrent = Math.sqrt(fraction);
  const rootIncrement = Math.sqrt(fraction - previous.fraction);
  const { points, weights } = previous.grid;
  let upperSum = 0;
  let lowerSum = 0;
  for (let i = 0; i < points.length; i++) {
    const mass = weights[i]! * previous.density[i]!;
    const shift = points[i]! * rootPrevious;
    if (upper !== Number.POSITIVE_INFINITY) upperSum += mass * normalCdf(-(upper * rootCurrent - shift) / rootIncrement);
    if (lower !== Number.NEGATIVE_INFINITY) lowerSum += mass * normalCdf((lower * rootCurrent - shift) / rootIncrement);
  }
  return { upper: upperSum, lower: lowerSum };
}

/**
 * How fast the crossing probability of a symmetric (two-sided) or upper (one-sided)
 * boundary c falls as c grows, d/dc [P(Z_k >= c) + P(Z_k <= -c)] among running paths:
 *
 *     -Σ_i w_i g_{k-1}(y_i) sqrt(t_k / Δ_k) [φ((c sqrt(t_k) - y_i sqrt(t_{k-1})) / sqrt(Δ_k)) + φ((-c sqrt(t_k) - y_i sqrt(t_{k-1})) / sqrt(Δ_k))]
 *
 * (the second term only two-sided). Used by Newton's method when solving for c.
 */
export function crossingSlopeAtLook(previous: ContinuationDensity, fraction: number, criticalValue: number, sided: 1 | 2): number {
  const rootPrevious = Math.sqrt(previous.fraction);
  const rootCurrent = Math.sqrt(fraction);
  const rootIncrement = Math.sqrt(fraction - previous.fraction);
  const { points, weights } = previous.grid;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const mass = weights[i]! * previous.density[i]!;
    const shift = points[i]! * rootPrevious;
    sum += mass * normalDensity((criticalValue * rootCurrent - shift) / rootIncrement);
    if (sided === 2) sum += mass * normalDensity((-criticalValue * rootCurrent - shift) / rootIncrement);
  }
  return (-sum * rootCurrent) / rootIncrement;
}
