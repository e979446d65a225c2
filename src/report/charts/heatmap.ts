/**
 * Schools × standards as a heatmap of small cells: each cell the colour,
 * pattern and symbol of the weakest status of the school's items in that
 * standard, and for voldoet niet and niet aangetoond how many items.
 */
import type { Status } from "../../core/types.js";
import { CHART_ORDER, STATUS_LOOK, esc, fit, legend, num, open, paint, patternDefs, symbolText, textWidth } from "./svg.js";

export interface HeatCellInput {
  /** The weakest status among the items; absent when the school has no items in the standard. */
  status?: Status;
  /** How many items have that status. */
  count: number;
}

export interface HeatmapInput {
  idPrefix: string;
  title: string;
  desc: string;
  labels: Record<Status, string>;
  /** Column heads: the standards' short ids. */
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly HeatCellInput[] }[];
}

/** `labelWidth`: the most the names may take (they take less when all are short); `tail`: room to the right of the last column for its slanted head. */
export const HEAT = { labelWidth: 300, minLabelWidth: 120, cell: 30, rowHeight: 24, headHeight: 46, fontSize: 11, legendGap: 10, tail: 34 } as const;

/** As wide as the longest name needs, between the minimum and the maximum. */
function labelWidthOf(labels: readonly string[]): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, textWidth(label, HEAT.fontSize));
  return Math.min(HEAT.labelWidth, Math.max(HEAT.minLabelWidth, Math.ceil(longest + 12)));
}

/** The chart's own width, for a page that must decide whether it fits. */
export function heatmapWidth(labels: readonly string[], columns: number): number {
  return labelWidthOf(labels) + columns * HEAT.cell + HEAT.tail;
}

/** A count is worth showing where it says how much needs doing. */
function cellText(cell: HeatCellInput): string {
  if (cell.status === undefined) return "";
  const symbol = STATUS_LOOK[cell.status].symbol;
  return cell.status === "voldoet-niet" || cell.status === "niet-aangetoond" ? `${symbol}${cell.count}` : symbol;
}

export function heatmapSvg(input: HeatmapInput): string {
  const { cell, rowHeight, headHeight, fontSize, legendGap } = HEAT;
  const p = input.idPrefix;
  const labelWidth = labelWidthOf(input.rows.map((r) => r.label));
  const width = heatmapWidth(input.rows.map((r) => r.label), input.columns.length);
  const shown = CHART_ORDER.filter((s) => s !== "uitgezonderd");
  const key = legend(p, shown, input.labels, width, 0);
  const head = key.height + legendGap;
  const top = head + headHeight;
  const height = top + input.rows.length * rowHeight;
  const out: string[] = [open(p, width, height, input.title, input.desc, "chart chart-heat"), patternDefs(p, shown), key.svg];
  input.columns.forEach((column, c) => {
    // Slanted, so ids longer than a cell is wide still stand above their column.
    const x = labelWidth + c * cell + cell / 2;
    const y = top - 6;
    out.push(`<text x="${num(x)}" y="${num(y)}" font-size="11" fill="#1a1a1a" transform="rotate(-45 ${num(x)} ${num(y)})">${esc(fit(column, headHeight * 1.3, 11))}</text>`);
  });
  input.rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    out.push(`<text x="0" y="${num(y + rowHeight / 2 + 4)}" font-size="${fontSize}" fill="#1a1a1a">${esc(fit(row.label, labelWidth - 8, fontSize))}</text>`);
    row.cells.forEach((c, i) => {
      const x = labelWidth + i * cell;
      if (c.status === undefined) {
        out.push(`<rect x="${num(x + 1)}" y="${num(y + 1)}" width="${cell - 2}" height="${rowHeight - 2}" fill="#ffffff" stroke="#9a9a9a" stroke-width="0.75"/>`);
        return;
      }
      out.push(
        `<rect x="${num(x + 1)}" y="${num(y + 1)}" width="${cell - 2}" height="${rowHeight - 2}" fill="${paint(p, c.status)}"/>`,
        symbolText(c.status, x + cell / 2, y + rowHeight / 2 + 4, cellText(c)),
      );
    });
  });
  out.push("</svg>");
  return out.join("\n");
}
