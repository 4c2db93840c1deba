#!/usr/bin/env -S node --max-semi-space-size=64 --import tsx
// node --import tsx runs the TypeScript directly in this process (the tsx binary
// would start a second one). --max-semi-space-size=64 gives V8 a larger young
// generation: a national backfill allocates millions of short-lived row objects,
// and with the default the scavenger ran often enough to cost a fifth of the time
// (bench/README.md, "Weekly assignment").
import { processIo, runCli } from "./cli.ts";

process.exitCode = await runCli(process.argv.slice(2), processIo());
