/**
 * The web page under a bounded burst (bench/stress/web-burst.ts), reduced for
 * the suite: 2 staff, 4 overlapping uploads each, every preview confirmed 3
 * times at once (about 50 requests). The full run is by hand (docs/reliability.md).
 */
import { expect, it } from "vitest";
import { burstProblems, cprShaped, failureReport, webBurst } from "./web-burst.ts";

it("a burst of concurrent uploads and repeated confirmations from a second process leaves the register consistent and jobtrial serve answering", async () => {
  const summary = await webBurst({ clients: 2, uploads: 4, confirms: 3 });
  expect(Object.keys(summary.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
  expect(summary.confirmedUploads).toBe(summary.uploads);
  expect(summary.register).toMatchObject({ verified: true, activeRows: summary.citizens, distinctCitizens: summary.citizens });
  expect(summary.answeringAfter).toBe(true);
  expect(summary.stoppedCleanly).toBe(true);
  expect(summary.cprShapedInLogs).toBe(0);
  expect(burstProblems(summary)).toEqual([]);
  // Every upload's requests are traced for the report on a failure: upload, preview, the confirmations at once.
  expect(summary.traces.map((trace) => trace.steps.map((step) => step.replace(/\/uge\/forhaandsvisning\/\S+/, "/uge/forhaandsvisning/ID")))).toEqual(
    summary.traces.map(() => ["POST /uge 303 -> /uge/forhaandsvisning/ID", "GET preview 200", "POST /uge/bekraeft 303, 303, 303"]),
  );
  expect(summary.serverOutput).toMatch(/lytter på http:\/\/127\.0\.0\.1:\d+/);
  expect(summary.accessLog).toMatch(/"action":"confirm"/);
  expect([cprShaped("POST /uge 303 010180-1234"), cprShaped("session 3f0a9c8e7d6b5a4f3e2d1c0b9a8f7e6d 0,5538461538")]).toEqual([1, 0]);
  // The judge of the script .ci/run runs finds a server error, a lost and a doubled assignment.
  expect(burstProblems({ ...summary, statuses: { ...summary.statuses, 500: 2 }, confirmedUploads: summary.uploads - 1, register: { ...summary.register, activeRows: summary.citizens + 1 } })).toEqual([
    "server errors: 2 x 500",
    `1 of ${summary.uploads} uploads were neither confirmed nor told that their preview expired`,
    `${summary.citizens + 1} rows for ${summary.register.distinctCitizens} citizens; the confirmed files hold ${summary.citizens}`,
  ]);
  expect(burstProblems({ ...summary, stoppedCleanly: false })).toEqual(["the server did not end with exit code 0 within 30 s of SIGTERM"]);
  // An upload whose preview expired (more open previews than a user keeps) is the server's limit, not a problem.
  expect(burstProblems({ ...summary, confirmedUploads: summary.uploads - 1, expiredPreviews: 1 })).toEqual([]);
  // The failure report names each upload not confirmed with its requests, and the server's and access log's last lines, ten-digit numbers masked.
  const report = failureReport({
    traces: [{ index: 3, user: "tildeler1", week: "2017-W04", outcome: "failed", steps: ["POST /uge 303 -> /uge/forhaandsvisning/x", "GET preview 200", 'POST /uge/bekraeft 303, 500 "Intern fejl"'] }],
    serverOutput: "jobtrial serve lytter på http://127.0.0.1:1234\nintern fejl 010180-1234\n",
    accessLog: '{"action":"confirm","detail":"0101801234"}\n',
  });
  expect(report).toContain('upload 3 (tildeler1, 2017-W04): failed; POST /uge 303 -> /uge/forhaandsvisning/x; GET preview 200; POST /uge/bekraeft 303, 500 "Intern fejl"');
  expect(report).toContain("intern fejl ##########");
  expect(report).toContain('"detail":"##########"');
  expect(cprShaped(report)).toBe(0);
}, 300_000);
