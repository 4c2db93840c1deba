import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { loadTrialConfig, writeXlsxFile, type Lang, type XlsxCell, type XlsxSheet } from "@jobtrial/core";
import {
  businessCase,
  BusinessCaseError,
  businessCaseMessage,
  businessCaseNotice,
  businessCaseSections,
  formatBusinessCaseTable,
  type BusinessCase,
  type BusinessCaseCellKind,
  type BusinessCaseIssue,
  type BusinessCaseNotice,
  type BusinessCaseOptions,
} from "@jobtrial/business-case";
import { numberOption, resolvePath, stringOption, UsageError, UserError, type Command } from "../command.ts";

const NUMBER_FORMATS: Record<BusinessCaseCellKind, string | undefined> = {
  kr: '#,##0 "kr."',
  days: '0.0 "dage"',
  days2: '0.00 "dage"',
  share: "0.0 %",
  probability: "0 %",
  persons: "#,##0",
  persons1: "#,##0.0",
  number: "#,##0.00",
  text: undefined,
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
 * The business case as XLSX sheets: first an overview naming the other sheets, then one
 * sheet per section (its title above the header row), numbers as numbers with their
 * number format, texts as text.
 */
export function businessCaseSheets(result: BusinessCase): XlsxSheet[] {
  const seen = new Map<string, number>();
  const sheets: XlsxSheet[] = businessCaseSections(result).map((section) => {
    // Two scenarios share a name: the second is "Scenarie (2)".
    const base = sheetName(section.title);
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    const header = section.columns.length > 0 ? section.columns : ["Note"];
    return {
      name: count === 1 ? base : `${base} (${count})`,
      title: section.title,
      columns: header.map((name, index) => ({ header: name, width: columnWidth(name, section.rows.map((row) => row[index])) })),
      rows: section.rows.map((cells) =>
        cells.map((cell): XlsxCell => {
          const numFmt = NUMBER_FORMATS[cell.kind];
          return typeof cell.value === "number" && numFmt !== undefined ? { number: cell.value, numFmt } : cell.value;
        }),
      ),
    };
  });
  const overview: XlsxSheet = {
    name: "Business case",
    title: `Business case: ${result.trial.name} (${result.trial.id}). ${result.mode === "measured" ? "Målt effekt fra results.json" : "Hvad-nu-hvis på antagne sparede dage"}`,
    columns: [
      { header: "Ark", width: 26 },
      { header: "Indhold", width: 100 },
    ],
    rows: sheets.map((sheet) => [sheet.name, sheet.title ?? ""]),
  };
  return [overview, ...sheets];
}

export const businessCaseCommand: Command = {
  name: "business-case",
  summary: "Nettobesparelse over for budgettet: et år i drift, og pr. kalenderår",
  usage:
    "business-case --config <trial.json> [--results results.json] [--days-saved <d>] [--participants-per-year <n>] [--year <år>] [--horizon <dage>] [--prior-weeks <u>] [--from-year <år>] [--to-year <år>] [--format table|json|xlsx] [--out <fil>] [--lang da|en]",
  help: `
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
  --format table|json|xlsx      output (standard: table, dansk; xlsx kræver --out)
  --out <fil>                   skriv til en fil i stedet for standard output; et navn
                                på .xlsx skriver XLSX-projektmappen
  --lang da|en                  sproget i meddelelser og fejl (standard: da); tabellen
                                og JSON-teksterne er på dansk

Eksempler:
  jobtrial business-case --config data/esbjerg-2017/trial.json
  jobtrial business-case --config data/esbjerg-2017/trial.json --results results.json --out business-case.xlsx`,
  options: {
    config: { type: "string" },
    results: { type: "string" },
    "days-saved": { type: "string" },
    "participants-per-year": { type: "string" },
    horizon: { type: "string" },
    "prior-weeks": { type: "string" },
    "from-year": { type: "string" },
    "to-year": { type: "string" },
    year: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    lang: { type: "string" },
  },
  async run({ io, values }) {
    const langArgument = stringOption(values, "lang") ?? "da";
    if (langArgument !== "da" && langArgument !== "en") throw new UsageError(businessCaseMessage({ code: "lang_invalid", lang: langArgument }));
    const lang: Lang = langArgument;
    const message = (issue: BusinessCaseIssue) => businessCaseMessage(issue, lang);
    const configArgument = stringOption(values, "config", true);
    const out = stringOption(values, "out");
    let format = stringOption(values, "format") ?? (out !== undefined && extname(out).toLowerCase() === ".xlsx" ? "xlsx" : "table");
    if (format !== "table" && format !== "json" && format !== "xlsx") throw new UsageError(message({ code: "format_invalid", format }));
    if (format === "xlsx" && out === undefined) throw new UsageError(message({ code: "xlsx_needs_out" }));

    const loaded = loadTrialConfig(resolvePath(io, configArgument), lang);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.stderr(`${configArgument}: ${problem.path}: ${problem.message}\n`);
      throw new UserError(message({ code: "config_invalid", file: configArgument, problems: loaded.problems.length }));
    }

    const options: BusinessCaseOptions = { configHash: loaded.hash };
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
        throw new UserError(`${message(error.issue)}${error.issue.code.startsWith("results") && resultsArgument ? ` (${resultsArgument})` : ""}`);
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
      await writeXlsxFile(resolvePath(io, out!), businessCaseSheets(result));
      io.stderr(`Wrote ${out}\n`);
      return 0;
    }
    const text = format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatBusinessCaseTable(result);
    if (out !== undefined) {
      writeFileSync(resolvePath(io, out), text);
      io.stderr(`${businessCaseNotice({ code: "file_written", file: out }, lang)}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
