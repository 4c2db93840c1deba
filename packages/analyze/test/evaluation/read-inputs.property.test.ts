/**
 * Property-based tests of analyze's input readers (issue 17): the spell table,
 * the weekly benefit panel, the conversation log and the secondary outcomes,
 * on arbitrary bytes, arbitrary CSV shapes and arbitrary dates, and
 * `loadEvaluationInputs` on arbitrary files. What must hold for every input:
 *
 * - no reader throws;
 * - every row is accounted for: kept, skipped as outside the cohort, or
 *   rejected with at least one problem naming its line (file, row, a message
 *   and a fix, in Danish too);
 * - a valid row is never rejected, whatever date form, delimiter or encoding;
 * - a problem never quotes a cell (a cell may hold a CPR number);
 * - a file over 100 MB is refused before it is read, in Danish with the limit.
 *
 * The counts of inputs tried are in docs/reliability.md.
 */
import fc from "fast-check";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadEvaluationInputs } from "../../src/evaluation/load-inputs.ts";
import { formatEvaluationProblem, type EvaluationProblem } from "../../src/evaluation/problems.ts";
import { readBenefitWeekTable, readConversationTable, readSecondaryTable, readSpellTable, type ReadResult } from "../../src/evaluation/read-inputs.ts";
import { parseDateValue, parseWeekValue, readInputTable, type InputTable } from "../../src/evaluation/table.ts";

/** Inputs per property: a few seconds each on one core. */
const RUNS = 300;

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "jobtrial-analyze-property-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);
const COHORT = ["p1", "p2", "p3", "p4", "p5", "p6"];
const cohort = new Set(COHORT);
/** The injected pseudonymization: a CPR number's digits become "cpr-" and its first two digits (enough to tell rows apart, nothing to leak). */
const pseudonymize = (digits: string) => `cpr-${digits.slice(0, 2)}`;

type Reader = (table: InputTable) => ReadResult<unknown>;
const READERS: Record<string, Reader> = {
  spells: (table) => readSpellTable(table, { cohort, pseudonymize }),
  "benefit-weeks": (table) => readBenefitWeekTable(table, { cohort, pseudonymize }),
  conversations: (table) => readConversationTable(table, { cohort, pseudonymize }),
  secondary: (table) => readSecondaryTable(table, { cohort, pseudonymize }),
};
const HEADERS: Record<string, string[]> = {
  spells: ["Pseudonym", "Forløbsstart", "Forløbsslut", "Afgangsårsag"],
  "benefit-weeks": ["Pseudonym", "År-uge", "Ydelseskode"],
  conversations: ["Pseudonym", "Planlagt uge", "Dato", "Samtaletype", "Rådgiver", "Status"],
  secondary: ["Pseudonym", "Ansøgninger", "Egen praktik eller løntilskud", "Vurdering"],
};

/** Every problem is located in the file, worded with a fix in English and Danish, and quotes no cell. */
function expectWellFormed(problems: readonly EvaluationProblem[], file: string, cells: readonly string[]) {
  for (const item of problems) {
    expect(item.file).toBe(file);
    expect(item.message.length * item.fix.length).toBeGreaterThan(0);
    expect(formatEvaluationProblem(item, "da").length).toBeGreaterThan(file.length);
    // A cell of ten digits (what a CPR number looks like) is never in a message.
    for (const cell of cells) if (/^\d{10}$/.test(cell)) expect(`${item.message} ${item.fix}`).not.toContain(cell);
  }
}

/** Bytes shaped like a delimited file more often than noise: punctuation, BOMs, æøå in several encodings, dates and CPR-like digits. */
const csvLikeBytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.constantFrom(..."; , \t \" \r \n \r\n æ ø å pseudonym Forløbsstart Forløbsslut År-uge Ydelseskode Dato Status Ansøgninger".split(" ").map(encode)),
      fc.constantFrom(Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff), Uint8Array.of(0xe6, 0xf8, 0xe5), Uint8Array.of(0x00)),
      fc.constantFrom("p1", "2017-01-02", "31.12.2017", "2017-W05", "0101801234", "afholdt", "selvforsørgelse").map(encode),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));

/** A cell of any shape a case-system export could hold: dates right and wrong, weeks, numbers, CPR-like digits, quotes, noise. */
const anyCell = fc.oneof(
  fc.constantFrom("", "p1", "p2", "p9", "NA", "ja", "nej", "afholdt", "brev", "maybe", "selvforsørgelse", "job", "0101801234", "010180-1234", "=HYPERLINK(\"x\")"),
  fc.date({ min: new Date("1899-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 2100 })).map(([day, month, year]) => `${day}.${month}.${year}`),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 60 })).map(([year, week]) => `${year}-W${String(week).padStart(2, "0")}`),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -5, max: 60 }).map(String),
  fc.string({ maxLength: 8 }),
);

describe("analyze's readers on arbitrary input", () => {
  it.each(Object.keys(READERS))("the %s reader never throws on arbitrary bytes, and each problem names the file, says how to fix it and quotes no cell", (name) => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), csvLikeBytes), (bytes) => {
        const table = readInputTable(bytes, `${name}.csv`);
        const result = READERS[name]!(table);
        expectWellFormed(result.problems, `${name}.csv`, table.rows.flatMap((row) => row.cells));
        if (table.header.length === 0) expect(result.problems.map((item) => item.code)).toContain("file_empty");
      }),
      { numRuns: RUNS },
    );
  });

  it.each(Object.keys(READERS))("the %s reader accounts for every row of any table shape: kept, outside the cohort, or rejected with a problem on its line", (name) => {
    const header = HEADERS[name]!;
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: header.length, maxLength: header.length }), { maxLength: 25 }),
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\r\n", "\n"),
        (rows, delimiter, lineEnd) => {
          const quote = (cell: string) => (/[";,\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
          const text = [header, ...rows].map((cells) => cells.map(quote).join(delimiter)).join(lineEnd) + lineEnd;
          const table = readInputTable(encode(text), `${name}.csv`);
          const result = READERS[name]!(table);
          expectWellFormed(result.problems, `${name}.csv`, rows.flat());
          // Overlapping spells are flagged on rows that were read; the other problems reject their row.
          const rejectedLines = new Set(result.problems.filter((item) => item.code !== "spell_overlap").map((item) => item.row));
          const dataRows = table.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
          const accepted = dataRows.filter((row) => !rejectedLines.has(row.line)).length;
          expect(result.rows.length + result.outsideCohort).toBe(accepted);
          for (const line of rejectedLines) expect(line === 1 || dataRows.some((row) => row.line === line)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** A calendar date from 1950 to 2040 as ISO and in each form the readers accept. */
const calendarDate = fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const asWritten = (iso: string, form: number) => {
  const [year, month, day] = iso.split("-") as [string, string, string];
  return [iso, `${day}.${month}.${year}`, `${day}-${month}-${year}`, `${day}/${month}/${year}`, `${Number(day)}.${Number(month)}.${year}`, `${iso}T00:00:00`][form]!;
};

describe("valid rows are never rejected", () => {
  it("parseDateValue reads every calendar date in every accepted form as its ISO date, and anything it accepts is a calendar date", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 12 }), (iso, form, noise) => {
        expect(parseDateValue(` ${asWritten(iso, form)} `)).toBe(iso);
        const parsed = parseDateValue(noise);
        if (parsed !== null) expect(new Date(`${parsed}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("readSpellTable keeps every valid spell of the cohort (dates in any form, any delimiter, UTF-8 with BOM or Windows-1252) and rejects none", () => {
    const spell = fc.tuple(calendarDate, fc.integer({ min: 0, max: 400 }), fc.option(fc.constantFrom("selvforsørgelse", "job", "sygedagpenge", "censureret")), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(spell, { maxLength: COHORT.length }), fc.constantFrom(";", ",", "\t"), fc.boolean(), (spells, delimiter, windows1252) => {
        const lines = spells.map(([start, days, exit, startForm, endForm], index) => {
          const end = exit === null ? "" : asWritten(new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10), endForm);
          return [COHORT[index], asWritten(start, startForm), end, exit ?? ""].join(delimiter);
        });
        const text = [HEADERS.spells!.join(delimiter), ...lines].join("\r\n") + "\r\n";
        const bytes = windows1252 ? Uint8Array.from([...text].map((char) => ({ ø: 0xf8, Ø: 0xd8, æ: 0xe6, å: 0xe5 })[char] ?? char.charCodeAt(0))) : encode("\uFEFF" + text);
        const result = readSpellTable(readInputTable(bytes, "spells.csv"), { cohort });
        expect(result.problems).toEqual([]);
        expect(result.rows.map((row) => [row.pseudonym, row.start])).toEqual(spells.map(([start], index) => [COHORT[index], start]));
        expect(result.rows.filter((row) => row.exitState === "self-support")).toHaveLength(spells.filter(([, , exit]) => exit === "selvforsørgelse").length);
      }),
      { numRuns: RUNS },
    );
  });

  it("readBenefitWeekTable keeps every valid person-week (any existing ISO week, any code, empty included) and parseWeekValue accepts only existing weeks", () => {
    const isoWeek = fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 53 })).filter(([year, week]) => parseWeekValue(`${year}-W${String(week).padStart(2, "0")}`) !== null);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...COHORT), isoWeek, fc.constantFrom("", "111", "A-dagpenge", "kontanthjælp", "selvforsørgelse")), { maxLength: 30 }), (rows) => {
        const text = [HEADERS["benefit-weeks"]!.join(";"), ...rows.map(([person, [year, week], code]) => `${person};${year}-W${String(week).padStart(2, "0")};${code}`)].join("\n") + "\n";
        const result = readBenefitWeekTable(readInputTable(encode(text), "benefit-weeks.csv"), { cohort });
        expect(result.problems).toEqual([]);
        expect(result.rows).toHaveLength(rows.length);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 3000 }), fc.integer({ min: 0, max: 60 }), (year, week) => {
        const parsed = parseWeekValue(`${year}-W${String(week).padStart(2, "0")}`);
        // ISO years have 52 or 53 weeks: 28 December is always in the last one.
        const lastWeek = (() => {
          const december28 = new Date(Date.UTC(year, 11, 28));
          const thursday = new Date(december28.getTime() + (3 - ((december28.getUTCDay() + 6) % 7)) * 86_400_000);
          const january1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
          return Math.floor((thursday.getTime() - january1) / (7 * 86_400_000)) + 1;
        })();
        expect(parsed !== null).toBe(week >= 1 && week <= lastWeek);
      }),
      { numRuns: RUNS },
    );
  });

  it("readConversationTable and readSecondaryTable keep every valid row of the cohort and reject none", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(calendarDate, fc.constantFrom("afholdt", "brev", "aflyst", "udeblevet", "held", "letter"), fc.option(fc.integer({ min: 1, max: 52 })), fc.integer({ min: 0, max: 4 })), { maxLength: 20 }),
        fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 500 })), fc.constantFrom("", "ja", "nej", "NA"), fc.option(fc.integer({ min: 0, max: 1000 }).map((hundredths) => hundredths / 100))), { maxLength: COHORT.length }),
        (conversations, secondary) => {
          const conversationText = [HEADERS.conversations!.join(";"), ...conversations.map(([date, status, week, form], index) => [COHORT[index % COHORT.length], week ?? "", asWritten(date, form), "Jobsamtale", "R01", status].join(";"))].join("\n");
          const read = readConversationTable(readInputTable(encode(conversationText), "conversations.csv"), { cohort });
          expect(read.problems).toEqual([]);
          expect(read.rows.map((row) => row.date)).toEqual(conversations.map(([date]) => date));
          const secondaryText = [HEADERS.secondary!.join(";"), ...secondary.map(([applications, flag, rating], index) => [COHORT[index], applications ?? "", flag, rating === null ? "" : String(rating).replace(".", ",")].join(";"))].join("\n");
          const secondaryRead = readSecondaryTable(readInputTable(encode(secondaryText), "secondary.csv"), { cohort });
          expect(secondaryRead.problems).toEqual([]);
          expect(secondaryRead.rows.map((row) => row.applications)).toEqual(secondary.map(([applications]) => applications));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("loadEvaluationInputs on arbitrary files", () => {
  const config = join(scratch, "trial.json");
  copyFileSync(join(repoRoot, "data/esbjerg-2017/trial.json"), config);
  const cohortFile = join(scratch, "kohorte.csv");
  writeFileSync(cohortFile, "pseudonym;arm;week;first_unemployment_day\np1;intervention;2017-W01;2017-01-02\np2;control;2017-W01;2017-01-03\n");
  const spellsFile = join(scratch, "spells.csv");
  writeFileSync(spellsFile, "pseudonym;Forløbsstart;Forløbsslut;Afgangsårsag\np1;2017-01-02;2017-03-01;job\np2;2017-01-03;;\n");

  it("never throws whatever bytes the spell table, benefit panel, conversation log and secondary outcomes hold; a refusal lists problems with file and fix", () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), csvLikeBytes), fc.constantFrom("spells", "benefitWeeks", "conversations", "secondary"), (bytes, role) => {
        const path = join(scratch, `input-${runs++ % 4}.csv`);
        writeFileSync(path, bytes);
        const files = { config, cohort: cohortFile, ...(role === "spells" || role === "benefitWeeks" ? { [role]: path } : { spells: spellsFile, [role]: path }) };
        const result = loadEvaluationInputs(files, "2018-03-01");
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const item of result.problems) expect([item.file.length, item.message.length, item.fix.length].every((length) => length > 0)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("refuses an outcome file over 100 MB before reading it, in Danish with its size and the limit", () => {
    const large = join(scratch, "benefit-weeks.csv");
    // A sparse file of 101 MB: the size is real, the disk holds nothing.
    const fd = openSync(large, "w");
    ftruncateSync(fd, 101 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const result = loadEvaluationInputs({ config, cohort: cohortFile, benefitWeeks: large }, "2018-03-01");
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((item) => formatEvaluationProblem(item, "da"))).toMatchInlineSnapshot(`
      [
        "benefit-weeks.csv: filen er for stor (101 MB); jobtrial læser filer på højst 100 MB. Ret: kontroller, at det er den rigtige fil; udtræk kun forsøgets borgere og opfølgningsperioden (rækker om andre bliver alligevel sprunget over)",
      ]
    `);
  });
});
