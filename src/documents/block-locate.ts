/**
 * Finds where a path is in block-style YAML by reading lines and their
 * indentation, instead of parsing the file a second time with a listener.
 * A school with findings needs a few positions in a file or two; parsing
 * those files again cost more than all the rules of a run together.
 *
 * It only settles what the text's layout makes certain: block mappings and
 * sequences, plain and quoted keys, plain, quoted, block and one-line flow
 * scalars. Anything else on the way (anchors, aliases, tags, tabs, complex
 * keys, flow collections it would have to look into, a key whose text is
 * not what it parses to, trailing comments it cannot place) makes it answer
 * UNSURE, and the caller parses the file with positions after all. The
 * ranges are those of `yaml`'s Document (the reference): a test holds both
 * to the same answer for every value and key of every shipped file.
 */
import type { PathSegment } from "./source.js";

export interface Span {
  start: number;
  end: number;
}

export const UNSURE = Symbol("unsure");

/** Thrown inside, caught at the top: the layout is not one this reader settles. */
class Unsure {}
const unsure = (): never => {
  throw new Unsure();
};

/** A block mapping or sequence: its first entry starts at offset `at` on line `first`; its lines end before line `end`. */
interface Collection {
  t: "map" | "seq";
  first: number;
  at: number;
  indent: number;
  end: number;
}

type ScanNode = Collection | { t: "scalar" | "flow"; start: number; end: number } | { t: "empty" };

interface Key {
  start: number;
  end: number;
  text: string;
  /** A plain key that YAML may read as a number, boolean or null: its text need not be what it parses to. */
  uncertain: boolean;
  /** Just after the colon. */
  valueAt: number;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;

const CONTENT = 0;
const BLANK = 1;
const COMMENT = 2;

/** Plain scalars the YAML 1.2 core schema reads as something other than their text (js-yaml's CORE_SCHEMA). */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN))$/;
/** A key whose text is what it parses to, as an object key: a decimal integer without leading zeros. */
const SAME_AS_PARSED = /^(?:0|[1-9][0-9]*)$/;

export function locateInBlockYaml(text: string, lineStarts: readonly number[], path: readonly PathSegment[], key: boolean): Span | undefined | typeof UNSURE {
  return new BlockReader(text, lineStarts).locate(path, key);
}

/** Reads one text; a file with several findings keeps one reader and its table of lines. */
export class BlockReader {
  private readonly lines: number;
  /** Per line: where its content ends (before a line break), its indentation, and whether it is content, blank or a comment. */
  private readonly ends: Int32Array;
  private readonly indents: Int32Array;
  private readonly kinds: Uint8Array;
  /** Tabs before content make indentation ambiguous to read by counting spaces. */
  private readonly tabbed: boolean;

  constructor(
    private readonly text: string,
    private readonly starts: readonly number[],
  ) {
    this.lines = starts.length;
    this.ends = new Int32Array(this.lines);
    this.indents = new Int32Array(this.lines);
    this.kinds = new Uint8Array(this.lines);
    let tabbed = false;
    for (let i = 0; i < this.lines; i++) {
      const s = starts[i]!;
      let end = i + 1 < this.lines ? starts[i + 1]! - 1 : text.length;
      if (end > s && text.charCodeAt(end - 1) === 13) end--;
      let p = s;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      if (p < end && text.charCodeAt(p) === TAB) tabbed = true;
      this.ends[i] = end;
      this.indents[i] = p - s;
      this.kinds[i] = p >= end ? BLANK : text.charCodeAt(p) === HASH ? COMMENT : CONTENT;
    }
    this.tabbed = tabbed;
  }

  locate(path: readonly PathSegment[], key: boolean): Span | undefined | typeof UNSURE {
    if (this.tabbed) return UNSURE;
    try {
      return this.find(path, key);
    } catch (error) {
      if (error instanceof Unsure) return UNSURE;
      throw error;
    }
  }

  private find(path: readonly PathSegment[], key: boolean): Span | undefined {
    let node = this.root();
    // What to answer if the path ends here: a node (its end is found only if asked) or a key.
    let best: ScanNode | Span = node;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (node.t === "seq") {
        const item = typeof seg === "number" ? this.item(node, seg) : undefined;
        if (!item) return this.resolve(best);
        node = item;
        if (node.t !== "empty") best = node;
      } else if (node.t === "map") {
        const entry = this.entry(node, String(seg));
        if (!entry) return this.resolve(best);
        const keySpan: Span = { start: entry.key.start, end: entry.key.end };
        if (last && key) return keySpan;
        node = entry.value;
        // A key without a value (`datum:`) points at the key.
        if (node.t === "empty") return keySpan;
        best = node;
      } else if (node.t === "flow") {
        return unsure();
      } else {
        return this.resolve(best);
      }
    }
    return this.resolve(best);
  }

  private resolve(best: ScanNode | Span): Span | undefined {
    return "t" in best ? this.span(best) : best;
  }

  // ---- lines ----

  private lineEnd(i: number): number {
    return this.ends[i]!;
  }

  private indent(i: number): number {
    return this.indents[i]!;
  }

  /** Blank or comment only: no part of the structure. */
  private isQuiet(i: number): boolean {
    return this.kinds[i] !== CONTENT;
  }

  private isBlank(i: number): boolean {
    return this.kinds[i] === BLANK;
  }

  private nextContent(from: number, before: number): number {
    let i = from;
    while (i < before && this.isQuiet(i)) i++;
    return i;
  }

  /** `-` followed by a space or the line's end, at offset p. */
  private isDash(p: number, lineEnd: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    return p + 1 >= lineEnd || this.text.charCodeAt(p + 1) === SPACE;
  }

  private skipSpaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  // ---- nodes ----

  private root(): ScanNode {
    const i = this.nextContent(0, this.lines);
    if (i >= this.lines) return unsure();
    const p = this.starts[i]! + this.indent(i);
    const end = this.lineEnd(i);
    if (this.text.startsWith("---", p) || this.text.charCodeAt(p) === 37 /* % */) return unsure();
    if (this.isDash(p, end)) return this.collection("seq", i, p);
    const k = this.key(p, end);
    if (k === undefined) return unsure();
    return this.collection("map", i, p);
  }

  /** A block collection whose first entry starts at offset `at` on line `first`. */
  private collection(t: "map" | "seq", first: number, at: number): Collection {
    const indent = at - this.starts[first]!;
    let end = first + 1;
    for (; end < this.lines; end++) {
      if (this.isQuiet(end)) continue;
      const ind = this.indent(end);
      if (ind < indent) break;
      // A sequence under a key may sit at the key's indentation; the next key ends it.
      if (t === "seq" && ind === indent && !this.isDash(this.starts[end]! + ind, this.lineEnd(end))) break;
    }
    return { t, first, at, indent, end };
  }

  /** The lines of a collection that start an entry: the first one, then each at its indentation. */
  private *entryLines(node: Collection): Generator<number> {
    yield node.first;
    for (let i = node.first + 1; i < node.end; i++) {
      if (this.isQuiet(i) || this.indent(i) !== node.indent) continue;
      const p = this.starts[i]! + node.indent;
      // In a mapping, a dash at its indentation belongs to the value of the key before it.
      if (node.t === "map" && this.isDash(p, this.lineEnd(i))) continue;
      yield i;
    }
  }

  private entryStart(node: Collection, line: number): number {
    return line === node.first ? node.at : this.starts[line]! + node.indent;
  }

  private entry(node: Collection, name: string): { key: Key; value: ScanNode } | undefined {
    let doubt = false;
    for (const line of this.entryLines(node)) {
      const k = this.key(this.entryStart(node, line), this.lineEnd(line));
      if (k === undefined) return unsure();
      if (k.uncertain && !SAME_AS_PARSED.test(k.text)) {
        doubt = true;
        continue;
      }
      if (k.text === name) return { key: k, value: this.value(line, k.valueAt, node.indent, node.end, true) };
    }
    // A key like `1.0` or `yes` might be the one asked for under another spelling.
    return doubt ? unsure() : undefined;
  }

  private item(node: Collection, index: number): ScanNode | undefined {
    let n = 0;
    for (const line of this.entryLines(node)) {
      if (n++ !== index) continue;
      const dash = this.entryStart(node, line);
      const end = this.lineEnd(line);
      if (!this.isDash(dash, end)) return unsure();
      const p = this.skipSpaces(dash + 1, end);
      if (p < end && this.text.charCodeAt(p) !== HASH && this.key(p, end) !== undefined) return this.collection("map", line, p);
      return this.value(line, dash + 1, node.indent, node.end, false);
    }
    return undefined;
  }

  /**
   * The value that starts at offset `from` on line `line`, in a collection
   * at indentation `indent` that ends before line `until`.
   */
  private value(line: number, from: number, indent: number, until: number, inMap: boolean): ScanNode {
    const end = this.lineEnd(line);
    const p = this.skipSpaces(from, end);
    if (p >= end || this.text.charCodeAt(p) === HASH) {
      const next = this.nextContent(line + 1, until);
      if (next >= until) return { t: "empty" };
      const ind = this.indent(next);
      const q = this.starts[next]! + ind;
      const qEnd = this.lineEnd(next);
      if (ind > indent) {
        if (this.isDash(q, qEnd)) return this.collection("seq", next, q);
        if (this.key(q, qEnd) !== undefined) return this.collection("map", next, q);
        return unsure();
      }
      if (ind === indent && inMap && this.isDash(q, qEnd)) return this.collection("seq", next, q);
      return { t: "empty" };
    }
    const c = this.text[p]!;
    if (c === "&" || c === "*" || c === "!" || c === "?" || c === "%" || c === "@" || c === "`") return unsure();
    if (this.isDash(p, end)) return unsure();
    if (c === "|" || c === ">") return this.blockScalar(line, p, indent);
    if (c === '"' || c === "'") {
      const close = this.closingQuote(p, end);
      if (close < 0 || !this.restIsQuiet(close + 1, end)) return unsure();
      return { t: "scalar", start: p, end: close + 1 };
    }
    if (c === "[" || c === "{") {
      const close = this.closingBracket(p, end);
      if (close < 0 || !this.restIsQuiet(close + 1, end)) return unsure();
      return { t: "flow", start: p, end: close + 1 };
    }
    return this.plainScalar(line, p, indent);
  }

  /** A plain scalar, over more lines when they are indented deeper than its collection. */
  private plainScalar(line: number, start: number, indent: number): ScanNode {
    let last = this.contentEnd(start, this.lineEnd(line));
    let i = line + 1;
    for (; i < this.lines; i++) {
      if (this.isBlank(i)) continue;
      if (this.indent(i) <= indent) break;
      const p = this.starts[i]! + this.indent(i);
      // A comment ends the scalar; anything deeper after it is beyond this reader.
      if (this.text.charCodeAt(p) === HASH) {
        const after = this.nextContent(i, this.lines);
        if (after < this.lines && this.indent(after) > indent) return unsure();
        break;
      }
      last = this.contentEnd(p, this.lineEnd(i));
    }
    return { t: "scalar", start, end: last };
  }

  /** `|` or `>`: the lines indented deeper than the collection, up to the last that is not blank. */
  private blockScalar(line: number, start: number, indent: number): ScanNode {
    const header = this.text.slice(start, this.lineEnd(line));
    if (!/^[|>][-+]?(?: +#.*)? *$/.test(header)) return unsure();
    let first = line + 1;
    while (first < this.lines && this.isBlank(first)) first++;
    if (first >= this.lines || this.indent(first) <= indent) return unsure();
    const contentIndent = this.indent(first);
    let last = first;
    for (let i = first + 1; i < this.lines; i++) {
      if (this.isBlank(i)) continue;
      if (this.indent(i) < contentIndent) break;
      last = i;
    }
    let end = this.lineEnd(last);
    while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
    return { t: "scalar", start, end };
  }

  /** The end of a plain value on one line: before a comment and trailing spaces. */
  private contentEnd(start: number, lineEnd: number): number {
    let e = lineEnd;
    for (let p = start + 1; p < lineEnd; p++) {
      const c = this.text.charCodeAt(p);
      if (c === HASH && (this.text.charCodeAt(p - 1) === SPACE || this.text.charCodeAt(p - 1) === TAB)) {
        e = p;
        break;
      }
    }
    while (e > start && (this.text.charCodeAt(e - 1) === SPACE || this.text.charCodeAt(e - 1) === TAB)) e--;
    return e;
  }

  private restIsQuiet(p: number, end: number): boolean {
    const q = this.skipSpaces(p, end);
    return q >= end || (this.text.charCodeAt(q) === HASH && q > p);
  }

  private closingQuote(open: number, end: number): number {
    const quote = this.text[open];
    for (let p = open + 1; p < end; p++) {
      const c = this.text[p];
      if (quote === '"' && c === "\\") {
        p++;
        continue;
      }
      if (c !== quote) continue;
      if (quote === "'" && this.text[p + 1] === "'") {
        p++;
        continue;
      }
      return p;
    }
    return -1;
  }

  private closingBracket(open: number, end: number): number {
    let depth = 0;
    for (let p = open; p < end; p++) {
      const c = this.text[p];
      if (c === '"' || c === "'") {
        p = this.closingQuote(p, end);
        if (p < 0) return -1;
      } else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") {
        if (--depth === 0) return p;
      } else if (c === "#" && this.text[p - 1] === " ") return -1;
    }
    return -1;
  }

  /** A mapping key at offset p, or undefined when the line there is no `key:`. */
  private key(p: number, end: number): Key | undefined {
    const c = this.text[p];
    if (c === '"' || c === "'") {
      const close = this.closingQuote(p, end);
      if (close < 0) return unsure();
      const after = this.skipSpaces(close + 1, end);
      if (this.text.charCodeAt(after) !== COLON || !this.endsKey(after + 1, end)) return undefined;
      const inner = this.text.slice(p + 1, close);
      // Escapes would need decoding: leave them to the parser.
      if (c === '"' && inner.includes("\\")) return unsure();
      return { start: p, end: close + 1, text: c === "'" ? inner.replace(/''/g, "'") : inner, uncertain: false, valueAt: after + 1 };
    }
    if (c === "[" || c === "{" || c === "|" || c === ">" || c === "#") return undefined;
    if (c === "?" || c === "&" || c === "*" || c === "!" || c === "%" || c === "@" || c === "`" || c === "\t") return unsure();
    if (this.isDash(p, end)) return undefined;
    for (let q = p; q < end; q++) {
      const ch = this.text.charCodeAt(q);
      if (ch === HASH && q > p && this.text.charCodeAt(q - 1) === SPACE) return undefined;
      if (ch !== COLON || !this.endsKey(q + 1, end)) continue;
      let e = q;
      while (e > p && this.text.charCodeAt(e - 1) === SPACE) e--;
      const text = this.text.slice(p, e);
      return { start: p, end: e, text, uncertain: NOT_A_STRING.test(text), valueAt: q + 1 };
    }
    return undefined;
  }

  private endsKey(p: number, end: number): boolean {
    return p >= end || this.text.charCodeAt(p) === SPACE || this.text.charCodeAt(p) === TAB;
  }

  // ---- ranges ----

  private span(node: ScanNode): Span | undefined {
    if (node.t === "empty") return undefined;
    if (!isCollection(node)) return { start: node.start, end: node.end };
    return { start: node.at, end: this.endOf(node) };
  }

  /** A collection ends where its last entry's value does. */
  private endOf(node: Collection): number {
    let lastLine = node.first;
    for (const line of this.entryLines(node)) lastLine = line;
    const start = this.entryStart(node, lastLine);
    let value: ScanNode;
    if (node.t === "map") {
      const k = this.key(start, this.lineEnd(lastLine));
      if (k === undefined) return unsure();
      value = this.value(lastLine, k.valueAt, node.indent, node.end, true);
    } else {
      const sub = this.item(node, this.countEntries(node) - 1);
      if (!sub) return unsure();
      value = sub;
    }
    if (value.t === "empty") return unsure();
    const end = isCollection(value) ? this.endOf(value) : value.end;
    // `yaml` counts a comment after the last value, on its line or deeper on the lines
    // below, as part of the collection; where exactly it ends then is left to the parser.
    const line = lineIndex(this.starts, end);
    if (this.skipSpaces(end, this.lineEnd(line)) < this.lineEnd(line)) return unsure();
    for (let i = line + 1; i < node.end; i++) if (!this.isBlank(i) && this.indent(i) >= node.indent) return unsure();
    return end;
  }

  private countEntries(node: Collection): number {
    let n = 0;
    for (const _ of this.entryLines(node)) n++;
    return n;
  }
}

/** The 0-based line an offset is on, given where each line starts. */
export function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isCollection(node: ScanNode): node is Collection {
  return node.t === "map" || node.t === "seq";
}
