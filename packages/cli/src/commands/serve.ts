import { createServer, DEFAULT_MAX_UPLOAD_BYTES, ROLES, UsersFileError, addUser, type Role } from "@jobtrial/web";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { numberOption, resolvePath, stringOption, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { VERSION } from "../version.ts";
import { loadConfigOrFail } from "./assign.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** The first line of standard input: the password for `serve adduser` (never an argument, which other users can see). */
async function passwordFromStdin(io: Io): Promise<string> {
  if (process.stdin.isTTY) io.stderr("Skriv adgangskoden, og tryk Enter (den vises, mens du skriver; send den hellere ind med en pipe):\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk as Buffer));
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function addUserCommand(io: Io, values: OptionValues, name: string): Promise<number> {
  const usersPath = resolvePath(io, stringOption(values, "users", true));
  const role = stringOption(values, "role", true);
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role skal være en af ${ROLES.join(", ")}, ikke "${role}"`);
  const password = await passwordFromStdin(io);
  try {
    const { replaced } = await addUser(usersPath, { name, role: role as Role, password, replace: Boolean(values["replace"]), now: io.now() });
    io.stdout(`${replaced ? "Ændret" : "Tilføjet"}: ${name} med rollen ${role} i ${usersPath}\n`);
  } catch (error) {
    if (error instanceof UsersFileError) throw new UserError(error.message);
    throw error;
  }
  return 0;
}

async function serveCommand(io: Io, values: OptionValues): Promise<number> {
  const { config, hash } = loadConfigOrFail(io, values);
  const registerPath = resolvePath(io, stringOption(values, "register", true));
  const usersPath = resolvePath(io, stringOption(values, "users", true));
  const host = stringOption(values, "host") ?? "127.0.0.1";
  const port = numberOption(values, "port", { integer: true, min: 0 }) ?? 8080;
  const maxUploadMb = numberOption(values, "max-upload", { min: 0.001 });
  const idleMinutes = numberOption(values, "session-minutes", { min: 1 });
  const lang = stringOption(values, "lang") ?? "da";
  if (lang !== "da" && lang !== "en") throw new UsageError(`--lang skal være da eller en, ikke "${lang}"`);
  const listsOption = stringOption(values, "lists");
  const logOption = stringOption(values, "access-log");
  let app;
  try {
    app = await createServer({
      config,
      configHash: hash,
      registerPath,
      usersPath,
      listsDir: listsOption !== undefined ? resolvePath(io, listsOption) : join(dirname(registerPath), "lister"),
      accessLogPath: logOption !== undefined ? resolvePath(io, logOption) : join(dirname(registerPath), "adgang.log"),
      toolVersion: VERSION,
      maxUploadBytes: maxUploadMb !== undefined ? Math.round(maxUploadMb * 1024 * 1024) : DEFAULT_MAX_UPLOAD_BYTES,
      ...(idleMinutes !== undefined ? { sessions: { idleMinutes, absoluteHours: 10 } } : {}),
      lang,
      now: () => io.now(),
    });
  } catch (error) {
    if (error instanceof UsersFileError) throw new UserError(error.message);
    throw error;
  }
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw new UserError(`serveren kan ikke lytte på ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; vælg en anden --port`);
  }
  io.stdout(`jobtrial serve lytter på ${address} (forsøg ${config.id}); stop med Ctrl+C\n`);
  if (!LOOPBACK.has(host)) {
    io.stderr(`Bemærk: serveren svarer andre computere på ${host} uden HTTPS. Sæt en HTTPS-proxy foran; browsere gemmer kun login-cookien over HTTPS eller på denne computer.\n`);
  }
  const stopped = await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  void stopped;
  await app.close();
  io.stdout("jobtrial serve er stoppet.\n");
  return 0;
}

export const serve: Command = {
  name: "serve",
  summary: "Websiden til ugens tildeling (Denne uge, Listen, Registret)",
  usage: "serve --config <trial.json> --register <fil> --users <fil> [--port 8080] [--host 127.0.0.1] [--lists <mappe>] [--access-log <fil>] [--max-upload <MB>]\n       serve adduser <navn> --role tildeler|læser|administrator --users <fil> [--replace]   (adgangskoden på standard input)",
  help: `
Starter en lokal webserver med ugens rutine på dansk, oven på de samme
funktioner som "jobtrial assign":

  Denne uge   vælg ugens tilgangsfil (CSV eller XLSX). Hvert problem vises
              med række, kolonne og hvordan det rettes; ellers en
              forhåndsvisning: hvem der kommer i hvilken gruppe, hvem der
              allerede er tildelt, hvem der er uden for målgruppen og hvorfor,
              og markeringerne. Intet skrives, før du bekræfter, og to
              bekræftelser (to faner, et dobbeltklik) skriver én batch.
  Listen      hent medarbejderlisten (CSV og XLSX med samtaleplaner) for
              enhver batch; listerne ligger samme sted som assign skriver dem.
  Registret   batcherne, annullering med begrundelse (administrator),
              kontrol af hashkæden og reglens fordeling som diagrammer.
  Brugere     brugere og roller (administrator).

Roller: en tildeler tildeler, en læser ser og henter lister, en administrator
annullerer og styrer brugere. Brugerne står i brugerfilen med scrypt-hashede
adgangskoder; opret den første med "serve adduser", som læser adgangskoden
fra standard input (mindst 10 tegn).

Serveren lytter kun på denne computer (127.0.0.1), medmindre --host siger
andet. Login er begrænset til 5 forsøg på 15 minutter pr. bruger og computer;
en session udløber efter 30 minutter uden brug. Hver handling skrives i
adgangsloggen med bruger og tidspunkt, aldrig med et CPR-nummer.

Tilvalg:
  --config <fil>         forsøgets konfiguration
  --register <fil>       registret (SQLite); oprettes ved den første batch
  --users <fil>          brugerfilen (JSON), som "serve adduser" skriver
  --port <nummer>        porten. Standard: 8080 (0: en ledig port)
  --host <adresse>       adressen der lyttes på. Standard: 127.0.0.1
  --lists <mappe>        hvor listerne skrives og hentes. Standard: "lister"
                         ved siden af registret (som assign)
  --access-log <fil>     adgangsloggen. Standard: adgang.log ved siden af registret
  --max-upload <MB>      største tilgangsfil. Standard: 20
  --session-minutes <n>  minutter uden brug, før en session udløber. Standard: 30
  --lang <da|en>         sidens sprog. Standard: da
  --role <rolle>         (adduser) tildeler, læser eller administrator
  --replace              (adduser) giv en eksisterende bruger ny adgangskode og rolle

Eksempler:
  echo "$ADGANGSKODE" | jobtrial serve adduser ada --role administrator --users brugere.json
  jobtrial serve --config data/esbjerg-2017/trial.json --register out/register.sqlite --users brugere.json
`,
  options: {
    config: { type: "string" },
    register: { type: "string" },
    users: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    lists: { type: "string" },
    "access-log": { type: "string" },
    "max-upload": { type: "string" },
    "session-minutes": { type: "string" },
    lang: { type: "string" },
    role: { type: "string" },
    replace: { type: "boolean" },
  },
  positionals: [0, 2],
  async run({ io, values, positionals }) {
    if (positionals.length === 0) return serveCommand(io, values);
    if (positionals[0] !== "adduser") throw new UsageError(`ukendt underkommando "${positionals[0]}"; kendt: adduser`);
    if (positionals.length !== 2) throw new UsageError("serve adduser skal have brugerens navn: serve adduser <navn> --role <rolle> --users <fil>");
    return addUserCommand(io, values, positionals[1]!);
  },
};
