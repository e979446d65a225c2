/**
 * Date arithmetic on JJJJ-MM-DD strings (UTC, no time of day), and the
 * schooljaar: 1 August up to and including 31 July.
 */
import type { Lang } from "./types.js";
import { t } from "../i18n/messages.js";

/** Dutch month names and their usual abbreviations, as schools write them in dates. */
export const DUTCH_MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The schooljaar a date falls in: 2025-10-01 → "2025-2026", 2026-07-31 → "2025-2026". */
export function schooljaarOf(date: string): string {
  const [y, m] = parts(date);
  const start = m >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export function schooljaarStart(schooljaar: string): string {
  return `${schooljaar.slice(0, 4)}-08-01`;
}

export function schooljaarEnd(schooljaar: string): string {
  return `${schooljaar.slice(5, 9)}-07-31`;
}

export function previousSchooljaar(schooljaar: string): string {
  const start = Number(schooljaar.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

export interface Duration {
  years: number;
  months: number;
  days: number;
}

/** ISO 8601 date durations: P4Y, P1Y6M, P30D, P2W. */
export function parseDuration(text: string): Duration | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text);
  if (!m || text === "P") return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), days: Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0) };
}

export function durationDays(d: Duration): number {
  return d.years * 365.25 + d.months * 30.44 + d.days;
}

/** `date` minus a duration, clamping the day (31 maart − P1M = 28/29 februari). */
export function subtractDuration(date: string, d: Duration): string {
  const [y, m, day] = parts(date);
  let year = y - d.years;
  let month = m - d.months;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const base = Date.UTC(year, month - 1, Math.min(day, lastDay));
  const shifted = new Date(base - d.days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

/** Human description of a duration, for messages. */
export function describeDuration(d: Duration, lang: Lang): string {
  const out: string[] = [];
  if (d.years) out.push(t(lang, "duration.years", { n: d.years }));
  if (d.months) out.push(t(lang, "duration.months", { n: d.months }));
  if (d.days) out.push(t(lang, "duration.days", { n: d.days }));
  return out.join(t(lang, "duration.and"));
}

export { iso as isoDate };
