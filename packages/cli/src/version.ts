import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The tool version, written into every register batch, results file and report. */
export const VERSION: string = (require("../package.json") as { version: string }).version;
