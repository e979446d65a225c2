/**
 * Tidying reports a piece at a time gives exactly what tidying the whole
 * text at once gives, wherever the pieces are cut.
 */
import { describe, expect, it } from "vitest";
import { tidyHtmlPieces } from "../../src/report/tidy.js";

/** The definition: what tidying the whole HTML text at once gives. */
const tidyHtmlWhole = (text: string) => text.replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n").trimEnd() + "\n";

// Characters around which the rules turn: spaces and tabs, every kind of line end, other whitespace, text.
const ALPHABET = ["a", "b", " ", " ", "\t", "\n", "\n", "\n", "\r", "\u2028", "\u00a0", "é", "✓"];

function randomText(next: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[next() % ALPHABET.length];
  return s;
}

describe("tidyHtmlPieces", () => {
  it("joins to the whole-text tidy for 3,000 random texts and six piece sizes", () => {
    let seed = 20261123;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let differing = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomText(next, next() % 120);
      for (const size of [1, 2, 3, 5, 8, 64]) {
        const joined = [...tidyHtmlPieces(text, size)].join("");
        if (joined !== tidyHtmlWhole(text)) {
          differing++;
          expect({ text, size, joined }).toEqual({ text, size, joined: tidyHtmlWhole(text) });
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
