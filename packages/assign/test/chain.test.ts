import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignBatch, type AssignBatchOptions } from "../src/batch.ts";
import {
  computeSharedChain,
  createRowHasher,
  encodeChain,
  sharedChainBuffer,
  sharedChainReader,
  type ChainJob,
  type ChainRow,
} from "../src/chain.ts";
import { readIntakeFile } from "../src/intake.ts";
import {
  assignmentHash,
  closeRegister,
  GENESIS_HASH,
  openRegister,
  verifyRegister,
  type Register,
} from "../src/register.ts";
import { batchOptions, citizens, esbjergConfig, intakeCsv, tempDir } from "./helpers.ts";

const rows: ChainRow[] = [
  { cpr: "0101501234", birthDate: "1950-01-01", sex: "female", firstUnemploymentDay: "2017-01-03", industryGroup: "Handel og service", covariatesJson: '{"education":"Faglært"}', arm: "intervention", flags: "" },
  { cpr: "6101501235", birthDate: "1950-01-01", sex: "male", firstUnemploymentDay: "2017-01-03", industryGroup: 'Bygge "og" anlæg', covariatesJson: '{"origin":"Dansk \\"x\\""}', arm: "control", flags: "replacement-number,no-modulus-11" },
  { cpr: "0101501234", birthDate: "1950-01-01", sex: "female", firstUnemploymentDay: "2017-01-04", industryGroup: "Æøå", covariatesJson: "{}", arm: "intervention", flags: "restored-leading-zero" },
];

/** The chain as register.ts defines it, row by row. */
function referenceChain(job: ChainJob): string[] {
  const hashes: string[] = [];
  let prev = job.prevHash;
  for (let index = 0; index < job.count; index++) {
    const row = job.row(index);
    prev = assignmentHash({
      seq: job.firstSeq + index,
      batch_seq: job.batchSeq,
      cpr: row.cpr,
      birth_date: row.birthDate,
      sex: row.sex as "female" | "male",
      first_unemployment_day: row.firstUnemploymentDay,
      industry_group: row.industryGroup,
      covariates_json: row.covariatesJson,
      week: job.week,
      arm: row.arm,
      flags: row.flags,
      prev_hash: prev,
    });
    hashes.push(prev);
  }
  return hashes;
}

function job(count: number): ChainJob {
  return { batchSeq: 3, week: "2017-W02", firstSeq: 41, prevHash: "a".repeat(64), count, row: (index) => ({ ...rows[index % rows.length]!, cpr: String(1000000000 + index * 7) }) };
}

describe("hash chain", () => {
  it("createRowHasher gives assignmentHash's digest, also for quotes, Danish letters and flags", () => {
    const hasher = createRowHasher(3, "2017-W02");
    const oneJob: ChainJob = { ...job(rows.length), row: (index) => rows[index]! };
    const expected = referenceChain(oneJob);
    let prev = oneJob.prevHash;
    rows.forEach((row, index) => {
      prev = hasher(41 + index, prev, row.cpr, row.birthDate, row.sex, row.firstUnemploymentDay, row.industryGroup, row.covariatesJson, row.arm, row.flags);
      expect(prev).toBe(expected[index]);
    });
  });

  it("computeSharedChain writes the same chain that the reader then hands out", () => {
    const chainJob = job(1000);
    const encoded = encodeChain(chainJob);
    const shared = sharedChainBuffer(encoded.count);
    const reader = sharedChainReader(shared);
    expect(reader.take(0)).toBeUndefined();
    computeSharedChain(encoded, shared);
    const expected = referenceChain(chainJob);
    expect(Array.from({ length: 1000 }, (_, index) => reader.take(index))).toEqual(expected);
  });

  it("a worker behind the main thread goes on from the main thread's last hash instead of starting over", () => {
    const chainJob = job(1000);
    const expected = referenceChain(chainJob);
    const encoded = encodeChain(chainJob);
    const shared = sharedChainBuffer(encoded.count);
    const reader = sharedChainReader(shared);
    // The main thread did the first 300 itself, the last of them deliberately wrong, so the worker's next hash shows where it started.
    for (let index = 0; index < 299; index++) reader.computed(index, expected[index]!);
    reader.computed(299, "f".repeat(64));
    computeSharedChain(encoded, shared);
    const hasher = createRowHasher(3, "2017-W02");
    const row = chainJob.row(300);
    expect(reader.take(300)).toBe(hasher(341, "f".repeat(64), row.cpr, row.birthDate, row.sex, row.firstUnemploymentDay, row.industryGroup, row.covariatesJson, row.arm, row.flags));
    expect(reader.take(298)).toBe(expected[298]);
  });

  it("an empty register's chain starts from the genesis hash", () => {
    const chainJob = { ...job(2), prevHash: GENESIS_HASH };
    const shared = sharedChainBuffer(2);
    computeSharedChain(encodeChain(chainJob), shared);
    expect([sharedChainReader(shared).take(0), sharedChainReader(shared).take(1)]).toEqual(referenceChain(chainJob));
  });
});

describe("assignBatch with hashes computed ahead", () => {
  const config = esbjergConfig();
  const now = new Date("2017-03-01T12:00:00Z");
  const options = (week: string, onClassified?: AssignBatchOptions["onClassified"]): AssignBatchOptions => batchOptions(config, now, week, onClassified ? { onClassified } : {});
  const hashes = (register: Register): string[] => (register.db.prepare("SELECT hash FROM assignments ORDER BY seq").all() as { hash: string }[]).map((row) => row.hash);

  async function twoRegisters(): Promise<{ plain: Register; withAhead: Register; dir: string }> {
    const dir = tempDir();
    const first = join(dir, "2017-W01.csv");
    const second = join(dir, "2017-W02.csv");
    writeFileSync(first, intakeCsv(citizens(50, "03-01-2017")));
    writeFileSync(second, intakeCsv(citizens(400, "09-01-2017")));
    const plain = openRegister(join(dir, "plain.sqlite"), { create: true, trialId: config.id, now });
    const withAhead = openRegister(join(dir, "ahead.sqlite"), { create: true, trialId: config.id, now });
    assignBatch(plain, await readIntakeFile(first, config), options("2017-W01"));
    assignBatch(withAhead, await readIntakeFile(first, config), options("2017-W01"));
    assignBatch(plain, await readIntakeFile(second, config), options("2017-W02"));
    return { plain, withAhead, dir };
  }

  it("takes the hashes computed ahead and writes the same register as without them", async () => {
    let taken = 0;
    const { plain, withAhead, dir } = await twoRegisters();
    const result = assignBatch(
      withAhead,
      await readIntakeFile(join(dir, "2017-W02.csv"), config),
      options("2017-W02", ({ chain }) => {
        const shared = sharedChainBuffer(chain.count);
        computeSharedChain(encodeChain(chain), shared);
        const reader = sharedChainReader(shared);
        return {
          take: (index) => {
            taken++;
            return reader.take(index);
          },
          computed: reader.computed,
        };
      }),
    );
    expect([result.outcome, result.counts.assigned.intervention + result.counts.assigned.control, taken]).toEqual(["written", 350, 350]);
    expect(hashes(withAhead)).toEqual(hashes(plain));
    expect(verifyRegister(withAhead).ok).toBe(true);
    closeRegister(plain);
    closeRegister(withAhead);
  });

  it("refuses the batch and writes nothing when a hash computed ahead differs from its own", async () => {
    const { plain, withAhead, dir } = await twoRegisters();
    const intake = await readIntakeFile(join(dir, "2017-W02.csv"), config);
    expect(() =>
      assignBatch(
        withAhead,
        intake,
        options("2017-W02", ({ chain }) => {
          const shared = sharedChainBuffer(chain.count);
          computeSharedChain(encodeChain({ ...chain, week: "2017-W03" }), shared);
          return sharedChainReader(shared);
        }),
      ),
    ).toThrow("internal: the hash of record 51 computed by the staff list's worker differs");
    expect([verifyRegister(withAhead).ok, hashes(withAhead).length]).toEqual([true, 50]);
    closeRegister(plain);
    closeRegister(withAhead);
  });
});
