/**
 * Seeded random numbers for everything in jobtrial that draws at random: the
 * simulator, permutation tests, the bootstrap and power by simulation.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit
 * variant, from PractRand; passes PractRand and BigCrush), seeded through
 * splitmix32 from a number or through a 128-bit string hash (cyrb128) from a
 * string, with the first 12 outputs discarded. Never Math.random: the same seed
 * gives the same numbers on every machine and Node version, because sfc32 uses
 * only 32-bit integer operations.
 *
 * The interface is deliberately tiny, `{ next(): number }` in [0, 1), so any
 * caller can pass its own source (a fixed sequence in a test, for example).
 * The helpers below take the source as their first argument.
 */

/** A source of uniform numbers in [0, 1). */
export interface RandomSource {
  /** The next uniform number, 0 <= u < 1. */
  next(): number;
}

/** The seeded source `randomSource` returns: also gives raw 32-bit integers. */
export interface SeededRandomSource extends RandomSource {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
}

const TWO_POW_32 = 4_294_967_296;

/** splitmix32: spreads one 32-bit seed over four words of generator state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x21f0aaad);
    mixed = Math.imul(mixed ^ (mixed >>> 15), 0x735a2d97);
    return (mixed ^ (mixed >>> 15)) >>> 0;
  };
}

/** cyrb128: a 128-bit hash of a string, as four 32-bit words (bryc's public-domain hash). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 from four 32-bit words of state. */
function sfc32(state: [number, number, number, number]): SeededRandomSource {
  let [a, b, c, d] = state;
  const nextUint32 = (): number => {
    const sum = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + sum) | 0;
    return sum >>> 0;
  };
  for (let warmUp = 0; warmUp < 12; warmUp++) nextUint32();
  return { nextUint32, next: () => nextUint32() / TWO_POW_32 };
}

/**
 * A seeded random source (sfc32). A number seed is taken modulo 2^32 after
 * truncation (use whole numbers); a string seed is hashed, so "20170101" and
 * 20170101 give different streams.
 *
 * @example randomSource(1).next() // the same value on every machine
 */
export function randomSource(seed: number | string): SeededRandomSource {
  if (typeof seed === "string") return sfc32(cyrb128(seed));
  if (!Number.isFinite(seed)) throw new RangeError(`randomSource: the seed must be a finite number, got ${seed}`);
  const low = Math.trunc(seed) >>> 0;
  const high = Math.trunc(seed / TWO_POW_32) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x85ebca6b));
  return sfc32([mix(), mix(), mix(), mix()]);
}

/**
 * An independent child source, seeded from four draws of the parent. Forking
 * in a fixed order lets one part of a simulation be skipped without changing
 * the numbers another part gets.
 */
export function forkRandomSource(parent: RandomSource): SeededRandomSource {
  const word = () => Math.floor(parent.next() * TWO_POW_32) >>> 0;
  return sfc32([word(), word(), word(), word() | 1]);
}

/** Uniform number in [min, max). */
export function uniform(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random.next();
}

/** Uniform whole number from `min` to `max`, both included. */
export function uniformInt(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random.next() * (max - min + 1));
}

/** True with probability `probability`. */
export function bernoulli(random: RandomSource, probability: number): boolean {
  return random.next() < probability;
}

/**
 * Standard normal (or N(mean, sd^2)) by the Box-Muller transform, one value per
 * two uniforms (no cached second value, so the source stays the only state).
 */
export function normal(random: RandomSource, mean = 0, sd = 1): number {
  const u1 = 1 - random.next(); // (0, 1]
  const u2 = random.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Exponential with the given rate (mean 1/rate), by inversion. */
export function exponential(random: RandomSource, rate = 1): number {
  return -Math.log(1 - random.next()) / rate;
}

/**
 * Gamma(shape, scale) (mean shape*scale) by Marsaglia and Tsang (2000), "A simple
 * method for generating gamma variables", ACM TOMS 26(3); shape < 1 through
 * Gamma(shape + 1) * U^(1/shape).
 */
export function gamma(random: RandomSource, shape: number, scale = 1): number {
  if (!(shape > 0) || !(scale > 0)) throw new RangeError(`gamma: shape and scale must be positive, got ${shape}, ${scale}`);
  if (shape < 1) {
    const boost = Math.pow(1 - random.next(), 1 / shape);
    return gamma(random, shape + 1, scale) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/**
 * Poisson count with the given mean: counts unit-rate exponential arrivals in
 * [0, mean), so it is exact and costs about `mean` uniforms (fine for the means
 * the simulator uses, up to a few thousand). Mean 0 gives 0.
 */
export function poisson(random: RandomSource, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson: the mean must be finite and >= 0, got ${mean}`);
  let count = 0;
  let time = exponential(random);
  while (time < mean) {
    count++;
    time += exponential(random);
  }
  return count;
}

/**
 * Index drawn with probability proportional to `weights` (non-negative, not all
 * zero). Linear scan: for the short category lists of the simulator.
 */
export function categorical(random: RandomSource, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = random.next() * total;
  for (let index = 0; index < weights.length; index++) {
    target -= weights[index]!;
    if (target < 0) return index;
  }
  // Rounding left a sliver: the last category with weight.
  for (let index = weights.length - 1; index >= 0; index--) if (weights[index]! > 0) return index;
  throw new RangeError("categorical: the weights must not all be zero");
}

/** Fisher-Yates shuffle in place; returns the array. */
export function shuffle<T>(random: RandomSource, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random.next() * (index + 1));
    const kept = items[index]!;
    items[index] = items[other]!;
    items[other] = kept;
  }
  return items;
}
