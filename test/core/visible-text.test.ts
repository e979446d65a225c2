/**
 * Characters that act instead of show (terminal escapes, bidi overrides)
 * are shown as escapes; ordinary text, Dutch included, is left alone.
 */
import { describe, expect, it } from "vitest";
import { visibleJson, visibleText } from "../../src/core/visible-text.js";

describe("visibleText", () => {
  it("shows C0 and C1 controls, DEL and every bidi control as an escape", () => {
    expect(visibleText("a\u202Eb\x1b[2Jc")).toBe("a\\u202Eb\\x1B[2Jc");
    expect(visibleText("\0\x07\x08\x0B\x0C\x7F\x80\x9B\x9F")).toBe("\\x00\\x07\\x08\\x0B\\x0C\\x7F\\x80\\x9B\\x9F");
    const bidi = ["\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    expect(bidi.map((c) => visibleText(c))).toEqual(["\\u061C", "\\u200E", "\\u200F", "\\u202A", "\\u202B", "\\u202C", "\\u202D", "\\u202E", "\\u2066", "\\u2067", "\\u2068", "\\u2069"]);
  });

  it("leaves letters with diacritics, tabs and other Unicode alone, as the same string", () => {
    const text = "Eén thema-avond\tin 't Brabantse café, één ‘zorgroute’ — 👩‍🏫 (zero-width joiner\u200D, non-joiner\u200C), ½ € ✓";
    expect(visibleText(text)).toBe(text);
    expect(visibleText(text, true)).toBe(text);
  });

  it("keeps line breaks where text may have lines, and shows them on one line", () => {
    expect(visibleText("een\ntwee\r\ndrie", true)).toBe("een\ntwee\r\ndrie");
    expect(visibleText("een\ntwee\r\ndrie")).toBe("een\\ntwee\\r\\ndrie");
    // A lone carriage return overwrites the line in a terminal: never kept.
    expect(visibleText("goed\rFOUT", true)).toBe("goed\\rFOUT");
  });

  it("gives the same text every time (a regular expression's state does not carry over)", () => {
    expect([1, 2, 3].map(() => visibleText("x\u202E"))).toEqual(["x\\u202E", "x\\u202E", "x\\u202E"]);
  });
});

describe("visibleJson", () => {
  it("writes what JSON.stringify leaves raw as \\u escapes: the same data, no acting text", () => {
    const value = { naam: "De \u202EKempenaer\x1b[2J\x85\x7F", gewoon: "café" };
    const json = visibleJson(JSON.stringify(value));
    expect(json).toBe('{"naam":"De \\u202eKempenaer\\u001b[2J\\u0085\\u007f","gewoon":"café"}');
    expect(JSON.parse(json)).toEqual(value);
    const plain = JSON.stringify({ gewoon: "café" });
    expect(visibleJson(plain)).toBe(plain);
  });
});
