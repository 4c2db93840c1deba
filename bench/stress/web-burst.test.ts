/**
 * The web page under a bounded burst (bench/stress/web-burst.ts), reduced for
 * the suite: 2 staff, 4 overlapping uploads each, every preview confirmed 3
 * times at once (about 50 requests). The full run is by hand (docs/reliability.md).
 */
import { expect, it } from "vitest";
import { burstProblems, cprShaped, webBurst } from "./web-burst.ts";

it("a burst of concurrent uploads and repeated confirmations from a second process leaves the register consistent and jobtrial serve answering", async () => {
  const summary = await webBurst({ clients: 2, uploads: 4, confirms: 3 });
  expect(Object.keys(summary.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
  expect(summary.confirmedUploads).toBe(summary.uploads);
  expect(summary.register).toMatchObject({ verified: true, activeRows: summary.citizens, distinctCitizens: summary.citizens });
  expect(summary.answeringAfter).toBe(true);
  expect(summary.cprShapedInLogs).toBe(0);
  expect(burstProblems(summary)).toEqual([]);
  expect([cprShaped("POST /uge 303 010180-1234"), cprShaped("session 3f0a9c8e7d6b5a4f3e2d1c0b9a8f7e6d 0,5538461538")]).toEqual([1, 0]);
  // The judge of the script .ci/run runs finds a server error, a lost and a doubled assignment.
  expect(burstProblems({ ...summary, statuses: { ...summary.statuses, 500: 2 }, confirmedUploads: summary.uploads - 1, register: { ...summary.register, activeRows: summary.citizens + 1 } })).toEqual([
    "server errors: 2 x 500",
    `1 of ${summary.uploads} uploads were neither confirmed nor told that their preview expired`,
    `${summary.citizens + 1} rows for ${summary.register.distinctCitizens} citizens; the confirmed files hold ${summary.citizens}`,
  ]);
  // An upload whose preview expired (more open previews than a user keeps) is the server's limit, not a problem.
  expect(burstProblems({ ...summary, confirmedUploads: summary.uploads - 1, expiredPreviews: 1 })).toEqual([]);
}, 300_000);
