/**
 * Tidying rendered reports: templates leave trailing spaces and empty lines
 * where a block helper stood. A report arrives in pieces (see stream.ts) and
 * is tidied a part of about a quarter of a megabyte at a time, cut after a
 * line break: tidying the HTML overview of 10,000 schools (~36 million
 * characters) with whole-text replaces made three more copies of it.
 */

/** About a quarter of a megabyte: each piece fits an output block once encoded (at most 3 bytes a character). */
const PIECE = 256 * 1024;

/**
 * Markdown without trailing spaces or tabs on a line, with at most one empty
 * line in a row, no empty lines at the start and one newline at the end.
 * Joined, the pieces are exactly `text.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").trimEnd() + "\n"`.
 */
export function tidyMarkdownPieces(text: string | Iterable<string>, piece = PIECE): Generator<string> {
  return tidied(text, 2, true, piece);
}

/**
 * HTML without trailing spaces or tabs on a line, without empty lines, and
 * with one newline at the end, in pieces of about `piece` characters (a
 * line is never split). Joined, the pieces are exactly
 * `text.replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n").trimEnd() + "\n"`.
 */
export function tidyHtmlPieces(text: string | Iterable<string>, piece = PIECE): Generator<string> {
  return tidied(text, 1, false, piece);
}

/** At most `most` line breaks in a row (none at the start with `trimStart`). */
function* tidied(text: string | Iterable<string>, most: number, trimStart: boolean, piece: number): Generator<string> {
  const tooMany = new RegExp(`\\n{${most + 1},}`, "g");
  const run = "\n".repeat(most);
  // Line breaks just before this part, in what was tidied so far.
  let before = trimStart ? most : 0;
  // Whitespace at the end of what was tidied so far: given out only if something follows it.
  let held = "";
  for (const raw of lineParts(typeof text === "string" ? [text] : text, piece)) {
    // Each part ends just after a line break (or at the end), so "[ \t]+$" sees the same line ends as in the whole text.
    let part = raw.replace(/[ \t]+$/gm, "").replace(tooMany, run);
    // A run of line breaks across the cut is one run too.
    const leading = /^\n*/.exec(part)![0].length;
    const keep = Math.min(leading, most - before);
    if (keep < leading) part = part.slice(leading - keep);
    if (part === "") continue;
    const trailing = part.length - part.replace(/\n+$/, "").length;
    before = trailing === part.length ? before + trailing : trailing;
    const body = part.trimEnd();
    if (body === "") {
      held += part;
      continue;
    }
    yield held + body;
    held = part.slice(body.length);
  }
  yield "\n";
}

/** The text of the pieces in parts of at least `size` characters that end just after a line break (the last excepted). */
function* lineParts(pieces: Iterable<string>, size: number): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    let from = 0;
    for (;;) {
      // Only this piece is searched: a long line that comes in many pieces is not searched again and again.
      const at = piece.indexOf("\n", from + Math.max(0, size - length));
      if (at < 0) break;
      pending.push(piece.slice(from, at + 1));
      yield pending.join("");
      pending = [];
      length = 0;
      from = at + 1;
    }
    if (from < piece.length) {
      const rest = from === 0 ? piece : piece.slice(from);
      pending.push(rest);
      length += rest.length;
    }
  }
  if (pending.length > 0) yield pending.join("");
}
