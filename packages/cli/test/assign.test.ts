import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeRegister, makeCpr, openRegister } from "@jobtrial/assign";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.ts";

const trial = "data/esbjerg-2017/trial.json";
const now = new Date("2017-03-01T12:00:00Z");
const HEADER = "CPR-nummer;Første ledighedsdag;Branchegruppe;A-kasse;Uddannelse;Herkomst";

function cpr(birthDate: string, serial: number): string {
  const digits = makeCpr({ birthDate, sex: serial % 2 ? "male" : "female", serial, modulus11: true })!;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** A temp dir with intake/2017-W01.csv and 2017-W02.csv; returns the dir and every CPR and birth date used. */
function workspace(): { dir: string; secrets: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "jobtrial-cli-assign-"));
  mkdirSync(join(dir, "intake"));
  const secrets: string[] = [];
  const week = (name: string, day: string, births: string[]): void => {
    const lines = [HEADER];
    births.forEach((birthDate, index) => {
      const number = cpr(birthDate, index);
      secrets.push(number, number.replace("-", ""), birthDate);
      lines.push(`${number};${day};Handel og service;3F;Faglært;Dansk`);
    });
    writeFileSync(join(dir, "intake", name), "\uFEFF" + lines.join("\r\n") + "\r\n");
  };
  week("2017-W01.csv", "02-01-2017", ["1980-01-01", "1981-02-14", "1982-03-16", "1983-04-30"]);
  week("2017-W02.csv", "09-01-2017", ["1984-05-05", "1985-06-20", "1986-07-01"]);
  return { dir, secrets };
}

function assertNoSecrets(text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("jobtrial assign", () => {
  it("assign --intake <dir> assigns every week in order into a new register and writes the Danish lists", async () => {
    const { dir, secrets } = workspace();
    const result = await run(["assign", "--config", trial, "--register", join(dir, "register.sqlite"), "--intake", join(dir, "intake"), "--operator", "anne"], { now });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("Uge 2017-W01, batch B0001 (2017-W01.csv): skrevet i registret");
    expect(result.stdout).toContain("Uge 2017-W02, batch B0002 (2017-W02.csv): skrevet i registret");
    expect(result.stdout).toContain("Tildelt i alt:         Indsats 4, Kontrol 3");
    assertNoSecrets(result.stdout, secrets);
    expect(readdirSync(join(dir, "lister")).sort()).toEqual([
      "esbjerg-2017-2017-W01-B0001-liste.csv",
      "esbjerg-2017-2017-W01-B0001-liste.xlsx",
      "esbjerg-2017-2017-W02-B0002-liste.csv",
      "esbjerg-2017-2017-W02-B0002-liste.xlsx",
    ]);
    const list = readFileSync(join(dir, "lister", "esbjerg-2017-2017-W01-B0001-liste.csv"), "utf8");
    expect(list.startsWith("\uFEFFRække;CPR-nummer;Første ledighedsdag;Branchegruppe;Gruppe;Persongruppemarkering;Status;Forklaring;Samtaleplan\r\n")).toBe(true);
    expect(list.split("\r\n")[1]).toMatch(/^2;\d{6}-\d{4};02\.01\.2017;Handel og service;Indsats;Tidlig indsats, forsikrede;Ny;;23\.01\.2017 Fællessamtale med a-kassen \(jobrådgiver, a-kasse, 45 min\) \| /);
  });

  it("assign --json prints week, batchId, rows with cpr, status, arm and reason, and counts", async () => {
    const { dir } = workspace();
    const result = await run(["assign", "--config", trial, "--register", join(dir, "r.sqlite"), "--intake", join(dir, "intake", "2017-W01.csv"), "--json"], { now });
    const parsed = JSON.parse(result.stdout);
    expect([result.code, parsed.week, parsed.batchId, parsed.rows.map((row: { status: string; arm: string }) => [row.status, row.arm]), parsed.counts.assigned]).toEqual([
      0,
      "2017-W01",
      "B0001",
      [
        ["assigned", "intervention"],
        ["assigned", "intervention"],
        ["assigned", "control"],
        ["assigned", "control"],
      ],
      { intervention: 2, control: 2 },
    ]);
    expect(parsed.rows[0].cpr).toMatch(/^\d{6}-\d{4}$/);
  });

  it("assign with an invalid row exits 1, lists the problem by row and column without the CPR number, and writes nothing", async () => {
    const { dir, secrets } = workspace();
    const bad = join(dir, "2017-W05.csv");
    writeFileSync(bad, `${HEADER}\n${cpr("1980-02-02", 1)};30-01-2017;Team LVU;;;\n290217-1234;30-01-2017;Team LVU;;;\n`);
    secrets.push("290217-1234", "2902171234");
    const result = await run(["assign", "--config", trial, "--register", join(dir, "r.sqlite"), "--intake", bad], { now });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2017-W05.csv: række 3, kolonne "CPR-nummer": de første seks cifre i CPR-nummeret er ikke en rigtig dato');
    expect(result.stderr).toContain("1 ugyldig række i 2017-W05.csv; intet er skrevet for uge 2017-W05. Ret filen og kør igen, eller brug --accept-valid");
    assertNoSecrets(result.stderr + result.stdout, secrets);
    const opened = openRegister(join(dir, "r.sqlite"), { readonly: true });
    expect(opened.db.prepare("SELECT count(*) AS n FROM assignments").get()).toEqual({ n: 0 });
    closeRegister(opened);
    const accepted = await run(["assign", "--config", trial, "--register", join(dir, "r.sqlite"), "--intake", bad, "--accept-valid", "--out", join(dir, "out")], { now });
    expect(accepted.code).toBe(0);
    // The invalid row is on the staff's own list, as written, with what to fix.
    const list = readFileSync(join(dir, "out", "esbjerg-2017-2017-W05-B0001-liste.csv"), "utf8");
    expect(list.split("\r\n")[2]).toMatch(/^3;290217-1234;30\.01\.2017;Team LVU;;;Ugyldig;"CPR-nummer: de første seks cifre i CPR-nummeret er ikke en rigtig dato/);
  });

  it("assign without a week in the file name and without --week is a usage error", async () => {
    const { dir } = workspace();
    const file = join(dir, "nyledige.csv");
    writeFileSync(file, `${HEADER}\n`);
    const result = await run(["assign", "--config", trial, "--register", join(dir, "r.sqlite"), "--intake", file], { now });
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([2, "jobtrial assign: ugen kan ikke ses af filnavnet nyledige.csv; angiv --week (for eksempel --week 2017-W03)"]);
  });
});

describe("jobtrial register", () => {
  it("register verify exits 0 on an intact register and 1 naming the first changed record by sequence number, never the CPR", async () => {
    const { dir, secrets } = workspace();
    const register = join(dir, "r.sqlite");
    await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake")], { now });
    const intact = await run(["register", "verify", "--register", register]);
    expect([intact.code, intact.stdout.split("\n").at(-2)]).toEqual([0, "OK: hashkæden er intakt"]);
    // Raw SQL behind the tool's back: drop the trigger, change a row.
    const opened = openRegister(register);
    opened.db.exec("DROP TRIGGER assignments_no_update; UPDATE assignments SET first_unemployment_day = '2017-01-03' WHERE seq = 2;");
    closeRegister(opened);
    const broken = await run(["register", "verify", "--register", register]);
    expect([broken.code, broken.stderr]).toEqual([
      1,
      "jobtrial register verify: registret er brudt: den første brudte post er tildeling 2: dens indhold passer ikke med dens hash (posten er ændret)\n",
    ]);
    assertNoSecrets(broken.stdout + broken.stderr, secrets);
  });

  it("register void voids a batch with a reason and assign then assigns its citizens again", async () => {
    const { dir } = workspace();
    const register = join(dir, "r.sqlite");
    const file = join(dir, "intake", "2017-W01.csv");
    await run(["assign", "--config", trial, "--register", register, "--intake", file], { now });
    const voided = await run(["register", "void", "--register", register, "--batch", "B0001", "--reason", "forkert fil", "--operator", "anne"], { now });
    expect([voided.code, voided.stdout]).toEqual([0, "Batch B0001 annulleret som B0002 (4 tildelinger): forkert fil\n"]);
    const again = await run(["assign", "--config", trial, "--register", register, "--intake", file], { now });
    expect(again.stdout).toContain("batch B0003 (2017-W01.csv): skrevet i registret");
    expect((await run(["register", "verify", "--register", register])).code).toBe(0);
  });

  it("register keygen writes a key with mode 0600 and refuses to overwrite it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrial-key-"));
    const key = join(dir, "k.key");
    expect((await run(["register", "keygen", "--out", key])).code).toBe(0);
    expect([statSync(key).mode & 0o777, /^[0-9a-f]{64}\n$/.test(readFileSync(key, "utf8"))]).toEqual([0o600, true]);
    const again = await run(["register", "keygen", "--out", key]);
    expect([again.code, again.stderr]).toEqual([1, `jobtrial register keygen: ${key} findes allerede; en nøgle overskrives aldrig (det ville ødelægge alle pseudonymer lavet med den)\n`]);
  });

  it("register export writes the cohort with pseudonyms and covariates but no CPR number or birth date; pseudonymize gives the same pseudonyms", async () => {
    const { dir, secrets } = workspace();
    const register = join(dir, "r.sqlite");
    const key = join(dir, "k.key");
    await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake")], { now });
    await run(["register", "keygen", "--out", key]);
    const exported = await run(["register", "export", "--register", register, "--key-file", key, "--out", join(dir, "cohort.csv")]);
    expect(exported.code).toBe(0);
    const cohort = readFileSync(join(dir, "cohort.csv"), "utf8");
    assertNoSecrets(cohort, secrets);
    const [header, first] = cohort.replace("\uFEFF", "").split("\r\n");
    expect(header).toBe("pseudonym;arm;week;batch_id;first_unemployment_day;age_at_entry;sex;industry_group;unemployment_fund;education;origin;born_1_january;replacement_number;born_first_of_month");
    expect(first).toMatch(/^[0-9a-f]{64};intervention;2017-W01;B0001;2017-01-02;37;(female|male);Handel og service;3F;Faglært;Dansk;1;0;1$/);
    const screening = JSON.parse(readFileSync(join(dir, "cohort.screening.json"), "utf8"));
    expect(screening.screened).toBe(cohort.replace("\uFEFF", "").trim().split("\r\n").length - 1 + screening.invalid + screening.ineligible.reduce((sum: number, entry: { n: number }) => sum + entry.n, 0));
    assertNoSecrets(JSON.stringify(screening), secrets);

    const outcome = join(dir, "ydelser.csv");
    const firstCpr = readFileSync(join(dir, "intake", "2017-W01.csv"), "utf8").split("\r\n")[1]!.split(";")[0]!;
    writeFileSync(outcome, `cpr,uge,ydelse,navn\n${firstCpr},2017-W05,dagpenge,Kim Kristensen\n`);
    const pseudo = await run(["pseudonymize", outcome, "--column", "CPR", "--key-file", key, "--out", join(dir, "ydelser-pseudo.csv")]);
    expect([pseudo.code, pseudo.stdout]).toEqual([0, `Pseudonymiseret: ${join(dir, "ydelser-pseudo.csv")} (1 række; ugentligt ydelsespanel)\n  Med:      pseudonym, uge, ydelse\n  Udeladt:  navn\n`]);
    const output = readFileSync(join(dir, "ydelser-pseudo.csv"), "utf8");
    expect(output.replace("\uFEFF", "").split("\r\n").slice(0, 2)).toEqual(["pseudonym,uge,ydelse", `${first!.split(";")[0]},2017-W05,dagpenge`]);
  });

  it("register export and pseudonymize with a missing key file fail clearly and write nothing", async () => {
    const { dir } = workspace();
    const register = join(dir, "r.sqlite");
    await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake")], { now });
    const missing = join(dir, "none.key");
    const exported = await run(["register", "export", "--register", register, "--key-file", missing, "--out", join(dir, "cohort.csv")]);
    expect([exported.code, exported.stderr]).toEqual([1, `jobtrial register export: nøglefilen findes ikke: ${missing}; lav en med "jobtrial register keygen --out <fil>", eller angiv den rigtige sti\n`]);
    writeFileSync(join(dir, "bad.key"), "not a key\n");
    const pseudo = await run(["pseudonymize", join(dir, "intake", "2017-W01.csv"), "--column", "CPR-nummer", "--key-file", join(dir, "bad.key"), "--out", join(dir, "p.csv")]);
    expect(pseudo.code).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith(".csv"))).toEqual([]);
  });
});

describe("jobtrial assign diagnose", () => {
  it("assign diagnose prints the expected share from the calendar and the observed share with a binomial test", async () => {
    const { dir, secrets } = workspace();
    const register = join(dir, "r.sqlite");
    await run(["assign", "--config", trial, "--register", register, "--intake", join(dir, "intake")], { now });
    const result = await run(["assign", "diagnose", "--config", trial, "--register", register]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      "Tildelinger: 7",
      expect.stringMatching(/^Forventet andel i indsats efter reglen og kalenderen: 49,\d % \(et almindeligt år: 49,3 %\)$/),
      expect.stringMatching(/^Observeret andel i indsats: 57,1 % \(4 af 7\), eksakt binomialtest p = /),
    ]);
    assertNoSecrets(result.stdout, secrets);
    const json = JSON.parse((await run(["assign", "diagnose", "--config", trial, "--register", register, "--json"])).stdout);
    expect(json.weeks.map((week: { week: string; n: number }) => [week.week, week.n])).toEqual([
      ["2017-W01", 4],
      ["2017-W02", 3],
    ]);
  });
});
