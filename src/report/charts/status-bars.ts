/**
 * Status per school as stacked horizontal bars: per school its name, below
 * it a bar of its items split by status (each area its share of the
 * school's items, so schools of different sizes compare) with the counts
 * beside it. The rows come in the order given.
 */
import type { Status } from "../../core/types.js";
import type { StatusCounts } from "../../core/status-counts.js";
import { CHART_ORDER, STATUS_LOOK, esc, fit, legend, num, open, paint, patternDefs, symbolText, textWidth } from "./svg.js";

export interface StatusBarsInput {
  /** Element ids in the chart start with this (letters, digits and dashes). */
  idPrefix: string;
  title: string;
  desc: string;
  labels: Record<Status, string>;
  rows: readonly { label: string; counts: StatusCounts }[];
}

export const BARS = { width: 380, barWidth: 214, rowHeight: 42, barY: 20, barHeight: 15, fontSize: 13, countSize: 12, legendGap: 8 } as const;

/** The counts of a row as text: `✗1 · ?7 · ✓25`, statuses without items left out. */
export function countsText(counts: StatusCounts): string {
  return CHART_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${STATUS_LOOK[s].symbol}${counts[s]}`)
    .join(" · ");
}

export function statusBarsSvg(input: StatusBarsInput): string {
  const { width, barWidth, rowHeight, barY, barHeight, fontSize, countSize, legendGap } = BARS;
  const p = input.idPrefix;
  const key = legend(p, CHART_ORDER, input.labels, width, 0);
  const top = key.height + legendGap;
  const height = top + input.rows.length * rowHeight;
  const out: string[] = [open(p, width, height, input.title, input.desc, "chart chart-bars"), patternDefs(p, CHART_ORDER), key.svg];
  input.rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const counts = countsText(row.counts);
    // Beside the bar; a long list of counts is set smaller rather than cut.
    const room = width - barWidth - 8;
    const size = Math.max(8, Math.min(countSize, Math.floor((10 * countSize * room) / textWidth(counts, countSize)) / 10));
    out.push(
      `<text x="0" y="${num(y + 14)}" font-size="${fontSize}" font-weight="600" fill="#1a1a1a">${esc(fit(row.label, width, fontSize))}</text>`,
      `<text x="${barWidth + 8}" y="${num(y + barY + 12)}" font-size="${num(size)}" fill="#1a1a1a">${esc(counts)}</text>`,
    );
    const total = CHART_ORDER.reduce((n, s) => n + row.counts[s], 0);
    if (total === 0) {
      out.push(`<rect x="0" y="${num(y + barY)}" width="${barWidth}" height="${barHeight}" fill="none" stroke="#6b6b6b" stroke-dasharray="3 3"/>`);
      return;
    }
    // Each edge is placed from the running total, so the areas meet without gaps and the last ends at the width.
    let before = 0;
    for (const status of CHART_ORDER) {
      const n = row.counts[status];
      if (n === 0) continue;
      const x0 = (barWidth * before) / total;
      before += n;
      const x1 = (barWidth * before) / total;
      out.push(`<rect x="${num(x0)}" y="${num(y + barY)}" width="${num(x1 - x0)}" height="${barHeight}" fill="${paint(p, status)}"/>`);
      if (x1 - x0 >= 14) {
        out.push(symbolText(status, (x0 + x1) / 2, y + barY + 11.5, STATUS_LOOK[status].symbol));
      }
    }
  });
  out.push("</svg>");
  return out.join("\n");
}
