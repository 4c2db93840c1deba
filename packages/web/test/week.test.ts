/**
 * Denne uge and Listen through Fastify's inject: upload, preview, confirm,
 * download, checked against the register and against assign's own dry run of
 * the same file read from disk.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assignBatch, closeRegister, listBatches, openRegister, readIntakeFile, statusCounts, verifyRegister } from "@jobtrial/assign";
import { findPersonalData } from "@jobtrial/report";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { accessLog, Browser, intakeDir, intakeFile, NOW, server, trialConfig, USERS, workspace, type Workspace } from "./helpers.ts";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** assign's dry run of a bundled week on an empty register, from the file on disk (the CLI's path). */
async function dryRunFromDisk(week: string) {
  const { config, hash } = trialConfig();
  const intake = await readIntakeFile(join(intakeDir, `${week}.csv`), config);
  const register = openRegister(":memory:", { create: true, trialId: config.id, now: NOW });
  try {
    return assignBatch(register, intake, { config, configHash: hash, week, operator: "x", now: NOW, toolVersion: "test", dryRun: true });
  } finally {
    closeRegister(register);
  }
}

function registerRows(space: Workspace) {
  const register = openRegister(space.options.registerPath, { readonly: true });
  try {
    return {
      batches: listBatches(register),
      assignments: register.db.prepare("SELECT cpr, arm, batch_seq FROM assignments ORDER BY seq").all() as { cpr: string; arm: string; batch_seq: number }[],
      verify: verifyRegister(register),
    };
  } finally {
    closeRegister(register);
  }
}

/** Every CPR number in a bundled intake file, with and without the dash. */
function cprsIn(week: string): string[] {
  const lines = intakeFile(week).toString("utf8").split(/\r?\n/).slice(1).filter(Boolean);
  return lines.flatMap((line) => {
    const cpr = line.split(";")[0]!;
    return [cpr, cpr.replace("-", "")];
  });
}

describe("jobtrial serve: Denne uge", () => {
  it("an upload shows a preview with assign's own counts and every row, and writes nothing until confirmed", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const upload = await browser.upload("2017-W01.csv", intakeFile("2017-W01"));
    expect(upload.statusCode).toBe(303);
    expect(upload.headers["location"]).toMatch(/^\/uge\/forhaandsvisning\/[A-Za-z0-9_-]{24}$/);
    const preview = await browser.get(String(upload.headers["location"]));
    expect(preview.statusCode).toBe(200);
    const expected = await dryRunFromDisk("2017-W01");
    const byStatus = statusCounts(expected);
    expect(expected.counts.rows).toBe(71);
    const count = (name: string) => new RegExp(`data-count="${name}">(\\d+)<`).exec(preview.body)?.[1];
    expect([count("rows"), count("intervention"), count("control"), count("already")]).toEqual(
      [expected.counts.rows, expected.counts.assigned.intervention, expected.counts.assigned.control, expected.counts.alreadyAssigned].map(String),
    );
    expect(new RegExp(`data-count="ineligible">${byStatus.ineligible}[ <]`).test(preview.body)).toBe(true);
    const rows = [...preview.body.matchAll(/<tr data-row="(\d+)" data-status="([a-z-]+)" data-arm="([a-z]*)">/g)].map((match) => [Number(match[1]), match[2], match[3]]);
    expect(rows).toEqual(expected.rows.map((row) => [row.row, row.status, row.status === "assigned" || row.status === "already-assigned" ? (row.arm ?? "") : ""]));
    for (const cpr of cprsIn("2017-W01")) expect(preview.body).not.toContain(cpr);
    expect(existsSync(space.options.registerPath)).toBe(false);
  });

  it("confirming writes one batch; the receipt and the downloaded list agree with the register row by row", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const previewUrl = String((await browser.upload("2017-W01.csv", intakeFile("2017-W01"))).headers["location"]);
    const { preview, token } = Browser.confirmFields((await browser.get(previewUrl)).body);
    const csrf = await browser.csrf(previewUrl);
    const confirmed = await browser.post("/uge/bekraeft", { _csrf: csrf, preview, token });
    expect([confirmed.statusCode, confirmed.headers["location"]]).toEqual([303, `/uge/kvittering/${preview}`]);
    const receipt = await browser.get(`/uge/kvittering/${preview}`);
    expect(receipt.body).toContain("<h1>Skrevet: batch B0001, uge 2017-W01</h1>");
    const { batches, assignments, verify } = registerRows(space);
    expect(verify.ok).toBe(true);
    expect(batches.map((batch) => [batch.batch_id, batch.kind, batch.week, batch.operator, batch.input_name, batch.created_at])).toEqual([["B0001", "assign", "2017-W01", "tina", "2017-W01.csv", NOW.toISOString()]]);
    const expected = await dryRunFromDisk("2017-W01");
    expect(assignments).toHaveLength(expected.counts.assigned.intervention + expected.counts.assigned.control);

    const csv = await browser.get("/lister/B0001/liste.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="esbjerg-2017-2017-W01-B0001-liste.csv"');
    expect(csv.rawPayload.equals(readFileSync(join(space.options.listsDir, "esbjerg-2017-2017-W01-B0001-liste.csv")))).toBe(true);
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(";"));
    const header = lines[0]!;
    const at = (name: string) => header.indexOf(name);
    const listed = lines.slice(1).filter((cells) => cells[at("Status")] === "Ny").map((cells) => [cells[at("CPR-nummer")]!.replace("-", ""), cells[at("Gruppe")] === "Indsats" ? "intervention" : "control"]);
    expect(listed).toEqual(assignments.map((row) => [row.cpr, row.arm]));
    expect(lines).toHaveLength(1 + 71);
    const xlsx = await browser.get("/lister/B0001/liste.xlsx");
    expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, "PK"]);

    const log = accessLog(space);
    expect(log.map((entry) => entry["action"])).toEqual(["login", "upload_preview", "confirm", "download", "download"]);
    const text = readFileSync(space.options.accessLogPath, "utf8");
    expect(findPersonalData(text, 2017)).toEqual([]);
    for (const cpr of cprsIn("2017-W01")) expect(text).not.toContain(cpr);
  });

  it("two confirmations of one preview at once (a double click), a reload, and a second upload of the same file confirmed in another tab write one batch", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const firstUrl = String((await browser.upload("2017-W02.csv", intakeFile("2017-W02"))).headers["location"]);
    const first = Browser.confirmFields((await browser.get(firstUrl)).body);
    const secondUrl = String((await browser.upload("2017-W02.csv", intakeFile("2017-W02"))).headers["location"]);
    const second = Browser.confirmFields((await browser.get(secondUrl)).body);
    expect(second.preview).not.toBe(first.preview);
    const csrf = await browser.csrf("/uge");
    const [a, b] = await Promise.all([browser.post("/uge/bekraeft", { _csrf: csrf, ...first }), browser.post("/uge/bekraeft", { _csrf: csrf, ...first })]);
    expect([a.statusCode, b.statusCode, a.headers["location"], b.headers["location"]]).toEqual([303, 303, `/uge/kvittering/${first.preview}`, `/uge/kvittering/${first.preview}`]);
    const reload = await browser.post("/uge/bekraeft", { _csrf: csrf, ...first });
    expect(reload.statusCode).toBe(303);
    const other = await browser.post("/uge/bekraeft", { _csrf: csrf, ...second });
    expect(other.statusCode).toBe(303);
    const otherReceipt = await browser.get(String(other.headers["location"]));
    expect(otherReceipt.body).toContain("Filen var allerede tildelt for uge 2017-W02 som batch B0001; intet er skrevet igen.");
    const { batches, verify } = registerRows(space);
    expect(verify.ok).toBe(true);
    expect(batches.map((batch) => batch.batch_id)).toEqual(["B0001"]);
    expect(accessLog(space).filter((entry) => String(entry["action"]).startsWith("confirm")).map((entry) => [entry["action"], entry["batch"], entry["detail"]])).toEqual([
      ["confirm", "B0001", "written"],
      ["confirm_repeat", "B0001", "written"],
      ["confirm_repeat", "B0001", "written"],
      ["confirm", "B0001", "unchanged"],
    ]);
    // A token that does not belong to the preview is refused.
    const third = Browser.confirmFields((await browser.get(String((await browser.upload("2017-W03.csv", intakeFile("2017-W03"))).headers["location"]))).body);
    expect((await browser.post("/uge/bekraeft", { _csrf: csrf, preview: third.preview, token: first.token })).statusCode).toBe(403);
    expect(registerRows(space).batches).toHaveLength(1);
  });

  it("a broken file shows each problem by row and column with how to fix it, never the cell, and nothing is written", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const lines = intakeFile("2017-W01").toString("utf8").split("\r\n");
    lines[3] = lines[3]!.replace(/^\d{6}-\d{4}/, "310299-12"); // row 4: a CPR number of nine digits
    lines[5] = lines[5]!.replace(/;\d{2}-\d{2}-\d{4};/, ";31-02-2017;"); // row 6: an impossible date
    const broken = await browser.upload("2017-W01.csv", Buffer.from(lines.join("\r\n")));
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain("<h1>Filen kan ikke bruges: intet er skrevet</h1>");
    expect(broken.body).toContain("2017-W01.csv har 2 problemer.");
    const problems = [...broken.body.matchAll(/<tr data-problem="([a-z_0-9]+)"><td class="num">([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((match) => match.slice(1, 4));
    expect(problems).toEqual([
      ["cpr_wrong_length", "4", "CPR-nummer"],
      ["date_impossible", "6", "Første ledighedsdag"],
    ]);
    expect(broken.body).not.toContain("310299-12");
    expect(broken.body).not.toContain("31-02-2017");
    expect(existsSync(space.options.registerPath)).toBe(false);
    expect(existsSync(space.options.listsDir)).toBe(false);
  });

  it("an upload over the size limit is refused with the limit named, and nothing is written", async () => {
    const space = await workspace({ maxUploadBytes: 2048 });
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const file = intakeFile("2017-W01");
    expect(file.length).toBeGreaterThan(2048);
    const refused = await browser.upload("2017-W01.csv", file);
    expect(refused.statusCode).toBe(413);
    expect(refused.body).toContain("Filen er større end grænsen på 2 kB og er ikke læst; intet er skrevet.");
    expect(existsSync(space.options.registerPath)).toBe(false);
    expect(accessLog(space).map((entry) => [entry["action"], entry["status"]])).toEqual([["login", 303], ["upload_too_large", 413]]);
  });
});
