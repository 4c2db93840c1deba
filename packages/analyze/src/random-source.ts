/**
 * Seeded randomness for the resampling methods (permutation test, bootstrap). Randomness
 * is injected as a `randomSource` with the package's shape `{ next(): number }` (uniform in
 * [0, 1), the same shape as the simulator's sources); nothing here reads global state or
 * Math.random, so a seed reproduces a result exactly.
 */

/** A source of uniform random numbers in [0, 1): `next()`. */
export interface RandomSourceLike {
  next(): number;
}

/**
 * xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32; 32-bit output scaled to
 * [0, 1). Small, fast and good enough for permutation and bootstrap resampling.
 *
 * @example createRandomSource(20170101).next() // the same number on every machine
 */
export function createRandomSource(seed: number): RandomSourceLike {
  let seedState = seed >>> 0;
  const splitmix32 = () => {
    seedState = (seedState + 0x9e3779b9) >>> 0;
    let value = seedState;
    value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
    value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
    return (value ^ (value >>> 16)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  const next = () => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= shifted;
    s3 = rotateLeft(s3, 11);
    return result / 4294967296;
  };
  return { next };
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** Uniform integer in 0..size-1 from a random source. */
export function randomIndex(random: RandomSourceLike, size: number): number {
  return Math.min(size - 1, Math.floor(random.next() * size));
}
