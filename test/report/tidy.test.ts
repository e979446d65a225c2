/**
 * Tidying reports a piece at a time gives exactly what tidying the whole
 * text at once gives, wherever the pieces are cut.
 */
import { describe, expect, it } from "vitest";
import { tidyHtmlPieces, tidyMarkdownPieces } from "../../src/report/tidy.js";

/** The definition: what tidying the whole HTML text at once gives. */
const tidyHtmlWhole = (text: string) => text.replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n").trimEnd() + "\n";
/** The same for Markdown: one empty line may stay, none at the start. */
const tidyMarkdownWhole = (text: string) => text.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").trimEnd() + "\n";

/** The text cut into pieces of the given sizes in turn, as a rendered report arrives. */
function cut(text: string, sizes: number[]): string[] {
  const pieces: string[] = [];
  for (let at = 0, n = 0; at < text.length; n++) {
    const size = sizes[n % sizes.length]!;
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

// Characters around which the rules turn: spaces and tabs, every kind of line end, other whitespace, text.
const ALPHABET = ["a", "b", " ", " ", "\t", "\n", "\n", "\n", "\r", "\u2028", "\u00a0", "é", "✓"];

function randomText(next: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[next() % ALPHABET.length];
  return s;
}

describe("tidyHtmlPieces", () => {
  it("joins to the whole-text tidy for 3,000 random texts and six piece sizes, given whole or cut anywhere (Markdown too)", () => {
    let seed = 20261123;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let differing = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomText(next, next() % 120);
      const sizes = [1 + (next() % 7), 1 + (next() % 3), 1 + (next() % 40)];
      for (const size of [1, 2, 3, 5, 8, 64]) {
        const joined = {
          html: [...tidyHtmlPieces(text, size)].join(""),
          htmlCut: [...tidyHtmlPieces(cut(text, sizes), size)].join(""),
          md: [...tidyMarkdownPieces(text, size)].join(""),
          mdCut: [...tidyMarkdownPieces(cut(text, sizes), size)].join(""),
        };
        const expected = { html: tidyHtmlWhole(text), htmlCut: tidyHtmlWhole(text), md: tidyMarkdownWhole(text), mdCut: tidyMarkdownWhole(text) };
        if (JSON.stringify(joined) !== JSON.stringify(expected)) {
          differing++;
          expect({ text, sizes, size, joined }).toEqual({ text, sizes, size, joined: expected });
        }
      }
    }
    expect(differing).toBe(0);
  });

  it("the cases by name: empty, only whitespace, empty lines across a cut, a leading line break", () => {
    for (const text of ["", "   \n\t\n", "a  \n\n   \n\nb\t\n", "\na\n", "a\r\n\r\nb", "a\n\u2028\n\nb  ", "<p>x</p>   \n\n\n"]) {
      for (const size of [1, 4, 1000]) expect([...tidyHtmlPieces(text, size)].join(""), JSON.stringify({ text, size })).toBe(tidyHtmlWhole(text));
    }
  });

  it("gives pieces of about the size asked for, not one big string", () => {
    const line = "<tr><td>✓</td><td>school</td></tr>   \n\n";
    const text = line.repeat(20_000);
    const pieces = [...tidyHtmlPieces(text, 4096)];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + line.length);
    expect(pieces.join("")).toBe(tidyHtmlWhole(text));
  });
});

describe("tidying text that arrives in pieces", () => {
  it("Markdown by name: empty lines at the start, runs of them across cuts, only whitespace", () => {
    for (const text of ["", "\n\n\n# Kop\n\n\n\ntekst  \n", "a\n\n", "\n \n\t\na", "| a |\n\n\n\n| b |   \n\n"]) {
      for (const size of [1, 2, 1000]) expect([...tidyMarkdownPieces(cut(text, [1, 2]), size)].join(""), JSON.stringify({ text, size })).toBe(tidyMarkdownWhole(text));
    }
  });

  it("searches a long line that comes in many pieces once, not again for every piece", () => {
    // One line of a million cells (the coverage matrix has a column per school): quadratic searching would not end.
    const cells = Array.from({ length: 1_000_000 }, () => "<td>x</td>");
    const pieces = [...tidyHtmlPieces([...cells, "\n<p>\n"], 4096)];
    expect(pieces.join("")).toBe(`${cells.join("")}\n<p>\n`);
  });
});
