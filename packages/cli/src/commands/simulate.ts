import { formatNumber, loadTrialConfig, type Lang } from "@jobtrial/core";
import { simulateTrial, writeSimulation, type PathContrastTruth, type SimulationOptions, type SimulationTruth } from "@jobtrial/analyze";
import { randomSource } from "@jobtrial/survival";
import { choiceOption, dateOption, exclusiveOptions, isoWeekOption, numberOption, resolvePath, stringOption, UsageError, UserError, weekRangeOption, type Command } from "../command.ts";
import { OPTION_WORDING, SIMULATE_WORDING } from "../messages.ts";

export const simulate: Command = {
  name: "simulate",
  summary: { da: "Skriv et syntetisk forsøgsdatasæt med kendt sandhed", en: "Write a synthetic trial data set with known truth" },
  usage: {
    da: "simulate --config <trial.json> --seed <n> --out <mappe> [tilvalg]",
    en: "simulate --config <trial.json> --seed <n> --out <dir> [options]",
  },
  help: {
    da: `
Simulerer forsøget, som konfigurationen beskriver, og skriver det, de rigtige
kilder ville levere, i deres rigtige form (alt er SYNTETISK):

  <mappe>/intake/<ISO-uge>.csv         én ugentlig tilgangsliste pr. uge (sagssystemet)
  <mappe>/outcomes/spells.csv          hver borgers første forløb på A-dagpenge, skåret
                                       ved udtræksdatoen
  <mappe>/outcomes/benefit-weeks.csv   det ugentlige ydelsespanel: hver borgers vej
                                       gennem ydelsestilstande (tilbage til A-dagpenge,
                                       sygedagpenge og kontanthjælp, uddannelse,
                                       fraflytning) og ugerne på offentlig forsørgelse
                                       før første ledighedsdag
  <mappe>/outcomes/conversations.csv   hver planlagt og afholdt samtale
  <mappe>/outcomes/secondary.csv       ansøgninger, selvfundne pladser, vurderinger
  <mappe>/truth.json                   modellens parametre og sande værdier

Grupperne følger konfigurationens regel ud fra hver fødselsdato. truth.json
holder de sande sparede dage på A-dagpenge (genindtræden medregnet), sparede
dage på offentlig forsørgelse og kommunens sparede udgift pr. borger ved hver
horisont (veje), ved siden af det første forløbs. Kun disse filer skrives;
trial.json og andre filer i <mappe> røres ikke. Samme konfiguration, tilvalg og
frø giver byte-identiske filer.

Tilvalg:
  --config <fil>           forsøgets konfiguration (skal gives)
  --seed <n>               frø til den tilfældige kilde, et helt tal (skal gives)
  --out <mappe>            outputmappen, oprettes, hvis den mangler (skal gives)
  --weeks <fra>:<til>      tilgangsuger, fx 2017-W01:2018-W08
                           (standard: fra projektstart til den sidste uge, der
                           slutter før udtræksdatoen)
  --intake-end <uge>       sidste tilgangsuge (tilgangens slut) i stedet for
                           slutningen af --weeks
  --weekly-intake <n>      forventet tilgang pr. uge, med sæsonvariation (standard 50)
  --days-saved <d>         sand effekt: kontrol minus indsats i forventede dage på
                           A-dagpenge inden for horisonten, genindtræden medregnet
                           (med --paths false: første forløbs restricted mean)
                           (standard: forsøgets forventning, 9)
  --horizon <dage>         horisont for --days-saved (standard: primær horisont, 364)
  --hazard-ratio <r>       sand effekt som hazard ratio for afgang til job
                           (indsats / kontrol; > 1 forkorter forløb) i stedet
  --paths true|false       veje gennem ydelsestilstande med genindtræden
                           (standard true); false: modellen med første forløb, ét
                           forløb pr. borger
  --extraction-date <dato> udfaldsudtrækkets dato (standard: evalueringsdatoen)
  --foreign-born-share <s>           andel født i udlandet (standard 0,12)
  --january-first-share <s>          andel af dem registreret 1. januar (standard 0,3)
  --json                   skriv opsummeringen som JSON

Eksempel (det medfølgende datasæt):
  jobtrial simulate --config data/esbjerg-2017/trial.json --seed 20170101 \\
    --out data/esbjerg-2017 --weeks 2017-W01:2018-W08`,
    en: `
Simulates the trial described by the configuration and writes what the real
sources would deliver, in their real shapes (all SYNTHETIC):

  <dir>/intake/<ISO week>.csv         one weekly intake list per week (case system)
  <dir>/outcomes/spells.csv           the first A-dagpenge spell per citizen, cut at the
                                      extraction date
  <dir>/outcomes/benefit-weeks.csv    the weekly benefit panel: each citizen's path through
                                      benefit states (returns to A-dagpenge, sickness and
                                      cash benefit, education, moving away) and the weeks on
                                      public support before the first unemployment day
  <dir>/outcomes/conversations.csv    every planned and held conversation
  <dir>/outcomes/secondary.csv        applications, self-found placements, ratings
  <dir>/truth.json                    the model's parameters and true values

Arms follow the configuration's rule from each birth date. truth.json holds the
true days on A-dagpenge saved (re-entries counted), days on public support saved
and the municipality's expenditure saving per citizen at each horizon (paths),
beside the first spell's. Only these files are written; trial.json and other
files in <dir> are left alone. The same configuration, options and seed give
byte-identical files.

Options:
  --config <file>          the trial configuration (required)
  --seed <n>               seed of the random source, a whole number (required)
  --out <dir>              output directory, created when missing (required)
  --weeks <from>:<to>      intake weeks, e.g. 2017-W01:2018-W08
                           (default: from the project start to the last week
                           that ends before the extraction date)
  --intake-end <week>      last intake week (the end of intake) instead of --weeks' end
  --weekly-intake <n>      expected intake per week, seasonally varied (default 50)
  --days-saved <d>         true effect: control minus intervention expected days
                           on A-dagpenge within the horizon, re-entries counted
                           (with --paths false: the first spell's restricted mean)
                           (default: the trial's expectation, 9)
  --horizon <days>         horizon for --days-saved (default: primary horizon, 364)
  --hazard-ratio <r>       true effect as the hazard ratio of leaving benefit for a
                           job (intervention / control; > 1 shortens spells) instead
  --paths true|false       paths through benefit states with re-entry (default true);
                           false: the first-spell model, one spell per citizen
  --extraction-date <date> date of the outcome extract (default: evaluation date)
  --foreign-born-share <s>           share born abroad (default 0.12)
  --january-first-share <s>          share of them registered on 1 January (default 0.3)
  --json                   print the summary as JSON

Example (the bundled data set):
  jobtrial simulate --config data/esbjerg-2017/trial.json --seed 20170101 \\
    --out data/esbjerg-2017 --weeks 2017-W01:2018-W08`,
  },
  options: {
    config: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    weeks: { type: "string" },
    "intake-end": { type: "string" },
    "weekly-intake": { type: "string" },
    "days-saved": { type: "string" },
    horizon: { type: "string" },
    "hazard-ratio": { type: "string" },
    "extraction-date": { type: "string" },
    "foreign-born-share": { type: "string" },
    "january-first-share": { type: "string" },
    paths: { type: "string" },
    json: { type: "boolean" },
  },
  run({ io, values, lang }) {
    const configArg = stringOption(values, "config", true);
    const seedArg = stringOption(values, "seed", true);
    const outArg = stringOption(values, "out", true);
    if (!/^\d{1,15}$/.test(seedArg)) throw new UsageError(OPTION_WORDING.notWhole("seed", seedArg));

    const options: SimulationOptions = {};
    const generatedBy = [`jobtrial simulate --config ${configArg} --seed ${seedArg} --out ${outArg}`];
    exclusiveOptions(values, ["weeks", "intake-end"]);
    const weeks = weekRangeOption(values, "weeks");
    if (weeks !== undefined) {
      options.fromWeek = weeks.from;
      options.toWeek = weeks.to;
      generatedBy.push(`--weeks ${weeks.from}:${weeks.to}`);
    }
    const intakeEnd = isoWeekOption(values, "intake-end");
    if (intakeEnd !== undefined) {
      options.toWeek = intakeEnd;
      generatedBy.push(`--intake-end ${intakeEnd}`);
    }
    const weeklyIntake = numberOption(values, "weekly-intake", { min: 0.01 });
    if (weeklyIntake !== undefined) {
      options.weeklyIntake = weeklyIntake;
      generatedBy.push(`--weekly-intake ${weeklyIntake}`);
    }
    const daysSaved = numberOption(values, "days-saved");
    const horizon = numberOption(values, "horizon", { integer: true, min: 1 });
    const hazardRatio = numberOption(values, "hazard-ratio", { min: 0.0001 });
    if (hazardRatio !== undefined && (daysSaved !== undefined || horizon !== undefined)) {
      throw new UsageError({
        da: "angiv effekten enten som --hazard-ratio eller som --days-saved (med --horizon), ikke begge",
        en: "give the effect either as --hazard-ratio or as --days-saved (with --horizon), not both",
      });
    }
    if (hazardRatio !== undefined) {
      options.effect = { kind: "hazard-ratio", hazardRatio };
      generatedBy.push(`--hazard-ratio ${hazardRatio}`);
    } else if (daysSaved !== undefined || horizon !== undefined) {
      const result = loadConfigOrThrow(resolvePath(io, configArg), configArg, lang);
      options.effect = { kind: "days-saved", days: daysSaved ?? result.expectations.daysSaved, ...(horizon === undefined ? {} : { horizonDays: horizon }) };
      if (daysSaved !== undefined) generatedBy.push(`--days-saved ${daysSaved}`);
      if (horizon !== undefined) generatedBy.push(`--horizon ${horizon}`);
    }
    const extractionDate = dateOption(values, "extraction-date");
    if (extractionDate !== undefined) {
      options.extractionDate = extractionDate;
      generatedBy.push(`--extraction-date ${extractionDate}`);
    }
    for (const [flag, key] of [["foreign-born-share", "foreignBornShare"], ["january-first-share", "januaryFirstShareOfForeignBorn"]] as const) {
      const share = numberOption(values, flag, { min: 0, max: 1 });
      if (share === undefined) continue;
      options[key] = share;
      generatedBy.push(`--${flag} ${share}`);
    }

    const paths = values["paths"] === undefined ? undefined : choiceOption(values, "paths", ["true", "false"], "true");
    if (paths !== undefined) {
      options.paths = paths === "true";
      if (paths === "false") generatedBy.push("--paths false");
    }

    const config = loadConfigOrThrow(resolvePath(io, configArg), configArg, lang);
    // A SimulationOptionsError reaches cli.ts, which words it in --lang.
    const simulation = simulateTrial(config, options, randomSource(Number(seedArg)));
    const written = writeSimulation(resolvePath(io, outArg), simulation, { generatedBy: generatedBy.join(" ") });

    const eligible = simulation.spells.length;
    const intervention = simulation.citizens.filter((citizen) => citizen.arm === "intervention").length;
    const totalBytes = written.reduce((sum, file) => sum + file.bytes, 0);
    const truth = simulation.truth;
    if (values["json"]) {
      io.stdout(
        JSON.stringify(
          {
            ok: true,
            out: outArg,
            weeks: { from: simulation.options.fromWeek, to: simulation.options.toWeek },
            extractionDate: simulation.options.extractionDate,
            intakeRows: simulation.citizens.length,
            eligible,
            intervention,
            control: eligible - intervention,
            files: written,
            truth: { paths: pathHeadline(truth), daysSaved: truth.daysSaved, hazardRatio: truth.hazardRatio, armContrastDaysSaved: truth.armContrast.daysSaved },
          },
          null,
          2,
        ) + "\n",
      );
      return 0;
    }
    const wording = SIMULATE_WORDING[lang];
    io.stdout(
      [
        wording.written(outArg, written.length, formatNumber(totalBytes / 1e6, lang, { decimals: 2, rounding: "exact" })),
        wording.intake(simulation.options.fromWeek, simulation.options.toWeek, simulation.citizens.length, eligible),
        wording.arms(intervention, eligible - intervention),
        wording.extraction(simulation.options.extractionDate, simulation.spells.filter((spell) => spell.end === null).length),
        ...truthLines(truth, lang),
      ].join("\n") + "\n",
    );
    return 0;
  },
};

/**
 * The path truth's headline at the primary horizon: days on A-dagpenge saved (re-entries
 * counted), days on public support saved and the expenditure saved per citizen, for the
 * whole population (causal) and for the arms as the rule forms them; null without paths.
 */
function pathHeadline(truth: SimulationTruth) {
  const paths = truth.paths;
  if (paths === undefined) return null;
  const tau = String(truth.horizonDays);
  const at = (contrast: PathContrastTruth) => ({
    daysOnADagpengeSaved: contrast.days[tau]!.adp.difference,
    publicSupportDaysSaved: contrast.days[tau]!.public.difference,
    expenditureSaving: contrast.expenditure[tau]!.difference,
  });
  return { horizonDays: Number(tau), jobRateRatio: paths.jobRateRatio, causal: at(paths.causal), armContrast: at(paths.armContrast) };
}

/** The truth lines of the summary; a truth value is shown to 6 decimals (truth.json holds it in full). */
function truthLines(truth: SimulationTruth, lang: Lang): string[] {
  const wording = SIMULATE_WORDING[lang];
  const value = (number: number) => formatTruth(number, lang);
  const headline = pathHeadline(truth);
  const firstSpell = wording.firstSpell(value(truth.daysSaved), truth.horizonDays, value(truth.armContrast.daysSaved));
  if (headline === null) return [wording.truthFirstSpell(firstSpell, value(truth.hazardRatio))];
  const { causal, armContrast } = headline;
  return [
    wording.truthAdp(value(causal.daysOnADagpengeSaved), headline.horizonDays, value(armContrast.daysOnADagpengeSaved)),
    wording.truthPublic(value(causal.publicSupportDaysSaved), value(armContrast.publicSupportDaysSaved)),
    wording.truthExpenditure(value(causal.expenditureSaving), value(armContrast.expenditureSaving)),
    wording.truthFirstSpellPaths(firstSpell, value(headline.jobRateRatio)),
  ];
}

/** A truth value in the summary: up to 6 decimals, in the language's number format ("8,792822"). */
function formatTruth(value: number, lang: Lang): string {
  return formatNumber(value, lang, { decimals: 6 });
}

function loadConfigOrThrow(file: string, shown: string, lang: Lang) {
  const result = loadTrialConfig(file, lang);
  if (!result.ok) {
    const first = `${shown}: ${result.problems[0]!.path}: ${result.problems[0]!.message}`;
    const more = result.problems.length - 1;
    throw new UserError({
      da: `${first}${more > 0 ? ` (og ${more} mere; kør "jobtrial config check ${shown}")` : ""}`,
      en: `${first}${more > 0 ? ` (and ${more} more; run "jobtrial config check ${shown}")` : ""}`,
    });
  }
  return result.config;
}
