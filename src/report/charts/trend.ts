/**
 * One standard's trend: % voldoet per schooljaar as a line with a labelled
 * point per year, on a fixed 0–100 scale so the small charts of all
 * standards compare at a glance. A year without scores leaves a gap.
 */
import { esc, num, open } from "./svg.js";

export interface TrendInput {
  idPrefix: string;
  title: string;
  desc: string;
  /** The standard's short id, shown in the chart. */
  heading: string;
  /** The x axis: schooljaren, oldest first. */
  years: readonly string[];
  /** Per year the % voldoet (0–100), or undefined without scores. */
  values: readonly (number | undefined)[];
  /** Per year a short line under its label (how many schools), so a year of one school is not read as all. */
  notes?: readonly string[];
}

export const TREND = { width: 220, height: 140, left: 32, right: 16, top: 38, bottom: 106, fontSize: 10 } as const;

/** `2024-2025` → `24-25`: the axis of a small chart has no room for more. */
export function shortYear(schooljaar: string): string {
  const m = /^\d\d(\d\d)-\d\d(\d\d)$/.exec(schooljaar);
  return m ? `${m[1]}-${m[2]}` : schooljaar;
}

export function trendSvg(input: TrendInput): string {
  const { width, height, left, right, top, bottom, fontSize } = TREND;
  const n = input.years.length;
  // The points stand clear of the axis, so a label above the first one never meets the scale's.
  const inset = 16;
  const xOf = (i: number) => (n === 1 ? (left + width - right) / 2 : left + inset + ((width - right - left - 2 * inset) * i) / (n - 1));
  const yOf = (pct: number) => bottom - ((bottom - top) * pct) / 100;
  const out: string[] = [open(input.idPrefix, width, height, input.title, input.desc, "chart chart-trend")];
  out.push(`<text x="0" y="14" font-size="13" font-weight="700" fill="#1a1a1a">${esc(input.heading)}</text>`);
  for (const pct of [0, 50, 100]) {
    out.push(
      `<line x1="${left}" y1="${num(yOf(pct))}" x2="${width - right}" y2="${num(yOf(pct))}" stroke="${pct === 0 ? "#6b6b6b" : "#d5dce5"}" stroke-width="1"/>`,
      `<text x="${left - 4}" y="${num(yOf(pct) + 3.5)}" text-anchor="end" font-size="${fontSize}" fill="#4a4a4a">${pct}%</text>`,
    );
  }
  // Few years: every one named; many: the first and the last, so labels never overlap.
  input.years.forEach((year, i) => {
    if (n > 5 && i !== 0 && i !== n - 1) return;
    out.push(`<text x="${num(xOf(i))}" y="${bottom + 16}" text-anchor="middle" font-size="${fontSize}" fill="#4a4a4a">${esc(shortYear(year))}</text>`);
    const note = input.notes?.[i];
    if (note !== undefined) out.push(`<text x="${num(xOf(i))}" y="${bottom + 28}" text-anchor="middle" font-size="9" fill="#4a4a4a">${esc(note)}</text>`);
  });
  // The line through the years with scores, broken where a year has none.
  const path: string[] = [];
  let drawing = false;
  input.values.forEach((v, i) => {
    if (v === undefined) {
      drawing = false;
      return;
    }
    path.push(`${drawing ? "L" : "M"}${num(xOf(i))} ${num(yOf(v))}`);
    drawing = true;
  });
  if (path.length > 1) out.push(`<path d="${path.join("")}" fill="none" stroke="#1d4f91" stroke-width="2"/>`);
  input.values.forEach((v, i) => {
    if (v === undefined) return;
    out.push(`<circle cx="${num(xOf(i))}" cy="${num(yOf(v))}" r="3.5" fill="#1d4f91"/>`);
    if (n <= 5) out.push(`<text x="${num(xOf(i))}" y="${num(yOf(v) - 7)}" text-anchor="middle" font-size="${fontSize}" font-weight="600" fill="#1a1a1a">${Math.round(v)}%</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}
