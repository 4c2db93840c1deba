import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, excelSafeText, toCsv, writeCsvFile } from "../src/csv-write.ts";
import { readTable } from "../src/table.ts";

describe("toCsv", () => {
  it("toCsv writes Danish Excel's CSV: BOM, semicolons, CRLF, RFC 4180 quotes only where needed", () => {
    expect(toCsv(["navn", "note"], [["Hansen; Jens", 'sagde "hej"'], ["to\nlinjer", 7.5], [null, undefined]])).toBe(
      '\uFEFFnavn;note\r\n"Hansen; Jens";"sagde ""hej"""\r\n"to\nlinjer";7.5\r\n;\r\n',
    );
  });

  it("toCsv with comma, LF and no BOM writes what R's read.csv reads", () => {
    expect(toCsv(["arm", "surv"], [["control", 0.5], ["a,b", true]], { delimiter: ",", bom: false, lineEnd: "\n" })).toBe('arm,surv\ncontrol,0.5\n"a,b",true\n');
  });

  it('toCsv writes =HYPERLINK("http://x","y") and other formula starts as quoted text with a leading apostrophe, numbers as they are', () => {
    const cells = ['=HYPERLINK("http://x","y")', "+45 12 34 56 78", "-", "@SUM(A1)", "\tx", "\r=1", "-12", "-1,5", "+2.5e-3", "-1.234,5", "-7%", "a=b"];
    expect(toCsv(["celle"], cells.map((cell) => [cell]), { bom: false }).split("\r\n")).toEqual([
      "celle",
      `"'=HYPERLINK(""http://x"",""y"")"`,
      `"'+45 12 34 56 78"`,
      `"'-"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\r=1"`,
      "-12",
      "-1,5",
      "+2.5e-3",
      "-1.234,5",
      "-7%",
      "a=b",
      "",
    ]);
    expect([excelSafeText("=1+2"), excelSafeText("-5"), csvCell(-5), csvCell("=1", ",")]).toEqual(["'=1+2", "-5", "-5", `"'=1"`]);
  });

  it("toCsv and readTable agree: what is written reads back cell for cell, a formula with its apostrophe", () => {
    const rows = [["Søren Å", '"citat"', "a;b"], ["to\r\nlinjer", "", "=1+2"]];
    const table = readTable(new TextEncoder().encode(toCsv(["a", "b", "c"], rows)), { file: "x.csv" });
    expect([table.encoding, table.rows.map((row) => row.cells)]).toEqual([
      "utf-8-bom",
      [
        ["Søren Å", '"citat"', "a;b"],
        ["to\r\nlinjer", "", "'=1+2"],
      ],
    ]);
  });
});

describe("writeCsvFile", () => {
  it("writeCsvFile writes the same bytes as toCsv, also when rows hand out one array again and again", () => {
    const folder = mkdtempSync(join(tmpdir(), "jobtrial-csv-"));
    const rows = [["010170-1234", "=cmd", "x"], ["020270-2345", "x", "-3"], ["030370-3456", "a;b", null]];
    const reused: (string | null)[] = [];
    function* again() {
      for (const row of rows) {
        reused.splice(0, reused.length, ...row);
        yield reused;
      }
    }
    for (const options of [{}, { delimiter: ",", bom: false, lineEnd: "\n" as const }]) {
      writeCsvFile(join(folder, "a.csv"), ["cpr", "b", "c"], again(), { ...options, distinctColumns: [0] });
      expect(readFileSync(join(folder, "a.csv"), "utf8")).toBe(toCsv(["cpr", "b", "c"], rows, options));
    }
  });
});
