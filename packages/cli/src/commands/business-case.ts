import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { loadTrialConfig, writeXlsxFile, type Lang, type XlsxCell, type XlsxSheet } from "@jobtrial/core";
import {
  businessCase,
  BusinessCaseError,
  businessCaseMessage,
  businessCaseNotice,
  businessCaseSections,
  businessCaseTexts,
  formatBusinessCaseTable,
  type BusinessCase,
  type BusinessCaseCellKind,
  type BusinessCaseIssue,
  type BusinessCaseNotice,
  type BusinessCaseOptions,
} from "@jobtrial/business-case";
import { choiceOption, numberOption, resolvePath, stringOption, stringOptions, UsageError, UserError, type Command, type Wording } from "../command.ts";

/** Excel's number formats: the separators follow the reader's Excel, the units the language. */
const NUMBER_FORMATS: Record<Lang, Record<BusinessCaseCellKind, string | undefined>> = {
  da: {
    kr: '#,##0 "kr."',
    days: '0.0 "dage"',
    days2: '0.00 "dage"',
    share: "0.0 %",
    probability: "0 %",
    persons: "#,##0",
    persons1: "#,##0.0",
    number: "#,##0.00",
    text: undefined,
  },
  en: {
    kr: '#,##0 "DKK"',
    days: '0.0 "days"',
    days2: '0.00 "days"',
    share: "0.0%",
    probability: "0%",
    persons: "#,##0",
    persons1: "#,##0.0",
    number: "#,##0.00",
    text: undefined,
  },
};

/** A sheet's name from its section's title: the words before ":" or "(" ("Nettobesparelse pr. år: ..." -> "Nettobesparelse pr. år"). */
function sheetName(title: string): string {
  return title.split(/:|\s\(/)[0]!.trim();
}

/** A column's width: its longest text (a number counts as 16 characters, "1.700.000 kr."), within 10-60. */
function columnWidth(header: string, cells: readonly ({ value: number | string | null } | undefined)[]): number {
  const longest = Math.max(header.length, ...cells.map((cell) => (cell === undefined || cell.value === null ? 0 : typeof cell.value === "number" ? 16 : cell.value.length)));
  return Math.min(60, Math.max(10, longest + 2));
}

/**
 * The business case as XLSX sheets, in Danish (the default) or English: first an overview
 * naming the other sheets, then one sheet per section (its title above the header row),
 * numbers as numbers with their number format, texts as text.
 */
export function businessCaseSheets(result: BusinessCase, lang: Lang = "da"): XlsxSheet[] {
  const texts = businessCaseTexts(lang);
  const seen = new Map<string, number>();
  const sheets: XlsxSheet[] = businessCaseSections(result, lang).map((section) => {
    // Two scenarios share a name: the second is "Scenarie (2)".
    const base = sheetName(section.title);
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    const header = section.columns.length > 0 ? section.columns : [texts.noteColumn];
    return {
      name: count === 1 ? base : `${base} (${count})`,
      title: section.title,
      columns: header.map((name, index) => ({ header: name, width: columnWidth(name, section.rows.map((row) => row[index])) })),
      rows: section.rows.map((cells) =>
        cells.map((cell): XlsxCell => {
          const numFmt = NUMBER_FORMATS[lang][cell.kind];
          return typeof cell.value === "number" && numFmt !== undefined ? { number: cell.value, numFmt } : cell.value;
        }),
      ),
    };
  });
  const overview: XlsxSheet = {
    name: "Business case",
    title: `Business case: ${result.trial.name} (${result.trial.id}). ${result.mode === "measured" ? texts.modeMeasured : texts.modeWhatIf}`,
    columns: [
      { header: texts.sheetColumn, width: 26 },
      { header: texts.contentsColumn, width: 100 },
    ],
    rows: sheets.map((sheet) => [sheet.name, sheet.title ?? ""]),
  };
  return [overview, ...sheets];
}

export const businessCaseCommand: Command = {
  name: "business-case",
  summary: { da: "Nettobesparelse over for budgettet: et år i drift, og pr. kalenderår", en: "Net saving against the budget: a year in operation, and per calendar year" },
  usage: {
    da: "business-case --config <trial.json> [--results results.json] [--days-saved <d>] [--participants-per-year <n>] [--year <år>] [--horizon <dage>] [--prior-weeks <u>] [--from-year <år>] [--to-year <år>] [--format table|json|xlsx] [--out <fil>] [--lang da|en]",
    en: "business-case --config <trial.json> [--results results.json] [--days-saved <d>] [--participants-per-year <n>] [--year <year>] [--horizon <days>] [--prior-weeks <w>] [--from-year <year>] [--to-year <year>] [--format table|json|xlsx] [--out <file>] [--lang da|en]",
  },
  help: {
    da: `
Først svaret til økonomi: et år med indsatsen i drift = årets deltagere i
indsatsgruppen x besparelse pr. deltager - årets projektudgift, med 95 %-interval
(deltametoden) og P(netto > 0) (normalapproksimation) og break-even. Besparelsen pr.
deltager er kommunens udgift pr. borger, kontrol minus indsats, prissat pr. ydelse og
medfinansieringstrin, når results.json har den (analyseret med ydelsespanelet,
--benefit-weeks); ellers de sparede dage prissat som nedenfor. Året er det seneste med
indtag i results.json; er det kun delvist observeret, fremskrives indtaget med
sæsonmønsteret i de samme uger i de hele år (aldrig de første uger ganget op til et
år), og fremskrivningens usikkerhed er med i intervallet. Talte og fremskrevne uger
vises hver for sig.

Dernæst pr. kalenderår: Prissætter forskellen mellem gruppernes Kaplan-Meier-kurver uge for uge: for hver dag
i forløbet op til horisonten (andel stadig ledige i kontrolgruppen minus andel stadig
ledige i indsatsgruppen) x højeste A-dagpengesats i det kalenderår, dagen falder i (pr.
dagpengedag x dagpengedage pr. uge / 7) x kommunens medfinansiering for den uge på
offentlig forsørgelse. Højeste sats er en øvre grænse: ikke alle får den. Ved siden af
den forenklede beregning: sparede dage x dagpenge pr. kalenderdag x gennemsnitlig
medfinansiering.

Pr. år: deltagere i indsatsgruppen, der træder ind det år, x besparelsen, placeret i de
år, de sparede dage falder i, minus projektudgiften; beskæftigelsestilskuddet modregnes,
når konfigurationen siger det. Et år, som ingen sparet dag inden for horisonten når, er
"ikke estimeret" (aldrig 0 kr.). Interval og P(netto > 0) ved deltametoden og
normalapproksimation. Desuden break-even, følsomhed, et scenarie hvor indsatsen
fortsætter efter budgetårene, og de deltagere pr. år, som projektets forventning
(expectations.daysSaved -> netSavingsPerYear) forudsætter.

Uden --results er det et hvad-nu-hvis på --days-saved (standard: konfigurationens
forventede dage), fordelt jævnt over horisonten, uden interval.

Tidligt kig: rækker opfølgningen i results.json endnu ikke til horisonten, beregnes
business casen ved den længste horisont med data i begge grupper og mærkes sådan; et
hvad-nu-hvis over hele horisonten fås med --days-saved uden --results.

Tilvalg:
  --config <fil>                forsøgets konfiguration (skal gives)
  --results <fil>               results.json fra "jobtrial analyze" (den målte effekt)
  --days-saved <d>              sparede dage pr. deltager; med --results skaleres den
                                målte kurveforskel til dette tal
  --participants-per-year <n>   deltagere i indsatsgruppen pr. år (standard: talt eller
                                fremskrevet i results, ellers det forventningen forudsætter)
  --year <år>                   året i drift, som svaret først gælder (standard: det
                                seneste år med indtag i results, ellers første budgetår)
  --horizon <dage>              kurvernes horisont (standard: results' tau, ellers
                                evaluation.primaryHorizonDays)
  --prior-weeks <u>             uger på offentlig forsørgelse før første ledighedsdag
                                (standard: 0, nyledige)
  --from-year <år>, --to-year <år>  de år, der tælles med (standard:
                                expectations.fromYear-toYear)
  --format table|json|xlsx      output (standard: table; xlsx kræver --out)
  --out <fil>                   skriv til en fil i stedet for standard output; et navn
                                på .xlsx skriver XLSX-projektmappen
  --lang da|en                  sproget i meddelelser, fejl, tabellen, XLSX-arkene og
                                JSON-teksterne (standard: da)

Eksempler:
  jobtrial business-case --config data/esbjerg-2017/trial.json
  jobtrial business-case --config data/esbjerg-2017/trial.json --results results.json --out business-case.xlsx`,
    en: `
First the answer for finance: a year with the programme in operation = the
year's participants in the intervention group x saving per participant - the
year's project cost, with a 95 % interval (delta method), P(net > 0) (normal
approximation) and break-even. The saving per participant is the
municipality's expenditure per citizen, control minus intervention, priced per
benefit and co-financing step, when results.json has it (analysed with the
benefit panel, --benefit-weeks); otherwise the days saved priced as below. The
year is the latest with intake in results.json; when it is only partly
observed, the intake is projected with the seasonal pattern of the same weeks
in the whole years (never the first weeks multiplied up to a year), and the
projection's uncertainty is in the interval. Counted and projected weeks are
shown apart.

Then per calendar year: prices the difference between the groups' Kaplan-Meier
curves week by week: for every day of the spell up to the horizon (share still
unemployed in the control group minus share still unemployed in the
intervention group) x the highest A-dagpenge rate of the calendar year the day
falls in (per benefit day x benefit days per week / 7) x the municipality's
co-financing for that week on public support. The highest rate is an upper
bound: not everyone gets it. Beside it the simplified calculation: days saved
x benefit per calendar day x average co-financing.

Per year: participants in the intervention group who enter that year x the
saving, placed in the years the saved days fall in, minus the project cost; the
employment subsidy is deducted when the configuration says so. A year that no
saved day within the horizon reaches is "not estimated" (never DKK 0).
Interval and P(net > 0) by the delta method and normal approximation. Also
break-even, sensitivity, a scenario where the programme continues after the
budget years, and the participants per year that the project's expectation
(expectations.daysSaved -> netSavingsPerYear) assumes.

Without --results it is a what-if on --days-saved (default: the configuration's
expected days), spread evenly over the horizon, without an interval.

Early look: when the follow-up in results.json does not yet reach the horizon,
the business case is computed at the longest horizon with data in both groups
and labelled so; a what-if over the whole horizon comes from --days-saved
without --results.

Options:
  --config <file>               the trial configuration (required)
  --results <file>              results.json from "jobtrial analyze" (the measured effect)
  --days-saved <d>              days saved per participant; with --results the measured
                                curve difference is scaled to this number
  --participants-per-year <n>   participants in the intervention group per year (default:
                                counted or projected in results, else what the expectation assumes)
  --year <year>                 the year in operation the answer is first for (default: the
                                latest year with intake in results, else the first budget year)
  --horizon <days>              the curves' horizon (default: results' tau, else
                                evaluation.primaryHorizonDays)
  --prior-weeks <w>             weeks on public support before the first day of
                                unemployment (default: 0, newly unemployed)
  --from-year <year>, --to-year <year>  the years counted (default:
                                expectations.fromYear-toYear)
  --format table|json|xlsx      output (default: table; xlsx needs --out)
  --out <file>                  write to a file instead of standard output; a name
                                ending in .xlsx writes the XLSX workbook
  --lang da|en                  language of notices, errors, the table, the XLSX sheets
                                and the JSON texts (default: da)

Examples:
  jobtrial business-case --config data/esbjerg-2017/trial.json
  jobtrial business-case --config data/esbjerg-2017/trial.json --results results.json --out business-case.xlsx`,
  },
  options: stringOptions("config", "results", "days-saved", "participants-per-year", "horizon", "prior-weeks", "from-year", "to-year", "year", "format", "out"),
  async run({ io, values, lang }) {
    // The command's errors are worded by the business case's catalogue, in both languages.
    const message = (issue: BusinessCaseIssue): Wording => ({ da: businessCaseMessage(issue, "da"), en: businessCaseMessage(issue, "en") });
    const configArgument = stringOption(values, "config", true);
    const out = stringOption(values, "out");
    const format = choiceOption(values, "format", ["table", "json", "xlsx"], out !== undefined && extname(out).toLowerCase() === ".xlsx" ? "xlsx" : "table");
    if (format === "xlsx" && out === undefined) throw new UsageError(message({ code: "xlsx_needs_out" }));

    const loaded = loadTrialConfig(resolvePath(io, configArgument), lang);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.stderr(`${configArgument}: ${problem.path}: ${problem.message}\n`);
      throw new UserError(message({ code: "config_invalid", file: configArgument, problems: loaded.problems.length }));
    }

    // The result's texts (notes, sources, labels) are worded in the user's language.
    const options: BusinessCaseOptions = { configHash: loaded.hash, lang };
    const resultsArgument = stringOption(values, "results");
    if (resultsArgument !== undefined) {
      let text: string;
      try {
        text = readFileSync(resolvePath(io, resultsArgument), "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UserError(
          message(code === "ENOENT" ? { code: "results_file_not_found", file: resultsArgument } : { code: "results_file_unreadable", file: resultsArgument, reason: code ?? (error as Error).message }),
        );
      }
      try {
        options.results = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (error) {
        throw new UserError(message({ code: "results_not_json", file: resultsArgument, reason: (error as Error).message }));
      }
    }
    const numeric: [keyof BusinessCaseOptions, string, boolean][] = [
      ["daysSaved", "days-saved", false],
      ["participantsPerYear", "participants-per-year", false],
      ["horizonDays", "horizon", true],
      ["priorWeeks", "prior-weeks", true],
      ["fromYear", "from-year", true],
      ["toYear", "to-year", true],
      ["operatingYear", "year", true],
    ];
    for (const [key, name, integer] of numeric) {
      const value = numberOption(values, name, { integer });
      if (value !== undefined) (options as Record<string, unknown>)[key] = value;
    }

    let result: BusinessCase;
    try {
      result = businessCase(loaded.config, options);
    } catch (error) {
      if (error instanceof BusinessCaseError) {
        const where = error.issue.code.startsWith("results") && resultsArgument ? ` (${resultsArgument})` : "";
        const wording = message(error.issue);
        throw new UserError({ da: wording.da + where, en: wording.en + where });
      }
      throw error;
    }
    // An early look answers at a shorter horizon: say so where the user reads it, not only in the notes
    // (with the expenditure the answer is at its own horizon; the notes say which tables are shorter).
    if (result.horizonShortened && result.savingBasis !== "expenditure") {
      const notice: BusinessCaseNotice = {
        code: "horizon_shortened",
        requestedDays: result.horizonShortened.requestedDays,
        usedDays: result.horizonDays,
        lastFollowUp: result.horizonShortened.lastFollowUpDays,
        expectedDaysSaved: loaded.config.expectations.daysSaved,
      };
      io.stderr(`${businessCaseNotice(notice, lang)}\n`);
    }

    if (format === "xlsx") {
      await writeXlsxFile(resolvePath(io, out!), businessCaseSheets(result, lang));
      io.stderr(`${businessCaseNotice({ code: "file_written", file: out! }, lang)}\n`);
      return 0;
    }
    const text = format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatBusinessCaseTable(result, lang);
    if (out !== undefined) {
      writeFileSync(resolvePath(io, out), text);
      io.stderr(`${businessCaseNotice({ code: "file_written", file: out }, lang)}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
