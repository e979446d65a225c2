/**
 * Splits a Markdown file into its front matter and its body. Front matter is
 * YAML between a line `---` and a line `---` (or `...`); a fence with a
 * language tag (`---js`, `---toml`) is reported, and never evaluated.
 */

export type FrontMatterSplit =
  | { kind: "yaml"; matter: string; bodyOffset: number }
  | { kind: "language"; language: string; bodyOffset: number }
  | { kind: "unclosed"; bodyOffset: number }
  | { kind: "none"; bodyOffset: number };

const OPENING = /^---([^\n]*)\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * `text` without a byte-order mark, with line breaks as `\n` (CR LF keeps its
 * CR at the line's end, which the closing fence allows). The front matter's
 * first line is line 2 of the file.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const opening = OPENING.exec(text);
  if (!opening) return { kind: "none", bodyOffset: 0 };
  const tag = opening[1]!.replace(/\r$/, "").trim();
  let at = opening[0].length;
  for (;;) {
    const nl = text.indexOf("\n", at);
    const line = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, "");
    if (CLOSING.test(line)) {
      const bodyOffset = nl < 0 ? text.length : nl + 1;
      if (tag !== "") return { kind: "language", language: tag, bodyOffset };
      return { kind: "yaml", matter: text.slice(opening[0].length, at), bodyOffset };
    }
    if (nl < 0) return tag !== "" ? { kind: "language", language: tag, bodyOffset: text.length } : { kind: "unclosed", bodyOffset: text.length };
    at = nl + 1;
  }
}
