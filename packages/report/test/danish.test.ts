import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultDefinitionTexts } from "../src/html.ts";
import { buildReport, parseResults, readJsonFile } from "../src/report.ts";
import { municipalityLabel, texts, weeksLabel } from "../src/texts.ts";
import { NOW, rawBusinessCase, rawResults } from "./helpers.ts";

/** What a reader sees: the text of the page and of its charts, tags dropped and entities decoded. */
function visibleText(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00a0" };
  return html
    .replace(/<style>[\s\S]*?<\/style>/, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
      name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : (entities[name] ?? (name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : whole)),
    )
    .replace(/\s+/g, " ");
}

/**
 * English sentences to look for: every English text of the catalogue (and every
 * definition analyze writes in English) cut at its placeholders and its sentence and
 * clause marks, keeping the pieces of four words or more that no Danish text of the
 * catalogue also holds (names such as "R survival::survfit" are shared on purpose).
 */
function englishSentences(extra: readonly string[]): string[] {
  const danish = Object.values(texts).map((entry) => entry.da);
  const pieces = [...Object.values(texts).filter((entry) => entry.en !== entry.da).map((entry) => entry.en), ...extra]
    .flatMap((english) => english.split(/\{\w+\}|[.;:!?]\s|\(|\)/))
    .map((piece) => piece.trim().replace(/\s+/g, " "))
    .filter((piece) => (piece.match(/[A-Za-z]+/g) ?? []).length >= 4)
    .filter((piece) => !danish.some((text) => text.includes(piece)));
  return [...new Set(pieces)];
}

const results = rawResults();
const danish = await buildReport(results, rawBusinessCase(), { now: NOW });
const english = await buildReport(results, rawBusinessCase(), { now: NOW, lang: "en" });
const sentences = englishSentences(Object.values(results.definitions as Record<string, string>));
const found = (html: string) => {
  const shown = visibleText(html);
  return sentences.filter((sentence) => shown.includes(sentence));
};

describe("the Danish report", () => {
  it("holds no English sentence of the English catalogue or of the results' definitions", () => {
    expect(found(danish.html)).toEqual([]);
  });

  it("the check is live: the English report of the same results holds many of those sentences", () => {
    expect(sentences.length).toBeGreaterThan(200);
    expect(found(english.html).length).toBeGreaterThan(100);
    expect(found(english.html)).toContain("No CPR number, birth date or pseudonym appears in this file");
  });

  it("writes the whole methods section in Danish, the results' definitions included", () => {
    const methods = danish.html.slice(danish.html.indexOf('<section id="methods">'));
    expect(methods).toContain("<h3>Definitioner fra resultatfilen</h3>");
    expect(methods).toContain(
      "<td><code>privacy</code></td><td>Resultatfilen indeholder intet CPR-nummer, ingen fødselsdato og intet pseudonym; input er kun nævnt ved filnavn og SHA-256.</td>",
    );
    expect(methods).toContain("Forløb, der stadig kører på opgørelsesdatoen 01.03.2018 (datoen for dataudtrækket)");
    expect(methods).toContain("Antal fra 1 til 4 (under den konfigurerede mindste cellestørrelse)");
  });

  it("writes the synthetic-data marker of the municipality in the report's language", () => {
    expect(danish.html).toContain('<p class="subtitle">Esbjerg (syntetisk eksempel; ikke rigtige data) · data pr. 01.03.2018');
    expect(english.html).toContain('<p class="subtitle">Esbjerg (synthetic example; not real data) · data as of 1 Mar 2018');
    expect(municipalityLabel("Esbjerg (syntetisk eksempel; ikke rigtige data)", "en")).toBe("Esbjerg (synthetic example; not real data)");
    expect(municipalityLabel("Odense", "da")).toBe("Odense");
  });
});

describe("resultDefinitionTexts", () => {
  it("translates every definition analyze wrote into the fixture: the catalogue's English is analyze's wording", () => {
    const parsed = parseResults(rawResults());
    expect(resultDefinitionTexts(parsed, "da").filter((entry) => !entry.translated).map((entry) => entry.key)).toEqual([]);
    expect(resultDefinitionTexts(parsed, "en").map((entry) => entry.text)).toEqual(Object.values(parsed.definitions));
  });

  it("shows the file's own words, not a stale translation, when analyze's wording has changed or the key is unknown", () => {
    const changed = rawResults();
    changed.definitions.privacy = "No CPR number appears in this file.";
    changed.definitions.newMeasure = "A measure of a later version.";
    const byKey = Object.fromEntries(resultDefinitionTexts(parseResults(changed), "da").map((entry) => [entry.key, entry]));
    expect(byKey["privacy"]).toEqual({ key: "privacy", text: "No CPR number appears in this file.", translated: false });
    expect(byKey["newMeasure"]).toEqual({ key: "newMeasure", text: "A measure of a later version.", translated: false });
    expect(byKey["analysis"]!.translated).toBe(true);
  });

  it("fills the Danish with Danish numbers and dates and the singular or plural of weeks", () => {
    const tolerant = rawResults();
    tolerant.config.protocol.onTimeToleranceWeeks = 1;
    tolerant.definitions.process = tolerant.definitions.process.replace("no later than 0 week(s)", "no later than 1 week(s)");
    const process = resultDefinitionTexts(parseResults(tolerant), "da").find((entry) => entry.key === "process")!;
    expect(process.translated).toBe(true);
    expect(process.text).toContain("Til tiden: en planlagt samtale holdt senest 1 uge efter den planlagte uge");
    expect(process.text).toContain("samtaler i de første 24 uger pr. borger, der var på ydelse hele den tid, mod protokollen (11 mod 6)");
  });
});

describe("weeksLabel", () => {
  it("weeksLabel(n, lang) writes one week in the singular and any other number in the plural", () => {
    expect([0, 1, 2, 26].map((weeks) => weeksLabel(weeks, "da"))).toEqual(["0 uger", "1 uge", "2 uger", "26 uger"]);
    expect([0, 1, 2].map((weeks) => weeksLabel(weeks, "en"))).toEqual(["0 weeks", "1 week", "2 weeks"]);
  });
});

describe("readJsonFile", () => {
  it("names the line where the JSON breaks, never quoting the file (a CSV with CPR numbers passed by mistake)", () => {
    const folder = mkdtempSync(join(tmpdir(), "jobtrial-report-json-"));
    const csv = join(folder, "results.json");
    writeFileSync(csv, "0101901234;Navn\n");
    const error = (() => {
      try {
        return readJsonFile(csv, "results.json");
      } catch (caught) {
        return caught as Error & { issue: unknown };
      }
    })() as Error & { issue: unknown };
    expect(error.issue).toEqual({ code: "not_json", file: "results.json", line: 1 });
    expect(error.message).toBe('results.json is not valid JSON (error on line 1); pass the file "jobtrial analyze" wrote.');
    const broken = join(folder, "broken.json");
    writeFileSync(broken, '{\n  "a": 1\n} trailing');
    expect(() => readJsonFile(broken, "broken.json")).toThrow(/^broken\.json is not valid JSON \(error on line 3\)/);
  });
});
