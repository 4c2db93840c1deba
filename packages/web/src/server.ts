/**
 * `jobtrial serve`: the web page for the weekly assignment, on Fastify.
 *
 * What protects what:
 * - Sign-in against the users file (scrypt hashes, users.ts), rate-limited per
 *   computer and user name (@fastify/rate-limit, counted before the password is
 *   checked, so guessing is slowed whether or not a guess is right).
 * - Sessions in the server's memory, named by a random id in a Secure,
 *   HttpOnly, SameSite=Strict cookie that ends after 30 idle minutes
 *   (sessions.ts).
 * - A CSRF token on every form (@fastify/csrf-protection: a secret in its own
 *   cookie, the token an HMAC bound to the session), checked on every POST.
 * - Roles checked before a request body is read (users.ts `ROLE_RIGHTS`).
 * - Uploads limited in size (@fastify/multipart), refused with a clear page.
 * - No script on any page, a Content-Security-Policy that allows none, pages
 *   not cached, and an access log of every action without a CPR number
 *   (access-log.ts).
 * - Bound to 127.0.0.1 unless the caller says otherwise (serve command).
 *
 * The screens are in their own files: week.ts (Denne uge), lists.ts
 * (Listen), register-page.ts (Registret), users-page.ts (Brugere).
 */
import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import type { TrialConfig } from "@jobtrial/core";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type onRequestHookHandler } from "fastify";
import { AccessLog, type AccessEntry } from "./access-log.ts";
import { html, type Html } from "./html.ts";
import { csrfField, notice, page, STYLE_SHEET, type Screen } from "./layout.ts";
import { registerListRoutes } from "./lists.ts";
import { registerRegisterRoutes } from "./register-page.ts";
import { DEFAULT_SESSION_LIMITS, SESSION_COOKIE, SessionStore, type Session, type SessionLimits } from "./sessions.ts";
import { text, type Lang, type TextKey } from "./texts.ts";
import { authenticate, findUser, readUsers, ROLE_RIGHTS, UsersFileError, type User, type UsersFile } from "./users.ts";
import { registerUserRoutes } from "./users-page.ts";
import { registerWeekRoutes } from "./week.ts";

/** 20 MB: a year of a large jobcentre's intake is a few MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface ServerOptions {
  config: TrialConfig;
  /** `configHash(config)`, recorded with every batch. */
  configHash: string;
  /** The register (SQLite); created by the first confirmed batch when missing. */
  registerPath: string;
  /** The users file (`jobtrial serve adduser`). */
  usersPath: string;
  /** Where staff lists are written and read: the CLI's default is "lister" beside the register. */
  listsDir: string;
  /** The access log file (JSON lines). */
  accessLogPath: string;
  /** The tool version, recorded with every batch. */
  toolVersion: string;
  /** Largest upload in bytes. Default: 20 MB (`DEFAULT_MAX_UPLOAD_BYTES`) */
  maxUploadBytes?: number;
  /** Sign-in attempts allowed per computer and user name in `loginWindowMinutes`. Default: 5 */
  loginAttempts?: number;
  /** The window of `loginAttempts`, minutes. Default: 15 */
  loginWindowMinutes?: number;
  /** Session limits. Default: 30 idle minutes, 10 hours in all */
  sessions?: SessionLimits;
  /** Mark cookies Secure (browsers keep them over https and on localhost). Default: true */
  secureCookies?: boolean;
  /** The language of the page. Default: "da" */
  lang?: Lang;
  /** The clock. Default: the system clock */
  now?: () => Date;
}

/** Who is signed in on a request. */
export interface Auth {
  session: Session;
  user: User;
}

/** What every screen's routes share. */
export interface AppContext {
  options: ServerOptions & { maxUploadBytes: number };
  lang: Lang;
  now: () => Date;
  log: AccessLog;
  sessions: SessionStore;
  /** The users file as it is now (read on every call: a change takes effect at once). */
  users(): UsersFile;
  auth(request: FastifyRequest): Auth | null;
  t(key: TextKey, values?: Record<string, string | number>): string;
  /** A fresh CSRF token for the forms of this response. */
  csrf(request: FastifyRequest, reply: FastifyReply): string;
  /** Sends a page in the frame. */
  render(request: FastifyRequest, reply: FastifyReply, input: { title: string; screen: Screen; body: Html; status?: number }): FastifyReply;
  /** A route hook refusing users whose role lacks `right` (403 page), run before the body is read. */
  requireRight(right: keyof (typeof ROLE_RIGHTS)["tildeler"]): onRequestHookHandler;
  /** Writes one access-log line for the request's user. */
  record(request: FastifyRequest, entry: Omit<AccessEntry, "user">): void;
}

/** The codes of the errors the page answers with its own screens. */
const CSRF_ERRORS = new Set(["FST_CSRF_INVALID_TOKEN", "FST_CSRF_MISSING_SECRET"]);
const TOO_LARGE_ERRORS = new Set(["FST_REQ_FILE_TOO_LARGE", "FST_ERR_CTP_BODY_TOO_LARGE", "FST_PARTS_LIMIT", "FST_FILES_LIMIT", "FST_FIELDS_LIMIT"]);
const RATE_LIMITED = "JOBTRIAL_LOGIN_RATE_LIMITED";

const PUBLIC_PATHS = new Set(["/login", "/static/style.css"]);

/** A size as staff read it: "20 MB", "1,5 MB", or under a megabyte "2 kB". */
export function megabytes(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return text(lang, "bytes_kb", { n: Math.ceil(bytes / 1024) });
  const value = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return text(lang, "bytes_mb", { n: lang === "da" ? String(value).replace(".", ",") : String(value) });
}

/** Builds the server (not yet listening). Throws UsersFileError when the users file is missing or invalid. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const lang = options.lang ?? "da";
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  readUsers(options.usersPath);
  const sessions = new SessionStore(options.sessions ?? DEFAULT_SESSION_LIMITS, now);
  const log = new AccessLog(options.accessLogPath, now);
  const secure = options.secureCookies ?? true;
  const cookieOptions = { path: "/", httpOnly: true, secure, sameSite: "strict" as const };
  const authByRequest = new WeakMap<FastifyRequest, Auth>();
  const csrfByRequest = new WeakMap<FastifyRequest, string>();
  const t = (key: TextKey, values?: Record<string, string | number>) => text(lang, key, values);

  // No Fastify logger: request lines would carry URLs and errors; the access log says what happened, without data.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: false });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
  await app.register(fastifyCsrf, {
    cookieKey: "jobtrial_csrf",
    cookieOpts: cookieOptions,
    getUserInfo: (request: FastifyRequest) => authByRequest.get(request)?.session.id ?? "anonymous",
    // A multipart field arrives as an object with its value; a urlencoded one as a string.
    getToken: (request: FastifyRequest) => {
      const field = (request.body as Record<string, unknown> | undefined)?.["_csrf"];
      return typeof field === "string" ? field : typeof (field as { value?: unknown } | undefined)?.value === "string" ? (field as { value: string }).value : "";
    },
    csrfOpts: { hmacKey: randomBytes(32) },
  });
  await app.register(fastifyRateLimit, { global: false });

  const context: AppContext = {
    options: { ...options, maxUploadBytes },
    lang,
    now,
    log,
    sessions,
    users: () => readUsers(options.usersPath),
    auth: (request) => authByRequest.get(request) ?? null,
    t,
    csrf(request, reply) {
      // One token per response: a second call before the secret's cookie is back would make a second secret.
      let token = csrfByRequest.get(request);
      if (token === undefined) csrfByRequest.set(request, (token = reply.generateCsrf({ userInfo: authByRequest.get(request)?.session.id ?? "anonymous" })));
      return token;
    },
    render(request, reply, input) {
      const auth = authByRequest.get(request);
      const markup = page({
        lang,
        title: input.title,
        screen: input.screen,
        trialId: options.config.id,
        user: auth ? { name: auth.user.name, role: auth.user.role } : null,
        csrf: context.csrf(request, reply),
        body: input.body,
      });
      return reply.code(input.status ?? 200).type("text/html; charset=utf-8").send(markup);
    },
    requireRight(right) {
      return (request, reply, done) => {
        const auth = authByRequest.get(request);
        if (auth && ROLE_RIGHTS[auth.user.role][right]) return done();
        context.record(request, { action: "forbidden", status: 403, detail: `${request.method} ${request.routeOptions.url ?? ""}` });
        context.render(request, reply, { title: t("error_title"), screen: "error", status: 403, body: notice("error", t("forbidden", { role: auth ? t(`role_${auth.user.role}`) : "-" })) });
      };
    },
    record(request, entry) {
      log.write({ user: authByRequest.get(request)?.user.name ?? null, ...entry });
    },
  };

  app.addHook("onSend", async (_request, reply, payload) => {
    const type = String(reply.getHeader("content-type") ?? "");
    // SVG charts are shown as images; their own inline styles are all they need.
    reply.header("content-security-policy", type.startsWith("image/svg") ? "default-src 'none'; style-src 'unsafe-inline'" : "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cache-control", "no-store");
    return payload;
  });

  // Who is signed in: before anything else, so no body is read for a stranger.
  app.addHook("onRequest", async (request, reply) => {
    const found = sessions.touch(request.cookies[SESSION_COOKIE]);
    if (found !== undefined && found !== "expired") {
      let user: User | undefined;
      try {
        user = findUser(readUsers(options.usersPath), found.user);
      } catch (error) {
        if (!(error instanceof UsersFileError)) throw error;
      }
      if (user) {
        authByRequest.set(request, { session: found, user });
        reply.setCookie(SESSION_COOKIE, found.id, { ...cookieOptions, maxAge: sessions.cookieMaxAgeSeconds });
        return;
      }
      sessions.end(found.id);
    }
    const path = request.url.split("?")[0]!;
    if (PUBLIC_PATHS.has(path)) return;
    if (found === "expired") log.write({ user: null, action: "session_expired", status: 303 });
    return reply.redirect(found === "expired" ? "/login?udloebet=1" : "/login", 303);
  });

  app.get("/static/style.css", (_request, reply) => reply.type("text/css; charset=utf-8").send(STYLE_SHEET));
  app.get("/", (_request, reply) => reply.redirect("/uge", 303));

  const loginPage = (request: FastifyRequest, reply: FastifyReply, message: Html | null, status = 200) =>
    context.render(request, reply, {
      title: t("login_title"),
      screen: "login",
      status,
      body: html`${message}
<p>${t("login_intro")}</p>
<form method="post" action="/login" class="stack">
${csrfField(context.csrf(request, reply))}
<div><label for="name">${t("login_name")}</label><input type="text" id="name" name="name" autocomplete="username" required autofocus></div>
<div><label for="password">${t("login_password")}</label><input type="password" id="password" name="password" autocomplete="current-password" required></div>
<div><button type="submit">${t("login_button")}</button></div>
</form>`,
    });

  app.get("/login", (request, reply) => {
    if (authByRequest.has(request)) return reply.redirect("/uge", 303);
    const query = request.query as Record<string, string | undefined>;
    const message = query["udloebet"] !== undefined ? notice("info", t("session_expired")) : query["ud"] !== undefined ? notice("ok", t("logged_out")) : null;
    return loginPage(request, reply, message);
  });

  app.post(
    "/login",
    {
      preHandler: app.csrfProtection,
      config: {
        rateLimit: {
          max: options.loginAttempts ?? 5,
          timeWindow: (options.loginWindowMinutes ?? 15) * 60_000,
          hook: "preHandler",
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${String((request.body as Record<string, unknown> | undefined)?.["name"] ?? "").trim().toLowerCase()}`,
          errorResponseBuilder: (_request: FastifyRequest, limit: { after: string; ttl: number }) => ({ statusCode: 429, code: RATE_LIMITED, message: "rate limited", minutes: Math.max(1, Math.ceil(limit.ttl / 60_000)) }),
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const name = typeof body["name"] === "string" ? body["name"] : "";
      const password = typeof body["password"] === "string" ? body["password"] : "";
      let users: UsersFile;
      try {
        users = readUsers(options.usersPath);
      } catch (error) {
        if (error instanceof UsersFileError) return loginPage(request, reply, notice("error", error.message), 500);
        throw error;
      }
      const user = await authenticate(users, name, password);
      if (!user) {
        log.write({ user: findUser(users, name)?.name ?? null, action: "login_failed", status: 401 });
        return loginPage(request, reply, notice("error", t("login_failed")), 401);
      }
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) sessions.end(previous);
      const session = sessions.create(user.name);
      log.write({ user: user.name, action: "login", status: 303 });
      reply.setCookie(SESSION_COOKIE, session.id, { ...cookieOptions, maxAge: sessions.cookieMaxAgeSeconds });
      return reply.redirect("/uge", 303);
    },
  );

  app.post("/logout", { preHandler: app.csrfProtection }, (request, reply) => {
    const auth = authByRequest.get(request);
    if (auth) {
      sessions.end(auth.session.id);
      context.record(request, { action: "logout", status: 303 });
    }
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.redirect("/login?ud=1", 303);
  });

  registerWeekRoutes(app, context);
  registerListRoutes(app, context);
  registerRegisterRoutes(app, context);
  registerUserRoutes(app, context);

  app.setNotFoundHandler((request, reply) => context.render(request, reply, { title: t("error_title"), screen: "error", status: 404, body: html`${notice("error", t("not_found"))}<p><a href="/">${t("back_home")}</a></p>` }));

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number; minutes?: number }, request, reply) => {
    if (error.code === RATE_LIMITED) {
      log.write({ user: null, action: "login_rate_limited", status: 429 });
      reply.header("retry-after", String((error.minutes ?? 1) * 60));
      const after = lang === "da" ? `${error.minutes} ${error.minutes === 1 ? "minut" : "minutter"}` : `${error.minutes} minute${error.minutes === 1 ? "" : "s"}`;
      return loginPage(request, reply, notice("error", t("login_rate_limited", { after })), 429);
    }
    if (error.code !== undefined && CSRF_ERRORS.has(error.code)) {
      context.record(request, { action: "csrf_refused", status: 403, detail: `${request.method} ${request.routeOptions.url ?? ""}` });
      return context.render(request, reply, { title: t("error_title"), screen: "error", status: 403, body: html`${notice("error", t("csrf_refused"))}<p><a href="/">${t("back_home")}</a></p>` });
    }
    if (error.code !== undefined && TOO_LARGE_ERRORS.has(error.code)) {
      context.record(request, { action: "upload_too_large", status: 413 });
      return context.render(request, reply, {
        title: t("error_title"),
        screen: "week",
        status: 413,
        body: html`${notice("error", t("too_large", { limit: megabytes(maxUploadBytes, lang) }))}<p><a href="/uge">${t("try_again")}</a></p>`,
      });
    }
    // Our own bug, or a malformed request: no message from the error reaches the page or a log (it might quote data).
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) process.stderr.write(`jobtrial serve: intern fejl ved ${request.method} ${request.routeOptions.url ?? "?"}: ${error.name}${error.code ? ` (${error.code})` : ""}\n`);
    return context.render(request, reply, { title: t("error_title"), screen: "error", status, body: html`${notice("error", t("internal_error"))}<p><a href="/">${t("back_home")}</a></p>` });
  });

  return app;
}
