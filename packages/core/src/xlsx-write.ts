/**
 * A small XLSX writer: sheets of text and number cells, written straight as
 * XML into a ZIP archive (deflate). Text cells are shared strings (a text
 * repeated in many rows, such as a conversation plan, is stored once), so
 * Excel shows a CPR number as text, leading zero and dash included. It is fast
 * enough for a national backfill (hundreds of thousands of rows), which a
 * general workbook library building a cell object per value is not.
 */
import { once } from "node:events";
import { closeSync, openSync, writeSync } from "node:fs";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { writeAll } from "./csv-write.ts";
import { ByteWriter } from "./byte-writer.ts";

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  /** Sheet name (at most 31 characters, no []:*?/\). */
  name: string;
  header: readonly string[];
  /** The rows below the header; an iterable may hand out the same array for every row (each is read at once). */
  rows: Iterable<readonly XlsxCell[]>;
  /** Column widths in characters. Default: from the header */
  widths?: readonly number[];
  /**
   * Columns whose texts seldom repeat except in consecutive rows (a CPR
   * number): added to the shared strings without looking them up in the
   * table, which for hundreds of thousands of distinct texts cost more than
   * the rest of the sheet. Default: none
   */
  distinctColumns?: readonly number[];
}

const XML_SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function escapeXml(text: string): string {
  // Most texts need nothing: one test instead of two replacements.
  if (!XML_SPECIAL.test(text)) return text;
  // Control characters other than tab and line breaks are not allowed in XML 1.0.
  return text.replace(/[&<>"]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : "&quot;")).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

/** The workbook's shared string table: each distinct text once. */
class SharedStrings {
  index = new Map<string, number>();
  list: string[] = [];
  count = 0;
  of(text: string): number {
    this.count++;
    let position = this.index.get(text);
    if (position === undefined) {
      position = this.list.length;
      this.index.set(text, position);
      this.list.push(text);
    }
    return position;
  }
  /** Adds a text without looking it up (see XlsxSheet.distinctColumns); the table may then hold a text twice, which XLSX allows. */
  add(text: string): number {
    this.count++;
    this.list.push(text);
    return this.list.length - 1;
  }
  /** The sharedStrings part as bytes. */
  xml(): Buffer {
    const chunks: Buffer[] = [];
    const out = new ByteWriter((bytes) => chunks.push(bytes));
    out.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">`);
    const open = Buffer.from('<si><t xml:space="preserve">');
    const close = Buffer.from("</t></si>");
    for (const text of this.list) {
      out.bytes(open);
      out.text(escapeXml(text));
      out.bytes(close);
    }
    out.text("</sst>");
    out.end();
    return Buffer.concat(chunks);
  }
}

/** The column's letters: A, ..., Z, AA, AB, ... */
export function columnName(index: number): string {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/**
 * One cell with its reference (r="B7"): the reference is optional in the
 * standard, but readers such as exceljs need it.
 */
function cellXml(value: XlsxCell, ref: string, style: string, strings: SharedStrings): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}" t="s"${style}><v>${strings.of(value)}</v></c>`;
}

const ROW_OPEN = Buffer.from('<row r="');
const ROW_OPEN_END = Buffer.from('">');
const ROW_CLOSE = Buffer.from("</row>");
const TEXT_CELL_REST = Buffer.from('" t="s"><v>');
const NUMBER_CELL_REST = Buffer.from('"><v>');
const CELL_CLOSE = Buffer.from("</v></c>");

/** The sheet's XML as bytes, written row by row into buffers of about a megabyte. */
function sheetXml(sheet: XlsxSheet, strings: SharedStrings): Buffer {
  return Buffer.concat([...sheetXmlChunks(sheet, strings)]);
}

/** The sheet's XML in chunks of about a megabyte, made as they are asked for (a large sheet is never whole in memory). */
function* sheetXmlChunks(sheet: XlsxSheet, strings: SharedStrings): Generator<Buffer> {
  const chunks: Buffer[] = [];
  const out = new ByteWriter((bytes) => chunks.push(bytes));
  let text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  text += '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  const widths = sheet.widths ?? sheet.header.map((name) => Math.max(10, name.length + 2));
  text += `<cols>${widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`;
  text += "<sheetData>";
  text += `<row r="1">${sheet.header.map((name, index) => cellXml(name, `${columnName(index)}1`, ' s="1"', strings)).join("")}</row>`;
  out.text(text);
  let rowNumber = 1;
  const distinct = sheet.header.map((_, index) => sheet.distinctColumns?.includes(index) ?? false);
  // Per distinct column, its text in the row before and that text's position (a CPR repeated on consecutive plan rows is stored once).
  const lastText: (string | undefined)[] = [];
  const lastPosition: number[] = [];
  // '<c r="A', '<c r="B', ...: the row number and the rest of the cell follow.
  const cellOpen: Buffer[] = [];
  for (const row of sheet.rows) {
    rowNumber++;
    out.bytes(ROW_OPEN);
    out.number(rowNumber);
    out.bytes(ROW_OPEN_END);
    for (let index = 0; index < row.length; index++) {
      const value = row[index] ?? null;
      if (value === null || value === "") continue;
      out.bytes((cellOpen[index] ??= Buffer.from(`<c r="${columnName(index)}`)));
      out.number(rowNumber);
      if (typeof value === "number") {
        out.bytes(NUMBER_CELL_REST);
        // As a template literal writes it (String(value)).
        out.number(value);
      } else {
        out.bytes(TEXT_CELL_REST);
        if (distinct[index]) {
          if (lastText[index] !== value) {
            lastText[index] = value;
            lastPosition[index] = strings.add(value);
          } else strings.count++;
          out.number(lastPosition[index]!);
        } else out.number(strings.of(value));
      }
      out.bytes(CELL_CLOSE);
    }
    out.bytes(ROW_CLOSE);
    if (chunks.length > 0) yield* chunks.splice(0);
  }
  out.text("</sheetData></worksheet>");
  out.end();
  yield* chunks.splice(0);
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

// A fixed DOS time (1980-01-01 00:00) so equal content gives equal bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function localHeader(crc: number, compressedSize: number, size: number, nameLength: number): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressedSize, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameLength, 26);
  local.writeUInt16LE(0, 28);
  return local;
}

function centralHeader(crc: number, compressedSize: number, size: number, nameLength: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(8, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressedSize, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(nameLength, 28);
  header.writeUInt32LE(offset, 42);
  return header;
}

function endOfCentralDirectory(entryCount: number, central: readonly Buffer[], offset: number): Buffer {
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entryCount, 8);
  end.writeUInt16LE(entryCount, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

function zip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data, { level: 1 });
    const crc = crc32(entry.data);
    const local = localHeader(crc, compressed.length, entry.data.length, name.length);
    chunks.push(local, name, compressed);
    central.push(centralHeader(crc, compressed.length, entry.data.length, name.length, offset), name);
    offset += local.length + name.length + compressed.length;
  }
  return Buffer.concat([...chunks, ...central, endOfCentralDirectory(entries.length, central, offset)]);
}

/** The bytes of an XLSX workbook with the given sheets (the first sheet opens first; the header row is bold and frozen). */
export function xlsxBytes(sheets: readonly XlsxSheet[]): Buffer {
  const strings = new SharedStrings();
  const sheetParts = sheets.map((sheet, index) => ({ name: `xl/worksheets/sheet${index + 1}.xml`, data: sheetXml(sheet, strings) }));
  return zip([...workbookParts(sheets), ...sheetParts, { name: "xl/sharedStrings.xml", data: strings.xml() }]);
}

/**
 * Writes the bytes of `xlsxBytes(sheets)` to `path`, the sheets deflated as
 * their XML is made (a streaming deflate gives the same bytes as the one-shot
 * one), so a sheet of hundreds of thousands of rows is never whole in memory.
 */
export async function writeXlsxFile(path: string, sheets: readonly XlsxSheet[]): Promise<void> {
  const strings = new SharedStrings();
  const fd = openSync(path, "w");
  try {
    const central: Buffer[] = [];
    let offset = 0;
    const add = async (name: string, chunks: Iterable<Buffer>): Promise<void> => {
      const nameBytes = Buffer.from(name, "utf8");
      // The local header's sizes and CRC are known at the end: written then, at its place.
      writeAll(fd, Buffer.alloc(30));
      writeAll(fd, nameBytes);
      let crc = 0;
      let size = 0;
      let compressedSize = 0;
      const deflate = createDeflateRaw({ level: 1 });
      deflate.on("data", (bytes: Buffer) => {
        writeAll(fd, bytes);
        compressedSize += bytes.length;
      });
      const ended = once(deflate, "end");
      for (const chunk of chunks) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, "drain");
      }
      deflate.end();
      await ended;
      const local = localHeader(crc, compressedSize, size, nameBytes.length);
      writeSync(fd, local, 0, local.length, offset);
      central.push(centralHeader(crc, compressedSize, size, nameBytes.length, offset), nameBytes);
      offset += local.length + nameBytes.length + compressedSize;
    };
    for (const entry of workbookParts(sheets)) await add(entry.name, [entry.data]);
    for (let index = 0; index < sheets.length; index++) await add(`xl/worksheets/sheet${index + 1}.xml`, sheetXmlChunks(sheets[index]!, strings));
    await add("xl/sharedStrings.xml", [strings.xml()]);
    for (const bytes of central) writeAll(fd, bytes);
    writeAll(fd, endOfCentralDirectory(sheets.length + 6, central, offset));
  } finally {
    closeSync(fd);
  }
}

/** The parts of the workbook other than the sheets and the shared strings. */
function workbookParts(sheets: readonly XlsxSheet[]): ZipEntry[] {
  const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");
  const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: utf8(
        `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets
          .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join("")}</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: utf8(`${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: "xl/workbook.xml",
      data: utf8(
        `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
          .map((sheet, index) => `<sheet name="${escapeXml(sheet.name.slice(0, 31))}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
          .join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: utf8(
        `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
          .join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/styles.xml",
      data: utf8(
        `${xmlHead}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
      ),
    },
  ];
  return entries;
}
