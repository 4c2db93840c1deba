/**
 * A weekly batch and its staff list, as `jobtrial assign` runs them: the
 * batch (`assignBatch`), then for a written or unchanged batch the list
 * (`writeStaffList`). A new batch above `workerThreshold` rows has its list
 * written by a worker thread while its transaction runs (see
 * staff-list-worker.ts), to temporary files in the output folder that are
 * renamed into place only after the commit and deleted when the transaction
 * rolls back. The files are the same bytes either way.
 */
import { mkdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { assignBatch, type AssignBatchOptions, type BatchResult } from "./batch.ts";
import type { IntakeRead } from "./intake.ts";
import type { Register } from "./register.ts";
import { staffListPaths, writeStaffList } from "./staff-list.ts";
import { startStaffListWorker } from "./staff-list-worker.ts";

/** Intakes with more rows than this write the list in a worker (on a machine with a second core). */
export const STAFF_LIST_WORKER_THRESHOLD = 20_000;

export interface BatchWithList {
  result: BatchResult;
  /** The list's paths, for a written or unchanged batch. */
  list?: { csv: string; xlsx: string; warnings: string[] };
  /** True when the list was written by a worker thread. */
  listInWorker: boolean;
}

/** A temporary name beside `path` (hidden, with the process id), renamed to `path` after the commit. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export async function assignBatchWithStaffList(
  register: Register,
  intake: IntakeRead,
  options: AssignBatchOptions & {
    outDir: string;
    /** Default: STAFF_LIST_WORKER_THRESHOLD; Infinity never uses the worker. */
    workerThreshold?: number;
  },
): Promise<BatchWithList> {
  const { outDir, workerThreshold = STAFF_LIST_WORKER_THRESHOLD, ...batchOptions } = options;
  const useWorker = !batchOptions.dryRun && intake.records.length > workerThreshold && availableParallelism() > 1;
  const worker = useWorker ? startStaffListWorker(batchOptions.config) : undefined;
  let temporary: { csv: string; xlsx: string; final: { csv: string; xlsx: string }; createdDir: string | undefined } | undefined;
  const dropTemporary = (): void => {
    if (!temporary) return;
    rmSync(temporary.csv, { force: true });
    rmSync(temporary.xlsx, { force: true });
    // Folders this batch created for its list, when empty: a rolled-back batch leaves nothing behind.
    if (temporary.createdDir !== undefined) {
      for (let dir = outDir; dir.length >= temporary.createdDir.length; dir = dirname(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          break;
        }
      }
    }
    temporary = undefined;
  };
  let result: BatchResult;
  try {
    result = assignBatch(register, intake, {
      ...batchOptions,
      onClassified: (classified) => {
        const reader = batchOptions.onClassified?.(classified);
        if (!worker) return reader;
        const final = staffListPaths(classified, outDir);
        const createdDir = mkdirSync(outDir, { recursive: true });
        temporary = { csv: temporaryPath(final.csv), xlsx: temporaryPath(final.xlsx), final, createdDir };
        // The worker also computes the hash chain ahead of the transaction's inserts (see chain.ts).
        return worker.send(classified, temporary.csv, temporary.xlsx, classified.chain) ?? reader;
      },
    });
  } catch (error) {
    // Rolled back: stop the worker, then delete what it wrote.
    await worker?.cancel();
    dropTemporary();
    throw error;
  }
  if (result.outcome !== "written" && result.outcome !== "unchanged") {
    await worker?.cancel();
    dropTemporary();
    return { result, listInWorker: false };
  }
  const warnings = worker && temporary ? await worker.result() : (await worker?.cancel(), undefined);
  if (warnings && temporary) {
    const { csv, xlsx, final } = temporary;
    renameSync(csv, final.csv);
    renameSync(xlsx, final.xlsx);
    temporary = undefined;
    return { result, list: { ...final, warnings }, listInWorker: true };
  }
  dropTemporary();
  return { result, list: writeStaffList(result, batchOptions.config, outDir), listInWorker: false };
}
