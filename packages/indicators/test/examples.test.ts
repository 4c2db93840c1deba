/**
 * The four example projects' data in data/ are what the seeded simulation writes: the
 * committed files and `writeExample` agree byte for byte, so a change to the simulator or
 * to the files shows here.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PLANS, writeExample } from "../src/examples.ts";

const dataDir = fileURLToPath(new URL("../../../data/", import.meta.url));

describe("writeExample", () => {
  it("knows the four example projects", () => {
    expect(Object.keys(EXAMPLE_PLANS).sort()).toEqual(["fleksjob-andele", "jobcenter-maal-2020", "langvarig-kontanthjaelp", "ressourceforloeb-status"]);
  });

  it.each(Object.keys(EXAMPLE_PLANS))("writes data/%s byte for byte, and every data file there is one it writes", (project) => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-example-"));
    const written = writeExample(project, dir).map((path) => path.slice(dir.length + 1));
    const committed = readdirSync(join(dataDir, project)).filter((name) => name.endsWith(".csv"));
    expect(written.sort()).toEqual(committed.sort());
    for (const name of written) expect(readFileSync(join(dir, name)).equals(readFileSync(join(dataDir, project, name))), name).toBe(true);
  }, 60_000);
});
