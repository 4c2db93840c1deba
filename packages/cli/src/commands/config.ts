import { compactDayRanges } from "@jobtrial/assign";
import { formatKroner, loadTrialConfig, type AssignmentRule, type Lang } from "@jobtrial/core";
import { resolvePath, UserError, type Command } from "../command.ts";
import { CONFIG_CHECK_WORDING } from "../messages.ts";

export const configCheck: Command = {
  name: "config check",
  summary: { da: "Kontroller en forsøgskonfiguration og vis alle problemer", en: "Check a trial configuration and show every problem" },
  usage: "config check <trial.json> [--json]",
  help: {
    da: `
Læser en forsøgskonfiguration (fx data/esbjerg-2017/trial.json) og kontrollerer
den mod skemaet: typer, tildelingsreglen (dagsmængder, der overlapper eller
udelader dage), medfinansieringsandele (0-1), budgetår inden for projektperioden
og en ydelsessats for hvert projektår.

Skriver "OK" og en kort opsummering, når filen er gyldig. Ellers skrives én linje
pr. problem med dets JSON-sti, og hvordan det rettes, og kommandoen afslutter
med kode 1.

Tilvalg:
  --json   skriv resultatet som JSON ({ "ok", "hash" } eller { "ok", "problems" })

Eksempel:
  jobtrial config check data/esbjerg-2017/trial.json
`,
    en: `
Reads a trial configuration (e.g. data/esbjerg-2017/trial.json) and checks it
against the schema: types, the assignment rule (day sets that overlap or leave
out days), co-financing shares (0-1), budget years within the project period
and a benefit rate for every project year.

Prints "OK" and a short summary when the file is valid. Otherwise one line per
problem with its JSON path and how to fix it, and the command exits with
code 1.

Options:
  --json   print the result as JSON ({ "ok", "hash" } or { "ok", "problems" })

Example:
  jobtrial config check data/esbjerg-2017/trial.json
`,
  },
  options: { json: { type: "boolean" } },
  positionals: [1, 1],
  run({ io, values, positionals, lang }) {
    const shown = positionals[0]!;
    const say = CONFIG_CHECK_WORDING[lang];
    const result = loadTrialConfig(resolvePath(io, shown), lang);
    if (values["json"]) {
      io.stdout(JSON.stringify(result.ok ? { ok: true, id: result.config.id, hash: result.hash } : { ok: false, problems: result.problems }, null, 2) + "\n");
      return result.ok ? 0 : 1;
    }
    if (!result.ok) {
      for (const problem of result.problems) io.stderr(`${shown}: ${problem.path}: ${problem.message}\n`);
      throw new UserError({ da: CONFIG_CHECK_WORDING.da.problems(result.problems.length, shown), en: CONFIG_CHECK_WORDING.en.problems(result.problems.length, shown) });
    }
    const { config } = result;
    const { labels } = say;
    const width = Math.max(...Object.values(labels).map((label) => label.length));
    const line = (label: string, text: string) => `  ${label.padEnd(width)}  ${text}`;
    io.stdout(
      [
        `OK: ${shown}`,
        line(labels.trial, `${config.id}: ${config.name}`),
        line(labels.rule, describeRule(config.assignment.rule, lang)),
        line(labels.project, say.period(config.projectPeriod.start, config.projectPeriod.end)),
        line(labels.evaluation, say.evaluation(config.evaluation.date, config.evaluation.reporting, config.evaluation.primaryHorizonDays)),
        line(labels.protocol, say.protocol(config.protocol.intervention.length, config.protocol.control.length, config.protocol.programmeWeeks)),
        line(labels.budget, config.budget.years.map((year) => `${year.year}: ${formatKroner(year.dkk, lang)}`).join(", ")),
        line(labels.rateYears, config.money.years.map((year) => year.year).join(", ")),
        line(labels.hash, result.hash.slice(0, 16)),
      ].join("\n") + "\n",
    );
    return 0;
  },
};

function describeRule(rule: AssignmentRule, lang: Lang): string {
  const say = CONFIG_CHECK_WORDING[lang];
  switch (rule.kind) {
    case "day-of-month":
      return say.dayOfMonth(compactDayRanges(rule.intervention), compactDayRanges(rule.control));
    case "parity":
      return say.parity(rule.intervention);
    case "birthday-list":
      return say.birthdayList(rule.intervention.length);
  }
}
