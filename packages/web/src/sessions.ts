/**
 * Sessions held in the server's memory, named by a random 256-bit id in a
 * Secure, HttpOnly, SameSite=Strict cookie. A session ends when it has been
 * idle longer than the idle limit or is older than the absolute limit, at
 * sign-out, and when the server stops (a restart signs everyone out, which
 * for a page used a few minutes a week is the safe choice).
 */
import { randomBytes } from "node:crypto";

export const SESSION_COOKIE = "jobtrial_session";

export interface Session {
  id: string;
  /** The user name as in the users file. */
  user: string;
  createdAt: number;
  lastSeen: number;
}

export interface SessionLimits {
  /** Minutes without a request before a session ends. Default: 30 */
  idleMinutes: number;
  /** Hours after sign-in when a session ends whatever happens. Default: 10 */
  absoluteHours: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 30, absoluteHours: 10 };

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly limits: SessionLimits,
    private readonly now: () => Date,
  ) {}

  create(user: string): Session {
    const time = this.now().getTime();
    const session: Session = { id: randomBytes(32).toString("base64url"), user, createdAt: time, lastSeen: time };
    this.sessions.set(session.id, session);
    this.sweep(time);
    return session;
  }

  /** The live session of `id` (its idle clock restarted), "expired" when it ended by time, or undefined when unknown. */
  touch(id: string | undefined): Session | "expired" | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const time = this.now().getTime();
    if (this.isExpired(session, time)) {
      this.sessions.delete(id);
      return "expired";
    }
    session.lastSeen = time;
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Seconds a cookie should live: the idle limit (the server ends the session by its own clock as well). */
  get cookieMaxAgeSeconds(): number {
    return this.limits.idleMinutes * 60;
  }

  private isExpired(session: Session, time: number): boolean {
    return time - session.lastSeen > this.limits.idleMinutes * 60_000 || time - session.createdAt > this.limits.absoluteHours * 3_600_000;
  }

  private sweep(time: number): void {
    for (const [id, session] of this.sessions) if (this.isExpired(session, time)) this.sessions.delete(id);
  }
}
