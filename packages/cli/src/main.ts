#!/usr/bin/env -S node --max-semi-space-size=64 --min-semi-space-size=16 --v8-pool-size=1 --import tsx
// node --import tsx runs the TypeScript directly in this process (the tsx binary
// would start a second one). The V8 flags are for a national backfill on a
// small machine (bench/README.md, "Weekly assignment"):
// --max-semi-space-size=64 gives V8 a larger young generation: the batch
// allocates millions of short-lived row objects, and with the default the
// scavenger ran often enough to cost a fifth of the time; --min-semi-space-size=16
// starts it at 16 MB rather than growing it from 1 MB (about 100 MB lower peak);
// --v8-pool-size=1 keeps V8's background GC helpers to one thread: a large batch
// already runs two busy threads (the SQLite transaction and the staff list's
// worker), and on two cores more helpers only took turns with them (9-11 s of
// CPU for the 300,000-row batch instead of 8-9 s).
import { processIo, runCli } from "./cli.ts";

process.exitCode = await runCli(process.argv.slice(2), processIo());
