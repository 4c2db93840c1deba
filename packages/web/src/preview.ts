/**
 * Previews waiting for confirmation, held in the server's memory, and the
 * idempotency of confirming one.
 *
 * A preview keeps the uploaded bytes, their SHA-256, the week and the
 * configuration hash, and a token: an HMAC (with a key made when the server
 * starts) over the preview's id, the file's SHA-256, the week and the
 * configuration hash. The confirm form carries the id and the token, so a
 * confirmation names exactly the file and week the operator saw.
 *
 * Confirming twice writes one batch:
 * - the same preview confirmed again (a double click, a second tab with the
 *   same preview, a reload of the POST) joins the first confirmation: the
 *   preview holds the one promise of its confirmation, set before anything
 *   is awaited, and every request for it gets that promise's batch;
 * - the same file previewed twice (two uploads in two tabs) and confirmed in
 *   both, or confirmed here and run by `jobtrial assign` on the same register:
 *   `assignBatch` looks for an active batch of the same file (SHA-256), week
 *   and configuration inside its BEGIN IMMEDIATE write transaction and then
 *   writes nothing and answers with that batch ("unchanged"). The register's
 *   lock makes that check and the write one step for every process.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { BatchResult } from "@jobtrial/assign";

/** What a confirmation ended with. */
export interface ConfirmOutcome {
  result: BatchResult;
  /** The counts differ from the preview's (the register changed in between). */
  changedSincePreview: boolean;
  /** Warnings from writing the staff list (Danish, no CPR). */
  listWarnings: string[];
}

export interface Preview {
  id: string;
  token: string;
  /** Who uploaded it; only they may confirm it. */
  user: string;
  createdAt: number;
  fileName: string;
  /** The uploaded bytes; dropped once the confirmation has finished. */
  bytes: Buffer | null;
  sha256: string;
  week: string;
  configHash: string;
  /** The dry run shown on the preview. */
  result: BatchResult;
  /** Set by the first confirmation, before it awaits anything. */
  confirmation: Promise<ConfirmOutcome> | null;
  /** The finished confirmation. */
  outcome: ConfirmOutcome | null;
}

/** How long a preview waits for confirmation: two hours. */
const PREVIEW_LIFETIME_MS = 2 * 3_600_000;
/** Previews kept per user (each may hold an upload of up to the size limit). */
const PREVIEWS_PER_USER = 5;

export class PreviewStore {
  private readonly previews = new Map<string, Preview>();
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => Date) {}

  add(input: Omit<Preview, "id" | "token" | "createdAt" | "confirmation" | "outcome">): Preview {
    const time = this.now().getTime();
    this.sweep(time);
    const mine = [...this.previews.values()].filter((preview) => preview.user === input.user && preview.outcome === null && preview.confirmation === null);
    for (const old of mine.slice(0, Math.max(0, mine.length - PREVIEWS_PER_USER + 1))) this.previews.delete(old.id);
    const id = randomBytes(18).toString("base64url");
    const preview: Preview = { ...input, id, token: this.tokenFor(id, input.sha256, input.week, input.configHash), createdAt: time, confirmation: null, outcome: null };
    this.previews.set(id, preview);
    return preview;
  }

  /** The preview of `id` when it has not expired. */
  get(id: string): Preview | undefined {
    const preview = this.previews.get(id);
    if (!preview) return undefined;
    if (this.now().getTime() - preview.createdAt > PREVIEW_LIFETIME_MS && preview.confirmation === null) {
      this.previews.delete(id);
      return undefined;
    }
    return preview;
  }

  /** True when `token` is the preview's: bound to its id, file hash, week and configuration. */
  tokenMatches(preview: Preview, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(preview.id, preview.sha256, preview.week, preview.configHash));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private tokenFor(id: string, sha256: string, week: string, configHash: string): string {
    return createHmac("sha256", this.key).update([id, sha256, week, configHash].join("\n")).digest("base64url");
  }

  private sweep(time: number): void {
    // A confirmation still running is kept; a finished one is left to the lists (its receipt links there).
    for (const [id, preview] of this.previews) if (time - preview.createdAt > PREVIEW_LIFETIME_MS && (preview.confirmation === null || preview.outcome !== null)) this.previews.delete(id);
  }
}
