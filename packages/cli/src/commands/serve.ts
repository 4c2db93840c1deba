import type { Lang } from "@jobtrial/core";
import { createServer, DEFAULT_MAX_UPLOAD_BYTES, ROLES, addUser, type Role } from "@jobtrial/web";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { numberOption, resolvePath, stringOption, UsageError, UserError, type Command, type Io, type OptionValues } from "../command.ts";
import { OPTION_WORDING } from "../messages.ts";
import { VERSION } from "../version.ts";
import { loadConfigOrFail } from "./assign.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** What the command itself prints, Danish by default, English with --lang en. */
const SAY: Record<
  Lang,
  {
    password: string;
    userSaved: (replaced: boolean, name: string, role: string, file: string) => string;
    cannotListen: (host: string, port: number, reason: string) => string;
    listening: (address: string, trial: string) => string;
    noHttps: (host: string) => string;
    stopped: string;
  }
> = {
  da: {
    password: "Skriv adgangskoden, og tryk Enter (den vises, mens du skriver; send den hellere ind med en pipe):",
    userSaved: (replaced, name, role, file) => `${replaced ? "Ændret" : "Tilføjet"}: ${name} med rollen ${role} i ${file}`,
    cannotListen: (host, port, reason) => `serveren kan ikke lytte på ${host}:${port}: ${reason}; vælg en anden --port`,
    listening: (address, trial) => `jobtrial serve lytter på ${address} (forsøg ${trial}); stop med Ctrl+C`,
    noHttps: (host) => `Bemærk: serveren svarer andre computere på ${host} uden HTTPS. Sæt en HTTPS-proxy foran; browsere gemmer kun login-cookien over HTTPS eller på denne computer.`,
    stopped: "jobtrial serve er stoppet.",
  },
  en: {
    password: "Type the password and press Enter (it shows as you type; rather send it in through a pipe):",
    userSaved: (replaced, name, role, file) => `${replaced ? "Changed" : "Added"}: ${name} with the role ${role} in ${file}`,
    cannotListen: (host, port, reason) => `the server cannot listen on ${host}:${port}: ${reason}; choose another --port`,
    listening: (address, trial) => `jobtrial serve listens on ${address} (trial ${trial}); stop with Ctrl+C`,
    noHttps: (host) => `Note: the server answers other computers on ${host} without HTTPS. Put an HTTPS proxy in front; browsers keep the login cookie only over HTTPS or on this computer.`,
    stopped: "jobtrial serve has stopped.",
  },
};

/** The first line of standard input: the password for `serve adduser` (never an argument, which other users can see). */
async function passwordFromStdin(io: Io, lang: Lang): Promise<string> {
  if (process.stdin.isTTY) io.stderr(SAY[lang].password + "\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.from(chunk as Buffer));
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function addUserCommand(io: Io, values: OptionValues, name: string, lang: Lang): Promise<number> {
  const usersPath = resolvePath(io, stringOption(values, "users", true));
  const role = stringOption(values, "role", true);
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(OPTION_WORDING.choice("role", ROLES, role));
  const password = await passwordFromStdin(io, lang);
  // A UsersFileError reaches cli.ts, which words it in --lang.
  const { replaced } = await addUser(usersPath, { name, role: role as Role, password, replace: Boolean(values["replace"]), now: io.now() });
  io.stdout(SAY[lang].userSaved(replaced, name, role, usersPath) + "\n");
  return 0;
}

async function serveCommand(io: Io, values: OptionValues, lang: Lang): Promise<number> {
  const { config, hash } = loadConfigOrFail(io, values, lang);
  const registerPath = resolvePath(io, stringOption(values, "register", true));
  const usersPath = resolvePath(io, stringOption(values, "users", true));
  const host = stringOption(values, "host") ?? "127.0.0.1";
  const port = numberOption(values, "port", { integer: true, min: 0 }) ?? 8080;
  const maxUploadMb = numberOption(values, "max-upload", { min: 0.001 });
  const idleMinutes = numberOption(values, "session-minutes", { min: 1 });
  const listsOption = stringOption(values, "lists");
  const logOption = stringOption(values, "access-log");
  // A UsersFileError reaches cli.ts, which words it in --lang.
  const app = await createServer({
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
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (error) {
    await app.close();
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError({ da: SAY.da.cannotListen(host, port, reason), en: SAY.en.cannotListen(host, port, reason) });
  }
  io.stdout(SAY[lang].listening(address, config.id) + "\n");
  if (!LOOPBACK.has(host)) io.stderr(SAY[lang].noHttps(host) + "\n");
  const stopped = await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  void stopped;
  await app.close();
  io.stdout(SAY[lang].stopped + "\n");
  return 0;
}

export const serve: Command = {
  name: "serve",
  summary: { da: "Websiden til ugens tildeling (Denne uge, Listen, Registret)", en: "The web page for the week's assignment (This week, The list, The register)" },
  usage: {
    da: "serve --config <trial.json> --register <fil> --users <fil> [--port 8080] [--host 127.0.0.1] [--lists <mappe>] [--access-log <fil>] [--max-upload <MB>]\n       serve adduser <navn> --role tildeler|læser|administrator --users <fil> [--replace]   (adgangskoden på standard input)",
    en: "serve --config <trial.json> --register <file> --users <file> [--port 8080] [--host 127.0.0.1] [--lists <folder>] [--access-log <file>] [--max-upload <MB>]\n       serve adduser <name> --role tildeler|læser|administrator --users <file> [--replace]   (the password on standard input)",
  },
  help: {
    da: `
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
    en: `
Starts a local web server with the week's routine in Danish, on top of the same
functions as "jobtrial assign":

  Denne uge   (this week) choose the week's intake file (CSV or XLSX). Every
              problem is shown with row, column and how to fix it; otherwise a
              preview: who goes into which group, who is already assigned, who
              is outside the target group and why, and the flags. Nothing is
              written before you confirm, and two confirmations (two tabs, a
              double click) write one batch.
  Listen      (the list) download the staff list (CSV and XLSX with conversation
              plans) for any batch; the lists are where assign writes them.
  Registret   (the register) the batches, voiding with a reason (administrator),
              the check of the hash chain and the rule's allocation as charts.
  Brugere     (users) users and roles (administrator).

Roles: a tildeler assigns, a læser views and downloads lists, an administrator
voids and manages users. The users are in the users file with scrypt-hashed
passwords; create the first with "serve adduser", which reads the password from
standard input (at least 10 characters).

The server listens only on this computer (127.0.0.1) unless --host says
otherwise. Login is limited to 5 attempts in 15 minutes per user and computer;
a session expires after 30 minutes without use. Every action is written to the
access log with user and time, never with a CPR number.

Options:
  --config <file>        the trial configuration
  --register <file>      the register (SQLite); created by the first batch
  --users <file>         the users file (JSON) that "serve adduser" writes
  --port <number>        the port. Default: 8080 (0: a free port)
  --host <address>       the address listened on. Default: 127.0.0.1
  --lists <folder>       where the lists are written and fetched. Default: "lister"
                         beside the register (as assign)
  --access-log <file>    the access log. Default: adgang.log beside the register
  --max-upload <MB>      largest intake file. Default: 20
  --session-minutes <n>  minutes without use before a session expires. Default: 30
  --lang <da|en>         the page's language. Default: da
  --role <role>          (adduser) tildeler, læser or administrator
  --replace              (adduser) give an existing user a new password and role

Examples:
  echo "$PASSWORD" | jobtrial serve adduser ada --role administrator --users users.json
  jobtrial serve --config data/esbjerg-2017/trial.json --register out/register.sqlite --users users.json
`,
  },
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
    role: { type: "string" },
    replace: { type: "boolean" },
  },
  positionals: [0, 2],
  async run({ io, values, positionals, lang }) {
    if (positionals.length === 0) return serveCommand(io, values, lang);
    if (positionals[0] !== "adduser") throw new UsageError({ da: `ukendt underkommando "${positionals[0]}"; kendt: adduser`, en: `unknown subcommand "${positionals[0]}"; known: adduser` });
    if (positionals.length !== 2) {
      throw new UsageError({
        da: "serve adduser skal have brugerens navn: serve adduser <navn> --role <rolle> --users <fil>",
        en: "serve adduser needs the user's name: serve adduser <name> --role <role> --users <file>",
      });
    }
    return addUserCommand(io, values, positionals[1]!, lang);
  },
};
