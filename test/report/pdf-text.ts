/**
 * The text of a PDF, page by page and line by line from the top, read with
 * PDF.js: what a reader sees on each page, to test where pages break.
 */
import { readFileSync } from "node:fs";

export interface PdfLine {
  /** Distance from the top of the page, in points. */
  top: number;
  text: string;
}

export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

export async function pdfPages(file: string): Promise<PdfPage[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    // Text pieces on one baseline (within a point) make one line, left to right.
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const top = Math.round(height - item.transform[5]!);
      const key = [...rows.keys()].find((k) => Math.abs(k - top) <= 1) ?? top;
      rows.set(key, [...(rows.get(key) ?? []), { x: item.transform[4]!, str: item.str }]);
    }
    const lines = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([top, parts]) => ({ top, text: parts.sort((a, b) => a.x - b.x).map((p) => p.str).join(" ").replace(/\s+/g, " ").trim() }));
    pages.push({ height, lines });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#x60;": "`", "&#x3D;": "=", "&nbsp;": " " };

/** Text compared without any white space: PDF text splits words at ligatures and joins table cells with spaces. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e);
}

/**
 * What must never stand alone at a page's foot, from the HTML that was
 * printed: every heading and table caption, a table's header row, and a
 * caption followed by its header row.
 */
export function headingTexts(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<(h[1-6]|caption)\b[^>]*>([\s\S]*?)<\/\1>/g)) out.add(squeeze(plain(m[2]!)));
  for (const m of html.matchAll(/<caption\b[^>]*>([\s\S]*?)<\/caption>[\s\S]*?<thead>([\s\S]*?)<\/thead>/g)) {
    out.add(squeeze(plain(m[2]!)));
    out.add(squeeze(plain(m[1]!) + plain(m[2]!)));
  }
  out.delete("");
  return out;
}

/** Pages (1-based) whose last lines, above the page number, are a heading with nothing of its section after it. */
export function pagesEndingWithHeading(pages: readonly PdfPage[], headings: ReadonlySet<string>, pageNumber: RegExp): { page: number; heading: string }[] {
  const out: { page: number; heading: string }[] = [];
  pages.forEach((p, n) => {
    if (n === pages.length - 1) return;
    const body = p.lines.filter((l) => !pageNumber.test(l.text));
    for (let k = 1; k <= Math.min(4, body.length); k++) {
      const tail = body.slice(-k).map((l) => l.text).join(" ");
      if (headings.has(squeeze(tail))) {
        out.push({ page: n + 1, heading: tail });
        return;
      }
    }
  });
  return out;
}
