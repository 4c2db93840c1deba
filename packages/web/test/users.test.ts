import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addUser, authenticate, readUsers, UsersFileError } from "../src/index.ts";
import { NOW } from "./helpers.ts";

const folder = () => mkdtempSync(join(tmpdir(), "jobtrial-users-"));

describe("users file", () => {
  it("addUser creates the file with a scrypt hash, owner-only, and authenticate accepts only the right password", async () => {
    const path = join(folder(), "brugere.json");
    expect(await addUser(path, { name: "Tina", role: "tildeler", password: "et langt kodeord", now: NOW })).toEqual({ replaced: false });
    const file = readUsers(path);
    expect(file.users.map(({ name, role, changedAt }) => ({ name, role, changedAt }))).toEqual([{ name: "Tina", role: "tildeler", changedAt: "2017-03-01T12:00:00.000Z" }]);
    expect(file.users[0]!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(readFileSync(path, "utf8")).not.toContain("et langt kodeord");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await authenticate(file, "tina", "et langt kodeord"))?.name).toBe("Tina");
    expect(await authenticate(file, "Tina", "et langt kodeorD")).toBeNull();
    expect(await authenticate(file, "ukendt", "et langt kodeord")).toBeNull();
  });

  it("addUser refuses a short password, a bad name and an existing user unless replace, which changes password and role", async () => {
    const path = join(folder(), "brugere.json");
    await addUser(path, { name: "lars", role: "læser", password: "første kodeord", now: NOW });
    await expect(addUser(path, { name: "lars", role: "tildeler", password: "andet kodeord", now: NOW })).rejects.toThrow('brugeren "lars" findes allerede i brugere.json; brug --replace for at give en ny adgangskode og rolle');
    await expect(addUser(path, { name: "ny", role: "læser", password: "kort", now: NOW })).rejects.toThrow("adgangskoden skal have mindst 10 tegn");
    await expect(addUser(path, { name: "to ord", role: "læser", password: "et langt kodeord", now: NOW })).rejects.toThrow("brugernavnet må kun have bogstaver, tal og . _ @ - (1-64 tegn)");
    expect(await addUser(path, { name: "LARS", role: "tildeler", password: "andet kodeord", replace: true, now: NOW })).toEqual({ replaced: true });
    const file = readUsers(path);
    expect(file.users.map((user) => [user.name, user.role])).toEqual([["lars", "tildeler"]]);
    expect(await authenticate(file, "lars", "første kodeord")).toBeNull();
    expect((await authenticate(file, "lars", "andet kodeord"))?.role).toBe("tildeler");
  });

  it("readUsers names the file and each problem of an invalid file, and the missing file's fix", () => {
    const dir = folder();
    const path = join(dir, "brugere.json");
    expect(() => readUsers(path)).toThrow('brugerfilen brugere.json findes ikke eller kan ikke læses; opret den første bruger med "jobtrial serve adduser <navn> --role administrator --users brugere.json"');
    writeFileSync(path, "{ not json");
    expect(() => readUsers(path)).toThrow(UsersFileError);
    writeFileSync(
      path,
      JSON.stringify({
        format: "jobtrial-users",
        version: 1,
        users: [
          { name: "a", role: "chef", passwordHash: "scrypt$1$1$1$AA==$AA==", changedAt: "x" },
          { name: "b", role: "læser", passwordHash: "klartekst", changedAt: "x" },
        ],
      }),
    );
    let message = "";
    try {
      readUsers(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith("brugerfilen brugere.json har fejl: ")).toBe(true);
    expect(message).toBe(
      'brugerfilen brugere.json har fejl: brugere.json: users.0.role: rollen skal være en af tildeler, læser, administrator; brugere.json: users.1.passwordHash: adgangskoden skal være en scrypt-hash, som "jobtrial serve adduser" skriver den',
    );
    const hash = "scrypt$1$1$1$AA==$AA==";
    writeFileSync(path, JSON.stringify({ format: "jobtrial-users", version: 1, users: [{ name: "b", role: "læser", passwordHash: hash, changedAt: "x" }, { name: "B", role: "læser", passwordHash: hash, changedAt: "x" }] }));
    expect(() => readUsers(path)).toThrow('brugerfilen brugere.json har fejl: brugere.json: users.1.name: brugernavnet "B" står to gange');
    let english = "";
    try {
      readUsers(path);
    } catch (error) {
      english = (error as UsersFileError).messageIn("en");
    }
    expect(english).toBe('the users file brugere.json has errors: brugere.json: users.1.name: the user name "B" occurs twice');
  });
});
