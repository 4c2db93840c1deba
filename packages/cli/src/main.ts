#!/usr/bin/env -S node --import tsx
import { processIo, runCli } from "./cli.ts";

process.exitCode = await runCli(process.argv.slice(2), processIo());
