/**
 * Readings of values written the way people write them in Word: a
 * schooljaar as 2013/2014, a date as 1 oktober 2024, a decimal comma. Each
 * returns the value in the document's own format, or undefined when the
 * text is not certain enough to read.
 */
import { DUTCH_MONTHS } from "../core/dates.js";
import { isRealDate, isSchooljaar } from "./formats.js";

/** `2013/2014`, `2013-14`, `13/14`, `2013 – 2014` → `2013-2014`; only two consecutive years. */
export function readSchooljaar(text: string): string | undefined {
  const m = /^\s*(\d{2}|\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const first = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
  const read = `${first}-${second}`;
  return isSchooljaar(read) ? read : undefined;
}

/** A year that a schooljaar starts in, for a hint such as "2025-2026" when only "2025" was written. */
export function schooljaarFromYear(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*$/.exec(text);
  return m ? `${m[1]}-${Number(m[1]) + 1}` : undefined;
}

/** `01-10-2024`, `1-10-24`, `1/10/2024`, `1.10.2024`, `1 oktober 2024`, `1 okt. 2024` → `2024-10-01`. */
export function readDate(text: string): string | undefined {
  const numeric = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\s*$/.exec(text);
  const written = /^\s*(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\s*$/i.exec(text);
  let day: number;
  let month: number | undefined;
  let year: number;
  if (numeric) {
    [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (numeric[3]!.length === 2) year += 2000;
  } else if (written) {
    [day, month, year] = [Number(written[1]), DUTCH_MONTHS[written[2]!.toLowerCase()], Number(written[3])];
  } else {
    return undefined;
  }
  if (month === undefined) return undefined;
  const read = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isRealDate(read) ? read : undefined;
}

/** `27,1` → 27.1 and `120` written as text → 120: a number with at most one decimal separator. */
export function readNumber(text: string): number | undefined {
  const m = /^\s*(-?\d+)(?:[,.](\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
}

const NUMBER_WORDS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
};
// A school year has about 40 weeks and 10 months of lessons.
const WEEKS_PER_SCHOOLYEAR = 40;
const CADENCES: Record<string, number> = {
  wekelijks: 40, tweewekelijks: 20, driewekelijks: 13, maandelijks: 10, "elke maand": 10, "iedere maand": 10,
  "per kwartaal": 4, "elk kwartaal": 4, "ieder kwartaal": 4, "per periode": 4, jaarlijks: 1,
};

/** `6 keer per jaar`, `zes keer per jaar`, `6x per jaar`, `maandelijks`, `elke zes weken` → times per school year. */
export function readTimesPerYear(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "");
  const plain = readNumber(s);
  if (plain !== undefined) return plain;
  const count = (w: string) => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w]);
  const times = /^(\d+|[a-zé]+) ?(?:x|keer|maal) (?:per|in het|per school)? ?(?:school)?jaar$/.exec(s);
  if (times) return count(times[1]!);
  const every = /^(?:elke|iedere|om de) (\d+|[a-zé]+) weken$/.exec(s);
  if (every) {
    const n = count(every[1]!);
    return n ? Math.floor(WEEKS_PER_SCHOOLYEAR / n) : undefined;
  }
  return CADENCES[s];
}
