/**
 * The worker of `startStaffListWorker`: computes the batch's hash chain when
 * sent one (the main thread takes its hashes as they come), then writes the
 * list's files from the encoded rows, then says so.
 */
import { parentPort } from "node:worker_threads";
import { computeSharedChain } from "./chain.ts";
import { writeStaffListFilesStreamed } from "./staff-list.ts";
import { decodeList, type StaffListWorkerMessage } from "./staff-list-worker.ts";

parentPort?.on("message", async (message: StaffListWorkerMessage) => {
  if (message.kind === "chain") {
    try {
      computeSharedChain(message.encoded, message.shared);
    } catch {
      // Only costs time: the main thread computes the hashes the worker did not.
    }
    return;
  }
  try {
    const warnings = await writeStaffListFilesStreamed(decodeList(message.encoded), message.config, message.csvPath, message.xlsxPath);
    parentPort!.postMessage({ ok: true, warnings });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: String(error) });
  }
});
