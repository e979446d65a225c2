/**
 * The main YAML parser: js-yaml (YAML 1.2 core schema, so dates stay
 * strings) with a listener, so one parse gives the data and where every node
 * is. About ten times faster than `yaml`'s Document, which parse.ts keeps
 * for what this path cannot do well: messages and positions for broken
 * text, and counting aliases.
 */
import jsyaml from "js-yaml";
import { EMPTY_NODE, lineStartsOf, type PositionMap, type PositionNode } from "./position-map.js";

/** A node as the listener saw it: where it opened and closed, and what it became. */
interface HeardNode {
  start: number;
  end: number;
  value: unknown;
  kids: HeardNode[];
}

export interface FastParse {
  data: unknown;
  /** Built from what the parse heard, when the first position is asked for. */
  positions(): PositionMap;
}

const OPTIONS = { schema: jsyaml.CORE_SCHEMA };

/**
 * Undefined when js-yaml rejects the text (syntax, duplicate keys) or when
 * the text has a construct where the two parsers disagree: then `yaml`
 * decides.
 */
export function parseFast(text: string, lineOffset: number, maxDepth: number): FastParse | undefined {
  if (hasMultilineQuote(text)) return undefined;
  // The listener only notes numbers and values, in the order nodes close: no object per node during the parse.
  const opened: number[] = [];
  const heard: Heard = { starts: [], ends: [], depths: [], values: [] };
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      ...OPTIONS,
      listener(event, state) {
        if (event === "open") {
          opened.push(state.position);
          return;
        }
        heard.starts.push(opened.pop()!);
        heard.ends.push(state.position);
        heard.depths.push(opened.length);
        heard.values.push(state.result);
      },
    });
  } catch {
    return undefined;
  }
  let map: PositionMap | undefined;
  return {
    data,
    positions() {
      if (map) return map;
      const root = heardTree(heard);
      return (map = { root: root && toPositionNode(root, text, maxDepth), lineStarts: lineStartsOf(text), lineOffset });
    },
  };
}

/** What the listener noted, node by node in the order they closed. */
interface Heard {
  starts: number[];
  ends: number[];
  depths: number[];
  values: unknown[];
}

/** Rebuilds the tree: a node closes after its children, which sit one level deeper. */
function heardTree(heard: Heard): HeardNode | undefined {
  const waiting: HeardNode[][] = [];
  for (let i = 0; i < heard.starts.length; i++) {
    const depth = heard.depths[i]!;
    const node: HeardNode = { start: heard.starts[i]!, end: heard.ends[i]!, value: heard.values[i], kids: waiting[depth + 1] ?? [] };
    waiting[depth + 1] = [];
    (waiting[depth] ??= []).push(node);
  }
  return waiting[0]?.[0];
}

/** Trims a heard node to the text of its value, as `yaml` reports it, and names its children. */
function toPositionNode(heard: HeardNode, text: string, depthLeft: number): PositionNode {
  const node = unwrap(heard);
  // js-yaml appends a line break to text without one: clamp to the text.
  const rawEnd = Math.min(node.end, text.length);
  const start = skipBlank(text, node.start, rawEnd);
  if (start >= rawEnd) return EMPTY_NODE;
  const { value, kids } = node;
  const first = text[start];
  const isCollection = value !== null && typeof value === "object";
  const isBlock = first === "|" || first === ">" || (isCollection && first !== "[" && first !== "{");
  const out: PositionNode = { start, end: isBlock ? blockEnd(text, start, rawEnd, isCollection) : trimEnd(text, start, rawEnd) };
  // Deeper data is refused anyway (MAX_DEPTH): no need to map it, nor to recurse without end.
  if (depthLeft <= 0) return out;
  if (Array.isArray(value)) {
    const items = kids.length === value.length ? kids : alignItems(kids, value.length, text, start, rawEnd);
    if (items) out.items = items.map((k) => (k ? toPositionNode(k, text, depthLeft - 1) : EMPTY_NODE));
  } else if (isCollection && kids.length % 2 === 0) {
    // Children alternate key, value; anything else is not a plain mapping and stays unmapped.
    out.entries = [];
    for (let k = 0; k < kids.length; k += 2) {
      out.entries.push([String(unwrap(kids[k]!).value), toPositionNode(kids[k]!, text, 0), toPositionNode(kids[k + 1]!, text, depthLeft - 1)]);
    }
  }
  return out;
}

/**
 * An item written as a bare `-` gets no node of its own from js-yaml. The
 * dashes at the sequence's indentation mark where each item starts; an item
 * without a heard node in its stretch is empty.
 */
function alignItems(kids: HeardNode[], count: number, text: string, start: number, end: number): (HeardNode | undefined)[] | undefined {
  if (text[start] !== "-") return undefined;
  const column = start - (text.lastIndexOf("\n", start - 1) + 1);
  const dashes: number[] = [];
  for (let lineStart = start - column; lineStart < end; ) {
    const lineEnd = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? end : lineEnd);
    if (line.length > column && line[column] === "-" && line.slice(0, column).trim() === "") dashes.push(lineStart + column);
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  if (dashes.length !== count) return undefined;
  const items = dashes.map((dash, i) => kids.find((k) => k.start > dash && k.start < (dashes[i + 1] ?? Infinity)));
  return items.filter(Boolean).length === kids.length ? items : undefined;
}

/**
 * The end of a block scalar or block collection, as `yaml` reports it: its
 * last line of content, where a `#` may be text; a collection keeps a
 * comment on that line and comment lines indented deeper than its entries.
 */
function blockEnd(text: string, start: number, end: number, isCollection: boolean): number {
  const column = start - (text.lastIndexOf("\n", start - 1) + 1);
  let e = end;
  for (;;) {
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (!isCollection) return e;
    const lineStart = text.lastIndexOf("\n", e - 1) + 1;
    if (lineStart <= start) return e;
    const line = text.slice(lineStart, e);
    const indent = line.length - line.trimStart().length;
    // A comment line no deeper than the entries introduces what follows the collection.
    if (!line.trimStart().startsWith("#") || indent > column) return e;
    e = lineStart;
  }
}

/**
 * js-yaml accepts a quoted scalar that runs on over lines less indented than
 * YAML allows; `yaml` rejects it. A value that opens a quote and does not
 * close it on the same line sends the file to `yaml`.
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
function unwrap(node: HeardNode): HeardNode {
  let n = node;
  while (
    n.kids.length === 1 &&
    n.kids[0]!.value === n.value &&
    (n.value === null || typeof n.value !== "object" || Array.isArray(n.value) === Array.isArray(n.kids[0]!.value))
  ) {
    n = n.kids[0]!;
  }
  return n;
}

/** Skips spaces, line breaks, comments, anchors and tags before a node's value. */
function skipBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if ((c === 38 /* & */ || c === 33) /* ! */ && i + 1 < to && !isSpace(text.charCodeAt(i + 1))) {
      // An anchor or tag belongs to the node's properties, not its value.
      while (i < to && !isSpace(text.charCodeAt(i))) i++;
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
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    // A comment starts at " #" outside quotes; the last one on the line is tried first.
    let hash = -1;
    let doubles = 0;
    let singles = 0;
    for (let i = e - 1; i > start && text.charCodeAt(i) !== 10; i--) {
      if (hash < 0 && text.charCodeAt(i) === 35 && text.charCodeAt(i - 1) === 32) hash = i - 1;
    }
    if (hash < 0) return e;
    const from = Math.max(text.lastIndexOf("\n", hash) + 1, start);
    for (let i = from; i < hash; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) doubles++;
      else if (c === 39) singles++;
    }
    if (doubles % 2 === 1 || singles % 2 === 1) return e;
    e = hash;
  }
}

/** What `\s` matches, without a regular expression for the common characters. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}
