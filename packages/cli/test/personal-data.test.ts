/**
 * Names never leave the jobcentre, and every intake row is accounted for
 * (issue 21): a staff member's intake file as the case system exports it
 * (Windows-1252, CRLF, Excel's empty ";;;;" rows, a "Navn" and a free-text
 * "Bemærkning" column) and an outcome extract that carries the same name,
 * through assign -> register export -> pseudonymize. The planted name and
 * remark must be on the staff list and in no other file written.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { makeCpr } from "@jobtrial/assign";
import { readTable } from "@jobtrial/core";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";
const now = new Date("2017-03-01T12:00:00Z");

/** A unique name and a free-text remark, with the Danish letters Windows-1252 spells in one byte each. */
const NAME = "Søgaard-Æblerød Quintavalle";
const REMARK = "Ring før kl. 9, nøglen under måtten (Øster Hæsinge)";

function cpr(birthDate: string, serial: number): string {
  const digits = makeCpr({ birthDate, sex: serial % 2 ? "male" : "female", serial, modulus11: true })!;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Text as Danish Excel saves "CSV (semikolonsepareret)": Windows-1252 bytes. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
  return Buffer.from([...text].map((char) => special[char] ?? (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : 0x3f)));
}

/** Every file under `folder`, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((inner) => join(name, inner)) : [name];
  });
}

/** Whether the bytes hold the text in any encoding a program could have written it in (UTF-8, Windows-1252, UTF-16). */
function holds(bytes: Buffer, text: string): boolean {
  return [Buffer.from(text, "utf8"), windows1252(text), Buffer.from(text, "utf16le")].some((encoded) => bytes.includes(encoded));
}

/** The cells of every sheet of an XLSX file, as text. */
async function xlsxTexts(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value)))));
  return texts;
}

describe("names never leave the jobcentre", () => {
  it("a name and a remark planted in the intake file and in an outcome extract are on the staff list and in no other file written, register bytes included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-personal-data-"));
    mkdirSync(join(dir, "intake"));
    const planted = cpr("1980-01-04", 1);
    const others = [cpr("1981-02-20", 2), cpr("1982-03-25", 3)];
    const header = "Navn;CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst;Bemærkning";
    const week1 = [header, `${NAME};${planted};02-01-2017;Handel og service;3F;Faglært;Dansk;${REMARK}`, ";;;;;;;", `Anne Andersen;${others[0]};03-01-2017;Landbrug;3F;Faglært;Dansk;`, ";;;;;;;", ";;;;;;;"];
    const week2 = [header, `${NAME};${planted};09-01-2017;Team LVU;3F;Faglært;Dansk;${REMARK} (igen)`, `Bo Berg;${others[1]};10-01-2017;Team LVU;HK;Ufaglært;Dansk;`, ";;;;;;;"];
    writeFileSync(join(dir, "intake", "2017-W01.csv"), windows1252(week1.join("\r\n") + "\r\n"));
    writeFileSync(join(dir, "intake", "2017-W02.csv"), windows1252(week2.join("\r\n") + "\r\n"));
    mkdirSync(join(dir, "udtraek"));
    const spells = ["CPR-nummer;Navn;Forløbsstart;Forløbsslut;Afgangsårsag;Bemærkning", `${planted};${NAME};2017-01-02;2017-02-10;selvforsørgelse;${REMARK}`, `${others[1]};Bo Berg;2017-01-10;;;`];
    writeFileSync(join(dir, "udtraek", "forloeb.csv"), windows1252(spells.join("\r\n") + "\r\n"));
    const inputs = new Set(["intake/2017-W01.csv", "intake/2017-W02.csv", "udtraek/forloeb.csv"]);

    const register = join(dir, "register.sqlite");
    const key = join(dir, "noegle.key");
    const runs = [
      await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake"), "--operator", "anne"], { now }),
      await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake", "2017-W02.csv"), "--dry-run", "--json"], { now }),
      await run(["register", "verify", "--register", register]),
      await run(["register", "columns", "--register", register, "--config", trial]),
      await run(["register", "keygen", "--out", key]),
      await run(["register", "export", "--register", register, "--key-file", key, "--out", join(dir, "kohorte.csv"), "--config", trial]),
      await run(["pseudonymize", join(dir, "udtraek", "forloeb.csv"), "--column", "CPR-nummer", "--key-file", key, "--out", join(dir, "forloeb-pseudo.csv")]),
    ];
    expect(runs.map((result) => result.code)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Nothing a command printed holds them either (a log would keep it).
    for (const result of runs) expect([holds(Buffer.from(result.stdout + result.stderr), NAME), holds(Buffer.from(result.stdout + result.stderr), REMARK)]).toEqual([false, false]);
    expect(runs[0]!.stdout).toContain("  Kun på listen:         Navn, Bemærkning (filens egne kolonner; gemmes ikke i registret)");
    expect(runs[6]!.stdout.split("\n").slice(1, 3)).toEqual(["  Med:      pseudonym, Forløbsstart, Forløbsslut, Afgangsårsag", "  Udeladt:  Navn, Bemærkning"]);

    const written = filesUnder(dir).filter((path) => !inputs.has(path));
    expect(written.sort()).toEqual([
      "forloeb-pseudo.csv",
      "kohorte.csv",
      "kohorte.screening.json",
      "lister/esbjerg-2017-2017-W01-B0001-liste.csv",
      "lister/esbjerg-2017-2017-W01-B0001-liste.xlsx",
      "lister/esbjerg-2017-2017-W02-B0002-liste.csv",
      "lister/esbjerg-2017-2017-W02-B0002-liste.xlsx",
      "noegle.key",
      "register.sqlite",
    ]);
    const holding: string[] = [];
    for (const path of written) {
      const bytes = readFileSync(join(dir, path));
      const texts = path.endsWith(".xlsx") ? Buffer.from((await xlsxTexts(join(dir, path))).join("\n")) : bytes;
      if (holds(texts, NAME) || holds(texts, REMARK) || holds(bytes, NAME) || holds(bytes, REMARK)) holding.push(path);
    }
    expect(holding.sort()).toEqual([
      "lister/esbjerg-2017-2017-W01-B0001-liste.csv",
      "lister/esbjerg-2017-2017-W01-B0001-liste.xlsx",
      "lister/esbjerg-2017-2017-W02-B0002-liste.csv",
      "lister/esbjerg-2017-2017-W02-B0002-liste.xlsx",
    ]);
    // On the list: the name beside the CPR number, the remark in its own column, also for the week the citizen was already assigned.
    const list = readTable(readFileSync(join(dir, "lister", "esbjerg-2017-2017-W02-B0002-liste.csv")), { file: "liste.csv" });
    expect(list.header.slice(0, 4)).toEqual(["Række", "CPR-nummer", "Navn", "Bemærkning"]);
    expect(list.rows[0]!.cells.slice(0, 4)).toEqual(["2", planted, NAME, `${REMARK} (igen)`]);
    expect(list.rows[0]!.cells[list.header.indexOf("Status")]).toBe("Allerede tildelt");
    // The cohort export has the declared covariates and nothing else.
    expect(readFileSync(join(dir, "kohorte.csv"), "utf8").split("\r\n")[0]).toBe(
      "\uFEFFpseudonym;arm;week;batch_id;first_unemployment_day;age_at_entry;sex;industry_group;unemployment_fund;education;origin;born_1_january;replacement_number;born_first_of_month",
    );
  });
});

describe("the staff list accounts for every row", () => {
  it("assign --accept-valid lists new, already assigned, ineligible, invalid and repeated rows with their explanation, and the summary counts them per status", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-accounting-"));
    const header = "CPR-nummer;Første ledighedsdag;Branchegruppe;Navn";
    const earlier = cpr("1975-05-20", 3);
    writeFileSync(join(dir, "2017-W01.csv"), `${header}\r\n${earlier};02-01-2017;Team LVU;Ea\r\n`);
    const rows = [
      `${cpr("1980-03-15", 1)};09-01-2017;Handel og service;Finn`, // 2: new, intervention (born on the 15th)
      `${earlier};09-01-2017;Team LVU;Ea`, // 3: already assigned in week 1
      `${cpr("1980-03-19", 1)};09-01-2017;Landbrug;Gro`, // 4: not in the target group
      `${cpr("1980-03-20", 1)};30-09-2016;Team LVU;Hans`, // 5: before the intake window
      `320180-1234;09-01-2017;Team LVU;Ib`, // 6: invalid CPR
      `${cpr("1980-03-21", 1)};09-01-2017;Team LVU;Jens`, // 7: new, control (born on the 21st)
      `${cpr("1980-03-15", 1)};09-01-2017;Handel og service;Finn igen`, // 8: repeats row 2
    ];
    writeFileSync(join(dir, "2017-W02.csv"), `${header}\r\n${rows.join("\r\n")}\r\n`);
    const register = join(dir, "r.sqlite");
    expect((await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "2017-W01.csv")], { now })).code).toBe(0);
    const result = await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "2017-W02.csv"), "--accept-valid"], { now });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[1]).toBe("  Rækker i filen:        7 (Ny 2, Allerede tildelt 1, Ikke i målgruppen 2, Ugyldig 1, Gentagelse 1)");
    // The error message names row and column, never the value.
    expect(result.stderr).toBe('2017-W02.csv: række 6, kolonne "CPR-nummer": de første seks cifre i CPR-nummeret er ikke en rigtig dato (dagen, eller dagen minus 60 for et erstatningspersonnummer, findes ikke i den måned og det år); kontroller CPR-nummeret i fagsystemet\n');

    const list = readTable(readFileSync(join(dir, "lister", "esbjerg-2017-2017-W02-B0002-liste.csv")), { file: "liste.csv" });
    const column = (name: string): number => list.header.indexOf(name);
    const shown = list.rows.map((row) => [row.cells[column("Række")], row.cells[column("Navn")], row.cells[column("Gruppe")], row.cells[column("Status")], row.cells[column("Forklaring")]]);
    expect(shown).toEqual([
      ["2", "Finn", "Indsats", "Ny", ""],
      ["3", "Ea", "Kontrol", "Allerede tildelt", "tildelt første gang i uge 2017-W01 (batch B0001); behold gruppen"],
      ["4", "Gro", "", "Ikke i målgruppen", "branchegruppe uden for målgruppen"],
      ["5", "Hans", "", "Ikke i målgruppen", "første ledighedsdag før indtagsperioden"],
      [
        "6",
        "Ib",
        "",
        "Ugyldig",
        "CPR-nummer: de første seks cifre i CPR-nummeret er ikke en rigtig dato (dagen, eller dagen minus 60 for et erstatningspersonnummer, findes ikke i den måned og det år); kontroller CPR-nummeret i fagsystemet",
      ],
      ["7", "Jens", "Kontrol", "Ny", ""],
      ["8", "Finn igen", "", "Gentagelse", "samme borger med de samme oplysninger som række 2; borgeren står på listen under den række"],
    ]);
    // The staff's own row is on their list as written, CPR cell included.
    expect(list.rows[4]!.cells[column("CPR-nummer")]).toBe("320180-1234");
    // Per status, the list's rows are the summary's counts.
    const perStatus = new Map<string, number>();
    for (const row of shown) perStatus.set(row[3]!, (perStatus.get(row[3]!) ?? 0) + 1);
    expect(Object.fromEntries(perStatus)).toEqual({ Ny: 2, "Allerede tildelt": 1, "Ikke i målgruppen": 2, Ugyldig: 1, Gentagelse: 1 });
    // Nothing else was written beside the lists (no file of rejected rows).
    expect(readdirSync(join(dir, "lister")).sort()).toEqual(["esbjerg-2017-2017-W01-B0001-liste.csv", "esbjerg-2017-2017-W01-B0001-liste.xlsx", "esbjerg-2017-2017-W02-B0002-liste.csv", "esbjerg-2017-2017-W02-B0002-liste.xlsx"]);
  });
});

describe("jobtrial assign --dry-run", () => {
  it("works before the register exists and creates nothing: no register, no list, no folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-dry-run-"));
    const rows = [`${cpr("1980-03-15", 1)};02-01-2017;Handel og service`, `${cpr("1980-03-21", 1)};03-01-2017;Team LVU`, `${cpr("1980-03-22", 1)};03-01-2017;Landbrug`];
    writeFileSync(join(dir, "2017-W01.csv"), `CPR-nummer;Første ledighedsdag;Branchegruppe\r\n${rows.join("\r\n")}\r\n`);
    const register = join(dir, "ny", "register.sqlite");
    const result = await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "2017-W01.csv"), "--dry-run"], { now });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      `Registret ${register} findes ikke endnu; prøvekørslen regner med et tomt register og opretter intet.`,
      "Uge 2017-W01, batch - (2017-W01.csv): prøvekørsel; intet skrevet",
      "  Rækker i filen:        3 (Ny 2, Allerede tildelt 0, Ikke i målgruppen 1, Ugyldig 0, Gentagelse 0)",
    ]);
    expect(result.stdout).toContain("  Tildelt i alt:         Indsats 1, Kontrol 1");
    expect([existsSync(join(dir, "ny")), readdirSync(dir)]).toEqual([false, ["2017-W01.csv"]]);
  });
});

describe("a register written before the allow-list", () => {
  // packages/cli/test/fixtures/register-86eccbf.sqlite: `jobtrial assign` of commit 86eccbf on
  // register-86eccbf-intake.csv (three synthetic citizens with "Navn" and "Bemærkning" columns),
  // which stored every intake column as a covariate.
  const legacyNames = ["Gammelregister Testperson", "Anden Testperson", "Tredje Testperson", "skrevet af en ældre version", "ring først"];

  it("register columns shows what it holds and what is exported; register export leaves the names out and says so; the register still verifies", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-legacy-"));
    const register = join(dir, "register.sqlite");
    copyFileSync(join(repoRoot, "packages/cli/test/fixtures/register-86eccbf.sqlite"), register);
    const columns = await run(["register", "columns", "--register", register, "--config", trial]);
    expect([columns.code, columns.stdout]).toEqual([
      0,
      [
        "Faste kolonner:",
        "  cpr                           3 tildelinger  eksporteres aldrig (kun som pseudonym og afledte kolonner)",
        "  birth_date                    3 tildelinger  eksporteres aldrig (kun som pseudonym og afledte kolonner)",
        "  sex                           3 tildelinger  eksporteres",
        "  first_unemployment_day        3 tildelinger  eksporteres",
        "  industry_group                3 tildelinger  eksporteres",
        "Kolonner fra tilgangslisterne:",
        "  unemploymentFund              3 tildelinger  eksporteres (erklæret kovariat)",
        "  education                     3 tildelinger  eksporteres (erklæret kovariat)",
        "  origin                        3 tildelinger  eksporteres (erklæret kovariat)",
        "  Navn                          3 tildelinger  eksporteres ikke (ikke erklæret i intake.covariates)",
        "  Bemærkning                    2 tildelinger  eksporteres ikke (ikke erklæret i intake.covariates)",
        "Registret holder 2 kolonner, som ikke er erklærede kovariater (Navn, Bemærkning); de bliver i registret og eksporteres aldrig.",
        "",
      ].join("\n"),
    ]);
    const key = join(dir, "k.key");
    await run(["register", "keygen", "--out", key]);
    const exported = await run(["register", "export", "--register", register, "--key-file", key, "--out", join(dir, "kohorte.csv")]);
    expect([exported.code, exported.stdout.split("\n")[2]]).toEqual([
      0,
      'Bemærk: registret holder 2 kolonner fra tilgangslisterne, som ikke er erklærede kovariater, og som derfor ikke er eksporteret: Bemærkning, Navn. "jobtrial register columns" viser, hvad registret holder.',
    ]);
    const cohort = readFileSync(join(dir, "kohorte.csv"), "utf8");
    for (const name of legacyNames) expect(cohort).not.toContain(name);
    // The old register's "unemploymentFund" is the declared unemployment_fund.
    expect(cohort.split("\r\n").slice(0, 2).map((line) => line.split(";").slice(7, 11))).toEqual([
      ["industry_group", "unemployment_fund", "education", "origin"],
      ["Handel og service", "3F", "Faglært", "Dansk"],
    ]);
    expect((await run(["register", "verify", "--register", register])).code).toBe(0);
  });
});

describe("jobtrial pseudonymize keeps a known set of columns", () => {
  function extract(dir: string, header: string, row: string): string {
    const path = join(dir, `udtraek-${readdirSync(dir).length}.csv`);
    writeFileSync(path, `${header}\r\n${row}\r\n`);
    return path;
  }

  it("refuses a file of no known extract without --keep, refuses --keep of a direct identifier, and keeps what --keep names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-pseudonymize-"));
    const key = join(dir, "k.key");
    await run(["register", "keygen", "--out", key]);
    const citizen = cpr("1980-03-15", 1);
    const unknown = extract(dir, "CPR-nummer;Mobilnummer;Kontaktforløb;Antal møder", `${citizen};12345678;A;4`);
    const out = join(dir, "ud.csv");
    const refused = await run(["pseudonymize", unknown, "--column", "CPR-nummer", "--key-file", key, "--out", out]);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      `jobtrial pseudonymize: kolonnerne i ${basename(unknown)} passer ikke til et kendt udtræk (ledighedsforløb, ydelsespanel, samtalelog, sekundære udfald); angiv med --keep, hvilke kolonner der skal med ud over CPR-kolonnen. Intet er skrevet\n`,
    ]);
    const identifier = await run(["pseudonymize", unknown, "--column", "CPR-nummer", "--key-file", key, "--out", out, "--keep", "Antal møder,Mobilnummer"]);
    expect([identifier.code, identifier.stderr]).toEqual([
      1,
      'jobtrial pseudonymize: --keep nævner "Mobilnummer", som er en direkte identifikator (navn, adresse, telefon, e-mail, fritekst eller CPR-nummer); sådan en kolonne forlader aldrig jobcentret. Fjern den fra --keep; intet er skrevet\n',
    ]);
    expect(existsSync(out)).toBe(false);
    const kept = await run(["pseudonymize", unknown, "--column", "CPR-nummer", "--key-file", key, "--out", out, "--keep", "Antal møder"]);
    expect([kept.code, kept.stdout.split("\n").slice(1, 3)]).toEqual([0, ["  Med:      pseudonym, Antal møder", "  Udeladt:  Mobilnummer, Kontaktforløb"]]);
    expect(readFileSync(out, "utf8").replace("\uFEFF", "").split("\r\n")[0]).toBe("pseudonym;Antal møder");

    // A known extract (the conversation log) with an extra column: the extra one is dropped, a --keep of another adds it.
    const log = extract(dir, "CPR-nummer;Planlagt uge;Dato;Samtaletype;Rådgiver;Status;Sagsbehandlers note;Lokale", `${citizen};4;2017-01-23;Fællessamtale;R01;afholdt;kom for sent;B12`);
    const logged = await run(["pseudonymize", log, "--column", "CPR-nummer", "--key-file", key, "--out", join(dir, "log.csv"), "--keep", "Lokale"]);
    expect([logged.code, logged.stdout.split("\n").slice(1, 3)]).toEqual([0, ["  Med:      pseudonym, Planlagt uge, Dato, Samtaletype, Rådgiver, Status, Lokale", "  Udeladt:  Sagsbehandlers note"]]);
  });
});

describe("names never leave the jobcentre through the whole demo pipeline", () => {
  /**
   * Appends "Navn" and "Bemærkning" columns to every row of a CSV file (UTF-8 with BOM and CRLF,
   * as the bundled data is): the planted name and remark on the row of `citizen`, other names elsewhere.
   */
  function plant(path: string, citizen: string, encode: (text: string) => Buffer = (text) => Buffer.from(text, "utf8")): void {
    const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split("\r\n");
    const planted = lines.map((line, index) => {
      if (line === "") return line;
      if (index === 0) return `${line};Navn;Bemærkning`;
      return line.startsWith(`${citizen};`) ? `${line};${NAME};${REMARK}` : `${line};Borger ${index};`;
    });
    writeFileSync(path, Buffer.concat([index0Bom(encode), encode(planted.join("\r\n"))]));
  }
  /** The UTF-8 byte-order mark for UTF-8 files; none for Windows-1252 (Excel writes none there). */
  function index0Bom(encode: (text: string) => Buffer): Buffer {
    return encode === windows1252 ? Buffer.alloc(0) : Buffer.from("\uFEFF", "utf8");
  }

  it("a name and a remark planted in an intake file and in every outcome extract of the bundled trial reach the staff list only: no other file the demo writes (register included) and nothing it prints holds them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-personal-data-demo-"));
    const data = join(dir, "data");
    mkdirSync(join(data, "intake"), { recursive: true });
    mkdirSync(join(data, "outcomes"));
    const source = join(repoRoot, "data", "esbjerg-2017");
    copyFileSync(join(source, "trial.json"), join(data, "trial.json"));
    for (const name of readdirSync(join(source, "intake"))) copyFileSync(join(source, "intake", name), join(data, "intake", name));
    const outcomes = ["spells.csv", "benefit-weeks.csv", "conversations.csv", "secondary.csv"];
    for (const name of outcomes) copyFileSync(join(source, "outcomes", name), join(data, "outcomes", name));
    // The first citizen of the spells extract, in every extract; the intake week that lists them as Danish Excel saves it (Windows-1252).
    const citizen = readFileSync(join(source, "outcomes", "spells.csv"), "utf8").split("\r\n")[1]!.split(";")[0]!;
    const week = readdirSync(join(source, "intake")).find((name) => readFileSync(join(source, "intake", name), "utf8").includes(`\r\n${citizen};`))!.replace(/\.csv$/, "");
    plant(join(data, "intake", `${week}.csv`), citizen, windows1252);
    for (const name of outcomes) {
      plant(join(data, "outcomes", name), citizen);
      expect(holds(readFileSync(join(data, "outcomes", name)), NAME), name).toBe(true);
    }

    const out = join(dir, "demo");
    const demo = await run(["demo", "--data", data, "--out", out], { now: new Date("2018-03-01T10:00:00Z") });
    expect(demo.code).toBe(0);
    expect([holds(Buffer.from(demo.stdout + demo.stderr), NAME), holds(Buffer.from(demo.stdout + demo.stderr), REMARK)]).toEqual([false, false]);

    const written = filesUnder(out);
    // The whole pipeline ran: register, cohort, every extract pseudonymized, results, business case, report, note.
    for (const expected of ["register.sqlite", "kohorte.csv", ...outcomes.map((name) => join("udtraek", name)), "results.json", "business-case.json", "business-case.xlsx", join("rapport", "index.html"), join("kvartal", "quarterly-note.html")]) {
      expect(written, expected).toContain(expected);
    }
    const holding: string[] = [];
    for (const path of written) {
      const bytes = readFileSync(join(out, path));
      const texts = path.endsWith(".xlsx") ? Buffer.from((await xlsxTexts(join(out, path))).join("\n")) : bytes;
      if (holds(texts, NAME) || holds(texts, REMARK) || holds(bytes, NAME) || holds(bytes, REMARK)) holding.push(path);
    }
    expect(holding.sort()).toEqual([expect.stringMatching(new RegExp(`^lister/esbjerg-2017-${week}-B\\d{4}-liste\\.csv$`)), expect.stringMatching(new RegExp(`^lister/esbjerg-2017-${week}-B\\d{4}-liste\\.xlsx$`))]);
    // Each extract's pseudonymized copy says nothing of the two columns.
    for (const name of outcomes) expect(readFileSync(join(out, "udtraek", name), "utf8").split("\r\n")[0], name).not.toMatch(/Navn|Bemærkning/);
  }, 240_000);
});
