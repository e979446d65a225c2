/**
 * Text from school and rule files as it may be shown to a person. A value
 * can hold characters that act instead of show: a terminal escape (ESC [ 2 J
 * clears the screen), a carriage return that overwrites the line, a
 * right-to-left override (U+202E) that reorders what follows. Those become a
 * visible escape (`\x1B`, `\r`, `\u202E`), so the reader sees that something
 * odd is there and nothing around it is hidden or reordered. Letters with
 * diacritics, tab and all other Unicode stay as they are.
 */

/** C0 controls but tab, LF and CR; DEL; C1 controls; the bidi controls (ALM, LRM, RLM, LRE–RLO, LRI–PDI). */
const ACTING = "\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
/** Text that must stay on one line: line breaks act too. */
const ONE_LINE = new RegExp(`[${ACTING}\\n\\r]`, "g");
/** Text that may have lines: LF and CRLF stay; a lone CR would overwrite a line in a terminal. */
const LINES = new RegExp(`[${ACTING}]|\\r(?!\\n)`, "g");
/** What JSON.stringify leaves raw (it escapes C0 controls): DEL, C1 and the bidi controls. */
const RAW_IN_DATA = /[\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(width, "0");
}

function escape(c: string): string {
  return SHORT[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);
}

/**
 * `text` with every acting character shown as an escape. With `lines`, line
 * breaks stay (a report, a multi-line annotation); without, they are shown
 * as `\n` and `\r` too (a finding's line in a terminal).
 */
export function visibleText(text: string, lines = false): string {
  const acting = lines ? LINES : ONE_LINE;
  acting.lastIndex = 0;
  // Nearly every value has none: no new string for those.
  if (!acting.test(text)) return text;
  return text.replace(acting, escape);
}

/**
 * A machine format's text (JSON, XML) with DEL, C1 and bidi controls written
 * as the format's own escape of the same character (`code` gives it): the
 * data stays the same for every reader, only the text no longer acts where
 * it is shown (`cat sop-audit.sarif`, `--format json` in a terminal). C0
 * controls are the format's own business: JSON escapes them, XML cannot hold them.
 */
export function escapedInData(text: string, code: (hex: string) => string): string {
  RAW_IN_DATA.lastIndex = 0;
  if (!RAW_IN_DATA.test(text)) return text;
  return text.replace(RAW_IN_DATA, (c) => code(hex(c, 4)));
}

/** JSON text, from JSON.stringify, with the characters it leaves raw as `\u` escapes (see {@link escapedInData}). */
export function visibleJson(json: string): string {
  return escapedInData(json, (h) => `\\u${h.toLowerCase()}`);
}
