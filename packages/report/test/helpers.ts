import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Results } from "@jobtrial/analyze";
import { parseResults } from "../src/report.ts";

export const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
/** The raw fixture JSON, a fresh copy each call so tests may change it. */
export const rawResults = (): Record<string, any> => JSON.parse(readFileSync(fixturePath("results.json"), "utf8"));
export const rawBusinessCase = (): Record<string, any> => JSON.parse(readFileSync(fixturePath("business-case.json"), "utf8"));
export const fixtureResults = (): Results => parseResults(rawResults());
/** The report's clock in every test. */
export const NOW = new Date("2018-03-05T10:00:00Z");
