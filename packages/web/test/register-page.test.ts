/**
 * Registret and Brugere through Fastify's inject: batches, void with reason
 * (administrators only), verify, the rule diagnostics as charts and tables.
 */
import { closeRegister, diagnoseAllocation, listBatches, openRegister, registerAllocationRows } from "@jobtrial/assign";
import { formatPercent } from "@jobtrial/core";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { Browser, intakeFile, server, trialConfig, USERS, workspace } from "./helpers.ts";
import { createServer } from "../src/index.ts";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Uploads and confirms bundled weeks as tina; returns her browser. */
async function assignWeeks(appInstance: FastifyInstance, weeks: string[]): Promise<Browser> {
  const browser = new Browser(appInstance);
  await browser.login(USERS.tildeler);
  for (const week of weeks) {
    const url = String((await browser.upload(`${week}.csv`, intakeFile(week))).headers["location"]);
    const fields = Browser.confirmFields((await browser.get(url)).body);
    expect((await browser.post("/uge/bekraeft", { _csrf: await browser.csrf("/uge"), ...fields })).statusCode).toBe(303);
  }
  return browser;
}

describe("jobtrial serve: Registret", () => {
  it("lists the batches with week, operator, counts and hash, and only an administrator voids, with a reason and a confirmation", async () => {
    const space = await workspace();
    app = await server(space);
    const tina = await assignWeeks(app, ["2017-W01", "2017-W02"]);
    const page = (await tina.get("/register")).body;
    expect([...page.matchAll(/<tr data-batch="(B\d{4})" data-kind="(\w+)">/g)].map((match) => [match[1], match[2]])).toEqual([["B0002", "assign"], ["B0001", "assign"]]);
    const register = openRegister(space.options.registerPath, { readonly: true });
    const batches = listBatches(register);
    closeRegister(register);
    for (const batch of batches) expect(page).toContain(`<code>${batch.input_sha256}</code>`);
    expect(page).not.toContain("/register/annuller/");
    expect((await tina.get("/register/annuller/B0001")).statusCode).toBe(403);

    const ada = new Browser(app);
    await ada.login(USERS.administrator);
    expect((await ada.get("/register")).body).toContain('<a href="/register/annuller/B0001">Annuller B0001</a>');
    const form = await ada.get("/register/annuller/B0001");
    expect(form.body).toContain("<h1>Annuller batch B0001</h1>");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const noReason = await ada.post("/register/annuller/B0001", { _csrf: csrf, reason: " ", confirm: "yes" });
    expect([noReason.statusCode, noReason.body.includes("Skriv en begrundelse for annulleringen.")]).toEqual([400, true]);
    const noCheck = await ada.post("/register/annuller/B0001", { _csrf: csrf, reason: "forkert uge" });
    expect([noCheck.statusCode, noCheck.body.includes("Sæt kryds for at bekræfte annulleringen.")]).toEqual([400, true]);
    const done = await ada.post("/register/annuller/B0001", { _csrf: csrf, reason: "forkert uge", confirm: "yes" });
    expect([done.statusCode, done.headers["location"]]).toEqual([303, "/register?annulleret=B0001&som=B0003"]);
    const after = (await ada.get(String(done.headers["location"]))).body;
    expect(after).toContain("Batch B0001 er annulleret som B0003.");
    expect(after).toContain("<td>annullering: forkert uge</td>");
    expect(after).toContain("annulleret (B0003)");
    expect((await ada.post("/register/annuller/B0001", { _csrf: csrf, reason: "igen", confirm: "yes" })).statusCode).toBe(404);
    const again = openRegister(space.options.registerPath, { readonly: true });
    expect(listBatches(again).map((batch) => [batch.batch_id, batch.kind, batch.operator, batch.reason])).toEqual([
      ["B0001", "assign", "tina", null],
      ["B0002", "assign", "tina", null],
      ["B0003", "void", "ada", "forkert uge"],
    ]);
    closeRegister(again);
  });

  it("verify says the chain is whole, and names the first broken record of a tampered register", async () => {
    const space = await workspace();
    app = await server(space);
    const tina = await assignWeeks(app, ["2017-W01"]);
    const ok = await tina.post("/register/verify", { _csrf: await tina.csrf("/register") });
    expect(ok.body).toMatch(/<span data-verify="ok">Kæden er hel: \d+ tildelinger og 1 batchposter er kontrolleret, og ingen borger er tildelt to gange.<\/span>/);
    const register = openRegister(space.options.registerPath);
    register.db.exec("DROP TRIGGER assignments_no_update; UPDATE assignments SET arm = CASE arm WHEN 'control' THEN 'intervention' ELSE 'control' END WHERE seq = 3");
    closeRegister(register);
    const broken = await tina.post("/register/verify", { _csrf: await tina.csrf("/register") });
    expect(broken.body).toContain("Kæden er brudt ved tildelingspost 3: dens indhold passer ikke med dens hash (posten er ændret).");
    expect(broken.body).toContain("Registrets beskyttelse mangler: assignments_no_update.");
  });

  it("the rule diagnostics: the tables hold diagnoseAllocation's figures and both charts render as SVG images", async () => {
    const space = await workspace();
    app = await server(space);
    const tina = await assignWeeks(app, ["2017-W01", "2017-W02", "2017-W03"]);
    const page = (await tina.get("/register")).body;
    const register = openRegister(space.options.registerPath, { readonly: true });
    const diagnostics = await diagnoseAllocation(registerAllocationRows(register), trialConfig().config.assignment.rule);
    closeRegister(register);
    expect(diagnostics.weeks.map((week) => week.week)).toEqual(["2017-W01", "2017-W02", "2017-W03"]);
    for (const week of diagnostics.weeks) {
      expect(page).toContain(`<tr><td>${week.week}</td><td class="num">${week.n}</td><td class="num">${formatPercent(week.share, "da", { decimals: 1 })}</td><td class="num">${formatPercent(week.expectedShare, "da", { decimals: 1 })}</td>`);
    }
    expect(page).toContain(`Observeret i alt: ${formatPercent(diagnostics.cumulative.share, "da", { decimals: 1 })} af ${diagnostics.n}`);
    expect(page).toContain('<img src="/register/diagram/uger.svg" alt="');
    for (const id of ["uger", "ophobning"]) {
      const svg = await tina.get(`/register/diagram/${id}.svg`);
      expect(svg.statusCode).toBe(200);
      expect(svg.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
      expect(svg.body.startsWith("<svg")).toBe(true);
      expect(svg.body).not.toContain("<script");
    }
    const weekSvg = (await tina.get("/register/diagram/uger.svg")).body;
    expect((weekSvg.match(/<path[^>]*role="graphics-symbol"[^>]*aria-roledescription="point"/g) ?? []).length).toBe(3);
  });
});

describe("jobtrial serve: Brugere", () => {
  it("an administrator adds a user who can then sign in; a short password is refused with the rule", async () => {
    const space = await workspace();
    app = await server(space);
    const ada = new Browser(app);
    await ada.login(USERS.administrator);
    const csrf = await ada.csrf("/brugere");
    const short = await ada.post("/brugere", { _csrf: csrf, name: "bo", role: "læser", password: "kort" });
    expect([short.statusCode, short.body.includes("adgangskoden skal have mindst 10 tegn")]).toEqual([400, true]);
    const saved = await ada.post("/brugere", { _csrf: csrf, name: "bo", role: "læser", password: "bos lange kodeord" });
    expect(saved.body).toContain("Brugeren bo er gemt med rollen læser.");
    expect(saved.body).toContain("<tr><td>bo</td><td>læser</td>");
    const bo = new Browser(app);
    expect((await bo.login("bo", "bos lange kodeord")).statusCode).toBe(303);
  });

  it("on an English page (serve --lang en) the users file's refusal is in English", async () => {
    const space = await workspace();
    app = await createServer({ ...space.options, lang: "en" });
    await app.ready();
    const ada = new Browser(app);
    await ada.login(USERS.administrator);
    const short = await ada.post("/brugere", { _csrf: await ada.csrf("/brugere"), name: "bo", role: "læser", password: "kort" });
    expect([short.statusCode, short.body.includes("the password must have at least 10 characters"), short.body.includes("adgangskoden")]).toEqual([400, true, false]);
  });
});
