/**
 * Tidying rendered reports: templates leave trailing spaces and empty lines
 * where a block helper stood. The HTML overview of 10,000 schools is ~36
 * million characters; tidying it with whole-text replaces made three more
 * copies of it (~220 MB at once), so HTML is tidied a piece at a time.
 */

/** No trailing spaces, at most one empty line in a row, one newline at the end. */
export function tidyMarkdown(text: string): string {
  return (
    text
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/^\n+/, "")
      .trimEnd() + "\n"
  );
}

/** About a quarter of a megabyte: each piece fits an output block once encoded (at most 3 bytes a character). */
const PIECE = 256 * 1024;

/**
 * HTML without trailing spaces or tabs on a line, without empty lines, and
 * with one newline at the end, in pieces of about `piece` characters (a
 * line is never split). Joined, the pieces are exactly
 * `text.replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n").trimEnd() + "\n"`.
 */
export function* tidyHtmlPieces(text: string, piece = PIECE): Generator<string> {
  let lastWasNewline = false;
  // Whitespace at the end of what was tidied so far: given out only if something follows it.
  let held = "";
  for (let start = 0; start < text.length; ) {
    const cut = text.indexOf("\n", start + piece);
    // Each part ends just after a line break (or at the end), so "[ \t]+$" sees the same line ends as in the whole text.
    const end = cut < 0 ? text.length : cut + 1;
    let part = text.slice(start, end).replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n");
    start = end;
    // A run of line breaks across the cut is one line break too.
    if (lastWasNewline) part = part.replace(/^\n+/, "");
    if (part === "") continue;
    lastWasNewline = part.endsWith("\n");
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
