/**
 * The fast path for YAML: js-yaml (YAML 1.2 core schema, so dates stay
 * strings, as with `yaml`) with a listener that records where every node
 * starts and ends. About ten times faster than building `yaml`'s Document,
 * which stays the path for files with errors: its messages and positions
 * for broken input are better.
 */
import jsyaml from "js-yaml";
import type { SourceRange } from "../core/types.js";
import { BlockReader, lineIndex, UNSURE } from "./block-locate.js";
import type { PathSegment } from "./source.js";

interface PosNode {
  s: number;
  e: number;
  v: unknown;
  kids: PosNode[];
}

interface Frame {
  s: number;
  kids: PosNode[];
}

export interface FastParse {
  data: unknown;
  locate(path: readonly PathSegment[], opts?: { key?: boolean }): SourceRange | undefined;
}

const OPTIONS = { schema: jsyaml.CORE_SCHEMA };

/**
 * Returns undefined when js-yaml rejects the text (syntax, duplicate keys) or
 * when the text has a construct where the two parsers disagree: then the
 * reference path decides. Positions are found only when asked for (most
 * files have no findings and never need them): by reading the lines
 * (block-locate.ts), and where that is unsure, by parsing again with a
 * listener.
 */
export function parseFast(text: string, lineOffset: number): FastParse | undefined {
  if (hasMultilineQuote(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, OPTIONS);
  } catch {
    return undefined;
  }
  let lineStarts: number[] | undefined;
  const starts = () => (lineStarts ??= computeLineStarts(text));
  let reader: BlockReader | undefined;
  let tree: { root: PosNode | undefined } | undefined;
  const positions = () => (tree ??= { root: positionTree(text) });
  const toRange = (start: number, end: number): SourceRange => {
    const a = lineCol(starts(), start);
    const b = lineCol(starts(), Math.max(start, end));
    return { line: a.line + lineOffset, column: a.col, endLine: b.line + lineOffset, endColumn: b.col };
  };
  const rangeOf = (node: PosNode): SourceRange | undefined => {
    // js-yaml appends a line break to text without one: clamp to the text.
    const end = Math.min(node.e, text.length);
    const start = skipBlank(text, node.s, end);
    if (start >= end) return undefined; // an empty value: no characters of its own
    return toRange(start, trimEnd(text, start, end));
  };
  return {
    data,
    locate(path, opts = {}) {
      // Reading the lines settles most paths; parsing again with positions is for the rest.
      const quick = (reader ??= new BlockReader(text, starts())).locate(path, opts.key === true);
      if (quick !== UNSURE) return quick && toRange(quick.start, quick.end);
      const root = positions().root;
      if (!root) return undefined;
      let node = unwrap(root);
      let best = rangeOf(node);
      for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        const last = i === path.length - 1;
        const v = node.v;
        if (Array.isArray(v)) {
          const item = typeof seg === "number" ? node.kids[seg] : undefined;
          if (!item || node.kids.length !== v.length) return best;
          node = unwrap(item);
          best = rangeOf(node) ?? best;
        } else if (v !== null && typeof v === "object") {
          const kids = node.kids;
          // Children alternate key, value; anything else is not a plain mapping.
          if (kids.length % 2 !== 0) return best;
          let found = -1;
          for (let k = kids.length - 2; k >= 0; k -= 2) {
            if (String(unwrap(kids[k]!).v) === String(seg)) {
              found = k;
              break;
            }
          }
          if (found < 0) return best;
          const keyRange = rangeOf(unwrap(kids[found]!));
          if (last && opts.key && keyRange) return keyRange;
          node = unwrap(kids[found + 1]!);
          const valueRange = rangeOf(node);
          best = valueRange ?? keyRange ?? best;
          if (!valueRange) return best;
        } else {
          return best;
        }
      }
      return best;
    },
  };
}

/** Parses again with a listener that records where every node starts and ends. */
function positionTree(text: string): PosNode | undefined {
  const stack: Frame[] = [];
  let root: PosNode | undefined;
  jsyaml.load(text, {
    ...OPTIONS,
    listener(event, state) {
      if (event === "open") {
        stack.push({ s: state.position, kids: [] });
        return;
      }
      const frame = stack.pop()!;
      const node: PosNode = { s: frame.s, e: state.position, v: state.result, kids: frame.kids };
      const parent = stack[stack.length - 1];
      if (parent) parent.kids.push(node);
      else root = node;
    },
  });
  return root;
}

/**
 * js-yaml accepts a quoted scalar that runs on over lines less indented than
 * YAML allows; `yaml` rejects it. A value that opens a quote and does not
 * close it on the same line sends the file to the reference path.
 */
const QUOTED_VALUE = /(?:^|:|-|\?)[ \t]+(["'])(.*)$/gm;
function hasMultilineQuote(text: string): boolean {
  if (text.indexOf('"') < 0 && text.indexOf("'") < 0) return false;
  for (const m of text.matchAll(QUOTED_VALUE)) {
    const quote = m[1]!;
    const rest = m[2]!;
    if (quote === '"' ? !/^(?:[^"\\]|\\.)*"/.test(rest) : !/^(?:[^']|'')*'(?!')/.test(rest)) return true;
  }
  return false;
}

/** js-yaml wraps some nodes (sequence items, anchors) in a node with one child of the same value. */
function unwrap(node: PosNode): PosNode {
  let n = node;
  while (n.kids.length === 1 && n.kids[0]!.v === n.v && (n.v === null || typeof n.v !== "object" || Array.isArray(n.v) === Array.isArray(n.kids[0]!.v))) {
    n = n.kids[0]!;
  }
  return n;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineCol(starts: number[], offset: number): { line: number; col: number } {
  const i = lineIndex(starts, offset);
  return { line: i + 1, col: offset - starts[i]! + 1 };
}

/** Skips spaces, line breaks, comments, anchors and tags before a node's value. */
function skipBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if ((c === 38 /* & */ || c === 33) /* ! */ && i + 1 < to && !/\s/.test(text[i + 1]!)) {
      // An anchor or tag belongs to the node's properties, not its value.
      while (i < to && !/\s/.test(text[i]!)) i++;
    } else if (c === 35 /* # */) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? to : nl + 1;
    } else break;
  }
  return i;
}

/** Drops trailing whitespace and a trailing comment from a node's end. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1]!)) e--;
    const lineStart = text.lastIndexOf("\n", e - 1) + 1;
    const hash = text.indexOf(" #", Math.max(lineStart, start));
    if (hash < 0 || hash >= e) return e;
    // Only a comment when not inside quotes on that line.
    const before = text.slice(Math.max(lineStart, start), hash);
    if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) return e;
    e = hash;
  }
}
