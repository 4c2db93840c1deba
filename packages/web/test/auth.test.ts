/**
 * Sign-in, sessions, CSRF, roles and the access log, through Fastify's inject.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { accessLog, Browser, intakeFile, NOW, PASSWORD, server, USERS, workspace } from "./helpers.ts";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("jobtrial serve: users, sessions and forms", () => {
  it("a stranger is sent to the sign-in page, and a right password signs in with a Secure, HttpOnly, SameSite=Strict session cookie that expires", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    const away = await browser.get("/register");
    expect([away.statusCode, away.headers["location"]]).toEqual([303, "/login"]);
    const login = await browser.login(USERS.tildeler);
    expect([login.statusCode, login.headers["location"]]).toEqual([303, "/uge"]);
    const cookie = ([] as string[]).concat(login.headers["set-cookie"] as string[]).find((line) => line.startsWith("jobtrial_session="))!;
    expect(cookie).toMatch(/^jobtrial_session=[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const page = await browser.get("/uge");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Logget ind som tina (tildeler)");
    expect(page.headers["content-security-policy"]).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).not.toContain("<script");
  });

  it("a session ends after 30 idle minutes: the next request is sent to sign in again", async () => {
    let clock = NOW.getTime();
    const space = await workspace({ now: () => new Date(clock) });
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.læser);
    clock += 29 * 60_000;
    expect((await browser.get("/register")).statusCode).toBe(200);
    clock += 31 * 60_000;
    const after = await browser.get("/register");
    expect([after.statusCode, after.headers["location"]]).toEqual([303, "/login?udloebet=1"]);
    expect((await browser.get("/login?udloebet=1")).body).toContain("Du var inaktiv for længe og er logget ud. Log ind igen.");
  });

  it("a wrong password is refused, and after 5 tries from one computer for one user even the right one is rate-limited (429)", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await browser.login(USERS.tildeler, "forkert kodeord")).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await browser.login(USERS.tildeler, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("900");
    expect(limited.body).toContain("For mange loginforsøg for denne bruger fra denne computer. Vent 15 minutter, og prøv igen");
    expect(browser.cookies.has("jobtrial_session")).toBe(false);
    // Another user from the same computer is not held up by tina's tries.
    expect((await browser.login(USERS.læser)).statusCode).toBe(303);
    const actions = accessLog(space).map((entry) => [entry["user"], entry["action"], entry["status"]]);
    expect(actions).toEqual([...Array(5).fill(["tina", "login_failed", 401]), [null, "login_rate_limited", 429], ["lars", "login", 303]]);
  });

  it("a form posted without the CSRF token, or with another session's, is refused (403) and changes nothing", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.tildeler);
    const missing = await browser.postMultipart("/uge", { week: "2017-W01" }, { name: "2017-W01.csv", bytes: intakeFile("2017-W01") });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain("Formularen kunne ikke godkendes");
    const other = new Browser(app);
    await other.login(USERS.læser);
    const foreignToken = await other.csrf("/register");
    const foreign = await browser.post("/logout", { _csrf: foreignToken });
    expect(foreign.statusCode).toBe(403);
    const noLogin = await new Browser(app).post("/login", { name: USERS.tildeler, password: PASSWORD });
    expect(noLogin.statusCode).toBe(403);
    expect((await browser.get("/uge")).statusCode).toBe(200);
    expect(accessLog(space).filter((entry) => entry["action"] === "csrf_refused").map((entry) => entry["user"])).toEqual(["tina", "tina", null]);
  });

  it("a læser cannot assign: no upload form, and a posted upload is refused (403) before it is read", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.læser);
    const page = await browser.get("/uge");
    expect(page.body).toContain("Din rolle er læser");
    expect(page.body).not.toContain('enctype="multipart/form-data"');
    const token = await browser.csrf("/register");
    const refused = await browser.postMultipart("/uge", { _csrf: token }, { name: "2017-W01.csv", bytes: intakeFile("2017-W01") });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Din rolle (læser) giver ikke adgang til dette.");
    expect((await browser.get("/brugere")).statusCode).toBe(403);
    expect((await browser.get("/register/annuller/B0001")).statusCode).toBe(403);
  });

  it("sign-out ends the session on the server: the old cookie no longer works", async () => {
    const space = await workspace();
    app = await server(space);
    const browser = new Browser(app);
    await browser.login(USERS.administrator);
    const session = browser.cookies.get("jobtrial_session")!;
    const out = await browser.post("/logout", { _csrf: await browser.csrf("/register") });
    expect([out.statusCode, out.headers["location"]]).toEqual([303, "/login?ud=1"]);
    browser.cookies.set("jobtrial_session", session);
    expect((await browser.get("/register")).statusCode).toBe(303);
  });
});
