/**
 * The report's first table (issue 14, items 3, 4 and 6; issue 13, item 2): the primary
 * estimate beside its sensitivity analyses and the secondary measures, the sign
 * convention said once under it, warnings for few still followed, the completed-spell
 * average without interval or test; and the headline that leads with days on A-dagpenge
 * saved, falling back to today's headline when results.json lacks the new fields.
 */
import { describe, expect, it } from "vitest";
import { formatPercent } from "../src/format.ts";
import { primaryTableRows, primaryWarnings } from "../src/primary-section.ts";
import { buildReport, parseResults } from "../src/report.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

/** The rows as [key, estimate, lower, upper, p, warn]. */
const brief = (rows: ReturnType<typeof primaryTableRows>) => rows.map((row) => [row.key, row.estimate, row.lower, row.upper, row.p, row.warn]);

/** The fixture as a results file from before the benefit panel, monitoring and sensitivity: days saved is days to the first exit. */
function olderResults(): Record<string, any> {
  const raw = rawResults();
  raw.daysSaved = { ...raw.daysToFirstExit };
  for (const key of ["sensitivity", "paths", "expenditure", "daysToFirstExit", "monitoring"]) delete raw[key];
  return raw;
}

/** The HTML of the section with the given id. */
const section = (html: string, id: string) => {
  const start = html.search(new RegExp(`<section[^>]*\\bid="${id}"`));
  return html.slice(start, html.indexOf("</section>", start) + "</section>".length);
};

describe("primaryTableRows", () => {
  it("primaryTableRows(fixture) puts the primary first, then the sensitivity analyses and the secondary measures, each with the results' own numbers", () => {
    const raw = rawResults();
    const results = parseResults(raw);
    const rows = primaryTableRows(results, "da", 5);
    const sensitivity = (key: string, tau = 364) => raw.sensitivity.rows.find((row: { key: string; tau: number }) => row.key === key && row.tau === tau).daysSaved;
    const full = (estimate: { estimate: number; lower: number; upper: number; p: number }) => [estimate.estimate, estimate.lower, estimate.upper, estimate.p];
    expect(brief(rows)).toEqual([
      ["primary", ...full(raw.daysSaved), false],
      ["without-born-first-of-month", ...full(sensitivity("without-born-first-of-month")), false],
      ["without-born-january-1", ...full(sensitivity("without-born-january-1")), false],
      ["horizon-182", ...full(sensitivity("horizon", 182)), false],
      ["horizon-273", ...full(sensitivity("horizon", 273)), false],
      ["horizon-364", ...full(sensitivity("horizon", 364)), false],
      ["covariate-adjusted", ...full(sensitivity("covariate-adjusted")), false],
      ["public-support", ...full(raw.paths.publicSupportDaysSaved), false],
      ["expenditure", ...full(raw.expenditure.saving), false],
      ["days-to-first-exit", ...full(raw.daysToFirstExit), false],
      // the project's own average: a number only, no interval, no test
      ["completed-spells", raw.completedSpells.difference.estimate, null, null, null, false],
    ]);
    // The sensitivity block's own primary row is the primary estimate.
    const { tau: _tau, measure: _measure, ...primary } = raw.daysSaved;
    expect(sensitivity("primary")).toEqual(primary);
    expect(rows.map((row) => row.group)).toEqual(["primary", ...Array(6).fill("sensitivity"), ...Array(4).fill("secondary")]);
  });

  it("primaryTableRows(fixture) labels and notes say who is in each analysis and the method of the adjusted estimate", () => {
    const rows = primaryTableRows(parseResults(rawResults()), "da", 5);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey["primary"]!.label).toBe("Færre dage på A-dagpenge inden for 364 dage (genindtræden talt med)");
    expect(byKey["primary"]!.note).toBe("analyseret: kontrol 374, indsats 344; stadig fulgt ved 364 dage: kontrol 16 %, indsats 16 %");
    expect(byKey["without-born-january-1"]!.note).toBe("udeladt: kontrol 0, indsats 22");
    expect(byKey["horizon-182"]!.label).toBe("Horisont 182 dage");
    expect(byKey["covariate-adjusted"]!.note).toMatch(/^regression på pseudo-observationer pr\. gruppe \(Andersen, Hansen & Klein 2004\); \d+ baggrundsvariable; præcisionsgevinst \d+ %$/);
    expect(byKey["completed-spells"]!.label).toBe("Gennemsnit af afsluttede forløb, kontrol − indsats: skævt mod korte forløb, mens forløb stadig kører");
    expect(primaryTableRows(parseResults(rawResults()), "en", 5)[0]!.label).toBe("Fewer days on A-dagpenge within 364 days (re-entries counted)");
  });

  it("primaryTableRows marks a horizon where fewer than 10 % are still followed, and primaryWarnings says so beside analyze's note on a sign change", () => {
    const raw = rawResults();
    for (const row of raw.sensitivity.rows.filter((entry: { tau: number; key: string }) => entry.tau === 364 && (entry.key === "horizon" || entry.key === "primary"))) {
      row.fewAtRisk = true;
      row.atRisk.intervention = { n: 30, share: 0.087 };
    }
    const results = parseResults(raw);
    const rows = primaryTableRows(results, "da", 5);
    expect(rows.filter((row) => row.warn).map((row) => row.key)).toEqual(["primary", "horizon-364"]);
    expect(primaryWarnings(results, rows, "da")).toEqual([
      "Færre dage på A-dagpenge inden for 364 dage (genindtræden talt med): under 10 % af en gruppe er stadig fulgt ved horisonten, så estimatet hviler på få borgere og kan ændre sig meget, når flere følges så længe.",
      "Horisont 364 dage: under 10 % af en gruppe er stadig fulgt ved horisonten, så estimatet hviler på få borgere og kan ændre sig meget, når flere følges så længe.",
      "Sparede dage skifter fortegn mellem horisonten 273 og 364 dage: konklusionen afhænger af horisonten.",
    ]);
  });

  it("primaryTableRows(an older results file) keeps today's table: days to the first exit and the completed-spell average", () => {
    const raw = olderResults();
    const rows = primaryTableRows(parseResults(raw), "da", 5);
    expect(rows.map((row) => [row.key, row.label])).toEqual([
      ["primary", "Færre dage til første afgang inden for 364 dage"],
      ["completed-spells", "Gennemsnit af afsluttede forløb, kontrol − indsats: skævt mod korte forløb, mens forløb stadig kører"],
    ]);
  });
});

describe("buildReport's first table and headline", () => {
  it("the first table of the report is the primary beside its sensitivity analyses, the sign convention right under it, the biased average without interval and p", async () => {
    const report = await buildReport(rawResults(), rawBusinessCase(), { now: NOW });
    const html = report.html;
    const firstTable = html.indexOf("<table");
    expect(html.slice(firstTable, firstTable + 30)).toBe('<table id="first-table" class=');
    const afterTable = html.slice(html.indexOf("</table>", firstTable) + "</table>".length).trimStart();
    expect(afterTable.startsWith('<p class="sign-convention" id="sign-convention">Fortegn: et positivt tal er en gevinst for indsatsen')).toBe(true);
    // The sign convention is said once in the report's text (and once more in the definitions).
    expect(html.match(/Fortegn: et positivt tal er en gevinst/g)!.length).toBe(1);
    const biased = /<tr class="biased">([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect([...biased.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, "")).slice(2, 4)).toEqual(["\u2013", "\u2013"]);
    expect(html).toContain("<li>Sparede dage skifter fortegn mellem horisonten 273 og 364 dage: konklusionen afhænger af horisonten.</li>");
  }, 60_000);

  it("the headline leads with days on A-dagpenge saved, where the saved days went and a year in operation; the duration table shows every difference as a gain", async () => {
    const raw = rawResults();
    const report = await buildReport(raw, rawBusinessCase(), { now: NOW });
    const summary = section(report.html, "summary");
    expect(summary).toContain('<div class="label">Færre dage på A-dagpenge pr. borger</div>');
    expect(summary).toContain('id="chart-where-days-went"');
    expect(summary).toContain('<div class="label">Nettobesparelse pr. år i drift (2018)</div>');
    expect(summary).toContain(`sandsynlighed for overskud ${formatPercent(rawBusinessCase().yearly.probabilityPositive, "da", 0)} (normalapproksimation)`);
    const duration = section(report.html, "duration");
    const rmst364 = raw.duration.rmst.find((entry: { tau: number }) => entry.tau === 364).difference.estimate as number;
    expect(duration).toContain(`<td>Forskel i RMST op til 364 dage (kontrol − indsats)</td><td class="num">${rmst364 < 0 ? "+" : "\u2212"}${Math.abs(rmst364).toFixed(1).replace(".", ",")}</td>`);
    expect(duration).toContain("<td>Færre dage til første afgang op til 364 dage (kontrol − indsats)</td>");
  }, 60_000);

  it("without the new fields (an older results file and business case) the headline is today's", async () => {
    const raw = olderResults();
    const businessCase = rawBusinessCase();
    delete businessCase.yearly;
    const report = await buildReport(raw, businessCase, { now: NOW });
    const summary = section(report.html, "summary");
    expect(summary).toContain('<div class="label">Færre dage ledig pr. borger</div>');
    expect(summary).not.toContain("where-days-went");
    expect(summary).toMatch(/<div class="label">Nettobesparelse \d{4}–\d{4}<\/div>/);
    expect(report.charts.map((chart) => chart.id)).not.toContain("boundary");
    expect(report.html).not.toContain('<section id="monitoring">');
  }, 60_000);
});
