// Starts the staff list worker from TypeScript sources: tsx's loader given to a
// worker with --import is not applied inside it on Node 20, so the worker
// registers tsx itself, then loads the entry named in workerData.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
