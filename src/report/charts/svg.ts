/**
 * What the overview's charts share: escaping, numbers written the same on
 * every machine, text widths estimated without a font, and the look of each
 * status (a fill, a pattern and a symbol, so none depends on colour alone).
 */
import type { Status } from "../../core/types.js";

/** Text for SVG content and attribute values alike. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A coordinate with at most one decimal and no `-0`: the same bytes for the same input. */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/**
 * About how wide a text is at a font size: there is no font to measure with,
 * so a generous average glyph width keeps labels from running into each other.
 */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

/** The text cut with "…" so it is at most `width` wide. */
export function fit(text: string, width: number, fontSize: number): string {
  const chars = [...text];
  const most = Math.floor(width / (fontSize * 0.6));
  if (chars.length <= most) return text;
  return `${chars.slice(0, Math.max(1, most - 1)).join("").trimEnd()}…`;
}

export interface StatusLook {
  /** Fill colour of the area. */
  fill: string;
  /** Colour of the symbol drawn on the area: at least 4.5:1 against the fill. */
  ink: string;
  symbol: string;
  /** A pattern over the fill, so two statuses differ without colour too. */
  pattern?: "hatch" | "dots" | "cross";
}

/** Darker than the badges' tints, so a small area still shows, with ink that reads on it. */
export const STATUS_LOOK: Record<Status, StatusLook> = {
  "voldoet-niet": { fill: "#b3261e", ink: "#ffffff", symbol: "✗", pattern: "hatch" },
  "niet-aangetoond": { fill: "#f2c14e", ink: "#1a1a1a", symbol: "?", pattern: "dots" },
  voldoet: { fill: "#2e7d32", ink: "#ffffff", symbol: "✓" },
  uitgezonderd: { fill: "#3f51b5", ink: "#ffffff", symbol: "⊘", pattern: "cross" },
  nvt: { fill: "#d6d6d6", ink: "#1a1a1a", symbol: "–" },
};

/** The order of the areas in a bar and of the legend: what needs attention first. */
export const CHART_ORDER: readonly Status[] = ["voldoet-niet", "niet-aangetoond", "voldoet", "uitgezonderd", "nvt"];

/** The `<defs>` with one pattern per status that has one, ids prefixed so several charts share a page. */
export function patternDefs(prefix: string, statuses: readonly Status[]): string {
  const out: string[] = [];
  for (const status of statuses) {
    const look = STATUS_LOOK[status];
    if (!look.pattern) continue;
    const id = patternId(prefix, status);
    const line = look.ink === "#ffffff" ? "#ffffff" : "#1a1a1a";
    const marks =
      look.pattern === "hatch"
        ? `<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="${line}" stroke-opacity="0.45" stroke-width="1.2"/>`
        : look.pattern === "dots"
          ? `<circle cx="3" cy="3" r="1" fill="${line}" fill-opacity="0.45"/>`
          : `<path d="M0 3H6M3 0V6" stroke="${line}" stroke-opacity="0.4" stroke-width="1"/>`;
    out.push(`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${look.fill}"/>${marks}</pattern>`);
  }
  return out.length > 0 ? `<defs>${out.join("")}</defs>` : "";
}

/** A symbol drawn on a status's area, edged in the fill so a pattern's lines never cross it. */
export function symbolText(status: Status, x: number, y: number, text: string): string {
  const look = STATUS_LOOK[status];
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="middle" font-size="11" font-weight="700" fill="${look.ink}" stroke="${look.fill}" stroke-width="2.5" paint-order="stroke">${esc(text)}</text>`;
}

export function patternId(prefix: string, status: Status): string {
  return `${prefix}-p-${status}`;
}

/** The paint of a status's area: its pattern where it has one. */
export function paint(prefix: string, status: Status): string {
  return STATUS_LOOK[status].pattern ? `url(#${patternId(prefix, status)})` : STATUS_LOOK[status].fill;
}

export const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"`;

/**
 * A legend of swatches with symbol and label, wrapped into lines of at most
 * `width`; returns the elements and the height they take.
 */
export function legend(prefix: string, statuses: readonly Status[], labels: Record<Status, string>, width: number, y: number): { svg: string; height: number } {
  const size = 14;
  const fontSize = 12;
  const lineHeight = 20;
  let x = 0;
  let line = 0;
  const parts: string[] = [];
  for (const status of statuses) {
    const label = labels[status];
    const itemWidth = size + 6 + textWidth(label, fontSize) + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      line++;
    }
    const top = y + line * lineHeight;
    parts.push(
      `<rect x="${num(x)}" y="${num(top)}" width="${size}" height="${size}" fill="${paint(prefix, status)}" stroke="#1a1a1a" stroke-width="0.5"/>`,
      symbolText(status, x + size / 2, top + 11, STATUS_LOOK[status].symbol),
      `<text x="${num(x + size + 6)}" y="${num(top + 11)}" font-size="${fontSize}" fill="#1a1a1a">${esc(label)}</text>`,
    );
    x += itemWidth;
  }
  return { svg: parts.join("\n"), height: (line + 1) * lineHeight };
}

/** The opening tag, title and description of a chart an assistive technology reads as one image. */
export function open(prefix: string, width: number, height: number, title: string, desc: string, cls: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(cls)}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" ${FONT}>`,
    `<title id="${prefix}-title">${esc(title)}</title>`,
    `<desc id="${prefix}-desc">${esc(desc)}</desc>`,
  ].join("\n");
}
