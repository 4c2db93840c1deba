/** The worker of `startStaffListWorker`: writes the list's files from the encoded rows, then says so. */
import { parentPort } from "node:worker_threads";
import type { TrialConfig } from "./config.ts";
import { writeStaffListFilesStreamed } from "./staff-list.ts";
import { decodeList, type EncodedList } from "./staff-list-worker.ts";

parentPort?.once("message", async (message: { encoded: EncodedList; config: TrialConfig; csvPath: string; xlsxPath: string }) => {
  try {
    const warnings = await writeStaffListFilesStreamed(decodeList(message.encoded), message.config, message.csvPath, message.xlsxPath);
    parentPort!.postMessage({ ok: true, warnings });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: String(error) });
  }
});
