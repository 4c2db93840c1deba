import { compactDayRanges } from "@jobtrial/assign";
import { formatKroner, loadTrialConfig, type AssignmentRule } from "@jobtrial/core";
import { resolvePath, UserError, type Command } from "../command.ts";

export const configCheck: Command = {
  name: "config check",
  summary: "Kontroller en forsøgskonfiguration og vis alle problemer",
  usage: "config check <trial.json> [--json]",
  help: `
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
  options: { json: { type: "boolean" } },
  positionals: [1, 1],
  run({ io, values, positionals }) {
    const file = resolvePath(io, positionals[0]!);
    const result = loadTrialConfig(file, "da");
    if (values["json"]) {
      io.stdout(JSON.stringify(result.ok ? { ok: true, id: result.config.id, hash: result.hash } : { ok: false, problems: result.problems }, null, 2) + "\n");
      return result.ok ? 0 : 1;
    }
    if (!result.ok) {
      for (const problem of result.problems) io.stderr(`${positionals[0]}: ${problem.path}: ${problem.message}\n`);
      throw new UserError({
        da: `${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problemer`} i ${positionals[0]}; ret ${result.problems.length === 1 ? "det" : "dem"} og kør igen`,
        en: `${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${positionals[0]}; fix ${result.problems.length === 1 ? "it" : "them"} and run again`,
      });
    }
    const { config } = result;
    io.stdout(
      [
        `OK: ${positionals[0]}`,
        `  trial        ${config.id}: ${config.name}`,
        `  rule         ${describeRule(config.assignment.rule)}`,
        `  project      ${config.projectPeriod.start} to ${config.projectPeriod.end} (exclusive)`,
        `  evaluation   ${config.evaluation.date}, ${config.evaluation.reporting} reporting, primary horizon ${config.evaluation.primaryHorizonDays} days`,
        `  protocol     ${config.protocol.intervention.length} conversations (intervention) vs ${config.protocol.control.length} (control) in ${config.protocol.programmeWeeks} weeks`,
        `  budget       ${config.budget.years.map((year) => `${year.year}: ${formatKroner(year.dkk, "da")}`).join(", ")}`,
        `  rate years   ${config.money.years.map((year) => year.year).join(", ")}`,
        `  config hash  ${result.hash.slice(0, 16)}`,
      ].join("\n") + "\n",
    );
    return 0;
  },
};

function describeRule(rule: AssignmentRule): string {
  switch (rule.kind) {
    case "day-of-month":
      return `birth day of month ${compactDayRanges(rule.intervention)} -> intervention, ${compactDayRanges(rule.control)} -> control`;
    case "parity":
      return `${rule.intervention} birth days -> intervention`;
    case "birthday-list":
      return `${rule.intervention.length} listed birthdays -> intervention`;
  }
}
