/**
 * The staff list of a large batch, written by a worker thread while the main
 * thread runs the batch's SQLite transaction (a machine with two cores has
 * one for each).
 *
 * The main thread hands the worker the list's rows in a compact form (typed
 * arrays and a small table of distinct texts, not 300,000 objects to clone)
 * once the batch is classified, before its rows are appended. The worker
 * streams both files (`writeStaffListFiles`, so the same bytes as
 * `writeStaffList`) to temporary names in the output folder; the main thread
 * renames them into place only after the transaction has committed and
 * deletes them when it rolls back: there is never a list of a batch that was
 * not committed. When the worker cannot be started or fails, the list is
 * written on the main thread after the commit, as for a small batch.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { BatchResult, BatchRowResult } from "./batch.ts";
import {
  encodeChain,
  sharedChainBuffer,
  sharedChainReader,
  type ChainJob,
  type EncodedChain,
  type SharedChainReader,
} from "./chain.ts";
import type { TrialConfig } from "@jobtrial/core";
import type { CprFlag } from "./cpr.ts";

/** The part of a batch result the list is made from. */
export type ListSource = Pick<BatchResult, "rows" | "trialId" | "week" | "batchId">;

/** The list's rows (assigned and already assigned) in a form that crosses to a worker cheaply. */
export interface EncodedList {
  trialId: string;
  week: string;
  batchId: string | null;
  /** The rows' CPR numbers, ten digits each, one after the other. */
  cprs: string;
  /** 0 assigned, 1 already assigned. */
  status: Uint8Array;
  /** 0 intervention, 1 control. */
  arm: Uint8Array;
  /** Index into `texts`, or -1 for null. */
  day: Int32Array;
  group: Int32Array;
  assignedWeek: Int32Array;
  assignedBatchId: Int32Array;
  /** Index into `texts` of the flags joined by ","; -1 for none. */
  flags: Int32Array;
  texts: string[];
}

/** Encodes the rows of `source` that are on the list, in file order. */
export function encodeList(source: ListSource): EncodedList {
  let count = 0;
  for (const row of source.rows) if (isListed(row)) count++;
  const textIndex = new Map<string, number>();
  const texts: string[] = [];
  const text = (value: string | null): number => {
    if (value === null) return -1;
    let index = textIndex.get(value);
    if (index === undefined) {
      textIndex.set(value, (index = texts.length));
      texts.push(value);
    }
    return index;
  };
  const encoded: EncodedList = {
    trialId: source.trialId,
    week: source.week,
    batchId: source.batchId,
    cprs: "",
    status: new Uint8Array(count),
    arm: new Uint8Array(count),
    day: new Int32Array(count),
    group: new Int32Array(count),
    assignedWeek: new Int32Array(count),
    assignedBatchId: new Int32Array(count),
    flags: new Int32Array(count),
    texts,
  };
  const cprs: string[] = new Array(count);
  let at = 0;
  for (const row of source.rows) {
    if (!isListed(row)) continue;
    cprs[at] = row.cpr;
    encoded.status[at] = row.status === "assigned" ? 0 : 1;
    encoded.arm[at] = row.arm === "intervention" ? 0 : 1;
    encoded.day[at] = text(row.firstUnemploymentDay);
    encoded.group[at] = text(row.industryGroup);
    encoded.assignedWeek[at] = text(row.assignedWeek);
    encoded.assignedBatchId[at] = text(row.assignedBatchId);
    encoded.flags[at] = row.flags.length === 0 ? -1 : text(row.flags.join(","));
    at++;
  }
  encoded.cprs = cprs.join("");
  return encoded;
}

function isListed(row: BatchRowResult): row is BatchRowResult & { cpr: string; status: "assigned" | "already-assigned"; arm: NonNullable<BatchRowResult["arm"]> } {
  return (row.status === "assigned" || row.status === "already-assigned") && row.cpr !== null && row.cpr.length === 10 && row.arm !== null;
}

/** The list source back from its encoding: what `staffListBytes` reads of each row, the rest left empty. */
export function decodeList(encoded: EncodedList): ListSource {
  const { texts } = encoded;
  const text = (index: number): string | null => (index < 0 ? null : texts[index]!);
  const flagLists = new Map<number, CprFlag[]>();
  const none: CprFlag[] = [];
  const rows: BatchRowResult[] = new Array(encoded.status.length);
  for (let at = 0; at < rows.length; at++) {
    const flagIndex = encoded.flags[at]!;
    let flags = none;
    if (flagIndex >= 0) {
      let shared = flagLists.get(flagIndex);
      if (shared === undefined) flagLists.set(flagIndex, (shared = texts[flagIndex]!.split(",") as CprFlag[]));
      flags = shared;
    }
    rows[at] = {
      row: at + 1,
      cpr: encoded.cprs.slice(at * 10, at * 10 + 10),
      status: encoded.status[at] === 0 ? "assigned" : "already-assigned",
      arm: encoded.arm[at] === 0 ? "intervention" : "control",
      reason: null,
      assignedWeek: text(encoded.assignedWeek[at]!),
      assignedBatchId: text(encoded.assignedBatchId[at]!),
      firstUnemploymentDay: text(encoded.day[at]!),
      industryGroup: text(encoded.group[at]!),
      flags,
    };
  }
  return { trialId: encoded.trialId, week: encoded.week, batchId: encoded.batchId, rows };
}

/**
 * What the main thread sends the worker: optionally the batch's hash chain to
 * compute into `shared` (first), then the list to write (once).
 */
export type StaffListWorkerMessage =
  | { kind: "chain"; encoded: EncodedChain; shared: SharedArrayBuffer }
  | { kind: "list"; encoded: EncodedList; config: TrialConfig; csvPath: string; xlsxPath: string };

/** A worker that writes one list to temporary files. */
export interface StaffListWorker {
  /**
   * Hands over the list's rows and where to write (once); the worker starts
   * writing. With `chain`, the worker first computes the batch's hash chain
   * into a shared buffer, read through the returned reader (see chain.ts).
   */
  send(source: ListSource, csvPath: string, xlsxPath: string, chain?: ChainJob): SharedChainReader | undefined;
  /** The list's warnings once both files are written, or undefined when the worker failed or was never sent rows. */
  result(): Promise<string[] | undefined>;
  /** Stops the worker; resolves once it has stopped (no more writes). */
  cancel(): Promise<void>;
}

/**
 * Starts a worker thread for the list of one batch, so it is up (loading its
 * modules) while the batch is classified. Returns undefined when no worker
 * can be started (the caller writes the list itself).
 */
export function startStaffListWorker(config: TrialConfig): StaffListWorker | undefined {
  // From TypeScript sources (tsx, vitest) a small bootstrap registers tsx in the worker first:
  // on Node 20 tsx's loader given with --import is not applied inside a worker.
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSources ? "./staff-list-worker-entry.ts" : "./staff-list-worker-entry.js", import.meta.url);
  const start = fromSources ? new URL("./staff-list-worker-boot.mjs", import.meta.url) : entry;
  let worker: Worker;
  try {
    if (entry.protocol !== "file:" || !existsSync(entry) || !existsSync(start)) return undefined;
    // A small young generation: the worker streams, it needs little heap.
    worker = new Worker(start, { execArgv: [], workerData: { entry: entry.href }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  } catch {
    return undefined;
  }
  // An idle worker must not keep the process alive (a batch that was refused or unchanged never sends rows).
  worker.unref();
  let sent = false;
  let stopped: Promise<void> | undefined;
  const done = new Promise<string[] | undefined>((resolve) => {
    worker.once("message", (message: { ok: true; warnings: string[] } | { ok: false; error: string }) => resolve(message.ok ? message.warnings : undefined));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  const stop = (): Promise<void> => (stopped ??= worker.terminate().then(
    () => undefined,
    () => undefined,
  ));
  return {
    send: (source, csvPath, xlsxPath, chain) => {
      if (sent || stopped) return undefined;
      sent = true;
      // The chain first, so the worker is hashing while the list is encoded here.
      let reader: SharedChainReader | undefined;
      if (chain && chain.count > 0) {
        const encoded = encodeChain(chain);
        const shared = sharedChainBuffer(encoded.count);
        worker.postMessage({ kind: "chain", encoded, shared } satisfies StaffListWorkerMessage, [encoded.fields.buffer as ArrayBuffer]);
        reader = sharedChainReader(shared);
      }
      const encoded = encodeList(source);
      const columns = [encoded.status, encoded.arm, encoded.day, encoded.group, encoded.assignedWeek, encoded.assignedBatchId, encoded.flags];
      worker.postMessage({ kind: "list", encoded, config, csvPath, xlsxPath } satisfies StaffListWorkerMessage, columns.map((column) => column.buffer as ArrayBuffer));
      return reader;
    },
    result: async () => {
      if (!sent || stopped) {
        await stop();
        return undefined;
      }
      worker.ref();
      const warnings = await done;
      await stop();
      return warnings;
    },
    cancel: stop,
  };
}
