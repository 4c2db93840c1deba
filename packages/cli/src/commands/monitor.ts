/**
 * `jobtrial monitor boundaries`: the group-sequential boundaries of the planned or
 * observed looks, as rpact's getDesignGroupSequential gives them, for the committee's
 * quarterly monitoring (Lan-DeMets alpha spending, O'Brien-Fleming type by default).
 */
import { formatNumber, type Lang } from "@jobtrial/report";
import {
  GroupSequentialError,
  groupSequentialBoundaries,
  groupSequentialMessage,
  type GroupSequentialBoundaries,
  type GroupSequentialIssue,
  type GroupSequentialOptions,
} from "@jobtrial/survival";
import { choiceOption, UsageError, type Command, type OptionValues, type Wording } from "../command.ts";

/** The command's own wording for options that are not numbers at all, in Danish and English. */
const WORDING = {
  da: {
    required: "--information mangler; angiv informationsandelene, fx --information 0.25,0.5,0.75,1",
    notANumber: (option: string, position: number | null, raw: string) =>
      `${option}: ${position === null ? "" : `værdi nr. ${position} `}${raw === "" ? "er tom" : `"${raw}" er ikke et tal`}; brug punktum som decimaltegn${option === "--information" ? " og komma mellem andelene, fx 0.25,0.5,0.75,1" : ", fx 0.05"}`,
  },
  en: {
    required: "--information is missing; give the information fractions, e.g. --information 0.25,0.5,0.75,1",
    notANumber: (option: string, position: number | null, raw: string) =>
      `${option}: ${position === null ? "" : `value no. ${position} `}${raw === "" ? "is empty" : `"${raw}" is not a number`}; use a point as decimal sign${option === "--information" ? " and commas between the fractions, e.g. 0.25,0.5,0.75,1" : ", e.g. 0.05"}`,
  },
} as const;

/** The option a design problem is about, to put in front of the library's message. */
function optionOf(issue: GroupSequentialIssue): string {
  switch (issue.code) {
    case "alpha_out_of_range":
      return "--alpha";
    case "sided_invalid":
      return "--sided";
    case "unknown_spending":
      return "--spending";
    default:
      return "--information";
  }
}

/** "0.25,0.5" -> numbers; a part that is not a number is a usage error naming its position. */
function parseFractions(raw: string): number[] {
  return raw.split(",").map((part, index) => {
    const text = part.trim();
    const value = Number(text);
    if (text === "" || Number.isNaN(value)) throw new UsageError(notANumber("--information", index + 1, text));
    return value;
  });
}

function parseNumber(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === "" || Number.isNaN(value)) throw new UsageError(notANumber(`--${name}`, null, raw));
  return value;
}

function notANumber(option: string, position: number | null, raw: string): Wording {
  return { da: WORDING.da.notANumber(option, position, raw), en: WORDING.en.notANumber(option, position, raw) };
}

/** A probability with two significant digits and at least four decimals: 0,0500; 0,0000074. */
function formatProbability(value: number, lang: Lang): string {
  if (value === 0) return formatNumber(0, lang, 4);
  const decimals = Math.min(12, Math.max(4, Math.ceil(-Math.log10(value)) + 1));
  return formatNumber(value, lang, decimals);
}

/** A design parameter with the decimals it was given (at most six): 0,05; 0,025; 0,18. */
function formatParameter(value: number, lang: Lang): string {
  const decimals = Math.min(6, (String(value).split(".")[1] ?? "").length);
  return formatNumber(value, lang, Math.max(2, decimals));
}

/** The boundaries as a table for the terminal, Danish by default. */
export function boundariesTable(boundaries: GroupSequentialBoundaries, lang: Lang): string {
  const da = lang === "da";
  const twoSided = boundaries.sided === 2;
  const spendingName = boundaries.spending === "pocock" ? (da ? "Pocock-type" : "Pocock type") : da ? "O'Brien-Fleming-type" : "O'Brien-Fleming type";
  const looks = boundaries.criticalValues.length;
  const title = da
    ? `Gruppesekventielle grænser: Lan-DeMets alfaforbrug af ${spendingName}, alfa ${formatParameter(boundaries.alpha, lang)} ${twoSided ? "tosidet" : "ensidet"}, ${looks} ${looks === 1 ? "analyse" : "analyser"}`
    : `Group-sequential boundaries: Lan-DeMets alpha spending of ${spendingName}, alpha ${formatParameter(boundaries.alpha, lang)} ${twoSided ? "two-sided" : "one-sided"}, ${looks} ${looks === 1 ? "look" : "looks"}`;
  const header = da
    ? ["analyse", "informationsandel", "kritisk værdi (z)", "nominelt niveau (ensidet)", ...(twoSided ? ["nominelt p (tosidet)"] : []), "brugt alfa i alt"]
    : ["look", "information fraction", "critical value (z)", "nominal level (one-sided)", ...(twoSided ? ["nominal p (two-sided)"] : []), "alpha spent so far"];
  const rows = boundaries.criticalValues.map((criticalValue, look) => [
    String(look + 1),
    formatParameter(boundaries.informationRates[look]!, lang),
    formatNumber(criticalValue, lang, 4),
    formatProbability(boundaries.stageLevels[look]!, lang),
    ...(twoSided ? [formatProbability(2 * boundaries.stageLevels[look]!, lang)] : []),
    formatProbability(boundaries.alphaSpent[look]!, lang),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join("  ");
  const rule = da
    ? twoSided
      ? "Forkast nulhypotesen ved analyse k, når |z| ≥ den kritiske værdi (det nominelle tosidede p er højst niveauet). En streg: grænsen kan ikke nås."
      : "Forkast nulhypotesen ved analyse k, når z ≥ den kritiske værdi. En streg: grænsen kan ikke nås."
    : twoSided
      ? "Reject the null hypothesis at look k when |z| >= the critical value (the nominal two-sided p is at most the level). A dash: the boundary cannot be reached."
      : "Reject the null hypothesis at look k when z >= the critical value. A dash: the boundary cannot be reached.";
  return [title, "", line(header), ...rows.map(line), "", rule].join("\n") + "\n";
}

export const monitorBoundaries: Command = {
  name: "monitor boundaries",
  summary: { da: "Grænser for løbende overvågning med alfaforbrug", en: "Group-sequential boundaries for ongoing monitoring with alpha spending" },
  usage: "monitor boundaries --information <t1,t2,...> [--alpha <a>] [--sided 1|2] [--spending obrien-fleming|pocock] [--format table|json] [--lang da|en]",
  help: {
    da: `
Beregner grænserne for en gruppesekventiel plan med Lan-DeMets alfaforbrug, så
udvalget kan se resultaterne hvert kvartal, uden at de mange kig giver falske
fund: ved hvert kig (analyse) sammenlignes z-værdien med en kritisk værdi, der
er høj ved de tidlige kig og nær 1,96 ved slutanalysen. Tallene er de samme som
R-pakken rpacts getDesignGroupSequential(typeOfDesign = "asOF" eller "asP").

Informationsandelen ved et kig er den observerede information (1 / SE² for det
primære estimat) over den forventede information ved slutanalysen; beregn
grænserne igen med de observerede andele ved hvert kig (de tidligere grænser
ændres ikke af det).

Tilvalg:
  --information t1,t2,...   informationsandelene, stigende, hver over 0 og højst 1,
                            med punktum som decimaltegn (påkrævet), fx 0.25,0.5,0.75,1
  --alpha a                 samlet signifikansniveau (standard 0.05; tosidet i alt ved --sided 2)
  --sided 1|2               1: kun øvre grænse (z ≥ c); 2: |z| ≥ c (standard 2)
  --spending navn           obrien-fleming (standard) eller pocock
  --format table|json       tabel (standard) eller JSON med criticalValues,
                            alphaSpent (samlet brugt alfa) og stageLevels (ensidet
                            nominelt niveau); en grænse, der ikke kan nås, er null
  --lang da|en              sprog i tabel og fejlbeskeder (standard da)

Eksempel:
  jobtrial monitor boundaries --information 0.25,0.5,0.75,1 --alpha 0.05 --sided 2 --spending obrien-fleming --format json
`,
    en: `
Computes the boundaries of a group-sequential plan with Lan-DeMets alpha
spending, so the committee can see the results every quarter without the many
looks giving false findings: at each look (analysis) the z value is compared
with a critical value that is high at the early looks and near 1.96 at the
final analysis. The figures are those of the R package rpact's
getDesignGroupSequential(typeOfDesign = "asOF" or "asP").

The information fraction at a look is the observed information (1 / SE² of the
primary estimate) over the expected information at the final analysis;
compute the boundaries again with the observed fractions at each look (the
earlier boundaries are not changed by it).

Options:
  --information t1,t2,...   the information fractions, increasing, each above 0 and at
                            most 1, with a point as decimal sign (required), e.g. 0.25,0.5,0.75,1
  --alpha a                 overall significance level (default 0.05; two-sided in total with --sided 2)
  --sided 1|2               1: upper boundary only (z ≥ c); 2: |z| ≥ c (default 2)
  --spending name           obrien-fleming (default) or pocock
  --format table|json       table (default) or JSON with criticalValues,
                            alphaSpent (cumulative alpha spent) and stageLevels (one-sided
                            nominal level); a boundary that cannot be reached is null
  --lang da|en              language of the table and the error messages (default da)

Example:
  jobtrial monitor boundaries --information 0.25,0.5,0.75,1 --alpha 0.05 --sided 2 --spending obrien-fleming --format json
`,
  },
  options: {
    information: { type: "string" },
    alpha: { type: "string" },
    sided: { type: "string" },
    spending: { type: "string" },
    format: { type: "string" },
  },
  run({ io, values, lang }) {
    const format = choiceOption(values, "format", ["table", "json"], "table");
    const information = values["information"];
    if (typeof information !== "string") throw new UsageError({ da: WORDING.da.required, en: WORDING.en.required });

    const options: GroupSequentialOptions = { informationRates: parseFractions(information) };
    const alpha = parseNumber(values, "alpha");
    if (alpha !== undefined) options.alpha = alpha;
    const sided = values["sided"];
    if (typeof sided === "string") {
      // The library says what is wrong with a value other than 1 or 2.
      options.sided = (sided.trim() === "1" ? 1 : sided.trim() === "2" ? 2 : sided) as 1 | 2;
    }
    const spending = values["spending"];
    if (typeof spending === "string") options.spending = spending as GroupSequentialOptions["spending"];

    let boundaries: GroupSequentialBoundaries;
    try {
      boundaries = groupSequentialBoundaries(options);
    } catch (error) {
      if (error instanceof GroupSequentialError) {
        const issue = error.issue;
        throw new UsageError({ da: `${optionOf(issue)}: ${groupSequentialMessage(issue, "da")}`, en: `${optionOf(issue)}: ${groupSequentialMessage(issue, "en")}` });
      }
      throw error;
    }
    if (format === "json") {
      const { criticalValues, alphaSpent, stageLevels } = boundaries;
      io.stdout(JSON.stringify({ criticalValues, alphaSpent, stageLevels }, null, 2) + "\n");
      return 0;
    }
    io.stdout(boundariesTable(boundaries, lang));
    return 0;
  },
};
