import { loadTrialConfig } from "@jobtrial/core";
import { diagnoseDesign, type SimulationOptions } from "@jobtrial/analyze";
import { formatNumber, formatPercent } from "@jobtrial/report";
import { dateOption, numberOption, resolvePath, stringOption, stringOptions, UserError, weekRangeOption, type Command } from "../command.ts";

export const power: Command = {
  name: "power",
  summary: { da: "Designdiagnose ved simulation", en: "Design diagnosis by simulation" },
  usage: {
    da: "power --config <trial.json> [--days-saved <d>] [--weekly-intake <n>] [--weeks <fra>:<til>] [--evaluation-date <dato>] [--trials <n>] [--seed <n>] [--lang da|en] [--json]",
    en: "power --config <trial.json> [--days-saved <d>] [--weekly-intake <n>] [--weeks <from>:<to>] [--evaluation-date <date>] [--trials <n>] [--seed <n>] [--lang da|en] [--json]",
  },
  help: {
    da: `
Simulerer forsøget mange gange med simulatoren under en antaget effekt, tilgang
og evalueringsdato, estimerer sparede dage i hvert forsøg præcis som "jobtrial
analyze" gør, og viser:

  styrke      andelen af forsøg, hvis 95 %-interval for sparede dage ligger over 0
  bias        gennemsnitligt estimat minus sandheden, for sparede dage og for
              projektets naive "gennemsnitlige varighed af afsluttede forløb"
  dækning     andelen af 95 %-intervaller, der indeholder sandheden
  MDE         den mindste påviselige effekt i sparede dage, 2,80 x den
              gennemsnitlige standardfejl

Det fortæller evaluatorerne før evalueringen, om den forventede effekt overhovedet
kan ses med den tilgang og opfølgning, de vil have.

Tilvalg:
  --config <fil>             forsøgets konfiguration (skal gives)
  --days-saved <d>           antaget effekt ved den primære horisont (standard: forventningen, 9)
  --weekly-intake <n>        forventet tilgang pr. uge (standard 50)
  --weeks <fra>:<til>        tilgangsuger (standard: projektstart til evalueringsdatoen)
  --evaluation-date <dato>   udtræksdato (standard: konfigurationens evalueringsdato)
  --trials <n>               simulerede forsøg (standard 500)
  --seed <n>                 frø (standard 20170101)
  --lang da|en               sprog i den viste diagnose (standard: da)
  --json                     skriv diagnosen som JSON

Fremdriften skrives på stderr: en bjælke, når stderr er en terminal, ellers nogle
få almindelige linjer.

Eksempel:
  jobtrial power --config data/esbjerg-2017/trial.json --days-saved 9 --weekly-intake 50 --trials 500`,
    en: `
Simulates the trial many times with the simulator under an assumed effect,
intake and evaluation date, estimates days saved in each trial exactly as
"jobtrial analyze" does, and reports:

  power       share of trials whose 95 % interval for days saved lies above 0
  bias        mean estimate minus the truth, for days saved and for the
              project's naive "average duration of completed spells"
  coverage    share of 95 % intervals that contain the truth
  MDE         the minimum detectable days saved, 2.80 x the mean standard error

This tells the evaluators before the evaluation whether the expected effect can
be seen at all with the intake and follow-up they will have.

Options:
  --config <file>            the trial configuration (required)
  --days-saved <d>           assumed effect at the primary horizon (default: the expectation, 9)
  --weekly-intake <n>        expected intake per week (default 50)
  --weeks <from>:<to>        intake weeks (default: project start to the evaluation date)
  --evaluation-date <date>   data extraction date (default: the configuration's evaluation date)
  --trials <n>               simulated trials (default 500)
  --seed <n>                 seed (default 20170101)
  --lang da|en               language of the printed diagnosis (default: da)
  --json                     print the diagnosis as JSON

Progress goes to stderr: a bar when stderr is a terminal, otherwise a few plain lines.

Example:
  jobtrial power --config data/esbjerg-2017/trial.json --days-saved 9 --weekly-intake 50 --trials 500`,
  },
  options: { ...stringOptions("config", "days-saved", "weekly-intake", "weeks", "evaluation-date", "trials", "seed"), json: { type: "boolean" } },
  run({ io, values, lang }) {
    const configArg = stringOption(values, "config", true);
    const loaded = loadTrialConfig(resolvePath(io, configArg), lang);
    if (!loaded.ok) {
      const first = `${configArg}: ${loaded.problems[0]!.path}: ${loaded.problems[0]!.message}`;
      throw new UserError({ da: `${first} (kør "jobtrial config check ${configArg}")`, en: `${first} (run "jobtrial config check ${configArg}")` });
    }
    const config = loaded.config;
    const simulation: SimulationOptions = {};
    const daysSaved = numberOption(values, "days-saved");
    if (daysSaved !== undefined) simulation.effect = { kind: "days-saved", days: daysSaved };
    const weeklyIntake = numberOption(values, "weekly-intake", { min: 0.01 });
    if (weeklyIntake !== undefined) simulation.weeklyIntake = weeklyIntake;
    const weeks = weekRangeOption(values, "weeks");
    if (weeks !== undefined) {
      simulation.fromWeek = weeks.from;
      simulation.toWeek = weeks.to;
    }
    const evaluationDate = dateOption(values, "evaluation-date");
    if (evaluationDate !== undefined) simulation.extractionDate = evaluationDate;
    const trials = numberOption(values, "trials", { integer: true, min: 1 }) ?? 500;
    const seed = numberOption(values, "seed", { integer: true, min: 0 }) ?? 20170101;

    let lastLine = 0;
    const progressLines = new Set([Math.ceil(trials / 4), Math.ceil(trials / 2), Math.ceil((3 * trials) / 4), trials]);
    const onProgress = (done: number, total: number) => {
      if (io.isTty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${lang === "da" ? "forsøg" : "trials"}${done === total ? "\n" : ""}`);
      } else if (progressLines.has(done) && done !== lastLine) {
        lastLine = done;
        io.stderr(lang === "da" ? `power: ${done}/${total} forsøg simuleret\n` : `power: ${done}/${total} trials simulated\n`);
      }
    };
    // A SimulationOptionsError reaches cli.ts, which words it.
    const diagnosis = diagnoseDesign({ config, simulation, trials, seed, onProgress });
    if (values["json"]) {
      io.stdout(JSON.stringify(diagnosis, null, 2) + "\n");
      return 0;
    }
    io.stdout(powerSummary(diagnosis, trials, lang));
    return 0;
  },
};

/** The printed diagnosis, Danish by default (numbers with decimal comma), English with --lang en. */
export function powerSummary(diagnosis: ReturnType<typeof diagnoseDesign>, trials: number, lang: "da" | "en"): string {
  const da = lang === "da";
  const d = diagnosis.daysSaved;
  const pct = (value: number) => formatPercent(value, lang);
  const num = (value: number) => formatNumber(value, lang, 2);
  const lines = da
    ? [
        `Designdiagnose: ${trials} simulerede forsøg, data pr. ${diagnosis.extractionDate}, horisont ${diagnosis.horizonDays} dage, ca. ${diagnosis.meanAnalysed.toFixed(0)} borgere pr. forsøg`,
        `  sandhed                 ${num(diagnosis.truth.causal)} sparede dage (forskel mellem grupperne under reglen ${num(diagnosis.truth.armContrast)})`,
        `  sparede dage            styrke ${pct(d.power)}, bias ${num(d.bias)}, dækning ${pct(d.coverage)}, SE ${num(d.meanSe)} (empirisk ${num(d.empiricalSe)})`,
        `  gns. afsluttede forløb  bias ${num(diagnosis.naiveCompletedSpells.bias)} (gns. ${num(diagnosis.naiveCompletedSpells.mean)}): skævt, mens forløb stadig kører`,
        `  mindste påviselige      ${num(diagnosis.minimumDetectableEffect)} dage (styrke 80 %, 5 % tosidet)`,
        `  kan estimeres           ${diagnosis.estimable} af ${trials} forsøg (horisonten inden for opfølgningen)`,
      ]
    : [
        `Design diagnosis: ${trials} simulated trials, data as of ${diagnosis.extractionDate}, horizon ${diagnosis.horizonDays} days, about ${diagnosis.meanAnalysed.toFixed(0)} citizens per trial`,
        `  truth                   ${num(diagnosis.truth.causal)} days saved (arm contrast ${num(diagnosis.truth.armContrast)})`,
        `  days saved              power ${pct(d.power)}, bias ${num(d.bias)}, coverage ${pct(d.coverage)}, SE ${num(d.meanSe)} (empirical ${num(d.empiricalSe)})`,
        `  completed-spell average bias ${num(diagnosis.naiveCompletedSpells.bias)} (mean ${num(diagnosis.naiveCompletedSpells.mean)}): biased while spells run`,
        `  minimum detectable      ${num(diagnosis.minimumDetectableEffect)} days (80 % power, 5 % two-sided)`,
        `  estimable               ${diagnosis.estimable} of ${trials} trials (the horizon within follow-up)`,
      ];
  return lines.join("\n") + "\n";
}
