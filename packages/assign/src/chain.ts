/**
 * The hash chain of a batch's appended rows, computed on the main thread or,
 * for a large batch, ahead of it by the staff list's worker thread.
 *
 * Each row's hash is SHA-256 over the previous row's hash and the row's
 * canonical content (`assignmentHash` in register.ts). The chain depends only
 * on the classified rows and on the register's last row, so a second thread
 * can compute it while the main thread appends the rows to SQLite (the one
 * connection holding the transaction). The two threads share one
 * SharedArrayBuffer: the worker writes each hash it computes and a count of
 * hashes done; the main thread takes a hash from there when the worker is
 * ahead of it and computes it itself when not (while the worker starts up, or
 * when it is starved of a core or has failed). The main thread never waits for
 * the worker, and tells it how far it has come so a worker that fell behind
 * skips ahead instead of computing hashes nobody will read. Either way the
 * chain is the same bytes; the main thread recomputes every 64th hash and the
 * last one it takes from the worker and refuses the batch on a difference.
 */
import type { Arm } from "./rule.ts";
import { chainHash } from "./register.ts";

/** One appended row's hashed values, as strings in column order (seq and batch_seq apart). */
export interface ChainRow {
  cpr: string;
  birthDate: string;
  sex: string;
  firstUnemploymentDay: string;
  industryGroup: string;
  covariatesJson: string;
  arm: Arm;
  flags: string;
}

/**
 * A function giving a row's hash from its sequence number, the previous hash
 * and its values: the same digest as `assignmentHash` of the row (tested),
 * with the JSON texts of repeated values made once.
 */
export type RowHasher = (
  seq: number,
  prevHash: string,
  cpr: string,
  birthDate: string,
  sex: string,
  firstUnemploymentDay: string,
  industryGroup: string,
  covariatesJson: string,
  arm: string,
  flags: string,
) => string;

export function createRowHasher(batchSeq: number, week: string): RowHasher {
  // The JSON texts of the values that repeat (dates, group, sex, arm, flags, covariates), made once each.
  let jsonTexts = new Map<string, string>();
  const jsonText = (value: string): string => {
    let text = jsonTexts.get(value);
    if (text === undefined) {
      if (jsonTexts.size >= 50_000) jsonTexts = new Map();
      jsonTexts.set(value, (text = JSON.stringify(value)));
    }
    return text;
  };
  const batchAndCpr = `,${batchSeq},`;
  const weekText = `,${JSON.stringify(week)},`;
  // The content of assignmentHash(row) (JSON.stringify of the row's values in column order), built from texts made
  // once: whole numbers print as JSON.stringify prints them, and the ten CPR digits need no escaping.
  return (seq, prevHash, cpr, birthDate, sex, firstUnemploymentDay, industryGroup, covariatesJson, arm, flags) =>
    chainHash(
      prevHash,
      "[" +
        seq +
        batchAndCpr +
        '"' +
        cpr +
        '",' +
        jsonText(birthDate) +
        "," +
        jsonText(sex) +
        "," +
        jsonText(firstUnemploymentDay) +
        "," +
        jsonText(industryGroup) +
        "," +
        jsonText(covariatesJson) +
        weekText +
        jsonText(arm) +
        "," +
        jsonText(flags) +
        "]",
    );
}

/** The number of values per row in `EncodedChain.fields`. */
const FIELDS = 7;

/** A batch's rows to hash, in a form that crosses to a worker cheaply (typed arrays and a table of distinct texts). */
export interface EncodedChain {
  batchSeq: number;
  week: string;
  /** The sequence number of the first row. */
  firstSeq: number;
  /** The register's last hash before the batch. */
  prevHash: string;
  count: number;
  /** The rows' CPR numbers, ten digits each, one after the other. */
  cprs: string;
  /** Per row, indexes into `texts`: birth date, sex, first unemployment day, industry group, covariates JSON, arm, flags. */
  fields: Int32Array;
  texts: string[];
}

export interface ChainJob {
  batchSeq: number;
  week: string;
  firstSeq: number;
  prevHash: string;
  count: number;
  /** The values of row `index` (0-based). */
  row: (index: number) => ChainRow;
}

export function encodeChain(job: ChainJob): EncodedChain {
  const textIndex = new Map<string, number>();
  const texts: string[] = [];
  const text = (value: string): number => {
    let index = textIndex.get(value);
    if (index === undefined) {
      textIndex.set(value, (index = texts.length));
      texts.push(value);
    }
    return index;
  };
  const fields = new Int32Array(job.count * FIELDS);
  const cprs: string[] = new Array(job.count);
  for (let index = 0, at = 0; index < job.count; index++) {
    const row = job.row(index);
    cprs[index] = row.cpr;
    fields[at++] = text(row.birthDate);
    fields[at++] = text(row.sex);
    fields[at++] = text(row.firstUnemploymentDay);
    fields[at++] = text(row.industryGroup);
    fields[at++] = text(row.covariatesJson);
    fields[at++] = text(row.arm);
    fields[at++] = text(row.flags);
  }
  return { batchSeq: job.batchSeq, week: job.week, firstSeq: job.firstSeq, prevHash: job.prevHash, count: job.count, cprs: cprs.join(""), fields, texts };
}

/** Bytes of one hash in the shared buffer (hex digits, one byte each). */
const HASH_BYTES = 64;
/** The shared buffer starts with two Int32 counters: hashes the worker has done, and hashes the main thread has done. */
const HEADER_BYTES = 8;
const WORKER_DONE = 0;
const MAIN_DONE = 1;

export function sharedChainBuffer(count: number): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + count * HASH_BYTES);
}

/**
 * The worker's side: computes the chain of `encoded` into `shared`, publishing
 * each hash as it is done, and skips ahead to where the main thread is when
 * that is further on.
 */
export function computeSharedChain(encoded: EncodedChain, shared: SharedArrayBuffer): void {
  const counters = new Int32Array(shared, 0, 2);
  const hashes = Buffer.from(shared, HEADER_BYTES);
  const { cprs, fields, texts } = encoded;
  const hasher = createRowHasher(encoded.batchSeq, encoded.week);
  let prevHash = encoded.prevHash;
  let index = 0;
  while (index < encoded.count) {
    if ((index & 255) === 0) {
      const mainDone = Atomics.load(counters, MAIN_DONE);
      if (mainDone > index) {
        // The main thread computed these itself; go on from its last hash.
        index = mainDone;
        if (index >= encoded.count) break;
        prevHash = hashes.toString("latin1", (index - 1) * HASH_BYTES, index * HASH_BYTES);
      }
    }
    const at = index * FIELDS;
    const hash = hasher(
      encoded.firstSeq + index,
      prevHash,
      cprs.slice(index * 10, index * 10 + 10),
      texts[fields[at]!]!,
      texts[fields[at + 1]!]!,
      texts[fields[at + 2]!]!,
      texts[fields[at + 3]!]!,
      texts[fields[at + 4]!]!,
      texts[fields[at + 5]!]!,
      texts[fields[at + 6]!]!,
    );
    hashes.write(hash, index * HASH_BYTES, HASH_BYTES, "latin1");
    index++;
    // Only ever forward: the main thread reads hashes below this count.
    if (index > Atomics.load(counters, WORKER_DONE)) Atomics.store(counters, WORKER_DONE, index);
    prevHash = hash;
  }
}

/** The main thread's side of a shared chain. */
export interface SharedChainReader {
  /** The hash of row `index` when the worker has done it, else undefined (compute it, then `computed`). */
  take(index: number): string | undefined;
  /** Records that the main thread computed the hash of row `index` itself (the worker may skip past it). */
  computed(index: number, hash: string): void;
}

export function sharedChainReader(shared: SharedArrayBuffer): SharedChainReader {
  const counters = new Int32Array(shared, 0, 2);
  const hashes = Buffer.from(shared, HEADER_BYTES);
  let workerDone = 0;
  return {
    take: (index) => {
      if (index >= workerDone) {
        workerDone = Atomics.load(counters, WORKER_DONE);
        if (index >= workerDone) return undefined;
      }
      return hashes.toString("latin1", index * HASH_BYTES, (index + 1) * HASH_BYTES);
    },
    computed: (index, hash) => {
      if (index >= workerDone) {
        hashes.write(hash, index * HASH_BYTES, HASH_BYTES, "latin1");
        Atomics.store(counters, MAIN_DONE, index + 1);
      }
    },
  };
}
