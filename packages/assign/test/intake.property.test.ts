/**
 * Property-based tests of the CPR parser, the intake reader and the birthdate
 * rule (issue 17): no input throws, every rejected row carries a reason that
 * names its row and column, a valid row is never rejected, and the arm is a
 * function of the birthdate and the rule alone (not of the row's place, the
 * other rows, the file's format or the register's history).
 *
 * The counts of inputs tried are in docs/reliability.md.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xlsxBytes, type AssignmentRule } from "@jobtrial/core";
import { assignBatch } from "../src/batch.ts";
import { makeCpr, parseCpr, passesModulus11 } from "../src/cpr.ts";
import { readIntakeBytes } from "../src/intake.ts";
import { closeRegister, openRegister, verifyRegister } from "../src/register.ts";
import { armForBirthDate } from "../src/rule.ts";
import { batchOptions, esbjergConfig, INTAKE_HEADER, tempDir } from "./helpers.ts";
import { join } from "node:path";

const RUNS = 300;
const config = esbjergConfig();

/** A real birth date CPR numbers can carry (1858-2057). */
const birthDate = fc
  .date({ min: new Date("1858-01-01T00:00:00Z"), max: new Date("2057-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A CPR number for a birth date, as a citizen of the case system can have it (replacement numbers and numbers without modulus 11 too). */
const cprNumber = fc
  .record({ birthDate, sex: fc.constantFrom("female" as const, "male" as const), serial: fc.integer({ min: 0, max: 999 }), modulus11: fc.boolean(), replacement: fc.boolean() })
  .map((options) => ({ digits: makeCpr(options), birthDate: options.birthDate }))
  .filter((made): made is { digits: string; birthDate: string } => made.digits !== undefined);

describe("parseCpr on arbitrary input", () => {
  it("parseCpr never throws on any text, and a number it accepts has ten digits and a real birth date", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^\s?[0-9 \u00a0-]{8,12}[a-z]?\s?$/), fc.stringMatching(/^\d{1,11}([.,]\d{0,3})?(E\+?\d{1,2})?$/)), (text) => {
        const result = parseCpr(text);
        if (result.ok) {
          expect(result.cpr.digits).toMatch(/^\d{10}$/);
          expect(Number.isNaN(Date.parse(`${result.cpr.birthDate}T00:00:00Z`))).toBe(false);
          expect(String(result.cpr)).toBe("[CPR]");
        } else expect(result.problem).toMatch(/^cpr_/);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("parseCpr reads every CPR number written with or without the dash, with white space around, as its birth date and digits", () => {
    fc.assert(
      fc.property(cprNumber, fc.boolean(), fc.constantFrom("", " ", "\u00a0", "\t"), ({ digits, birthDate: born }, dashed, space) => {
        const written = dashed ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
        const result = parseCpr(`${space}${written}${space}`);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect([result.cpr.digits, result.cpr.birthDate, result.cpr.modulus11]).toEqual([digits, born, passesModulus11(digits)]);
      }),
      { numRuns: RUNS },
    );
  });

  it("parseCpr refuses a value of nine digits that is no CPR with its zero restored, eleven digits, and letters or spaces among the digits, each with its own reason", () => {
    fc.assert(
      fc.property(cprNumber, fc.integer({ min: 1, max: 8 }), fc.constantFrom("a", "O", " ", "\u00a0", "x"), ({ digits }, at, intruder) => {
        expect(parseCpr(digits + "7")).toEqual({ ok: false, problem: "cpr_wrong_length" });
        expect(parseCpr(digits.slice(0, at) + intruder + digits.slice(at))).toEqual({ ok: false, problem: "cpr_bad_characters" });
        const nine = digits.slice(1);
        const restored = parseCpr(nine);
        if (digits.startsWith("0")) expect(restored.ok && restored.cpr.flags.includes("restored-leading-zero")).toBe(true);
        else if (!restored.ok) expect(restored.problem).toBe("cpr_nine_digits_invalid");
      }),
      { numRuns: RUNS },
    );
  });
});

/** An intake file's bytes as CSV: header, then one line per row. */
function intakeCsvBytes(rows: readonly (readonly string[])[], lineEnd = "\r\n"): Uint8Array {
  return new TextEncoder().encode([INTAKE_HEADER, ...rows.map((row) => row.join(";"))].join(lineEnd) + lineEnd);
}

/** A valid intake row: a CPR number, a first unemployment day in any accepted form, an industry group of the configuration. */
const validRow = fc
  .record({
    cpr: cprNumber,
    dashed: fc.boolean(),
    day: fc.date({ min: new Date("2016-09-01T00:00:00Z"), max: new Date("2017-04-30T00:00:00Z"), noInvalidDate: true }),
    dayForm: fc.constantFrom("dd-mm-yyyy", "dd.mm.yyyy", "iso"),
    group: fc.constantFrom(...config.targetGroup.industryGroups),
  })
  .map(({ cpr, dashed, day, dayForm, group }) => {
    const iso = day.toISOString().slice(0, 10);
    const [year, month, date] = iso.split("-");
    const written = dayForm === "iso" ? iso : dayForm === "dd-mm-yyyy" ? `${date}-${month}-${year}` : `${date}.${month}.${year}`;
    return { digits: cpr.digits, birthDate: cpr.birthDate, cells: [dashed ? `${cpr.digits.slice(0, 6)}-${cpr.digits.slice(6)}` : cpr.digits, written, group, "3F", "Faglært", "Dansk"] };
  });

describe("readIntakeBytes on arbitrary input", () => {
  it("readIntakeBytes never throws on arbitrary bytes, and accounts for every row: valid, invalid with a reason, or a repeat", async () => {
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), { maxLength: 10 }).map((rows) => intakeCsvBytes(rows)),
      fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9 -]{8,12}$/), fc.stringMatching(/^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/)), { minLength: 6, maxLength: 6 }), { maxLength: 10 }).map((rows) => intakeCsvBytes(rows)),
    );
    await fc.assert(
      fc.asyncProperty(noise, async (bytes) => {
        const intake = await readIntakeBytes(bytes, { file: "uge.csv", config });
        if (intake.fileProblems.length > 0) {
          expect(intake.records).toEqual([]);
          for (const item of intake.fileProblems) expect([item.file, item.messageDa.length > 0, item.fixDa.length > 0]).toEqual(["uge.csv", true, true]);
          return;
        }
        expect(intake.records.length + intake.invalid.length + intake.duplicatesCollapsed).toBe(intake.rowsRead);
        for (const row of intake.invalid) {
          expect(row.problems.length).toBeGreaterThan(0);
          for (const item of row.problems) expect([item.file, item.row]).toEqual(["uge.csv", row.row]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("readIntakeBytes never rejects a valid row, whatever other rows (valid or not) the file holds around it", async () => {
    const junk = fc.array(fc.string({ maxLength: 10 }).filter((text) => !text.includes(";") && !text.includes('"') && !/[\r\n]/.test(text)), { minLength: 6, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 3, arbitrary: validRow.map((row) => ({ valid: true as const, ...row })) }, junk.map((cells) => ({ valid: false as const, cells }))), { minLength: 1, maxLength: 15 }), async (rows) => {
        const intake = await readIntakeBytes(intakeCsvBytes(rows.map((row) => row.cells)), { file: "uge.csv", config });
        const byCpr = new Map<string, Set<string>>();
        for (const row of rows) if (row.valid) byCpr.set(row.digits, (byCpr.get(row.digits) ?? new Set()).add(row.cells.slice(1).join(";")));
        rows.forEach((row, index) => {
          if (!row.valid) return;
          const line = index + 2;
          const invalid = intake.invalid.find((other) => other.row === line);
          // The one reason a well-formed row may be refused: the same citizen twice with different values.
          if (invalid) expect(invalid.problems.map((item) => item.code)).toEqual(["duplicate_conflict"]);
          else expect(intake.records.some((record) => record.row === line) || intake.duplicates.some((repeat) => repeat.record.row === line)).toBe(true);
          if (invalid) expect(byCpr.get(row.digits)!.size).toBeGreaterThan(1);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("readIntakeBytes reads the same citizens from a CSV and from an XLSX of the same rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(validRow, { minLength: 1, maxLength: 10, selector: (row) => row.digits }), async (rows) => {
        const csv = await readIntakeBytes(intakeCsvBytes(rows.map((row) => row.cells)), { file: "uge.csv", config });
        const xlsx = await readIntakeBytes(await xlsxBytes([{ name: "Ark1", columns: INTAKE_HEADER.split(";").map((header) => ({ header })), rows: rows.map((row) => row.cells) }]), { file: "uge.xlsx", config });
        const citizens = (intake: typeof csv) => intake.records.map((record) => [record.cpr.digits, record.cpr.birthDate, record.firstUnemploymentDay, record.industryGroup]);
        expect(csv.invalid).toEqual([]);
        expect(citizens(xlsx)).toEqual(citizens(csv));
        expect(csv.records.map((record) => record.cpr.birthDate)).toEqual(rows.map((row) => row.birthDate));
      }),
      { numRuns: 25 },
    );
  });
});

describe("assignment as a pure function of the birthdate and the rule", () => {
  const rule: fc.Arbitrary<AssignmentRule> = fc.oneof(
    fc.constant(config.assignment.rule),
    fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 30 }).map((intervention) => ({
      kind: "day-of-month" as const,
      intervention,
      control: Array.from({ length: 31 }, (_, index) => index + 1).filter((day) => !intervention.includes(day)),
    })),
    fc.constantFrom("odd" as const, "even" as const).map((intervention) => ({ kind: "parity" as const, intervention })),
  );

  it("armForBirthDate gives the same arm for the same birthdate and rule, every time, and depends only on the day (and for a list, the month)", () => {
    fc.assert(
      fc.property(rule, birthDate, birthDate, (someRule, first, second) => {
        expect(armForBirthDate(someRule, first)).toBe(armForBirthDate(someRule, first));
        if (someRule.kind !== "birthday-list" && first.slice(8) === second.slice(8)) expect(armForBirthDate(someRule, first)).toBe(armForBirthDate(someRule, second));
      }),
      { numRuns: RUNS },
    );
  });

  it("assignBatch gives each citizen the arm of their birthdate, whatever the order of the rows and however the file is split into weeks", async () => {
    let assigned = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(validRow, { minLength: 2, maxLength: 12, selector: (row) => row.digits }), fc.integer({ min: 1, max: 11 }), async (rows, split) => {
        const dir = tempDir();
        const armsOf = async (weeks: (typeof rows)[]): Promise<Map<string, string>> => {
          const register = openRegister(join(dir, `r-${Math.random()}.sqlite`), { create: true, trialId: config.id });
          const arms = new Map<string, string>();
          try {
            for (const [index, week] of weeks.entries()) {
              const intake = await readIntakeBytes(intakeCsvBytes(week.map((row) => row.cells)), { file: `2017-W0${index + 1}.csv`, config });
              const result = assignBatch(register, intake, batchOptions(config, new Date("2017-03-01T12:00:00Z"), `2017-W0${index + 1}`));
              for (const row of result.rows) if (row.cpr !== null && row.arm !== null) arms.set(row.cpr, row.arm);
            }
            expect(verifyRegister(register).ok).toBe(true);
          } finally {
            closeRegister(register);
          }
          return arms;
        };
        const whole = await armsOf([rows]);
        const reversedInTwo = await armsOf([[...rows].reverse().slice(0, split), [...rows].reverse().slice(split)].filter((week) => week.length > 0));
        // Eligibility may depend on the week a row comes in; the arm of whoever is assigned never does.
        for (const arms of [whole, reversedInTwo]) for (const row of rows) if (arms.has(row.digits)) expect(arms.get(row.digits)).toBe(armForBirthDate(config.assignment.rule, row.birthDate));
        assigned += whole.size;
      }),
      { numRuns: 25 },
    );
    // The property is about assigned citizens: it must have seen some.
    expect(assigned).toBeGreaterThan(25);
  });
});
