/**
 * What the web tests share: a temporary workspace (users file with one user of
 * each role, register path, list folder, access log), a server on it with a
 * fixed clock, and a small cookie jar to drive it through Fastify's `inject`
 * as a browser would (sign in, read the CSRF token from the form, post).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configHash, loadTrialConfig, type TrialConfig } from "@jobtrial/core";
import type { FastifyInstance } from "fastify";
import { addUser, createServer, type ServerOptions } from "../src/index.ts";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const intakeDir = join(repoRoot, "data", "esbjerg-2017", "intake");
export const NOW = new Date("2017-03-01T12:00:00Z");
export const PASSWORD = "korrekt hest batteri";

export const USERS = { tildeler: "tina", læser: "lars", administrator: "ada" } as const;

export function trialConfig(): { config: TrialConfig; hash: string } {
  const loaded = loadTrialConfig(join(repoRoot, "data", "esbjerg-2017", "trial.json"));
  if (!loaded.ok) throw new Error("the bundled trial.json does not load");
  if (configHash(loaded.config) !== loaded.hash) throw new Error("configHash differs from loadTrialConfig's hash");
  return { config: loaded.config, hash: loaded.hash };
}

export interface Workspace {
  dir: string;
  options: ServerOptions;
}

/** A fresh folder with a users file holding tina (tildeler), lars (læser) and ada (administrator). */
export async function workspace(overrides: Partial<ServerOptions> = {}): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-web-"));
  const usersPath = join(dir, "brugere.json");
  for (const [role, name] of Object.entries(USERS)) await addUser(usersPath, { name, role: role as keyof typeof USERS, password: PASSWORD, now: NOW });
  const { config, hash } = trialConfig();
  return {
    dir,
    options: {
      config,
      configHash: hash,
      registerPath: join(dir, "register.sqlite"),
      usersPath,
      listsDir: join(dir, "lister"),
      accessLogPath: join(dir, "adgang.log"),
      toolVersion: "test",
      now: () => NOW,
      ...overrides,
    },
  };
}

export async function server(space: Workspace): Promise<FastifyInstance> {
  const app = await createServer(space.options);
  await app.ready();
  return app;
}

/** A browser's cookies and the last CSRF token it saw. */
export class Browser {
  cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance) {}

  private remember(headers: Record<string, unknown>): void {
    const raw = headers["set-cookie"];
    const lines = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
    for (const line of lines as string[]) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim()) || /expires=thu, 01 jan 1970/i.test(attribute.trim()));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async get(url: string) {
    const response = await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader() } });
    this.remember(response.headers);
    return response;
  }

  async post(url: string, fields: Record<string, string>) {
    const response = await this.app.inject({ method: "POST", url, headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
    this.remember(response.headers);
    return response;
  }

  async postMultipart(url: string, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
    const boundary = "----jobtrialtest" + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), file.bytes, Buffer.from("\r\n"));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.app.inject({ method: "POST", url, headers: { cookie: this.cookieHeader(), "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
    this.remember(response.headers);
    return response;
  }

  /** The CSRF token of the first form on the page at `url`. */
  async csrf(url: string): Promise<string> {
    const response = await this.get(url);
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (!match) throw new Error(`no CSRF token on ${url} (status ${response.statusCode})`);
    return match[1]!;
  }

  async login(name: string, password = PASSWORD) {
    const token = await this.csrf("/login");
    return this.post("/login", { _csrf: token, name, password });
  }

  /** Uploads an intake file from the Denne uge form; returns the response (a redirect to the preview when the file is good). */
  async upload(name: string, bytes: Buffer, week = "") {
    const token = await this.csrf("/uge");
    return this.postMultipart("/uge", { _csrf: token, week }, { name, bytes });
  }

  /** The preview's hidden confirm fields. */
  static confirmFields(previewHtml: string): { preview: string; token: string } {
    const preview = /name="preview" value="([^"]+)"/.exec(previewHtml)?.[1];
    const token = /name="token" value="([^"]+)"/.exec(previewHtml)?.[1];
    if (!preview || !token) throw new Error("no confirm form on the page");
    return { preview, token };
  }
}

export function intakeFile(week: string): Buffer {
  return readFileSync(join(intakeDir, `${week}.csv`));
}

export function accessLog(space: Workspace): Record<string, unknown>[] {
  return readFileSync(space.options.accessLogPath, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}
