import { defineConfig } from "vitest/config";

// Pin the time zone so date handling is tested the same way on every machine
// (arquero runs its tests under a fixed TZ). Copenhagen is where the users are;
// the code itself must not depend on it, and tests that would show such a
// dependence fail here rather than in a jobcentre.
process.env.TZ = "Europe/Copenhagen";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/**/*.test.ts", "notebooks/**/*.test.ts"],
    env: { TZ: "Europe/Copenhagen" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
