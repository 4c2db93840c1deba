/**
 * A last check before anything is written: no CPR number and no birth date may
 * appear in any generated file (databeskyttelsesloven § 11; DESIGN.md "Privacy").
 *
 * - CPR-like: ten digits DDMMYY-SSSS or DDMMYYSSSS with a valid day and month, not
 *   part of a longer number or a decimal (so SVG coordinates do not match), nor of a
 *   run of 32 or more hexadecimal characters (about one SHA-256 in 150, such as an
 *   input file's hash in the report, holds ten decimal digits that look like one).
 * - Birth-date-like: a calendar date (ISO 2017-01-23, Danish 23.01.2017, 23-01-2017,
 *   23/01/2017) in a year when an adult in the trial could have been born: more than
 *   15 years before `referenceYear`. Dates of the trial itself (2016 onwards) pass.
 */

export interface PersonalDataHit {
  kind: "cpr" | "birthdate";
  /** 1-based line of the hit. */
  line: number;
  /** The matched text with all but the first two characters masked, safe to print. */
  masked: string;
}

const CPR = /(?<![\d.,])([0-3]\d)([01]\d)(\d{2})-?(\d{4})(?![\d.,])/g;
const ISO_DATE = /(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const DMY_DATE = /(?<![\d.])(\d{2})[./-](\d{2})[./-](\d{4})(?![\d])/g;

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const HEX = /[0-9a-fA-F]/;
/** The shortest hash written as hex (MD5); SHA-1 has 40 characters, SHA-256 64. */
const HASH_MIN_LENGTH = 32;

/** True when content[from, to) lies inside a run of at least HASH_MIN_LENGTH hexadecimal characters. */
function insideHash(content: string, from: number, to: number): boolean {
  let start = from;
  while (start > 0 && HEX.test(content[start - 1]!)) start--;
  let end = to;
  while (end < content.length && HEX.test(content[end]!)) end++;
  return end - start >= HASH_MIN_LENGTH && !content.slice(from, to).includes("-");
}

/** Every CPR-like number and birth-date-like date in `content`. */
export function findPersonalData(content: string, referenceYear: number): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const lineOf = (index: number) => content.slice(0, index).split("\n").length;
  const mask = (text: string) => text.slice(0, 2) + text.slice(2).replace(/\d/g, "x");
  for (const match of content.matchAll(CPR)) {
    if (!validDayMonth(Number(match[1]), Number(match[2]))) continue;
    if (insideHash(content, match.index, match.index + match[0].length)) continue;
    hits.push({ kind: "cpr", line: lineOf(match.index), masked: mask(match[0]) });
  }
  const birthYear = (year: number) => year >= 1900 && year <= referenceYear - 15;
  for (const match of content.matchAll(ISO_DATE)) {
    if (birthYear(Number(match[1])) && validDayMonth(Number(match[3]), Number(match[2]))) hits.push({ kind: "birthdate", line: lineOf(match.index), masked: mask(match[0]) });
  }
  for (const match of content.matchAll(DMY_DATE)) {
    if (birthYear(Number(match[3])) && validDayMonth(Number(match[1]), Number(match[2]))) hits.push({ kind: "birthdate", line: lineOf(match.index), masked: mask(match[0]) });
  }
  return hits.sort((a, b) => a.line - b.line);
}
