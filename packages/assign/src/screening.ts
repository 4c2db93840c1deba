/**
 * Screening counts for the flow diagram: how many intake rows the register's
 * batches read, how many were invalid and how many ineligible by reason.
 * Counts only, never a CPR number; voided batches are left out.
 */
import { listBatches, voidedBatchSeqs, type Register } from "./register.ts";

export interface ScreeningCounts {
  screened: number;
  invalid: number;
  ineligible: { reason: string; n: number }[];
}

/** Sums the counts recorded with every active assignment batch; null for a register without batches. */
export function screeningCounts(register: Register): ScreeningCounts | null {
  const batches = listBatches(register);
  if (batches.length === 0) return null;
  const voided = voidedBatchSeqs(register);
  let screened = 0;
  let invalid = 0;
  const ineligible = new Map<string, number>();
  for (const batch of batches) {
    if (batch.kind !== "assign" || voided.has(batch.batch_seq)) continue;
    const counts = JSON.parse(batch.counts_json) as { rows?: number; invalid?: number; ineligible?: Record<string, number> };
    screened += counts.rows ?? 0;
    invalid += counts.invalid ?? 0;
    for (const [reason, n] of Object.entries(counts.ineligible ?? {})) ineligible.set(reason, (ineligible.get(reason) ?? 0) + n);
  }
  return { screened, invalid, ineligible: [...ineligible].map(([reason, n]) => ({ reason, n })) };
}
