import { describe, expect, it } from "vitest";
import {
  bernoulli,
  categorical,
  exponential,
  forkRandomSource,
  gamma,
  normal,
  poisson,
  randomSource,
  shuffle,
  uniformInt,
  type RandomSource,
} from "../src/random-source.ts";
import { meanAndStandardError as meanAndError } from "../src/descriptive.ts";

const draws = (random: RandomSource, count: number, draw: (random: RandomSource) => number) => Array.from({ length: count }, () => draw(random));

describe("randomSource", () => {
  it("randomSource(seed) repeats its sequence for the same seed and differs for another", () => {
    const first = draws(randomSource(20170101), 20, (random) => random.next());
    expect(draws(randomSource(20170101), 20, (random) => random.next())).toEqual(first);
    expect(draws(randomSource(20170102), 20, (random) => random.next())).not.toEqual(first);
    expect(draws(randomSource("20170101"), 20, (random) => random.next())).not.toEqual(first);
  });

  it("randomSource(seed).next() stays in [0, 1) with mean 1/2 and variance 1/12", () => {
    const values = draws(randomSource(1), 100_000, (random) => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const { mean, error } = meanAndError(values);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * error);
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it("forkRandomSource(parent) gives a child that does not repeat the parent's stream", () => {
    const parent = randomSource(7);
    const child = forkRandomSource(parent);
    const childValues = draws(child, 10, (random) => random.next());
    const parentValues = draws(parent, 10, (random) => random.next());
    expect(childValues).not.toEqual(parentValues);
    expect(draws(forkRandomSource(randomSource(7)), 10, (random) => random.next())).toEqual(childValues);
  });
});

describe("distribution helpers", () => {
  const count = 40_000;
  it("normal(random, mean, sd) has the asked mean and standard deviation", () => {
    const values = draws(randomSource(2), count, (random) => normal(random, 3, 2));
    const { mean, error } = meanAndError(values);
    expect(Math.abs(mean - 3)).toBeLessThan(4 * error);
    expect(error * Math.sqrt(count)).toBeCloseTo(2, 1);
  });

  it("gamma(random, shape, scale) has mean shape*scale, also for shape < 1", () => {
    for (const [shape, scale] of [[0.5, 2], [3, 1.5]] as const) {
      const { mean, error } = meanAndError(draws(randomSource(3), count, (random) => gamma(random, shape, scale)));
      expect(Math.abs(mean - shape * scale)).toBeLessThan(4 * error);
    }
  });

  it("exponential(random, rate) and poisson(random, mean) have the asked means", () => {
    const exponentials = meanAndError(draws(randomSource(4), count, (random) => exponential(random, 0.25)));
    expect(Math.abs(exponentials.mean - 4)).toBeLessThan(4 * exponentials.error);
    const counts = meanAndError(draws(randomSource(5), count, (random) => poisson(random, 12.5)));
    expect(Math.abs(counts.mean - 12.5)).toBeLessThan(4 * counts.error);
    expect(poisson(randomSource(5), 0)).toBe(0);
  });

  it("categorical(random, weights) picks in proportion and never a zero weight", () => {
    const weights = [1, 0, 3];
    const picks = draws(randomSource(6), count, (random) => categorical(random, weights));
    expect(picks.includes(1)).toBe(false);
    const share = meanAndError(picks.map((pick) => (pick === 2 ? 1 : 0)));
    expect(Math.abs(share.mean - 0.75)).toBeLessThan(4 * share.error);
    expect(() => categorical(randomSource(6), [0, 0])).toThrow(RangeError);
  });

  it("uniformInt, bernoulli and shuffle stay in range and keep the items", () => {
    const random = randomSource(8);
    const ints = draws(random, 1000, (source) => uniformInt(source, 3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const flags = meanAndError(draws(random, count, (source) => (bernoulli(source, 0.2) ? 1 : 0)));
    expect(Math.abs(flags.mean - 0.2)).toBeLessThan(4 * flags.error);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(shuffle(random, [...items]).sort((a, b) => a - b)).toEqual(items);
  });
});
