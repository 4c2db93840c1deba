import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { intakeProblems, readIntakeBytes } from "../src/intake.ts";
import { formatProblem } from "@jobtrial/core";
import { citizens, cprFor, esbjergConfig, intakeCsv } from "./helpers.ts";

const config = esbjergConfig();
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("readIntakeBytes", () => {
  it("readIntakeBytes lists every bad-input kind with file, row, column, reason and fix, and no message quotes a CPR number or date", async () => {
    const good = cprFor("1980-03-05", 1);
    const rows = [
      ["", "02-01-2017", "Handel og service", "", "", ""], // 2: empty CPR
      ["07O761-4285", "02-01-2017", "Handel og service", "", "", ""], // 3: letter O
      ["320180-1234", "02-01-2017", "Handel og service", "", "", ""], // 4: day 32
      ["991234567", "02-01-2017", "Handel og service", "", "", ""], // 5: 9 digits, not restorable
      ["12345", "02-01-2017", "Handel og service", "", "", ""], // 6: too short
      ["7,07614E+08", "02-01-2017", "Handel og service", "", "", ""], // 7: Excel number
      [cprFor("1981-04-20", 2), "", "Handel og service", "", "", ""], // 8: no date
      [cprFor("1982-05-20", 3), "2. januar 2017", "Handel og service", "", "", ""], // 9: bad date form
      [cprFor("1983-06-20", 4), "31-02-2017", "Handel og service", "", "", ""], // 10: impossible date
      [cprFor("1984-07-20", 5), "02-01-2017", " ", "", "", ""], // 11: no industry group
      [good, "02-01-2017", "Handel og service", "3F", "", ""], // 12
      [good, "09-01-2017", "Handel og service", "3F", "", ""], // 13: conflicts with 12
      [cprFor("1985-08-20", 6), "02-01-2017", "Handel og service", "3F", "", "", "extra"], // 14: too many fields
    ];
    const intake = await readIntakeBytes(encode(intakeCsv(rows)), { file: "2017-W01.csv", config });
    expect(intake.records).toEqual([]);
    const lines = intakeProblems(intake).map((item) => formatProblem(item, "en"));
    expect(lines).toMatchInlineSnapshot(`
      [
        "2017-W01.csv: row 2, column "CPR-nummer": the CPR number is empty; fill in the citizen's CPR number (DDMMYY-SSSS) or remove the row",
        "2017-W01.csv: row 3, column "CPR-nummer": the CPR number contains characters other than digits and one dash; write it as DDMMYY-SSSS or DDMMYYSSSS",
        "2017-W01.csv: row 4, column "CPR-nummer": the first six digits of the CPR number are not a real date (the day, or the day minus 60 for a replacement number, does not exist in that month and year); check the CPR number against the case system",
        "2017-W01.csv: row 5, column "CPR-nummer": the CPR number has 9 digits and adding the leading zero Excel may have dropped does not give a valid CPR number; check the CPR number against the case system and format the column as Text in Excel",
        "2017-W01.csv: row 6, column "CPR-nummer": the CPR number does not have 10 digits; check for missing or extra digits; write it as DDMMYY-SSSS",
        "2017-W01.csv: row 7, column "CPR-nummer": the CPR number was turned into a number by Excel (decimals or scientific notation); format the column as Text in Excel and type or paste the CPR numbers again",
        "2017-W01.csv: row 8, column "Første ledighedsdag": the date is empty; fill in the date as dd-mm-yyyy, for example 02-01-2017",
        "2017-W01.csv: row 9, column "Første ledighedsdag": the value is not a date in a known form; write the date as dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, for example 02-01-2017",
        "2017-W01.csv: row 10, column "Første ledighedsdag": the date does not exist in the calendar; check the day and the month (for example 29 February only in leap years)",
        "2017-W01.csv: row 11, column "Branchegruppe": the value is empty; fill in the value or remove the row",
        "2017-W01.csv: row 12, column "CPR-nummer": the same CPR number appears in row 13 with different values in "Første ledighedsdag"; keep one row per citizen with the correct values; identical repeated rows are fine",
        "2017-W01.csv: row 13, column "CPR-nummer": the same CPR number appears in row 12 with different values in "Første ledighedsdag"; keep one row per citizen with the correct values; identical repeated rows are fine",
        "2017-W01.csv: row 14: the row has 7 fields but the header has 6; check the row for an extra or missing separator; a value containing the separator must be in double quotes",
      ]
    `);
    // In Danish, as the jobcentre's staff see them.
    const danish = intakeProblems(intake).map((item) => formatProblem(item));
    expect(danish).toMatchInlineSnapshot(`
      [
        "2017-W01.csv: række 2, kolonne "CPR-nummer": CPR-nummeret er tomt; udfyld borgerens CPR-nummer (DDMMÅÅ-SSSS) eller fjern rækken",
        "2017-W01.csv: række 3, kolonne "CPR-nummer": CPR-nummeret indeholder andet end cifre og én bindestreg; skriv det som DDMMÅÅ-SSSS eller DDMMÅÅSSSS",
        "2017-W01.csv: række 4, kolonne "CPR-nummer": de første seks cifre i CPR-nummeret er ikke en rigtig dato (dagen, eller dagen minus 60 for et erstatningspersonnummer, findes ikke i den måned og det år); kontroller CPR-nummeret i fagsystemet",
        "2017-W01.csv: række 5, kolonne "CPR-nummer": CPR-nummeret har 9 cifre, og det giver ikke et gyldigt CPR-nummer at tilføje det foranstillede nul, som Excel kan have fjernet; kontroller CPR-nummeret i fagsystemet, og formater kolonnen som Tekst i Excel",
        "2017-W01.csv: række 6, kolonne "CPR-nummer": CPR-nummeret har ikke 10 cifre; se efter manglende eller ekstra cifre; skriv det som DDMMÅÅ-SSSS",
        "2017-W01.csv: række 7, kolonne "CPR-nummer": Excel har gjort CPR-nummeret til et tal (med decimaler eller som videnskabelig notation); formater kolonnen som Tekst i Excel, og skriv eller indsæt CPR-numrene igen",
        "2017-W01.csv: række 8, kolonne "Første ledighedsdag": datoen er tom; udfyld datoen som dd-mm-åååå, for eksempel 02-01-2017",
        "2017-W01.csv: række 9, kolonne "Første ledighedsdag": værdien er ikke en dato i en kendt form; skriv datoen som dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd, for eksempel 02-01-2017",
        "2017-W01.csv: række 10, kolonne "Første ledighedsdag": datoen findes ikke i kalenderen; kontroller dagen og måneden (for eksempel findes 29. februar kun i skudår)",
        "2017-W01.csv: række 11, kolonne "Branchegruppe": værdien er tom; udfyld værdien eller fjern rækken",
        "2017-W01.csv: række 12, kolonne "CPR-nummer": det samme CPR-nummer står i række 13 med andre værdier i "Første ledighedsdag"; behold én række pr. borger med de rigtige værdier; ens gentagne rækker er i orden",
        "2017-W01.csv: række 13, kolonne "CPR-nummer": det samme CPR-nummer står i række 12 med andre værdier i "Første ledighedsdag"; behold én række pr. borger med de rigtige værdier; ens gentagne rækker er i orden",
        "2017-W01.csv: række 14: rækken har 7 felter, men overskriften har 6; se efter et skilletegn for meget eller for lidt i rækken; en værdi, der indeholder skilletegnet, skal stå i anførselstegn",
      ]
    `);
    const text = [...lines, ...danish].join("\n");
    const secrets = rows.flatMap((row) => [row[0]!, row[0]!.replace("-", "")]).filter((value) => value.length >= 5);
    for (const secret of [...secrets, "1980", "1981", "1982", "1983", "1984", "1985"]) expect(text).not.toContain(secret);
  });

  it("readIntakeBytes collapses identical repeated rows, also when one spells the CPR without dash, and keeps the extra columns as covariates", async () => {
    const cpr = cprFor("1980-03-05", 1);
    const intake = await readIntakeBytes(
      encode(intakeCsv([[cpr, "02-01-2017", "handel og SERVICE", "3F", "Faglært", "Dansk"], [cpr.replace("-", ""), "2017-01-02", "Handel og service", "3F", "Faglært", "Dansk"]])),
      { file: "w.csv", config },
    );
    expect([intake.records.length, intake.duplicatesCollapsed, intake.invalid.length]).toEqual([1, 1, 0]);
    expect(intake.records[0]!).toMatchObject({ row: 2, firstUnemploymentDay: "2017-01-02", industryGroup: "Handel og service", covariates: { unemployment_fund: "3F", education: "Faglært", origin: "Dansk" } });
  });

  it("readIntakeBytes finds repeats among thousands of rows: identical ones collapse, a conflicting one makes both rows invalid", async () => {
    const first = citizens(4000, "02-01-2017");
    // Every citizen again in reverse order, one of them with another first unemployment day.
    const again = first.map((row) => [...row]).reverse();
    again[1234]![1] = "03-01-2017";
    const conflicted = again[1234]![0]!;
    const intake = await readIntakeBytes(encode(intakeCsv([...first, ...again])), { file: "w.csv", config });
    expect([intake.records.length, intake.duplicatesCollapsed, intake.invalid.map((row) => [row.row, row.problems.map((item) => item.code)])]).toEqual([
      3999,
      3999,
      [
        [first.findIndex((row) => row[0] === conflicted) + 2, ["duplicate_conflict"]],
        [4000 + 1234 + 2, ["duplicate_conflict"]],
      ],
    ]);
    expect(new Set(intake.records.map((record) => record.cpr.digits)).size).toBe(3999);
  });

  it("readIntakeBytes reads English headers, comma separation and Windows-1252", async () => {
    const text = `CPR number,First unemployment day,Industry group,Education\r\n${cprFor("1990-10-10", 7)},02.01.2017,Bygge og industri,Ufaglært\r\n`;
    const bytes = Uint8Array.from([...text].map((char) => (char === "æ" ? 0xe6 : char.charCodeAt(0))));
    const intake = await readIntakeBytes(bytes, { file: "w.csv", config });
    expect(intake.records.map((record) => [record.firstUnemploymentDay, record.industryGroup, record.covariates])).toEqual([["2017-01-02", "Bygge og industri", { education: "Ufaglært" }]]);
  });

  it("readIntakeBytes uses the column names set in intake.columns of the configuration", async () => {
    const custom = { ...config, intake: { ...config.intake, columns: { cpr: "Borger", firstUnemploymentDay: "Startdato", industryGroup: "Afdeling" } } };
    const intake = await readIntakeBytes(encode(`Borger;Startdato;Afdeling\n${cprFor("1990-10-10", 7)};02-01-2017;Team LVU\n`), { file: "w.csv", config: custom });
    expect([intake.fileProblems, intake.records.length]).toEqual([[], 1]);
  });

  it("readIntakeBytes reports a missing required column as a file problem and reads no rows", async () => {
    const intake = await readIntakeBytes(encode("CPR-nummer;Branchegruppe\n0707614285;Team LVU\n"), { file: "w.csv", config });
    expect(intake.fileProblems.map((item) => [item.code, item.column])).toEqual([["header_missing_column", "Første ledighedsdag"]]);
  });

  it("readIntakeBytes reads the first sheet of an XLSX file: a CPR stored as a number gets its leading zero back, date serials and date cells become ISO dates", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ark1");
    sheet.addRow(["CPR-nummer", "Første ledighedsdag", "Branchegruppe", "A-kasse"]);
    sheet.addRow([707614285, 42737, "Team LVU", "HK"]);
    sheet.addRow(["150136-0001", new Date(Date.UTC(2017, 0, 3)), "Team LVU", null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const intake = await readIntakeBytes(bytes, { file: "w.xlsx", config });
    expect(intake.format).toBe("xlsx");
    expect(intake.records.map((record) => [record.row, record.cpr.birthDate, record.cpr.flags, record.firstUnemploymentDay, record.covariates])).toEqual([
      [2, "1961-07-07", ["restored-leading-zero"], "2017-01-02", { unemployment_fund: "HK" }],
      [3, "1936-01-15", ["no-modulus-11"], "2017-01-03", {}],
    ]);
  });

  it("readIntakeBytes keeps only the declared covariates and passes every other column, in file order, to the staff list", async () => {
    const cpr = cprFor("1980-03-05", 1);
    const text = `Navn;CPR-nummer;Bemærkning;Første ledighedsdag;Branchegruppe;Uddannelse;Kommune;A-kasse;;\r\nAnna Testesen;${cpr};ring efter kl. 10;02-01-2017;Team LVU;Faglært;Esbjerg;3F;;\r\n`;
    const intake = await readIntakeBytes(encode(text), { file: "w.csv", config });
    // The declared covariates in the configuration's order; the unnamed, empty columns Excel leaves are not passed through.
    expect([intake.passThroughColumns, intake.records.map((record) => [record.covariates, record.passThrough])]).toEqual([
      ["Navn", "Bemærkning", "Kommune"],
      [[{ unemployment_fund: "3F", education: "Faglært" }, ["Anna Testesen", "ring efter kl. 10", "Esbjerg"]]],
    ]);
    // A trial that declares "kommune" (and nothing else) keeps it, and passes A-kasse and education through.
    const declared = { ...config, intake: { ...config.intake, covariates: [{ name: "kommune", headers: ["Kommune", "Bopælskommune"] }] } };
    const other = await readIntakeBytes(encode(text), { file: "w.csv", config: declared });
    expect([other.passThroughColumns, other.records[0]!.covariates]).toEqual([["Navn", "Bemærkning", "Uddannelse", "A-kasse"], { kommune: "Esbjerg" }]);
  });

  it("readIntakeBytes collapses a repeat that differs only in a column passed through, and keeps both rows' cells for the staff list", async () => {
    const cpr = cprFor("1980-03-05", 1);
    const text = `CPR-nummer;Første ledighedsdag;Branchegruppe;Bemærkning\n${cpr};02-01-2017;Team LVU;første\n${cpr};02-01-2017;Team LVU;anden\n`;
    const intake = await readIntakeBytes(encode(text), { file: "w.csv", config });
    expect([intake.records.map((record) => [record.row, record.passThrough]), intake.duplicates.map((item) => [item.record.row, item.firstRow, item.record.passThrough]), intake.invalid]).toEqual([
      [[2, ["første"]]],
      [[3, 2, ["anden"]]],
      [],
    ]);
  });

  it("readIntakeBytes reports a file that looks like XLSX but is not readable", async () => {
    const intake = await readIntakeBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { file: "w.xlsx", config });
    expect(intake.fileProblems.map((item) => item.code)).toEqual(["xlsx_unreadable"]);
  });
});
