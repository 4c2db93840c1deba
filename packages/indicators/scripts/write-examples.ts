/**
 * Writes the data of the four example projects again (seeded: the same bytes every time):
 *   npx tsx packages/indicators/scripts/write-examples.ts
 * Each project's indicators.json is written by hand and stays as it is.
 */
import { fileURLToPath } from "node:url";
import { EXAMPLE_PLANS, writeExample } from "../src/examples.ts";

const dataDir = fileURLToPath(new URL("../../../data/", import.meta.url));
for (const project of Object.keys(EXAMPLE_PLANS)) {
  for (const file of writeExample(project, `${dataDir}${project}`)) console.log(file);
}
